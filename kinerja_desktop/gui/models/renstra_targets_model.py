"""The editable targets of one indicator: a row per year of the period, the yearly target and TW I–IV.

A last, read-only column checks each row live against the cumulation rule ("Jumlah TW: 90 ≠ target 100");
messages from the service (``targets[YEAR].FIELD``) are shown on the cell at fault.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.enums import Cumulation, Polarity
from ...domain.formatting import format_number
from ...domain.targets import QUARTER_FIELDS, target_problems
from ...services.renstra import TargetData

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ERROR_BACKGROUND = QColor(253, 228, 226)
ERROR_TEXT = QColor(179, 38, 30)
WARN_TEXT = QColor(161, 92, 0)
OK_TEXT = QColor(30, 120, 50)
MUTED = QColor(120, 120, 120)
DISABLED_BACKGROUND = QColor(238, 238, 238)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RenstraTargetsModel", text)


def _fmt(value: Decimal | None) -> str:
    return format_number(value, None)


@dataclass
class TargetRow:
    year: int
    target: Decimal | None = None
    target_high: Decimal | None = None
    target_grade: str | None = None
    quarters: list[Decimal | None] = field(default_factory=lambda: [None, None, None, None])

    def is_empty(self) -> bool:
        return self.target is None and not self.target_grade and all(q is None for q in self.quarters)


class RenstraTargetsModel(QAbstractTableModel):
    TARGET, TARGET_HIGH, Q1, Q2, Q3, Q4, CHECK = range(7)
    FIELDS = ("target", "target_high", *QUARTER_FIELDS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TargetRow] = []
        self._extra: list[TargetData] = []  # years outside the period: kept as they are
        self._errors: dict[tuple[int, str], str] = {}
        self.unit = ""
        self.polarity = Polarity.POSITIVE
        self.cumulation = Cumulation.LAST_VALUE
        self.qualitative = False

    # -- content -------------------------------------------------------------------------------------
    def set_targets(self, years: Sequence[int], targets: Sequence[TargetData]) -> None:
        by_year = {t.year: t for t in targets}
        self.beginResetModel()
        self._rows = []
        for year in years:
            t = by_year.pop(year, None)
            row = TargetRow(year)
            if t is not None:
                row.target, row.target_high, row.target_grade = t.target, t.target_high, t.target_grade
                row.quarters = list(t.quarters)
            self._rows.append(row)
        self._extra = list(by_year.values())
        self._errors.clear()
        self.endResetModel()

    def targets(self) -> list[TargetData]:
        rows = [
            TargetData(
                r.year,
                r.target,
                r.target_high if self.polarity is Polarity.RANGE else None,
                (r.target_grade or None) if self.qualitative else None,
                (r.quarters[0], r.quarters[1], r.quarters[2], r.quarters[3]),
            )
            for r in self._rows
        ]
        return rows + list(self._extra)

    def years(self) -> list[int]:
        return [r.year for r in self._rows]

    def row_of_year(self, year: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.year == year), None)

    def set_rules(self, *, unit: str, polarity: Polarity, cumulation: Cumulation, qualitative: bool) -> None:
        """The indicator's fields the live check depends on."""
        self.unit, self.polarity, self.cumulation, self.qualitative = unit, polarity, cumulation, qualitative
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.CHECK))

    # -- errors from the service ---------------------------------------------------------------------
    def set_errors(self, errors: dict[tuple[int, str], str]) -> None:
        self._errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.CHECK))

    def error_at(self, row: int, column: int) -> str:
        if column >= self.CHECK:
            return ""
        return self._errors.get((self._rows[row].year, self.FIELDS[column]), "")

    def has_errors(self) -> bool:
        return bool(self._errors)

    # -- the live check ------------------------------------------------------------------------------
    def check(self, row: int) -> tuple[str, QColor]:
        """A short verdict on the row: its quarters against the yearly target, or the first problem."""
        r = self._rows[row]
        if self.qualitative:
            return ("", MUTED) if r.target_grade else (_tr("belum ada target"), MUTED)
        if r.target is None and all(q is None for q in r.quarters):
            return _tr("belum direncanakan"), MUTED
        problems = target_problems(
            unit=self.unit,
            polarity=self.polarity,
            cumulation=self.cumulation,
            target=r.target,
            target_high=r.target_high if self.polarity is Polarity.RANGE else None,
            quarters=r.quarters,
        )
        other = [m for f, m in problems.items() if f not in QUARTER_FIELDS or "antara 0 dan 100" in m or "negatif" in m]
        if other:
            return other[0], ERROR_TEXT
        filled = [q for q in r.quarters if q is not None]
        assert r.target is not None
        if self.cumulation is Cumulation.RELEASED:
            return _tr("dirilis instansi lain: TW tidak diperiksa"), MUTED
        if not filled:
            return _tr("TW I–IV belum diisi"), WARN_TEXT
        if len(filled) < 4:
            return _tr("TW belum lengkap"), WARN_TEXT
        target = r.target
        if self.cumulation is Cumulation.SUMMED:
            total = sum(filled, Decimal(0))
            if total != target:
                return _tr("Jumlah TW: {0} ≠ target {1}").format(_fmt(total), _fmt(target)), ERROR_TEXT
            return _tr("Jumlah TW = target ✓"), OK_TEXT
        if self.cumulation is Cumulation.LAST_VALUE:
            if r.quarters[3] != target:
                return _tr("TW IV: {0} ≠ target {1}").format(_fmt(r.quarters[3]), _fmt(target)), ERROR_TEXT
            return _tr("TW IV = target ✓"), OK_TEXT
        if self.cumulation is Cumulation.AVERAGE:
            mean = sum(filled, Decimal(0)) / 4
            if mean != target:
                shown = format_number(mean, 2) if mean != mean.quantize(Decimal("0.0001")) else _fmt(mean)
                return _tr("Rata-rata TW: {0} ≠ target {1}").format(shown, _fmt(target)), ERROR_TEXT
            return _tr("Rata-rata TW = target ✓"), OK_TEXT
        for roman, q in zip(("I", "II", "III", "IV"), r.quarters, strict=True):
            if q != target:
                return _tr("TW {0}: {1} ≠ target {2}").format(roman, _fmt(q), _fmt(target)), ERROR_TEXT
        return _tr("Semua TW = target ✓"), OK_TEXT

    # -- Qt ------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Vertical:
                return str(self._rows[section].year) if section < len(self._rows) else None
            return [
                _tr("Target") if not self.qualitative else _tr("Target (predikat)"),
                _tr("Batas atas"),
                _tr("TW I"),
                _tr("TW II"),
                _tr("TW III"),
                _tr("TW IV"),
                _tr("Pemeriksaan"),
            ][section]
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return {
                self.TARGET: _tr("Target tahunan (batas bawah untuk indikator rentang)"),
                self.TARGET_HIGH: _tr("Batas atas rentang ideal"),
                self.CHECK: _tr("Pemeriksaan target triwulan terhadap target tahunan menurut cara kumulasi"),
            }.get(section, _tr("Rencana Aksi: target Triwulan {0}").format(("I", "II", "III", "IV")[section - 2]))
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal:
            return LEFT if section == self.CHECK else RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or index.column() == self.CHECK:
            return base
        if self.qualitative and index.column() != self.TARGET:
            return Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TARGET_HIGH and self.polarity is not Polarity.RANGE:
            return Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable

    def _value(self, row: TargetRow, column: int) -> Any:
        if column == self.TARGET:
            return row.target_grade if self.qualitative else row.target
        if column == self.TARGET_HIGH:
            return row.target_high
        return row.quarters[column - self.Q1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if column == self.CHECK:
            if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
                return self.check(index.row())[0]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(self.check(index.row())[1])
            return None
        error = self.error_at(index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            return self._value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(row, column)
            return value if isinstance(value, str) else (_fmt(value) if value is not None else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return QBrush(ERROR_BACKGROUND)
            if not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
                return QBrush(DISABLED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return QBrush(ERROR_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() == self.CHECK:
            return False
        row, column = self._rows[index.row()], index.column()
        if column == self.TARGET and self.qualitative:
            row.target_grade = str(value).strip() or None if value is not None else None
        elif isinstance(value, str):
            return False  # numbers arrive parsed (NumberDelegate)
        elif column == self.TARGET:
            row.target = value
        elif column == self.TARGET_HIGH:
            row.target_high = value
        else:
            row.quarters[column - self.Q1] = value
        # Editing a row answers the service's complaints about it; they come back on the next Simpan.
        self._errors = {k: v for k, v in self._errors.items() if k[0] != row.year}
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.CHECK))
        return True
