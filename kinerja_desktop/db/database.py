"""Opening a Kinerja database: locate it, check it, migrate it safely, refuse what we do not know."""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from .engine import SessionFactory, make_engine
from .errors import DatabaseDamagedError, DatabaseTooNewError, ForeignDatabaseError, NotADatabaseError
from .revisions import HEAD, REVISIONS

ENV_URL = "KINERJA_DB_URL"
SQLITE_HEADER = b"SQLite format 3\x00"
CLOUD_FOLDER_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "my drive", "nextcloud")
NETWORK_FS_TYPES = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "davfs", "fuse.rclone"}


def default_database_path() -> Path:
    """The database in the platform's user-data folder (e.g. %LOCALAPPDATA%\\Kinerja Desktop)."""
    from platformdirs import user_data_path

    return user_data_path("Kinerja Desktop", appauthor=False, ensure_exists=False) / "kinerja.sqlite"


def resolve_url(db: str | os.PathLike[str] | None) -> str:
    """``--db PATH`` wins, then ``KINERJA_DB_URL``, then the default file."""
    if db is not None:
        return sqlite_url(Path(db))
    env = os.environ.get(ENV_URL)
    if env:
        return env
    return sqlite_url(default_database_path())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


@dataclass
class Database:
    """An open database: its URL, file (for SQLite), engine and session factory."""

    url: str
    engine: Engine
    path: Path | None
    sessions: SessionFactory
    warnings: list[str] = field(default_factory=list)
    migrated_from: str | None = None
    pre_migration_copy: Path | None = None

    @property
    def write(self):  # noqa: ANN201 - a context manager factory
        return self.sessions.write

    @property
    def read(self):  # noqa: ANN201
        return self.sessions.read

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def evidence_dir(self) -> Path | None:
        """Where evidence files are stored: a folder beside the database file."""
        if self.path is None:
            return None
        return self.path.with_name(self.path.stem + "-bukti")

    def close(self) -> None:
        self.engine.dispose()


def open_database(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> Database:
    """Open (or create) the database, migrating an older schema after a safety copy.

    Raises a :class:`KinerjaDbError` with an Indonesian message when the file is damaged, belongs to
    another application, or was written by a newer version of the app.
    """
    url = resolve_url(db)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return _open_server(url)
    path = Path(parsed.database)
    warnings: list[str] = []
    warning = storage_warning(path)
    if warning:
        warnings.append(warning)
    revision = inspect_sqlite_file(path) if path.exists() and path.stat().st_size > 0 else None
    migrated_from = None
    copy = None
    if revision is None:
        if not create and not path.exists():
            raise FileNotFoundError(f"Berkas basis data “{path}” tidak ditemukan.")
        path.parent.mkdir(parents=True, exist_ok=True)
        from .migrate import upgrade_sqlite

        upgrade_sqlite(path, from_revision=None)
    elif revision != HEAD:
        from .migrate import upgrade_sqlite

        copy = upgrade_sqlite(path, from_revision=revision)
        migrated_from = revision
    engine = make_engine(url)
    return Database(
        url=url,
        engine=engine,
        path=path,
        sessions=SessionFactory(engine),
        warnings=warnings,
        migrated_from=migrated_from,
        pre_migration_copy=copy,
    )


def _open_server(url: str) -> Database:
    engine = make_engine(url)
    from sqlalchemy import text

    with engine.connect() as conn:
        try:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:
            conn.rollback()
            revision = None
    if revision is not None and revision not in REVISIONS:
        raise DatabaseTooNewError(make_url(url).render_as_string(hide_password=True), revision)
    migrated_from = None
    if revision != HEAD:
        from .migrate import upgrade_engine

        upgrade_engine(engine)
        migrated_from = revision
    return Database(url=url, engine=engine, path=None, sessions=SessionFactory(engine), migrated_from=migrated_from)


def inspect_sqlite_file(path: Path) -> str | None:
    """Check an existing file and return its schema revision (None for an empty SQLite file).

    Runs ``PRAGMA quick_check`` (≈ 80 ms on 63 MB) so that a damaged file is caught before any write.
    """
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header != SQLITE_HEADER:
        raise NotADatabaseError(str(path))
    try:
        conn = sqlite3.connect(path, timeout=5)
    except sqlite3.Error as exc:
        raise DatabaseDamagedError(str(path), str(exc), _last_backup(path)) from exc
    try:
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            raise DatabaseDamagedError(str(path), str(exc), _last_backup(path)) from exc
        if problems != ["ok"]:
            raise DatabaseDamagedError(str(path), "; ".join(problems[:3]), _last_backup(path))
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise ForeignDatabaseError(str(path))
            return None
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    if revision is None:
        return None
    if revision[0] not in REVISIONS:
        raise DatabaseTooNewError(str(path), revision[0])
    return str(revision[0])


def _last_backup(path: Path) -> str | None:
    """The newest automatic backup beside the database, if any (filled by the backup feature)."""
    folder = path.parent / "cadangan-otomatis"
    if not folder.is_dir():
        return None
    backups = sorted(folder.glob("*.kinerja-backup"), key=lambda p: p.stat().st_mtime)
    return str(backups[-1]) if backups else None


def storage_warning(path: Path) -> str | None:
    """Warn when the file lies on a network share or in a cloud-synced folder (WAL needs one host)."""
    text = str(path)
    lowered = text.lower()
    if text.startswith("\\\\") or text.startswith("//"):
        return _share_message(text)
    if any(marker in lowered for marker in CLOUD_FOLDER_MARKERS):
        return (
            f"Basis data “{text}” berada di folder yang disinkronkan ke awan. Aplikasi sinkronisasi dapat "
            "menyalin berkas basis data setengah jadi sehingga data hilang. Pindahkan ke folder lokal."
        )
    if sys.platform.startswith("linux"):
        fs_type = _linux_fs_type(path)
        if fs_type in NETWORK_FS_TYPES:
            return _share_message(text)
    return None


def _share_message(text: str) -> str:
    return (
        f"Basis data “{text}” berada di folder jaringan. SQLite tidak aman dipakai bersama lewat jaringan; "
        "simpan di disk lokal, atau gunakan server basis data untuk banyak pengguna."
    )


def _linux_fs_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target = str(path.expanduser().resolve().parent)
    best: tuple[str, str | None] = ("", None)
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) >= len(
            best[0]
        ):
            best = (mount_point, parts[2])
    return best[1]
