"""The flow of the Evaluasi Triwulan wizard in plain Python (no Qt), so its rules are tested without a window.

Steps: choose year, quarter and OPD → realisation of each indicator (with the live capaian) → budget realised
per program → kendala and tindak lanjut (required below 100 %) with evidence files → summary → save.
The Qt wizard (``dialogs/evaluation_wizard.py``) only renders a flow: it asks :meth:`EvaluationFlow.validate`
before Next and :meth:`EvaluationFlow.next_step` for the page that follows, as Electrum's wizard does.
Data come from an :class:`EvaluationSource`, by default the services on an open database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from pathlib import Path
from typing import Protocol

from ..domain import (
    QUALITATIVE_SCALES,
    QualitativeScale,
    absorption,
    achievement,
    efficiency,
    opd_score,
    predicate,
    qualitative_achievement,
    to_date,
)
from ..domain.enums import Cumulation, Quarter
from ..domain.formatting import format_number, format_rupiah, parse_number, parse_rupiah
from ..services.errors import FORM
from ..services.evaluation_data import (
    BudgetInput,
    EvaluationSettings,
    IndicatorResult,
    OpdEvaluation,
    ProgramResult,
    QuarterReport,
    RealizationInput,
)

HUNDRED = Decimal(100)


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


class ServiceSource:
    """The flow's data from the services on an open database."""

    def __init__(self, db) -> None:  # noqa: ANN001 - a Database; imported lazily by callers
        self.db = db

    def settings(self) -> EvaluationSettings:
        from ..services import regency

        profile = regency.get_profile(self.db)
        return EvaluationSettings(
            cap=profile.achievement_cap,
            negative_formula=profile.negative_formula or "2t-r",
            warning_threshold=profile.warning_threshold,
            efficiency_margin=profile.efficiency_margin,
            bands=profile.bands,
        )

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


def scale_of(result: IndicatorResult) -> QualitativeScale | None:
    """The qualitative scale of an indicator, known from its target grade (Opini BPK, AKIP, SPIP)."""
    if not result.target_grade:
        return None
    wanted = result.target_grade.strip().upper()
    return next((s for s in QUALITATIVE_SCALES.values() if wanted in {g.upper() for g in s.grades}), None)


def value_key(indicator_id: str) -> str:
    return f"indicators[{indicator_id}].value"


def problems_key(indicator_id: str) -> str:
    return f"indicators[{indicator_id}].problems"


def budget_key(program_id: str | None) -> str:
    return f"budgets[{program_id}]"


@dataclass
class Reading:
    """The live reading of one indicator as typed: to date, capaian (vs target to date) and progress."""

    realization_to_date: Decimal | None = None
    capaian: Decimal | None = None  # uncapped, against the target to date
    progress: Decimal | None = None  # against the yearly target
    grade: str | None = None
    state: str = "belum diisi"
    error: str = ""  # the typed text cannot be used


@dataclass
class IndicatorEntry:
    """One indicator of the chosen PK as the operator fills it in."""

    result: IndicatorResult  # as stored (targets, the other quarters' values)
    text: str = ""  # realisation of this quarter as typed ("91,5"), or the grade
    problems: str = ""
    follow_up: str = ""
    new_evidence: list[Path] = field(default_factory=list)

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
        self.programs = [
            ProgramEntry(p, format_number(p.quarter_amounts[quarter - 1], 0)) for p in loaded.programs
        ]
        return {}

    @staticmethod
    def _entry(result: IndicatorResult, quarter: int) -> IndicatorEntry:
        if scale_of(result) is not None:
            text = result.grade or ""
        else:
            text = format_number(result.quarter_values[quarter - 1], None)
        return IndicatorEntry(result, text, result.problems, result.follow_up)

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
        if value < 0:
            raise ValueError("Realisasi tidak boleh negatif")
        return value, None

    def reading(self, entry: IndicatorEntry) -> Reading:
        """The live capaian of an entry, computed as the service will compute it after saving."""
        assert self.quarter is not None
        r = entry.result
        try:
            value, grade = self.parsed_value(entry)
        except ValueError as exc:
            return Reading(state="tidak sah", error=str(exc))
        released = r.cumulation is Cumulation.RELEASED
        try:
            if entry.scale is not None:
                assert r.target_grade is not None
                capaian = qualitative_achievement(r.target_grade, grade, entry.scale)
                state = "terisi" if grade else ("belum rilis" if released else "belum diisi")
                return Reading(None, capaian, capaian, grade, state)
            values = list(r.quarter_values)
            values[self.quarter - 1] = value
            real_td = to_date(values, r.cumulation, self.quarter)
            if real_td is None:
                if value is not None:
                    return Reading(state="triwulan sebelumnya belum diisi")
                return Reading(state="belum rilis" if released else "belum diisi")
            if r.target_to_date is None:
                return Reading(real_td, state="target s.d. triwulan belum ditetapkan",
                               error="Target s.d. triwulan belum ditetapkan; realisasi tidak dapat dinilai")
            options = {"target_high": r.target_high, "negative_formula": self.settings.negative_formula}
            capaian = achievement(r.target_to_date, real_td, r.polarity, **options)
            progress = achievement(r.yearly_target, real_td, r.polarity, **options)
            return Reading(real_td, capaian, progress, None, "terisi")
        except ValueError as exc:
            return Reading(state="tidak dapat dihitung", error=str(exc))

    def realization_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        filled = 0
        for entry in self.entries:
            reading = self.reading(entry)
            if entry.text.strip():
                filled += 1
            if reading.error and entry.text.strip():
                errors[value_key(entry.indicator_id)] = f"{entry.result.name}: {reading.error}"
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
        earlier = sum(a or 0 for a in entry.result.quarter_amounts[: self.quarter - 1])
        return earlier + (amount or 0)

    def budget_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for entry in self.programs:
            key = budget_key(entry.program_id)
            try:
                self.parsed_amount(entry)
            except ValueError as exc:
                errors[key] = f"{entry.result.name}: {exc}"
                continue
            to_date_amount = self.budget_to_date(entry) or 0
            if to_date_amount > entry.result.pagu:
                errors[key] = (
                    f"{entry.result.name}: realisasi s.d. triwulan {format_rupiah(to_date_amount)} "
                    f"melebihi pagu {format_rupiah(entry.result.pagu)}"
                )
        return errors

    # -- step 4: kendala and evidence ----------------------------------------------------------------
    def needs_problems(self, entry: IndicatorEntry) -> bool:
        """Kendala and tindak lanjut are required when the capaian to date is under 100 %."""
        capaian = self.reading(entry).capaian
        return capaian is not None and capaian < HUNDRED

    def problems_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for entry in self.entries:
            missing = []
            if self.needs_problems(entry):
                if not entry.problems.strip():
                    missing.append("kendala")
                if not entry.follow_up.strip():
                    missing.append("tindak lanjut")
            if missing:
                capaian = self.reading(entry).capaian
                errors[problems_key(entry.indicator_id)] = (
                    f"{entry.result.name}: capaian {format_number(capaian, 2)} % di bawah 100 %, "
                    f"{' dan '.join(missing)} wajib diisi"
                )
                continue
            unreadable = [p.name for p in entry.new_evidence if not p.is_file()]
            if unreadable:
                errors[problems_key(entry.indicator_id)] = (
                    f"{entry.result.name}: berkas bukti tidak ditemukan: {', '.join(unreadable)}"
                )
        return errors

    # -- step 5: summary -----------------------------------------------------------------------------
    def summary(self) -> Summary:
        lines = []
        capaians: list[Decimal | None] = []
        weights = []
        for entry in self.entries:
            reading = self.reading(entry)
            r = entry.result
            lines.append(SummaryLine(r.name, r.unit, r.target_to_date, r.target_grade, reading))
            capaians.append(reading.capaian)
            weights.append(r.weight)
        score = opd_score(capaians, weights, cap=self.settings.cap) if lines else None
        pagu = sum(p.result.pagu for p in self.programs)
        realized = sum(self.budget_to_date(p) or 0 for p in self.programs)
        serapan = absorption(realized, pagu) if pagu else None
        kind = efficiency(score, serapan, self.settings.efficiency_margin)
        return Summary(
            tuple(lines),
            score,
            predicate(score, self.settings.bands) if score is not None else None,
            serapan,
            kind.label if kind else None,
            sum(1 for c in capaians if c is None),
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
        assert self.year is not None and self.quarter is not None and self.opd_id is not None
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
                )
            )
        budgets = [
            BudgetInput(p.program_id, self.parsed_amount(p)) for p in self.programs if p.program_id is not None
        ]
        return QuarterReport(self.opd_id, self.year, self.quarter, indicators, budgets)

    def finish(self) -> OpdEvaluation:
        """Save everything in one transaction (the service's); raises ValidationError when refused."""
        self.saved = self.source.save(self.build_report())
        return self.saved
