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


# --- a machine-format decimal point in an Indonesian field (issue 14, point 6) ----------------------------------
# The choice for a lone dot: it groups thousands only where a thousands group can stand (1–3 digits not
# starting with 0, then exactly three digits); everywhere else it is the decimal point of a number pasted
# from an English spreadsheet. So "1.250" is 1250 as an Indonesian reads it, and "0.125" is 0,125: a
# thousands group never follows a lone zero, and nobody writes 125 as "0.125".

@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.250.000", "1250000"),
        ("92,5", "92.5"),
        ("1.234,56", "1234.56"),
        ("Rp 1.250.000", "1250000"),
        ("-3,5", "-3.5"),
        ("1.250", "1250"),  # a thousands group, as an Indonesian field reads it
        ("12.500", "12500"),
        ("92.5", "92.5"),  # pasted from an English sheet
        ("1.2500", "1.25"),  # four digits after the dot: no thousands group
        ("0.125", "0.125"),  # the decided case: a thousands group never follows a lone zero
        ("-0.125", "-0.125"),
        ("+0.500", "0.5"),
        ("00.125", "0.125"),
        ("0,125", "0.125"),
        ("0", "0"),
    ],
)
def test_the_ways_a_number_is_typed(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


def test_zero_point_one_two_five_is_an_eighth_not_125() -> None:
    # GIVEN the machine-format decimal "0.125" pasted into an Indonesian field THEN it keeps its value
    assert parse_number("0.125") == Decimal("0.125")
    assert format_number(parse_number("0.125"), None) == "0,125"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0.125.000", "pemisah ribuan harus titik tiap tiga angka"),  # a group starting with 0 is no thousands
        ("012.500,5", "pemisah ribuan harus titik tiap tiga angka"),
        ("1.25.000", "pemisah ribuan harus titik tiap tiga angka"),
        ("1,2,3", "lebih dari satu tanda koma"),
        ("abc", "bukan angka yang sah"),
    ],
)
def test_what_is_not_a_number_is_named(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_number(text)


def test_rupiah_reads_the_same_way() -> None:
    assert parse_rupiah("1.250") == 1250
    with pytest.raises(ValueError, match="tanpa sen"):
        parse_rupiah("0.125")
