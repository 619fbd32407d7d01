"""The indicators of a PK in the editor: sasaran, indicator, unit, yearly and quarterly targets.

Holds copies of the service's ``ItemData`` rows; the order of rows is the printed order, so the table is not
sortable. Targets are edited through a NumberDelegate (``EditRole`` gives and takes ``Decimal``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...domain.enums import Polarity
from ...domain.formatting import format_number
from ...services.agreement_data import ItemData

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
MUTED = QColor(120, 120, 120)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementItemsModel", text)


def target_text(item: ItemData) -> str:
    if item.target_grade:
        return item.target_grade
    if item.target_high is not None:
        return f"{format_number(item.target, None)}–{format_number(item.target_high, None)}"
    return format_number(item.target, None)


class AgreementItemsModel(QAbstractTableModel):
    NUMBER, SASARAN, INDICATOR, UNIT, TARGET, Q1, Q2, Q3, Q4 = range(9)
    QUARTERS = (Q1, Q2, Q3, Q4)
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ItemData] = []
        self.editable = False

    def headers(self) -> list[str]:
        return [
            _tr("No"),
            _tr("Sasaran strategis"),
            _tr("Indikator kinerja"),
            _tr("Satuan"),
            _tr("Target"),
            _tr("TW I"),
            _tr("TW II"),
            _tr("TW III"),
            _tr("TW IV"),
        ]

    # -- content --------------------------------------------------------------------------------------
    def set_items(self, items: Sequence[ItemData], *, editable: bool) -> None:
        self.beginResetModel()
        self._items = [replace(item) for item in items]
        self.editable = editable
        self.endResetModel()

    def items(self) -> list[ItemData]:
        return [replace(item) for item in self._items]

    def item_at(self, row: int) -> ItemData:
        return self._items[row]

    def indicator_ids(self) -> set[str]:
        return {item.indicator_id for item in self._items}

    def append(self, items: Sequence[ItemData]) -> None:
        if not items:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self._items.extend(replace(item, id=None) for item in items)
        self.endInsertRows()
        self.changed.emit()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()
            self.changed.emit()

    def move(self, row: int, step: int) -> int:
        """Move a row up (-1) or down (+1); returns its new row."""
        target = row + step
        if not (0 <= row < len(self._items) and 0 <= target < len(self._items)):
            return row
        # Qt's destination is the row before which the moved row lands.
        destination = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._items.insert(target, self._items.pop(row))
        self.endMoveRows()
        self.dataChanged.emit(self.index(0, self.SASARAN), self.index(len(self._items) - 1, self.SASARAN))
        self.changed.emit()
        return target

    # -- Qt -------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section >= self.TARGET or section == self.NUMBER else LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section in self.QUARTERS:
            return _tr("Target triwulan (Rencana Aksi)")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and self._is_editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _is_editable(self, index: Index) -> bool:
        item = self._items[index.row()]
        column = index.column()
        if column in (self.INDICATOR, self.UNIT):
            return True
        if column == self.TARGET:
            # Ranges and qualitative grades are set in the Renstra; a plain target is typed here.
            return item.target_grade is None and item.polarity is not Polarity.RANGE
        return column in self.QUARTERS and item.target_grade is None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), item, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.TARGET:
                return item.target
            if column in self.QUARTERS:
                return item.quarters[column - self.Q1]
            return self._text(index.row(), item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column >= self.TARGET or column == self.NUMBER else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.SASARAN and self._repeats_sasaran(index.row()):
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.SASARAN, self.INDICATOR):
            return item.sasaran if column == self.SASARAN else f"{item.indicator_name}\n{item.polarity.label}"
        return None

    def _repeats_sasaran(self, row: int) -> bool:
        return row > 0 and self._items[row - 1].sasaran == self._items[row].sasaran

    def _text(self, row: int, item: ItemData, column: int) -> str:
        if column == self.NUMBER:
            return str(row + 1)
        if column == self.SASARAN:
            return item.sasaran
        if column == self.INDICATOR:
            return item.indicator_name
        if column == self.UNIT:
            return item.unit
        if column == self.TARGET:
            return target_text(item)
        value = item.quarters[column - self.Q1]
        return format_number(value, None)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        item = self._items[index.row()]
        column = index.column()
        if column == self.INDICATOR:
            item.indicator_name = str(value).strip()
        elif column == self.UNIT:
            item.unit = str(value).strip()
        elif column == self.TARGET:
            item.target = _decimal(value)
        elif column in self.QUARTERS:
            quarters = list(item.quarters)
            quarters[column - self.Q1] = _decimal(value)
            item.quarters = (quarters[0], quarters[1], quarters[2], quarters[3])
        else:
            return False
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))
