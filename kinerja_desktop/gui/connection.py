"""A server that stopped answering, and a change another computer made first: said in Indonesian, with a way on.

* :class:`~..db.errors.ServerUnavailableError` ("server tidak terhubung"): a box with "Coba lagi"; the form that
  was saving stays open with everything typed, and trying again repeats the save once the server is back.
* :class:`~..db.errors.ConcurrentChangeError` (another computer saved the same data first): a box with
  "Muat ulang", which shows the other computer's data; nothing of it was overwritten.

The main window shows a lost server in a bar above the screens (:class:`ServerBar`) with "Coba lagi", instead of
empty screens. Screens and dialogs call :func:`explain` through the module, so tests can replace it.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ..db.errors import ConcurrentChangeError, RowBusyError, ServerUnavailableError

RETRY, RELOAD, CLOSE = "coba-lagi", "muat-ulang", "tutup"
SERVER_PROBLEMS = (ServerUnavailableError, RowBusyError)  # what the main window's bar says (try again later)
PROBLEMS = (ServerUnavailableError, RowBusyError, ConcurrentChangeError)  # what :func:`explain` offers a way on for


def _tr(text: str) -> str:
    return QCoreApplication.translate("connection", text)


def is_connection_problem(error: BaseException) -> bool:
    return isinstance(error, ServerUnavailableError | ConcurrentChangeError | RowBusyError)


def explain(parent: QWidget | None, error: BaseException, *, can_reload: bool = True) -> str:
    """Show what happened and ask what next: RETRY (server lost, row busy), RELOAD (changed elsewhere) or CLOSE."""
    if isinstance(error, ConcurrentChangeError):
        title, first = _tr("Diubah di komputer lain"), (_tr("Muat ulang"), RELOAD) if can_reload else None
        icon = QMessageBox.Icon.Warning
    elif isinstance(error, ServerUnavailableError):
        title, first, icon = _tr("Server tidak terhubung"), (_tr("Coba lagi"), RETRY), QMessageBox.Icon.Critical
    else:
        title, first, icon = _tr("Sedang diubah di komputer lain"), (_tr("Coba lagi"), RETRY), QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, str(error), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("connectionProblem")
    main = box.addButton(first[0], QMessageBox.ButtonRole.AcceptRole) if first else None
    close = box.addButton(_tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(main or close)
    box.setEscapeButton(close)
    box.exec()
    if main is not None and box.clickedButton() is main and first is not None:
        return first[1]
    return CLOSE


def retrying(parent: QWidget | None, action: Callable[[], object], *, reload: Callable[[], None] | None = None):  # noqa: ANN201
    """Run ``action``; while the server is lost and the user says "Coba lagi", run it again.

    Returns the action's value, or None when the user gave up (closed) or chose to reload (``reload`` is called).
    Other errors pass through to the caller, which shows them as before.
    """
    while True:
        try:
            return action()
        except (ServerUnavailableError, ConcurrentChangeError, RowBusyError) as error:
            choice = explain(parent, error, can_reload=reload is not None)
            if choice == RETRY:
                continue
            if choice == RELOAD and reload is not None:
                reload()
            return None


class ServerBar(QWidget):
    """"Server tidak terhubung" above the screens while the server is lost, with "Coba lagi"."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverBar")
        self.setStyleSheet("QWidget#serverBar { background: #fdecea; border: 1px solid #e0a39d; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the style sheet's background applies
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(_tr("Coba lagi"))
        self.retry_button.clicked.connect(lambda _checked=False: self.retry_requested.emit())
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def show_problem(self, error: BaseException) -> None:
        head, _, rest = str(error).partition(": ")
        self.label.setText(f"<b>{escape(head)}:</b> {escape(rest)}" if rest else escape(head))
        self.show()

    def clear(self) -> None:
        self.hide()
