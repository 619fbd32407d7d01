"""The form of one indicator: layout from ui/indicator_form.ui, targets per year with TW I–IV.

Numbers are typed the Indonesian way ("92,5", "1.250"). Each year's row is checked live against the
cumulation rule; on Simpan the service validates everything in one go and its messages go to the field
at fault (target cells are highlighted, their messages listed under the table). A save is one
transaction: when it fails, nothing is stored and the input stays on screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...domain.achievement import QUALITATIVE_SCALES
from ...domain.enums import Cumulation, Polarity
from ...domain.formatting import format_number, parse_number
from ...domain.targets import derived_quarters, is_strict_percentage
from ...services import renstra
from ...services.errors import FORM, ValidationError
from ...services.renstra import IndicatorData, PeriodInfo
from .. import messages
from ..delegates import NumberDelegate
from ..forms.ui_indicator_form import Ui_IndicatorForm
from ..grid import GridEditing
from ..models.renstra_targets_model import RenstraTargetsModel
from ..plausibility import confirmation_text, target_warnings
from ..unsaved import UnsavedChangesGuard
from .field_errors import FieldErrors

Index = QModelIndex | QPersistentModelIndex
UNITS = ("%", "orang", "dokumen", "nilai", "indeks", "Rp", "unit", "tahun", "jam", "per 100.000 KH", "‰", "desa")
TARGET_KEY = re.compile(r"^targets\[(\d{4})\]\.(\w+)$")


def _field_order(name: str) -> int:
    fields = RenstraTargetsModel.FIELDS
    return fields.index(name) if name in fields else len(fields)


class GradeDelegate(QStyledItemDelegate):
    """Chooses a grade of the indicator's qualitative scale (WTP, AA, level 3 …)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grades: tuple[str, ...] = ()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem("", None)
        for grade in self.grades:
            combo.addItem(grade, grade)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class IndicatorFormDialog(UnsavedChangesGuard, QDialog):
    """Add or edit an indicator of a sasaran; emits ``saved(id)`` after the service stored it."""

    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        period: PeriodInfo,
        *,
        goal_id: str | None = None,
        indicator_id: str | None = None,
        targets: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
        save: Callable[[Database, IndicatorData], str] = renstra.save_indicator,
    ) -> None:
        """``targets`` are the sasaran as (id, label): where the indicator may sit; ``save`` the service that
        stores it (the Renstra's, or the RPJMD's for a regional indicator)."""
        super().__init__(parent)
        self._save = save
        self.ui = Ui_IndicatorForm()
        self.ui.setupUi(self)
        self._db = db
        self.period = period
        self.saved_id: str | None = None
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self.messages = FieldErrors(
            self,
            ui.formError,
            {
                "goal_id": (ui.goalError, ui.goalCombo, ui.indicatorLayout),
                "name": (ui.nameError, ui.nameEdit, ui.indicatorLayout),
                "unit": (ui.unitError, ui.unitCombo, ui.indicatorLayout),
                "weight": (ui.weightError, ui.weightEdit, ui.indicatorLayout),
                "baseline": (ui.baselineError, ui.baselineEdit, ui.definitionLayout),
            },
        )
        self._fill_choices(targets or [])
        self.model = RenstraTargetsModel(self)
        self.number_delegate = NumberDelegate(self)
        self.number_delegate.input_rejected.connect(self._on_invalid_number)
        self.grade_delegate = GradeDelegate(self)
        self._setup_table()

        if indicator_id is not None:
            self._data = renstra.get_indicator(db, indicator_id)
            self.setWindowTitle(self.tr("Ubah Indikator — {0}").format(self._data.code or self._data.name[:40]))
        else:
            self._data = IndicatorData(goal_id=goal_id or "", name="", unit="")
            self.setWindowTitle(self.tr("Tambah Indikator"))
        self._load(self._data)
        for signal in (
            ui.unitCombo.currentTextChanged,
            ui.polarityCombo.currentIndexChanged,
            ui.cumulationCombo.currentIndexChanged,
            ui.scaleCombo.currentIndexChanged,
        ):
            signal.connect(self._on_rules_changed)
        self._on_rules_changed()
        self.messages.clear()
        ui.targetsError.hide()
        self._size_fields()
        self._loaded_targets = {t.year: (t.target, t.quarters) for t in self.model.targets()}
        self.mark_clean()

    # -- set-up --------------------------------------------------------------------------------------
    def _fill_choices(self, targets: list[tuple[str, str]]) -> None:
        ui = self.ui
        for gid, label in targets:
            ui.goalCombo.addItem(label, gid)
            ui.goalCombo.setItemData(ui.goalCombo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        ui.unitCombo.addItems(UNITS)
        for polarity in Polarity:
            ui.polarityCombo.addItem(self.tr(polarity.label), polarity)
        for cumulation in Cumulation:
            ui.cumulationCombo.addItem(self.tr(cumulation.label), cumulation)
        ui.scaleCombo.addItem(self.tr("Tidak (target berupa angka)"), None)
        for name, scale in QUALITATIVE_SCALES.items():
            ui.scaleCombo.addItem(f"{scale.title} ({', '.join(reversed(scale.grades))})", name)

    def _setup_table(self) -> None:
        view = self.ui.targetsView
        view.setModel(self.model)
        view.setItemDelegate(self.number_delegate)
        self.check_delegate = QStyledItemDelegate(self)  # the verdict is text, left-aligned
        view.setItemDelegateForColumn(RenstraTargetsModel.CHECK, self.check_delegate)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setWordWrap(False)
        # Excel habits: paste a block of targets, copy, Enter down, undo (grid.GridEditing)
        self.grid = GridEditing(view)
        self.grid.message.connect(self._grid_message)
        self.fill_action = self.grid.add_action(self.tr("Isi TW I–IV dari target tahunan"), self.fill_quarters)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(round(view.fontMetrics().lineSpacing() * 1.7))
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        number_width = view.fontMetrics().horizontalAdvance("0" * 12)
        for column in range(RenstraTargetsModel.CHECK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, number_width)
        header.setSectionResizeMode(RenstraTargetsModel.CHECK, QHeaderView.ResizeMode.Stretch)

    def _size_fields(self) -> None:
        # Sizes in characters and lines of the current font: they follow font size and DPI scaling.
        metrics = self.fontMetrics()
        ui = self.ui
        ui.nameEdit.setMinimumWidth(metrics.horizontalAdvance("x" * 42))
        ui.goalCombo.setMinimumWidth(metrics.horizontalAdvance("x" * 42))
        ui.goalCombo.setMaximumWidth(metrics.horizontalAdvance("x" * 60))
        ui.goalCombo.view().setMinimumWidth(metrics.horizontalAdvance("x" * 80))
        ui.cumulationHint.setMaximumWidth(metrics.horizontalAdvance("x" * 48))
        for edit in (ui.definitionEdit, ui.formulaEdit):
            edit.setMinimumWidth(metrics.horizontalAdvance("x" * 40))
            edit.setFixedHeight(round(metrics.lineSpacing() * 4.5))
        ui.weightEdit.setMaximumWidth(metrics.horizontalAdvance("0" * 10))
        rows = max(1, self.model.rowCount())
        view = ui.targetsView
        frame = 2 * view.frameWidth()
        view.setFixedHeight(
            view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize() + frame
        )
        self.resize(self.sizeHint())

    def _load(self, data: IndicatorData) -> None:
        ui = self.ui
        index = ui.goalCombo.findData(data.goal_id)
        ui.goalCombo.setCurrentIndex(max(0, index))
        ui.codeEdit.setText(data.code)
        ui.nameEdit.setText(data.name)
        ui.unitCombo.setCurrentText(data.unit)
        ui.polarityCombo.setCurrentIndex(max(0, ui.polarityCombo.findData(data.polarity)))
        ui.cumulationCombo.setCurrentIndex(max(0, ui.cumulationCombo.findData(data.cumulation)))
        ui.scaleCombo.setCurrentIndex(max(0, ui.scaleCombo.findData(data.qualitative_scale)))
        ui.weightEdit.setText(format_number(data.weight, None))
        ui.definitionEdit.setPlainText(data.definition)
        ui.formulaEdit.setPlainText(data.formula)
        ui.dataSourceEdit.setText(data.data_source)
        ui.baselineEdit.setText(format_number(data.baseline, None))
        ui.baselineYearSpin.setValue(data.baseline_year or ui.baselineYearSpin.minimum())
        self.model.set_targets(list(self.period.years), data.targets)

    # -- live rules ----------------------------------------------------------------------------------
    # Combo item data come back from Qt as plain strings: turn them into the enums again.
    def polarity(self) -> Polarity:
        return Polarity(self.ui.polarityCombo.currentData() or Polarity.POSITIVE)

    def cumulation(self) -> Cumulation:
        return Cumulation(self.ui.cumulationCombo.currentData() or Cumulation.LAST_VALUE)

    def _on_rules_changed(self, *_args: object) -> None:
        ui = self.ui
        scale = ui.scaleCombo.currentData()
        unit = ui.unitCombo.currentText()
        self.model.set_rules(unit=unit, polarity=self.polarity(), cumulation=self.cumulation(), qualitative=bool(scale))
        view = ui.targetsView
        view.setColumnHidden(RenstraTargetsModel.TARGET_HIGH, self.polarity() is not Polarity.RANGE)
        if scale:
            self.grade_delegate.grades = QUALITATIVE_SCALES[scale].grades
            view.setItemDelegateForColumn(RenstraTargetsModel.TARGET, self.grade_delegate)
        else:
            view.setItemDelegateForColumn(RenstraTargetsModel.TARGET, self.number_delegate)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, RenstraTargetsModel.CHECK)
        ui.cumulationHint.setText(self._cumulation_hint(self.cumulation()))
        hint = self.tr("Ketik angka cara Indonesia, mis. 92,5 atau 1.250; kosongkan tahun yang belum direncanakan.")
        if scale:
            hint = self.tr("Indikator kualitatif: pilih predikat target tiap tahun; triwulan tidak diisi.")
        elif is_strict_percentage(unit):
            hint += " " + self.tr("Satuan %: setiap nilai 0–100 (bila bisa lebih, pakai mis. “% dari target”).")
        ui.targetsHint.setText(hint)

    def _cumulation_hint(self, cumulation: Cumulation) -> str:
        return {
            Cumulation.SUMMED: self.tr("TW I + TW II + TW III + TW IV = target tahunan (mis. jumlah investor)."),
            Cumulation.LAST_VALUE: self.tr("Target TW IV = target tahunan (mis. persentase cakupan)."),
            Cumulation.AVERAGE: self.tr("Rata-rata TW I–IV = target tahunan (mis. BOR)."),
            Cumulation.FLAT: self.tr("Setiap triwulan sama dengan target tahunan."),
            Cumulation.RELEASED: self.tr("Diisi pada triwulan rilisnya saja (BPS, BPK …); triwulan lain kosong."),
        }[cumulation]

    def fill_quarters(self) -> int:
        """TW I–IV of the chosen years from their yearly target by the indicator's cumulation rule (one undoable
        step; the context menu's "Isi TW I–IV dari target tahunan")."""
        if self.model.qualitative:
            self._grid_message(self.tr("Indikator berpredikat tidak memiliki target triwulan angka."))
            return 0
        rows, _columns = self.grid.selected_block()
        values = []
        for row in rows:
            target = self.model.index(row, RenstraTargetsModel.TARGET).data(Qt.ItemDataRole.EditRole)
            quarters = derived_quarters(self.cumulation(), self.polarity(), target)
            if quarters[0] is None:
                continue
            quarter_columns = (RenstraTargetsModel.Q1, RenstraTargetsModel.Q2, RenstraTargetsModel.Q3,
                               RenstraTargetsModel.Q4)
            values += [(self.model.index(row, column), value)
                       for column, value in zip(quarter_columns, quarters, strict=True)]
        stored, errors = self.grid.set_values(values, self.tr("isi TW dari target"))
        self.grid.report(self.tr("TW I–IV diisi dari target tahunan pada {0} tahun.").format(len(values) // 4),
                         errors)
        return stored

    def _grid_message(self, text: str) -> None:
        self.ui.targetsError.setText(text)
        self.ui.targetsError.setVisible(bool(text))

    def _on_invalid_number(self, message: str) -> None:
        row = self.ui.targetsView.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            message = self.tr("Tahun {0}: {1}").format(self.model.years()[row], message)
        self.ui.targetsError.setText(message)
        self.ui.targetsError.show()

    # -- data ----------------------------------------------------------------------------------------
    def _number(self, text: str, name: str, problems: dict[str, str]) -> Decimal | None:
        if not text.strip():
            return None
        try:
            return parse_number(text)
        except ValueError as exc:
            problems[name] = str(exc)
            return None

    def form_data(self) -> tuple[IndicatorData, dict[str, str]]:
        """The input as the service takes it, with the problems found while reading numbers."""
        ui = self.ui
        problems: dict[str, str] = {}
        baseline = self._number(ui.baselineEdit.text(), "baseline", problems)
        weight = self._number(ui.weightEdit.text(), "weight", problems)
        if weight is None and "weight" not in problems:
            problems["weight"] = self.tr("Bobot wajib diisi (biasanya 1)")
        year = ui.baselineYearSpin.value()
        d = self._data
        data = IndicatorData(
            goal_id=ui.goalCombo.currentData() or d.goal_id,
            name=ui.nameEdit.text(),
            unit=ui.unitCombo.currentText(),
            polarity=self.polarity(),
            cumulation=self.cumulation(),
            code=ui.codeEdit.text(),
            qualitative_scale=ui.scaleCombo.currentData(),
            definition=ui.definitionEdit.toPlainText(),
            formula=ui.formulaEdit.toPlainText(),
            data_source=ui.dataSourceEdit.text(),
            baseline=baseline,
            baseline_year=None if year == ui.baselineYearSpin.minimum() else year,
            weight=weight if weight is not None else Decimal(1),
            targets=self.model.targets(),
            is_active=d.is_active,
            id=d.id,
            version=d.version,
        )
        return data, problems

    def guard_state(self) -> tuple[Any, ...]:
        ui = self.ui
        return (
            ui.goalCombo.currentData(),
            ui.codeEdit.text(),
            ui.nameEdit.text(),
            ui.unitCombo.currentText(),
            self.polarity(),
            self.cumulation(),
            ui.scaleCombo.currentData(),
            ui.weightEdit.text(),
            ui.definitionEdit.toPlainText(),
            ui.formulaEdit.toPlainText(),
            ui.dataSourceEdit.text(),
            ui.baselineEdit.text(),
            ui.baselineYearSpin.value(),
            tuple((t.year, t.target, t.target_high, t.target_grade, t.quarters) for t in self.model.targets()),
        )


    # -- saving and closing --------------------------------------------------------------------------
    def accept(self) -> None:
        view = self.ui.targetsView
        editor = view.indexWidget(view.currentIndex())
        if editor is not None:  # a cell still being typed in (Simpan by keyboard): keep what the user sees
            view.commitData(editor)
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.clear_errors()
        data, problems = self.form_data()
        if problems:
            self.show_errors({**renstra.indicator_problems(data), **problems})
            return
        changed = [t for t in data.targets if self._loaded_targets.get(t.year) != (t.target, t.quarters)]
        if renstra.indicator_problems(data):
            changed = []  # refused by the service below, with its messages on the cells: nothing to ask first
        warnings = target_warnings(name=data.name, unit=data.unit,
                                   values=[v for t in changed for v in (t.target, *t.quarters)])
        if warnings and not messages.confirm(self, self.tr("Periksa angka"), confirmation_text(warnings)):
            return  # back to correct them; nothing saved
        try:
            indicator_id = self._save(self._db, data)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except KinerjaDbError as exc:
            self.show_errors({FORM: str(exc)})
            return
        self.saved_id = indicator_id
        self.mark_clean()
        self.saved.emit(indicator_id)
        super().accept()

    # -- messages on the fields ----------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.messages.clear()
        self.model.set_errors({})
        self.ui.targetsError.clear()
        self.ui.targetsError.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        cells: dict[tuple[int, str], str] = {}

        def claim(name: str, message: str) -> bool:
            match = TARGET_KEY.match(name)
            if match is None:
                return False
            cells[(int(match.group(1)), match.group(2))] = message
            return True

        self.messages.show(errors, extra=claim)
        if not cells:
            return
        self.model.set_errors(cells)
        order = sorted(cells, key=lambda k: (k[0], _field_order(k[1])))
        self.ui.targetsError.setText("\n".join(cells[key] for key in order))
        self.ui.targetsError.show()
        year, name = order[0]
        row = self.model.row_of_year(year)
        if row is not None and name in RenstraTargetsModel.FIELDS:
            index = self.model.index(row, RenstraTargetsModel.FIELDS.index(name))
            self.ui.targetsView.setCurrentIndex(index)
            self.ui.targetsView.scrollTo(index)
            if len(cells) == len(errors):
                self.ui.targetsView.setFocus()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def error_text(self, name: str) -> str:
        """The message shown for ``name`` (a field, FORM, or ``targets[YEAR].FIELD``)."""
        match = TARGET_KEY.match(name)
        if match:
            row = self.model.row_of_year(int(match.group(1)))
            field = match.group(2)
            if row is None or field not in RenstraTargetsModel.FIELDS:
                return ""
            return self.model.error_at(row, RenstraTargetsModel.FIELDS.index(field))
        return self.messages.text(name)
