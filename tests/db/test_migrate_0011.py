"""Revision 0011 (verification) upgrades a real older file without changing what anything means: its final,
signed and replaced PKs and the reports of its closed quarter count as verified, a draft stays a draft never
submitted; downgrading removes exactly what it added."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.migrate import alembic_config

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TABLES = {"verification", "verification_event", "verifier_opd"}


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_0011_counts_the_past_as_verified_and_goes_back(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "kinerja-0006.sqlite", path)
    conn = sqlite3.connect(path)
    statuses = dict(conn.execute("SELECT id, status FROM performance_agreement").fetchall())
    closed = conn.execute("SELECT year, quarter FROM quarter_closure").fetchall()
    assert conn.execute("SELECT COUNT(*), SUM(verified) FROM indicator_realization").fetchone() == (2, 0)
    conn.close()
    assert closed == [(2025, 1)] and sorted(statuses.values()) == ["diganti", "ditandatangani", "draf", "final"]
    database = open_database(path)
    database.close()
    conn = sqlite3.connect(path)
    try:
        pks = dict(conn.execute("SELECT agreement_id, state FROM verification WHERE kind = 'pk'").fetchall())
        assert pks == {i: "diverifikasi" for i, status in statuses.items() if status != "draf"}
        reports = conn.execute("SELECT year, quarter, state FROM verification WHERE kind = 'laporan'").fetchall()
        assert reports == [(2025, 1, "diverifikasi")]
        realisations = conn.execute("SELECT quarter, verified FROM indicator_realization ORDER BY quarter").fetchall()
        assert realisations == [(1, 1), (2, 0)]  # the closed quarter's only: Triwulan II stays "sementara"
        events = conn.execute("SELECT action, state, user FROM verification_event").fetchall()
        assert events == [("verifikasi", "diverifikasi", "migrasi")] * 4
        assert conn.execute("SELECT verification_required FROM regency").fetchall() == [(0,)]
        assert conn.execute("SELECT COUNT(*) FROM lock_bypass").fetchone() == (0,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0008_yearend")
    engine.dispose()
    assert not TABLES & _tables(path)
    conn = sqlite3.connect(path)
    try:
        assert "verification_required" not in [row[1] for row in conn.execute("PRAGMA table_info(regency)")]
    finally:
        conn.close()
