"""The DPA of each OPD: programs → kegiatan → sub kegiatan with Permendagri 90/2019 codes and pagu per year.

The rule for pagu: a row with active children carries the sum of their pagu, year by year (a year none of
them budgets has no pagu); a row without children carries its own. The sum is stored, not computed on
reading, and every change below a row updates it in the same transaction, so everything that reads
program pagu (the PK lampiran, budget absorption, field packages) sees the DPA's totals. Typing a pagu on a
row whose children carry it is refused, unless it equals their sum (a SIPD export lists both).

Codes are checked against the level and the parent's code (domain/program_codes.py) and are unique within
the OPD. Removing deletes what nothing refers to and retires what an agreement or a budget realisation
refers to (services/removal.py). Each public function is one transaction; ``write_program`` is the same
inside a caller's (an import).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import AgreementProgram, BudgetRealization, Goal, Opd, Program, ProgramBudget
from ..domain.enums import GoalKind, GoalLevel, ProgramLevel
from ..domain.formatting import format_rupiah
from ..domain.program_codes import code_problem, normalize_code
from . import audit
from . import users as auth
from .errors import FORM, ValidationError
from .removal import Removal

MIN_YEAR, MAX_YEAR = 2000, 2100
CHILDREN = {ProgramLevel.PROGRAM: "kegiatan", ProgramLevel.ACTIVITY: "sub kegiatan"}


@dataclass
class ProgramForm:
    """A program, kegiatan or sub kegiatan as typed; ``pagu`` None leaves the stored pagu as it is."""

    opd_id: str
    level: ProgramLevel
    code: str
    name: str
    parent_id: str | None = None
    goal_id: str | None = None  # the Renstra sasaran a program serves (programs only)
    pagu: dict[int, int] | None = None  # year → rupiah; a year left out has no pagu
    id: str | None = None
    version: int | None = None
    pagu_from_children: bool = False  # read only: the pagu is the sum of the children's


@dataclass
class ProgramNode:
    id: str
    level: ProgramLevel
    code: str
    name: str
    parent_id: str | None
    goal_id: str | None
    is_active: bool
    pagu: dict[int, int] = field(default_factory=dict)
    pagu_from_children: bool = False
    goal_label: str = ""
    children: list[ProgramNode] = field(default_factory=list)


# --- reading -------------------------------------------------------------------------------------------


def program_tree(db: Database, opd_id: str, *, include_retired: bool = False) -> list[ProgramNode]:
    """The OPD's programs with their kegiatan and sub kegiatan, by code, with pagu per year."""
    with db.read() as session:
        rows = session.scalars(select(Program).where(Program.opd_id == opd_id).order_by(Program.code)).all()
        budgets: dict[str, dict[int, int]] = {}
        for program_id, year, pagu in session.execute(
            select(ProgramBudget.program_id, ProgramBudget.year, ProgramBudget.pagu)
            .join(Program, Program.id == ProgramBudget.program_id)
            .where(Program.opd_id == opd_id)
        ):
            budgets.setdefault(program_id, {})[year] = int(pagu)
        goal_ids = {p.goal_id for p in rows if p.goal_id}
        goals = {
            g.id: f"{g.code} {g.statement}".strip()
            for g in session.scalars(select(Goal).where(Goal.id.in_(goal_ids))).all()
        }
        nodes: dict[str, ProgramNode] = {}
        for row in rows:
            if not include_retired and not row.is_active:
                continue
            nodes[row.id] = ProgramNode(
                row.id,
                row.level,
                row.code,
                row.name,
                row.parent_id,
                row.goal_id,
                row.is_active,
                dict(sorted(budgets.get(row.id, {}).items())),
                goal_label=goals.get(row.goal_id or "", ""),
            )
        active_parents = {row.parent_id for row in rows if row.is_active and row.parent_id}
        roots: list[ProgramNode] = []
        for node in nodes.values():
            node.pagu_from_children = node.id in active_parents
            parent = nodes.get(node.parent_id) if node.parent_id else None
            (parent.children if parent else roots).append(node)
        return roots


def get_program(db: Database, program_id: str) -> ProgramForm:
    with db.read() as session:
        program = _program(session, program_id)
        pagu = {b.year: int(b.pagu) for b in session.scalars(
            select(ProgramBudget).where(ProgramBudget.program_id == program.id).order_by(ProgramBudget.year)
        )}
        return ProgramForm(
            program.opd_id,
            program.level,
            program.code,
            program.name,
            program.parent_id,
            program.goal_id,
            pagu,
            program.id,
            program.version,
            pagu_from_children=active_children(session, program.id) > 0,
        )


def sasaran_choices(db: Database, opd_id: str, period_id: str) -> list[tuple[str, str]]:
    """The OPD's active Renstra sasaran of a period, as (id, "code statement"): what a program may serve."""
    with db.read() as session:
        goals = session.scalars(
            select(Goal)
            .where(
                Goal.opd_id == opd_id,
                Goal.period_id == period_id,
                Goal.level == GoalLevel.OPD,
                Goal.kind == GoalKind.TARGET,
                Goal.is_active.is_(True),
            )
            .order_by(Goal.sort_order, Goal.code)
        ).all()
        return [(g.id, f"{g.code} {g.statement}".strip()) for g in goals]


def _program(session: Session, program_id: str) -> Program:
    program = session.get(Program, program_id)
    if program is None:
        raise ValidationError.single(FORM, "Program/kegiatan tidak ditemukan; mungkin sudah dihapus")
    return program


def active_children(session: Session, program_id: str) -> int:
    return session.scalar(
        select(func.count()).select_from(Program).where(Program.parent_id == program_id, Program.is_active.is_(True))
    ) or 0


# --- writing -------------------------------------------------------------------------------------------


def program_problems(data: ProgramForm) -> dict[str, str]:
    """Checks that need no database: name, the shape of the code, parent, pagu."""
    problems: dict[str, str] = {}
    label = data.level.label
    if not data.name.strip():
        problems["name"] = f"Nama {label.lower()} wajib diisi"
    problem = code_problem(data.level, data.code)
    if problem:
        problems["code"] = problem
    parent_level = data.level.parent_level
    if parent_level is not None and not data.parent_id:
        problems["parent_id"] = f"{label} harus berada di bawah sebuah {parent_level.label.lower()}"
    if parent_level is None and data.parent_id:
        problems["parent_id"] = "Program tidak berada di bawah program atau kegiatan lain"
    if data.level is not ProgramLevel.PROGRAM and data.goal_id:
        problems["goal_id"] = "Hanya program yang dihubungkan ke sasaran Renstra"
    for year, amount in (data.pagu or {}).items():
        if not MIN_YEAR <= year <= MAX_YEAR:
            problems[f"pagu[{year}]"] = f"Tahun pagu {year} tidak sah"
        elif amount < 0:
            problems[f"pagu[{year}]"] = f"Pagu {year} tidak boleh negatif"
    return problems


def save_program(db: Database, data: ProgramForm) -> str:
    """Create or change a program, kegiatan or sub kegiatan with its pagu in one transaction; returns its id."""
    auth.require(db, "opd_data", data.opd_id)
    auth.require_row(db, "opd_data", "program", data.id)
    with db.write() as session:
        return write_program(session, data).id


def write_program(session: Session, data: ProgramForm) -> Program:
    """:func:`save_program` inside the caller's transaction; returns the flushed row."""
    problems = program_problems(data)
    if problems:
        raise ValidationError(problems)
    code = normalize_code(data.code)
    if session.get(Opd, data.opd_id) is None:
        raise ValidationError.single("opd_id", "Perangkat daerah tidak ditemukan")
    if data.id is None:
        program = Program(opd_id=data.opd_id, level=data.level, is_active=True)
        old_parent_id = None
    else:
        program = _program(session, data.id)
        if data.version is not None and program.version != data.version:
            raise ValidationError.single(FORM, "Data ini telah diubah di tempat lain sejak dibuka; muat ulang")
        if program.level is not data.level or program.opd_id != data.opd_id:
            raise ValidationError.single(
                FORM, f"{program.level.label} tidak dapat diubah jenis atau perangkat daerahnya"
            )
        if program.code != code and active_children(session, program.id):
            raise ValidationError.single(
                "code", f"Kode tidak dapat diubah selama ada {CHILDREN[program.level]} di bawahnya"
            )
        old_parent_id = program.parent_id
    parent = _check_parent(session, program, data, code)
    _check_code_free(session, program, data.opd_id, code)
    if data.goal_id:
        _check_goal(session, data)
    program.code, program.name = code, data.name.strip()
    program.goal_id = data.goal_id or None
    program.parent = parent
    if data.id is None:
        session.add(program)
    session.flush()
    if data.pagu is not None:
        _apply_pagu(session, program, data.pagu)
    _update_sums(session, parent)
    if old_parent_id and old_parent_id != program.parent_id:
        _update_sums(session, session.get(Program, old_parent_id))
    audit.record(
        session, "program.save", "program", program.id, f"{program.level.label} {program.code} disimpan: {program.name}"
    )
    return program


def _check_parent(session: Session, program: Program, data: ProgramForm, code: str) -> Program | None:
    if not data.parent_id:
        return None
    parent = session.get(Program, data.parent_id)
    wanted = data.level.parent_level
    assert wanted is not None
    if parent is None or parent.opd_id != data.opd_id or parent.level is not wanted or parent.id == program.id:
        raise ValidationError.single(
            "parent_id", f"Induk harus sebuah {wanted.label.lower()} perangkat daerah yang sama"
        )
    if not parent.is_active:
        raise ValidationError.single("parent_id", f"{wanted.label} induknya nonaktif; aktifkan dahulu")
    problem = code_problem(data.level, code, parent.code)
    if problem:
        raise ValidationError.single("code", problem)
    return parent


def _check_code_free(session: Session, program: Program, opd_id: str, code: str) -> None:
    query = select(Program).where(Program.opd_id == opd_id, Program.code == code)
    if program.id is not None:
        query = query.where(Program.id != program.id)
    other = session.scalars(query).first()
    if other is not None:
        state = "" if other.is_active else " (nonaktif)"
        raise ValidationError.single(
            "code",
            f"Kode {code} sudah dipakai {other.level.label.lower()} “{other.name}”{state} di perangkat daerah ini",
        )


def _check_goal(session: Session, data: ProgramForm) -> None:
    goal = session.get(Goal, data.goal_id)
    if goal is None or goal.opd_id != data.opd_id or goal.kind is not GoalKind.TARGET:
        raise ValidationError.single("goal_id", "Pilih sebuah sasaran Renstra perangkat daerah ini")


def stored_pagu(session: Session, program_id: str) -> dict[int, int]:
    return {
        year: int(pagu)
        for year, pagu in session.execute(
            select(ProgramBudget.year, ProgramBudget.pagu).where(ProgramBudget.program_id == program_id)
        )
    }


def _children_sums(session: Session, program_id: str) -> dict[int, int]:
    rows = session.execute(
        select(ProgramBudget.year, func.sum(ProgramBudget.pagu))
        .join(Program, Program.id == ProgramBudget.program_id)
        .where(Program.parent_id == program_id, Program.is_active.is_(True))
        .group_by(ProgramBudget.year)
    ).all()
    return {year: int(total) for year, total in rows}


def _apply_pagu(session: Session, program: Program, pagu: dict[int, int]) -> None:
    if active_children(session, program.id):
        sums = _children_sums(session, program.id)
        if dict(pagu) != sums:
            children = CHILDREN[program.level]
            totals = ", ".join(f"{year}: {format_rupiah(amount)}" for year, amount in sorted(sums.items())) or "kosong"
            raise ValidationError.single(
                "pagu",
                f"Pagu {program.level.label.lower()} ini adalah jumlah pagu {children} di bawahnya ({totals}); "
                f"ubah pagu {children}nya",
            )
        return
    _set_pagu(session, program, pagu)


def _set_pagu(session: Session, program: Program, pagu: dict[int, int]) -> None:
    rows = {
        row.year: row
        for row in session.scalars(select(ProgramBudget).where(ProgramBudget.program_id == program.id)).all()
    }
    for year, amount in pagu.items():
        row = rows.pop(year, None)
        if row is None:
            session.add(ProgramBudget(program_id=program.id, year=year, pagu=int(amount)))
        elif row.pagu != amount:
            row.pagu = int(amount)
    for row in rows.values():
        session.delete(row)
    session.flush()
    session.expire(program, ["budgets"])


def _update_sums(session: Session, node: Program | None) -> None:
    """Carry the children's totals up to the program: each row with active children gets their sum."""
    while node is not None:
        if active_children(session, node.id):
            sums = _children_sums(session, node.id)
            if sums != stored_pagu(session, node.id):
                _set_pagu(session, node, sums)
        node = session.get(Program, node.parent_id) if node.parent_id else None


# --- removing and restoring ----------------------------------------------------------------------------


def _subtree(session: Session, program: Program) -> list[Program]:
    rows, stack = [], [program]
    while stack:
        current = stack.pop()
        rows.append(current)
        stack.extend(session.scalars(select(Program).where(Program.parent_id == current.id)).all())
    return rows


def _referenced(session: Session, ids: list[str]) -> bool:
    """Whether an agreement's lampiran or a budget realisation refers to any of these rows."""
    return any(
        session.scalar(check)
        for check in (
            select(func.count()).select_from(AgreementProgram).where(AgreementProgram.program_id.in_(ids)),
            select(func.count()).select_from(BudgetRealization).where(BudgetRealization.program_id.in_(ids)),
        )
    )


def remove_program(db: Database, program_id: str) -> Removal:
    """Remove a row with everything under it: deleted when nothing refers to them, else retired (all)."""
    auth.require_row(db, "opd_data", "program", program_id)
    with db.write() as session:
        program = _program(session, program_id)
        parent = program.parent
        rows = _subtree(session, program)
        label = f"{program.level.label} {program.code} {program.name}"
        if _referenced(session, [row.id for row in rows]):
            for row in rows:
                row.is_active = False
            session.flush()
            result = Removal.RETIRED
        else:
            for row in reversed(rows):  # children before their parents; pagu rows go with them
                session.delete(row)
                session.flush()
            result = Removal.DELETED
        _update_sums(session, parent)
        audit.record(session, f"program.{'retire' if result is Removal.RETIRED else 'delete'}", "program",
                     program_id, f"{label} {result.value}")
        return result


def restore_program(db: Database, program_id: str) -> None:
    """Make a retired row active again with everything under it; its parent must be active."""
    auth.require_row(db, "opd_data", "program", program_id)
    with db.write() as session:
        program = _program(session, program_id)
        parent = program.parent
        if parent is not None and not parent.is_active:
            raise ValidationError.single(FORM, f"{parent.level.label} induknya nonaktif; aktifkan dahulu")
        for row in _subtree(session, program):
            row.is_active = True
        session.flush()
        _update_sums(session, parent)
        audit.record(
            session, "program.restore", "program", program.id, f"{program.level.label} {program.code} diaktifkan"
        )
