"""The one "save as" dialog every screen uses: a name with the right suffix, never over a database or a folder.

Qt's own dialog asks before replacing an ordinary file. What it cannot know is checked here (by
``services.output``): the open database, its ``-wal``/``-shm`` journal, any other database file, or a folder
typed where a file is expected are refused with an Indonesian message, and the dialog opens again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ..db.database import Database
from ..services.output import output_problem
from . import messages


def _tr(text: str) -> str:
    return QCoreApplication.translate("save_dialog", text)


def documents_folder() -> Path:
    """The user's Documents folder (where a file is saved unless the caller knows a better place)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def in_documents(suggested: str) -> str:
    """A bare file name is suggested in the Documents folder; a path with a folder stays as it is."""
    path = Path(suggested)
    return suggested if not suggested or path.is_absolute() or path.parent != Path(".") else str(
        documents_folder() / path
    )


def get_save_file_name(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str:
    """Qt's dialog ('' when cancelled); tests replace this."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


def with_suffix(path: str, suffix: str) -> str:
    return path if not suffix or path.lower().endswith(suffix.lower()) else path + suffix


def ask_save_path(
    parent: QWidget | None,
    title: str,
    suggested: str,
    file_filter: str,
    *,
    suffix: str = "",
    database: Database | None = None,
) -> str | None:
    """Ask where to write a new file (a bare ``suggested`` name in the Documents folder); None when cancelled.
    A refused path is said, then asked again."""
    suggested = in_documents(suggested)
    while True:
        chosen = get_save_file_name(parent, title, suggested, file_filter)
        if not chosen:
            return None
        # The name as chosen (the database picked by mistake is said, not quietly given a suffix), then as written.
        problem = output_problem(Path(chosen), database) or output_problem(Path(with_suffix(chosen, suffix)), database)
        if problem is None:
            return with_suffix(chosen, suffix)
        messages.show_error(parent, title, problem)
        suggested = chosen
