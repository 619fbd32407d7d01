"""Evaluasi Triwulan: for the chosen year and quarter, the ranking of OPDs (sorted, filtered, exported, printed),
a bar chart of scores, the selected OPD's indicators with both readings and a line chart by quarter, the early
warnings, the OPDs that have not reported (belum lapor, printable), closing the quarter and the wizard.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...domain.enums import Quarter
from ...domain.formatting import format_date, format_number
from ...services import evaluation, printing
from ...services.evaluation_data import OpdEvaluation
from ...services.quarter_view import QuarterView, load_quarter_view
from .. import messages, permissions, save_dialog
from ..charts import Bar, BarChart, LegendEntry, LineChart, Marker, Series
from ..excel_export_button import ExcelExportButton
from ..jobs import JobRunner, app_runner
from ..models import ID_ROLE
from ..models.evaluation_colors import ALERT, band_colors, predicate_color
from ..models.evaluation_tables import indicator_model, not_reported_model, warning_model
from ..models.ranking_table_model import RankingTableModel, write_ranking_csv
from ..print_action import PREVIEW, PRINTER, SAVE, PrintAction
from ..verification_bar import VerificationBar
from ..views import setup_table
from .base import Screen, heading, note
from .evaluation_columns import ContentColumns

PAPERS = (("A4", "a4"), ("F4 / Folio", "f4"))


def ask_save_path(parent: QWidget, title: str, suggested: str, filter_text: str) -> str:
    """Where to write a CSV file ('' when cancelled; tests replace this)."""
    return save_dialog.ask_save_path(parent, title, suggested, filter_text, suffix=".csv") or ""


def latest_reported_quarter(db: Database, year: int) -> int:
    """The latest quarter with any realisation this year (TW I when none)."""
    from ...services import overview

    return overview.latest_reported_quarter(db, year) or 1


class EvaluationScreen(Screen):
    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        """``runner``: where long work runs (the main window's; tests pass a ``jobs.SyncRunner``)."""
        super().__init__(parent)
        runner = runner if runner is not None else app_runner()
        self.printer = PrintAction(self, runner)
        self.printer.busy_changed.connect(lambda _busy: self._update_buttons())
        self.view: QuarterView | None = None
        self.wizard: Any = None
        self.last_file: Path | None = None
        self._year_shown: int | None = None

        # -- top row: quarter, status, actions
        self.quarter_combo = QComboBox()
        for q in (1, 2, 3, 4):
            self.quarter_combo.addItem(Quarter(q).label, q)
        self.quarter_combo.currentIndexChanged.connect(lambda _i: self._on_quarter_chosen())
        # After a change of database or year: the next refresh opens on the latest reported quarter, told from its
        # own read (no query of its own at every year switch, none at all while another screen is shown).
        self._quarter_pending = False
        quarter_label = QLabel(self.tr("Tri&wulan:"))
        quarter_label.setBuddy(self.quarter_combo)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.fill_button = QPushButton(self.tr("&Isi realisasi…"))
        self.fill_button.setToolTip(self.tr("Wizard pengisian realisasi, anggaran, kendala dan bukti dukung"))
        self.fill_button.clicked.connect(self.open_wizard)
        self.close_button = QPushButton(self.tr("&Tutup triwulan…"))
        self.close_button.setToolTip(self.tr("Mengunci realisasi dan membekukan nilai serta peringkat triwulan ini"))
        self.close_button.clicked.connect(self.close_quarter)
        permissions.bind(self.fill_button, "opd_data", lambda: self.db)  # the wizard offers the user's OPDs
        permissions.bind(self.close_button, "close_quarter", lambda: self.db)
        self.paper_combo = QComboBox()
        for label, value in PAPERS:
            self.paper_combo.addItem(label, value)
        top = QHBoxLayout()
        top.addWidget(quarter_label)
        top.addWidget(self.quarter_combo)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.fill_button)
        top.addWidget(self.close_button)
        quarter = self.quarter_combo.currentData
        self.excel_button = ExcelExportButton(self, "evaluasi", lambda: self.db, year=lambda: self.year,
                                              quarter=quarter, runner=runner)
        top.addWidget(self.excel_button)

        # -- ranking table with filter, export and printing
        self.model = RankingTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, stretch_column=RankingTableModel.NAME)
        self._ranking_columns = ContentColumns(
            self.table, [c for c in range(self.model.columnCount()) if c != RankingTableModel.NAME]
        )
        self.table.horizontalHeader().setSortIndicator(RankingTableModel.RANK, Qt.SortOrder.AscendingOrder)
        self.model.sort(RankingTableModel.RANK, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.table.doubleClicked.connect(lambda _index: self.fill_button.click())  # nothing when refused
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Saring: singkatan, nama, predikat, keterangan…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.export_button = QPushButton(self.tr("Ekspor &CSV…"))
        self.export_button.clicked.connect(self.export_csv)
        self.ranking_preview_button = QPushButton(self.tr("Pratinjau peringkat"))
        self.ranking_preview_button.clicked.connect(lambda: self.print_ranking(PREVIEW))
        self.ranking_pdf_button = QPushButton(self.tr("Simpan PDF peringkat…"))
        self.ranking_pdf_button.clicked.connect(lambda: self.print_ranking(SAVE))
        self.ranking_printer_button = QPushButton(self.tr("Cetak…"))
        self.ranking_printer_button.setToolTip(self.tr("Cetak peringkat ke printer"))
        self.ranking_printer_button.clicked.connect(lambda: self.print_ranking(PRINTER))
        self.count_label = note()
        # Bappeda's verification: the ranking limited to verified reports (the others' scores are "sementara").
        self.verified_check = QCheckBox(self.tr("Hanya ter&verifikasi"))
        self.verified_check.setToolTip(self.tr("Peringkat hanya dari laporan yang sudah diverifikasi Bappeda; "
                                               "laporan sementara tidak diperingkat"))
        self.verified_check.toggled.connect(lambda _on: self._show_loaded())
        self._loaded: QuarterView | None = None
        ranking_tools = QHBoxLayout()
        ranking_tools.addWidget(self.filter_edit, 1)
        ranking_tools.addWidget(self.export_button)
        self.ranking_excel_button = ExcelExportButton(self, "peringkat", lambda: self.db, year=lambda: self.year,
                                                      quarter=quarter, text=self.tr("Ekspor Excel…"), runner=runner)
        ranking_tools.addWidget(self.ranking_excel_button)
        ranking_tools.addWidget(QLabel(self.tr("Kertas:")))
        ranking_tools.addWidget(self.paper_combo)
        ranking_tools.addWidget(self.ranking_preview_button)
        ranking_tools.addWidget(self.ranking_pdf_button)
        ranking_tools.addWidget(self.ranking_printer_button)
        ranking_pane = QWidget()
        ranking_layout = QVBoxLayout(ranking_pane)
        ranking_layout.setContentsMargins(0, 0, 0, 0)
        ranking_layout.addLayout(ranking_tools)
        ranking_layout.addWidget(self.table, 1)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.verified_check)
        ranking_layout.addLayout(count_row)

        self.bar_chart = BarChart()
        self.bar_chart.barClicked.connect(self.select_opd)
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setWidget(self.bar_chart)
        self.chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(ranking_pane)
        upper.addWidget(self.chart_scroll)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setChildrenCollapsible(False)

        # -- selected OPD: indicators (both readings) and the line chart
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.report_preview_button = QPushButton(self.tr("Pratinjau laporan"))
        self.report_preview_button.setToolTip(self.tr("Laporan Evaluasi Triwulan perangkat daerah terpilih"))
        self.report_preview_button.clicked.connect(lambda: self.print_report(PREVIEW))
        self.report_pdf_button = QPushButton(self.tr("Simpan PDF laporan…"))
        self.report_pdf_button.clicked.connect(lambda: self.print_report(SAVE))
        self.report_printer_button = QPushButton(self.tr("Cetak laporan…"))
        self.report_printer_button.setToolTip(self.tr("Cetak Laporan Evaluasi Triwulan perangkat daerah terpilih ke "
                                                      "printer"))
        self.report_printer_button.clicked.connect(lambda: self.print_report(PRINTER))
        self._threshold = Decimal(75)
        self.indicators = indicator_model(self._threshold, self)
        self.indicator_table = QTableView()
        self.indicator_table.setModel(self.indicators)
        setup_table(self.indicator_table)
        self._size_indicator_columns()
        self._indicator_columns = ContentColumns(self.indicator_table, range(1, self.indicators.columnCount()))
        self.line_chart = LineChart()
        detail_tools = QHBoxLayout()
        detail_tools.addWidget(self.detail_label, 1)
        detail_tools.addWidget(self.report_preview_button)
        detail_tools.addWidget(self.report_pdf_button)
        detail_tools.addWidget(self.report_printer_button)
        detail_split = QSplitter(Qt.Orientation.Horizontal)
        detail_split.addWidget(self.indicator_table)
        detail_split.addWidget(self.line_chart)
        detail_split.setStretchFactor(0, 4)  # the readings up to the progress on the year's target stay in view
        detail_split.setStretchFactor(1, 1)
        detail_split.setChildrenCollapsible(False)
        detail_pane = QWidget()
        detail_layout = QVBoxLayout(detail_pane)
        detail_layout.addLayout(detail_tools)
        self.verification_bar = VerificationBar()
        self.verification_bar.submitted.connect(self.refresh)
        detail_layout.addWidget(self.verification_bar)
        detail_layout.addWidget(detail_split, 1)

        # -- early warnings
        self.warnings = warning_model(self)
        self.warning_table = QTableView()
        self.warning_table.setModel(self.warnings)
        setup_table(self.warning_table, stretch_column=1)
        self.warning_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # the worst capaian first
        self.warning_note = note()
        warning_pane = QWidget()
        warning_layout = QVBoxLayout(warning_pane)
        warning_layout.addWidget(self.warning_note)
        warning_layout.addWidget(self.warning_table, 1)

        # -- belum lapor
        self.missing = not_reported_model(self)
        self.missing_table = QTableView()
        self.missing_table.setModel(self.missing)
        setup_table(self.missing_table, stretch_column=2)
        self.missing_note = note()
        self.missing_print_button = QPushButton(self.tr("Pratinjau daftar"))
        self.missing_print_button.setToolTip(self.tr("Pratinjau PDF daftar perangkat daerah yang belum lapor"))
        self.missing_print_button.clicked.connect(lambda: self.print_not_reported(PREVIEW))
        self.missing_pdf_button = QPushButton(self.tr("Simpan PDF…"))
        self.missing_pdf_button.clicked.connect(lambda: self.print_not_reported(SAVE))
        self.missing_printer_button = QPushButton(self.tr("Ceta&k daftar…"))
        self.missing_printer_button.setToolTip(self.tr("Cetak daftar perangkat daerah yang belum lapor ke printer"))
        self.missing_printer_button.clicked.connect(lambda: self.print_not_reported(PRINTER))
        self.missing_csv_button = QPushButton(self.tr("Ekspor CSV…"))
        self.missing_csv_button.clicked.connect(self.export_not_reported_csv)
        missing_tools = QHBoxLayout()
        missing_tools.addWidget(self.missing_note, 1)
        missing_tools.addWidget(self.missing_print_button)
        missing_tools.addWidget(self.missing_pdf_button)
        missing_tools.addWidget(self.missing_printer_button)
        missing_tools.addWidget(self.missing_csv_button)
        self.missing_excel_button = ExcelExportButton(self, "belum-lapor", lambda: self.db, year=lambda: self.year,
                                                      quarter=quarter, text=self.tr("Ekspor Excel…"), runner=runner)
        missing_tools.addWidget(self.missing_excel_button)
        missing_pane = QWidget()
        missing_layout = QVBoxLayout(missing_pane)
        missing_layout.addLayout(missing_tools)
        missing_layout.addWidget(self.missing_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(detail_pane, self.tr("Indikator perangkat daerah"))
        self.tabs.addTab(warning_pane, self.tr("Peringatan dini"))
        self.tabs.addTab(missing_pane, self.tr("Belum lapor"))

        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(upper)
        body.addWidget(self.tabs)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)

        self.summary = note()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        self._update_buttons()

    def _size_indicator_columns(self) -> None:
        # The PK's own order until a header is clicked.
        self.indicator_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.indicators.sort_column = -1
        # The indicator's name gets a readable width; the two labelled readings stay in view beside it.
        header = self.indicator_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.indicator_table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("x" * 24))

    def title(self) -> str:
        return self.tr("Evaluasi Triwulan")

    # -- loading -------------------------------------------------------------------------------------
    def quarter(self) -> int:
        if self._quarter_pending and self.db is not None and self.year is not None:  # asked before a refresh
            self._set_quarter(latest_reported_quarter(self.db, self.year))
        return int(self.quarter_combo.currentData() or 1)

    def _set_quarter(self, quarter: int) -> None:
        self._quarter_pending = False
        self.quarter_combo.blockSignals(True)
        self.quarter_combo.setCurrentIndex(quarter - 1)
        self.quarter_combo.blockSignals(False)

    def _on_quarter_chosen(self) -> None:
        self._quarter_pending = False
        self.refresh()

    def set_context(self, db: Database | None, year: int | None) -> None:
        changed = (db, year) != (self.db, self.year)
        super().set_context(db, year)
        if changed and db is not None and year is not None:
            self._quarter_pending = True

    def refresh(self) -> None:
        selected = self.selected_opd_id()
        if self.db is None or self.year is None:
            self.view = None
            self._show_nothing(self.tr("Belum ada tahun anggaran di basis data ini."))
            return
        self._loaded = load_quarter_view(self.db, self.year, None if self._quarter_pending else self.quarter())
        self._set_quarter(self._loaded.quarter)
        self._show_loaded(selected)

    def _limited(self, view: QuarterView) -> QuarterView:
        """``view`` with its ranking limited to verified reports when the switch says so."""
        if not self.verified_check.isChecked():
            return view
        return replace(view, ranking=evaluation.only_verified(view.ranking))

    def _show_loaded(self, selected: str | None = None) -> None:
        """Show what was loaded, ``selected`` (else the OPD selected now, else the first) selected: the same as a
        screen opened afresh on it shows, whatever was shown before."""
        if self._loaded is None:
            return
        selected = selected or self.selected_opd_id()
        self.view = self._limited(self._loaded)
        self._show(self.view)
        if not (selected and self.select_opd(selected)):
            if self.model.rowCount():
                self.select_opd(self.model.row_at(0).opd_id)
            else:
                self._on_selected()
        self._update_buttons()

    def _show_nothing(self, text: str) -> None:
        for model in (self.model, self.indicators, self.warnings, self.missing):
            model.set_rows([])
        self.bar_chart.set_data([])
        self.line_chart.set_title("")
        self.line_chart.set_data([])
        self.summary.setText(text)
        self.status_label.clear()
        self.count_label.clear()
        self.detail_label.clear()
        self._update_buttons()

    def _show(self, view: QuarterView) -> None:
        label = Quarter(view.quarter).label
        closed_at = view.closed.get(view.quarter)
        if closed_at is not None:
            by = f" oleh {view.ranking.closed_by}" if view.ranking.closed_by else ""
            self.status_label.setText(
                self.tr("🔒 {0} ditutup pada {1}{2}: nilai dan peringkat dibekukan, realisasi terkunci.").format(
                    label, format_date(closed_at.date()), by
                )
            )
        else:
            self.status_label.setText(
                self.tr("{0} belum ditutup: peringkat masih sementara dan dihitung dari data terkini.").format(label)
            )
        self.model.bands = view.settings.bands
        self.model.set_rows(list(view.ranking.rows))  # filtered by the filter's text
        self._update_count()
        threshold = view.settings.warning_threshold
        if threshold != self._threshold:  # the capaian colours follow the regency's threshold
            old, self._threshold = self.indicators, threshold
            self.indicators = indicator_model(threshold, self)
            self.indicator_table.setModel(self.indicators)
            self._size_indicator_columns()
            self._indicator_columns.follow(self.indicators)
            old.deleteLater()
        self.warnings.set_rows(view.warnings)
        self.missing.set_rows(view.not_reported)
        count = len(view.ranking.rows)
        if not count:
            self.summary.setText(
                self.tr("Belum ada Perjanjian Kinerja {0} yang ditandatangani: belum ada yang dievaluasi.").format(
                    view.year
                )
            )
        else:
            everyone = self._loaded.ranking.rows if self._loaded is not None else view.ranking.rows
            scored = [r for r in everyone if r.score is not None]
            text = self.tr(
                "{0} tahun {1}: {2} perangkat daerah dengan PK ditandatangani, {3} bernilai; "
                "{4} belum lapor; {5} indikator di bawah ambang {6} %."
            ).format(label, view.year, len(everyone), len(scored), len(view.not_reported), len(view.warnings),
                     format_number(threshold, None))
            if self.verified_check.isChecked():
                text += " " + self.tr("Diperingkat hanya laporan terverifikasi: {0} dari {1}.").format(
                    count, len(everyone))
            self.summary.setText(text)
        self.tabs.setTabText(1, self.tr("Peringatan dini ({0})").format(len(view.warnings)))
        self.tabs.setTabText(2, self.tr("Belum lapor ({0})").format(len(view.not_reported)))
        self.warning_note.setText(
            self.tr(
                "Indikator yang capaian s.d. triwulannya di bawah ambang peringatan dini {0} % (pengaturan "
                "pemerintah daerah), terburuk lebih dulu, dengan kendalanya."
            ).format(format_number(threshold, None))
        )
        self.missing_note.setText(
            self.tr("{0} perangkat daerah belum mengisi satu pun realisasi {1} {2}.").format(
                len(view.not_reported), label, view.year
            )
        )
        self._update_chart(view)

    def _update_chart(self, view: QuarterView) -> None:
        bands = view.settings.bands
        rows = sorted(view.ranking.rows, key=lambda r: (r.score is None, -(r.score or 0), r.opd_abbreviation))
        bars = [
            Bar(
                r.opd_id,
                r.opd_abbreviation,
                r.score,
                predicate_color(r.predicate, bands),
                f"{r.opd_name}\n{self.tr('Nilai')} {format_number(r.score, 2, empty='–')} · {r.predicate or '–'}",
            )
            for r in rows
        ]
        markers = [Marker(b.lower) for b in bands if b.lower > 0]
        legend = [LegendEntry(label, color) for label, color in band_colors(bands).items()]
        self.bar_chart.set_title(self.tr("Nilai perangkat daerah, {0} {1}").format(Quarter(view.quarter).label,
                                                                                   view.year))
        self.bar_chart.set_data(bars, markers, legend)

    # -- selection and detail ------------------------------------------------------------------------
    def selected_opd_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def select_opd(self, opd_id: str) -> bool:
        row = self.model.row_of(opd_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(index, flags)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def selected_evaluation(self) -> OpdEvaluation | None:
        opd_id = self.selected_opd_id()
        if self.view is None or opd_id is None:
            return None
        return next((e for e in self.view.evaluations if e.opd_id == opd_id), None)

    def _on_selected(self) -> None:
        result = self.selected_evaluation()
        self.bar_chart.set_selected(result.opd_id if result else None)
        self._update_buttons()
        if result is None or self.view is None or self.db is None:
            self.indicators.set_rows([])
            self.detail_label.setText(self.tr("Pilih perangkat daerah pada tabel peringkat."))
            self.line_chart.set_title("")
            self.line_chart.set_data([])
            self.verification_bar.clear()
            return
        self.indicators.set_rows(list(result.indicators))
        self.verification_bar.show_report(self.db, result.year, result.quarter, result.opd_id,
                                          open_=result.quarter not in self.view.closed)
        self.detail_label.setText(
            self.tr("<b>{0}</b> — nilai {1} ({2}); serapan {3}; capaian dibaca dua cara: terhadap target s.d. "
                    "triwulan dan terhadap target tahunan.").format(
                result.opd_name,
                format_number(result.score, 2, empty="–"),
                result.predicate or self.tr("belum ada nilai"),
                f"{format_number(result.absorption, 2)} %" if result.absorption is not None else "–",
            )
        )
        self._update_line_chart(result)

    def _update_line_chart(self, result: OpdEvaluation) -> None:
        assert self.db is not None and self.view is not None
        scores: list[Decimal | None] = []
        absorptions: list[Decimal | None] = []
        trend = self.view.trend(result.opd_id)  # from what the view read: no second read
        for q in (1, 2, 3, 4):
            other = result if q == self.view.quarter else trend[q]
            reported = other is not None and other.reported
            scores.append(other.score if other is not None and reported else None)
            absorptions.append(other.absorption if other is not None and reported else None)
        threshold = self.view.settings.warning_threshold
        self.line_chart.set_title(self.tr("{0}: capaian per triwulan").format(result.opd_abbreviation))
        self.line_chart.set_data(
            [
                Series(self.tr("Nilai (rata-rata capaian)"), tuple(scores), predicate_color("Tinggi")
                       .darker(140)),
                Series(self.tr("Serapan anggaran"), tuple(absorptions), QColor("#2c7fb8"), dashed=True),
            ],
            [Marker(Decimal(100), "100 %"),
             Marker(threshold, self.tr("ambang peringatan {0} %").format(format_number(threshold, None)), ALERT)],
        )

    def _on_filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
        total = len(self.model.all_rows())
        self.count_label.setText(self.tr("Menampilkan {0} dari {1} perangkat daerah").format(
            self.model.rowCount(), total))

    def _update_buttons(self) -> None:
        view = self.view
        has_rows = view is not None and bool(view.ranking.rows)
        closed = view is not None and view.quarter in view.closed
        self.fill_button.setEnabled(self.db is not None and self.year is not None)
        self.close_button.setEnabled(has_rows and not closed)
        self.close_button.setVisible(not closed)
        idle = not self.printer.busy
        self.export_button.setEnabled(has_rows)
        for button in (self.ranking_preview_button, self.ranking_pdf_button, self.ranking_printer_button):
            button.setEnabled(has_rows and idle)
        selected = self.selected_evaluation() is not None
        self.report_preview_button.setEnabled(selected and idle)
        self.report_pdf_button.setEnabled(selected and idle)
        self.report_printer_button.setEnabled(selected and idle)
        has_missing = view is not None and bool(view.not_reported)
        for button in (self.missing_print_button, self.missing_pdf_button, self.missing_printer_button):
            button.setEnabled(has_missing and idle)
        self.missing_csv_button.setEnabled(has_missing)

    # -- actions -------------------------------------------------------------------------------------
    def open_wizard(self) -> None:
        from ...services import overview
        from ..dialogs.evaluation_wizard import EvaluationWizard

        if self.db is None or self.year is None or self.wizard is not None:
            return
        wizard = EvaluationWizard(self.db, self.year, self.quarter(), self.selected_opd_id(), self,
                                  years=overview.fiscal_years(self.db))
        wizard.saved.connect(self._on_saved)
        wizard.finished.connect(lambda _result: self._forget_wizard(wizard))
        self.wizard = wizard
        wizard.open()

    def _forget_wizard(self, wizard: Any) -> None:
        if self.wizard is wizard:
            self.wizard = None
        wizard.deleteLater()

    def _on_saved(self, opd_id: str, year: int, quarter: int) -> None:
        if year == self.year and quarter != self.quarter():
            self.quarter_combo.blockSignals(True)
            self.quarter_combo.setCurrentIndex(quarter - 1)
            self.quarter_combo.blockSignals(False)
        self.refresh()
        self.select_opd(opd_id)

    def close_quarter(self) -> None:
        if self.db is None or self.view is None:
            return
        label = Quarter(self.view.quarter).label
        question = self.tr(
            "Tutup {0} tahun {1}?\n\nNilai dan peringkat {2} perangkat daerah dibekukan sebagai potret tetap, "
            "sehingga peringkat yang diumumkan selalu dapat dicetak ulang sama persis. Realisasi triwulan ini "
            "tidak dapat diisi atau dikoreksi lagi. Penutupan tidak dapat dibatalkan."
        ).format(label, self.view.year, len(self.view.ranking.rows))
        if not messages.confirm(self, self.tr("Tutup triwulan"), question):
            return
        try:
            evaluation.close_quarter(self.db, self.view.year, self.view.quarter)
        except Exception as exc:  # noqa: BLE001 - a service refusal or a database error, shown as it is
            messages.show_error(self, self.tr("Tutup triwulan"), str(exc))
        self.refresh()

    def _request(self, document: str, *opd_codes: str) -> printing.Request:
        assert self.view is not None
        return printing.Request(
            document, self.view.year, self.view.quarter, opd_codes=opd_codes, paper=self.paper_combo.currentData(),
            verified_only=self.verified_check.isChecked(),
        )

    def _csv_path(self, title: str, document: str) -> Path | None:
        assert self.db is not None
        name = printing.file_name(self.db, self._request(document), suffix=".csv")
        chosen = ask_save_path(self, title, name, self.tr("Berkas CSV (*.csv)"))
        return Path(chosen) if chosen else None

    def export_csv(self) -> None:
        if self.view is None or self.db is None:
            return
        path = self._csv_path(self.tr("Ekspor peringkat"), printing.RANKING)
        if path is None:
            return
        try:
            self.last_file = write_ranking_csv(path, self.model.rows())
        except OSError as exc:
            messages.show_error(self, self.tr("Ekspor peringkat"), str(exc))

    def export_not_reported_csv(self) -> None:
        view, db = self.view, self.db
        if view is None or db is None:
            return
        path = self._csv_path(self.tr("Ekspor daftar belum lapor"), printing.NOT_REPORTED)
        if path is None:
            return
        try:
            self.last_file = printing.write_not_reported_csv(db, view.year, view.quarter, path)
        except OSError as exc:
            messages.show_error(self, self.tr("Ekspor daftar belum lapor"), str(exc))

    def _print(self, request: printing.Request, how: str, title: str) -> None:
        """Preview, save or print on a printer (``how``) through the shared print action: the service names and
        writes the file."""
        if self.db is not None:
            self.printer.one(how, self.db, request, title)

    def print_not_reported(self, how: str) -> None:
        if self.view is not None:
            title = self.tr("Pratinjau — belum lapor {0}").format(Quarter(self.view.quarter).label)
            self._print(self._request(printing.NOT_REPORTED), how, title)

    def print_ranking(self, how: str) -> None:
        view = self.view
        if view is not None:
            title = self.tr("Pratinjau — peringkat {0} {1}").format(Quarter(view.quarter).label, view.year)
            self._print(self._request(printing.RANKING), how, title)

    def print_report(self, how: str) -> None:
        result = self.selected_evaluation()
        if result is not None and self.view is not None:
            title = self.tr("Pratinjau — evaluasi {0}").format(result.opd_abbreviation)
            self._print(self._request(printing.EVALUATION, result.opd_code), how, title)

    @property
    def preview_dialog(self) -> Any:
        return self.printer.preview_dialog

    def shutdown(self) -> None:
        if self.wizard is not None:
            self.wizard.discard_and_close()  # the database changes or the window closes: no question
        self.printer.shutdown()
