"""Issue 11, class 1 in the GUI: every save dialog (backup, package, PDF, CSV) goes through one helper that refuses
the open database, its journal, another database and a folder, says why in Indonesian and asks again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from edges import checksum

from kinerja_desktop.db.database import Database
from kinerja_desktop.gui import messages, save_dialog
from kinerja_desktop.gui.dialogs.backup_files import ask_backup_target, ask_package_target
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.print_action import ask_pdf_path
from kinerja_desktop.gui.screens.backup import BackupScreen
from kinerja_desktop.gui.screens.evaluation import ask_save_path as ask_csv_path

pytestmark = pytest.mark.sqlite_only  # refusing the open SQLite file, its journal and another database as an output


class Dialog:
    """Qt's save dialog replaced: answers one chosen path after another, remembers what it suggested."""

    def __init__(self, answers: list[str | Path]) -> None:
        self.answers = [str(a) for a in answers]
        self.suggested: list[str] = []

    def __call__(self, _parent, _title: str, suggested: str, _filter: str) -> str:  # noqa: ANN001
        self.suggested.append(suggested)
        return self.answers.pop(0) if self.answers else ""


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "show_info", lambda *_a: None)
    return shown


def test_the_open_database_its_journal_and_a_folder_are_refused_then_asked_again(
    qtbot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    assert demo_db.path is not None
    good = tmp_path / "keluar" / "cadangan"
    (tmp_path / "keluar").mkdir()
    dialog = Dialog([demo_db.path, f"{demo_db.path}-wal", tmp_path, good])
    monkeypatch.setattr(save_dialog, "get_save_file_name", dialog)
    # WHEN the user picks the database, then its journal, then a folder, then a new name
    chosen = ask_backup_target(None, str(tmp_path), "kinerja-2026-01-26.kinerja-backup")
    # THEN each bad choice is said and the dialog opens again at it; the new name gets the suffix
    assert chosen == str(good) + ".kinerja-backup"
    assert len(errors) == 3
    assert "berkas basis data" in errors[0] and "jurnal" in errors[1] and "folder" in errors[2]
    assert all(e.startswith("Tujuan “") and "Pilih nama atau folder lain" in e for e in errors)
    assert dialog.suggested[1:] == [demo_db.location, f"{demo_db.path}-wal", str(tmp_path)]


@pytest.mark.parametrize(
    ("ask", "suffix"),
    [
        (lambda: ask_backup_target(None, "", "a.kinerja-backup"), ".kinerja-backup"),
        (lambda: ask_package_target(None, "", "a.kinerja-paket"), ".kinerja-paket"),
        (lambda: ask_pdf_path(None, "a.pdf"), ".pdf"),
        (lambda: ask_csv_path(None, "Ekspor", "a.csv", "Berkas CSV (*.csv)"), ".csv"),
    ],
    ids=["backup", "package", "pdf", "csv"],
)
def test_every_save_dialog_goes_through_the_helper(
    qtbot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str], ask, suffix: str
) -> None:
    assert demo_db.path is not None
    monkeypatch.setattr(save_dialog, "get_save_file_name", Dialog([demo_db.path, tmp_path / "baru"]))
    assert ask() == str(tmp_path / "baru") + suffix
    assert len(errors) == 1 and "berkas basis data" in errors[0]


def test_cancel_after_a_refusal_writes_nothing(
    qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    assert demo_db.path is not None
    monkeypatch.setattr(save_dialog, "get_save_file_name", Dialog([f"{demo_db.path}-shm"]))
    assert ask_pdf_path(None, "PK.pdf") == ""
    assert len(errors) == 1 and "jurnal" in errors[0]


@pytest.fixture
def screen(qtbot, demo_db: Database) -> Iterator[BackupScreen]:
    screen = BackupScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.set_context(demo_db, None)
    screen.refresh()
    screen.show()
    yield screen
    screen.shutdown()


def test_buat_cadangan_over_the_open_database_is_refused_and_the_next_name_is_used(
    qtbot, screen: BackupScreen, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    assert demo_db.path is not None
    before = checksum(demo_db.path)
    good = tmp_path / "cadangan.kinerja-backup"
    monkeypatch.setattr(save_dialog, "get_save_file_name", Dialog([demo_db.path, good]))
    # WHEN "Buat cadangan…" is clicked and the database itself is chosen first
    screen.backups.backup_button.click()
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)
    # THEN that is refused, the database is intact, and the backup goes to the second choice
    assert len(errors) == 1 and "berkas basis data" in errors[0]
    assert checksum(demo_db.path) == before and demo_db.path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert good.exists() and "Cadangan dibuat" in screen.status.text()
