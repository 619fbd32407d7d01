"""Long sessions of Qt calls and signals never wear down the interpreter's None and True."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import kinerja_desktop.gui  # applies the work-around
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])

class Source(QObject):
    changed = Signal(int)

source = Source()
received = []
source.changed.connect(received.append)
label = QLabel()
for n in range(30000):
    source.changed.emit(n)
    label.setText(str(n))
print(len(received), label.text())
"""


def test_thirty_thousand_qt_calls_and_emits_keep_the_interpreter_alive() -> None:
    # Without the work-around PySide6 6.12.0 on Python 3.11 aborts with "none_dealloc" long before this.
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["30000", "29999"]
