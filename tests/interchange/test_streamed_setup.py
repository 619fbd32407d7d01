"""A master package sets up an empty laptop row by row (issue 20: import memory): rows.json is read a window at
a time (interchange/stream.py), each row checked and inserted in batches, never the whole package held.

The result is the same database as the held merge (plan, then apply) gives, on the demo and on a small city; bad
packages are refused as before, the laptop left empty.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_helpers import DOMAIN_TABLES, forge, master_package, opd_codes, rows

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.interchange import merge, stream
from kinerja_desktop.interchange.errors import MalformedContentError
from kinerja_desktop.interchange.rows import SNAPSHOT, Bases, _t
from kinerja_desktop.services import sync, sync_import

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


def _import_both(
    package: Path, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int = 97
) -> tuple[Database, ...]:
    """The package imported into two empty laptops: streamed (by default a tiny window, so entries straddle
    windows and the window grows; with the reader's own window, its entries come in batches of hundreds), and
    through the held merge."""
    streamed = open_database(tmp_path / "streamed.sqlite")
    calls = []
    original = merge.apply_setup

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        return original(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(stream, "WINDOW", window)
        patch.setattr(sync_import, "apply_setup", counting)
        preview_streamed = sync.preview_import(streamed, package, code=code)
        report_streamed = sync.import_package(streamed, package, code=code)
    assert calls == [1]
    held = open_database(tmp_path / "held.sqlite")
    with monkeypatch.context() as patch:
        patch.setattr(sync_import, "_empty_laptop", lambda db, package: False)
        patch.setattr(sync_import, "apply_setup", None)  # would fail if called
        preview_held = sync.preview_import(held, package, code=code)
        report_held = sync.import_package(held, package, code=code)
    assert preview_streamed.lines() == preview_held.lines()
    assert not preview_streamed.applied and preview_streamed.added == report_held.added
    for report in (report_streamed, report_held):
        assert report.applied and not report.conflicts and not report.refused
    assert report_streamed.added == report_held.added > 0
    assert report_streamed.warnings == report_held.warnings
    return streamed, held


def _bases(db: Database) -> dict[str, dict]:
    with db.read() as session:
        conn = session.connection()
        bases = Bases(conn)
        assert not bases.rows  # every base in its table's snapshot
        return {table: bases.snapshot(table) for table in bases.snapshot_ids}


def _audit(db: Database) -> Counter:
    with db.read() as session:
        t = _t("audit_log")
        return Counter((r.action, r.entity, r.summary) for r in session.connection().execute(select(t)))


def _same(streamed: Database, held: Database) -> None:
    assert rows(streamed, DOMAIN_TABLES) == rows(held, DOMAIN_TABLES)
    assert _bases(streamed) == _bases(held)
    assert _audit(streamed) == _audit(held)
    with streamed.read() as a, held.read() as b:
        me_a, me_b = (s.connection().execute(select(_t("sync_installation"))).one() for s in (a, b))
    assert (me_a.role, me_a.scope, me_a.key_id, me_a.secret) == (me_b.role, me_b.scope, me_b.key_id, me_b.secret)
    assert streamed.evidence.names() == held.evidence.names()
    for name in held.evidence.names():
        assert streamed.evidence.get(name) == held.evidence.get(name)


@pytest.mark.parametrize("window", [97, stream.WINDOW])
def test_the_demo_set_up_streamed_equals_the_held_merge(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    package = tmp_path / "induk.kinerja-paket"
    code = sync.export_master_package(demo_db, package).code
    streamed, held = _import_both(package, code, tmp_path, monkeypatch, window)
    _same(streamed, held)
    assert rows(streamed, ["indicator_realization"])["indicator_realization"]
    # and the laptop works on: a refresh from the centre is merged as before (the held path, its bases read back)
    again = tmp_path / "induk2.kinerja-paket"
    refresh = sync.export_master_package(demo_db, again).code
    assert sync.import_package(streamed, again, code=refresh).applied


@pytest.mark.parametrize("window", [97, stream.WINDOW])
def test_a_small_city_set_up_streamed_equals_the_held_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    from city import city, copy_city

    made = city(3, 4)
    centre = open_database(copy_city(made, tmp_path / "pusat"))
    package = tmp_path / "kota.kinerja-paket"
    result = sync.export_master_package(centre, package)
    assert result.evidence_files > 0
    batches: list[int] = []
    original = stream.RowsDocument._batch

    def counting(self, *args):  # noqa: ANN001, ANN002, ANN202
        found = original(self, *args)
        if isinstance(found, list):
            batches.append(len(found))
        return found

    monkeypatch.setattr(stream.RowsDocument, "_batch", counting)
    streamed, held = _import_both(package, result.code, tmp_path, monkeypatch, window)
    assert max(batches, default=1) > (1 if window == 97 else 100)  # a batch of hundreds with the reader's window
    _same(streamed, held)
    counts = {table: len(found) for table, found in rows(streamed, DOMAIN_TABLES).items()}
    assert sum(counts.values()) == made.rows


@pytest.fixture
def master(demo_db: Database, tmp_path: Path) -> dict:
    path = tmp_path / "induk.kinerja-paket"
    return master_package(path, sync.export_master_package(demo_db, path, opd_codes=opd_codes(demo_db, 1)).code)


def _duplicate_row(payload: dict) -> None:
    payload["rows"]["indicator_realization"].append(payload["rows"]["indicator_realization"][0])


def _unreferenced_file(payload: dict) -> None:
    payload["rows"]["evidence"] = [e for e in payload["rows"].get("evidence", []) if e["values"]["sha256"] != STRAY]


STRAY_DATA = b"berkas bukti yang tidak dirujuk"
STRAY = hashlib.sha256(STRAY_DATA).hexdigest()


def _not_a_list(payload: dict) -> None:
    payload["rows"]["indicator"] = 42


def _no_rows(payload: dict) -> None:
    del payload["rows"]


def _table_not_allowed(payload: dict) -> None:
    payload["rows"]["sync_key"] = []


BAD = [
    (_duplicate_row, "muncul dua kali"),
    (_unreferenced_file, "tidak dirujuk baris mana pun"),
    (_not_a_list, "baris tabel indicator bukan daftar"),
    (_no_rows, "tidak berisi daftar baris"),
    (_table_not_allowed, "tidak boleh ada dalam paket ini"),
]


@pytest.mark.parametrize(("change", "message"), BAD)
def test_a_bad_master_package_leaves_the_empty_laptop_empty(master: dict, tmp_path: Path, change, message) -> None:  # noqa: ANN001
    stray = {f"bukti/{STRAY}": STRAY_DATA} if change is _unreferenced_file else None
    bad = forge(master["path"], tmp_path / "buruk.kinerja-paket", change, secret=master["key"], members=stray)
    laptop = open_database(tmp_path / "laptop.sqlite")
    with pytest.raises(MalformedContentError, match=message):
        sync.preview_import(laptop, bad, code=master["code"])
    with pytest.raises(MalformedContentError, match=message):
        sync.import_package(laptop, bad, code=master["code"])
    assert all(not found for found in rows(laptop, DOMAIN_TABLES).values())
    assert not rows(laptop, ["sync_installation", "sync_base"])["sync_base"]


RAW = [
    (b'{"rows": {"opd": [', "bukan JSON yang sah"),
    (b'{"rows": {}} {}', "ada data sesudah akhir dokumen"),
    (b'{"rows": {"opd": []}, "rows": {}}', "kunci ganda"),
    (b'{"rows": {"opd": [{"id": 1, "id": 2}]}}', "kunci ganda"),
    (b'{"rows": {"opd": [NaN]}}', "nilai JSON tidak sah"),
    (b'{"rows": {"opd": ["\xff"]}}', "bukan UTF-8"),
    (b'["rows"]', "bukan JSON yang sah"),
]


@pytest.mark.parametrize(("raw", "message"), RAW)
def test_rows_json_that_is_not_strict_json_is_refused(master: dict, tmp_path: Path, raw: bytes, message: str) -> None:
    target = tmp_path / "rusak.kinerja-paket"
    bad = forge(master["path"], target, None, secret=master["key"], members={"rows.json": raw})
    laptop = open_database(tmp_path / "laptop.sqlite")
    with pytest.raises(MalformedContentError, match=message):
        sync.import_package(laptop, bad, code=master["code"])
    assert all(not found for found in rows(laptop, DOMAIN_TABLES).values())


@pytest.mark.parametrize("window", [1, 7, 4096])
def test_the_document_is_read_the_same_whatever_the_window(window: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "WINDOW", window)
    doc = {
        "tombstones": [{"x": 1}],
        "rows": {"a": [{"nama": "Dinas “Kesehatan” — é" * 3, "n": 12345, "d": "1.50"}, {"m": [1, 2]}], "b": []},
        "acknowledged": {},
    }
    texts = (json.dumps(doc, ensure_ascii=False), json.dumps(doc, indent=3), json.dumps(doc, separators=(",", ":")))
    for text in texts:
        document = stream.RowsDocument(text.encode())
        tables = {table: list(entries) for table, entries in document.tables()}
        assert tables == doc["rows"]
        assert document.get("tombstones") == [{"x": 1}] and document.get("acknowledged") == {}
        assert document.get("enrolment") is None


@pytest.mark.parametrize(
    "text",
    ['{"rows": {"a": [1,]}}', '{"rows": {"a": [1] "b": []}}', '{"rows": {"a": [1 2]}}', '{"rows": {"a": ["abc', "{"],
)
def test_broken_structure_is_refused_whatever_the_window(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for window in (1, 5, 4096):
        monkeypatch.setattr(stream, "WINDOW", window)
        with pytest.raises(stream.JsonError):
            document = stream.RowsDocument(text.encode())
            for _table, entries in document.tables():
                list(entries)
            document.get("x")


def test_a_snapshot_is_one_row_per_table(demo_db: Database, tmp_path: Path) -> None:
    package = tmp_path / "induk.kinerja-paket"
    code = sync.export_master_package(demo_db, package).code
    laptop = open_database(tmp_path / "laptop.sqlite")
    sync.import_package(laptop, package, code=code)
    found = rows(laptop, ["sync_base"])["sync_base"]
    with laptop.read() as session:
        names = [r.table_name for r in session.connection().execute(select(_t("sync_base")))]
    assert found and set(names) == {SNAPSHOT}
