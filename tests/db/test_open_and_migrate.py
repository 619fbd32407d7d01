"""Opening databases: migration of old files, refusal of newer or foreign ones, damaged files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from kinerja_desktop.db import database as database_module
from kinerja_desktop.db.database import open_database, storage_warning
from kinerja_desktop.db.errors import (
    DatabaseDamagedError,
    DatabaseTooNewError,
    ForeignDatabaseError,
    NotADatabaseError,
)
from kinerja_desktop.db.models import Opd, OpdNameHistory, PositionHolder, ProgramBudget
from kinerja_desktop.db.revisions import HEAD

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _copy_fixture(tmp_path: Path, name: str = "kinerja-0001.sqlite") -> Path:
    target = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / name, target)
    return target


def _revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_new_file_is_created_at_head_with_safe_pragmas(db_path: Path) -> None:
    # GIVEN no file WHEN it is opened THEN it is created at the head revision
    database = open_database(db_path)
    try:
        assert _revision(db_path) == HEAD
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert database.migrated_from is None
    finally:
        database.close()


def test_old_database_is_migrated_with_copy_kept_and_children_intact(tmp_path: Path) -> None:
    # GIVEN a real file at revision 0001 whose opd table 0002 rebuilds (children with ON DELETE CASCADE)
    path = _copy_fixture(tmp_path)
    assert _revision(path) == "0001_initial"
    # WHEN the app opens it
    database = open_database(path)
    try:
        # THEN it is at head, a pre-migration copy exists at the old revision, and no row was lost
        assert _revision(path) == HEAD
        assert database.migrated_from == "0001_initial"
        copy = database.pre_migration_copy
        assert copy is not None and copy.exists() and copy.parent == path.parent
        assert "sebelum-migrasi-0001_initial" in copy.name
        assert _revision(copy) == "0001_initial"
        with database.read() as session:
            assert session.scalar(select(Opd.abbreviation)) == "Dinkes"
            assert len(session.scalars(select(PositionHolder)).all()) == 2
            assert len(session.scalars(select(OpdNameHistory)).all()) == 1
            assert session.scalar(select(ProgramBudget.pagu)) == 12345678000
            assert session.scalar(select(Opd.website)) == ""
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        database.close()


def test_the_same_migration_with_foreign_keys_on_empties_children(tmp_path: Path) -> None:
    """The hazard migrate.py guards against is real: proof that the guarded path matters."""
    path = _copy_fixture(tmp_path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM program_budget")
        conn.execute("DELETE FROM program")  # RESTRICT children would make the drop fail instead
    conn.close()
    from alembic import command

    from kinerja_desktop.db.migrate import alembic_config

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        command.upgrade(alembic_config(connection), "head")
    with engine.connect() as connection:
        heads = connection.exec_driver_sql("SELECT count(*) FROM position_holder").scalar()
    engine.dispose()
    assert heads == 0


def test_failed_migration_rolls_back_and_keeps_the_old_file_usable(tmp_path: Path, monkeypatch) -> None:
    path = _copy_fixture(tmp_path)
    from kinerja_desktop.db import migrate

    def broken_upgrade(connection, revision="head"):  # noqa: ANN001
        connection.exec_driver_sql("DELETE FROM opd_head")
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(migrate, "_run_upgrade", broken_upgrade)
    from kinerja_desktop.db.errors import MigrationError

    with pytest.raises(MigrationError, match="gagal dan dibatalkan"):
        open_database(path)
    assert _revision(path) == "0001_initial"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM opd_head").fetchone()[0] == 2
    conn.close()


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = _copy_fixture(tmp_path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="versi Kinerja Desktop yang lebih baru"):
        open_database(path)
    assert path.read_bytes() == before


def test_damaged_file_gets_a_clear_message(tmp_path: Path) -> None:
    # GIVEN a valid database whose pages are overwritten with garbage
    path = tmp_path / "rusak.sqlite"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 97):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    # WHEN opened THEN the message says it is damaged and the file is not changed
    with pytest.raises(DatabaseDamagedError, match="rusak") as info:
        open_database(path)
    assert "Berkas tidak diubah" in str(info.value)
    assert path.read_bytes() == bytes(data)


def test_damaged_file_message_names_the_last_automatic_backup(tmp_path: Path) -> None:
    path = tmp_path / "rusak.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    backups = tmp_path / "cadangan-otomatis"
    backups.mkdir()
    (backups / "kinerja-20261120.kinerja-backup").write_bytes(b"x")
    with pytest.raises(DatabaseDamagedError) as info:
        open_database(path)
    assert "kinerja-20261120.kinerja-backup" in str(info.value)


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "laporan.sqlite"
    path.write_text("Ini bukan basis data")
    with pytest.raises(NotADatabaseError, match="bukan basis data Kinerja Desktop"):
        open_database(path)


def test_sqlite_file_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kontak (nama TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ForeignDatabaseError, match="aplikasi lain"):
        open_database(path)


def test_database_url_from_environment(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "dari-env.sqlite"
    monkeypatch.setenv("KINERJA_DB_URL", f"sqlite:///{path}")
    database = open_database(None)
    try:
        assert database.path == path
        assert _revision(path) == HEAD
    finally:
        database.close()


def test_cloud_and_network_folders_are_warned(tmp_path: Path, monkeypatch) -> None:
    assert storage_warning(Path("C:/Users/ani/OneDrive/Kinerja/kinerja.sqlite")) is not None
    assert "jaringan" in (storage_warning(Path("//server/bappeda/kinerja.sqlite")) or "")
    monkeypatch.setattr(database_module, "_linux_fs_type", lambda path: "cifs")
    assert "jaringan" in (storage_warning(tmp_path / "x.sqlite") or "")
    monkeypatch.setattr(database_module, "_linux_fs_type", lambda path: "ext4")
    assert storage_warning(tmp_path / "x.sqlite") is None
