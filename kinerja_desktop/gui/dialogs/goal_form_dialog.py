"""The form of one Renstra tujuan or sasaran: layout from ui/goal_form.ui, validation by the service.

A sasaran sits under a tujuan of the same OPD and names the RPJMD sasaran it supports (the upward link
the alignment check looks for). Closing with unsaved edits asks first (``unsaved.UnsavedChangesGuard``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...domain.enums import GoalKind
from ...services import renstra
from ...services.errors import FORM, ValidationError
from ...services.renstra import GoalData
from ..forms.ui_goal_form import Ui_GoalForm
from ..unsaved import UnsavedChangesGuard
from .field_errors import FieldErrors


class GoalFormDialog(UnsavedChangesGuard, QDialog):
    """Add or edit a tujuan or sasaran; emits ``saved(id)`` after the service stored it."""

    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        opd_id: str,
        opd_label: str,
        period_id: str,
        kind: GoalKind = GoalKind.GOAL,
        goal_id: str | None = None,
        parent_id: str | None = None,
        goals: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``goals`` are the OPD's active tujuan as (id, label), the choices of a sasaran's parent."""
        super().__init__(parent)
        self.ui = Ui_GoalForm()
        self.ui.setupUi(self)
        self._db = db
        self.saved_id: str | None = None
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        ui = self.ui
        self.messages = FieldErrors(
            self,
            ui.formError,
            {
                "code": (ui.codeError, ui.codeEdit, ui.goalLayout),
                "statement": (ui.statementError, ui.statementEdit, ui.goalLayout),
                "parent_id": (ui.parentError, ui.parentCombo, ui.goalLayout),
                "supports_id": (ui.supportsError, ui.supportsCombo, ui.goalLayout),
            },
        )
        if goal_id is not None:
            self._data = renstra.get_goal(db, goal_id)
        else:
            self._data = GoalData(opd_id, period_id, kind, "", parent_id=parent_id)
        kind = self._data.kind
        ui.opdValue.setText(opd_label)
        ui.kindValue.setText(self.tr("Tujuan") if kind is GoalKind.GOAL else self.tr("Sasaran"))
        ui.codeEdit.setPlaceholderText("T1" if kind is GoalKind.GOAL else "S1.1")
        ui.statementEdit.setPlaceholderText(
            self.tr("Meningkatnya kualitas pelayanan administrasi kependudukan")
            if kind is GoalKind.GOAL
            else self.tr("Meningkatnya kepemilikan dokumen kependudukan")
        )
        is_target = kind is GoalKind.TARGET
        for widget in (ui.parentLabel, ui.parentCombo, ui.supportsLabel, ui.supportsCombo, ui.supportsHint):
            ui.goalLayout.setRowVisible(widget, is_target)
        if is_target:
            ui.parentCombo.addItem(self.tr("— pilih tujuan —"), None)
            for gid, label in goals or []:
                ui.parentCombo.addItem(label, gid)
            ui.supportsCombo.addItem(self.tr("— belum terhubung —"), None)
            for gid, label in renstra.regional_targets(db, self._data.period_id):
                ui.supportsCombo.addItem(label, gid)
                ui.supportsCombo.setItemData(ui.supportsCombo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        ui.codeEdit.setText(self._data.code)
        ui.statementEdit.setPlainText(self._data.statement)
        ui.parentCombo.setCurrentIndex(max(0, ui.parentCombo.findData(self._data.parent_id)))
        ui.supportsCombo.setCurrentIndex(max(0, ui.supportsCombo.findData(self._data.supports_id)))
        label = self.tr("Tujuan") if kind is GoalKind.GOAL else self.tr("Sasaran")
        if goal_id is None:
            self.setWindowTitle(self.tr("Tambah {0}").format(label))
        else:
            self.setWindowTitle(self.tr("Ubah {0} — {1}").format(label, self._data.code or self._data.statement[:40]))
        self.messages.clear()
        self._size_fields()
        self.mark_clean()

    def _size_fields(self) -> None:
        # Widths and heights from the font, so they follow the user's font size and DPI scaling.
        metrics = self.fontMetrics()
        wide = metrics.horizontalAdvance("x" * 60)
        self.ui.statementEdit.setMinimumWidth(wide)
        self.ui.statementEdit.setFixedHeight(round(metrics.lineSpacing() * 4.5))
        for combo in (self.ui.parentCombo, self.ui.supportsCombo):
            combo.setMinimumWidth(wide)
            combo.setMaximumWidth(metrics.horizontalAdvance("x" * 90))
            combo.view().setMinimumWidth(metrics.horizontalAdvance("x" * 90))
        self.resize(self.sizeHint())

    # -- data ----------------------------------------------------------------------------------------
    def form_data(self) -> GoalData:
        ui = self.ui
        d = self._data
        is_target = d.kind is GoalKind.TARGET
        return GoalData(
            opd_id=d.opd_id,
            period_id=d.period_id,
            kind=d.kind,
            statement=ui.statementEdit.toPlainText(),
            parent_id=ui.parentCombo.currentData() if is_target else d.parent_id,
            supports_id=ui.supportsCombo.currentData() if is_target else d.supports_id,
            code=ui.codeEdit.text(),
            is_active=d.is_active,
            id=d.id,
        )

    def guard_state(self) -> tuple[Any, ...]:
        data = self.form_data()
        return (data.statement, data.parent_id, data.supports_id, data.code)

    # -- saving and closing --------------------------------------------------------------------------
    def accept(self) -> None:
        self.messages.clear()
        try:
            goal_id = renstra.save_goal(self._db, self.form_data())
        except ValidationError as exc:
            self.messages.show(exc.errors)
            return
        except KinerjaDbError as exc:
            self.messages.show({FORM: str(exc)})
            return
        self.saved_id = goal_id
        self.mark_clean()
        self.saved.emit(goal_id)
        super().accept()

    def error_text(self, name: str) -> str:
        return self.messages.text(name)
