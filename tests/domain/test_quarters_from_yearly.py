"""Filling TW I–IV from the yearly target by the cumulation rule: every fill passes the rule's own check."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja_desktop.domain.enums import Cumulation, Polarity
from kinerja_desktop.domain.targets import quarters_from_yearly, target_problems


@pytest.mark.parametrize(
    ("target", "rule", "quarters"),
    [
        ("10", Cumulation.SUMMED, ("2", "2", "3", "3")),  # whole numbers, the remainder to the last quarters
        ("100", Cumulation.SUMMED, ("25", "25", "25", "25")),
        ("1", Cumulation.SUMMED, ("0", "0", "0", "1")),
        ("2.5", Cumulation.SUMMED, ("0.625", "0.625", "0.625", "0.625")),
        ("92.5", Cumulation.LAST_VALUE, ("92.5", "92.5", "92.5", "92.5")),
        ("72", Cumulation.AVERAGE, ("72", "72", "72", "72")),
        ("3", Cumulation.FLAT, ("3", "3", "3", "3")),
    ],
)
def test_a_fill_meets_the_yearly_target(target: str, rule: Cumulation, quarters: tuple[str, ...]) -> None:
    filled = quarters_from_yearly(D(target), rule)
    assert filled == tuple(D(q) for q in quarters)
    assert target_problems(unit="orang", polarity=Polarity.POSITIVE, cumulation=rule, target=D(target),
                           quarters=filled) == {}


def test_a_released_figure_has_no_quarterly_plan() -> None:
    assert quarters_from_yearly(D("71.5"), Cumulation.RELEASED) is None
