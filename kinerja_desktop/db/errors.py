"""Errors of the database layer; each carries a message in Indonesian for the user."""

from __future__ import annotations

from ..domain.errors import ValidationError


class KinerjaDbError(Exception):
    """Base class: ``str(error)`` is a sentence the GUI and the CLI can show as it is."""


class NotADatabaseError(KinerjaDbError):
    def __init__(self, path: str) -> None:
        super().__init__(f"Berkas “{path}” bukan basis data Kinerja Desktop (bukan berkas SQLite).")


class ForeignDatabaseError(KinerjaDbError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"Berkas “{path}” adalah basis data SQLite milik aplikasi lain, bukan Kinerja Desktop. "
            "Berkas tidak diubah."
        )


class DatabaseDamagedError(KinerjaDbError):
    def __init__(self, path: str, detail: str, last_backup: str | None = None) -> None:
        message = (
            f"Basis data “{path}” rusak dan tidak dapat dibuka dengan aman ({detail}). "
            "Berkas tidak diubah."
        )
        if last_backup:
            message += f" Cadangan otomatis terakhir tersedia: {last_backup}."
        super().__init__(message)
        self.path = path
        self.detail = detail
        self.last_backup = last_backup


class DatabaseTooNewError(KinerjaDbError):
    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            f"Basis data “{path}” dibuat oleh versi Kinerja Desktop yang lebih baru (skema {revision}). "
            "Perbarui aplikasi ini untuk membukanya; berkas tidak diubah."
        )
        self.revision = revision


class MigrationError(KinerjaDbError):
    def __init__(self, path: str, detail: str, backup: str | None) -> None:
        message = f"Pembaruan skema basis data “{path}” gagal dan dibatalkan ({detail})."
        if backup:
            message += f" Salinan sebelum pembaruan tersimpan di {backup}."
        super().__init__(message)


class DatabaseLockedError(KinerjaDbError):
    def __init__(self) -> None:
        super().__init__(
            "Basis data sedang dipakai oleh proses lain dan terkunci. Tunggu sebentar lalu coba lagi; "
            "tidak ada perubahan yang tersimpan."
        )


class AgreementLockedError(KinerjaDbError):
    """A signed Perjanjian Kinerja (or one replaced by a PK Perubahan) can no longer change."""

    def __init__(self, what: str = "Perjanjian Kinerja ini") -> None:
        super().__init__(
            f"{what} sudah ditandatangani dan dikunci; perubahan ditolak. "
            "Buat PK Perubahan untuk mengubah target atau anggaran."
        )


class InvalidValueError(ValidationError, KinerjaDbError):
    """A value outside its column's declared limits (db/limits.py): ``errors`` maps form fields to messages.

    A :class:`~kinerja_desktop.domain.errors.ValidationError`, so every service and form shows it under
    the field at fault without catching anything new; and a database error, so the command line prints it.
    """
