"""Item delegates shared by editable tables: targets of an indicator (Renstra), the PK editor, budgets.

Numbers are typed and shown the Indonesian way. A delegate never stores text that is not a number: it
leaves the model unchanged and emits ``input_rejected(message)`` with an Indonesian message, so the
dialog can say what was wrong (the cell being edited is the view's current index).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..domain.formatting import format_number, format_rupiah, parse_number, parse_rupiah

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _TextNumberDelegate(QStyledItemDelegate):
    """A right-aligned line editor over a numeric ``EditRole``; subclasses say how to show and parse."""

    input_rejected = Signal(str)

    def show(self, value: Any) -> str:
        raise NotImplementedError

    def parse(self, text: str) -> Any:
        """The value to store for ``text`` (``ValueError`` with an Indonesian message when invalid)."""
        raise NotImplementedError

    def displayText(self, value: Any, locale: QLocale) -> str:  # noqa: N802 - Qt's name
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            return self.show(value)
        return super().displayText(value, locale)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.displayAlignment = RIGHT

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setAlignment(RIGHT)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            editor.setText(self.show(value))
        else:
            editor.setText("" if value is None else str(value))
        editor.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Qt queues the commit on Enter; commit at once so the model holds the value when Enter returns.
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(watched, event)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QLineEdit)
        try:
            value = self.parse(editor.text())
        except ValueError as exc:
            self.input_rejected.emit(str(exc))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class NumberDelegate(_TextNumberDelegate):
    """Edits a ``Decimal`` cell: "92,5", "1.250", "1.234,56" (and "92.5" pasted from English sheets).

    ``EditRole`` gives and takes a ``Decimal`` or ``None`` (an emptied cell). Shown with
    ``format_number(value, None)`` (the value's own digits), parsed with ``domain.formatting.parse_number``.
    """

    def show(self, value: Any) -> str:
        return format_number(value, None)

    def parse(self, text: str) -> Decimal | None:
        return parse_number(text) if text.strip() else None


class RupiahDelegate(_TextNumberDelegate):
    """Edits whole rupiah (an ``int``): typed "1.250.000" or "Rp 1.250.000", shown "Rp 1.250.000"."""

    def show(self, value: Any) -> str:
        return format_rupiah(int(value))

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        super().setEditorData(editor, index)
        assert isinstance(editor, QLineEdit)
        editor.setText(editor.text().removeprefix("Rp ").strip())  # edit the digits only
        editor.selectAll()

    def parse(self, text: str) -> int:
        if not text.strip():
            raise ValueError("Anggaran wajib diisi (ketik 0 bila tidak ada)")
        return parse_rupiah(text)
