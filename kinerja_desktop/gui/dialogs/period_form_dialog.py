"""The form of a planning period (ui/period_form.ui): RPJMD or transition, its years and its name."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...services import periods
from ...services.errors import FORM, ValidationError
from ...services.periods import PeriodData
from ..forms.ui_period_form import Ui_PeriodForm
from ..period_fields import PeriodFields
from ..unsaved import UnsavedChangesGuard
from .field_errors import FieldErrors


def next_period(rows: list[periods.PeriodRow]) -> PeriodData:
    """A new period suggested after the last one (five years from the year after it ends)."""
    last = max((row.end_year for row in rows if row.is_active), default=None)
    start = last + 1 if last is not None else 2025
    return PeriodData(start, start + 4)


class PeriodFormDialog(UnsavedChangesGuard, QDialog):
    """Add or edit a period; emits ``saved(id)`` after the service stored it."""

    saved = Signal(str)

    def __init__(
        self, db: Database, *, period_id: str | None = None, suggested: PeriodData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PeriodForm()
        self.ui.setupUi(self)
        self._db = db
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self.fields = PeriodFields(self.ui)
        self.messages = FieldErrors(
            self,
            self.ui.formError,
            {key: (label, widget, self.ui.periodLayout) for key, (label, widget) in self.fields.error_labels().items()},
        )
        self._data = periods.get_period(db, period_id) if period_id else (suggested or PeriodData(2025, 2029))
        self.fields.load(self._data)
        self.setWindowTitle(
            self.tr("Ubah periode — {0}").format(self._data.display_name) if period_id else self.tr("Periode baru")
        )
        self.messages.clear()
        width = self.fontMetrics().horizontalAdvance("x" * 70)
        self.resize(max(width, self.sizeHint().width()), self.sizeHint().height())
        self.mark_clean()

    def form_data(self) -> PeriodData:
        data = replace(self._data)
        self.fields.read(data)
        return data

    def accept(self) -> None:
        self.messages.clear()
        try:
            period_id = periods.save_period(self._db, self.form_data())
        except ValidationError as exc:
            self.messages.show(exc.errors)
            return
        except KinerjaDbError as exc:
            self.messages.show({FORM: str(exc)})
            return
        self.saved.emit(period_id)
        super().accept()

    def error_text(self, name: str) -> str:
        return self.messages.text(name)
