"""Filters the OPD table by a search text and by the active flag; sorts on raw values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from .opd_table_model import OpdTableModel
from .sort_proxy import RawValueSortProxy


class OpdFilterProxy(RawValueSortProxy):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._show_inactive = False

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_terms", text.casefold().split()))

    def set_show_inactive(self, show: bool) -> None:
        self._refilter(lambda: setattr(self, "_show_inactive", show))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, OpdTableModel):
            return True
        if not self._show_inactive and not model.row_at(source_row).is_active:
            return False
        haystack = model.search_text(source_row)
        return all(term in haystack for term in self._terms)
