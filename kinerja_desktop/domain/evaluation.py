"""The rules of a quarter's evaluation, once: the reading of one indicator, an OPD's figures, and the checks
a quarter report must pass (negative values, kendala below 100 %, budget beyond the pagu).

The evaluation service applies them to what is stored; the Evaluasi Triwulan wizard applies them to what is
being typed (the typed value put in place of the stored one), so the live capaian is the one the service
computes after saving, and a report the wizard lets through is one the service accepts, with the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .achievement import DEFAULT_CAP, QualitativeScale, achievement, qualitative_achievement
from .cumulation import target_to_date, to_date
from .decimals import HUNDRED
from .enums import Cumulation, Polarity
from .formatting import format_number, format_rupiah
from .scoring import (
    DEFAULT_BANDS,
    DEFAULT_EFFICIENCY_MARGIN,
    Efficiency,
    PredicateBands,
    absorption,
    efficiency,
    opd_score,
    predicate,
)

KENDALA_LIMIT = HUNDRED
"""Capaian under this (to date) needs kendala and tindak lanjut."""

DEFAULT_WARNING_THRESHOLD = Decimal(75)
"""Capaian under the regency's threshold (a setting, default 75 %) is an early warning (peringatan dini)."""

NEGATIVE_REALIZATION = "Realisasi tidak boleh negatif"
NEGATIVE_BUDGET = "Realisasi anggaran tidak boleh negatif"
NO_TARGET_TO_DATE = "Target s.d. triwulan belum ditetapkan; realisasi tidak dapat dinilai"


class ResultState(StrEnum):
    """Why an indicator has (or has not) a capaian for the quarter; the value is the Indonesian label shown."""

    FILLED = "terisi"
    NOT_FILLED = "belum diisi"
    NOT_RELEASED = "belum rilis"  # a figure released by another body (BPS, BPK) not published yet
    EARLIER_MISSING = "triwulan sebelumnya belum diisi"  # summed or averaged: an earlier quarter is missing
    INVALID = "tidak dapat dihitung"  # the figures cannot be scored; the reading's note says why

    @property
    def label(self) -> str:
        return self.value

    @property
    def counted(self) -> bool:
        """The capaian counts in the score (and may be provisional until Bappeda verifies it)."""
        return self is ResultState.FILLED


@dataclass(frozen=True)
class EvaluationSettings:
    """Regency settings that shape scores (stored on the regency row)."""

    cap: Decimal = DEFAULT_CAP
    negative_formula: str = "2t-r"
    warning_threshold: Decimal = DEFAULT_WARNING_THRESHOLD
    efficiency_margin: Decimal = DEFAULT_EFFICIENCY_MARGIN
    bands: PredicateBands = DEFAULT_BANDS


@dataclass(frozen=True, slots=True)
class Reading:
    """One indicator read up to a quarter: to date, capaian (vs target to date) and progress (vs yearly)."""

    state: ResultState
    realization_to_date: Decimal | None = None
    grade: str | None = None  # the latest grade up to the quarter (qualitative indicators)
    capaian: Decimal | None = None  # uncapped, against the target to date
    progress: Decimal | None = None  # against the yearly target
    note: str = ""  # why an INVALID reading could not be scored


def missing_state(cumulation: Cumulation) -> ResultState:
    """The state of an indicator with nothing to count yet: "belum rilis" for released figures."""
    return ResultState.NOT_RELEASED if cumulation is Cumulation.RELEASED else ResultState.NOT_FILLED


def quarter_target(
    polarity: Polarity,
    cumulation: Cumulation,
    yearly: Decimal | None,
    quarters: Sequence[Decimal | None],
    quarter: int,
) -> Decimal | None:
    """The target to date of a quarter; a range indicator's band (from ``yearly``, its low end) holds all year."""
    if polarity is Polarity.RANGE:
        return yearly
    return target_to_date(yearly, quarters, cumulation, quarter)


def latest_grade(grades: Sequence[str | None], quarter: int) -> str | None:
    """The grade of the latest quarter up to ``quarter`` that has one (a released grade stays until the next)."""
    return next((g for g in reversed(grades[:quarter]) if g), None)


def read_indicator(
    *,
    polarity: Polarity,
    cumulation: Cumulation,
    yearly_target: Decimal | None,
    target_to_date: Decimal | None,
    target_high: Decimal | None,
    target_grade: str | None,
    scale: QualitativeScale | str | None,
    values: Sequence[Decimal | None],
    grades: Sequence[str | None],
    quarter: int,
    negative_formula: str = "2t-r",
) -> Reading:
    """The reading of one indicator from its four quarterly values (or grades) as entered.

    A qualitative indicator (a target grade on a known scale) reads the latest grade; a numeric one the
    figure to date under its cumulation rule. Nothing entered gives "belum diisi" ("belum rilis" for
    released figures), never 0; a value entered after a missing quarter of a summed or averaged indicator
    gives "triwulan sebelumnya belum diisi". Figures that cannot be scored (a negative value entered, no
    target to date, a grade off the scale) give INVALID with the reason in ``note``.
    """
    grade = latest_grade(grades, quarter)
    current = values[quarter - 1]
    if current is not None and current < 0:
        return Reading(ResultState.INVALID, grade=grade, note=NEGATIVE_REALIZATION)
    real_td = None
    try:
        if target_grade and scale:
            capaian = qualitative_achievement(target_grade, grade, scale)
            state = ResultState.FILLED if grade else missing_state(cumulation)
            return Reading(state, None, grade, capaian, capaian)
        real_td = to_date(values, cumulation, quarter)
        if real_td is None:
            state = ResultState.EARLIER_MISSING if current is not None else missing_state(cumulation)
            return Reading(state, grade=grade)
        capaian = achievement(
            target_to_date, real_td, polarity, target_high=target_high, negative_formula=negative_formula
        )
        progress = achievement(
            yearly_target, real_td, polarity, target_high=target_high, negative_formula=negative_formula
        )
    except ValueError as exc:
        return Reading(ResultState.INVALID, real_td, grade, note=str(exc))
    if capaian is None:
        return Reading(ResultState.INVALID, real_td, grade, None, progress, NO_TARGET_TO_DATE)
    return Reading(ResultState.FILLED, real_td, grade, capaian, progress)


def needs_kendala(capaian: Decimal | None) -> bool:
    """Kendala and tindak lanjut are required when the capaian to date is under 100 %."""
    return capaian is not None and capaian < KENDALA_LIMIT


def early_warning(capaian: Decimal | None, threshold: Decimal) -> bool:
    """The capaian to date is under the regency's early-warning threshold (peringatan dini)."""
    return capaian is not None and capaian < threshold


def budget_to_date(quarter_amounts: Sequence[int | None], quarter: int) -> int:
    """Rupiah realised up to ``quarter``: the quarters' amounts summed, a missing quarter as nothing spent."""
    return sum(a or 0 for a in quarter_amounts[:quarter])


@dataclass(frozen=True)
class OpdFigures:
    """What an OPD's indicators and programs add up to for a quarter."""

    score: Decimal | None
    predicate: str | None
    absorption: Decimal | None
    efficiency: Efficiency | None
    missing: int  # indicators without a capaian: not counted, flagged


def opd_figures(
    capaians: Sequence[Decimal | None],
    weights: Sequence[Decimal],
    realized_to_date: int,
    pagu: int,
    settings: EvaluationSettings,
) -> OpdFigures:
    """Score (weighted mean of the capped capaian), predicate, serapan and efficiency of one OPD."""
    score = opd_score(capaians, weights, cap=settings.cap)
    serapan = absorption(realized_to_date, pagu) if pagu else None
    return OpdFigures(
        score,
        predicate(score, settings.bands) if score is not None else None,
        serapan,
        efficiency(score, serapan, settings.efficiency_margin),
        sum(1 for c in capaians if c is None),
    )


# --- the checks of a quarter report: an Indonesian message naming the indicator or program, or None ----------


def negative_budget_problem(name: str, amount: Decimal | int | None) -> str | None:
    """Budget realised is never negative (a negative realisation is refused by :func:`read_indicator`)."""
    return f"{name}: {NEGATIVE_BUDGET}" if amount is not None and amount < 0 else None


def reading_problem(name: str, state: ResultState, note: str, entered: bool) -> str | None:
    """A value entered for the quarter that cannot be scored is refused, a negative one among them (a stored
    earlier quarter's problem is not the report's)."""
    if entered and state is ResultState.INVALID and note:
        return f"{name}: {note}"
    return None


def kendala_problem(name: str, capaian: Decimal | None, problems: str, follow_up: str) -> str | None:
    """Below 100 % the kendala and the tindak lanjut must both be written; the message names what is missing."""
    if not needs_kendala(capaian):
        return None
    missing = [what for what, text in (("kendala", problems), ("tindak lanjut", follow_up)) if not text.strip()]
    if not missing:
        return None
    return (
        f"{name}: capaian {format_number(capaian, 2)} % di bawah {format_number(KENDALA_LIMIT, None)} %, "
        f"{' dan '.join(missing)} wajib diisi"
    )


def over_pagu(realized_to_date: int, pagu: int) -> bool:
    """More rupiah realised up to the quarter than the program's pagu."""
    return realized_to_date > pagu


def pagu_problem(name: str, realized_to_date: int, pagu: int) -> str | None:
    """The budget realised up to the quarter may not exceed the program's pagu."""
    if not over_pagu(realized_to_date, pagu):
        return None
    return (
        f"{name}: realisasi anggaran s.d. triwulan {format_rupiah(realized_to_date)} "
        f"melebihi pagu {format_rupiah(pagu)}"
    )

