"""What a cell means: text, a code, a NIP, a number, rupiah, a date, or one of a list of choices.

A cell may hold a real Excel number or date, or text typed the Indonesian way (``1.234,56``,
``Rp 1.250.000``, ``92,5%``, ``26 Januari 2026``, ``26/01/2026``): the text goes through the app's own parsers
(``domain/formatting.py``). A number shown as a percentage (0,925 formatted ``0,0%``) means 92,5, as the
app keeps percentages. Every reader raises :class:`CellError` with an Indonesian sentence saying what is
wrong with the cell; the caller adds where it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from ..domain.formatting import format_date, parse_date, parse_number, parse_rupiah
from ..domain.personnel import normalize_nip
from .xlsx_read import Cell, header_key

T = TypeVar("T")
EXCEL_EPOCH_LAST = 73_415  # 31 December 2100 as an Excel serial day


class CellError(ValueError):
    """A cell that cannot be read as its column needs (the message is Indonesian)."""


def _error_value(cell: Cell) -> None:
    if cell.error:
        raise CellError(f"sel berisi galat Excel {cell.value}; isi dengan nilainya")


def text(cell: Cell) -> str:
    """Text as typed; a number or a date in a text column is written the Indonesian way."""
    _error_value(cell)
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()) if isinstance(value, str) and "\n" not in value else str(value).strip()


def code(cell: Cell) -> str:
    """A code (SIPD, Permendagri 90/2019, a goal's): text; a whole number is taken as its digits."""
    _error_value(cell)
    value = cell.value
    if isinstance(value, float) and not value.is_integer():
        raise CellError(
            f"kode terbaca sebagai angka ({value:g}) sehingga titik dan nol di belakang hilang; "
            "format sel sebagai Teks lalu ketik ulang kodenya"
        )
    return "".join(text(cell).split())


def nip(cell: Cell) -> str:
    """A NIP: 18 digits as text. Excel keeps only 15 digits of a number, so a NIP typed as one is lost."""
    _error_value(cell)
    value = cell.value
    if isinstance(value, float) or (isinstance(value, int) and len(str(abs(value))) > 15):
        raise CellError(
            "NIP diketik sebagai angka sehingga Excel membulatkan angka terakhirnya; format sel sebagai Teks "
            "lalu ketik ulang ke-18 angkanya"
        )
    return normalize_nip(text(cell))


def _float_decimal(value: float | int, percent: bool) -> Decimal:
    if isinstance(value, int):
        result = Decimal(value)
        return result * 100 if percent else result
    if value != value or value in (float("inf"), float("-inf")):
        raise CellError("bukan bilangan yang sah")
    # What Excel shows: 15 significant digits (0,1 + 0,2 is 0,3, not 0,30000000000000004).
    return Decimal(f"{value * 100 if percent else value:.15g}")


def number(cell: Cell) -> Decimal | None:
    """A decimal number: an Excel number (a percentage cell read as its percent) or Indonesian text."""
    _error_value(cell)
    value = cell.value
    if cell.blank:
        return None
    if isinstance(value, bool) or isinstance(value, date | datetime):
        raise CellError("harus berupa angka")
    if isinstance(value, int | float):
        return _float_decimal(value, cell.percent)
    try:
        return parse_number(str(value))
    except (ValueError, InvalidOperation) as exc:
        raise CellError(str(exc)) from None


def rupiah(cell: Cell) -> int | None:
    """Whole rupiah, not negative: a number or ``Rp 1.250.000``."""
    _error_value(cell)
    value = cell.value
    if cell.blank:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = _float_decimal(value, False)
        if amount != amount.to_integral_value():
            raise CellError("anggaran dicatat dalam rupiah penuh, tanpa sen")
        if amount < 0:
            raise CellError("anggaran tidak boleh negatif")
        return int(amount)
    if isinstance(value, bool) or isinstance(value, date | datetime):
        raise CellError("harus berupa jumlah rupiah")
    try:
        return parse_rupiah(str(value))
    except ValueError as exc:
        raise CellError(str(exc)) from None


def integer(cell: Cell) -> int | None:
    """A whole number (a year, a quarter written 1–4 or I–IV)."""
    _error_value(cell)
    if cell.blank:
        return None
    value = cell.value
    if isinstance(value, str):
        roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(header_key(value).removeprefix("triwulan").removeprefix("tw"))
        if roman is not None:
            return roman
    parsed = number(cell)
    if parsed is None or parsed != parsed.to_integral_value():
        raise CellError("harus bilangan bulat")
    return int(parsed)


def day(cell: Cell) -> date | None:
    """A date: an Excel date, a day number Excel did not format, or ``26 Januari 2026`` / ``26/01/2026``."""
    _error_value(cell)
    value = cell.value
    if cell.blank:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value <= EXCEL_EPOCH_LAST and float(value).is_integer():
            from openpyxl.utils.datetime import from_excel

            return from_excel(int(value)).date()
        raise CellError("bukan tanggal (contoh: 26/01/2026 atau 26 Januari 2026)")
    try:
        return parse_date(str(value))
    except ValueError as exc:
        raise CellError(str(exc)) from None


def choice(cell: Cell, choices: Mapping[str, T], what: str, shown: list[str]) -> T | None:
    """One of ``choices`` (keyed by :func:`header_key` of what people write); None when blank."""
    if cell.blank:
        return None
    found = choices.get(header_key(text(cell)))
    if found is None:
        raise CellError(f"{what} “{text(cell)}” tidak dikenal (pilihan: {', '.join(shown)})")
    return found
