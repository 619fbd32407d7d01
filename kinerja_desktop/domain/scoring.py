"""OPD scores, predicate bands, budget absorption (serapan), efficiency and rankings.

Comparisons with printed bounds (predicate bands, the efficiency margin, ranks) use the values rounded
half up to two decimals, as they are printed, so a document never shows "91,00 — Tinggi" or two equal
scores with different ranks. The scores themselves are returned unrounded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from .achievement import DEFAULT_CAP, capped
from .decimals import FORMULA_CONTEXT, HUNDRED, ZERO, Number, as_decimal, as_optional_decimal
from .formatting import round_half_up

DISPLAY_PLACES = 2


def opd_score(
    capaians: Iterable[Number | None],
    weights: Iterable[Number] | None = None,
    *,
    cap: Number | None = DEFAULT_CAP,
) -> Decimal | None:
    """Skor OPD: the weighted mean of its indicators' capped capaian, ``Σ wᵢ·min(cᵢ, cap) / Σ wᵢ``.

    Pass the uncapped capaian and the regency's cap (default 120); capping is idempotent, so values
    already capped may be passed as well. ``cap=None`` takes the values as they are.
    Weights default to equal; they must be ≥ 0 and as many as the capaian.
    Missing capaian (None: belum diisi) are left out together with their weights, never counted as 0;
    the caller flags them. None when no capaian is present (or all present ones weigh 0).
    """
    values = [as_optional_decimal(c, "Capaian") for c in capaians]
    if weights is None:
        weight_values = [Decimal(1)] * len(values)
    else:
        weight_values = [as_decimal(w, "Bobot") for w in weights]
        if len(weight_values) != len(values):
            raise ValueError(f"Jumlah bobot ({len(weight_values)}) tidak sama dengan jumlah capaian ({len(values)})")
    if any(w < 0 for w in weight_values):
        raise ValueError("Bobot indikator tidak boleh negatif")
    if any(v is not None and v < 0 for v in values):
        raise ValueError("Capaian tidak boleh negatif")
    counted = [
        (value if cap is None else capped(value, cap), weight)
        for value, weight in zip(values, weight_values, strict=True)
        if value is not None
    ]
    with localcontext(FORMULA_CONTEXT):
        total_weight = sum((w for _, w in counted), ZERO)
        if total_weight == 0:
            return None
        return sum((v * w for v, w in counted if v is not None), ZERO) / total_weight


@dataclass(frozen=True)
class PredicateBand:
    """One band: every score from ``lower`` (inclusive) up to the next band's bound gets ``label``."""

    lower: Decimal
    label: str


PredicateBands = tuple[PredicateBand, ...]


def make_bands(bands: Iterable[PredicateBand | tuple[Number, str]]) -> PredicateBands:
    """Validate bands given as PredicateBand or (lower bound, label) pairs; returned highest first."""
    result: list[PredicateBand] = []
    for band in bands:
        lower, label = (band.lower, band.label) if isinstance(band, PredicateBand) else band
        if not isinstance(label, str) or not label.strip():
            raise ValueError("Setiap rentang predikat harus memiliki label")
        result.append(PredicateBand(as_decimal(lower, "Batas bawah predikat"), label.strip()))
    if not result:
        raise ValueError("Rentang predikat tidak boleh kosong")
    if len({b.lower for b in result}) != len(result):
        raise ValueError("Batas bawah rentang predikat tidak boleh sama")
    return tuple(sorted(result, key=lambda b: b.lower, reverse=True))


DEFAULT_BANDS: PredicateBands = make_bands(
    [(91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah"), (0, "Sangat Rendah")]
)
"""Permendagri 86/2017: ≥ 91 Sangat Tinggi; 76–<91 Tinggi; 66–<76 Sedang; 51–<66 Rendah; <51 Sangat Rendah."""

ALTERNATIVE_BANDS: PredicateBands = make_bands(
    [(91, "Sangat Baik"), (76, "Baik"), (66, "Cukup"), (51, "Kurang"), (0, "Sangat Kurang")]
)
"""The same bounds with the labels many regencies print (Sangat Baik … Sangat Kurang)."""


def predicate(
    score: Number | None,
    bands: Sequence[PredicateBand] = DEFAULT_BANDS,
    *,
    places: int | None = DISPLAY_PLACES,
) -> str | None:
    """Predikat of a score: the label of the highest band whose lower bound the score reaches.

    The score is first rounded half up to ``places`` decimals (as printed; ``None`` compares it raw),
    so 90,995 prints as 91,00 and is Sangat Tinggi. A score below the lowest bound gets the lowest band.
    None when the score is missing.
    """
    if score is None:
        return None
    value = as_decimal(score, "Skor")
    if places is not None:
        value = round_half_up(value, places)
    ordered = sorted(bands, key=lambda b: b.lower, reverse=True)
    if not ordered:
        raise ValueError("Rentang predikat tidak boleh kosong")
    for band in ordered:
        if value >= band.lower:
            return band.label
    return ordered[-1].label


def bands_to_json(bands: Sequence[PredicateBand]) -> str:
    """JSON text for ``Regency.predicate_bands``: ``[{"lower": "91", "label": "Sangat Tinggi"}, …]``.

    Bounds are written as strings so they stay exact decimals.
    """
    return json.dumps([{"lower": str(b.lower), "label": b.label} for b in make_bands(bands)], ensure_ascii=False)


def bands_from_json(text: str | None) -> PredicateBands:
    """Parse ``Regency.predicate_bands``; empty text means :data:`DEFAULT_BANDS`.

    Bounds may be strings or JSON numbers (read as exact decimals). Raises ValueError in Indonesian.
    """
    if text is None or not text.strip():
        return DEFAULT_BANDS
    try:
        data: Any = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ValueError(f"Rentang predikat bukan JSON yang sah: {exc.msg}") from None
    if not isinstance(data, list):
        raise ValueError("Rentang predikat harus berupa daftar rentang")
    pairs: list[tuple[Number, str]] = []
    for item in data:
        if not isinstance(item, dict) or "lower" not in item or "label" not in item:
            raise ValueError("Setiap rentang predikat harus memiliki “lower” dan “label”")
        lower = item["lower"]
        if not isinstance(lower, Decimal | int | str) or isinstance(lower, bool):
            raise ValueError(f"Batas bawah predikat “{lower}” bukan angka")
        pairs.append((lower, item["label"]))
    return make_bands(pairs)


def absorption(realized: Number, pagu: Number) -> Decimal | None:
    """Serapan anggaran in percent: ``realisasi / pagu × 100``, unrounded.

    None when the pagu is 0 (nothing budgeted: no absorption to speak of, shown as "-").
    Negative amounts raise ValueError; a realisation above the pagu is returned as it is (> 100).
    """
    spent = as_decimal(realized, "Realisasi anggaran")
    budget = as_decimal(pagu, "Pagu")
    if spent < 0:
        raise ValueError(f"Realisasi anggaran tidak boleh negatif ({spent})")
    if budget < 0:
        raise ValueError(f"Pagu tidak boleh negatif ({budget})")
    if budget == 0:
        return None
    with localcontext(FORMULA_CONTEXT):
        return spent * HUNDRED / budget


class Efficiency(StrEnum):
    """Efficiency of an OPD or program: capaian read next to serapan."""

    EFFICIENT = "efisien"
    FAIRLY_EFFICIENT = "cukup efisien"
    INEFFICIENT = "tidak efisien"

    @property
    def label(self) -> str:
        return {
            Efficiency.EFFICIENT: "Efisien",
            Efficiency.FAIRLY_EFFICIENT: "Cukup Efisien",
            Efficiency.INEFFICIENT: "Tidak Efisien",
        }[self]


DEFAULT_EFFICIENCY_MARGIN = Decimal("5")


def efficiency(
    capaian: Number | None, absorption: Number | None, margin: Number = DEFAULT_EFFICIENCY_MARGIN
) -> Efficiency | None:
    """Efisiensi from ``d = capaian − serapan`` (both rounded to two decimals, as printed).

    ``d > margin``: efisien; ``−margin ≤ d ≤ margin``: cukup efisien; ``d < −margin``: tidak efisien.
    Pass the capaian as shown next to the serapan (usually the capped score). None when either is missing.
    """
    limit = as_decimal(margin, "Margin efisiensi")
    if limit < 0:
        raise ValueError(f"Margin efisiensi tidak boleh negatif ({limit})")
    if capaian is None or absorption is None:
        return None
    difference = round_half_up(as_decimal(capaian, "Capaian"), DISPLAY_PLACES) - round_half_up(
        as_decimal(absorption, "Serapan"), DISPLAY_PLACES
    )
    if difference > limit:
        return Efficiency.EFFICIENT
    if difference < -limit:
        return Efficiency.INEFFICIENT
    return Efficiency.FAIRLY_EFFICIENT


class _Orderable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


KeyT = TypeVar("KeyT", bound=_Orderable)


@dataclass(frozen=True)
class RankedScore(Generic[KeyT]):
    """One line of a ranking; ``rank`` is None for a missing score."""

    rank: int | None
    key: KeyT
    score: Decimal | None


def rank_opds(
    scores: Iterable[tuple[KeyT, Number | None]], *, places: int | None = DISPLAY_PLACES
) -> list[RankedScore[KeyT]]:
    """Rank by score, best first, with shared ranks for ties (1, 2, 2, 4: competition ranking).

    Scores are compared rounded half up to ``places`` decimals (as announced; ``None`` compares raw),
    ties are listed by key, and missing scores come last, by key, without a rank. The result depends
    only on the pairs, not on their order. Keys (OPD ids or codes) must be unique and orderable.
    """
    entries = [(key, as_optional_decimal(score, "Skor")) for key, score in scores]
    keys = sorted(key for key, _ in entries)
    if any(not (a < b) for a, b in zip(keys, keys[1:], strict=False)):
        raise ValueError("Kunci peringkat tidak boleh ganda")

    def compared(score: Decimal) -> Decimal:
        return score if places is None else round_half_up(score, places)

    scored = sorted(
        ((compared(score), key, score) for key, score in entries if score is not None),
        key=lambda entry: (-entry[0], entry[1]),
    )
    result: list[RankedScore[KeyT]] = []
    previous: Decimal | None = None
    rank = 0
    for position, (value, key, score) in enumerate(scored, start=1):
        if value != previous:
            rank, previous = position, value
        result.append(RankedScore(rank, key, score))
    result.extend(RankedScore(None, key, None) for key, score in sorted(entries, key=lambda e: e[0]) if score is None)
    return result
