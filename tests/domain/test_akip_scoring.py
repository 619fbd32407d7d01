"""The LKE's score and the AKIP grade (PermenPANRB 88/2021): worked numbers and every grade boundary."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.akip import (
    A_TO_E,
    YES_NO,
    Component,
    Criterion,
    Framework,
    Subcomponent,
    akip_grade,
    answer_value,
    framework_problems,
    grade_description,
    normal_answer,
    score_lke,
)
from kinerja_desktop.domain.akip_2021 import PERMENPANRB_88_2021
from kinerja_desktop.domain.formatting import round_half_up

D = Decimal


def small_framework() -> Framework:
    """Two components: 1 (60: 1.a 20 with two Ya/Tidak criteria, 1.b 40 with four A–E) and 2 (40: three A–E)."""
    return Framework((
        Component("1", "Perencanaan", D(60), (
            Subcomponent("1.a", "Keberadaan", D(20), (Criterion("1.a.1", "Ada Renstra", YES_NO.name),
                                                       Criterion("1.a.2", "Ada Renja", YES_NO.name))),
            Subcomponent("1.b", "Kualitas", D(40), tuple(Criterion(f"1.b.{n}", f"Mutu {n}") for n in range(1, 5))),
        )),
        Component("2", "Pengukuran", D(40), (
            Subcomponent("2.a", "Pemanfaatan", D(40), tuple(Criterion(f"2.a.{n}", f"Guna {n}") for n in range(1, 4))),
        )),
    ))


def all_best() -> dict[str, str]:
    return {c.code: ("Y" if c.scale == YES_NO.name else "A") for _, _, c in PERMENPANRB_88_2021.criteria()}


def with_answers(base: dict[str, str], **groups: str) -> dict[str, str]:
    """``sub_1a="TTTTTT"`` sets the answers of 1.a.1 … 1.a.6 in order."""
    answers = dict(base)
    for key, letters in groups.items():
        sub = key.removeprefix("sub_").replace("_", ".")
        sub = f"{sub[0]}.{sub[1]}"
        for n, letter in enumerate(letters, start=1):
            answers[f"{sub}.{n}"] = letter
    return answers


# --- the default structure -------------------------------------------------------------------------------


def test_the_regulations_structure_weighs_30_30_15_25_split_20_30_50() -> None:
    framework = PERMENPANRB_88_2021
    assert framework_problems(framework) == []
    assert [(c.name, c.weight) for c in framework.components] == [
        ("Perencanaan Kinerja", 30), ("Pengukuran Kinerja", 30), ("Pelaporan Kinerja", 15),
        ("Evaluasi Akuntabilitas Kinerja Internal", 25),
    ]
    for component in framework.components:
        assert [s.weight for s in component.subcomponents] == [component.weight * D(share) for share in
                                                                 ("0.2", "0.3", "0.5")]
        assert [s.code for s in component.subcomponents] == [f"{component.code}.{x}" for x in "abc"]
        keberadaan = component.subcomponents[0]
        assert {c.scale for c in keberadaan.criteria} == {YES_NO.name}
        assert {c.scale for s in component.subcomponents[1:] for c in s.criteria} == {A_TO_E.name}
    assert framework.criterion_count == 77


def test_answer_scales_ya_tidak_and_a_to_e() -> None:
    assert [answer_value("ya_tidak", a) for a in ("Y", "T")] == [1, 0]
    assert [answer_value("a_e", a) for a in "ABCDE"] == [D(1), D("0.75"), D("0.5"), D("0.25"), D(0)]
    assert normal_answer("a_e", " b ") == "B" and normal_answer("a_e", "") is None
    with pytest.raises(ValueError, match="Jawaban “B” tidak ada pada skala Ya/Tidak \\(pilihan: Y, T\\)"):
        answer_value("ya_tidak", "B")
    with pytest.raises(ValueError, match="Skala jawaban “angka” tidak dikenal"):
        answer_value("angka", "1")


# --- worked numbers --------------------------------------------------------------------------------------


def test_worked_example_weight_times_mean_of_values() -> None:
    # 1.a: Y, T → 20 × (1 + 0) / 2 = 10
    # 1.b: A, B, C, E → 40 × (1 + 0,75 + 0,5 + 0) / 4 = 22,5
    # 2.a: B, B, D → 40 × (0,75 + 0,75 + 0,25) / 3 = 23,333…
    answers = {"1.a.1": "Y", "1.a.2": "T", "1.b.1": "A", "1.b.2": "B", "1.b.3": "C", "1.b.4": "E",
               "2.a.1": "B", "2.a.2": "b", "2.a.3": "D"}
    score = score_lke(small_framework(), answers)
    first, second = score.components
    assert [s.score for s in first.subcomponents] == [D(10), D("22.5")]
    assert first.score == D("32.5")
    assert round_half_up(second.score, 8) == D("23.33333333")
    assert round_half_up(score.total, 2) == D("55.83")
    assert score.grade == "CC"
    assert score.complete and score.unanswered == ()
    assert isinstance(score.total, Decimal)


def test_an_unanswered_criterion_counts_zero_and_is_listed() -> None:
    score = score_lke(small_framework(), {"1.a.1": "Y", "1.b.1": "A", "2.a.1": "A"})
    # 20 × 1/2 + 40 × 1/4 + 40 × 1/3 = 10 + 10 + 13,333…
    assert round_half_up(score.total, 2) == D("33.33")
    assert score.unanswered == ("1.a.2", "1.b.2", "1.b.3", "1.b.4", "2.a.2", "2.a.3")
    assert not score.complete
    assert [s.answered for s in score.components[0].subcomponents] == [1, 1]


def test_an_answer_off_its_scale_is_refused() -> None:
    with pytest.raises(ValueError, match="Jawaban “C” tidak ada pada skala Ya/Tidak"):
        score_lke(small_framework(), {"1.a.1": "C"})


def test_every_answer_best_scores_100_and_every_answer_worst_0() -> None:
    best = score_lke(PERMENPANRB_88_2021, all_best())
    assert best.total == 100 and best.grade == "AA"
    worst = {c.code: ("T" if c.scale == YES_NO.name else "E") for _, _, c in PERMENPANRB_88_2021.criteria()}
    assert score_lke(PERMENPANRB_88_2021, worst).total == 0
    assert score_lke(PERMENPANRB_88_2021, worst).grade == "D"


# Each total built from the regulation's structure lands exactly on a bound (points lost in brackets):
# 1.a "T" costs 6/6 = 1 each, 2.a "T" 6/3 = 2, 3.a "T" 3/6 = 0,5, 4.a "T" 5/3; "E" costs 1.b 1, 1.c 1,875,
# 2.c 15/9, 4.c 2,5.
BOUNDARIES = [
    # 100 − (6 + 4) = 90: a bound belongs to the lower grade
    (dict(sub_1a="TTTTTT", sub_2a="TT"), "90", "A"),
    # 100 − (6 + 4) + … one "T" fewer in 1.a (−5 instead of −6): 91
    (dict(sub_1a="TTTTTY", sub_2a="TT"), "91", "AA"),
    # 100 − (6 + 6 + 7,5 + 0,5) = 80
    (dict(sub_1a="TTTTTT", sub_2a="TTT", sub_4c="EEE", sub_3a="T"), "80", "BB"),
    # 100 − (9 + 15 + 6) = 70
    (dict(sub_1b="EEEEEEEEE", sub_1c="EEEEEEEE", sub_2a="TTT"), "70", "B"),
    # 100 − (30 + 10) = 60
    (dict(sub_1a="TTTTTT", sub_1b="EEEEEEEEE", sub_1c="EEEEEEEE", sub_4c="EEEE"), "60", "CC"),
    # 100 − (30 + 15 + 5) = 50
    (dict(sub_1a="TTTTTT", sub_1b="EEEEEEEEE", sub_1c="EEEEEEEE", sub_2c="EEEEEEEEE", sub_4a="TTT"), "50", "C"),
    # 100 − (30 + 30 + 10) = 30
    (dict(sub_1a="TTTTTT", sub_1b="EEEEEEEEE", sub_1c="EEEEEEEE", sub_2a="TTT", sub_2b="EEEEEEE",
          sub_2c="EEEEEEEEE", sub_4c="EEEE"), "30", "D"),
]


@pytest.mark.parametrize(("groups", "total", "grade"), BOUNDARIES, ids=[b[1] for b in BOUNDARIES])
def test_scored_totals_on_each_grade_bound(groups: dict[str, str], total: str, grade: str) -> None:
    score = score_lke(PERMENPANRB_88_2021, with_answers(all_best(), **groups))
    assert round_half_up(score.total, 10) == D(total)
    assert score.grade == grade


# --- the grade -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        ("100", "AA"), ("90.01", "AA"), ("90.005", "AA"),  # 90,005 prints 90,01
        ("90", "A"), ("90.004", "A"), ("80.01", "A"),
        ("80", "BB"), ("70.01", "BB"),
        ("70", "B"), ("60.01", "B"),
        ("60", "CC"), ("50.01", "CC"),
        ("50", "C"), ("30.01", "C"), ("30.005", "C"),
        ("30", "D"), ("30.004", "D"), ("0", "D"),
    ],
)
def test_grade_boundaries_compare_the_printed_total(score: str, grade: str) -> None:
    assert akip_grade(D(score)) == grade


def test_announced_scores_grade_as_printed() -> None:
    assert [akip_grade(D(s)) for s in ("63.19", "62.83", "60.62", "59.25", "59.01")] == ["B", "B", "B", "CC", "CC"]


def test_grade_refuses_what_no_lke_can_score_and_floats() -> None:
    with pytest.raises(ValueError, match="Nilai AKIP harus antara 0 dan 100"):
        akip_grade(D("100.01"))
    with pytest.raises(ValueError, match="Nilai AKIP harus antara 0 dan 100"):
        akip_grade(D(-1))
    with pytest.raises(TypeError):
        akip_grade(90.5)  # type: ignore[arg-type]


def test_grade_descriptions() -> None:
    assert grade_description("AA") == "Sangat memuaskan (>90–100)"
    assert grade_description("CC") == "Cukup (>50–60)"
    assert grade_description("D") == "Sangat kurang (0–30)"


# --- the structure's checks ------------------------------------------------------------------------------


def test_weights_must_sum_to_100_and_to_their_component() -> None:
    framework = small_framework()
    first, second = framework.components
    heavier = Framework((Component("1", first.name, D(61), first.subcomponents), second))
    problems = framework_problems(heavier)
    assert "Bobot komponen berjumlah 101, harus 100" in problems
    assert "Bobot sub komponen 1 Perencanaan berjumlah 60, harus sama dengan bobot komponennya (61)" in problems
    with pytest.raises(ValueError, match="harus 100"):
        score_lke(heavier, {})


def test_empty_parts_unknown_scales_and_duplicate_codes_are_named() -> None:
    framework = Framework((
        Component("1", "Perencanaan", D(50), (
            Subcomponent("1.a", "Keberadaan", D(50), (Criterion("1.a.1", "Ada", "angka"),
                                                       Criterion("1.a.1", "Lagi", YES_NO.name))),
        )),
        Component("2", "Pengukuran", D(50), (Subcomponent("2.a", "Kosong", D(50), ()),)),
    ))
    problems = framework_problems(framework)
    assert "Kriteria 1.a.1: skala jawaban “angka” tidak dikenal" in problems
    assert "Kode “1.a.1” dipakai lebih dari sekali" in problems
    assert "Sub komponen 2.a Kosong belum memiliki kriteria" in problems
    assert framework_problems(Framework(())) == ["LKE belum memiliki komponen"]
