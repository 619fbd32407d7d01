"""Importing the budget: the DPA's programs → kegiatan → sub kegiatan with pagu (``program``, the shape of a
SIPD export) and an OPD's quarter report filled offline (``realisasi``).

Programs match by the OPD and the Permendagri 90/2019 code, whose shape gives the level and whose start the
parent. A row with kegiatan (or sub kegiatan) under it carries their sum, kept by ``services/programs.py``: a
pagu typed on it must equal that sum (a SIPD export lists both).

Realisations are grouped per OPD and quarter and saved as the Evaluasi Triwulan wizard saves them
(``evaluation_report.write_quarter_report``), with its rules: kendala and tindak lanjut under 100 %, nothing into
a closed quarter or without a signed PK, budget not beyond the pagu.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.limits import check_values
from ..db.models import (
    BudgetRealization,
    Indicator,
    IndicatorRealization,
    Opd,
    PerformanceAgreement,
    Program,
    ProgramBudget,
)
from ..domain.achievement import QUALITATIVE_SCALES
from ..domain.enums import ProgramLevel
from ..domain.formatting import format_number, format_rupiah
from ..domain.program_codes import level_of_code, normalize_code, parent_code
from ..interchange import xlsx_cells as cells
from ..interchange.xlsx_read import Cell, SheetData, SheetRow
from . import programs as program_service
from .errors import ValidationError
from .evaluation_data import BudgetInput, QuarterReport, RealizationInput, budget_key, problems_key, value_key
from .evaluation_loading import closure, signed_agreements
from .evaluation_report import write_quarter_report
from .excel_import_run import Action, OpdFinder, Run, columns_by
from .excel_layouts import PROGRAM, REALISASI, REALISASI_ANGGARAN
from .programs import CHILDREN, ProgramForm

PROGRAM_COLUMNS = columns_by({"code": "Kode", "name": "Nama", "parent_id": "Kode", "opd_id": "Kode OPD"},
                             lambda key: f"Pagu {key[5:9]}" if key.startswith("pagu[") else None)
LEVEL_ORDER = {ProgramLevel.PROGRAM: 0, ProgramLevel.ACTIVITY: 1, ProgramLevel.SUB_ACTIVITY: 2}


# --- programs -------------------------------------------------------------------------------------------


@dataclass
class ProgramRow:
    row: SheetRow
    opd: Opd
    code: str
    level: ProgramLevel
    name: str
    pagu: dict[int, int | None]


def import_programs(session: Session, sheets: dict[str, SheetData], run: Run) -> None:
    data = sheets[PROGRAM.title]
    years = data.years.get("pagu", [])
    opds = OpdFinder(session)
    parsed: list[ProgramRow] = []
    seen: dict[tuple[str, str], int] = {}
    for row in data.rows:
        opd = opds.find(run, row, run.cell(row, PROGRAM, "opd", cells.text) or "")
        code = normalize_code(run.cell(row, PROGRAM, "code", cells.code) or "")
        name = run.cell(row, PROGRAM, "name", cells.text) or ""
        pagu = {year: run.cell(row, PROGRAM, ("pagu", year), _pagu) for year in years}
        level = level_of_code(code)
        if level is None:
            run.problem(row, "Kode", f"“{code}” bukan kode program (1.02.02), kegiatan (1.02.02.2.01) atau sub "
                                     "kegiatan (1.02.02.2.01.0001)" if code else "kode wajib diisi")
        if not name:
            run.problem(row, "Nama", "nama wajib diisi")
        if opd is not None and code:
            first = seen.setdefault((opd.id, code), row.number)
            if first != row.number:
                run.problem(row, "Kode", f"kode {code} sudah ada pada baris {first}")
        if opd is not None and level is not None and not run.failed(row):
            parsed.append(ProgramRow(row, opd, code, level, name, pagu))
    parents = {(p.opd.id, parent_code(p.code)) for p in parsed if p.level is not ProgramLevel.PROGRAM}
    parsed.sort(key=lambda p: (p.opd.code, LEVEL_ORDER[p.level], p.code))
    for n, item in enumerate(parsed):
        run.tick(n, len(parsed), "Menyimpan program…")
        _save_program(session, run, item, (item.opd.id, item.code) in parents)
    for item in parsed:  # a parent's typed pagu against its children's sum, once all are written
        _check_sum(session, run, item)


def _pagu(cell: Cell) -> int | None:
    """Whole rupiah within the column's declared limits (``db/limits.py``), checked before anything is written."""
    amount = cells.rupiah(cell)
    problem = check_values(ProgramBudget, {"pagu": amount}).get("pagu") if amount is not None else None
    if problem:
        raise cells.CellError(problem)
    return amount


def _save_program(session: Session, run: Run, item: ProgramRow, children_in_file: bool) -> None:
    existing = session.scalars(select(Program).where(Program.opd_id == item.opd.id, Program.code == item.code)).first()
    parent = None
    if item.level is not ProgramLevel.PROGRAM:
        wanted = parent_code(item.code)
        parent = session.scalars(select(Program).where(Program.opd_id == item.opd.id, Program.code == wanted)).first()
        if parent is None:
            run.problem(item.row, "Kode", f"induknya ({wanted}) tidak ada di berkas ini maupun di basis data")
            return
    stored = program_service.stored_pagu(session, existing.id) if existing else {}
    has_children = children_in_file or (existing is not None and program_service.active_children(session, existing.id))
    pagu = dict(stored)
    for year, amount in item.pagu.items():
        if amount is None:
            pagu.pop(year, None)
        else:
            pagu[year] = amount
    form = ProgramForm(item.opd.id, item.level, item.code, item.name, parent.id if parent else None,
                       existing.goal_id if existing else None, None if has_children else pagu,
                       existing.id if existing else None)
    subject = f"{item.level.label} {item.opd.abbreviation} {item.code} {item.name}"
    details: list[str] = []
    if existing is not None:
        if not existing.is_active:
            run.problem(item.row, "Kode", f"{subject} nonaktif; aktifkan dahulu di layar Program & Anggaran")
            return
        if existing.name != item.name.strip():
            details.append(f"nama: {existing.name} → {item.name.strip()}")
        if not has_children and pagu != stored:
            for year in sorted(set(pagu) | set(stored)):
                if pagu.get(year) != stored.get(year):
                    details.append(f"pagu {year}: {format_rupiah(stored.get(year), empty='(kosong)')} → "
                                   f"{format_rupiah(pagu.get(year), empty='(kosong)')}")
        if not details:
            run.record(Action.UNCHANGED, item.row, subject)
            return
    if run.attempt(session, item.row, PROGRAM_COLUMNS, lambda: program_service.write_program(session, form)):
        run.record(Action.CHANGED if existing else Action.ADDED, item.row, subject, tuple(details))


def _check_sum(session: Session, run: Run, item: ProgramRow) -> None:
    if run.failed(item.row):
        return
    program = session.scalars(select(Program).where(Program.opd_id == item.opd.id, Program.code == item.code)).first()
    if program is None or not program_service.active_children(session, program.id):
        return
    sums = program_service.stored_pagu(session, program.id)
    for year, typed in item.pagu.items():
        if typed is not None and typed != sums.get(year):
            run.problem(item.row, f"Pagu {year}", (
                f"pagu {item.level.label.lower()} ({format_rupiah(typed)}) tidak sama dengan jumlah pagu "
                f"{CHILDREN[item.level]} di bawahnya ({format_rupiah(sums.get(year, 0))}); kosongkan atau perbaiki"))


# --- realisasi ------------------------------------------------------------------------------------------


@dataclass
class _Group:
    """One OPD's quarter: the entries that change, and where each came from."""

    opd: Opd
    year: int
    quarter: int
    first: SheetRow
    report: QuarterReport = field(init=False)
    rows: dict[str, tuple[SheetRow, str]] = field(default_factory=dict)  # error key → (row, column)
    subjects: list[tuple[SheetRow, str, tuple[str, ...], bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.report = QuarterReport(self.opd.id, self.year, self.quarter)


def import_realizations(session: Session, sheets: dict[str, SheetData], run: Run) -> None:
    opds = OpdFinder(session)
    groups: dict[tuple[str, int, int], _Group] = {}
    seen: dict[tuple[Any, ...], int] = {}
    indicator_sheet, budget_sheet = sheets.get(REALISASI.title), sheets.get(REALISASI_ANGGARAN.title)
    for row in indicator_sheet.rows if indicator_sheet else []:
        group = _group(session, run, row, opds, groups, REALISASI)
        if group is not None:
            _indicator_row(session, run, row, group, seen)
    for row in budget_sheet.rows if budget_sheet else []:
        group = _group(session, run, row, opds, groups, REALISASI_ANGGARAN)
        if group is not None:
            _budget_row(session, run, row, group, seen)
    for n, group in enumerate(groups.values()):
        run.tick(n, len(groups), "Menyimpan realisasi…")
        if not group.report.indicators and not group.report.budgets:
            continue
        try:
            with session.begin_nested():
                write_quarter_report(session, group.report, origin="impor Excel")
        except ValidationError as exc:
            for key, message in exc.errors.items():
                row, column = group.rows.get(key, (group.first, None))
                run.problem(row, column, message)
            continue
        for row, subject, details, added in group.subjects:
            run.record(Action.ADDED if added else Action.CHANGED, row, subject, details)


def _group(session: Session, run: Run, row: SheetRow, opds: OpdFinder, groups: dict[tuple[str, int, int], _Group],
           layout: Any) -> _Group | None:
    opd = opds.find(run, row, run.cell(row, layout, "opd", cells.text) or "")
    year = run.cell(row, layout, "year", cells.integer)
    quarter = run.cell(row, layout, "quarter", cells.integer)
    if year is None and row.get("year").blank:
        run.problem(row, "Tahun", "tahun wajib diisi")
    if quarter is None and row.get("quarter").blank:
        run.problem(row, "Triwulan", "triwulan wajib diisi (1–4)")
    elif quarter is not None and not 1 <= quarter <= 4:
        run.problem(row, "Triwulan", "triwulan harus 1, 2, 3 atau 4")
        return None
    if opd is None or year is None or quarter is None:
        return None
    found = groups.get((opd.id, year, quarter))
    if found is not None:
        return found
    if closure(session, year, quarter) is not None:
        run.problem(row, "Triwulan", f"triwulan {quarter} tahun {year} sudah ditutup Bappeda; data tidak dapat diubah")
        return None
    if not signed_agreements(session, year, opd.id):
        run.problem(row, "Tahun", f"belum ada PK {year} {opd.abbreviation} yang ditandatangani; realisasi hanya "
                                  "dicatat untuk PK yang ditandatangani")
        return None
    groups[(opd.id, year, quarter)] = group = _Group(opd, year, quarter, row)
    return group


def _agreement(session: Session, group: _Group) -> PerformanceAgreement:
    return signed_agreements(session, group.year, group.opd.id)[0]


def _indicator_row(session: Session, run: Run, row: SheetRow, group: _Group, seen: dict[tuple[Any, ...], int]) -> None:
    wanted = run.cell(row, REALISASI, "indicator", cells.text) or ""
    items = _agreement(session, group).items
    indicators = {i.id: i for i in session.scalars(select(Indicator).where(
        Indicator.id.in_([item.indicator_id for item in items])))}
    folded = " ".join(wanted.split()).casefold()
    match = next((i for i in indicators.values() if i.code and i.code == wanted), None) or next(
        (i for i in indicators.values() if " ".join(i.name.split()).casefold() == folded), None)
    if match is None:
        run.problem(row, "Indikator", f"indikator “{wanted}” tidak ada pada PK {group.year} {group.opd.abbreviation} "
                                      "yang ditandatangani (tulis kode atau nama persis seperti di Renstra)"
                    if wanted else "indikator wajib diisi")
        return
    first = seen.setdefault(("i", match.id, group.year, group.quarter), row.number)
    if first != row.number:
        run.problem(row, "Indikator", f"indikator ini sudah diisi pada baris {first}")
        return
    scale = QUALITATIVE_SCALES.get(match.qualitative_scale or "")
    value, grade = None, None
    if scale is not None:
        grade = run.cell(row, REALISASI, "value", lambda c: _grade(c, scale))
    else:
        value = run.cell(row, REALISASI, "value", cells.number)
    problems = run.cell(row, REALISASI, "problems", cells.text) or ""
    follow_up = run.cell(row, REALISASI, "follow_up", cells.text) or ""
    if run.failed(row):
        return
    stored = session.scalars(select(IndicatorRealization).where(
        IndicatorRealization.indicator_id == match.id, IndicatorRealization.year == group.year,
        IndicatorRealization.quarter == group.quarter)).first()
    if value is None and grade is None and stored is not None:
        value, grade = stored.value, stored.grade  # kendala alone: the realisation stays
    if value is None and grade is None and not problems and not follow_up:
        return
    old = (stored.value, stored.grade, stored.problems, stored.follow_up) if stored else None
    subject = f"Realisasi TW {group.quarter} {group.year} {group.opd.abbreviation}: {match.name}"
    if old == (value, grade, problems, follow_up):
        run.record(Action.UNCHANGED, row, subject)
        return
    details = []
    if old is None or (old[0], old[1]) != (value, grade):
        shown = grade or format_number(value, None, empty="(kosong)")
        before = (old[1] or format_number(old[0], None, empty="(kosong)")) if old else "(kosong)"
        details.append(f"realisasi: {before} → {shown}")
    if old is not None and (old[2], old[3]) != (problems, follow_up):
        details.append("kendala/tindak lanjut")
    group.report.indicators.append(RealizationInput(match.id, value, grade, problems, follow_up))
    group.rows[value_key(match.id)] = (row, "Realisasi")
    group.rows[problems_key(match.id)] = (row, "Kendala")
    group.subjects.append((row, subject, tuple(details), old is None))


def _grade(cell: Cell, scale: Any) -> str | None:
    if cell.blank:
        return None
    text = cells.text(cell).upper()
    try:
        scale.rank(text)
    except ValueError as exc:
        raise cells.CellError(str(exc)) from None
    return text


def _budget_row(session: Session, run: Run, row: SheetRow, group: _Group, seen: dict[tuple[Any, ...], int]) -> None:
    code = normalize_code(run.cell(row, REALISASI_ANGGARAN, "program", cells.code) or "")
    amount = run.cell(row, REALISASI_ANGGARAN, "amount", cells.rupiah)
    programs = {p.code: p for p in _agreement(session, group).programs if p.program_id}
    program = programs.get(code)
    if program is None:
        run.problem(row, "Kode Program", f"program {code} tidak ada pada PK {group.year} {group.opd.abbreviation} "
                                         "yang ditandatangani" if code else "kode program wajib diisi")
        return
    first = seen.setdefault(("p", program.program_id, group.year, group.quarter), row.number)
    if first != row.number:
        run.problem(row, "Kode Program", f"program ini sudah diisi pada baris {first}")
        return
    if run.failed(row) or amount is None:
        return
    stored = session.scalar(select(BudgetRealization.amount).where(
        BudgetRealization.program_id == program.program_id, BudgetRealization.year == group.year,
        BudgetRealization.quarter == group.quarter))
    subject = (f"Realisasi anggaran TW {group.quarter} {group.year} {group.opd.abbreviation}: "
               f"{program.code} {program.name}")
    if stored == amount:
        run.record(Action.UNCHANGED, row, subject)
        return
    assert program.program_id is not None
    group.report.budgets.append(BudgetInput(program.program_id, amount))
    group.rows[budget_key(program.program_id)] = (row, "Realisasi Anggaran")
    details = (f"realisasi anggaran: {format_rupiah(stored, empty='(kosong)')} → {format_rupiah(amount)}",)
    group.subjects.append((row, subject, details, stored is None))

