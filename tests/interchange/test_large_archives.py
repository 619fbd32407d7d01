"""Issue 11, class 7: large regencies keep their backups.

``manifest.json`` was capped at 1 MiB, so above about 6.300 evidence files ``restore`` refused the app's own backup
and ``package import`` its own master package as a "zip bomb". The limits are now what the archive declares and
is checked against (1 KiB of manifest per member the archive declares, a backup's total against the free disk
space); bombs are still refused (and tests/interchange/test_bad_files.py keeps its cases).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from edges import checksum, copy_database, leftovers
from sqlalchemy import func, select

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.models import Evidence, IndicatorRealization
from kinerja_desktop.interchange.errors import MemberTooLargeError
from kinerja_desktop.interchange.manifest import MANIFEST_ENTRY_BYTES
from kinerja_desktop.services import backup, sync
from kinerja_desktop.services.sync import evidence_path

OLD_MANIFEST_CAP = 1 << 20

pytestmark = pytest.mark.sqlite_only  # laptops' SQLite files and the folder evidence store


def store_files(db: Database, count: int, *, rows: bool) -> list[str]:
    """``count`` small distinct evidence files in the store (and, with ``rows``, an evidence row for each)."""
    assert db.evidence_dir is not None
    shas = []
    for number in range(count):
        data = f"bukti dukung nomor {number}".encode()
        sha = hashlib.sha256(data).hexdigest()
        target = evidence_path(db.evidence_dir, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        shas.append(sha)
    if rows:
        with db.write() as s:
            realizations = list(s.scalars(select(IndicatorRealization.id)))
            s.add_all(
                Evidence(
                    realization_id=realizations[number % len(realizations)],
                    file_name=f"bukti-{number}.pdf",
                    sha256=sha,
                    size=len(f"bukti dukung nomor {number}"),
                )
                for number, sha in enumerate(shas)
            )
    return shas


def manifest_size(path: Path) -> int:
    with zipfile.ZipFile(path) as zf:
        return zf.getinfo("manifest.json").file_size


def test_a_backup_with_20000_evidence_files_round_trips(demo_template: Path, tmp_path: Path) -> None:
    # GIVEN a large regency: 20.000 evidence files in the store
    source = open_database(copy_database(demo_template, tmp_path / "pusat" / "k.sqlite"))
    try:
        shas = store_files(source, 20_000, rows=False)
        made = backup.create_backup(source, tmp_path / "besar.kinerja-backup")
        expected = checksum(source.path, skip=("audit_log",))
    finally:
        source.close()
    assert made.evidence_files == 20_000
    assert manifest_size(made.path) > OLD_MANIFEST_CAP  # the old fixed cap refused this very file
    # WHEN it is restored into a new database elsewhere
    target = open_database(tmp_path / "kantor-baru" / "k.sqlite")
    try:
        preview = backup.preview_restore(target, made.path)
        assert preview.backup.evidence_files == 20_000
        result = backup.restore_backup(target, made.path)
        # THEN every file is back under its name with its content, and the rows are the backup's
        assert result.evidence_restored == 20_000
        assert target.evidence_dir is not None
        for number in (0, 6_299, 6_300, 19_999):
            path = evidence_path(target.evidence_dir, shas[number])
            assert path.read_bytes() == f"bukti dukung nomor {number}".encode()
        assert sum(1 for p in target.evidence_dir.rglob("*") if p.is_file()) == 20_000
    finally:
        target.close()
    assert checksum(tmp_path / "kantor-baru" / "k.sqlite", skip=("audit_log",)) == expected
    assert leftovers(tmp_path / "kantor-baru") == []


def test_a_master_package_with_7000_evidence_files_sets_up_a_laptop(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN 7.000 evidence files with their rows at the centre (past the 6.300 the old cap allowed)
    store_files(demo_db, 7_000, rows=True)
    master = tmp_path / "induk.kinerja-paket"
    exported = sync.export_master_package(demo_db, master)
    assert manifest_size(master) > OLD_MANIFEST_CAP
    # WHEN a new laptop imports it, THEN it is set up with every evidence row and file
    laptop = open_database(tmp_path / "laptop" / "k.sqlite")
    try:
        report = sync.import_package(laptop, master, code=exported.code)
        assert report.applied
        with laptop.read() as s:
            assert s.scalar(select(func.count()).select_from(Evidence)) == 7_000
        assert laptop.evidence_dir is not None
        # as one pack file (issue 20), every file of every evidence row readable through the store
        assert [p.relative_to(laptop.evidence_dir).parts[0] for p in laptop.evidence_dir.rglob("*")
                if p.is_file()] == ["paket"]
        with laptop.read() as s:
            rows = s.scalars(select(Evidence.sha256)).all()
        read = dict(laptop.evidence.get_many(rows))
        assert len(read) == 7_000 and all(data is not None for data in read.values())
    finally:
        laptop.close()


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_manifest_bomb_is_still_refused(db: Database, tmp_path: Path) -> None:
    # A manifest that packs 60 MB of spaces into a few kilobytes: refused by its ratio, as before.
    bomb = _zip(tmp_path / "bom.kinerja-backup", {"manifest.json": b"{" + b" " * (60 << 20) + b"}"})
    with pytest.raises(MemberTooLargeError, match="bom zip"):
        backup.preview_restore(db, bomb)


def test_a_manifest_larger_than_its_members_need_is_refused(db: Database, tmp_path: Path) -> None:
    # Incompressible padding, so the ratio passes: the size allowed grows only with the members declared.
    padding = hashlib.sha256(b"x").hexdigest() * ((2 << 20) // 64)
    manifest = json.dumps({"format": "kinerja-backup", "isi": padding}).encode()
    assert len(manifest) > OLD_MANIFEST_CAP + 3 * MANIFEST_ENTRY_BYTES
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", manifest)
        zf.writestr("database.sqlite", b"")
    path = tmp_path / "besar.kinerja-backup"
    path.write_bytes(packed.getvalue())
    with pytest.raises(MemberTooLargeError, match="lebih besar dari batas"):
        backup.preview_restore(db, path)
