"""Zip files from outside, read defensively; zip files of ours, written atomically.

Reading: only expected member names (no absolute paths, no "..", no backslashes, no duplicates), only stored or
deflated members, no encryption, a size limit per member and in total, a limit on the compression ratio, sizes
counted while reading (declared sizes can lie) and a SHA-256 computed on the way. A limit can grow with the number
of members the archive declares (a manifest lists every member, and each listed member is checked against the
archive), so a large regency's files are not taken for a bomb. A small member (an evidence file) is read whole with
zipfile's checks and without its per-member machinery (:meth:`SafeZipReader.read_bytes`). Writing: to a temporary
name beside the target, flushed to disk, then renamed into place; a failure (a full disk) leaves no temporary file.
A file that is compressed already (a PDF, an image, an office document, an archive: :func:`already_compressed`) is
stored as it is rather than deflated again (:func:`write_member`); the reader takes either method. A large member
can be written by a second thread (:class:`WrittenBehind`). A package's many members are written by
:class:`ZipWriter` (:func:`atomic_zip_writer`): each local header written once, with its CRC and sizes known, rather
than zipfile's header, seek back and header again per member.
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..db.files import remove_leftovers, temporary_path
from .errors import CorruptArchiveError, MemberTooLargeError, UnsafeMemberError

CHUNK = 1 << 20
# A member no larger than this, packed and unpacked, is read whole (SafeZipReader._read_small), not streamed.
SMALL_MEMBER = 1 << 20
ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_SAFE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\- ]{0,200}\Z")  # \Z: "$" would let a final line break pass
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    KeyError,
    IndexError,
    OverflowError,
    struct.error,
)


@dataclass(frozen=True)
class Limits:
    """What a member may be: its size, the ratio of unpacked to packed size, and the archive total.

    ``per_member``: bytes the member may grow by for each member the archive declares (a manifest listing
    them all); ``max_total`` None: no total of our own (the caller checks the disk's free space against it).
    """

    max_member: int
    max_ratio: float = 100.0
    max_total: int | None = 4 << 30
    max_members: int = 1_000_000
    per_member: int = 0


def check_member_name(archive: str, name: str) -> None:
    """Refuse names that could escape a folder when extracted (zip-slip) or that are odd."""
    if not name or len(name) > 400:
        raise UnsafeMemberError(archive, name, "nama kosong atau terlalu panjang")
    if "\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise UnsafeMemberError(archive, name, "jalur mutlak atau berisi karakter terlarang")
    parts = name.split("/")
    for part in parts:
        if part in ("", ".", "..") or not _SAFE_PART.match(part):
            raise UnsafeMemberError(archive, name, "jalur keluar dari folder atau nama tidak wajar")


class SafeZipReader:
    """Open a zip from outside; members are read through :meth:`read_bytes` or :meth:`extract_to`."""

    def __init__(self, path: Path, *, accept: Callable[[str], Limits | None], display_name: str | None = None):
        self.path = Path(path)
        self.name = display_name or self.path.name
        self._accept = accept
        self._window_start, self._window_bytes = 0, b""  # the archive's bytes read ahead (_span)
        self._last_end = -1
        try:
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise
        except _ZIP_ERRORS as exc:
            raise CorruptArchiveError(self.name, "bukan arsip zip yang utuh") from exc
        try:
            self.members = self._check_directory()
        except BaseException:
            self._zip.close()
            raise

    def _check_directory(self) -> dict[str, tuple[zipfile.ZipInfo, Limits]]:
        infos = self._zip.infolist()
        self.declared_members = len(infos)
        members: dict[str, tuple[zipfile.ZipInfo, Limits]] = {}
        total = 0
        for info in infos:
            name = info.filename
            check_member_name(self.name, name)
            limits = self._accept(name)
            if limits is None:
                raise UnsafeMemberError(self.name, name, "isian tidak dikenal")
            if name in members:
                raise UnsafeMemberError(self.name, name, "nama isian ganda")
            if len(members) >= limits.max_members:
                raise MemberTooLargeError(self.name, name, "terlalu banyak isian")
            if info.flag_bits & 0x1:
                raise UnsafeMemberError(self.name, name, "isian terenkripsi")
            if info.compress_type not in ALLOWED_METHODS:
                raise UnsafeMemberError(self.name, name, "metode kompresi tidak didukung")
            self._check_sizes(name, info.file_size, info.compress_size, limits)
            total += info.file_size
            if limits.max_total is not None and total > limits.max_total:
                raise MemberTooLargeError(self.name, name, "membuat isi arsip melebihi batas ukuran")
            members[name] = (info, limits)
        self.declared_size = total
        return members

    def _check_sizes(self, name: str, size: int, packed: int, limits: Limits) -> None:
        largest = limits.max_member + limits.per_member * self.declared_members
        if size > largest:
            raise MemberTooLargeError(self.name, name, f"lebih besar dari batas {largest} bita")
        if size > 1024 and size > limits.max_ratio * max(packed, 1):
            raise MemberTooLargeError(self.name, name, "memiliki rasio kompresi yang tidak wajar")

    def close(self) -> None:
        self._zip.close()
        self._window_bytes = b""

    def __enter__(self) -> SafeZipReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return list(self.members)

    def _stream(self, name: str) -> Iterator[bytes]:
        info, limits = self.members[name]
        count = 0
        try:
            with self._zip.open(info) as handle:
                while True:
                    chunk = handle.read(CHUNK)
                    if not chunk:
                        break
                    count += len(chunk)
                    # Declared sizes can lie: count what really comes out.
                    self._check_sizes(name, count, info.compress_size, limits)
                    yield chunk
        except (MemberTooLargeError, UnsafeMemberError):
            raise
        except _ZIP_ERRORS as exc:
            raise CorruptArchiveError(self.name, f"isian “{name}” rusak") from exc

    def in_archive_order(self, names: list[str]) -> list[str]:
        """``names`` in the order their members stand in the archive (one not in it first: reading it fails
        there), so that reading them one after the other reads the file front to back (:meth:`_span`)."""
        return sorted(names, key=lambda name: self.members[name][0].header_offset if name in self.members else -1)

    def read_bytes(self, name: str) -> tuple[bytes, str]:
        """The member's bytes (into memory) and their SHA-256."""
        info, limits = self.members[name]
        if info.compress_size <= SMALL_MEMBER and info.file_size <= SMALL_MEMBER:
            data = self._read_small(name, info, limits)
            return data, hashlib.sha256(data).hexdigest()
        digest = hashlib.sha256()
        parts = []
        for chunk in self._stream(name):
            digest.update(chunk)
            parts.append(chunk)
        return b"".join(parts), digest.hexdigest()

    def _read_small(self, name: str, info: zipfile.ZipInfo, limits: Limits) -> bytes:
        """A small member (a package's evidence file) read whole, with zipfile's checks and nothing of its machinery
        (a ZipExtFile, a shared file, a seek and three reads per member): its local header, name and data read in
        one call (:meth:`_span`), the data inflated in one call, at most to the size the directory declares. As
        zipfile: the local header's signature and name must be the directory's, the bytes that come out (never more
        than declared; fewer only where the deflate stream ends) must have the directory's CRC-32."""
        try:
            start, expected = info.header_offset, info.orig_filename
            ascii_name = expected.encode("ascii") if expected.isascii() else None
            name_length = len(expected.encode("utf-8")) if ascii_name is None else len(ascii_name)
            span = self._span(start, _LOCAL.size + name_length + len(info.extra) + info.compress_size)
            signature, _v, _s, flags, _m, _t, _d, _c, _p, _u, name_length, extra_length = _LOCAL.unpack_from(span)
            if signature != b"PK\x03\x04":
                raise zipfile.BadZipFile("bad local header")
            if info.flag_bits & 0x60:  # compressed patched data, strong encryption: zipfile refuses both
                raise NotImplementedError("flag bits 5, 6")
            at = _LOCAL.size + name_length + extra_length
            if at + info.compress_size > len(span):  # a local extra field longer than the directory's
                span = self._span(start, at + info.compress_size)
            stored_name = span[_LOCAL.size : _LOCAL.size + name_length]
            # An ASCII name is its bytes in either of zipfile's encodings (UTF-8 when flagged, else cp437)
            if stored_name != ascii_name and stored_name.decode("utf-8" if flags & _UTF8_NAME else "cp437") != expected:
                raise zipfile.BadZipFile("names differ")
            packed = span[at : at + info.compress_size]
            size = info.file_size
            if info.compress_type == zipfile.ZIP_STORED:
                if len(packed) < size:
                    raise EOFError
                data = packed[:size]
            else:
                inflate = zlib.decompressobj(-15)
                data = inflate.decompress(packed, size) if size else b""
                if len(data) < size and not inflate.eof:
                    raise EOFError  # the stream stops short of the declared size: zipfile's EOFError
            if zlib.crc32(data) != info.CRC:
                raise zipfile.BadZipFile("bad CRC-32")
        except _ZIP_ERRORS as exc:
            raise CorruptArchiveError(self.name, f"isian “{name}” rusak") from exc
        self._check_sizes(name, len(data), info.compress_size, limits)
        return data

    def _span(self, offset: int, length: int) -> bytes:
        """``length`` bytes of the archive at ``offset`` (fewer at its end): one seek and one read, or a slice of
        the window kept from the last read. Members asked for in the archive's order (each starting where the last
        ended) are read a window of :data:`CHUNK` bytes at a time; in any other order, each by itself."""
        at = offset - self._window_start
        if 0 <= at and at + length <= len(self._window_bytes):
            self._last_end = offset + length
            return self._window_bytes[at : at + length]
        handle = self._zip.fp
        if handle is None:
            raise ValueError("closed")
        sequential = offset == self._last_end
        self._last_end = offset + length
        handle.seek(offset)
        data = handle.read(max(length, CHUNK) if sequential else length)
        if sequential:
            self._window_start, self._window_bytes = offset, data
            return data[:length]
        return data

    def read_buffer(self, name: str) -> tuple[bytearray, str]:
        """Like :meth:`read_bytes`, into one buffer (a large member held once, not twice while joined), made at
        the member's declared size (already within its limits) and filled in place: a buffer grown chunk by chunk
        keeps an eighth of its size spare, 4,6 MB of a city's rows.json at the import's peak. A member that turns
        out longer than declared still grows it; the caller's checksum then refuses the member."""
        info, _limits = self.members[name]
        digest = hashlib.sha256()
        buffer = bytearray(info.file_size)
        filled = 0
        for chunk in self._stream(name):
            digest.update(chunk)
            end = filled + len(chunk)
            if end <= len(buffer):
                buffer[filled:end] = chunk
            else:
                del buffer[filled:]
                buffer += chunk
            filled = end
        del buffer[filled:]
        return buffer, digest.hexdigest()

    def extract_to(self, name: str, target: Path) -> str:
        """Write the member to ``target`` (a path chosen by us, never by the archive); returns SHA-256."""
        digest = hashlib.sha256()
        with open(target, "wb") as out:
            for chunk in self._stream(name):
                digest.update(chunk)
                out.write(chunk)
        return digest.hexdigest()

    def hash_member(self, name: str) -> str:
        digest = hashlib.sha256()
        for chunk in self._stream(name):
            digest.update(chunk)
        return digest.hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _atomic_file(target: Path, *, buffering: int = -1) -> Iterator[IO[bytes]]:
    """A file written under a temporary name beside ``target``, flushed to disk, then renamed to ``target``.

    Whatever fails (a full disk while writing or closing), the temporary file is removed; so are those a
    killed run left in the same folder.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target.parent)
    temporary = temporary_path(target)
    handle: IO[bytes] = open(temporary, "wb", buffering=buffering)
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(temporary, target)
        fsync_dir(target.parent)
    except BaseException:
        with suppress(OSError):  # closing flushes: on a full disk that fails again
            handle.close()
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_zip(target: Path, *, compresslevel: int = 1) -> Iterator[zipfile.ZipFile]:
    """Write a zip (Python's :class:`zipfile.ZipFile`) atomically (:func:`_atomic_file`)."""
    with (
        _atomic_file(target) as handle,
        zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf,
    ):
        yield zf


@contextmanager
def atomic_zip_writer(target: Path, *, level: int = 6) -> Iterator[ZipWriter]:
    """Write a zip with :class:`ZipWriter` atomically (:func:`_atomic_file`, a 1 MB write buffer); its central
    directory is written when the block ends without an error."""
    with _atomic_file(target, buffering=CHUNK) as handle:
        writer = ZipWriter(handle, level=level)
        yield writer
        writer.close()


# The first bytes of the kinds of file that are compressed already (deflating them again costs time and saves
# next to nothing): PDF (its streams are deflated or are images), JPEG, PNG, GIF, WebP and HEIC/MP4 (``ftyp``)
# images and videos, the zip family (XLSX, DOCX, PPTX, ODF, ZIP), gzip, bzip2, xz, 7-Zip and RAR archives.
_COMPRESSED_MAGIC = (
    b"%PDF-",
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
)


def already_compressed(data: bytes) -> bool:
    """Whether ``data`` is a kind of file that is compressed already, by its first bytes (its kind, not its size
    nor a trial compression): see ``_COMPRESSED_MAGIC``."""
    head = bytes(data[:12])
    if head.startswith(_COMPRESSED_MAGIC):
        return True
    return (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or head[4:8] == b"ftyp"


def write_member(zf: zipfile.ZipFile | ZipWriter, name: str, data: bytes) -> None:
    """One member of a zip being written: stored as it is when :func:`already_compressed`, else deflated."""
    if isinstance(zf, ZipWriter):
        zf.writestr(name, data, compress=not already_compressed(data))
    else:
        zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if already_compressed(data) else None)


# The zip format's records (APPNOTE.TXT 4.3), as zipfile packs them.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_END64 = struct.Struct("<4sQ2H2L4Q")
_LOCATOR64 = struct.Struct("<4sLQL")
_ZIP64_EXTRA = 0x0001
_UTF8_NAME = 0x800
_VERSION, _VERSION64 = 20, 45  # deflate; zip64 records
_UNIX = 3
_FILE_MODE = 0o600 << 16  # as zipfile's writestr gives a member named by a string
ZIP64_LIMIT = zipfile.ZIP64_LIMIT  # a size or offset past it goes into a zip64 field (zipfile's limit: 2 GiB - 1)
ZIP_FILECOUNT_LIMIT = zipfile.ZIP_FILECOUNT_LIMIT  # more members than this: a zip64 end of central directory
_ALL_ONES = 0xFFFFFFFF

# A streamed member's (rows.json's) deflate level. The city's rows.json (37,1 MB; benchmarks/interchange.py,
# "Branch exp2"), CPU time of zlib 1.2.13 alone: level 6 3,90 MB in 0,29–0,32 s, level 3 4,56 MB in 0,12–0,14 s,
# level 1 4,67 MB in 0,11–0,14 s. Level 3: less than half level 6's time (the writer thread keeps up with the rows
# being made) for 0,66 MB more package; level 1 is no faster and larger.
STREAM_LEVEL = 3


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the central directory says of a member written."""

    name: bytes
    flags: int
    method: int
    crc: int
    packed: int
    size: int
    offset: int
    version: int


class ZipWriter:
    """A zip written straight to ``handle`` (a new file, open for writing and seeking): each member's local header
    written once with its sizes and CRC known (no seek back per member, as :meth:`zipfile.ZipFile.writestr`
    does three times), the central directory at :meth:`close`. Zip64 records where zipfile writes them: a size or
    offset past :data:`ZIP64_LIMIT`, more than :data:`ZIP_FILECOUNT_LIMIT` members. Python's zipfile, ``unzip``
    and :class:`SafeZipReader` read what it writes. Members: :meth:`writestr` (bytes in memory, deflated at
    ``level`` or stored) and :meth:`open_stream` (one member written piece by piece, deflated; its header's CRC
    and sizes filled in when it is closed: one seek back)."""

    def __init__(self, handle: IO[bytes], *, level: int = 6) -> None:
        self._out = handle
        self._level = level
        self._offset = 0
        self._entries: list[_Entry] = []
        self._names: set[bytes] = set()
        self._streaming = False
        self._closed = False
        now = time.localtime()
        self._time = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
        self._date = (min(max(now.tm_year, 1980), 2107) - 1980) << 9 | now.tm_mon << 5 | now.tm_mday

    def _name(self, name: str) -> tuple[bytes, int]:
        if self._streaming or self._closed:
            raise ValueError("zip: a member is being streamed, or the zip is closed")
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8_NAME
        if raw in self._names:
            raise ValueError(f"zip: member {name!r} written twice")
        self._names.add(raw)
        return raw, flags

    def _header(self, raw: bytes, flags: int, method: int, crc: int, packed: int, size: int, zip64: bool) -> bytes:
        extra = struct.pack("<2H2Q", _ZIP64_EXTRA, 16, size, packed) if zip64 else b""
        if zip64:
            packed = size = _ALL_ONES
        version = _VERSION64 if zip64 else _VERSION
        fixed = _LOCAL.pack(
            b"PK\x03\x04", version, 0, flags, method, self._time, self._date, crc, packed, size, len(raw), len(extra)
        )
        return fixed + raw + extra

    def writestr(self, name: str, data: bytes, *, compress: bool = True) -> None:
        """One member from bytes in memory: deflated at the writer's level, or stored (``compress`` False)."""
        raw, flags = self._name(name)
        crc = zlib.crc32(data)
        if compress:
            packed, method = zlib.compress(data, self._level, wbits=-15), zipfile.ZIP_DEFLATED
        else:
            packed, method = data, zipfile.ZIP_STORED
        zip64 = len(data) > ZIP64_LIMIT or len(packed) > ZIP64_LIMIT
        header = self._header(raw, flags, method, crc, len(packed), len(data), zip64)
        offset = self._offset
        self._out.write(header)
        self._out.write(packed)
        self._offset += len(header) + len(packed)
        version = _VERSION64 if zip64 else _VERSION
        self._entries.append(_Entry(raw, flags, method, crc, len(packed), len(data), offset, version))

    def open_stream(self, name: str, *, level: int | None = None) -> StreamedMember:
        """A member written piece by piece (:meth:`StreamedMember.write`), deflated at ``level`` (by default
        :data:`STREAM_LEVEL`); nothing else is
        written to the zip until it is closed. Its local header carries zip64 sizes (it may grow past 2 GiB), as
        zipfile's ``open(name, "w", force_zip64=True)`` writes it."""
        raw, flags = self._name(name)
        self._streaming = True
        offset = self._offset
        header = self._header(raw, flags, zipfile.ZIP_DEFLATED, 0, 0, 0, zip64=True)
        self._out.write(header)
        self._offset += len(header)
        return StreamedMember(self, raw, flags, offset, STREAM_LEVEL if level is None else level)

    def _streamed(self, member: StreamedMember, crc: int, packed: int, size: int) -> None:
        """The stream ``member`` is closed: its CRC and sizes into its local header, its entry recorded."""
        self._out.seek(member.offset + 14)
        self._out.write(struct.pack("<L", crc))
        self._out.seek(member.offset + _LOCAL.size + len(member.name) + 4)
        self._out.write(struct.pack("<2Q", size, packed))
        self._out.seek(self._offset)
        self._entries.append(
            _Entry(member.name, member.flags, zipfile.ZIP_DEFLATED, crc, packed, size, member.offset, _VERSION64)
        )
        self._streaming = False

    def close(self) -> None:
        """Write the central directory and its end records (the handle stays open: its owner closes it)."""
        if self._streaming:
            raise ValueError("zip: a member is still being streamed")
        if self._closed:
            return
        self._closed = True
        start = self._offset
        parts = []
        for entry in self._entries:
            packed, size, offset, version = entry.packed, entry.size, entry.offset, entry.version
            large = [value for value in (size, packed, offset) if value > ZIP64_LIMIT]
            extra = b""
            if large:  # only the fields past the limit, in this order (APPNOTE 4.5.3)
                extra = struct.pack(f"<2H{len(large)}Q", _ZIP64_EXTRA, 8 * len(large), *large)
                size, packed, offset = (_ALL_ONES if v > ZIP64_LIMIT else v for v in (size, packed, offset))
                version = _VERSION64
            parts.append(
                _CENTRAL.pack(
                    b"PK\x01\x02", version, _UNIX, version, 0, entry.flags, entry.method, self._time, self._date,
                    entry.crc, packed, size, len(entry.name), len(extra), 0, 0, 0, _FILE_MODE, offset,
                )
            )
            parts.append(entry.name)
            parts.append(extra)
        directory = b"".join(parts)
        self._out.write(directory)
        count, length = len(self._entries), len(directory)
        if count > ZIP_FILECOUNT_LIMIT or start > ZIP64_LIMIT or length > ZIP64_LIMIT:
            end64 = start + length
            self._out.write(_END64.pack(b"PK\x06\x06", 44, _VERSION64, _VERSION64, 0, 0, count, count, length, start))
            self._out.write(_LOCATOR64.pack(b"PK\x06\x07", 0, end64, 1))
            count, length, start = min(count, 0xFFFF), min(length, _ALL_ONES), min(start, _ALL_ONES)
        self._out.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, length, start, 0))


class StreamedMember:
    """A member of a :class:`ZipWriter` written piece by piece: CRC, deflate and write of each piece (zlib and the
    file's writes let go of the interpreter's lock: another thread may call :meth:`write`). Use as a context
    manager: :meth:`close` when the block ends without an error."""

    def __init__(self, writer: ZipWriter, name: bytes, flags: int, offset: int, level: int) -> None:
        self._writer = writer
        self.name, self.flags, self.offset = name, flags, offset
        self._deflate = zlib.compressobj(level, zlib.DEFLATED, -15)
        self._crc = self._size = self._packed = 0

    def write(self, data: bytes) -> None:
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)
        self._emit(self._deflate.compress(data))

    def _emit(self, packed: bytes) -> None:
        if packed:
            self._writer._out.write(packed)
            self._writer._offset += len(packed)
            self._packed += len(packed)

    def close(self) -> None:
        self._emit(self._deflate.flush())
        self._writer._streamed(self, self._crc, self._packed, self._size)

    def __enter__(self) -> StreamedMember:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.close()


class WrittenBehind:
    """Bytes given to :meth:`write` are passed to ``sink`` by a second thread, gathered into pieces of ``BATCH``
    bytes at least (joined in that thread, not the caller's): deflating, checksumming and writing a large member
    (zlib, hashlib and file writes let go of the interpreter's lock on large buffers) go on while the caller makes
    the next bytes. At most ``DEPTH`` pieces wait: memory stays flat. :meth:`close` waits for the thread; an error
    of ``sink`` is raised in the caller (at the next :meth:`write`, or at :meth:`close`). Use as a context manager:
    on an exception the thread is stopped and the pieces still waiting are dropped."""

    BATCH = 1 << 20
    DEPTH = 3

    def __init__(self, sink: Callable[[bytes], object]) -> None:
        self._sink = sink
        self._pending: list[bytes] = []
        self._size = 0
        self._error: BaseException | None = None
        self._stop = self._finished = False
        self._queue: queue.Queue[list[bytes] | None] = queue.Queue(maxsize=self.DEPTH)
        self._thread = threading.Thread(target=self._run, name="zip-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            parts = self._queue.get()
            if parts is None:
                return
            if self._error is None and not self._stop:
                try:
                    self._sink(parts[0] if len(parts) == 1 else b"".join(parts))  # joined here, not in the caller
                except BaseException as exc:  # raised again in the caller's thread
                    self._error = exc

    def write(self, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        if self._finished:
            raise ValueError("zip: written after finish()")
        self._pending.append(data)
        self._size += len(data)
        if self._size >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._queue.put(self._pending)
            self._pending, self._size = [], 0

    def finish(self) -> None:
        """Hand over what is left and tell the thread to end when it has written it, without waiting for it
        (:meth:`busy` tells when it has; :meth:`close` waits). Nothing may be written after."""
        if not self._finished:
            self._flush()
            self._queue.put(None)
            self._finished = True

    def busy(self) -> bool:
        """Whether the thread is still writing (after :meth:`finish`: what was handed over is not all written)."""
        return self._thread.is_alive()

    def close(self) -> None:
        """Write what is left, wait for the thread; raise its error, if any."""
        self.finish()
        self._thread.join()
        if self._error is not None:
            raise self._error

    def __enter__(self) -> WrittenBehind:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.close()
            return
        self._stop = True  # the caller failed: what is waiting is dropped, the thread ends
        self._pending = []
        if not self._finished:
            self._queue.put(None)
        self._thread.join()
