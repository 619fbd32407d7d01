"""Start the GUI: QApplication, open the database (or let the user choose another), show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..db.database import Database
from . import messages, opening
from .settings import APPLICATION, ORGANIZATION


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def create_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("Kinerja Desktop")
    app.setApplicationVersion(__version__)
    # Dates in calendars and date fields in Indonesian ("26 Januari 2026").
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    return app


def open_at_start(db: str | None) -> Database | None:
    """Open the database given (or the default); after a failure offer another file or quitting."""
    path: str | None = db
    create = True
    while True:
        database, problem = opening.try_open(path, create=create)
        if database is not None:
            opening.show_open_notes(None, database)
            return database
        if not messages.choose_other_file_or_quit(None, _tr("Basis data tidak dapat dibuka"), problem or ""):
            return None
        start = str(Path(path).parent) if path else ""
        path = opening.ask_existing_file(None, start)
        if path is None:
            return None
        create = False


def run(db: str | None) -> int:
    """Run the desktop application on ``db`` (a path; None = the default database). Returns the exit code."""
    app = create_application()
    database = open_at_start(db)
    if database is None:
        return 1
    from .main_window import MainWindow

    window = MainWindow(database)
    window.show()
    return app.exec()
