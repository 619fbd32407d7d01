"""archive.ZipWriter (issue 20, export): the zip the master export writes without zipfile's per-member machinery
is a standard zip: Python's zipfile, ``unzip -t`` and the package reader read it, with its zip64 records where
zipfile writes them (sizes and offsets past the limit, more than 65.535 members)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.evidence import _read_all, read_many
from kinerja_desktop.interchange import archive
from kinerja_desktop.interchange.archive import (
    Limits,
    SafeZipReader,
    ZipWriter,
    atomic_zip_writer,
    write_member,
)
from kinerja_desktop.services import sync

PDF = b"%PDF-1.7\n" + os.urandom(3000)
TEXT = b"Laporan kegiatan triwulan I: rapat koordinasi, 12 peserta.\n" * 40
ROWS = b'{"rows":[' + b",".join(b'{"id":"%06d","nilai":"%d"}' % (n, n * 7) for n in range(60_000)) + b"]}"


def unzip_test(path: Path) -> None:
    if shutil.which("unzip") is None:
        pytest.skip("unzip is not installed")
    result = subprocess.run(["unzip", "-tq", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors detected" in result.stdout


def write_sample(path: Path, *, odd_name: bool = True) -> None:
    with atomic_zip_writer(path, level=6) as zf:
        with zf.open_stream("rows.json", level=3) as member:
            for start in range(0, len(ROWS), 100_000):
                member.write(ROWS[start : start + 100_000])
        write_member(zf, "bukti/laporan.pdf", PDF)
        write_member(zf, "bukti/laporan.txt", TEXT)
        zf.writestr("bukti/kosong", b"")
        if odd_name:
            zf.writestr("catatan ü.txt", "Catatan: ✓".encode())
        zf.writestr("manifest.json", b'{"format": "uji"}')


def test_python_zipfile_and_unzip_read_what_the_writer_writes(tmp_path: Path) -> None:
    path = tmp_path / "paket.zip"
    write_sample(path)
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None  # every member's CRC checked
        infos = {info.filename: info for info in zf.infolist()}
        assert list(infos) == [
            "rows.json", "bukti/laporan.pdf", "bukti/laporan.txt", "bukti/kosong", "catatan ü.txt", "manifest.json"
        ]
        assert zf.read("rows.json") == ROWS
        assert zf.read("bukti/laporan.pdf") == PDF and zf.read("bukti/laporan.txt") == TEXT
        assert zf.read("bukti/kosong") == b"" and zf.read("catatan ü.txt") == "Catatan: ✓".encode()
        # the kind of a file decides: a PDF is stored as it is, a text deflated
        assert infos["bukti/laporan.pdf"].compress_type == zipfile.ZIP_STORED
        assert infos["bukti/laporan.txt"].compress_type == zipfile.ZIP_DEFLATED
        assert infos["bukti/laporan.txt"].compress_size < len(TEXT) // 10
        assert infos["rows.json"].compress_type == zipfile.ZIP_DEFLATED
        assert infos["rows.json"].compress_size < len(ROWS) // 4
        assert infos["catatan ü.txt"].flag_bits & 0x800  # a name that is not ASCII is marked UTF-8
        assert infos["rows.json"].CRC == zlib.crc32(ROWS) and infos["rows.json"].file_size == len(ROWS)
        assert not infos["rows.json"].flag_bits & 0x8  # sizes in the header itself, no data descriptor
    unzip_test(path)
    # the package reader's checks (names, methods, sizes counted while reading) pass, its hashes are the content's
    write_sample(path, odd_name=False)  # (it refuses a name that is not ASCII)
    with SafeZipReader(path, accept=lambda name: Limits(max_member=50 << 20)) as reader:
        assert reader.read_bytes("rows.json") == (ROWS, hashlib.sha256(ROWS).hexdigest())
        assert reader.hash_member("bukti/laporan.pdf") == hashlib.sha256(PDF).hexdigest()


def test_the_local_headers_agree_with_the_central_directory(tmp_path: Path) -> None:
    # a reader that walks the local headers (a streaming unzip) finds each member's CRC and sizes there
    path = tmp_path / "paket.zip"
    write_sample(path)
    raw = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            header = raw[info.header_offset : info.header_offset + 30]
            assert header[:4] == b"PK\x03\x04"
            crc, packed, size = int.from_bytes(header[14:18], "little"), header[18:22], header[22:26]
            assert crc == info.CRC
            if info.filename == "rows.json":  # a stream's header carries zip64 sizes, as zipfile's force_zip64
                assert packed == size == b"\xff\xff\xff\xff"
                name_length = int.from_bytes(header[26:28], "little")
                extra = raw[info.header_offset + 30 + name_length :][:20]
                assert extra[:4] == b"\x01\x00\x10\x00"
                assert int.from_bytes(extra[4:12], "little") == info.file_size
                assert int.from_bytes(extra[12:20], "little") == info.compress_size
            else:
                assert int.from_bytes(packed, "little") == info.compress_size
                assert int.from_bytes(size, "little") == info.file_size


def test_zip64_fields_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # sizes and offsets past 2 GiB are not written in a test: the limit is lowered so the same paths are taken
    monkeypatch.setattr(archive, "ZIP64_LIMIT", 1000)
    path = tmp_path / "besar.zip"
    write_sample(path)
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        assert zf.read("rows.json") == ROWS and zf.read("bukti/laporan.pdf") == PDF
        infos = {info.filename: info for info in zf.infolist()}
        assert infos["manifest.json"].header_offset > 1000 and infos["bukti/laporan.pdf"].file_size > 1000
    raw = path.read_bytes()
    assert b"PK\x06\x06" in raw[-200:] and b"PK\x06\x07" in raw[-200:]  # the directory's offset is past the limit
    unzip_test(path)


def test_more_members_than_a_plain_zip_counts(tmp_path: Path) -> None:
    path = tmp_path / "banyak.zip"
    count = archive.ZIP_FILECOUNT_LIMIT + 10
    with atomic_zip_writer(path) as zf:
        for n in range(count):
            zf.writestr(f"bukti/{n:06d}", b"%d" % n, compress=False)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert len(names) == count and names[-1] == f"bukti/{count - 1:06d}"
        assert zf.read(names[-1]) == b"%d" % (count - 1)
    raw = path.read_bytes()
    end = raw[-22:]
    assert end[:4] == b"PK\x05\x06" and end[8:10] == b"\xff\xff"  # the count is in the zip64 end record
    unzip_test(path)


def test_what_the_writer_refuses(tmp_path: Path) -> None:
    with open(tmp_path / "x.zip", "wb") as handle:
        zf = ZipWriter(handle)
        zf.writestr("rows.json", b"{}")
        with pytest.raises(ValueError, match="twice"):
            zf.writestr("rows.json", b"[]")
        member = zf.open_stream("bukti/a")
        with pytest.raises(ValueError, match="streamed"):
            zf.writestr("bukti/b", b"b")  # nothing else while a member is being streamed
        with pytest.raises(ValueError, match="streamed"):
            zf.close()
        member.write(b"isi")
        member.close()
        zf.close()
        with pytest.raises(ValueError, match="closed"):
            zf.writestr("bukti/c", b"c")
    with zipfile.ZipFile(tmp_path / "x.zip") as read:
        assert read.namelist() == ["rows.json", "bukti/a"] and read.read("bukti/a") == b"isi"


def test_a_failure_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "keluar" / "paket.zip"
    with pytest.raises(RuntimeError, match="gagal"), atomic_zip_writer(target) as zf:
        zf.writestr("rows.json", b"{}")
        with zf.open_stream("bukti/a") as member:
            member.write(b"sebagian")
            raise RuntimeError("gagal di tengah")
    assert list(target.parent.iterdir()) == []


def test_many_files_are_read_in_one_call_each_and_whole_when_they_grew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "bukti"
    contents = [b"isi %d " % n * 300 for n in range(20)]
    names = []
    for data in contents:
        sha = hashlib.sha256(data).hexdigest()
        (store / sha[:2]).mkdir(parents=True, exist_ok=True)
        (store / sha[:2] / sha).write_bytes(data)
        names.append(sha)
    calls: list[int] = []
    real_read = os.read

    def counted(handle: int, size: int) -> bytes:
        calls.append(size)
        return real_read(handle, size)

    monkeypatch.setattr(os, "read", counted)
    assert [data for _sha, data in read_many(store, names)] == contents
    assert len(calls) == len(contents)  # no second read to meet the end
    # a file that grew after its status was taken is still read to its end
    grown = store / "tumbuh"
    grown.write_bytes(b"a" * 5000)
    handle = os.open(grown, os.O_RDONLY)
    try:
        assert _read_all(handle, 100) == b"a" * 5000
    finally:
        os.close(handle)


@pytest.mark.sqlite_only
def test_a_master_package_is_a_standard_zip(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "induk.kinerja-paket"
    code = sync.export_master_package(demo_db, out).code
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        manifest = json.loads(zf.read("manifest.json"))
        rows = zf.read("rows.json")
    assert manifest["files"]["rows.json"] == {"sha256": hashlib.sha256(rows).hexdigest(), "size": len(rows)}
    unzip_test(out)
    laptop = open_database(tmp_path / "laptop.sqlite")
    assert sync.import_package(laptop, out, code=code).applied
