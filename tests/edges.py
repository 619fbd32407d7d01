"""Helpers for the tests of issue 11's edges: the command line run as an ordinary user would run it, a full
disk, a read-only file without root's bypass, and what a run leaves behind.

CI runs as root, and root writes into read-only files and folders (CAP_DAC_OVERRIDE). So that file
permissions really apply:

* :func:`cli` can run the command line under ``setpriv --inh-caps=-all --bounding-set=-all``: still uid 0, the
  owner of the test's files, but without any capability, exactly as an ordinary owner;
* :func:`without_root_bypass` drops the calling thread's effective capabilities for a ``with`` block (in-process
  tests: the GUI, the services) and raises them again afterwards.

A full disk is a file-size limit (``RLIMIT_FSIZE``: the next write past it fails, Python ignores SIGXFSZ, for root
too), in-process (:func:`file_size_limit`) or for a child (:func:`cli`), or a small tmpfs (:func:`small_disk`,
when the machine lets us mount one).
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IS_ROOT = os.geteuid() == 0
UNPRIVILEGED = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"] if IS_ROOT else []


def checksum(path: Path, *, skip: tuple[str, ...] = ()) -> str:
    """Every row of every table (but ``skip``): equal means the database holds exactly the same data."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if r[0] not in skip
        ]
        rows = {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def copy_database(source: Path, target: Path) -> Path:
    """A private, checkpointed copy (SQLite's backup API): one file, no -wal beside it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def leftovers(folder: Path) -> list[str]:
    """Temporary files and work folders of ours anywhere under ``folder`` (none should stay after a failure)."""
    found = []
    for path in Path(folder).rglob("*"):
        name = path.name
        if name.startswith(".kinerja-") or name.endswith(".tmp") or name.endswith(".pulihan"):
            found.append(str(path.relative_to(folder)))
    return sorted(found)


# ---------------------------------------------------------------------------------------------- the command line


def _limit_file_size(size: int):  # noqa: ANN202 - a preexec function
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    return apply


def _acting_option(args: tuple[str | Path, ...]) -> str:
    """The option a verb acts as a user with: ``audit`` keeps ``--user`` for its filter and acts with ``--as``."""
    return "--as" if args and str(args[0]) == "audit" else "--user"


def _has_demo_admin(args: tuple[str | Path, ...]) -> bool:
    """Whether the command names a SQLite database (``--db``) with several users and the demo's "admin"."""
    names = [str(a) for a in args]
    if "--db" not in names or _acting_option(args) in names or names.index("--db") + 1 >= len(names):
        return False
    path = Path(names[names.index("--db") + 1])
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            users = [row[0] for row in conn.execute("SELECT name FROM app_user")]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return len(users) > 1 and "admin" in users


def cli(
    *args: str | Path,
    unprivileged: bool = False,
    fsize: int | None = None,
    input_text: str | None = None,
    timeout: float = 180,
) -> subprocess.CompletedProcess[str]:
    """Run ``kinerja-desktop ARGS`` in a child process; ``unprivileged``: without root's bypass of permissions."""
    if unprivileged and IS_ROOT and shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed to run the command line without root's permission bypass")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("KINERJA_DB_URL", None)
    if _has_demo_admin(args):  # as in-process tests (tests/conftest.py): act as the demo's administrator
        args = (*args, _acting_option(args), "admin")
        env["KINERJA_PASSWORD"] = "contoh123"
    command = [*(UNPRIVILEGED if unprivileged else []), sys.executable, "-m", "kinerja_desktop", *map(str, args)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        input=input_text,
        preexec_fn=_limit_file_size(fsize) if fsize is not None else None,
        check=False,
    )


# ---------------------------------------------------------------------------------------------- another program

HOLDER = """
import sqlite3, sys, time
from pathlib import Path
path, mode, release, done = sys.argv[1:5]
conn = sqlite3.connect(path, isolation_level=None)
if mode == "exclusive":
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE TABLE IF NOT EXISTS pemegang(x)")
    conn.execute("COMMIT")  # the exclusive lock stays after the commit
elif mode == "write":
    conn.execute("BEGIN IMMEDIATE")
else:  # "open": an idle connection, no transaction
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
print("siap", flush=True)
while not Path(release).exists():
    time.sleep(0.05)
if mode == "exclusive":
    conn.execute("INSERT INTO pemegang VALUES ('komit sesudahnya')")  # lands in the file it has open
elif mode == "write":
    conn.execute("ROLLBACK")
conn.close()
Path(done).write_text("selesai")
"""


class Holder:
    """Another program holding the database: ``exclusive`` (locking_mode=EXCLUSIVE), ``write`` (BEGIN
    IMMEDIATE) or ``open`` (an idle connection)."""

    def __init__(self, tmp_path: Path, path: Path, mode: str) -> None:
        self.release, self.done = tmp_path / f"lepas-{mode}", tmp_path / f"selesai-{mode}"
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), mode, str(self.release), str(self.done)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "siap"

    def let_go(self) -> None:
        self.release.write_text("")
        self.process.wait(timeout=30)
        assert self.done.exists()


# ---------------------------------------------------------------------------------------------- in-process


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


_CAP_VERSION_3 = 0x20080522


def _capabilities(data: ctypes.Array | None = None) -> ctypes.Array:
    libc = ctypes.CDLL(None, use_errno=True)
    header = _CapHeader(_CAP_VERSION_3, 0)
    if data is None:
        data = (_CapData * 2)()
        if libc.capget(ctypes.byref(header), data) != 0:
            raise OSError(ctypes.get_errno(), "capget")
        return data
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")
    return data


@contextmanager
def without_root_bypass() -> Iterator[None]:
    """For the calling thread: no effective capability (root's file-permission bypass off) inside the block."""
    if not IS_ROOT:
        yield
        return
    saved = _capabilities()
    dropped = (_CapData * 2)()
    for index in range(2):
        dropped[index].effective = 0
        dropped[index].permitted = saved[index].permitted
        dropped[index].inheritable = saved[index].inheritable
    _capabilities(dropped)
    try:
        yield
    finally:
        _capabilities(saved)


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    """No file of this process grows past ``size`` bytes inside the block (a disk that is full at once)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` (e.g. ``"3m"``) mounted on ``folder``: a real full disk (ENOSPC, SQLITE_FULL)."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=1777", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here ({mounted.stderr.strip()}); RLIMIT_FSIZE tests cover the class")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int) -> None:
    """Fill ``folder``'s disk until only ``leave`` bytes are free."""
    free = shutil.disk_usage(folder).free
    if free > leave:
        with open(folder / "pengisi.bin", "wb") as handle:
            handle.write(b"\0" * (free - leave))
