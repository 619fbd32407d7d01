"""A table that breaks across pages only between groups of rows, and keeps its last rows with a tail.

Why not a plain ``Table``: a sasaran spans the rows of its indicators, and a span must not be cut
by a page break; and the signature blocks after the last table must never stand alone on a page.
This flowable splits itself at group boundaries, repeats the header rows on every page, and moves
its last ``keep_groups`` groups to the next page together with the ``tail`` flowables when they
do not fit after them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle


@dataclass
class RowGroup:
    """Rows that stay on one page, with style commands whose row numbers count from the group's first row."""

    rows: list[list[Any]]
    commands: list[tuple[Any, ...]] = field(default_factory=list)


def _shift(command: tuple[Any, ...], offset: int) -> tuple[Any, ...]:
    name, (c0, r0), (c1, r1), *args = command
    return (name, (c0, r0 + offset), (c1, r1 + offset), *args)


class GroupedTable(Flowable):
    def __init__(
        self,
        header: Sequence[list[Any]],
        groups: Sequence[RowGroup],
        col_widths: Sequence[float],
        base_style: Sequence[tuple[Any, ...]],
        *,
        frame_height: float,
        tail: Sequence[Flowable] = (),
        keep_groups: int = 1,
        min_groups: int = 3,
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.groups = list(groups)
        self.col_widths = list(col_widths)
        self.base_style = list(base_style)
        self.frame_height = frame_height
        self.tail = list(tail)
        self.keep_groups = keep_groups if self.tail else 0
        self.min_groups = min_groups  # fewer groups than this are not left at the foot of a page
        self._table: Table | None = None
        self._table_height = 0.0
        self._tail_heights: list[float] = []

    def make_table(self, groups: Sequence[RowGroup]) -> Table:
        """A real ``Table`` of the header and the given groups (the header repeats if it splits after all)."""
        rows = [list(r) for r in self.header]
        commands = list(self.base_style)
        for group in groups:
            offset = len(rows)
            rows.extend(group.rows)
            commands.extend(_shift(c, offset) for c in group.commands)
        table = Table(rows, colWidths=self.col_widths, repeatRows=len(self.header), hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._table is None:
            self._table = self.make_table(self.groups)
        # A large height: ReportLab stops measuring rows once the available height is exceeded.
        _, self._table_height = self._table.wrap(avail_width, 1e7)
        self._tail_heights = [f.wrap(avail_width, avail_height)[1] for f in self.tail]
        self.width = sum(self.col_widths)
        self.height = self._table_height + sum(self._tail_heights)
        return self.width, self.height

    def _group_heights(self) -> tuple[float, list[float]]:
        assert self._table is not None
        heights = list(self._table._rowHeights)
        header_height = sum(heights[: len(self.header)])
        result = []
        index = len(self.header)
        for group in self.groups:
            result.append(sum(heights[index : index + len(group.rows)]))
            index += len(group.rows)
        return header_height, result

    def _rest(self, groups: Sequence[RowGroup]) -> GroupedTable:
        return GroupedTable(
            self.header,
            groups,
            self.col_widths,
            self.base_style,
            frame_height=self.frame_height,
            tail=self.tail,
            keep_groups=self.keep_groups,
            min_groups=self.min_groups,
        )

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        header_height, heights = self._group_heights()
        limit = len(self.groups) - min(self.keep_groups, len(self.groups))
        fresh_page = avail_height >= self.frame_height - 1
        used, count = header_height, 0
        for height in heights[:limit]:
            if used + height > avail_height:
                break
            used += height
            count += 1
        if count < self.min_groups or count == 0:
            if not fresh_page:
                return []  # start again on the next page
            if count == 0:
                # Too tall even for a whole page: give up the keep-with rule rather than fail.
                return [self.make_table(self.groups), *self.tail]
        return [self.make_table(self.groups[:count]), self._rest(self.groups[count:])]

    def draw(self) -> None:
        assert self._table is not None
        y = self.height - self._table_height
        self._table.drawOn(self.canv, 0, y)
        for flowable, height in zip(self.tail, self._tail_heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)
