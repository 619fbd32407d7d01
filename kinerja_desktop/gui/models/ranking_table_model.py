"""The ranking of OPDs for a quarter: sorted inside the model by raw values, filtered by a search text,
exported to CSV as Indonesian spreadsheets read it (``;`` between fields, ``97,89`` decimals, UTF-8 BOM)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from ...domain import DEFAULT_BANDS, PredicateBand
from ...domain.formatting import format_number
from ...services.csv_files import write_csv
from ...services.evaluation_data import RankingRow
from .evaluation_colors import ALERT, predicate_color
from .evaluation_sorted_model import SortedRecordModel
from .record_table import CENTER, RIGHT, Column

Index = QModelIndex | QPersistentModelIndex
# The roles this model answers otherwise than its columns; any other goes straight to them (most of the calls:
# sizing the columns, painting).
_BACKGROUND, _FOREGROUND = Qt.ItemDataRole.BackgroundRole.value, Qt.ItemDataRole.ForegroundRole.value


def _tr(text: str) -> str:
    return QCoreApplication.translate("RankingTableModel", text)


def efficiency_label(value: str | None) -> str:
    return {"efisien": "Efisien", "cukup efisien": "Cukup Efisien", "tidak efisien": "Tidak Efisien"}.get(
        value or "", ""
    )


def percent(value: Any) -> str:
    """``97,89 %``; empty when there is no value."""
    return "" if value is None else f"{format_number(value, 2)} %"


class RankingTableModel(SortedRecordModel[RankingRow]):
    RANK, ABBREVIATION, NAME, SCORE, PREDICATE, ABSORPTION, EFFICIENCY, FLAG = range(8)

    def __init__(self, parent: Any = None) -> None:
        columns: list[Column[RankingRow]] = [
            Column(_tr("Peringkat"), lambda r: str(r.rank) if r.rank else "–", lambda r: r.rank, CENTER),
            Column(_tr("Singkatan"), lambda r: r.opd_abbreviation),
            Column(_tr("Perangkat daerah"), lambda r: r.opd_name, tooltip=lambda r: f"{r.opd_code}\n{r.opd_name}"),
            Column(_tr("Nilai"), lambda r: format_number(r.score, 2, empty="–"), lambda r: r.score, RIGHT),
            Column(_tr("Predikat"), lambda r: r.predicate or "–", self._predicate_rank, CENTER,
                   lambda r: predicate_color(r.predicate, self.bands)),
            Column(_tr("Serapan"), lambda r: percent(r.absorption) or "–", lambda r: r.absorption, RIGHT),
            Column(_tr("Efisiensi"), lambda r: efficiency_label(r.efficiency) or "–", self._efficiency_rank),
            Column(_tr("Keterangan"), lambda r: r.note, lambda r: r.note or None,
                   color=lambda r: ALERT if r.note else None),
        ]
        super().__init__(columns, parent, row_id=lambda r: r.opd_id)
        self.bands: Sequence[PredicateBand] = DEFAULT_BANDS
        self._all: list[RankingRow] = []
        self._terms: list[str] = []

    def _predicate_rank(self, row: RankingRow) -> int | None:
        labels = [b.label for b in sorted(self.bands, key=lambda b: b.lower, reverse=True)]
        return labels.index(row.predicate) if row.predicate in labels else None

    @staticmethod
    def _efficiency_rank(row: RankingRow) -> int | None:
        order = ("efisien", "cukup efisien", "tidak efisien")
        return order.index(row.efficiency) if row.efficiency in order else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != _BACKGROUND and role != _FOREGROUND:
            return super().data(index, role)
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.column() == self.PREDICATE:
            row = self.row_at(index.row())
            if row.predicate:
                color = predicate_color(row.predicate, self.bands)
                color.setAlpha(60)
                return QBrush(color)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.PREDICATE:
            return None  # the background carries the band; the text stays readable
        return super().data(index, role)

    # -- rows and filter -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[RankingRow]) -> None:
        self._all = list(rows)
        super().set_rows(self._matching())

    def all_rows(self) -> list[RankingRow]:
        return list(self._all)

    def set_filter(self, text: str) -> None:
        """Show the OPDs whose abbreviation, name, code, predicate or remark contains every word."""
        self._terms = text.casefold().split()
        super().set_rows(self._matching())

    def _matching(self) -> list[RankingRow]:
        if not self._terms:
            return list(self._all)
        result = []
        for row in self._all:
            haystack = " ".join(
                (row.opd_code, row.opd_abbreviation, row.opd_name, row.predicate or "", row.note)
            ).casefold()
            if all(term in haystack for term in self._terms):
                result.append(row)
        return result

    def row_of(self, opd_id: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.opd_id == opd_id), None)


CSV_HEADER = (
    "Peringkat",
    "Kode",
    "Singkatan",
    "Perangkat Daerah",
    "Nilai",
    "Predikat",
    "Serapan (%)",
    "Efisiensi",
    "Jumlah indikator",
    "Indikator belum diisi",
    "Keterangan",
)


def write_ranking_csv(path: str | Path, rows: Sequence[RankingRow]) -> Path:
    """Write the rows shown (in their order) as CSV; numbers with a decimal comma, as typed in Indonesia."""
    return write_csv(
        path,
        CSV_HEADER,
        (
            (
                r.rank or "",
                r.opd_code,
                r.opd_abbreviation,
                r.opd_name,
                format_number(r.score, 2),
                r.predicate or "",
                format_number(r.absorption, 2),
                efficiency_label(r.efficiency),
                r.indicator_count,
                r.missing,
                r.note,
            )
            for r in rows
        ),
    )
