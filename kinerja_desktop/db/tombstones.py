"""Tombstones: deleted rows of synchronised tables are remembered so that the deletion travels in packages.

Deletions through the ORM are recorded by a mapper-level ``before_delete`` listener that every session
factory installs (:func:`record_orm_deletions`, called by :class:`~kinerja_desktop.db.engine.SessionFactory`).
Core ``delete()`` statements bypass it: code that deletes synchronised rows with Core writes its own
tombstones with :func:`write_tombstone` (the package import does).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, event, insert

from .base import Base
from .sync_scope import SYNC_TABLES, UNKNOWN, connection_lookup, metadata_tables, opd_of
from .types import new_id, utcnow


def write_tombstone(
    connection: Any, table: str, row_id: str, opd_id: str | None, origin: str, *, acked: bool = False
) -> None:
    """Remember that ``table``'s row ``row_id`` was deleted (one tombstone per row; the newest wins)."""
    tombstones = metadata_tables()["sync_tombstone"]
    now = utcnow()
    connection.execute(delete(tombstones).where(tombstones.c.table_name == table, tombstones.c.row_id == row_id))
    connection.execute(
        insert(tombstones).values(
            id=new_id(),
            table_name=table,
            row_id=row_id,
            opd_id=opd_id if opd_id != UNKNOWN else None,
            origin=origin,
            deleted_at=now,
            created_at=now,
            updated_at=now,
            version=1,
            sent_seq=None,
            acked=acked,
        )
    )


def _record_orm_deletion(mapper: Any, connection: Any, target: Any) -> None:
    """Mapper ``before_delete`` listener: remember the deletion of a synchronised row."""
    table = mapper.local_table.name
    if table not in SYNC_TABLES:
        return
    values = {attr.key: getattr(target, attr.key, None) for attr in mapper.column_attrs}
    opd_id = opd_of(table, values, connection_lookup(connection))
    write_tombstone(connection, table, str(values["id"]), opd_id, "lokal")


def record_orm_deletions() -> None:
    """Record a tombstone whenever the ORM deletes a row of a synchronised table (installed once).

    A mapper ``before_delete`` listener (rather than a Session ``before_flush`` one) sees every row the
    unit of work deletes, including ORM cascades and delete-orphans, and runs while the parents still
    exist, so the OPD scope can be resolved on the same connection.
    """
    if not event.contains(Base, "before_delete", _record_orm_deletion):
        event.listen(Base, "before_delete", _record_orm_deletion, propagate=True)
