"""Capaian (achievement, in percent) of an indicator: numeric polarities, the cap, qualitative scales.

The values returned are exact and unrounded; round only for display (:func:`.decimals.round_percent`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum
from types import MappingProxyType

from .decimals import FORMULA_CONTEXT, HUNDRED, ZERO, Number, as_decimal, as_optional_decimal
from .enums import Polarity

DEFAULT_CAP = Decimal("120")
"""Batas atas capaian yang dihitung dalam skor (a regency setting); the uncapped value is still shown."""


class NegativeFormula(StrEnum):
    """Formula of capaian for a negative indicator (semakin rendah semakin baik), a regency setting."""

    TWICE_TARGET_MINUS_REALIZATION = "2t-r"  # PermenPANRB 6/2022: (2 × target − realisasi) / target × 100
    TARGET_OVER_REALIZATION = "t/r"  # target / realisasi × 100

    @property
    def label(self) -> str:
        return {
            NegativeFormula.TWICE_TARGET_MINUS_REALIZATION: "(2 × target − realisasi) / target × 100",
            NegativeFormula.TARGET_OVER_REALIZATION: "target / realisasi × 100",
        }[self]


def _polarity(value: Polarity | str) -> Polarity:
    try:
        return Polarity(value)
    except ValueError:
        allowed = ", ".join(p.value for p in Polarity)
        raise ValueError(f"Polaritas “{value}” tidak dikenal (pilihan: {allowed})") from None


def _negative_formula(value: NegativeFormula | str) -> NegativeFormula:
    try:
        return NegativeFormula(value)
    except ValueError:
        allowed = ", ".join(f.value for f in NegativeFormula)
        raise ValueError(f"Rumus indikator negatif “{value}” tidak dikenal (pilihan: {allowed})") from None


def achievement(
    target: Number | None,
    realization: Number | None,
    polarity: Polarity | str,
    *,
    target_high: Number | None = None,
    negative_formula: NegativeFormula | str = NegativeFormula.TWICE_TARGET_MINUS_REALIZATION,
) -> Decimal | None:
    """Capaian in percent, uncapped, floored at 0; None when the realisation or the target is missing.

    Formulas (t = target, r = realisasi):

    - positive (semakin tinggi semakin baik): ``r / t × 100``; t must be > 0. r may be negative
      (a contracting growth rate) and then floors to 0.
    - negative (semakin rendah semakin baik), ``negative_formula="2t-r"`` (default, PermenPANRB 6/2022):
      ``(2t − r) / t × 100``; ``"t/r"``: ``t / r × 100``. t ≥ 0 and r ≥ 0. When t = 0: r = 0 gives 100,
      r > 0 gives 0. With ``"t/r"``, r = 0 with t > 0 has no value (division by zero) and raises ValueError.
    - range (dalam rentang, e.g. BOR 60–85 %): ``target`` is the low end L, ``target_high`` the high end H,
      0 ≤ L ≤ H, H > 0. Inside [L, H]: 100; below: ``r / L × 100``; above: ``(2H − r) / H × 100``.
      r may be negative and then floors to 0 (also when L = 0, where ``r / L`` has no value).
      ``target_high`` is ignored for the other polarities.

    The result is floored at 0 (a very bad year gives 0, not a negative capaian) and not capped:
    apply :func:`capped` for scores. A missing realisation (belum diisi / belum rilis) or a missing target
    gives None, never 0. Invalid input raises ValueError with an Indonesian message; a float raises TypeError.
    """
    polarity = _polarity(polarity)
    formula = _negative_formula(negative_formula)
    low = as_optional_decimal(target, "Target")
    real = as_optional_decimal(realization, "Realisasi")
    high = as_optional_decimal(target_high, "Batas atas target") if polarity is Polarity.RANGE else None

    if low is not None and low < 0:
        raise ValueError(f"Target tidak boleh negatif ({low})")
    if polarity is Polarity.POSITIVE and low == 0:
        raise ValueError("Target 0 tidak sah untuk indikator positif (semakin tinggi semakin baik)")
    if polarity is Polarity.RANGE:
        if high is None:
            raise ValueError("Indikator rentang memerlukan batas atas target")
        if high <= 0:
            raise ValueError(f"Batas atas rentang harus lebih dari 0 ({high})")
        if low is not None and low > high:
            raise ValueError(f"Batas bawah rentang ({low}) melebihi batas atas ({high})")
    if low is None or real is None:
        return None
    if polarity is Polarity.NEGATIVE and real < 0:
        raise ValueError(f"Realisasi indikator negatif tidak boleh kurang dari 0 ({real})")

    with localcontext(FORMULA_CONTEXT):
        if polarity is Polarity.POSITIVE:
            value = real * HUNDRED / low
        elif polarity is Polarity.NEGATIVE:
            value = _negative_achievement(low, real, formula)
        else:
            assert high is not None  # checked above
            value = _range_achievement(low, high, real)
    return max(value, ZERO)


def _negative_achievement(target: Decimal, realization: Decimal, formula: NegativeFormula) -> Decimal:
    if target == 0:
        return HUNDRED if realization == 0 else ZERO
    if formula is NegativeFormula.TWICE_TARGET_MINUS_REALIZATION:
        return (2 * target - realization) * HUNDRED / target
    if realization == 0:
        raise ValueError(
            "Rumus target/realisasi tidak dapat menghitung realisasi 0 (pembagian dengan nol); "
            "gunakan rumus (2 × target − realisasi) / target"
        )
    return target * HUNDRED / realization


def _range_achievement(low: Decimal, high: Decimal, realization: Decimal) -> Decimal:
    if realization < low:
        # low == 0 is only passed by a negative realisation: as far below the band as it gets.
        return realization * HUNDRED / low if low > 0 else ZERO
    if realization > high:
        return (2 * high - realization) * HUNDRED / high
    return HUNDRED


def capped(capaian: Number | None, cap: Number = DEFAULT_CAP) -> Decimal | None:
    """``min(capaian, cap)``, the value counted in scores (default cap 120 %); None passes through."""
    limit = as_decimal(cap, "Batas atas capaian")
    if limit <= 0:
        raise ValueError(f"Batas atas capaian harus lebih dari 0 ({limit})")
    if capaian is None:
        return None
    return min(as_decimal(capaian, "Capaian"), limit)


@dataclass(frozen=True)
class QualitativeScale:
    """An ordered scale of grades for qualitative indicators, worst first (rank 1 = worst)."""

    name: str  # stored in Indicator.qualitative_scale
    title: str
    grades: tuple[str, ...]  # worst first
    descriptions: tuple[str, ...]  # one per grade, for pick lists

    def __post_init__(self) -> None:
        if len(self.grades) != len(self.descriptions):
            raise ValueError("Setiap tingkat skala harus memiliki satu keterangan")
        if len({g.upper() for g in self.grades}) != len(self.grades):
            raise ValueError(f"Skala {self.title} memiliki tingkat ganda")

    def rank(self, grade: str | int) -> int:
        """Rank of ``grade`` counted from the worst (= 1); case and surrounding spaces are ignored."""
        wanted = str(grade).strip().upper()
        for position, known in enumerate(self.grades, start=1):
            if known.upper() == wanted:
                return position
        raise ValueError(f"“{grade}” bukan tingkat pada skala {self.title} (pilihan: {', '.join(self.grades)})")


OPINI_BPK = QualitativeScale(
    name="opini_bpk",
    title="Opini BPK",
    grades=("TMP", "TW", "WDP", "WTP"),
    descriptions=(
        "Tidak Memberikan Pendapat (disclaimer)",
        "Tidak Wajar",
        "Wajar Dengan Pengecualian",
        "Wajar Tanpa Pengecualian",
    ),
)
AKIP_GRADES = QualitativeScale(
    name="akip",
    title="Nilai AKIP",
    grades=("D", "C", "CC", "B", "BB", "A", "AA"),
    descriptions=(
        "Sangat kurang (0–30)",
        "Kurang (>30–50)",
        "Cukup (>50–60)",
        "Baik (>60–70)",
        "Sangat baik (>70–80)",
        "Memuaskan (>80–90)",
        "Sangat memuaskan (>90–100)",
    ),
)
SPIP_MATURITY = QualitativeScale(
    name="spip",
    title="Level maturitas SPIP",
    grades=("1", "2", "3", "4", "5"),
    descriptions=("Rintisan", "Berkembang", "Terdefinisi", "Terkelola dan Terukur", "Optimum"),
)

QUALITATIVE_SCALES: Mapping[str, QualitativeScale] = MappingProxyType(
    {scale.name: scale for scale in (OPINI_BPK, AKIP_GRADES, SPIP_MATURITY)}
)
"""The shipped scales by name, as stored in ``Indicator.qualitative_scale``."""


def qualitative_scale(scale: QualitativeScale | str) -> QualitativeScale:
    """The scale itself, or the shipped scale of that name ("opini_bpk", "akip", "spip")."""
    if isinstance(scale, QualitativeScale):
        return scale
    try:
        return QUALITATIVE_SCALES[scale]
    except KeyError:
        raise ValueError(
            f"Skala kualitatif “{scale}” tidak dikenal (pilihan: {', '.join(QUALITATIVE_SCALES)})"
        ) from None


def qualitative_achievement(
    target_grade: str | int | None, realized_grade: str | int | None, scale: QualitativeScale | str
) -> Decimal | None:
    """Capaian of a qualitative indicator: 100 when the realised grade reaches the target grade,
    else ``rank(realised) / rank(target) × 100`` with ranks counted from the worst grade (= 1).

    E.g. Opini BPK target WTP (rank 4), realised WDP (rank 3): 75. Never above 100.
    None when either grade is missing; an unknown grade raises ValueError.
    """
    resolved = qualitative_scale(scale)
    target_rank = None if target_grade is None else resolved.rank(target_grade)
    realized_rank = None if realized_grade is None else resolved.rank(realized_grade)
    if target_rank is None or realized_rank is None:
        return None
    if realized_rank >= target_rank:
        return HUNDRED
    with localcontext(FORMULA_CONTEXT):
        return Decimal(realized_rank) * HUNDRED / Decimal(target_rank)
