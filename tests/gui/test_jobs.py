"""The one job runner: outcomes, progress and "Batal" through the synchronous runner and the real thread pool,
and the main window waiting for the pool before it closes."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import kinerja_desktop.gui
from kinerja_desktop.gui import jobs
from kinerja_desktop.gui.jobs import Job, JobRunner, SyncRunner
from kinerja_desktop.services.errors import Cancelled, ValidationError
from kinerja_desktop.services.progress import step


def counting(total: int, seen: list[int] | None = None):  # noqa: ANN201
    """Work as a service does it: a step (cancel check, then progress) before each unit, the count as value."""

    def work(progress, cancelled):  # noqa: ANN001, ANN202
        for done in range(total):
            step(progress, cancelled, done, total, f"Langkah {done + 1} dari {total}")
            if seen is not None:
                seen.append(done)
        return total

    return work


def test_the_outcome_carries_the_value_the_error_or_the_cancel(qtbot):
    runner = SyncRunner()
    assert runner.start(Job(counting(3))).outcome.value == 3

    def refused(_progress, _cancelled):  # noqa: ANN001, ANN202
        raise ValidationError.single("paper", "Ukuran kertas harus salah satu dari: a4, f4")

    failed = runner.start(Job(refused)).outcome
    assert not failed.ok and isinstance(failed.error, ValidationError)
    assert failed.message == "Ukuran kertas harus salah satu dari: a4, f4"

    def stopped(_progress, _cancelled):  # noqa: ANN001, ANN202
        raise Cancelled("Pencetakan dibatalkan; 2 berkas telah selesai")

    cancelled = runner.start(Job(stopped)).outcome
    assert cancelled.cancelled and cancelled.error is None and not cancelled.ok
    assert cancelled.message == "Pencetakan dibatalkan; 2 berkas telah selesai"
    assert not runner.is_busy()


def test_progress_reaches_the_dialog_and_batal_stops_the_work_at_its_next_step(qtbot):
    runner = SyncRunner()
    seen: list[int] = []
    heard: list[tuple[int, int, str]] = []
    job = Job(counting(10, seen), title="Mencetak", show_after_ms=0)

    def on_progress(done: int, total: int, message: str) -> None:
        heard.append((done, total, message))
        assert job.dialog.isVisible() and job.dialog.labelText() == message
        assert job.dialog.value() == done * 100  # of 1000 steps
        if done == 3:
            qtbot.mouseClick(job.cancel_button, Qt.MouseButton.LeftButton)

    job.progressed.connect(on_progress)
    finished = []
    job.finished.connect(finished.append)
    outcome = runner.start(job).outcome
    assert heard == [(n, 10, f"Langkah {n + 1} dari 10") for n in range(4)]
    assert seen == [0, 1, 2, 3]  # the fourth step ran; the fifth asked and stopped
    assert outcome.cancelled and outcome.message == "Dibatalkan oleh pengguna"
    assert finished == [outcome] and not job.running and job.is_cancelled()
    assert not job.dialog.isVisible()


def test_run_hands_the_value_or_the_error_to_one_callback(qtbot):
    runner = SyncRunner()
    got: list[object] = []
    runner.run(sum, [1, 2, 3], on_success=got.append, on_failure=lambda e: got.append(("gagal", e)))
    runner.run(int, "bukan angka", on_success=got.append, on_failure=lambda e: got.append(type(e)))
    assert got == [6, ValueError]


def test_the_real_pool_reports_progress_and_cancels_on_the_gui_thread(qtbot):
    runner = JobRunner()
    gui_thread = threading.current_thread()
    threads: list[threading.Thread] = []
    heard: list[int] = []

    def endless(progress, cancelled):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread())
        done = 0
        while True:
            step(progress, cancelled, done, 1000, "Menulis…")
            done += 1
            time.sleep(0.005)

    job = Job(endless, title="Menulis", show_after_ms=0)

    def on_progress(done: int, _total: int, _message: str) -> None:
        assert threading.current_thread() is gui_thread
        heard.append(done)
        if done >= 5:
            job.cancel_button.click()

    job.progressed.connect(on_progress)
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        runner.start(job)
        assert job.running and runner.is_busy()
    outcome = blocker.args[0]
    assert outcome.cancelled and threads[0] is not gui_thread
    assert heard[:6] == [0, 1, 2, 3, 4, 5]
    assert runner.wait(5_000) and job.wait(0)
    qtbot.waitUntil(lambda: not runner.is_busy())


def test_the_main_window_waits_for_the_pool_before_it_closes(qtbot, db):
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    assert type(window.runner) is JobRunner and jobs.app_runner() is window.runner
    assert window.backup.runner is window.runner and window.agreements.runner is window.runner
    started, finished = threading.Event(), []

    def slow(_progress, _cancelled):  # noqa: ANN001, ANN202
        started.set()
        time.sleep(0.5)
        finished.append(time.monotonic())
        return "selesai"

    window.runner.start(Job(slow))
    assert started.wait(5)
    window.close()
    closed = time.monotonic()
    assert finished and finished[0] <= closed
    assert window.runner.pool.activeThreadCount() == 0


def test_one_thread_pool_in_the_gui():
    sources = Path(kinerja_desktop.gui.__file__).parent
    pools = [
        path.relative_to(sources).as_posix()
        for path in sources.rglob("*.py")
        if re.search(r"QThreadPool\(|QThread\b|threading\.Thread\(", path.read_text(encoding="utf-8"))
    ]
    assert pools == ["jobs.py"]


@pytest.mark.parametrize("runner_type", [SyncRunner, JobRunner])
def test_a_cancelled_query_reaches_on_failure_as_cancelled(qtbot, runner_type):
    runner = runner_type()
    failures: list[BaseException] = []

    def refuse() -> None:
        raise Cancelled("Dibatalkan")

    job = runner.run(refuse, on_success=lambda _v: None, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert isinstance(failures[0], Cancelled) and job.outcome.cancelled
    assert runner.wait(5_000)
