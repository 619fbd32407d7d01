"""Settings kept in QSettings (an INI file per user), each declared once here with its default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

ORGANIZATION = "Kinerja Desktop"
APPLICATION = "Kinerja Desktop"
RECENT_FILES_KEY = "berkas/terakhir"
MAX_RECENT = 8


def settings() -> QSettings:
    # INI format everywhere (also on Windows) so a support person can read and reset it.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def recent_files() -> list[str]:
    """Recently opened database files, newest first."""
    value = settings().value(RECENT_FILES_KEY, [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-element list
        value = [value]
    return [str(v) for v in value or [] if v]


def add_recent_file(path: str | Path) -> None:
    text = str(path)
    files = [text] + [f for f in recent_files() if f != text]
    settings().setValue(RECENT_FILES_KEY, files[:MAX_RECENT])


def remove_recent_file(path: str | Path) -> None:
    settings().setValue(RECENT_FILES_KEY, [f for f in recent_files() if f != str(path)])


def clear_recent_files() -> None:
    settings().remove(RECENT_FILES_KEY)


WINDOW_GEOMETRY_KEY = "jendela/geometri"


def save_window_geometry(window: QWidget) -> None:
    settings().setValue(WINDOW_GEOMETRY_KEY, window.saveGeometry())


def load_window_geometry(window: QWidget) -> bool:
    """Restore the main window's size and place; False when none is stored or it no longer fits."""
    value = settings().value(WINDOW_GEOMETRY_KEY)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return bool(window.restoreGeometry(value))
    return False
