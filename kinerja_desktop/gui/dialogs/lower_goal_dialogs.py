"""Editing the cascade below the Renstra from the pohon kinerja: a lower sasaran's statement, the upper sasaran
it supports, the position answering for it and the programs it carries (:class:`LowerGoalDialog`), and another
indicator of it with its yearly and quarterly targets (:class:`LowerIndicatorDialog`).

Both save through :mod:`services.cascade` on Simpan; a refusal is said under the field at fault and the dialog
stays open; Esc or Batal after typing asks first (the shared guard); a target that looks like a slip is asked
about before saving (issue 14 §13).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...domain.cascade import PROGRAM_LEVELS, CascadeTree, TreeNode, program_problem, support_problem
from ...domain.enums import Cumulation, GoalLevel
from ...domain.formatting import format_number, parse_number
from ...services import cascade, positions, programs
from ...services.cascade import LowerGoalData
from ...services.errors import ValidationError
from ...services.renstra import IndicatorData, TargetData
from .. import messages
from ..plausibility import confirmation_text, target_warnings
from ..unsaved import UnsavedChangesGuard
from .agreement_actions import _buttons, _error_label
from .field_errors import FieldErrors


def _field(form: QFormLayout, label: str, widget: QWidget, key: str, fields: dict) -> None:
    """A row of the form with a message row under it (hidden until the service names this field)."""
    form.addRow(label, widget)
    message = _error_label()
    form.addRow("", message)
    form.setRowVisible(message, False)
    fields[key] = (message, widget, form)


def _lay_out(dialog: QDialog, form: QFormLayout, fields: dict) -> FieldErrors:
    """The general message on top, the form, Simpan and Batal; the field messages bound to their rows."""
    error_label = dialog.error_label  # type: ignore[attr-defined]
    layout = QVBoxLayout(dialog)
    layout.addWidget(error_label)
    layout.addLayout(form)
    layout.addWidget(_buttons(dialog, dialog.tr("Simpan")))
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("x" * 90))
    return FieldErrors(dialog, error_label, fields)


def fill_programs(db: Database, opd_id: str, level: GoalLevel, widget: QListWidget, checked: set[str]) -> None:
    """The OPD's programs, kegiatan or sub kegiatan a sasaran of ``level`` may carry, as check boxes."""
    widget.clear()
    stack = list(programs.program_tree(db, opd_id))
    while stack:
        program = stack.pop(0)
        stack[:0] = program.children
        if program_problem(level, program.level) is None:
            item = QListWidgetItem(f"{program.code} {program.name}")
            item.setData(Qt.ItemDataRole.UserRole, program.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if program.id in checked else Qt.CheckState.Unchecked)
            widget.addItem(item)


def checked_programs(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class LowerGoalDialog(UnsavedChangesGuard, QDialog):
    """A sasaran program, sasaran kegiatan or individual target changed: its statement, the position answering
    for it (its level follows the position's), the upper sasaran it supports and the programs it carries."""

    def __init__(self, db: Database, goal_id: str, tree: CascadeTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.tree = db, tree
        self.data = cascade.get_lower_goal(db, goal_id)
        self.node = next(n for n in tree.nodes() if n.id == goal_id)
        self.setWindowTitle(self.tr("Ubah sasaran turunan"))
        self.position_combo = QComboBox()
        for row in positions.list_positions(db, self.node.opd_id):
            if row.level.goal_level.depth > GoalLevel.OPD.depth:
                self.position_combo.addItem(f"{row.name} ({self.tr(row.level.goal_level.label)})", row)
                if row.id == self.data.position_id:
                    self.position_combo.setCurrentIndex(self.position_combo.count() - 1)
        self.statement_edit = QLineEdit(self.data.statement)
        self.supports_combo = QComboBox()
        self.programs = QListWidget()
        self._checked = set(self.data.program_ids)
        self.position_combo.currentIndexChanged.connect(lambda _i: self._level_changed())
        self.error_label = _error_label()
        form = QFormLayout()
        fields: dict = {}
        _field(form, self.tr("&Jabatan:"), self.position_combo, "position_id", fields)
        _field(form, self.tr("&Sasaran:"), self.statement_edit, "statement", fields)
        _field(form, self.tr("&Mendukung sasaran:"), self.supports_combo, "supports_id", fields)
        _field(form, self.tr("&Program/kegiatan:"), self.programs, "program_ids", fields)
        self.form = form
        self.errors = _lay_out(self, form, fields)
        self._level_changed()
        self.supports_combo.setCurrentIndex(max(0, self.supports_combo.findData(self.data.supports_id)))
        self.errors.clear()
        self.mark_clean()  # Esc or Batal after typing asks first (the shared guard)

    def level(self) -> GoalLevel:
        row = self.position_combo.currentData()
        return row.level.goal_level if row is not None else self.node.level

    def _level_changed(self) -> None:
        """The upper sasaran and the programs a sasaran of the chosen position's level may have."""
        chosen = self.supports_combo.currentData()
        if self.programs.count():
            self._checked = set(checked_programs(self.programs))
        level = self.level()
        below = {n.id for n in self.node.walk()}  # never under itself
        self.supports_combo.clear()
        for other in self.tree.nodes():
            if other.opd_id == self.node.opd_id and other.id not in below \
                    and support_problem(level, other.level) is None:
                self.supports_combo.addItem(f"{self.tr(other.level.label)}: {other.text}", other.id)
        self.supports_combo.setCurrentIndex(max(0, self.supports_combo.findData(chosen)))
        fill_programs(self.db, self.node.opd_id, level, self.programs, self._checked)
        self.form.setRowVisible(self.programs, level in PROGRAM_LEVELS)  # an individual target carries none

    def accept(self) -> None:
        self.errors.clear()
        row = self.position_combo.currentData()
        data = LowerGoalData(row.id if row is not None else "", self.supports_combo.currentData(),
                             self.statement_edit.text(), self.data.code, checked_programs(self.programs),
                             self.data.id)
        try:
            cascade.save_lower_goal(self.db, data)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        super().accept()


QUARTERS = ("TW I", "TW II", "TW III", "TW IV")


class LowerIndicatorDialog(UnsavedChangesGuard, QDialog):
    """Another indicator of a lower sasaran: name, unit, the upper sasaran's indicator it supports, the year's
    target and the targets of TW I–IV."""

    def __init__(self, db: Database, node: TreeNode, upper: TreeNode, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.node, self.year = db, node, year
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Tambah indikator — {0}").format(node.text))
        self.name_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.supports_combo = QComboBox()
        for indicator in upper.indicators:
            self.supports_combo.addItem(indicator.name, indicator.id)
        self.cumulation_combo = QComboBox()
        for cumulation in Cumulation:
            self.cumulation_combo.addItem(self.tr(cumulation.label), cumulation)
        self.cumulation_combo.setCurrentIndex(list(Cumulation).index(Cumulation.LAST_VALUE))
        self.target_edit = QLineEdit()
        self.quarter_edits = [QLineEdit() for _ in QUARTERS]
        quarters = QHBoxLayout()
        quarters.setContentsMargins(0, 0, 0, 0)
        for name, edit in zip(QUARTERS, self.quarter_edits, strict=True):
            label = QLabel(self.tr(name))
            label.setBuddy(edit)
            quarters.addWidget(label)
            quarters.addWidget(edit, 1)
        quarter_box = QWidget()
        quarter_box.setLayout(quarters)
        self.error_label = _error_label()
        form = QFormLayout()
        fields: dict = {}
        form.addRow(self.tr("Sasaran:"), QLabel(f"{self.tr(node.level.label)}: {node.text}"))
        existing = ", ".join(i.name for i in node.indicators) or self.tr("belum ada")
        existing_label = QLabel(existing)
        existing_label.setWordWrap(True)
        form.addRow(self.tr("Indikator yang ada:"), existing_label)
        _field(form, self.tr("&Indikator:"), self.name_edit, "name", fields)
        _field(form, self.tr("Sa&tuan:"), self.unit_edit, "unit", fields)
        _field(form, self.tr("Mendukung in&dikator:"), self.supports_combo, "supports_id", fields)
        _field(form, self.tr("Cara a&kumulasi:"), self.cumulation_combo, "cumulation", fields)
        _field(form, self.tr("T&arget {0}:").format(year), self.target_edit, f"targets[{year}].target", fields)
        _field(form, self.tr("Target t&riwulan:"), quarter_box, f"targets[{year}].quarters", fields)
        self.errors = _lay_out(self, form, fields)
        self.errors.clear()
        self.mark_clean()  # Esc or Batal after typing asks first (the shared guard)

    def _number(self, edit: QLineEdit, key: str, problems: dict[str, str]) -> Decimal | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_number(text)
        except ValueError:
            problems[key] = self.tr("“{0}” bukan angka; tulis misalnya {1}").format(text, format_number(
                Decimal("92.5"), 1))
            return None

    def accept(self) -> None:
        self.errors.clear()
        problems: dict[str, str] = {}
        key = f"targets[{self.year}]"
        target = self._number(self.target_edit, f"{key}.target", problems)
        quarters = tuple(self._number(e, f"{key}.quarters", problems) for e in self.quarter_edits)  # TW I–IV
        if problems:
            self.errors.show(problems)
            return
        warnings = target_warnings(name=self.name_edit.text().strip(), unit=self.unit_edit.text(),
                                   values=[target, *quarters])
        if warnings and not messages.confirm(self, self.windowTitle(), confirmation_text(warnings)):
            return
        data = IndicatorData(self.node.id, self.name_edit.text(), self.unit_edit.text(),
                             cumulation=Cumulation(self.cumulation_combo.currentData()),
                             targets=[TargetData(self.year, target, quarters=quarters)])  # type: ignore[arg-type]
        try:
            self.saved_id = cascade.save_lower_indicator(self.db, data, self.supports_combo.currentData())
        except ValidationError as exc:
            self.errors.show({(f"{key}.quarters" if k.startswith(f"{key}.q") else k): v
                              for k, v in exc.errors.items()})
            return
        super().accept()
