"""Issue 11, class 10: the leftovers of a killed run (``.kinerja-pulihkan-*`` with a snapshot, ``*.pdf.<pid>.tmp``)
are removed on the next start or the next run of that verb; another running process's are left alone.

Runs are killed for real (SIGKILL) at the moment their temporary files exist.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from edges import ROOT, checksum, cli, copy_database, leftovers

from kinerja_desktop.db.database import open_database
from kinerja_desktop.services import backup

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = """
import os, sys, time
from pathlib import Path
from kinerja_desktop.db.database import open_database
from kinerja_desktop.services import backup, printing, users

op, db_path, target, marker = sys.argv[1:5]
db = open_database(db_path)
if users.needs_sign_in(db):  # the demo's sample accounts: act as its administrator, as the tests do
    users.sign_in(db, "admin", "contoh123")
if op == "restore":
    def progress(done, total, message):
        if done / total >= 0.7:  # copying into the live database: the snapshot is in the work folder
            Path(marker).write_text(message)
            time.sleep(60)
    backup.restore_backup(db, Path(target), progress=progress)
else:
    real_replace = os.replace
    def replace(source, destination):
        if str(destination).endswith(".pdf"):  # the PDF is complete under its temporary name
            Path(marker).write_text(str(source))
            time.sleep(60)
        real_replace(source, destination)
    printing.os.replace = replace
    printing.write(db, printing.Request("pk", 2026), Path(target))
"""


def kill_during(tmp_path: Path, op: str, db_path: Path, target: Path) -> int:
    """Run ``op`` in a child, SIGKILL it once it reached the pause; returns its pid."""
    script, marker = tmp_path / "anak.py", tmp_path / f"penanda-{op}"
    script.write_text(CHILD)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(script), op, str(db_path), str(target), str(marker)], env=env)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the child ended before reaching the pause"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    return child.pid


@pytest.fixture
def centre(demo_template: Path, tmp_path: Path) -> Path:
    return copy_database(demo_template, tmp_path / "data" / "k.sqlite")


@pytest.fixture
def made_backup(centre: Path, tmp_path: Path) -> Path:
    database = open_database(centre)
    try:
        return backup.create_backup(database, tmp_path / "c.kinerja-backup").path
    finally:
        database.close()


def test_a_killed_restore_leaves_a_work_folder_that_the_next_start_removes(
    centre: Path, made_backup: Path, tmp_path: Path
) -> None:
    before = checksum(centre)
    pid = kill_during(tmp_path, "restore", centre, made_backup)
    # GIVEN the killed restore left its work folder, with the snapshot, beside the database
    (work,) = centre.parent.glob(f".kinerja-pulihkan-{pid}-*")
    assert (work / "pulihkan.sqlite").stat().st_size > 0
    assert checksum(centre) == before  # the copy into the live database was all or nothing
    # WHEN the app (or any verb) starts on the database, THEN it is gone
    result = cli("info", "--db", centre)
    assert result.returncode == 0 and "Integritas: baik" in result.stdout
    assert leftovers(centre.parent) == []


def test_the_next_restore_removes_a_killed_restores_folder(centre: Path, made_backup: Path, tmp_path: Path) -> None:
    # GIVEN the app has the database open when a restore run from elsewhere is killed
    database = open_database(centre)
    try:
        pid = kill_during(tmp_path, "restore", centre, made_backup)
        assert list(centre.parent.glob(f".kinerja-pulihkan-{pid}-*"))
        # WHEN the app restores (no new start in between), THEN the leftover goes with that run
        backup.restore_backup(database, made_backup)
    finally:
        database.close()
    assert leftovers(centre.parent) == []


def test_a_killed_batch_print_leaves_a_temporary_pdf_that_the_next_print_removes(
    centre: Path, tmp_path: Path
) -> None:
    out = tmp_path / "cetak"
    out.mkdir()
    pid = kill_during(tmp_path, "print", centre, out)
    # GIVEN the killed run left a complete PDF under its temporary name
    (temporary,) = out.glob(f".*.pdf.{pid}.tmp")
    assert temporary.read_bytes().startswith(b"%PDF-")
    # WHEN the verb runs again into that folder, THEN the leftover is gone and every PDF is written
    result = cli("print", "pk", "--db", centre, "--year", "2026", "--out", out)
    assert result.returncode == 0, result.stderr
    assert leftovers(out) == [] and len(list(out.glob("PK-2026-*.pdf"))) == 42


def test_a_running_process_keeps_its_temporaries(centre: Path, tmp_path: Path) -> None:
    # GIVEN the temporaries of a process that still runs (this one), and of one that never will (no pid: an
    # earlier version's name), beside the database, in the automatic backups' folder and in the evidence store
    alive = os.getpid()
    mine = [
        centre.parent / f".kinerja-pulihkan-{alive}-abc123",
        centre.parent / f".k.sqlite.{alive}.tmp",
        centre.parent / "cadangan-otomatis" / f".k-20260126-101500.kinerja-backup.{alive}.tmp",
    ]
    stale = [
        centre.parent / ".kinerja-pulihkan-k2j4h5g6",
        centre.parent / ".kinerja-periksa-99999999-x",
        centre.parent / ".k.sqlite.pulihan",
        centre.parent / "k.sebelum-pemulihan-20260126-101500.sqlite.tmp",
        centre.parent / "k-bukti" / "ab" / f".{'ab' * 32}.99999999.tmp",
    ]
    for path in mine + stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        if "kinerja-p" in path.name:
            path.mkdir()
            (path / "pulihkan.sqlite").write_bytes(b"salinan")
        else:
            path.write_bytes(b"sementara")
    # WHEN a verb starts on the database
    assert cli("info", "--db", centre).returncode == 0
    # THEN the dead runs' leftovers are gone and the live process's are kept
    assert all(path.exists() for path in mine)
    assert not any(path.exists() for path in stale)
