"""The wizard's budget table: pagu, realised before this quarter, this quarter (editable), to date, serapan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from ...domain import absorption
from ...domain.evaluation import budget_to_date, over_pagu
from ...domain.formatting import format_number, format_rupiah
from ..evaluation_flow import EvaluationFlow, ProgramEntry
from .record_table import ALERT, ERROR_BACKGROUND, RIGHT

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("BudgetEntryModel", text)


class BudgetEntryModel(QAbstractTableModel):
    PROGRAM, PAGU, BEFORE, AMOUNT, TO_DATE, ABSORPTION = range(6)
    edited = Signal()

    def __init__(self, flow: EvaluationFlow, parent: Any = None) -> None:
        super().__init__(parent)
        self.flow = flow

    def reload(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def entry(self, row: int) -> ProgramEntry:
        return self.flow.programs[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.flow.programs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                _tr("Program"),
                _tr("Pagu"),
                _tr("Realisasi s.d. TW lalu"),
                _tr("Realisasi TW ini (Rp)"),
                _tr("Realisasi s.d. TW"),
                _tr("Serapan"),
            )[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.AMOUNT else base

    def _before(self, entry: ProgramEntry) -> int:
        quarter = self.flow.quarter or 1
        return budget_to_date(entry.result.quarter_amounts, quarter - 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.AMOUNT:
                return entry.text
            if role == Qt.ItemDataRole.EditRole:
                return None
            to_date = self.flow.budget_to_date(entry)
            if column == self.PROGRAM:
                return f"{entry.result.code} {entry.result.name}".strip()
            if column == self.PAGU:
                return format_rupiah(entry.result.pagu)
            if column == self.BEFORE:
                return format_rupiah(self._before(entry))
            if column == self.TO_DATE:
                return format_rupiah(to_date, empty=_tr("tidak sah"))
            if column == self.ABSORPTION:
                if to_date is None or not entry.result.pagu:
                    return "–"
                value = absorption(to_date, entry.result.pagu)
                return f"{format_number(value, 2)} %"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.PROGRAM:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.TO_DATE, self.ABSORPTION):
            to_date = self.flow.budget_to_date(entry)
            if to_date is None or over_pagu(to_date, entry.result.pagu):
                return QBrush(ALERT)
        if column == self.AMOUNT and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            problem = self._problem(entry)
            if problem:  # the cell itself says that what was typed cannot be taken
                return QBrush(ERROR_BACKGROUND) if role == Qt.ItemDataRole.BackgroundRole else problem
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PROGRAM:
            return entry.result.name
        return None

    def _problem(self, entry: ProgramEntry) -> str:
        try:
            self.flow.parsed_amount(entry)
        except ValueError as exc:
            return str(exc)
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != self.AMOUNT:
            return False
        self.entry(index.row()).text = "" if value is None else str(value).strip()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.edited.emit()
        return True
