"""Signals emitted from Python never wear down the interpreter's reference to True."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import kinerja_desktop.gui  # applies the work-around
from PySide6.QtCore import QObject, Signal

class Source(QObject):
    changed = Signal(int)

source = Source()
received = []
source.changed.connect(received.append)
before = sys.getrefcount(True)
for n in range(5000):
    source.changed.emit(n)
print(len(received), sys.getrefcount(True) - before)
"""


def test_five_thousand_emits_keep_the_interpreter_alive() -> None:
    # Without the work-around PySide6 6.12.0 aborts with "bool_dealloc" long before 5000 emits.
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    received, delta = (int(part) for part in out.stdout.split())
    assert received == 5000 and delta >= 0
