"""Long backup and package work off the GUI thread, behind a progress dialog with "Batal".

``ProgressTask`` runs ``work(progress, cancel)`` (a service call such as ``backup.create_backup`` with its
arguments bound) on its own QThreadPool, as ``print_jobs.BatchPrint`` does for printing. The services
report ``progress(fraction, message)`` and ask ``cancel()`` between steps; they are transactional, so
stopping them leaves the database as it was. The worker never touches widgets: it reports through queued
signals, and ``finished(TaskOutcome)`` arrives on the GUI thread once it has stopped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ...services.errors import Cancelled as CancelledError

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]
Work = Callable[[Progress, Cancel], Any]
STEPS = 1000


@dataclass
class TaskOutcome:
    value: Any = None
    cancelled: bool = False
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.error is None


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        outcome = TaskOutcome()
        try:
            outcome.value = self._work(
                lambda done, total, message: self._signals.progress.emit(done / max(total, 1), str(message)),
                self._cancel.is_set,
            )
        except CancelledError:
            outcome.cancelled = True
        except Exception as exc:  # handed to the GUI thread, which shows it
            outcome.error = exc
        self._signals.done.emit(outcome)


class ProgressTask(QObject):
    """One run of ``work``; ``finished(TaskOutcome)`` arrives on the GUI thread when the worker stopped."""

    finished = Signal(object)

    def __init__(self, parent: QWidget | None, title: str, work: Work, *, cancellable: bool = True) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._work = work
        self._cancel = threading.Event()
        self.running = False
        self.outcome: TaskOutcome | None = None
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.dialog = QProgressDialog(self.tr("Menyiapkan…"), "", 0, STEPS, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick calls finish without a flash of the dialog
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(self.dialog.fontMetrics().horizontalAdvance("x" * 60))
        if cancellable:
            self.cancel_button: QPushButton | None = QPushButton(self.tr("Batal"))
            self.dialog.setCancelButton(self.cancel_button)
            self.dialog.canceled.connect(self.cancel)
        else:
            self.cancel_button = None
            self.dialog.setCancelButton(None)

    def start(self) -> None:
        self.running = True
        self.dialog.setValue(0)
        self.pool.start(_Runnable(self._work, self._signals, self._cancel))

    def cancel(self) -> None:
        """Ask the worker to stop at the service's next step (nothing is left half-written)."""
        self._cancel.set()
        if self.running:
            self.dialog.setLabelText(self.tr("Membatalkan…"))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def dispose(self) -> None:
        """Delete the task and its dialog once it has finished."""
        self.dialog.deleteLater()
        self.deleteLater()

    def run_and_wait(self) -> TaskOutcome:
        """Start and return the outcome, keeping the GUI responsive meanwhile (a local event loop)."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.start()
        if self.running:
            loop.exec()
        assert self.outcome is not None
        return self.outcome

    @Slot(float, str)
    def _on_progress(self, fraction: float, message: str) -> None:
        if self._cancel.is_set():
            return
        self.dialog.setValue(min(STEPS - 1, max(0, round(fraction * STEPS))))
        self.dialog.setLabelText(message)

    @Slot(object)
    def _on_done(self, outcome: Any) -> None:
        self.running = False
        self.outcome = outcome
        self.dialog.blockSignals(True)  # closing the dialog must not count as "Batal"
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.blockSignals(False)
        self.finished.emit(outcome)
