"""Plausibility of a figure typed: warnings to confirm before saving, never refusals (issue 14 §13).

A typing slip that the rules accept (25 % typed as 250, a realisation in rupiah typed in millions, a count with a
decimal) is asked about once, with the figure and why it looks wrong; the operator confirms or corrects it.
"""

from __future__ import annotations

from decimal import Decimal

from ..domain.formatting import format_number, with_unit

TEN_TIMES = Decimal(10)
WHOLE_UNITS = frozenset({"orang", "dokumen", "unit", "desa", "kegiatan", "laporan", "kali", "jiwa", "kasus"})
SMALLEST_RUPIAH = Decimal(1000)  # a rupiah figure below this was most likely typed in thousands or millions


def value_warnings(
    *, name: str, unit: str, value: Decimal | None, target: Decimal | None = None, previous: Decimal | None = None
) -> list[str]:
    """Why ``value`` of indicator ``name`` looks implausible ([] when it does not)."""
    if value is None:
        return []
    unit_key = unit.strip().lower()
    rupiah = unit_key in {"rp", "rupiah"}
    shown = f"Rp {format_number(value, None)}" if rupiah else with_unit(format_number(value, None), unit)
    warnings = []
    if unit_key == "%" and value > 100:
        warnings.append(f"{name}: {shown} di atas 100%")
    if target is not None and target != 0 and abs(value) > TEN_TIMES * abs(target):
        target_shown = with_unit(format_number(target, None), unit)
        warnings.append(f"{name}: {shown} lebih dari sepuluh kali target ({target_shown})")
    if previous is not None and previous != 0 and abs(value) > TEN_TIMES * abs(previous):
        previous_shown = with_unit(format_number(previous, None), unit)
        warnings.append(f"{name}: {shown} lebih dari sepuluh kali triwulan sebelumnya ({previous_shown})")
    if unit_key in WHOLE_UNITS and value != value.to_integral_value():
        warnings.append(f"{name}: {shown} bukan bilangan bulat, padahal satuannya {unit}")
    if rupiah and 0 < abs(value) < SMALLEST_RUPIAH:
        warnings.append(f"{name}: {shown} kurang dari Rp 1.000; apakah diketik dalam ribuan atau jutaan?")
    return warnings


def target_warnings(*, name: str, unit: str, values: list[Decimal | None]) -> list[str]:
    """Targets (yearly and TW I–IV) of an indicator that look like slips: a % above 100, a fraction of a count,
    rupiah below 1.000 (each said once)."""
    found: list[str] = []
    for value in values:
        found += value_warnings(name=name, unit=unit, value=value)
    return list(dict.fromkeys(found))


def confirmation_text(warnings: list[str]) -> str:
    listed = "\n".join(f"• {w}" for w in warnings)
    return (f"Angka berikut tidak lazim; periksa sebelum menyimpan:\n\n{listed}\n\n"
            "Simpan juga bila angkanya memang benar?")
