"""A record table that sorts itself by the raw values of its columns (a Decimal, a date; None last).

Sorting inside the model is what STACK.md measured as fast (a proxy's ``lessThan`` in Python is not);
views with sorting enabled call :meth:`sort` when a header is clicked.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt

from .record_table import RecordTableModel
from .sort_proxy import sort_key

T = TypeVar("T")


class SortedRecordModel(RecordTableModel[T]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Any) -> None:
        """Show ``rows``, in the current sort order at once (one reset: views size their columns once)."""
        super().set_rows(self._sorted(list(rows)))

    def column_texts(self, column: int) -> list[str]:
        """The texts shown in ``column``, row by row (as ``data()`` gives them, for sizing the column)."""
        text = self._columns[column].text
        return [text(row) for row in self._rows]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.sort_column, self.sort_order = column, order
        self._relayout(self._sorted(self._rows))

    def _sorted(self, rows: list[T]) -> list[T]:
        """``rows`` in the current sort order (as given when unsorted)."""
        if not 0 <= self.sort_column < len(self._columns):
            return rows
        spec, order = self._columns[self.sort_column], self.sort_order
        raw = spec.raw or spec.text
        present = [r for r in rows if raw(r) is not None]
        missing = [r for r in rows if raw(r) is None]  # always last, whatever the order
        try:
            present.sort(key=lambda r: sort_key(raw(r)), reverse=order == Qt.SortOrder.DescendingOrder)
        except TypeError:  # mixed types in one column: the text shown
            present.sort(key=lambda r: spec.text(r), reverse=order == Qt.SortOrder.DescendingOrder)
        return present + missing

    def _relayout(self, rows: list[T]) -> None:
        """Replace the rows by a reordering (or subset) of them, keeping selections on their records."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        records = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None for i in old]
        self._rows = rows
        positions = {id(r): n for n, r in enumerate(rows)}
        new = []
        for record, index in zip(records, old, strict=True):
            row = positions.get(id(record)) if record is not None else None
            new.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
