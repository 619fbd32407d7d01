"""Start the GUI: QApplication, open the database (or let the user choose another), show the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..paths import resource
from . import messages, qt_fixes, translation
from .settings import APPLICATION, ORGANIZATION

if TYPE_CHECKING:
    from ..db.database import Database
    from .main_window import MainWindow
    from .opening import OpenProblem


STARTUP_PROBE = "KINERJA_STARTUP_PROBE"


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)


def create_application() -> QApplication:
    """The QApplication, set up for Kinerja Desktop, after the work-around for this Qt for Python release."""
    qt_fixes.apply()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName("Kinerja Desktop")
    app.setApplicationVersion(__version__)
    icon = resource("icons", "kinerja-desktop.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    # Dates in calendars and date fields in Indonesian ("26 Januari 2026"); Qt's own texts too.
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    translation.install(app)
    return app


def open_at_start(db: str | None, problem: OpenProblem | None = None) -> Database | None:
    """Open the database given (or the default); after a failure offer recovery from the last automatic
    backup (a damaged file), another file, or quitting. ``problem``: the first attempt already failed so.
    """
    from . import opening

    path: str | None = str(problem.path) if problem is not None and problem.path is not None else db
    create = True
    while True:
        if problem is None:
            database, problem = opening.try_open_detailed(path, create=create)
            if database is not None:
                opening.show_open_notes(None, database)
                return database
            assert problem is not None
        if problem.server is not None:  # a server: its address or password, or it did not answer
            choice = opening.ask_after_server_problem(None, problem)
            if choice == opening.CONNECT:
                database = opening.connect_dialog(None, problem)
                if database is not None:
                    return database
                continue  # cancelled: the same choices again
            if choice == opening.RETRY:
                problem = None
                continue
            if choice != opening.OTHER:
                return None
            path = opening.ask_existing_file(None, "")
            if path is None:
                return None
            create, problem = False, None
            continue
        choice = opening.ask_after_damage(None, problem, at_start=True)
        if choice == opening.RETRY:  # a locked file: the other window or program may have let go
            problem = None
            continue
        if choice == opening.RECOVER:
            database = opening.recover_damaged(None, problem)
            if database is not None:
                return database
            problem = None  # recovery failed: the same file fails again and the choice comes back
            create = False
            continue
        if choice != opening.OTHER:
            return None
        start = str(Path(path).parent) if path else ""
        path = opening.ask_existing_file(None, start)
        if path is None:
            return None
        create = False
        problem = None


def _open_in_background(path: str | None) -> tuple[Database | None, OpenProblem | None]:
    """Worker: import the data layer and the screens (the slow part of start-up) and open the database."""
    from . import opening
    from .screens import agreements, backup, evaluation, home, opd, programs, renstra, reports, rpjmd  # noqa: F401

    return opening.try_open_detailed(path, create=True)


def _loading_name(db: str | None) -> str:
    from ..services.server import is_server_url

    if db:
        return "server" if is_server_url(db) else Path(db).name
    if os.environ.get("KINERJA_DB_URL"):
        return ""
    return "kinerja.sqlite"


def run(db: str | None, open_file: str | None = None) -> int:
    """Run the desktop application on ``db`` (a path; None = the default database). Returns the exit code.

    The window is shown first, then the data layer is imported and the database opened in a worker
    thread; the screens are built when it is ready (a failure offers another file, as at any open).
    ``open_file`` (a ``.kinerja-backup`` or ``.kinerja-paket``) is then previewed in Cadangan & Paket.
    """
    from . import crash_log

    crash_log.install()  # the log in the user-data folder, faulthandler, the dialog of an unexpected error
    app = create_application()
    window, outcome = launch(db, open_file=open_file)
    code = app.exec()
    window.runner.wait()
    return outcome["code"] or code


def launch(db: str | None, *, open_file: str | None = None) -> tuple[MainWindow, dict[str, int]]:
    """Show the window and start opening ``db`` in the background (the event loop is the caller's)."""
    from .main_window import MainWindow

    window = MainWindow(None, loading_name=_loading_name(db))
    window.show()
    probe = bool(os.environ.get(STARTUP_PROBE))
    if probe:
        QTimer.singleShot(0, lambda: print("KINERJA_SHOWN", flush=True))
    outcome = {"code": 0}

    def opened(result: tuple[Database | None, OpenProblem | None]) -> None:
        from . import opening

        database, problem = result
        if database is None:
            database = _recover(problem)
            if database is None:
                outcome["code"] = 1
                window.close()
                return
        else:
            opening.show_open_notes(window, database)
        window.attach(database, offer_setup=not open_file)  # a new, empty file: straight into its set-up
        if open_file:
            QTimer.singleShot(0, lambda: open_in_window(window, open_file))
        if probe:
            print("KINERJA_READY", flush=True)
            QTimer.singleShot(0, window.close)

    def failed(error: BaseException) -> None:
        messages.show_error(window, _tr("Kinerja Desktop"), _tr("Aplikasi gagal memuat: {0}").format(error))
        outcome["code"] = 1
        window.close()

    # Queued behind the first paint: the worker's imports hold the GIL and would otherwise delay the window.
    QTimer.singleShot(0, lambda: window.runner.run(_open_in_background, db, on_success=opened, on_failure=failed))
    return window, outcome


def open_in_window(window: MainWindow, path: str) -> None:
    """Go to Cadangan & Paket and start the restore or import preview of ``path``."""
    window.show_screen(window.backup)
    window.backup.open_file(path)


def _recover(problem: OpenProblem | None) -> Database | None:
    """After a failed first open: recovery from the last automatic backup, another file, or quitting."""
    from . import opening

    return open_at_start(None, problem or opening.OpenProblem(""))
