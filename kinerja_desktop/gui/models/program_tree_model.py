"""An OPD's DPA: program → kegiatan → sub kegiatan with the pagu of each year (a sum where children carry it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...domain.enums import ProgramLevel
from ...domain.formatting import format_rupiah
from ...services.programs import CHILDREN, ProgramNode
from .plan_tree import PlanItem, PlanTreeModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgramTreeModel", text)


class ProgramTreeModel(PlanTreeModel):
    CODE, DESCRIPTION = 0, 1
    FIRST_YEAR = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.years: list[int] = []

    def set_tree(self, roots: Sequence[ProgramNode], years: Sequence[int]) -> None:
        self.years = list(years)
        self.right_columns = frozenset(range(self.FIRST_YEAR, self.FIRST_YEAR + len(self.years)))
        self.set_nodes(roots)

    @property
    def goal_column(self) -> int:
        return self.FIRST_YEAR + len(self.years)

    def headers(self) -> list[str]:
        pagu = [_tr("Pagu {0} (Rp)").format(y) for y in self.years]
        return [_tr("Kode"), _tr("Program / kegiatan / sub kegiatan"), *pagu, _tr("Sasaran Renstra")]

    def kind_of(self, node: Any) -> Any:
        return node.level

    def children_of(self, node: Any) -> Sequence[Any]:
        return node.children

    def is_heading(self, item: PlanItem) -> bool:
        return item.kind is ProgramLevel.PROGRAM

    def text(self, item: PlanItem, column: int) -> str:
        node: ProgramNode = item.node
        if column == self.CODE:
            return node.code
        if column == self.DESCRIPTION:
            return node.name if node.is_active else _tr("{0} (nonaktif)").format(node.name)
        if self.FIRST_YEAR <= column < self.goal_column:
            return format_rupiah(node.pagu.get(self.years[column - self.FIRST_YEAR]), prefix=False)
        if column == self.goal_column:
            return node.goal_label
        return ""

    def tooltip(self, item: PlanItem, column: int) -> str:
        node: ProgramNode = item.node
        if self.FIRST_YEAR <= column < self.goal_column and node.pagu_from_children:
            return _tr("Jumlah pagu {0} di bawahnya").format(CHILDREN[node.level])
        if column == self.DESCRIPTION:
            return f"{node.level.label} {node.code}\n{node.name}"
        return self.text(item, column)

    def total(self, year: int) -> int:
        """The OPD's pagu of ``year``: the sum of its active programs."""
        return sum(i.node.pagu.get(year, 0) for i in self.roots() if i.is_active)
