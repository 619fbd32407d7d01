"""Cadangan & Paket: backups (``backup_panel``), field packages (``exchange_panel``) and the open database's health
(``health_panel``), one page.

Every long call (backup, restore, export, preview, import) runs as a job of the app's runner behind a progress
dialog whose "Batal" reaches the service's cancel callback; the services are transactional, so cancelling or
a bad file leaves the database as it was. One long call or one question at a time: the screen holds the
running job and the dialog on screen. After a restore or an import ``data_replaced`` tells the main window to
reload every screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from ...db.database import Database
from ...services.backup import BACKUP_SUFFIX
from ...services.sync import PACKAGE_SUFFIX
from .. import messages
from ..jobs import Job, JobRunner, Outcome, Work, app_runner
from .backup_panel import BackupPanel
from .base import Screen, heading, note
from .exchange_panel import ExchangePanel
from .health_panel import HealthPanel


class BackupScreen(Screen):
    data_replaced = Signal()  # a restore or an import changed the data: every screen must reload

    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        """``runner``: where long work runs (the main window's; tests pass a ``jobs.SyncRunner``)."""
        super().__init__(parent)
        runner = runner if runner is not None else app_runner()
        self.runner = runner
        self.task: Job | None = None
        self.dialog: QDialog | None = None  # the confirmation, preview or conflict dialog on screen
        self.status = note()
        self.status.setObjectName("backupStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.backups = BackupPanel(self)
        self.exchange = ExchangePanel(self)
        self.health = HealthPanel(self)

        actions = QHBoxLayout()
        actions.addWidget(self.backups.actions_box, 1)
        actions.addWidget(self.exchange.actions_box, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        layout.addWidget(self.backups.auto_box)
        layout.addWidget(self.exchange.log_box)
        layout.addLayout(self.health.row)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QVBoxLayout(self)
        page.addWidget(heading(self.title()))
        page.addWidget(scroll, 1)
        self.update_buttons()

    # -- screen --------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Cadangan & Paket")

    def set_context(self, db: Database | None, year: int | None) -> None:
        if db is not self.db:
            self.health.database_changed()
            self.status.hide()
        super().set_context(db, year)

    def refresh(self) -> None:
        if self.db is None:
            return
        self.health.refresh()
        self.backups.refresh()
        self.exchange.refresh()
        self.update_buttons()

    def busy(self) -> bool:
        """A job handed to the runner and not finished, or a question on screen."""
        return self.dialog is not None or self.task is not None

    def update_buttons(self) -> None:
        usable = self.db is not None and not self.busy()  # a SQLite file or a server: both back up and exchange
        self.backups.update_buttons(usable)
        self.exchange.update_buttons(usable)
        self.health.update_buttons()

    def shutdown(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.reject()
        if self.task is not None:
            task, self.task = self.task, None
            task.cancel()
            task.wait()

    def folder(self) -> str:
        """Where file dialogs start: beside a SQLite file; the user's home folder for a server."""
        if self.db is not None and self.db.path is not None:
            return str(self.db.path.parent)
        return str(Path.home()) if self.db is not None else ""

    # -- what the panels share -----------------------------------------------------------------------
    def run_job(self, title: str, work: Work, done: Callable[[Any], None], *, failed_title: str) -> None:
        """Run ``work`` behind a progress dialog; ``done(value)`` on success, a cancel or an error said here."""
        job = Job(work, title=title, parent=self)

        def finished(outcome: Outcome) -> None:
            if self.task is not job:
                return  # the screen was shut down meanwhile
            self.task = None
            self.update_buttons()
            if outcome.cancelled:
                self.say(self.tr("{0}: dibatalkan. Basis data tidak diubah.").format(title))
            elif outcome.error is not None:
                self.say(outcome.message, error=True)
                messages.show_error(self, failed_title, outcome.message)
            else:
                done(outcome.value)

        job.finished.connect(finished)
        self.task = job
        self.update_buttons()
        self.runner.start(job)

    def show_dialog(self, dialog: QDialog, accepted: Callable[[], None], rejected: Callable[[], None]) -> None:
        """Window-modal, returns at once; no session stays open while the user reads it."""
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is not dialog:
                return
            self.dialog = None
            dialog.deleteLater()
            self.update_buttons()
            (accepted if result == QDialog.DialogCode.Accepted else rejected)()

        dialog.finished.connect(finished)
        dialog.open()
        self.update_buttons()

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if error else "")
        self.status.show()

    def report(self, title: str, text: str, *, data_replaced: bool = False) -> None:
        """A finished backup, restore, export or import: said on the page and in a message."""
        self.say(text)
        if data_replaced:
            self.data_replaced.emit()
        self.refresh()
        messages.show_info(self, title, text)

    # -- files opened from outside (double-click in Explorer) ---------------------------------------
    def open_file(self, path: str | Path) -> bool:
        """Start the restore preview of a backup or the import preview of a package."""
        name = Path(path).name.lower()
        if name.endswith(BACKUP_SUFFIX):
            self.backups.restore_from_file(path)
            return True
        if name.endswith(PACKAGE_SUFFIX):
            self.exchange.import_from_file(path)
            return True
        messages.show_error(
            self,
            self.title(),
            self.tr("Berkas “{0}” tidak dikenal. Yang dapat dibuka: cadangan ({1}) dan paket data ({2}).").format(
                Path(path).name, BACKUP_SUFFIX, PACKAGE_SUFFIX
            ),
        )
        return False
