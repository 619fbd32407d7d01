"""Exporting to Excel: every list of the app as a workbook people can sort, filter and compute with.

``export(db, kind, out, year=, quarter=)`` writes one of :data:`EXPORT_KINDS`. The template kinds (``opd``,
``pimpinan``, ``jabatan``, ``rpjmd``, ``renstra``, ``program``) are written in their template's sheet and columns, so an
export is a valid import file and re-imports unchanged; ``evaluasi`` is a ``realisasi`` file with the quarter's
capaian in further columns (ignored on import). The reports (``pk``, ``evaluasi``, ``peringkat``,
``belum-lapor``, ``rekap``) are in ``excel_export_reports.py``. Numbers are numbers, codes and NIP text
(``interchange/xlsx_write.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.models import Goal, Indicator, Opd, PlanningPeriod, Program, ProgramBudget, Regency, RegionalLeader
from ..domain.enums import GoalKind, GoalLevel, LeaderRole, RegionKind
from ..domain.personnel import rank_label
from ..interchange.xlsx_write import SheetOut, WorkbookOut, write_workbook
from . import opd as opd_service
from .errors import FORM, ValidationError
from .excel_import_plan import indicator_data, show_target
from .excel_import_positions import position_sheet
from .excel_layouts import (
    ACTING_WORDS,
    CUMULATION_WORDS,
    OPD,
    PIMPINAN,
    POLARITY_WORDS,
    PROGRAM,
    RENSTRA,
    ROLE_WORDS,
    RPJMD,
)
from .excel_template import template_years
from .progress import CancelCheck, Progress, step_fraction

EXPORT_KINDS = ("opd", "pimpinan", "jabatan", "rpjmd", "renstra", "program", "pk", "evaluasi", "peringkat",
                "belum-lapor", "rekap", "skp")
NEEDS_YEAR = ("pk", "evaluasi", "peringkat", "belum-lapor", "rekap", "skp")
NEEDS_QUARTER = ("evaluasi", "peringkat", "belum-lapor")
TITLES = {
    "opd": "perangkat-daerah", "pimpinan": "pimpinan-daerah", "jabatan": "jabatan", "rpjmd": "rpjmd",
    "renstra": "renstra",
    "program": "program-anggaran", "pk": "perjanjian-kinerja", "evaluasi": "evaluasi", "peringkat": "peringkat",
    "belum-lapor": "belum-lapor", "rekap": "rekap-pelaporan", "skp": "skp-rencana-hasil-kerja",
}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def suggested_name(kind: str, year: int | None = None, quarter: int | None = None) -> str:
    """The file name the GUI suggests: ``evaluasi-2026-tw1.xlsx``, ``perangkat-daerah.xlsx``."""
    parts = [TITLES.get(kind, kind)]
    if year is not None and kind in (*NEEDS_YEAR, "rpjmd", "renstra", "program"):
        parts.append(str(year))
    if quarter is not None and kind in NEEDS_QUARTER:
        parts.append(f"tw{quarter}")
    return "-".join(parts) + ".xlsx"


def export(
    db: Database,
    kind: str,
    out: Path,
    *,
    year: int | None = None,
    quarter: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Write ``kind`` to ``out`` (.xlsx, atomically); ``year``/``quarter`` where the kind needs them."""
    if kind not in EXPORT_KINDS:
        raise ValidationError.single(FORM, f"Jenis ekspor “{kind}” tidak dikenal (pilihan: {', '.join(EXPORT_KINDS)})")
    if kind in NEEDS_YEAR and year is None:
        raise ValidationError.single("year", f"Ekspor {kind} memerlukan tahun (--year)")
    if kind in NEEDS_QUARTER and quarter is None:
        raise ValidationError.single("quarter", f"Ekspor {kind} memerlukan triwulan (--quarter)")
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise ValidationError.single("quarter", "Triwulan harus 1, 2, 3 atau 4")
    step_fraction(progress, cancelled, 0, "Menyiapkan data…")
    if kind in NEEDS_YEAR:
        from .excel_export_reports import report_sheets

        assert year is not None
        sheets = report_sheets(db, kind, year, quarter)
    else:
        sheets = _template_sheets(db, kind, year)
    total = max(1, sum(len(s.rows) if isinstance(s.rows, list) else 0 for s in sheets))
    step_fraction(progress, cancelled, 0.3, "Menulis berkas…")

    def tick(done: int) -> None:
        step_fraction(progress, cancelled, 0.3 + 0.7 * done / total, "Menulis berkas…")

    path = write_workbook(Path(out), WorkbookOut(sheets), tick=tick, database_path=db.path)
    step_fraction(progress, None, 1, "Selesai")
    return ExportResult(path, total)


def _template_sheets(db: Database, kind: str, year: int | None) -> list[SheetOut]:
    builders: dict[str, Callable[[Session, list[int]], list[SheetOut]]] = {
        "opd": _opd_sheet, "pimpinan": _leader_sheet, "rpjmd": _rpjmd_sheet, "renstra": _renstra_sheet,
        "program": _program_sheet, "jabatan": lambda session, _years: position_sheet(session),
    }
    with db.read() as session:
        return builders[kind](session, _years(session, db, year))


def _years(session: Session, db: Database, year: int | None) -> list[int]:
    if year is None:
        return template_years(db)
    period = session.scalars(select(PlanningPeriod).where(
        PlanningPeriod.is_active.is_(True), PlanningPeriod.start_year <= year, PlanningPeriod.end_year >= year)).first()
    if period is None:
        raise ValidationError.single("year", f"Tahun {year} tidak termasuk periode perencanaan aktif")
    return list(range(period.start_year, period.end_year + 1))


def _materialised(layout: Any, years: list[int], rows: Iterator[dict[Any, Any]]) -> list[SheetOut]:
    sheet = layout.sheet(years, list(rows))
    sheet.rows = list(sheet.rows)
    return [sheet]


# --- the template kinds ---------------------------------------------------------------------------------


def _opd_sheet(session: Session, years: list[int]) -> list[SheetOut]:
    def rows() -> Iterator[dict[Any, Any]]:
        for opd_id in session.scalars(select(Opd.id).order_by(Opd.sort_order, Opd.code)):
            form = opd_service.read_opd(session, opd_id)
            head = form.head
            yield {
                "code": form.code, "name": form.name, "abbreviation": form.abbreviation,
                "kind": form.kind.label if form.kind else "", "address": form.address, "phone": form.phone,
                "website": form.website, "email": form.email, "head_name": head.name, "head_nip": head.nip,
                "head_rank": rank_label(head.rank, head.grade), "head_position": head.position,
                "head_acting": ACTING_WORDS[head.acting] if not head.is_empty else "",
                "head_start": head.start_date,
            }

    return _materialised(OPD, years, rows())


def _leader_sheet(session: Session, years: list[int]) -> list[SheetOut]:
    regency = session.scalars(select(Regency)).first()
    region = regency.kind if regency is not None else RegionKind.KABUPATEN
    order = {LeaderRole.HEAD: 0, LeaderRole.DEPUTY: 1, LeaderRole.SECRETARY: 2}
    leaders = sorted(session.scalars(select(RegionalLeader)), key=lambda r: (order[r.role], r.start_date))
    rows = (
        {
            "role": ROLE_WORDS[region].get(leader.role, "Sekretaris Daerah"), "acting": ACTING_WORDS[leader.acting],
            "name": leader.name, "nip": leader.nip or "", "rank": rank_label(leader.rank, leader.grade),
            "start": leader.start_date, "end": leader.end_date,
        }
        for leader in leaders
    )
    return _materialised(PIMPINAN, years, rows)


def _indicator_cells(indicator: Indicator, years: list[int], quarterly: bool) -> dict[Any, Any]:
    data = indicator_data(indicator)
    cells: dict[Any, Any] = {
        "indicator": data.name, "unit": data.unit, "polarity": POLARITY_WORDS[data.polarity],
        "cumulation": CUMULATION_WORDS[data.cumulation], "baseline": data.baseline,
        "definition": data.definition, "source": data.data_source, "weight": data.weight,
    }
    targets = {t.year: t for t in data.targets}
    for year in years:
        target = targets.get(year)
        cells[("target", year)] = show_target(target, data.polarity)
        if quarterly and target is not None and not target.target_grade:
            for n, value in enumerate(target.quarters, start=1):
                cells[(f"q{n}", year)] = value
    return cells


def _goal_rows(goal: Goal, children: list[Goal], indicators: dict[str, list[Indicator]], base: dict[Any, Any],
               years: list[int], quarterly: bool, supports: Callable[[Goal], str]) -> Iterator[dict[Any, Any]]:
    if not children:
        yield base
    for target in children:
        row = {**base, "target_code": target.code, "target": target.statement, "supports": supports(target)}
        own = indicators.get(target.id, [])
        if not own:
            yield row
        for indicator in own:
            yield {**row, **_indicator_cells(indicator, years, quarterly)}


def _plan(session: Session, period: PlanningPeriod, level: GoalLevel, opd_id: str | None
          ) -> tuple[list[Goal], dict[str, list[Goal]], dict[str, list[Indicator]]]:
    goals = session.scalars(
        select(Goal).where(Goal.period_id == period.id, Goal.level == level, Goal.is_active.is_(True),
                           Goal.opd_id == opd_id if opd_id else Goal.opd_id.is_(None))
        .order_by(Goal.sort_order, Goal.code)).all()
    by_id = {g.id: g for g in goals}
    tujuan = [g for g in goals if g.kind is GoalKind.GOAL]
    tujuan.sort(key=lambda g: (by_id[g.parent_id].sort_order if g.parent_id in by_id else 0, g.sort_order, g.code))
    sasaran: dict[str, list[Goal]] = {}
    for g in goals:
        if g.kind is GoalKind.TARGET and g.parent_id:
            sasaran.setdefault(g.parent_id, []).append(g)
    indicators: dict[str, list[Indicator]] = {}
    for indicator in session.scalars(
        select(Indicator).where(Indicator.goal_id.in_(list(by_id)), Indicator.is_active.is_(True))
        .options(selectinload(Indicator.targets)).order_by(Indicator.sort_order, Indicator.code)
    ):
        indicators.setdefault(indicator.goal_id, []).append(indicator)
    return tujuan, sasaran, indicators


def _period_of(session: Session, years: list[int]) -> PlanningPeriod | None:
    return session.scalars(select(PlanningPeriod).where(
        PlanningPeriod.is_active.is_(True), PlanningPeriod.start_year == years[0],
        PlanningPeriod.end_year == years[-1])).first()


def _rpjmd_sheet(session: Session, years: list[int]) -> list[SheetOut]:
    period = _period_of(session, years)

    def rows() -> Iterator[dict[Any, Any]]:
        if period is None:
            return
        tujuan, sasaran, indicators = _plan(session, period, GoalLevel.REGIONAL, None)
        for goal in tujuan:
            base = {"goal_code": goal.code, "goal": goal.statement}
            yield from _goal_rows(goal, sasaran.get(goal.id, []), indicators, base, years, False, lambda g: "")

    return _materialised(RPJMD, years, rows())


def _renstra_sheet(session: Session, years: list[int]) -> list[SheetOut]:
    period = _period_of(session, years)

    def rows() -> Iterator[dict[Any, Any]]:
        if period is None:
            return
        regional = {g.id: g.code for g in session.scalars(select(Goal).where(Goal.level == GoalLevel.REGIONAL))}
        for opd in session.scalars(select(Opd).order_by(Opd.sort_order, Opd.code)):
            tujuan, sasaran, indicators = _plan(session, period, GoalLevel.OPD, opd.id)
            for goal in tujuan:
                base = {"opd": opd.code, "goal": goal.statement}
                yield from _goal_rows(goal, sasaran.get(goal.id, []), indicators, base, years, True,
                                      lambda g: regional.get(g.supports_id or "", ""))

    return _materialised(RENSTRA, years, rows())


def _program_sheet(session: Session, years: list[int]) -> list[SheetOut]:
    def rows() -> Iterator[dict[Any, Any]]:
        budgets: dict[str, dict[int, int]] = {}
        for program_id, year, amount in session.execute(
            select(ProgramBudget.program_id, ProgramBudget.year, ProgramBudget.pagu)
        ):
            budgets.setdefault(program_id, {})[year] = int(amount)
        programs = session.execute(
            select(Program, Opd.code).join(Opd, Opd.id == Program.opd_id).where(Program.is_active.is_(True))
            .order_by(Opd.sort_order, Opd.code, Program.code)
        ).all()
        for program, opd_code in programs:
            pagu = budgets.get(program.id, {})
            yield {"opd": opd_code, "code": program.code, "name": program.name,
                   **{("pagu", year): pagu.get(year) for year in years}}

    return _materialised(PROGRAM, years, rows())
