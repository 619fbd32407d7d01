"""The fast paths of a master package into an empty laptop (issue 20, import ≤ 2× the sqlite3 load).

The indexes that check nothing are dropped while the rows go in and made again before the commit, in the same
transaction: the laptop's schema afterwards is the migrated one, index for index; a package refused midway (or an
import killed midway) leaves the schema and the (empty) rows as they were. A table that comes before one of its
parents has the indexes back first. Rows are picked once per batch for the snapshot and the insert: the result is
the held merge's (test_streamed_setup.py), the values stored exactly.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sync_helpers import DOMAIN_TABLES, forge, rows

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.interchange import merge
from kinerja_desktop.interchange.enrolment import EnrolmentKeys
from kinerja_desktop.interchange.errors import MalformedContentError
from kinerja_desktop.services import sync

pytestmark = pytest.mark.sqlite_only  # the laptop is a SQLite file: its schema is what these tests read

SECONDARY = "ix_indicator_realization_indicator_id"  # an index that checks nothing (CREATE INDEX, not unique)
UNIQUE_ONES = "sqlite_autoindex_indicator_realization_1"  # the primary key's: a check, never dropped


def _schema(path: Path) -> list[tuple]:
    """Every table, index and trigger with its SQL (the root pages left out: they move when an index is made)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    finally:
        conn.close()


def _indexes(conn: object) -> set[str]:
    found = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")  # type: ignore[attr-defined]
    return {name for (name,) in found}


def _empty_and_migrated(path: Path, migrated: list[tuple], master: dict) -> None:
    """The laptop as before the import (sound, no row, the migrated schema); the sound package then goes in."""
    laptop = open_database(path)  # quick_check: refuses a damaged file
    with laptop.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert all(not found for found in rows(laptop, DOMAIN_TABLES).values())
    assert not any(rows(laptop, ["sync_base", "sync_installation", "sync_import"]).values())
    laptop.close()
    assert _schema(path) == migrated
    laptop = open_database(path)
    assert sync.import_package(laptop, master["path"], code=master["code"]).applied
    laptop.close()
    assert _schema(path) == migrated


@pytest.fixture
def master(demo_db: Database, tmp_path: Path) -> dict:
    path = tmp_path / "induk.kinerja-paket"
    result = sync.export_master_package(demo_db, path)
    with zipfile.ZipFile(path) as zf:
        package_id = json.loads(zf.read("manifest.json"))["package_id"]
    return {"path": path, "code": result.code, "key": EnrolmentKeys(result.code, package_id).manifest_key}


@pytest.fixture
def migrated(tmp_path: Path) -> list[tuple]:
    fresh = open_database(tmp_path / "segar.sqlite")
    fresh.close()
    return _schema(tmp_path / "segar.sqlite")


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """The indexes there while each table's first batch is inserted."""
    found: dict[str, set[str]] = {}
    original = merge._SetupBatch.insert

    def spying(self, conn, snapshot):  # noqa: ANN001, ANN202
        if self.picked:
            found.setdefault(self.codec.table.name, _indexes(conn))
        return original(self, conn, snapshot)

    monkeypatch.setattr(merge._SetupBatch, "insert", spying)
    return found


def test_the_laptop_gets_the_migrated_schema_index_for_index(
    master: dict, migrated: list[tuple], seen: dict[str, set[str]], tmp_path: Path
) -> None:
    laptop = open_database(tmp_path / "laptop.sqlite")
    assert sync.import_package(laptop, master["path"], code=master["code"]).applied
    with laptop.read() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"  # every index holds every row
        assert conn.exec_driver_sql(f'SELECT count(*) FROM indicator_realization INDEXED BY "{SECONDARY}"').scalar()
    laptop.close()
    assert _schema(tmp_path / "laptop.sqlite") == migrated
    # while the rows went in, the index that checks nothing was not there; the primary key's was
    assert SECONDARY not in seen["indicator_realization"]
    assert UNIQUE_ONES in seen["indicator_realization"]
    kept = {name for kind, name, _table, _sql in migrated if kind == "index" and name.startswith("sqlite_autoindex")}
    assert kept <= seen["indicator_realization"]  # primary keys and unique constraints checked all along
    assert "ix_program_parent_id" in seen["indicator_realization"]  # a column referring to its own table


def _bad_value_late(payload: dict) -> None:
    payload["rows"]["indicator_realization"][-1]["values"]["value"] = "bukan angka"


STRAY_DATA = b"berkas bukti yang tidak dirujuk"
STRAY = {f"bukti/{hashlib.sha256(STRAY_DATA).hexdigest()}": STRAY_DATA}  # refused once every row is in


@pytest.mark.parametrize(
    ("change", "members", "message"),
    [
        (_bad_value_late, None, r"nilai 'bukan angka' pada kolom indicator_realization\.value bukan bilangan desimal"),
        (None, STRAY, "tidak dirujuk baris mana pun"),
    ],
)
def test_a_package_refused_midway_leaves_schema_and_rows_as_they_were(
    master: dict, migrated: list[tuple], seen: dict[str, set[str]], tmp_path: Path, change, members, message: str  # noqa: ANN001
) -> None:
    bad = forge(master["path"], tmp_path / "buruk.kinerja-paket", change, secret=master["key"], members=members)
    path = tmp_path / "laptop.sqlite"
    laptop = open_database(path)
    with pytest.raises(MalformedContentError, match=message):
        sync.import_package(laptop, bad, code=master["code"])
    laptop.close()
    assert seen and all(SECONDARY not in names for names in seen.values())  # refused while it was dropped
    _empty_and_migrated(path, migrated, master)


def _children_first(payload: dict) -> None:
    tables = payload["rows"]
    moved = {"indicator_realization": tables.pop("indicator_realization")}
    payload["rows"] = {**moved, **tables}


def test_a_table_before_its_parents_gets_the_indexes_back_first(
    master: dict, migrated: list[tuple], seen: dict[str, set[str]], tmp_path: Path
) -> None:
    reordered = forge(master["path"], tmp_path / "urutan.kinerja-paket", _children_first, secret=master["key"])
    path = tmp_path / "laptop.sqlite"
    laptop = open_database(path)
    assert sync.import_package(laptop, reordered, code=master["code"]).applied
    straight = open_database(tmp_path / "lurus.sqlite")
    assert sync.import_package(straight, master["path"], code=master["code"]).applied
    assert rows(laptop, DOMAIN_TABLES) == rows(straight, DOMAIN_TABLES)
    laptop.close()
    straight.close()
    assert SECONDARY not in seen["indicator_realization"]  # the first table: dropped
    later = [table for table in seen if table != "indicator_realization"]
    assert later and all(SECONDARY in seen[table] for table in later)  # back before any parent's rows
    assert _schema(path) == migrated


CHILD = """
import sys, time
from pathlib import Path
from kinerja_desktop.db.database import open_database
from kinerja_desktop.interchange import merge
from kinerja_desktop.services import sync

db_path, package, code, marker = sys.argv[1:5]
original = merge._SetupBatch.insert

def pausing(self, conn, snapshot):
    table = self.codec.table.name
    done = original(self, conn, snapshot)
    if table == "indicator_realization" and done:
        names = {n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        Path(marker + ".tmp").write_text(str("ix_indicator_realization_indicator_id" in names))
        Path(marker + ".tmp").replace(marker)
        time.sleep(60)
    return done

merge._SetupBatch.insert = pausing
sync.import_package(open_database(db_path), Path(package), code=code)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_an_import_killed_while_the_indexes_are_dropped_leaves_the_laptop_empty_and_migrated(
    master: dict, migrated: list[tuple], tmp_path: Path
) -> None:
    path = tmp_path / "laptop.sqlite"
    open_database(path).close()
    script, marker = tmp_path / "child.py", tmp_path / "penanda"
    script.write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, str(script), str(path), str(master["path"]), master["code"], str(marker)], env=env
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, "the child ended before the pause"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert marker.read_text() == "False"  # killed while the index was dropped (rows in, not committed)
    _empty_and_migrated(path, migrated, master)
