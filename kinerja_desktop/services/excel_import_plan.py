"""Importing the plan: the RPJMD (``rpjmd``: tujuan → sasaran → indikator with yearly targets) and the OPDs'
Renstra (``renstra``: tujuan → sasaran → indikator with yearly and quarterly targets).

The period is the active one whose years hold the file's "Target YYYY" columns. One row is one indicator;
its tujuan and sasaran repeat on every row, or are left empty under the first (as merged cells read). RPJMD
goals match by code within the period (by their text when they have none), Renstra goals by their text
within the OPD, indicators by their name within the sasaran. Empty quarterly targets of a year keep the stored
ones when they still fit the yearly target, else follow from the cumulation rule
(:func:`~kinerja_desktop.domain.targets.derived_quarters`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Goal, Indicator, Opd, PlanningPeriod
from ..domain.achievement import QUALITATIVE_SCALES
from ..domain.enums import Cumulation, GoalKind, GoalLevel, Polarity
from ..domain.formatting import format_number, parse_number
from ..domain.targets import derived_quarters, target_problems
from ..interchange import xlsx_cells as cells
from ..interchange.xlsx_read import Cell, SheetData, SheetRow
from . import renstra, rpjmd
from .excel_import_run import Action, OpdFinder, Run, columns_by, target_columns
from .excel_layouts import CUMULATION, CUMULATION_WORDS, POLARITY, POLARITY_WORDS, RENSTRA, RPJMD, Layout
from .renstra import GoalData, IndicatorData, TargetData
from .rpjmd import RpjmdGoalData

GOAL_COLUMNS = {"statement": "Tujuan", "code": "Kode Tujuan"}
TARGET_COLUMNS = {"statement": "Sasaran", "code": "Kode Sasaran", "supports_id": "Kode Sasaran RPJMD"}
INDICATOR_COLUMNS = columns_by({
    "name": "Indikator", "unit": "Satuan", "weight": "Bobot", "baseline": "Kondisi Awal",
    "goal_id": "Sasaran", "polarity": "Polaritas", "cumulation": "Cara Kumulasi",
}, target_columns)
_RANGE = re.compile(r"^\s*([^–—\-\s][^–—]*?)\s*(?:[–—]|\s-\s|-(?=\d))\s*(\S.*)$")
_GRADES = {grade.upper(): name for name, scale in QUALITATIVE_SCALES.items() for grade in scale.grades
           if not grade.isdigit()}


@dataclass
class PlanRow:
    row: SheetRow
    opd: str  # the OPD's code (Renstra)
    goal_code: str
    goal: str
    target_code: str
    target: str
    supports: str = ""  # the code of the RPJMD sasaran an OPD sasaran supports (Renstra)
    keep_supports: bool = False  # the sheet has no such column: the link stays as it is
    indicator: IndicatorData | None = None
    given: set[str] = field(default_factory=set)  # indicator columns whose cells were filled


def key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _period(session: Session, data: SheetData, run: Run, layout: Layout) -> PlanningPeriod | None:
    years = data.years.get("target", [])
    if not years:
        run.problem(None, None, "tidak ada kolom “Target TAHUN” (misalnya “Target 2026”) pada baris judul",
                    sheet=data.title)
        return None
    period = session.scalars(
        select(PlanningPeriod)
        .where(PlanningPeriod.is_active.is_(True), PlanningPeriod.start_year <= min(years),
               PlanningPeriod.end_year >= max(years))
        .order_by(PlanningPeriod.start_year.desc())
    ).first()
    if period is None:
        run.problem(None, None, f"kolom Target {min(years)}–{max(years)} tidak termasuk satu periode perencanaan "
                                "aktif; buat periodenya dahulu (Periode & RPJMD)", sheet=data.title)
        return None
    for group in ("q1", "q2", "q3", "q4"):
        outside = [y for y in data.years.get(group, []) if not period.start_year <= y <= period.end_year]
        if outside:
            run.problem(None, None, f"kolom TW tahun {outside[0]} di luar periode {period.name}", sheet=data.title)
            return None
    return period


def read_target(cell: Cell, polarity: Polarity | None) -> tuple[Decimal | None, Decimal | None, str | None]:
    """A yearly target: a number; a band ``60–85`` (range indicators); or a grade (``WTP``, ``BB``)."""
    if cell.blank:
        return None, None, None
    if isinstance(cell.value, str):
        text = cell.value.strip()
        if text.upper() in _GRADES:
            return None, None, text.upper()
        band = _RANGE.match(text)
        if band is not None and polarity is Polarity.RANGE:
            try:
                return parse_number(band.group(1)), parse_number(band.group(2)), None
            except ValueError as exc:
                raise cells.CellError(str(exc)) from None
    value = cells.number(cell)
    if polarity is Polarity.RANGE:
        raise cells.CellError("indikator rentang memerlukan batas bawah dan atas, misalnya 60–85")
    return value, None, None


def show_target(target: TargetData | None, polarity: Polarity) -> Any:
    """A stored target as the export writes it: a number, a band "60–85", or a grade."""
    if target is None:
        return None
    if target.target_grade:
        return target.target_grade
    if polarity is Polarity.RANGE and target.target is not None and target.target_high is not None:
        return f"{format_number(target.target, None)}–{format_number(target.target_high, None)}"
    return target.target


def indicator_data(indicator: Indicator) -> IndicatorData:
    """An indicator as the services take it (inside the import's session)."""
    return IndicatorData(
        goal_id=indicator.goal_id, name=indicator.name, unit=indicator.unit, polarity=indicator.polarity,
        cumulation=indicator.cumulation, code=indicator.code, qualitative_scale=indicator.qualitative_scale,
        definition=indicator.definition, formula=indicator.formula, data_source=indicator.data_source,
        baseline=indicator.baseline, baseline_year=indicator.baseline_year, weight=indicator.weight,
        targets=[TargetData(t.year, t.target, t.target_high, t.target_grade, (t.q1, t.q2, t.q3, t.q4))
                 for t in indicator.targets],
        is_active=indicator.is_active, id=indicator.id,
    )


def _read_indicator(run: Run, item: PlanRow, layout: Layout, years: list[int], quarters: dict[str, list[int]],
                    present: set[str]) -> None:
    row = item.row
    name = run.cell(row, layout, "indicator", cells.text) or ""
    if not name:
        return
    # What the row says: a choice or a weight when filled; the other columns when the sheet has them.
    item.given = {k for k in ("polarity", "cumulation", "weight") if not row.get(k).blank}
    item.given |= {k for k in ("unit", "baseline", "definition", "source") if k in present}
    polarity = run.cell(row, layout, "polarity", lambda c: cells.choice(c, POLARITY, "Polaritas",
                                                                           list(POLARITY_WORDS.values())))
    cumulation = run.cell(row, layout, "cumulation", lambda c: cells.choice(c, CUMULATION, "Cara kumulasi",
                                                                               list(CUMULATION_WORDS.values())))
    data = IndicatorData(goal_id="", name=name, unit=run.cell(row, layout, "unit", cells.text) or "",
                         polarity=polarity or Polarity.POSITIVE, cumulation=cumulation or Cumulation.LAST_VALUE)
    data.baseline = run.cell(row, layout, "baseline", cells.number)
    if layout is RENSTRA:
        data.definition = run.cell(row, layout, "definition", cells.text) or ""
        data.data_source = run.cell(row, layout, "source", cells.text) or ""
        data.weight = run.cell(row, layout, "weight", cells.number) or Decimal(1)
    for year in years:
        read = run.cell(row, layout, ("target", year), lambda c: read_target(c, polarity))
        target, high, grade = read or (None, None, None)
        typed = tuple(run.cell(row, layout, (f"q{n}", year), cells.number) if year in quarters[f"q{n}"]
                      else None for n in (1, 2, 3, 4))
        data.targets.append(TargetData(year, target, high, grade, typed))  # type: ignore[arg-type]
    grades = {t.target_grade for t in data.targets if t.target_grade}
    scales = {_GRADES[g] for g in grades}
    if len(scales) > 1:
        run.problem(row, "Target", "target berupa predikat dari skala yang berbeda: " + ", ".join(sorted(grades)))
    data.qualitative_scale = scales.pop() if len(scales) == 1 else None
    item.indicator = data


def _rows(data: SheetData, run: Run, layout: Layout, years: list[int]) -> list[PlanRow]:
    """Every row read; tujuan and sasaran carried down from the row above when their cells are empty."""
    result: list[PlanRow] = []
    previous: PlanRow | None = None
    quarters = {group: data.years.get(group, []) for group in ("q1", "q2", "q3", "q4")}
    renstra_sheet = layout is RENSTRA
    for row in data.rows:
        def read(name: str, reader: Any = cells.text, row: SheetRow = row) -> str:
            return run.cell(row, layout, name, reader) or ""

        item = PlanRow(
            row,
            opd=read("opd") if renstra_sheet else "",
            goal_code="" if renstra_sheet else read("goal_code", cells.code),
            goal=read("goal"),
            target_code="" if renstra_sheet else read("target_code", cells.code),
            target=read("target"),
            supports=read("supports", cells.code) if renstra_sheet else "",
            keep_supports="supports" not in data.present,
        )
        if previous is not None and not item.opd:
            item.opd = previous.opd
        if previous is not None and not (item.goal or item.goal_code) and item.opd == previous.opd:
            item.goal_code, item.goal = previous.goal_code, previous.goal
            if not (item.target or item.target_code):
                item.target_code, item.target = previous.target_code, previous.target
                item.supports = item.supports or previous.supports
        if renstra_sheet and not item.opd:
            run.problem(row, "Kode OPD", "kode perangkat daerah wajib diisi")
        if not item.goal:
            run.problem(row, "Tujuan", "uraian tujuan wajib diisi")
        _read_indicator(run, item, layout, years, quarters, data.present)
        if item.indicator is not None and not item.target:
            run.problem(row, "Sasaran", "indikator harus berada di bawah sebuah sasaran; uraian sasaran wajib diisi")
        result.append(item)
        previous = item
    return result


# --- rpjmd ----------------------------------------------------------------------------------------------


def _read_plan(session: Session, sheets: dict[str, SheetData], run: Run, layout: Layout
               ) -> tuple[PlanningPeriod, list[int], list[PlanRow]] | None:
    """The sheet's period, its target years and its rows read (None: no period holds the file's years)."""
    data = sheets[layout.title]
    period = _period(session, data, run, layout)
    if period is None:
        return None
    years = data.years["target"]
    return period, years, _rows(data, run, layout, years)


def import_rpjmd(session: Session, sheets: dict[str, SheetData], run: Run) -> None:
    plan = _read_plan(session, sheets, run, RPJMD)
    if plan is None:
        return
    period, years, rows = plan
    goals = _Goals()
    for n, item in enumerate(rows):
        run.tick(n, len(rows), "Menyimpan RPJMD…")
        if run.failed(item.row):
            continue
        goal_id = _rpjmd_goal(session, run, item, period, GoalKind.GOAL, None, goals)
        if goal_id is None or not item.target:
            continue
        target_id = _rpjmd_goal(session, run, item, period, GoalKind.TARGET, goal_id, goals)
        if target_id is not None and item.indicator is not None:
            _save_indicator(session, run, item, target_id, years, regional=True)


@dataclass
class _Goals:
    """Goals already met in the file (a tujuan repeats on the rows of its indicators): key → (id, text, row)."""

    seen: dict[tuple[Any, ...], tuple[str | None, str, str, int]] = field(default_factory=dict)

    def known(self, run: Run, item: PlanRow, cache: tuple[Any, ...], statement: str, extra: str, column: str
              ) -> tuple[bool, str | None]:
        if cache not in self.seen:
            return False, None
        goal_id, first, first_extra, row = self.seen[cache]
        if key(first) != key(statement):
            run.problem(item.row, column, f"kode yang sama dipakai untuk uraian lain pada baris {row} (“{first}”)")
        elif first_extra != extra:
            run.problem(item.row, "Kode Sasaran RPJMD",
                        f"sasaran ini dihubungkan ke sasaran RPJMD lain pada baris {row}")
        return True, goal_id

    def remember(self, cache: tuple[Any, ...], goal_id: str | None, statement: str, extra: str, row: int) -> None:
        self.seen[cache] = (goal_id, statement, extra, row)


def _rpjmd_goal(session: Session, run: Run, item: PlanRow, period: PlanningPeriod, kind: GoalKind,
                parent_id: str | None, goals: _Goals) -> str | None:
    target = kind is GoalKind.TARGET
    code, statement = (item.target_code, item.target) if target else (item.goal_code, item.goal)
    column = "Kode Sasaran" if target else "Kode Tujuan"
    cache = (kind, code or key(statement))
    known, goal_id = goals.known(run, item, cache, statement, "", column if code else kind.label)
    if known:
        return goal_id
    query = select(Goal).where(Goal.period_id == period.id, Goal.level == GoalLevel.REGIONAL, Goal.kind == kind)
    candidates = session.scalars(query.where(Goal.code == code) if code else query).all()
    existing = next((g for g in candidates if code or key(g.statement) == key(statement)), None)
    data = RpjmdGoalData(period.id, kind, statement, code, parent_id if target else (
        existing.parent_id if existing else None), existing.id if existing else None)
    subject = f"{kind.label} RPJMD {code} {statement}".replace("  ", " ")
    details = []
    if existing is not None:
        details += _diff("uraian", existing.statement, statement.strip())
        if target and existing.parent_id != parent_id:
            details.append("dipindah ke tujuan lain")
    goal_id = _write_goal(session, run, item, existing, subject, details, lambda: rpjmd.write_goal(session, data),
                          TARGET_COLUMNS if target else GOAL_COLUMNS)
    goals.remember(cache, goal_id, statement, "", item.row.number)
    return goal_id


def _write_goal(session: Session, run: Run, item: PlanRow, existing: Goal | None, subject: str,
                details: list[str], write: Any, columns: dict[str, str]) -> str | None:
    if existing is not None and not existing.is_active:
        run.problem(item.row, columns["statement"], f"{subject} nonaktif; aktifkan dahulu di layarnya")
        return None
    if existing is not None and not details:
        run.record(Action.UNCHANGED, item.row, subject)
        return existing.id
    written = run.attempt(session, item.row, columns_by(columns), write)
    if written is None:
        return None
    run.record(Action.CHANGED if existing else Action.ADDED, item.row, subject, tuple(details))
    return str(written.id)


def _diff(label: str, old: Any, new: Any) -> list[str]:
    return [] if old == new else [f"{label}: {old if old not in (None, '') else '(kosong)'} → "
                                  f"{new if new not in (None, '') else '(kosong)'}"]


# --- indicators -----------------------------------------------------------------------------------------


def _save_indicator(session: Session, run: Run, item: PlanRow, goal_id: str, years: list[int], *,
                    regional: bool) -> None:
    typed = item.indicator
    assert typed is not None
    found = next((i for i in session.scalars(select(Indicator).where(Indicator.goal_id == goal_id))
                  if key(i.name) == key(typed.name)), None)
    before = indicator_data(found) if found is not None else None
    wanted = _merged(typed, before, goal_id, item.given, years, quarterly=not regional)
    subject = f"Indikator {typed.name}"
    if before is not None:
        if not found.is_active:  # type: ignore[union-attr]
            run.problem(item.row, "Indikator", f"{subject} nonaktif; aktifkan dahulu di layarnya")
            return
        details = _indicator_changes(before, wanted)
        if not details:
            run.record(Action.UNCHANGED, item.row, subject)
            return
    service = rpjmd if regional else renstra
    if run.attempt(session, item.row, INDICATOR_COLUMNS, lambda: service.write_indicator(session, wanted)):
        run.record(Action.CHANGED if before else Action.ADDED, item.row, subject,
                   tuple(details) if before else ())


def _merged(typed: IndicatorData, before: IndicatorData | None, goal_id: str, given: set[str], years: list[int],
            *, quarterly: bool) -> IndicatorData:
    """What the indicator becomes: the row's values, the stored ones where the row says nothing."""
    wanted = IndicatorData(goal_id=goal_id, name=typed.name, unit=typed.unit, polarity=typed.polarity,
                           cumulation=typed.cumulation, baseline=typed.baseline, definition=typed.definition,
                           data_source=typed.data_source, weight=typed.weight,
                           qualitative_scale=typed.qualitative_scale)
    stored: dict[int, TargetData] = {}
    if before is not None:
        wanted.id, wanted.code, wanted.formula = before.id, before.code, before.formula
        wanted.baseline_year, wanted.is_active = before.baseline_year, before.is_active
        for name, column in (("polarity", "polarity"), ("cumulation", "cumulation"), ("weight", "weight"),
                             ("unit", "unit"), ("baseline", "baseline"), ("definition", "definition"),
                             ("data_source", "source")):
            if column not in given:  # a choice left empty, or a column the sheet does not have: as stored
                setattr(wanted, name, getattr(before, name))
        wanted.qualitative_scale = typed.qualitative_scale or before.qualitative_scale
        stored = {t.year: t for t in before.targets}
    scale = QUALITATIVE_SCALES.get(wanted.qualitative_scale or "")
    targets = dict(stored)
    for t in sorted(typed.targets, key=lambda t: t.year):
        last_year = targets.get(t.year - 1)
        previous = last_year.target if last_year is not None and last_year.target is not None else wanted.baseline
        grade = t.target_grade
        as_grade = format_number(t.target, None) if t.target is not None else None
        if scale is not None and grade is None and as_grade in scale.grades:
            grade = as_grade  # SPIP levels 1–5 are grades written as numbers
        value = None if grade else t.target
        quarters = t.quarters
        if all(q is None for q in quarters) and value is not None:
            kept = stored.get(t.year)
            fits = kept is not None and any(q is not None for q in kept.quarters) and not target_problems(
                unit=wanted.unit, polarity=wanted.polarity, cumulation=wanted.cumulation, target=value,
                target_high=t.target_high, quarters=kept.quarters)
            if fits:
                quarters = kept.quarters  # type: ignore[union-attr]
            elif quarterly:
                quarters = derived_quarters(wanted.cumulation, wanted.polarity, value, previous)
        targets[t.year] = TargetData(t.year, value, t.target_high, grade, quarters)
    wanted.targets = [targets[year] for year in sorted(targets)]
    return wanted


def _show(value: Any) -> str:
    if value is None or value == "":
        return "(kosong)"
    return format_number(value, None) if isinstance(value, Decimal) else str(value)


def _indicator_changes(before: IndicatorData, after: IndicatorData) -> list[str]:
    details = []
    for label, name in (("nama", "name"), ("satuan", "unit"), ("polaritas", "polarity"),
                        ("kumulasi", "cumulation"), ("kondisi awal", "baseline"), ("definisi", "definition"),
                        ("sumber data", "data_source"), ("bobot", "weight"), ("skala", "qualitative_scale")):
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            details.append(f"{label}: {_show(old)} → {_show(new)}")
    old_targets = {t.year: t for t in before.targets}
    for t in after.targets:
        o = old_targets.get(t.year)
        old_value = (o.target, o.target_high, o.target_grade) if o else (None, None, None)
        if old_value != (t.target, t.target_high, t.target_grade):
            details.append(f"target {t.year}: {_show(o.target_grade or o.target if o else None)} → "
                           f"{_show(t.target_grade or t.target)}")
        elif (o.quarters if o else (None,) * 4) != t.quarters:
            details.append(f"target triwulan {t.year}")
    return details


# --- renstra --------------------------------------------------------------------------------------------


def import_renstra(session: Session, sheets: dict[str, SheetData], run: Run) -> None:
    plan = _read_plan(session, sheets, run, RENSTRA)
    if plan is None:
        return
    period, years, rows = plan
    opds = OpdFinder(session)
    regional = {g.code: g.id for g in session.scalars(select(Goal).where(
        Goal.period_id == period.id, Goal.level == GoalLevel.REGIONAL, Goal.kind == GoalKind.TARGET,
        Goal.code != ""))}
    goals = _Goals()
    for n, item in enumerate(rows):
        run.tick(n, len(rows), "Menyimpan Renstra…")
        opd = opds.find(run, item.row, item.opd) if item.opd else None
        supports = regional.get(item.supports) if item.supports else None
        if item.supports and supports is None:
            run.problem(item.row, "Kode Sasaran RPJMD",
                        f"sasaran RPJMD berkode {item.supports} tidak ada pada periode {period.name}")
        if opd is None or run.failed(item.row):
            continue
        goal_id = _renstra_goal(session, run, item, period, opd, GoalKind.GOAL, None, None, goals)
        if goal_id is None or not item.target:
            continue
        target_id = _renstra_goal(session, run, item, period, opd, GoalKind.TARGET, goal_id, supports, goals)
        if target_id is not None and item.indicator is not None:
            _save_indicator(session, run, item, target_id, years, regional=False)


def _renstra_goal(session: Session, run: Run, item: PlanRow, period: PlanningPeriod, opd: Opd, kind: GoalKind,
                  parent_id: str | None, supports: str | None, goals: _Goals) -> str | None:
    target = kind is GoalKind.TARGET
    statement = item.target if target else item.goal
    cache = (opd.id, kind, key(statement))
    known, goal_id = goals.known(run, item, cache, statement, supports or "", kind.label)
    if known:
        return goal_id
    candidates = session.scalars(select(Goal).where(
        Goal.opd_id == opd.id, Goal.period_id == period.id, Goal.level == GoalLevel.OPD, Goal.kind == kind)).all()
    matching = [g for g in candidates if key(g.statement) == key(statement)]
    existing = next((g for g in matching if g.parent_id == parent_id), matching[0] if matching else None)
    if target and item.keep_supports and existing is not None:
        supports = existing.supports_id
    data = GoalData(opd.id, period.id, kind, statement, parent_id, supports if target else None,
                    existing.code if existing else "", True, existing.id if existing else None)
    subject = f"{kind.label} {opd.abbreviation}: {statement}"
    details = []
    if existing is not None:
        if existing.parent_id != data.parent_id:
            details.append("dipindah ke tujuan lain")
        if target and existing.supports_id != supports:
            details.append("sasaran RPJMD yang didukung berubah")
    goal_id = _write_goal(session, run, item, existing, subject, details, lambda: renstra.write_goal(session, data),
                          TARGET_COLUMNS if target else GOAL_COLUMNS)
    goals.remember(cache, goal_id, statement, supports or "", item.row.number)
    return goal_id
