"""The form of an RPJMD misi, tujuan or sasaran (ui/rpjmd_goal_form.ui); the service checks and stores it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...domain.enums import GoalKind
from ...services import rpjmd
from ...services.errors import FORM, ValidationError
from ...services.rpjmd import RpjmdGoalData
from ..forms.ui_rpjmd_goal_form import Ui_RpjmdGoalForm
from ..unsaved import UnsavedChangesGuard
from .field_errors import FieldErrors

PLACEHOLDERS = {
    GoalKind.MISSION: ("M1", "Mewujudkan sumber daya manusia yang unggul dan berdaya saing"),
    GoalKind.GOAL: ("T1", "Meningkatnya kualitas sumber daya manusia"),
    GoalKind.TARGET: ("S1.1", "Meningkatnya derajat kesehatan masyarakat"),
}


class RpjmdGoalDialog(UnsavedChangesGuard, QDialog):
    """Add or edit a node of the RPJMD; emits ``saved(id)``. ``parents`` are the possible parents as (id, label)."""

    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        period_id: str,
        period_label: str,
        kind: GoalKind = GoalKind.MISSION,
        goal_id: str | None = None,
        parent_id: str | None = None,
        parents: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RpjmdGoalForm()
        self.ui.setupUi(self)
        ui = self.ui
        self._db = db
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self.messages = FieldErrors(
            self,
            ui.formError,
            {
                "parent_id": (ui.parentError, ui.parentCombo, ui.goalLayout),
                "code": (ui.codeError, ui.codeEdit, ui.goalLayout),
                "statement": (ui.statementError, ui.statementEdit, ui.goalLayout),
            },
        )
        self._data = rpjmd.get_goal(db, goal_id) if goal_id else RpjmdGoalData(period_id, kind, "", parent_id=parent_id)
        kind = self._data.kind
        ui.periodValue.setText(period_label)
        ui.kindValue.setText(self.tr(kind.label))
        code, statement = PLACEHOLDERS[kind]
        ui.codeEdit.setPlaceholderText(code)
        ui.statementEdit.setPlaceholderText(statement)
        ui.goalLayout.setRowVisible(ui.parentCombo, kind is not GoalKind.MISSION)
        if kind is GoalKind.GOAL:
            ui.parentCombo.addItem(self.tr("— tanpa misi —"), None)
        elif kind is GoalKind.TARGET:
            ui.parentCombo.addItem(self.tr("— pilih tujuan —"), None)
        for pid, label in parents or []:
            ui.parentCombo.addItem(label, pid)
            ui.parentCombo.setItemData(ui.parentCombo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        ui.parentCombo.setCurrentIndex(max(0, ui.parentCombo.findData(self._data.parent_id)))
        ui.codeEdit.setText(self._data.code)
        ui.statementEdit.setPlainText(self._data.statement)
        label = self.tr(kind.label)
        self.setWindowTitle(
            self.tr("Ubah {0} RPJMD").format(label.lower()) if goal_id else self.tr("Tambah {0} RPJMD").format(
                label.lower()
            )
        )
        metrics = self.fontMetrics()
        ui.statementEdit.setMinimumWidth(metrics.horizontalAdvance("x" * 64))
        ui.statementEdit.setFixedHeight(round(metrics.lineSpacing() * 4.5))
        ui.parentCombo.setMaximumWidth(metrics.horizontalAdvance("x" * 90))
        self.messages.clear()
        self.resize(self.sizeHint())
        self.mark_clean()

    def form_data(self) -> RpjmdGoalData:
        ui = self.ui
        parent_id = ui.parentCombo.currentData() if self._data.kind is not GoalKind.MISSION else None
        return replace(self._data, statement=ui.statementEdit.toPlainText(), code=ui.codeEdit.text(),
                       parent_id=parent_id)

    def accept(self) -> None:
        self.messages.clear()
        try:
            goal_id = rpjmd.save_goal(self._db, self.form_data())
        except ValidationError as exc:
            self.messages.show(exc.errors)
            return
        except KinerjaDbError as exc:
            self.messages.show({FORM: str(exc)})
            return
        self.saved.emit(goal_id)
        super().accept()

    def error_text(self, name: str) -> str:
        return self.messages.text(name)
