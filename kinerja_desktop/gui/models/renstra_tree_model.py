"""The Renstra tree of one OPD: tujuan → sasaran → indikator, from ``services.renstra.renstra_tree``.

Rows keep the service's order (``sort_order``): the tree is not sorted by column. Alignment flags of a
sasaran (not linked to an RPJMD sasaran, no indicator) show in the Keterangan column with a warning icon;
retired nodes are greyed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ...domain.enums import Cumulation, GoalKind, Polarity
from ...domain.formatting import format_number
from ...services.renstra import NO_INDICATOR, NOT_LINKED, GoalNode, IndicatorNode
from . import ID_ROLE
from .plan_tree import KIND_ROLE, PlanItem, PlanTreeModel

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RETIRED = QColor(130, 130, 130)
WARNING = QColor(161, 92, 0)
MUTED = QColor(95, 95, 95)


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


class TreeItem(PlanItem):
    """A node of the Renstra tree; an active sasaran carries its alignment flags."""

    @property
    def flags(self) -> list[str]:
        return self.node.flags if isinstance(self.node, GoalNode) and self.node.is_active else []


class RenstraTreeModel(PlanTreeModel):
    DESCRIPTION, UNIT, TARGET, POLARITY, CUMULATION, NOTE = range(6)
    item_type = TreeItem
    right_columns = frozenset({TARGET})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.year: int | None = None
        self._warning_icon: QIcon | None = None

    # -- content -------------------------------------------------------------------------------------
    def set_tree(self, goals: Sequence[GoalNode], year: int | None) -> None:
        self.year = year
        self.set_nodes(goals)

    def kind_of(self, node: Any) -> NodeKind:
        if isinstance(node, IndicatorNode):
            return NodeKind.INDICATOR
        return NodeKind.TARGET if node.kind is GoalKind.TARGET else NodeKind.GOAL

    def children_of(self, node: Any) -> Sequence[Any]:
        return [*node.children, *node.indicators] if isinstance(node, GoalNode) else []

    def item(self, index: Index) -> TreeItem | None:
        return super().item(index)  # type: ignore[return-value]

    def roots(self) -> list[TreeItem]:
        return super().roots()  # type: ignore[return-value]

    def walk(self) -> Iterator[TreeItem]:
        return super().walk()  # type: ignore[return-value]

    def flagged(self) -> list[TreeItem]:
        """Active sasaran with alignment problems, in tree order."""
        return [i for i in self.walk() if i.flags]

    def headers(self) -> list[str]:
        target = _tr("Target {0}").format(self.year) if self.year else _tr("Target")
        return [_tr("Uraian"), _tr("Satuan"), target, _tr("Polaritas"), _tr("Kumulasi"), _tr("Keterangan")]

    # -- Qt data -------------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
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
