"""Paragraph styles of the documents: Liberation Serif (metric twin of Times New Roman), 12 pt body."""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from kinerja_desktop.reports.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, register_fonts

HEADER_FILL = colors.HexColor("#e6e6e6")
TOTAL_FILL = colors.HexColor("#f2f2f2")
GRID = colors.HexColor("#000000")
MUTED = colors.HexColor("#6b6b6b")
# Tables set a font for every cell, even empty ones: without this they select Helvetica (base-14).
CELL_FONT = ("FONT", (0, 0), (-1, -1), SERIF, 10.5)


@lru_cache(maxsize=1)
def styles() -> SimpleNamespace:
    """The shared styles (created once; fonts are registered first)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=SERIF, fontSize=12, leading=17, alignment=TA_JUSTIFY)
    cell = ParagraphStyle("cell", fontName=SERIF, fontSize=10.5, leading=13, alignment=TA_LEFT)
    small_cell = ParagraphStyle("smallCell", parent=cell, fontSize=8.5, leading=10.5)
    return SimpleNamespace(
        body=body,
        body_left=ParagraphStyle("bodyLeft", parent=body, alignment=TA_LEFT),
        body_center=ParagraphStyle("bodyCenter", parent=body, alignment=TA_CENTER),
        # A statement sheet that would not fit one page is set a little tighter before anything moves.
        body_tight=ParagraphStyle("bodyTight", parent=body, fontSize=11.5, leading=15),
        body_left_tight=ParagraphStyle("bodyLeftTight", parent=body, fontSize=11.5, leading=15, alignment=TA_LEFT),
        declaration=ParagraphStyle("declaration", parent=body, leading=16, spaceAfter=1),
        note=ParagraphStyle("note", parent=body, fontSize=11, leading=15),
        title=ParagraphStyle("title", fontName=SERIF_BOLD, fontSize=13, leading=17, alignment=TA_CENTER, spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", fontName=SERIF_BOLD, fontSize=12, leading=16, alignment=TA_CENTER),
        kop_government=ParagraphStyle("kopGov", fontName=SERIF, fontSize=14, leading=17, alignment=TA_CENTER),
        kop_office=ParagraphStyle("kopOffice", fontName=SERIF_BOLD, fontSize=16.5, leading=20, alignment=TA_CENTER),
        kop_contact=ParagraphStyle("kopContact", fontName=SERIF, fontSize=10, leading=12.5, alignment=TA_CENTER),
        cell=cell,
        cell_center=ParagraphStyle("cellCenter", parent=cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cellRight", parent=cell, alignment=TA_RIGHT),
        cell_bold=ParagraphStyle("cellBold", parent=cell, fontName=SERIF_BOLD),
        cell_bold_center=ParagraphStyle("cellBoldCenter", parent=cell, fontName=SERIF_BOLD, alignment=TA_CENTER),
        cell_bold_right=ParagraphStyle("cellBoldRight", parent=cell, fontName=SERIF_BOLD, alignment=TA_RIGHT),
        header=ParagraphStyle("header", parent=cell, fontName=SERIF_BOLD, alignment=TA_CENTER),
        small_cell=small_cell,
        small_center=ParagraphStyle("smallCenter", parent=small_cell, alignment=TA_CENTER),
        small_right=ParagraphStyle("smallRight", parent=small_cell, alignment=TA_RIGHT),
        small_header=ParagraphStyle("smallHeader", parent=small_cell, fontName=SERIF_BOLD, alignment=TA_CENTER),
        small_bold=ParagraphStyle("smallBold", parent=small_cell, fontName=SERIF_BOLD),
        small_bold_right=ParagraphStyle("smallBoldRight", parent=small_cell, fontName=SERIF_BOLD, alignment=TA_RIGHT),
        sign=ParagraphStyle("sign", fontName=SERIF, fontSize=12, leading=15, alignment=TA_CENTER),
        sign_bold=ParagraphStyle("signBold", fontName=SERIF_BOLD, fontSize=12, leading=15, alignment=TA_CENTER),
        legend=ParagraphStyle("legend", fontName=SANS, fontSize=8.5, leading=10.5),
        legend_bold=ParagraphStyle("legendBold", fontName=SANS_BOLD, fontSize=8.5, leading=10.5),
    )
