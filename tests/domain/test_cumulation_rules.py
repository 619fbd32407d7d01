"""Quarter-to-date targets and realisations under each cumulation rule, with missing and released values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain import round_percent, target_to_date, to_date
from kinerja_desktop.domain.achievement import achievement
from kinerja_desktop.domain.enums import Cumulation

D = Decimal


def test_worked_example_summed_q2_is_110_percent_of_30():
    # GIVEN quarterly targets 10/20/30/40 and realisations Q1 8, Q2 25
    target = target_to_date(100, [10, 20, 30, 40], Cumulation.SUMMED, 2)
    realization = to_date([8, 25, None, None], Cumulation.SUMMED, 2)
    # THEN to date the target is 30 and the realisation 33: capaian 110,00
    assert (target, realization) == (30, 33)
    assert round_percent(achievement(target, realization, "positive")) == D("110.00")


def test_worked_example_last_value_q2_is_99_46():
    target = target_to_date(95, [90, 92, 94, 95], Cumulation.LAST_VALUE, 2)
    realization = to_date([91, D("91.5"), None, None], Cumulation.LAST_VALUE, 2)
    assert (target, realization) == (92, D("91.5"))
    assert round_percent(achievement(target, realization, "positive")) == D("99.46")


def test_summed_adds_the_quarters_so_far():
    assert to_date([1, 2, 3, 4], "summed", 1) == 1
    assert to_date([1, 2, 3, 4], "summed", 3) == 6
    assert to_date([1, 2, 3, 4], "summed", 4) == 10


def test_summed_with_a_missing_quarter_so_far_is_missing_not_counted_as_zero():
    assert to_date([8, None, 5, None], Cumulation.SUMMED, 3) is None


def test_summed_ignores_missing_later_quarters():
    assert to_date([8, 25, None, None], Cumulation.SUMMED, 2) == 33


def test_average_is_the_mean_of_the_quarters_so_far():
    assert to_date([70, 74, 78, 80], Cumulation.AVERAGE, 2) == 72
    assert to_date([70, 74, 78, 80], Cumulation.AVERAGE, 4) == D("75.5")
    assert round_percent(to_date([70, 71, 71, None], Cumulation.AVERAGE, 3)) == D("70.67")


def test_average_with_a_missing_quarter_so_far_is_missing():
    assert to_date([70, None, 78, 80], Cumulation.AVERAGE, 3) is None


def test_last_value_is_the_quarter_itself():
    assert to_date([91, D("91.5"), 93, 94], Cumulation.LAST_VALUE, 3) == 93


def test_last_value_does_not_fall_back_to_an_earlier_quarter():
    # Q3 not reported (belum lapor): showing Q2's 91,5 would hide it
    assert to_date([91, D("91.5"), None, None], Cumulation.LAST_VALUE, 3) is None


def test_flat_realisation_is_the_latest_value():
    assert to_date([3, 4, 5, None], Cumulation.FLAT, 3) == 5
    assert to_date([3, 4, None, None], Cumulation.FLAT, 3) is None


def test_flat_target_is_the_yearly_target_in_every_quarter():
    for quarter in (1, 2, 3, 4):
        assert target_to_date(D("72.5"), [None, None, None, None], Cumulation.FLAT, quarter) == D("72.5")


def test_released_value_is_the_latest_release_never_summed():
    # Opini BPK / IPM published in Q2: Q2, Q3 and Q4 all read that release
    values = [None, D("74.1"), None, None]
    assert to_date(values, Cumulation.RELEASED, 2) == D("74.1")
    assert to_date(values, Cumulation.RELEASED, 4) == D("74.1")
    assert to_date([None, D("74.1"), None, D("74.3")], Cumulation.RELEASED, 4) == D("74.3")


def test_released_before_any_release_is_missing_belum_rilis():
    assert to_date([None, D("74.1"), None, None], Cumulation.RELEASED, 1) is None
    assert to_date([None, None, None, None], Cumulation.RELEASED, 4) is None


def test_released_target_is_the_yearly_target():
    assert target_to_date(D("73.5"), [None, None, None, D("73.5")], Cumulation.RELEASED, 2) == D("73.5")


def test_target_to_date_follows_the_quarterly_plan_for_other_rules():
    quarters = [10, 20, 30, 40]
    assert target_to_date(100, quarters, Cumulation.SUMMED, 4) == 100
    assert target_to_date(75, [70, 74, 78, 78], Cumulation.AVERAGE, 2) == 72
    assert target_to_date(95, [90, 92, 94, 95], "last", 4) == 95


def test_missing_quarterly_target_gives_no_target_to_date():
    assert target_to_date(100, [10, None, 30, 40], Cumulation.SUMMED, 2) is None
    assert target_to_date(None, [10, 20, 30, 40], Cumulation.FLAT, 2) is None


def test_rule_accepts_enum_values_as_strings():
    assert to_date([1, 2, 3, 4], "average", 4) == D("2.5")


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_quarter_outside_one_to_four_is_refused(quarter):
    with pytest.raises(ValueError, match="Triwulan harus 1 sampai 4"):
        to_date([1, 2, 3, 4], Cumulation.SUMMED, quarter)


def test_values_must_be_four_quarters():
    with pytest.raises(ValueError, match="4 nilai triwulan"):
        to_date([1, 2, 3], Cumulation.SUMMED, 2)


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="Aturan kumulasi “cumulative” tidak dikenal"):
        to_date([1, 2, 3, 4], "cumulative", 2)


def test_float_quarter_values_are_refused():
    with pytest.raises(TypeError, match="TW II"):
        to_date([1, 2.5, 3, 4], Cumulation.SUMMED, 2)  # type: ignore[list-item]


def test_flat_target_still_validates_the_quarterly_values():
    with pytest.raises(ValueError, match="4 nilai triwulan"):
        target_to_date(5, [5, 5], Cumulation.FLAT, 1)
