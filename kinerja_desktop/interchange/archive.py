"""Zip files from outside, read defensively; zip files of ours, written atomically.

Reading: only expected member names (no absolute paths, no "..", no backslashes, no duplicates), only
stored or deflated members, no encryption, a size limit per member and in total, a limit on the
compression ratio, sizes counted while reading (declared sizes can lie) and a SHA-256 computed on the
way. A limit can grow with the number of members the archive declares (a manifest lists every member,
and each listed member is checked against the archive), so a large regency's files are not taken for a
bomb. Writing: to a temporary name beside the target, flushed to disk, then renamed into place; a failure
(a full disk) leaves no temporary file. A file that is compressed already (a PDF, an image, an office document,
an archive: :func:`already_compressed`) is stored as it is rather than deflated again (:func:`write_member`);
the reader takes either method. A large member can be written by a second thread (:class:`WrittenBehind`).
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import struct
import threading
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
ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_SAFE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\- ]{0,200}$")
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

    def read_bytes(self, name: str) -> tuple[bytes, str]:
        """The member's bytes (into memory) and their SHA-256."""
        digest = hashlib.sha256()
        parts = []
        for chunk in self._stream(name):
            digest.update(chunk)
            parts.append(chunk)
        return b"".join(parts), digest.hexdigest()

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
def atomic_zip(target: Path, *, compresslevel: int = 1) -> Iterator[zipfile.ZipFile]:
    """Write a zip under a temporary name, flush it to disk, then rename it to ``target``.

    Whatever fails (a full disk while writing or closing), the temporary file is removed; so are those a
    killed run left in the same folder.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target.parent)
    temporary = temporary_path(target)
    handle: IO[bytes] = open(temporary, "wb")
    try:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
            yield zf
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


def write_member(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    """One member of a zip being written: stored as it is when :func:`already_compressed`, else deflated."""
    zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if already_compressed(data) else None)


class WrittenBehind:
    """Bytes given to :meth:`write` are passed to ``sink`` by a second thread, gathered into pieces of ``BATCH``
    bytes at least: deflating, checksumming and writing a large member (zlib, hashlib and file writes let go of
    the interpreter's lock on large buffers) go on while the caller makes the next bytes. At most ``DEPTH`` pieces
    wait: memory stays flat. :meth:`close` waits for the thread; an error of ``sink`` is raised in the caller (at
    the next :meth:`write`, or at :meth:`close`). Use as a context manager: on an exception the thread is stopped
    and the pieces still waiting are dropped."""

    BATCH = 1 << 20
    DEPTH = 3

    def __init__(self, sink: Callable[[bytes], object]) -> None:
        self._sink = sink
        self._pending: list[bytes] = []
        self._size = 0
        self._error: BaseException | None = None
        self._stop = False
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=self.DEPTH)
        self._thread = threading.Thread(target=self._run, name="zip-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            piece = self._queue.get()
            if piece is None:
                return
            if self._error is None and not self._stop:
                try:
                    self._sink(piece)
                except BaseException as exc:  # raised again in the caller's thread
                    self._error = exc

    def write(self, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._pending.append(data)
        self._size += len(data)
        if self._size >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._queue.put(self._pending[0] if len(self._pending) == 1 else b"".join(self._pending))
            self._pending, self._size = [], 0

    def close(self) -> None:
        """Write what is left, wait for the thread; raise its error, if any."""
        self._flush()
        self._queue.put(None)
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
        self._queue.put(None)
        self._thread.join()
