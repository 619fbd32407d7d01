"""Indonesian formatting and parsing of numbers, money and dates (1.234,56 · Rp 1.250.000.000 · 26 Januari 2026)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round as people do by hand (0,005 → 0,01), not banker's rounding."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _group_thousands(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return ".".join(reversed(groups))


def format_number(value: Decimal | int | None, places: int | None = 2, *, empty: str = "") -> str:
    """Format with "." for thousands and "," for decimals; ``places=None`` keeps the value's own digits."""
    if value is None:
        return empty
    dec = Decimal(value)
    if places is not None:
        dec = round_half_up(dec, places)
    elif dec == dec.to_integral_value():
        dec = dec.quantize(Decimal(1))
    else:
        dec = dec.normalize()
    sign = "-" if dec < 0 else ""
    text = format(abs(dec), "f")
    whole, _, frac = text.partition(".")
    result = _group_thousands(whole)
    if frac:
        result += "," + frac
    return sign + result


def format_rupiah(amount: int | None, *, prefix: bool = True, empty: str = "") -> str:
    """Integer rupiah as ``Rp 1.250.000.000``."""
    if amount is None:
        return empty
    text = format_number(int(amount), 0)
    return f"Rp {text}" if prefix else text


# Units as people write them beside a figure (DOMAIN.md): "16,5%", "Level 3", an index or score alone ("83").
PERCENT_UNITS = frozenset({"%", "persen"})
BARE_UNITS = frozenset({"nilai", "indeks", "skor", "poin", "angka", "opini", "predikat", "kategori", "grade"})
LEADING_UNITS = frozenset({"level", "tingkat"})


def with_unit(figure: str, unit: str) -> str:
    """A formatted figure with its unit as written: ``16,5%`` · ``Level 3`` · ``83`` (nilai) · ``1.250 orang``.

    A grade that is a word (``WTP``, ``BB``) stands alone, whatever the unit.
    """
    unit = unit.strip()
    key = unit.lower()
    if not figure or not key or key in BARE_UNITS:
        return figure
    if key in LEADING_UNITS:
        return figure if figure.lower().startswith(key) else f"{unit[0].upper()}{unit[1:]} {figure}"
    if not any(ch.isdigit() for ch in figure):
        return figure
    if key in PERCENT_UNITS:
        return f"{figure}%"
    return f"{figure} {unit}"


def format_date(value: date | None, *, empty: str = "") -> str:
    """``26 Januari 2026``."""
    if value is None:
        return empty
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime | None, *, empty: str = "—") -> str:
    """``26 Januari 2026, 14.05`` (the time as given; no zone conversion)."""
    if value is None:
        return empty
    return f"{format_date(value.date())}, {value:%H.%M}"


_NUMBER_RE = re.compile(r"^[+-]?[\d.,\s]+$")


def parse_number(text: str) -> Decimal:
    """Parse a number typed the Indonesian way (``1.250.000``, ``92,5``, ``1.234,56``, ``Rp 1.250.000``,
    ``92,5%``: a percent sign only says the unit, the number stays 92,5).

    A lone dot is a thousands separator only where one can stand: after 1–3 digits that do not start with
    0 and before exactly three digits (``1.250`` is 1250, as an Indonesian field reads it). Any other lone
    dot is a decimal point (``92.5``, ``1.2500``), because operators paste from English spreadsheets; so is
    the dot after a lone 0 (``0.125`` is 0,125: nobody writes 125 as "0.125", and thousands never start
    with 0). Raises ``ValueError`` with an Indonesian message.
    """
    raw = text.strip().replace("\u00a0", "").replace(" ", "")
    if raw.lower().startswith("rp"):
        raw = raw[2:].lstrip(".").strip()
    elif raw.endswith("%"):
        raw = raw[:-1]
    if not raw or not _NUMBER_RE.match(raw):
        raise ValueError(f"“{text.strip()}” bukan angka yang sah (contoh: 1.250.000 atau 92,5)")
    if "," in raw:
        if raw.count(",") > 1:
            raise ValueError(f"“{text.strip()}” memiliki lebih dari satu tanda koma desimal")
        whole, frac = raw.split(",")
        if whole.replace("+", "").replace("-", "") and not _valid_grouping(whole):
            raise ValueError(f"“{text.strip()}”: pemisah ribuan harus titik tiap tiga angka")
        normalized = whole.replace(".", "") + "." + frac
    elif raw.count(".") == 1 and not re.match(r"^[+-]?[1-9]\d{0,2}\.\d{3}$", raw):
        normalized = raw  # 92.5 or 0.125 typed with a decimal point
    else:
        if "." in raw and not _valid_grouping(raw):
            raise ValueError(f"“{text.strip()}”: pemisah ribuan harus titik tiap tiga angka")
        normalized = raw.replace(".", "")
    try:
        return Decimal(normalized)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex above
        raise ValueError(f"“{text.strip()}” bukan angka yang sah") from exc


def _valid_grouping(whole: str) -> bool:
    body = whole.lstrip("+-")
    if "." not in body:
        return True
    return re.fullmatch(r"[1-9]\d{0,2}(\.\d{3})+", body) is not None  # a leading 0 group is no thousands


def parse_rupiah(text: str) -> int:
    """Parse whole rupiah; cents are refused because budgets are kept in whole rupiah."""
    value = parse_number(text)
    if value != value.to_integral_value():
        raise ValueError("Anggaran dicatat dalam rupiah penuh, tanpa sen")
    if value < 0:
        raise ValueError("Anggaran tidak boleh negatif")
    return int(value)


_NUMERIC_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDED_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
# "Januari", "Jan", and the English abbreviations that differ ("May", "Aug", "Oct", "Dec").
_MONTH_NAMES = {
    **{name.casefold(): n for n, name in enumerate(MONTHS, start=1)},
    **{name[:3].casefold(): n for n, name in enumerate(MONTHS, start=1)},
    "may": 5, "aug": 8, "oct": 10, "dec": 12, "agt": 8, "ags": 8, "okt": 10,
}


def parse_date(text: str) -> date:
    """A date typed the Indonesian way: ``26/01/2026``, ``26-01-2026``, ``26 Januari 2026``, ``26 Jan 2026``
    (or ISO ``2026-01-26``). Raises ``ValueError`` with an Indonesian message."""
    raw = " ".join(text.split())
    example = "contoh: 26/01/2026 atau 26 Januari 2026"
    day = month = year = None
    if match := _NUMERIC_DATE.match(raw):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.match(raw):
        year, month, day = (int(part) for part in match.groups())
    elif match := _WORDED_DATE.match(raw):
        month = _MONTH_NAMES.get(match.group(2).casefold())
        if month is None:
            raise ValueError(f"“{raw}”: nama bulan “{match.group(2)}” tidak dikenal ({example})")
        day, year = int(match.group(1)), int(match.group(3))
    if day is None or month is None or year is None:
        raise ValueError(f"“{raw}” bukan tanggal yang sah ({example})")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"“{raw}” bukan tanggal yang ada di kalender ({example})") from None
