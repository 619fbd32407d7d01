"""Work-arounds for defects of the Qt for Python release in use, applied once when the GUI is imported.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a new reference, so every emit
from Python lowers ``sys.getrefcount(True)`` by one; after a few hundred emits (about 600 references exist
at start-up) the interpreter aborts with "Fatal Python error: bool_dealloc". The fix here probes for the
defect once and, only when present, wraps ``emit`` to give the reference back. On a release without the
defect nothing is changed. (6.11.3 is unaffected but has no separate QtPdf wheel for the PDF preview.)
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None

_applied = False


class _Probe(QObject):
    ping = Signal()


def emit_loses_true() -> bool:
    """True when this PySide6 drops a reference to ``True`` on every Python-side emit."""
    probe = _Probe()
    rounds = 8
    before = sys.getrefcount(True)
    for _ in range(rounds):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _incref(True)  # repair what the probe itself took
    return lost >= rounds


def apply() -> bool:
    """Install the work-around if this PySide6 needs it; returns whether it did."""
    global _applied
    if _applied or not emit_loses_true():
        return _applied
    original = SignalInstance.emit

    def emit(self: Any, *args: Any) -> Any:
        result = original(self, *args)
        if result is True:
            _incref(True)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _applied = True
    return True
