"""Column types (exact decimals and string enums that survive SQLite unchanged), keys and times."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Numeric, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal kept exactly: TEXT on SQLite (its NUMERIC is a float), NUMERIC(24, 8) elsewhere."""

    impl = String(40)
    cache_ok = True
    # What NUMERIC(24, 8) holds; db/limits.py refuses anything else on every database.
    INTEGER_DIGITS = 16
    PLACES = 8

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(self.INTEGER_DIGITS + self.PLACES, self.PLACES, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("float values are not exact: pass a Decimal, int or str")
        dec = Decimal(value)
        if not dec.is_finite():
            raise ValueError("non-finite decimal")
        if dialect.name == "sqlite":
            return format(plain_decimal(dec), "f")
        return dec

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return plain_decimal(value if isinstance(value, Decimal) else Decimal(value))


def plain_decimal(value: Decimal) -> Decimal:
    """Without trailing zeros, as SQLite's text keeps it: NUMERIC(24, 8) gives ``17.00000000`` back, we give 17.

    Never in exponent form (``Decimal("1E+2")``): a whole number keeps its digits, ``100`` stays ``100``.
    """
    if not value.is_finite():
        return value
    return Decimal(format(value.normalize() if value != 0 else Decimal(0), "f"))


class EnumText(TypeDecorator[Any]):
    """Stores a StrEnum by its value in a VARCHAR and gives the member back."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum], length: int = 32) -> None:
        super().__init__(length)
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_cls(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        return self.enum_cls(value)


def new_id() -> str:
    """UUIDs as primary keys, so rows made on different laptops never collide."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite keeps no zone; every stored time is UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def timestamp() -> str:
    """Local time for file names of copies set aside: ``20260126-170500``."""
    return datetime.now().strftime("%Y%m%d-%H%M%S")
