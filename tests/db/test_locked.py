"""Issue 11, class 2: locked is not damaged.

A database another process keeps locked (even with ``locking_mode=EXCLUSIVE``) used to be reported "rusak", and
``restore --yes`` then moved the live file aside, so the other process's later commits landed in the set-aside
file. Now it is said to be held by another window or program, nothing is moved, and a restore under an ordinary
write lock waits only the busy timeout and says so, leaving no work folder.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from edges import Holder, checksum, cli, copy_database, leftovers

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.errors import DatabaseLockedError
from kinerja_desktop.services import backup


@pytest.fixture
def live(demo_template: Path, tmp_path: Path) -> Path:
    return copy_database(demo_template, tmp_path / "data" / "k.sqlite")


@pytest.fixture
def made_backup(live: Path, tmp_path: Path) -> Path:
    database = open_database(live)
    try:
        return backup.create_backup(database, tmp_path / "c.kinerja-backup").path
    finally:
        database.close()


@pytest.fixture
def exclusive(live: Path, tmp_path: Path) -> Iterator[Holder]:
    holder = Holder(tmp_path, live, "exclusive")
    yield holder
    if holder.process.poll() is None:
        holder.let_go()


def test_an_exclusive_lock_is_said_as_such_not_as_damage(live: Path, exclusive: Holder) -> None:
    result = cli("info", "--db", live)
    assert result.returncode == 1
    assert "terkunci oleh jendela Kinerja Desktop lain atau program lain" in result.stderr
    assert "rusak" not in result.stderr.replace("tidak rusak", "") and "Traceback" not in result.stderr


def test_restore_never_moves_a_locked_live_file(live: Path, made_backup: Path, exclusive: Holder) -> None:
    # GIVEN another program that keeps the database in EXCLUSIVE locking mode
    inode = os.stat(live).st_ino
    # WHEN a restore is asked for with --yes
    result = cli("restore", "--db", live, made_backup, "--yes")
    # THEN it is refused as locked, and the live file was not moved or replaced
    assert result.returncode == 1 and "terkunci" in result.stderr and "Traceback" not in result.stderr
    assert os.stat(live).st_ino == inode
    assert not list(live.parent.glob("*.rusak-*")) and leftovers(live.parent) == []
    # AND the other program's later commit lands in the live file, not in a copy set aside
    exclusive.let_go()
    database = open_database(live)
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT x FROM pemegang").scalar() == "komit sesudahnya"
    finally:
        database.close()


def test_restore_under_an_ordinary_write_lock_waits_only_the_busy_timeout(
    live: Path, made_backup: Path, tmp_path: Path
) -> None:
    before = checksum(live)
    holder = Holder(tmp_path, live, "write")
    try:
        started = time.monotonic()
        result = cli("restore", "--db", live, made_backup, "--yes", timeout=60)
        waited = time.monotonic() - started
    finally:
        holder.let_go()
    assert result.returncode == 1, result.stderr
    assert "Pemulihan tidak dijalankan" in result.stderr and "sudah ditunggu 5 detik" in result.stderr
    assert waited < 40  # it used to wait for ever
    assert checksum(live) == before
    assert leftovers(live.parent) == [] and not list(live.parent.glob("*.sebelum-pemulihan-*"))


def test_a_lock_taken_during_the_copy_ends_the_wait_too(
    live: Path, made_backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN the lock is taken after the restore's own check (a race): the copy itself must not wait for ever
    monkeypatch.setattr(backup, "_wait_for_write_lock", lambda _db: None)
    database = open_database(live)
    before = checksum(live)
    holder = Holder(tmp_path, live, "write")
    try:
        with pytest.raises(DatabaseLockedError, match="sudah ditunggu 5 detik"):
            backup.restore_backup(database, made_backup)
    finally:
        holder.let_go()
        database.close()
    assert checksum(live) == before
    assert leftovers(live.parent) == [] and not list(live.parent.glob("*.sebelum-pemulihan-*"))


def test_recovery_does_not_move_a_file_another_program_has_open(
    live: Path, made_backup: Path, tmp_path: Path
) -> None:
    holder = Holder(tmp_path, live, "open")
    try:
        with pytest.raises(DatabaseLockedError):
            backup.recover_from_backup(live, made_backup)
        assert live.exists() and not list(live.parent.glob("*.rusak-*")) and leftovers(live.parent) == []
    finally:
        holder.let_go()
