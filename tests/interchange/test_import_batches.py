"""A master package's rows read in batches (issue 20: import ≤ 2× the sqlite3 load): rows.json's entries decoded
many at a time (interchange/stream.py), their values checked a column at a time (codec.TableCodec.validate_rows),
each evidence file hashed once on the way in.

Whatever the batch, the result is the one-at-a-time reading's: the same entries, the same rows, and for anything
wrong the same Indonesian message (naming the table, the column and the row), the laptop left empty.
"""

from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from sync_helpers import DOMAIN_TABLES, as_entries, forge, master_package, opd_codes, rows

from kinerja_desktop.db import evidence as evidence_module
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.sync_scope import sync_order
from kinerja_desktop.interchange import package as package_module
from kinerja_desktop.interchange import stream
from kinerja_desktop.interchange.codec import CodecError
from kinerja_desktop.interchange.errors import MalformedContentError
from kinerja_desktop.interchange.package import codec, open_package
from kinerja_desktop.services import sync
from kinerja_desktop.services.sync_import import REVISIONS

# --------------------------------------------------------------------------------------------- the document


def _document(count: int = 30) -> dict[str, Any]:
    """Entries of every shape a batch must cut around: nested objects and lists, texts holding the separators
    themselves, non-ASCII text, two tables one after the other, an empty table."""
    entries = []
    for i in range(count):
        entries.append(
            {
                "id": f"r{i}",
                "values": {"nama": "Dinas “Kesehatan” — é" if i % 3 else '},{"id": }, {"x"', "n": i, "d": "1.50"},
                "base": {"m": [{"a": i}, {"b": [1, {"c": None}]}]} if i % 4 == 0 else None,
            }
        )
    return {
        "tombstones": [{"x": 1}],
        "rows": {"a": entries, "b": [{"id": "b0", "values": {}}, {"id": "b1"}], "c": [], "d": [{"id": "d0"}]},
        "acknowledged": {},
    }


BATCH, WINDOW = stream.BATCH, stream.WINDOW  # as the reader has them

LAYOUTS = {
    "compact": {"separators": (",", ":"), "ensure_ascii": False},
    "dumps": {},
    "indent": {"indent": 1},
}


def _read(text: bytes, batched: bool = False) -> tuple[dict[str, list], Any]:
    document = stream.RowsDocument(text)
    tables = {table: list(entries) for table, entries in document.tables(batched=batched)}
    return tables, document.get("tombstones")


def _outcome(text: bytes) -> tuple[str, Any]:
    """What reading the document gives: its tables and other member, or the message it is refused with."""
    try:
        return "read", _read(text)
    except stream.JsonError as exc:
        return type(exc).__name__, str(exc)


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("window", [7, 97, 4096, WINDOW])
@pytest.mark.parametrize("batch", [0, 40, 300, BATCH])
def test_entries_read_in_batches_are_those_read_one_at_a_time(
    layout: str, window: int, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _document()
    text = json.dumps(doc, **LAYOUTS[layout]).encode()
    monkeypatch.setattr(stream, "WINDOW", window)
    monkeypatch.setattr(stream, "BATCH", batch)
    tables, tombstones = _read(text)
    assert tables == doc["rows"] and tombstones == [{"x": 1}]
    batched, _ = _read(text, batched=True)
    assert {table: [e for part in parts for e in part] for table, parts in batched.items()} == doc["rows"]
    largest = max(len(part) for parts in batched.values() for part in parts)
    if batch == BATCH and window == WINDOW and layout != "indent":
        assert largest > 20  # the entries of "a" came in one or two batches
    if batch == 0 or layout == "indent":
        assert largest == 1  # no cut: one at a time, as before


def _mutations(text: str) -> list[str]:
    """The document broken at every boundary of a batch (each place two entries meet, the table's ends) and
    around it: a character dropped, doubled, or a stray one put in."""
    places = set()
    for mark in ('},{"', "[{", "}]"):
        start = text.find(mark)
        while start != -1:
            places.update(range(start - 2, start + len(mark) + 2))
            start = text.find(mark, start + 1)
    places.update(range(0, len(text), 7))  # and inside entries
    broken = []
    for at in sorted(p for p in places if 0 <= p < len(text)):
        broken.append(text[:at] + text[at + 1 :])
        broken.append(text[:at] + text[at] + text[at:])
        for stray in ("]", ",", "x", '"'):
            broken.append(text[:at] + stray + text[at:])
    broken.append(text.replace('"n":3,', '"n":3,"n":4,'))  # a duplicate key inside a batch
    broken.append(text.replace('"d":"1.50"}', '"d":NaN}', 1))  # a constant
    return broken


@pytest.mark.parametrize("batch", [40, 300, BATCH])
def test_malformed_json_at_every_boundary_of_a_batch_is_refused_as_one_at_a_time(
    batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = json.dumps(_document(12), separators=(",", ":"), ensure_ascii=False)
    refused = 0
    for broken in _mutations(text):
        raw = broken.encode()
        monkeypatch.setattr(stream, "BATCH", 0)
        expected = _outcome(raw)
        monkeypatch.setattr(stream, "BATCH", batch)
        assert _outcome(raw) == expected, broken
        refused += expected[0] != "read"
    assert refused > 1000  # most mutations break the document (the rest read the same, e.g. a space doubled)


# ------------------------------------------------------------------------------------------ the values


@pytest.fixture
def package_rows(demo_db: Database, tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows as a package carries them (JSON values, canonical): the demo's master package."""
    path = tmp_path / "semua.kinerja-paket"
    sync.export_master_package(demo_db, path)
    with zipfile.ZipFile(path) as zf:
        payload = json.loads(zf.read("rows.json"))
    as_entries(payload)
    return {table: [entry["values"] for entry in entries] for table, entries in payload["rows"].items()}


def test_every_table_checked_a_column_at_a_time_gives_the_row_by_row_values(package_rows: dict) -> None:
    checked = 0
    for table in sync_order():
        found = package_rows.get(table, [])
        if not found:
            continue
        if table == "indicator":
            found[0]["weight"] = "12.50"  # a decimal in a form of its own: made canonical, in the row itself
            found[-1]["weight"] = "1.0"
        by_row = [codec(table).validate(dict(values)) for values in found]
        in_order = codec(table).validate_rows(found)
        assert found == by_row, table
        assert in_order == [tuple(values[c] for c in codec(table).columns) for values in by_row], table
        checked += len(found)
    assert checked > 100 and package_rows["indicator"]


def test_a_decimal_is_given_its_canonical_form_in_place(package_rows: dict) -> None:
    found = package_rows["indicator"][:3]
    found[1]["weight"] = "12.50"
    codec("indicator").validate_rows(found)
    assert found[1]["weight"] == "12.5" and Decimal(found[0]["weight"]) == Decimal(found[0]["weight"]).normalize()


BAD_VALUES = [
    ("value", "bukan angka", "bukan bilangan desimal"),
    ("value", 12.5, "bukan bilangan desimal"),
    ("year", "2026", "bukan bilangan bulat"),
    ("year", True, "bukan bilangan bulat"),
    ("year", 2**70, "bukan bilangan bulat"),
    ("quarter", None, "tidak boleh kosong"),
    ("verified", 1, "bukan benar/salah"),
    ("verified_at", "2026-13-01T00:00:00", "bukan tanggal-waktu ISO"),
    ("created_at", "2026-01-01T00:00:00+07:00", "bukan waktu UTC tanpa zona"),
    ("problems", "x" * 2_000_000, "batasan kolom indicator_realization.problems"),
    ("problems", ["a"], "bukan teks"),
    ("grade", {"a": 1}, "bukan teks"),
    ("follow_up", "a\x00b", "indicator_realization.follow_up"),
]


@pytest.mark.parametrize(("column", "value", "message"), BAD_VALUES)
def test_every_kind_of_bad_value_fails_the_batch_and_leaves_the_rows_as_they_were(
    package_rows: dict, column: str, value: Any, message: str
) -> None:
    found = package_rows["indicator_realization"]
    assert len(found) > 3
    found[2][column] = value
    before = json.dumps(found, sort_keys=True, default=str)
    assert codec("indicator_realization").validate_rows(found) is None
    assert json.dumps(found, sort_keys=True, default=str) == before
    with pytest.raises(CodecError, match=message):
        codec("indicator_realization").validate(found[2])


# ---------------------------------------------------------------------------------------------- packages


@pytest.fixture
def master(demo_db: Database, tmp_path: Path) -> dict:
    path = tmp_path / "induk.kinerja-paket"
    return master_package(path, sync.export_master_package(demo_db, path, opd_codes=opd_codes(demo_db, 1)).code)


def _forge(master: dict, target: Path, change: Any, layout: str = "compact") -> Path:
    """The master package with ``change(payload)`` applied, rows.json written in ``layout`` (compact: as Kinerja
    writes it), signed again."""
    forged = forge(master["path"], target, change, secret=master["key"])
    with zipfile.ZipFile(forged) as zf:
        payload = json.loads(zf.read("rows.json"))
    text = json.dumps(payload, **LAYOUTS[layout]).encode()
    return forge(forged, target, None, secret=master["key"], members={"rows.json": text})


def _read_package(path: Path, code: str) -> package_module.Package:
    return open_package(path, known_revisions=REVISIONS, code=code).read()


def _refusal(path: Path, code: str) -> str:
    with pytest.raises(MalformedContentError) as caught:
        _read_package(path, code)
    return str(caught.value)


def _one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading as before batches: one entry decoded at a time, each row checked alone."""
    monkeypatch.setattr(stream, "BATCH", 0)
    monkeypatch.setattr(package_module, "_parse_rows", lambda *args, **kwargs: None)


def _set(column: str, value: Any, at: int = 5) -> Any:
    def change(payload: dict) -> None:
        payload["rows"]["indicator_realization"][at]["values"][column] = value

    return change


def _entry(change: Any) -> Any:
    def apply(payload: dict) -> None:
        change(payload["rows"]["indicator_realization"][5])

    return apply


PACKAGE_FAULTS = [
    *[(_set(column, value), message) for column, value, message in BAD_VALUES],
    (_set("unknown", 1), "kolom tidak dikenal di tabel indicator_realization"),
    (_entry(lambda e: e["values"].pop("grade")), "kolom indicator_realization.grade tidak ada"),
    (_entry(lambda e: e.update(id="lain")), "kunci baris tabel indicator_realization tidak sah"),
    (_entry(lambda e: e.update(values=[1])), "baris tabel indicator_realization tidak sah"),
    (_entry(lambda e: e.update(base={"id": 1})), "dasar penggabungan"),
    (_entry(lambda e: e.update(base_version="1")), "versi baris tidak sah"),
    (_entry(lambda e: e["values"].update(id="bukan-uuid")), "kunci baris tabel indicator_realization tidak sah"),
]


@pytest.mark.parametrize(("change", "message"), PACKAGE_FAULTS)
def test_a_bad_entry_in_a_batch_is_refused_as_row_by_row_naming_its_row(
    master: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any, message: str
) -> None:
    with zipfile.ZipFile(master["path"]) as zf:
        payload = json.loads(zf.read("rows.json"))
    as_entries(payload)
    row_id = payload["rows"]["indicator_realization"][5]["id"]
    bad = _forge(master, tmp_path / "buruk.kinerja-paket", change)
    batched = _refusal(bad, master["code"])
    assert message in batched
    with monkeypatch.context() as patch:
        _one_by_one(patch)
        assert _refusal(bad, master["code"]) == batched
    if "nilai" in batched or "kolom" in batched:  # a value: its table, column and row named
        assert f"baris indicator_realization {row_id}" in batched


def test_a_duplicate_row_within_and_across_batches_is_refused_as_row_by_row(
    master: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def twice_in_a_batch(payload: dict) -> None:
        entries = payload["rows"]["indicator_realization"]
        entries.insert(3, entries[1])

    def twice_far_apart(payload: dict) -> None:
        entries = payload["rows"]["indicator_realization"]
        entries.append(entries[0])

    for change in (twice_in_a_batch, twice_far_apart):
        bad = _forge(master, tmp_path / "ganda.kinerja-paket", change)
        batched = _refusal(bad, master["code"])
        assert "muncul dua kali" in batched
        with monkeypatch.context() as patch:
            _one_by_one(patch)
            assert _refusal(bad, master["code"]) == batched


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_package_reads_the_same_in_any_layout_and_batch(
    master: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    """Kinerja's own rows.json (no spaces), Python's default separators, one entry a line: the same rows; a
    package without the batches' separator (indented) is read one entry at a time, as before."""
    expected = _read_package(master["path"], master["code"])
    forged = _forge(master, tmp_path / f"{layout}.kinerja-paket", None, layout)
    found = _read_package(forged, master["code"])
    assert found.rows == expected.rows and found.row_count() > 50
    assert [row.values for row in found.rows["indicator_realization"]] == [
        row.values for row in expected.rows["indicator_realization"]
    ]
    with monkeypatch.context() as patch:
        _one_by_one(patch)
        assert _read_package(forged, master["code"]).rows == expected.rows


def test_a_bad_value_leaves_the_empty_laptop_empty(master: dict, tmp_path: Path) -> None:
    bad = _forge(master, tmp_path / "buruk.kinerja-paket", _set("value", "bukan angka", at=-1))
    laptop = open_database(tmp_path / "laptop.sqlite")
    with pytest.raises(MalformedContentError, match="indicator_realization.value bukan bilangan desimal"):
        sync.import_package(laptop, bad, code=master["code"])
    assert all(not found for found in rows(laptop, DOMAIN_TABLES).values())
    assert not any(rows(laptop, ["sync_base", "sync_installation", "sync_import", "audit_log"]).values())
    assert not laptop.evidence.names() or all(  # at most unreferenced files (written first), never a row
        not found for found in rows(laptop, ["evidence"]).values()
    )


# ---------------------------------------------------------------------------------------------- evidence


class _CountingHashlib:
    """hashlib with its sha256 calls on data counted."""

    def __init__(self) -> None:
        self.hashed = 0

    def sha256(self, data: bytes = b"") -> Any:
        if data:
            self.hashed += 1
        return hashlib.sha256(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(hashlib, name)


@pytest.fixture(scope="module")
def city_master(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A small city's master package: it carries evidence files (the demo's does not)."""
    from city import city, copy_city

    folder = tmp_path_factory.mktemp("kota")
    centre = open_database(copy_city(city(2, 3), folder / "pusat"))
    path = folder / "kota.kinerja-paket"
    result = sync.export_master_package(centre, path)
    centre.close()
    assert result.evidence_files > 0
    return master_package(path, result.code)


def test_each_evidence_file_is_hashed_once_on_the_way_in(
    city_master: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    master = city_master
    with zipfile.ZipFile(master["path"]) as zf:
        files = [name for name in zf.namelist() if name.startswith("bukti/")]
    assert files
    counting = _CountingHashlib()
    monkeypatch.setattr(evidence_module, "hashlib", counting)
    monkeypatch.setattr(package_module, "hashlib", counting)
    laptop = open_database(tmp_path / "laptop.sqlite")
    assert sync.import_package(laptop, master["path"], code=master["code"]).applied
    assert counting.hashed == 0  # hashed while read from the package only (archive.read_bytes), not again
    monkeypatch.undo()
    assert sorted(laptop.evidence.names()) == sorted(name.split("/")[1] for name in files)
    for name in laptop.evidence.names():
        assert hashlib.sha256(laptop.evidence.get(name)).hexdigest() == name


def test_a_file_named_for_other_content_is_still_refused(city_master: dict, tmp_path: Path) -> None:
    master = city_master
    with zipfile.ZipFile(master["path"]) as zf:
        member = next(name for name in zf.namelist() if name.startswith("bukti/"))
    bad = forge(master["path"], tmp_path / "buruk.kinerja-paket", None, secret=master["key"], members={member: b"lain"})
    with pytest.raises(MalformedContentError, match="tidak cocok dengan namanya"):
        _read_package(bad, master["code"])


def test_the_store_still_hashes_what_it_is_not_told_is_hashed(tmp_path: Path) -> None:
    good = b"isi"
    name = hashlib.sha256(good).hexdigest()
    with pytest.raises(evidence_module.EvidenceContentError):
        evidence_module.store_many(tmp_path / "bukti", [(name, b"lain")])
    evidence_module.store_many(tmp_path / "bukti", [(name, good)], hashed=True)
    assert evidence_module.read_evidence(tmp_path / "bukti", name) == good
