"""The pohon kinerja printed as a diagram on A4 or A3 landscape: a column per level, a box per sasaran coloured by
its latest capaian, elbow lines to the sasaran supporting it; split over pages between boxes when it is large (a
parent left on an earlier page is repeated as "lanjutan" at the top of the next). The alignment warnings follow
as a table."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from kinerja_desktop.domain.cascade import (
    BAND_LABELS,
    BELOW,
    NO_READING,
    REACHED,
    WARNING,
    CascadeTree,
    Placed,
    TreeNode,
    layout,
    page_breaks,
)
from kinerja_desktop.domain.enums import GoalLevel
from kinerja_desktop.reports.fingerprint import fingerprint
from kinerja_desktop.reports.fonts import SANS, SANS_BOLD
from kinerja_desktop.reports.page import DocumentMeta, build, frame_size, new_document
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import CELL_FONT, GRID, HEADER_FILL, styles
from kinerja_desktop.reports.text import markup

FILLS = {
    REACHED: colors.HexColor("#d5efd5"),
    BELOW: colors.HexColor("#fff0bf"),
    WARNING: colors.HexColor("#f7cccc"),
    NO_READING: colors.HexColor("#ececec"),
}
COLUMNS = len(GoalLevel)
GAP_X, GAP_Y = 0.6 * cm, 6.0
PAD = 4.0
TEXT, SMALL = 7.5, 6.5
HEADER = 34.0  # the page's title and the column headings


def write_cascade(tree: CascadeTree, out: str | Path | BinaryIO, *, paper: str = "a4", author: str = "") -> None:
    """The tree as a PDF on ``paper`` ("a4" or "a3") landscape."""
    digest = fingerprint(tree)
    meta = DocumentMeta(
        title=tree.title, author=author, subject="Pohon Kinerja", identity=f"POHON-{tree.year}", fingerprint=digest,
        qr=False, dated=None,
    )
    doc = new_document(out, meta, paper=paper, wide=True)
    width, height = frame_size(doc)
    build(doc, story(tree, width, height), meta)


def story(tree: CascadeTree, width: float, height: float) -> list[Flowable]:
    box_width = (width - GAP_X * (COLUMNS - 1)) / COLUMNS
    placed = layout(tree.roots, lambda node: _box_height(node, box_width), GAP_Y)
    body = height - HEADER - 4
    starts = page_breaks(placed, body)
    pages: list[Flowable] = []
    for number, start in enumerate(starts):
        if number:
            pages.append(PageBreak())
        pages.append(_TreePage(tree, placed, start, body, width, height, box_width))
    if not placed:
        pages.append(Paragraph("Belum ada sasaran pada pohon kinerja tahun ini.", styles().body))
    pages += _warnings(tree, width)
    return pages


def _lines(node: TreeNode, box_width: float) -> list[tuple[str, str, float]]:
    """(text, font, size) of each line of a node's box."""
    inner = box_width - 2 * PAD
    head = node.level.label + (f" · {node.opd}" if node.opd and node.level is not GoalLevel.REGIONAL else "")
    lines = [(head, SANS_BOLD, SMALL)]
    lines += [(line, SANS, TEXT) for line in simpleSplit(node.text, SANS, TEXT, inner)]
    if node.position:
        lines += [(line, SANS, SMALL) for line in simpleSplit(node.position, SANS, SMALL, inner)]
    count = f"{len(node.indicators)} indikator · {node.capaian_text}"
    lines.append((count, SANS_BOLD, SMALL))
    return lines


def _box_height(node: TreeNode, box_width: float) -> float:
    return sum(size * 1.22 for _, _, size in _lines(node, box_width)) + 2 * PAD


class _TreePage(Flowable):
    """One page of the diagram: the boxes whose top lies on it, and the ancestors continued from a page before."""

    def __init__(  # noqa: PLR0913
        self, tree: CascadeTree, placed: list[Placed], start: float, body: float, width: float, height: float,
        box_width: float,
    ) -> None:
        super().__init__()
        self.tree, self.placed, self.start, self.body = tree, placed, start, body
        self.width, self.height, self.box_width = width, height, box_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        end = self.start + self.body
        canvas.setFont(SANS_BOLD, 10)
        canvas.drawString(0, self.height - 12, self.tree.title)
        canvas.setFont(SANS_BOLD, 7)
        for column, level in enumerate(GoalLevel):
            canvas.drawString(self._x(column), self.height - HEADER + 6, level.label.upper())
        self._legend(canvas)
        here = [p for p in self.placed if self.start <= p.top < end]
        by_id = {p.node.id: p for p in self.placed}
        shown: dict[str, tuple[float, float]] = {}  # node id → (x, y of its connector point)
        continued = [p for p in self.placed if p.top < self.start < p.span_end and p.node.children]
        for p in continued:  # ancestors from an earlier page, repeated small at the top
            x, y = self._x(p.column), self._y(self.start) - 2
            canvas.setFillColor(colors.white)
            canvas.setStrokeColor(colors.HexColor("#9a9a9a"))
            canvas.setDash(2, 2)
            canvas.rect(x, y - 16, self.box_width, 16, fill=1, stroke=1)
            canvas.setDash()
            canvas.setFillColor(colors.black)
            canvas.setFont(SANS, SMALL)
            prefix = "(lanjutan) "
            room = self.box_width - 2 * PAD - canvas.stringWidth(prefix + "…", SANS, SMALL)
            lines = simpleSplit(p.node.text, SANS, SMALL, room)
            canvas.drawString(x + PAD, y - 11, prefix + lines[0] + ("…" if len(lines) > 1 else ""))
            shown[p.node.id] = (x + self.box_width, y - 8)
        for p in here:
            x, y = self._x(p.column), self._y(p.top)
            self._box(canvas, p, x, y)
            shown[p.node.id] = (x + self.box_width, y - min(p.height, 14) / 2 - 4)
        canvas.setStrokeColor(colors.HexColor("#555555"))
        canvas.setLineWidth(0.6)
        for p in here:
            parent = by_id.get(p.parent_id or "")
            if parent is None or parent.node.id not in shown:
                continue
            px, py = shown[parent.node.id]
            cx, cy = self._x(p.column), self._y(p.top) - min(p.height, 14) / 2 - 4
            middle = px + GAP_X / 2
            path = canvas.beginPath()
            path.moveTo(px, py)
            path.lineTo(middle, py)
            path.lineTo(middle, cy)
            path.lineTo(cx, cy)
            canvas.drawPath(path, stroke=1, fill=0)

    def _x(self, column: int) -> float:
        return column * (self.box_width + GAP_X)

    def _y(self, top: float) -> float:
        return self.height - HEADER - (top - self.start)

    def _box(self, canvas: Any, p: Placed, x: float, y: float) -> None:
        node = p.node
        canvas.setFillColor(FILLS[node.band])
        canvas.setStrokeColor(colors.HexColor("#b00000") if node.warnings else colors.HexColor("#555555"))
        canvas.setLineWidth(1.4 if node.warnings else 0.6)
        canvas.rect(x, y - p.height, self.box_width, p.height, fill=1, stroke=1)
        canvas.setFillColor(colors.black)
        cursor = y - PAD
        for text, font, size in _lines(node, self.box_width):
            cursor -= size * 1.22
            canvas.setFont(font, size)
            canvas.drawString(x + PAD, cursor + size * 0.25, text)
        if node.warnings:
            canvas.setFillColor(colors.HexColor("#b00000"))
            canvas.setFont(SANS_BOLD, 9)
            canvas.drawRightString(x + self.box_width - PAD, y - PAD - 8, "!")

    def _legend(self, canvas: Any) -> None:
        x = self.width
        canvas.setFont(SANS, SMALL)
        for band in (NO_READING, WARNING, BELOW, REACHED):
            label = BAND_LABELS[band]
            x -= canvas.stringWidth(label, SANS, SMALL) + 16
            canvas.setFillColor(FILLS[band])
            canvas.setStrokeColor(colors.HexColor("#555555"))
            canvas.rect(x, self.height - 12, 8, 7, fill=1, stroke=1)
            canvas.setFillColor(colors.black)
            canvas.drawString(x + 11, self.height - 11, label)


def _warnings(tree: CascadeTree, width: float) -> list[Flowable]:
    if not tree.warnings:
        return []
    st = styles()
    rows: list[list[Any]] = [[Paragraph(markup(h), st.header) for h in ("No", "Perangkat daerah", "Sasaran/indikator",
                                                                        "Peringatan keselarasan")]]
    for number, warning in enumerate(tree.warnings, start=1):
        rows.append([
            Paragraph(f"{number}.", st.cell), Paragraph(markup(warning.opd or "RPJMD"), st.cell),
            Paragraph(markup(warning.text), st.cell), Paragraph(markup(warning.message), st.cell),
        ])
    table = Table(rows, colWidths=[1.0 * cm, 3.2 * cm, width - 12.2 * cm, 8.0 * cm], repeatRows=1)
    table.setStyle([
        CELL_FONT, ("GRID", (0, 0), (-1, -1), 0.6, GRID), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])
    return [PageBreak(), Paragraph("PERINGATAN KESELARASAN POHON KINERJA", st.title), Spacer(1, 8), table]
