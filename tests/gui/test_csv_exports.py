"""The GUI's CSV files (ranking, belum lapor, reporting recap) neutralise formulas in OPD names and codes
(issue 11, point 14): every one goes through services/csv_files.py."""

from __future__ import annotations

import csv
from pathlib import Path

import raw_sql
from sqlalchemy import select, text

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.gui.models.ranking_table_model import write_ranking_csv
from kinerja_desktop.services import evaluation, printing

NAME = '=HYPERLINK("http://x","klik")'
CODE = "@SUM(1+1)*cmd|' /C calc'!A0"
ABBREVIATION = "+Dinkes"


def _poison(db: Database) -> str:
    """The first OPD gets hostile texts (raw SQL: as an old version or a script could have stored them)."""
    with db.read() as s:
        first = s.scalars(select(Opd.id).order_by(Opd.sort_order)).first()
    with raw_sql.behind_the_apps_back(db) as conn:  # signed PKs' rows: past the database's locks too
        conn.execute(
            text("UPDATE opd SET name = :n, code = :c, abbreviation = :a WHERE id = :i"),
            {"n": NAME, "c": CODE, "a": ABBREVIATION, "i": first},
        )
        conn.execute(text("UPDATE performance_agreement SET opd_name = :n WHERE opd_id = :o"), {"n": NAME, "o": first})
    return first


def _cells(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def _safe(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            if cell.startswith(("=", "+", "@", "\t", "\r")):
                raise AssertionError(f"unsafe cell {cell!r}")
            if cell.startswith("-"):
                assert cell.replace(".", "").replace(",", "").lstrip("-").isdigit(), cell  # a number: data


def test_the_ranking_csv_neutralises_opd_texts(demo_db: Database, tmp_path: Path) -> None:
    _poison(demo_db)
    ranking = evaluation.ranking(demo_db, 2025, 4)
    rows = _cells(write_ranking_csv(tmp_path / "peringkat.csv", list(ranking.rows)))
    _safe(rows)
    hostile = next(r for r in rows if r[3] == "'" + NAME)
    assert hostile[1] == "'" + CODE and hostile[2] == "'" + ABBREVIATION
    assert rows[1][4].replace(",", "").isdigit()  # the score stays a number: 97,89


def test_the_belum_lapor_csv_neutralises_opd_texts(demo_db: Database, tmp_path: Path) -> None:
    first = _poison(demo_db)
    with raw_sql.behind_the_apps_back(demo_db) as conn:  # the OPD reported nothing in 2025 Q4
        conn.execute(
            text(
                "DELETE FROM indicator_realization WHERE year = 2025 AND quarter = 4 AND indicator_id IN "
                "(SELECT i.id FROM indicator i JOIN goal g ON i.goal_id = g.id WHERE g.opd_id = :o)"
            ),
            {"o": first},
        )
    rows = _cells(printing.write_not_reported_csv(demo_db, 2025, 4, tmp_path / "belum-lapor.csv"))
    _safe(rows)
    assert rows[1][1:4] == ["'" + CODE, "'" + ABBREVIATION, "'" + NAME]


def test_the_recap_csv_neutralises_opd_texts(main_window, db, tmp_path: Path) -> None:  # noqa: ANN001
    from kinerja_desktop.demo import create_demo

    create_demo(db, seed=2026)
    _poison(db)
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2025))
    main_window.show_screen(main_window.reports)
    rows = _cells(main_window.reports.export_csv(str(tmp_path / "rekap.csv")))
    _safe(rows)
    assert ["'" + CODE, "'" + NAME] in [row[:2] for row in rows]
