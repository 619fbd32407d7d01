"""The form of a program, kegiatan or sub kegiatan (ui/program_form.ui): code, name, pagu per year.

The pagu of a row whose children carry it is shown but not typed (it is their sum, kept by the service).
Money is typed the Indonesian way ("1.250.000.000"); an emptied year has no pagu.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...domain.enums import ProgramLevel
from ...domain.formatting import parse_rupiah
from ...domain.program_codes import EXAMPLES
from ...services import programs
from ...services.errors import FORM, ValidationError
from ...services.programs import CHILDREN, ProgramForm
from ..delegates import RupiahDelegate
from ..forms.ui_program_form import Ui_ProgramForm
from ..grid import GridEditing
from ..unsaved import UnsavedChangesGuard
from .field_errors import FieldErrors

PAGU_KEY = re.compile(r"^pagu\[(\d{4})\]$")


class PaguDelegate(RupiahDelegate):
    """Whole rupiah; an emptied cell means no pagu that year."""

    def parse(self, text: str) -> int | None:  # type: ignore[override]
        return parse_rupiah(text) if text.strip() else None


class ProgramFormDialog(UnsavedChangesGuard, QDialog):
    """Add or edit a row of an OPD's DPA; emits ``saved(id)`` after the service stored it.

    ``parent_label`` describes the parent ("1.02.02 PROGRAM …"), ``years`` are the years whose pagu is
    asked (the period's), ``sasaran`` the OPD's Renstra sasaran a program may serve, as (id, label).
    """

    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        opd_id: str,
        opd_label: str,
        level: ProgramLevel = ProgramLevel.PROGRAM,
        program_id: str | None = None,
        parent_id: str | None = None,
        parent_code: str = "",
        parent_label: str = "",
        years: list[int] | None = None,
        sasaran: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ProgramForm()
        self.ui.setupUi(self)
        ui = self.ui
        self._db = db
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self.messages = FieldErrors(
            self,
            ui.formError,
            {
                "parent_id": (ui.parentError, ui.codeEdit, ui.programLayout),
                "code": (ui.codeError, ui.codeEdit, ui.programLayout),
                "name": (ui.nameError, ui.nameEdit, ui.programLayout),
                "goal_id": (ui.goalError, ui.goalCombo, ui.programLayout),
                "pagu": (ui.paguError, ui.paguTable, ui.programLayout),
            },
        )
        if program_id is not None:
            self._data = programs.get_program(db, program_id)
        else:
            self._data = ProgramForm(opd_id, level, parent_code + "." if parent_code else "", "", parent_id=parent_id,
                                     pagu={})
        level = self._data.level
        ui.opdValue.setText(opd_label)
        ui.levelValue.setText(self.tr(level.label))
        ui.parentValue.setText(parent_label)
        ui.programLayout.setRowVisible(ui.parentValue, level is not ProgramLevel.PROGRAM)
        ui.codeEdit.setText(self._data.code)
        ui.codeEdit.setPlaceholderText(self.tr("mis. {0}").format(EXAMPLES[level]))
        ui.nameEdit.setPlainText(self._data.name)
        ui.programLayout.setRowVisible(ui.goalCombo, level is ProgramLevel.PROGRAM)
        ui.goalCombo.addItem(self.tr("— tidak dihubungkan —"), None)
        for gid, label in sasaran or []:
            ui.goalCombo.addItem(label, gid)
            ui.goalCombo.setItemData(ui.goalCombo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        ui.goalCombo.setCurrentIndex(max(0, ui.goalCombo.findData(self._data.goal_id)))
        self._setup_pagu(sorted(set(years or []) | set(self._data.pagu or {})))
        name = self.tr(level.label).lower()
        if program_id:
            self.setWindowTitle(self.tr("Ubah {0} — {1}").format(name, self._data.code))
        else:
            self.setWindowTitle(self.tr("Tambah {0}").format(name))
        metrics = self.fontMetrics()
        ui.nameEdit.setMinimumWidth(metrics.horizontalAdvance("x" * 64))
        ui.nameEdit.setFixedHeight(round(metrics.lineSpacing() * 3.5))
        ui.goalCombo.setMaximumWidth(metrics.horizontalAdvance("x" * 80))
        self.messages.clear()
        self.resize(self.sizeHint())
        self.mark_clean()

    def _setup_pagu(self, years: list[int]) -> None:
        ui = self.ui
        table = ui.paguTable
        table.setColumnCount(1)
        table.setRowCount(len(years))
        table.setHorizontalHeaderLabels([self.tr("Pagu (Rp)")])
        table.setVerticalHeaderLabels([str(y) for y in years])
        self.years = years
        self.delegate = PaguDelegate(self)
        self.delegate.input_rejected.connect(lambda message: self.messages.show({"pagu": message}))
        table.setItemDelegate(self.delegate)
        derived = self._data.pagu_from_children
        for row, year in enumerate(years):
            item = QTableWidgetItem()
            item.setData(Qt.ItemDataRole.EditRole, (self._data.pagu or {}).get(year))
            if derived:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, item)
        # Excel habits: paste a column of pagu, copy, Enter down, undo (grid.GridEditing)
        self.grid = GridEditing(table, locked_reason=lambda _index: self.tr(
            "Pagu program ini dijumlah dari kegiatannya; ubah pagu pada kegiatan") if derived else "")
        self.grid.message.connect(lambda text: self.messages.show({"pagu": text}) if "ditolak" in text else None)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if derived
            else QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        metrics = table.fontMetrics()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(round(metrics.lineSpacing() * 1.6))
        table.setMinimumWidth(metrics.horizontalAdvance("0" * 28))
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + max(1, len(years)) * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        level = self._data.level
        if derived:
            ui.paguHint.setText(
                self.tr("Pagu {0} ini adalah jumlah pagu {1} di bawahnya; ubah pagu {1}nya.").format(
                    self.tr(level.label).lower(), CHILDREN[level]
                )
            )
        else:
            ui.paguHint.setText(self.tr("Ketik rupiah penuh, mis. 1.250.000.000; kosongkan tahun tanpa pagu."))

    # -- data ----------------------------------------------------------------------------------------
    def pagu(self) -> dict[int, int] | None:
        if self._data.pagu_from_children:
            return None
        values = {}
        for row, year in enumerate(self.years):
            value = self.ui.paguTable.item(row, 0).data(Qt.ItemDataRole.EditRole)
            if value is not None and value != "":
                values[year] = int(value)
        return values

    def form_data(self) -> ProgramForm:
        ui = self.ui
        goal = ui.goalCombo.currentData() if self._data.level is ProgramLevel.PROGRAM else None
        return replace(self._data, code=ui.codeEdit.text(), name=ui.nameEdit.toPlainText(), goal_id=goal,
                       pagu=self.pagu())

    def accept(self) -> None:
        table = self.ui.paguTable
        editor = table.indexWidget(table.currentIndex())
        if editor is not None:  # a pagu still being typed (Simpan by keyboard): keep what the user sees
            table.commitData(editor)
            table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.messages.clear()
        try:
            program_id = programs.save_program(self._db, self.form_data())
        except ValidationError as exc:
            self.messages.show(exc.errors, extra=self._claim_pagu)
            return
        except KinerjaDbError as exc:
            self.messages.show({FORM: str(exc)})
            return
        self.saved.emit(program_id)
        super().accept()

    def _claim_pagu(self, field: str, message: str) -> bool:
        match = PAGU_KEY.match(field)
        if match is None:
            return False
        label = self.ui.paguError
        label.setText(f"{label.text()}\n{message}".strip())
        self.ui.programLayout.setRowVisible(label, True)
        year = int(match.group(1))
        if year in self.years:
            self.ui.paguTable.setCurrentCell(self.years.index(year), 0)
        return True

    def error_text(self, name: str) -> str:
        return self.messages.text(name)

    def pagu_cell(self, year: int) -> Any:
        return self.ui.paguTable.item(self.years.index(year), 0).data(Qt.ItemDataRole.EditRole)
