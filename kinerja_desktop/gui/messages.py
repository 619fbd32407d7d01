"""Message boxes of the app: errors, warnings, notes and yes/no questions.

Their standard buttons ("Ya", "Tidak", "Tutup" …) are Indonesian through the app's Qt translation
(``resources/translations/qt_id.ts``, loaded by ``translation.install``). Screens call these through the module
(``messages.confirm(...)``) so that tests can replace them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setDefaultButton(default)
    return box


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    B = QMessageBox.StandardButton
    _box(parent, QMessageBox.Icon.Critical, title, text, B.Close, B.Close).exec()


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    B = QMessageBox.StandardButton
    _box(parent, QMessageBox.Icon.Warning, title, text, B.Close, B.Close).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    B = QMessageBox.StandardButton
    _box(parent, QMessageBox.Icon.Information, title, text, B.Close, B.Close).exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; "Tidak" is the default so Enter never destroys anything."""
    B = QMessageBox.StandardButton
    box = _box(parent, QMessageBox.Icon.Question, title, text, B.Yes | B.No, B.No)
    return box.exec() == B.Yes


def choose_other_file_or_quit(parent: QWidget | None, title: str, text: str) -> bool:
    """After a database failed to open: True to choose another file, False to quit."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.NoButton, parent)
    choose = box.addButton(_tr("Pilih berkas lain…"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(_tr("Keluar"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)
    box.setEscapeButton(quit_button)
    box.exec()
    return box.clickedButton() is choose
