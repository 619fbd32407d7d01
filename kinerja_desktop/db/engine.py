"""Engine and sessions: SQLite pragmas on every connection, write transactions begun IMMEDIATE.

A database that cannot be written (a read-only file or folder) is opened read-only: reading works, and a
write session is refused at once with :class:`DatabaseReadOnlyError`. A write that fails because the disk is
full or another program holds the lock is rolled back and said in Indonesian.

On a server (PostgreSQL, ``server.py`` makes its engine) a read session is one snapshot (REPEATABLE READ, read
only), as SQLite's read transaction is; writers lock what they check (``locks.py``). On both, a change another
computer made first (a stale version, a serialization failure) is :class:`ConcurrentChangeError`, a lost
server is :class:`ServerUnavailableError`, and a trigger's refusal (``triggers.py``) is the domain's error.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from .errors import (
    ConcurrentChangeError,
    DatabaseDamagedError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    KinerjaDbError,
)

BUSY_TIMEOUT_MS = 5000
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26  # a damaged file, as SQLite's result codes say
READ_ONLY = "kinerja_read_only"


def sqlite_uri(path: Path, *, read_only: bool) -> str:
    """The URI SQLite opens ``path`` with; read-only without a journal to replay: ``immutable`` (no -shm made)."""
    uri = Path(path).absolute().as_uri()
    if not read_only:
        return uri
    wal = Path(f"{path}-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    return f"{uri}?mode=ro" if pending else f"{uri}?mode=ro&immutable=1"


def connect_sqlite(
    path: Path, *, read_only: bool = False, timeout: float = BUSY_TIMEOUT_MS / 1000
) -> sqlite3.Connection:
    """A plain sqlite3 connection to a database file (read-only ones as :func:`sqlite_uri` says)."""
    if not read_only:
        return sqlite3.connect(path, timeout=timeout)
    return sqlite3.connect(sqlite_uri(path, read_only=True), uri=True, timeout=timeout, check_same_thread=False)


def make_engine(
    url: str, *, foreign_keys: bool = True, pooled: bool = True, read_only: bool = False, credentials: Any = None
) -> Engine:
    """Create an engine; on SQLite install the pragmas and our own transaction control.

    A server URL gets its engine from ``server.py`` (``credentials``: a :class:`~.server.Credentials`, the seam
    for a person's own database role).
    """
    if not url.startswith("sqlite"):
        from .server import server_engine

        return server_engine(url, credentials)
    options: dict[str, Any] = {} if pooled else {"poolclass": NullPool}
    if read_only:
        path = Path(make_url(url).database or "")
        options["creator"] = lambda: connect_sqlite(path, read_only=True)
    engine = create_engine(url, **options)
    _install_sqlite_listeners(engine, foreign_keys=foreign_keys, read_only=read_only)
    return engine


def _install_sqlite_listeners(engine: Engine, *, foreign_keys: bool, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Python 3.11's sqlite3 has no ``autocommit``: take over transaction control (STACK.md).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not read_only:  # a read-only connection cannot change the journal mode (the file keeps its own)
            cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit the user saw survives a power cut (kecamatan laptops lose power).
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            # A deferred transaction that reads then writes fails at once when another writer committed
            # in between; an immediate one waits for the lock (busy_timeout).
            conn.exec_driver_sql("BEGIN IMMEDIATE")


class SessionFactory:
    """One session per user action: ``with db.write() as s`` commits or rolls back as a unit.

    ``read_only``: why the database cannot be written (None when it can); ``path``: its file, for messages.
    """

    def __init__(self, engine: Engine, *, read_only: str | None = None, path: Path | None = None) -> None:
        self.engine = engine
        self.read_only = read_only
        self.path = path
        self.is_server = engine.dialect.name != "sqlite"
        self.user: Any = None  # who is signed in (services/users.py's Actor); every session carries it in ``info``
        # On a server where each user is a database role: the engine of the login the database was opened with
        # (IT's, for administration: roles, sign-in failures) while sessions run as the signed-in user's role.
        self.administration: Engine | None = None
        reading: dict[str, Any] = {READ_ONLY: True}
        if self.is_server:  # one snapshot for every query of a read, as SQLite's read transaction gives
            reading.update(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        self._reading = reading
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(bind=engine.execution_options(**reading), expire_on_commit=False)
        self._administrator = sessionmaker(bind=engine, expire_on_commit=False)
        from . import audit_hook, checks, guards, scope_guard
        from .tombstones import record_orm_deletions

        for factory in (self._writer, self._reader, self._administrator):
            guards.install(factory)
            checks.install(factory)
            audit_hook.install(factory)
        scope_guard.install(self._writer)
        record_orm_deletions()

    def connect_as(self, engine: Engine | None) -> Engine | None:
        """Run every later session on ``engine`` (a user's own database role); None: back to the login the
        database was opened with. Returns the engine no longer used (to dispose), if any."""
        previous = self.engine
        if engine is None:
            if self.administration is None:
                return None
            engine, self.administration = self.administration, None
        elif self.administration is None:
            self.administration = previous
        self.engine = engine
        self._writer.configure(bind=engine)
        self._reader.configure(bind=engine.execution_options(**self._reading))
        self._administrator.configure(bind=self.administration or engine)
        return previous if previous is not self.administration else None

    @contextmanager
    def write(self, *, administration: bool = False) -> Iterator[Session]:
        """A write transaction; ``administration``: on the login the database was opened with (managing users and
        their database roles, counting failed sign-ins), the trail still naming the signed-in user."""
        if self.read_only:
            raise DatabaseReadOnlyError(str(self.path or self.engine.url.database), self.read_only)
        factory = self._administrator if administration else self._writer
        session = factory(info={"user": self.user})
        try:
            yield session
            session.commit()
        except (DBAPIError, OSError, StaleDataError) as exc:
            with suppress(Exception):  # on a full disk the rollback may fail too; the transaction is gone anyway
                session.rollback()
            error = self.database_error(exc)
            if error is None:
                raise
            raise error from exc
        except BaseException:
            with suppress(Exception):  # a server gone mid-transaction cannot roll back; the server does
                session.rollback()
            raise
        finally:
            with suppress(Exception):
                session.close()

    def database_error(self, exc: BaseException) -> KinerjaDbError | None:
        """What a failed statement means, in Indonesian; None when it is not the database's to say."""
        if isinstance(exc, StaleDataError):
            return ConcurrentChangeError()
        from . import audit_triggers
        from .triggers import refusal

        refused = refusal(exc) or audit_triggers.refusal(exc)
        if refused is not None:
            return refused
        if self.is_server:
            from .server import server_error

            return server_error(exc, self.engine.url.render_as_string(hide_password=True))
        if isinstance(exc, OperationalError | OSError):
            return self._storage_error(exc)
        return None

    def _damage(self, exc: DBAPIError) -> KinerjaDbError | None:
        """A damaged page met by a read (an ``only_reads`` open leaves the integrity check out): said in
        Indonesian as the open says it, naming the last automatic backup."""
        code = getattr(exc.orig, "sqlite_errorcode", 0) & 0xFF
        if code not in (SQLITE_CORRUPT, SQLITE_NOTADB) or self.path is None:
            return None
        from .files import newest_backup

        return DatabaseDamagedError(str(self.path), str(exc.orig), newest_backup(self.path))

    def _storage_error(self, exc: BaseException) -> KinerjaDbError | None:
        from .files import is_locked, is_read_only, storage_error

        if is_locked(exc) or "busy" in str(exc).lower():
            return DatabaseLockedError()
        if is_read_only(exc) and not isinstance(exc, OSError):
            return DatabaseReadOnlyError(str(self.path or "?"), "berkas atau foldernya tidak dapat ditulisi")
        folder = self.path.parent if self.path is not None else Path(".")
        return storage_error(exc, folder, "menyimpan perubahan", "Tidak ada perubahan yang tersimpan.")

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._reader(info={"user": self.user})
        try:
            yield session
        except DBAPIError as exc:
            error = self.database_error(exc) if self.is_server else self._damage(exc)
            if error is None:
                raise
            raise error from exc
        finally:
            with suppress(Exception):  # a lost server: the read is over anyway
                session.close()  # ends the read transaction; loaded objects stay readable (not expired)
