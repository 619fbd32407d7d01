"""Issue 11, class 9: a full disk during a backup snapshot, writing the backup zip, batch printing, package import
and restore.

Each ends in an Indonesian message; the database is unchanged; no temporary file is left on the full disk; PDFs
already finished are kept. The disk is full for the child process through ``RLIMIT_FSIZE`` (no file may grow past
the limit; root too), which runs everywhere, and on a small tmpfs (a real ENOSPC) where one can be mounted. The
command line runs without root's permission bypass.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from edges import checksum, cli, copy_database, fill, leftovers, small_disk
from sqlalchemy import select

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.errors import DiskFullError
from kinerja_desktop.db.models import Evidence, IndicatorRealization, Opd
from kinerja_desktop.services import backup
from kinerja_desktop.services.sync import evidence_path

MB = 1 << 20


def said_disk_full(result, note: str = "") -> None:  # noqa: ANN001 - a CompletedProcess
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith("Galat: Disk penuh: ruang di “"), result.stderr
    assert "Traceback" not in result.stderr and note in result.stderr


@pytest.fixture
def centre(demo_template: Path, tmp_path: Path) -> Path:
    return copy_database(demo_template, tmp_path / "data" / "k.sqlite")


def add_evidence(path: Path, size: int) -> str:
    """One incompressible evidence file of ``size`` bytes, with its row (a realisation's bukti dukung)."""
    data = os.urandom(size)
    database = open_database(path)
    try:
        import hashlib

        sha = hashlib.sha256(data).hexdigest()
        assert database.evidence_dir is not None
        target = evidence_path(database.evidence_dir, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        with database.write() as s:
            realization = s.scalars(select(IndicatorRealization.id)).first()
            s.add(Evidence(realization_id=realization, file_name="foto-kegiatan.jpg", sha256=sha, size=size))
    finally:
        database.close()
    return sha


def test_disk_full_during_the_backup_snapshot(centre: Path, tmp_path: Path) -> None:
    before, out = checksum(centre), tmp_path / "keluar" / "c.kinerja-backup"
    assert centre.stat().st_size > MB
    result = cli("backup", "--db", centre, "--out", out, fsize=MB, unprivileged=True)  # the snapshot cannot fit
    said_disk_full(result, "Berkas cadangan tidak dibuat; basis data tidak diubah.")
    assert not out.exists() and leftovers(tmp_path) == [] and checksum(centre) == before


def test_disk_full_while_writing_the_backup_zip(centre: Path, tmp_path: Path) -> None:
    add_evidence(centre, 6 * MB)
    before, out = checksum(centre), tmp_path / "keluar" / "c.kinerja-backup"
    limit = centre.stat().st_size + MB // 4  # the snapshot fits, the zip with 6 MB of evidence does not
    result = cli("backup", "--db", centre, "--out", out, fsize=limit, unprivileged=True)
    said_disk_full(result, "Berkas cadangan tidak dibuat")
    assert "galat tulis disk" not in result.stderr  # the zip's write failed (EFBIG), not the snapshot's
    assert not out.exists() and leftovers(tmp_path) == [] and checksum(centre) == before


def test_disk_full_during_batch_printing_keeps_the_finished_pdfs(centre: Path, tmp_path: Path) -> None:
    before, out = checksum(centre), tmp_path / "cetak"
    # Every PK fits under the limit; the combined file of all of them does not.
    args = ("print", "pk", "--db", centre, "--year", "2026", "--combined", "--out", out)
    result = cli(*args, fsize=MB, unprivileged=True)
    said_disk_full(result, "Berkas yang belum selesai dihapus.")
    finished = sorted(out.glob("PK-2026-*.pdf"))
    assert len(finished) == 42 and not (out / "PK-2026-SEMUA.pdf").exists()
    assert "42 berkas PDF yang sudah selesai tetap tersimpan" in result.stderr
    for pdf in finished:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert leftovers(tmp_path) == [] and checksum(centre) == before


def test_disk_full_during_package_import(centre: Path, tmp_path: Path) -> None:
    add_evidence(centre, 2 * MB)
    master = tmp_path / "induk.kinerja-paket"
    exported = cli("package", "export", "--db", centre, "--master", "--out", master)
    assert exported.returncode == 0, exported.stderr
    code = exported.stdout.split("Kode pendaftaran: ")[1].split()[0]
    laptop = tmp_path / "laptop" / "k.sqlite"
    open_database(laptop).close()  # a new laptop's empty database
    before = checksum(laptop)
    result = cli("package", "import", "--db", laptop, master, "--code", code, fsize=MB, unprivileged=True)
    said_disk_full(result, "Tidak ada perubahan yang tersimpan.")
    assert checksum(laptop) == before and leftovers(tmp_path / "laptop") == []


def test_disk_full_during_restore(centre: Path, tmp_path: Path) -> None:
    database = open_database(centre)
    made = backup.create_backup(database, tmp_path / "c.kinerja-backup").path
    with database.write() as s:
        s.scalars(select(Opd)).first().name = "Sesudah cadangan"
    database.close()
    before = checksum(centre)
    result = cli("restore", "--db", centre, made, "--yes", fsize=MB, unprivileged=True)
    said_disk_full(result, "Basis data tidak diubah.")
    assert checksum(centre) == before and leftovers(centre.parent) == []
    assert not list(centre.parent.glob("*.sebelum-pemulihan-*"))


# ---------------------------------------------------------------------------------------------- a real full disk


def test_batch_printing_onto_a_full_tmpfs_keeps_what_was_finished(centre: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "flashdisk", "1m") as disk:
        result = cli("print", "pk", "--db", centre, "--year", "2026", "--out", disk / "PK", unprivileged=True)
        said_disk_full(result, "tetap tersimpan")
        finished = sorted((disk / "PK").glob("*.pdf"))
        assert 0 < len(finished) < 42 and f"{len(finished)} berkas PDF yang sudah selesai" in result.stderr
        assert all(p.read_bytes().rstrip().endswith(b"%%EOF") for p in finished)
        assert leftovers(disk) == []


def test_restore_on_a_full_tmpfs_is_refused_before_it_fills_it(demo_template: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "kecil", "7m") as disk:  # the demo (≈ 4,7 MB) fits, a second copy does not
        path = copy_database(demo_template, disk / "k.sqlite")
        database = open_database(path)
        made = backup.create_backup(database, tmp_path / "c.kinerja-backup").path
        database.close()
        before = checksum(path)
        result = cli("restore", "--db", path, made, "--yes", unprivileged=True)
        said_disk_full(result, "Basis data tidak diubah.")
        assert "perlu ±" in result.stderr and "tersedia" in result.stderr
        assert checksum(path) == before and leftovers(disk) == []


def test_a_change_on_a_full_tmpfs_is_rolled_back_and_said(demo_template: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "kecil", "6m") as disk:
        database: Database = open_database(copy_database(demo_template, disk / "k.sqlite"))
        try:
            with database.read() as s:  # the reader's shared memory exists before the disk fills
                s.scalars(select(Opd)).first()
            before = checksum(disk / "k.sqlite")
            fill(disk, 4096)
            with pytest.raises(DiskFullError, match="Tidak ada perubahan yang tersimpan"):
                with database.write() as s:
                    for opd in s.scalars(select(Opd)):
                        opd.name = opd.name[:100] + " " + "x" * 90
        finally:
            database.close()
        (disk / "pengisi.bin").unlink()
        assert checksum(disk / "k.sqlite") == before
