"""Dates typed the Indonesian way, as the set-up wizard (and imports) read them."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.formatting import format_date, parse_date


@pytest.mark.parametrize(
    "text",
    ["26/01/2026", "26-1-2026", "26.01.2026", "26 Januari 2026", "26 januari 2026", "26 Jan 2026", " 26  Jan.  2026 ",
     "2026-01-26"],
)
def test_the_usual_ways_of_writing_a_date(text: str) -> None:
    assert parse_date(text) == date(2026, 1, 26)


def test_a_formatted_date_reads_back() -> None:
    for day in (date(2025, 2, 20), date(2025, 8, 17), date(2024, 12, 31)):
        assert parse_date(format_date(day)) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2026", "“31/02/2026” bukan tanggal yang ada di kalender"),
        ("26 Janur 2026", "nama bulan “Janur” tidak dikenal"),
        ("kemarin", "“kemarin” bukan tanggal yang sah (contoh: 26/01/2026 atau 26 Januari 2026)"),
        ("2026", "“2026” bukan tanggal yang sah"),
    ],
)
def test_what_is_not_a_date_is_named(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert message in str(caught.value)
