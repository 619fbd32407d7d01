"""Computing a quarter's results from the loaded rows with the domain's evaluation rules.

Part of the evaluation service (``services/evaluation.py`` is the front door). Every rule (the reading of an
indicator, the score, serapan) is in ``domain/evaluation.py``; this module feeds it what was loaded and
remembers the results of unchanged indicators.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.orm import Session

from ..domain import absorption, capped
from ..domain.enums import AgreementKind
from ..domain.evaluation import (
    EvaluationSettings,
    OpdFigures,
    Reading,
    ResultState,
    budget_to_date,
    early_warning,
    latest_grade,
    opd_figures,
    quarter_target,
    read_indicator,
)
from .errors import ValidationError
from .evaluation_data import IndicatorResult, OpdEvaluation, ProgramResult
from .evaluation_loading import (
    NOT_ENTERED,
    AgreementRow,
    ItemRow,
    agreement_rows,
    budget_realizations,
    load_settings,
    realizations,
)
from .evaluation_loading import (
    scales as indicator_scales,
)

_NOTHING_ENTERED = (NOT_ENTERED,) * 4


class _Remembered:
    """The results remembered under one set of the regency's settings: of indicators and of OPDs' figures.

    One cache per settings keeps the settings (a dataclass hashed field by field) out of every key.
    """

    def __init__(self, settings: EvaluationSettings) -> None:
        def indicator(item: ItemRow, quarter: int, entered: tuple, scale: str | None) -> IndicatorResult:
            return indicator_result(item, quarter, entered, scale, settings)

        def figures(capaians: tuple, weights: tuple, realized: int, pagu: int) -> OpdFigures:
            return opd_figures(capaians, weights, realized, pagu, settings)

        self.indicator = lru_cache(maxsize=1 << 15)(indicator)
        self.figures = lru_cache(maxsize=1 << 12)(figures)


_REMEMBERED: dict[EvaluationSettings, _Remembered] = {}


def _remembered(settings: EvaluationSettings) -> _Remembered:
    found = _REMEMBERED.get(settings)
    if found is None:
        if len(_REMEMBERED) >= 4:  # settings changed several times: forget the old ones
            _REMEMBERED.clear()
        found = _REMEMBERED[settings] = _Remembered(settings)
    return found


def indicator_result(
    item: ItemRow, quarter: int, entered: tuple, scale: str | None, settings: EvaluationSettings
) -> IndicatorResult:
    """The result of one indicator from what was entered for TW I–IV (as :func:`.evaluation_loading.realizations`
    gives it): a pure function of what was loaded, so it is remembered.

    The domain formulas validate every number they are given, which costs more than loading the data
    when thousands of indicators are ranked; the dashboard recomputes the same quarter again and again.
    Every argument is immutable and part of the key, so a changed realisation, target or setting is
    simply a new key. (Decimals read from the database have one form per value, so equal keys mean
    equal inputs.)
    """
    values = tuple(e[0] for e in entered)
    grades = tuple(e[1] for e in entered)
    _, _, problems, follow_up, verified, evidence_count = entered[quarter - 1]
    target_td = None
    try:
        if not (item.target_grade and scale):
            quarters = (item.q1, item.q2, item.q3, item.q4)
            target_td = quarter_target(item.polarity, item.cumulation, item.target, quarters, quarter)
    except ValueError as exc:  # a malformed quarterly target: nothing can be read against it
        reading = Reading(ResultState.INVALID, grade=latest_grade(grades, quarter), note=str(exc))
    else:
        reading = read_indicator(
            polarity=item.polarity,
            cumulation=item.cumulation,
            yearly_target=item.target,
            target_to_date=target_td,
            target_high=item.target_high,
            target_grade=item.target_grade,
            scale=scale,
            values=values,
            grades=grades,
            quarter=quarter,
            negative_formula=settings.negative_formula,
        )
    return IndicatorResult(
        indicator_id=item.indicator_id,
        sasaran=item.sasaran,
        name=item.indicator_name,
        unit=item.unit,
        polarity=item.polarity,
        cumulation=item.cumulation,
        weight=item.weight,
        yearly_target=item.target,
        target_high=item.target_high,
        target_grade=item.target_grade,
        target_to_date=target_td,
        quarter_values=values,
        realization_to_date=reading.realization_to_date,
        grade=reading.grade,
        capaian=reading.capaian,
        capaian_capped=capped(reading.capaian, settings.cap),
        progress=reading.progress,
        state=reading.state,
        below_threshold=early_warning(reading.capaian, settings.warning_threshold),
        problems=problems or "",
        follow_up=follow_up or "",
        # nothing entered this quarter (a value carried from an earlier one): nothing of this report to verify
        verified=bool(verified) or (values[quarter - 1] is None and not grades[quarter - 1]),
        evidence_count=evidence_count,
        note=reading.note,
        scale=scale if item.target_grade else None,
        quarter_grades=grades,
    )


def evaluate(
    agreement: AgreementRow,
    quarter: int,
    reals: dict[str, tuple[tuple, ...]],
    budgets: dict[str, dict[int, int]],
    scales: dict[str, str],
    settings: EvaluationSettings,
) -> OpdEvaluation:
    """One OPD's results for a quarter from its signed agreement and what was realised."""
    remembered = _remembered(settings)
    result_of = remembered.indicator
    indicators = tuple(
        result_of(item, quarter, reals.get(item.indicator_id, _NOTHING_ENTERED), scales.get(item.indicator_id))
        for item in agreement.items
    )
    programs = []
    for program in agreement.programs:
        amounts = budgets.get(program.program_id, {}) if program.program_id else {}
        quarter_amounts = tuple(amounts.get(q) for q in (1, 2, 3, 4))
        to_date_amount = budget_to_date(quarter_amounts, quarter)
        programs.append(
            ProgramResult(
                program.program_id,
                program.code,
                program.name,
                program.budget,
                quarter_amounts,
                to_date_amount,
                absorption(to_date_amount, program.budget),
            )
        )
    figures = remembered.figures(
        tuple(r.capaian for r in indicators),
        tuple(r.weight for r in indicators),
        sum(p.realized_to_date for p in programs),
        sum(p.pagu for p in programs),
    )
    opd = agreement.opd
    return OpdEvaluation(
        opd_id=opd.id,
        opd_code=opd.code,
        opd_abbreviation=opd.abbreviation,
        opd_name=agreement.opd_name or opd.name,
        year=agreement.year,
        quarter=quarter,
        agreement_id=agreement.id,
        indicators=indicators,
        programs=tuple(programs),
        score=figures.score,
        predicate=figures.predicate,
        absorption=figures.absorption,
        efficiency=figures.efficiency,
        missing=figures.missing,
    )


def evaluate_in(
    session: Session, year: int, quarter: int, opd_id: str | None = None, kind: AgreementKind = AgreementKind.OPD
) -> list[OpdEvaluation]:
    """Every OPD with a signed PK for the year (or the one given), evaluated up to ``quarter``; with a lower
    ``kind`` each signed PK of that level inside the OPDs (the pohon kinerja's readings)."""
    if quarter not in (1, 2, 3, 4):
        raise ValidationError.single("quarter", "Triwulan harus 1 sampai 4")
    return evaluate_quarters_in(session, year, (quarter,), opd_id, kind)[quarter]


def evaluate_quarters_in(
    session: Session,
    year: int,
    quarters: tuple[int, ...] = (1, 2, 3, 4),
    opd_id: str | None = None,
    kind: AgreementKind = AgreementKind.OPD,
) -> dict[int, list[OpdEvaluation]]:
    """:func:`evaluate_in` for each of ``quarters`` from one read of the year (a quarter's evaluations equal
    what :func:`evaluate_in` gives for it alone)."""
    inputs = load_inputs(session, year, opd_id, kind)
    return {quarter: inputs.evaluate(quarter) for quarter in quarters}


@dataclass(frozen=True)
class EvaluationInputs:
    """What a year's evaluation is computed from, read once: any quarter of any of its OPDs is then evaluated
    without reading again (the Evaluasi screen's line chart of the selected OPD)."""

    agreements: list[AgreementRow]
    reals: dict[str, tuple[tuple, ...]]
    budgets: dict[str, dict[int, int]]
    scales: dict[str, str]
    settings: EvaluationSettings
    # The latest quarter any indicator of the year (of a signed PK or not) has a value or grade in, 0 when none
    # has; None when not known from what was read (only some indicators' rows were read).
    latest_entered: int | None = None

    def evaluate(self, quarter: int, opd_id: str | None = None) -> list[OpdEvaluation]:
        return [
            evaluate(a, quarter, self.reals, self.budgets, self.scales, self.settings)
            for a in self.agreements
            if opd_id is None or a.opd.id == opd_id
        ]


def load_inputs(
    session: Session, year: int, opd_id: str | None = None, kind: AgreementKind = AgreementKind.OPD
) -> EvaluationInputs:
    agreements = agreement_rows(session, year, opd_id, kind)
    indicator_ids = {item.indicator_id for a in agreements for item in a.items}
    reals, latest_entered = realizations(session, year, indicator_ids)
    # One OPD: its own programs' budget rows; every OPD: the whole year at once.
    program_ids = None if opd_id is None else [p.program_id for a in agreements for p in a.programs if p.program_id]
    budgets = budget_realizations(session, year, program_ids)
    return EvaluationInputs(
        agreements, reals, budgets, indicator_scales(session, indicator_ids), load_settings(session), latest_entered
    )
