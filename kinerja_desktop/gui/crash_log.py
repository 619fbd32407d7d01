"""What happened, for support: a rotating log in the user-data folder, ``faulthandler`` for hard crashes, and a
dialog for an unexpected error naming the file to send (the windowed .exe has no console: stderr goes nowhere).

``install()`` at start-up (``gui.app.run``):

- ``<user data>/log/kinerja.log``: messages of the app's loggers (``kinerja_desktop.*``), kept to 5 files of 1 MB;
- ``<user data>/log/crash.log``: Python's ``faulthandler`` writes the stacks there if the process dies in C code;
- ``sys.excepthook``: an exception no code caught, in the main code or in a Qt slot (PySide hands those to the
  hook too), is written to the log with its traceback and said in a dialog (:func:`show_unexpected_error`).
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

LOGGER_NAME = "kinerja_desktop"
LOG_NAME = "kinerja.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

log = logging.getLogger(LOGGER_NAME)
_state: dict[str, object] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("crash_log", text)


def default_folder() -> Path:
    """``log`` in the user-data folder, beside the default database."""
    from platformdirs import user_data_path

    return user_data_path("Kinerja Desktop", appauthor=False, ensure_exists=False) / "log"


def log_path() -> Path | None:
    """The log file in use (None before :func:`install`)."""
    path = _state.get("path")
    return path if isinstance(path, Path) else None


def install(folder: Path | None = None) -> Path:
    """Start logging into ``folder`` (the user-data folder by default); returns the log file's path."""
    folder = folder or default_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    uninstall()
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    crash: IO[str] = open(folder / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115 - open while the app runs
    faulthandler.enable(file=crash, all_threads=True)
    _state.update(path=path, handler=handler, crash=crash, previous_hook=sys.excepthook)
    sys.excepthook = _on_unexpected
    from .. import __version__

    log.info("Kinerja Desktop %s dimulai (Python %s)", __version__, sys.version.split()[0])
    return path


def uninstall() -> None:
    """Stop (tests; a second install): the hook and faulthandler as before, the files closed."""
    handler = _state.pop("handler", None)
    if isinstance(handler, logging.Handler):
        log.removeHandler(handler)
        handler.close()
    crash = _state.pop("crash", None)
    if crash is not None:
        faulthandler.disable()
        crash.close()  # type: ignore[attr-defined]
    previous = _state.pop("previous_hook", None)
    if previous is not None and sys.excepthook is _on_unexpected:
        sys.excepthook = previous  # type: ignore[assignment]
    _state.pop("path", None)


def _on_unexpected(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.error("Kesalahan tak terduga:\n%s", "".join(traceback.format_exception(kind, error, trace)).rstrip())
    if _state.get("showing"):
        return  # an error while the dialog is up: logged, not a second dialog
    _state["showing"] = True
    try:
        show_unexpected_error(QApplication.activeWindow(), error, log_path())
    except Exception:  # noqa: BLE001 - the dialog must never raise from the hook
        log.exception("Dialog kesalahan tidak dapat ditampilkan")
    finally:
        _state["showing"] = False


def unexpected_error_text(error: BaseException, path: Path | None) -> str:
    what = str(error) or type(error).__name__
    text = _tr("Terjadi kesalahan yang tidak terduga: {0}\n\nPekerjaan yang sudah disimpan tetap aman; "
               "periksa kembali isian yang sedang diketik.").format(what)
    if path is not None:
        text += "\n\n" + _tr("Rinciannya tercatat di berkas log:\n{0}\n\nKirim berkas itu kepada petugas "
                             "dukungan aplikasi bila kesalahan ini berulang.").format(path)
    return text


def show_unexpected_error(parent: QWidget | None, error: BaseException, path: Path | None) -> None:
    """The dialog of an unexpected error (tests replace it)."""
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("Kesalahan tak terduga"), unexpected_error_text(error, path),
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("unexpectedErrorBox")
    box.exec()
