"""A read-only tree of plan nodes from the services (Renstra, RPJMD, programs): structure, retired rows greyed.

Subclasses say which columns there are, which children a node has and what each cell shows; rows keep the
service's order (the tree is not sorted by column).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from . import ID_ROLE

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RETIRED = QColor(130, 130, 130)
KIND_ROLE = Qt.ItemDataRole.UserRole + 10  # the node's kind; ID_ROLE holds its id


@dataclass(eq=False)
class PlanItem:
    kind: Any
    node: Any  # a service node with ``id`` and ``is_active``
    parent: PlanItem | None
    row: int
    serial: int
    children: list[PlanItem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.node.id)

    @property
    def is_active(self) -> bool:
        return bool(self.node.is_active)

    def siblings(self, roots: list[PlanItem]) -> list[PlanItem]:
        """The items this one can swap places with (same kind, same parent)."""
        pool = self.parent.children if self.parent else roots
        return [s for s in pool if s.kind == self.kind]


class PlanTreeModel(QAbstractItemModel):
    """Subclasses implement :meth:`headers`, :meth:`kind_of`, :meth:`children_of` and :meth:`text` (or their
    own :meth:`data`); ``right_columns`` hold numbers."""

    right_columns: frozenset[int] = frozenset()
    item_type: type[PlanItem] = PlanItem  # a subclass may carry more (the Renstra's alignment flags)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._roots: list[PlanItem] = []
        self._items: list[PlanItem] = []  # by serial: the internal id of every index
        self._by_id: dict[str, PlanItem] = {}

    # -- what subclasses say -------------------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def kind_of(self, node: Any) -> Any:
        raise NotImplementedError

    def children_of(self, node: Any) -> Sequence[Any]:
        raise NotImplementedError

    def text(self, item: PlanItem, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, item: PlanItem, column: int) -> str:
        return self.text(item, column)

    def is_heading(self, item: PlanItem) -> bool:
        """Rows shown bold (the top level)."""
        return item.parent is None

    # -- content -------------------------------------------------------------------------------------
    def set_nodes(self, roots: Sequence[Any]) -> None:
        self.beginResetModel()
        self._roots, self._items, self._by_id = [], [], {}
        for node in roots:
            self._roots.append(self._add(node, None, len(self._roots)))
        self.endResetModel()

    def _add(self, node: Any, parent: PlanItem | None, row: int) -> PlanItem:
        item = self.item_type(self.kind_of(node), node, parent, row, len(self._items))
        self._items.append(item)
        self._by_id[item.id] = item
        for child in self.children_of(node):
            item.children.append(self._add(child, item, len(item.children)))
        return item

    def item(self, index: Index) -> PlanItem | None:
        return self._items[index.internalId()] if index.isValid() else None

    def item_by_id(self, node_id: str) -> PlanItem | None:
        return self._by_id.get(node_id)

    def index_of(self, node_id: str, column: int = 0) -> QModelIndex:
        item = self._by_id.get(node_id)
        return self.createIndex(item.row, column, item.serial) if item else QModelIndex()

    def roots(self) -> list[PlanItem]:
        return list(self._roots)

    def walk(self) -> Iterator[PlanItem]:
        return iter(self._items)

    # -- Qt structure --------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        pool = self._roots if not parent.isValid() else self._items[parent.internalId()].children
        if not (0 <= row < len(pool) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column, pool[row].serial)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._items[index.internalId()].parent
        return self.createIndex(parent.row, 0, parent.serial) if parent else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._roots)
        if parent.column() != 0:
            return 0
        return len(self._items[parent.internalId()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.headers())

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in self.right_columns else LEFT
        return None

    # -- Qt data -------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.internalId()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == ID_ROLE:
            return item.id
        if role == KIND_ROLE:
            return item.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and not item.is_active:
            return QBrush(RETIRED)
        if role == Qt.ItemDataRole.FontRole and (self.is_heading(item) or not item.is_active):
            font = QFont()
            font.setBold(self.is_heading(item))
            font.setItalic(not item.is_active)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.right_columns:
            return RIGHT
        return None
