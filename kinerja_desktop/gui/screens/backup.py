"""Cadangan & Paket: what the open database is (path, size, schema, safety copies) and an integrity check.

The integrity check runs off the GUI thread; backups and field packages come with a later issue.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.formatting import format_date, format_number
from ...services import overview
from ...services.overview import SafetyCopy
from ..models.record_table import RIGHT, Column, RecordTableModel
from ..views import setup_table
from ..workers import TaskRunner
from .base import Screen, heading, note


def format_size(size: int | None) -> str:
    """``1,25 MB`` in Indonesian number format."""
    if size is None:
        return "—"
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{format_number(Decimal(size) / factor, 2)} {unit}"
    return f"{format_number(size, 0)} bita"


def format_datetime(value: datetime) -> str:
    return f"{format_date(value.date())}, {value:%H.%M}"


class BackupScreen(Screen):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.checking = False
        self.location_value = QLabel()
        self.location_value.setWordWrap(True)
        self.size_value = QLabel()
        self.revision_value = QLabel()
        info_box = QGroupBox(self.tr("Basis data yang terbuka"))
        info = QFormLayout(info_box)
        info.addRow(self.tr("Berkas:"), self.location_value)
        info.addRow(self.tr("Ukuran:"), self.size_value)
        info.addRow(self.tr("Revisi skema:"), self.revision_value)

        self.copies = RecordTableModel[SafetyCopy](
            [
                Column(self.tr("Berkas"), lambda c: c.path.name),
                Column(self.tr("Ukuran"), lambda c: format_size(c.size), lambda c: c.size, RIGHT),
                Column(self.tr("Dibuat"), lambda c: format_datetime(c.modified), lambda c: c.modified),
            ],
            self,
        )
        self.copies_view = QTableView()
        self.copies_view.setModel(self.copies)
        setup_table(self.copies_view, stretch_column=0, sortable=False)
        self.copies_note = note()
        copies_box = QGroupBox(self.tr("Salinan pengaman sebelum pembaruan skema"))
        copies_layout = QVBoxLayout(copies_box)
        copies_layout.addWidget(self.copies_note)
        copies_layout.addWidget(self.copies_view)

        self.check_button = QPushButton(self.tr("&Periksa integritas"))
        self.check_button.clicked.connect(self.start_integrity_check)
        self.check_result = note(self.tr("Belum diperiksa sejak basis data dibuka."))
        check_box = QGroupBox(self.tr("Integritas"))
        check_layout = QHBoxLayout(check_box)
        check_layout.addWidget(self.check_button)
        check_layout.addWidget(self.check_result, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(info_box)
        layout.addWidget(check_box)
        layout.addWidget(copies_box)
        layout.addStretch()
        self._layout = layout
        self._copies_box = copies_box

    def title(self) -> str:
        return self.tr("Cadangan & Paket")

    def set_context(self, db, year):  # noqa: ANN001, ANN201 - same signature as Screen
        if db is not self.db:
            self.check_result.setText(self.tr("Belum diperiksa sejak basis data dibuka."))
        super().set_context(db, year)

    def refresh(self) -> None:
        if self.db is None:
            return
        info = overview.database_info(self.db)
        self.location_value.setText(info.location)
        self.size_value.setText(format_size(info.size))
        self.revision_value.setText(info.revision or self.tr("tidak diketahui"))
        self.copies.set_rows(info.safety_copies)
        self.copies_view.setVisible(bool(info.safety_copies))
        # The list takes the free height when there is one; otherwise the page stays compact at the top.
        self._layout.setStretchFactor(self._copies_box, 1 if info.safety_copies else 0)
        if info.safety_copies:
            self.copies_note.setText(
                self.tr("Dibuat otomatis sebelum skema diperbarui, di folder yang sama dengan basis data.")
            )
        else:
            self.copies_note.setText(self.tr("Tidak ada salinan pengaman di samping berkas basis data."))
        self.check_button.setEnabled(not self.checking)

    def start_integrity_check(self) -> None:
        if self.db is None or self.checking:
            return
        self.checking = True
        self.check_button.setEnabled(False)
        self.check_result.setText(self.tr("Memeriksa integritas basis data…"))
        self.runner.run(overview.integrity_check, self.db, on_success=self._check_done, on_failure=self._check_failed)

    def _check_done(self, rows: list[str]) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        when = format_datetime(datetime.now())
        if rows == ["ok"]:
            self.check_result.setText(self.tr("Baik: tidak ditemukan kerusakan (diperiksa {0}).").format(when))
        else:
            shown = "\n".join(rows[:10])
            self.check_result.setText(
                self.tr("Ditemukan {0} masalah (diperiksa {1}). Pulihkan dari cadangan terakhir:\n{2}").format(
                    len(rows), when, shown
                )
            )

    def _check_failed(self, error: BaseException) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        self.check_result.setText(self.tr("Pemeriksaan gagal: {0}").format(error))
