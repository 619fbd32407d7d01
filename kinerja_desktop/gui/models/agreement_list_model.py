"""The year's Perjanjian Kinerja per OPD, with its own status filter, search and sorting (on raw values).

Filtering and sorting happen inside the model on Python lists (STACK.md: a proxy over a Python model is
slow on large tables).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.enums import AgreementStatus
from ...domain.formatting import format_date, format_number, format_rupiah
from ...services.agreement_data import AgreementRow
from . import ID_ROLE, SORT_ROLE
from .sort_proxy import sort_key

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
MUTED = QColor(110, 110, 110)
SIGNED = QColor(27, 94, 32)
OPD_ROLE = Qt.ItemDataRole.UserRole + 3


class StatusFilter(StrEnum):
    ALL = "semua"
    NONE = "belum"
    DRAFT = "draf"
    FINAL = "final"
    SIGNED = "ditandatangani"
    AMENDED = "perubahan"

    @property
    def label(self) -> str:
        return {
            StatusFilter.ALL: "Semua status",
            StatusFilter.NONE: "Belum ada PK",
            StatusFilter.DRAFT: "Draf",
            StatusFilter.FINAL: "Final",
            StatusFilter.SIGNED: "Ditandatangani",
            StatusFilter.AMENDED: "Perubahan",
        }[self]

    def accepts(self, row: AgreementRow) -> bool:
        if self is StatusFilter.ALL:
            return True
        if self is StatusFilter.NONE:
            return row.status is None
        if self is StatusFilter.AMENDED:
            return row.version_no > 1
        wanted = {
            StatusFilter.DRAFT: AgreementStatus.DRAFT,
            StatusFilter.FINAL: AgreementStatus.FINAL,
            StatusFilter.SIGNED: AgreementStatus.SIGNED,
        }[self]
        return row.status is wanted


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementListModel", text)


def version_text(version_no: int) -> str:
    if version_no == 0:
        return "—"
    if version_no == 1:
        return _tr("Awal")
    return _tr("Perubahan ke-{0}").format(version_no - 1)


class AgreementListModel(QAbstractTableModel):
    CODE, NAME, VERSION, STATUS, ITEMS, BUDGET, SIGNED_ON, PACT = range(8)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[AgreementRow] = []
        self._rows: list[AgreementRow] = []
        self._pacts: dict[str, date | None] = {}
        self._filter = StatusFilter.ALL
        self._terms: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] = (self.CODE, Qt.SortOrder.AscendingOrder)

    def headers(self) -> list[str]:
        return [
            _tr("Kode"),
            _tr("Perangkat daerah"),
            _tr("Versi"),
            _tr("Status"),
            _tr("Indikator"),
            _tr("Total anggaran"),
            _tr("Ditandatangani"),
            _tr("Pakta Integritas"),
        ]

    # -- content --------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[AgreementRow], pacts: dict[str, date | None] | None = None) -> None:
        """All OPDs of the year; ``pacts`` maps an OPD id to the date its Pakta Integritas was signed."""
        self.beginResetModel()
        self._all = list(rows)
        self._pacts = dict(pacts or {})
        self._apply()
        self.endResetModel()

    def set_status_filter(self, status: StatusFilter) -> None:
        self._reset(lambda: setattr(self, "_filter", status))

    def set_search(self, text: str) -> None:
        self._reset(lambda: setattr(self, "_terms", text.casefold().split()))

    def _reset(self, change: Callable[[], None]) -> None:
        self.beginResetModel()
        change()
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        rows = [r for r in self._all if self._filter.accepts(r) and self._matches(r)]
        column, order = self._sort
        # Empty values (no PK yet) stay at the bottom in both directions.
        filled = [r for r in rows if self._raw(r, column) is not None]
        empty = [r for r in rows if self._raw(r, column) is None]
        filled.sort(key=lambda r: sort_key(self._raw(r, column)), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = filled + empty

    def _matches(self, row: AgreementRow) -> bool:
        if not self._terms:
            return True
        haystack = f"{row.opd_code} {row.opd_abbreviation} {row.opd_name}".casefold()
        return all(term in haystack for term in self._terms)

    def all_rows(self) -> list[AgreementRow]:
        return list(self._all)

    def row_at(self, row: int) -> AgreementRow:
        return self._rows[row]

    def row_of_opd(self, opd_id: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.opd_id == opd_id), None)

    def pact_date(self, opd_id: str) -> date | None:
        return self._pacts.get(opd_id)

    # -- Qt -------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in (self.ITEMS, self.BUDGET) else LEFT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._sort = (column, order)
        self._apply()
        # Keep persistent indexes (the selection) on the same rows.
        position = {id(r): n for n, r in enumerate(self._rows)}
        for index in self.persistentIndexList():
            if index.isValid() and index.row() < len(old):
                new_row = position.get(id(old[index.row()]))
                if new_row is not None:
                    self.changePersistentIndex(index, self.index(new_row, index.column()))
        self.layoutChanged.emit()

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
            return row.agreement_id
        if role == OPD_ROLE:
            return row.opd_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in (self.ITEMS, self.BUDGET) else LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status is None:
                return QBrush(MUTED)
            if column == self.STATUS and row.status is AgreementStatus.SIGNED:
                return QBrush(SIGNED)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return row.opd_name
        if role == Qt.ItemDataRole.ToolTipRole and column == self.VERSION and row.version_count > 1:
            return _tr("{0} versi tersimpan; lihat riwayat di penyunting").format(row.version_count)
        return None

    def _text(self, row: AgreementRow, column: int) -> str:
        if column == self.CODE:
            return row.opd_code
        if column == self.NAME:
            return row.opd_name
        if column == self.VERSION:
            return version_text(row.version_no)
        if column == self.STATUS:
            return _tr(row.status_label)
        if column == self.ITEMS:
            return format_number(row.item_count, 0) if row.status is not None else ""
        if column == self.BUDGET:
            return format_rupiah(row.total_budget) if row.status is not None else ""
        if column == self.SIGNED_ON:
            return format_date(row.sign_date) if row.status is AgreementStatus.SIGNED else ""
        pact = self._pacts.get(row.opd_id)
        return format_date(pact) if pact else ""

    def _raw(self, row: AgreementRow, column: int) -> Any:
        if column == self.CODE:
            # SIPD segments compared as numbers, so "7.01…10" comes after "7.01…2".
            return tuple(int(p) if p.isdigit() else 0 for p in row.opd_code.split("."))
        if column == self.VERSION:
            return row.version_no
        if column == self.STATUS:
            return (row.status is None, row.status_label)
        if column == self.ITEMS:
            return row.item_count if row.status is not None else None
        if column == self.BUDGET:
            return row.total_budget if row.status is not None else None
        if column == self.SIGNED_ON:
            return row.sign_date if row.status is AgreementStatus.SIGNED else None
        if column == self.PACT:
            return self._pacts.get(row.opd_id)
        return self._text(row, column)
