"""Shared by the Pohon Kinerja tests: the screen on the demo regency at 1366×705, and screenshots on request."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kinerja_desktop.demo import create_demo


def shot(widget, name: str) -> None:  # noqa: ANN001
    """Save a picture of ``widget`` into $KINERJA_SHOTS (nothing when unset)."""
    folder = os.environ.get("KINERJA_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        QCoreApplication.processEvents()
        widget.grab().save(str(Path(folder) / name))


def cascade_screen(main_window, db):  # noqa: ANN001, ANN201
    """The Pohon Kinerja screen on the demo regency, year 2025, the window at 1366×705."""
    create_demo(db, seed=2026)
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2025))
    main_window.resize(1366, 705)
    main_window.show_screen(main_window.cascade)
    return main_window.cascade
