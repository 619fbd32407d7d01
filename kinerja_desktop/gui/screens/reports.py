"""Laporan: print the year's documents for every OPD at once, and the recap of reporting completeness."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Quarter
from ...domain.formatting import format_number
from ...services import overview, printing
from ...services.csv_files import write_csv
from ...services.overview import ReportingRow
from .. import messages, save_dialog
from ..dialogs.agreement_print_dialog import paper_combo
from ..excel_export_button import ExcelExportButton
from ..jobs import Job, JobRunner, Outcome, app_runner
from ..models.record_table import ALERT, LEFT, RIGHT, Column, RecordTableModel
from ..models.sort_proxy import RawValueSortProxy
from ..print_action import PrintAction
from ..views import setup_table
from .base import Screen, heading, note

# What can be printed for the whole regency from here: (document, label).
DOCUMENTS = (
    (printing.PK, "Perjanjian Kinerja (versi terbaru tiap perangkat daerah)"),
    (printing.PACT, "Pakta Integritas kepala perangkat daerah"),
    (printing.EVALUATION, "Laporan Evaluasi Triwulan tiap perangkat daerah"),
    (printing.RANKING, "Peringkat Kinerja Perangkat Daerah"),
    (printing.NOT_REPORTED, "Daftar perangkat daerah belum lapor"),
)


class ReportsScreen(Screen):
    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        """``runner``: where long work runs (the main window's; tests pass a ``jobs.SyncRunner``)."""
        super().__init__(parent)
        runner = runner if runner is not None else app_runner()
        self.printer = PrintAction(self, runner)
        self.last_result: Outcome | None = None
        self.document_combo = QComboBox()
        for key, label in DOCUMENTS:
            self.document_combo.addItem(self.tr(label), key)
        self.document_combo.currentIndexChanged.connect(self._update_quarter)
        self.quarter_combo = QComboBox()
        for quarter in (1, 2, 3, 4):
            self.quarter_combo.addItem(self.tr(Quarter(quarter).label), quarter)
        self.paper = paper_combo()
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder_edit = QLineEdit(documents)
        browse = QPushButton(self.tr("Pilih…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.print_button = QPushButton(self.tr("&Cetak ke folder"))
        self.print_button.clicked.connect(self.print_selected)
        self.printer_button = QPushButton(self.tr("Cetak ke &printer…"))
        self.printer_button.setToolTip(self.tr("Dokumen terpilih untuk semua perangkat daerah, dicetak ke printer "
                                               "dalam satu kali cetak"))
        self.printer_button.clicked.connect(lambda _checked=False: self.print_selected_on_printer())
        form = QFormLayout()
        form.addRow(self.tr("&Dokumen:"), self.document_combo)
        form.addRow(self.tr("&Triwulan:"), self.quarter_combo)
        form.addRow(self.tr("&Kertas:"), self.paper)
        folder_label = QLabel(self.tr("&Folder tujuan:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        button_row = QHBoxLayout()
        button_row.addWidget(self.print_button)
        button_row.addWidget(self.printer_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        self.print_note = note()
        print_box = QGroupBox(self.tr("Cetak dokumen untuk semua perangkat daerah"))
        print_layout = QVBoxLayout(print_box)
        print_layout.addLayout(form)
        print_layout.addWidget(self.print_note)

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
        self.csv_button = QPushButton(self.tr("Ekspor rekap CSV…"))
        self.csv_button.clicked.connect(lambda _checked=False: self.export_csv())  # never clicked's bool as path
        recap_tools = QHBoxLayout()
        recap_tools.addWidget(self.summary, 1)
        recap_tools.addWidget(self.csv_button, 0, Qt.AlignmentFlag.AlignTop)
        self.excel_button = ExcelExportButton(self, "rekap", lambda: self.db, year=lambda: self.year, runner=runner)
        recap_tools.addWidget(self.excel_button, 0, Qt.AlignmentFlag.AlignTop)
        recap_box = QGroupBox(self.tr("Rekap kelengkapan pelaporan realisasi"))
        recap_layout = QVBoxLayout(recap_box)
        recap_layout.addLayout(recap_tools)
        recap_layout.addWidget(self.table, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(print_box)
        layout.addWidget(recap_box, 1)
        self._update_quarter()

    def title(self) -> str:
        return self.tr("Laporan")

    # -- printing ------------------------------------------------------------------------------------
    @property
    def batch(self) -> Job | None:
        return self.printer.batch

    def _update_quarter(self) -> None:
        self.quarter_combo.setEnabled(self.document_combo.currentData() in printing.QUARTERLY)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder tujuan"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def print_selected(self) -> Job | None:
        """Print the chosen document for every OPD into the folder, off the GUI thread; cancellable."""
        if self.db is None or self.year is None or self.batch is not None:
            return None
        folder = Path(self.folder_edit.text().strip())
        if not str(folder).strip() or (folder.exists() and not folder.is_dir()):
            messages.show_error(self, self.tr("Cetak"), self.tr("Pilih folder tujuan yang sah"))
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            messages.show_error(self, self.tr("Cetak"), self.tr("Folder tidak dapat dibuat: {0}").format(exc))
            return None
        title = self.document_combo.currentText()
        return self.printer.to_folder(
            self.db, self._request(self.year), folder, title, lambda done: self._print_done(folder, done)
        )

    def print_selected_on_printer(self) -> Job | None:
        """Render the chosen document for every OPD behind the progress dialog, then print them all in one job."""
        if self.db is None or self.year is None or self.batch is not None:
            return None
        title = self.document_combo.currentText()
        return self.printer.all_on_printer(self.db, self._request(self.year), title, self._printed)

    def _request(self, year: int) -> printing.Request:
        document = self.document_combo.currentData()
        return printing.Request(
            document,
            year,
            self.quarter_combo.currentData() if document in printing.QUARTERLY else None,
            paper=self.paper.currentData(),
        )

    def _printed(self, outcome: Outcome) -> None:
        self.last_result = outcome

    def _print_done(self, folder: Path, outcome: Outcome) -> None:
        self.last_result = outcome
        if outcome.ok:
            self.print_note.setText(
                self.tr("{0} berkas PDF ditulis ke {1}.").format(format_number(len(outcome.value), 0), folder)
            )

    def shutdown(self) -> None:
        self.printer.shutdown()

    # -- recap ---------------------------------------------------------------------------------------
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

    def export_csv(self, path: str | None = None) -> Path | None:
        """The recap as CSV (semicolons and decimal commas, as Excel in Indonesia reads them)."""
        if self.year is None:
            return None
        if path is None:
            path = save_dialog.ask_save_path(
                self, self.tr("Ekspor rekap"), f"rekap-pelaporan-{self.year}.csv", self.tr("Berkas CSV (*.csv)"),
                suffix=".csv",
            )
            if not path:
                return None
        header = [
            "Kode",
            "Perangkat daerah",
            "Indikator",
            "Laporan masuk",
            "Laporan diharapkan",
            "Kelengkapan (%)",
            "Triwulan belum lapor",
        ]
        rows = [
            [
                row.code,
                row.name,
                row.indicator_count,
                row.reports_received,
                row.indicator_count * 4,
                format_number(row.completeness, 2),
                self._missing_text(row),
            ]
            for row in self.model.rows()
        ]
        try:
            target = write_csv(path, header, rows)
        except OSError as exc:
            messages.show_error(self, self.tr("Ekspor rekap"), self.tr("Berkas tidak dapat ditulis: {0}").format(exc))
            return None
        return target

    def refresh(self) -> None:
        has_year = self.db is not None and self.year is not None
        for widget in (self.print_button, self.csv_button):
            widget.setEnabled(has_year)
        if not has_year:
            self.model.set_rows([])
            self.summary.setText(self.tr("Belum ada tahun anggaran di basis data ini."))
            return
        rows = overview.reporting_completeness(self.db, self.year)
        self.model.set_rows(rows)
        expected = sum(r.indicator_count * 4 for r in rows)
        received = sum(r.reports_received for r in rows)
        percent = format_number(Decimal(received) * 100 / expected, 2) if expected else "—"
        self.summary.setText(
            self.tr("Tahun {0}: {1} dari {2} laporan indikator masuk ({3} %).").format(
                self.year, format_number(received, 0), format_number(expected, 0), percent
            )
        )
