"""Evaluasi Triwulan: per OPD, how many indicators were reported each quarter ("belum lapor" where none)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from ...domain.enums import Quarter
from ...domain.formatting import format_number
from ...services import overview
from ...services.overview import ReportingRow
from ..models.record_table import ALERT, CENTER, RIGHT, Column, RecordTableModel
from ..models.sort_proxy import RawValueSortProxy
from ..views import setup_table
from .base import Screen, heading, note


class EvaluationScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns: list[Column[ReportingRow]] = [
            Column(self.tr("Kode"), lambda r: r.code),
            Column(self.tr("Perangkat daerah"), lambda r: r.name),
            Column(
                self.tr("Indikator"), lambda r: format_number(r.indicator_count, 0), lambda r: r.indicator_count, RIGHT
            ),
        ]
        for quarter in overview.QUARTERS:
            columns.append(self._quarter_column(quarter))
        self.model = RecordTableModel[ReportingRow](columns, self, row_id=lambda r: r.opd_id)
        self.proxy = RawValueSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        setup_table(self.table, stretch_column=1)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.summary = note()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def _quarter_column(self, quarter: int) -> Column[ReportingRow]:
        def text(row: ReportingRow) -> str:
            if not row.indicator_count:
                return self.tr("tanpa indikator")
            done = row.reported[quarter - 1]
            if not done:
                return self.tr("belum lapor")
            return self.tr("{0} dari {1}").format(format_number(done, 0), format_number(row.indicator_count, 0))

        def color(row: ReportingRow):  # noqa: ANN202
            return ALERT if row.indicator_count and not row.reported[quarter - 1] else None

        return Column(
            self.tr("TW {0}").format(Quarter(quarter).roman),
            text,
            lambda r: r.reported[quarter - 1] if r.indicator_count else None,
            CENTER,
            color,
            lambda r: Quarter(quarter).label,
        )

    def title(self) -> str:
        return self.tr("Evaluasi Triwulan")

    def refresh(self) -> None:
        if self.db is None or self.year is None:
            self.model.set_rows([])
            self.summary.setText(self.tr("Belum ada tahun anggaran di basis data ini."))
            return
        rows = overview.reporting_completeness(self.db, self.year)
        self.model.set_rows(rows)
        self.summary.setText(
            self.tr(
                "Indikator yang realisasinya sudah diisi per triwulan, tahun {0}. Hanya baca; "
                "pengisian realisasi menyusul."
            ).format(self.year)
        )
