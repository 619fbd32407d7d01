"""Revision 0007 (server mode) upgrades a real 0006 file exactly as before plus two empty tables and the triggers:
every row is kept, the frozen documents still verify, and from then on the database itself refuses changes to the
signed PK and to the closed quarter's realisations."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from heads import table_source

from kinerja_desktop.db import triggers
from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.revisions import HEAD
from kinerja_desktop.services import maintenance

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _dump(path: Path, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every table's rows; with ``columns``, those tables through the columns they had (later revisions add
    columns, and 0009 moves ``opd_head`` into the position holders)."""
    conn = sqlite3.connect(path)
    try:
        if columns is None:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
        return {
            n: sorted(conn.execute(f'SELECT {", ".join(c)} FROM {table_source(conn, n)}').fetchall(), key=repr)
            for n, c in columns.items()
        }
    finally:
        conn.close()


def _columns(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: [row[1] for row in conn.execute(f'PRAGMA table_info("{n}")')] for n in names}
    finally:
        conn.close()


def test_0006_file_keeps_every_row_and_is_locked_by_the_database_afterwards(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "kinerja-0006.sqlite", path)
    columns = _columns(path)
    before = _dump(path)
    database = open_database(path)
    try:
        assert database.migrated_from == "0006_frozen"
        after = _dump(path)
        assert after["alembic_version"] == [(HEAD,)]
        # 0009_cascade adds the positions and moves opd_head's rows into position_holder; 0008_yearend the LKE;
        # 0010_users the users; 0011_verification the verification tables
        assert set(after) - set(before) == {"evidence_blob", "lock_bypass", "position", "position_holder",
                                            "goal_program", "lke_component", "lke_subcomponent", "lke_criterion",
                                            "lke_evaluation", "lke_answer", "app_user", "app_user_opd",
                                            "verification", "verification_event", "verifier_opd", "audit_change"}
        assert set(before) - set(after) == {"opd_head"}
        assert after["evidence_blob"] == [] and after["lock_bypass"] == []
        # 0011 counts the closed quarter's realisations as verified (tests/db/test_migrate_0011.py): the rest stays
        unverified = ("verified", "verified_at")
        columns["indicator_realization"] = [c for c in columns["indicator_realization"] if c not in unverified]
        kept = {n: c for n, c in columns.items() if n != "alembic_version"}
        assert _dump(path, kept) == _dump(FIXTURES / "kinerja-0006.sqlite", kept)
        assert maintenance.integrity_problems(database) == []  # the frozen documents still match their rows
        with database.engine.connect() as conn:
            assert triggers.missing(conn) == []
    finally:
        database.close()
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match=triggers.AGREEMENT_LOCKED):
            conn.execute("UPDATE agreement_item SET target = '1' WHERE agreement_id = 'a1'")
        with pytest.raises(sqlite3.IntegrityError, match=triggers.QUARTER_CLOSED):
            conn.execute("UPDATE indicator_realization SET value = '99' WHERE id = 'r1'")
        conn.execute("UPDATE indicator_realization SET value = '41' WHERE id = 'r2'")  # Triwulan II is open
        conn.execute("UPDATE agreement_item SET target = '1' WHERE agreement_id = 'a4'")  # a draft
        conn.commit()
    finally:
        conn.close()
