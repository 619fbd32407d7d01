"""Locks a writing use case takes so that the rule it checks is the rule that holds at its commit.

On SQLite every write transaction begins IMMEDIATE: one writer at a time, so a check and the write after it can
never interleave with another computer's. On PostgreSQL (READ COMMITTED) two clients could both pass a check; so a
use case locks the row whose state it checks (``SELECT … FOR UPDATE``), or, where that row may not exist yet (a
quarter before it is closed), a transaction-level advisory lock on a key of its own. Locks end with the
transaction; waiting longer than the server's ``lock_timeout`` is :class:`~.errors.RowBusyError`.

Take locks first, before reading what is checked: a read after the lock sees the other side's commit.
Always in the same order (quarters, then agreements by id), so two use cases never wait for each other.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .models import PerformanceAgreement

# Advisory lock namespaces (the first of the two int4 keys).
QUARTER = 1
AGREEMENT_YEAR = 2
EXCHANGE = 3
LKE_YEAR = 4


def _is_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _advisory(session: Session, namespace: int, key: int) -> None:
    session.execute(text("SELECT pg_advisory_xact_lock(:ns, :key)"), {"ns": namespace, "key": key})


def _key(text_value: str) -> int:
    """A stable int4 key for a text (an OPD id)."""
    return zlib.crc32(text_value.encode()) - (1 << 31)


def lock_quarters(session: Session, quarters: Iterable[tuple[int, int]]) -> None:
    """Closing a quarter and writing its realisations exclude each other (the quarter may have no row yet)."""
    if not _is_server(session):
        return
    for year, quarter in sorted(set(quarters)):
        _advisory(session, QUARTER, year * 10 + quarter)


def lock_agreements(session: Session, ids: Iterable[str]) -> None:
    """``SELECT … FOR UPDATE`` on agreement rows: signing, finalising, editing and importing one serialise.

    An agreement the session loaded before is refreshed from the locked row (what the other side committed).
    """
    wanted = sorted({i for i in ids if i})
    if not wanted or not _is_server(session):
        return
    session.scalars(
        select(PerformanceAgreement)
        .where(PerformanceAgreement.id.in_(wanted))
        .order_by(PerformanceAgreement.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()


def lock_opd_year(session: Session, opd_id: str | None, year: int) -> None:
    """Creating an OPD's PK of a year (or its PK Perubahan): the row to lock does not exist yet."""
    if _is_server(session):
        _advisory(session, AGREEMENT_YEAR, _key(f"{opd_id or 'daerah'}:{year}"))


def lock_exchange(session: Session) -> None:
    """One package import at a time (its plan reads what it then writes, across many tables)."""
    if _is_server(session):
        _advisory(session, EXCHANGE, 0)


def lock_lke_year(session: Session, year: int) -> None:
    """Every write of a year's AKIP evaluation (its structure, an OPD's LKE, finalising): the structure is fixed
    once an evaluation is final, and a final evaluation was complete against the structure at its commit."""
    if _is_server(session):
        _advisory(session, LKE_YEAR, year)
