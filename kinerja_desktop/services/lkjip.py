"""The LKjIP draft of an OPD or of the government, from the PK, its realisations, budgets and the LKE.

The capaian is the year's evaluation at Triwulan IV (``services.evaluation``), the years before are the same
evaluation of those years, the final-year target is the plan's target of its last year; nothing is recomputed
here. The government's report lists every OPD's indicators and results and appends the regional head's PK.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Goal,
    IndicatorRealization,
    IndicatorTarget,
    Opd,
    PerformanceAgreement,
    PlanningPeriod,
)
from ..domain.enums import AgreementKind, AgreementStatus, GoalKind, GoalLevel
from ..domain.formatting import round_half_up
from ..domain.scoring import absorption
from ..reports import data as rd
from ..reports.lkjip_data import LkjipDocument, LkjipIndicator, LkjipIssue, LkjipProgram, LkjipUnitResult
from . import evaluation
from .agreement_signers import regional_head
from .akip import summaries_in
from .documents import _letterhead, _regency, _region, _watermark, agreement_document, period_end, unit_code
from .errors import FORM, ValidationError
from .evaluation_data import IndicatorResult, OpdEvaluation
from .opd_names import opd_id_named

PREVIOUS_YEARS = 2


def _value(value, unit: str, upper=None, text: str | None = None) -> rd.TargetValue | None:  # noqa: ANN001
    if value is None and not text:
        return None
    return rd.TargetValue(value=value, unit=unit, upper=upper, text=text or None)


def _evaluations(db: Database, year: int, opd_id: str | None) -> list[OpdEvaluation]:
    results = evaluation.evaluate_quarter(db, year, 4)
    return [r for r in results if opd_id is None or r.opd_id == opd_id]


def _period(session: Session, year: int) -> PlanningPeriod | None:
    return session.scalars(
        select(PlanningPeriod).where(PlanningPeriod.start_year <= year, PlanningPeriod.end_year >= year)
        .order_by(PlanningPeriod.start_year.desc())
    ).first()


def _final_targets(session: Session, ids: list[str], final_year: int | None) -> dict[str, IndicatorTarget]:
    if final_year is None or not ids:
        return {}
    rows = session.scalars(select(IndicatorTarget).where(IndicatorTarget.indicator_id.in_(ids),
                                                         IndicatorTarget.year == final_year))
    return {t.indicator_id: t for t in rows}


def _indicators(session: Session, evaluations: list[OpdEvaluation], earlier: dict[int, dict[str, IndicatorResult]],
                final_year: int | None, government: bool) -> tuple[LkjipIndicator, ...]:
    ids = [i.indicator_id for e in evaluations for i in e.indicators]
    finals = _final_targets(session, ids, final_year)
    rows = []
    for result in evaluations:
        for i in result.indicators:
            final = finals.get(i.indicator_id)
            previous = tuple(
                _value(p.realization_to_date, p.unit, text=p.grade) if p is not None else None
                for p in (earlier[y].get(i.indicator_id) for y in sorted(earlier))
            )
            rows.append(LkjipIndicator(
                sasaran=i.sasaran, name=i.name, unit=i.unit,
                target=_value(i.yearly_target, i.unit, i.target_high, i.target_grade),
                realization=_value(i.realization_to_date, i.unit, text=i.grade),
                capaian=None if i.capaian is None else round_half_up(i.capaian, 2),
                previous=previous,
                final_target=None if final is None else _value(final.target, i.unit, final.target_high),
                unit_name=result.opd_abbreviation if government else "",
            ))
    return tuple(rows)


def _issues(session: Session, evaluations: list[OpdEvaluation], year: int) -> tuple[LkjipIssue, ...]:
    names = {i.indicator_id: (f"{e.opd_abbreviation}: {i.name}" if len(evaluations) > 1 else i.name)
             for e in evaluations for i in e.indicators}
    order = {indicator_id: n for n, indicator_id in enumerate(names)}
    rows = session.scalars(select(IndicatorRealization).where(
        IndicatorRealization.indicator_id.in_(list(names)), IndicatorRealization.year == year))
    found = [r for r in rows if r.problems.strip() or r.follow_up.strip()]
    found.sort(key=lambda r: (r.quarter, order[r.indicator_id]))
    return tuple(LkjipIssue(r.quarter, names[r.indicator_id], r.problems.strip(), r.follow_up.strip())
                 for r in found)


def _earlier(db: Database, year: int, opd_id: str | None) -> dict[int, dict[str, IndicatorResult]]:
    return {
        y: {i.indicator_id: i for e in _evaluations(db, y, opd_id) for i in e.indicators}
        for y in range(year - PREVIOUS_YEARS, year)
    }


def _goals(session: Session, period: PlanningPeriod | None, level: GoalLevel, opd_id: str | None) -> tuple[str, ...]:
    if period is None:
        return ()
    query = select(Goal).where(Goal.period_id == period.id, Goal.level == level, Goal.is_active.is_(True),
                               Goal.kind != GoalKind.MISSION)
    if opd_id is not None:
        query = query.where(Goal.opd_id == opd_id)
    goals = session.scalars(query.order_by(Goal.kind.desc(), Goal.sort_order, Goal.code)).all()
    return tuple(f"{g.kind.label}: {g.statement}" for g in goals)


def lkjip_document(db: Database, year: int, opd_code: str | None = None, dated: date | None = None) -> LkjipDocument:
    """The LKjIP of an OPD (by SIPD code or abbreviation), or of the government when ``opd_code`` is None."""
    on = dated or period_end(year + 1, 1)  # the report is due by the end of March of the next year
    with db.read() as session:
        opd = None
        if opd_code is not None:
            opd = session.get(Opd, opd_id_named(session, opd_code))
    evaluations = _evaluations(db, year, opd.id if opd else None)
    if not evaluations:
        whose = opd.name if opd else "perangkat daerah mana pun"
        raise ValidationError.single(FORM, f"{whose} belum memiliki PK {year} yang ditandatangani")
    earlier = _earlier(db, year, opd.id if opd else None)
    with db.read() as session:
        regency = _regency(session)
        period = _period(session, year)
        final_year = period.end_year if period else None
        indicators = _indicators(session, evaluations, earlier, final_year, opd is None)
        issues = _issues(session, evaluations, year)
        akip = {s.opd_id: s for s in summaries_in(session, year)}
        if opd is not None:
            result = evaluations[0]
            agreement = agreement_document(session, result.agreement_id)
            programs = tuple(LkjipProgram(p.code, p.name, p.pagu, p.realized_to_date, p.absorption)
                             for p in result.programs)
            summary = akip.get(opd.id)
            return LkjipDocument(
                year=year, region=_region(regency), letterhead=_letterhead(regency, opd, opd.name),
                government=False, unit_name=opd.name, unit_code=unit_code(opd.abbreviation), address=opd.address,
                period_name=f"Renstra {period.start_year}\u2013{period.end_year}" if period else "",
                final_year=final_year, goals=_goals(session, period, GoalLevel.OPD, opd.id),
                indicators=indicators, previous_years=tuple(sorted(earlier)), programs=programs,
                capaian_score=result.score, capaian_predicate=result.predicate, absorption=result.absorption,
                efficiency=result.efficiency.label if result.efficiency else None,
                akip_score=None if summary is None or summary.total is None else round_half_up(summary.total, 2),
                akip_grade=None if summary is None else summary.grade,
                issues=issues, units=(), agreement=agreement, signer=agreement.first_party,
                place=regency.capital, dated=on, watermark=_watermark(regency, False), source=regency.id,
            )
        ranking = {r.opd_id: r for r in evaluation.rank(evaluations)}
        units = tuple(
            LkjipUnitResult(
                e.opd_name, ranking[e.opd_id].score, ranking[e.opd_id].predicate, e.absorption,
                None if (s := akip.get(e.opd_id)) is None or s.total is None else round_half_up(s.total, 2),
                None if s is None else s.grade,
            )
            for e in evaluations
        )
        programs = tuple(
            LkjipProgram(e.opd_abbreviation, e.opd_name, sum(p.pagu for p in e.programs),
                         sum(p.realized_to_date for p in e.programs), e.absorption)
            for e in evaluations
        )
        regional = session.scalars(
            select(PerformanceAgreement).where(PerformanceAgreement.year == year,
                                               PerformanceAgreement.kind == AgreementKind.REGIONAL,
                                               PerformanceAgreement.status != AgreementStatus.DISCARDED)
            .order_by(PerformanceAgreement.version_no.desc())
        ).first()
        head = regional_head(session, on)
        signer = rd.Signer(head.name, head.position, head.acting, head.nip, head.rank or None) if head else \
            rd.Signer("", f"Kepala Daerah {regency.name}")
        return LkjipDocument(
            year=year, region=_region(regency), letterhead=_letterhead(regency, None, ""), government=True,
            unit_name=f"Pemerintah {_region(regency).full_name}", unit_code=unit_code(None), address=regency.address,
            period_name=period.name if period else "", final_year=final_year,
            goals=_goals(session, period, GoalLevel.REGIONAL, None), indicators=indicators,
            previous_years=tuple(sorted(earlier)), programs=programs, capaian_score=None, capaian_predicate=None,
            absorption=absorption(sum(p.realized for p in programs), sum(p.pagu for p in programs)),
            efficiency=None, akip_score=None, akip_grade=None, issues=issues, units=units,
            agreement=agreement_document(session, regional.id) if regional else None, signer=signer,
            place=regency.capital, dated=on, watermark=_watermark(regency, False), source=regency.id,
        )


