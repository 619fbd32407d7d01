"""A table that breaks across pages by height, keeps a heading above it and a tail below it.

Why not a plain ``Table``: a sasaran spans the rows of its indicators, and a span cut by a page break must
say so; the section heading above a table must never end a page alone; and the signature blocks after the
last table must never stand alone on a page. This flowable places whole groups of rows while they fit, cuts
a group too tall for the room left (at least two rows each side when it has four or more) and continues it
on the next page with its spanning cells replaced by the group's ``continued`` cells ("… (lanjutan)"),
repeats the header rows on every page, draws its ``lead`` above the first rows, and moves its last rows to
the next page together with the ``tail`` flowables when they do not fit after them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

from kinerja_desktop.reports.errors import DocumentLayoutError

MEASURE = 1e7  # a height large enough that ReportLab measures every row
SPLIT_SHARE = 0.5  # a group taller than this share of a page may be cut to fill the room left


@dataclass
class RowGroup:
    """Rows kept on one page when they fit, with style commands whose row numbers count from the group's
    first row (non-negative). ``continued``: the cells of spanning columns on the first row of a
    continuation, by column (e.g. the sasaran with "(lanjutan)")."""

    rows: list[list[Any]]
    commands: list[tuple[Any, ...]] = field(default_factory=list)
    continued: dict[int, Any] = field(default_factory=dict)
    # (width, row heights) once measured: a long table is measured group by group, once each.
    measured: tuple[float, list[float]] | None = field(default=None, repr=False, compare=False)

    def cut(self, at: int) -> tuple[RowGroup, RowGroup]:
        """The rows before ``at`` and the continuation from ``at`` on."""
        head = RowGroup([list(r) for r in self.rows[:at]], _clip(self.commands, 0, at), self.continued)
        rest_rows = [list(r) for r in self.rows[at:]]
        for command in self.commands:
            name, (c0, r0), (_c1, r1), *_args = command
            if name == "SPAN" and r0 < at <= r1:
                rest_rows[0][c0] = self.continued.get(c0, "")
        return head, RowGroup(rest_rows, _clip(self.commands, at, len(self.rows)), self.continued)


def _clip(commands: Sequence[tuple[Any, ...]], low: int, high: int) -> list[tuple[Any, ...]]:
    """The commands restricted to rows ``low``..``high - 1``, renumbered from ``low``."""
    clipped = []
    for name, (c0, r0), (c1, r1), *args in commands:
        start, end = max(r0, low), min(r1, high - 1)
        if start > end or (name == "SPAN" and start == end and c0 == c1):
            continue
        clipped.append((name, (c0, start - low), (c1, end - low), *args))
    return clipped


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
        lead: Sequence[Flowable] = (),
        tail: Sequence[Flowable] = (),
        keep_groups: int = 1,
        min_groups: int = 3,
        continuation: bool = False,
        header_heights: dict[float, list[float]] | None = None,
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.groups = list(groups)
        self.col_widths = list(col_widths)
        self.base_style = list(base_style)
        self.frame_height = frame_height
        self.lead = list(lead)
        self.tail = list(tail)
        self.keep_groups = keep_groups if self.tail else 0
        self.min_groups = min_groups  # fewer whole groups than this are not left at the foot of a page
        self.continuation = continuation  # the rest of a table broken across pages: starts a page
        self._table: Table | None = None
        # The header's row heights by width, shared with the continuations (the same header on every page).
        self._header_heights = header_heights if header_heights is not None else {}
        self._header = 0.0
        self._heights: list[float] = []
        self._table_height = 0.0
        self._lead_heights: list[float] = []
        self._tail_heights: list[float] = []

    def make_table(self, groups: Sequence[RowGroup]) -> Table:
        """A real ``Table`` of the header and the given groups, given the row heights already measured (the
        heights ReportLab would find again: a row's height depends only on its group, see ``_row_heights_of``)."""
        width = sum(self.col_widths)
        heights = [*self._header_row_heights(width)]
        for group in groups:
            heights += self._row_heights_of(group, width)
        return self._table_of(self.header, groups, heights)

    def _table_of(
        self, header: Sequence[list[Any]], groups: Sequence[RowGroup], heights: list[float] | None = None
    ) -> Table:
        rows = [list(r) for r in header]
        commands = list(self.base_style)
        for group in groups:
            offset = len(rows)
            rows.extend(list(r) for r in group.rows)
            commands.extend(_shift(c, offset) for c in group.commands)
        table = Table(rows, colWidths=self.col_widths, rowHeights=heights, repeatRows=len(header), hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def _row_heights_of(self, group: RowGroup, width: float) -> list[float]:
        """The heights of a group's rows (the same in any table: only spans tie rows together)."""
        if group.measured is None or group.measured[0] != width:
            table = self._table_of([], [group])
            table.wrap(width, MEASURE)
            group.measured = (width, [float(h) for h in table._rowHeights])
        return group.measured[1]

    def _header_row_heights(self, width: float) -> list[float]:
        if not self.header:
            return []
        if width not in self._header_heights:
            table = self._table_of(self.header, [])
            table.wrap(width, MEASURE)
            self._header_heights[width] = [float(h) for h in table._rowHeights]
        return self._header_heights[width]

    def _header_height(self, width: float) -> float:
        return float(sum(self._header_row_heights(width)))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width = sum(self.col_widths)
        self._header = self._header_height(width)
        self._heights = [h for group in self.groups for h in self._row_heights_of(group, width)]
        self._table_height = self._header + sum(self._heights)
        self._lead_heights = [f.wrap(avail_width, avail_height)[1] for f in self.lead]
        self._tail_heights = [f.wrap(avail_width, avail_height)[1] for f in self.tail]
        self.width = width
        self.height = sum(self._lead_heights) + self._table_height + sum(self._tail_heights)
        if self.continuation and not self._fresh(avail_height):
            return self.width, avail_height + 1  # never below the first part on its page: split() moves it
        return self.width, self.height

    def _fresh(self, avail_height: float) -> bool:
        return avail_height >= self.frame_height - 1

    # -- where to break -----------------------------------------------------------------------------
    def _starts(self) -> list[int]:
        """The index of each group's first row, and the row count at the end."""
        starts, index = [], 0
        for group in self.groups:
            starts.append(index)
            index += len(group.rows)
        return [*starts, index]

    def _breaks(self, heights: list[float], room: float, *, any_row: bool = False) -> list[int]:
        """Row indices a page may end before: group boundaries, and rows inside a group too tall to keep."""
        starts = self._starts()
        allowed = set(starts)
        for number in range(len(self.groups)):
            start, end = starts[number], starts[number + 1]
            size = end - start
            if size < 2:
                continue
            tall = sum(heights[start:end]) > room * SPLIT_SHARE
            if not (tall or any_row):
                continue
            edge = 1 if any_row or size < 4 else 2  # no row alone at a page end or a page top
            allowed.update(range(start + edge, end - edge + 1))
        return sorted(allowed)

    def _tail_start(self, heights: list[float], breaks: list[int], room: float) -> int:
        """The first row that goes with the tail: the last ``keep_groups`` groups, or as much of them as fits
        one page with the tail (at least the last row)."""
        count = len(heights)
        if not self.tail or count == 0:
            return count
        starts = self._starts()
        first = starts[max(len(self.groups) - self.keep_groups, 0)]
        tail = sum(self._tail_heights)
        for candidate in [b for b in breaks if first <= b < count] + [count - 1]:
            if sum(heights[candidate:]) + tail <= room:
                return candidate
        return count

    def _groups_before(self, row: int) -> tuple[list[RowGroup], list[RowGroup]]:
        """The groups split at a row index (a group cut there becomes a head and a continuation)."""
        before: list[RowGroup] = []
        after: list[RowGroup] = []
        index = 0
        for group in self.groups:
            end = index + len(group.rows)
            if end <= row:
                before.append(group)
            elif index >= row:
                after.append(group)
            else:
                head, rest = group.cut(row - index)
                before.append(head)
                after.append(rest)
            index = end
        return before, after

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        header, heights = self._header, self._heights
        lead = sum(self._lead_heights)
        room = self.frame_height - header  # rows on a page of their own
        avail = avail_height - lead - header
        fresh = self._fresh(avail_height)
        if self.continuation and not fresh:
            return []
        if not heights:
            return [] if not fresh else [*self.lead, self.make_table([]), *self.tail]
        breaks = self._breaks(heights, room)
        tail_start = self._tail_start(heights, breaks, room)
        starts = self._starts()

        def fits(row: int) -> bool:
            return sum(heights[:row]) <= avail

        candidates = [b for b in breaks if 0 < b <= tail_start and b < len(heights) and fits(b)]
        chosen = self._fitting(candidates, avail_width, avail)
        whole = sum(1 for s in starts[1:] if s <= chosen)
        if chosen and chosen in starts and whole < self.min_groups and not fresh:
            chosen = 0  # too little at the foot of a page: start the table on the next one
        if chosen == 0:
            if not fresh:
                return []  # the lead and the first rows go to the next page together
            # Nothing fits a whole page under the rules: keep-with-tail first, then groups, then any row.
            relaxed = [b for b in breaks if 0 < b < len(heights) and fits(b)]
            chosen = self._fitting(relaxed, avail_width, avail)
            if chosen == 0:
                any_row = [b for b in self._breaks(heights, room, any_row=True) if 0 < b < len(heights) and fits(b)]
                chosen = self._fitting(any_row, avail_width, avail)
            if chosen == 0:
                raise DocumentLayoutError(
                    "satu baris tabel lebih tinggi dari satu halaman; persingkat teksnya (nama indikator, "
                    "sasaran, kendala atau tindak lanjut)"
                )
        before, after = self._groups_before(chosen)
        return [*self.lead, self.make_table(before), self._rest(after)]

    def _fitting(self, candidates: list[int], avail_width: float, avail: float) -> int:
        """The largest candidate whose rows really fit (a span cut in two changes the heights of the rows
        it covered, so a cut group is measured again)."""
        for row in sorted(candidates, reverse=True):
            before, _after = self._groups_before(row)
            height = sum(sum(self._row_heights_of(group, self.width)) for group in before)
            if height <= avail:
                return row
        return 0

    def _rest(self, groups: Sequence[RowGroup]) -> GroupedTable:
        return GroupedTable(
            self.header,
            groups,
            self.col_widths,
            self.base_style,
            frame_height=self.frame_height,
            tail=self.tail,
            keep_groups=min(self.keep_groups, len(groups)),
            min_groups=self.min_groups,
            continuation=True,
            header_heights=self._header_heights,
        )

    def draw(self) -> None:
        if self._table is None:
            self._table = self.make_table(self.groups)
            self._table.wrap(self.width, MEASURE)
        y = self.height
        for flowable, height in zip(self.lead, self._lead_heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)
        y -= self._table_height
        self._table.drawOn(self.canv, 0, y)
        for flowable, height in zip(self.tail, self._tail_heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)
