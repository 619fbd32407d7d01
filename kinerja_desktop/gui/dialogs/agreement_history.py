"""The versions of one OPD's PK for a year (awal, Perubahan ke-1 …) and what changed between two of them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...domain.formatting import format_date
from ...services import agreements as agreement_service
from ...services.agreement_data import VersionChange, VersionInfo
from ...services.errors import ValidationError
from ..models import ID_ROLE
from ..models.agreement_list_model import version_text
from ..models.record_table import Column, RecordTableModel
from ..views import setup_table


class VersionHistoryPanel(QWidget):
    """Lists the versions; "Bandingkan" shows ``compare_versions`` of the two chosen ones in a table."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.current_id: str | None = None
        self.versions = RecordTableModel[VersionInfo](
            [
                Column(self.tr("Versi"), lambda v: version_text(v.version_no), lambda v: v.version_no),
                Column(self.tr("Status"), lambda v: self.tr(v.status.label)),
                Column(self.tr("Ditandatangani"), lambda v: format_date(v.sign_date), lambda v: v.sign_date),
                Column(self.tr("Alasan perubahan"), lambda v: v.amendment_reason, tooltip=lambda v: v.amendment_reason),
            ],
            self,
            row_id=lambda v: v.id,
        )
        self.versions_view = QTableView()
        self.versions_view.setModel(self.versions)
        setup_table(self.versions_view, stretch_column=3, sortable=False)
        self.versions_view.doubleClicked.connect(lambda _index: self._open_selected())
        self.open_button = QPushButton(self.tr("Buka versi ini"))
        self.open_button.clicked.connect(self._open_selected)

        self.older_combo = QComboBox()
        self.newer_combo = QComboBox()
        self.compare_button = QPushButton(self.tr("Bandin&gkan"))
        self.compare_button.clicked.connect(self.compare)
        self.changes = RecordTableModel[VersionChange](
            [
                Column(self.tr("Bagian"), lambda c: self.tr(c.section)),
                Column(self.tr("Hal"), lambda c: c.subject, tooltip=lambda c: c.subject),
                Column(self.tr("Sebelum"), lambda c: c.before, tooltip=lambda c: c.before),
                Column(self.tr("Sesudah"), lambda c: c.after, tooltip=lambda c: c.after),
            ],
            self,
        )
        self.changes_view = QTableView()
        self.changes_view.setModel(self.changes)
        setup_table(self.changes_view, stretch_column=1, sortable=False)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.versions_view)
        top_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Bandingkan versi")))
        choose.addWidget(self.older_combo)
        choose.addWidget(QLabel(self.tr("dengan")))
        choose.addWidget(self.newer_combo)
        choose.addWidget(self.compare_button)
        choose.addStretch()
        bottom_layout.addLayout(choose)
        bottom_layout.addWidget(self.result_label)
        bottom_layout.addWidget(self.changes_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 2)
        lines = self.fontMetrics().lineSpacing()
        splitter.setSizes([lines * 9, lines * 20])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def set_versions(self, db: Database, versions: Sequence[VersionInfo], current_id: str) -> None:
        self.db = db
        self.current_id = current_id
        self.versions.set_rows(versions)
        for combo in (self.older_combo, self.newer_combo):
            combo.clear()
            for version in versions:
                combo.addItem(f"{version_text(version.version_no)} ({self.tr(version.status.label)})", version.id)
        several = len(versions) > 1
        for widget in (self.older_combo, self.newer_combo, self.compare_button):
            widget.setEnabled(several)
        self.changes.set_rows([])
        if several:
            current = next((n for n, v in enumerate(versions) if v.id == current_id), len(versions) - 1)
            newer = max(current, 1)
            self.newer_combo.setCurrentIndex(newer)
            self.older_combo.setCurrentIndex(newer - 1)
            self.result_label.setText(self.tr("Pilih dua versi lalu klik Bandingkan."))
        else:
            self.result_label.setText(self.tr("Baru ada satu versi; perbandingan tersedia setelah ada PK Perubahan."))
        for row in range(self.versions.rowCount()):
            if self.versions.index(row, 0).data(ID_ROLE) == current_id:
                self.versions_view.selectRow(row)

    def compare(self) -> None:
        older, newer = self.older_combo.currentData(), self.newer_combo.currentData()
        if self.db is None or not older or not newer:
            return
        if older == newer:
            self.changes.set_rows([])
            self.result_label.setText(self.tr("Pilih dua versi yang berbeda."))
            return
        try:
            changes = agreement_service.compare_versions(self.db, older, newer)
        except (ValidationError, KinerjaDbError) as exc:
            self.changes.set_rows([])
            self.result_label.setText(str(exc))
            return
        self.changes.set_rows(changes)
        if changes:
            self.result_label.setText(
                self.tr("{0} perbedaan antara {1} dan {2}:").format(
                    len(changes), self.older_combo.currentText(), self.newer_combo.currentText()
                )
            )
        else:
            self.result_label.setText(self.tr("Tidak ada perbedaan isi antara kedua versi."))

    def _open_selected(self) -> None:
        rows = self.versions_view.selectionModel().selectedRows()
        if rows:
            agreement_id = rows[0].data(ID_ROLE)
            if agreement_id and agreement_id != self.current_id:
                self.open_requested.emit(agreement_id)
