"""Cadangan & Paket, the open database's health: its file, size and schema, the integrity check (on the app's
runner) and the safety copies kept before schema upgrades."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...services import overview
from ...services.overview import SafetyCopy
from ..models.backup_formatting import format_datetime, format_size
from ..models.record_table import RIGHT, Column, RecordTableModel
from .backup_shared import Host, fit_rows, table
from .base import note


class HealthPanel(QObject):
    """Two boxes side by side (``row``): the database with its check, and the pre-migration copies."""

    def __init__(self, screen: Host) -> None:
        super().__init__(screen)
        self.screen = screen
        self.checking = False
        self.location_value = QLabel()
        self.location_value.setWordWrap(True)
        self.location_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_value = QLabel()
        self.revision_value = QLabel()
        self.check_button = QPushButton(self.tr("Periksa in&tegritas"))
        self.check_button.clicked.connect(self.start_integrity_check)
        self.check_result = note(self.tr("Belum diperiksa sejak basis data dibuka."))
        info_box = QGroupBox(self.tr("Basis data yang terbuka"))
        info = QFormLayout(info_box)
        info.addRow(self.tr("Berkas:"), self.location_value)
        info.addRow(self.tr("Ukuran:"), self.size_value)
        info.addRow(self.tr("Revisi skema:"), self.revision_value)
        info.addRow(self.check_button, self.check_result)

        self.copies = RecordTableModel[SafetyCopy](
            [
                Column(self.tr("Berkas"), lambda c: c.path.name, tooltip=lambda c: str(c.path)),
                Column(self.tr("Ukuran"), lambda c: format_size(c.size), lambda c: c.size, RIGHT),
                Column(self.tr("Dibuat"), lambda c: format_datetime(c.modified), lambda c: c.modified),
            ],
            self,
        )
        self.copies_view = table(self.copies, 0)
        self.copies_note = QLabel()
        copies_box = QGroupBox(self.tr("Salinan pengaman sebelum pembaruan skema"))
        copies_layout = QVBoxLayout(copies_box)
        copies_layout.addWidget(self.copies_note)
        copies_layout.addWidget(self.copies_view)
        self.row = QHBoxLayout()
        self.row.addWidget(info_box, 1)
        self.row.addWidget(copies_box, 1)

    def database_changed(self) -> None:
        self.check_result.setText(self.tr("Belum diperiksa sejak basis data dibuka."))

    def refresh(self) -> None:
        assert self.screen.db is not None
        info = overview.database_info(self.screen.db)
        self.location_value.setText(info.location)
        self.size_value.setText(format_size(info.size))
        self.revision_value.setText(info.revision or self.tr("tidak diketahui"))
        copies = info.safety_copies
        self.copies.set_rows(copies)
        fit_rows(self.copies_view, len(copies), least=1, most=3)
        self.copies_view.setVisible(bool(copies))
        if copies:
            self.copies_note.setText(
                self.tr("Dibuat otomatis sebelum skema diperbarui, di folder yang sama dengan basis data.")
            )
        else:
            self.copies_note.setText(self.tr("Tidak ada salinan pengaman di samping berkas basis data."))

    def update_buttons(self) -> None:
        self.check_button.setEnabled(self.screen.db is not None and not self.checking)

    # -- integrity -----------------------------------------------------------------------------------
    def start_integrity_check(self) -> None:
        if self.screen.db is None or self.checking:
            return
        self.checking = True
        self.check_button.setEnabled(False)
        self.check_result.setText(self.tr("Memeriksa integritas basis data…"))
        self.screen.runner.run(
            overview.integrity_check, self.screen.db, on_success=self._check_done, on_failure=self._check_failed
        )

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
