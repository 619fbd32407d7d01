"""A position (jabatan) under an OPD's head, and who holds it from when: the two forms of the Jabatan tab.

Each saves through its service on OK; a refusal is shown under the fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...db.database import Database
from ...domain.enums import ActingKind, PositionLevel
from ...services import positions
from ...services.errors import ValidationError
from ...services.opd import HeadData
from ...services.positions import PositionForm, PositionRow
from .agreement_actions import _buttons, _error_label, date_edit, from_qdate


def _saved(dialog: QDialog, error_label: QLabel, save: Callable[[], object]) -> bool:
    """Run the dialog's save; a refusal is shown under its fields (the dialog stays open)."""
    try:
        result = save()
    except ValidationError as exc:
        error_label.setText(str(exc))
        error_label.show()
        return False
    if isinstance(dialog, PositionDialog):
        dialog.saved_id = str(result)
    return True


class PositionDialog(QDialog):
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

    def accept(self) -> None:
        form = PositionForm(self.opd_id, self.name_edit.text(), self.level_combo.currentData(),
                            parent_id=self.parent_combo.currentData(), id=self.row.id if self.row else None)
        if _saved(self, self.error_label, lambda: positions.save_position(self.db, form)):
            super().accept()


class HolderDialog(QDialog):
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

    def accept(self) -> None:
        holder = HeadData(name=self.name_edit.text(), nip=self.nip_edit.text(), rank=self.rank_edit.text(),
                          grade=self.grade_edit.text(), acting=self.acting_combo.currentData(),
                          start_date=from_qdate(self.start_edit.date()))
        if _saved(self, self.error_label, lambda: positions.appoint(self.db, self.row.id, holder)):
            super().accept()
