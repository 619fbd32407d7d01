"""What the plan screens (Renstra, RPJMD, Program & Anggaran) share: a tree of plan nodes, its selection,
its dialogs and removing.

Dialogs open window-modal and return at once (``open()``); the screen reloads the tree and selects the node a
dialog saved. Removing asks first and reports whether the node was deleted or retired.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QPushButton, QTreeView, QWidget

from ...db.errors import KinerjaDbError
from ...services.errors import ValidationError
from ...services.removal import Removal
from .. import messages
from ..models.plan_tree import PlanItem, PlanTreeModel
from .base import Screen, note

OK_STYLE = "color: #1e7832;"


def button(text: str, slot: Callable[[], object]) -> QPushButton:
    widget = QPushButton(text)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


class PlanScreen(Screen):
    """A screen around one :class:`PlanTreeModel`; ``years_changed`` asks the main window to reload its years."""

    years_changed = Signal()

    def __init__(self, model: PlanTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog: QDialog | None = None
        self.model = model
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setWordWrap(False)
        self.tree.doubleClicked.connect(lambda _index: self._edit_on_double_click())
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.model.modelReset.connect(self.update_buttons)
        self.result_label = note()  # what a removal did; a subclass places it in its layout
        self.result_label.setStyleSheet(OK_STYLE)

    def _edit_on_double_click(self) -> None:
        """A double click is the Ubah button's click: nothing when the button is off (no right, nothing to edit)."""
        edit = getattr(self, "edit_button", None)
        if edit is None:
            self.edit_selected()
        else:
            edit.click()

    def size_columns(self, stretch: int) -> None:
        """Every column to its contents but ``stretch``, which takes the rest (call after the model's reset)."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)

    # -- selection -----------------------------------------------------------------------------------
    def selected_item(self) -> PlanItem | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.item(rows[0]) if rows else None

    def selected_id(self) -> str | None:
        item = self.selected_item()
        return item.id if item else None

    def select_node(self, node_id: str) -> bool:
        index = self.model.index_of(node_id)
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.tree.selectionModel().select(index, flags)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def label_of(self, item: PlanItem) -> str:
        return str(self.model.data(self.model.index_of(item.id)))

    def visible_texts(self, column: int = 0) -> list[str]:
        """The texts of the tree in display order, depth first (for tests and checks)."""
        texts: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                texts.append(self.model.index(row, column, parent).data())
                walk(self.model.index(row, 0, parent))

        walk(QModelIndex())
        return texts

    # -- what subclasses do --------------------------------------------------------------------------
    def load_tree(self) -> None:
        raise NotImplementedError

    def update_buttons(self) -> None:
        raise NotImplementedError

    def edit_selected(self) -> None:
        raise NotImplementedError

    # -- dialogs -------------------------------------------------------------------------------------
    def show_dialog(self, dialog: QDialog) -> None:
        dialog.saved.connect(self.on_saved)  # type: ignore[attr-defined]
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()  # window-modal, returns at once; no session stays open meanwhile

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def on_saved(self, node_id: str) -> None:
        self.result_label.clear()
        self.load_tree()
        self.select_node(node_id)

    def failed(self, exc: Exception) -> None:
        messages.show_error(self, self.title(), str(exc))
        self.load_tree()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.done(0)  # closing the database: no question about unsaved edits
            self.dialog = None

    # -- removing and restoring ----------------------------------------------------------------------
    def remove_or_restore(
        self, question: str, remove: Callable[[str], Removal], restore: Callable[[str], None]
    ) -> None:
        """Remove the selected node (asking ``question`` first) or, when it is retired, restore it."""
        item = self.selected_item()
        if item is None or self.db is None:
            return
        label = self.label_of(item)
        try:
            if item.is_active:
                if not messages.confirm(self, self.tr("Hapus"), question):
                    return
                result = remove(item.id)
                text = self.tr("“{0}” dihapus.") if result is Removal.DELETED else self.tr(
                    "“{0}” dinonaktifkan: dokumen atau realisasi merujuknya, sehingga disimpan dan dapat diaktifkan "
                    "kembali (centang Tampilkan yang dinonaktifkan)."
                )
            else:
                restore(item.id)
                text = self.tr("“{0}” diaktifkan kembali.")
        except (ValidationError, KinerjaDbError) as exc:
            self.failed(exc)
            return
        self.load_tree()
        self.result_label.setText(text.format(label))
        if not self.select_node(item.id) and item.parent is not None:
            self.select_node(item.parent.id)
