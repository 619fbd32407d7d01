"""Schema migrations with Alembic, done so that no data can be lost (STACK.md).

Migrations run on a dedicated connection with foreign keys OFF (a batch rebuild of a parent table with
foreign keys on fires ON DELETE CASCADE and empties its children), inside one IMMEDIATE transaction,
and commit only when ``PRAGMA foreign_key_check`` is empty. An existing file is first copied with
``VACUUM INTO``. Alembic is imported only here, when a migration is due.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from .engine import make_engine
from .errors import MigrationError
from .types import timestamp


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
    """Copy the database with ``VACUUM INTO`` to a name that says why, before a migration."""
    target = path.with_name(f"{path.stem}.sebelum-migrasi-{revision}-{timestamp()}{path.suffix}")
    temporary = target.with_name(target.name + ".tmp")
    if temporary.exists():
        temporary.unlink()
    conn = sqlite3.connect(path)
    try:
        conn.execute("VACUUM INTO ?", (str(temporary),))
    finally:
        conn.close()
    os.replace(temporary, target)
    return target


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
    except MigrationError:
        raise
    except Exception as exc:
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
