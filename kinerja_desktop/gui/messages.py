"""Message boxes with Indonesian button texts (Qt ships no Indonesian translation of its own).

Screens call these through the module (``messages.confirm(...)``) so that tests can replace them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def button_texts() -> dict[QMessageBox.StandardButton, str]:
    B = QMessageBox.StandardButton
    return {
        B.Yes: _tr("Ya"),
        B.No: _tr("Tidak"),
        B.Cancel: _tr("Batal"),
        B.Save: _tr("Simpan"),
        B.Close: _tr("Tutup"),
        B.Ok: _tr("OK"),
        B.Open: _tr("Buka"),
        B.Discard: _tr("Buang"),
        B.Retry: _tr("Coba lagi"),
    }


def localize_buttons(box: QMessageBox | QDialogButtonBox) -> None:
    """Give the standard buttons of a message box or button box their Indonesian texts."""
    for standard, text in button_texts().items():
        if isinstance(box, QMessageBox):
            button = box.button(standard)
        else:
            button = box.button(QDialogButtonBox.StandardButton(standard.value))
        if button is not None:
            button.setText(text)


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
    localize_buttons(box)
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
