"""What the Cadangan & Paket panels share: the page that hosts them, and small layout helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTableView

from ...db.database import Database
from ..jobs import JobRunner, Work
from ..views import setup_table


class Host(Protocol):
    """The page (``screens/backup.BackupScreen``, a QWidget: the panels' parent and their dialogs') as its panels
    use it: one long call or one question at a time."""

    db: Database | None
    runner: JobRunner

    def busy(self) -> bool: ...
    def folder(self) -> str: ...
    def update_buttons(self) -> None: ...
    def run_job(self, title: str, work: Work, done: Callable[[Any], None], *, failed_title: str) -> None: ...
    def show_dialog(self, dialog: QDialog, accepted: Callable[[], None], rejected: Callable[[], None]) -> None: ...
    def say(self, text: str, *, error: bool = False) -> None: ...
    def report(self, title: str, text: str, *, data_replaced: bool = False) -> None: ...


def table(model: Any, stretch: int | None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    setup_table(view, stretch_column=stretch, sortable=False)
    return view


def fit_rows(view: QTableView, rows: int, *, least: int = 2, most: int = 5) -> None:
    """As tall as ``rows`` rows (between ``least`` and ``most``; more scroll inside the table)."""
    shown = min(max(rows, least), most)
    height = view.horizontalHeader().sizeHint().height() + view.verticalHeader().defaultSectionSize() * shown
    view.setFixedHeight(height + 2 * view.frameWidth() + 2)


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch()
    return row
