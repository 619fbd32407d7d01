"""Perjanjian Kinerja use cases: create, edit, finalise, sign, amend, compare, list.

Lifecycle: Draf → Final → Ditandatangani; a signed PK changes only through a PK Perubahan (a new version
that replaces it once signed). Every function is one transaction; the GUI and the CLI call them alike.
Every level of the cascade has the same lifecycle: the regional head's own PK, each OPD head's, and inside an
OPD each eselon III and IV official's (:func:`create_lower`), one series of versions per position and year.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.errors import AgreementLockedError
from ..db.limits import check_values
from ..db.locks import lock_agreements, lock_opd_year
from ..db.models import (
    AgreementItem,
    AgreementProgram,
    Goal,
    GoalProgram,
    Indicator,
    IndicatorTarget,
    Opd,
    PerformanceAgreement,
    Position,
    Program,
    ProgramBudget,
    Regency,
)
from ..db.types import utcnow
from ..domain.enums import AgreementKind, AgreementStatus, GoalKind, GoalLevel, PositionLevel, ProgramLevel
from ..domain.formatting import format_date, format_number, format_rupiah, with_unit
from ..domain.personnel import nip_problem, normalize_nip
from ..domain.targets import target_problems
from . import audit, verification
from . import users as auth
from .agreement_data import (
    AgreementDetail,
    AgreementRow,
    ItemData,
    ProgramData,
    Signer,
    VersionChange,
    VersionInfo,
)
from .agreement_signers import (
    Difference,
    apply_differences,
    apply_signer,
    check_in_office,
    differences,
    leader_signer,
    leaders_in_office,
    position_signers,
    reference_date,
    regional_head,
    second_source,
)
from .agreement_signers import (
    head_signer as _head_signer,
)
from .documents import head_on as head_on
from .documents_frozen import freeze_agreement, thaw_agreement
from .errors import FORM, ValidationError
from .opd import head_position

OPEN_STATUSES = (AgreementStatus.DRAFT, AgreementStatus.FINAL)
LEVELS = tuple(AgreementKind)  # every level of the cascade, from the top


# --- reading -------------------------------------------------------------------------------------------


def list_agreements(
    db: Database, year: int, *, include_inactive: bool = False, levels: tuple[AgreementKind, ...] = (AgreementKind.OPD,)
) -> list[AgreementRow]:
    """The current version (the newest not discarded) of each PK of ``year`` at the given levels, top level
    first: the regional head's own PK, then every OPD's (an OPD without a PK is listed with no status), then
    inside the OPDs each eselon III position's, then each eselon IV position's (a position without one too)."""
    with db.read() as session:
        query = select(Opd).order_by(Opd.sort_order, Opd.code)
        if not include_inactive:
            query = query.where(Opd.is_active.is_(True))
        opds = session.scalars(query).all()
        # Counts and sums in SQL: loading every item and program row only to count them was the slow part.
        item_counts = (
            select(AgreementItem.agreement_id, func.count().label("n"))
            .group_by(AgreementItem.agreement_id)
            .subquery()
        )
        budgets = (
            select(AgreementProgram.agreement_id, func.sum(AgreementProgram.budget).label("total"))
            .group_by(AgreementProgram.agreement_id)
            .subquery()
        )
        agreements = session.execute(
            select(
                PerformanceAgreement.id,
                PerformanceAgreement.kind,
                PerformanceAgreement.opd_id,
                PerformanceAgreement.position_id,
                PerformanceAgreement.version_no,
                PerformanceAgreement.status,
                PerformanceAgreement.sign_date,
                item_counts.c.n,
                budgets.c.total,
            )
            .outerjoin(item_counts, item_counts.c.agreement_id == PerformanceAgreement.id)
            .outerjoin(budgets, budgets.c.agreement_id == PerformanceAgreement.id)
            .where(PerformanceAgreement.year == year, PerformanceAgreement.kind.in_(levels))
            .where(PerformanceAgreement.status != AgreementStatus.DISCARDED)
        ).all()
        by_unit: dict[tuple[AgreementKind, str | None], list] = {}
        for agreement in agreements:
            unit = agreement.position_id if agreement.kind.is_lower else agreement.opd_id
            by_unit.setdefault((agreement.kind, unit), []).append(agreement)
        regency = session.scalars(select(Regency)).first()
        units: list[tuple[AgreementKind, Opd | None, Position | None]] = []
        for level in sorted(levels, key=lambda kind: kind.depth):
            if level is AgreementKind.REGIONAL:
                units.append((level, None, None))
            elif level is AgreementKind.OPD:
                units += [(level, opd, None) for opd in opds]
            else:
                units += [(level, opd, position) for opd, position in _positions_signing(session, opds, level)]
        rows = []
        for level, opd, position in units:
            unit_id = position.id if position is not None else opd.id if opd is not None else None
            versions = sorted(by_unit.get((level, unit_id), []), key=lambda a: a.version_no)
            current = versions[-1] if versions else None
            name = opd.name if opd is not None else regency.full_name if regency else "Pemerintah daerah"
            rows.append(
                AgreementRow(
                    opd_id=opd.id if opd is not None else None,
                    opd_code=opd.code if opd is not None else "",
                    opd_abbreviation=opd.abbreviation if opd is not None else "",
                    opd_name=name,
                    agreement_id=current.id if current else None,
                    version_no=current.version_no if current else 0,
                    status=current.status if current else None,
                    item_count=int(current.n or 0) if current else 0,
                    total_budget=int(current.total or 0) if current else 0,
                    sign_date=current.sign_date if current else None,
                    version_count=len(versions),
                    level=level,
                    position_id=position.id if position is not None else None,
                    position_name=position.name if position is not None else "",
                )
            )
        return rows


def _positions_signing(session: Session, opds: list[Opd], level: AgreementKind) -> list[tuple[Opd, Position]]:
    """The active positions whose holders sign PKs of ``level``, OPD by OPD in the order of their structure."""
    wanted = next(p for p in PositionLevel if p.agreement_kind is level)
    positions = session.scalars(
        select(Position).where(Position.level == wanted, Position.is_active.is_(True), Position.opd_id.in_(
            [opd.id for opd in opds])).order_by(Position.sort_order, Position.name)
    ).all()
    by_opd: dict[str, list[Position]] = {}
    for position in positions:
        by_opd.setdefault(position.opd_id, []).append(position)
    return [(opd, position) for opd in opds for position in by_opd.get(opd.id, [])]


def get_agreement(db: Database, agreement_id: str) -> AgreementDetail:
    with db.read() as session:
        return _detail(_load(session, agreement_id))


def version_history(db: Database, agreement_id: str) -> list[VersionInfo]:
    """All versions of the agreement's OPD and year, oldest first."""
    with db.read() as session:
        agreement = _load(session, agreement_id)
        versions = session.scalars(_series_of(agreement).order_by(PerformanceAgreement.version_no)).all()
        return [
            VersionInfo(v.id, v.version_no, v.status, v.sign_date, v.amendment_reason, v.replaces_id) for v in versions
        ]


def _series(kind: AgreementKind, opd_id: str | None, year: int, position_id: str | None = None):  # noqa: ANN202
    """Every version of one PK (a Select): the same level, unit (the OPD, or inside it the position) and year."""
    if kind.is_lower:
        unit = PerformanceAgreement.position_id == position_id
    else:
        unit = PerformanceAgreement.opd_id.is_(None) if opd_id is None else PerformanceAgreement.opd_id == opd_id
    return select(PerformanceAgreement).where(
        PerformanceAgreement.kind == kind, unit, PerformanceAgreement.year == year
    )


def _series_of(agreement: PerformanceAgreement):  # noqa: ANN202 - a Select
    return _series(agreement.kind, agreement.opd_id, agreement.year, agreement.position_id)


def _load(session: Session, agreement_id: str, *, lock: bool = False) -> PerformanceAgreement:
    """The agreement with its rows; ``lock`` (a writing use case) locks its row first (``db/locks.py``), so that
    what is checked about it (its status, its version) is what holds when the change commits."""
    if lock:
        lock_agreements(session, [agreement_id])
    agreement = session.get(
        PerformanceAgreement,
        agreement_id,
        options=[selectinload(PerformanceAgreement.items), selectinload(PerformanceAgreement.programs)],
    )
    if agreement is None:
        raise ValidationError.single(FORM, "Perjanjian Kinerja tidak ditemukan (mungkin sudah dibuang)")
    return agreement


def _detail(agreement: PerformanceAgreement) -> AgreementDetail:
    return AgreementDetail(
        id=agreement.id,
        level=agreement.kind,
        opd_id=agreement.opd_id,
        year=agreement.year,
        version_no=agreement.version_no,
        status=agreement.status,
        opd_name=agreement.opd_name,
        place=agreement.place,
        sign_date=agreement.sign_date,
        notes=agreement.notes,
        amendment_reason=agreement.amendment_reason,
        replaces_id=agreement.replaces_id,
        first=Signer(
            agreement.first_name,
            agreement.first_position,
            agreement.first_nip,
            agreement.first_rank,
            agreement.first_acting,
            agreement.first_official_id,
        ),
        second=Signer(
            agreement.second_name,
            agreement.second_position,
            agreement.second_nip,
            agreement.second_rank,
            agreement.second_acting,
            second_source(agreement),
        ),
        position_id=agreement.position_id,
        items=[
            ItemData(
                indicator_id=i.indicator_id,
                sasaran=i.sasaran,
                indicator_name=i.indicator_name,
                unit=i.unit,
                polarity=i.polarity,
                cumulation=i.cumulation,
                target=i.target,
                target_high=i.target_high,
                target_grade=i.target_grade,
                quarters=(i.q1, i.q2, i.q3, i.q4),
                weight=i.weight,
                goal_id=i.goal_id,
                id=i.id,
            )
            for i in agreement.items
        ],
        programs=[
            ProgramData(p.name, p.budget, p.code, p.note, p.program_id, p.id) for p in agreement.programs
        ],
        version=agreement.version,
    )


# --- signers -------------------------------------------------------------------------------------------


def leaders_on(db: Database, on: date) -> list[Signer]:
    """Regional leaders who may sign as pihak kedua on a date, the regional head first."""
    with db.read() as session:
        return [leader_signer(leader) for leader in leaders_in_office(session, on)]


def head_signer(db: Database, opd_id: str, on: date) -> Signer | None:
    """The OPD head in office on a date as pihak pertama (None when the OPD had no head then)."""
    with db.read() as session:
        head = head_on(session, opd_id, on)
        return _head_signer(head) if head is not None else None


def position_signers_on(db: Database, position_id: str, on: date) -> tuple[Signer | None, Signer | None]:
    """Inside an OPD: the holder of a position on a date (pihak pertama) and of its superior (pihak kedua)."""
    with db.read() as session:
        return position_signers(session, position_id, on)


def regional_head_signer(db: Database, on: date) -> Signer | None:
    """The regional head in office on a date: the signer of his own PK."""
    with db.read() as session:
        return regional_head(session, on)


def _apply_signers(agreement: PerformanceAgreement, first: Signer, second: Signer) -> None:
    apply_signer(agreement, "first", first)
    apply_signer(agreement, "second", Signer() if agreement.kind.single_signer else second)


# --- creating ------------------------------------------------------------------------------------------


def _new_agreement(session: Session, opd: Opd, year: int, on: date | None) -> PerformanceAgreement:
    lock_opd_year(session, opd.id, year)  # two computers creating the same PK: the second is told it exists
    existing = session.scalars(_series(AgreementKind.OPD, opd.id, year)).first()
    if existing is not None:
        raise ValidationError.single(
            FORM, f"{opd.name} sudah memiliki Perjanjian Kinerja tahun {year}; buka atau ubah yang ada"
        )
    regency = session.scalars(select(Regency)).first()
    on = on or date(year, 1, 2)
    agreement = _blank(AgreementKind.OPD, year, opd.name, regency)
    agreement.opd_id, agreement.opd = opd.id, opd
    agreement.position_id = head_position(session, opd).id  # an OPD's PK is its head's
    _take_office_holders(session, agreement, on)
    return agreement


def _blank(kind: AgreementKind, year: int, name: str, regency: Regency | None) -> PerformanceAgreement:
    """A new draft with every printed field set (nothing left to the column defaults of the flush)."""
    agreement = PerformanceAgreement(
        kind=kind, year=year, version_no=1, status=AgreementStatus.DRAFT, opd_name=name,
        place=regency.capital if regency else "", notes="", amendment_reason="",
    )
    _apply_signers(agreement, Signer(), Signer())
    return agreement


def _take_office_holders(session: Session, agreement: PerformanceAgreement, on: date) -> None:
    """The OPD named and the signers in office on ``on`` (the ones of the record stay when nobody is)."""
    apply_differences(agreement, [d for d in differences(session, agreement, on) if d.in_records])


def _renstra_items(session: Session, opd_id: str | None, year: int) -> list[AgreementItem]:
    """The sasaran and indicators with a target for ``year``: the OPD's Renstra, or the RPJMD's (``None``)."""
    if opd_id is None:
        return _plan_items(session, Goal.level == GoalLevel.REGIONAL, year)
    return _plan_items(session, (Goal.opd_id == opd_id) & (Goal.level == GoalLevel.OPD), year)


def _plan_items(session: Session, plan: Any, year: int) -> list[AgreementItem]:
    """The active sasaran matching ``plan`` with their active indicators that have a target for ``year``."""
    rows = session.execute(
        select(Indicator, Goal, IndicatorTarget)
        .join(Goal, Indicator.goal_id == Goal.id)
        .join(IndicatorTarget, (IndicatorTarget.indicator_id == Indicator.id) & (IndicatorTarget.year == year))
        .where(plan, Goal.kind == GoalKind.TARGET, Goal.is_active.is_(True))
        .where(Indicator.is_active.is_(True))
        .order_by(Goal.sort_order, Goal.code, Indicator.sort_order, Indicator.code)
    ).all()
    return [
        AgreementItem(
            indicator_id=indicator.id, goal_id=goal.id, sasaran=goal.statement, indicator_name=indicator.name,
            unit=indicator.unit, polarity=indicator.polarity, cumulation=indicator.cumulation,
            target=target.target, target_high=target.target_high, target_grade=target.target_grade,
            q1=target.q1, q2=target.q2, q3=target.q3, q4=target.q4, weight=indicator.weight, sort_order=n,
        )
        for n, (indicator, goal, target) in enumerate(rows)
    ]


def _renstra_programs(session: Session, opd_id: str, year: int) -> list[AgreementProgram]:
    rows = session.execute(
        select(Program, ProgramBudget)
        .join(ProgramBudget, (ProgramBudget.program_id == Program.id) & (ProgramBudget.year == year))
        .where(Program.opd_id == opd_id, Program.is_active.is_(True), Program.level == ProgramLevel.PROGRAM)
        .order_by(Program.code)
    ).all()
    return [
        AgreementProgram(program_id=p.id, code=p.code, name=p.name, budget=b.pagu, sort_order=n)
        for n, (p, b) in enumerate(rows)
    ]


def renstra_item_choices(db: Database, opd_id: str, year: int) -> list[ItemData]:
    """The OPD's Renstra indicators with a target for ``year``, as items an editor may add to a draft."""
    with db.read() as session:
        return [
            ItemData(
                indicator_id=i.indicator_id, sasaran=i.sasaran, indicator_name=i.indicator_name, unit=i.unit,
                polarity=i.polarity, cumulation=i.cumulation, target=i.target, target_high=i.target_high,
                target_grade=i.target_grade, quarters=(i.q1, i.q2, i.q3, i.q4), weight=i.weight, goal_id=i.goal_id,
            )
            for i in _renstra_items(session, opd_id, year)
        ]


def renstra_program_choices(db: Database, opd_id: str, year: int) -> list[ProgramData]:
    """The OPD's programs with a pagu for ``year``, as rows an editor may add to a draft."""
    with db.read() as session:
        return [
            ProgramData(name=p.name, budget=p.budget, code=p.code, program_id=p.program_id)
            for p in _renstra_programs(session, opd_id, year)
        ]


def create_from_renstra(db: Database, opd_id: str, year: int, *, on: date | None = None) -> str:
    """A draft PK pre-filled with the year's Renstra targets and program budgets, and today's signers."""
    auth.require(db, "opd_data", opd_id)
    with db.write() as session:
        opd = _opd(session, opd_id)
        agreement = _new_agreement(session, opd, year, on)
        agreement.items = _renstra_items(session, opd.id, year)
        agreement.programs = _renstra_programs(session, opd.id, year)
        session.add(agreement)
        session.flush()
        audit.record(session, "agreement.create", "performance_agreement", agreement.id,
                     f"PK {year} {opd.name} dibuat dari Renstra ({len(agreement.items)} indikator)")
        return agreement.id


def create_regional(db: Database, year: int, *, on: date | None = None) -> str:
    """The regional head's own draft PK for ``year`` from the RPJMD sasaran and indicators with their targets,
    signed by the Bupati/Wali Kota (or Pj.) in office on ``on`` (2 January of the year by default)."""
    auth.require(db, "regional_pk")
    with db.write() as session:
        regency = session.scalars(select(Regency)).first()
        if regency is None:
            raise ValidationError.single(FORM, "Profil pemerintah daerah belum diisi")
        lock_opd_year(session, None, year)
        if session.scalars(_series(AgreementKind.REGIONAL, None, year)).first() is not None:
            raise ValidationError.single(
                FORM, f"PK kepala daerah tahun {year} sudah ada; buka atau ubah yang ada"
            )
        agreement = _blank(AgreementKind.REGIONAL, year, regency.full_name, regency)
        _take_office_holders(session, agreement, on or date(year, 1, 2))
        agreement.items = _renstra_items(session, None, year)
        if not agreement.items:
            raise ValidationError.single(
                FORM, f"RPJMD belum memiliki sasaran dengan indikator dan target tahun {year}"
            )
        session.add(agreement)
        session.flush()
        audit.record(session, "agreement.create", "performance_agreement", agreement.id,
                     f"PK kepala daerah {year} dibuat dari RPJMD ({len(agreement.items)} indikator)")
        return agreement.id


def create_lower(db: Database, position_id: str, year: int, *, on: date | None = None) -> str:
    """A draft PK inside an OPD for ``year``: the sasaran program (an eselon III position's) or sasaran kegiatan
    (an eselon IV position's) with their indicators and targets, the programs and kegiatan or the sub kegiatan
    they carry with their pagu, signed by the holders of the position and of its superior on ``on`` (2 January
    of the year by default)."""
    auth.require_row(db, "opd_data", "position", position_id)
    with db.write() as session:
        agreement = build_lower(session, position_id, year, on=on)
        session.add(agreement)
        session.flush()
        audit.record(session, "agreement.create", "performance_agreement", agreement.id,
                     f"PK {agreement.kind.label} {year} {agreement.first_position} dibuat dari pohon kinerja "
                     f"({len(agreement.items)} indikator)")
        return agreement.id


def build_lower(session: Session, position_id: str, year: int, *, on: date | None = None) -> PerformanceAgreement:
    """:func:`create_lower`'s draft with its rows, not yet added to the session (the demo keys its rows)."""
    position = session.get(Position, position_id)
    if position is None:
        raise ValidationError.single(FORM, "Jabatan tidak ditemukan")
    kind = position.level.agreement_kind
    if kind is None or not kind.is_lower:
        raise ValidationError.single(
            FORM, "PK di dalam perangkat daerah ditandatangani pejabat eselon III dan IV dengan atasannya; "
            f"{position.name} adalah jabatan {position.level.label.lower()}"
        )
    if not position.is_active:
        raise ValidationError.single(FORM, f"Jabatan {position.name} sudah tidak aktif")
    lock_opd_year(session, position.id, year)  # two computers drawing the same position's PK: the second is told
    if session.scalars(_series(kind, position.opd_id, year, position.id)).first() is not None:
        raise ValidationError.single(
            FORM, f"{position.name} sudah memiliki Perjanjian Kinerja tahun {year}; buka atau ubah yang ada"
        )
    regency = session.scalars(select(Regency)).first()
    opd = position.opd
    level = kind.goal_level
    agreement = _blank(kind, year, opd.name, regency)
    agreement.opd_id, agreement.opd, agreement.position_id = opd.id, opd, position.id
    _take_office_holders(session, agreement, on or date(year, 1, 2))
    agreement.items = _plan_items(session, (Goal.position_id == position.id) & (Goal.level == level), year)
    if not agreement.items:
        raise ValidationError.single(
            FORM, f"{position.name} belum memiliki {level.label.lower()} dengan indikator dan target tahun {year} "
            "(Pohon Kinerja)"
        )
    agreement.programs = _carried_programs(session, position.id, level, year)
    return agreement


def _carried_programs(session: Session, position_id: str, level: GoalLevel, year: int) -> list[AgreementProgram]:
    """The programs, kegiatan or sub kegiatan the position's sasaran carry, with their pagu of ``year``."""
    rows = session.execute(
        select(Program, ProgramBudget)
        .join(GoalProgram, GoalProgram.program_id == Program.id)
        .join(Goal, Goal.id == GoalProgram.goal_id)
        .join(ProgramBudget, (ProgramBudget.program_id == Program.id) & (ProgramBudget.year == year))
        .where(Goal.position_id == position_id, Goal.level == level, Goal.is_active.is_(True))
        .where(Program.is_active.is_(True))
        .order_by(Program.code)
    ).all()
    # A program carried with one of its kegiatan is that kegiatan's share: listed once, by the kegiatan (the
    # Kabid answers for his kegiatan, not for the whole program another Kabid shares), so the total is no sum
    # of a program and its own parts.
    parents = {program.parent_id for program, _ in rows}
    seen: dict[str, AgreementProgram] = {}
    for program, budget in rows:
        if program.id in parents:
            continue
        seen.setdefault(program.id, AgreementProgram(program_id=program.id, code=program.code, name=program.name,
                                                     budget=budget.pagu, sort_order=len(seen)))
    return list(seen.values())


def copy_from_previous_year(db: Database, opd_id: str, year: int, *, on: date | None = None) -> str:
    """A draft PK copied from last year's agreement; targets and budgets of ``year`` replace last year's
    where the Renstra has them, so only what is new needs typing."""
    auth.require(db, "opd_data", opd_id)
    with db.write() as session:
        opd = _opd(session, opd_id)
        previous = session.scalars(
            select(PerformanceAgreement)
            .where(PerformanceAgreement.opd_id == opd.id, PerformanceAgreement.year == year - 1)
            .where(PerformanceAgreement.kind == AgreementKind.OPD)
            .where(PerformanceAgreement.status != AgreementStatus.DISCARDED)
            .order_by(PerformanceAgreement.version_no.desc())
        ).first()
        if previous is None:
            raise ValidationError.single(FORM, f"{opd.name} tidak memiliki Perjanjian Kinerja tahun {year - 1}")
        agreement = _new_agreement(session, opd, year, on)
        targets = {
            t.indicator_id: t
            for t in session.scalars(select(IndicatorTarget).where(IndicatorTarget.year == year)).all()
        }
        for n, old in enumerate(previous.items):
            target = targets.get(old.indicator_id)
            item = AgreementItem(
                indicator_id=old.indicator_id, goal_id=old.goal_id, sasaran=old.sasaran,
                indicator_name=old.indicator_name, unit=old.unit, polarity=old.polarity, cumulation=old.cumulation,
                weight=old.weight, sort_order=n,
            )
            source = target if target is not None else old
            for name in ("target", "target_high", "target_grade", "q1", "q2", "q3", "q4"):
                setattr(item, name, getattr(source, name))
            agreement.items.append(item)
        budgets = {
            b.program_id: b.pagu
            for b in session.scalars(select(ProgramBudget).where(ProgramBudget.year == year)).all()
        }
        for n, old in enumerate(previous.programs):
            agreement.programs.append(
                AgreementProgram(
                    program_id=old.program_id, code=old.code, name=old.name, note=old.note, sort_order=n,
                    budget=budgets.get(old.program_id, old.budget) if old.program_id else old.budget,
                )
            )
        session.add(agreement)
        session.flush()
        audit.record(session, "agreement.create", "performance_agreement", agreement.id,
                     f"PK {year} {opd.name} disalin dari PK {year - 1}")
        return agreement.id


def _opd(session: Session, opd_id: str) -> Opd:
    opd = session.get(Opd, opd_id)
    if opd is None:
        raise ValidationError.single(FORM, "Perangkat daerah tidak ditemukan")
    return opd


# --- editing -------------------------------------------------------------------------------------------


def _editable(session: Session, agreement_id: str, expected_version: int | None) -> PerformanceAgreement:
    agreement = _load(session, agreement_id, lock=True)
    if agreement.status.is_locked:
        raise AgreementLockedError(f"Perjanjian Kinerja {agreement.year} {agreement.opd_name}")
    if agreement.status is not AgreementStatus.DRAFT:
        raise ValidationError.single(FORM, "Hanya draf yang dapat diubah; kembalikan PK final ke draf dahulu")
    verification.check_agreement_editable(session, agreement)
    if expected_version is not None and agreement.version != expected_version:
        raise ValidationError.single(
            FORM, "PK ini telah diubah di jendela atau komputer lain sejak dibuka; muat ulang lalu ulangi perubahan"
        )
    return agreement


def save_draft(db: Database, detail: AgreementDetail) -> int:
    """Save the editor's content into a draft in one transaction; returns the new row version.

    Rows keep their ids (edited in place, new ones added, missing ones removed) so that field packages
    can merge item by item.
    """
    auth.require_row(db, "opd_data", "performance_agreement", detail.id)
    problems = _input_problems(detail)
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        agreement = _editable(session, detail.id, detail.version)
        agreement.place = detail.place.strip()
        agreement.sign_date = detail.sign_date
        agreement.notes = detail.notes
        agreement.opd_name = detail.opd_name.strip() or agreement.opd_name
        if detail.version_no > 1:
            agreement.amendment_reason = detail.amendment_reason.strip()
        _apply_signers(agreement, detail.first, detail.second)
        _sync_items(agreement, detail.items)
        _sync_programs(agreement, detail.programs)
        agreement.updated_at = utcnow()  # bumps the version even when only child rows changed
        verification.note_agreement_changed(session, agreement)
        session.flush()
        audit.record(session, "agreement.save", "performance_agreement", agreement.id,
                     f"Draf PK {agreement.year} {agreement.opd_name} disimpan")
        return agreement.version


def _nip_problems(detail: AgreementDetail) -> dict[str, str]:
    """The signers' NIPs by the rule the OPD form applies, so a PK never prints a NIP the records would refuse."""
    problems: dict[str, str] = {}
    for field, who, signer in (("first.nip", "pihak pertama", detail.first), ("second.nip", "pihak kedua",
                                                                               detail.second)):
        nip = normalize_nip(signer.nip or "")
        problem = nip_problem(nip) if nip else None
        if problem:
            problems[field] = f"NIP {who} “{signer.nip}”: {problem}"
    return problems


def _input_problems(detail: AgreementDetail) -> dict[str, str]:
    problems = _nip_problems(detail)
    for n, item in enumerate(detail.items):
        values = {"target": item.target, "target_high": item.target_high, "weight": item.weight}
        values.update(zip(("q1", "q2", "q3", "q4"), item.quarters, strict=True))
        unusable = check_values(AgreementItem, values, sort_order=n)
        if unusable:  # a NaN cannot even be compared below
            problems.update({field: f"Baris {n + 1}: {message}" for field, message in unusable.items()})
            continue
        if not item.indicator_name.strip():
            problems[f"items[{n}].indicator_name"] = f"Baris {n + 1}: nama indikator wajib diisi"
        if item.target is not None and item.target < 0:
            problems[f"items[{n}].target"] = f"Baris {n + 1}: target tidak boleh negatif"
    for n, program in enumerate(detail.programs):
        if not program.name.strip():
            problems[f"programs[{n}].name"] = f"Program baris {n + 1}: nama program wajib diisi"
        if program.budget < 0:
            problems[f"programs[{n}].budget"] = f"Program baris {n + 1}: anggaran tidak boleh negatif"
    return problems


def _sync_items(agreement: PerformanceAgreement, items: list[ItemData]) -> None:
    existing = {item.id: item for item in agreement.items}
    kept = []
    for n, data in enumerate(items):
        row = existing.get(data.id) if data.id else None
        if row is None:
            row = AgreementItem(indicator_id=data.indicator_id)
        row.indicator_id = data.indicator_id
        row.goal_id = data.goal_id
        row.sasaran = data.sasaran.strip()
        row.indicator_name = data.indicator_name.strip()
        row.unit = data.unit.strip()
        row.polarity = data.polarity
        row.cumulation = data.cumulation
        row.target, row.target_high, row.target_grade = data.target, data.target_high, data.target_grade
        row.q1, row.q2, row.q3, row.q4 = data.quarters
        row.weight = data.weight
        row.sort_order = n
        kept.append(row)
    agreement.items = kept


def _sync_programs(agreement: PerformanceAgreement, programs: list[ProgramData]) -> None:
    existing = {program.id: program for program in agreement.programs}
    kept = []
    for n, data in enumerate(programs):
        row = existing.get(data.id) if data.id else None
        if row is None:
            row = AgreementProgram(name=data.name, budget=data.budget)
        row.program_id = data.program_id
        row.code = data.code.strip()
        row.name = data.name.strip()
        row.budget = int(data.budget)
        row.note = data.note.strip()
        row.sort_order = n
        kept.append(row)
    agreement.programs = kept


def discard_draft(db: Database, agreement_id: str) -> None:
    """Throw a draft away (a final, signed or replaced PK is never deleted)."""
    auth.require_row(db, "opd_data", "performance_agreement", agreement_id)
    with db.write() as session:
        agreement = _load(session, agreement_id, lock=True)
        if agreement.status is not AgreementStatus.DRAFT:
            raise ValidationError.single(FORM, "Hanya draf yang dapat dibuang; PK final atau bertanda tangan disimpan")
        verification.check_agreement_editable(session, agreement)
        audit.record(session, "agreement.discard", "performance_agreement", agreement.id,
                     f"Draf PK {agreement.year} {agreement.opd_name} versi {agreement.version_no} dibuang")
        session.delete(agreement)


def draft_differences(db: Database, agreement_id: str) -> list[Difference]:
    """What a draft prints that the records say otherwise on its planned date (else today within its year): a
    renamed OPD, a new head, a leader whose term ended. Empty for a final or signed PK (frozen)."""
    with db.read() as session:
        agreement = _load(session, agreement_id)
        if agreement.status is not AgreementStatus.DRAFT:
            return []
        return differences(session, agreement, reference_date(agreement.year, agreement.sign_date))


def refresh_draft(db: Database, agreement_id: str, expected_version: int | None = None) -> int:
    """Take the records' OPD name and signers of the draft's date into it; returns the new row version."""
    auth.require_row(db, "opd_data", "performance_agreement", agreement_id)
    with db.write() as session:
        agreement = _editable(session, agreement_id, expected_version)
        found = differences(session, agreement, reference_date(agreement.year, agreement.sign_date))
        apply_differences(agreement, found)
        agreement.updated_at = utcnow()
        if found:
            verification.note_agreement_changed(session, agreement)
        session.flush()
        if found:
            audit.record(session, "agreement.refresh", "performance_agreement", agreement.id,
                         f"Draf PK {agreement.year} {agreement.opd_name} diperbarui: "
                         + ", ".join(d.subject.lower() for d in found))
        return agreement.version


# --- lifecycle -----------------------------------------------------------------------------------------


def completeness_problems(detail: AgreementDetail) -> list[str]:
    """What keeps a draft from being final: items, targets consistent, signers, place."""
    problems = []
    if not detail.items:
        problems.append("PK belum memiliki indikator kinerja")
    for n, item in enumerate(detail.items, start=1):
        item_problems = target_problems(
            unit=item.unit, polarity=item.polarity, cumulation=item.cumulation, target=item.target,
            target_high=item.target_high, quarters=item.quarters, qualitative=item.target_grade is not None,
        )
        for message in item_problems.values():
            problems.append(f"Indikator {n} ({item.indicator_name}): {message}")
    single, lower = detail.level.single_signer, detail.level.is_lower
    if not detail.programs and not single:  # the regional head's PK may list no program
        rows = "sub kegiatan" if detail.level is AgreementKind.ESELON_IV else "program"
        problems.append(f"PK belum memiliki {rows} dan anggaran")
    if not detail.first.name or not detail.first.position:
        who = "kepala daerah" if single else "pemegang jabatan" if lower else "kepala perangkat daerah"
        problems.append(f"Pihak pertama ({who}) belum lengkap: nama dan jabatan")
    if not single and (not detail.second.name or not detail.second.position):
        who = "atasan langsung" if lower else "kepala daerah"
        problems.append(f"Pihak kedua ({who}) belum lengkap: nama dan jabatan")
    problems += list(_nip_problems(detail).values())
    if not detail.place:
        problems.append("Tempat penandatanganan belum diisi")
    if detail.version_no > 1 and not detail.amendment_reason.strip():
        problems.append("Alasan PK Perubahan belum diisi")
    return problems


def finalize(db: Database, agreement_id: str, *, update_signers: bool = False) -> None:
    """Draf → Final, when complete and, with a planned date, signed by the people in office that day (or, with
    ``update_signers``, after taking them over); the printed document is frozen from here on."""
    auth.require_row(db, "opd_data", "performance_agreement", agreement_id)
    with db.write() as session:
        agreement = _editable(session, agreement_id, None)
        problems = completeness_problems(_detail(agreement))
        if problems:
            raise ValidationError({f"{FORM}{n}" if n else FORM: p for n, p in enumerate(problems)})
        unverified = verification.finalize_problem(session, agreement)
        if unverified:
            raise ValidationError.single(FORM, unverified)
        if agreement.sign_date is not None:
            check_in_office(session, agreement, agreement.sign_date, update=update_signers)
        if not agreement.opd_name and agreement.opd is not None:
            agreement.opd_name = agreement.opd.name
        agreement.status = AgreementStatus.FINAL
        agreement.finalized_at = utcnow()
        session.flush()
        freeze_agreement(session, agreement)
        audit.record(session, "agreement.finalize", "performance_agreement", agreement.id,
                     f"PK {agreement.year} {agreement.opd_name} versi {agreement.version_no} difinalkan")


def submit(db: Database, agreement_id: str) -> None:
    """Draf (or Dikembalikan) → Diajukan: the OPD hands its complete draft to Bappeda for verification."""
    verification.submit_agreement(db, agreement_id, lambda agreement: completeness_problems(_detail(agreement)))


def reopen_draft(db: Database, agreement_id: str) -> None:
    """Final → Draf, for a correction before signing; it prints from today's records again."""
    auth.require_row(db, "opd_data", "performance_agreement", agreement_id)
    with db.write() as session:
        agreement = _load(session, agreement_id, lock=True)
        if agreement.status is not AgreementStatus.FINAL:
            if agreement.status.is_locked:
                raise AgreementLockedError(f"Perjanjian Kinerja {agreement.year} {agreement.opd_name}")
            raise ValidationError.single(FORM, "Hanya PK final yang dapat dikembalikan ke draf")
        agreement.status = AgreementStatus.DRAFT
        agreement.finalized_at = None
        thaw_agreement(agreement)
        audit.record(session, "agreement.reopen", "performance_agreement", agreement.id,
                     f"PK {agreement.year} {agreement.opd_name} dikembalikan ke draf")


def sign(db: Database, agreement_id: str, sign_date: date, *, update_signers: bool = False) -> None:
    """Final → Ditandatangani: record the signing date and lock; a signed amendment replaces its original.

    The signers must be the people in office on ``sign_date`` (and the OPD named as on that day): otherwise
    ``SignersOutOfDate`` says who is, and ``update_signers`` takes them over. The document is frozen again
    with the date and signers of the day, in the letterhead and wording frozen at finalisation.
    """
    auth.require_row(db, "opd_data", "performance_agreement", agreement_id)
    with db.write() as session:
        # Locked first: a field package importing changes to this PK at the same instant either commits before
        # (and is signed with it) or waits and is refused (services/sync_import.py).
        agreement = _load(session, agreement_id, lock=True)
        if agreement.status is not AgreementStatus.FINAL:
            if agreement.status.is_locked:
                raise AgreementLockedError(f"Perjanjian Kinerja {agreement.year} {agreement.opd_name}")
            raise ValidationError.single(FORM, "PK harus difinalkan sebelum ditandatangani")
        if sign_date.year not in (agreement.year - 1, agreement.year):
            raise ValidationError.single(
                "sign_date", f"Tanggal penandatanganan {format_date(sign_date)} tidak sesuai tahun PK {agreement.year}"
            )
        lock_agreements(session, [agreement.replaces_id or ""])
        replaced = session.get(PerformanceAgreement, agreement.replaces_id) if agreement.replaces_id else None
        if replaced is not None and replaced.sign_date and sign_date < replaced.sign_date:
            raise ValidationError.single(
                "sign_date", "PK Perubahan tidak dapat ditandatangani sebelum PK yang diubahnya"
            )
        taken = check_in_office(session, agreement, sign_date, update=update_signers)
        agreement.sign_date = sign_date
        agreement.status = AgreementStatus.SIGNED
        agreement.signed_at = utcnow()
        freeze_agreement(session, agreement)
        session.flush()
        if replaced is not None:
            replaced.status = AgreementStatus.SUPERSEDED
        updated = f"; diperbarui: {', '.join(d.subject.lower() for d in taken)}" if taken else ""
        audit.record(session, "agreement.sign", "performance_agreement", agreement.id,
                     f"PK {agreement.year} {agreement.opd_name} versi {agreement.version_no} ditandatangani "
                     f"{format_date(sign_date)}{updated}")


def create_amendment(db: Database, agreement_id: str, reason: str, *, on: date | None = None) -> str:
    """A PK Perubahan: a new draft version copying a signed agreement's rows, with the reason recorded; the
    OPD's name and the signers are those in office on ``on`` (today within the PK's year by default), not the
    ones of the original (a Pj. Bupati's term may have ended since)."""
    auth.require_row(db, "opd_data", "performance_agreement", agreement_id)
    reason = reason.strip()
    if not reason:
        raise ValidationError.single("reason", "Alasan PK Perubahan wajib diisi")
    with db.write() as session:
        original = _load(session, agreement_id, lock=True)
        lock_opd_year(session, original.opd_id, original.year)
        if original.status is not AgreementStatus.SIGNED:
            raise ValidationError.single(FORM, "PK Perubahan hanya dapat dibuat dari PK yang sudah ditandatangani")
        newest = max(
            (a.version_no for a in session.scalars(_series_of(original))),
            default=original.version_no,
        )
        if newest and newest > original.version_no:
            raise ValidationError.single(FORM, "Sudah ada PK Perubahan yang sedang disiapkan untuk PK ini")
        amendment = PerformanceAgreement(
            kind=original.kind, opd_id=original.opd_id, position_id=original.position_id, year=original.year,
            version_no=original.version_no + 1,
            replaces_id=original.id, amendment_reason=reason, status=AgreementStatus.DRAFT,
            place=original.place, notes=original.notes, opd_name=original.opd_name,
        )
        for name in ("official_id", "name", "position", "nip", "rank", "acting"):
            setattr(amendment, f"first_{name}", getattr(original, f"first_{name}"))
        for name in ("leader_id", "official_id", "name", "position", "nip", "rank", "acting"):
            setattr(amendment, f"second_{name}", getattr(original, f"second_{name}"))
        columns = ("indicator_id", "goal_id", "sasaran", "indicator_name", "unit", "polarity", "cumulation",
                   "target", "target_high", "target_grade", "q1", "q2", "q3", "q4", "weight", "sort_order")
        amendment.items = [AgreementItem(**{c: getattr(i, c) for c in columns}) for i in original.items]
        amendment.programs = [
            AgreementProgram(program_id=p.program_id, code=p.code, name=p.name, budget=p.budget, note=p.note,
                             sort_order=p.sort_order)
            for p in original.programs
        ]
        amendment.opd = original.opd
        _take_office_holders(session, amendment, reference_date(original.year, None, on))
        session.add(amendment)
        session.flush()
        audit.record(session, "agreement.amend", "performance_agreement", amendment.id,
                     f"PK Perubahan {original.year} {original.opd_name} versi {amendment.version_no}: {reason}")
        return amendment.id


# --- comparing versions --------------------------------------------------------------------------------


def compare_versions(db: Database, older_id: str, newer_id: str) -> list[VersionChange]:
    """What changed between two versions: signers and general fields, indicators, programs."""
    older, newer = get_agreement(db, older_id), get_agreement(db, newer_id)
    changes: list[VersionChange] = []
    for label, attr in (("Pihak pertama", "first"), ("Pihak kedua", "second")):
        before, after = getattr(older, attr), getattr(newer, attr)
        fields = (("nama", "name"), ("jabatan", "printed_position"), ("NIP", "nip"), ("pangkat", "rank"))
        for field_label, name in fields:
            if getattr(before, name) != getattr(after, name):
                changes.append(VersionChange("Penandatangan", f"{label}: {field_label}",
                                             getattr(before, name) or "", getattr(after, name) or ""))
    for label, name in (("Tempat", "place"), ("Catatan", "notes")):
        if getattr(older, name) != getattr(newer, name):
            changes.append(VersionChange("Umum", label, getattr(older, name), getattr(newer, name)))
    old_items = {item.indicator_id: item for item in older.items}
    new_items = {item.indicator_id: item for item in newer.items}
    for key, item in new_items.items():
        previous = old_items.get(key)
        if previous is None:
            changes.append(VersionChange("Indikator", item.indicator_name, "", "ditambahkan: " + _target_text(item)))
            continue
        if _target_text(previous) != _target_text(item):
            changes.append(VersionChange("Indikator", item.indicator_name, _target_text(previous), _target_text(item)))
        elif previous.quarters != item.quarters:
            changes.append(VersionChange("Indikator", item.indicator_name + " (target triwulan)",
                                         _quarters_text(previous), _quarters_text(item)))
    for key, item in old_items.items():
        if key not in new_items:
            changes.append(VersionChange("Indikator", item.indicator_name, _target_text(item), "dihapus"))
    old_programs = {p.program_id or p.code or p.name: p for p in older.programs}
    new_programs = {p.program_id or p.code or p.name: p for p in newer.programs}
    for key, program in new_programs.items():
        previous_program = old_programs.get(key)
        if previous_program is None:
            changes.append(VersionChange("Program", program.name, "", "ditambahkan: " + format_rupiah(program.budget)))
        elif previous_program.budget != program.budget:
            changes.append(VersionChange("Program", program.name, format_rupiah(previous_program.budget),
                                         format_rupiah(program.budget)))
    for key, program in old_programs.items():
        if key not in new_programs:
            changes.append(VersionChange("Program", program.name, format_rupiah(program.budget), "dihapus"))
    if older.total_budget != newer.total_budget:
        changes.append(VersionChange("Program", "Jumlah anggaran", format_rupiah(older.total_budget),
                                     format_rupiah(newer.total_budget)))
    return changes


def _target_text(item: ItemData) -> str:
    if item.target_grade:
        return with_unit(item.target_grade, item.unit)
    if item.target_high is not None:
        return with_unit(f"{format_number(item.target, None)}–{format_number(item.target_high, None)}", item.unit)
    return with_unit(format_number(item.target, None, empty="-"), item.unit)


def _quarters_text(item: ItemData) -> str:
    return " / ".join(format_number(q, None, empty="-") for q in item.quarters)
