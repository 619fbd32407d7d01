"""Issue 14, point 18: a rotating log in the user-data folder, faulthandler on, and an unexpected error (also in
a Qt slot) said in a dialog naming the log file."""

from __future__ import annotations

import faulthandler
import logging
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from kinerja_desktop.gui import crash_log


@pytest.fixture
def installed(tmp_path):
    path = crash_log.install(tmp_path / "log")
    yield path
    crash_log.uninstall()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_the_dialog_names_the_log(qtbot, installed, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(crash_log, "show_unexpected_error",
                        lambda _parent, error, path: shown.append(crash_log.unexpected_error_text(error, path)))
    button = QPushButton("Hitung")
    qtbot.addWidget(button)

    def broken() -> None:
        raise ZeroDivisionError("pembagian dengan nol di capaian")

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown and "pembagian dengan nol di capaian" in shown[0] and str(installed) in shown[0]
    for handler in logging.getLogger(crash_log.LOGGER_NAME).handlers:
        handler.flush()
    text = installed.read_text(encoding="utf-8")
    assert "Kesalahan tak terduga" in text and "ZeroDivisionError: pembagian dengan nol di capaian" in text
    assert "in broken" in text  # with its traceback


@pytest.mark.qt_no_exception_capture
def test_the_real_dialog_says_what_happened_and_which_file_to_send(qtbot, installed):
    seen: list[str] = []

    def close_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close_dialog)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, close_dialog)
    try:
        raise RuntimeError("berkas hilang")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert seen and seen[0].startswith("Terjadi kesalahan yang tidak terduga: berkas hilang")
    assert str(installed) in seen[0] and "petugas dukungan" in seen[0]


def test_faulthandler_is_on_and_the_log_rotates(installed):
    assert faulthandler.is_enabled()
    assert installed.parent.joinpath(crash_log.CRASH_NAME).exists()
    handler = next(h for h in logging.getLogger(crash_log.LOGGER_NAME).handlers
                   if isinstance(h, logging.handlers.RotatingFileHandler))
    assert (handler.maxBytes, handler.backupCount) == (crash_log.MAX_BYTES, crash_log.BACKUPS)
    log = logging.getLogger("kinerja_desktop.services.test")
    for n in range(2_500):
        log.info("baris %d %s", n, "x" * 400)
    handler.flush()
    assert installed.with_name("kinerja.log.1").exists()
    assert installed.stat().st_size <= crash_log.MAX_BYTES


def test_the_default_folder_is_in_the_user_data_folder():
    from platformdirs import user_data_path

    assert crash_log.default_folder() == user_data_path("Kinerja Desktop", appauthor=False) / "log"
