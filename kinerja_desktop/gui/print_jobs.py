"""Printing many documents off the GUI thread, behind a progress dialog with "Batal".

``BatchPrint`` runs ``work(progress, cancelled)`` (e.g. ``services.printing.print_agreements`` with its
arguments bound) on its own QThreadPool. The worker never touches widgets: it reports through queued signals,
and cancelling only sets a flag the service checks between files (a file being written is finished or removed
by the service, which writes to a temporary name and renames).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ..services.printing import PrintCancelled

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], list[Path]]


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    cancelled: bool = False
    error: BaseException | None = None
    message: str = ""


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        result = BatchResult()
        try:
            result.written = self._work(
                lambda n, total, name: self._signals.progress.emit(n, total, name), self._cancel.is_set
            )
        except PrintCancelled as exc:
            result.cancelled, result.message = True, str(exc)
        except Exception as exc:  # handed to the GUI thread, which shows it
            result.error, result.message = exc, str(exc)
        self._signals.done.emit(result)


class BatchPrint(QObject):
    """One run; ``finished(BatchResult)`` arrives on the GUI thread when the worker has stopped."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, title: str, work: Work) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._work = work
        self._cancel = threading.Event()
        self.running = False
        self.result: BatchResult | None = None
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.dialog = QProgressDialog(self.tr("Menyiapkan…"), self.tr("Batal"), 0, 0, parent)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.dialog.setCancelButton(self.cancel_button)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(self.dialog.fontMetrics().horizontalAdvance("x" * 60))
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.running = True
        self.dialog.show()
        self.pool.start(_Runnable(self._work, self._signals, self._cancel))

    def cancel(self) -> None:
        """Ask the worker to stop after the current file."""
        self._cancel.set()
        if self.running:
            self.dialog.setLabelText(self.tr("Membatalkan… berkas yang sedang ditulis diselesaikan atau dihapus"))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    @Slot(int, int, str)
    def _on_progress(self, number: int, total: int, name: str) -> None:
        if self._cancel.is_set():
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(number - 1)
        self.dialog.setLabelText(self.tr("Mencetak {0} dari {1}: {2}").format(number, total, name))

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self.running = False
        self.result = result
        self.dialog.blockSignals(True)  # closing the dialog must not count as "Batal"
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.blockSignals(False)
        self.finished.emit(result)
