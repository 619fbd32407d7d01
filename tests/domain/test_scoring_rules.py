"""OPD scores, predicate bands and their JSON, serapan, efficiency and rankings."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kinerja_desktop.domain import (
    ALTERNATIVE_BANDS,
    DEFAULT_BANDS,
    Efficiency,
    PredicateBand,
    RankedScore,
    absorption,
    bands_from_json,
    bands_to_json,
    efficiency,
    make_bands,
    opd_score,
    predicate,
    rank_opds,
    round_percent,
)
from kinerja_desktop.domain.achievement import achievement

D = Decimal


# --- OPD score ----------------------------------------------------------------------------------


def test_worked_example_opd_score_98_46_is_sangat_tinggi():
    score = opd_score([D("97.89"), D("112.50"), D("85.00")])
    assert round_percent(score) == D("98.46")
    assert predicate(score) == "Sangat Tinggi"


def test_opd_score_from_unrounded_capaian_gives_the_same_figure():
    capaians = [achievement(95, 93, "positive"), achievement(80, 70, "negative"), achievement(14, "16.1", "negative")]
    assert round_percent(opd_score(capaians)) == D("98.46")


def test_opd_score_caps_each_capaian_at_120_by_default():
    # investors 125 counts as 120
    assert opd_score([D(125), D(100)]) == 110


def test_opd_score_accepts_already_capped_values():
    assert opd_score([D(120), D(100)]) == opd_score([D(125), D(100)])


def test_opd_score_with_a_regency_cap_and_without_cap():
    assert opd_score([D(125), D(100)], cap=100) == 100
    assert opd_score([D(125), D(100)], cap=None) == D("112.5")


def test_opd_score_weighted_mean():
    assert opd_score([D(100), D(70)], [D(3), D(1)]) == D("92.5")


def test_opd_score_leaves_out_missing_capaian_and_their_weights():
    assert opd_score([D(100), None, D(80)], [1, 5, 1]) == 90


def test_opd_score_is_missing_when_nothing_was_reported():
    assert opd_score([None, None]) is None
    assert opd_score([]) is None


def test_opd_score_is_missing_when_present_capaian_weigh_nothing():
    assert opd_score([D(100), None], [0, 1]) is None


def test_opd_score_refuses_negative_weights_and_mismatched_lengths():
    with pytest.raises(ValueError, match="Bobot indikator tidak boleh negatif"):
        opd_score([D(100), D(80)], [1, -1])
    with pytest.raises(ValueError, match=r"Jumlah bobot \(1\) tidak sama dengan jumlah capaian \(2\)"):
        opd_score([D(100), D(80)], [1])


def test_opd_score_refuses_negative_capaian():
    with pytest.raises(ValueError, match="Capaian tidak boleh negatif"):
        opd_score([D(-1)])


# --- Predicate bands ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "label"),
    [
        ("120", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        ("90.99", "Tinggi"),
        ("76", "Tinggi"),
        ("75.99", "Sedang"),
        ("66", "Sedang"),
        ("65.99", "Rendah"),
        ("51", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
    ],
)
def test_default_predicate_boundaries_permendagri_86_2017(score, label):
    assert predicate(D(score)) == label


def test_predicate_reads_the_score_as_printed_with_two_decimals():
    # 90,995 prints as 91,00: the predicate must agree with the printed figure
    assert predicate(D("90.995")) == "Sangat Tinggi"
    assert predicate(D("90.994")) == "Tinggi"
    assert predicate(D("90.995"), places=None) == "Tinggi"


def test_alternative_labels_share_the_bounds():
    assert [b.lower for b in ALTERNATIVE_BANDS] == [b.lower for b in DEFAULT_BANDS]
    assert predicate(D(91), ALTERNATIVE_BANDS) == "Sangat Baik"
    assert predicate(D("90.99"), ALTERNATIVE_BANDS) == "Baik"
    assert predicate(D(66), ALTERNATIVE_BANDS) == "Cukup"
    assert predicate(D(51), ALTERNATIVE_BANDS) == "Kurang"
    assert predicate(D("50.99"), ALTERNATIVE_BANDS) == "Sangat Kurang"


def test_missing_score_has_no_predicate():
    assert predicate(None) is None


def test_custom_bands_in_any_order():
    bands = make_bands([(0, "Kurang"), (85, "Istimewa"), (60, "Baik")])
    assert [b.label for b in bands] == ["Istimewa", "Baik", "Kurang"]
    assert predicate(D(85), bands) == "Istimewa"
    assert predicate(D("59.99"), bands) == "Kurang"


def test_a_score_below_the_lowest_bound_gets_the_lowest_band():
    bands = make_bands([(50, "Lulus"), (20, "Tidak lulus")])
    assert predicate(D(5), bands) == "Tidak lulus"


def test_bands_are_validated():
    with pytest.raises(ValueError, match="tidak boleh kosong"):
        make_bands([])
    with pytest.raises(ValueError, match="tidak boleh sama"):
        make_bands([(50, "A"), (50, "B")])
    with pytest.raises(ValueError, match="harus memiliki label"):
        make_bands([(50, " ")])


def test_bands_round_trip_through_json():
    text = bands_to_json(ALTERNATIVE_BANDS)
    assert json.loads(text)[0] == {"lower": "91", "label": "Sangat Baik"}
    assert bands_from_json(text) == ALTERNATIVE_BANDS


def test_empty_json_means_default_bands():
    assert bands_from_json("") == DEFAULT_BANDS
    assert bands_from_json("  ") == DEFAULT_BANDS
    assert bands_from_json(None) == DEFAULT_BANDS


def test_json_bounds_may_be_numbers_read_exactly():
    bands = bands_from_json('[{"lower": 90.5, "label": "A"}, {"lower": 0, "label": "B"}]')
    assert bands == (PredicateBand(D("90.5"), "A"), PredicateBand(D(0), "B"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "bukan JSON yang sah"),
        ('{"lower": 1}', "daftar rentang"),
        ('[{"lower": 1}]', "“lower” dan “label”"),
        ('[{"lower": true, "label": "A"}]', "bukan angka"),
        ('[{"lower": "x", "label": "A"}]', "bukan angka yang sah"),
        ("[]", "tidak boleh kosong"),
    ],
)
def test_invalid_json_bands_are_refused_in_indonesian(text, message):
    with pytest.raises(ValueError, match=message):
        bands_from_json(text)


# --- Serapan and efficiency ---------------------------------------------------------------------


def test_absorption_is_realised_over_pagu():
    assert absorption(750_000_000, 1_000_000_000) == 75
    assert round_percent(absorption(1, 3)) == D("33.33")
    assert absorption(0, 1_000) == 0


def test_absorption_above_pagu_is_returned_as_it_is():
    assert absorption(1_100, 1_000) == 110


def test_absorption_without_pagu_is_missing():
    assert absorption(0, 0) is None
    assert absorption(500, 0) is None


def test_absorption_refuses_negative_amounts():
    with pytest.raises(ValueError, match="Realisasi anggaran tidak boleh negatif"):
        absorption(-1, 100)
    with pytest.raises(ValueError, match="Pagu tidak boleh negatif"):
        absorption(1, -100)


@pytest.mark.parametrize(
    ("capaian", "serapan", "expected"),
    [
        ("100", "90", Efficiency.EFFICIENT),
        ("95.01", "90", Efficiency.EFFICIENT),
        ("95", "90", Efficiency.FAIRLY_EFFICIENT),  # exactly +5
        ("90", "90", Efficiency.FAIRLY_EFFICIENT),
        ("85", "90", Efficiency.FAIRLY_EFFICIENT),  # exactly −5
        ("84.99", "90", Efficiency.INEFFICIENT),
        ("60", "95", Efficiency.INEFFICIENT),
    ],
)
def test_efficiency_boundaries(capaian, serapan, expected):
    assert efficiency(D(capaian), D(serapan)) is expected


def test_efficiency_values_are_the_indonesian_words():
    assert efficiency(D(100), D(90)) == "efisien"
    assert efficiency(D(90), D(90)) == "cukup efisien"
    assert efficiency(D(80), D(90)) == "tidak efisien"
    assert Efficiency.FAIRLY_EFFICIENT.label == "Cukup Efisien"


def test_efficiency_compares_the_printed_figures():
    # 95,004 prints as 95,00: exactly 5 points above 90,00
    assert efficiency(D("95.004"), D(90)) is Efficiency.FAIRLY_EFFICIENT
    assert efficiency(D("95.005"), D(90)) is Efficiency.EFFICIENT


def test_efficiency_with_a_regency_margin():
    assert efficiency(D(95), D(90), margin=D(3)) is Efficiency.EFFICIENT
    assert efficiency(D(95), D(90), margin=0) is Efficiency.EFFICIENT
    assert efficiency(D(90), D(90), margin=0) is Efficiency.FAIRLY_EFFICIENT


def test_efficiency_is_missing_without_capaian_or_absorption():
    assert efficiency(None, D(90)) is None
    assert efficiency(D(90), None) is None


def test_efficiency_margin_must_not_be_negative():
    with pytest.raises(ValueError, match="Margin efisiensi"):
        efficiency(D(90), D(90), margin=-1)


# --- Ranking ------------------------------------------------------------------------------------


def test_ranking_shares_ranks_for_ties_and_skips_after_them():
    ranking = rank_opds(
        [("dinkes", D("63.19")), ("bappeda", D("62.83")), ("dukcapil", D("62.83")), ("bpbd", D("60.62"))]
    )
    assert [(r.rank, r.key) for r in ranking] == [(1, "dinkes"), (2, "bappeda"), (2, "dukcapil"), (4, "bpbd")]


def test_ranking_puts_missing_scores_last_without_rank():
    ranking = rank_opds([("b", None), ("c", D(50)), ("a", None), ("d", D(70))])
    assert ranking == [
        RankedScore(1, "d", D(70)),
        RankedScore(2, "c", D(50)),
        RankedScore(None, "a", None),
        RankedScore(None, "b", None),
    ]


def test_ranking_ties_on_the_printed_score():
    ranking = rank_opds([("b", D("98.4649")), ("a", D("98.4633"))])
    assert [(r.rank, r.key) for r in ranking] == [(1, "a"), (1, "b")]
    raw = rank_opds([("b", D("98.4649")), ("a", D("98.4633"))], places=None)
    assert [(r.rank, r.key) for r in raw] == [(1, "b"), (2, "a")]


def test_ranking_keeps_the_unrounded_score():
    assert rank_opds([("a", D("98.4649"))])[0].score == D("98.4649")


def test_ranking_of_nothing_is_empty():
    assert rank_opds([]) == []


def test_ranking_refuses_duplicate_keys():
    with pytest.raises(ValueError, match="Kunci peringkat tidak boleh ganda"):
        rank_opds([("a", D(1)), ("a", D(2))])
