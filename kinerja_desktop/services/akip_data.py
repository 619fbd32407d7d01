"""Plain data of the AKIP evaluation, shared by the services, the Excel import/export, the GUI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..domain.akip import Framework, LkeScore, LkeStatus

__all__ = [
    "AnnualRanking",
    "AnnualRow",
    "AnswerData",
    "EvaluationForm",
    "EvaluationSummary",
    "YearFramework",
    "answer_key",
]


def answer_key(criterion_code: str, part: str = "answer") -> str:
    """The field of an answer's part in a ValidationError: ``answers[1.a.1].answer``."""
    return f"answers[{criterion_code}].{part}"


@dataclass(frozen=True)
class YearFramework:
    """A year's LKE structure; ``stored`` False: not made yet (the one a first save would make)."""

    year: int
    framework: Framework
    stored: bool
    source: str  # "tersimpan", "tahun 2024", "PermenPANRB 88/2021"
    final_count: int = 0  # evaluations of the year that are final (the structure is then fixed)


@dataclass
class AnswerData:
    criterion_code: str
    answer: str | None = None
    evidence: str = ""  # bukti dukung
    notes: str = ""  # catatan evaluator
    recommendation: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.answer or self.evidence.strip() or self.notes.strip() or self.recommendation.strip())


@dataclass
class EvaluationForm:
    """An OPD's evaluation of a year as the Inspektorat fills it (empty when not started)."""

    opd_id: str
    year: int
    evaluator: str = ""
    evaluated_on: date | None = None
    notes: str = ""
    recommendations: str = ""
    answers: dict[str, AnswerData] = field(default_factory=dict)  # by criterion code
    status: LkeStatus = LkeStatus.DRAFT
    version: int | None = None  # None: not stored yet
    opd_name: str = ""

    def answer(self, code: str) -> AnswerData:
        return self.answers.setdefault(code, AnswerData(code))

    def answer_codes(self) -> dict[str, str | None]:
        return {code: a.answer for code, a in self.answers.items()}


@dataclass(frozen=True)
class EvaluationSummary:
    """One OPD's line of the year's list: its score so far (None: not evaluated)."""

    opd_id: str
    opd_code: str
    opd_abbreviation: str
    opd_name: str
    status: LkeStatus | None
    score: LkeScore | None
    evaluator: str = ""

    @property
    def total(self) -> Decimal | None:
        return None if self.score is None else self.score.total

    @property
    def grade(self) -> str | None:
        return None if self.score is None else self.score.grade


@dataclass(frozen=True)
class AnnualRow:
    """The annual ranking: an OPD's AKIP score (what it is ranked by) beside its capaian score of the year."""

    rank: int | None  # by the AKIP score; None without an evaluation
    opd_id: str
    opd_code: str
    opd_abbreviation: str
    opd_name: str
    akip_score: Decimal | None
    akip_grade: str | None
    akip_status: LkeStatus | None
    akip_complete: bool
    capaian_score: Decimal | None  # the year's capaian (Triwulan IV), as the quarterly ranking has it
    capaian_predicate: str | None
    capaian_rank: int | None
    absorption: Decimal | None

    @property
    def note(self) -> str:
        notes = []
        if self.akip_status is None:
            notes.append("belum dievaluasi")
        elif self.akip_status is LkeStatus.DRAFT:
            notes.append("LKE sementara (belum final)")
        if self.akip_status is not None and not self.akip_complete:
            notes.append("ada kriteria belum dijawab")
        if self.capaian_score is None:
            notes.append("nilai capaian belum ada")
        return "; ".join(notes)


@dataclass(frozen=True)
class AnnualRanking:
    year: int
    rows: tuple[AnnualRow, ...]
    award_count: int
    capaian_closed: bool  # Triwulan IV closed: the capaian column is the frozen one

    def winners(self) -> list[AnnualRow]:
        """The best ``award_count`` by AKIP score (all who share the last rank)."""
        return [r for r in self.rows if r.rank is not None and r.rank <= self.award_count]
