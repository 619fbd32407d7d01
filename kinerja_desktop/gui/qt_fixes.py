"""Work-arounds for defects of the Qt for Python release in use, applied once before the application starts.

PySide6 6.12.0 drops references it does not own: every Python call of a Qt method that returns nothing
(``setText``, ``setValue``, ``processEvents`` …) loses one reference to ``None``, and every Python-side
``Signal.emit()`` loses one to ``True``. On Python 3.11, where these singletons are ordinary counted
objects, a session of a few thousand calls ends in "Fatal Python error: none_dealloc" (or bool_dealloc).
Python 3.12 made them immortal, which is also the cure here: when the leak is detected on an older
Python, None, True and False get a reference count no session can wear down (2**40). A release without
the defect is left alone. (6.11.3 is unaffected, but has no separate QtPdf wheel for the PDF preview.)

:func:`apply` is called by ``gui.app.create_application`` (every start of the app) and by the tests'
configuration; importing the GUI does not apply it.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

IMMORTAL = 1 << 40
_applied = False


class _Probe(QObject):
    ping = Signal()


def leaked_references(rounds: int = 16) -> tuple[int, int]:
    """References to (None, True) lost by ``rounds`` void Qt calls and ``rounds`` emits."""
    probe = _Probe()
    before_none = sys.getrefcount(None)
    for _ in range(rounds):
        probe.setObjectName("probe")  # a Qt method returning void
    lost_none = before_none - sys.getrefcount(None)
    before_true = sys.getrefcount(True)
    for _ in range(rounds):
        probe.ping.emit()
    lost_true = before_true - sys.getrefcount(True)
    _add_references(None, max(lost_none, 0))  # repair what the probe itself took
    _add_references(True, max(lost_true, 0))
    return lost_none, lost_true


def _add_references(obj: object, count: int) -> None:
    if count:
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += count


def apply() -> bool:
    """Make None, True and False immortal if this PySide6 leaks references to them; returns whether it did."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # immortal singletons already
    lost_none, lost_true = leaked_references()
    if lost_none <= 0 and lost_true <= 0:
        return False
    for singleton in (None, True, False):
        _add_references(singleton, IMMORTAL)
    _applied = True
    return True
