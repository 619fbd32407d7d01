"""Opening a database from the GUI: errors and warnings shown in Indonesian, never raised at the user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ..db.database import Database, open_database
from ..db.errors import KinerjaDbError
from . import messages

FILE_FILTER = "Basis data Kinerja (*.sqlite *.db);;Semua berkas (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("opening", text)


def try_open(path: str | Path | None, *, create: bool) -> tuple[Database | None, str | None]:
    """Open the database; on failure return the Indonesian reason instead."""
    try:
        return open_database(path, create=create), None
    except KinerjaDbError as exc:
        return None, str(exc)
    except FileNotFoundError as exc:
        return None, str(exc)
    except OSError as exc:
        return None, _tr("Berkas “{0}” tidak dapat dibuka: {1}").format(path, exc.strerror or exc)


def show_open_notes(parent: QWidget | None, database: Database) -> None:
    """Warnings (network share, cloud folder) and the note that the schema was upgraded."""
    for warning in database.warnings:
        messages.show_warning(parent, _tr("Peringatan basis data"), warning)
    if database.migrated_from and database.pre_migration_copy:
        messages.show_info(
            parent,
            _tr("Basis data diperbarui"),
            _tr("Skema basis data diperbarui dari revisi {0}. Salinan sebelum pembaruan: {1}").format(
                database.migrated_from, database.pre_migration_copy
            ),
        )


def ask_existing_file(parent: QWidget | None, start: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Buka basis data"), start, _tr(FILE_FILTER))
    return path or None


def ask_new_file(parent: QWidget | None, start: str = "") -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Basis data baru"), start, _tr(FILE_FILTER))
    if not path:
        return None
    if not Path(path).suffix:
        path += ".sqlite"
    return path
