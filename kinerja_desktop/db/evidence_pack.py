"""Pack files of the evidence store: many evidence files written as one file (issue 20, the import goal).

A master import into an empty laptop brings thousands of evidence files; creating each as a file of its own
cost 0,17–2,9 s for the city's 4.800 (benchmarks/interchange.py, depending on how busy the disk was).
:meth:`FolderStore.put_many <kinerja_desktop.db.evidence.FolderStore.put_many>` writes them as one
``<store>/paket/<random hex>.pack``:

    content 1 | content 2 | … | index | trailer

The index holds one entry per file (32 bytes of SHA-256, offset and size as 8-byte big-endian integers); the
trailer (56 bytes) is the magic ``KNJPAK01``, the index's offset and length, and the SHA-256 of the index. A pack
is written under a temporary name in ``paket/`` (``.<name>.<pid>.tmp``, a leftover that ``remove_leftovers``
cleans), flushed to disk and renamed: a crash leaves no pack or a whole one. A pack whose trailer, magic, index
checksum or sizes do not agree (cut short, damaged) is ignored entirely; each entry's content is checked against
its SHA-256 when read, as a plain file is.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import struct
from collections.abc import Iterable
from pathlib import Path

MAGIC = b"KNJPAK01"
PACK_FOLDER = "paket"
PACK_SUFFIX = ".pack"
MIN_PACKED = 64  # fewer new files than this are written as plain files (a quarter report's few, one by one)
_ENTRY = struct.Struct(">32sQQ")
_TRAILER = struct.Struct(">8sQQ32s")
_FLAGS = getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)

# sha256 -> (offset, size) in one pack
PackIndex = dict[str, tuple[int, int]]


def write_pack(folder: Path, items: Iterable[tuple[str, bytes]]) -> Path:
    """Write ``items`` (SHA-256 names, already checked, and contents) as one pack in ``folder`` (the store's
    ``paket`` folder, which exists); returns its path. Nothing is left under the pack's name unless it is whole."""
    name = secrets.token_hex(16)
    final = Path(folder) / f"{name}{PACK_SUFFIX}"
    temporary = Path(folder) / f".{name}{PACK_SUFFIX}.{os.getpid()}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _FLAGS, 0o666)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
            index = bytearray()
            offset = 0
            for sha256, data in items:
                handle.write(data)
                index += _ENTRY.pack(bytes.fromhex(sha256), offset, len(data))
                offset += len(data)
            handle.write(index)
            handle.write(_TRAILER.pack(MAGIC, offset, len(index), hashlib.sha256(index).digest()))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    _fsync_folder(folder)
    return final


def read_index(path: str) -> PackIndex | None:
    """The index of the pack at ``path``; None when it is not a whole, sound pack (or not a plain file)."""
    try:
        fd = os.open(path, os.O_RDONLY | _FLAGS)
    except OSError:
        return None
    try:
        status = os.fstat(fd)
        size = status.st_size
        if not stat.S_ISREG(status.st_mode) or size < _TRAILER.size:
            return None
        os.lseek(fd, size - _TRAILER.size, os.SEEK_SET)
        trailer = _read_exactly(fd, _TRAILER.size)
        if trailer is None:
            return None
        magic, start, length, digest = _TRAILER.unpack(trailer)
        if magic != MAGIC or length % _ENTRY.size or start + length + _TRAILER.size != size:
            return None
        os.lseek(fd, start, os.SEEK_SET)
        index = _read_exactly(fd, length)
        if index is None or hashlib.sha256(index).digest() != digest:
            return None
        entries: PackIndex = {}
        for raw, offset, entry_size in _ENTRY.iter_unpack(index):
            if offset + entry_size > start:
                return None
            entries[raw.hex()] = (offset, entry_size)
        return entries
    except OSError:
        return None
    finally:
        os.close(fd)


def read_entry(fd: int, sha256: str, offset: int, size: int) -> bytes | None:
    """The content at ``offset`` in an open pack when it hashes to ``sha256``; None otherwise (damaged)."""
    try:
        os.lseek(fd, offset, os.SEEK_SET)
        data = _read_exactly(fd, size)
    except OSError:
        return None
    if data is None or hashlib.sha256(data).hexdigest() != sha256:
        return None
    return data


def open_pack(path: str) -> int | None:
    """A read-only descriptor of the pack at ``path`` (a symbolic link is not followed), or None."""
    try:
        return os.open(path, os.O_RDONLY | _FLAGS)
    except OSError:
        return None


def _read_exactly(fd: int, size: int) -> bytes | None:
    parts = []
    left = size
    while left > 0:
        part = os.read(fd, left)
        if not part:
            return None  # cut short
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
