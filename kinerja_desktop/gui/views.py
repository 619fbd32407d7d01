"""Common set-up of item views: uniform row heights, read-only, sorting on raw values."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def setup_table(view: QTableView, *, stretch_column: int | None = None, sortable: bool = True) -> None:
    """Read-only rows of one height (resizing rows to contents is slow on large tables)."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # One row height derived from the font (follows DPI scaling), instead of the style's roomy default.
    view.verticalHeader().setDefaultSectionSize(round(view.fontMetrics().lineSpacing() * 1.6))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setHighlightSections(False)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    view.setSortingEnabled(sortable)
