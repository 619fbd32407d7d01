"""How values are written on the printed documents (pure Python, no ReportLab)."""

from __future__ import annotations

from decimal import Decimal

from kinerja_desktop.domain.formatting import format_number, format_rupiah
from kinerja_desktop.domain.formatting import with_unit as written_with
from kinerja_desktop.reports.data import TargetValue

RUPIAH_UNITS = frozenset({"rp", "rupiah", "rp."})
EN_DASH = "\u2013"


def markup(text: str | None) -> str:
    """Escape data for a ReportLab Paragraph (names may contain ``&``): what ``xml.sax.saxutils.escape`` does,
    without its import of ``urllib.request`` and the HTTP client (a one-PK ``print pk``'s start-up, issue 20)."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def is_rupiah(unit: str) -> bool:
    return unit.strip().lower() in RUPIAH_UNITS


def _number(value: Decimal | int, places: int | None) -> str:
    return format_number(value, places)


def format_target(target: TargetValue | None, *, with_unit: bool = True, empty: str = "") -> str:
    """``92,5%`` · ``1.250 orang`` · ``Rp 1.250.000.000`` · ``60–85%`` · ``WTP`` · ``Level 3`` · ``83`` (nilai)."""
    if target is None:
        return empty
    unit = target.unit.strip()
    if target.text:
        return written_with(target.text, unit) if with_unit else target.text
    if target.value is None:
        return empty
    if is_rupiah(unit):
        if target.upper is not None:
            low = format_rupiah(int(target.value), prefix=False)
            high = format_rupiah(int(target.upper), prefix=False)
            text = f"{low}{EN_DASH}{high}"
            return f"Rp {text}" if with_unit else text
        amount = Decimal(target.value)
        if amount == amount.to_integral_value():
            return format_rupiah(int(amount), prefix=with_unit)
        text = _number(amount, target.places)
        return f"Rp {text}" if with_unit else text
    text = _number(target.value, target.places)
    if target.upper is not None:
        text = f"{text}{EN_DASH}{_number(target.upper, target.places)}"
    return written_with(text, unit) if with_unit else text


def format_percent(value: Decimal | None, places: int = 2, *, empty: str = "") -> str:
    """``97,89`` (the column header carries the %)."""
    return format_number(value, places, empty=empty)


def format_amount(amount: int | None, *, empty: str = "") -> str:
    """Whole rupiah without prefix, for columns headed "(Rp)": ``1.250.000.000``."""
    return format_rupiah(amount, prefix=False, empty=empty)


def upper_title(text: str) -> str:
    """Upper-case a jabatan but keep the acting prefix as written (``Plt. BUPATI SUKAMAJU``)."""
    for prefix in ("Plt. ", "Plh. ", "Pj. "):
        if text.startswith(prefix):
            return prefix + text[len(prefix) :].upper()
    return text.upper()
