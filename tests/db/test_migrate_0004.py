"""Revision 0004 (the planning agency on the regency row) upgrades a real 0003 file without touching its rows."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from heads import table_source

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.revisions import HEAD
from kinerja_desktop.services import regency

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DOMAIN = ["regency", "official", "opd", "opd_head", "opd_name_history", "program", "program_budget"]


def _columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {t: [row[1] for row in conn.execute(f'PRAGMA table_info("{t}")')] for t in DOMAIN}
    finally:
        conn.close()


def _dump(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """The rows of each table; with ``columns``, only those (later revisions may add columns)."""
    conn = sqlite3.connect(path)
    try:
        return {
            t: sorted(
                conn.execute(
                    f'SELECT {", ".join(columns[t]) if columns else "*"} FROM {table_source(conn, t)}'
                ).fetchall(),
                key=repr,
            )
            for t in DOMAIN
        }
    finally:
        conn.close()


def test_0003_database_gains_empty_agency_fields_and_keeps_every_row(tmp_path: Path) -> None:
    # GIVEN a real database file at revision 0003 with a regency row and OPDs
    path = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "kinerja-0003.sqlite", path)
    before = _dump(path)
    columns = {t: names for t, names in _columns(path).items() if t != "regency"}
    columns["regency"] = ["*"]
    assert before["regency"] and before["opd"]
    # WHEN the app opens it
    database = open_database(path)
    try:
        assert database.migrated_from == "0003_sync"
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()
        # THEN the old rows are kept (the regency row only gains the new columns, empty)
        after = _dump(path, columns)
        assert {t: after[t] for t in DOMAIN if t != "regency"} == {t: before[t] for t in DOMAIN if t != "regency"}
        assert [row[: len(before["regency"][0])] for row in after["regency"]] == before["regency"]
        profile = regency.get_profile(database)
        assert profile.name == "Sukamaju" and profile.agency_name == "" and profile.agency_opd_id is None
        # AND the agency can be recorded and linked to its OPD
        profile.agency_name, profile.agency_short = "Badan Perencanaan Pembangunan Daerah", "Bappeda"
        profile.agency_opd_id = "p1"
        regency.save_profile(database, profile)
        saved = regency.get_profile(database)
        assert (saved.agency_name, saved.agency_short, saved.agency_opd_id) == (
            "Badan Perencanaan Pembangunan Daerah",
            "Bappeda",
            "p1",
        )
    finally:
        database.close()
