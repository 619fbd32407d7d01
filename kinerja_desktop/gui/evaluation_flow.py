"""The flow of the Evaluasi Triwulan wizard in plain Python (no Qt), so its rules are tested without a window.

Steps: choose year, quarter and OPD → realisation of each indicator (with the live capaian) → budget realised
per program → kendala and tindak lanjut (required below 100 %) with evidence files → summary → save.
The Qt wizard (``dialogs/evaluation_wizard.py``) only renders a flow: it asks :meth:`EvaluationFlow.validate`
before Next and :meth:`EvaluationFlow.next_step` for the page that follows, as Electrum's wizard does.
Data come from an :class:`EvaluationSource`, by default the services on an open database.

Every evaluation rule comes from ``domain/evaluation.py``, as in the service: the flow only puts what is typed
in place of the stored value and asks the domain for the reading and the problems, so the live capaian is the
one saved and the messages are the service's (``tests/gui/test_evaluation_equivalence.py`` checks both).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import IntEnum
from pathlib import Path
from typing import Protocol

from ..domain import QualitativeScale, qualitative_scale
from ..domain.enums import Quarter
from ..domain.evaluation import (
    EvaluationSettings,
    Reading,
    ResultState,
    budget_to_date,
    kendala_problem,
    needs_kendala,
    negative_budget_problem,
    opd_figures,
    pagu_problem,
    read_indicator,
    reading_problem,
)
from ..domain.formatting import format_number, parse_number, parse_rupiah
from ..services.errors import FORM
from ..services.evaluation_data import (
    BudgetInput,
    IndicatorResult,
    OpdEvaluation,
    ProgramResult,
    QuarterReport,
    RealizationInput,
    budget_key,
    problems_key,
    value_key,
)


class Step(IntEnum):
    """The wizard's pages, in order (the QWizard uses these as page ids)."""

    CHOOSE = 0
    REALIZATION = 1
    BUDGET = 2
    PROBLEMS = 3
    SUMMARY = 4


@dataclass(frozen=True)
class OpdChoice:
    opd_id: str
    code: str
    abbreviation: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.abbreviation} — {self.name}"


class EvaluationSource(Protocol):
    """What the flow needs from the database (the services; a fake in tests)."""

    def settings(self) -> EvaluationSettings: ...

    def choices(self, year: int) -> list[OpdChoice]: ...

    def closed_quarters(self, year: int) -> set[int]: ...

    def load(self, year: int, quarter: int, opd_id: str) -> OpdEvaluation: ...

    def save(self, report: QuarterReport) -> OpdEvaluation: ...

    def value_problem(self, indicator_id: str, value: Decimal) -> str | None:
        """Why a realisation cannot be stored (beyond the stored precision), as the service says it."""
        ...


class ServiceSource:
    """The flow's data from the services on an open database."""

    def __init__(self, db) -> None:  # noqa: ANN001 - a Database; imported lazily by callers
        self.db = db

    def settings(self) -> EvaluationSettings:
        from ..services import evaluation

        return evaluation.current_settings(self.db)

    def choices(self, year: int) -> list[OpdChoice]:
        from ..services import evaluation

        return [
            OpdChoice(e.opd_id, e.opd_code, e.opd_abbreviation, e.opd_name)
            for e in evaluation.evaluate_quarter(self.db, year, 1)
        ]

    def closed_quarters(self, year: int) -> set[int]:
        from ..services import evaluation

        return set(evaluation.closed_quarters(self.db, year))

    def load(self, year: int, quarter: int, opd_id: str) -> OpdEvaluation:
        from ..services import evaluation

        return evaluation.evaluate_opd(self.db, year, quarter, opd_id)

    def save(self, report: QuarterReport) -> OpdEvaluation:
        from ..services import evaluation

        return evaluation.save_quarter_report(self.db, report)

    def value_problem(self, indicator_id: str, value: Decimal) -> str | None:
        from ..services import evaluation

        return evaluation.realization_problem(indicator_id, value)


def scale_of(result: IndicatorResult) -> QualitativeScale | None:
    """The qualitative scale of a graded indicator (Opini BPK, AKIP, SPIP), as the service read it."""
    if not (result.target_grade and result.scale):
        return None
    try:
        return qualitative_scale(result.scale)
    except ValueError:  # a scale this version does not know: its reading says so
        return None


@dataclass
class IndicatorEntry:
    """One indicator of the chosen PK as the operator fills it in."""

    result: IndicatorResult  # as stored (targets, the other quarters' values)
    text: str = ""  # realisation of this quarter as typed ("91,5"), or the grade
    problems: str = ""
    follow_up: str = ""
    new_evidence: list[Path] = field(default_factory=list)
    loaded_text: str = ""  # the realisation as stored when the wizard opened ("" when none)
    # Kendala and tindak lanjut written for a realisation since corrected to 100 % or more: set aside, not saved
    # (a corrected value must not print the old kendala); the problems page offers them back.
    set_aside: tuple[str, str] | None = None
    keep_old_problems: bool = False  # the operator took them back

    @property
    def indicator_id(self) -> str:
        return self.result.indicator_id

    @property
    def scale(self) -> QualitativeScale | None:
        return scale_of(self.result)

    @property
    def is_qualitative(self) -> bool:
        return self.scale is not None


@dataclass
class ProgramEntry:
    result: ProgramResult
    text: str = ""  # rupiah realised this quarter as typed
    loaded_text: str = ""  # as stored when the wizard opened

    @property
    def program_id(self) -> str | None:
        return self.result.program_id


@dataclass(frozen=True)
class SummaryLine:
    name: str
    unit: str
    target_to_date: Decimal | None
    target_grade: str | None
    reading: Reading


@dataclass(frozen=True)
class Summary:
    lines: tuple[SummaryLine, ...]
    score: Decimal | None
    predicate: str | None
    absorption: Decimal | None
    efficiency: str | None
    missing: int
    realized_to_date: int
    pagu: int


class EvaluationFlow:
    """State and rules of one run of the wizard."""

    def __init__(self, source: EvaluationSource, year: int | None = None) -> None:
        self.source = source
        self.settings = source.settings()
        self.year: int | None = year
        self.quarter: int | None = None
        self.opd_id: str | None = None
        self.loaded: OpdEvaluation | None = None
        self.entries: list[IndicatorEntry] = []
        self.programs: list[ProgramEntry] = []
        self.saved: OpdEvaluation | None = None

    # -- step 1: choose ------------------------------------------------------------------------------
    def choices(self, year: int) -> list[OpdChoice]:
        return self.source.choices(year)

    def closed_quarters(self, year: int) -> set[int]:
        return self.source.closed_quarters(year)

    def choose(self, year: int | None, quarter: int | None, opd_id: str | None) -> dict[str, str]:
        """Check the choice and load what was entered before; errors by field ("year", "quarter", "opd")."""
        if year is None:
            return {"year": "Pilih tahun anggaran"}
        if quarter not in (1, 2, 3, 4):
            return {"quarter": "Pilih triwulan"}
        if not opd_id:
            return {"opd": "Pilih perangkat daerah"}
        if quarter in self.source.closed_quarters(year):
            return {
                "quarter": f"{Quarter(quarter).label} tahun {year} sudah ditutup Bappeda; "
                "realisasinya tidak dapat diubah lagi"
            }
        if (year, quarter, opd_id) == (self.year, self.quarter, self.opd_id) and self.loaded is not None:
            return {}  # back to the first page and on again: keep what was typed
        try:
            loaded = self.source.load(year, quarter, opd_id)
        except Exception as exc:  # noqa: BLE001 - a service message (ValidationError) or a database error
            return {"opd": str(exc)}
        self.year, self.quarter, self.opd_id, self.loaded = year, quarter, opd_id, loaded
        self.entries = [self._entry(r, quarter) for r in loaded.indicators]
        self.programs = []
        for p in loaded.programs:
            text = format_number(p.quarter_amounts[quarter - 1], 0)
            self.programs.append(ProgramEntry(p, text, text))
        return {}

    @staticmethod
    def _entry(result: IndicatorResult, quarter: int) -> IndicatorEntry:
        """What was entered for the quarter itself (a grade released earlier is read, not entered again)."""
        if scale_of(result) is not None:
            text = result.quarter_grades[quarter - 1] or ""
        else:
            text = format_number(result.quarter_values[quarter - 1], None)
        return IndicatorEntry(result, text, result.problems, result.follow_up, loaded_text=text)

    @property
    def reopened(self) -> bool:
        """Something was already entered for this quarter: the wizard corrects it (and the audit log says so)."""
        return self.loaded is not None and self.loaded.reported

    @property
    def opd_name(self) -> str:
        return self.loaded.opd_name if self.loaded else ""

    # -- step 2: realisation -------------------------------------------------------------------------
    def parsed_value(self, entry: IndicatorEntry) -> tuple[Decimal | None, str | None]:
        """(number, grade) typed for this quarter; raises ValueError with an Indonesian message."""
        text = entry.text.strip()
        if not text:
            return None, None
        scale = entry.scale
        if scale is not None:
            scale.rank(text)  # raises ValueError naming the allowed grades
            grade = next(g for g in scale.grades if g.upper() == text.upper())
            return None, grade
        value = parse_number(text)
        problem = self.source.value_problem(entry.indicator_id, value)
        if problem:  # beyond the stored precision: the service's own words, before anything is computed
            raise ValueError(problem)
        return value, None

    def reading(self, entry: IndicatorEntry) -> Reading:
        """The live reading of an entry: the domain's, with the typed value in place of the stored one."""
        assert self.quarter is not None
        r = entry.result
        try:
            value, grade = self.parsed_value(entry)
        except ValueError as exc:
            return Reading(ResultState.INVALID, note=str(exc))
        values, grades = list(r.quarter_values), list(r.quarter_grades)
        values[self.quarter - 1], grades[self.quarter - 1] = value, grade
        try:
            return self._read(r, values, grades)
        except ArithmeticError:  # a figure the formulas cannot carry: said, never a traceback
            return Reading(ResultState.INVALID, note=f"{r.name}: angka ini tidak dapat dihitung")

    def _read(self, r: IndicatorResult, values: list[Decimal | None], grades: list[str | None]) -> Reading:
        assert self.quarter is not None
        return read_indicator(
            polarity=r.polarity,
            cumulation=r.cumulation,
            yearly_target=r.yearly_target,
            target_to_date=r.target_to_date,
            target_high=r.target_high,
            target_grade=r.target_grade,
            scale=r.scale,
            values=values,
            grades=grades,
            quarter=self.quarter,
            negative_formula=self.settings.negative_formula,
        )

    def realization_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        filled = 0
        for entry in self.entries:
            reading = self.reading(entry)
            entered = bool(entry.text.strip())
            filled += entered
            problem = reading_problem(entry.result.name, reading.state, reading.note, entered)
            if problem:
                errors[value_key(entry.indicator_id)] = problem
        if not errors and not filled and self.entries:
            errors[FORM] = "Isi realisasi sedikitnya satu indikator"
        return errors

    # -- step 3: budget ------------------------------------------------------------------------------
    def parsed_amount(self, entry: ProgramEntry) -> int | None:
        text = entry.text.strip()
        return parse_rupiah(text) if text else None

    def budget_to_date(self, entry: ProgramEntry) -> int | None:
        """Rupiah realised up to this quarter with the typed amount (None when the text is not a number)."""
        assert self.quarter is not None
        try:
            amount = self.parsed_amount(entry)
        except ValueError:
            return None
        amounts = list(entry.result.quarter_amounts)
        amounts[self.quarter - 1] = amount
        return budget_to_date(amounts, self.quarter)

    def budget_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for entry in self.programs:
            name = entry.result.name
            try:
                self.parsed_amount(entry)
            except ValueError as exc:
                problem = self._negative_amount(entry) or f"{name}: {exc}"
            else:
                problem = pagu_problem(name, self.budget_to_date(entry) or 0, entry.result.pagu)
            if problem:
                errors[budget_key(entry.program_id)] = problem
        return errors

    @staticmethod
    def _negative_amount(entry: ProgramEntry) -> str | None:
        """The domain's word on a negative amount (parse_rupiah refuses it in words of its own)."""
        try:
            return negative_budget_problem(entry.result.name, parse_number(entry.text))
        except ValueError:
            return None

    # -- step 4: kendala and evidence ----------------------------------------------------------------
    def needs_problems(self, entry: IndicatorEntry) -> bool:
        """Kendala and tindak lanjut are required when the capaian to date is under 100 %."""
        return needs_kendala(self.reading(entry).capaian)

    def corrected(self, entry: IndicatorEntry) -> bool:
        """A realisation stored before was changed in this run."""
        return bool(entry.loaded_text) and entry.text.strip() != entry.loaded_text

    def set_aside_old_problems(self) -> list[IndicatorEntry]:
        """Kendala written for a realisation since corrected to a capaian of 100 % or more are set aside (they
        would be printed beside a figure they no longer explain); returns the entries concerned. Kendala the
        operator has edited in this run stay."""
        concerned = []
        for entry in self.entries:
            stored = (entry.result.problems, entry.result.follow_up)
            unchanged = (entry.problems, entry.follow_up) == stored and any(part.strip() for part in stored)
            if unchanged and not entry.keep_old_problems and self.corrected(entry) and not self.needs_problems(entry):
                entry.set_aside = stored
                entry.problems, entry.follow_up = "", ""
                concerned.append(entry)
        return concerned

    def take_back_problems(self, entry: IndicatorEntry) -> None:
        """The operator keeps the old kendala after all."""
        if entry.set_aside is not None:
            entry.problems, entry.follow_up = entry.set_aside
            entry.set_aside = None
            entry.keep_old_problems = True

    def old_problems_note(self, entry: IndicatorEntry) -> str:
        """What the problems page says about kendala written for an earlier realisation ("" when nothing)."""
        if entry.set_aside is not None:
            return (f"Realisasi dikoreksi dari {entry.loaded_text} menjadi {entry.text.strip()} dan capaian kini "
                    "100 % atau lebih: kendala dan tindak lanjut lama dikosongkan agar tidak ikut tercetak.")
        stored = (entry.result.problems, entry.result.follow_up)
        unchanged = (entry.problems, entry.follow_up) == stored and any(part.strip() for part in stored)
        if self.corrected(entry) and unchanged:
            return (f"Kendala ini ditulis untuk realisasi sebelumnya ({entry.loaded_text}); periksa apakah masih "
                    f"sesuai dengan realisasi {entry.text.strip()}.")
        return ""

    def plausibility_warnings(self) -> list[str]:
        """Figures typed that look like slips (to confirm, not refused): see :mod:`gui.plausibility`."""
        from .plausibility import value_warnings

        assert self.quarter is not None
        warnings = []
        for entry in self.entries:
            if not entry.text.strip() or entry.scale is not None:
                continue
            try:
                value, _grade = self.parsed_value(entry)
            except ValueError:
                continue  # refused in its cell already
            r = entry.result
            earlier = [v for v in r.quarter_values[: self.quarter - 1] if v is not None]
            warnings += value_warnings(name=r.name, unit=r.unit, value=value, target=r.yearly_target,
                                       previous=earlier[-1] if earlier else None)
        return warnings

    def capped_notes(self) -> list[str]:
        """Indicators whose capaian is above the cap: counted in the score at the cap, said so."""
        notes = []
        cap = self.settings.cap
        for entry in self.entries:
            capaian = self.reading(entry).capaian
            if capaian is not None and capaian > cap:
                notes.append(f"{entry.result.name}: capaian {format_number(capaian, 2)} % dihitung "
                             f"{format_number(cap, None)} % dalam nilai (batas atas capaian)")
        return notes

    def is_changed(self) -> bool:
        """Anything typed, chosen or attached in this run that is not stored (the wizard asks before closing)."""
        for entry in self.entries:
            if entry.text.strip() != entry.loaded_text or entry.new_evidence:
                return True
            if (entry.problems, entry.follow_up) != (entry.result.problems, entry.result.follow_up):
                return True
        return any(p.text.strip() != p.loaded_text for p in self.programs)

    def problems_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for entry in self.entries:
            name = entry.result.name
            problem = kendala_problem(name, self.reading(entry).capaian, entry.problems, entry.follow_up)
            unreadable = [p.name for p in entry.new_evidence if not p.is_file()]
            if problem is None and unreadable:
                problem = f"{name}: berkas bukti tidak ditemukan: {', '.join(unreadable)}"
            if problem:
                errors[problems_key(entry.indicator_id)] = problem
        return errors

    # -- step 5: summary -----------------------------------------------------------------------------
    def summary(self) -> Summary:
        lines = []
        for entry in self.entries:
            r = entry.result
            lines.append(SummaryLine(r.name, r.unit, r.target_to_date, r.target_grade, self.reading(entry)))
        programs = [(p.result.pagu, self.budget_to_date(p) or 0) for p in self.programs]
        pagu, realized = sum(p for p, _ in programs), sum(r for _, r in programs)
        figures = opd_figures(
            [line.reading.capaian for line in lines], [e.result.weight for e in self.entries], realized, pagu,
            self.settings,
        )
        return Summary(
            tuple(lines),
            figures.score,
            figures.predicate,
            figures.absorption,
            figures.efficiency.label if figures.efficiency else None,
            figures.missing,
            realized,
            pagu,
        )

    # -- navigation and saving -----------------------------------------------------------------------
    def validate(self, step: Step) -> dict[str, str]:
        if step is Step.CHOOSE:
            return {} if self.loaded is not None else {"opd": "Pilih perangkat daerah"}
        if step is Step.REALIZATION:
            return self.realization_errors()
        if step is Step.BUDGET:
            return self.budget_errors()
        if step is Step.PROBLEMS:
            return self.problems_errors()
        return {}

    def next_step(self, step: Step) -> Step | None:
        """The page after ``step``; the budget page is skipped when the PK lists no program."""
        if step is Step.SUMMARY:
            return None
        following = Step(step + 1)
        if following is Step.BUDGET and not self.programs:
            return Step.PROBLEMS
        return following

    def step_of(self, key: str) -> Step:
        """The page where the field named in a service error is entered."""
        if key.startswith("budgets["):
            return Step.BUDGET
        if key.endswith(".problems"):
            return Step.PROBLEMS
        if key.startswith("indicators["):
            return Step.REALIZATION
        return Step.SUMMARY

    def build_report(self) -> QuarterReport:
        """The report to save, with the versions of the rows as loaded: another computer's save in between is
        refused by the service (ConcurrentChangeError) instead of being overwritten."""
        assert self.year is not None and self.quarter is not None and self.opd_id is not None
        self.set_aside_old_problems()  # also when the problems page was not shown since the last correction
        versions = self.loaded.versions if self.loaded is not None else {}
        budget_versions = self.loaded.budget_versions if self.loaded is not None else {}
        indicators = []
        for entry in self.entries:
            value, grade = self.parsed_value(entry)
            indicators.append(
                RealizationInput(
                    entry.indicator_id,
                    value,
                    grade,
                    entry.problems.strip(),
                    entry.follow_up.strip(),
                    list(entry.new_evidence),
                    version=versions.get(entry.indicator_id),
                )
            )
        budgets = [
            BudgetInput(p.program_id, self.parsed_amount(p), version=budget_versions.get(p.program_id))
            for p in self.programs
            if p.program_id is not None
        ]
        return QuarterReport(self.opd_id, self.year, self.quarter, indicators, budgets)

    def finish(self) -> OpdEvaluation:
        """Save everything in one transaction (the service's); raises ValidationError when refused."""
        self.saved = self.source.save(self.build_report())
        if self.loaded is not None:  # saving again from this wizard starts from what is now stored
            self.loaded = replace(
                self.loaded, versions=self.saved.versions, budget_versions=self.saved.budget_versions
            )
        return self.saved

    def reload(self) -> list[str]:
        """Load the stored report again after another computer saved it ("Muat ulang").

        An indicator or program that other computer changed shows its stored values; everything else keeps what
        was typed here. Returns the names of what was taken from the other computer.
        """
        assert self.year is not None and self.quarter is not None and self.opd_id is not None
        old = self.loaded
        fresh = self.source.load(self.year, self.quarter, self.opd_id)
        results = {r.indicator_id: r for r in fresh.indicators}
        changed: list[str] = []
        entries = []
        for entry in self.entries:
            result = results.get(entry.indicator_id)
            if result is None:
                continue
            moved = old is None or old.versions.get(entry.indicator_id) != fresh.versions.get(entry.indicator_id)
            if moved:
                changed.append(result.name)
                entries.append(self._entry(result, self.quarter))
            else:
                entry.result = result
                entries.append(entry)
        programs = {p.program_id: p for p in fresh.programs}
        kept = []
        for program in self.programs:
            result = programs.get(program.program_id)
            if result is None:
                continue
            pid = program.program_id or ""
            if old is None or old.budget_versions.get(pid) != fresh.budget_versions.get(pid):
                changed.append(result.name)
                kept.append(ProgramEntry(result, format_number(result.quarter_amounts[self.quarter - 1], 0)))
            else:
                program.result = result
                kept.append(program)
        self.entries, self.programs, self.loaded = entries, kept, fresh
        return changed
