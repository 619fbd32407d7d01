"""Issue 11, class 12 in the GUI: another regency's backup is restored only after its name is typed in the restore
dialog; "Pulihkan" stays disabled until then (Enter is "Batal", as in every restore dialog)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from edges import checksum, copy_database
from PySide6.QtCore import Qt
from sqlalchemy import select

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.models import Regency
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.dialogs.backup_restore_dialog import RestoreConfirmDialog
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.screens.backup import BackupScreen
from kinerja_desktop.services import backup

SHOTS = os.environ.get("KINERJA_SHOTS")  # a folder: the dialog is saved there as a picture to look at

pytestmark = pytest.mark.sqlite_only  # restores into a SQLite file, checked with SQLite's own checksum


@pytest.fixture
def wanasari(demo_template: Path, tmp_path: Path) -> Path:
    path = copy_database(demo_template, tmp_path / "wanasari" / "k.sqlite")
    database = open_database(path)
    try:
        with database.write() as s:
            s.delete(s.scalars(select(Regency)).one())
            s.flush()
            s.add(Regency(name="Wanasari", kind="kota", province="Jawa Barat"))
        return backup.create_backup(database, tmp_path / "wanasari.kinerja-backup").path
    finally:
        database.close()


@pytest.fixture
def screen(qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[BackupScreen]:
    monkeypatch.setattr(messages, "show_info", lambda *_a: None)
    monkeypatch.setattr(messages, "show_error", lambda *_a: None)
    screen = BackupScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.set_context(demo_db, None)
    screen.refresh()
    screen.resize(1366, 705)
    screen.show()
    yield screen
    screen.shutdown()


def test_another_regencys_backup_needs_its_name_typed(qtbot, screen, demo_db, wanasari) -> None:
    before = checksum(demo_db.path)
    screen.backups.restore_from_file(wanasari)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, RestoreConfirmDialog), timeout=20_000)
    dialog: RestoreConfirmDialog = screen.dialog
    # THEN the dialog says whose backup it is and asks for the name; "Pulihkan" is disabled
    assert "Cadangan ini milik Kota Wanasari, bukan Kabupaten Sukamaju" in dialog.text()
    assert dialog.text().count("Kota Wanasari") == 2  # "Pemerintah daerah:" and the question, no third warning
    assert dialog.regency_edit is not None and not dialog.restore_button.isEnabled()
    # WHEN part of the name is typed, "Pulihkan" stays disabled and accepting does nothing
    qtbot.keyClicks(dialog.regency_edit, "Kabupaten Suka")
    dialog.accept()
    assert dialog.isVisible() and not dialog.restore_button.isEnabled()
    # WHEN the name of the regency replaced is typed (any case, spaces), "Pulihkan" restores Kota Wanasari's data
    qtbot.keyClicks(dialog.regency_edit, "MAJU ")
    assert dialog.restore_button.isEnabled() and dialog.replace_regency
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "pulihkan-pemda-lain.png"))
        screen.grab().save(str(Path(SHOTS) / "cadangan-dengan-dialog.png"))
    with qtbot.waitSignal(screen.data_replaced, timeout=20_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    with demo_db.read() as s:
        assert s.scalars(select(Regency)).one().full_name == "Kota Wanasari"
    assert checksum(demo_db.path) != before


def test_the_same_regencys_backup_asks_no_name(qtbot, screen, demo_db, tmp_path) -> None:
    made = backup.create_backup(demo_db, tmp_path / "sendiri.kinerja-backup")
    screen.backups.restore_from_file(made.path)
    qtbot.waitUntil(lambda: isinstance(screen.dialog, RestoreConfirmDialog), timeout=20_000)
    dialog: RestoreConfirmDialog = screen.dialog
    assert dialog.regency_edit is None and dialog.restore_button.isEnabled() and not dialog.replace_regency
    dialog.reject()
