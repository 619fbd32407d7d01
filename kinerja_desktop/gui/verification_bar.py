"""A line under a PK or an OPD's quarterly report: where it stands in Bappeda's verification (with the returning
note while it is returned) and "Ajukan ke Bappeda" for the OPD."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ..db.database import Database
from ..domain.verification import VerificationState
from ..services import agreements, verification
from ..services.verification import VerificationStatus
from . import messages, permissions
from .models.backup_formatting import format_datetime, local_time


class VerificationBar(QWidget):
    """Shows a status; ``submitted`` is emitted after the OPD handed the item in."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("Ajukan ke Bappeda"))
        self.submit_button.setToolTip(self.tr("Serahkan ke Bappeda untuk diverifikasi; selama menunggu tidak dapat "
                                              "diubah"))
        self.submit_button.clicked.connect(lambda _checked=False: self.submit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.submit_button)
        self._submit: Callable[[], None] | None = None
        self._db: Database | None = None
        self.opd_id: str | None = None  # whose item is shown: an operator submits its own OPDs' only
        permissions.bind(self.submit_button, "submit", lambda: self._db, opd=lambda: self.opd_id)
        self.submit_button.setEnabled(False)  # nothing shown, nothing to submit
        self.status: VerificationStatus | None = None
        self.before_submit: Callable[[], bool] = lambda: True  # e.g. save typed changes first (False: stop)

    def show_report(self, db: Database, year: int, quarter: int, opd_id: str, *, open_: bool) -> None:
        """The quarterly report of ``opd_id``; ``open_``: its quarter is not closed (it may be submitted)."""
        self._db, self.opd_id = db, opd_id
        self._show(verification.report_status(db, year, quarter, opd_id),
                   (lambda: verification.submit_report(db, year, quarter, opd_id)) if open_ else None, scores=True)

    def show_agreement(self, db: Database, agreement_id: str, *, draft: bool, opd_id: str | None = None) -> None:
        """A PK (of ``opd_id``); ``draft``: it is still a draft (only a draft is submitted)."""
        self._db, self.opd_id = db, opd_id
        self._show(verification.agreement_status(db, agreement_id),
                   (lambda: agreements.submit(db, agreement_id)) if draft else None)

    def clear(self) -> None:
        self.status, self._submit = None, None
        self.label.clear()
        self.submit_button.setEnabled(False)

    def _show(self, status: VerificationStatus, submit: Callable[[], None] | None, *, scores: bool = False) -> None:
        self.status, self._submit = status, submit
        text = self.tr("Verifikasi Bappeda: {0}").format(self.tr(status.state.label))
        last = status.events[-1] if status.events else None
        if last is not None:
            who = f", {last.user}" if last.user else ""
            text += f" ({format_datetime(local_time(last.at))}{who})"
        if status.state is VerificationState.RETURNED:
            text += "\n" + self.tr("Catatan pengembalian: {0}").format(status.note)
        elif scores and status.state is not VerificationState.VERIFIED:
            text += self.tr(" — nilai sementara sampai diverifikasi")
        self.label.setText(text)
        self.submit_button.setEnabled(
            submit is not None and status.state in (VerificationState.DRAFT, VerificationState.RETURNED))

    def submit(self) -> None:
        if self._submit is None or not self.before_submit():
            return
        try:
            self._submit()
        except Exception as exc:  # noqa: BLE001 - a service refusal, shown as it is
            messages.show_error(self, self.tr("Ajukan ke Bappeda"), str(exc))
            return
        self.submitted.emit()
