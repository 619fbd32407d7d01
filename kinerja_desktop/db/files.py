"""The files around a database and the file system's edges, one place for every verb that writes files.

* Output paths: a backup, a package, a PDF or a CSV never lands on the open database, its ``-wal``/``-shm``,
  another database file, or a folder (:func:`check_output_file`, :func:`output_problem`).
* Safety copies get names nobody else has taken, even two in the same second (:func:`keep_as`,
  :func:`move_aside`): the name is claimed atomically, never overwritten.
* Temporary files and work folders carry the writer's process id (``.<name>.<pid>.tmp``,
  ``.kinerja-<kind>-<pid>-…``), so the leftovers of a killed run are recognised and removed by the next start
  or the next run of that verb (:func:`remove_leftovers`), while another running window's are left alone.
* File-system and SQLite errors become Indonesian sentences (:func:`storage_errors`): disk full, read-only,
  locked.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DiskFullError,
    KinerjaDbError,
    OutputPathError,
    ReadOnlyLocationError,
)
from .types import timestamp

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")  # SQLite's files beside a database
WORK_KINDS = ("pulihkan", "periksa", "cadangan")  # restore, check, backup work folders
AUTO_BACKUP_FOLDER = "cadangan-otomatis"  # beside the database

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 5, 6, 8, 10, 13, 14
DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


# ---------------------------------------------------------------------------------------------- output paths


def database_files(path: Path) -> list[Path]:
    """The database file and the journal files SQLite keeps beside it."""
    return [Path(path)] + [Path(f"{path}{suffix}") for suffix in COMPANIONS]


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    with suppress(OSError):
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    try:
        return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())
    except OSError:
        return False


def journal_of(path: Path) -> Path | None:
    """For ``x.sqlite-wal`` (``-shm``, ``-journal``) beside a database ``x.sqlite``: that database."""
    for suffix in COMPANIONS:
        if path.name.endswith(suffix):
            base = path.with_name(path.name[: -len(suffix)])
            if is_sqlite_file(base):
                return base
    return None


def output_problem(path: Path, database_path: Path | None = None, *, folder: bool = False) -> str | None:
    """Why ``path`` cannot take new output (an Indonesian clause), or None.

    ``folder``: the output is a folder of files (batch printing), else one file that replaces ``path``.
    """
    path = Path(path)
    if database_path is not None:
        for own in database_files(database_path):
            if _same_file(path, own):
                what = "basis data yang sedang dibuka"
                if own != database_path:
                    what = "berkas jurnal basis data yang sedang dibuka"
                return f"itu adalah {what} (menimpanya menghancurkan data)"
    if folder:
        if path.exists() and not path.is_dir():
            return "itu adalah berkas, bukan folder"
        return None
    if path.is_dir():
        return "itu adalah folder; sebutkan nama berkas di dalamnya"
    if path.parent.exists() and not path.parent.is_dir():
        return f"“{path.parent}” adalah berkas, bukan folder"
    if is_sqlite_file(path):
        return "itu adalah berkas basis data (menimpanya menghancurkan data)"
    if journal_of(path) is not None:
        return "itu adalah berkas jurnal sebuah basis data (menimpanya merusak basis data itu)"
    return None


def check_output_file(path: Path, database_path: Path | None = None) -> Path:
    problem = output_problem(path, database_path)
    if problem:
        raise OutputPathError(str(path), problem)
    return Path(path)


def check_output_folder(path: Path, database_path: Path | None = None) -> Path:
    problem = output_problem(path, database_path, folder=True)
    if problem:
        raise OutputPathError(str(path), problem)
    return Path(path)


# ---------------------------------------------------------------------------------------------- safety copies


def copy_names(folder: Path, stem: str, reason: str, suffix: str) -> Iterator[Path]:
    """``<stem>.<reason>-<time><suffix>``, then ``…-<time>-2<suffix>``, ``-3`` …: candidates in order."""
    base = f"{stem}.{reason}-{timestamp()}"
    yield folder / f"{base}{suffix}"
    number = 2
    while True:
        yield folder / f"{base}-{number}{suffix}"
        number += 1


def _link_or_claim(source: Path, target: Path) -> bool:
    """Give ``source`` the name ``target`` only if nobody has it; False when taken. ``source`` stays."""
    try:
        os.link(source, target)  # atomic: fails when the name exists
        return True
    except FileExistsError:
        return False
    except OSError:
        pass  # no hard links here (FAT flash drives): claim the name with an exclusive create instead
    try:
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    try:
        shutil.copyfile(source, target)
    except BaseException:
        unlink_quietly(target)  # a full disk: the claimed name goes again
        raise
    return True


def keep_as(temporary: Path, names: Iterator[Path]) -> Path:
    """Give a finished temporary file the first free name of ``names`` (never overwriting one)."""
    for candidate in names:
        taken_companion = any(Path(f"{candidate}{s}").exists() for s in COMPANIONS)
        if not taken_companion and _link_or_claim(temporary, candidate):
            temporary.unlink(missing_ok=True)
            return candidate
    raise AssertionError("unreachable: names never end")


def move_aside(path: Path, names: Iterator[Path]) -> Path:
    """Move a database and its journal files to the first free name of ``names``; returns the new name."""
    for candidate in names:
        if any(Path(f"{candidate}{s}").exists() for s in COMPANIONS):
            continue
        if not _link_or_claim(path, candidate):
            continue
        for suffix in ("-wal", "-shm"):  # the journal goes with its database, under its new name
            companion = Path(f"{path}{suffix}")
            if companion.exists():
                os.replace(companion, Path(f"{candidate}{suffix}"))
        path.unlink()
        return candidate
    raise AssertionError("unreachable: names never end")


def in_use_elsewhere(path: Path) -> bool:
    """Does another process hold SQLite's locks on this database (it has the file open)?

    POSIX: a WAL connection keeps a shared lock on a byte of the ``-shm`` file as long as it is open, and an
    exclusive-mode connection keeps its lock on the database file; we try to take each lock for a moment.
    Only call it while this process has no connection to the file (closing our probe drops this process's
    locks on it). On Windows an open file cannot be moved: the move itself fails.
    """
    if os.name != "posix":
        return False
    import fcntl

    probes = ((Path(path), 0x40000000, 512), (Path(f"{path}-shm"), 120, 9))  # SQLite's lock bytes
    for file, start, length in probes:
        try:
            fd = os.open(file, os.O_RDWR)
        except OSError:
            continue
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start)
            fcntl.lockf(fd, fcntl.LOCK_UN, length, start)
        except OSError:
            return True
        finally:
            os.close(fd)
    return False


# ---------------------------------------------------------------------------------------------- temporaries


def temporary_path(target: Path) -> Path:
    """``.<name>.<pid>.tmp`` beside ``target``: the writer's id tells a killed run's leftover from a live one."""
    target = Path(target)
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def work_folder(parent: Path, kind: str) -> Path:
    """A private work folder ``.kinerja-<kind>-<pid>-<random>`` in ``parent`` (``kind`` of :data:`WORK_KINDS`)."""
    assert kind in WORK_KINDS
    return Path(tempfile.mkdtemp(prefix=f".kinerja-{kind}-{os.getpid()}-", dir=parent))


_WORK = re.compile(rf"^\.kinerja-(?:{'|'.join(WORK_KINDS)})-(?:(\d+)-)?")
_TEMPORARY = re.compile(r"^\..+\.(\d+)\.tmp$")
# Names of earlier versions, without a process id: a killed run's, as no running window makes them any more.
_OLD_TEMPORARY = re.compile(
    r"^(?:\..+\.pulihan|\.[0-9a-f]{64}\.tmp|.+\.(?:sebelum-pemulihan|sebelum-migrasi|rusak)-.+\.tmp)$"
)


def process_alive(pid: int) -> bool:
    """Is process ``pid`` running? (Our own process is.)"""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leftover_of_killed_run(name: str) -> bool:
    if not name.startswith(".") and not name.endswith(".tmp"):
        return False  # most names (a store of 20.000 evidence files is scanned at every start)
    for pattern in (_WORK, _TEMPORARY):
        match = pattern.match(name)
        if match:
            return match.group(1) is None or not process_alive(int(match.group(1)))
    return bool(_OLD_TEMPORARY.match(name))


def remove_leftovers(folder: Path | None, *, depth: int = 0) -> list[Path]:
    """Remove the temporary files and work folders that killed runs left in ``folder`` (and ``depth`` levels of
    sub-folders); another running process's are kept. Returns what was removed; never raises."""
    removed: list[Path] = []
    if folder is None:
        return removed
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        try:
            if leftover_of_killed_run(entry.name):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
                removed.append(Path(entry.path))
            elif depth > 0 and entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                removed.extend(remove_leftovers(Path(entry.path), depth=depth - 1))
        except OSError:
            continue  # in use (Windows) or not ours to remove: left for a later run
    return removed


# ---------------------------------------------------------------------------------------------- errors


def newest_backup(path: Path) -> str | None:
    """The newest automatic backup beside the database ``path``, if any (filled by the backup feature): named when
    the database is found damaged, at the open (``database.py``) or by a read (``engine.py``)."""
    folder = path.parent / AUTO_BACKUP_FOLDER
    if not folder.is_dir():
        return None
    backups = sorted(folder.glob("*.kinerja-backup"), key=lambda p: p.stat().st_mtime)
    return str(backups[-1]) if backups else None


def _sqlite_code(exc: BaseException) -> int | None:
    inner = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    code = getattr(inner, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in DISK_FULL_ERRNOS
    return _sqlite_code(exc) in (SQLITE_FULL, SQLITE_IOERR)


def is_read_only(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in READ_ONLY_ERRNOS
    return _sqlite_code(exc) == SQLITE_READONLY


def is_locked(exc: BaseException) -> bool:
    if _sqlite_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED):
        return True
    inner = getattr(exc, "orig", None) or exc
    return isinstance(inner, sqlite3.OperationalError) and "locked" in str(inner).lower()


def storage_error(exc: BaseException, folder: Path, action: str, note: str = "") -> KinerjaDbError | None:
    """The Indonesian error for a disk-full, read-only or locked failure while ``action`` in ``folder``."""
    if isinstance(exc, KinerjaDbError):
        return exc
    if is_disk_full(exc):
        detail = "" if isinstance(exc, OSError) or _sqlite_code(exc) == SQLITE_FULL else "galat tulis disk"
        return DiskFullError(str(folder), action, note, detail)
    if is_locked(exc):
        return DatabaseLockedError(action=action[0].upper() + action[1:])
    if is_read_only(exc):
        if isinstance(exc, OSError):
            place = Path(exc.filename).parent if exc.filename else folder
            return ReadOnlyLocationError(str(place), action, note)
        return DatabaseReadOnlyError(str(folder), "berkas atau foldernya tidak dapat ditulisi")
    if _sqlite_code(exc) == SQLITE_CANTOPEN and not writable(folder):
        return ReadOnlyLocationError(str(folder), action, note)
    return None


@contextmanager
def storage_errors(action: str, folder: Path, note: str = "") -> Iterator[None]:
    """Turn a disk-full, read-only or locked failure inside the block into its Indonesian error."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        error = storage_error(exc, folder, action, note)
        if error is None or error is exc:
            raise
        raise error from exc
    except Exception as exc:  # SQLAlchemy's wrapped driver errors
        error = storage_error(exc, folder, action, note) if getattr(exc, "orig", None) is not None else None
        if error is None or error is exc:
            raise
        raise error from exc


def can_write(path: Path, mode: int = os.W_OK) -> bool:
    """May this process write ``path``? Asked for the effective ids and capabilities where the system can."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, mode, effective_ids=effective)


def writable(folder: Path) -> bool:
    return can_write(folder, os.W_OK | os.X_OK)


def check_free_space(folder: Path, needed: int, action: str, note: str = "") -> None:
    """Refuse before writing when ``folder``'s disk has less than ``needed`` bytes free."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed:
        raise DiskFullError(str(folder), action, note, f"perlu ±{_megabytes(needed)}, tersedia {_megabytes(free)}")


def _megabytes(size: int) -> str:
    from decimal import Decimal

    from ..domain.formatting import format_number

    return f"{format_number(Decimal(size) / (1 << 20), 1)} MB"


def unlink_quietly(*paths: Path) -> None:
    for path in paths:
        with suppress(OSError):
            Path(path).unlink(missing_ok=True)


def remove_tree_quietly(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)

