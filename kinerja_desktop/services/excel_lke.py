"""The LKE to and from Excel (``lke export|import``): the answers of every OPD with evidence, the evaluator's notes
and recommendations, each OPD's evaluator and general notes, and the year's structure.

Same rules as every import (``excel_import.py``): the whole file in one transaction or nothing, every problem by
sheet, row and column. The structure sheet, when present, replaces the year's structure (weights checked to sum
to 100, ``akip_structure``); then each OPD's evaluation is saved through ``akip.write_evaluation`` with its rows'
answers (a row's empty cells clear what it had). An exported file re-imports unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Opd
from ..domain.akip import ANSWER_SCALES, Component, Criterion, Framework, Subcomponent, answer_scale
from ..interchange import xlsx_cells as cells
from ..interchange.xlsx_read import SheetData, SheetRow, header_key
from ..interchange.xlsx_write import WorkbookOut, write_workbook
from .akip import read_evaluation, write_evaluation
from .akip_data import AnswerData, EvaluationForm
from .akip_structure import write_framework, year_framework_in
from .errors import ValidationError
from .excel_export import ExportResult
from .excel_import_run import Action, OpdFinder, Run
from .excel_layouts import LKE_ANSWERS, LKE_EVALUATIONS, LKE_STRUCTURE
from .opd_names import names_opd, not_found
from .progress import CancelCheck, Progress, step_fraction

SCALE_WORDS = {s.name: s.title for s in ANSWER_SCALES.values()}
SCALES = {**{header_key(title): name for name, title in SCALE_WORDS.items()},
          **{header_key(name): name for name in SCALE_WORDS}}


def lke_choices() -> dict[str, list[str]]:
    return {"skala_lke": list(SCALE_WORDS.values())}


# --- export ----------------------------------------------------------------------------------------------


def export_lke(db: Database, year: int, out: Path, *, opd_codes: tuple[str, ...] = (),
               progress: Progress | None = None, cancelled: CancelCheck | None = None) -> ExportResult:
    """The year's LKE of every active OPD (or those named): one answer row per criterion, filled or not."""
    step_fraction(progress, cancelled, 0, "Menyiapkan data…")
    with db.read() as session:
        framework = year_framework_in(session, year).framework
        query = select(Opd).where(Opd.is_active.is_(True)).order_by(Opd.sort_order, Opd.code)
        opds = list(session.scalars(query))
        for text in opd_codes:
            if not any(names_opd(text, o.code, o.abbreviation) for o in opds):
                raise not_found(text, active=True)
        if opd_codes:
            opds = [o for o in opds if any(names_opd(text, o.code, o.abbreviation) for text in opd_codes)]
        if not opds:
            raise ValidationError.single("opd", "Tidak ada perangkat daerah untuk diekspor")
        forms = [read_evaluation(session, o.id, year) for o in opds]
    answers: list[dict[str, Any]] = []
    evaluations: list[dict[str, Any]] = []
    for opd, form in zip(opds, forms, strict=True):
        evaluations.append({"opd": opd.code, "year": year, "evaluator": form.evaluator,
                            "evaluated_on": form.evaluated_on, "notes": form.notes,
                            "recommendations": form.recommendations})
        for _, _, criterion in framework.criteria():
            data = form.answers.get(criterion.code) or AnswerData(criterion.code)
            answers.append({"opd": opd.code, "year": year, "criterion": criterion.code,
                            "statement": criterion.statement, "answer": data.answer or "",
                            "evidence": data.evidence, "notes": data.notes,
                            "recommendation": data.recommendation})
    structure: list[dict[str, Any]] = []
    for component in framework.components:
        structure.append({"year": year, "code": component.code, "name": component.name, "weight": component.weight})
        for sub in component.subcomponents:
            structure.append({"year": year, "code": sub.code, "name": sub.name, "weight": sub.weight})
            structure += [{"year": year, "code": k.code, "name": k.statement, "scale": SCALE_WORDS[k.scale]}
                          for k in sub.criteria]
    sheets = [LKE_ANSWERS.sheet([], answers), LKE_EVALUATIONS.sheet([], evaluations),
              LKE_STRUCTURE.sheet([], structure)]
    for sheet in sheets:
        sheet.rows = list(sheet.rows)
    total = len(answers) + len(evaluations) + len(structure)
    step_fraction(progress, cancelled, 0.3, "Menulis berkas…")
    path = write_workbook(Path(out), WorkbookOut(sheets, choices=lke_choices()), database_path=db.path)
    step_fraction(progress, None, 1, "Selesai")
    return ExportResult(path, total)


# --- import ----------------------------------------------------------------------------------------------


@dataclass
class _Opd:
    """One OPD's evaluation of a year as the file gives it, and the rows it came from."""

    opd: Opd
    year: int
    first: SheetRow
    answers: dict[str, tuple[SheetRow, AnswerData]] = field(default_factory=dict)
    general: tuple[SheetRow, dict[str, Any]] | None = None


def import_lke(session: Session, sheets: dict[str, SheetData], run: Run) -> None:
    structure = sheets.get(LKE_STRUCTURE.title)
    if structure is not None and structure.rows:
        _import_structure(session, structure, run)
    opds = OpdFinder(session)
    groups: dict[tuple[str, int], _Opd] = {}
    answers, evaluations = sheets.get(LKE_ANSWERS.title), sheets.get(LKE_EVALUATIONS.title)
    for row in answers.rows if answers else []:
        group = _group(run, row, opds, groups, LKE_ANSWERS)
        code = run.cell(row, LKE_ANSWERS, "criterion", cells.code) or ""
        if not code:
            run.problem(row, "Kode Kriteria", "kode kriteria wajib diisi")
        if group is None or not code:
            continue
        if code in group.answers:
            run.problem(row, "Kode Kriteria", f"kriteria {code} sudah ada di baris {group.answers[code][0].number}")
            continue
        read = {k: run.cell(row, LKE_ANSWERS, k, cells.text) or "" for k in
                ("answer", "evidence", "notes", "recommendation")}
        group.answers[code] = (row, AnswerData(code, read["answer"] or None, read["evidence"], read["notes"],
                                               read["recommendation"]))
    for row in evaluations.rows if evaluations else []:
        group = _group(run, row, opds, groups, LKE_EVALUATIONS)
        if group is not None:
            general: dict[str, Any] = {k: run.cell(row, LKE_EVALUATIONS, k, cells.text) or "" for k in
                                       ("evaluator", "notes", "recommendations")}
            general["evaluated_on"] = run.cell(row, LKE_EVALUATIONS, "evaluated_on", cells.day)
            group.general = (row, general)
    for n, group in enumerate(groups.values()):
        run.tick(n, len(groups), "Menyimpan evaluasi…")
        _save(session, run, group)


def _group(run: Run, row: SheetRow, opds: OpdFinder, groups: dict[tuple[str, int], _Opd],
           layout: Any) -> _Opd | None:
    opd = opds.find(run, row, run.cell(row, layout, "opd", cells.text) or "")
    year = run.cell(row, layout, "year", cells.integer)
    if year is None and row.get("year").blank:
        run.problem(row, "Tahun", "tahun wajib diisi")
    if opd is None or year is None:
        return None
    return groups.setdefault((opd.id, year), _Opd(opd, year, row))


def _save(session: Session, run: Run, group: _Opd) -> None:
    before = read_evaluation(session, group.opd.id, group.year)
    form = replace(before, answers=dict(before.answers))
    for code, (_, data) in group.answers.items():
        form.answers[code] = data
    if group.general is not None:
        general = group.general[1]
        form.evaluator, form.notes = general["evaluator"], general["notes"]
        form.recommendations, form.evaluated_on = general["recommendations"], general["evaluated_on"]
    rows = {f"answers[{code}].answer": (row, "Jawaban") for code, (row, _) in group.answers.items()}
    first = group.general[0] if group.general else group.first

    def column(key: str) -> str | None:
        return rows.get(key, (None, None))[1]

    def work() -> None:
        write_evaluation(session, form, check_version=False)

    try:
        with session.begin_nested():
            unchanged = _same(before, form)
            if not unchanged:
                work()
    except ValidationError as exc:
        for key, message in exc.errors.items():
            row = rows.get(key, (first, None))[0]
            run.problem(row, column(key), message.rstrip("."))
        return
    subject = f"Evaluasi AKIP {group.opd.abbreviation} {group.year}"
    if unchanged:
        run.record(Action.UNCHANGED, first, subject)
    else:
        changed = sum(1 for code, (_, data) in group.answers.items() if before.answers.get(code) != data
                      and not (data.is_empty and code not in before.answers))
        run.record(Action.ADDED if before.version is None else Action.CHANGED, first, subject,
                   (f"{changed} jawaban",) if changed else ())


def _same(before: EvaluationForm, after: EvaluationForm) -> bool:
    if before.version is None:
        return not any(not a.is_empty for a in after.answers.values()) and not (
            after.evaluator or after.notes or after.recommendations or after.evaluated_on)

    def normal(form: EvaluationForm) -> dict[str, AnswerData]:
        return {code: replace(a, answer=(a.answer or "").strip().upper() or None, evidence=a.evidence.strip(),
                              notes=a.notes.strip(), recommendation=a.recommendation.strip())
                for code, a in form.answers.items() if not a.is_empty}

    return (normal(before) == normal(after) and before.evaluator == after.evaluator.strip()
            and before.notes == after.notes.strip() and before.recommendations == after.recommendations.strip()
            and before.evaluated_on == after.evaluated_on)


def _import_structure(session: Session, sheet: SheetData, run: Run) -> None:
    """Rows by code: ``1`` a component, ``1.a`` a sub-component of it, ``1.a.1`` a criterion (with a scale)."""
    by_year: dict[int, list[tuple[SheetRow, str, str, Decimal | None, str | None]]] = {}
    for row in sheet.rows:
        year = run.cell(row, LKE_STRUCTURE, "year", cells.integer)
        code = run.cell(row, LKE_STRUCTURE, "code", cells.code) or ""
        name = run.cell(row, LKE_STRUCTURE, "name", cells.text) or ""
        weight = run.cell(row, LKE_STRUCTURE, "weight", cells.number)
        scale = run.cell(row, LKE_STRUCTURE, "scale", lambda c: cells.choice(
            c, SCALES, "Skala jawaban", list(SCALE_WORDS.values())))
        if year is None or not code:
            run.problem(row, "Tahun" if year is None else "Kode", "wajib diisi")
            continue
        if not name:
            run.problem(row, "Uraian", "uraian wajib diisi")
        depth = code.count(".")
        if depth < 2 and weight is None:
            run.problem(row, "Bobot", "bobot komponen dan sub komponen wajib diisi")
        if depth == 2 and scale is None:
            run.problem(row, "Skala Jawaban", "skala jawaban kriteria wajib diisi")
        if depth > 2:
            run.problem(row, "Kode", f"kode “{code}” bukan komponen (1), sub komponen (1.a) atau kriteria (1.a.1)")
        by_year.setdefault(year, []).append((row, code, name, weight, scale))
    if run.problems:
        return
    for year, rows in by_year.items():
        framework = _framework(run, rows)
        if framework is None:
            continue
        try:
            with session.begin_nested():
                changed = write_framework(session, year, framework)
        except ValidationError as exc:
            for message in exc.errors.values():
                run.problem(None, None, message, sheet=LKE_STRUCTURE.title)
            continue
        run.record(Action.CHANGED if changed else Action.UNCHANGED, rows[0][0], f"Struktur LKE tahun {year}",
                   (f"{framework.criterion_count} kriteria",) if changed else ())


def _framework(run: Run, rows: list[tuple[SheetRow, str, str, Decimal | None, str | None]]) -> Framework | None:
    components: dict[str, tuple[str, Decimal, dict[str, tuple[str, Decimal, list[Criterion]]]]] = {}
    for row, code, name, weight, scale in rows:
        parent, _, _ = code.rpartition(".")
        if "." not in code:
            components[code] = (name, weight or Decimal(0), {})
        elif code.count(".") == 1:
            if parent not in components:
                run.problem(row, "Kode", f"komponen {parent} belum ada di atas baris ini")
                continue
            components[parent][2][code] = (name, weight or Decimal(0), [])
        else:
            top = parent.partition(".")[0]
            subs = components.get(top, ("", Decimal(0), {}))[2]
            if parent not in subs:
                run.problem(row, "Kode", f"sub komponen {parent} belum ada di atas baris ini")
                continue
            assert scale is not None
            answer_scale(scale)
            subs[parent][2].append(Criterion(code, name, scale))
    if run.problems:
        return None
    return Framework(tuple(
        Component(code, name, weight, tuple(Subcomponent(s_code, s_name, s_weight, tuple(criteria))
                                            for s_code, (s_name, s_weight, criteria) in subs.items()))
        for code, (name, weight, subs) in components.items()
    ))


