"""The Renstra tree of one OPD: tujuan → sasaran → indikator, from ``services.renstra.renstra_tree``.

Rows keep the service's order (``sort_order``): the tree is not sorted by column. Alignment flags of a
sasaran (not linked to an RPJMD sasaran, no indicator) show in the Keterangan column with a warning icon;
retired nodes are greyed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ...domain.enums import Cumulation, GoalKind, Polarity
from ...domain.formatting import format_number
from ...services.renstra import NO_INDICATOR, NOT_LINKED, GoalNode, IndicatorNode
from . import ID_ROLE

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RETIRED = QColor(130, 130, 130)
WARNING = QColor(161, 92, 0)
MUTED = QColor(95, 95, 95)
# The role holding the node's kind (NodeKind); ID_ROLE holds its id.
KIND_ROLE = Qt.ItemDataRole.UserRole + 10


class NodeKind(Enum):
    GOAL = "tujuan"
    TARGET = "sasaran"
    INDICATOR = "indikator"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RenstraTreeModel", text)


def polarity_text(polarity: Polarity) -> str:
    return {Polarity.POSITIVE: _tr("Positif"), Polarity.NEGATIVE: _tr("Negatif"), Polarity.RANGE: _tr("Rentang")}[
        polarity
    ]


def cumulation_text(cumulation: Cumulation) -> str:
    return {
        Cumulation.SUMMED: _tr("Dijumlahkan"),
        Cumulation.LAST_VALUE: _tr("Nilai terakhir"),
        Cumulation.AVERAGE: _tr("Rata-rata"),
        Cumulation.FLAT: _tr("Tetap"),
        Cumulation.RELEASED: _tr("Dirilis instansi lain"),
    }[cumulation]


def flag_text(flag: str) -> str:
    """The short form of an alignment flag for the Keterangan column (the tooltip has the full one)."""
    return {NOT_LINKED: _tr("Belum terhubung ke RPJMD"), NO_INDICATOR: _tr("tanpa indikator")}.get(flag, _tr(flag))


def target_text(indicator: IndicatorNode) -> str:
    if indicator.target_grade:
        return indicator.target_grade
    if indicator.target is not None and indicator.target_high is not None:
        return f"{format_number(indicator.target, None)}–{format_number(indicator.target_high, None)}"
    return format_number(indicator.target, None)


@dataclass(eq=False)
class TreeItem:
    kind: NodeKind
    node: GoalNode | IndicatorNode
    parent: TreeItem | None
    row: int
    serial: int
    children: list[TreeItem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def is_active(self) -> bool:
        return self.node.is_active

    @property
    def flags(self) -> list[str]:
        return self.node.flags if isinstance(self.node, GoalNode) and self.node.is_active else []

    def siblings(self, roots: list[TreeItem]) -> list[TreeItem]:
        """The items this one can swap places with (same kind, same parent)."""
        pool = self.parent.children if self.parent else roots
        return [s for s in pool if s.kind is self.kind]


class RenstraTreeModel(QAbstractItemModel):
    DESCRIPTION, UNIT, TARGET, POLARITY, CUMULATION, NOTE = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._roots: list[TreeItem] = []
        self._items: list[TreeItem] = []  # by serial: the internal id of every index
        self._by_id: dict[str, TreeItem] = {}
        self.year: int | None = None
        self._warning_icon: QIcon | None = None

    # -- content -------------------------------------------------------------------------------------
    def set_tree(self, goals: Sequence[GoalNode], year: int | None) -> None:
        self.beginResetModel()
        self.year = year
        self._roots, self._items, self._by_id = [], [], {}
        for goal in goals:
            self._roots.append(self._add_goal(goal, None, len(self._roots)))
        self.endResetModel()

    def _new(self, kind: NodeKind, node: GoalNode | IndicatorNode, parent: TreeItem | None, row: int) -> TreeItem:
        item = TreeItem(kind, node, parent, row, len(self._items))
        self._items.append(item)
        self._by_id[node.id] = item
        return item

    def _add_goal(self, goal: GoalNode, parent: TreeItem | None, row: int) -> TreeItem:
        kind = NodeKind.TARGET if goal.kind is GoalKind.TARGET else NodeKind.GOAL
        item = self._new(kind, goal, parent, row)
        for child in goal.children:
            item.children.append(self._add_goal(child, item, len(item.children)))
        for indicator in goal.indicators:
            item.children.append(self._new(NodeKind.INDICATOR, indicator, item, len(item.children)))
        return item

    def item(self, index: Index) -> TreeItem | None:
        return self._items[index.internalId()] if index.isValid() else None

    def item_by_id(self, node_id: str) -> TreeItem | None:
        return self._by_id.get(node_id)

    def index_of(self, node_id: str, column: int = 0) -> QModelIndex:
        item = self._by_id.get(node_id)
        return self.createIndex(item.row, column, item.serial) if item else QModelIndex()

    def roots(self) -> list[TreeItem]:
        return list(self._roots)

    def walk(self) -> Iterator[TreeItem]:
        return iter(self._items)

    def flagged(self) -> list[TreeItem]:
        """Active sasaran with alignment problems, in tree order."""
        return [i for i in self._items if i.flags]

    # -- Qt structure --------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        pool = self._roots if not parent.isValid() else self._items[parent.internalId()].children
        if not (0 <= row < len(pool) and 0 <= column < 6):
            return QModelIndex()
        return self.createIndex(row, column, pool[row].serial)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._items[index.internalId()].parent
        return self.createIndex(parent.row, 0, parent.serial) if parent else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._roots)
        if parent.column() != 0:
            return 0
        return len(self._items[parent.internalId()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            target = _tr("Target {0}").format(self.year) if self.year else _tr("Target")
            return [_tr("Uraian"), _tr("Satuan"), target, _tr("Polaritas"), _tr("Kumulasi"), _tr("Keterangan")][section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section == self.TARGET else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None

    # -- Qt data -------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.internalId()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == ID_ROLE:
            return item.id
        if role == KIND_ROLE:
            return item.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not item.is_active:
                return QBrush(RETIRED)
            if column == self.NOTE:
                return QBrush(WARNING if item.flags else MUTED)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == self.DESCRIPTION and item.kind is NodeKind.GOAL:
                font = QFont()
                font.setBold(True)
                font.setStrikeOut(not item.is_active)
                return font
            if not item.is_active:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.NOTE and item.flags:
            return self._warning()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TARGET:
            return RIGHT
        return None

    def _warning(self) -> QIcon:
        if self._warning_icon is None:
            self._warning_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning_icon

    def _text(self, item: TreeItem, column: int) -> str:
        node = item.node
        if isinstance(node, GoalNode):
            if column == self.DESCRIPTION:
                label = _tr("Tujuan") if item.kind is NodeKind.GOAL else _tr("Sasaran")
                return f"{label} {node.code}: {node.statement}" if node.code else f"{label}: {node.statement}"
            if column == self.NOTE:
                return self._goal_note(item, node)
            return ""
        if column == self.DESCRIPTION:
            return f"{node.code} {node.name}".strip()
        if column == self.UNIT:
            return node.unit
        if column == self.TARGET:
            return target_text(node) or _tr("belum ada")
        if column == self.POLARITY:
            return polarity_text(node.polarity)
        if column == self.CUMULATION:
            return cumulation_text(node.cumulation)
        return "" if node.is_active else _tr("Dinonaktifkan")

    def _goal_note(self, item: TreeItem, node: GoalNode) -> str:
        if not node.is_active:
            return _tr("Dinonaktifkan")
        if item.flags:
            return "; ".join(flag_text(f) for f in item.flags)
        if item.kind is NodeKind.TARGET and node.supports_label:
            return _tr("Mendukung RPJMD {0}").format(node.supports_label.split(" ", 1)[0])
        return ""

    def _tooltip(self, item: TreeItem, column: int) -> str:
        text = self._text(item, column)
        node = item.node
        if column == self.NOTE and item.flags:
            return "\n".join(_tr(f) for f in item.flags)
        if column == self.NOTE and isinstance(node, GoalNode) and node.supports_label and node.is_active:
            return _tr("Mendukung sasaran RPJMD: {0}").format(node.supports_label)
        if column == self.DESCRIPTION and isinstance(node, GoalNode) and node.supports_label:
            return _tr("{0}\nMendukung sasaran RPJMD: {1}").format(text, node.supports_label)
        if column == self.POLARITY and isinstance(node, IndicatorNode):
            return node.polarity.label
        if column == self.CUMULATION and isinstance(node, IndicatorNode):
            return node.cumulation.label
        return text
