"""Appointing OPD heads in tests that build rows through the models: the head is the holder of the OPD's head
position (``services/positions.py`` does it in the app)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Opd, Position, PositionHolder
from kinerja_desktop.domain.enums import PositionLevel


def add_head(opd: Opd, **holder: Any) -> PositionHolder:
    """A new OPD (not flushed yet) with its head position and its first head (PositionHolder's columns)."""
    head = PositionHolder(**holder)
    opd.positions.append(Position(level=PositionLevel.HEAD, name=holder["position"], holders=[head]))
    return head


def appoint_head(session: Session, opd_id: str, **holder: Any) -> PositionHolder:
    """Another head of a stored OPD (PositionHolder's columns: official, position, acting, start_date …)."""
    position = session.scalars(
        select(Position).where(Position.opd_id == opd_id, Position.level == PositionLevel.HEAD)
    ).one()
    head = PositionHolder(**holder)
    position.holders.append(head)
    return head


# ``opd_head`` as it was before 0009_cascade moved its rows into ``position_holder``: the migration tests of older
# revisions read the heads they stored through it, column for column.
OPD_HEAD_AFTER_0009 = (
    "(SELECT p.opd_id AS opd_id, h.official_id AS official_id, h.position AS position, h.acting AS acting, "
    "h.start_date AS start_date, h.end_date AS end_date, h.id AS id, h.created_at AS created_at, "
    "h.updated_at AS updated_at, h.version AS version "
    "FROM position_holder h JOIN position p ON p.id = h.position_id WHERE p.level = 'kepala')"
)


def table_source(conn: Any, table: str) -> str:
    """What to read ``table``'s rows from in SQL (a sqlite3 connection): the table, or the heads' holders
    where ``opd_head`` is gone."""
    if table == "opd_head" and conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'opd_head'"
    ).fetchone()[0] == 0:
        return OPD_HEAD_AFTER_0009
    return f'"{table}"'
