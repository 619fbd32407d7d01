"""The limits of every column, read once from its definition: what the database accepts and a package carries.

A column's type gives most of them (a ``String(200)``'s length, an exact decimal's 16 integer digits and 8
decimals, a date between 1900 and 2100); its ``info`` adds the rest, declared where the column is::

    name: Mapped[str] = mapped_column(String(200), info={"label": "Nama OPD"})
    quarter: Mapped[int] = mapped_column(Integer, info={"label": "Triwulan", **QUARTER})
    nip: Mapped[str | None] = mapped_column(String(18), info={"label": "NIP", **NIP})
    q1: Mapped[Decimal | None] = mapped_column(ExactDecimal, info={"label": "Target TW I",
                                                                    "field": "targets[{year}].q1"})

``info`` keys: ``label`` (the Indonesian name in messages), ``field`` (the form field the message belongs
to, a template over the row's columns; default the column's name), ``min``/``max`` (numbers, dates),
``max_length`` (text, bytes), ``pattern`` (a regular expression the whole text must match, ASCII) with
``pattern_hint`` (what it means, in Indonesian). The checks run on every flushed row (``checks.py``) and on
every value of a package (``interchange/codec.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, Integer, LargeBinary, String, Text

from ..domain.formatting import format_date, format_number
from .types import EnumText, ExactDecimal

MAX_INT = 2**63 - 1
MAX_TEXT_CHARS = 1_000_000  # a Text column without a declared max_length
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2100, 12, 31)

# Limits shared by many columns (spread into ``info``).
YEAR = {"min": 2000, "max": 2100}
QUARTER = {"min": 1, "max": 4}
RUPIAH = {"min": 0, "max": 10**15 - 1}  # a regency's whole budget is below Rp 10^13
WEIGHT = {"min": Decimal("0.01"), "max": Decimal(100)}
NIP = {"pattern": r"[0-9]{18}", "pattern_hint": "harus terdiri dari 18 angka 0–9"}
SHA256 = {"pattern": r"[0-9a-f]{64}", "pattern_hint": "harus sidik SHA-256 (64 angka heksadesimal kecil)"}
SORT_ORDER = {"min": 0, "max": 1_000_000}

Check = Callable[[Any], str | None]


@dataclass(frozen=True)
class ColumnLimits:
    """A column's label, the field its messages belong to, and the check of one (non-None) value."""

    table: str
    name: str
    label: str
    field: str
    check: Check

    def field_for(self, row: dict[str, Any] | Any) -> str:
        """The form field of this column for a row (a mapping or an ORM object)."""
        if "{" not in self.field:
            return self.field
        get = row.get if isinstance(row, dict) else lambda key: getattr(row, key, None)
        return re.sub(r"\{(\w+)\}", lambda m: str(get(m.group(1))), self.field)

    def problem(self, value: Any) -> str | None:
        """Why ``value`` cannot be stored in this column (an Indonesian sentence naming it), or None.

        None passes: whether a column may be empty is the database's NOT NULL and the services' rules.
        """
        if value is None:
            return None
        reason = self.check(value)
        return f"{self.label} {reason}" if reason else None


def _number(value: Any) -> str:
    try:
        return format_number(value, None)
    except (ArithmeticError, ValueError, TypeError):
        return str(value)[:40]


def _bounds(low: Any, high: Any, show: Callable[[Any], str]) -> Check:
    def check(value: Any) -> str | None:
        if low is not None and value < low:
            return f"paling kecil {show(low)}" if high is None else f"harus antara {show(low)} dan {show(high)}"
        if high is not None and value > high:
            return f"paling besar {show(high)}" if low is None else f"harus antara {show(low)} dan {show(high)}"
        return None

    return check


def _decimal_check(info: dict[str, Any]) -> Check:
    digits, places = ExactDecimal.INTEGER_DIGITS, ExactDecimal.PLACES
    in_range = _bounds(info.get("min"), info.get("max"), _number)

    def check(value: Any) -> str | None:
        if isinstance(value, float):
            return "harus bilangan eksak (Decimal), bukan float"
        if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
            return "harus berupa bilangan"
        try:
            value = Decimal(value)
        except ArithmeticError:
            return f"bukan bilangan yang sah ({str(value)[:40]})"
        if not value.is_finite():
            return f"bukan bilangan yang sah ({value})"
        _sign, numerals, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        if not any(numerals):
            return in_range(value)
        trailing = _trailing_zeros(numerals)
        if len(numerals) + exponent > digits:
            return f"terlalu besar: paling banyak {digits} angka sebelum koma"
        if -(exponent + trailing) > places:
            return f"terlalu rinci: paling banyak {places} angka di belakang koma"
        return in_range(value)

    return check


def _trailing_zeros(numerals: tuple[int, ...]) -> int:
    count = 0
    for numeral in reversed(numerals):
        if numeral:
            break
        count += 1
    return count


def _integer_check(info: dict[str, Any]) -> Check:
    low, high = info.get("min", -MAX_INT), info.get("max", MAX_INT)
    in_range = _bounds(low, high, lambda n: str(n) if abs(n) < 10_000 else _number(n))

    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return "harus berupa bilangan bulat"
        return in_range(value)

    return check


def _date_check(info: dict[str, Any], kind: type) -> Check:
    low, high = info.get("min", DATE_MIN), info.get("max", DATE_MAX)
    in_range = _bounds(low, high, format_date)

    def check(value: Any) -> str | None:
        if not isinstance(value, kind):
            return "harus berupa tanggal"
        return in_range(value.date() if isinstance(value, datetime) else value)

    return check


def _text_check(info: dict[str, Any], length: int | None) -> Check:
    limit = info.get("max_length") or length or MAX_TEXT_CHARS
    pattern = re.compile(info["pattern"], re.ASCII) if "pattern" in info else None
    hint = info.get("pattern_hint", "tidak berbentuk yang diharapkan")

    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return "harus berupa teks"
        if len(value) > limit:
            return f"terlalu panjang ({_number(len(value))} karakter; paling banyak {_number(limit)})"
        if "\x00" in value:
            return "memuat karakter yang tidak sah"
        if pattern is not None and value and pattern.fullmatch(value) is None:
            return hint
        return None

    return check


def _bytes_check(info: dict[str, Any]) -> Check:
    limit = info.get("max_length", 50 << 20)

    def check(value: Any) -> str | None:
        if not isinstance(value, bytes):
            return "harus berupa data biner"
        return f"terlalu besar (paling besar {_number(limit)} bita)" if len(value) > limit else None

    return check


def _enum_check(enum_cls: Any) -> Check:
    def check(value: Any) -> str | None:
        try:
            enum_cls(value)
        except (ValueError, TypeError):
            return "harus salah satu dari " + ", ".join(m.value for m in enum_cls)
        return None

    return check


def _bool_check(value: Any) -> str | None:
    return None if isinstance(value, bool) else "harus benar atau salah"


@cache
def limits_of(column: Column[Any]) -> ColumnLimits:
    """The limits of a column (computed once per column)."""
    info = dict(column.info)
    ctype = column.type
    check: Check
    if isinstance(ctype, ExactDecimal):
        check = _decimal_check(info)
    elif isinstance(ctype, EnumText):
        check = _enum_check(ctype.enum_cls)
    elif isinstance(ctype, DateTime):
        check = _date_check(info, datetime)
    elif isinstance(ctype, Date):
        check = _date_check(info, date)
    elif isinstance(ctype, Boolean):
        check = _bool_check
    elif isinstance(ctype, Integer | BigInteger):
        check = _integer_check(info)
    elif isinstance(ctype, LargeBinary):
        check = _bytes_check(info)
    elif isinstance(ctype, String | Text):
        check = _text_check(info, getattr(ctype, "length", None))
    else:
        raise TypeError(f"no limits for {column.table.name}.{column.name}")  # a new column type: add it here
    return ColumnLimits(
        table=column.table.name,
        name=column.name,
        label=info.get("label") or f"{column.table.name}.{column.name}",
        field=info.get("field", column.name),
        check=check,
    )


def text_limit(column: Column[Any]) -> int:
    """The longest text a column holds (its declared max_length, its String length, or the default)."""
    return int(column.info.get("max_length") or getattr(column.type, "length", None) or MAX_TEXT_CHARS)


def check_values(model: Any, values: dict[str, Any], **row: Any) -> dict[str, str]:
    """Field → message for ``values`` (column name → value) of ``model``, against the columns' limits.

    For a service that computes with its input before anything is flushed (a NaN cannot even be compared):
    the same limits the flush-time check applies, keyed by the same fields; ``row`` fills the field
    templates (``year=2026`` for ``targets[{year}].q1``).
    """
    table = model.__table__
    problems: dict[str, str] = {}
    for name, value in values.items():
        limits = limits_of(table.c[name])
        message = limits.problem(value)
        if message:
            problems.setdefault(limits.field_for({**values, **row}), message)
    return problems
