"""Revision 0003 (sync bookkeeping) upgrades a real 0002 file without touching its rows."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from heads import table_source

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.revisions import HEAD

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SYNC_TABLES = {
    "sync_installation",
    "sync_key",
    "sync_peer",
    "sync_base",
    "sync_received",
    "sync_tombstone",
    "sync_import",
}


def _columns(path: Path, tables: list[str]) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {t: [row[1] for row in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    finally:
        conn.close()


def _dump(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """The rows of each table, read through the columns it had before (later revisions may add columns)."""
    conn = sqlite3.connect(path)
    try:
        return {
            t: sorted(conn.execute(f'SELECT {", ".join(names)} FROM {table_source(conn, t)}').fetchall(), key=repr)
            for t, names in columns.items()
        }
    finally:
        conn.close()


def test_0002_database_gains_the_sync_tables_and_keeps_every_row(tmp_path: Path) -> None:
    # GIVEN a real database file at revision 0002 with OPD contacts filled in
    path = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "kinerja-0002.sqlite", path)
    domain = ["official", "opd", "opd_head", "opd_name_history", "program", "program_budget"]
    columns = _columns(path, domain)
    before = _dump(path, columns)
    assert before["opd"] and before["program_budget"]
    # WHEN the app opens it
    database = open_database(path)
    try:
        assert database.migrated_from == "0002_opd_contacts"
        # THEN it is at head, the sync tables exist and are empty, and no row changed
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert SYNC_TABLES <= tables
            assert all(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0 for t in SYNC_TABLES)
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()
        assert _dump(path, columns) == before
        # AND deleting a row through the ORM now leaves a tombstone for field packages
        from kinerja_desktop.db.models import OpdNameHistory
        from kinerja_desktop.db.sync_models import SyncTombstone

        with database.write() as session:
            session.delete(session.query(OpdNameHistory).one())
        with database.read() as session:
            tombstone = session.query(SyncTombstone).one()
            assert (tombstone.table_name, tombstone.origin) == ("opd_name_history", "lokal")
            assert tombstone.opd_id == "p1"
    finally:
        database.close()
