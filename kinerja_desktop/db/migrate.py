"""Schema migrations with Alembic, done so that no data can be lost (STACK.md).

Migrations run on a dedicated connection with foreign keys OFF (a batch rebuild of a parent table with
foreign keys on fires ON DELETE CASCADE and empties its children), inside one IMMEDIATE transaction,
and commit only when ``PRAGMA foreign_key_check`` is empty. An existing file is first copied with
``VACUUM INTO``. Alembic is imported only here, when a migration is due.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from .engine import make_engine
from .errors import DatabaseLockedError, KinerjaDbError, MigrationError
from .files import copy_names, is_locked, keep_as, storage_errors, temporary_path, unlink_quietly


def migrations_dir() -> Path:
    # In the frozen bundle the migrations are shipped as data files at the same relative place.
    return Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None):  # noqa: ANN201 - alembic is imported lazily
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _run_upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def safety_copy(path: Path, revision: str) -> Path:
    """Copy the database with ``VACUUM INTO`` to a name that says why (and no other copy has), before a migration."""
    temporary = temporary_path(path.with_name(f"{path.stem}.sebelum-migrasi{path.suffix}"))
    unlink_quietly(temporary)
    try:
        with storage_errors("menyimpan salinan sebelum pembaruan skema", path.parent, "Basis data tidak diubah."):
            conn = sqlite3.connect(path)
            try:
                conn.execute("VACUUM INTO ?", (str(temporary),))
            finally:
                conn.close()
            return keep_as(temporary, copy_names(path.parent, path.stem, f"sebelum-migrasi-{revision}", path.suffix))
    finally:
        unlink_quietly(temporary)


def upgrade_sqlite(path: Path, *, from_revision: str | None, to_revision: str = "head") -> Path | None:
    """Create or upgrade a SQLite file; returns the safety copy of an existing database."""
    copy = safety_copy(path, from_revision) if from_revision is not None else None
    engine = make_engine(f"sqlite:///{path}", foreign_keys=False, pooled=False)
    try:
        with engine.begin() as conn:
            _run_upgrade(conn, to_revision)
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise MigrationError(str(path), f"{len(problems)} baris melanggar kunci asing", str(copy or ""))
    except KinerjaDbError:
        raise
    except Exception as exc:
        if is_locked(exc):
            raise DatabaseLockedError(str(path), action="Pembaruan skema") from exc
        raise MigrationError(str(path), str(exc).splitlines()[0], str(copy) if copy else None) from exc
    finally:
        engine.dispose()
    return copy


def upgrade_engine(engine: Engine, to_revision: str = "head") -> None:
    """Upgrade a server database (PostgreSQL) in one transaction."""
    with engine.begin() as conn:
        _run_upgrade(conn, to_revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:
            return None
