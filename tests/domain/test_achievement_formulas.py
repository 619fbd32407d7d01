"""Capaian formulas: the worked examples of DOMAIN.md, the t/r setting, zero targets, invalid input, scales."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain import (
    AKIP_GRADES,
    OPINI_BPK,
    QUALITATIVE_SCALES,
    SPIP_MATURITY,
    NegativeFormula,
    QualitativeScale,
    as_decimal,
    capped,
    qualitative_achievement,
    round_percent,
)
from kinerja_desktop.domain.achievement import achievement
from kinerja_desktop.domain.enums import Polarity


def shown(value: Decimal | None) -> str | None:
    """The capaian as printed with two decimals (round half up)."""
    rounded = round_percent(value)
    return None if rounded is None else str(rounded)


# --- Worked examples of DOMAIN.md ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "target", "realization", "polarity", "target_high", "expected"),
    [
        ("APM SD", "95", "93", "positive", None, "97.89"),
        ("investors", "80", "100", "positive", None, "125.00"),
        ("AKI", "80", "70", "negative", None, "112.50"),
        ("stunting", "14", "16.1", "negative", None, "85.00"),
        ("bad year", "10", "25", "negative", None, "0.00"),
        ("BOR", "60", "72", "range", "85", "100.00"),
        ("BOR low", "60", "54", "range", "85", "90.00"),
        ("BOR high", "60", "90", "range", "85", "94.12"),
    ],
)
def test_worked_examples_of_domain_md(case, target, realization, polarity, target_high, expected):
    # GIVEN a worked example WHEN its capaian is computed THEN it prints as in DOMAIN.md
    value = achievement(Decimal(target), Decimal(realization), polarity, target_high=target_high)
    assert shown(value) == expected, case


def test_investors_score_is_capped_at_120_while_capaian_stays_125():
    value = achievement(80, 100, Polarity.POSITIVE)
    assert value == Decimal(125)
    assert capped(value) == Decimal(120)


def test_bad_year_is_floored_at_zero_not_minus_fifty():
    assert achievement(10, 25, "negative") == 0


def test_results_are_not_rounded_inside():
    value = achievement(95, 93, "positive")
    assert value is not None
    assert value != round_percent(value)
    assert value.quantize(Decimal("0.000001")) == Decimal("97.894737")


def test_polarity_accepts_enum_members_and_their_values():
    assert achievement(80, 70, Polarity.NEGATIVE) == achievement(80, 70, "negative") == Decimal("112.5")
    assert achievement(60, 72, Polarity.RANGE, target_high=85) == 100


# --- Negative indicators: t/r alternative and zero targets -------------------------------------


def test_target_over_realization_formula_for_negative_indicators():
    assert shown(achievement(80, 70, "negative", negative_formula="t/r")) == "114.29"
    assert shown(achievement(14, "16.1", "negative", negative_formula=NegativeFormula.TARGET_OVER_REALIZATION)) == (
        "86.96"
    )
    assert achievement(10, 25, "negative", negative_formula="t/r") == 40


def test_target_over_realization_refuses_zero_realization_with_positive_target():
    with pytest.raises(ValueError, match="realisasi 0"):
        achievement(80, 0, "negative", negative_formula="t/r")


@pytest.mark.parametrize("formula", ["2t-r", "t/r"])
def test_zero_target_on_negative_indicator_gives_100_for_zero_and_0_above(formula):
    assert achievement(0, 0, "negative", negative_formula=formula) == 100
    assert achievement(0, "0.01", "negative", negative_formula=formula) == 0
    assert achievement(0, 3, "negative", negative_formula=formula) == 0


def test_zero_target_on_positive_indicator_is_invalid():
    with pytest.raises(ValueError, match="Target 0 tidak sah untuk indikator positif"):
        achievement(0, 5, "positive")


def test_zero_target_on_positive_indicator_is_invalid_even_before_realisation():
    with pytest.raises(ValueError, match="Target 0"):
        achievement(0, None, "positive")


# --- Range indicators ---------------------------------------------------------------------------


def test_range_bounds_are_inside_the_band():
    assert achievement(60, 60, "range", target_high=85) == 100
    assert achievement(60, 85, "range", target_high=85) == 100


def test_range_far_above_the_band_floors_at_zero():
    assert achievement(60, 200, "range", target_high=85) == 0


def test_range_with_zero_low_end_gives_100_from_zero_to_high():
    assert achievement(0, 0, "range", target_high=5) == 100
    assert achievement(0, -1, "range", target_high=5) == 0


def test_range_without_high_end_is_invalid():
    with pytest.raises(ValueError, match="memerlukan batas atas"):
        achievement(60, 72, "range")


def test_range_low_end_above_high_end_is_invalid():
    with pytest.raises(ValueError, match=r"Batas bawah rentang \(85\) melebihi batas atas \(60\)"):
        achievement(85, 72, "range", target_high=60)


def test_range_high_end_must_be_above_zero():
    with pytest.raises(ValueError, match="Batas atas rentang harus lebih dari 0"):
        achievement(0, 0, "range", target_high=0)


def test_target_high_is_ignored_for_other_polarities():
    assert achievement(95, 93, "positive", target_high=1) == achievement(95, 93, "positive")


# --- Missing values -----------------------------------------------------------------------------


@pytest.mark.parametrize("polarity", ["positive", "negative"])
def test_missing_realisation_gives_no_capaian_not_zero(polarity):
    assert achievement(80, None, polarity) is None


def test_missing_realisation_on_range_gives_no_capaian():
    assert achievement(60, None, "range", target_high=85) is None


def test_missing_target_gives_no_capaian():
    assert achievement(None, 93, "positive") is None


def test_capped_lets_missing_capaian_pass_through():
    assert capped(None) is None
    assert round_percent(None) is None


# --- Invalid input ------------------------------------------------------------------------------


def test_unknown_polarity_is_refused_in_indonesian():
    with pytest.raises(ValueError, match="Polaritas “upward” tidak dikenal"):
        achievement(1, 1, "upward")


def test_unknown_negative_formula_is_refused_in_indonesian():
    with pytest.raises(ValueError, match="Rumus indikator negatif “r/t” tidak dikenal"):
        achievement(1, 1, "negative", negative_formula="r/t")


def test_unknown_formula_is_refused_even_for_positive_indicators():
    with pytest.raises(ValueError, match="tidak dikenal"):
        achievement(1, 1, "positive", negative_formula="x")


@pytest.mark.parametrize("polarity", ["positive", "negative"])
def test_negative_target_is_invalid(polarity):
    with pytest.raises(ValueError, match="Target tidak boleh negatif"):
        achievement(-5, 1, polarity)


def test_negative_realisation_is_invalid_for_negative_indicators():
    with pytest.raises(ValueError, match="Realisasi indikator negatif tidak boleh kurang dari 0"):
        achievement(5, -1, "negative")


def test_negative_realisation_of_positive_indicator_floors_at_zero():
    # a growth rate (laju pertumbuhan ekonomi) can contract
    assert achievement("5.2", "-1.5", "positive") == 0


def test_float_is_refused_to_keep_values_exact():
    with pytest.raises(TypeError, match="float tidak eksak"):
        achievement(95.0, 93, "positive")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        achievement(95, 93.5, "positive")  # type: ignore[arg-type]


def test_bool_is_refused():
    with pytest.raises(TypeError):
        as_decimal(True)  # type: ignore[arg-type]


def test_numeric_strings_are_accepted_and_indonesian_text_is_refused():
    assert achievement("95", " 93 ", "positive") == achievement(Decimal(95), Decimal(93), "positive")
    with pytest.raises(ValueError, match="bukan angka yang sah"):
        achievement("95", "92,5", "positive")


def test_non_finite_values_are_refused():
    with pytest.raises(ValueError, match="terhingga"):
        achievement(Decimal("NaN"), 1, "positive")
    with pytest.raises(ValueError, match="terhingga"):
        achievement("Infinity", 1, "positive")


def test_result_does_not_depend_on_the_callers_decimal_context():
    from decimal import localcontext

    with localcontext() as ctx:
        ctx.prec = 3
        value = achievement(95, 93, "positive")
    assert shown(value) == "97.89"


# --- Cap ----------------------------------------------------------------------------------------


def test_capped_keeps_values_below_the_cap():
    assert capped(Decimal("97.89")) == Decimal("97.89")
    assert capped(Decimal("120")) == 120


def test_capped_with_a_regency_cap_of_100():
    assert capped(Decimal("125"), cap=100) == 100


def test_cap_must_be_above_zero():
    with pytest.raises(ValueError, match="Batas atas capaian"):
        capped(Decimal(50), cap=0)


# --- Qualitative scales -------------------------------------------------------------------------


def test_scales_are_ordered_worst_first():
    assert OPINI_BPK.grades == ("TMP", "TW", "WDP", "WTP")
    assert AKIP_GRADES.grades == ("D", "C", "CC", "B", "BB", "A", "AA")
    assert SPIP_MATURITY.grades == ("1", "2", "3", "4", "5")
    assert dict(QUALITATIVE_SCALES) == {"opini_bpk": OPINI_BPK, "akip": AKIP_GRADES, "spip": SPIP_MATURITY}


def test_reaching_the_target_grade_gives_100():
    assert qualitative_achievement("WTP", "WTP", OPINI_BPK) == 100
    assert qualitative_achievement("BB", "A", "akip") == 100  # exceeding it is still 100


def test_below_the_target_grade_gives_the_ratio_of_ranks():
    assert qualitative_achievement("WTP", "WDP", OPINI_BPK) == 75
    assert qualitative_achievement("WTP", "TMP", "opini_bpk") == 25
    assert shown(qualitative_achievement("A", "BB", AKIP_GRADES)) == "83.33"  # 5 / 6
    assert qualitative_achievement("AA", "D", AKIP_GRADES) == Decimal(100) / 7
    assert qualitative_achievement(4, 3, "spip") == 75  # levels may come as numbers


def test_grades_ignore_case_and_spaces():
    assert qualitative_achievement(" wtp", "Wdp ", OPINI_BPK) == 75


def test_missing_grade_gives_no_capaian():
    assert qualitative_achievement("WTP", None, OPINI_BPK) is None
    assert qualitative_achievement(None, "WTP", OPINI_BPK) is None


def test_unknown_grade_is_refused_with_the_allowed_grades():
    with pytest.raises(ValueError, match=r"“WTTP” bukan tingkat pada skala Opini BPK \(pilihan: TMP, TW, WDP, WTP\)"):
        qualitative_achievement("WTP", "WTTP", OPINI_BPK)


def test_unknown_scale_name_is_refused():
    with pytest.raises(ValueError, match="Skala kualitatif “ikm” tidak dikenal"):
        qualitative_achievement("A", "A", "ikm")


def test_a_regency_may_define_its_own_scale():
    scale = QualitativeScale("ikm", "Mutu IKM", ("D", "C", "B", "A"), ("Tidak baik", "Kurang", "Baik", "Sangat baik"))
    assert qualitative_achievement("A", "B", scale) == 75


def test_scale_refuses_duplicate_grades():
    with pytest.raises(ValueError, match="ganda"):
        QualitativeScale("x", "X", ("A", "a"), ("1", "2"))
