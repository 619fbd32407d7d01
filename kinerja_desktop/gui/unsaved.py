"""The one "unsaved changes?" guard of every form and wizard: Esc, Batal and the window's close button ask first.

Mixed in before the Qt class (``class OpdFormDialog(UnsavedChangesGuard, QDialog)``)::

    self.mark_clean()        # at the end of __init__ (and after a save that keeps the form open)

By default a form is "changed" when any input widget under it holds another value than at ``mark_clean()``
(:func:`form_state`: line edits, text boxes, combo boxes, spin and date boxes, check boxes and the editable
cells of tables). A form whose data live elsewhere (the PK editor's models, the evaluation wizard's flow)
overrides :meth:`UnsavedChangesGuard.has_unsaved_changes`. A form answers "Simpan" with
:meth:`UnsavedChangesGuard.save_changes` (``accept()`` by default); a wizard cannot save half-way and asks
only whether to throw the input away. Closing for good (the database changes, the window closes) is
:meth:`UnsavedChangesGuard.discard_and_close`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
IGNORED = "guardIgnore"  # a widget property: not data (a selector, a search box, the paper size)


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnsavedChanges", text)


def ask_unsaved_changes(parent: QWidget | None, *, can_save: bool = True) -> str:
    """``SAVE``, ``DISCARD`` or ``CANCEL``; a wizard (``can_save=False``) offers only to throw the input away."""
    B = QMessageBox.StandardButton
    if can_save:
        text = _tr("Isian formulir ini telah diubah dan belum disimpan. Simpan perubahannya?")
        buttons = B.Save | B.Discard | B.Cancel
    else:
        text = _tr("Isian yang sudah diketik belum disimpan dan akan hilang. Buang isian dan tutup?")
        buttons = B.Discard | B.Cancel
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Perubahan belum disimpan"), text, buttons, parent)
    box.setObjectName("unsavedChangesBox")
    box.button(B.Discard).setText(_tr("&Buang perubahan") if can_save else _tr("&Buang isian"))
    box.button(B.Cancel).setText(_tr("&Lanjut mengisi"))
    box.setDefaultButton(B.Save if can_save else B.Cancel)
    box.setEscapeButton(B.Cancel)
    answer = B(box.exec())
    return {B.Save: SAVE, B.Discard: DISCARD}.get(answer, CANCEL)


def _item_view_state(view: QAbstractItemView) -> tuple[Any, ...]:
    """The non-empty editable cells of a table, by position (an empty row added is no change)."""
    model = view.model()
    if model is None:
        return ()
    cells = []
    try:
        columns = model.columnCount()
    except TypeError:  # a list widget's model keeps its columnCount private: one column
        columns = 1
    for row in range(model.rowCount()):
        for column in range(columns):
            index = model.index(row, column)
            if not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                continue
            value = index.data(Qt.ItemDataRole.EditRole)
            if value not in (None, ""):
                cells.append((row, column, repr(value)))
    return tuple(cells)


def form_state(root: QWidget) -> tuple[Any, ...]:
    """What the user can have typed or chosen under ``root``, as a comparable tuple."""
    state: list[Any] = []
    for widget in root.findChildren(QWidget):
        if widget.property(IGNORED) or any(p.property(IGNORED) for p in _ancestors(widget, root)):
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLineEdit):
            if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
                continue  # read through its spin box or combo box
            state.append((name, widget.text()))
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            state.append((name, widget.toPlainText()))
        elif isinstance(widget, QComboBox):
            state.append((name, widget.currentIndex(), widget.currentText() if widget.isEditable() else ""))
        elif isinstance(widget, QAbstractSpinBox):
            state.append((name, widget.text()))
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append((name, widget.isChecked()))
        elif isinstance(widget, QAbstractItemView):
            state.append((name, _item_view_state(widget)))
    return tuple(state)


def _ancestors(widget: QWidget, root: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        found.append(parent)
        parent = parent.parentWidget()
    return found


class UnsavedChangesGuard:
    """Mixed into a QDialog or QWizard (before it): ``reject()`` asks when there are unsaved changes."""

    guard_can_save = True  # a wizard sets False: it saves only at Selesai
    _clean_state: tuple[Any, ...] | None = None

    def guard_state(self) -> tuple[Any, ...]:
        return form_state(self)  # type: ignore[arg-type]

    def mark_clean(self) -> None:
        """What is on screen now is saved (or untouched)."""
        self._clean_state = self.guard_state()

    def has_unsaved_changes(self) -> bool:
        return self._clean_state is not None and self.guard_state() != self._clean_state

    def save_changes(self) -> bool:
        """Save as Simpan does; True when saved (a refused save keeps the form open with its messages)."""
        self.accept()  # type: ignore[attr-defined]
        return self.result() == QDialog.DialogCode.Accepted  # type: ignore[attr-defined, no-any-return]

    def reject(self) -> None:
        if self.has_unsaved_changes():
            answer = ask_unsaved_changes(self, can_save=self.guard_can_save)  # type: ignore[arg-type]
            if answer == SAVE:
                if self.save_changes() and self.isVisible():  # type: ignore[attr-defined]
                    super().reject()  # type: ignore[misc]  # saved; a form's accept() has closed it already
                return
            if answer == CANCEL:
                return
        self.discard_and_close()

    def discard_and_close(self) -> None:
        """Close without asking (the database changes or the window closes)."""
        self._clean_state = None
        super().reject()  # type: ignore[misc]
