"""Plain results of a quarterly evaluation, shared by the wizard, the dashboard, reports and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from ..domain import Efficiency
from ..domain.enums import Cumulation, Polarity
from ..domain.evaluation import EvaluationSettings, ResultState

__all__ = [
    "NOT_FILLED",
    "NOT_RELEASED",
    "BudgetInput",
    "EarlyWarning",
    "EvaluationSettings",
    "IndicatorResult",
    "OpdEvaluation",
    "ProgramResult",
    "QuarterReport",
    "Ranking",
    "RankingRow",
    "RealizationInput",
    "ResultState",
    "budget_key",
    "problems_key",
    "value_key",
]

# Two states by their former names: the printed evaluation labels missing figures with them.
NOT_FILLED = ResultState.NOT_FILLED
NOT_RELEASED = ResultState.NOT_RELEASED


# Field names of a quarter report's problems (ValidationError keys), shared by the service and the wizard.
def value_key(indicator_id: str) -> str:
    return f"indicators[{indicator_id}].value"


def problems_key(indicator_id: str) -> str:
    return f"indicators[{indicator_id}].problems"


def budget_key(program_id: str | None) -> str:
    return f"budgets[{program_id}]"


@dataclass(frozen=True)
class IndicatorResult:
    indicator_id: str
    sasaran: str
    name: str
    unit: str
    polarity: Polarity
    cumulation: Cumulation
    weight: Decimal
    yearly_target: Decimal | None
    target_high: Decimal | None
    target_grade: str | None
    target_to_date: Decimal | None
    quarter_values: tuple[Decimal | None, ...]
    realization_to_date: Decimal | None
    grade: str | None
    capaian: Decimal | None  # against the target to date (the quarter's plan), uncapped
    capaian_capped: Decimal | None
    progress: Decimal | None  # against the yearly target
    state: ResultState
    below_threshold: bool
    problems: str
    follow_up: str
    verified: bool
    evidence_count: int
    note: str = ""  # why a capaian could not be computed
    scale: str | None = None  # the qualitative scale of a graded indicator ("opini_bpk", "akip", "spip")
    quarter_grades: tuple[str | None, ...] = (None, None, None, None)  # as entered, TW I–IV

    def entered(self, quarter: int) -> bool:
        """A value or a grade was entered for ``quarter`` itself (an earlier quarter's does not count)."""
        return self.quarter_values[quarter - 1] is not None or bool(self.quarter_grades[quarter - 1])


@dataclass(frozen=True)
class ProgramResult:
    program_id: str | None
    code: str
    name: str
    pagu: int
    quarter_amounts: tuple[int | None, ...]
    realized_to_date: int
    absorption: Decimal | None


@dataclass(frozen=True)
class OpdEvaluation:
    opd_id: str
    opd_code: str
    opd_abbreviation: str
    opd_name: str
    year: int
    quarter: int
    agreement_id: str
    indicators: tuple[IndicatorResult, ...]
    programs: tuple[ProgramResult, ...]
    score: Decimal | None
    predicate: str | None
    absorption: Decimal | None
    efficiency: Efficiency | None
    missing: int  # indicators without a realisation to date
    # The row versions of this quarter's realisations as read (indicator id or program id → version; no row: 0).
    # A form saves them back, so that a change another computer made in between is not overwritten.
    versions: dict[str, int] = field(default_factory=dict, compare=False)
    budget_versions: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def reported(self) -> bool:
        """False when the OPD entered nothing for the quarter (belum lapor)."""
        return any(r.quarter_values[self.quarter - 1] is not None or r.grade for r in self.indicators)

    @property
    def provisional(self) -> bool:
        """Some counted realisation has not been verified by Bappeda (sementara)."""
        return any(r.state.counted and not r.verified for r in self.indicators)

    @property
    def pagu(self) -> int:
        return sum(p.pagu for p in self.programs)

    @property
    def realized_to_date(self) -> int:
        return sum(p.realized_to_date for p in self.programs)


@dataclass(frozen=True)
class RankingRow:
    rank: int | None
    opd_id: str
    opd_code: str
    opd_abbreviation: str
    opd_name: str
    score: Decimal | None
    predicate: str | None
    absorption: Decimal | None
    efficiency: str | None
    missing: int
    indicator_count: int
    reported: bool
    provisional: bool

    @property
    def verified(self) -> bool:
        """The OPD's report counts as verified by Bappeda: reported, and no counted value "sementara"."""
        return self.reported and not self.provisional

    @property
    def note(self) -> str:
        """The flag, saying "sementara" whenever the score is (beside indicators not filled too)."""
        flag = self.flag
        if self.reported and self.provisional and "sementara" not in flag:
            return f"{flag}; sementara (belum diverifikasi)"
        return flag

    @property
    def flag(self) -> str:
        if not self.reported:
            return "belum lapor"
        if self.missing:
            return f"{self.missing} indikator belum diisi"
        if self.provisional:
            return "sementara (belum diverifikasi)"
        return ""


@dataclass(frozen=True)
class Ranking:
    year: int
    quarter: int
    rows: tuple[RankingRow, ...]
    closed_at: datetime | None = None  # set when read from the frozen snapshot of a closed quarter
    closed_by: str = ""


@dataclass(frozen=True)
class EarlyWarning:
    opd_abbreviation: str
    opd_name: str
    indicator: str
    capaian: Decimal
    problems: str
    follow_up: str


@dataclass
class RealizationInput:
    indicator_id: str
    value: Decimal | None = None
    grade: str | None = None
    problems: str = ""
    follow_up: str = ""
    new_evidence: list[Path] = field(default_factory=list)
    # The version of the quarter's row the form was filled from (0: there was none); None: not checked (a script).
    version: int | None = None


@dataclass
class BudgetInput:
    program_id: str
    amount: int | None
    version: int | None = None  # as RealizationInput.version


@dataclass
class QuarterReport:
    opd_id: str
    year: int
    quarter: int
    indicators: list[RealizationInput] = field(default_factory=list)
    budgets: list[BudgetInput] = field(default_factory=list)
