"""The programs of a PK with their budget (pagu, whole rupiah) and the computed total ("Jumlah")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...domain.formatting import format_rupiah
from ...services.agreement_data import ProgramData

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementProgramsModel", text)


class AgreementProgramsModel(QAbstractTableModel):
    NUMBER, CODE, NAME, BUDGET, NOTE = range(5)
    changed = Signal()
    total_changed = Signal(object)  # int rupiah; may exceed 32 bits

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._programs: list[ProgramData] = []
        self.editable = False

    def headers(self) -> list[str]:
        return [_tr("No"), _tr("Kode"), _tr("Program"), _tr("Anggaran"), _tr("Keterangan")]

    # -- content --------------------------------------------------------------------------------------
    def set_programs(self, programs: Sequence[ProgramData], *, editable: bool) -> None:
        self.beginResetModel()
        self._programs = [replace(p) for p in programs]
        self.editable = editable
        self.endResetModel()
        self.total_changed.emit(self.total())

    def programs(self) -> list[ProgramData]:
        return [replace(p) for p in self._programs]

    def program_at(self, row: int) -> ProgramData:
        return self._programs[row]

    def total(self) -> int:
        return sum(p.budget for p in self._programs)

    def keys(self) -> set[str]:
        return {p.program_id or p.code or p.name for p in self._programs}

    def append(self, programs: Sequence[ProgramData]) -> None:
        if not programs:
            return
        first = len(self._programs)
        self.beginInsertRows(QModelIndex(), first, first + len(programs) - 1)
        self._programs.extend(replace(p, id=None) for p in programs)
        self.endInsertRows()
        self._changed()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._programs):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._programs[row]
            self.endRemoveRows()
            self._changed()

    def _changed(self) -> None:
        self.changed.emit()
        self.total_changed.emit(self.total())

    # -- Qt -------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._programs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in (self.NUMBER, self.BUDGET) else LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.column() != self.NUMBER:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        program = self._programs[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return str(index.row() + 1)
            if column == self.BUDGET:
                return format_rupiah(program.budget)
            return self._text(program, column)
        if role == Qt.ItemDataRole.EditRole:
            return program.budget if column == self.BUDGET else self._text(program, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in (self.NUMBER, self.BUDGET) else LEFT
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return program.name
        return None

    def _text(self, program: ProgramData, column: int) -> str:
        if column == self.CODE:
            return program.code
        if column == self.NAME:
            return program.name
        if column == self.NOTE:
            return program.note
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        program = self._programs[index.row()]
        column = index.column()
        if column == self.BUDGET:
            program.budget = int(value)
        elif column == self.CODE:
            program.code = str(value).strip()
        elif column == self.NAME:
            program.name = str(value).strip()
        elif column == self.NOTE:
            program.note = str(value).strip()
        else:
            return False
        self.dataChanged.emit(index, index)
        self._changed()
        return True
