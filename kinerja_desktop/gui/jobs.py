"""Long work off the GUI thread: one runner with one thread pool for the whole app, owned by the main window.

As Anki's ``CollectionOp``/``QueryOp`` and Picard's ``run_task``: a :class:`Job` wraps a *work* function
``work(progress, cancelled)`` (a service call with its arguments bound) which reports
``progress(done, total, message)`` and asks ``cancelled()`` between steps, the vocabulary of
``services.progress``. The runner runs it on a pool thread; its :class:`Outcome` (the value, or that the user
cancelled — ``services.errors.Cancelled`` — or the error) comes back on the GUI thread in ``Job.finished``.
A job with a title shows a progress dialog whose "Batal" sets the flag ``cancelled()`` reads.

Work never touches widgets and opens its own database session. The main window waits for the pool before
it closes. Tests hand screens a :class:`SyncRunner`, which runs each job at once on the calling thread.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ..services.errors import Cancelled
from ..services.progress import CancelCheck, Progress

Work = Callable[[Progress, CancelCheck], Any]
STEPS = 1000  # the progress dialog's scale


@dataclass(frozen=True)
class Outcome:
    """How a job ended: ``value`` when it succeeded; else cancelled, or failed with ``error``."""

    value: Any = None
    cancelled: bool = False
    error: Exception | None = None
    message: str = ""  # the cancel's or the error's Indonesian sentence

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.error is None


def execute(work: Work, progress: Progress, cancelled: CancelCheck) -> Outcome:
    """Run ``work`` and turn what happened into an Outcome (the same for both runners)."""
    try:
        return Outcome(value=work(progress, cancelled))
    except Cancelled as exc:
        return Outcome(cancelled=True, message=str(exc))
    except Exception as exc:  # handed to the GUI thread, which decides how to show it
        return Outcome(error=exc, message=str(exc))


class Job(QObject):
    """One run of ``work``; ``finished(Outcome)`` arrives on the GUI thread once the work has stopped.

    With a ``title`` a progress dialog, window-modal over ``parent``, appears after ``show_after_ms`` (quick
    calls finish without a flash of it), with "Batal" when ``cancellable``.
    """

    finished = Signal(object)
    progressed = Signal(int, int, str)  # (done, total, message), on the GUI thread
    _posted_progress = Signal(int, int, str)  # from the worker thread
    _posted_outcome = Signal(object)

    def __init__(
        self,
        work: Work,
        *,
        title: str = "",
        parent: QWidget | None = None,
        cancellable: bool = True,
        show_after_ms: int = 300,
        cancelling_text: str = "",
    ) -> None:
        super().__init__()
        self.work = work
        self.running = False
        self.outcome: Outcome | None = None
        self._runner: JobRunner | None = None
        self._cancel = threading.Event()
        self._reports: deque[tuple[int, int, str]] = deque()
        self._reporting = False
        self._stopped = threading.Event()
        self._cancelling_text = cancelling_text
        self._posted_progress.connect(self._report, Qt.ConnectionType.QueuedConnection)
        self._posted_outcome.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._dialog_options = (title, parent, cancellable, show_after_ms)
        self.dialog: QProgressDialog | None = None  # made when the job starts, if it has a title
        self.cancel_button: QPushButton | None = None

    def _make_dialog(self) -> None:
        title, parent, cancellable, show_after_ms = self._dialog_options
        if not title:
            return
        dialog = QProgressDialog(self.tr("Menyiapkan…"), "", 0, STEPS, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("x" * 60))
        if cancellable:
            self.cancel_button = QPushButton(self.tr("Batal"))
            dialog.setCancelButton(self.cancel_button)
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        dialog.setMinimumDuration(show_after_ms)  # from now: shown only if the work takes longer
        self.dialog = dialog

    # -- asked from the GUI thread -------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop at its next step (the services leave nothing half-done)."""
        self._cancel.set()
        if self.running and self._has_dialog():
            assert self.dialog is not None
            text = self.tr("Membatalkan…")
            self.dialog.setLabelText(f"{text} {self._cancelling_text}" if self._cancelling_text else text)

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int = -1) -> bool:
        """Wait until the work has stopped (``finished`` is still delivered through the event loop)."""
        return self._stopped.wait(None if msecs < 0 else msecs / 1000)

    def _has_dialog(self) -> bool:
        return self.dialog is not None and shiboken6.isValid(self.dialog)

    # -- called by the runners ------------------------------------------------------------------------
    def _started(self) -> None:
        self.running = True
        self._make_dialog()
        if self._has_dialog():
            assert self.dialog is not None
            if self.dialog.minimumDuration() == 0:
                self.dialog.show()
            self.dialog.setValue(0)

    def _run_here(self) -> None:
        """The work on the current thread, reporting through queued signals (a pool thread)."""
        try:
            outcome = execute(
                self.work,
                lambda done, total, message: self._posted_progress.emit(done, total, message),
                self._cancel.is_set,
            )
        finally:
            self._stopped.set()
        self._posted_outcome.emit(outcome)

    @Slot(int, int, str)
    def _report(self, done: int, total: int, message: str) -> None:
        # On a modal dialog shown, setValue() processes events, so later reports may arrive inside it: they wait
        # in the queue and are handed out by the outermost call, in the order the work sent them.
        self._reports.append((done, total, message))
        if self._reporting:
            return
        self._reporting = True
        try:
            while self._reports:
                done, total, message = self._reports.popleft()
                if self._cancel.is_set() or not self.running:
                    self._reports.clear()
                    break
                if self._has_dialog():
                    assert self.dialog is not None
                    if message:
                        self.dialog.setLabelText(message)
                    self.dialog.setValue(min(STEPS - 1, max(0, round(done * STEPS / max(total, 1)))))
                if self.running:
                    self.progressed.emit(done, total, message)
        finally:
            self._reporting = False

    @Slot(object)
    def _finish(self, outcome: Outcome) -> None:
        self._stopped.set()
        self.running = False
        self.outcome = outcome
        if self._has_dialog():
            assert self.dialog is not None
            self.dialog.blockSignals(True)  # closing the dialog must not count as "Batal"
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        self.finished.emit(outcome)
        if self._runner is not None:
            self._runner._forget(self)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job

    def run(self) -> None:
        self._job._run_here()


class JobRunner(QObject):
    """Runs jobs on its thread pool and keeps each alive until its outcome has been delivered."""

    started = Signal(object)  # a Job, just before its work starts (connect to its progress there)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self._jobs: set[Job] = set()

    def start(self, job: Job) -> Job:
        """Start ``job`` (connect to its ``finished`` first)."""
        self._jobs.add(job)  # alive, whoever asked for it, until its outcome is delivered
        job._runner = self
        job._started()
        self.started.emit(job)
        self._execute(job)
        return job

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> Job:
        """``fn(*args)`` off the GUI thread without a dialog (a query, a render); one callback afterwards."""

        def done(outcome: Outcome) -> None:
            if outcome.ok:
                on_success(outcome.value)
            else:
                on_failure(outcome.error or Cancelled(outcome.message))

        job = Job(lambda _progress, _cancelled: fn(*args))
        job.finished.connect(done)
        return self.start(job)

    def run_and_wait(self, job: Job) -> Outcome:
        """Start ``job`` and return its outcome, the GUI staying responsive meanwhile (a local event loop)."""
        loop = QEventLoop()
        job.finished.connect(loop.quit)
        self.start(job)
        if job.running:
            loop.exec()
        assert job.outcome is not None
        return job.outcome

    def is_busy(self) -> bool:
        return any(job.running for job in self._jobs)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every running job's work to stop (before the window closes, in test fixtures)."""
        return self.pool.waitForDone(msecs)

    def _execute(self, job: Job) -> None:
        self.pool.start(_Runnable(job))

    def _forget(self, job: Job) -> None:
        # Let go once control is back in the event loop, not inside the job's own signal. Jobs are never
        # deleteLater()'d: PySide 6.12 crashes when it deletes later a QObject held in a cycle through a
        # lambda connected to its signal (the usual "job.finished.connect(lambda …: … job …)").
        QTimer.singleShot(0, lambda: self._jobs.discard(job))


class SyncRunner(JobRunner):
    """Runs each job at once on the calling thread: progress, cancel and outcome arrive before start() returns.

    Tests inject it instead of polling real threads.
    """

    def _execute(self, job: Job) -> None:
        job._finish(execute(job.work, job._report, job.is_cancelled))

    def wait(self, msecs: int = -1) -> bool:
        return True


_app_runner: JobRunner | None = None


def set_app_runner(runner: JobRunner) -> None:
    """The main window installs its runner as the application's."""
    global _app_runner
    _app_runner = runner


def app_runner() -> JobRunner:
    """The application's runner: the main window's; before any window (recovery at start) one owned by the app."""
    global _app_runner
    if _app_runner is None or not shiboken6.isValid(_app_runner):
        _app_runner = JobRunner(QCoreApplication.instance())
    return _app_runner
