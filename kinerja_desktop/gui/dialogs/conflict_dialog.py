"""The conflicts of a package import: base, central and incoming values, the user choosing per field or for all.

Layout from ui/conflict_dialog.ui. Accepting needs a choice for every conflict; ``resolutions()`` then gives
the mapping ``sync.import_package(resolutions=...)`` expects. Nothing is written by this dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...services.sync import PREFER_CENTRAL, PREFER_PACKAGE, Conflict
from ..forms.ui_conflict_dialog import Ui_ConflictDialog
from ..models.package_conflict_model import ConflictTableModel, Key, choice_labels
from ..views import setup_table

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box "Pusat / Paket" that writes the choice as soon as it changes."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for value, text in choice_labels().items():
            combo.addItem(text, value)
        combo.setProperty("row", index.row())
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.blockSignals(True)
        editor.setCurrentIndex(max(position, 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ConflictDialog(QDialog):
    def __init__(self, conflicts: list[Conflict], package_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.model = ConflictTableModel(conflicts, self)
        self.delegate = ChoiceDelegate(self)
        view = self.ui.conflictView
        view.setModel(self.model)
        setup_table(view, sortable=False)
        view.setEditTriggers(view.EditTrigger.AllEditTriggers)
        view.setItemDelegateForColumn(ConflictTableModel.CHOICE, self.delegate)
        self._size_columns()
        for row in range(self.model.rowCount()):
            view.openPersistentEditor(self.model.index(row, ConflictTableModel.CHOICE))
        # The combo boxes need a little more height than plain rows.
        view.verticalHeader().setDefaultSectionSize(round(view.fontMetrics().lineSpacing() * 2.0))

        self.setWindowTitle(self.tr("Konflik impor — {0}").format(package_name))
        self.ui.introLabel.setText(
            self.tr(
                "{0} kolom diubah di pusat dan juga di paket dengan nilai berbeda. Untuk setiap baris, pilih "
                "nilai yang dipakai: <b>Pusat</b> (nilai di basis data ini tetap) atau <b>Paket</b> (nilai dari "
                "laptop). Nilai dasar adalah nilai terakhir yang sama di kedua pihak."
            ).format(len(conflicts))
        )
        self.ui.allCentralButton.clicked.connect(lambda: self.choose_all(PREFER_CENTRAL))
        self.ui.allPackageButton.clicked.connect(lambda: self.choose_all(PREFER_PACKAGE))
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Impor"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.model.choices_changed.connect(self._update_state)
        self._update_state()
        self._size_dialog()

    def _size_columns(self) -> None:
        """Values share the free width (long ones are elided, the tooltip shows them whole); no sideways scrolling."""
        view = self.ui.conflictView
        header = view.horizontalHeader()
        metrics = view.fontMetrics()
        Mode = QHeaderView.ResizeMode
        header.setSectionResizeMode(ConflictTableModel.DATA, Mode.Interactive)
        header.resizeSection(ConflictTableModel.DATA, metrics.horizontalAdvance("x" * 34))
        header.setSectionResizeMode(ConflictTableModel.FIELD, Mode.ResizeToContents)
        for column in (ConflictTableModel.BASE, ConflictTableModel.CENTRAL, ConflictTableModel.INCOMING):
            header.setSectionResizeMode(column, Mode.Stretch)
        combo = QComboBox()
        combo.addItems(list(choice_labels().values()))
        header.setSectionResizeMode(ConflictTableModel.CHOICE, Mode.Fixed)
        header.resizeSection(ConflictTableModel.CHOICE, combo.sizeHint().width() + metrics.horizontalAdvance("xx"))
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A long value keeps its start and its end ("Pembangunan … Kecamatan Sukamaju"): two values that differ
        # only at the end stay told apart; the tooltip shows it whole.
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def _size_dialog(self) -> None:
        metrics = self.fontMetrics()
        rows = min(max(self.model.rowCount(), 3), 12)
        width = metrics.horizontalAdvance("x" * 150)
        height = self.sizeHint().height() + round(metrics.lineSpacing() * 2.0 * rows)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.85))
        self.resize(width, height)

    def choose_all(self, choice: str) -> None:
        self.model.set_all(choice)
        view = self.ui.conflictView
        for row in range(self.model.rowCount()):  # the open combo boxes follow the model
            index = self.model.index(row, ConflictTableModel.CHOICE)
            editor = view.indexWidget(index)
            if editor is not None:
                self.delegate.setEditorData(editor, index)

    def set_choice(self, row: int, choice: str) -> None:
        """Choose for one conflict, as picking in its combo box does."""
        index = self.model.index(row, ConflictTableModel.CHOICE)
        editor = self.ui.conflictView.indexWidget(index)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(choice))
            editor.activated.emit(editor.currentIndex())
        else:
            self.model.set_choice(row, choice)

    def resolutions(self) -> dict[Key, str]:
        return self.model.resolutions()

    def _update_state(self) -> None:
        remaining = self.model.undecided()
        if remaining:
            self.ui.remainingLabel.setText(self.tr("{0} konflik belum diputuskan").format(remaining))
            self.ui.remainingLabel.setStyleSheet("color: #b3261e;")
        else:
            self.ui.remainingLabel.setText(self.tr("Semua konflik sudah diputuskan"))
            self.ui.remainingLabel.setStyleSheet("")
        self.ok_button.setEnabled(remaining == 0)

    def accept(self) -> None:
        if self.model.undecided():
            return
        super().accept()
