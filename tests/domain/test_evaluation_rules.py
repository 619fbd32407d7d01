"""The rules of a quarter's evaluation on worked numbers: the reading in each state, kendala below 100 % and
under the regency's threshold, negative values, budget against the pagu, and an OPD's figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain import round_percent
from kinerja_desktop.domain.enums import Cumulation, Polarity
from kinerja_desktop.domain.evaluation import (
    NEGATIVE_REALIZATION,
    NO_TARGET_TO_DATE,
    EvaluationSettings,
    Reading,
    ResultState,
    budget_to_date,
    early_warning,
    kendala_problem,
    missing_state,
    needs_kendala,
    negative_budget_problem,
    opd_figures,
    over_pagu,
    pagu_problem,
    quarter_target,
    read_indicator,
    reading_problem,
)
from kinerja_desktop.domain.scoring import Efficiency

D = Decimal
NOTHING = (None, None, None, None)


def read(target_to_date="95", values=NOTHING, quarter=2, **kw) -> Reading:  # noqa: ANN001, ANN003
    """An indicator read at ``quarter``: positive, last value, yearly target 95 unless told otherwise."""
    fields = {
        "polarity": Polarity.POSITIVE,
        "cumulation": Cumulation.LAST_VALUE,
        "yearly_target": D(95),
        "target_to_date": None if target_to_date is None else D(target_to_date),
        "target_high": None,
        "target_grade": None,
        "scale": None,
        "values": tuple(None if v is None else D(v) for v in values),
        "grades": NOTHING,
        "quarter": quarter,
    }
    fields.update(kw)
    return read_indicator(**fields)


# --- the reading, in each state ------------------------------------------------------------------------


def test_state_labels_are_the_indonesian_words_shown():
    assert [s.label for s in ResultState] == [
        "terisi", "belum diisi", "belum rilis", "triwulan sebelumnya belum diisi", "tidak dapat dihitung"
    ]
    assert [s for s in ResultState if s.counted] == [ResultState.FILLED]


def test_filled_reading_apm_93_of_95_is_97_89_percent():
    reading = read("95", (None, "93", None, None))
    assert reading.state is ResultState.FILLED
    assert (reading.realization_to_date, round_percent(reading.capaian)) == (D(93), D("97.89"))
    assert round_percent(reading.progress) == D("97.89")  # the yearly target is the same 95


def test_filled_reading_summed_q2_is_33_of_30_and_33_percent_of_the_year():
    reading = read("30", ("8", "25", None, None), cumulation=Cumulation.SUMMED, yearly_target=D(100))
    assert reading.state is ResultState.FILLED and reading.realization_to_date == D(33)
    assert (round_percent(reading.capaian), round_percent(reading.progress)) == (D("110.00"), D("33.00"))


def test_negative_indicator_aki_70_of_80_is_112_50_and_the_other_formula_is_a_setting():
    options = {"polarity": Polarity.NEGATIVE, "cumulation": Cumulation.FLAT, "yearly_target": D(80)}
    assert round_percent(read("80", (None, "70", None, None), **options).capaian) == D("112.50")
    other = read("80", (None, "70", None, None), negative_formula="t/r", **options)
    assert round_percent(other.capaian) == D("114.29")  # 80 / 70


def test_nothing_entered_is_belum_diisi_never_zero():
    reading = read("95", ("90", None, None, None))  # last value: TW I's figure is not carried to TW II
    assert reading == Reading(ResultState.NOT_FILLED)
    assert reading.capaian is None


def test_released_figure_not_published_yet_is_belum_rilis():
    reading = read("70", cumulation=Cumulation.RELEASED, yearly_target=D(70))
    assert reading.state is ResultState.NOT_RELEASED and reading.capaian is None
    assert missing_state(Cumulation.RELEASED) is ResultState.NOT_RELEASED
    assert missing_state(Cumulation.SUMMED) is ResultState.NOT_FILLED


def test_released_figure_counts_in_the_quarters_after_its_release():
    reading = read("70", ("72.5", None, None, None), quarter=3, cumulation=Cumulation.RELEASED, yearly_target=D(70))
    assert reading.state is ResultState.FILLED and reading.realization_to_date == D("72.5")


def test_summed_value_after_a_missing_quarter_is_flagged_not_scored():
    reading = read("30", (None, "25", None, None), cumulation=Cumulation.SUMMED)
    assert reading == Reading(ResultState.EARLIER_MISSING)


def test_qualitative_grade_opini_wdp_against_wtp_is_75_and_stays_until_the_next_release():
    graded = {"target_grade": "WTP", "scale": "opini_bpk", "cumulation": Cumulation.RELEASED}
    reading = read(None, grades=("WDP", None, None, None), **graded)
    assert reading == Reading(ResultState.FILLED, None, "WDP", D(75), D(75))
    assert read(None, grades=("WDP", "WTP", None, None), **graded).capaian == 100
    assert read(None, quarter=1, **graded).state is ResultState.NOT_RELEASED


def test_unscorable_figures_are_invalid_with_the_reason():
    negative = read("95", (None, "-1", None, None))
    assert negative == Reading(ResultState.INVALID, note=NEGATIVE_REALIZATION)
    no_target = read(None, (None, "93", None, None))
    assert (no_target.state, no_target.realization_to_date, no_target.note) == (
        ResultState.INVALID, D(93), NO_TARGET_TO_DATE
    )
    off_scale = read(None, grades=(None, "XYZ", None, None), target_grade="WTP", scale="opini_bpk")
    assert off_scale.state is ResultState.INVALID and "bukan tingkat pada skala Opini BPK" in off_scale.note
    division = read("80", (None, "0", None, None), polarity=Polarity.NEGATIVE, negative_formula="t/r")
    assert division.state is ResultState.INVALID and "pembagian dengan nol" in division.note


def test_range_target_to_date_is_the_band_all_year_and_others_follow_their_rule():
    assert quarter_target(Polarity.RANGE, Cumulation.AVERAGE, D(60), (D(50), D(55), None, None), 2) == D(60)
    quarters = (D(10), D(20), D(30), D(40))
    assert quarter_target(Polarity.POSITIVE, Cumulation.SUMMED, D(100), quarters, 2) == D(30)
    assert quarter_target(Polarity.POSITIVE, Cumulation.FLAT, D(100), quarters, 2) == D(100)


# --- kendala below 100 % and the regency's early-warning threshold ----------------------------------------


def test_kendala_is_required_below_100_percent_and_names_what_is_missing():
    assert kendala_problem("APM SD", D("97.894"), "", "") == (
        "APM SD: capaian 97,89 % di bawah 100 %, kendala dan tindak lanjut wajib diisi"
    )
    assert kendala_problem("APM SD", D("97.894"), "Data terlambat", "  ") == (
        "APM SD: capaian 97,89 % di bawah 100 %, tindak lanjut wajib diisi"
    )
    assert kendala_problem("APM SD", D("97.894"), "Data terlambat", "Pendampingan") is None
    assert kendala_problem("APM SD", D(100), "", "") is None
    assert kendala_problem("APM SD", None, "", "") is None  # belum diisi: nothing to explain yet


@pytest.mark.parametrize(
    ("capaian", "kendala", "warning"),
    [
        (D("12.5"), True, True),  # AKI 150 of 80: under the regency's 75 % threshold, an early warning
        (D("74.99"), True, True),
        (D(75), True, False),  # at the threshold: kendala, no warning
        (D("99.99"), True, False),
        (D(100), False, False),
        (None, False, False),
    ],
)
def test_kendala_below_100_and_early_warning_under_the_regency_threshold(capaian, kendala, warning):
    threshold = EvaluationSettings().warning_threshold
    assert threshold == 75
    assert (needs_kendala(capaian), early_warning(capaian, threshold)) == (kendala, warning)


def test_a_regency_threshold_of_90_warns_earlier_but_kendala_stays_at_100():
    assert early_warning(D(85), D(90)) and needs_kendala(D(85))
    assert not early_warning(D(95), D(90)) and needs_kendala(D(95))


# --- negative values ---------------------------------------------------------------------------------


def test_a_negative_value_entered_is_refused_with_the_indicator_named():
    reading = read("95", (None, "-3", None, None))
    assert reading_problem("Indikator aki", reading.state, reading.note, True) == (
        "Indikator aki: Realisasi tidak boleh negatif"
    )
    assert negative_budget_problem("Program Kesehatan", -1) == (
        "Program Kesehatan: Realisasi anggaran tidak boleh negatif"
    )
    assert negative_budget_problem("Program Kesehatan", 0) is None
    assert negative_budget_problem("Program Kesehatan", None) is None


def test_only_a_value_entered_for_the_quarter_is_the_reports_problem():
    no_target = read(None, (None, "93", None, None))
    assert reading_problem("IKM", no_target.state, no_target.note, True) == f"IKM: {NO_TARGET_TO_DATE}"
    assert reading_problem("IKM", no_target.state, no_target.note, False) is None
    filled = read("95", (None, "93", None, None))
    assert reading_problem("IKM", filled.state, filled.note, True) is None


# --- budget against the pagu ---------------------------------------------------------------------------


def test_budget_to_date_sums_the_quarters_a_missing_one_as_nothing_spent():
    assert budget_to_date((300_000_000, None, 200_000_000, 50), 3) == 500_000_000
    assert budget_to_date((300_000_000, None, None, None), 0) == 0


def test_budget_beyond_the_pagu_is_refused_with_both_amounts():
    assert pagu_problem("Program Pemenuhan Upaya Kesehatan", 1_100_000_000, 1_000_000_000) == (
        "Program Pemenuhan Upaya Kesehatan: realisasi anggaran s.d. triwulan Rp 1.100.000.000 "
        "melebihi pagu Rp 1.000.000.000"
    )
    assert pagu_problem("Program Pemenuhan Upaya Kesehatan", 1_000_000_000, 1_000_000_000) is None
    assert over_pagu(1, 0) and not over_pagu(0, 0)


# --- an OPD's figures ------------------------------------------------------------------------------------


def test_opd_figures_worked_example_98_46_sangat_tinggi_with_serapan_and_efficiency():
    figures = opd_figures(
        [D("97.89"), D("112.50"), D("85.00"), None], [D(1)] * 4, 4_500_000_000, 16_845_678_000, EvaluationSettings()
    )
    assert round_percent(figures.score) == D("98.46") and figures.predicate == "Sangat Tinggi"
    assert round_percent(figures.absorption) == D("26.71")
    assert figures.efficiency is Efficiency.EFFICIENT and figures.missing == 1


def test_opd_figures_without_pagu_or_capaian_have_no_score_nor_serapan():
    figures = opd_figures([None, None], [D(1), D(1)], 0, 0, EvaluationSettings())
    assert (figures.score, figures.predicate, figures.absorption, figures.efficiency, figures.missing) == (
        None, None, None, None, 2
    )
