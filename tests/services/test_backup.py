"""Backups: consistent snapshots while the app writes, exact restores, older and newer files, automatic ones."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.models import IndicatorRealization, Opd
from kinerja_desktop.db.revisions import HEAD
from kinerja_desktop.interchange.errors import ChecksumError, InterchangeError, SchemaTooNewError
from kinerja_desktop.services import backup

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

pytestmark = pytest.mark.sqlite_only  # SQLite files: the server's backups are tests/services/test_server_backup.py


def _rows(path: Path, skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        ]
        return {
            n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in sorted(names) if n not in skip
        }
    finally:
        conn.close()


def test_backup_change_restore_gives_back_exactly_the_backed_up_rows(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN a backup of the demo regency
    before = _rows(demo_db.path)
    info = backup.create_backup(demo_db, tmp_path / "cadangan.kinerja-backup")
    assert info.regency_name == "Kabupaten Sukamaju" and info.row_counts["opd"] == before["opd"].__len__()
    # WHEN rows are changed, added and deleted
    with demo_db.write() as s:
        opd = s.scalars(select(Opd)).first()
        opd.name = "Diubah setelah cadangan"
        s.delete(s.scalars(select(IndicatorRealization)).first())
    assert _rows(demo_db.path) != before
    # AND the backup is previewed then restored while the app keeps its engine open
    preview = backup.preview_restore(demo_db, info.path)
    assert "Kabupaten Sukamaju" in "\n".join(preview.lines())
    result = backup.restore_backup(demo_db, info.path)
    # THEN every table holds exactly the backed-up rows (the audit log gains the restore entry)
    after = _rows(demo_db.path)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {k: v for k, v in before.items() if k != "audit_log"}
    assert set(before["audit_log"]) < set(after["audit_log"])
    # AND the live engine sees it, the database is sound and still in WAL mode, the old content was kept aside
    with demo_db.read() as s:
        assert "Diubah setelah cadangan" not in s.scalars(select(Opd.name)).all()
    with demo_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert result.saved_copy.exists()
    assert "Diubah setelah cadangan" in {r[3] for r in _rows(result.saved_copy)["opd"]} | {
        r[2] for r in _rows(result.saved_copy)["opd"]
    }


def test_backup_while_another_connection_writes_is_consistent(db: Database, tmp_path: Path) -> None:
    # GIVEN a writer that always inserts two audit rows per transaction
    stop = threading.Event()

    def writer() -> None:
        conn = sqlite3.connect(db.path, timeout=10, isolation_level=None)
        n = 0
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            for half in ("a", "b"):
                conn.execute(
                    "INSERT INTO audit_log (id, at, user, origin, action, entity, entity_id, summary, detail) "
                    "VALUES (?, '2026-01-01', '', 'uji', 'pasangan', 'x', '', ?, '')",
                    (f"{n}-{half}", str(n)),
                )
            conn.execute("COMMIT")
            n += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        infos = [backup.create_backup(db, tmp_path / f"c{i}.kinerja-backup") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    # THEN every snapshot holds whole transactions only
    for info in infos:
        with zipfile.ZipFile(info.path) as zf:
            (tmp_path / "snap.sqlite").write_bytes(zf.read("database.sqlite"))
        conn = sqlite3.connect(tmp_path / "snap.sqlite")
        count = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'pasangan'").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        assert count % 2 == 0
        assert info.row_counts["audit_log"] == count


def test_evidence_files_are_backed_up_and_restored(db: Database, tmp_path: Path) -> None:
    folder = db.evidence_dir
    (folder / "ab").mkdir(parents=True)
    (folder / "ab" / "laporan.pdf").write_bytes(b"%PDF-1.4 bukti")
    info = backup.create_backup(db, tmp_path / "c.kinerja-backup")
    assert info.evidence_files == 1
    (folder / "ab" / "laporan.pdf").unlink()
    result = backup.restore_backup(db, info.path)
    assert result.evidence_restored == 1
    assert (folder / "ab" / "laporan.pdf").read_bytes() == b"%PDF-1.4 bukti"


def _handmade_backup(path: Path, database: Path, revision: str) -> None:
    data = database.read_bytes()
    manifest = {
        "format": "kinerja-backup",
        "format_version": 1,
        "app_version": "0.0.9",
        "schema_revision": revision,
        "regency": None,
        "created_at": "2026-01-02T03:04:05",
        "row_counts": {},
        "files": {"database.sqlite": {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}},
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("database.sqlite", data)
        zf.writestr("manifest.json", json.dumps(manifest))


def test_backup_from_an_older_schema_is_migrated_on_restore(db: Database, tmp_path: Path) -> None:
    old = tmp_path / "lama.kinerja-backup"
    _handmade_backup(old, FIXTURES / "kinerja-0002.sqlite", "0002_opd_contacts")
    assert backup.preview_restore(db, old).needs_migration
    result = backup.restore_backup(db, old)
    assert result.migrated_from == "0002_opd_contacts"
    with db.read() as s:
        assert s.scalars(select(Opd.email)).one() == "dinkes@example.go.id"
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD


def test_backup_from_a_newer_schema_is_refused(db: Database, tmp_path: Path) -> None:
    newer = tmp_path / "baru.kinerja-backup"
    _handmade_backup(newer, FIXTURES / "kinerja-0002.sqlite", "0099_masa_depan")
    before = _rows(db.path)
    with pytest.raises(SchemaTooNewError, match="lebih baru"):
        backup.restore_backup(db, newer)
    assert _rows(db.path) == before


def test_a_changed_snapshot_is_refused_by_its_checksum(demo_db: Database, tmp_path: Path) -> None:
    info = backup.create_backup(demo_db, tmp_path / "c.kinerja-backup")
    tampered = tmp_path / "ubah.kinerja-backup"
    with zipfile.ZipFile(info.path) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "database.sqlite":
                data = data[:-10] + b"0123456789"
            dst.writestr(item, data)
    before = _rows(demo_db.path)
    with pytest.raises(ChecksumError, match="checksum"):
        backup.preview_restore(demo_db, tampered)
    with pytest.raises(InterchangeError):
        backup.restore_backup(demo_db, tampered)
    assert _rows(demo_db.path) == before


def test_automatic_backup_at_most_once_a_day_keeping_the_last_n(db: Database) -> None:
    made = [backup.auto_backup(db, keep=3, now=datetime(2026, 11, day, 17, 0)) for day in range(1, 6)]
    assert all(made)
    assert backup.auto_backup(db, keep=3, now=datetime(2026, 11, 5, 18, 0)) is None
    kept = backup.list_auto_backups(db)
    assert [p.name for p in kept] == [p.name for p in made[-3:]]
    assert kept[0].parent.name == "cadangan-otomatis"
    # The damaged-database message can name the newest one
    from kinerja_desktop.db.files import newest_backup

    assert newest_backup(db.path) is not None


def test_cancelling_a_backup_leaves_no_file(demo_db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services.errors import Cancelled

    calls = []
    with pytest.raises(Cancelled):
        backup.create_backup(
            demo_db,
            tmp_path / "c.kinerja-backup",
            progress=lambda done, total, m: calls.append(done),
            cancelled=lambda: len(calls) > 1,
        )
    assert list(tmp_path.iterdir()) == [] or all(p.suffix != ".kinerja-backup" for p in tmp_path.iterdir())


def test_restore_into_a_new_empty_database(demo_db: Database, tmp_path: Path) -> None:
    info = backup.create_backup(demo_db, tmp_path / "c.kinerja-backup")
    fresh = open_database(tmp_path / "baru" / "kinerja.sqlite")
    try:
        backup.restore_backup(fresh, info.path)
        with fresh.read() as s:
            assert len(s.scalars(select(Opd)).all()) == info.row_counts["opd"]
            assert s.scalars(select(IndicatorRealization.value)).first() is not None
            assert isinstance(
                s.scalars(select(IndicatorRealization.value).where(IndicatorRealization.value.is_not(None))).first(),
                Decimal,
            )
    finally:
        fresh.close()
