"""A package's small members (its evidence files) are read whole, without zipfile's per-member machinery
(SafeZipReader._read_small), and give what zipfile gives: the same bytes, the same refusals of damage."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from test_read_buffer import replace_size

from kinerja_desktop.interchange.archive import SMALL_MEMBER, Limits, SafeZipReader
from kinerja_desktop.interchange.errors import CorruptArchiveError

MEMBERS = {
    "bukti/teks.txt": b"capaian triwulan I " * 200,  # deflated
    "bukti/acak.bin": os.urandom(5000),  # stored below
    "bukti/kosong.txt": b"",
    "bukti/satu.txt": b"x",
}
STORED = {"bukti/acak.bin"}


def _limits(name: str) -> Limits | None:
    return Limits(max_member=SMALL_MEMBER) if name.startswith("bukti/") else None


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "paket.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in MEMBERS.items():
            zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if name in STORED else None)
    return path


@pytest.mark.parametrize("order", ["archive", "reversed", "twice"])
def test_each_member_read_whole_is_zipfiles_bytes_and_their_hash(archive: Path, order: str) -> None:
    # GIVEN members asked for in the archive's order, the reverse (one read each) or each twice over
    names = list(MEMBERS)
    names = {"archive": names, "reversed": names[::-1], "twice": names + names}[order]
    with SafeZipReader(archive, accept=_limits) as reader:
        # WHEN each is read
        got = [reader.read_bytes(name) for name in names]
    # THEN each has its own bytes (as zipfile reads them) and their SHA-256
    with zipfile.ZipFile(archive) as zf:
        assert [data for data, _ in got] == [zf.read(name) for name in names] == [MEMBERS[n] for n in names]
    assert [digest for _, digest in got] == [hashlib.sha256(MEMBERS[n]).hexdigest() for n in names]


def _damage(path: Path, member: bytes, replacement: bytes) -> None:
    raw = path.read_bytes()
    assert raw.count(member) >= 1
    path.write_bytes(raw.replace(member, replacement, 1))


def test_a_damaged_byte_in_a_stored_member_fails_its_crc(archive: Path) -> None:
    raw = archive.read_bytes()
    at = raw.index(MEMBERS["bukti/acak.bin"][:64]) + 100
    archive.write_bytes(raw[:at] + bytes([raw[at] ^ 0xFF]) + raw[at + 1 :])
    with SafeZipReader(archive, accept=_limits) as reader:
        assert reader.read_bytes("bukti/teks.txt")[0] == MEMBERS["bukti/teks.txt"]
        with pytest.raises(CorruptArchiveError, match="acak.bin"):
            reader.read_bytes("bukti/acak.bin")
    with zipfile.ZipFile(archive) as zf, pytest.raises(zipfile.BadZipFile):
        zf.read("bukti/acak.bin")  # zipfile refuses it too


def test_a_local_header_naming_another_member_is_refused(archive: Path) -> None:
    # the second occurrence of the name is the central directory's; the first, the local header's
    _damage(archive, b"bukti/satu.txt", b"bukti/dua_.txt")
    with SafeZipReader(archive, accept=_limits) as reader, pytest.raises(CorruptArchiveError, match="satu.txt"):
        reader.read_bytes("bukti/satu.txt")


def test_a_damaged_local_signature_is_refused(archive: Path) -> None:
    with SafeZipReader(archive, accept=_limits) as reader:
        offset = reader.members["bukti/teks.txt"][0].header_offset
    raw = bytearray(archive.read_bytes())
    raw[offset : offset + 4] = b"PK\x09\x09"
    archive.write_bytes(bytes(raw))
    with SafeZipReader(archive, accept=_limits) as reader, pytest.raises(CorruptArchiveError, match="teks.txt"):
        reader.read_bytes("bukti/teks.txt")


@pytest.mark.parametrize("name", ["bukti/teks.txt", "bukti/acak.bin"])
def test_a_member_longer_than_its_declared_size_is_refused(archive: Path, name: str) -> None:
    """Never more than the directory declares comes out (the limits were checked against it): the rest of the
    member is not inflated, and what came out does not have the member's CRC."""
    with SafeZipReader(archive, accept=_limits) as reader:
        info, limits = reader.members[name]
        reader.members[name] = (replace_size(info, len(MEMBERS[name]) - 1), limits)
        with pytest.raises(CorruptArchiveError, match=name.split("/")[1]):
            reader.read_bytes(name)


def test_a_deflated_member_shorter_than_declared_gives_its_bytes_as_zipfile_does(archive: Path) -> None:
    name = "bukti/teks.txt"
    with SafeZipReader(archive, accept=_limits) as reader:
        info, limits = reader.members[name]
        reader.members[name] = (replace_size(info, len(MEMBERS[name]) + 10), limits)
        assert reader.read_bytes(name)[0] == MEMBERS[name]


def test_a_stored_member_shorter_than_declared_is_refused(archive: Path) -> None:
    name = "bukti/acak.bin"
    with SafeZipReader(archive, accept=_limits) as reader:
        info, limits = reader.members[name]
        info = replace_size(info, len(MEMBERS[name]) + 10)
        info.compress_size += 10
        reader.members[name] = (info, limits)
        with pytest.raises(CorruptArchiveError, match="acak.bin"):
            reader.read_bytes(name)


def test_a_deflate_stream_cut_short_is_refused(archive: Path) -> None:
    name = "bukti/teks.txt"
    with SafeZipReader(archive, accept=_limits) as reader:
        info, limits = reader.members[name]
        info = replace_size(info, info.file_size)
        info.compress_size -= 5
        reader.members[name] = (info, limits)
        with pytest.raises(CorruptArchiveError, match="teks.txt"):
            reader.read_bytes(name)
