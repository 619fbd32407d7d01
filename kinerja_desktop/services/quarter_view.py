"""What the Evaluasi Triwulan screen and the Beranda show of one quarter, computed in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..db.database import Database
from ..domain.evaluation import EvaluationSettings
from . import evaluation
from .evaluation_data import EarlyWarning, OpdEvaluation, Ranking


@dataclass(frozen=True)
class QuarterView:
    """One year and quarter: the ranking, the live evaluations, early warnings and belum lapor."""

    year: int
    quarter: int
    ranking: Ranking  # the frozen snapshot once the quarter is closed, else live (as printed)
    evaluations: list[OpdEvaluation]
    warnings: list[EarlyWarning]
    not_reported: list[OpdEvaluation]
    settings: EvaluationSettings
    closed: dict[int, datetime]  # the year's closed quarters and when they were closed


def load_quarter_view(db: Database, year: int, quarter: int) -> QuarterView:
    """Everything shown of ``quarter``; the ranking is ``evaluation.ranking``'s, the one the printed list carries."""
    evaluations = evaluation.evaluate_quarter(db, year, quarter)
    return QuarterView(
        year,
        quarter,
        evaluation.ranking(db, year, quarter),
        evaluations,
        evaluation.early_warnings(evaluations),
        evaluation.not_reported(evaluations),
        evaluation.current_settings(db),
        evaluation.closed_quarters(db, year),
    )
