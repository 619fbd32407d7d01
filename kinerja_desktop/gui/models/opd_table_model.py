"""The table of perangkat daerah: rows from ``services.opd.list_opds``, sortable on raw values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...services.opd import OpdRow
from . import ID_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
INACTIVE = QColor(120, 120, 120)


class OpdTableModel(QAbstractTableModel):
    CODE, ABBREVIATION, NAME, KIND, HEAD, STATUS = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OpdRow] = []

    def headers(self) -> list[str]:
        tr = QCoreApplication.translate
        return [
            tr("OpdTableModel", "Kode"),
            tr("OpdTableModel", "Singkatan"),
            tr("OpdTableModel", "Nama perangkat daerah"),
            tr("OpdTableModel", "Jenis"),
            tr("OpdTableModel", "Kepala"),
            tr("OpdTableModel", "Status"),
        ]

    def set_rows(self, rows: Sequence[OpdRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> OpdRow:
        return self._rows[row]

    def row_of(self, opd_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == opd_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._raw(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and not row.is_active:
            return QBrush(INACTIVE)
        if role == Qt.ItemDataRole.FontRole and not row.is_active and column == self.STATUS:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole and column == self.HEAD and row.head_name:
            return f"{row.head_name}\n{row.head_position}\nNIP {row.head_nip}" if row.head_nip else row.head_position
        return None

    def _text(self, row: OpdRow, column: int) -> str:
        tr = QCoreApplication.translate
        if column == self.CODE:
            return row.code
        if column == self.ABBREVIATION:
            return row.abbreviation
        if column == self.NAME:
            return row.name
        if column == self.KIND:
            return tr("OpdKind", row.kind.label)
        if column == self.HEAD:
            return row.head_name or tr("OpdTableModel", "(belum diisi)")
        return tr("OpdTableModel", "Aktif") if row.is_active else tr("OpdTableModel", "Nonaktif")

    def _raw(self, row: OpdRow, column: int) -> Any:
        if column == self.CODE:
            # SIPD segments compared as numbers, so "7.01…10" comes after "7.01…2".
            return tuple(int(p) if p.isdigit() else p for p in row.code.split("."))
        if column == self.KIND:
            return row.kind.label
        if column == self.HEAD:
            return row.head_name or None
        if column == self.STATUS:
            return not row.is_active
        return self._text(row, column)

    def search_text(self, row: int) -> str:
        """What the search box looks in: code, abbreviation, name, head's name and NIP."""
        r = self._rows[row]
        return " ".join((r.code, r.abbreviation, r.name, r.head_name, r.head_nip)).casefold()
