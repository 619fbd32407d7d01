"""Revision 0005 (period kind, program hierarchy) upgrades a real 0004 file without touching its rows."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from heads import table_source

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.revisions import HEAD
from kinerja_desktop.domain.enums import PeriodKind, ProgramLevel
from kinerja_desktop.services import periods, programs
from kinerja_desktop.services.programs import ProgramForm

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DOMAIN = ["regency", "official", "opd", "opd_head", "planning_period", "fiscal_year", "program", "program_budget"]


def _columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {t: [row[1] for row in conn.execute(f'PRAGMA table_info("{t}")')] for t in DOMAIN}
    finally:
        conn.close()


def _dump(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: sorted(conn.execute(f'SELECT {", ".join(names)} FROM {table_source(conn, t)}').fetchall(), key=repr)
            for t, names in columns.items()
        }
    finally:
        conn.close()


def test_0004_database_gains_active_rpjmd_periods_and_top_level_programs(tmp_path: Path) -> None:
    # GIVEN a real database file at revision 0004 with a period, its fiscal years and a program with pagu
    path = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "kinerja-0004.sqlite", path)
    columns = _columns(path)
    before = _dump(path, columns)
    assert before["planning_period"] and before["program"] and before["program_budget"]
    assert "level" not in columns["program"] and "kind" not in columns["planning_period"]
    # WHEN the app opens it
    database = open_database(path)
    try:
        assert database.migrated_from == "0004_agency"
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            # THEN the existing period is an active RPJMD and the existing program a top-level program
            assert conn.execute("SELECT kind, is_active FROM planning_period").fetchall() == [("rpjmd", 1)]
            assert conn.execute("SELECT level, parent_id FROM program").fetchall() == [("program", None)]
        finally:
            conn.close()
        # AND every old row reads the same through its old columns
        assert _dump(path, columns) == before
        [period] = periods.list_periods(database)
        assert (period.name, period.kind, period.is_active) == ("RPJMD 2025–2029", PeriodKind.RPJMD, True)
        # AND the program takes kegiatan, whose pagu it then carries
        [program] = programs.program_tree(database, "p1")
        assert program.pagu == {2025: 12345678000}
        programs.save_program(
            database,
            ProgramForm("p1", ProgramLevel.ACTIVITY, "1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan",
                        parent_id=program.id, pagu={2025: 2_000_000_000}),
        )
        [program] = programs.program_tree(database, "p1")
        assert program.pagu == {2025: 2_000_000_000} and program.pagu_from_children
    finally:
        database.close()
