"""The conflicts of a package import, one per row, with the user's choice (pusat or paket) per row.

The texts are the service's (:func:`~kinerja_desktop.services.sync.conflict_view`); the model adds the choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from ...services.sync import PREFER_CENTRAL, PREFER_PACKAGE, Conflict, conflict_view
from . import SORT_ROLE
from .record_table import ALERT, MUTED

Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, str, str | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("package_conflict_model", text)


def choice_labels() -> dict[str | None, str]:
    return {None: _tr("— pilih —"), PREFER_CENTRAL: _tr("Pusat"), PREFER_PACKAGE: _tr("Paket")}


class ConflictTableModel(QAbstractTableModel):
    """Data | Kolom | Nilai dasar | Nilai pusat | Nilai paket | Pilihan (editable)."""

    DATA, FIELD, BASE, CENTRAL, INCOMING, CHOICE = range(6)
    choices_changed = Signal()

    def __init__(self, conflicts: list[Conflict], parent: Any = None) -> None:
        super().__init__(parent)
        self._conflicts = list(conflicts)
        self._views = [conflict_view(c) for c in self._conflicts]
        self._choices: list[str | None] = [None] * len(conflicts)
        self._titles = [
            _tr("Data"),
            _tr("Kolom"),
            _tr("Nilai dasar"),
            _tr("Nilai pusat"),
            _tr("Nilai paket"),
            _tr("Pilihan"),
        ]

    # -- choices -------------------------------------------------------------------------------------
    def conflict_at(self, row: int) -> Conflict:
        return self._conflicts[row]

    def choice(self, row: int) -> str | None:
        return self._choices[row]

    def set_choice(self, row: int, choice: str | None) -> None:
        if choice not in (None, PREFER_CENTRAL, PREFER_PACKAGE) or self._choices[row] == choice:
            return
        self._choices[row] = choice
        index = self.index(row, self.CHOICE)
        self.dataChanged.emit(index, index)
        self.choices_changed.emit()

    def set_all(self, choice: str) -> None:
        for row in range(len(self._conflicts)):
            self.set_choice(row, choice)

    def undecided(self) -> int:
        return sum(1 for c in self._choices if c is None)

    def resolutions(self) -> dict[Key, str]:
        """For ``sync.import_package(resolutions=...)``: the decided conflicts only."""
        return {c.key: choice for c, choice in zip(self._conflicts, self._choices, strict=True) if choice}

    # -- Qt model ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == self.CHOICE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _text(self, row: int, column: int) -> str:
        if column == self.CHOICE:
            return choice_labels()[self._choices[row]]
        view = self._views[row]
        return (view.data, view.field, view.base, view.central, view.incoming)[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole and column == self.CHOICE:
            return self._choices[row]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHOICE and self._choices[row] is None:
            return QBrush(ALERT)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.BASE:
            return QBrush(MUTED)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.CHOICE or role != Qt.ItemDataRole.EditRole:
            return False
        if value not in (None, PREFER_CENTRAL, PREFER_PACKAGE):
            return False
        self.set_choice(index.row(), value)
        return True
