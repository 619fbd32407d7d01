"""Issue 11, class 8 in the GUI: a read-only database opens, says so, shows its data; a change is refused with an
Indonesian message and nothing is written. Run without root's permission bypass (the thread's capabilities are
dropped for the test), so the file's permissions really apply."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from edges import checksum, copy_database, without_root_bypass
from PySide6.QtCore import Qt
from test_opd_screen import click_add, fill_dinkes, save_button

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.gui import messages, opening
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.errors import FORM
from kinerja_desktop.services.opd import list_opds


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {"warning": [], "error": [], "info": []}
    for kind in shown:
        monkeypatch.setattr(messages, f"show_{kind}", lambda _p, _t, text, kind=kind: shown[kind].append(text))
    return shown


@pytest.fixture
def read_only_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = copy_database(demo_template, tmp_path / "data" / "k.sqlite")
    path.chmod(0o444)
    with without_root_bypass():
        database = open_database(path)
        try:
            yield database
        finally:
            database.close()
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_read_only_database_opens_says_so_and_refuses_a_change(qtbot, read_only_db: Database, said) -> None:
    assert read_only_db.path is not None
    before = checksum(read_only_db.path)
    # WHEN the app opens it
    opening.show_open_notes(None, read_only_db)
    # THEN it says the database is read-only, and why
    assert read_only_db.read_only == "berkasnya tanpa izin tulis"
    assert len(said["warning"]) == 1 and "hanya untuk dibaca" in said["warning"][0]
    window = MainWindow(read_only_db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    window.show_screen(window.opd)
    # AND its data is shown
    assert window.opd.model.rowCount() == len(list_opds(read_only_db)) > 0
    # WHEN a new OPD is filled in and saved
    dialog = click_add(qtbot, window.opd)
    fill_dinkes(qtbot, dialog)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    # THEN the form stays open with the reason, and nothing was written
    assert dialog.isVisible() and "hanya dapat dibaca" in dialog.error_text(FORM)
    dialog.reject()
    # AND "Pulihkan dari cadangan…" says at once that a restore cannot write here
    window.show_screen(window.backup)
    window.backup.backups.restore_from_file(read_only_db.path.with_name("c.kinerja-backup"))
    assert said["error"] and "Pemulihan tidak dapat dijalankan" in said["error"][-1]
    window.close()
    assert checksum(read_only_db.path) == before
