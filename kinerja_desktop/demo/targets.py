"""The demo's yearly and quarterly targets and the calendar rules its realisations follow (pure functions)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ..db.models import IndicatorTarget
from ..domain.formatting import round_half_up
from . import catalog as cat

SUMMED_SHARES = (Decimal("0.20"), Decimal("0.25"), Decimal("0.25"))  # Q4 takes the rest
YEAR_TO_DATE_SHARES = (Decimal("0.20"), Decimal("0.45"), Decimal("0.70"))  # Q4 is the yearly target


def fill_target(target: IndicatorTarget, spec: cat.IndicatorSpec, n: int, previous: Decimal | None) -> None:
    """Yearly target (interpolated 2025 → 2029) and its quarters, following the cumulation rule."""
    if spec.scale:
        target.target_grade = spec.first
        return
    first, last = Decimal(spec.first), Decimal(spec.last)
    if spec.kind[0] == "r":  # a band: the same every year and every quarter
        target.target, target.target_high = first, last
        target.q1 = target.q2 = target.q3 = target.q4 = first
        return
    year_target = round_half_up(first + (last - first) * n / 4, spec.places)
    target.target = year_target
    kind = spec.kind[1:].strip()
    quarters: list[Decimal | None]
    if kind == "sum":
        first_three = [round_half_up(year_target * share, spec.places) for share in SUMMED_SHARES]
        quarters = [*first_three, year_target - sum(first_three)]
    elif kind == "ytd":
        quarters = [round_half_up(year_target * share, spec.places) for share in YEAR_TO_DATE_SHARES]
        quarters.append(year_target)
    elif kind == "last":
        start = previous if previous is not None else year_target
        quarters = [round_half_up(start + (year_target - start) * k / 4, spec.places) for k in (1, 2, 3)]
        quarters.append(year_target)
    elif kind in ("avg", "flat"):
        quarters = [year_target] * 4
    else:  # released once a year, in its release quarter
        quarters = [year_target if q == spec.release_quarter else None for q in (1, 2, 3, 4)]
    target.q1, target.q2, target.q3, target.q4 = quarters


def quarter_target(target: IndicatorTarget, quarter: int) -> Decimal | None:
    return (target.q1, target.q2, target.q3, target.q4)[quarter - 1]


def expects_report(spec: cat.IndicatorSpec, target: IndicatorTarget, quarter: int) -> bool:
    """Released figures are reported only in the quarter they are published; others every quarter."""
    if spec.scale:
        return quarter == spec.release_quarter
    return quarter_target(target, quarter) is not None


def ceiling(spec: cat.IndicatorSpec) -> Decimal | None:
    """Percentages and 0–100 indices cannot pass 100 (unless their targets do, e.g. cost recovery)."""
    if spec.unit in ("%", "nilai") and max(Decimal(spec.first), Decimal(spec.last)) <= 100:
        return Decimal(100)
    return None


def quarter_end(year: int, quarter: int) -> date:
    return date(year, 12, 31) if quarter == 4 else date(year, 3 * quarter + 1, 1) - timedelta(days=1)


def round_thousands(amount: int) -> int:
    return (amount + 500) // 1000 * 1000
