"""Background work on a QThreadPool: a function runs in a worker thread, its result comes back on the GUI thread.

Workers never touch widgets; they open their own database connection. Call ``TaskRunner.wait()``
before the window closes (and in test fixtures) so no thread outlives its objects.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot


class _Signals(QObject):
    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, task_id: int, signals: _Signals, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id = task_id
        self._signals = signals
        self._fn = fn
        self._args = args

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # handed to the GUI thread, which decides how to show it
            self._signals.failed.emit(self._id, exc)
        else:
            self._signals.succeeded.emit(self._id, result)


class TaskRunner(QObject):
    """Runs functions off the GUI thread and calls back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]] = {}
        # The signals object lives in the GUI thread; queued connections bring results back to it.
        self._signals = _Signals(self)
        self._signals.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> int:
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_success, on_failure)
        self.pool.start(_Task(task_id, self._signals, fn, args))
        return task_id

    def is_busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running tasks (their callbacks are dropped if the receiver is gone)."""
        return self.pool.waitForDone(msecs)

    @Slot(int, object)
    def _on_succeeded(self, task_id: int, result: object) -> None:
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks:
            callbacks[0](result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, error: object) -> None:
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks:
            callbacks[1](error)  # type: ignore[arg-type]
