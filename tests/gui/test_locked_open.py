"""Issue 11, class 2 in the GUI: a database another window or program holds is said to be locked; the app offers
to try again, never to recover it from a backup (that would move a live file aside)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from edges import Holder, copy_database

from kinerja_desktop.gui import opening


@pytest.fixture
def live(demo_template: Path, tmp_path: Path) -> Path:
    return copy_database(demo_template, tmp_path / "data" / "k.sqlite")


@pytest.fixture
def exclusive(live: Path, tmp_path: Path) -> Iterator[Holder]:
    holder = Holder(tmp_path, live, "exclusive")
    yield holder
    if holder.process.poll() is None:
        holder.let_go()


def test_the_app_offers_to_try_again_never_to_recover_a_locked_file(
    live: Path, exclusive: Holder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN an automatic backup exists (a damaged file would be offered recovery from it)
    database_folder = live.parent / "cadangan-otomatis"
    database_folder.mkdir()
    (database_folder / "k-20260101-120000.kinerja-backup").write_bytes(b"PK")
    database, problem = opening.try_open_detailed(live, create=False)
    assert database is None and problem is not None
    assert problem.locked and problem.last_backup is None and "terkunci" in problem.message
    # WHEN the user chooses "Coba lagi" after the other program let go, THEN it opens
    asked = []

    def ask(_parent, problem, *, at_start):  # noqa: ANN001, ANN202
        asked.append(problem.locked)
        exclusive.let_go()
        return opening.RETRY

    monkeypatch.setattr(opening, "ask_after_damage", ask)
    opened = opening.open_or_recover(None, live, create=False)
    assert asked == [True] and opened is not None
    opened.close()


def test_the_message_box_for_a_locked_file_offers_coba_lagi_and_no_recovery(
    qtbot, live: Path, exclusive: Holder
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    _database, problem = opening.try_open_detailed(live, create=False)
    assert problem is not None
    seen: list[list[str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([button.text() for button in box.buttons()])
        seen.append([box.windowTitle(), box.text()])
        next(b for b in box.buttons() if b.text() == "Coba lagi").click()

    QTimer.singleShot(0, answer)
    assert opening.ask_after_damage(None, problem, at_start=True) == opening.RETRY
    assert sorted(seen[0]) == ["Coba lagi", "Keluar", "Pilih berkas lain…"]
    assert seen[1][0] == "Basis data sedang dipakai" and "terkunci" in seen[1][1]
