"""A damaged database that cannot be opened: recovery from its last automatic backup, keeping the damaged copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.errors import DatabaseDamagedError
from kinerja_desktop.db.models import AuditLog, Opd
from kinerja_desktop.interchange.errors import ChecksumError
from kinerja_desktop.services import backup


def _copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in sorted(names)}
    finally:
        conn.close()


def damage(path: Path) -> bytes:
    """Overwrite the pages after the first with garbage (the header stays: SQLite opens it, checks fail)."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 97):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture
def damaged(demo_template: Path, tmp_path: Path) -> dict[str, object]:
    """The demo regency with one automatic backup, then damaged (with a stray -wal file beside it)."""
    path = tmp_path / "kinerja.sqlite"
    _copy(demo_template, path)
    database = open_database(path)
    made = backup.auto_backup(database)
    database.close()
    expected = _rows(path)
    data = damage(path)
    with pytest.raises(DatabaseDamagedError) as info:
        open_database(path)
    assert info.value.last_backup == str(made)
    Path(f"{path}-wal").write_bytes(b"bukan wal")  # a journal left by a crash travels with its database
    return {"path": path, "backup": made, "expected": expected, "data": data}


def test_recovery_gives_back_the_backed_up_rows_and_keeps_the_damaged_copy(damaged) -> None:
    path, made = damaged["path"], damaged["backup"]
    aside = backup.recover_from_backup(path, made)
    # THEN the damaged file and its -wal are kept under a new name, byte for byte
    assert aside.name.startswith("kinerja.rusak-") and aside.suffix == ".sqlite"
    assert aside.read_bytes() == damaged["data"]
    assert Path(f"{aside}-wal").read_bytes() == b"bukan wal"
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").read_bytes() != b"bukan wal"
    # AND the database opens again with exactly the backed-up rows (plus the audit entry of the recovery)
    database = open_database(path, create=False)
    try:
        with database.read() as s:
            assert s.scalar(select(func.count()).select_from(Opd)) == len(damaged["expected"]["opd"])
            assert s.scalars(select(AuditLog.action).where(AuditLog.action == "pulihkan")).all() == ["pulihkan"]
    finally:
        database.close()
    after = _rows(path)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in damaged["expected"].items() if k != "audit_log"
    }
    assert not list(path.parent.glob(".kinerja.sqlite.pulihan"))


def test_a_bad_backup_does_not_touch_the_damaged_file(damaged, tmp_path: Path) -> None:
    import zipfile

    tampered = tmp_path / "rusak.kinerja-backup"
    with zipfile.ZipFile(damaged["backup"]) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[:-4] + b"xxxx" if item.filename == "database.sqlite" else data)
    with pytest.raises(ChecksumError):
        backup.recover_from_backup(damaged["path"], tampered)
    assert damaged["path"].read_bytes() == damaged["data"]
    assert not list(tmp_path.glob("*.rusak-*"))


def test_restore_verb_recovers_a_damaged_database(damaged, capsys) -> None:  # noqa: ANN001
    path, made = damaged["path"], damaged["backup"]
    assert main(["restore", "--db", str(path), str(made)]) == 2  # no terminal, no --yes: nothing done
    assert path.read_bytes() == damaged["data"]
    assert main(["restore", "--db", str(path), str(made), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Basis data dipulihkan dari" in out and "Berkas yang rusak disimpan sebagai" in out
    assert list(path.parent.glob("kinerja.rusak-*.sqlite"))
    open_database(path, create=False).close()
