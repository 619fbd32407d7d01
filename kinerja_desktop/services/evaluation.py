"""Quarterly evaluation: capaian per indicator, OPD scores, ranking, early warnings, closing a quarter.

The agreement that counts for a year is each OPD's newest signed version (a signed PK Perubahan replaces
the original for the whole year). Realisations are stored per quarter as entered (summed indicators: the
quarter's own amount; last-value indicators: the level at the quarter's end) and cumulated by
``domain.to_date``. Budget realisation is stored per quarter and summed to date.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
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
from ..db.types import utcnow
from ..domain import (
    absorption,
    achievement,
    bands_from_json,
    capped,
    efficiency,
    opd_score,
    predicate,
    qualitative_achievement,
    rank_opds,
    target_to_date,
    to_date,
)
from ..domain.enums import AgreementStatus, Cumulation, Polarity
from ..domain.formatting import format_number
from . import audit
from .errors import FORM, ValidationError
from .evaluation_data import (
    FILLED,
    INVALID,
    NOT_FILLED,
    NOT_RELEASED,
    EarlyWarning,
    EvaluationSettings,
    IndicatorResult,
    OpdEvaluation,
    ProgramResult,
    QuarterReport,
    Ranking,
    RankingRow,
)

HUNDRED = Decimal(100)


# --- loading -------------------------------------------------------------------------------------------


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
        .where(PerformanceAgreement.opd_id.is_not(None))
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


# Plain rows for computing: the evaluation reads thousands of items, and Core row tuples load several times
# faster than ORM objects (benchmarks/evaluation.py). They carry the attribute names the computing code uses.


@dataclass(frozen=True, slots=True)
class _Opd:
    id: str
    code: str
    abbreviation: str
    name: str


@dataclass(frozen=True, slots=True)
class _Item:
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
class _Program:
    program_id: str | None
    code: str
    name: str
    budget: int


@dataclass(frozen=True, slots=True)
class _Agreement:
    id: str
    year: int
    opd_name: str
    opd: _Opd
    items: tuple[_Item, ...]
    programs: tuple[_Program, ...]


def _raw(column):  # noqa: ANN001, ANN202
    """The column without its Python-side type processing (converted below, only where needed).

    SQLAlchemy's result processors cost more than the query itself on thousands of rows.
    """
    return type_coerce(column, String)


def _dec(value: object) -> Decimal | None:
    """A raw ExactDecimal value (TEXT on SQLite, NUMERIC elsewhere) as a Decimal."""
    if value is None or isinstance(value, Decimal):
        return value
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


def _item(row) -> _Item:  # noqa: ANN001
    _agreement, indicator_id, sasaran, name, unit, polarity, cumulation, target, high, grade, q1, q2, q3, q4, w = row
    return _Item(
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
_SIGNED_CONTENT: dict[tuple, tuple[tuple[_Item, ...], tuple[_Program, ...]]] = {}
_SIGNED_CONTENT_LIMIT = 5000


def _agreement_rows(session: Session, year: int, opd_id: str | None = None) -> list[_Agreement]:
    """What :func:`signed_agreements` gives, as plain rows (same choice of version, same order)."""
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
        )
        .join(Opd, Opd.id == PerformanceAgreement.opd_id)
        .where(PerformanceAgreement.year == year, PerformanceAgreement.status == AgreementStatus.SIGNED)
    )
    if opd_id is not None:
        query = query.where(PerformanceAgreement.opd_id == opd_id)
    newest: dict[str, tuple] = {}
    for row in conn.execute(query).all():
        opd_key = str(row[1])  # never None: the query joins the OPD
        current = newest.get(opd_key)
        if current is None or row[2] > current[2]:
            newest[opd_key] = tuple(row)
    keys = {row[0]: (row[0], row[8], row[9]) for row in newest.values()}
    missing = [agreement_id for agreement_id, key in keys.items() if key not in _SIGNED_CONTENT]
    if missing:
        _load_signed_content(conn, missing, keys)
    ordered = sorted(newest.values(), key=lambda r: (r[7], r[4]))
    result = []
    for agreement_id, opd, _number, opd_name, code, abbreviation, name, _sort, _version, _signed in ordered:
        items, programs = _SIGNED_CONTENT[keys[agreement_id]]
        result.append(_Agreement(agreement_id, year, opd_name, _Opd(opd, code, abbreviation, name), items, programs))
    return result


def _load_signed_content(conn, ids: list[str], keys: dict[str, tuple]) -> None:  # noqa: ANN001
    items: dict[str, list[_Item]] = defaultdict(list)
    programs: dict[str, list[_Program]] = defaultdict(list)
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
            programs[agreement_id].append(_Program(*fields))
    if len(_SIGNED_CONTENT) + len(ids) > _SIGNED_CONTENT_LIMIT:
        _SIGNED_CONTENT.clear()
    for agreement_id in ids:
        _SIGNED_CONTENT[keys[agreement_id]] = (tuple(items[agreement_id]), tuple(programs[agreement_id]))


_NARROW_QUERY = 200  # indicators; below this an IN list beats reading the whole year


def _realizations(
    session: Session, year: int, indicator_ids: Iterable[str], quarter: int
) -> dict[str, dict[int, tuple]]:
    """indicator id → quarter → (value, grade, kendala, tindak lanjut, verified, evidence count).

    Values of every quarter are read (results show them all); kendala, verification and evidence for
    ``quarter`` only, the others' are never shown.
    """
    wanted = set(indicator_ids)
    conn = session.connection()
    result: dict[str, dict[int, tuple]] = defaultdict(dict)
    # One OPD: its own rows. Many: the whole year at once, filtered here (cheaper than long IN lists).
    narrow = (
        [IndicatorRealization.indicator_id.in_(sorted(wanted))] if 0 < len(wanted) <= _NARROW_QUERY else []
    )
    for indicator_id, number, value, grade in conn.execute(
        select(
            IndicatorRealization.indicator_id,
            IndicatorRealization.quarter,
            _raw(IndicatorRealization.value),
            IndicatorRealization.grade,
        ).where(IndicatorRealization.year == year, *narrow)
    ).all():
        if indicator_id in wanted:
            result[indicator_id][number] = (_dec(value), grade, "", "", False, 0)
    evidence = dict(
        conn.execute(
            select(IndicatorRealization.indicator_id, func.count())
            .join(Evidence, Evidence.realization_id == IndicatorRealization.id)
            .where(IndicatorRealization.year == year, IndicatorRealization.quarter == quarter)
            .group_by(IndicatorRealization.indicator_id)
        ).all()
    )
    for indicator_id, value, grade, problems, follow_up, verified in conn.execute(
        select(
            IndicatorRealization.indicator_id,
            _raw(IndicatorRealization.value),
            IndicatorRealization.grade,
            IndicatorRealization.problems,
            IndicatorRealization.follow_up,
            IndicatorRealization.verified,
        ).where(IndicatorRealization.year == year, IndicatorRealization.quarter == quarter, *narrow)
    ).all():
        if indicator_id in wanted:
            result[indicator_id][quarter] = (
                _dec(value), grade, problems or "", follow_up or "", bool(verified), evidence.get(indicator_id, 0)
            )
    return result


def _budget_realizations(session: Session, year: int) -> dict[str, dict[int, int]]:
    result: dict[str, dict[int, int]] = defaultdict(dict)
    conn = session.connection()
    for program_id, quarter, amount in conn.execute(
        select(BudgetRealization.program_id, BudgetRealization.quarter, BudgetRealization.amount).where(
            BudgetRealization.year == year
        )
    ).all():
        result[program_id][quarter] = amount
    return result


def _scales(session: Session, indicator_ids: Iterable[str]) -> dict[str, str]:
    wanted = set(indicator_ids)
    conn = session.connection()
    return {
        indicator_id: scale
        for indicator_id, scale in conn.execute(
            select(Indicator.id, Indicator.qualitative_scale).where(Indicator.qualitative_scale.is_not(None))
        )
        if indicator_id in wanted and scale is not None
    }


# --- computing -----------------------------------------------------------------------------------------


_NOT_ENTERED = (None, None, "", "", False, 0)


def _indicator_result(item, quarter: int, reals: dict[int, tuple], scale: str | None, settings) -> IndicatorResult:  # noqa: ANN001
    entered = tuple(reals.get(q, _NOT_ENTERED) for q in (1, 2, 3, 4))
    return _computed_result(item, quarter, entered, scale, settings)


@lru_cache(maxsize=1 << 15)
def _computed_result(item: _Item, quarter: int, entered: tuple, scale: str | None, settings) -> IndicatorResult:  # noqa: ANN001
    """The result of one indicator: a pure function of what was loaded, so it is remembered.

    The domain formulas validate every number they are given, which costs more than loading the data
    when thousands of indicators are ranked; the dashboard recomputes the same quarter again and again.
    Every argument is immutable and part of the key, so a changed realisation, target or setting is
    simply a new key. (Decimals read from the database have one form per value, so equal keys mean
    equal inputs.)
    """
    values = tuple(e[0] for e in entered)
    grades = [e[1] for e in entered]
    current = entered[quarter - 1]
    _, _, problems, follow_up, verified, evidence_count = current
    grade = next((g for g in reversed(grades[:quarter]) if g), None)
    note = ""
    state = FILLED
    capaian = progress = target_td = real_td = None
    try:
        if item.target_grade and scale:
            capaian = progress = qualitative_achievement(item.target_grade, grade, scale)
            if grade is None:
                state = NOT_RELEASED if item.cumulation is Cumulation.RELEASED else NOT_FILLED
        else:
            real_td = to_date(values, item.cumulation, quarter)
            if item.polarity is Polarity.RANGE:
                target_td = item.target
            else:
                target_td = target_to_date(item.target, (item.q1, item.q2, item.q3, item.q4), item.cumulation, quarter)
            if real_td is None:
                state = NOT_RELEASED if item.cumulation is Cumulation.RELEASED else NOT_FILLED
            else:
                kwargs = {"target_high": item.target_high, "negative_formula": settings.negative_formula}
                capaian = achievement(target_td, real_td, item.polarity, **kwargs)
                progress = achievement(item.target, real_td, item.polarity, **kwargs)
                if capaian is None:
                    state, note = INVALID, "target s.d. triwulan belum ditetapkan"
    except ValueError as exc:
        state, note, capaian, progress = INVALID, str(exc), None, None
    return IndicatorResult(
        indicator_id=item.indicator_id,
        sasaran=item.sasaran,
        name=item.indicator_name,
        unit=item.unit,
        polarity=item.polarity,
        cumulation=item.cumulation,
        weight=item.weight,
        yearly_target=item.target,
        target_high=item.target_high,
        target_grade=item.target_grade,
        target_to_date=target_td,
        quarter_values=values,
        realization_to_date=real_td,
        grade=grade,
        capaian=capaian,
        capaian_capped=capped(capaian, settings.cap),
        progress=progress,
        state=state,
        below_threshold=capaian is not None and capaian < settings.warning_threshold,
        problems=problems or "",
        follow_up=follow_up or "",
        verified=bool(verified),
        evidence_count=evidence_count,
        note=note,
    )


def _evaluate(agreement, quarter, reals, budgets, scales, settings) -> OpdEvaluation:  # noqa: ANN001
    indicators = tuple(
        _indicator_result(item, quarter, reals.get(item.indicator_id, {}), scales.get(item.indicator_id), settings)
        for item in agreement.items
    )
    programs = []
    for program in agreement.programs:
        amounts = budgets.get(program.program_id, {}) if program.program_id else {}
        quarter_amounts = tuple(amounts.get(q) for q in (1, 2, 3, 4))
        to_date_amount = sum(a or 0 for a in quarter_amounts[:quarter])
        programs.append(
            ProgramResult(
                program.program_id,
                program.code,
                program.name,
                program.budget,
                quarter_amounts,
                to_date_amount,
                absorption(to_date_amount, program.budget),
            )
        )
    score = opd_score([r.capaian for r in indicators], [r.weight for r in indicators], cap=settings.cap)
    pagu = sum(p.pagu for p in programs)
    opd_absorption = absorption(sum(p.realized_to_date for p in programs), pagu) if pagu else None
    opd = agreement.opd
    return OpdEvaluation(
        opd_id=opd.id,
        opd_code=opd.code,
        opd_abbreviation=opd.abbreviation,
        opd_name=agreement.opd_name or opd.name,
        year=agreement.year,
        quarter=quarter,
        agreement_id=agreement.id,
        indicators=indicators,
        programs=tuple(programs),
        score=score,
        predicate=predicate(score, settings.bands) if score is not None else None,
        absorption=opd_absorption,
        efficiency=efficiency(score, opd_absorption, settings.efficiency_margin),
        missing=sum(1 for r in indicators if r.capaian is None),
    )


def _evaluate_in(session: Session, year: int, quarter: int, opd_id: str | None = None) -> list[OpdEvaluation]:
    if quarter not in (1, 2, 3, 4):
        raise ValidationError.single("quarter", "Triwulan harus 1 sampai 4")
    agreements = _agreement_rows(session, year, opd_id)
    indicator_ids = {item.indicator_id for a in agreements for item in a.items}
    reals = _realizations(session, year, indicator_ids, quarter)
    budgets = _budget_realizations(session, year)
    scales = _scales(session, indicator_ids)
    settings = load_settings(session)
    return [_evaluate(a, quarter, reals, budgets, scales, settings) for a in agreements]


def evaluate_quarter(db: Database, year: int, quarter: int) -> list[OpdEvaluation]:
    """Every OPD with a signed PK for the year, evaluated up to ``quarter`` (live, not the snapshot)."""
    with db.read() as session:
        return _evaluate_in(session, year, quarter)


def evaluate_opd(db: Database, year: int, quarter: int, opd_id: str) -> OpdEvaluation:
    with db.read() as session:
        results = _evaluate_in(session, year, quarter, opd_id)
    if not results:
        raise ValidationError.single(FORM, f"Perangkat daerah ini belum memiliki PK {year} yang ditandatangani")
    return results[0]


def rank(evaluations: Iterable[OpdEvaluation]) -> list[RankingRow]:
    """Rank evaluations by score (ties share a rank; OPDs with no score last, unranked)."""
    by_code = {e.opd_code: e for e in evaluations}
    rows = []
    for ranked in rank_opds((code, e.score) for code, e in by_code.items()):
        e = by_code[ranked.key]
        rows.append(
            RankingRow(
                rank=ranked.rank,
                opd_id=e.opd_id,
                opd_code=e.opd_code,
                opd_abbreviation=e.opd_abbreviation,
                opd_name=e.opd_name,
                score=e.score,
                predicate=e.predicate,
                absorption=e.absorption,
                efficiency=e.efficiency.value if e.efficiency else None,
                missing=e.missing,
                indicator_count=len(e.indicators),
                reported=e.reported,
                provisional=e.provisional,
            )
        )
    return rows


def ranking(db: Database, year: int, quarter: int) -> Ranking:
    """The ranking of a quarter: the frozen snapshot once the quarter is closed, else computed live."""
    with db.read() as session:
        closure = _closure(session, year, quarter)
        if closure is not None and closure.snapshot:
            return _ranking_from_snapshot(closure)
        return Ranking(year, quarter, tuple(rank(_evaluate_in(session, year, quarter))))


def early_warnings(evaluations: Iterable[OpdEvaluation]) -> list[EarlyWarning]:
    """Indicators whose capaian to date is under the regency's threshold, worst first, with their kendala."""
    warnings = [
        EarlyWarning(e.opd_abbreviation, e.opd_name, r.name, r.capaian, r.problems, r.follow_up)
        for e in evaluations
        for r in e.indicators
        if r.below_threshold and r.capaian is not None
    ]
    return sorted(warnings, key=lambda w: (w.capaian, w.opd_abbreviation, w.indicator))


def not_reported(evaluations: Iterable[OpdEvaluation]) -> list[OpdEvaluation]:
    """OPDs that entered nothing for the quarter (belum lapor)."""
    return [e for e in evaluations if not e.reported]


# --- closing -------------------------------------------------------------------------------------------


def _closure(session: Session, year: int, quarter: int) -> QuarterClosure | None:
    return session.scalars(
        select(QuarterClosure).where(QuarterClosure.year == year, QuarterClosure.quarter == quarter)
    ).first()


def is_closed(db: Database, year: int, quarter: int) -> bool:
    with db.read() as session:
        return _closure(session, year, quarter) is not None


def close_quarter(db: Database, year: int, quarter: int, closed_by: str = "") -> Ranking:
    """Lock a quarter: no more realisation changes, and its ranking frozen as a snapshot."""
    with db.write() as session:
        if _closure(session, year, quarter) is not None:
            raise ValidationError.single(FORM, f"Triwulan {quarter} tahun {year} sudah ditutup")
        rows = rank(_evaluate_in(session, year, quarter))
        closure = QuarterClosure(
            year=year,
            quarter=quarter,
            closed_by=closed_by or audit.current_user(),
            snapshot=json.dumps([_row_json(r) for r in rows], ensure_ascii=False),
        )
        session.add(closure)
        session.flush()
        audit.record(
            session,
            "evaluation.close",
            "quarter_closure",
            closure.id,
            f"Triwulan {quarter} tahun {year} ditutup; peringkat dibekukan ({len(rows)} OPD)",
        )
        return Ranking(year, quarter, tuple(rows), closure.closed_at, closure.closed_by)


def _row_json(row: RankingRow) -> dict:
    data = asdict(row)
    for key in ("score", "absorption"):
        data[key] = None if data[key] is None else str(data[key])
    return data


def _ranking_from_snapshot(closure: QuarterClosure) -> Ranking:
    rows = []
    for data in json.loads(closure.snapshot):
        for key in ("score", "absorption"):
            data[key] = None if data[key] is None else Decimal(data[key])
        rows.append(RankingRow(**data))
    return Ranking(closure.year, closure.quarter, tuple(rows), closure.closed_at, closure.closed_by)


# --- entering realisation ------------------------------------------------------------------------------


def save_quarter_report(db: Database, report: QuarterReport, *, origin: str = "app") -> OpdEvaluation:
    """Save an OPD's realisation, budget and kendala for a quarter in one transaction.

    Refused when the quarter is closed. Indicators below 100 % need kendala and tindak lanjut.
    A changed earlier value is a correction and is written to the audit log with old and new values.
    """
    evidence_dir = db.evidence_dir
    with db.write() as session:
        if _closure(session, report.year, report.quarter) is not None:
            raise ValidationError.single(
                FORM, f"Triwulan {report.quarter} tahun {report.year} sudah ditutup Bappeda; data tidak dapat diubah"
            )
        agreements = signed_agreements(session, report.year, report.opd_id)
        if not agreements:
            raise ValidationError.single(FORM, f"Belum ada PK {report.year} yang ditandatangani untuk OPD ini")
        agreement = agreements[0]
        allowed = {item.indicator_id for item in agreement.items}
        programs = {p.program_id: p for p in agreement.programs if p.program_id}
        problems: dict[str, str] = {}
        corrections = []
        for entry in report.indicators:
            if entry.indicator_id not in allowed:
                raise ValidationError.single(FORM, "Indikator tidak termasuk dalam PK yang ditandatangani")
            if entry.value is not None and entry.value < 0:
                problems[f"indicators[{entry.indicator_id}].value"] = "Realisasi tidak boleh negatif"
                continue
            row = session.scalars(
                select(IndicatorRealization).where(
                    IndicatorRealization.indicator_id == entry.indicator_id,
                    IndicatorRealization.year == report.year,
                    IndicatorRealization.quarter == report.quarter,
                )
            ).first()
            if row is None:
                if entry.value is None and entry.grade is None and not entry.problems and not entry.new_evidence:
                    continue
                row = IndicatorRealization(indicator_id=entry.indicator_id, year=report.year, quarter=report.quarter)
                session.add(row)
            elif (row.value, row.grade) != (entry.value, entry.grade) and (row.value is not None or row.grade):
                corrections.append((entry.indicator_id, row.value, entry.value, row.grade, entry.grade))
                row.verified = False  # a corrected value needs Bappeda's verification again
            row.value, row.grade = entry.value, entry.grade
            row.problems, row.follow_up = entry.problems.strip(), entry.follow_up.strip()
            row.reported_at = utcnow()
            for path in entry.new_evidence:
                row.evidence.append(_store_evidence(path, evidence_dir))
        for budget in report.budgets:
            program = programs.get(budget.program_id)
            if program is None:
                raise ValidationError.single(FORM, "Program tidak termasuk dalam PK yang ditandatangani")
            if budget.amount is not None and budget.amount < 0:
                problems[f"budgets[{budget.program_id}]"] = "Realisasi anggaran tidak boleh negatif"
                continue
            row = session.scalars(
                select(BudgetRealization).where(
                    BudgetRealization.program_id == budget.program_id,
                    BudgetRealization.year == report.year,
                    BudgetRealization.quarter == report.quarter,
                )
            ).first()
            if budget.amount is None:
                if row is not None:
                    session.delete(row)
                continue
            if row is None:
                row = BudgetRealization(program_id=budget.program_id, year=report.year, quarter=report.quarter)
                session.add(row)
            row.amount = int(budget.amount)
        if problems:
            raise ValidationError(problems)
        session.flush()
        result = _evaluate_in(session, report.year, report.quarter, report.opd_id)[0]
        problems.update(_report_problems(result))
        if problems:
            raise ValidationError(problems)
        audit.record(
            session,
            "evaluation.save",
            "opd",
            report.opd_id,
            f"Realisasi TW {report.quarter} {report.year} {result.opd_name} disimpan "
            f"(nilai {format_number(result.score, 2, empty='-')})",
            origin=origin,
        )
        for indicator_id, old, new, old_grade, new_grade in corrections:
            audit.record(
                session,
                "evaluation.correct",
                "indicator",
                indicator_id,
                f"Koreksi realisasi TW {report.quarter} {report.year}",
                {"sebelum": old if old is not None else old_grade, "sesudah": new if new is not None else new_grade},
                origin=origin,
            )
        return result


def _report_problems(result: OpdEvaluation) -> dict[str, str]:
    problems: dict[str, str] = {}
    for r in result.indicators:
        if r.state == INVALID and r.note and r.quarter_values[result.quarter - 1] is not None:
            problems[f"indicators[{r.indicator_id}].value"] = f"{r.name}: {r.note}"
        if r.capaian is not None and r.capaian < HUNDRED and (not r.problems or not r.follow_up):
            problems[f"indicators[{r.indicator_id}].problems"] = (
                f"{r.name}: capaian {format_number(r.capaian, 2)}% di bawah 100%, kendala dan tindak lanjut wajib diisi"
            )
    for p in result.programs:
        if p.realized_to_date > p.pagu:
            problems[f"budgets[{p.program_id}]"] = f"{p.name}: realisasi anggaran s.d. triwulan melebihi pagu"
    return problems


def _store_evidence(path: Path, evidence_dir: Path | None) -> Evidence:
    """Copy a supporting file into the evidence store, named by its SHA-256 (content-addressed)."""
    if evidence_dir is None:
        raise ValidationError.single(FORM, "Bukti dukung hanya dapat disimpan pada basis data berkas lokal")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError.single(
            FORM, f"Berkas bukti “{Path(path).name}” tidak dapat dibaca: {exc.strerror}"
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    target = evidence_dir / digest[:2] / digest
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        shutil.copyfile(path, temporary)
        temporary.replace(target)
    return Evidence(file_name=Path(path).name, sha256=digest, size=len(data))


def evidence_path(db: Database, sha256: str) -> Path | None:
    if db.evidence_dir is None:
        return None
    path = db.evidence_dir / sha256[:2] / sha256
    return path if path.exists() else None


def verify_quarter(db: Database, year: int, quarter: int, opd_id: str) -> int:
    """Bappeda verifies an OPD's realisation of a quarter; returns how many values were verified."""
    with db.write() as session:
        if _closure(session, year, quarter) is not None:
            raise ValidationError.single(FORM, f"Triwulan {quarter} tahun {year} sudah ditutup")
        agreements = signed_agreements(session, year, opd_id)
        ids = [i.indicator_id for a in agreements for i in a.items]
        rows = session.scalars(
            select(IndicatorRealization).where(
                IndicatorRealization.indicator_id.in_(ids),
                IndicatorRealization.year == year,
                IndicatorRealization.quarter == quarter,
                IndicatorRealization.verified.is_(False),
            )
        ).all()
        now = utcnow()
        for row in rows:
            row.verified, row.verified_at = True, now
        if rows:
            audit.record(
                session, "evaluation.verify", "opd", opd_id, f"{len(rows)} realisasi TW {quarter} {year} diverifikasi"
            )
        return len(rows)


def quarter_years(db: Database) -> list[int]:
    with db.read() as session:
        return sorted({y for (y,) in session.execute(select(PerformanceAgreement.year).distinct())})


def closed_quarters(db: Database, year: int) -> dict[int, datetime]:
    with db.read() as session:
        return {
            c.quarter: c.closed_at for c in session.scalars(select(QuarterClosure).where(QuarterClosure.year == year))
        }
