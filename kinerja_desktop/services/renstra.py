"""Renstra and indicators: the OPD plan tree (tujuan → sasaran → indikator), its targets, alignment.

The tree is linked upward: each OPD sasaran names the RPJMD sasaran it supports. Nodes are retired,
never deleted, once agreements may refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.limits import check_values
from ..db.models import AgreementItem, Goal, Indicator, IndicatorTarget, Opd, PlanningPeriod
from ..domain.enums import Cumulation, GoalKind, GoalLevel, Polarity
from ..domain.targets import target_problems
from . import audit
from . import users as auth
from .errors import FORM, ValidationError

NOT_LINKED = "Belum terhubung ke sasaran RPJMD"
NO_INDICATOR = "Belum memiliki indikator kinerja"


@dataclass
class TargetData:
    year: int
    target: Decimal | None = None
    target_high: Decimal | None = None
    target_grade: str | None = None
    quarters: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None] = (None, None, None, None)


@dataclass
class IndicatorData:
    goal_id: str
    name: str
    unit: str
    polarity: Polarity = Polarity.POSITIVE
    cumulation: Cumulation = Cumulation.LAST_VALUE
    code: str = ""
    qualitative_scale: str | None = None
    definition: str = ""
    formula: str = ""
    data_source: str = ""
    baseline: Decimal | None = None
    baseline_year: int | None = None
    weight: Decimal = Decimal(1)
    targets: list[TargetData] = field(default_factory=list)
    is_active: bool = True
    id: str | None = None
    version: int | None = None


@dataclass
class GoalData:
    opd_id: str | None
    period_id: str
    kind: GoalKind
    statement: str
    parent_id: str | None = None
    supports_id: str | None = None
    code: str = ""
    is_active: bool = True
    id: str | None = None


@dataclass
class IndicatorNode:
    id: str
    code: str
    name: str
    unit: str
    polarity: Polarity
    cumulation: Cumulation
    is_active: bool
    target: Decimal | None
    target_high: Decimal | None
    target_grade: str | None


@dataclass
class GoalNode:
    id: str
    kind: GoalKind
    code: str
    statement: str
    parent_id: str | None
    supports_id: str | None
    supports_label: str
    is_active: bool
    children: list[GoalNode] = field(default_factory=list)
    indicators: list[IndicatorNode] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PeriodInfo:
    id: str
    name: str
    start_year: int
    end_year: int

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


def period_for_year(db: Database, year: int) -> PeriodInfo | None:
    with db.read() as session:
        period = session.scalars(
            select(PlanningPeriod)
            .where(PlanningPeriod.start_year <= year, PlanningPeriod.end_year >= year)
            .order_by(PlanningPeriod.is_active.desc(), PlanningPeriod.start_year.desc())
        ).first()
        return PeriodInfo(period.id, period.name, period.start_year, period.end_year) if period else None


def regional_targets(db: Database, period_id: str) -> list[tuple[str, str]]:
    """The RPJMD sasaran an OPD sasaran may support, as (id, "code statement")."""
    with db.read() as session:
        goals = session.scalars(
            select(Goal)
            .where(Goal.period_id == period_id, Goal.level == GoalLevel.REGIONAL, Goal.kind == GoalKind.TARGET)
            .where(Goal.is_active.is_(True))
            .order_by(Goal.sort_order, Goal.code)
        ).all()
        return [(g.id, f"{g.code} {g.statement}".strip()) for g in goals]


def renstra_tree(
    db: Database, opd_id: str, period_id: str, year: int, *, include_retired: bool = False
) -> list[GoalNode]:
    """The OPD's tujuan with their sasaran and indicators (targets of ``year``), flagged for alignment."""
    with db.read() as session:
        query = (
            select(Goal)
            .where(Goal.opd_id == opd_id, Goal.period_id == period_id, Goal.level == GoalLevel.OPD)
            .options(selectinload(Goal.indicators).selectinload(Indicator.targets), selectinload(Goal.supports))
            .order_by(Goal.sort_order, Goal.code)
        )
        goals = session.scalars(query).all()
        nodes: dict[str, GoalNode] = {}
        for goal in goals:
            if not include_retired and not goal.is_active:
                continue
            node = GoalNode(
                goal.id,
                goal.kind,
                goal.code,
                goal.statement,
                goal.parent_id,
                goal.supports_id,
                f"{goal.supports.code} {goal.supports.statement}".strip() if goal.supports else "",
                goal.is_active,
            )
            for indicator in goal.indicators:
                if not include_retired and not indicator.is_active:
                    continue
                target = next((t for t in indicator.targets if t.year == year), None)
                node.indicators.append(
                    IndicatorNode(
                        indicator.id,
                        indicator.code,
                        indicator.name,
                        indicator.unit,
                        indicator.polarity,
                        indicator.cumulation,
                        indicator.is_active,
                        target.target if target else None,
                        target.target_high if target else None,
                        target.target_grade if target else None,
                    )
                )
            if goal.kind is GoalKind.TARGET:
                if goal.supports_id is None:
                    node.flags.append(NOT_LINKED)
                if not any(i.is_active for i in node.indicators):
                    node.flags.append(NO_INDICATOR)
            nodes[goal.id] = node
        roots: list[GoalNode] = []
        for node in nodes.values():
            parent = nodes.get(node.parent_id) if node.parent_id else None
            (parent.children if parent else roots).append(node)
        return roots


def alignment_problems(db: Database, opd_id: str, period_id: str, year: int) -> dict[str, list[str]]:
    """OPD sasaran with no link to an RPJMD sasaran or no indicator: goal id → flags."""
    problems: dict[str, list[str]] = {}

    def walk(nodes: list[GoalNode]) -> None:
        for node in nodes:
            if node.flags:
                problems[node.id] = list(node.flags)
            walk(node.children)

    walk(renstra_tree(db, opd_id, period_id, year))
    return problems


# --- goals ---------------------------------------------------------------------------------------------


def get_goal(db: Database, goal_id: str) -> GoalData:
    with db.read() as session:
        goal = _goal(session, goal_id)
        return GoalData(
            goal.opd_id,
            goal.period_id,
            goal.kind,
            goal.statement,
            goal.parent_id,
            goal.supports_id,
            goal.code,
            goal.is_active,
            goal.id,
        )


def save_goal(db: Database, data: GoalData) -> str:
    """Create or change a tujuan or sasaran of an OPD's Renstra in one transaction; returns its id."""
    auth.require(db, "opd_data", data.opd_id)
    auth.require_row(db, "opd_data", "goal", data.id)
    problems = goal_problems(data)
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        return write_goal(session, data).id


def goal_problems(data: GoalData) -> dict[str, str]:
    """Checks that need no database: the statement, and a sasaran's tujuan."""
    problems: dict[str, str] = {}
    if not data.statement.strip():
        problems["statement"] = "Uraian wajib diisi"
    if data.kind is GoalKind.TARGET and data.parent_id is None and data.opd_id is not None:
        problems["parent_id"] = "Sasaran harus berada di bawah sebuah tujuan"
    return problems


def write_goal(session: Session, data: GoalData) -> Goal:
    """:func:`save_goal` inside the caller's transaction (an import); returns the flushed row."""
    problems = goal_problems(data)
    if problems:
        raise ValidationError(problems)
    goal = _goal(session, data.id) if data.id else Goal(level=GoalLevel.OPD if data.opd_id else GoalLevel.REGIONAL)
    if data.parent_id:
        parent = _goal(session, data.parent_id)
        if parent.id == goal.id or parent.opd_id != data.opd_id:
            raise ValidationError.single("parent_id", "Induk tidak sah untuk simpul ini")
    if data.supports_id:
        supported = _goal(session, data.supports_id)
        if supported.level is not GoalLevel.REGIONAL:
            raise ValidationError.single("supports_id", "Sasaran yang didukung harus sasaran RPJMD")
    goal.opd_id, goal.period_id, goal.kind = data.opd_id, data.period_id, data.kind
    goal.statement, goal.code = data.statement.strip(), data.code.strip()
    goal.parent_id, goal.supports_id = data.parent_id, data.supports_id
    if data.id is None:
        goal.sort_order = _next_order(session, Goal, Goal.parent_id == data.parent_id, Goal.opd_id == data.opd_id)
        session.add(goal)
    session.flush()
    audit.record(session, "renstra.goal.save", "goal", goal.id, f"{goal.kind.label} disimpan: {goal.statement}")
    return goal


def _goal(session: Session, goal_id: str) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise ValidationError.single(FORM, "Tujuan/sasaran tidak ditemukan")
    return goal


def _next_order(session: Session, model: Any, *conditions: Any) -> int:
    current = session.scalar(select(func.max(model.sort_order)).where(*conditions))
    return (current or 0) + 1


# --- indicators ----------------------------------------------------------------------------------------


def get_indicator(db: Database, indicator_id: str) -> IndicatorData:
    with db.read() as session:
        indicator = session.get(Indicator, indicator_id, options=[selectinload(Indicator.targets)])
        if indicator is None:
            raise ValidationError.single(FORM, "Indikator tidak ditemukan")
        return IndicatorData(
            goal_id=indicator.goal_id,
            name=indicator.name,
            unit=indicator.unit,
            polarity=indicator.polarity,
            cumulation=indicator.cumulation,
            code=indicator.code,
            qualitative_scale=indicator.qualitative_scale,
            definition=indicator.definition,
            formula=indicator.formula,
            data_source=indicator.data_source,
            baseline=indicator.baseline,
            baseline_year=indicator.baseline_year,
            weight=indicator.weight,
            targets=[
                TargetData(t.year, t.target, t.target_high, t.target_grade, (t.q1, t.q2, t.q3, t.q4))
                for t in indicator.targets
            ],
            is_active=indicator.is_active,
            id=indicator.id,
            version=indicator.version,
        )


def indicator_problems(data: IndicatorData) -> dict[str, str]:
    """Field → message; target fields are keyed ``targets[YEAR].FIELD`` (FIELD: target, target_high, q1..q4)."""
    problems = check_values(Indicator, {"weight": data.weight, "baseline": data.baseline})
    if not data.name.strip():
        problems["name"] = "Nama indikator wajib diisi"
    if not data.unit.strip():
        problems["unit"] = "Satuan wajib diisi"
    if "weight" not in problems and data.weight <= 0:
        problems["weight"] = "Bobot harus lebih dari 0"
    qualitative = bool(data.qualitative_scale)
    for target in data.targets:
        values = {"target": target.target, "target_high": target.target_high}
        values.update(zip(("q1", "q2", "q3", "q4"), target.quarters, strict=True))
        unusable = check_values(IndicatorTarget, values, year=target.year)
        if unusable:  # the rules below cannot even compare such a value
            problems.update(unusable)
            continue
        if qualitative:
            if not target.target_grade:
                problems[f"targets[{target.year}].target"] = "Target (predikat) wajib diisi"
            continue
        if target.target is None and all(q is None for q in target.quarters):
            continue  # a year not planned yet
        for name, message in target_problems(
            unit=data.unit,
            polarity=data.polarity,
            cumulation=data.cumulation,
            target=target.target,
            target_high=target.target_high,
            quarters=target.quarters,
        ).items():
            problems[f"targets[{target.year}].{name}"] = f"Tahun {target.year}: {message}"
    return problems


def save_indicator(db: Database, data: IndicatorData) -> str:
    """Create or update an indicator with its yearly and quarterly targets, in one transaction."""
    auth.require_rows(db, "opd_data", ("goal", data.goal_id), ("indicator", data.id))
    with db.write() as session:
        return write_indicator(session, data).id


def write_indicator(session: Session, data: IndicatorData) -> Indicator:
    """:func:`save_indicator` inside the caller's transaction (the RPJMD service, an import); returns the row."""
    problems = indicator_problems(data)
    if problems:
        raise ValidationError(problems)
    goal = _goal(session, data.goal_id)
    if goal.kind is not GoalKind.TARGET:
        raise ValidationError.single("goal_id", "Indikator kinerja hanya dapat dipasang pada sasaran")
    if data.id:
        indicator = session.get(Indicator, data.id, options=[selectinload(Indicator.targets)])
        if indicator is None:
            raise ValidationError.single(FORM, "Indikator tidak ditemukan")
        if data.version is not None and indicator.version != data.version:
            raise ValidationError.single(FORM, "Indikator telah diubah di tempat lain sejak dibuka; muat ulang")
    else:
        indicator = Indicator(
            goal_id=goal.id, sort_order=_next_order(session, Indicator, Indicator.goal_id == goal.id)
        )
        session.add(indicator)
    for name in (
        "goal_id",
        "code",
        "name",
        "unit",
        "polarity",
        "cumulation",
        "qualitative_scale",
        "definition",
        "formula",
        "data_source",
        "baseline",
        "baseline_year",
        "weight",
    ):
        value = getattr(data, name)
        setattr(indicator, name, value.strip() if isinstance(value, str) else value)
    existing = {t.year: t for t in indicator.targets}
    for target in data.targets:
        empty = target.target is None and target.target_grade is None and all(q is None for q in target.quarters)
        row = existing.get(target.year)
        if empty:
            if row is not None:
                indicator.targets.remove(row)
            continue
        if row is None:
            row = IndicatorTarget(year=target.year)
            indicator.targets.append(row)
        row.target, row.target_high, row.target_grade = target.target, target.target_high, target.target_grade
        row.q1, row.q2, row.q3, row.q4 = target.quarters
    session.flush()
    audit.record(
        session, "renstra.indicator.save", "indicator", indicator.id, f"Indikator disimpan: {indicator.name}"
    )
    return indicator


# --- moving and retiring -------------------------------------------------------------------------------


def move_node(db: Database, node_id: str, step: int, *, skip_retired: bool = False) -> None:
    """Move a goal or an indicator up (step −1) or down (+1) among its siblings.

    With ``skip_retired`` it passes retired siblings, so the move shows where they are hidden.
    """
    auth.require_rows(db, "opd_data", ("goal", node_id), ("indicator", node_id))
    with db.write() as session:
        node = session.get(Goal, node_id) or session.get(Indicator, node_id)
        if node is None:
            raise ValidationError.single(FORM, "Simpul tidak ditemukan")
        if isinstance(node, Goal):
            siblings = list(
                session.scalars(
                    select(Goal)
                    .where(
                        Goal.parent_id == node.parent_id,
                        Goal.opd_id == node.opd_id,
                        Goal.period_id == node.period_id,
                        Goal.level == node.level,
                    )
                    .order_by(Goal.sort_order, Goal.code)
                ).all()
            )
        else:
            siblings = list(
                session.scalars(
                    select(Indicator)
                    .where(Indicator.goal_id == node.goal_id)
                    .order_by(Indicator.sort_order, Indicator.code)
                ).all()
            )
        index = siblings.index(node)
        target = index + step
        while skip_retired and 0 <= target < len(siblings) and not siblings[target].is_active:
            target += step
        if not 0 <= target < len(siblings):
            return
        siblings.insert(target, siblings.pop(index))
        for order, sibling in enumerate(siblings, start=1):
            if sibling.sort_order != order:
                sibling.sort_order = order


def reparent_indicator(db: Database, indicator_id: str, goal_id: str) -> None:
    """Move an indicator under another sasaran of the same OPD."""
    auth.require_rows(db, "opd_data", ("indicator", indicator_id), ("goal", goal_id))
    with db.write() as session:
        indicator = session.get(Indicator, indicator_id)
        goal = _goal(session, goal_id)
        if indicator is None or goal.kind is not GoalKind.TARGET:
            raise ValidationError.single("goal_id", "Indikator hanya dapat dipindah ke sebuah sasaran")
        if _goal(session, indicator.goal_id).opd_id != goal.opd_id:
            raise ValidationError.single(
                "goal_id", "Indikator hanya dapat dipindah di dalam perangkat daerah yang sama"
            )
        indicator.goal_id = goal.id
        indicator.sort_order = _next_order(session, Indicator, Indicator.goal_id == goal.id)
        audit.record(
            session, "renstra.indicator.move", "indicator", indicator.id, f"Indikator dipindah: {indicator.name}"
        )


def set_retired(db: Database, node_id: str, retired: bool) -> None:
    """Retire (or restore) a goal with everything under it, or an indicator; nothing is deleted."""
    auth.require_rows(db, "opd_data", ("goal", node_id), ("indicator", node_id))
    with db.write() as session:
        goal = session.get(Goal, node_id)
        if goal is not None:
            stack = [goal]
            while stack:
                current = stack.pop()
                current.is_active = not retired
                for indicator in current.indicators:
                    indicator.is_active = not retired
                stack.extend(session.scalars(select(Goal).where(Goal.parent_id == current.id)).all())
            audit.record(
                session, "renstra.goal.retire" if retired else "renstra.goal.restore", "goal", goal.id, goal.statement
            )
            return
        indicator = session.get(Indicator, node_id)
        if indicator is None:
            raise ValidationError.single(FORM, "Simpul tidak ditemukan")
        indicator.is_active = not retired
        audit.record(
            session,
            "renstra.indicator.retire" if retired else "renstra.indicator.restore",
            "indicator",
            indicator.id,
            indicator.name,
        )


def indicator_in_agreements(db: Database, indicator_id: str) -> int:
    """How many agreement rows use the indicator (the GUI warns before retiring it)."""
    with db.read() as session:
        return (
            session.scalar(
                select(func.count()).select_from(AgreementItem).where(AgreementItem.indicator_id == indicator_id)
            )
            or 0
        )


def opd_choices(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        return [
            (o.id, f"{o.abbreviation} — {o.name}")
            for o in session.scalars(
                select(Opd).where(Opd.is_active.is_(True)).order_by(Opd.sort_order, Opd.code)
            ).all()
        ]
