"""File dialogs for backups and packages, with Indonesian titles and filters and the right suffix.

The screen calls these through the module (``backup_files.ask_backup_target(...)``) so tests can replace them.
Saving goes through :func:`..save_dialog.ask_save_path`: never over a database, its journal or a folder.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ...services.backup import BACKUP_SUFFIX
from ...services.sync import PACKAGE_SUFFIX
from ..save_dialog import ask_save_path

BACKUP_FILTER = "Cadangan Kinerja (*.kinerja-backup);;Semua berkas (*)"
PACKAGE_FILTER = "Paket data Kinerja (*.kinerja-paket);;Semua berkas (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("backup_files", text)


def default_backup_name(today: date | None = None) -> str:
    """``kinerja-2026-01-26.kinerja-backup``."""
    return f"kinerja-{(today or date.today()).isoformat()}{BACKUP_SUFFIX}"


def default_package_name(kind: str, label: str = "", today: date | None = None) -> str:
    """``paket-lapangan-2026-01-26.kinerja-paket`` or ``paket-induk-<label>-2026-01-26.kinerja-paket``."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in label.strip().lower()).strip("-")
    while "--" in safe:
        safe = safe.replace("--", "-")
    parts = [f"paket-{kind}", safe[:40], (today or date.today()).isoformat()]
    return "-".join(p for p in parts if p) + PACKAGE_SUFFIX


def ask_backup_target(parent: QWidget | None, folder: str, name: str) -> str | None:
    suggested = str(Path(folder) / name)
    return ask_save_path(parent, _tr("Buat cadangan"), suggested, _tr(BACKUP_FILTER), suffix=BACKUP_SUFFIX)


def ask_backup_file(parent: QWidget | None, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Pulihkan dari cadangan"), folder, _tr(BACKUP_FILTER))
    return path or None


def ask_package_target(parent: QWidget | None, folder: str, name: str) -> str | None:
    suggested = str(Path(folder) / name)
    return ask_save_path(parent, _tr("Ekspor paket"), suggested, _tr(PACKAGE_FILTER), suffix=PACKAGE_SUFFIX)


def ask_package_file(parent: QWidget | None, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Impor paket"), folder, _tr(PACKAGE_FILTER))
    return path or None
