"""Copying a whole Kinerja database between SQLite and a server, row for row, inside the target's transaction.

Used for a backup of a server (server → a SQLite snapshot, the ``.kinerja-backup`` format), a restore onto a
server (snapshot → server) and moving a SQLite centre onto a server (``server import``). Both sides must be at the
same schema revision. Every value passes through the column types on both sides (exact decimals, enums, naive UTC
times), so what arrives is what was stored. Rows are copied parents first; a table's references to itself (a goal's
parent, a PK Perubahan's original) are written after all its rows are in.

The target's triggers would refuse signed PKs' rows and closed quarters' realisations: the copy runs inside
:func:`~.triggers.bypass` (the caller's one transaction; nothing of it is visible before commit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Connection, Table, func, select

from .base import schema
from .triggers import BYPASS_TABLE, bypass

# Never copied: Alembic's own table (each side has its revision), the bypass (empty outside maintenance) and the
# evidence contents (they travel as files: evidence.py's stores).
NOT_COPIED = frozenset(("alembic_version", BYPASS_TABLE, "evidence_blob"))
BATCH = 500

Progress = Callable[[str, int], None]


def copied_tables() -> list[Table]:
    """The tables a copy carries, parents first."""
    return [t for t in schema().sorted_tables if t.name not in NOT_COPIED]


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def row_counts(conn: Connection, tables: Iterable[Table] | None = None) -> dict[str, int]:
    return {
        t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
        for t in (tables if tables is not None else copied_tables())
    }


def clear(conn: Connection) -> None:
    """Empty every copied table of the target (a restore replaces everything), children first.

    On PostgreSQL one ``TRUNCATE`` (row triggers do not fire: the whole content is replaced, not a row changed);
    on SQLite row deletes inside :func:`bypass`.
    """
    tables = copied_tables()
    if conn.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        with bypass(conn, "pemulihan"):  # the audit trail's statement trigger refuses TRUNCATE outside it
            conn.exec_driver_sql(f"TRUNCATE {names}")
        return
    with bypass(conn, "pemulihan"):
        for table in tables:
            own = [c for c in _self_references(table) if table.c[c].nullable]
            if own:
                conn.execute(table.update().values({c: None for c in own}))
        for table in reversed(tables):
            conn.execute(table.delete())


def copy_all(source: Connection, target: Connection, reason: str, progress: Progress | None = None) -> dict[str, int]:
    """Insert every row of ``source`` into ``target`` (empty), returning the rows copied per table."""
    counts: dict[str, int] = {}
    with bypass(target, reason):
        for table in copied_tables():
            if progress is not None:
                progress(table.name, len(counts))
            counts[table.name] = _copy_table(source, target, table)
    return counts


def _copy_table(source: Connection, target: Connection, table: Table) -> int:
    own = _self_references(table)
    # Written with the second step too, as they were: an UPDATE would give them their on-update default (now).
    kept = [c.name for c in table.columns if c.onupdate is not None]
    pending: list[dict[str, object]] = []  # (id, references to the same table), written last
    batch: list[dict[str, object]] = []
    total = 0
    key = table.primary_key.columns.values()[0].name
    result = source.execution_options(stream_results=True, yield_per=BATCH).execute(select(table))
    for row in result.mappings():
        values = dict(row)
        if own and any(values.get(c) is not None for c in own):
            pending.append({key: values[key], **{c: values[c] for c in own + kept}})
            values.update({c: None for c in own})
        batch.append(values)
        if len(batch) >= BATCH:
            target.execute(table.insert(), batch)
            total += len(batch)
            batch = []
    if batch:
        target.execute(table.insert(), batch)
        total += len(batch)
    for values in pending:
        target.execute(
            table.update().where(table.c[key] == values[key]).values({c: values[c] for c in own + kept})
        )
    return total
