"""Beranda: the regency, its active OPDs, the year's agreements by status and who reported each quarter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from ...domain.enums import AgreementStatus, Quarter
from ...domain.formatting import format_number
from ...services import overview
from ..models.record_table import RIGHT, Column, RecordTableModel
from ..views import setup_table
from .base import Screen, heading, note


@dataclass(frozen=True)
class _Line:
    label: str
    value: int
    of: int | None = None


class HomeScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.regency_label = heading("")
        self.sample_label = note()
        self.active_value = QLabel()
        self.inactive_value = QLabel()
        counts = QFormLayout()
        counts.addRow(self.tr("Perangkat daerah aktif:"), self.active_value)
        counts.addRow(self.tr("Perangkat daerah nonaktif:"), self.inactive_value)

        self.agreements = RecordTableModel[_Line](
            [
                Column(self.tr("Status"), lambda r: r.label),
                Column(self.tr("Jumlah"), lambda r: format_number(r.value, 0), lambda r: r.value, RIGHT),
            ],
            self,
        )
        self.reporting = RecordTableModel[_Line](
            [
                Column(self.tr("Triwulan"), lambda r: r.label),
                Column(self.tr("Perangkat daerah melapor"), self._of_text, lambda r: r.value, RIGHT),
            ],
            self,
        )
        self.agreements_box, self.agreements_view = self._table_box(self.agreements)
        self.reporting_box, self.reporting_view = self._table_box(self.reporting)
        self.reporting_note = note()
        self.reporting_box.layout().addWidget(self.reporting_note)
        tables = QHBoxLayout()
        tables.addWidget(self.agreements_box)
        tables.addWidget(self.reporting_box)
        tables.setAlignment(self.agreements_box, Qt.AlignmentFlag.AlignTop)
        tables.setAlignment(self.reporting_box, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addWidget(self.regency_label)
        layout.addWidget(self.sample_label)
        layout.addLayout(counts)
        layout.addLayout(tables)
        layout.addStretch()

    def _table_box(self, model: RecordTableModel[_Line]) -> tuple[QGroupBox, QTableView]:
        box = QGroupBox()
        view = QTableView()
        view.setModel(model)
        setup_table(view, stretch_column=0, sortable=False)
        view.setSizeAdjustPolicy(QTableView.SizeAdjustPolicy.AdjustToContents)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(view)
        return box, view

    def _of_text(self, line: _Line) -> str:
        if line.of is None:
            return format_number(line.value, 0)
        return self.tr("{0} dari {1}").format(format_number(line.value, 0), format_number(line.of, 0))

    def title(self) -> str:
        return self.tr("Beranda")

    def refresh(self) -> None:
        if self.db is None:
            return
        data = overview.summary(self.db, self.year)
        self.regency_label.setText(data.regency_name or self.tr("Pemerintah daerah belum diatur"))
        self.sample_label.setText(
            self.tr("Basis data ini berisi data contoh fiktif, bukan untuk pekerjaan nyata.") if data.is_sample else ""
        )
        self.sample_label.setVisible(data.is_sample)
        self.active_value.setText(format_number(data.active_opds, 0))
        self.inactive_value.setText(format_number(data.inactive_opds, 0))
        year = str(self.year) if self.year else "—"
        self.agreements_box.setTitle(self.tr("Perjanjian kinerja tahun {0}").format(year))
        self.reporting_box.setTitle(self.tr("Pelaporan triwulan tahun {0}").format(year))
        self.agreements.set_rows(
            [_Line(status.label, data.agreements_by_status.get(status, 0)) for status in AgreementStatus]
        )
        self.reporting.set_rows(
            [
                _Line(Quarter(q).label, data.reported_by_quarter.get(q, 0), data.opds_with_indicators)
                for q in overview.QUARTERS
            ]
            if self.year
            else []
        )
        self.reporting_note.setText(
            self.tr(
                "Dihitung dari {0} perangkat daerah aktif yang memiliki indikator Renstra pada tahun ini; "
                "melapor = sedikitnya satu realisasi indikator terisi."
            ).format(format_number(data.opds_with_indicators, 0))
        )
