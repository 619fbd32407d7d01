"""Issue 11, class 8: a read-only database file or folder.

Even ``info`` and ``evaluate`` failed on one and called the database "rusak"; ``restore`` and ``package export``
ended in a traceback. Reading verbs now work (the file is opened read-only, nothing is created beside it);
writing verbs say that the file or folder is read-only. The command line runs without root's permission bypass
(``setpriv``; CI runs as root), so the permissions really apply.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from edges import checksum, cli, copy_database

from kinerja_desktop.db.database import open_database
from kinerja_desktop.services import backup

OPD = "4.01.0.00.0.00.01.0000"


@pytest.fixture(params=["file", "folder"])
def read_only(request: pytest.FixtureRequest, demo_template: Path, tmp_path: Path) -> Iterator[Path]:
    """The demo regency in a read-only file, or in a read-only folder; a backup of it beside."""
    path = copy_database(demo_template, tmp_path / "data" / "k.sqlite")
    database = open_database(path)
    backup.create_backup(database, tmp_path / "c.kinerja-backup")
    database.close()
    copy_database(path, path.with_name("tmp.sqlite")).replace(path)  # one file again, no -wal/-shm beside it
    locked = path if request.param == "file" else path.parent
    mode = locked.stat().st_mode
    locked.chmod(stat.S_IMODE(mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    yield path
    locked.chmod(stat.S_IMODE(mode))


def test_reading_verbs_work(read_only: Path, tmp_path: Path) -> None:
    before, files_before = checksum(read_only), sorted(os.listdir(read_only.parent))
    out = tmp_path / "keluar"
    runs = {
        "info": cli("info", "--db", read_only, unprivileged=True),
        "evaluate": cli("evaluate", "--db", read_only, "--year", "2026", "--quarter", "1", unprivileged=True),
        "agreements": cli("agreements", "list", "--db", read_only, "--year", "2026", unprivileged=True),
        "print": cli("print", "pk", "--db", read_only, "--year", "2026", "--opd", OPD, "--out", out, unprivileged=True),
        "backup": cli("backup", "--db", read_only, "--out", out / "c.kinerja-backup", unprivileged=True),
    }
    for verb, result in runs.items():
        assert result.returncode == 0, f"{verb}: {result.stderr}"
        assert "rusak" not in result.stdout + result.stderr and "Traceback" not in result.stderr, verb
    assert "Akses: hanya dapat dibaca" in runs["info"].stdout and "Integritas: baik" in runs["info"].stdout
    assert "Peringkat kinerja perangkat daerah" in runs["evaluate"].stdout
    assert (out / "PK-2026-SETDA.pdf").exists() and (out / "c.kinerja-backup").exists()
    # AND the database is untouched, nothing was created beside it (no -wal, no -shm)
    assert checksum(read_only) == before and sorted(os.listdir(read_only.parent)) == files_before


def test_writing_verbs_say_it_is_read_only(read_only: Path, tmp_path: Path) -> None:
    before, files_before = checksum(read_only), sorted(os.listdir(read_only.parent))
    runs = {
        "restore": cli("restore", "--db", read_only, tmp_path / "c.kinerja-backup", "--yes", unprivileged=True),
        "package export": cli(
            "package", "export", "--db", read_only, "--master", "--out", tmp_path / "p.kinerja-paket", unprivileged=True
        ),
        "demo": cli("demo", "--db", read_only, "--force", unprivileged=True),
    }
    for verb, result in runs.items():
        assert result.returncode == 1, f"{verb}: {result.stdout} {result.stderr}"
        assert result.stderr.startswith("Galat: ") and "hanya dapat dibaca" in result.stderr, verb
        assert "izin tulis" in result.stderr and "Traceback" not in result.stderr, verb
    assert "Pemulihan tidak dapat dijalankan" in runs["restore"].stderr
    assert not (tmp_path / "p.kinerja-paket").exists()
    assert checksum(read_only) == before and sorted(os.listdir(read_only.parent)) == files_before


def test_a_new_database_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "hanya-baca"
    folder.mkdir(mode=0o555)
    result = cli("info", "--db", folder / "baru.sqlite", unprivileged=True)
    assert result.returncode == 1 and "hanya dapat dibaca" in result.stderr and "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


def test_backup_into_a_read_only_folder_is_refused(demo_template: Path, tmp_path: Path) -> None:
    path = copy_database(demo_template, tmp_path / "data" / "k.sqlite")
    folder = tmp_path / "hanya-baca"
    folder.mkdir(mode=0o555)
    result = cli("backup", "--db", path, "--out", folder / "c.kinerja-backup", unprivileged=True)
    assert result.returncode == 1 and "hanya dapat dibaca" in result.stderr and "Traceback" not in result.stderr
    assert "Berkas cadangan tidak dibuat" in result.stderr and list(folder.iterdir()) == []
