"""Validation of an indicator's yearly target and its quarterly breakdown (Rencana Aksi TW I–IV).

Each check returns a mapping field → Indonesian message, so a form can show the message on the field at
fault. Fields: ``target``, ``target_high``, ``q1`` … ``q4``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .enums import Cumulation, Polarity
from .formatting import format_number

PERCENT_UNITS = frozenset({"%", "persen"})
QUARTER_FIELDS = ("q1", "q2", "q3", "q4")


def is_strict_percentage(unit: str) -> bool:
    """A plain ``%`` unit must lie within 0–100; units such as ``% dari target`` may exceed it."""
    return unit.strip().lower() in PERCENT_UNITS


def _fmt(value: Decimal) -> str:
    return format_number(value, None)


def target_problems(
    *,
    unit: str,
    polarity: Polarity,
    cumulation: Cumulation,
    target: Decimal | None,
    target_high: Decimal | None = None,
    quarters: Sequence[Decimal | None] = (None, None, None, None),
    qualitative: bool = False,
) -> dict[str, str]:
    """Why a year's target and quarters are inconsistent; empty when they are fine."""
    problems: dict[str, str] = {}
    if qualitative:
        return problems
    if target is None:
        problems["target"] = "Target tahunan wajib diisi"
        return problems
    values = {"target": target, "target_high": target_high, **dict(zip(QUARTER_FIELDS, quarters, strict=True))}
    for field, value in values.items():
        if value is None:
            continue
        if value < 0:
            problems[field] = "Nilai tidak boleh negatif"
        elif is_strict_percentage(unit) and value > 100:
            problems[field] = "Persentase harus di antara 0 dan 100"
    if polarity is Polarity.POSITIVE and target == 0 and "target" not in problems:
        problems["target"] = "Target 0 tidak sah untuk indikator positif (semakin tinggi semakin baik)"
    if polarity is Polarity.RANGE:
        if target_high is None:
            problems["target_high"] = "Indikator rentang memerlukan batas atas"
        elif target_high < target:
            problems["target_high"] = "Batas atas rentang harus lebih besar atau sama dengan batas bawah"
    problems.update(_quarter_problems(cumulation, target, quarters))
    return problems


def _quarter_problems(cumulation: Cumulation, target: Decimal, quarters: Sequence[Decimal | None]) -> dict[str, str]:
    filled = [q for q in quarters if q is not None]
    if cumulation is Cumulation.RELEASED:
        return {}
    if not filled:
        return {}
    if len(filled) < 4:
        missing = [f"TW {roman}" for roman, q in zip(("I", "II", "III", "IV"), quarters, strict=True) if q is None]
        return {QUARTER_FIELDS[quarters.index(None)]: "Target triwulan belum lengkap: " + ", ".join(missing)}
    if cumulation is Cumulation.SUMMED:
        total = sum(filled, Decimal(0))
        if total != target:
            return {"q4": f"Jumlah target triwulan ({_fmt(total)}) harus sama dengan target tahunan ({_fmt(target)})"}
    elif cumulation is Cumulation.LAST_VALUE:
        if quarters[3] != target:
            return {"q4": f"Target TW IV harus sama dengan target tahunan ({_fmt(target)}) untuk nilai terakhir"}
    elif cumulation is Cumulation.AVERAGE:
        mean = sum(filled, Decimal(0)) / 4
        if mean != target:
            return {"q4": f"Rata-rata target triwulan ({_fmt(mean)}) harus sama dengan target tahunan ({_fmt(target)})"}
    elif cumulation is Cumulation.FLAT:
        for field, q in zip(QUARTER_FIELDS, quarters, strict=True):
            if q != target:
                return {field: f"Target tetap: setiap triwulan harus sama dengan target tahunan ({_fmt(target)})"}
    return {}


def derived_quarters(
    cumulation: Cumulation,
    polarity: Polarity,
    target: Decimal | None,
    start: Decimal | None = None,
) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
    """The quarterly targets (Rencana Aksi TW I–IV) a yearly target implies when none were given.

    Summed: the target split into four parts in its own precision, the later quarters taking what does not
    divide (10 → 2, 2, 3, 3). Last value: a straight line from ``start`` (last year's target or the baseline)
    to the yearly target, reached in TW IV; without a start, the target in every quarter. Average and flat:
    the target in every quarter. Released figures and range indicators have no quarterly targets (their
    target to date is the yearly one). Each result passes :func:`target_problems`.
    """
    none = (None, None, None, None)
    if target is None or polarity is Polarity.RANGE or cumulation is Cumulation.RELEASED:
        return none
    exponent = target.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    unit = Decimal(1).scaleb(-places)
    if cumulation is Cumulation.SUMMED:
        steps = int((target / unit).to_integral_value())
        base, rest = divmod(steps, 4)
        parts = [base + (1 if n >= 4 - rest else 0) for n in range(4)]
        q1, q2, q3, q4 = (Decimal(part) * unit for part in parts)
        return q1, q2, q3, q4
    if cumulation is Cumulation.LAST_VALUE and start is not None and start != target:
        step_places = places + 2
        line = [(start + (target - start) * k / 4).quantize(Decimal(1).scaleb(-step_places)) for k in (1, 2, 3)]
        q1, q2, q3 = (value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1))
                      for value in line)
        return q1, q2, q3, target
    return target, target, target, target
