"""Perjanjian Kinerja: the year's agreements per OPD with status, items and total budget (read-only for now)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from ...domain.formatting import format_number, format_rupiah
from ...services import overview
from ...services.overview import AgreementRow
from ..models.record_table import RIGHT, Column, RecordTableModel
from ..models.sort_proxy import RawValueSortProxy
from ..views import setup_table
from .base import Screen, heading, note


class AgreementsScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordTableModel[AgreementRow](
            [
                Column(self.tr("Kode"), lambda r: r.opd_code),
                Column(self.tr("Perangkat daerah"), lambda r: r.opd_name),
                Column(self.tr("Versi"), self._version_text, lambda r: r.version_no),
                Column(self.tr("Status"), lambda r: r.status.label),
                Column(self.tr("Indikator"), lambda r: format_number(r.item_count, 0), lambda r: r.item_count, RIGHT),
                Column(
                    self.tr("Total anggaran"), lambda r: format_rupiah(r.total_budget), lambda r: r.total_budget, RIGHT
                ),
            ],
            self,
            row_id=lambda r: r.id,
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
        return self.tr("Perjanjian Kinerja")

    def _version_text(self, row: AgreementRow) -> str:
        if row.version_no <= 1:
            return self.tr("Awal")
        return self.tr("Perubahan ke-{0}").format(row.version_no - 1)

    def refresh(self) -> None:
        if self.db is None or self.year is None:
            self.model.set_rows([])
            self.summary.setText(self.tr("Belum ada tahun anggaran di basis data ini."))
            return
        rows = overview.agreements_for_year(self.db, self.year)
        self.model.set_rows(rows)
        if not rows:
            self.summary.setText(self.tr("Belum ada perjanjian kinerja tahun {0}.").format(self.year))
            return
        total = sum(r.total_budget for r in rows)
        self.summary.setText(
            self.tr("{0} perjanjian kinerja tahun {1}, total anggaran {2}. Hanya baca; penyusunan PK menyusul.").format(
                format_number(len(rows), 0), self.year, format_rupiah(total)
            )
        )
