"""Qt's own texts in Indonesian (issue 14, point 16): the app's catalogue of Qt strings, loaded by QTranslator.

The menus, dialogs and buttons are Qt's own widgets opened as the user opens them; the texts read back from them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.gui import translation


def context_menu_texts(qtbot, widget) -> list[str]:  # noqa: ANN001
    """Right-click ``widget`` (a real context-menu event) and read the menu Qt opens, then close it."""
    seen: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(action.text().split("\t")[0] for action in menu.actions() if not action.isSeparator())
        menu.close()

    QTimer.singleShot(0, read_menu)
    point = widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
    target = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
    QApplication.sendEvent(target, event)
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def test_a_line_edits_context_menu_is_in_indonesian(qtbot):
    # GIVEN a text field with some text WHEN the user right-clicks it
    edit = QLineEdit("Dinas Kesehatan")
    qtbot.addWidget(edit)
    edit.show()
    texts = context_menu_texts(qtbot, edit)
    # THEN Qt's own menu speaks Indonesian
    assert texts[:7] == ["&Urungkan", "U&langi", "&Potong", "&Salin", "&Tempel", "Hapus", "Pilih semua"]


def test_a_text_boxs_context_menu_is_in_indonesian(qtbot):
    box = QPlainTextEdit("Kendala: data terlambat")
    qtbot.addWidget(box)
    box.show()
    texts = context_menu_texts(qtbot, box)
    assert {"&Urungkan", "&Salin", "&Tempel", "Pilih semua"} <= set(texts)


def test_standard_buttons_are_indonesian(qtbot):
    B = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "Judul", "Teks", B.Yes | B.No | B.Cancel | B.Save | B.Close)
    qtbot.addWidget(box)
    assert [box.button(b).text() for b in (B.Yes, B.No, B.Cancel, B.Save, B.Close)] == [
        "&Ya", "&Tidak", "Batal", "Simpan", "Tutup"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"


def test_a_wizards_buttons_are_indonesian(qtbot):
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    B = QWizard.WizardButton
    assert [wizard.buttonText(b) for b in (B.BackButton, B.NextButton, B.FinishButton, B.CancelButton)] == [
        "< Kembali", "Lanjut >", "Selesai", "Batal"]


def test_qts_own_file_dialog_is_indonesian(qtbot, tmp_path):
    (tmp_path / "PK-2026-DINKES.pdf").write_bytes(b"%PDF-1.4")
    dialog = QFileDialog(None, "Simpan PDF", str(tmp_path), "Berkas PDF (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Cari di:", "&Nama berkas:", "&Jenis berkas:"} <= labels
    assert "&Simpan" in {button.text() for button in dialog.findChildren(QPushButton)}
    tree = next(view for view in dialog.findChildren(QTreeView) if view.model() is not None)
    header = [tree.model().headerData(c, Qt.Orientation.Horizontal) for c in range(tree.model().columnCount())]
    assert header[:2] == ["Nama", "Ukuran"]
    dialog.reject()


def test_the_catalogue_is_loaded_once(qapp):
    assert translation.install(qapp) is translation.install(qapp)
    assert qapp.translate("QLineEdit", "&Copy") == "&Salin"
