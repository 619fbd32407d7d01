"""Numbers as Indonesian spreadsheets and operators write them (typed, pasted, or read from an .xlsx text cell)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.formatting import format_number, format_rupiah, parse_number, parse_rupiah


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,56", Decimal("1234.56")),
        ("1.250.000", Decimal("1250000")),
        ("92,5", Decimal("92.5")),
        ("92,5%", Decimal("92.5")),
        ("92,5 %", Decimal("92.5")),
        ("100%", Decimal("100")),
        ("-5,25 %", Decimal("-5.25")),
        ("Rp 1.250.000", Decimal("1250000")),
        ("Rp1.250.000", Decimal("1250000")),
        ("Rp. 1.250.000,00", Decimal("1250000")),
        ("\u00a01.234\u00a0", Decimal("1234")),
        ("92.5", Decimal("92.5")),
    ],
)
def test_indonesian_forms_of_a_number(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "%", "abc", "12%%", "Rp 5%", "1,2,3", "1.23.456"])
def test_what_is_not_a_number_is_refused_in_indonesian(text: str) -> None:
    with pytest.raises(ValueError, match="angka|koma|ribuan"):
        parse_number(text)


def test_formatted_numbers_and_money_read_back() -> None:
    for value in (Decimal("1234567.89"), Decimal("0.5"), Decimal("-17.25"), Decimal(0)):
        assert parse_number(format_number(value)) == value
        assert parse_number(format_number(value) + " %") == value
    assert parse_rupiah(format_rupiah(1_250_000_000)) == 1_250_000_000


def test_rupiah_has_no_cents_and_no_sign() -> None:
    assert parse_rupiah("Rp 1.250.000") == 1_250_000
    with pytest.raises(ValueError, match="tanpa sen"):
        parse_rupiah("Rp 1.250.000,50")
    with pytest.raises(ValueError, match="negatif"):
        parse_rupiah("-1.000")
