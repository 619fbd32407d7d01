"""What the Evaluasi Triwulan screen and the Beranda show of one quarter, computed in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..db.database import Database
from ..domain.evaluation import EvaluationSettings
from . import evaluation, overview
from .errors import ValidationError
from .evaluation_data import EarlyWarning, OpdEvaluation, Ranking
from .evaluation_results import EvaluationInputs, load_inputs


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
    inputs: EvaluationInputs | None = field(default=None, repr=False, compare=False)  # what was read

    def trend(self, opd_id: str) -> dict[int, OpdEvaluation | None]:
        """The OPD evaluated up to each quarter of the year from what was read for this view (None: no signed
        PK): as :func:`evaluation.quarter_trend` gives it, without reading again."""
        if self.inputs is None:
            return dict.fromkeys((1, 2, 3, 4))
        by_quarter = {quarter: self.inputs.evaluate(quarter, opd_id) for quarter in (1, 2, 3, 4)}
        return {quarter: (found[0] if found else None) for quarter, found in by_quarter.items()}


def load_quarter_view(db: Database, year: int, quarter: int | None) -> QuarterView:
    """Everything shown of ``quarter``; the ranking is ``evaluation.ranking``'s, the one the printed list carries.
    ``quarter`` None: the latest quarter an active OPD reported in (:func:`overview.latest_reported_quarter`), TW I
    when none did, told from what is read for the view.

    One read: the quarter is evaluated once and ranked from those evaluations while it is open.
    """
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise ValidationError.single("quarter", "Triwulan harus 1 sampai 4")
    with db.read() as session:
        inputs = load_inputs(session, year)
        if quarter is None:
            quarter = overview.latest_reported_quarter_in(session, year, inputs.latest_entered) or 1
        evaluations = inputs.evaluate(quarter)
        return QuarterView(
            year,
            quarter,
            evaluation.ranking_in(session, year, quarter, evaluations),
            evaluations,
            evaluation.early_warnings(evaluations),
            evaluation.not_reported(evaluations),
            inputs.settings,
            evaluation.closed_quarters_in(session, year),
            inputs,
        )
