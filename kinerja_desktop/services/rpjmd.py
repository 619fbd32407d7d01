"""The RPJMD of a period: misi → tujuan → sasaran → indikator with a target for each year of the period.

A tujuan sits under a misi (or stands alone, as regencies whose RPJMD matrix has no misi column write it),
a sasaran under a tujuan, indicators on sasaran. The OPDs' Renstra sasaran link up to these sasaran
(services/renstra.py). Codes, when given, are unique per kind within the period: an import matches rows by
them. Removing deletes what nothing refers to and retires the rest (services/removal.py).

Each public function is one transaction; the ``write_*`` functions are the same inside a caller's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.models import AgreementItem, Goal, Indicator, IndicatorRealization, PlanningPeriod
from ..domain.enums import Cumulation, GoalKind, GoalLevel, Polarity
from . import audit, renstra
from . import users as auth
from .errors import FORM, ValidationError
from .removal import Removal
from .renstra import IndicatorData
from .renstra import move_node as move_node  # moving up and down works alike for both trees

# The kind a parent must have, per kind (a tujuan may also have none).
PARENT_KIND = {GoalKind.MISSION: None, GoalKind.GOAL: GoalKind.MISSION, GoalKind.TARGET: GoalKind.GOAL}


@dataclass
class RpjmdGoalData:
    """A misi, tujuan or sasaran as typed."""

    period_id: str
    kind: GoalKind
    statement: str
    code: str = ""
    parent_id: str | None = None
    id: str | None = None
    version: int | None = None


@dataclass
class RpjmdIndicatorNode:
    id: str
    code: str
    name: str
    unit: str
    polarity: Polarity
    cumulation: Cumulation
    baseline: Decimal | None
    is_active: bool
    targets: dict[int, Decimal | str | None] = field(default_factory=dict)  # a number, a grade, or nothing
    targets_high: dict[int, Decimal | None] = field(default_factory=dict)  # upper bound of range indicators


@dataclass
class RpjmdNode:
    id: str
    kind: GoalKind
    code: str
    statement: str
    parent_id: str | None
    is_active: bool
    supported_by: int = 0  # OPD sasaran linked to this sasaran
    children: list[RpjmdNode] = field(default_factory=list)
    indicators: list[RpjmdIndicatorNode] = field(default_factory=list)


# --- reading -------------------------------------------------------------------------------------------


def rpjmd_tree(db: Database, period_id: str, *, include_retired: bool = False) -> list[RpjmdNode]:
    """The period's misi (and tujuan without misi) with everything under them, in their order."""
    with db.read() as session:
        goals = session.scalars(
            select(Goal)
            .where(Goal.period_id == period_id, Goal.level == GoalLevel.REGIONAL)
            .options(selectinload(Goal.indicators).selectinload(Indicator.targets))
            .order_by(Goal.sort_order, Goal.code)
        ).all()
        supported = dict(
            session.execute(
                select(Goal.supports_id, func.count())
                .where(Goal.supports_id.is_not(None), Goal.is_active.is_(True))
                .group_by(Goal.supports_id)
            ).all()
        )
        nodes: dict[str, RpjmdNode] = {}
        for goal in goals:
            if not include_retired and not goal.is_active:
                continue
            node = RpjmdNode(
                goal.id,
                goal.kind,
                goal.code,
                goal.statement,
                goal.parent_id,
                goal.is_active,
                supported.get(goal.id, 0),
            )
            for indicator in goal.indicators:
                if include_retired or indicator.is_active:
                    node.indicators.append(_indicator_node(indicator))
            nodes[goal.id] = node
        roots: list[RpjmdNode] = []
        for node in nodes.values():
            parent = nodes.get(node.parent_id) if node.parent_id else None
            (parent.children if parent else roots).append(node)
        return roots


def _indicator_node(indicator: Indicator) -> RpjmdIndicatorNode:
    node = RpjmdIndicatorNode(
        indicator.id,
        indicator.code,
        indicator.name,
        indicator.unit,
        indicator.polarity,
        indicator.cumulation,
        indicator.baseline,
        indicator.is_active,
    )
    for target in indicator.targets:
        node.targets[target.year] = target.target_grade if target.target_grade else target.target
        node.targets_high[target.year] = target.target_high
    return node


def get_goal(db: Database, goal_id: str) -> RpjmdGoalData:
    with db.read() as session:
        goal = _regional_goal(session, goal_id)
        return RpjmdGoalData(
            goal.period_id, goal.kind, goal.statement, goal.code, goal.parent_id, goal.id, goal.version
        )


def _regional_goal(session: Session, goal_id: str) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None or goal.level is not GoalLevel.REGIONAL:
        raise ValidationError.single(FORM, "Misi/tujuan/sasaran RPJMD tidak ditemukan; mungkin sudah dihapus")
    return goal


# --- goals ---------------------------------------------------------------------------------------------


def goal_problems(data: RpjmdGoalData) -> dict[str, str]:
    problems: dict[str, str] = {}
    label = data.kind.label
    if not data.statement.strip():
        problems["statement"] = f"Uraian {label.lower()} wajib diisi"
    if len(data.code.strip()) > 40:
        problems["code"] = "Kode paling panjang 40 huruf"
    if data.kind is GoalKind.TARGET and not data.parent_id:
        problems["parent_id"] = "Sasaran RPJMD harus berada di bawah sebuah tujuan"
    if data.kind is GoalKind.MISSION and data.parent_id:
        problems["parent_id"] = "Misi tidak berada di bawah simpul lain"
    return problems


def save_goal(db: Database, data: RpjmdGoalData) -> str:
    """Create or change a misi, tujuan or sasaran of the RPJMD in one transaction; returns its id."""
    auth.require(db, "regency")
    with db.write() as session:
        return write_goal(session, data).id


def write_goal(session: Session, data: RpjmdGoalData) -> Goal:
    """:func:`save_goal` inside the caller's transaction; returns the flushed row."""
    problems = goal_problems(data)
    if problems:
        raise ValidationError(problems)
    period = session.get(PlanningPeriod, data.period_id)
    if period is None:
        raise ValidationError.single("period_id", "Periode perencanaan tidak ditemukan")
    if data.id is None:
        goal = Goal(level=GoalLevel.REGIONAL, kind=data.kind, period_id=period.id, opd_id=None, is_active=True)
    else:
        goal = _regional_goal(session, data.id)
        if data.version is not None and goal.version != data.version:
            raise ValidationError.single(FORM, "Data ini telah diubah di tempat lain sejak dibuka; muat ulang")
        if goal.kind is not data.kind:
            raise ValidationError.single(
                FORM, f"{goal.kind.label} tidak dapat diubah menjadi {data.kind.label.lower()}"
            )
        if goal.period_id != period.id:
            raise ValidationError.single("period_id", "Simpul RPJMD tidak dapat dipindah ke periode lain")
    if data.parent_id:
        _check_parent(session, goal, data)
    code = data.code.strip()
    if code:
        _check_code_free(session, goal, data.kind, period.id, code)
    parent_changed = goal.parent_id != (data.parent_id or None)
    goal.statement, goal.code, goal.parent_id = data.statement.strip(), code, data.parent_id or None
    if data.id is None or parent_changed:
        goal.sort_order = _next_order(session, period.id, data.parent_id or None)
    if data.id is None:
        session.add(goal)
    session.flush()
    audit.record(session, "rpjmd.goal.save", "goal", goal.id, f"{goal.kind.label} RPJMD disimpan: {goal.statement}")
    return goal


def _check_parent(session: Session, goal: Goal, data: RpjmdGoalData) -> None:
    parent = session.get(Goal, data.parent_id)
    wanted = PARENT_KIND[data.kind]
    if (
        parent is None
        or parent.level is not GoalLevel.REGIONAL
        or parent.period_id != data.period_id
        or parent.kind is not wanted
        or parent.id == goal.id
    ):
        expected = wanted.label.lower() if wanted else "—"
        raise ValidationError.single("parent_id", f"Induk harus sebuah {expected} RPJMD pada periode yang sama")
    if not parent.is_active:
        raise ValidationError.single("parent_id", f"{parent.kind.label} induknya nonaktif; aktifkan dahulu")


def _check_code_free(session: Session, goal: Goal, kind: GoalKind, period_id: str, code: str) -> None:
    query = select(Goal).where(
        Goal.period_id == period_id, Goal.level == GoalLevel.REGIONAL, Goal.kind == kind, Goal.code == code
    )
    if goal.id is not None:
        query = query.where(Goal.id != goal.id)
    other = session.scalars(query).first()
    if other is not None:
        raise ValidationError.single(
            "code", f"Kode {code} sudah dipakai {kind.label.lower()} “{other.statement}” pada periode ini"
        )


def _next_order(session: Session, period_id: str, parent_id: str | None) -> int:
    current = session.scalar(
        select(func.max(Goal.sort_order)).where(
            Goal.period_id == period_id,
            Goal.level == GoalLevel.REGIONAL,
            Goal.parent_id.is_(None) if parent_id is None else Goal.parent_id == parent_id,
        )
    )
    return (current or 0) + 1


# --- indicators ----------------------------------------------------------------------------------------


def indicator_problems(data: IndicatorData, years: range | None = None) -> dict[str, str]:
    """The indicator's own checks (services/renstra.py) and, given the period's years, targets within them."""
    problems = renstra.indicator_problems(data)
    if years is not None:
        for target in data.targets:
            if target.year not in years and (target.target is not None or target.target_grade):
                problems[f"targets[{target.year}].target"] = (
                    f"Tahun {target.year} di luar periode {years.start}–{years.stop - 1}"
                )
    return problems


def save_indicator(db: Database, data: IndicatorData) -> str:
    """Create or change an RPJMD indicator with its yearly targets in one transaction; returns its id."""
    auth.require(db, "regency")
    with db.write() as session:
        return write_indicator(session, data).id


def write_indicator(session: Session, data: IndicatorData) -> Indicator:
    """:func:`save_indicator` inside the caller's transaction; returns the flushed row."""
    goal = session.get(Goal, data.goal_id)
    if goal is None or goal.level is not GoalLevel.REGIONAL or goal.kind is not GoalKind.TARGET:
        raise ValidationError.single("goal_id", "Indikator RPJMD harus berada pada sebuah sasaran RPJMD")
    if not goal.is_active:
        raise ValidationError.single("goal_id", "Sasaran induknya nonaktif; aktifkan dahulu")
    period = session.get(PlanningPeriod, goal.period_id)
    assert period is not None
    problems = indicator_problems(data, range(period.start_year, period.end_year + 1))
    if problems:
        raise ValidationError(problems)
    return renstra.write_indicator(session, data)


# --- removing and restoring ----------------------------------------------------------------------------


def _subtree(session: Session, goal: Goal) -> tuple[list[Goal], list[Indicator]]:
    goals: list[Goal] = []
    indicators: list[Indicator] = []
    stack = [goal]
    while stack:
        current = stack.pop()
        goals.append(current)
        indicators.extend(session.scalars(select(Indicator).where(Indicator.goal_id == current.id)).all())
        stack.extend(session.scalars(select(Goal).where(Goal.parent_id == current.id)).all())
    return goals, indicators


def _referenced(session: Session, goals: list[Goal], indicators: list[Indicator]) -> bool:
    """Whether an OPD sasaran, an agreement or a realisation refers to any of these rows."""
    goal_ids = [g.id for g in goals]
    indicator_ids = [i.id for i in indicators]
    checks = [
        select(func.count()).select_from(Goal).where(Goal.supports_id.in_(goal_ids)),
        select(func.count()).select_from(AgreementItem).where(AgreementItem.goal_id.in_(goal_ids)),
    ]
    if indicator_ids:
        checks += [
            select(func.count()).select_from(AgreementItem).where(AgreementItem.indicator_id.in_(indicator_ids)),
            select(func.count())
            .select_from(IndicatorRealization)
            .where(IndicatorRealization.indicator_id.in_(indicator_ids)),
        ]
    return any(session.scalar(check) for check in checks)


def remove_node(db: Database, node_id: str) -> Removal:
    """Remove a misi/tujuan/sasaran with everything under it, or one indicator: deleted when nothing refers
    to them, else retired (all of them)."""
    auth.require(db, "regency")
    with db.write() as session:
        goal = session.get(Goal, node_id)
        if goal is not None:
            if goal.level is not GoalLevel.REGIONAL:
                raise ValidationError.single(FORM, "Simpul Renstra OPD dihapus lewat layar Renstra")
            goals, indicators = _subtree(session, goal)
            label = f"{goal.kind.label} RPJMD {goal.statement}"
        else:
            indicator = session.get(Indicator, node_id)
            if indicator is None:
                raise ValidationError.single(FORM, "Simpul tidak ditemukan")
            _regional_goal(session, indicator.goal_id)  # a Renstra indicator is refused here
            goals, indicators = [], [indicator]
            label = f"Indikator RPJMD {indicator.name}"
        if _referenced(session, goals, indicators):
            for goal_row in goals:
                goal_row.is_active = False
            for indicator_row in indicators:
                indicator_row.is_active = False
            audit.record(session, "rpjmd.retire", "goal" if goals else "indicator", node_id, f"{label} dinonaktifkan")
            return Removal.RETIRED
        audit.record(session, "rpjmd.delete", "goal" if goals else "indicator", node_id, f"{label} dihapus")
        for indicator_row in indicators:
            session.delete(indicator_row)  # its targets go with it (cascade)
        session.flush()
        for goal_row in reversed(goals):  # children before their parents
            session.delete(goal_row)
            session.flush()
        return Removal.DELETED


def restore_node(db: Database, node_id: str) -> None:
    """Make a retired node active again with everything under it; its parent must be active."""
    auth.require(db, "regency")
    with db.write() as session:
        goal = session.get(Goal, node_id)
        if goal is not None:
            parent = session.get(Goal, goal.parent_id) if goal.parent_id else None
            if parent is not None and not parent.is_active:
                raise ValidationError.single(FORM, f"{parent.kind.label} induknya nonaktif; aktifkan dahulu")
            goals, indicators = _subtree(session, goal)
        else:
            indicator = session.get(Indicator, node_id)
            if indicator is None:
                raise ValidationError.single(FORM, "Simpul tidak ditemukan")
            if not _regional_goal(session, indicator.goal_id).is_active:
                raise ValidationError.single(FORM, "Sasaran induknya nonaktif; aktifkan dahulu")
            goals, indicators = [], [indicator]
        for goal_row in goals:
            goal_row.is_active = True
        for indicator_row in indicators:
            indicator_row.is_active = True
        audit.record(session, "rpjmd.restore", "goal" if goals else "indicator", node_id, "Simpul RPJMD diaktifkan")
