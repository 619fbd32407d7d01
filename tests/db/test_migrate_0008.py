"""Revision 0008 (the year's end) upgrades a real older file: the LKE tables are added empty, the existing regency
gets five Piagam recipients, no row changes; downgrading removes exactly what it added."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.migrate import alembic_config

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LKE_TABLES = {"lke_component", "lke_subcomponent", "lke_criterion", "lke_evaluation", "lke_answer"}


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_0008_adds_the_lke_tables_and_the_award_count_and_goes_back(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "kinerja-0005-signed.sqlite", path)
    conn = sqlite3.connect(path)
    regencies = conn.execute("SELECT id, name FROM regency").fetchall()
    conn.close()
    assert not LKE_TABLES & _tables(path)
    database = open_database(path)
    database.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT id, name, award_count FROM regency").fetchall() == [(*r, 5) for r in regencies]
        for table in LKE_TABLES:
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0006_frozen")
    engine.dispose()
    assert not LKE_TABLES & _tables(path)
    conn = sqlite3.connect(path)
    try:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(regency)")]
        assert "award_count" not in columns
        assert conn.execute("SELECT id, name FROM regency").fetchall() == regencies
    finally:
        conn.close()
