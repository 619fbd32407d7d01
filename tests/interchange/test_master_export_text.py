"""A master package written the fast way (issue 20, export): rows.json made from the driver's tuples one column
at a time (the same bytes as the rows made dicts and dumped), every value still checked (a value no package
carries refused, naming its row), rows.json deflated by a second thread, evidence files that are compressed
already stored as they are (and a package whose evidence is deflated still imports)."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text
from sync_helpers import as_entries, opd_codes, opd_id, realizations

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.evidence import read_evidence, store_evidence
from kinerja_desktop.db.models import Evidence
from kinerja_desktop.db.sync_scope import sync_order
from kinerja_desktop.interchange.archive import WrittenBehind, already_compressed, atomic_zip, write_member
from kinerja_desktop.interchange.codec import CodecError, dumps
from kinerja_desktop.interchange.errors import InterchangeError
from kinerja_desktop.interchange.package import codec
from kinerja_desktop.interchange.rows import _scoped_tables
from kinerja_desktop.services import sync

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 8  # the kinds are told by their first bytes, whatever the rest
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"\x00" * 2000
XLSX = b"PK\x03\x04" + b"\x14\x00" * 1000
TEXT = b"Laporan kegiatan triwulan I: rapat koordinasi, 12 peserta.\n" * 40


def _stored(db: Database, table: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(codec(table).select_sql)]


def _dumped(table: str, rows: list[tuple]) -> bytes:
    """The plain way: each row checked into a dict (``from_storage``), its values dumped as an array in the
    columns' order."""
    c = codec(table)
    return dumps([c.pick(c.from_storage(row)) for row in rows])[1:-1]


def _arrays(table: str, rows: list[tuple]) -> list[dict]:
    """The rows as arrays_json writes them, read back as dicts of their columns."""
    c = codec(table)
    text = ",".join(c.arrays_json(rows) or [])
    return [dict(zip(c.columns, array, strict=True)) for array in json.loads("[" + text + "]")]


@pytest.fixture
def sqlite_demo(demo_db: Database) -> Database:
    if demo_db.engine.dialect.name != "sqlite":
        pytest.skip("rows read straight from SQLite's driver")
    return demo_db


def test_arrays_are_the_bytes_the_rows_dumped_give(sqlite_demo: Database) -> None:
    # GIVEN texts JSON must escape, a non-canonical decimal, an emptied nullable column
    odd = 'Dinas "Kesehatan" \\ Kab. Sukamaju – ü ✓ 😀\tlantai 2'
    with sqlite_demo.engine.begin() as conn:
        first = "(SELECT min(id) FROM opd)"
        conn.exec_driver_sql(f"UPDATE opd SET name = ? WHERE id = {first}", (odd,))
        conn.exec_driver_sql("UPDATE regency SET agency_opd_id = NULL")
        conn.exec_driver_sql("UPDATE indicator SET weight = '12.50' WHERE id = (SELECT min(id) FROM indicator)")
    written = 0
    for table in sync_order():
        rows = _stored(sqlite_demo, table)
        for size in (2_000, 3):  # one piece per table, and pieces cut inside it
            arrays = codec(table).arrays_json(rows, size)
            assert arrays is not None, table
            text = ",".join(arrays).encode("utf-8")
            # THEN byte for byte what dumping each row's dict gave, and valid JSON
            assert text == _dumped(table, rows), table
            assert len(json.loads(b"[" + text + b"]")) == len(rows)
        written += len(rows)
    assert written > 100
    assert any(values["name"] == odd for values in _arrays("opd", _stored(sqlite_demo, "opd")))
    assert _arrays("regency", _stored(sqlite_demo, "regency"))[0]["agency_opd_id"] is None
    weights = [values["weight"] for values in _arrays("indicator", _stored(sqlite_demo, "indicator"))]
    assert "12.5" in weights and "12.50" not in weights


def test_a_value_no_package_carries_is_refused_naming_its_row(sqlite_demo: Database, tmp_path: Path) -> None:
    # GIVEN an OPD name stored before the column's limit held
    with sqlite_demo.engine.begin() as conn:
        bad = conn.exec_driver_sql("SELECT id FROM opd ORDER BY sort_order LIMIT 1 OFFSET 2").scalar()
        conn.exec_driver_sql("UPDATE opd SET name = ? WHERE id = ?", ("x" * 10_000, bad))
    assert codec("opd").arrays_json(_stored(sqlite_demo, "opd")) is None
    # WHEN a master package is made THEN it is refused in Indonesian, naming the row, and no file is left
    out = tmp_path / "induk.kinerja-paket"
    with pytest.raises(InterchangeError) as caught:
        sync.export_master_package(sqlite_demo, out)
    assert f"Paket induk tidak dibuat: baris opd {bad} memuat nilai yang tidak dapat dibawa paket" in str(caught.value)
    assert "Nama OPD terlalu panjang" in str(caught.value)
    assert not out.exists() and not list(tmp_path.glob("*.tmp*"))


@pytest.mark.parametrize("one_opd", [False, True])
def test_rows_json_holds_the_rows_read_as_dicts(demo_db: Database, tmp_path: Path, one_opd: bool) -> None:
    # GIVEN a regency whose planning agency is an OPD a one-OPD package leaves out
    codes = opd_codes(demo_db, 2)
    with demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE regency SET agency_opd_id = :agency"), {"agency": opd_id(demo_db, codes[1])})
    scope = [codes[0]] if one_opd else None
    out = tmp_path / "induk.kinerja-paket"
    result = sync.export_master_package(demo_db, out, opd_codes=scope)
    with zipfile.ZipFile(out) as zf:
        payload = json.loads(zf.read("rows.json"))
    assert all(list(value) == ["columns", "values"] for value in payload["rows"].values())
    as_entries(payload)
    # THEN rows.json holds, table by table, what the rows read as dicts (and checked) give
    with demo_db.read() as session:
        ids = {opd_id(demo_db, codes[0])} if one_opd else None
        expected = {
            table: [{"id": k, "values": v} for k, v in rows.items()]
            for table, rows in _scoped_tables(session.connection(), ids, regional=True)
        }
    assert payload["rows"] == expected
    assert result.rows == {table: len(entries) for table, entries in expected.items()}
    agency = payload["rows"]["regency"][0]["values"]["agency_opd_id"]
    assert agency == (None if one_opd else opd_id(demo_db, codes[1]))  # a link to a row left out travels empty


def _with_evidence(demo_db: Database) -> dict[str, bytes]:
    x = opd_codes(demo_db, 1)[0]
    files = {"bukti.pdf": PDF, "foto.jpg": JPEG, "rekap.xlsx": XLSX, "catatan.txt": TEXT}
    shas = {name: store_evidence(demo_db.evidence_dir, data) for name, data in files.items()}
    with demo_db.write() as s:
        for name, data in files.items():
            realization = realizations(demo_db, x)[0]
            s.add(Evidence(realization_id=realization, file_name=name, sha256=shas[name], size=len(data)))
    return {shas[name]: data for name, data in files.items()}


@pytest.mark.sqlite_only
def test_evidence_compressed_already_is_stored_and_a_deflated_one_still_imports(
    demo_db: Database, tmp_path: Path
) -> None:
    files = _with_evidence(demo_db)
    out = tmp_path / "induk.kinerja-paket"
    code = sync.export_master_package(demo_db, out, opd_codes=opd_codes(demo_db, 1)).code
    # THEN the PDF, the photo and the workbook are stored as they are, the text file and rows.json deflated
    with zipfile.ZipFile(out) as zf:
        methods = {info.filename: info.compress_type for info in zf.infolist()}
    for sha, data in files.items():
        expected = zipfile.ZIP_DEFLATED if data is TEXT else zipfile.ZIP_STORED
        assert methods[f"bukti/{sha}"] == expected, data[:8]
    assert methods["rows.json"] == zipfile.ZIP_DEFLATED
    # ... and a laptop imports it, every file in its store
    laptop = open_database(tmp_path / "laptop.sqlite")
    assert sync.import_package(laptop, out, code=code).applied
    assert all(read_evidence(laptop.evidence_dir, sha) == data for sha, data in files.items())
    # GIVEN the same package with every member deflated, as packages were written before (same manifest, same
    # signature: both are about the members' content, not how the zip stores them)
    old = tmp_path / "lama.kinerja-paket"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    with zipfile.ZipFile(old) as zf:
        assert {info.compress_type for info in zf.infolist()} == {zipfile.ZIP_DEFLATED}
    # THEN another laptop imports it the same
    other = open_database(tmp_path / "lain.sqlite")
    assert sync.import_package(other, old, code=code).applied
    assert all(read_evidence(other.evidence_dir, sha) == data for sha, data in files.items())


def test_the_kind_of_a_file_is_told_by_its_content(tmp_path: Path) -> None:
    compressed = [PDF, JPEG, XLSX, b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, b"GIF89a" + b"\x00" * 50,
                  b"\x1f\x8b\x08\x00" + b"\x00" * 50, b"RIFF\x24\x00\x00\x00WEBPVP8 ", b"\x00\x00\x00\x18ftypheic"]
    plain = [TEXT, b"kode;nilai\n1;2\n" * 50, b"<html><body>laporan</body></html>", b"", b"%PD",
             b"RIFF\x00\x00\x00\x00WAVE"]
    assert all(already_compressed(data) for data in compressed)
    assert not any(already_compressed(data) for data in plain)
    # a PDF named .txt is still stored; a text named .pdf still deflated: the content decides, not the name
    with atomic_zip(tmp_path / "a.zip", compresslevel=6) as zf:
        write_member(zf, "laporan.txt", PDF)
        write_member(zf, "laporan.pdf", TEXT)
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        assert zf.getinfo("laporan.txt").compress_type == zipfile.ZIP_STORED
        assert zf.getinfo("laporan.pdf").compress_type == zipfile.ZIP_DEFLATED
        assert zf.read("laporan.txt") == PDF and zf.read("laporan.pdf") == TEXT


def test_written_behind_keeps_order_and_raises_the_writers_error() -> None:
    got: list[bytes] = []
    with WrittenBehind(got.append) as behind:
        for n in range(3_000):
            behind.write(b"%05d|" % n * 100)  # 600 kB a piece: several pieces pass through the queue
    assert b"".join(got) == b"".join(b"%05d|" % n * 100 for n in range(3_000))
    assert all(len(piece) >= WrittenBehind.BATCH for piece in got[:-1])

    def full_disk(piece: bytes) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"), WrittenBehind(full_disk) as behind:
        for _ in range(50):
            behind.write(b"x" * 300_000)
    assert not any(t.name == "zip-writer" and t.is_alive() for t in threading.enumerate())


def test_written_behind_stops_when_the_caller_fails() -> None:
    got: list[bytes] = []
    with pytest.raises(ValueError, match="baris"), WrittenBehind(got.append) as behind:
        behind.write(b"x" * (WrittenBehind.BATCH + 1))
        raise ValueError("baris rusak")
    assert not any(t.name == "zip-writer" and t.is_alive() for t in threading.enumerate())
    assert sum(map(len, got)) <= WrittenBehind.BATCH + 1  # what was still gathered is dropped


@pytest.mark.parametrize("name", ["Dinas\x00Kesehatan", "x" * 10_000, "y" * 255, "Dinas Kesehatan"])
def test_a_text_column_checked_at_once_agrees_with_the_row_by_row_check(sqlite_demo: Database, name: str) -> None:
    # a text column of plain texts is told at once (lengths, no NUL); whatever it holds, the answer is the row check's
    with sqlite_demo.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE opd SET name = ? WHERE id = (SELECT min(id) FROM opd)", (name,))
    rows = _stored(sqlite_demo, "opd")
    try:
        expected: bytes | None = _dumped("opd", rows)
    except CodecError:
        expected = None
    arrays = codec("opd").arrays_json(rows)
    assert (None if arrays is None else ",".join(arrays).encode()) == expected
    by_row = None if expected is None else [codec("opd").from_storage(row) for row in rows]
    assert codec("opd").from_storage_rows(rows) == by_row
