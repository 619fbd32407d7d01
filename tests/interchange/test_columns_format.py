"""A master package's rows.json in format version 2 (issue 20, master import and export speed): each table as its
column names once and one array of values per row, ``{"columns": [...], "values": [[...], ...]}``.

The same content imports to the same database as its version-1 form (entries ``{"id", "values"}``), into an
empty laptop (streamed), a laptop with data (the merge) and in the preview; every malformation of the columns
form is refused with an Indonesian message and nothing changed; the form is refused in a version-1 package; a
field package stays version 1.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sync_helpers import (
    DOMAIN_TABLES,
    checksum,
    content_rows,
    edit,
    forge,
    make_laptop,
    master_package,
    opd_codes,
    realizations,
    rows,
)

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.interchange import package as package_module
from kinerja_desktop.interchange import stream
from kinerja_desktop.interchange.errors import MalformedContentError
from kinerja_desktop.interchange.manifest import COLUMNS_FORMAT_VERSION, FORMAT_VERSION
from kinerja_desktop.interchange.package import codec
from kinerja_desktop.interchange.rows import Bases, _t
from kinerja_desktop.services import sync, sync_import

TABLE = "indicator_realization"


def _payload(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("rows.json"))


def _version(path: Path) -> int:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))["format_version"]


def _as_version_1(master: dict, target: Path) -> Path:
    """The same master package written as version 1 (every table a list of entries), signed again."""
    return forge(master["path"], target, None, secret=master["key"])


def _bases(db: Database) -> dict[str, Any]:
    with db.read() as session:
        bases = Bases(session.connection())
        return {
            "rows": {key: {k: v for k, v in entry.items() if k != "id"} for key, entry in bases.rows.items()},
            "snapshots": {table: bases.snapshot(table) for table in bases.snapshot_ids},
        }


def _installation(db: Database) -> tuple:
    with db.read() as session:
        me = session.connection().execute(select(_t("sync_installation"))).one()
    return me.role, me.scope, me.key_id, me.secret, me.last_seq


def _same(a: Database, b: Database) -> None:
    assert content_rows(a.path) == content_rows(b.path)  # every column but updated_at (the import's own time)
    assert _bases(a) == _bases(b)
    assert _installation(a) == _installation(b)
    assert a.evidence.names() == b.evidence.names()


@pytest.fixture
def whole(demo_db: Database, tmp_path: Path) -> dict:
    """The demo's master package of every OPD (format version 2, as the centre writes it)."""
    path = tmp_path / "induk.kinerja-paket"
    return master_package(path, sync.export_master_package(demo_db, path).code)


def test_the_centre_writes_every_table_in_its_columns_form(whole: dict) -> None:
    payload = _payload(whole["path"])
    assert _version(whole["path"]) == COLUMNS_FORMAT_VERSION
    assert payload["rows"] and all(list(value) == ["columns", "values"] for value in payload["rows"].values())
    for table, value in payload["rows"].items():
        assert value["columns"] == codec(table).columns
        assert all(len(array) == len(value["columns"]) for array in value["values"])
    assert payload["rows"][TABLE]["values"]
    with zipfile.ZipFile(whole["path"]) as zf:
        text = zf.read("rows.json")
    assert b'"values":[' in text and b'"values":{' not in text and b", " not in text[:2000]  # compact


@pytest.mark.parametrize("window", [97, stream.WINDOW])
def test_both_versions_set_up_the_same_laptop(
    whole: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    # GIVEN the same content as version 2 and as version 1
    old = _as_version_1(whole, tmp_path / "lama.kinerja-paket")
    assert _version(old) == FORMAT_VERSION and isinstance(_payload(old)["rows"][TABLE], list)
    monkeypatch.setattr(stream, "WINDOW", window)  # rows straddling the reader's windows
    laptops = {}
    previews = {}
    for name, path in (("v2", whole["path"]), ("v1", old)):
        laptops[name] = open_database(tmp_path / f"{name}.sqlite")
        previews[name] = sync.preview_import(laptops[name], path, code=whole["code"])
        report = sync.import_package(laptops[name], path, code=whole["code"])
        assert report.applied and not report.conflicts and report.added > 0
    # AND version 2 through the held merge (a laptop that is not taken as empty)
    laptops["held"] = open_database(tmp_path / "held.sqlite")
    with monkeypatch.context() as patch:
        patch.setattr(sync_import, "_empty_laptop", lambda db, package: False)
        previews["held"] = sync.preview_import(laptops["held"], whole["path"], code=whole["code"])
        assert sync.import_package(laptops["held"], whole["path"], code=whole["code"]).applied
    # THEN the same preview and the same database, rows and merge bases
    lines = [previews[name].lines()[1:] for name in ("v2", "v1", "held")]  # [0] names the file
    assert lines[0] == lines[1] == lines[2]
    assert previews["v2"].added == previews["v1"].added > 0
    _same(laptops["v2"], laptops["v1"])
    _same(laptops["v2"], laptops["held"])
    assert rows(laptops["v2"], DOMAIN_TABLES) == rows(laptops["v1"], DOMAIN_TABLES)  # updated_at too


def test_both_versions_merge_the_same_into_a_laptop_with_data(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN two laptops set up alike, and the centre's data changed since
    codes = opd_codes(demo_db, 2)
    first = tmp_path / "induk1.kinerja-paket"
    setup = master_package(first, sync.export_master_package(demo_db, first, opd_codes=codes).code)
    laptops = [open_database(tmp_path / f"laptop{n}.sqlite") for n in (1, 2)]
    for laptop in laptops:
        assert sync.import_package(laptop, first, code=setup["code"]).applied
    target = realizations(demo_db, codes[0])[0]
    edit(demo_db, TABLE, target, value="77.5")
    second = tmp_path / "induk2.kinerja-paket"
    refresh = master_package(second, sync.export_master_package(demo_db, second, opd_codes=codes).code)
    old = _as_version_1(refresh, tmp_path / "lama.kinerja-paket")
    # WHEN one imports it as version 2, the other as version 1 (the merge: the laptops hold data)
    pairs = list(zip(laptops, (second, old), strict=True))
    previews = [sync.preview_import(laptop, path, code=refresh["code"]) for laptop, path in pairs]
    assert previews[0].lines()[1:] == previews[1].lines()[1:]  # [0] names the file
    reports = [sync.import_package(laptop, path, code=refresh["code"]) for laptop, path in pairs]
    # THEN the same changes, rows and bases
    assert all(report.applied for report in reports)
    assert reports[0].lines()[1:] == reports[1].lines()[1:] and reports[0].changed >= 1
    _same(*laptops)
    with laptops[0].read() as session:
        found = session.connection().exec_driver_sql(f"SELECT value FROM {TABLE} WHERE id = ?", (target,)).scalar()
    assert str(found) == "77.5"


@pytest.fixture
def master(demo_db: Database, tmp_path: Path) -> dict:
    path = tmp_path / "satu.kinerja-paket"
    return master_package(path, sync.export_master_package(demo_db, path, opd_codes=opd_codes(demo_db, 1)).code)


def _table(change: Callable[[dict, dict], Any]) -> Callable[[dict], None]:
    """``change(payload, columns form of TABLE)``; what it returns (not None) replaces TABLE's value."""

    def apply(payload: dict) -> None:
        found = change(payload, payload["rows"][TABLE])
        if found is not None:
            payload["rows"][TABLE] = found

    return apply


def _cell(column: str, value: Any, at: int = 5) -> Callable[[dict], None]:
    def change(_payload: dict, form: dict) -> None:
        form["values"][at][form["columns"].index(column)] = value

    return _table(change)


def _without(column: str) -> Callable[[dict], None]:
    def change(_payload: dict, form: dict) -> dict:
        at = form["columns"].index(column)
        return {
            "columns": [c for c in form["columns"] if c != column],
            "values": [row[:at] + row[at + 1 :] for row in form["values"]],
        }

    return _table(change)


def _renamed(column: str, name: str) -> Callable[[dict], None]:
    def change(_payload: dict, form: dict) -> None:
        form["columns"][form["columns"].index(column)] = name

    return _table(change)


BAD_FORMS = [
    (_table(lambda p, f: {}), f"tabel {TABLE}: “columns” tidak ada"),
    (_table(lambda p, f: {"values": f["values"]}), f"tabel {TABLE}: “columns” harus anggota pertama"),
    (_table(lambda p, f: {"values": f["values"], "columns": f["columns"]}), "“columns” harus anggota pertama"),
    (_table(lambda p, f: {"columns": "id", "values": f["values"]}), f"“columns” tabel {TABLE} bukan daftar nama"),
    (_table(lambda p, f: {"columns": [*f["columns"][:-1], 7], "values": f["values"]}), "bukan daftar nama kolom"),
    (_renamed("grade", "year"), f"kolom “year” disebut dua kali dalam “columns” tabel {TABLE}"),
    (_renamed("grade", "rahasia"), f"kolom tidak dikenal di tabel {TABLE}: rahasia"),
    (_without("grade"), f"kolom {TABLE}.grade tidak ada"),
    (_without("id"), f"tabel {TABLE}: kolom “id” tidak ada"),
    (_table(lambda p, f: {"columns": f["columns"]}), f"tabel {TABLE}: “values” tidak ada"),
    (_table(lambda p, f: {"columns": f["columns"], "rows": []}), "“values” harus menyusul “columns”"),
    (_table(lambda p, f: {"columns": f["columns"], "values": {"a": 1}}), f"“values” tabel {TABLE} bukan daftar"),
    (_table(lambda p, f: {**f, "base": None}), f"tabel {TABLE}: anggota “base” tidak dikenal"),
    (_table(lambda p, f: f["values"].__setitem__(5, {"id": 1})), f"baris ke-6 tabel {TABLE} bukan larik"),
    (_table(lambda p, f: f["values"][5].append(None)), f"baris ke-6 tabel {TABLE} bukan larik"),
    (_table(lambda p, f: f["values"][0].pop() and None), f"baris ke-1 tabel {TABLE} bukan larik"),
    (_table(lambda p, f: f["values"].append(f["values"][0])), "muncul dua kali"),
    (_cell("id", "bukan-uuid"), f"kunci baris tabel {TABLE} tidak sah"),
]


def _refused(laptop: Database, bad: Path, code: str, message: str) -> str:
    """The package refused by the preview and the import, ``message`` given, nothing changed: the message after
    the file's name."""
    before = checksum(laptop)
    with pytest.raises(MalformedContentError) as previewed:
        sync.preview_import(laptop, bad, code=code)
    with pytest.raises(MalformedContentError) as imported:
        sync.import_package(laptop, bad, code=code)
    assert message in str(previewed.value) and message in str(imported.value)
    assert "Basis data tidak diubah" in str(imported.value)
    assert checksum(laptop) == before
    return str(imported.value).split("”", 1)[1]


@pytest.mark.parametrize(("change", "message"), BAD_FORMS)
def test_a_malformed_columns_form_is_refused_and_nothing_changes(
    master: dict, demo_db: Database, tmp_path: Path, change: Callable[[dict], None], message: str
) -> None:
    bad = forge(master["path"], tmp_path / "buruk.kinerja-paket", change, secret=master["key"], entries=False)
    assert _version(bad) == COLUMNS_FORMAT_VERSION
    # an empty laptop (the streamed set-up) and one with data (the merge)
    empty = open_database(tmp_path / "kosong.sqlite")
    _refused(empty, bad, master["code"], message)
    assert all(not found for found in rows(empty, DOMAIN_TABLES).values())
    used = make_laptop(tmp_path, "isi", demo_db, opd_codes(demo_db, 1))
    _refused(used, bad, master["code"], message)


BAD_VALUES = [
    ("value", 1.5, "bukan bilangan desimal"),
    ("year", "2026", "bukan bilangan bulat"),
    ("quarter", 7, "batasan"),
    ("indicator_id", None, "tidak boleh kosong"),
    ("created_at", "2026-01-01T00:00:00+07:00", "waktu UTC tanpa zona"),
    ("problems", 5, "bukan teks"),
]


@pytest.mark.parametrize(("column", "value", "message"), BAD_VALUES)
def test_a_bad_value_is_refused_as_version_1_refuses_it(
    master: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column: str, value: Any, message: str
) -> None:
    # GIVEN the same bad value in the 6th row, in version 2 and in version 1
    new = forge(
        master["path"], tmp_path / "v2.kinerja-paket", _cell(column, value), secret=master["key"],
        entries=False,
    )
    row_id = _payload(new)["rows"][TABLE]["values"][5][codec(TABLE).columns.index("id")]

    def old_change(payload: dict) -> None:
        payload["rows"][TABLE][5]["values"][column] = value

    old = forge(master["path"], tmp_path / "v1.kinerja-paket", old_change, secret=master["key"])
    laptop = open_database(tmp_path / "laptop.sqlite")
    # THEN the same message, naming the table and the row
    refused = _refused(laptop, new, master["code"], message)
    assert _refused(laptop, old, master["code"], message) == refused
    assert f"(baris {TABLE} {row_id})" in refused
    # AND the same when every row is checked alone (no batch checked a column at a time)
    with monkeypatch.context() as patch:
        patch.setattr(stream, "BATCH", 0)
        patch.setattr(package_module._Arrays, "parse_many", lambda *args, **kwargs: None)
        assert _refused(laptop, new, master["code"], message) == refused


def test_the_columns_form_is_refused_in_a_version_1_package(master: dict, tmp_path: Path) -> None:
    def one_table_as_columns(payload: dict) -> None:
        entries = payload["rows"][TABLE]
        columns = codec(TABLE).columns
        payload["rows"][TABLE] = {"columns": columns, "values": [[e["values"][c] for c in columns] for e in entries]}

    bad = forge(master["path"], tmp_path / "campur.kinerja-paket", one_table_as_columns, secret=master["key"])
    assert _version(bad) == FORMAT_VERSION
    laptop = open_database(tmp_path / "laptop.sqlite")
    _refused(laptop, bad, master["code"], f"baris tabel {TABLE} berbentuk kolom")


def test_duplicate_keys_are_still_refused_where_objects_remain(master: dict, tmp_path: Path) -> None:
    text = json.dumps(_payload(master["path"]), separators=(",", ":"))
    marker = '"@@"'
    for where, replacement in (
        (f'"{TABLE}":{{"columns":', f'"{TABLE}":{{"columns":["id"],"columns":'),  # in the table's object
        (marker, '{"a":1,"a":2}'),  # in an object standing as a cell
    ):
        payload = json.loads(text)
        payload["rows"][TABLE]["values"][3][2] = "@@"
        raw = json.dumps(payload, separators=(",", ":")).replace(where, replacement, 1).encode()
        assert raw != json.dumps(payload, separators=(",", ":")).encode()
        bad = forge(
            master["path"], tmp_path / "ganda.kinerja-paket", None, secret=master["key"], members={"rows.json": raw},
            entries=False,
        )
        laptop = open_database(tmp_path / f"laptop-{len(where)}.sqlite")
        message = "kunci ganda" if where == marker else "“values” harus menyusul “columns”"
        _refused(laptop, bad, master["code"], message)


@pytest.mark.parametrize("window", [1, 7, 4096])
def test_the_columns_form_reads_the_same_whatever_the_window_and_layout(
    window: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "WINDOW", window)
    monkeypatch.setattr(stream, "BATCH", 40)  # batches cut between arrays, and inside them
    cells = [["a", 1, "x],[y"], ["b", None, "[[\"], [\""], ["c", 3, "é ✓"], ["d", 4, ""]]
    tables = {"t": {"columns": ["id", "n", "s"], "values": cells}, "u": [{"id": 1}]}
    tables["w"] = {"columns": ["id"], "values": []}
    doc = {"rows": tables, "tombstones": []}
    compact = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    for text in (json.dumps(doc), compact, json.dumps(doc, indent=2)):
        document = stream.RowsDocument(text.encode(), columns_form=True)
        found = {}
        for table, entries in document.tables():
            found[table] = (getattr(entries, "columns", None), list(entries))
        assert found == {"t": (["id", "n", "s"], cells), "u": (None, [{"id": 1}]), "w": (["id"], [])}
        assert document.get("tombstones") == []


def test_a_field_package_stays_version_1(demo_db: Database, tmp_path: Path) -> None:
    codes = opd_codes(demo_db, 1)
    laptop = make_laptop(tmp_path, "lapangan", demo_db, codes)
    edit(laptop, TABLE, realizations(laptop, codes[0])[0], value="12.5")
    out = tmp_path / "lapangan.kinerja-paket"
    sync.export_package(laptop, out)
    assert _version(out) == FORMAT_VERSION
    entries = _payload(out)["rows"][TABLE]
    assert isinstance(entries, list) and set(entries[0]) == {"id", "values", "base", "base_version"}
    assert sync.import_package(demo_db, out).applied


def test_rows_read_picked_have_the_values_of_rows_read_whole(whole: dict) -> None:
    from kinerja_desktop.interchange.package import open_package

    def read(picked: bool) -> dict[str, list]:
        reader = open_package(whole["path"], known_revisions=sync_import.REVISIONS, code=whole["code"])
        return {table: list(found) for table, found in reader.tables(picked=picked)}

    plain, picked = read(False), read(True)
    assert plain == picked and sum(map(len, picked.values())) > 100
    for table, found in picked.items():
        pairs = zip(found, plain[table], strict=True)
        assert all(row.picked == codec(table).pick(plain_row.values) for row, plain_row in pairs)


def test_ids_are_told_uuids_all_at_once_as_one_by_one() -> None:
    from kinerja_desktop.interchange.manifest import all_uuids, is_uuid

    good = ["0b6f3a52-6a6e-4c35-9a3f-3c1d2e4f5a6b", "ffffffff-0000-4000-8000-000000000000"]
    bad = [
        good[0].upper(),
        good[0][:35],
        good[0][:18] + "\n" + good[0][19:],
        good[0] + "\n",
        good[0][:35] + "g",
        7,
        None,
        "",
    ]
    assert all_uuids(good) and all_uuids(good[:1])
    for value in bad:
        for ids in ([value], [*good, value], [value, *good]):
            assert all_uuids(ids) == all(map(is_uuid, ids)) is False, ids
