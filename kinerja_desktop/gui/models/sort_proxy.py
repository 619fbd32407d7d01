"""A sort proxy that compares the raw Python values of ``SORT_ROLE`` (Decimal, date, None last)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from . import SORT_ROLE


def sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (1, 0)
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class RawValueSortProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        a = sort_key(left.data(SORT_ROLE))
        b = sort_key(right.data(SORT_ROLE))
        try:
            return a < b
        except TypeError:  # mixed types in one column: fall back to the text shown
            return str(left.data()) < str(right.data())
