"""The wizard's realisation table: target to date, the realisation typed for the quarter (editable),
the realisation to date and the live capaian with its colour, for each indicator of the PK."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from ...domain.enums import Cumulation
from ...domain.evaluation import ResultState
from ...domain.formatting import format_number
from ..evaluation_flow import EvaluationFlow, IndicatorEntry
from . import SORT_ROLE
from .evaluation_colors import capaian_background, capaian_color
from .record_table import ALERT, ERROR_BACKGROUND, MUTED, RIGHT

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("RealizationEntryModel", text)


def target_text(target: Any, high: Any = None, grade: str | None = None) -> str:
    if grade:
        return grade
    if target is None:
        return "–"
    if high is not None:
        return f"{format_number(target, None)}–{format_number(high, None)}"
    return format_number(target, None)


CUMULATION_HINT = {
    Cumulation.SUMMED: "dijumlahkan",
    Cumulation.LAST_VALUE: "nilai akhir triwulan",
    Cumulation.AVERAGE: "rata-rata",
    Cumulation.FLAT: "tetap",
    Cumulation.RELEASED: "dirilis instansi lain",
}


class RealizationEntryModel(QAbstractTableModel):
    NUMBER, INDICATOR, UNIT, TARGET, VALUE, TO_DATE, CAPAIAN, STATE = range(8)
    edited = Signal()

    def __init__(self, flow: EvaluationFlow, parent: Any = None) -> None:
        super().__init__(parent)
        self.flow = flow

    def reload(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def entry(self, row: int) -> IndicatorEntry:
        return self.flow.entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.flow.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _tr("No"),
                _tr("Indikator"),
                _tr("Satuan"),
                _tr("Target s.d. TW"),
                _tr("Realisasi TW"),
                _tr("Realisasi s.d. TW"),
                _tr("Capaian"),
                _tr("Keterangan"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.TARGET: _tr("Target kumulatif sampai triwulan ini (Rencana Aksi)"),
                self.VALUE: _tr("Realisasi triwulan ini, diisi perangkat daerah"),
                self.TO_DATE: _tr("Realisasi kumulatif sampai triwulan ini, menurut aturan kumulasi indikator"),
                self.CAPAIAN: _tr("Capaian terhadap target s.d. triwulan (belum dibatasi)"),
            }.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.VALUE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry(index.row())
        r = entry.result
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.VALUE:
                return entry.text
            if role == Qt.ItemDataRole.EditRole:
                return None
            reading = self.flow.reading(entry)
            if column == self.NUMBER:
                return str(index.row() + 1)
            if column == self.INDICATOR:
                return r.name
            if column == self.UNIT:
                return r.unit
            if column == self.TARGET:
                return target_text(r.target_to_date, r.target_high, r.target_grade)
            if column == self.TO_DATE:
                if entry.is_qualitative:
                    return reading.grade or ""
                return format_number(reading.realization_to_date, None)
            if column == self.CAPAIAN:
                return f"{format_number(reading.capaian, 2)} %" if reading.capaian is not None else "–"
            if column == self.STATE:
                return reading.note or ("" if reading.state.counted else reading.state.label)
        if role == SORT_ROLE and column == self.CAPAIAN:
            return self.flow.reading(entry).capaian
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TARGET, self.VALUE, self.TO_DATE,
                                                                    self.CAPAIAN):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.CAPAIAN:
                color = capaian_color(self.flow.reading(entry).capaian, self.flow.settings.warning_threshold)
                return QBrush(color) if color is not None else None
            if column == self.STATE:
                return QBrush(ALERT if self.flow.reading(entry).state is ResultState.INVALID else MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.CAPAIAN:
            color = capaian_background(self.flow.reading(entry).capaian, self.flow.settings.warning_threshold)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.BackgroundRole and column == self.VALUE and self._refused(entry):
            return QBrush(ERROR_BACKGROUND)  # the cell itself says that what was typed cannot be taken
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.INDICATOR:
                return f"{r.sasaran}\n{r.name}"
            if column == self.VALUE and self._refused(entry):
                return self.flow.reading(entry).note
            if column == self.VALUE:
                scale = entry.scale
                if scale is not None:
                    return _tr("Pilih tingkat: {0}").format(", ".join(scale.grades))
                earlier = ", ".join(
                    f"TW {'I II III IV'.split()[q]}: {format_number(v, None)}"
                    for q, v in enumerate(r.quarter_values[: (self.flow.quarter or 1) - 1])
                    if v is not None
                )
                hint = _tr("Aturan kumulasi: {0}").format(CUMULATION_HINT.get(r.cumulation, ""))
                return f"{hint}\n{earlier}" if earlier else hint
        return None

    def _refused(self, entry: IndicatorEntry) -> bool:
        return bool(entry.text.strip()) and self.flow.reading(entry).state is ResultState.INVALID

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != self.VALUE:
            return False
        self.entry(index.row()).text = "" if value is None else str(value).strip()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.edited.emit()
        return True
