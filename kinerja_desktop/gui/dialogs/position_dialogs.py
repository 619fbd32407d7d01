"""A position (jabatan) under an OPD's head, and who holds it from when: the two forms of the Jabatan tab.

Each saves through its service on OK; a refusal is shown under the fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...domain.cascade import TreeNode
from ...domain.enums import ActingKind, PositionLevel
from ...services import positions
from ...services.errors import ValidationError
from ...services.opd import HeadData
from ...services.positions import PositionForm, PositionRow
from ..unsaved import UnsavedChangesGuard
from .agreement_actions import _buttons, _error_label, date_edit, from_qdate
from .lower_goal_dialogs import checked_programs, fill_programs
from .lower_realisation_dialog import LowerRealisationDialog

__all__ = ["HolderDialog", "LowerRealisationDialog", "LowerTargetDialog", "PositionDialog"]


def _saved(dialog: QDialog, error_label: QLabel, save: Callable[[], object]) -> bool:
    """Run the dialog's save; a refusal is shown under its fields (the dialog stays open)."""
    try:
        result = save()
    except ValidationError as exc:
        error_label.setText(str(exc))
        error_label.show()
        return False
    if isinstance(dialog, PositionDialog | LowerTargetDialog):
        dialog.saved_id = str(result)
    return True


class PositionDialog(UnsavedChangesGuard, QDialog):
    """A new position of the OPD (or a change of ``row``): name, level and direct superior."""

    def __init__(  # noqa: PLR0913
        self, db: Database, opd_id: str, structure: list[PositionRow], row: PositionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.opd_id, self.row = db, opd_id, row
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Ubah jabatan") if row else self.tr("Tambah jabatan"))
        self.name_edit = QLineEdit(row.name if row else "")
        self.level_combo = QComboBox()
        for level in PositionLevel:
            if level is not PositionLevel.HEAD:
                self.level_combo.addItem(self.tr(level.label), level)
        self.parent_combo = QComboBox()
        for other in structure:
            if row is None or other.id != row.id:
                self.parent_combo.addItem("    " * other.depth + other.name, other.id)
        if row is not None:
            self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(row.level)))
            self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(row.parent_id)))
        self.error_label = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Nama jabatan:"), self.name_edit)
        form.addRow(self.tr("&Tingkat:"), self.level_combo)
        form.addRow(self.tr("&Atasan langsung:"), self.parent_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, self.tr("Simpan")))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 70))
        self.mark_clean()  # Esc or Batal after typing asks first (the shared guard)

    def accept(self) -> None:
        form = PositionForm(self.opd_id, self.name_edit.text(), self.level_combo.currentData(),
                            parent_id=self.parent_combo.currentData(), id=self.row.id if self.row else None)
        if _saved(self, self.error_label, lambda: positions.save_position(self.db, form)):
            super().accept()


class HolderDialog(UnsavedChangesGuard, QDialog):
    """Who holds a position from a date: definitive, Plt. or Plh.; another person ends the holding before."""

    def __init__(self, db: Database, row: PositionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.row = db, row
        self.setWindowTitle(self.tr("Pemegang jabatan: {0}").format(row.name))
        self.name_edit = QLineEdit()
        self.nip_edit = QLineEdit()
        self.rank_edit = QLineEdit()
        self.grade_edit = QLineEdit()
        self.acting_combo = QComboBox()
        for acting in (ActingKind.DEFINITIVE, ActingKind.PLT, ActingKind.PLH):
            self.acting_combo.addItem(self.tr(acting.label), acting)
        self.start_edit = date_edit(date.today())
        self.error_label = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Jabatan:"), QLabel(row.name))
        form.addRow(self.tr("&Nama dan gelar:"), self.name_edit)
        form.addRow(self.tr("N&IP:"), self.nip_edit)
        form.addRow(self.tr("&Pangkat:"), self.rank_edit)
        form.addRow(self.tr("&Golongan:"), self.grade_edit)
        form.addRow(self.tr("&Status:"), self.acting_combo)
        form.addRow(self.tr("&Mulai menjabat:"), self.start_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, self.tr("Simpan")))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 70))
        self.mark_clean()  # Esc or Batal after typing asks first (the shared guard)

    def accept(self) -> None:
        holder = HeadData(name=self.name_edit.text(), nip=self.nip_edit.text(), rank=self.rank_edit.text(),
                          grade=self.grade_edit.text(), acting=self.acting_combo.currentData(),
                          start_date=from_qdate(self.start_edit.date()))
        if _saved(self, self.error_label, lambda: positions.appoint(self.db, self.row.id, holder)):
            super().accept()


class LowerTargetDialog(UnsavedChangesGuard, QDialog):
    """A sasaran under the chosen node of the pohon kinerja: whose it is (a position of the level below), its
    statement, the programs/kegiatan/sub kegiatan it carries, and its first indicator with the year's target,
    supporting one of the node's indicators."""

    def __init__(self, db: Database, node: TreeNode, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.node, self.year = db, node, year
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Tambah sasaran turunan"))
        self.position_combo = QComboBox()
        for row in positions.list_positions(db, node.opd_id):
            if row.level.goal_level.depth > node.level.depth:
                self.position_combo.addItem(f"{row.name} ({self.tr(row.level.goal_level.label)})", row)
        self.statement_edit = QLineEdit()
        self.programs = QListWidget()
        self.position_combo.currentIndexChanged.connect(lambda _i: self._fill_programs())
        self.indicator_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.supports_combo = QComboBox()
        for indicator in node.indicators:
            self.supports_combo.addItem(indicator.name, indicator.id)
        self.target_edit = QLineEdit()
        self.error_label = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Mendukung:"), QLabel(f"{self.tr(node.level.label)}: {node.text}"))
        form.addRow(self.tr("&Jabatan:"), self.position_combo)
        form.addRow(self.tr("&Sasaran:"), self.statement_edit)
        form.addRow(self.tr("&Program/kegiatan:"), self.programs)
        form.addRow(self.tr("&Indikator:"), self.indicator_edit)
        form.addRow(self.tr("Sa&tuan:"), self.unit_edit)
        form.addRow(self.tr("Mendukung in&dikator:"), self.supports_combo)
        form.addRow(self.tr("T&arget {0}:").format(year), self.target_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self, self.tr("Simpan")))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 90))
        self._fill_programs()
        self.mark_clean()  # Esc or Batal after typing asks first (the shared guard)

    def _fill_programs(self) -> None:
        row = self.position_combo.currentData()
        if row is None:
            self.programs.clear()
            return
        fill_programs(self.db, self.node.opd_id, row.level.goal_level, self.programs, set())

    def accept(self) -> None:
        from ...domain.formatting import parse_number
        from ...services import cascade
        from ...services.cascade import LowerGoalData
        from ...services.renstra import IndicatorData, TargetData

        row = self.position_combo.currentData()
        if row is None:
            self.error_label.setText(self.tr("Belum ada jabatan di bawah tingkat ini; tambahkan di tab Jabatan."))
            self.error_label.show()
            return
        try:
            target = parse_number(self.target_edit.text()) if self.target_edit.text().strip() else None
        except ValueError:
            self.error_label.setText(self.tr("Target harus angka, misalnya 92,5"))
            self.error_label.show()
            return
        goal = LowerGoalData(row.id, self.node.id, self.statement_edit.text(),
                             program_ids=checked_programs(self.programs))
        indicator = IndicatorData("", self.indicator_edit.text(), self.unit_edit.text(),
                                  targets=[TargetData(self.year, target)] if target is not None else [])
        supports = self.supports_combo.currentData()
        if _saved(self, self.error_label, lambda: cascade.add_lower_target(self.db, goal, indicator, supports)[0]):
            super().accept()
