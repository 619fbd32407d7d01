"""What the Evaluasi Triwulan screen and the Beranda show of one quarter, computed in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..db.database import Database
from ..domain.evaluation import EvaluationSettings
from . import evaluation
from .evaluation_data import EarlyWarning, OpdEvaluation, Ranking
from .evaluation_loading import load_settings
from .evaluation_results import evaluate_in


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
    """Everything shown of ``quarter``; the ranking is ``evaluation.ranking``'s, the one the printed list carries.

    One read: the quarter is evaluated once and ranked from those evaluations while it is open.
    """
    with db.read() as session:
        evaluations = evaluate_in(session, year, quarter)
        return QuarterView(
            year,
            quarter,
            evaluation.ranking_in(session, year, quarter, evaluations),
            evaluations,
            evaluation.early_warnings(evaluations),
            evaluation.not_reported(evaluations),
            load_settings(session),
            evaluation.closed_quarters_in(session, year),
        )
