"""Opening backups and packages from outside (``open FILE``), and recovering a damaged database at start."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from kinerja_desktop.cli import main
from kinerja_desktop.commands import open_file
from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.gui import messages, opening
from kinerja_desktop.gui.dialogs.backup_restore_dialog import RestoreConfirmDialog
from kinerja_desktop.gui.dialogs.enrolment_code_dialog import AskEnrolmentCodeDialog
from kinerja_desktop.gui.dialogs.package_preview_dialog import PackagePreviewDialog
from kinerja_desktop.services import backup, sync


def test_the_action_follows_the_extension() -> None:
    assert open_file.action_for("C:/Data/kinerja-2026-01-26.kinerja-backup") == open_file.RESTORE
    assert open_file.action_for("paket-lapangan.KINERJA-PAKET") == open_file.IMPORT
    assert open_file.action_for("laporan.pdf") is None
    assert (open_file.BACKUP_SUFFIX, open_file.PACKAGE_SUFFIX) == (backup.BACKUP_SUFFIX, sync.PACKAGE_SUFFIX)


def test_open_verb_refuses_unknown_and_missing_files(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    other = tmp_path / "laporan.pdf"
    other.write_bytes(b"%PDF")
    assert main(["open", str(other)]) == 1
    assert "tidak dikenal" in capsys.readouterr().err
    assert main(["open", str(tmp_path / "hilang.kinerja-paket")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def _wait_closed(qtbot, window) -> None:  # noqa: ANN001
    if window.ready and window.backup.dialog is not None:
        window.backup.dialog.reject()
    window.close()
    window.runner.wait()


def test_the_app_opened_with_a_backup_reaches_the_restore_preview(qtbot, qapp, demo_db, tmp_path) -> None:  # noqa: ANN001
    from kinerja_desktop.gui import app

    made = backup.create_backup(demo_db, tmp_path / "kinerja-2026-01-26.kinerja-backup").path
    window, outcome = app.launch(demo_db.location, open_file=str(made))
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.ready and isinstance(window.backup.dialog, RestoreConfirmDialog), timeout=20_000)
        assert window.current_screen() is window.backup
        assert window.backup.dialog.preview.backup.path == made
        assert outcome["code"] == 0
    finally:
        _wait_closed(qtbot, window)


def test_the_app_opened_with_a_package_reaches_the_import_preview(qtbot, qapp, demo_db, tmp_path) -> None:  # noqa: ANN001
    from kinerja_desktop.gui import app

    with demo_db.read() as s:
        code = s.scalars(select(Opd.code)).first()
    package = tmp_path / "induk.kinerja-paket"
    enrolment = sync.export_master_package(demo_db, package, opd_codes=[code]).code
    empty = tmp_path / "laptop.sqlite"
    window, _outcome = app.launch(str(empty), open_file=str(package))
    qtbot.addWidget(window)
    try:
        # a master package asks for its enrolment code first
        asked = lambda: window.ready and isinstance(window.backup.dialog, AskEnrolmentCodeDialog)  # noqa: E731
        qtbot.waitUntil(asked, timeout=20_000)
        window.backup.dialog.edit.setText(enrolment)
        window.backup.dialog.accept()
        qtbot.waitUntil(lambda: isinstance(window.backup.dialog, PackagePreviewDialog), timeout=20_000)
        assert "disiapkan sebagai laptop lapangan" in window.backup.dialog.text()
    finally:
        _wait_closed(qtbot, window)


def test_the_screen_refuses_an_unknown_file(main_window, monkeypatch) -> None:  # noqa: ANN001
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(text))
    assert not main_window.backup.open_file("catatan.txt")
    assert "tidak dikenal" in shown[0]


# ---------------------------------------------------------------------------------------------- recovery


def _damaged_with_backup(demo_template: Path, tmp_path: Path) -> tuple[Path, Path, int]:
    path = tmp_path / "kinerja.sqlite"
    src, dst = sqlite3.connect(demo_template), sqlite3.connect(path)
    src.backup(dst)
    dst.close()
    src.close()
    database = open_database(path)
    made = backup.auto_backup(database)
    with database.read() as s:
        opds = s.scalar(select(func.count()).select_from(Opd))
    database.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 97):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    return path, made, opds


def test_a_damaged_database_at_start_is_recovered_from_the_last_automatic_backup(
    qtbot, qapp, demo_template, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    from kinerja_desktop.gui import app

    path, made, opds = _damaged_with_backup(demo_template, tmp_path)
    told = []
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: told.append(text))
    offered = []

    def click_recover() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        offered.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text().startswith("Pulihkan")).click()

    QTimer.singleShot(100, click_recover)
    database = app.open_at_start(str(path))
    try:
        assert sorted(offered) == ["Keluar", "Pilih berkas lain…", "Pulihkan dari cadangan otomatis terakhir"]
        assert database is not None and database.path == path
        with database.read() as s:
            assert s.scalar(select(func.count()).select_from(Opd)) == opds
        assert made.name in told[0] and "kinerja.rusak-" in told[0]
        assert len(list(tmp_path.glob("kinerja.rusak-*.sqlite"))) == 1
    finally:
        database.close()


def test_a_damaged_database_opened_from_the_window_can_be_recovered(
    main_window, demo_template, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    other = tmp_path / "lain"
    other.mkdir()
    path, _made, _opds = _damaged_with_backup(demo_template, other)
    monkeypatch.setattr(messages, "show_info", lambda *_: None)
    monkeypatch.setattr(opening, "ask_after_damage", lambda _p, _problem, at_start: opening.RECOVER)
    assert main_window.open_path(str(path), create=False)
    assert main_window.db.path == path


def test_a_damaged_database_without_backup_is_only_refused(main_window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(text))
    path = tmp_path / "lain" / "rusak.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = main_window.db
    assert not main_window.open_path(str(path), create=False)
    assert main_window.db is before and "rusak" in shown[0]


@pytest.mark.parametrize("choice", [opening.QUIT])
def test_quitting_instead_of_recovering_leaves_the_file(qapp, demo_template, tmp_path, monkeypatch, choice) -> None:  # noqa: ANN001
    from kinerja_desktop.gui import app

    path, _made, _opds = _damaged_with_backup(demo_template, tmp_path)
    data = path.read_bytes()
    monkeypatch.setattr(opening, "ask_after_damage", lambda *_a, **_k: choice)
    assert app.open_at_start(str(path)) is None
    assert path.read_bytes() == data and not list(tmp_path.glob("*.rusak-*"))
