"""Errors of the database layer; each carries a message in Indonesian for the user."""

from __future__ import annotations

from ..domain.errors import ValidationError


class KinerjaDbError(Exception):
    """Base class: ``str(error)`` is a sentence the GUI and the CLI can show as it is."""


class NotADatabaseError(KinerjaDbError):
    def __init__(self, path: str) -> None:
        super().__init__(f"Berkas “{path}” bukan basis data Kinerja Desktop (bukan berkas SQLite).")


class JournalFileError(KinerjaDbError):
    """``x.sqlite-wal`` given as the database: opening (or creating) it would destroy ``x.sqlite``'s journal."""

    def __init__(self, path: str, database: str) -> None:
        super().__init__(
            f"Berkas “{path}” adalah berkas jurnal basis data “{database}”, bukan basis data. Buka “{database}”; "
            "berkas tidak diubah."
        )


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
    """Another window or program holds the database's lock: locked, not damaged; nothing is moved or changed."""

    def __init__(self, path: str | None = None, *, waited_ms: int | None = None, action: str = "") -> None:
        who = "jendela Kinerja Desktop lain atau program lain"
        name = f"basis data “{path}”" if path else "basis data"
        waited = f" (sudah ditunggu {waited_ms // 1000} detik)" if waited_ms else ""
        doing = f"{action} tidak dijalankan: " if action else ""
        after = ". Berkasnya tidak rusak dan tidak diubah." if path else "; tidak ada perubahan yang tersimpan."
        message = (
            f"{doing}{name} sedang dipakai dan terkunci oleh {who}{waited}. Tutup jendela atau program itu "
            f"(atau tunggu sebentar), lalu coba lagi{after}"
        )
        super().__init__(message[0].upper() + message[1:])
        self.path = path


class DatabaseReadOnlyError(KinerjaDbError):
    """The database file or its folder cannot be written: reading works, a change is refused before it starts."""

    def __init__(self, path: str, reason: str, action: str = "") -> None:
        doing = f"{action} tidak dapat dijalankan: " if action else ""
        message = (
            f"{doing}basis data “{path}” hanya dapat dibaca ({reason}). Perubahan tidak dapat disimpan; "
            "tidak ada yang diubah. Ubah izin berkas dan foldernya, atau salin basis data ke folder yang dapat "
            "ditulisi."
        )
        super().__init__(message[0].upper() + message[1:])
        self.path = path
        self.reason = reason


class StorageError(KinerjaDbError):
    """A file-system problem (disk full, read-only place, a path that cannot be the output) said in Indonesian."""


class DiskFullError(StorageError):
    def __init__(self, folder: str, action: str, note: str = "", detail: str = "") -> None:
        why = f" ({detail})" if detail else ""
        message = (
            f"Disk penuh: ruang di “{folder}” tidak cukup untuk {action}{why}. Kosongkan ruang disk atau pilih "
            "tempat lain, lalu coba lagi."
        )
        super().__init__(f"{message} {note}".strip())
        self.folder = folder


class ReadOnlyLocationError(StorageError):
    def __init__(self, path: str, action: str, note: str = "") -> None:
        message = (
            f"Tidak dapat {action}: “{path}” hanya dapat dibaca (tidak ada izin menulis). Pilih folder lain atau "
            "ubah izinnya."
        )
        super().__init__(f"{message} {note}".strip())
        self.path = path


class OutputPathError(StorageError):
    """An output path that would destroy something (the open database, its journal) or is not a file."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"Tujuan “{path}” tidak dapat dipakai: {why}. Pilih nama atau folder lain.")
        self.path = path


class AgreementLockedError(KinerjaDbError):
    """A signed Perjanjian Kinerja (or one replaced by a PK Perubahan) can no longer change."""

    def __init__(self, what: str = "Perjanjian Kinerja ini") -> None:
        super().__init__(
            f"{what} sudah ditandatangani dan dikunci; perubahan ditolak. "
            "Buat PK Perubahan untuk mengubah target atau anggaran."
        )


class AuditTrailProtectedError(KinerjaDbError):
    """The audit trail is append-only: the database refused to change or delete one of its rows."""

    def __init__(self) -> None:
        super().__init__("Jejak audit tidak dapat diubah atau dihapus; perubahan ditolak.")


class InvalidValueError(ValidationError, KinerjaDbError):
    """A value outside its column's declared limits (db/limits.py): ``errors`` maps form fields to messages.

    A :class:`~kinerja_desktop.domain.errors.ValidationError`, so every service and form shows it under
    the field at fault without catching anything new; and a database error, so the command line prints it.
    """


class AccessDeniedError(ValidationError, KinerjaDbError):
    """The signed-in user's role or OPDs do not cover this change (services/users.py; db/scope_guard.py at
    flush): an Indonesian sentence, nothing stored."""

    def __init__(self, message: str, action: str | None = None) -> None:
        ValidationError.__init__(self, {"user": message})
        self.action = action  # the refused action (services/users.py ACTIONS), None for a scope refusal


class QuarterClosedError(KinerjaDbError):
    """A closed quarter's realisations are frozen with its ranking: no change, whoever sends it."""

    def __init__(self, year: int | None = None, quarter: int | None = None) -> None:
        which = f"Triwulan {quarter} tahun {year}" if year and quarter else "Triwulan ini"
        super().__init__(f"{which} sudah ditutup Bappeda; realisasinya tidak dapat diubah. Tidak ada yang disimpan.")


# ---------------------------------------------------------------------------------------------- server mode


class ServerError(KinerjaDbError):
    """A server database (PostgreSQL) that cannot be used as it is; ``server`` names it without a password."""

    def __init__(self, message: str, server: str = "") -> None:
        super().__init__(message)
        self.server = server


class ServerUnavailableError(ServerError):
    """The server cannot be reached, or the connection broke: nothing of the action was saved."""

    def __init__(self, server: str, detail: str = "") -> None:
        why = f" ({detail})" if detail else ""
        super().__init__(
            f"Server tidak terhubung: server basis data {server} tidak dapat dihubungi{why}. Periksa jaringan "
            "dan server, lalu coba lagi. Perubahan yang belum tersimpan tetap di layar.",
            server,
        )
        self.detail = detail


class ServerLoginError(ServerError):
    def __init__(self, server: str, user: str) -> None:
        super().__init__(
            f"Server {server} menolak masuk: nama pengguna “{user}” atau kata sandinya salah, atau pengguna itu "
            "tidak diizinkan. Periksa keduanya (tanyakan petugas TI).",
            server,
        )


class ServerDatabaseMissingError(ServerError):
    def __init__(self, server: str, database: str) -> None:
        super().__init__(
            f"Basis data “{database}” tidak ada di server {server}. Periksa nama basis data, atau minta petugas TI "
            "membuatnya (README, bagian untuk TI).",
            server,
        )


class ServerNeedsUpgradeError(ServerError):
    """The server's schema is older than this app (or not set up): only ``server upgrade`` migrates a server."""

    def __init__(self, server: str, revision: str | None, head: str) -> None:
        state = f"masih skema {revision}" if revision else "belum disiapkan (kosong)"
        super().__init__(
            f"Basis data di server {server} {state}, sedangkan aplikasi ini memakai skema {head}. Server perlu "
            "diperbarui sekali oleh petugas TI: kinerja-desktop server upgrade --db URL. Aplikasi di komputer ini "
            "tidak memperbarui server sendiri; tidak ada yang diubah.",
            server,
        )
        self.revision = revision


class ServerConfigError(ServerError):
    """The server settings file IT deployed cannot be used as it is."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"Berkas pengaturan server “{path}” tidak dapat dipakai: {detail}.", path)


class ConcurrentChangeError(KinerjaDbError):
    """Another computer changed (or is changing) what this action was about to change: nothing was saved."""

    def __init__(self, what: str = "Data ini") -> None:
        super().__init__(
            f"{what} baru saja diubah dari komputer lain sejak dibuka di sini; perubahan Anda belum disimpan "
            "agar perubahan itu tidak tertimpa. Muat ulang untuk melihat data terbaru, lalu ulangi perubahan Anda."
        )
        self.what = what


class RowBusyError(KinerjaDbError):
    """A row another computer keeps locked in a long transaction (PostgreSQL's lock_timeout passed)."""

    def __init__(self, waited_s: int) -> None:
        super().__init__(
            f"Data ini sedang diubah dari komputer lain (sudah ditunggu {waited_s} detik). Tunggu sebentar, lalu "
            "coba lagi; tidak ada perubahan yang tersimpan."
        )


class ServerForeignDatabaseError(ServerError):
    def __init__(self, server: str) -> None:
        super().__init__(
            f"Basis data di server {server} berisi tabel aplikasi lain, bukan Kinerja Desktop. Pilih basis data "
            "kosong atau basis data Kinerja Desktop; tidak ada yang diubah.",
            server,
        )


class ServerPermissionError(ServerError):
    """The database role this computer connects as may not read or change what the action needs."""

    def __init__(self, server: str, user: str, detail: str = "") -> None:
        why = f" ({detail})" if detail else ""
        super().__init__(
            f"Pengguna “{user}” tidak berhak atas data ini di server {server}{why}. Tidak ada yang diubah; minta "
            "petugas TI memberi hak yang diperlukan.",
            server,
        )
