"""Long sessions of Qt calls and signals never wear down the interpreter's None and True; the work-around is
applied by the app's start-up (``gui.app.create_application``), never by importing the GUI."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from kinerja_desktop.gui.app import create_application  # applies the work-around
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

app = create_application()

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

# Every module of the GUI is imported (screens, dialogs, models, forms, the app): none may touch the singletons.
IMPORT_ONLY = """
import importlib, os, pkgutil, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import kinerja_desktop.gui as gui
names = [m.name for m in pkgutil.walk_packages(gui.__path__, gui.__name__ + ".")]
for name in names:
    importlib.import_module(name)
from kinerja_desktop.gui import qt_fixes
mortal = [sys.getrefcount(singleton) < qt_fixes.IMMORTAL for singleton in (None, True)]
print(len(names), qt_fixes._applied, *mortal)
"""


def test_thirty_thousand_qt_calls_and_emits_keep_the_interpreter_alive() -> None:
    # Without the work-around PySide6 6.12.0 on Python 3.11 aborts with "none_dealloc" long before this.
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["30000", "29999"]


def test_importing_the_gui_does_not_apply_the_work_around() -> None:
    out = subprocess.run([sys.executable, "-c", IMPORT_ONLY], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    imported, applied, none_mortal, true_mortal = out.stdout.split()
    assert int(imported) > 50  # screens, dialogs, models, forms and the app itself
    assert (applied, none_mortal, true_mortal) == ("False", "True", "True")


def test_the_test_session_runs_with_the_work_around_applied() -> None:
    from kinerja_desktop.gui import qt_fixes

    # tests/conftest.py applies it, as the app's start-up does; nothing else would in this process.
    needed = sys.version_info < (3, 12) and sys.implementation.name == "cpython" and any(qt_fixes.leaked_references())
    assert qt_fixes._applied or not needed
