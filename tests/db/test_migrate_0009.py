"""Revision 0009 (the cascade) upgrades a real file with OPD heads and signed PKs: each OPD gets its head position
(the same id on every computer), every head period becomes a holder of it with the same id and values, the OPDs'
PKs name that position, and every signed PK keeps its rows and still verifies."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import head_position_id
from kinerja_desktop.services import opd as opd_service
from kinerja_desktop.services import positions, printing

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(sql).fetchall(), key=repr)
    finally:
        conn.close()


def test_heads_become_holders_of_head_positions_and_pks_name_them(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "kinerja-0005-signed.sqlite", path)
    heads = _rows(path, "SELECT id, opd_id, official_id, position, acting, start_date, end_date, version FROM opd_head")
    opds = _rows(path, "SELECT id, name FROM opd")
    agreements = _rows(path, "SELECT id, kind, opd_id, status, version_no FROM performance_agreement")
    assert heads and agreements
    database = open_database(path)
    try:
        tables = {r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "opd_head" not in tables and {"position", "position_holder", "goal_program"} <= tables
        # one head position per OPD, its id made from the OPD's, named as its latest head's jabatan
        posts = _rows(path, "SELECT id, opd_id, level, parent_id FROM position")
        assert posts == sorted([(head_position_id(o), o, "kepala", None) for o, _ in opds], key=repr)
        assert head_position_id(opds[0][0]) == str(uuid.uuid5(uuid.UUID("6f1d2c1e-3b7a-5e0c-9a57-2d8b0c4e71a5"),
                                                              opds[0][0]))
        # every head period kept, same id and values, now a holder of its OPD's head position
        holders = _rows(path, "SELECT h.id, p.opd_id, h.official_id, h.position, h.acting, h.start_date, h.end_date,"
                              " h.version FROM position_holder h JOIN position p ON p.id = h.position_id")
        assert holders == heads
        # the OPDs' PKs name the head position; nothing else of theirs changed
        after = _rows(path, "SELECT id, kind, opd_id, status, version_no FROM performance_agreement")
        assert after == agreements
        named = _rows(path, "SELECT opd_id, position_id FROM performance_agreement WHERE kind = 'opd'")
        assert all(position == head_position_id(opd) for opd, position in named)
        assert _rows(path, "PRAGMA foreign_key_check") == []
        # the services read the same heads as before: the OPD's form and its structure agree
        for opd_id, _name in opds:
            form = opd_service.get_opd(database, opd_id)
            [head] = positions.list_positions(database, opd_id)
            assert head.holder_name == form.head.name
        # the signed PKs print as they were frozen and verify
        files = printing.write(database, printing.Request("pk", 2025), tmp_path / "pk")
        assert files and all(printing.verify_pdf(database, f).matches for f in files)
    finally:
        database.close()
