"""The evidence store: supporting files (bukti dukung) beside the database, named by their SHA-256.

A file lives at ``<database>-bukti/<first two hex digits>/<64 hex digits>``. Every function here takes
the name from a caller (a form, a package, a backup, a row of the database) and refuses anything but 64
lowercase hex digits, so no name can reach outside the store; a file is stored only under the hash of
its own content, and read back only when it is a regular file inside the store. A :class:`FolderStore` also
holds files as entries of pack files (``paket/*.pack``, :mod:`.evidence_pack`): a package's 64 new files or more
are written as one pack, and every reader of the store sees packed files as it sees plain ones.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import evidence_pack
from .errors import KinerjaDbError

_SHA256 = re.compile(r"[0-9a-f]{64}")


class EvidenceNameError(KinerjaDbError):
    """A name that is not a SHA-256 (e.g. ``../../etc/hostname``): never a path in the store."""

    def __init__(self, name: object) -> None:
        super().__init__(
            f"Nama berkas bukti “{str(name)[:80]}” tidak sah: harus sidik SHA-256 (64 angka heksadesimal)."
        )


class EvidenceContentError(KinerjaDbError):
    """Content whose SHA-256 is not the name it was given."""

    def __init__(self, name: str) -> None:
        super().__init__(f"Isi berkas bukti {name[:12]}… tidak cocok dengan sidik SHA-256 namanya.")


def is_sha256(value: Any) -> bool:
    """64 lowercase hex digits (ASCII only)."""
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def evidence_path(folder: Path, sha256: str) -> Path:
    """Where the file named ``sha256`` lives in the store ``folder``; raises for any other name."""
    if not is_sha256(sha256):
        raise EvidenceNameError(sha256)
    return Path(folder) / sha256[:2] / sha256


def _inside(folder: Path, path: Path) -> bool:
    """``path`` resolves inside ``folder`` (a symlinked sub-folder cannot lead out of the store)."""
    try:
        return path.resolve().is_relative_to(Path(folder).resolve())
    except OSError:
        return False


def find_evidence(folder: Path | None, sha256: str) -> Path | None:
    """The stored file for ``sha256``, or None: no store, a bad name, missing, or not a plain file inside it."""
    if folder is None or not is_sha256(sha256):
        return None
    path = evidence_path(folder, sha256)
    if path.is_symlink() or not path.is_file() or not _inside(folder, path):
        return None
    return path


def read_evidence(folder: Path | None, sha256: str) -> bytes | None:
    """The content stored under ``sha256`` when it still hashes to that name; None otherwise."""
    path = find_evidence(folder, sha256)
    if path is None:
        return None
    data = path.read_bytes()
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def store_evidence(folder: Path, data: bytes, sha256: str | None = None) -> str:
    """Put ``data`` in the store under its SHA-256 (temporary name, then rename); returns the name.

    With ``sha256`` given (a package's member name), content that hashes to anything else is refused.
    A file already there with the right content is kept; one with other content (damaged) is replaced.
    """
    digest = hashlib.sha256(data).hexdigest()
    if sha256 is not None and sha256 != digest:
        if not is_sha256(sha256):
            raise EvidenceNameError(sha256)
        raise EvidenceContentError(sha256)
    target = evidence_path(folder, digest)
    if read_evidence(folder, digest) is not None:
        return digest
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.parent.is_symlink() or not _inside(folder, target.parent):
        raise EvidenceNameError(digest)
    temporary = target.with_name(f".{digest}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        if target.is_symlink():
            target.unlink()
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return digest


def store_many(folder: Path, items: Iterable[tuple[str, bytes]], *, hashed: bool = False) -> None:
    """Put many files in the store at once (a package's), each under the name it was given.

    The same checks as :func:`store_evidence` (with ``hashed``, the caller has hashed each content and found its
    name: not hashed again), each sub-folder checked once; a new file is written straight under
    its name (no temporary name and rename: a file cut short by a crash does not hash to its name, so it is never
    read back, and the next put of that content replaces it, as it replaces any damaged file).
    """
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    checked: dict[str, str] = {}  # sub-folder name -> its path, as text (no path object per file)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for sha256, data in items:
        _check_item(sha256, data, hashed)
        prefix = sha256[:2]
        folder_text = checked.get(prefix)
        if folder_text is None:
            sub = root / prefix
            sub.mkdir(exist_ok=True)
            if sub.is_symlink() or not _inside(root, sub):
                raise EvidenceNameError(sha256)
            folder_text = checked[prefix] = os.fspath(sub)
        target = os.path.join(folder_text, sha256)
        try:
            handle = os.open(target, flags, 0o666)
        except FileExistsError:
            store_evidence(root, data, sha256)  # kept when sound, replaced when damaged
            continue
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
        except BaseException:
            os.close(handle)
            Path(target).unlink(missing_ok=True)
            raise
        os.close(handle)


def _check_item(sha256: str, data: bytes, hashed: bool) -> None:
    """A package's file, refused unless its name is a SHA-256 and (unless the caller has ``hashed`` it) the SHA-256
    of its content."""
    if not is_sha256(sha256):
        raise EvidenceNameError(sha256)
    if not hashed and hashlib.sha256(data).hexdigest() != sha256:
        raise EvidenceContentError(sha256)


def read_many(folder: Path | None, names: Iterable[str]) -> Iterator[tuple[str, bytes | None]]:
    """(name, content or None) for each name, as :func:`read_evidence` reads one; each sub-folder checked once
    (a directory, not a symbolic link: a plain sub-folder of the store is inside it), each file opened without
    following a symbolic link and read by its descriptor (a package's thousands of files: no path object, no
    buffered file object per file, one read when the file holds what its status said)."""
    checked: dict[str, bool] = {}
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    flags = os.O_RDONLY | nofollow | getattr(os, "O_BINARY", 0)
    root = os.path.join(os.fspath(folder), "") if folder is not None else ""
    for sha256 in names:
        if folder is None or not is_sha256(sha256):
            yield sha256, None
            continue
        prefix = sha256[:2]
        if prefix not in checked:
            checked[prefix] = _plain_folder(root + prefix)
        if not checked[prefix] or not nofollow:
            yield sha256, read_evidence(folder, sha256) if checked[prefix] else None
            continue
        try:
            handle = os.open(f"{root}{prefix}{os.sep}{sha256}", flags)
        except OSError:  # missing, or a symbolic link
            yield sha256, None
            continue
        try:
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode):
                yield sha256, None
                continue
            data = _read_all(handle, status.st_size)
        finally:
            os.close(handle)
        yield sha256, data if hashlib.sha256(data).hexdigest() == sha256 else None


def _plain_folder(path: str) -> bool:
    """``path`` is a directory itself, not a symbolic link to one (one ``lstat``)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _read_all(handle: int, size: int) -> bytes:
    """Everything an open file holds, read to its end (``size``: what it held when asked, usually all of it). A
    read of a plain file that gives less than it was asked for has met the file's end: a file that holds
    ``size`` bytes is read in one system call."""
    parts = [os.read(handle, size + 1)]
    if len(parts[0]) <= size:
        return parts[0]
    while parts[-1]:
        parts.append(os.read(handle, 1 << 20))
    return b"".join(parts)


def store_evidence_file(folder: Path, source: Path) -> tuple[str, int]:
    """Copy a file chosen by the user into the store; returns (SHA-256, size). Raises OSError when unreadable."""
    data = Path(source).read_bytes()
    return store_evidence(folder, data), len(data)


# ---------------------------------------------------------------------------------------------- stores


class EvidenceStore:
    """Where a database keeps its evidence files; the same names (SHA-256) and checks wherever that is."""

    def get(self, sha256: str) -> bytes | None:
        """The content stored under ``sha256`` when it still hashes to that name; None otherwise."""
        raise NotImplementedError

    def put(self, data: bytes, sha256: str | None = None, connection: Any = None) -> str:
        """Store ``data`` under its SHA-256 (inside ``connection``'s transaction where the store is the database)."""
        raise NotImplementedError

    def get_many(self, names: Iterable[str]) -> Iterator[tuple[str, bytes | None]]:
        """(name, :meth:`get`'s answer) for each name."""
        for sha256 in names:
            yield sha256, self.get(sha256)

    def put_many(self, items: Iterable[tuple[str, bytes]], connection: Any = None, *, hashed: bool = False) -> None:
        """Store many files under their SHA-256 names (a package's); ``hashed``: the caller has checked that each
        content hashes to its name (a store may then skip hashing it again)."""
        for sha256, data in items:
            self.put(data, sha256, connection)

    def names(self) -> list[str]:
        """Every stored name, sorted."""
        raise NotImplementedError

    def open_path(self, sha256: str) -> Path | None:
        """A file with the content, for the user to open (the store's own file, or a checked copy)."""
        raise NotImplementedError

    @property
    def available(self) -> bool:
        return True


class FolderStore(EvidenceStore):
    """A folder beside a SQLite database (``<database>-bukti``); reachable from this computer only.

    Files live as plain files (``xx/<sha256>``) or as entries of pack files (``paket/*.pack``, see
    :mod:`.evidence_pack`): every reader sees both, a sound plain file first. The parsed pack indexes are kept
    here, keyed by (file name, size, mtime_ns), so repeated reads through one store do not parse them again.
    """

    def __init__(self, folder: Path | None, *, read_only: bool = False) -> None:
        self.folder = folder
        self.read_only = read_only
        self._indexes: dict[tuple[str, int, int], evidence_pack.PackIndex | None] = {}
        self._merged: tuple[tuple[tuple[str, int, int], ...], dict[str, list[tuple[str, int, int]]]] = ((), {})

    @property
    def available(self) -> bool:
        return self.folder is not None

    def get(self, sha256: str) -> bytes | None:
        data = read_evidence(self.folder, sha256)
        if data is not None or self.folder is None or not is_sha256(sha256):
            return data
        return self._packed(sha256)

    def put(self, data: bytes, sha256: str | None = None, connection: Any = None) -> str:
        if self.folder is None:
            raise EvidenceNameError(sha256 or "")
        return store_evidence(self.folder, data, sha256)

    def get_many(self, names: Iterable[str]) -> Iterator[tuple[str, bytes | None]]:
        packs: dict[str, list[tuple[str, int, int]]] | None = None
        handles: dict[str, int | None] = {}
        try:
            for sha256, data in read_many(self.folder, names):
                if data is None and self.folder is not None and is_sha256(sha256):
                    if packs is None:
                        packs = self.packs()
                    data = self._packed(sha256, packs, handles)
                yield sha256, data
        finally:
            for fd in handles.values():
                if fd is not None:
                    os.close(fd)

    def put_many(self, items: Iterable[tuple[str, bytes]], connection: Any = None, *, hashed: bool = False) -> None:
        """Store a package's files: those already there as a plain file as :func:`store_many` does (kept when
        sound, replaced when damaged); those held sound in a pack are skipped; 64 new ones or more are written as
        one pack, fewer as plain files. Every name and content is checked before anything is written."""
        if self.folder is None:
            raise EvidenceNameError("")
        root = Path(self.folder)
        root_text = os.path.join(os.fspath(root), "")
        folders: dict[str, bool] = {}  # sub-folder name -> it exists (a symbolic link is refused)
        plain: list[tuple[str, bytes]] = []
        new: dict[str, bytes] = {}
        packs = self.packs() if root.is_dir() else {}
        for sha256, data in items:
            _check_item(sha256, data, hashed)
            prefix = sha256[:2]
            if prefix not in folders:
                folders[prefix] = _existing_sub_folder(root, prefix, sha256)
            if folders[prefix] and os.path.lexists(f"{root_text}{prefix}{os.sep}{sha256}"):
                plain.append((sha256, data))
            elif sha256 in packs and self._packed(sha256, packs) is not None:
                continue
            else:
                new[sha256] = data
        if plain:
            store_many(root, plain, hashed=True)
        if len(new) >= evidence_pack.MIN_PACKED and self._pack_folder(create=True):
            evidence_pack.write_pack(root / evidence_pack.PACK_FOLDER, sorted(new.items()))
        elif new:
            store_many(root, new.items(), hashed=True)

    def names(self) -> list[str]:
        if self.folder is None or not self.folder.is_dir():
            return []
        found = {p.name for p in self.folder.glob("??/*") if is_sha256(p.name) and p.parent.name == p.name[:2]}
        return sorted(found.union(self.packs()))

    def open_path(self, sha256: str) -> Path | None:
        """The store's plain file; for a file held only in a pack (or whose plain file is damaged), the pack's
        content written out as the plain file, or a checked copy in the user's temporary folder when the store
        cannot be written."""
        path = find_evidence(self.folder, sha256)
        if self.folder is None or not is_sha256(sha256) or sha256 not in self.packs():
            return path
        if path is not None and read_evidence(self.folder, sha256) is not None:
            return path
        data = self._packed(sha256)
        if data is None:
            return path
        if not self.read_only:
            try:
                store_evidence(self.folder, data, sha256)
                return evidence_path(self.folder, sha256)
            except (OSError, KinerjaDbError):
                pass  # a read-only folder (or a symbolic link where the file would go): a copy elsewhere
        return _temporary_copy(sha256, data)

    def packs(self) -> dict[str, list[tuple[str, int, int]]]:
        """Every name held in a sound pack -> where: (pack path, offset, size), one per pack holding it."""
        folder = self._pack_folder(create=False)
        if folder is None:
            return {}
        keys = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith(".") or not entry.name.endswith(evidence_pack.PACK_SUFFIX):
                        continue
                    status = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(status.st_mode):
                        keys.append((entry.name, status.st_size, status.st_mtime_ns))
        except OSError:
            return {}
        key = tuple(sorted(keys))
        known, known_merged = self._merged  # read once: another thread may replace it (one store per database)
        if known == key:
            return known_merged
        merged: dict[str, list[tuple[str, int, int]]] = {}
        indexes: dict[tuple[str, int, int], evidence_pack.PackIndex | None] = {}
        for name, size, mtime in key:
            if (name, size, mtime) in self._indexes:
                index = self._indexes[(name, size, mtime)]
            else:
                index = evidence_pack.read_index(os.path.join(folder, name))
            indexes[(name, size, mtime)] = index
            if index:
                path = os.path.join(folder, name)
                for sha256, (offset, length) in index.items():
                    merged.setdefault(sha256, []).append((path, offset, length))
        self._indexes = indexes  # packs gone since are forgotten
        self._merged = (key, merged)
        return merged

    def _pack_folder(self, *, create: bool) -> str | None:
        """The ``paket`` folder as text when it is a plain folder inside the store (made when ``create``)."""
        if self.folder is None:
            return None
        folder = Path(self.folder) / evidence_pack.PACK_FOLDER
        if create:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                return None
        text = os.fspath(folder)
        if not _plain_folder(text) or not _inside(Path(self.folder), folder):
            return None
        return text

    def _packed(
        self,
        sha256: str,
        packs: dict[str, list[tuple[str, int, int]]] | None = None,
        handles: dict[str, int | None] | None = None,
    ) -> bytes | None:
        """The content of ``sha256`` from the first pack holding it sound; None when none does."""
        places = (self.packs() if packs is None else packs).get(sha256, ())
        for path, offset, size in places:
            if handles is not None:
                if path not in handles:
                    handles[path] = evidence_pack.open_pack(path)
                fd = handles[path]
                if fd is not None:
                    data = evidence_pack.read_entry(fd, sha256, offset, size)
                    if data is not None:
                        return data
                continue
            fd = evidence_pack.open_pack(path)
            if fd is None:
                continue
            try:
                data = evidence_pack.read_entry(fd, sha256, offset, size)
            finally:
                os.close(fd)
            if data is not None:
                return data
        return None


def _existing_sub_folder(root: Path, prefix: str, sha256: str) -> bool:
    """The store's sub-folder ``prefix`` exists; refused (:class:`EvidenceNameError`) when it is a symbolic link
    or leads out of the store, as :func:`store_many` refuses it."""
    sub = root / prefix
    try:
        status = os.lstat(sub)
    except OSError:
        return False
    if stat.S_ISLNK(status.st_mode) or not _inside(root, sub):
        raise EvidenceNameError(sha256)
    return stat.S_ISDIR(status.st_mode)


def _temporary_copy(sha256: str, data: bytes) -> Path:
    """A checked copy of ``data`` in this user's temporary folder (content-addressed: one already there is reused)."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"kinerja-bukti-{os.getuid() if hasattr(os, 'getuid') else 0}"
    if read_evidence(folder, sha256) is None:
        store_evidence(folder, data, sha256)
    return evidence_path(folder, sha256)


class DatabaseStore(EvidenceStore):
    """The ``evidence_blob`` table of a server database: every workstation reaches the same files."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine

    def _table(self) -> Any:
        from .server_models import EvidenceBlob

        return EvidenceBlob.__table__

    def get(self, sha256: str) -> bytes | None:
        if not is_sha256(sha256):
            return None
        from sqlalchemy import select

        table = self._table()
        with self.engine.connect() as conn:
            data = conn.execute(select(table.c.content).where(table.c.sha256 == sha256)).scalar()
        if data is None:
            return None
        data = bytes(data)
        return data if hashlib.sha256(data).hexdigest() == sha256 else None

    def put(self, data: bytes, sha256: str | None = None, connection: Any = None) -> str:
        digest = hashlib.sha256(data).hexdigest()
        if sha256 is not None and sha256 != digest:
            if not is_sha256(sha256):
                raise EvidenceNameError(sha256)
            raise EvidenceContentError(sha256)
        if connection is None:
            with self.engine.begin() as conn:
                return self.put(data, digest, conn)
        from sqlalchemy import select

        from .types import utcnow

        table = self._table()
        stored = connection.execute(select(table.c.content).where(table.c.sha256 == digest)).scalar()
        if stored is None:
            connection.execute(table.insert().values(sha256=digest, size=len(data), content=data, created_at=utcnow()))
        elif hashlib.sha256(bytes(stored)).hexdigest() != digest:  # damaged: replaced, as the folder store does
            connection.execute(table.update().where(table.c.sha256 == digest).values(content=data, size=len(data)))
        return digest

    def names(self) -> list[str]:
        from sqlalchemy import select

        table = self._table()
        with self.engine.connect() as conn:
            return sorted(conn.execute(select(table.c.sha256)).scalars())

    def open_path(self, sha256: str) -> Path | None:
        """A copy in this user's temporary folder (content-addressed: a copy already there is checked, reused)."""
        import tempfile

        if not is_sha256(sha256):
            return None
        folder = Path(tempfile.gettempdir()) / f"kinerja-bukti-{os.getuid() if hasattr(os, 'getuid') else 0}"
        if read_evidence(folder, sha256) is not None:
            return evidence_path(folder, sha256)
        data = self.get(sha256)
        if data is None:
            return None
        return _temporary_copy(sha256, data)
