"""A large member (a package's rows.json) is read into one buffer of exactly its size: the import's peak memory
(issue 20: < 150 MB for a city) does not carry the eighth a buffer grown chunk by chunk keeps spare."""

from __future__ import annotations

import hashlib
import os
import sys
import zipfile
from pathlib import Path

import pytest

from kinerja_desktop.interchange.archive import Limits, SafeZipReader
from kinerja_desktop.interchange.errors import CorruptArchiveError

MEMBER = "rows.json"


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, bytes]:
    data = os.urandom(3 << 20).hex().encode()  # 6 MB that deflate about 2:1
    path = tmp_path / "paket.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MEMBER, data)
    return path, data


def _reader(path: Path) -> SafeZipReader:
    return SafeZipReader(path, accept=lambda name: Limits(max_member=64 << 20) if name == MEMBER else None)


def test_the_buffer_holds_the_member_and_no_spare_room(archive: tuple[Path, bytes]) -> None:
    path, data = archive
    with _reader(path) as reader:
        buffer, digest = reader.read_buffer(MEMBER)
    assert bytes(buffer) == data and digest == hashlib.sha256(data).hexdigest()
    assert sys.getsizeof(buffer) - len(buffer) < 64  # grown chunk by chunk it kept ≈ 750 kB spare here


@pytest.mark.parametrize("declared", [0, 1000, (6 << 20) - 1])
def test_a_member_longer_than_declared_is_refused_as_damaged(archive: tuple[Path, bytes], declared: int) -> None:
    """The size in the zip's directory is the archive's word: the buffer is made at it, and a member that runs
    past it is refused as damaged (zipfile's own check), as before, never read into a buffer grown on trust."""
    path, _data = archive
    with _reader(path) as reader:
        info, limits = reader.members[MEMBER]
        reader.members[MEMBER] = (replace_size(info, declared), limits)
        with pytest.raises(CorruptArchiveError, match="rows.json"):
            reader.read_buffer(MEMBER)


def test_a_member_shorter_than_declared_gives_the_bytes_read(archive: tuple[Path, bytes]) -> None:
    path, data = archive
    with _reader(path) as reader:
        info, limits = reader.members[MEMBER]
        reader.members[MEMBER] = (replace_size(info, 7 << 20), limits)
        buffer, digest = reader.read_buffer(MEMBER)
    assert bytes(buffer) == data and digest == hashlib.sha256(data).hexdigest()
    assert sys.getsizeof(buffer) - len(buffer) < (1 << 20) + 64  # cut to what came out


def replace_size(info: zipfile.ZipInfo, size: int) -> zipfile.ZipInfo:
    """A copy of ``info`` declaring ``size`` (what the reader allocates by), still reading the real member."""
    copy = zipfile.ZipInfo(info.filename, info.date_time)
    for slot in info.__slots__:
        if hasattr(info, slot):
            setattr(copy, slot, getattr(info, slot))
    copy.file_size = size
    return copy
