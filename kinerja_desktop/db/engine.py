"""Engine and sessions: SQLite pragmas on every connection, write transactions begun IMMEDIATE."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from .errors import DatabaseLockedError

BUSY_TIMEOUT_MS = 5000
READ_ONLY = "kinerja_read_only"


def make_engine(url: str, *, foreign_keys: bool = True, pooled: bool = True) -> Engine:
    """Create an engine; on SQLite install the pragmas and our own transaction control."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, poolclass=NullPool) if pooled is False else create_engine(url)
    _install_sqlite_listeners(engine, foreign_keys=foreign_keys)
    return engine


def _install_sqlite_listeners(engine: Engine, *, foreign_keys: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Python 3.11's sqlite3 has no ``autocommit``: take over transaction control (STACK.md).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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
    """One session per user action: ``with db.write() as s`` commits or rolls back as a unit."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(bind=engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
        from . import checks, guards
        from .tombstones import record_orm_deletions

        for factory in (self._writer, self._reader):
            guards.install(factory)
            checks.install(factory)
        record_orm_deletions()

    @contextmanager
    def write(self) -> Iterator[Session]:
        session = self._writer()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise DatabaseLockedError() from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._reader()
        try:
            yield session
        finally:
            session.close()  # ends the read transaction; loaded objects stay readable (not expired)
