"""Errors about backup files and field packages; ``str(error)`` is an Indonesian sentence for the user.

Whatever the error, the database is left exactly as it was: the services raise before writing, or
inside the one transaction they roll back.
"""

from __future__ import annotations

UNCHANGED = "Basis data tidak diubah."


class InterchangeError(Exception):
    """Base class of every problem with a backup or package file."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} {UNCHANGED}")
        self.message = message


class CorruptArchiveError(InterchangeError):
    """Not a zip, truncated, or damaged (bad CRC)."""

    def __init__(self, name: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(f"Berkas “{name}” rusak atau tidak lengkap (terpotong){extra}.")


class WrongFileKindError(InterchangeError):
    def __init__(self, name: str, expected: str, found: str) -> None:
        super().__init__(f"Berkas “{name}” bukan {expected} (berkas ini: {found}).")


class UnsafeMemberError(InterchangeError):
    """A member name that could escape the target folder (zip-slip) or that we do not expect."""

    def __init__(self, name: str, member: str, why: str) -> None:
        super().__init__(f"Berkas “{name}” memuat isian tidak aman “{member[:120]}”: {why}.")


class MemberTooLargeError(InterchangeError):
    """A member bigger than allowed, or compressed suspiciously well (a zip bomb)."""

    def __init__(self, name: str, member: str, why: str) -> None:
        super().__init__(f"Berkas “{name}” ditolak: isian “{member[:120]}” {why} (kemungkinan bom zip).")


class ChecksumError(InterchangeError):
    def __init__(self, name: str, member: str) -> None:
        super().__init__(
            f"Berkas “{name}” telah berubah atau rusak: checksum isian “{member}” tidak cocok dengan manifes."
        )


class ManifestError(InterchangeError):
    def __init__(self, name: str, detail: str) -> None:
        super().__init__(f"Manifes berkas “{name}” tidak sah: {detail}.")


class MalformedContentError(InterchangeError):
    """Rows that are not valid JSON, have wrong types, or break the database's constraints."""

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(f"Isi berkas “{name}” tidak sah: {detail}.")


class SchemaTooNewError(InterchangeError):
    def __init__(self, name: str, revision: str) -> None:
        super().__init__(
            f"Berkas “{name}” dibuat oleh versi Kinerja Desktop yang lebih baru (skema {revision}). "
            "Perbarui aplikasi ini terlebih dahulu."
        )


class WrongRegencyError(InterchangeError):
    def __init__(self, name: str, theirs: str, ours: str) -> None:
        super().__init__(f"Paket “{name}” berasal dari {theirs}, sedangkan basis data ini milik {ours}.")


class SignatureError(InterchangeError):
    def __init__(self, name: str, detail: str) -> None:
        super().__init__(f"Tanda tangan paket “{name}” tidak sah: {detail}.")


class SequenceError(InterchangeError):
    def __init__(self, name: str, detail: str) -> None:
        super().__init__(f"Paket “{name}” tidak dapat diimpor: {detail}.")


class RoleError(InterchangeError):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)


class UnresolvedConflictsError(InterchangeError):
    """Conflicts without a choice: nothing was imported; ``conflicts`` lists them."""

    def __init__(self, conflicts: list) -> None:  # list[Conflict]; kept loose to avoid an import cycle
        self.conflicts = conflicts
        super().__init__(
            f"Impor dihentikan: {len(conflicts)} konflik belum diputuskan "
            "(pilih nilai pusat atau nilai paket untuk setiap konflik)."
        )


class EnrolmentCodeError(SignatureError):
    """A master package read without its enrolment code, or with one that cannot be a code."""

    def __init__(self, name: str, detail: str = "") -> None:
        super().__init__(
            name,
            detail
            or "paket induk memerlukan kode pendaftaran yang ditampilkan di pusat saat paket dibuat "
            "(16 huruf dan angka, mis. K7QF-2M9X-R4TA-HW3C)",
        )
        self.missing = not detail
