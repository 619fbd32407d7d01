"""Progress and cancellation of long work: one vocabulary for every service and the GUI's job runner.

A service doing long work takes ``progress`` and ``cancelled`` callbacks (both optional) and calls
:func:`step` between units of work: it raises :class:`~kinerja_desktop.services.errors.Cancelled` when the
user asked to stop and otherwise reports ``(done, total, message)``. Work measured as a fraction reports
``done`` out of :data:`FRACTION_STEPS`.
"""

from __future__ import annotations

from collections.abc import Callable

from .errors import Cancelled

Progress = Callable[[int, int, str], None]  # (done, total, message)
CancelCheck = Callable[[], bool]  # True once the user asked to stop
FRACTION_STEPS = 1000


def step(
    progress: Progress | None, cancelled: CancelCheck | None, done: int, total: int, message: str = ""
) -> None:
    """Stop with :class:`Cancelled` if asked to, else report ``done`` of ``total``."""
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total, message)


def step_fraction(progress: Progress | None, cancelled: CancelCheck | None, fraction: float, message: str = "") -> None:
    """:func:`step` for work measured as a fraction between 0 and 1."""
    step(progress, cancelled, round(max(0.0, min(1.0, fraction)) * FRACTION_STEPS), FRACTION_STEPS, message)
