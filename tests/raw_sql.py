"""Raw SQL in tests, as a script or an old version of the app would send it, on SQLite or PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

from kinerja_desktop.db import triggers
from kinerja_desktop.db.database import Database


@contextmanager
def behind_the_apps_back(db: Database, *, past_locks: bool = True) -> Iterator[Connection]:
    """A connection of its own; ``past_locks``: past the database's triggers too (db/triggers.py), as a tamperer
    who turned them off, or a version of the app from before them, could have written."""
    with db.engine.begin() as conn:
        if past_locks:
            with triggers.bypass(conn, "uji: di luar aplikasi"):
                yield conn
        else:
            yield conn


def run(db: Database, sql: str, params: dict | None = None, *, past_locks: bool = True) -> None:
    """One statement with ``:name`` parameters, committed."""
    with behind_the_apps_back(db, past_locks=past_locks) as conn:
        conn.execute(text(sql), params or {})


def dump(db: Database) -> str:
    """Every row of every table (the server's ``iterdump``), in key order: equal means the same data."""
    from sqlalchemy import select

    from kinerja_desktop.db.base import schema

    lines = []
    with db.engine.connect() as conn:
        for table in schema().sorted_tables:
            order = list(table.primary_key.columns)
            for row in conn.execute(select(table).order_by(*order)):
                lines.append(f"{table.name}: {tuple(row)!r}")
    return "\n".join(lines)
