"""Crashes: a backup, restore or import killed (SIGKILL) mid-way leaves a sound database, all or nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sync_helpers import content_rows, edit, make_laptop, opd_codes, realizations

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.services import backup, sync

pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
    pytest.mark.sqlite_only,  # a process killed mid-write on a SQLite file (a server's transaction is the server's)
]

CHILD = """
import sys, time
from pathlib import Path
from kinerja_desktop.db.database import open_database
from kinerja_desktop.services import backup, sync

op, db_path, file, pause_at, marker = sys.argv[1:6]
pause_at = float(pause_at)
backup.COPY_PAGES = 8  # many small steps, so that the kill can land inside the copy

def progress(done, total, message):
    if done / total >= pause_at:
        # Written aside, then renamed: the parent must never see the marker before its text.
        Path(marker + ".tmp").write_text(message)
        Path(marker + ".tmp").replace(marker)
        time.sleep(60)

db = open_database(db_path)
from kinerja_desktop.services import users
if users.needs_sign_in(db):  # a copy of the demo (several users): act as its administrator
    users.sign_in(db, "admin", "contoh123")
if op == "backup":
    backup.create_backup(db, Path(file), progress=progress)
elif op == "restore":
    backup.restore_backup(db, Path(file), progress=progress)
else:
    sync.import_package(db, Path(file), progress=progress)
"""


def _copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _kill_at(tmp_path: Path, op: str, db_path: Path, file: Path, pause_at: float) -> str:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    marker = tmp_path / f"marker-{op}-{pause_at}"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, str(script), op, str(db_path), str(file), str(pause_at), str(marker)], env=env
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the child ended before reaching the pause"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    return marker.read_text()


def _sound(path: Path) -> None:
    database = open_database(path)  # runs quick_check; refuses a damaged file
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        database.close()


@pytest.fixture
def centre_and_package(demo_db: Database, tmp_path: Path) -> tuple[Path, Path, dict, dict]:
    """The centre's file, a field package changing 5 rows, and the centre's rows before and after importing it."""
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    for rid in realizations(laptop, x)[:5]:
        edit(laptop, "indicator_realization", rid, problems="dari laptop")
    package = tmp_path / "p.kinerja-paket"
    sync.export_package(laptop, package)
    laptop.close()
    before = content_rows(demo_db.path)
    reference = tmp_path / "ref.sqlite"
    _copy(demo_db.path, reference)
    ref = open_database(reference)
    sync.import_package(ref, package)
    ref.close()
    after = content_rows(reference)
    assert before != after
    demo_db.close()
    return demo_db.path, package, before, after


@pytest.mark.parametrize("pause_at", [0.6, 0.95, 1.0])
def test_import_killed_is_all_or_nothing(centre_and_package, tmp_path: Path, pause_at: float) -> None:  # noqa: ANN001
    path, package, before, after = centre_and_package
    _kill_at(tmp_path, "import", path, package, pause_at)
    _sound(path)
    state = content_rows(path)
    assert state == (after if pause_at == 1.0 else before)


@pytest.mark.parametrize("pause_at", [0.7, 1.0])
def test_restore_killed_is_all_or_nothing(demo_db: Database, tmp_path: Path, pause_at: float) -> None:
    info = backup.create_backup(demo_db, tmp_path / "c.kinerja-backup")
    backed_up = content_rows(demo_db.path)
    edit(demo_db, "indicator_realization", realizations(demo_db, opd_codes(demo_db, 1)[0])[0], problems="sesudah")
    changed = content_rows(demo_db.path)
    path = demo_db.path
    demo_db.close()
    message = _kill_at(tmp_path, "restore", path, info.path, pause_at)
    assert message.startswith("Memulihkan") or message.startswith("Pemulihan")
    _sound(path)
    assert content_rows(path) == (backed_up if pause_at == 1.0 else changed)


def test_backup_killed_leaves_no_backup_and_the_database_untouched(demo_db: Database, tmp_path: Path) -> None:
    before = content_rows(demo_db.path)
    path = demo_db.path
    demo_db.close()
    out = tmp_path / "keluar" / "c.kinerja-backup"
    _kill_at(tmp_path, "backup", path, out, 0.5)
    assert not out.exists()
    _sound(path)
    assert content_rows(path) == before
