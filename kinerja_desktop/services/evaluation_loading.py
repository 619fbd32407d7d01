"""Loading what the quarterly evaluation computes from, and the cache of signed agreements' lampiran.

Part of the evaluation service (``services/evaluation.py`` is the front door). The evaluation reads
thousands of items, so it reads plain Core rows into small frozen dataclasses (several times faster than
ORM objects, benchmarks/evaluation.py) whose attribute names the computing code uses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from ..db.models import (
    AgreementItem,
    AgreementProgram,
    BudgetRealization,
    Evidence,
    Indicator,
    IndicatorRealization,
    Opd,
    PerformanceAgreement,
    QuarterClosure,
    Regency,
)
from ..db.types import plain_decimal
from ..domain import bands_from_json
from ..domain.enums import AgreementKind, AgreementStatus, Cumulation, Polarity
from ..domain.evaluation import EvaluationSettings


def load_settings(session: Session) -> EvaluationSettings:
    regency = session.scalars(select(Regency)).first()
    if regency is None:
        return EvaluationSettings()
    return EvaluationSettings(
        cap=regency.achievement_cap,
        negative_formula=regency.negative_formula or "2t-r",
        warning_threshold=regency.warning_threshold,
        efficiency_margin=regency.efficiency_margin,
        bands=bands_from_json(regency.predicate_bands),
    )


def signed_agreements(session: Session, year: int, opd_id: str | None = None) -> list[PerformanceAgreement]:
    """The newest signed PK of each OPD for the year, with items and programs loaded."""
    query = (
        select(PerformanceAgreement)
        .where(PerformanceAgreement.year == year, PerformanceAgreement.status == AgreementStatus.SIGNED)
        .where(PerformanceAgreement.kind == AgreementKind.OPD)  # the OPD's score: its head's PK, not lower levels
        .options(
            selectinload(PerformanceAgreement.items),
            selectinload(PerformanceAgreement.programs),
            selectinload(PerformanceAgreement.opd),
        )
    )
    if opd_id is not None:
        query = query.where(PerformanceAgreement.opd_id == opd_id)
    newest: dict[str, PerformanceAgreement] = {}
    for agreement in session.scalars(query):
        current = newest.get(agreement.opd_id or "")
        if current is None or agreement.version_no > current.version_no:
            newest[agreement.opd_id or ""] = agreement
    return sorted(newest.values(), key=lambda a: (a.opd.sort_order, a.opd.code) if a.opd else (0, ""))


@dataclass(frozen=True, slots=True)
class OpdRow:
    id: str
    code: str
    abbreviation: str
    name: str


@dataclass(frozen=True, slots=True, eq=False)
class ItemRow:
    """One item of a signed lampiran. Compared and hashed by identity: the cache of signed lampiran hands out the
    same object every time, and the results' cache (``evaluation_results``) keys on it without hashing 14 fields."""

    indicator_id: str
    sasaran: str
    indicator_name: str
    unit: str
    polarity: Polarity
    cumulation: Cumulation
    target: Decimal | None
    target_high: Decimal | None
    target_grade: str | None
    q1: Decimal | None
    q2: Decimal | None
    q3: Decimal | None
    q4: Decimal | None
    weight: Decimal


@dataclass(frozen=True, slots=True)
class ProgramRow:
    program_id: str | None
    code: str
    name: str
    budget: int


@dataclass(frozen=True, slots=True)
class AgreementRow:
    id: str
    year: int
    opd_name: str
    opd: OpdRow
    items: tuple[ItemRow, ...]
    programs: tuple[ProgramRow, ...]


def _raw(column):  # noqa: ANN001, ANN202
    """The column without its Python-side type processing (converted below, only where needed).

    SQLAlchemy's result processors cost more than the query itself on thousands of rows.
    """
    return type_coerce(column, String)


def _dec(value: object) -> Decimal | None:
    """A raw ExactDecimal value (TEXT on SQLite, NUMERIC(24, 8) elsewhere) as a Decimal without trailing zeros."""
    if value is None:
        return None
    if type(value) is str:
        return Decimal(value)
    if isinstance(value, Decimal):
        return plain_decimal(value)
    return Decimal(str(value))


_POLARITIES = {p.value: p for p in Polarity}
_CUMULATIONS = {c.value: c for c in Cumulation}

_ITEM_COLUMNS = (
    AgreementItem.agreement_id,
    AgreementItem.indicator_id,
    AgreementItem.sasaran,
    AgreementItem.indicator_name,
    AgreementItem.unit,
    _raw(AgreementItem.polarity),
    _raw(AgreementItem.cumulation),
    _raw(AgreementItem.target),
    _raw(AgreementItem.target_high),
    AgreementItem.target_grade,
    _raw(AgreementItem.q1),
    _raw(AgreementItem.q2),
    _raw(AgreementItem.q3),
    _raw(AgreementItem.q4),
    _raw(AgreementItem.weight),
)


def _item(row) -> ItemRow:  # noqa: ANN001
    _agreement, indicator_id, sasaran, name, unit, polarity, cumulation, target, high, grade, q1, q2, q3, q4, w = row
    return ItemRow(
        indicator_id,
        sasaran,
        name,
        unit,
        _POLARITIES[polarity],
        _CUMULATIONS[cumulation],
        _dec(target),
        _dec(high),
        grade,
        _dec(q1),
        _dec(q2),
        _dec(q3),
        _dec(q4),
        _dec(w) or Decimal(1),
    )


# The lampiran of signed agreements, by (id, row version, signing time). A signed agreement's items and
# programs can no longer change (db/guards.py refuses it at every flush), so what was read once stays true;
# the row version and signing time in the key catch a database restored to an older state and signed anew.
_SIGNED_CONTENT: dict[tuple, tuple[tuple[ItemRow, ...], tuple[ProgramRow, ...]]] = {}
_SIGNED_CONTENT_LIMIT = 5000


def agreement_rows(
    session: Session, year: int, opd_id: str | None = None, kind: AgreementKind = AgreementKind.OPD
) -> list[AgreementRow]:
    """What :func:`signed_agreements` gives, as plain rows (same choice of version, same order); with a lower
    ``kind`` the signed PKs inside the OPDs instead, the newest of each position."""
    conn = session.connection()  # Core on the session's connection: no ORM result processing
    query = (
        select(
            PerformanceAgreement.id,
            PerformanceAgreement.opd_id,
            PerformanceAgreement.version_no,
            PerformanceAgreement.opd_name,
            Opd.code,
            Opd.abbreviation,
            Opd.name,
            Opd.sort_order,
            PerformanceAgreement.version,
            PerformanceAgreement.signed_at,
            PerformanceAgreement.position_id,
        )
        .join(Opd, Opd.id == PerformanceAgreement.opd_id)
        .where(PerformanceAgreement.year == year, PerformanceAgreement.status == AgreementStatus.SIGNED)
        .where(PerformanceAgreement.kind == kind)
    )
    if opd_id is not None:
        query = query.where(PerformanceAgreement.opd_id == opd_id)
    newest: dict[str, tuple] = {}
    for row in conn.execute(query).all():
        opd_key = str(row[10] if kind.is_lower else row[1])  # never None: the query joins the OPD
        current = newest.get(opd_key)
        if current is None or row[2] > current[2]:
            newest[opd_key] = tuple(row)
    keys = {row[0]: (row[0], row[8], row[9]) for row in newest.values()}
    missing = [agreement_id for agreement_id, key in keys.items() if key not in _SIGNED_CONTENT]
    if missing:
        _load_signed_content(conn, missing, keys)
    ordered = sorted(newest.values(), key=lambda r: (r[7], r[4]))
    result = []
    for agreement_id, opd, _number, opd_name, code, abbreviation, name, _sort, _version, _signed, _post in ordered:
        items, programs = _SIGNED_CONTENT[keys[agreement_id]]
        opd_row = OpdRow(opd, code, abbreviation, name)
        result.append(AgreementRow(agreement_id, year, opd_name, opd_row, items, programs))
    return result


def _load_signed_content(conn, ids: list[str], keys: dict[str, tuple]) -> None:  # noqa: ANN001
    items: dict[str, list[ItemRow]] = defaultdict(list)
    programs: dict[str, list[ProgramRow]] = defaultdict(list)
    for chunk in range(0, len(ids), 900):  # SQLite's limit on bound parameters
        part = ids[chunk : chunk + 900]
        for row in conn.execute(
            select(*_ITEM_COLUMNS).where(AgreementItem.agreement_id.in_(part)).order_by(AgreementItem.sort_order)
        ).all():
            items[row[0]].append(_item(row))
        for agreement_id, *fields in conn.execute(
            select(
                AgreementProgram.agreement_id,
                AgreementProgram.program_id,
                AgreementProgram.code,
                AgreementProgram.name,
                AgreementProgram.budget,
            )
            .where(AgreementProgram.agreement_id.in_(part))
            .order_by(AgreementProgram.sort_order)
        ).all():
            programs[agreement_id].append(ProgramRow(*fields))
    if len(_SIGNED_CONTENT) + len(ids) > _SIGNED_CONTENT_LIMIT:
        _SIGNED_CONTENT.clear()
    for agreement_id in ids:
        _SIGNED_CONTENT[keys[agreement_id]] = (tuple(items[agreement_id]), tuple(programs[agreement_id]))


_NARROW_QUERY = 200  # indicators; below this an IN list beats reading the whole year

# What an indicator has for a quarter nothing was entered for: (value, grade, kendala, tindak lanjut, verified,
# evidence count).
NOT_ENTERED = (None, None, "", "", False, 0)


def driver_rows(conn, statement) -> list[tuple]:  # noqa: ANN001
    """The rows of ``statement`` as the database driver gives them (plain tuples, no type processing).

    Building SQLAlchemy's Row objects costs more than SQLite's own work on the thousands of rows a ranking reads;
    the callers select raw columns (:func:`_raw`) and convert what they need.
    """
    result = conn.execute(statement)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def realizations(
    session: Session, year: int, indicator_ids: Iterable[str]
) -> tuple[dict[str, tuple[tuple, ...]], int | None]:
    """indicator id → what was entered for TW I–IV, each (value, grade, kendala, tindak lanjut, verified,
    evidence count), :data:`NOT_ENTERED` for a quarter without a row. One query for the rows.

    Every quarter's details are read, so an indicator's entries are the same whichever quarter is evaluated
    (the results' cache then serves every quarter of a year from one read).

    Beside them, the latest quarter in which any indicator of the year (given or not) has a value or grade, 0 when
    none has, from the same rows when the whole year was read; None when only the given indicators' rows were.
    """
    wanted = set(indicator_ids)
    conn = session.connection()
    # One OPD: its own rows. Many: the whole year at once, filtered here (cheaper than long IN lists).
    narrow = (
        [IndicatorRealization.indicator_id.in_(sorted(wanted))] if 0 < len(wanted) <= _NARROW_QUERY else []
    )
    entered: dict[str, list[tuple]] = {}
    latest = 0  # of any indicator's rows read
    evidence_count = (
        select(func.count()).where(Evidence.realization_id == IndicatorRealization.id).scalar_subquery()
    )
    for indicator_id, number, value, grade, problems, follow_up, verified, evidence in driver_rows(
        conn,
        select(
            IndicatorRealization.indicator_id,
            IndicatorRealization.quarter,
            _raw(IndicatorRealization.value),
            IndicatorRealization.grade,
            IndicatorRealization.problems,
            IndicatorRealization.follow_up,
            IndicatorRealization.verified,
            evidence_count,
        ).where(IndicatorRealization.year == year, *narrow),
    ):
        if number > latest and (value is not None or grade is not None) and number in (1, 2, 3, 4):
            latest = number
        if indicator_id not in wanted or number not in (1, 2, 3, 4):
            continue
        quarters = entered.get(indicator_id)
        if quarters is None:
            quarters = entered[indicator_id] = [NOT_ENTERED] * 4
        quarters[number - 1] = (
            _dec(value), grade, problems or "", follow_up or "", bool(verified), evidence
        )
    return {indicator_id: tuple(quarters) for indicator_id, quarters in entered.items()}, None if narrow else latest


def budget_realizations(
    session: Session, year: int, program_ids: Iterable[str] | None = None
) -> dict[str, dict[int, int]]:
    """program id → quarter → amount realised, of every program (``program_ids`` None) or of those given."""
    result: dict[str, dict[int, int]] = defaultdict(dict)
    conn = session.connection()
    narrow = [] if program_ids is None else [BudgetRealization.program_id.in_(sorted(set(program_ids)))]
    for program_id, quarter, amount in driver_rows(
        conn,
        select(BudgetRealization.program_id, BudgetRealization.quarter, BudgetRealization.amount).where(
            BudgetRealization.year == year, *narrow
        ),
    ):
        result[program_id][quarter] = amount
    return result


def scales(session: Session, indicator_ids: Iterable[str]) -> dict[str, str]:
    wanted = set(indicator_ids)
    conn = session.connection()
    return {
        indicator_id: scale
        for indicator_id, scale in conn.execute(
            select(Indicator.id, Indicator.qualitative_scale).where(Indicator.qualitative_scale.is_not(None))
        )
        if indicator_id in wanted and scale is not None
    }


def row_versions(
    session: Session, year: int, quarter: int, indicator_ids: Iterable[str], program_ids: Iterable[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """The versions of a quarter's realisation rows (indicators, budgets): what a form saves back."""
    conn = session.connection()
    indicators, programs = sorted(set(indicator_ids)), sorted({p for p in program_ids if p})
    found = dict(
        conn.execute(
            select(IndicatorRealization.indicator_id, IndicatorRealization.version).where(
                IndicatorRealization.year == year,
                IndicatorRealization.quarter == quarter,
                IndicatorRealization.indicator_id.in_(indicators),
            )
        ).all()
    )
    budgets = dict(
        conn.execute(
            select(BudgetRealization.program_id, BudgetRealization.version).where(
                BudgetRealization.year == year,
                BudgetRealization.quarter == quarter,
                BudgetRealization.program_id.in_(programs),
            )
        ).all()
    )
    return {i: found.get(i, 0) for i in indicators}, {p: budgets.get(p, 0) for p in programs}


def closure(session: Session, year: int, quarter: int) -> QuarterClosure | None:
    """The closing of a quarter (None while it is open)."""
    return session.scalars(
        select(QuarterClosure).where(QuarterClosure.year == year, QuarterClosure.quarter == quarter)
    ).first()

