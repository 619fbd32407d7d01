"""Small layout helpers shared by the Cadangan & Paket panels."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView

from ..views import setup_table


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
