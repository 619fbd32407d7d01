"""Quarterly targets implied by a yearly target when an import leaves TW I–IV empty."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja_desktop.domain.enums import Cumulation, Polarity
from kinerja_desktop.domain.targets import derived_quarters, target_problems


def test_summed_targets_split_in_their_own_precision() -> None:
    assert derived_quarters(Cumulation.SUMMED, Polarity.POSITIVE, D(10)) == (D(2), D(2), D(3), D(3))
    assert derived_quarters(Cumulation.SUMMED, Polarity.POSITIVE, D(100)) == (D(25), D(25), D(25), D(25))
    assert derived_quarters(Cumulation.SUMMED, Polarity.POSITIVE, D("7.5")) == (
        D("1.8"), D("1.9"), D("1.9"), D("1.9"))


def test_last_value_runs_in_a_line_from_the_start_to_the_target() -> None:
    # stunting 16 % last year, 14 % this year: 15,5 · 15 · 14,5 · 14
    assert derived_quarters(Cumulation.LAST_VALUE, Polarity.NEGATIVE, D(14), D(16)) == (
        D("15.5"), D(15), D("14.5"), D(14))
    assert derived_quarters(Cumulation.LAST_VALUE, Polarity.POSITIVE, D(95)) == (D(95),) * 4


def test_average_and_flat_hold_the_target_and_released_or_range_have_none() -> None:
    assert derived_quarters(Cumulation.AVERAGE, Polarity.RANGE, D(60)) == (None,) * 4
    assert derived_quarters(Cumulation.AVERAGE, Polarity.POSITIVE, D(60)) == (D(60),) * 4
    assert derived_quarters(Cumulation.FLAT, Polarity.POSITIVE, D("3.5")) == (D("3.5"),) * 4
    assert derived_quarters(Cumulation.RELEASED, Polarity.POSITIVE, D(72)) == (None,) * 4
    assert derived_quarters(Cumulation.SUMMED, Polarity.POSITIVE, None) == (None,) * 4


@pytest.mark.parametrize("cumulation", list(Cumulation))
@pytest.mark.parametrize("target", [D(1), D(7), D("12.34"), D(80), D("99.9"), D(1_250_000)])
@pytest.mark.parametrize("start", [None, D(0), D("50.5"), D(90)])
def test_what_is_derived_passes_the_target_checks(cumulation: Cumulation, target: D, start: D | None) -> None:
    quarters = derived_quarters(cumulation, Polarity.POSITIVE, target, start)
    assert target_problems(unit="orang", polarity=Polarity.POSITIVE, cumulation=cumulation, target=target,
                           quarters=quarters) == {}
