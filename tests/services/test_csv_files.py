"""CSV formula injection (issue 11, point 14): one writer for every CSV; formulas neutralised, numbers kept."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
import raw_sql
from sqlalchemy import select, text

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.services.csv_files import SafeCsvWriter, safe_cell, write_csv

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+62 812 3456",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1",
    "-",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    ["-5,00", "-1.234.567,89", "+12,5", "-12.5", "-7", "-0,05%", Decimal("-5.00"), -5, 0, "Dinas Kesehatan", "", "a=b"],
)
def test_numbers_and_plain_text_stay_as_they_are(value: object) -> None:
    assert safe_cell(value) == (value if not isinstance(value, str) else value)


def test_none_and_booleans() -> None:
    assert safe_cell(None) == ""
    assert safe_cell(True) == "True"


def test_a_written_file_reads_back_as_text_and_numbers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", ["Nama", "Nilai"], [[HOSTILE[0], "-5,00"], ["Dinkes", Decimal("97.89")]])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows == [["Nama", "Nilai"], ["'" + HOSTILE[0], "-5,00"], ["Dinkes", "97.89"]]
    out = io.StringIO()
    SafeCsvWriter(out, delimiter=",", lineterminator="\n").writerow(["@cmd", 3])
    assert out.getvalue() == "'@cmd,3\n"


def _poison(db: Database) -> tuple[str, str]:
    """Give two OPDs hostile names and abbreviations (raw SQL: what an import or an old version could store)."""
    with db.read() as s:
        first, second = s.scalars(select(Opd.id).order_by(Opd.sort_order)).all()[:2]
    with raw_sql.behind_the_apps_back(db) as conn:
        conn.execute(
            text("UPDATE opd SET name = :n, code = :c WHERE id = :i"), {"n": HOSTILE[0], "c": HOSTILE[1], "i": first}
        )
        conn.execute(text("UPDATE opd SET name = :n WHERE id = :i"), {"n": "-2+3+cmd|' /C calc'!A0", "i": second})
        # the name printed on a PK is its frozen snapshot (signed rows: past the app's and the database's locks on
        # purpose)
        for opd, name in ((first, HOSTILE[0]), (second, "-2+3+cmd|' /C calc'!A0")):
            conn.execute(
                text("UPDATE performance_agreement SET opd_name = :n WHERE opd_id = :o"), {"n": name, "o": opd}
            )
    return first, second


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_evaluate_csv_neutralises_opd_names(demo_db: Database, capsys) -> None:  # noqa: ANN001
    _poison(demo_db)
    assert main(["evaluate", "--db", demo_db.location, "--year", "2025", "--quarter", "4", "--format", "csv"]) == 0
    cells = _cells(capsys.readouterr().out)
    assert "'" + HOSTILE[0] in cells and "'" + HOSTILE[1] in cells and "'-2+3+cmd|' /C calc'!A0" in cells
    assert not any(cell.startswith(("=", "@", "+")) for cell in cells)
    dangerous = [c for c in cells if c.startswith("-")]
    assert all(c.replace(",", "").replace(".", "").lstrip("-").isdigit() for c in dangerous), dangerous


def test_agreements_list_csv_neutralises_opd_names(demo_db: Database, capsys) -> None:  # noqa: ANN001
    _poison(demo_db)
    assert main(["agreements", "list", "--db", demo_db.location, "--year", "2025", "--format", "csv"]) == 0
    cells = _cells(capsys.readouterr().out)
    assert "'" + HOSTILE[0] in cells
    assert not any(cell.startswith(("=", "@", "+")) for cell in cells)
