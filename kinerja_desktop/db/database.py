"""Opening a Kinerja database: locate it, check it, migrate it safely, refuse what we do not know."""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from .engine import BUSY_TIMEOUT_MS, SessionFactory, connect_sqlite, make_engine
from .errors import (
    DatabaseDamagedError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    ForeignDatabaseError,
    JournalFileError,
    NotADatabaseError,
    ReadOnlyLocationError,
    ServerForeignDatabaseError,
    ServerNeedsUpgradeError,
)
from .evidence import DatabaseStore, EvidenceStore, FolderStore
from .files import (
    AUTO_BACKUP_FOLDER,
    SQLITE_CANTOPEN,
    can_write,
    is_locked,
    is_read_only,
    journal_of,
    newest_backup,
    remove_leftovers,
    writable,
)
from .revisions import HEAD, REVISIONS
from .server import Credentials

ENV_URL = "KINERJA_DB_URL"
SQLITE_HEADER = b"SQLite format 3\x00"
CLOUD_FOLDER_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "my drive", "nextcloud")
# Why the sessions of an ``only_reads`` open refuse to write (the reason DatabaseReadOnlyError gives).
ONLY_READS = "dibuka hanya untuk dibaca"
NETWORK_FS_TYPES = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "davfs", "fuse.rclone"}


def default_database_path() -> Path:
    """The database in the platform's user-data folder (e.g. %LOCALAPPDATA%\\Kinerja Desktop)."""
    from platformdirs import user_data_path

    return user_data_path("Kinerja Desktop", appauthor=False, ensure_exists=False) / "kinerja.sqlite"


def resolve_url(db: str | os.PathLike[str] | None) -> str:
    """``--db PATH`` or ``--db URL`` wins, then ``KINERJA_DB_URL``, then the server in ``server.ini`` (IT's settings,
    ``db/server.py``), then the default file."""
    from .server import find_config, is_server_url, normalise_url

    if db is not None:
        if is_server_url(db):
            return normalise_url(str(db))
        if isinstance(db, str) and db.startswith("sqlite:"):
            return db
        return sqlite_url(Path(db))
    env = os.environ.get(ENV_URL)
    if env:
        return normalise_url(env) if is_server_url(env) else env
    configured = find_config()
    if configured is not None:
        return configured[0].url()
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
    read_only: str | None = None  # why the file cannot be written (opened read-only), None when it can
    _folder_store: FolderStore | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def location(self) -> str:
        """What ``--db`` takes to open this database again: the file's path, or the server's URL."""
        return str(self.path) if self.path is not None else self.url

    @property
    def is_server(self) -> bool:
        """A server database (PostgreSQL) shared by the workstations of a LAN, not a file."""
        return self.path is None

    def connect(self) -> sqlite3.Connection:
        """A plain sqlite3 connection to the file (read-only when the database is), for snapshots and checks."""
        assert self.path is not None
        return connect_sqlite(self.path, read_only=self.read_only is not None)

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
        from .server import server_label

        return f"server {server_label(self.url)}"

    @property
    def evidence_dir(self) -> Path | None:
        """Where evidence files are stored on SQLite: a folder beside the database file (None on a server)."""
        if self.path is None:
            return None
        return self.path.with_name(self.path.stem + "-bukti")

    @property
    def evidence(self) -> EvidenceStore:
        """The evidence store: the folder beside a SQLite file, the ``evidence_blob`` table on a server."""
        if self.path is None:
            return DatabaseStore(self.engine)
        # One FolderStore per open database: its parsed pack indexes live as long as the database is open.
        folder, read_only = self.evidence_dir, self.read_only is not None
        store = self._folder_store
        if store is None or store.folder != folder or store.read_only != read_only:
            store = self._folder_store = FolderStore(folder, read_only=read_only)
        return store

    def connect_as(self, engine: Engine | None) -> None:
        """Work through ``engine`` from now on (a signed-in user's own database role on a server); None: back to
        the login the database was opened with."""
        unused = self.sessions.connect_as(engine)
        self.engine = self.sessions.engine
        if unused is not None:
            unused.dispose()

    @property
    def administration(self) -> Engine:
        """The login the database was opened with (IT's on a server): creating roles, counting failed sign-ins."""
        return self.sessions.administration or self.engine

    def close(self) -> None:
        self.engine.dispose()
        if self.sessions.administration is not None:
            self.sessions.administration.dispose()


def open_database(
    db: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    upgrade_server: bool = False,
    credentials: Credentials | None = None,
    only_reads: bool = False,
) -> Database:
    """Open (or create) the database, migrating an older schema after a safety copy.

    Raises a :class:`KinerjaDbError` with an Indonesian message when the file is damaged, belongs to
    another application, or was written by a newer version of the app. A server is never migrated by
    opening it, unless ``upgrade_server`` (the ``server upgrade`` verb); ``credentials`` log in as a person's
    own database role on a server.

    ``only_reads``: the caller only reads (``print pk``) a SQLite file (a server has no such check: it is opened
    as always). Every write session is then refused
    (:data:`ONLY_READS`), so the integrity check that guards writes (``PRAGMA quick_check``, a tenth of a
    one-PK print) and the removal of killed runs' leftovers are left to the next open that can write; a damaged
    page the reads meet is still said in Indonesian (``SessionFactory.read``). A file at an older schema is
    checked and migrated first, as always.
    """
    url = resolve_url(db)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return open_server(url, upgrade=upgrade_server, credentials=credentials)
    if not parsed.database or parsed.database == ":memory:":
        raise NotADatabaseError(parsed.database or ":memory:")
    path = Path(parsed.database)
    journal_base = journal_of(path)
    if journal_base is not None:
        raise JournalFileError(str(path), str(journal_base))
    if path.is_dir():
        raise NotADatabaseError(str(path))
    warnings: list[str] = []
    warning = storage_warning(path)
    if warning:
        warnings.append(warning)
    if not create and not path.exists():
        raise FileNotFoundError(f"Berkas basis data “{path}” tidak ditemukan.")
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReadOnlyLocationError(str(path.parent), "membuat folder basis data") from exc
    read_only = access_problem(path)
    content = _has_content(path)
    revision = inspect_sqlite_file(path, read_only=read_only is not None, check=not only_reads) if content else None
    if only_reads and revision != HEAD and content:  # to be migrated: a write, checked first as every write is
        inspect_sqlite_file(path, read_only=read_only is not None)
    if read_only is None and not (only_reads and revision == HEAD):
        _remove_leftovers_beside(path)
    migrated_from = None
    copy = None
    if revision != HEAD and read_only is not None:
        if not path.exists():
            raise ReadOnlyLocationError(str(path.parent), "membuat basis data baru")
        raise DatabaseReadOnlyError(str(path), read_only, "Menyiapkan atau memperbarui skema basis data")
    if revision is None:
        from .migrate import upgrade_sqlite

        upgrade_sqlite(path, from_revision=None)
    elif revision != HEAD:
        from .migrate import upgrade_sqlite

        copy = upgrade_sqlite(path, from_revision=revision)
        migrated_from = revision
    engine = make_engine(url, read_only=read_only is not None)
    return Database(
        url=url,
        engine=engine,
        path=path,
        sessions=SessionFactory(engine, read_only=read_only or (ONLY_READS if only_reads else None), path=path),
        warnings=warnings,
        migrated_from=migrated_from,
        pre_migration_copy=copy,
        read_only=read_only,
    )


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def access_problem(path: Path) -> str | None:
    """Why the database cannot be written, or None: a read-only file, or a read-only folder (WAL keeps its
    ``-wal``/``-shm`` files beside the database, so SQLite cannot write without creating them)."""
    if path.exists() and not can_write(path):
        return "berkasnya tanpa izin tulis"
    if not writable(path.parent):
        return "foldernya tanpa izin tulis"
    return None


def _remove_leftovers_beside(path: Path) -> None:
    """The temporary files and work folders of killed runs (restore, backup, printing a copy) go at each start."""
    remove_leftovers(path.parent)
    remove_leftovers(path.parent / AUTO_BACKUP_FOLDER)
    remove_leftovers(path.with_name(path.stem + "-bukti"), depth=1)


def open_server(url: str, *, upgrade: bool = False, credentials: Credentials | None = None) -> Database:
    """Connect to a server database and check its schema; only ``upgrade`` (``server upgrade``) migrates it.

    A server that cannot be reached, refuses the login or lacks the database is said in Indonesian
    (:class:`ServerUnavailableError`, …); one at an older schema (or empty) is :class:`ServerNeedsUpgradeError`.
    """
    from sqlalchemy.exc import DBAPIError

    from .server import server_error, server_label

    engine = make_engine(url, credentials=credentials)
    label = server_label(url)
    try:
        revision = server_revision(engine)
        migrated_from = None
        if revision is not None and revision not in REVISIONS:
            raise DatabaseTooNewError(f"server {label}", revision)
        if revision != HEAD:
            if not upgrade:
                raise ServerNeedsUpgradeError(label, revision, HEAD)
            from .migrate import upgrade_engine

            upgrade_engine(engine)
            migrated_from = revision or "kosong"
    except DBAPIError as exc:
        engine.dispose()
        error = server_error(exc, url)
        if error is None:
            raise
        raise error from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(url=url, engine=engine, path=None, sessions=SessionFactory(engine), migrated_from=migrated_from)


def server_revision(engine: Engine) -> str | None:
    """The schema revision of a server database; None when it holds no Kinerja schema yet."""
    from sqlalchemy import inspect, text

    from .server import server_label

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            tables = inspect(conn).get_table_names()
            if tables:
                raise ServerForeignDatabaseError(server_label(engine.url.render_as_string(hide_password=True)))
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def inspect_sqlite_file(path: Path, *, read_only: bool = False, check: bool = True) -> str | None:
    """Check an existing file and return its schema revision (None for an empty SQLite file).

    Runs ``PRAGMA quick_check`` (≈ 80 ms on 63 MB) so that a damaged file is caught before any write; ``check``
    False (an open that cannot write, ``only_reads``) leaves it out. A file another process keeps locked (even
    with ``locking_mode=EXCLUSIVE``) is locked, not damaged: after the busy timeout it raises
    :class:`DatabaseLockedError` and nothing offers to replace it.
    """
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header != SQLITE_HEADER:
        raise NotADatabaseError(str(path))
    try:
        conn = connect_sqlite(path, read_only=read_only, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise _open_error(path, exc, read_only) from exc
    try:
        try:
            if check:
                check_integrity(conn, path)
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables:
                if tables - {"sqlite_sequence"}:
                    raise ForeignDatabaseError(str(path))
                return None
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise _open_error(path, exc, read_only) from exc
    finally:
        conn.close()
    if revision is None:
        return None
    if revision[0] not in REVISIONS:
        raise DatabaseTooNewError(str(path), revision[0])
    return str(revision[0])


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """``PRAGMA quick_check``: a damaged file is refused before anything is written to it."""
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise DatabaseDamagedError(str(path), "; ".join(problems[:3]), newest_backup(path))


def _open_error(path: Path, exc: sqlite3.Error, read_only: bool) -> Exception:
    """Locked (by another window or program) and read-only are not damage: each is said as what it is."""
    if is_locked(exc):
        return DatabaseLockedError(str(path))
    if read_only and (is_read_only(exc) or getattr(exc, "sqlite_errorcode", 0) & 0xFF == SQLITE_CANTOPEN):
        reason = access_problem(path) or "berkasnya tanpa izin tulis"
        return DatabaseReadOnlyError(
            str(path), f"{reason}, dan jurnal -wal-nya belum disatukan ke berkas (SQLite: {exc})", "Membuka"
        )
    return DatabaseDamagedError(str(path), str(exc), newest_backup(path))


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
