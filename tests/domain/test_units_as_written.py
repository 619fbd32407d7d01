"""Units as people write them beside a figure: "16,5%", "Level 3", an index alone, a grade alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.formatting import format_number, with_unit
from kinerja_desktop.reports.data import TargetValue
from kinerja_desktop.reports.text import format_target


@pytest.mark.parametrize(
    ("figure", "unit", "written"),
    [
        ("16,5", "%", "16,5%"),
        ("16,5", "persen", "16,5%"),
        ("3", "level", "Level 3"),
        ("3", "Level", "Level 3"),
        ("Level 3", "level", "Level 3"),
        ("83", "nilai", "83"),
        ("2,84", "indeks", "2,84"),
        ("88,6", "skor", "88,6"),
        ("WTP", "opini", "WTP"),
        ("AA", "", "AA"),
        ("BB", "predikat", "BB"),
        ("WTP", "%", "WTP"),  # a grade stands alone whatever the unit says
        ("1.250", "orang", "1.250 orang"),
        ("80", "per 100.000 KH", "80 per 100.000 KH"),
        ("74,35", "tahun", "74,35 tahun"),
    ],
)
def test_a_figure_with_its_unit(figure: str, unit: str, written: str) -> None:
    assert with_unit(figure, unit) == written


def test_printed_targets_follow_the_custom() -> None:
    assert format_target(TargetValue(Decimal("16.5"), "%")) == "16,5%"
    assert format_target(TargetValue(Decimal(60), "%", upper=Decimal(85))) == "60\u201385%"
    assert format_target(TargetValue(Decimal(3), "level")) == "Level 3"
    assert format_target(TargetValue(text="3", unit="level")) == "Level 3"
    assert format_target(TargetValue(text="WTP", unit="opini")) == "WTP"
    assert format_target(TargetValue(Decimal(83), "nilai")) == "83"
    assert format_target(TargetValue(Decimal("16.5"), "%"), with_unit=False) == format_number(Decimal("16.5"), None)
