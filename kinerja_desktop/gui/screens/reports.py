"""Laporan: a recap of reporting completeness per OPD for the year (read-only for now)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from ...domain.enums import Quarter
from ...domain.formatting import format_number
from ...services import overview
from ...services.overview import ReportingRow
from ..models.record_table import ALERT, LEFT, RIGHT, Column, RecordTableModel
from ..models.sort_proxy import RawValueSortProxy
from ..views import setup_table
from .base import Screen, heading, note


class ReportsScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordTableModel[ReportingRow](
            [
                Column(self.tr("Kode"), lambda r: r.code),
                Column(self.tr("Perangkat daerah"), lambda r: r.name),
                Column(
                    self.tr("Indikator"),
                    lambda r: format_number(r.indicator_count, 0),
                    lambda r: r.indicator_count,
                    RIGHT,
                ),
                Column(self.tr("Laporan masuk"), self._received_text, lambda r: r.reports_received, RIGHT),
                Column(self.tr("Kelengkapan"), self._completeness_text, lambda r: r.completeness, RIGHT),
                Column(self.tr("Triwulan belum lapor"), self._missing_text, self._missing_count, LEFT, self._color),
            ],
            self,
            row_id=lambda r: r.opd_id,
        )
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

    def title(self) -> str:
        return self.tr("Laporan")

    def _received_text(self, row: ReportingRow) -> str:
        return self.tr("{0} dari {1}").format(
            format_number(row.reports_received, 0), format_number(row.indicator_count * 4, 0)
        )

    def _completeness_text(self, row: ReportingRow) -> str:
        value = row.completeness
        return "—" if value is None else f"{format_number(value, 2)} %"

    @staticmethod
    def _missing_count(row: ReportingRow) -> int | None:
        return sum(1 for n in row.reported if n == 0) if row.indicator_count else None

    def _missing_text(self, row: ReportingRow) -> str:
        if not row.indicator_count:
            return self.tr("tanpa indikator")
        missing = [Quarter(q).roman for q in overview.QUARTERS if row.reported[q - 1] == 0]
        return ", ".join(missing) if missing else self.tr("lengkap")

    @staticmethod
    def _color(row: ReportingRow):  # noqa: ANN205
        return ALERT if row.indicator_count and any(n == 0 for n in row.reported) else None

    def refresh(self) -> None:
        if self.db is None or self.year is None:
            self.model.set_rows([])
            self.summary.setText(self.tr("Belum ada tahun anggaran di basis data ini."))
            return
        rows = overview.reporting_completeness(self.db, self.year)
        self.model.set_rows(rows)
        expected = sum(r.indicator_count * 4 for r in rows)
        received = sum(r.reports_received for r in rows)
        percent = format_number(Decimal(received) * 100 / expected, 2) if expected else "—"
        self.summary.setText(
            self.tr(
                "Rekap kelengkapan pelaporan realisasi tahun {0}: {1} dari {2} laporan indikator masuk ({3} %). "
                "Cetak dan ekspor laporan menyusul."
            ).format(self.year, format_number(received, 0), format_number(expected, 0), percent)
        )
