"""Issue 11, class 12: another regency's backup needs an explicit second confirmation.

It used to be restored with ``--yes`` after only a warning. Now the command line needs ``--replace-regency`` (or,
at a terminal, the backup's regency typed), the services refuse without it, and the GUI asks for the name typed.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from edges import checksum, cli, copy_database, leftovers
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import Opd, Regency
from kinerja_desktop.services import backup
from kinerja_desktop.services.backup import OtherRegencyError


@pytest.fixture
def ours(demo_template: Path, tmp_path: Path) -> Path:
    """Kabupaten Sukamaju's database."""
    return copy_database(demo_template, tmp_path / "sukamaju" / "k.sqlite")


@pytest.fixture
def theirs(demo_template: Path, tmp_path: Path) -> Path:
    """A backup of another regency, Kota Wanasari (its own regency id, its own OPD names)."""
    path = copy_database(demo_template, tmp_path / "wanasari" / "k.sqlite")
    database = open_database(path)
    try:
        with database.write() as s:
            regency = s.scalars(select(Regency)).one()
            s.delete(regency)
            s.flush()
            s.add(Regency(name="Wanasari", kind="kota", province="Jawa Barat"))
            s.scalars(select(Opd).order_by(Opd.code)).first().name = "Dinas milik Wanasari"
        return backup.create_backup(database, tmp_path / "wanasari.kinerja-backup").path
    finally:
        database.close()


def test_yes_alone_does_not_restore_another_regencys_backup(ours: Path, theirs: Path) -> None:
    before = checksum(ours)
    result = cli("restore", "--db", ours, theirs, "--yes")
    assert result.returncode == 2
    assert "Peringatan: cadangan ini milik Kota Wanasari, bukan Kabupaten Sukamaju" in result.stdout
    assert "Diperlukan konfirmasi kedua" in result.stdout and result.stdout.count("Peringatan") == 1
    assert "--replace-regency" in result.stderr and "Basis data tidak diubah" in result.stderr
    assert checksum(ours) == before and leftovers(ours.parent) == []


def test_replace_regency_is_the_second_confirmation(ours: Path, theirs: Path) -> None:
    result = cli("restore", "--db", ours, theirs, "--yes", "--replace-regency")
    assert result.returncode == 0, result.stderr
    database = open_database(ours)
    try:
        with database.read() as s:
            assert s.scalars(select(Regency)).one().full_name == "Kota Wanasari"
            assert "Dinas milik Wanasari" in set(s.scalars(select(Opd.name)))
    finally:
        database.close()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("typed", "restored"), [("kabupaten  SUKAMAJU", True), ("Kota Wanasari", False)])
def test_at_a_terminal_the_regency_is_typed(
    ours: Path, theirs: Path, monkeypatch: pytest.MonkeyPatch, capsys, typed: str, restored: bool
) -> None:
    before = checksum(ours)
    monkeypatch.setattr("sys.stdin", Terminal(f"ya\n{typed}\n"))
    code = main(["restore", "--db", str(ours), str(theirs)])
    out = capsys.readouterr().out
    assert "Ketik “Kabupaten Sukamaju” untuk melanjutkan" in out
    assert code == (0 if restored else 2)
    assert (checksum(ours) != before) is restored


def test_the_service_refuses_without_the_second_confirmation(ours: Path, theirs: Path) -> None:
    database = open_database(ours)
    before = checksum(ours)
    try:
        preview = backup.preview_restore(database, theirs)
        assert preview.other_regency and preview.current_regency_name == "Kabupaten Sukamaju"
        with pytest.raises(OtherRegencyError, match="milik Kota Wanasari.*konfirmasi kedua.*Kabupaten Sukamaju"):
            backup.restore_backup(database, theirs)
        assert checksum(ours) == before and leftovers(ours.parent) == []
        assert not list(ours.parent.glob("*.sebelum-pemulihan-*"))
        backup.restore_backup(database, theirs, replace_regency=True)
    finally:
        database.close()
    assert checksum(ours) != before


def test_the_same_regencys_backup_and_a_new_database_need_no_second_confirmation(
    ours: Path, theirs: Path, tmp_path: Path
) -> None:
    database = open_database(ours)
    made = backup.create_backup(database, tmp_path / "sendiri.kinerja-backup").path
    database.close()
    assert cli("restore", "--db", ours, made, "--yes").returncode == 0
    assert cli("restore", "--db", tmp_path / "baru" / "k.sqlite", theirs, "--yes").returncode == 0
