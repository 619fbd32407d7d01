"""The Evaluasi Triwulan wizard: renders an :class:`~kinerja_desktop.gui.evaluation_flow.EvaluationFlow`.

Pages come from ``ui/wizard_*.ui``; their ids are :class:`Step`. Each page asks the flow to validate before
Next and shows its Indonesian messages; Selesai saves everything through the service in one transaction.
The tables take pasted cells from Excel, Enter and undo (``grid.GridEditing``); Batal, Esc and closing ask
before throwing typed input away (``unsaved.UnsavedChangesGuard``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...db.errors import KinerjaDbError
from ...domain.enums import Quarter
from ...domain.formatting import format_number, format_rupiah, parse_rupiah
from ...services.errors import FORM, ValidationError
from ...services.evaluation_data import budget_key, problems_key, value_key
from .. import connection, messages, permissions
from ..evaluation_flow import EvaluationFlow, EvaluationSource, IndicatorEntry, ServiceSource, Step, SummaryLine
from ..forms.ui_wizard_budget import Ui_WizardBudgetPage
from ..forms.ui_wizard_choose import Ui_WizardChoosePage
from ..forms.ui_wizard_problems import Ui_WizardProblemsPage
from ..forms.ui_wizard_realization import Ui_WizardRealizationPage
from ..forms.ui_wizard_summary import Ui_WizardSummaryPage
from ..grid import GridEditing
from ..models.evaluation_budget_model import BudgetEntryModel
from ..models.evaluation_colors import WATCH, capaian_color, predicate_color
from ..models.evaluation_entry_model import RealizationEntryModel, target_text
from ..models.record_table import RIGHT, Column, RecordTableModel
from ..plausibility import confirmation_text
from ..unsaved import UnsavedChangesGuard
from ..views import setup_table

Index = QModelIndex | QPersistentModelIndex
MAX_LISTED_ERRORS = 6


def ask_evidence_files(parent: QWidget) -> list[str]:
    """Choose supporting files (tests replace this)."""
    files, _filter = QFileDialog.getOpenFileNames(
        parent, parent.tr("Lampirkan bukti dukung"), "", parent.tr("Semua berkas (*)")
    )
    return files


def error_text(errors: dict[str, str]) -> str:
    lines = list(errors.values())
    text = "\n".join(lines[:MAX_LISTED_ERRORS])
    if len(lines) > MAX_LISTED_ERRORS:
        text += "\n" + QApplication.translate("EvaluationWizard", "… dan {0} masalah lain").format(
            len(lines) - MAX_LISTED_ERRORS
        )
    return text


def percent(value: Any) -> str:
    return "–" if value is None else f"{format_number(value, 2)} %"


def _commit_open_editor(view: QAbstractItemView) -> None:
    """Write a cell still being edited into the model (Next may be pressed while typing)."""
    focus = QApplication.focusWidget()
    if focus is not None and view.isAncestorOf(focus) and view.state() == QAbstractItemView.State.EditingState:
        view.commitData(focus)
        view.closeEditor(focus, QAbstractItemDelegate.EndEditHint.NoHint)


def _editable_table(view: QTableView, stretch: int) -> None:
    setup_table(view, stretch_column=stretch, sortable=False)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setWordWrap(False)


class RealizationDelegate(QStyledItemDelegate):
    """A line edit for numbers; a list of grades (worst last) for qualitative indicators."""

    def __init__(self, model: RealizationEntryModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        scale = self.model.entry(index.row()).scale
        if scale is not None:
            combo = QComboBox(parent)
            combo.addItem(self.tr("— belum diisi —"), "")
            for grade, description in reversed(list(zip(scale.grades, scale.descriptions, strict=True))):
                combo.addItem(f"{grade} — {description}", grade)
            return combo
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(text)))
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "")
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())


class AmountDelegate(QStyledItemDelegate):
    """A right-aligned line edit for rupiah typed as ``1.250.000``."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text())


class _Page(QWizardPage):
    step: Step

    def __init__(self, wizard: EvaluationWizard) -> None:
        super().__init__(wizard)
        self.flow = wizard.flow

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        following = self.flow.next_step(self.step)
        return -1 if following is None else int(following)

    def show_errors(self, errors: dict[str, str]) -> bool:
        label = self.ui.errorLabel  # type: ignore[attr-defined]
        label.setText(error_text(errors))
        label.setVisible(bool(errors))
        return not errors

    def show_message(self, text: str) -> None:
        """What a paste or an emptying of cells did (the grid's message)."""
        label = self.ui.errorLabel  # type: ignore[attr-defined]
        label.setText(text)
        label.setVisible(bool(text))


class ChoosePage(_Page):
    step = Step.CHOOSE

    def __init__(self, wizard: EvaluationWizard, years: list[int], year: int | None, quarter: int | None,
                 opd_id: str | None) -> None:
        super().__init__(wizard)
        self.ui = Ui_WizardChoosePage()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self._wanted_opd = opd_id
        self._db = wizard.db
        for y in years:
            self.ui.yearCombo.addItem(str(y), y)
        self.ui.yearCombo.setCurrentIndex(max(0, self.ui.yearCombo.findData(year)))
        self.ui.quarterCombo.setCurrentIndex(-1)
        self._fill_quarters()
        self.ui.quarterCombo.setCurrentIndex(max(0, (quarter or 1) - 1))
        self._fill_opds()
        self.ui.yearCombo.currentIndexChanged.connect(lambda _i: (self._fill_quarters(), self._fill_opds()))
        self.ui.quarterCombo.currentIndexChanged.connect(lambda _i: self._update_status())
        self.ui.opdCombo.currentIndexChanged.connect(lambda _i: self._update_status())
        self._update_status()

    def year(self) -> int | None:
        return self.ui.yearCombo.currentData()

    def quarter(self) -> int | None:
        return self.ui.quarterCombo.currentData()

    def opd_id(self) -> str | None:
        return self.ui.opdCombo.currentData()

    def _fill_quarters(self) -> None:
        current = self.ui.quarterCombo.currentIndex()
        closed = self.flow.closed_quarters(self.year()) if self.year() is not None else set()
        self.ui.quarterCombo.blockSignals(True)
        self.ui.quarterCombo.clear()
        for q in (1, 2, 3, 4):
            label = Quarter(q).label
            self.ui.quarterCombo.addItem(self.tr("{0} (ditutup)").format(label) if q in closed else label, q)
        self.ui.quarterCombo.setCurrentIndex(max(current, 0))
        self.ui.quarterCombo.blockSignals(False)

    def _fill_opds(self) -> None:
        wanted = self.opd_id() or self._wanted_opd
        self.ui.opdCombo.blockSignals(True)
        self.ui.opdCombo.clear()
        choices = self.flow.choices(self.year()) if self.year() is not None else []
        # an operator fills in its own OPDs' reports only
        choices = [c for c in choices if permissions.may(self._db, "opd_data", c.opd_id)]
        for choice in choices:
            self.ui.opdCombo.addItem(choice.label, choice.opd_id)
            self.ui.opdCombo.setItemData(self.ui.opdCombo.count() - 1, choice.name, Qt.ItemDataRole.ToolTipRole)
        self.ui.opdCombo.setCurrentIndex(max(0, self.ui.opdCombo.findData(wanted)) if choices else -1)
        self.ui.opdCombo.setEnabled(bool(choices))
        self.ui.opdCombo.blockSignals(False)
        self._update_status()

    def _update_status(self) -> None:
        year, quarter = self.year(), self.quarter()
        self.show_errors({})
        if year is None:
            self.ui.statusLabel.setText(self.tr("Belum ada tahun anggaran di basis data ini."))
        elif self.ui.opdCombo.count() == 0:
            self.ui.statusLabel.setText(
                self.tr("Belum ada Perjanjian Kinerja {0} yang ditandatangani; realisasi belum dapat diisi.").format(
                    year
                )
            )
        elif quarter in self.flow.closed_quarters(year):
            self.ui.statusLabel.setText(
                self.tr("{0} tahun {1} sudah ditutup Bappeda: realisasinya terkunci.").format(
                    Quarter(quarter).label, year
                )
            )
        else:
            self.ui.statusLabel.setText(
                self.tr("{0} perangkat daerah dengan PK {1} yang ditandatangani.").format(
                    self.ui.opdCombo.count(), year
                )
            )

    def validatePage(self) -> bool:  # noqa: N802
        return self.show_errors(self.flow.choose(self.year(), self.quarter(), self.opd_id()))


class RealizationPage(_Page):
    step = Step.REALIZATION

    def __init__(self, wizard: EvaluationWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_WizardRealizationPage()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self.model = RealizationEntryModel(self.flow, self)
        self.ui.table.setModel(self.model)
        _editable_table(self.ui.table, RealizationEntryModel.STATE)
        header = self.ui.table.horizontalHeader()
        width = self.fontMetrics().horizontalAdvance("x")
        header.setSectionResizeMode(RealizationEntryModel.INDICATOR, QHeaderView.ResizeMode.Interactive)
        self.ui.table.setColumnWidth(RealizationEntryModel.INDICATOR, width * 40)
        header.setSectionResizeMode(RealizationEntryModel.VALUE, QHeaderView.ResizeMode.Interactive)
        self.ui.table.setColumnWidth(RealizationEntryModel.VALUE, width * 16)
        self.delegate = RealizationDelegate(self.model, self)
        self.ui.table.setItemDelegateForColumn(RealizationEntryModel.VALUE, self.delegate)
        self.grid = GridEditing(self.ui.table, parse=self._parse_cell)
        self.grid.message.connect(self.show_message)
        self.model.edited.connect(lambda: self.show_errors({}))
        threshold = format_number(self.flow.settings.warning_threshold, None)
        self.ui.legendLabel.setText(
            self.tr(
                "Warna capaian: hijau ≥ 100 %; jingga di bawah 100 % (kendala wajib diisi); "
                "merah di bawah ambang peringatan dini {0} %. Kosongkan realisasi yang belum ada (belum diisi)."
            ).format(threshold)
        )

    def initializePage(self) -> None:  # noqa: N802
        self.model.reload()
        flow = self.flow
        assert flow.quarter is not None
        context = self.tr("{0} · {1} tahun {2}").format(flow.opd_name, Quarter(flow.quarter).label, flow.year)
        if flow.reopened:
            context += self.tr(
                " — realisasi tersimpan ditampilkan; perubahan dicatat sebagai koreksi di log audit."
            )
        self.ui.contextLabel.setText(context)
        self.show_errors({})
        if self.model.rowCount():
            self.ui.table.setCurrentIndex(self.model.index(0, RealizationEntryModel.VALUE))

    def _parse_cell(self, index: QModelIndex, text: str) -> str:
        """A pasted realisation is read as the flow reads it (a number or a grade); refused with its reason."""
        entry = self.model.entry(index.row())
        typed = text.strip()
        if typed:
            self.flow.parsed_value(IndicatorEntry(entry.result, typed))  # ValueError names the problem
        return typed

    def validatePage(self) -> bool:  # noqa: N802
        _commit_open_editor(self.ui.table)
        errors = self.flow.validate(self.step)
        if errors:
            self._select_first(errors)
        return self.show_errors(errors)

    def _select_first(self, errors: dict[str, str]) -> None:
        for row, entry in enumerate(self.flow.entries):
            if value_key(entry.indicator_id) in errors:
                self.ui.table.setCurrentIndex(self.model.index(row, RealizationEntryModel.VALUE))
                return


class BudgetPage(_Page):
    step = Step.BUDGET

    def __init__(self, wizard: EvaluationWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_WizardBudgetPage()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self.model = BudgetEntryModel(self.flow, self)
        self.ui.table.setModel(self.model)
        _editable_table(self.ui.table, BudgetEntryModel.PROGRAM)
        self.delegate = AmountDelegate(self)
        self.ui.table.setItemDelegateForColumn(BudgetEntryModel.AMOUNT, self.delegate)
        self.grid = GridEditing(self.ui.table, parse=self._parse_cell)
        self.grid.message.connect(self.show_message)
        self.model.edited.connect(self._update_total)

    def initializePage(self) -> None:  # noqa: N802
        self.model.reload()
        self._update_total()
        if self.model.rowCount():
            self.ui.table.setCurrentIndex(self.model.index(0, BudgetEntryModel.AMOUNT))

    @staticmethod
    def _parse_cell(_index: QModelIndex, text: str) -> str:
        """Pasted rupiah: whole, not negative (``parse_rupiah``'s words when not)."""
        if text.strip():
            parse_rupiah(text)
        return text.strip()

    def _update_total(self) -> None:
        self.show_errors({})
        summary = self.flow.summary()
        self.ui.totalLabel.setText(
            self.tr("Jumlah pagu {0}; realisasi s.d. triwulan {1}; serapan {2}.").format(
                format_rupiah(summary.pagu), format_rupiah(summary.realized_to_date), percent(summary.absorption)
            )
        )

    def validatePage(self) -> bool:  # noqa: N802
        _commit_open_editor(self.ui.table)
        errors = self.flow.validate(self.step)
        for row, entry in enumerate(self.flow.programs):
            if budget_key(entry.program_id) in errors:
                self.ui.table.setCurrentIndex(self.model.index(row, BudgetEntryModel.AMOUNT))
                break
        return self.show_errors(errors)


class ProblemsPage(_Page):
    step = Step.PROBLEMS

    def __init__(self, wizard: EvaluationWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_WizardProblemsPage()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self._loading = False
        self.ui.indicatorList.setWordWrap(True)
        self.ui.indicatorList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ui.indicatorList.setSpacing(2)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.indicatorList.currentRowChanged.connect(self._show_entry)
        self.ui.problemsEdit.textChanged.connect(self._store_texts)
        self.ui.followUpEdit.textChanged.connect(self._store_texts)
        self.ui.attachButton.clicked.connect(lambda _checked=False: self.attach())
        self.ui.detachButton.clicked.connect(lambda _checked=False: self.detach())
        self.ui.oldProblemsButton.clicked.connect(lambda _checked=False: self.take_back_old_problems())
        self.ui.evidenceList.currentRowChanged.connect(lambda _r: self._update_buttons())
        lines = self.fontMetrics().lineSpacing()
        for edit in (self.ui.problemsEdit, self.ui.followUpEdit):
            edit.setMinimumHeight(lines * 4)
        self.ui.evidenceList.setMinimumHeight(lines * 3)

    def entry(self) -> IndicatorEntry | None:
        row = self.ui.indicatorList.currentRow()
        return self.flow.entries[row] if 0 <= row < len(self.flow.entries) else None

    def initializePage(self) -> None:  # noqa: N802
        self.flow.set_aside_old_problems()  # a corrected value does not keep (and print) the old kendala
        self.ui.indicatorList.clear()
        first_required = None
        for row, entry in enumerate(self.flow.entries):
            item = QListWidgetItem()
            self.ui.indicatorList.addItem(item)
            self._label_item(row)
            if first_required is None and self.flow.needs_problems(entry):
                first_required = row
        self.ui.indicatorList.setCurrentRow(first_required if first_required is not None else 0)
        self.show_errors({})

    def _label_item(self, row: int) -> None:
        entry = self.flow.entries[row]
        item = self.ui.indicatorList.item(row)
        reading = self.flow.reading(entry)
        required = self.flow.needs_problems(entry)
        mark = "✱ " if required else ""
        done = " ✓" if required and entry.problems.strip() and entry.follow_up.strip() else ""
        state = "" if reading.state.counted else f" · {reading.state.label}"
        item.setText(f"{mark}{entry.result.name}\n    {self.tr('capaian')} {percent(reading.capaian)}{state}{done}")
        color = capaian_color(reading.capaian, self.flow.settings.warning_threshold)
        item.setForeground(QBrush(color) if color is not None and required else QBrush())
        tip = self.tr("Kendala dan tindak lanjut wajib diisi (capaian di bawah 100 %)") if required else ""
        item.setToolTip(f"{entry.result.name}\n{tip}".strip())

    def _show_entry(self, row: int) -> None:
        entry = self.entry()
        self._loading = True
        try:
            if entry is None:
                for edit in (self.ui.problemsEdit, self.ui.followUpEdit):
                    edit.clear()
                self.ui.oldProblemsLabel.hide()
                self.ui.oldProblemsButton.hide()
                self.ui.indicatorLabel.clear()
                self.ui.readingLabel.clear()
                self.ui.evidenceList.clear()
                return
            reading = self.flow.reading(entry)
            self.ui.indicatorLabel.setText(f"<b>{entry.result.name}</b>")
            required = self.flow.needs_problems(entry)
            text = self.tr("Capaian thd target s.d. TW: {0}; progres thd target tahunan: {1}.").format(
                percent(reading.capaian), percent(reading.progress)
            )
            if required:
                text += " " + self.tr("Kendala dan tindak lanjut wajib diisi.")
            self.ui.readingLabel.setText(text)
            self.ui.readingLabel.setStyleSheet(f"color: {WATCH.name()};" if required else "")
            self.ui.problemsEdit.setPlainText(entry.problems)
            self.ui.followUpEdit.setPlainText(entry.follow_up)
            self._show_old_problems(entry)
            self._fill_evidence(entry)
        finally:
            self._loading = False
        self._update_buttons()

    def _show_old_problems(self, entry: IndicatorEntry) -> None:
        note = self.flow.old_problems_note(entry)
        self.ui.oldProblemsLabel.setText(note)
        self.ui.oldProblemsLabel.setVisible(bool(note))
        self.ui.oldProblemsButton.setVisible(entry.set_aside is not None)

    def take_back_old_problems(self) -> None:
        """Kembalikan kendala lama: the kendala set aside after a correction are kept after all."""
        entry = self.entry()
        if entry is None:
            return
        self.flow.take_back_problems(entry)
        self._show_entry(self.ui.indicatorList.currentRow())
        self._label_item(self.ui.indicatorList.currentRow())

    def _fill_evidence(self, entry: IndicatorEntry) -> None:
        self.ui.evidenceList.clear()
        if entry.result.evidence_count:
            stored = QListWidgetItem(self.tr("{0} berkas tersimpan sebelumnya").format(entry.result.evidence_count))
            stored.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.ui.evidenceList.addItem(stored)
        for path in entry.new_evidence:
            item = QListWidgetItem(self.tr("{0} (baru)").format(path.name))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.ui.evidenceList.addItem(item)

    def _store_texts(self) -> None:
        entry = self.entry()
        if self._loading or entry is None:
            return
        entry.problems = self.ui.problemsEdit.toPlainText()
        entry.follow_up = self.ui.followUpEdit.toPlainText()
        self._label_item(self.ui.indicatorList.currentRow())
        self.show_errors({})

    def attach(self, files: list[str] | None = None) -> None:
        entry = self.entry()
        if entry is None:
            return
        chosen = files if isinstance(files, list) else ask_evidence_files(self)
        for name in chosen:
            path = Path(name)
            if path not in entry.new_evidence:
                entry.new_evidence.append(path)
        self._fill_evidence(entry)
        self._update_buttons()

    def detach(self) -> None:
        entry = self.entry()
        item = self.ui.evidenceList.currentItem()
        if entry is None or item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        entry.new_evidence.remove(Path(item.data(Qt.ItemDataRole.UserRole)))
        self._fill_evidence(entry)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.ui.evidenceList.currentItem()
        self.ui.attachButton.setEnabled(self.entry() is not None)
        self.ui.detachButton.setEnabled(item is not None and item.data(Qt.ItemDataRole.UserRole) is not None)

    def validatePage(self) -> bool:  # noqa: N802
        errors = self.flow.validate(self.step)
        for row, entry in enumerate(self.flow.entries):
            if problems_key(entry.indicator_id) in errors:
                self.ui.indicatorList.setCurrentRow(row)
                break
        return self.show_errors(errors)


class SummaryPage(_Page):
    step = Step.SUMMARY

    def __init__(self, wizard: EvaluationWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.ui = Ui_WizardSummaryPage()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self.setCommitPage(False)
        self.model = RecordTableModel[SummaryLine](
            [
                Column(self.tr("Indikator"), lambda s: s.name),
                Column(self.tr("Target s.d. TW"), lambda s: target_text(s.target_to_date, None, s.target_grade),
                       align=RIGHT),
                Column(self.tr("Realisasi s.d. TW"),
                       lambda s: s.reading.grade or format_number(s.reading.realization_to_date, None), align=RIGHT),
                Column(self.tr("Capaian thd target s.d. TW"), lambda s: percent(s.reading.capaian), align=RIGHT,
                       color=lambda s: capaian_color(s.reading.capaian, self.flow.settings.warning_threshold)),
                Column(self.tr("Progres thd target tahunan"), lambda s: percent(s.reading.progress), align=RIGHT),
                Column(self.tr("Keterangan"), lambda s: "" if s.reading.state.counted else s.reading.state.label),
            ],
            self,
        )
        self.ui.table.setModel(self.model)
        setup_table(self.ui.table, stretch_column=0, sortable=False)

    def initializePage(self) -> None:  # noqa: N802
        summary = self.flow.summary()
        self.model.set_rows(list(summary.lines))
        self.ui.scoreValue.setText(f"<b>{format_number(summary.score, 2, empty='–')}</b>")
        color = predicate_color(summary.predicate, self.flow.settings.bands)
        self.ui.predicateValue.setText(summary.predicate or "–")
        self.ui.predicateValue.setStyleSheet(f"color: {color.darker(130).name()}; font-weight: bold;")
        self.ui.absorptionValue.setText(
            self.tr("{0} ({1} dari pagu {2})").format(
                percent(summary.absorption), format_rupiah(summary.realized_to_date), format_rupiah(summary.pagu)
            )
            if summary.pagu
            else "–"
        )
        self.ui.efficiencyValue.setText(summary.efficiency or "–")
        notes = []
        if summary.missing:
            notes.append(
                self.tr("{0} indikator belum diisi atau belum rilis: tidak dihitung dalam nilai dan ditandai.").format(
                    summary.missing
                )
            )
        notes.append(
            self.tr("Nilai = rata-rata capaian indikator yang dibatasi {0} %.").format(
                format_number(self.flow.settings.cap, None)
            )
        )
        notes += self.flow.capped_notes()  # a capped capaian says so
        if self.flow.reopened and self.flow.loaded is not None:
            notes.append(
                self.tr("Nilai tersimpan sebelumnya: {0}. Perubahan dicatat sebagai koreksi di log audit.").format(
                    format_number(self.flow.loaded.score, 2, empty="–")
                )
            )
        self.ui.noteLabel.setText("\n".join(notes))
        self.show_errors({})

    def validatePage(self) -> bool:  # noqa: N802 - Selesai: save everything
        warnings = self.flow.plausibility_warnings()
        if warnings and not messages.confirm(self, self.tr("Periksa angka"), confirmation_text(warnings)):
            return False  # back to correct them; nothing saved
        return self.wizard_.save()


class EvaluationWizard(UnsavedChangesGuard, QWizard):
    """Emits ``saved(opd_id, year, quarter)`` after the quarter report was stored."""

    saved = Signal(str, int, int)
    guard_can_save = False  # only Selesai saves: Batal asks whether to throw the input away

    def __init__(
        self,
        db: Any,
        year: int | None,
        quarter: int | None = None,
        opd_id: str | None = None,
        parent: QWidget | None = None,
        *,
        years: list[int] | None = None,
        source: EvaluationSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db if source is None else None  # a test's source: no user to follow
        self.flow = EvaluationFlow(source or ServiceSource(db), year)
        self.setWindowTitle(self.tr("Evaluasi Triwulan — isi realisasi"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.choose_page = ChoosePage(self, years or ([year] if year else []), year, quarter, opd_id)
        self.realization_page = RealizationPage(self)
        self.budget_page = BudgetPage(self)
        self.problems_page = ProblemsPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.choose_page, self.realization_page, self.budget_page, self.problems_page,
                     self.summary_page):
            self.setPage(int(page.step), page)
        self.setStartId(int(Step.CHOOSE))
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x") * 140, metrics.lineSpacing() * 38)

    def page_for(self, step: Step) -> _Page:
        return self.page(int(step))  # type: ignore[return-value]

    def has_unsaved_changes(self) -> bool:
        return self.flow.saved is None and self.flow.is_changed()

    def save(self) -> bool:
        """Store the report; on refusal show why (nothing was written: the service works in one transaction)."""
        page = self.summary_page
        try:
            result = self.flow.finish()
        except ValidationError as exc:
            errors = exc.errors or {FORM: str(exc)}
            page.show_errors(errors)
            steps = sorted({self.flow.step_of(key) for key in errors})
            text = error_text(errors)
            if steps and steps[0] is not Step.SUMMARY:
                text += "\n\n" + self.tr("Perbaiki di halaman sebelumnya (tombol < Kembali). Tidak ada data yang "
                                         "tersimpan.")
            else:
                text += "\n\n" + self.tr("Tidak ada data yang tersimpan.")
            messages.show_error(self, self.tr("Realisasi tidak disimpan"), text)
            return False
        except connection.PROBLEMS as exc:  # server lost, or another computer saved first: nothing typed is lost
            page.show_errors({FORM: str(exc)})
            choice = connection.explain(self, exc)
            if choice == connection.RETRY:
                return self.save()
            if choice == connection.RELOAD:
                self.reload_from_server()
            return False
        except (KinerjaDbError, OSError) as exc:
            return self._failed(str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure rolls the transaction back; say so
            return self._failed(str(exc) or type(exc).__name__)
        assert self.flow.year is not None and self.flow.quarter is not None
        self.saved.emit(result.opd_id, self.flow.year, self.flow.quarter)
        return True

    def reload_from_server(self) -> None:
        """After another computer's save: its values where it changed them, what was typed here elsewhere."""
        try:
            changed = self.flow.reload()
        except connection.PROBLEMS as exc:
            connection.explain(self, exc, can_reload=False)
            return
        self.summary_page.initializePage()
        text = self.tr("Data dimuat ulang dari basis data.")
        if changed:
            text += " " + self.tr("Diubah di komputer lain (nilai itu yang kini tampil): {0}.").format(
                "; ".join(changed)
            )
        text += " " + self.tr("Yang Anda ketik untuk isian lain tetap. Periksa, lalu simpan lagi.")
        self.summary_page.show_errors({FORM: text})
        messages.show_info(self, self.tr("Dimuat ulang"), text)

    def _failed(self, reason: str) -> bool:
        text = self.tr("Penyimpanan gagal; tidak ada data yang tersimpan.\n\n{0}").format(reason)
        self.summary_page.show_errors({FORM: text})
        messages.show_error(self, self.tr("Realisasi tidak disimpan"), text)
        return False
