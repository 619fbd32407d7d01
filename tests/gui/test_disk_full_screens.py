"""Issue 11, class 9 in the GUI: a full disk while making a backup, restoring one or printing from a screen is said
in Indonesian, the database is unchanged and nothing is left behind (the disk is full through RLIMIT_FSIZE)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from edges import checksum, file_size_limit, leftovers
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.dialogs import backup_files
from kinerja_desktop.gui.dialogs.backup_restore_dialog import RestoreConfirmDialog
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.screens.backup import BackupScreen
from kinerja_desktop.gui.screens.reports import ReportsScreen
from kinerja_desktop.services import backup

MB = 1 << 20

pytestmark = pytest.mark.sqlite_only  # a full disk under a SQLite file and its work folders


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "show_info", lambda *_a: None)
    return shown


@pytest.fixture
def screen(qtbot, demo_db: Database) -> Iterator[BackupScreen]:
    screen = BackupScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.set_context(demo_db, None)
    screen.refresh()
    screen.show()
    yield screen
    screen.shutdown()


def test_buat_cadangan_on_a_full_disk(qtbot, screen, demo_db, tmp_path, monkeypatch, errors) -> None:
    target = tmp_path / "keluar" / "c.kinerja-backup"
    target.parent.mkdir()
    monkeypatch.setattr(backup_files, "ask_backup_target", lambda *_a: str(target))
    before = checksum(demo_db.path)
    with file_size_limit(MB):
        screen.backups.backup_button.click()
        qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    assert len(errors) == 1 and errors[0].startswith("Disk penuh") and "Berkas cadangan tidak dibuat" in errors[0]
    assert screen.status.text() == errors[0]
    assert not target.exists() and leftovers(tmp_path) == [] and checksum(demo_db.path) == before


def test_pulihkan_on_a_full_disk(qtbot, screen, demo_db, tmp_path, errors) -> None:
    made = backup.create_backup(demo_db, tmp_path / "c.kinerja-backup")
    with demo_db.write() as s:
        s.scalars(select(Opd)).first().name = "Sesudah cadangan"
    before = checksum(demo_db.path)
    screen.backups.restore_from_file(made.path)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, RestoreConfirmDialog), timeout=20_000)
    with file_size_limit(MB):
        screen.dialog.accept()
        qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    assert len(errors) == 1 and errors[0].startswith("Disk penuh") and "Basis data tidak diubah" in errors[0]
    assert checksum(demo_db.path) == before and leftovers(demo_db.path.parent) == []


def test_printing_every_pk_on_a_full_disk(qtbot, demo_db, tmp_path, errors) -> None:
    screen = ReportsScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.set_context(demo_db, 2026)
    screen.refresh()
    screen.folder_edit.setText(str(tmp_path / "cetak"))
    with file_size_limit(16 << 10):  # not even one PK fits
        screen.print_selected()
        qtbot.waitUntil(lambda: screen.batch is None, timeout=60_000)
    assert len(errors) == 1 and errors[0].startswith("Disk penuh") and "mencetak" in errors[0]
    assert list((tmp_path / "cetak").iterdir()) == []
    screen.shutdown()
