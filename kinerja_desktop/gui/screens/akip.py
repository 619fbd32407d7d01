"""Evaluasi AKIP: the Inspektorat's Lembar Kerja Evaluasi per OPD (answers with evidence, notes and
recommendations; totals and grade live), the annual ranking by AKIP score beside the capaian, and printing the
rapor, the piagam and the LKjIP through the one print action."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.akip import Framework, LkeScore, LkeStatus, answer_scale, grade_description
from ...domain.formatting import format_number
from ...services import akip, akip_ranking, akip_structure, printing
from ...services.akip_data import AnnualRow, AnswerData, EvaluationForm, EvaluationSummary
from ...services.errors import ValidationError
from .. import messages, permissions, save_dialog
from ..jobs import Job, JobRunner, Outcome, app_runner
from ..locked import FieldLock
from ..models.record_table import CENTER, RIGHT, Column, RecordTableModel
from ..models.sort_proxy import RawValueSortProxy
from ..print_action import PrintAction
from ..views import setup_table
from .base import Screen, heading, note

# The entry table's columns.
CODE, STATEMENT, ANSWER, EVIDENCE, NOTES, RECOMMENDATION = range(6)
TEXT_COLUMNS = {EVIDENCE: "evidence", NOTES: "notes", RECOMMENDATION: "recommendation"}


def _score(value: object) -> str:
    return format_number(value, 2, empty="—")  # type: ignore[arg-type]


class AkipScreen(Screen):
    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner if runner is not None else app_runner()
        self.printer = PrintAction(self, self.runner)
        self.framework: Framework | None = None
        self.form: EvaluationForm | None = None
        self.last_result: Outcome | None = None
        self._loading = False
        self.lock = FieldLock(self)  # a final LKE: its fields look read-only and a click says why
        self.tabs = QTabWidget()
        self.tabs.addTab(self._entry_tab(), self.tr("&Lembar Kerja Evaluasi"))
        self.tabs.addTab(self._ranking_tab(), self.tr("&Peringkat Tahunan"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(self.tabs, 1)

    def title(self) -> str:
        return self.tr("Evaluasi AKIP")

    # -- the LKE entry ------------------------------------------------------------------------------------
    def _entry_tab(self) -> QWidget:
        self.opd_model = RecordTableModel[EvaluationSummary](
            [
                Column(self.tr("Perangkat daerah"), lambda s: s.opd_abbreviation or s.opd_name),
                Column(self.tr("Nilai"), lambda s: _score(s.total), lambda s: s.total, RIGHT),
                Column(self.tr("Predikat"), lambda s: s.grade or "—", lambda s: s.grade or "", CENTER),
                Column(self.tr("Status"), self._status_text),
            ],
            self,
            row_id=lambda s: s.opd_id,
        )
        self.opd_table = QTableView()
        self.opd_table.setModel(self.opd_model)
        setup_table(self.opd_table, stretch_column=0, sortable=False)
        self.opd_table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._open(current.row()))

        self.opd_label = heading("")
        self.total_label = QLabel()
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        self.components_label = note()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Kode"), self.tr("Kriteria"), self.tr("Jawaban"),
                                              self.tr("Bukti dukung"), self.tr("Catatan evaluator"),
                                              self.tr("Rekomendasi")])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATEMENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CODE, 52), (ANSWER, 150), (EVIDENCE, 150), (NOTES, 140), (RECOMMENDATION, 140)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(round(self.table.fontMetrics().lineSpacing() * 1.7))
        self.table.itemChanged.connect(self._item_changed)

        self.evaluator_edit = QLineEdit()
        self.evaluator_edit.setPlaceholderText(self.tr("Tim evaluasi Inspektorat"))
        self.notes_edit = QPlainTextEdit()
        self.recommendations_edit = QPlainTextEdit()
        for edit in (self.notes_edit, self.recommendations_edit):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(round(edit.fontMetrics().lineSpacing() * 3.2))
        general = QFormLayout()
        general.addRow(self.tr("&Evaluator:"), self.evaluator_edit)
        general_row = QHBoxLayout()
        notes_label = QLabel(self.tr("Catatan &umum:"))
        notes_label.setBuddy(self.notes_edit)
        recommendations_label = QLabel(self.tr("Rekomendasi u&mum:"))
        recommendations_label.setBuddy(self.recommendations_edit)
        for label, edit in ((notes_label, self.notes_edit), (recommendations_label, self.recommendations_edit)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(edit)
            general_row.addLayout(column, 1)

        self.save_button = QPushButton(self.tr("&Simpan"))
        self.save_button.clicked.connect(self.save)
        self.finalize_button = QPushButton(self.tr("&Finalkan"))
        self.finalize_button.clicked.connect(self.finalize)
        self.reopen_button = QPushButton(self.tr("Bu&ka kembali"))
        self.reopen_button.clicked.connect(self.reopen)
        self.rapor_button = QPushButton(self.tr("Pratinjau &rapor"))
        self.rapor_button.clicked.connect(self.preview_rapor)
        permissions.bind_all((self.save_button, self.finalize_button, self.reopen_button), "akip", lambda: self.db)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total_label, 1)
        for button in (self.save_button, self.finalize_button, self.reopen_button, self.rapor_button):
            buttons.addWidget(button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.opd_label)
        right_layout.addWidget(self.components_label)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(general)
        right_layout.addLayout(general_row)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.opd_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1000])
        tab = QWidget()
        QVBoxLayout(tab).addWidget(splitter)
        return tab

    def _status_text(self, summary: EvaluationSummary) -> str:
        if summary.status is None:
            return self.tr("belum")
        return self.tr("final") if summary.status is LkeStatus.FINAL else self.tr("draf")

    def _open(self, row: int) -> None:
        if self.db is None or self.year is None or not 0 <= row < self.opd_model.rowCount():
            return
        summary = self.opd_model.rows()[row]
        self.form = akip.get_evaluation(self.db, summary.opd_id, self.year)
        self.framework = akip_structure.year_framework(self.db, self.year).framework
        self._fill()

    def _fill(self) -> None:
        assert self.form is not None and self.framework is not None
        self._loading = True
        self.table.setRowCount(0)
        bold = QFont(self.table.font())
        bold.setBold(True)
        final = self.form.status is LkeStatus.FINAL
        combos: list[QWidget] = []
        for component in self.framework.components:
            for part, weight in ((component, component.weight), *((s, s.weight) for s in component.subcomponents)):
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, text in ((CODE, part.code), (STATEMENT, self.tr("{0} (bobot {1})").format(
                        part.name, format_number(weight, None)))):
                    item = QTableWidgetItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setFont(bold)
                    self.table.setItem(row, column, item)
                self.table.setSpan(row, STATEMENT, 1, 5)
                if part is component:
                    continue
                for criterion in part.criteria:  # type: ignore[union-attr]
                    combos.append(self._criterion_row(criterion.code, criterion.statement, criterion.scale, final))
        self.opd_label.setText(self.form.opd_name)
        self.evaluator_edit.setText(self.form.evaluator)
        self.notes_edit.setPlainText(self.form.notes)
        self.recommendations_edit.setPlainText(self.form.recommendations)
        reason = self.tr("LKE {0} tahun {1} sudah final dan tidak dapat diubah; klik Buka kembali untuk "
                         "mengubahnya.").format(self.form.opd_name, self.form.year) if final else ""
        reason = reason or permissions.denial(self.db, "akip")  # only the AKIP evaluators (and Admin) answer
        self.lock.set_locked([self.evaluator_edit, self.notes_edit, self.recommendations_edit, self.table, *combos],
                             reason)
        self.save_button.setEnabled(not final)
        self.finalize_button.setEnabled(not final and self.form.version is not None)
        self.reopen_button.setEnabled(final)
        self.rapor_button.setEnabled(self.form.version is not None)
        self._loading = False
        self._update_score()

    def _criterion_row(self, code: str, statement: str, scale: str, final: bool) -> QComboBox:
        assert self.form is not None
        row = self.table.rowCount()
        self.table.insertRow(row)
        data = self.form.answers.get(code) or AnswerData(code)
        for column, text in ((CODE, code), (STATEMENT, statement)):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setToolTip(statement)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.table.setItem(row, column, item)
        combo = QComboBox()
        combo.addItem("—", None)
        for option in answer_scale(scale).options:
            combo.addItem(f"{option.code} · {option.label}", option.code)
        combo.setCurrentIndex(max(0, combo.findData(data.answer)))
        combo.setObjectName(f"answer-{code}")
        combo.currentIndexChanged.connect(lambda _index, code=code, combo=combo: self._answer_changed(code, combo))
        self.table.setCellWidget(row, ANSWER, combo)
        for column, attribute in TEXT_COLUMNS.items():
            item = QTableWidgetItem(getattr(data, attribute))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if final else flags | Qt.ItemFlag.ItemIsEditable)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.table.setItem(row, column, item)
        return combo

    def answer_combo(self, code: str) -> QComboBox:
        found = self.table.cellWidget(self.row_of(code), ANSWER)
        assert isinstance(found, QComboBox)
        return found

    def row_of(self, code: str) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, CODE)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                return row
        raise KeyError(code)

    def _answer_changed(self, code: str, combo: QComboBox) -> None:
        if self._loading or self.form is None:
            return
        self.form.answer(code).answer = combo.currentData()
        self._update_score()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or self.form is None or item.column() not in TEXT_COLUMNS:
            return
        code = item.data(Qt.ItemDataRole.UserRole)
        setattr(self.form.answer(code), TEXT_COLUMNS[item.column()], item.text())

    def _update_score(self) -> None:
        if self.form is None or self.framework is None:
            self.total_label.setText("")
            return
        score: LkeScore = akip.score_of(self.framework, self.form)
        open_count = len(score.unanswered)
        left = self.tr("; {0} kriteria belum dijawab").format(open_count) if open_count else ""
        self.total_label.setText(self.tr("Nilai AKIP {0} · predikat {1} ({2}){3}").format(
            _score(score.total), score.grade, grade_description(score.grade), left))
        self.components_label.setText("   ".join(
            f"{c.name}: {_score(c.score)} / {format_number(c.weight, None)}" for c in score.components))

    def _collect(self) -> EvaluationForm | None:
        if self.form is None:
            return None
        self.form.evaluator = self.evaluator_edit.text()
        self.form.notes = self.notes_edit.toPlainText()
        self.form.recommendations = self.recommendations_edit.toPlainText()
        return self.form

    def save(self) -> bool:
        form = self._collect()
        if form is None or self.db is None:
            return False
        try:
            akip.save_evaluation(self.db, form)
        except ValidationError as exc:
            messages.show_error(self, self.tr("Simpan evaluasi"), str(exc))
            return False
        self._reload_list(form.opd_id)
        return True

    def _set_status(self, final: bool) -> None:
        if self.form is None or self.db is None:
            return
        if final and not self.save():
            return
        try:
            if final:
                akip.finalize_evaluation(self.db, self.form.opd_id, self.form.year)
            else:
                akip.reopen_evaluation(self.db, self.form.opd_id, self.form.year)
        except ValidationError as exc:
            messages.show_error(self, self.tr("Evaluasi AKIP"), str(exc))
            return
        self._reload_list(self.form.opd_id)

    def finalize(self) -> None:
        self._set_status(True)

    def reopen(self) -> None:
        self._set_status(False)

    def _reload_list(self, opd_id: str | None = None) -> None:
        if self.db is None or self.year is None:
            return
        rows = akip.evaluation_summaries(self.db, self.year)
        self.opd_model.set_rows(rows)
        ids = [r.opd_id for r in rows]
        if opd_id in ids:
            self.opd_table.selectRow(ids.index(opd_id))
            self._open(ids.index(opd_id))
        self.ranking_model.set_rows(akip_ranking.annual_ranking(self.db, self.year).rows)

    def preview_rapor(self) -> None:
        if self.form is None or self.db is None or self.year is None:
            return
        code = next(r.opd_code for r in self.opd_model.rows() if r.opd_id == self.form.opd_id)
        request = printing.Request(printing.RAPOR, self.year, opd_codes=(code,))
        self.printer.preview(self.db, request, self.tr("Rapor AKIP {0}").format(self.form.opd_name))

    # -- the annual ranking -------------------------------------------------------------------------------
    def _ranking_tab(self) -> QWidget:
        self.ranking_model = RecordTableModel[AnnualRow](
            [
                Column(self.tr("Peringkat"), lambda r: "—" if r.rank is None else str(r.rank),
                       lambda r: r.rank if r.rank is not None else 10_000, RIGHT),
                Column(self.tr("Perangkat daerah"), lambda r: r.opd_name),
                Column(self.tr("Nilai AKIP"), lambda r: _score(r.akip_score), lambda r: r.akip_score, RIGHT),
                Column(self.tr("Predikat AKIP"), lambda r: r.akip_grade or "—", lambda r: r.akip_grade or "", CENTER),
                Column(self.tr("Nilai capaian"), lambda r: _score(r.capaian_score), lambda r: r.capaian_score, RIGHT),
                Column(self.tr("Predikat capaian"), lambda r: r.capaian_predicate or "—"),
                Column(self.tr("Penghargaan"), self._award_text, align=CENTER),
                Column(self.tr("Catatan"), lambda r: r.note),
            ],
            self,
            row_id=lambda r: r.opd_id,
        )
        proxy = RawValueSortProxy(self)
        proxy.setSourceModel(self.ranking_model)
        self.ranking_table = QTableView()
        self.ranking_table.setModel(proxy)
        setup_table(self.ranking_table, stretch_column=1)
        self.ranking_table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Interactive)
        self.ranking_table.setColumnWidth(7, 250)
        self.ranking_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.ranking_note = note()
        self.lkjip_scope = QComboBox()
        self.lkjip_format = QComboBox()
        self.lkjip_format.addItem(self.tr("Word (.docx)"), "docx")
        self.lkjip_format.addItem(self.tr("PDF"), "pdf")
        self.piagam_button = QPushButton(self.tr("Cetak p&iagam ke folder…"))
        self.piagam_button.clicked.connect(lambda: self.print_piagam())
        self.lkjip_button = QPushButton(self.tr("Simpan LK&jIP…"))
        self.lkjip_button.clicked.connect(lambda: self.save_lkjip())
        tools = QHBoxLayout()
        tools.addWidget(self.ranking_note, 1)
        tools.addWidget(self.piagam_button)
        tools.addWidget(QLabel(self.tr("LKjIP:")))
        tools.addWidget(self.lkjip_scope)
        tools.addWidget(self.lkjip_format)
        tools.addWidget(self.lkjip_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(tools)
        layout.addWidget(self.ranking_table, 1)
        return tab

    def _award_text(self, row: AnnualRow) -> str:
        count = self._award_count()
        return self.tr("Piagam") if row.rank is not None and row.rank <= count else ""

    def _award_count(self) -> int:
        return getattr(self, "_awards", 5)

    def print_piagam(self, folder: Path | None = None) -> Job | None:
        """Every piagam of the year into a folder (asked when not given), signed by today's regional head."""
        if self.db is None or self.year is None or self.printer.batch is not None:
            return None
        if folder is None:
            start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder piagam"), start)
            if not chosen:
                return None
            folder = Path(chosen)
        request = printing.Request(printing.PIAGAM, self.year)
        return self.printer.to_folder(self.db, request, folder, self.tr("Piagam Penghargaan"), self._printed)

    def _printed(self, outcome: Outcome) -> None:
        self.last_result = outcome
        if outcome.ok:
            self.ranking_note.setText(self.tr("{0} piagam ditulis.").format(len(outcome.value)))

    def save_lkjip(self, path: str | None = None) -> None:
        """The chosen LKjIP (the government's or an OPD's) as .docx or PDF, written off the GUI thread."""
        if self.db is None or self.year is None:
            return
        fmt = self.lkjip_format.currentData()
        code = self.lkjip_scope.currentData()
        if path is None:
            suggested = f"LKjIP-{self.year}-{code or 'PEMDA'}.{fmt}"
            path = save_dialog.ask_save_path(self, self.tr("Simpan LKjIP"), suggested,
                                             self.tr("Berkas {0} (*.{1})").format(fmt.upper(), fmt), suffix=f".{fmt}")
            if not path:
                return
        db, year = self.db, self.year

        def done(written: Path) -> None:
            self.last_result = Outcome(value=written)
            self.ranking_note.setText(self.tr("LKjIP tersimpan: {0}").format(written))

        def failed(error: BaseException) -> None:
            self.last_result = Outcome(error=error if isinstance(error, Exception) else None, message=str(error))
            messages.show_error(self, self.tr("LKjIP"), str(error))

        self.runner.run(partial(printing.write_lkjip, opd_code=code, fmt=fmt), db, year, Path(path),
                        on_success=done, on_failure=failed)

    # -- the screen ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        has_year = self.db is not None and self.year is not None
        for widget in (self.piagam_button, self.lkjip_button, self.save_button):
            widget.setEnabled(has_year)
        if not has_year:
            self.opd_model.set_rows([])
            self.ranking_model.set_rows([])
            return
        assert self.db is not None and self.year is not None
        ranking = akip_ranking.annual_ranking(self.db, self.year)
        self._awards = ranking.award_count
        self.lkjip_scope.clear()
        self.lkjip_scope.addItem(self.tr("Pemerintah daerah"), None)
        for row in ranking.rows:
            self.lkjip_scope.addItem(row.opd_abbreviation or row.opd_name, row.opd_abbreviation or row.opd_code)
        state = "" if ranking.capaian_closed else self.tr(" Nilai capaian sementara: Triwulan IV belum ditutup.")
        self.ranking_note.setText(self.tr("Peringkat menurut nilai AKIP tahun {0}; {1} terbaik menerima piagam.{2}")
                                  .format(self.year, ranking.award_count, state))
        current = self.form.opd_id if self.form is not None and self.form.year == self.year else None
        self.form = None
        self._reload_list(current)
        if self.form is None and self.opd_model.rowCount():
            self.opd_table.selectRow(0)
            self._open(0)

    def shutdown(self) -> None:
        self.printer.shutdown()
