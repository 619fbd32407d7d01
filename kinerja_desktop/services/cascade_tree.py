"""The pohon kinerja of a year as a tree, for its screen and its printout: from each RPJMD sasaran down through
the OPDs' sasaran strategis, sasaran program and sasaran kegiatan to the individual targets, each node with its
indicators, who answers for it, and its latest capaian.

The capaian are the evaluation service's readings of the signed PKs (the OPD's; inside the OPDs only while the
regency monitors the lower levels): a node shows the mean of its indicators' latest capaian; an RPJMD sasaran,
whose PK the evaluation does not read, the mean of the sasaran strategis supporting it. Nothing is recomputed here.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.files import check_output_file, temporary_path
from ..db.models import FiscalYear, Goal, Opd, PerformanceAgreement, PlanningPeriod, Position, Regency
from ..domain import cascade as rules
from ..domain.cascade import CascadeTree, TreeIndicator, TreeNode
from ..domain.enums import AgreementKind, AgreementStatus, GoalKind, GoalLevel
from ..reports.errors import DocumentLayoutError
from .cascade import alignment
from .documents import holder_on
from .errors import FORM, ValidationError
from .evaluation_loading import load_settings
from .evaluation_results import evaluate_in
from .opd_names import opd_id_named


def cascade_tree(db: Database, year: int, opd_id: str | None = None) -> CascadeTree:
    """The pohon kinerja of ``year`` (of one OPD, under the RPJMD sasaran it supports, when ``opd_id`` is given)."""
    with db.read() as session:
        period = _period(session, year)
        goals = session.scalars(
            select(Goal).where(Goal.period_id == period.id, Goal.kind == GoalKind.TARGET, Goal.is_active.is_(True))
            .options(selectinload(Goal.indicators))
            .order_by(Goal.sort_order, Goal.code)
        ).all()
        opd = session.get(Opd, opd_id) if opd_id is not None else None
        if opd_id is not None:
            if opd is None:
                raise ValidationError.single(FORM, "Perangkat daerah tidak ditemukan")
            own = [g for g in goals if g.opd_id == opd_id]
            supported = {g.supports_id for g in own if g.level is GoalLevel.OPD}
            goals = [g for g in goals if g.opd_id == opd_id or g.id in supported]
        readings = _readings(session, year, opd_id)
        threshold = load_settings(session).warning_threshold
        holders = _holders(session, {g.position_id for g in goals if g.position_id}, year)
        regency = session.scalars(select(Regency)).first()
        opd_name = opd.name if opd is not None else ""
        abbreviations = {opd_id: name for opd_id, name in session.execute(select(Opd.id, Opd.abbreviation))}
    warnings = alignment(db, period.id, opd_id)
    by_target: dict[str, list[str]] = {}
    for warning in warnings:
        by_target.setdefault(warning.target_id, []).append(warning.message)
    ids = {g.id for g in goals}
    children: dict[str | None, list[Goal]] = {}
    for goal in goals:
        parent = goal.supports_id if goal.supports_id in ids else None
        children.setdefault(parent, []).append(goal)

    def node(goal: Goal) -> TreeNode:
        kids = tuple(node(child) for child in children.get(goal.id, []))
        indicators = tuple(
            TreeIndicator(i.id, i.name, readings.get(i.id)) for i in goal.indicators if i.is_active
        )
        capaian = rules.mean(i.capaian for i in indicators)
        if capaian is None and goal.level is GoalLevel.REGIONAL:
            capaian = rules.mean(k.capaian for k in kids if k.level is GoalLevel.OPD)
        own_warnings = [*by_target.get(goal.id, [])]
        own_warnings += [f"{m}: {i.name}" for i in goal.indicators for m in by_target.get(i.id, [])]
        return TreeNode(
            goal.id, goal.level, goal.statement, abbreviations.get(goal.opd_id or "", ""),
            holders.get(goal.position_id or "", ""), indicators, capaian, rules.capaian_band(capaian, threshold),
            tuple(own_warnings), kids, goal.opd_id or "",
        )

    roots = tuple(node(goal) for goal in children.get(None, []))
    title = f"Pohon Kinerja Tahun {year} — {opd_name or (regency.full_name if regency else '')}".rstrip(" —")
    return CascadeTree(year, title, roots, tuple(warnings))


def _period(session: Session, year: int) -> PlanningPeriod:
    fiscal = session.scalars(select(FiscalYear).where(FiscalYear.year == year)).first()
    period = session.get(PlanningPeriod, fiscal.period_id) if fiscal is not None else None
    if period is None:
        period = session.scalars(select(PlanningPeriod).where(
            PlanningPeriod.start_year <= year, PlanningPeriod.end_year >= year)).first()
    if period is None:
        raise ValidationError.single("year", f"Tidak ada periode RPJMD yang mencakup tahun {year}")
    return period


def _readings(session: Session, year: int, opd_id: str | None) -> dict[str, Decimal | None]:
    """Each indicator's latest capaian of the year, from the evaluation of each quarter in turn."""
    regency = session.scalars(select(Regency)).first()
    kinds = [AgreementKind.OPD]
    if regency is not None and regency.lower_level_monitoring:
        kinds += [AgreementKind.ESELON_III, AgreementKind.ESELON_IV]
    latest: dict[str, Decimal | None] = {}
    for kind in kinds:
        for quarter in (1, 2, 3, 4):
            for evaluation in evaluate_in(session, year, quarter, opd_id, kind):
                for result in evaluation.indicators:
                    if result.realization_to_date is not None or result.grade:
                        latest[result.indicator_id] = result.capaian_capped
    return latest


def holder_date(year: int, signed_on: date | None, today: date | None = None) -> date:
    """The day whose holder a position shows in the pohon kinerja of ``year``: its PK's signing date, else the
    year's last day (today while the year runs)."""
    if signed_on is not None:
        return signed_on
    today = today or date.today()
    return today if today.year == year else date(year, 12, 31)


def _holders(session: Session, position_ids: set[str], year: int) -> dict[str, str]:
    """Each position with who held it in ``year`` (see :func:`holder_date`), not who holds it today."""
    if not position_ids:
        return {}
    positions = session.scalars(select(Position).where(Position.id.in_(position_ids))).all()
    signed: dict[str | None, date | None] = {}
    for position_id, sign_date in session.execute(
        select(PerformanceAgreement.position_id, PerformanceAgreement.sign_date)
        .where(PerformanceAgreement.position_id.in_(position_ids), PerformanceAgreement.year == year,
               PerformanceAgreement.status == AgreementStatus.SIGNED)
        .order_by(PerformanceAgreement.version_no)  # the newest signed version last: it wins
    ):
        signed[position_id] = sign_date
    named = {}
    for position in positions:
        holder = holder_on(session, position.id, holder_date(year, signed.get(position.id)))
        named[position.id] = f"{position.name} ({holder.official.name})" if holder is not None else position.name
    return named


CASCADE_PAPERS = ("a4", "a3")


def print_cascade(db: Database, year: int, out: Path, *, opd_code: str | None = None, paper: str = "a4") -> Path:
    """The pohon kinerja of ``year`` (of the OPD with that SIPD code or abbreviation) as a PDF diagram on A4 or
    A3 landscape, split over pages when large; written under a temporary name, then moved into place."""
    from ..reports.cascade import write_cascade

    if paper not in CASCADE_PAPERS:
        raise ValidationError.single("paper", "Ukuran kertas pohon kinerja harus a4 atau a3")
    if out.suffix.lower() != ".pdf":
        raise ValidationError.single("out", "Pohon kinerja dicetak ke satu berkas .pdf")
    check_output_file(out, db.path)
    opd_id = None
    with db.read() as session:
        regency = session.scalars(select(Regency)).first()
        if opd_code:
            opd_id = opd_id_named(session, opd_code)
    tree = cascade_tree(db, year, opd_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(out)
    try:
        try:
            write_cascade(tree, temporary, paper=paper, author=f"Pemerintah {regency.full_name}" if regency else "")
        except DocumentLayoutError as exc:
            raise ValidationError.single(FORM, f"Pohon kinerja tidak dapat dicetak: {exc}") from exc
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)
    return out
