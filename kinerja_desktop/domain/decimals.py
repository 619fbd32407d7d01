"""Exact numbers for the domain formulas: Decimal in, Decimal out, never float.

Every formula converts its arguments with :func:`as_decimal` and computes inside :data:`FORMULA_CONTEXT`,
so a caller who changed the thread's decimal context cannot change a capaian.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation

from .formatting import round_half_up

Number = Decimal | int | str
"""What the formulas accept: a Decimal, an int, or a machine-format numeric string ("92.5")."""

# 28 significant digits, ties to even: Python's default, pinned so results never depend on the caller.
FORMULA_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def as_decimal(value: Number, what: str = "nilai") -> Decimal:
    """Convert ``value`` to a finite Decimal; ``what`` names it in the Indonesian error message.

    float (and bool) are refused with ``TypeError``: a float such as 0.1 is already inexact, and the
    domain keeps targets and realisations exact. Strings are machine format ("92.5", not "92,5");
    text typed by a person goes through :func:`kinerja_desktop.domain.formatting.parse_number` first.
    """
    if type(value) is Decimal and value.is_finite():  # the common case, first (a ranking converts ~45 000)
        return value
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(
            f"{what} harus berupa Decimal, bilangan bulat atau teks angka, bukan {type(value).__name__} "
            f"(float tidak eksak; gunakan Decimal('{value}'))"
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{what} “{value}” bukan angka yang sah (contoh: 92.5)") from None
    else:
        raise TypeError(f"{what} harus berupa Decimal, bilangan bulat atau teks angka, bukan {type(value).__name__}")
    if not result.is_finite():
        raise ValueError(f"{what} harus berupa angka terhingga, bukan {value}")
    return result


def as_optional_decimal(value: Number | None, what: str = "nilai") -> Decimal | None:
    """Like :func:`as_decimal`, letting None (a missing value) pass through."""
    return None if value is None else as_decimal(value, what)


def round_percent(value: Decimal | None, places: int = 2) -> Decimal | None:
    """Round a percentage for display, half up (97,894… → 97,89; 0,005 → 0,01); None passes through.

    The formulas never round; round only what is shown, printed or compared with a printed bound.
    """
    return None if value is None else round_half_up(value, places)
