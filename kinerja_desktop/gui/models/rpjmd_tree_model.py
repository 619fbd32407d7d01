"""The RPJMD of a period: misi → tujuan → sasaran → indikator, with the baseline and each year's target."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...domain.enums import GoalKind
from ...domain.formatting import format_number
from ...services.rpjmd import RpjmdIndicatorNode, RpjmdNode
from .plan_tree import PlanItem, PlanTreeModel

INDICATOR = "indikator"  # the kind of an indicator row (goals use GoalKind)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RpjmdTreeModel", text)


def target_text(node: RpjmdIndicatorNode, year: int) -> str:
    value = node.targets.get(year)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    high = node.targets_high.get(year)
    if high is not None:
        return f"{format_number(value, None)}–{format_number(high, None)}"
    return format_number(value, None)


class RpjmdTreeModel(PlanTreeModel):
    DESCRIPTION, UNIT, BASELINE = 0, 1, 2
    FIRST_YEAR = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.years: list[int] = []

    def set_tree(self, roots: Sequence[RpjmdNode], years: Sequence[int]) -> None:
        self.years = list(years)
        self.right_columns = frozenset({self.BASELINE, *range(self.FIRST_YEAR, self.FIRST_YEAR + len(self.years))})
        self.set_nodes(roots)

    @property
    def note_column(self) -> int:
        return self.FIRST_YEAR + len(self.years)

    def headers(self) -> list[str]:
        return [_tr("Uraian"), _tr("Satuan"), _tr("Kondisi awal"), *(str(y) for y in self.years), _tr("Keterangan")]

    def kind_of(self, node: Any) -> Any:
        return node.kind if isinstance(node, RpjmdNode) else INDICATOR

    def children_of(self, node: Any) -> Sequence[Any]:
        if isinstance(node, RpjmdNode):
            return [*node.children, *node.indicators]
        return []

    def is_heading(self, item: PlanItem) -> bool:
        return item.kind is GoalKind.MISSION or (item.parent is None and item.kind != INDICATOR)

    def text(self, item: PlanItem, column: int) -> str:
        node = item.node
        if isinstance(node, RpjmdNode):
            if column == self.DESCRIPTION:
                label = node.kind.label
                return f"{label} {node.code}: {node.statement}" if node.code else f"{label}: {node.statement}"
            if column == self.note_column:
                return self._goal_note(node)
            return ""
        if column == self.DESCRIPTION:
            return f"{node.code} {node.name}".strip()
        if column == self.UNIT:
            return node.unit
        if column == self.BASELINE:
            return format_number(node.baseline, None) if isinstance(node.baseline, Decimal) else ""
        if self.FIRST_YEAR <= column < self.note_column:
            return target_text(node, self.years[column - self.FIRST_YEAR])
        return "" if node.is_active else _tr("Dinonaktifkan")

    def _goal_note(self, node: RpjmdNode) -> str:
        if not node.is_active:
            return _tr("Dinonaktifkan")
        if node.kind is GoalKind.TARGET:
            if node.supported_by:
                return _tr("Didukung {0} sasaran OPD").format(node.supported_by)
            return _tr("Belum didukung sasaran OPD")
        return ""
