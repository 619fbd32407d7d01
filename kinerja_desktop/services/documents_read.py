"""A PK's rows read with Core selects of its tables, for printing (issue 20).

The ORM's mappers are configured by the first ORM query of a process (≈ 35 ms for db.models' 26, a tenth of a
one-PK ``print pk``, benchmarks/startup.py). Printing a PK only reads a few rows, so it reads them with plain
selects of the tables' columns: each row comes back as a :class:`Record`, its columns as attributes named as the
model's (tests/reports/test_documents_read.py checks they are the same), with the relations a PK's print
follows (``opd``, ``post``, ``replaces``, ``items``, ``programs``) read the same way and in the ORM's order.
``services.documents`` builds the document from these records as from the models' objects. The selects go through
``Session.execute``, which writes the session's changes not yet written first (autoflush), as for an ORM query:
a draft printed in a session that has just changed it shows the change (tests/reports/test_documents_read.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ..db.agreement_models import AgreementItem, AgreementProgram, Opd, PerformanceAgreement, Position, Regency

# The models' tables (a model's ``__table__`` needs no mapper configured).
_AGREEMENT = cast(Table, PerformanceAgreement.__table__)
_ITEM = cast(Table, AgreementItem.__table__)
_PROGRAM = cast(Table, AgreementProgram.__table__)
_OPD = cast(Table, Opd.__table__)
_POSITION = cast(Table, Position.__table__)
_REGENCY = cast(Table, Regency.__table__)


class Record(SimpleNamespace):
    """One row: its columns as attributes (and the relations read beside it)."""


class RegencyRecord(Record):
    full_name = Regency.full_name  # the model's own property: it reads only columns


def _records(session: Session, statement: Any, kind: type[Record] = Record) -> list[Any]:
    return [kind(**row._mapping) for row in session.execute(statement)]


def _by_id(session: Session, table: Table, row_id: str | None) -> Any:
    """The row with the key, as a :class:`Record`; None for no key or no row."""
    if row_id is None:
        return None
    found = _records(session, select(table).where(table.c.id == row_id))
    return found[0] if found else None


def regency(session: Session) -> Any:
    """The regency's row (None before the profile is filled in)."""
    found = _records(session, select(_REGENCY).limit(1), RegencyRecord)
    return found[0] if found else None


def _with_relations(session: Session, agreement: Any) -> Any:
    agreement.opd = _by_id(session, _OPD, agreement.opd_id)
    agreement.post = _by_id(session, _POSITION, agreement.position_id)
    agreement.replaces = _by_id(session, _AGREEMENT, agreement.replaces_id)
    # As the ORM's selectinload asks for them (the same statement: rows of equal sort order come in the same order).
    agreement.items = _records(
        session, select(_ITEM).where(_ITEM.c.agreement_id.in_([agreement.id])).order_by(_ITEM.c.sort_order)
    )
    agreement.programs = _records(
        session, select(_PROGRAM).where(_PROGRAM.c.agreement_id.in_([agreement.id])).order_by(_PROGRAM.c.sort_order)
    )
    return agreement


def agreement(session: Session, agreement_id: str) -> Any:
    """The PK's row with its OPD, position, replaced version, items and programs; None when there is none."""
    found = _by_id(session, _AGREEMENT, agreement_id)
    return _with_relations(session, found) if found is not None else None


def opd_codes(session: Session) -> list[tuple[str, str]]:
    """Every OPD's (code, abbreviation)."""
    return [(code, abbreviation) for code, abbreviation in session.execute(select(_OPD.c.code, _OPD.c.abbreviation))]


def of_opds(query: Any, opd_codes: Sequence[str]) -> Any:
    """``query`` (which joins the OPD table) kept to the OPDs with one of ``opd_codes`` (SIPD code or
    abbreviation); as it is when none is given."""
    if opd_codes:
        query = query.where(_OPD.c.code.in_(opd_codes) | _OPD.c.abbreviation.in_(opd_codes))
    return query


def agreements(session: Session, year: int, kind: Any, opd_codes: Sequence[str], discarded: Any) -> list[Any]:
    """The year's PKs of a kind, every version but the discarded, with their OPD and position, in the order the
    PK list shows them (``agreements.list_agreements``): by OPD (sort order, code), inside an OPD by position
    (sort order, name), then by version; the key last, so that no two rows tie and both backends give one order.
    Only the OPDs with one of ``opd_codes`` (code or abbreviation) when given."""
    query = (
        select(_AGREEMENT)
        .outerjoin(_OPD, _AGREEMENT.c.opd_id == _OPD.c.id)
        .outerjoin(_POSITION, _AGREEMENT.c.position_id == _POSITION.c.id)
        .where(_AGREEMENT.c.year == year, _AGREEMENT.c.kind == kind, _AGREEMENT.c.status != discarded)
        .order_by(
            _OPD.c.sort_order,
            _OPD.c.code,
            _POSITION.c.sort_order.nulls_first(),  # an OPD's own PK may have no position: first on both backends
            _POSITION.c.name.nulls_first(),
            _AGREEMENT.c.version_no,
            _AGREEMENT.c.id,
        )
    )
    found = _records(session, of_opds(query, opd_codes))
    opds: dict[str, Any] = {}
    positions: dict[str, Any] = {}
    for row in found:
        if row.opd_id is not None and row.opd_id not in opds:
            opds[row.opd_id] = _by_id(session, _OPD, row.opd_id)
        row.opd = opds.get(row.opd_id) if row.opd_id is not None else None
        if row.position_id is not None and row.position_id not in positions:
            positions[row.position_id] = _by_id(session, _POSITION, row.position_id)
        row.post = positions.get(row.position_id) if row.position_id is not None else None
    return found
