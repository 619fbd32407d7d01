"""Properties of the capaian, cap and ranking rules over generated values (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from kinerja_desktop.domain import capped, opd_score, rank_opds
from kinerja_desktop.domain.achievement import achievement

amounts = st.decimals(min_value=0, max_value=10_000, places=3, allow_nan=False, allow_infinity=False)
positive_amounts = st.decimals(min_value="0.001", max_value=10_000, places=3, allow_nan=False, allow_infinity=False)
any_realization = st.decimals(min_value=-10_000, max_value=10_000, places=3, allow_nan=False, allow_infinity=False)
caps = st.decimals(min_value=1, max_value=1_000, places=2, allow_nan=False, allow_infinity=False)
formulas = st.sampled_from(["2t-r", "t/r"])


@given(target=positive_amounts, realization=amounts, cap=caps)
def test_capped_capaian_never_exceeds_the_cap(target, realization, cap):
    value = capped(achievement(target, realization, "positive"), cap)
    assert value is not None and value <= cap


@given(capaians=st.lists(st.one_of(st.none(), amounts), max_size=12), cap=caps)
def test_opd_score_never_exceeds_the_cap(capaians, cap):
    score = opd_score(capaians, cap=cap)
    assert score is None or Decimal(0) <= score <= cap


@given(target=positive_amounts, realization=any_realization)
def test_positive_capaian_is_never_negative(target, realization):
    value = achievement(target, realization, "positive")
    assert value is not None and value >= 0


@given(target=amounts, realization=positive_amounts, formula=formulas)
def test_negative_capaian_is_never_negative(target, realization, formula):
    value = achievement(target, realization, "negative", negative_formula=formula)
    assert value is not None and value >= 0


@given(low=amounts, width=amounts, realization=any_realization)
def test_range_capaian_is_never_negative_and_at_most_100(low, width, realization):
    high = low + width
    assume(high > 0)
    value = achievement(low, realization, "range", target_high=high)
    assert value is not None and 0 <= value <= 100


@given(target=positive_amounts, a=any_realization, b=any_realization)
def test_higher_realisation_never_lowers_positive_capaian(target, a, b):
    worse, better = sorted((a, b))
    assert achievement(target, better, "positive") >= achievement(target, worse, "positive")


@given(target=amounts, a=positive_amounts, b=positive_amounts, formula=formulas)
def test_lower_realisation_never_lowers_negative_capaian(target, a, b, formula):
    better, worse = sorted((a, b))
    assert achievement(target, better, "negative", negative_formula=formula) >= achievement(
        target, worse, "negative", negative_formula=formula
    )


@given(target=amounts, a=amounts, b=amounts)
def test_lower_realisation_never_lowers_negative_capaian_including_zero(target, a, b):
    better, worse = sorted((a, b))
    assert achievement(target, better, "negative") >= achievement(target, worse, "negative")


@given(low=amounts, width=amounts, start=any_realization, step=st.decimals(min_value=0, max_value=1, places=3))
def test_moving_toward_the_band_never_lowers_range_capaian(low, width, start, step):
    high = low + width
    assume(high > 0)
    # a point moved by the fraction `step` toward the nearest edge of [low, high]
    nearest = min(max(start, low), high)
    closer = start + (nearest - start) * step
    assert achievement(low, closer, "range", target_high=high) >= achievement(low, start, "range", target_high=high)


scores = st.one_of(st.none(), st.decimals(min_value=0, max_value=120, places=2, allow_nan=False))
entries = st.dictionaries(st.text(min_size=1, max_size=4), scores, max_size=15).map(lambda d: list(d.items()))


@given(pairs=entries, data=st.data())
def test_ranking_does_not_depend_on_the_input_order(pairs, data):
    shuffled = data.draw(st.permutations(pairs))
    assert rank_opds(shuffled) == rank_opds(pairs)


@given(pairs=entries)
def test_ranks_never_decrease_along_the_list_and_missing_come_last(pairs):
    ranking = rank_opds(pairs)
    ranked = [r for r in ranking if r.rank is not None]
    assert [r.rank for r in ranked] == sorted(r.rank for r in ranked)
    assert all(r.rank is None for r in ranking[len(ranked) :])
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    if ranked:
        assert ranked[0].rank == 1
    for position, entry in enumerate(ranked, start=1):
        assert entry.rank is not None and entry.rank <= position
