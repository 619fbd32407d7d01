"""The cascade (pohon kinerja) below the Renstra: sasaran program, sasaran kegiatan and individual targets, each
held by a position and supporting a sasaran of the level above; their indicators support the upper indicators;
the programs, kegiatan and sub kegiatan they carry; and the alignment check over all of it.

The rules are in :mod:`domain.cascade`; the indicators and their targets are written by the Renstra's service (one
indicator form everywhere). One transaction per use case; every change audited.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.limits import check_values
from ..db.models import (
    AgreementItem,
    Goal,
    GoalProgram,
    Indicator,
    IndicatorRealization,
    Opd,
    PerformanceAgreement,
    Position,
    Program,
    Regency,
)
from ..db.types import utcnow
from ..domain import cascade as rules
from ..domain.cascade import AlignmentWarning
from ..domain.enums import AgreementStatus, GoalKind, GoalLevel, PositionLevel
from ..domain.evaluation import kendala_problem, needs_kendala
from . import audit
from . import users as auth
from .errors import FORM, ValidationError
from .evaluation_data import OpdEvaluation, RealizationInput, problems_key
from .evaluation_loading import closure
from .evaluation_results import evaluate_in
from .removal import Removal
from .renstra import IndicatorData, write_indicator


@dataclass
class LowerGoalData:
    """A sasaran program, sasaran kegiatan or individual target as edited; its level is its position's."""

    position_id: str
    supports_id: str | None  # the upper sasaran it supports
    statement: str
    code: str = ""
    program_ids: list[str] = field(default_factory=list)  # programs/kegiatan or sub kegiatan it carries
    id: str | None = None


def save_lower_goal(db: Database, data: LowerGoalData) -> str:
    """Create or change a sasaran inside an OPD below its Renstra; returns its id."""
    auth.require_rows(db, "opd_data", ("position", data.position_id), ("goal", data.id))
    with db.write() as session:
        return write_lower_goal(session, data).id


def write_lower_goal(session: Session, data: LowerGoalData) -> Goal:
    """:func:`save_lower_goal` inside the caller's transaction."""
    position = session.get(Position, data.position_id)
    if position is None:
        raise ValidationError.single("position_id", "Jabatan tidak ditemukan; mungkin sudah dihapus.")
    level = position.level.goal_level
    if level is GoalLevel.OPD:
        raise ValidationError.single(
            "position_id", "Sasaran kepala perangkat daerah adalah sasaran strategis Renstra; isi di Renstra."
        )
    problems: dict[str, str] = {}
    statement = " ".join(data.statement.split())
    if not statement:
        problems["statement"] = "Uraian sasaran wajib diisi."
    supported = session.get(Goal, data.supports_id) if data.supports_id else None
    if supported is None:
        problems["supports_id"] = f"Pilih sasaran yang didukung {level.label.lower()} ini."
    elif supported.opd_id != position.opd_id or supported.kind is not GoalKind.TARGET:
        problems["supports_id"] = "Sasaran yang didukung harus sasaran perangkat daerah yang sama."
    else:
        problem = rules.support_problem(level, supported.level)
        if problem:
            problems["supports_id"] = problem + "."
    if problems:
        raise ValidationError(problems)
    assert supported is not None
    goal = session.get(Goal, data.id) if data.id else None
    if data.id and goal is None:
        raise ValidationError.single(FORM, "Sasaran tidak ditemukan; mungkin sudah dihapus.")
    if goal is None:
        goal = Goal(kind=GoalKind.TARGET, sort_order=_next_order(session, supported.id))
        session.add(goal)
    goal.level, goal.opd_id, goal.period_id, goal.position_id = level, position.opd_id, supported.period_id, position.id
    goal.supports_id, goal.statement, goal.code = supported.id, statement, data.code.strip()
    _set_programs(session, goal, level, position.opd_id, data.program_ids)
    session.flush()
    audit.record(session, "cascade.goal.save", "goal", goal.id, f"{level.label} disimpan: {statement}",
                 {"jabatan": position.name, "program": len(data.program_ids)})
    return goal


def get_lower_goal(db: Database, goal_id: str) -> LowerGoalData:
    """A sasaran below the Renstra as its form edits it."""
    with db.read() as session:
        goal = session.get(Goal, goal_id)
        if goal is None or goal.level.depth <= GoalLevel.OPD.depth:
            raise ValidationError.single(FORM, "Sasaran turunan tidak ditemukan; mungkin sudah dihapus.")
        return LowerGoalData(goal.position_id or "", goal.supports_id, goal.statement, goal.code,
                             [link.program_id for link in goal.programs], goal.id)


def remove_lower_goal(db: Database, goal_id: str) -> Removal:
    """Remove a sasaran below the Renstra with the sasaran supporting it (down the cascade) and their indicators,
    as the plans' rows are removed: deleted when no PK and no realisation refers to any of them, else retired
    (kept, hidden from the tree and from new PKs; the signed PKs keep their rows)."""
    auth.require_row(db, "opd_data", "goal", goal_id)
    with db.write() as session:
        goal = session.get(Goal, goal_id)
        if goal is None or goal.level.depth <= GoalLevel.OPD.depth:
            raise ValidationError.single(FORM, "Sasaran turunan tidak ditemukan; mungkin sudah dihapus.")
        goals, frontier = [goal], [goal.id]
        while frontier:
            below = session.scalars(select(Goal).where(Goal.supports_id.in_(frontier))).all()
            goals += below
            frontier = [g.id for g in below]
        goal_ids = [g.id for g in goals]
        indicators = session.scalars(select(Indicator).where(Indicator.goal_id.in_(goal_ids))).all()
        indicator_ids = [i.id for i in indicators]
        checks = [
            select(func.count()).select_from(AgreementItem).where(AgreementItem.goal_id.in_(goal_ids)),
            select(func.count()).select_from(AgreementItem).where(AgreementItem.indicator_id.in_(indicator_ids)),
            select(func.count()).select_from(IndicatorRealization)
            .where(IndicatorRealization.indicator_id.in_(indicator_ids)),
        ]
        label = f"{goal.level.label} {goal.statement}"
        if any(session.scalar(check) for check in checks):
            for row in [*goals, *indicators]:
                row.is_active = False
            audit.record(session, "cascade.goal.retire", "goal", goal.id, f"{label} dinonaktifkan",
                         {"sasaran": len(goals), "indikator": len(indicators)})
            return Removal.RETIRED
        audit.record(session, "cascade.goal.delete", "goal", goal.id, f"{label} dihapus",
                     {"sasaran": len(goals), "indikator": len(indicators)})
        for indicator in sorted(indicators, key=lambda i: -goals.index(i.goal)):  # the lowest first
            session.delete(indicator)  # its targets go with it (cascade)
            session.flush()
        for row in reversed(goals):  # the lowest first
            session.delete(row)
            session.flush()
        return Removal.DELETED


def _set_programs(session: Session, goal: Goal, level: GoalLevel, opd_id: str, program_ids: list[str]) -> None:
    wanted: list[Program] = []
    for program_id in dict.fromkeys(program_ids):
        program = session.get(Program, program_id)
        if program is None or program.opd_id != opd_id:
            raise ValidationError.single("program_ids", "Program, kegiatan atau sub kegiatan harus milik perangkat "
                                         "daerah yang sama.")
        problem = rules.program_problem(level, program.level)
        if problem:
            raise ValidationError.single("program_ids", f"{problem} ({program.code} {program.name}).")
        wanted.append(program)
    keep = {p.id for p in wanted}
    for link in list(goal.programs):
        if link.program_id not in keep:
            goal.programs.remove(link)
    have = {link.program_id for link in goal.programs}
    for order, program in enumerate(wanted):
        if program.id not in have:
            goal.programs.append(GoalProgram(program_id=program.id, sort_order=order))
        else:
            next(link for link in goal.programs if link.program_id == program.id).sort_order = order


def _next_order(session: Session, supports_id: str) -> int:
    orders = session.scalars(select(Goal.sort_order).where(Goal.supports_id == supports_id)).all()
    return max(orders, default=0) + 1


def add_lower_target(
    db: Database, goal: LowerGoalData, indicator: IndicatorData, supports_id: str | None
) -> tuple[str, str]:
    """A new sasaran below the Renstra with its first indicator and target, in one transaction (the pohon
    kinerja screen's "Tambah sasaran turunan"); returns the ids of both."""
    auth.require_rows(db, "opd_data", ("position", goal.position_id), ("goal", goal.id))
    with db.write() as session:
        row = write_lower_goal(session, goal)
        indicator.goal_id = row.id
        return row.id, write_lower_indicator(session, indicator, supports_id).id


def save_lower_indicator(db: Database, data: IndicatorData, supports_id: str | None) -> str:
    """An indicator (with its targets) of a sasaran below the Renstra, supporting ``supports_id``: an indicator
    of the sasaran its own sasaran supports."""
    auth.require_rows(db, "opd_data", ("goal", data.goal_id), ("indicator", data.id))
    with db.write() as session:
        return write_lower_indicator(session, data, supports_id).id


def write_lower_indicator(session: Session, data: IndicatorData, supports_id: str | None) -> Indicator:
    """:func:`save_lower_indicator` inside the caller's transaction."""
    goal = session.get(Goal, data.goal_id)
    if goal is None or goal.level.depth <= GoalLevel.OPD.depth:
        raise ValidationError.single("goal_id", "Indikator ini untuk sasaran di bawah sasaran strategis.")
    upper = session.get(Indicator, supports_id) if supports_id else None
    if upper is None:
        raise ValidationError.single("supports_id", "Pilih indikator sasaran atasan yang didukung indikator ini.")
    if upper.goal_id != goal.supports_id:
        raise ValidationError.single(
            "supports_id", "Indikator yang didukung harus indikator sasaran yang didukung sasaran ini."
        )
    indicator = write_indicator(session, data)
    indicator.supports_id = upper.id
    session.flush()
    return indicator


# --- alignment -----------------------------------------------------------------------------------------

_MESSAGES = {
    (rules.ORPHAN, False): "{level} tidak mendukung sasaran di atasnya",
    (rules.ORPHAN, True): "Indikator tidak mendukung indikator sasaran di atasnya",
    (rules.UNSUPPORTED, False): "{level} tidak didukung sasaran mana pun di bawahnya",
    (rules.UNSUPPORTED, True): "Indikator tidak didukung indikator mana pun di bawahnya",
    (rules.MISALIGNED, True): "Indikator mendukung indikator sasaran lain daripada sasaran yang didukung",
}


def alignment(db: Database, period_id: str, opd_id: str | None = None) -> list[AlignmentWarning]:
    """What is not aligned in the cascade of a planning period: the RPJMD's sasaran with every active OPD's (or
    one OPD's) sasaran and indicators down to the individual targets. A sasaran is expected to be supported when
    the position answering for it (an OPD's head for its Renstra) has active subordinate positions: a Kasi with no
    staff under him expects no individual targets, an OPD with no positions below its head no sasaran program."""
    with db.read() as session:
        opds = session.scalars(select(Opd).where(Opd.is_active.is_(True))).all()
        if opd_id is not None:
            opds = [o for o in opds if o.id == opd_id]
        deepest = {o.id: GoalLevel.OPD for o in opds}  # the OPDs in scope
        led = {p.parent_id for o in opds for p in o.positions if p.is_active and p.parent_id}
        heads = {o.id: next((p.id for p in o.positions if p.level is PositionLevel.HEAD), "") for o in opds}

        def expected(goal: Goal) -> GoalLevel:
            """How deep below ``goal`` the cascade should go (its own level: no support expected)."""
            answering = goal.position_id or heads.get(goal.opd_id or "", "")
            return GoalLevel.INDIVIDUAL if answering in led else goal.level

        names = {o.id: o.abbreviation for o in opds}
        goals = session.scalars(
            select(Goal).where(Goal.period_id == period_id, Goal.kind == GoalKind.TARGET, Goal.is_active.is_(True))
        ).all()
        goals = [g for g in goals if g.opd_id is None or g.opd_id in deepest]
        if opd_id is not None:  # one OPD: the RPJMD sasaran it supports are the top, not checked for support
            goals = [g for g in goals if g.opd_id is not None]
        goal_ids = {g.id for g in goals}
        indicators = session.scalars(
            select(Indicator).where(Indicator.goal_id.in_(goal_ids), Indicator.is_active.is_(True))
        ).all()
        level_of = {g.id: g.level for g in goals}
        targets = [
            rules.Target(g.id, g.level, g.supports_id, deepest=expected(g)
                         if g.opd_id else (GoalLevel.OPD if opd_id is None else GoalLevel.REGIONAL))
            for g in goals
        ]
        if opd_id is not None:  # the supported RPJMD sasaran count as present
            targets += [rules.Target(g.supports_id, GoalLevel.REGIONAL, None, deepest=GoalLevel.REGIONAL)
                        for g in goals if g.supports_id and g.level is GoalLevel.OPD]
        targets += [
            rules.Target(i.id, level_of[i.goal_id], i.supports_id, is_indicator=True, goal_id=i.goal_id)
            for i in indicators
        ]
        by_id = {g.id: g for g in goals} | {i.id: i for i in indicators}
        warnings = []
        for finding in rules.alignment(list({t.id: t for t in targets}.values())):
            row = by_id.get(finding.target_id)
            if row is None:
                continue
            is_indicator = isinstance(row, Indicator)
            level = level_of[row.goal_id] if isinstance(row, Indicator) else row.level
            opd = row.goal.opd_id if isinstance(row, Indicator) else row.opd_id
            warnings.append(AlignmentWarning(
                finding.target_id, finding.kind, level,
                row.name if isinstance(row, Indicator) else row.statement, names.get(opd or "", ""),
                _MESSAGES[(finding.kind, is_indicator)].format(level=level.label),
            ))
        return warnings


# --- quarterly monitoring inside the OPDs (a regency setting, off by default) ----------------------------


def lower_level_monitoring(db: Database) -> bool:
    """Whether the eselon III and IV PKs are monitored quarterly (their realisations entered)."""
    with db.read() as session:
        regency = session.scalars(select(Regency)).first()
        return bool(regency and regency.lower_level_monitoring)


def set_lower_level_monitoring(db: Database, on: bool) -> None:
    """Turn quarterly monitoring of the PKs inside the OPDs on or off. The OPDs' scores stay computed from the
    OPD heads' PKs either way."""
    auth.require(db, "regency")
    with db.write() as session:
        regency = session.scalars(select(Regency)).first()
        if regency is None:
            raise ValidationError.single(FORM, "Isi profil pemerintah daerah lebih dulu.")
        if regency.lower_level_monitoring == on:
            return
        regency.lower_level_monitoring = on
        audit.record(session, "cascade.monitoring", "regency", regency.id,
                     "Pemantauan triwulanan PK eselon III dan IV " + ("diaktifkan" if on else "dinonaktifkan"))


def lower_quarter(db: Database, agreement_id: str, quarter: int) -> OpdEvaluation:
    """A signed eselon III or IV PK evaluated up to ``quarter``: its indicators with the quarter's target, what is
    stored (realisation, kendala, tindak lanjut) and the readings (the lower realisations form shows them)."""
    with db.read() as session:
        return _lower_evaluation(session, agreement_id, quarter)


def _lower_evaluation(session: Session, agreement_id: str, quarter: int) -> OpdEvaluation:
    agreement = session.get(PerformanceAgreement, agreement_id)
    if agreement is None or not agreement.kind.is_lower:
        raise ValidationError.single(FORM, "PK eselon III atau IV tidak ditemukan.")
    found = [e for e in evaluate_in(session, agreement.year, quarter, agreement.opd_id, agreement.kind)
             if e.agreement_id == agreement_id]
    if not found:
        raise ValidationError.single(FORM, "Realisasi hanya dicatat untuk PK yang sudah ditandatangani.")
    return found[0]


def save_lower_realisations(
    db: Database, agreement_id: str, quarter: int, entries: list[RealizationInput]
) -> None:
    """The realisations of a quarter of a signed eselon III or IV PK's indicators, in one transaction; refused
    while the regency does not monitor the lower levels, and once Bappeda closed the quarter.

    As at the OPD level, an indicator whose capaian to date stays under 100 % needs kendala and tindak lanjut
    (refused, keyed ``problems_key``); a realisation corrected to 100 % or more drops the kendala written for
    the old figure when they come back unchanged (they would be printed beside a figure they no longer explain).
    """
    auth.require_row(db, "opd_data", "performance_agreement", agreement_id)
    problems: dict[str, str] = {}
    for entry in entries:
        problems.update(check_values(IndicatorRealization, {"value": entry.value, "quarter": quarter},
                                     indicator_id=entry.indicator_id))
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        regency = session.scalars(select(Regency)).first()
        if regency is None or not regency.lower_level_monitoring:
            raise ValidationError.single(
                FORM, "Pemantauan triwulanan PK eselon III dan IV belum diaktifkan di profil pemerintah daerah."
            )
        agreement = session.get(PerformanceAgreement, agreement_id)
        if agreement is None or not agreement.kind.is_lower:
            raise ValidationError.single(FORM, "PK eselon III atau IV tidak ditemukan.")
        if agreement.status is not AgreementStatus.SIGNED:
            raise ValidationError.single(FORM, "Realisasi hanya dicatat untuk PK yang sudah ditandatangani.")
        if closure(session, agreement.year, quarter) is not None:
            raise ValidationError.single(
                FORM, f"Triwulan {quarter} tahun {agreement.year} sudah ditutup Bappeda; data tidak dapat diubah"
            )
        allowed = {item.indicator_id for item in agreement.items}
        corrected: dict[str, tuple[str, str]] = {}  # indicator → the kendala stored with the old figure
        for entry in entries:
            if entry.indicator_id not in allowed:
                raise ValidationError.single(FORM, "Indikator tidak termasuk dalam PK yang ditandatangani")
            row = session.scalars(select(IndicatorRealization).where(
                IndicatorRealization.indicator_id == entry.indicator_id,
                IndicatorRealization.year == agreement.year, IndicatorRealization.quarter == quarter,
            )).first()
            if row is None:
                row = IndicatorRealization(indicator_id=entry.indicator_id, year=agreement.year, quarter=quarter)
                session.add(row)
            elif (row.value, row.grade) != (entry.value, entry.grade) and (row.value is not None or row.grade):
                corrected[entry.indicator_id] = (row.problems, row.follow_up)
            row.value, row.grade = entry.value, entry.grade
            row.problems, row.follow_up = entry.problems.strip(), entry.follow_up.strip()
            row.reported_at = utcnow()
        session.flush()
        _check_kendala(session, agreement, quarter, corrected)
        audit.record(session, "cascade.realisation", "performance_agreement", agreement.id,
                     f"Realisasi TW {quarter} {agreement.year} {agreement.first_position} ({len(entries)} indikator)")


def _check_kendala(
    session: Session, agreement: PerformanceAgreement, quarter: int, corrected: dict[str, tuple[str, str]]
) -> None:
    """Below 100 % kendala and tindak lanjut are required; the old ones of a figure corrected to 100 % or more
    are cleared when they came back unchanged."""
    problems: dict[str, str] = {}
    for result in _lower_evaluation(session, agreement.id, quarter).indicators:
        stale = corrected.get(result.indicator_id)
        if stale is not None and not needs_kendala(result.capaian) and any(part.strip() for part in stale) \
                and (result.problems, result.follow_up) == stale:
            row = session.scalars(select(IndicatorRealization).where(
                IndicatorRealization.indicator_id == result.indicator_id,
                IndicatorRealization.year == agreement.year,
                IndicatorRealization.quarter == quarter,
            )).one()
            row.problems, row.follow_up = "", ""
        missing = kendala_problem(result.name, result.capaian, result.problems, result.follow_up)
        if missing:
            problems[problems_key(result.indicator_id)] = missing
    if problems:
        raise ValidationError(problems)
