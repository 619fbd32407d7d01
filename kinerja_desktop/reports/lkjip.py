"""The LKjIP as a PDF through the document engine (kop, fonts, "Halaman X dari Y", identity and fingerprint).

The blocks come from ``lkjip_text.outline``, the same the .docx lays out.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle
from reportlab.platypus import PageBreak as PdfPageBreak

from kinerja_desktop.reports.blocks import SignatureColumn, letterhead, signature_table
from kinerja_desktop.reports.fingerprint import fingerprint
from kinerja_desktop.reports.lkjip_data import LkjipDocument
from kinerja_desktop.reports.lkjip_text import Grid, Heading, PageBreak, Para, Signature, outline
from kinerja_desktop.reports.page import DocumentMeta, build, frame_size, new_document
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import CELL_FONT, GRID, HEADER_FILL, TOTAL_FILL, styles
from kinerja_desktop.reports.text import markup


def _grid(block: Grid, width: float) -> list[Flowable]:
    st = styles()
    rows: list[list[object]] = [[Paragraph(markup(h), st.small_header) for h in block.headers]]
    for number, values in enumerate(block.rows):
        last = block.total_last and number == len(block.rows) - 1
        rows.append([
            Paragraph(markup(text), (st.small_bold_right if last else st.small_right) if column in block.numeric
                      else (st.small_bold if last else st.small_cell))
            for column, text in enumerate(values)
        ])
    scale = width / sum(block.widths)
    table = Table(rows, colWidths=[w * scale for w in block.widths], repeatRows=1)
    style = [CELL_FONT, ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if block.total_last:
        style.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL))
    table.setStyle(TableStyle(style))
    return [Paragraph(f"<i>{markup(block.caption)}</i>", st.note), Spacer(1, 3), table, Spacer(1, 8)]


def render_lkjip(doc: LkjipDocument, out: str | Path | BinaryIO, paper: str = "a4") -> None:
    """Write the LKjIP as PDF to ``out``."""
    st = styles()
    meta = DocumentMeta(
        title=f"LKjIP {doc.unit_name} Tahun {doc.year}",
        author=f"Pemerintah {doc.region.full_name}",
        subject=f"Laporan Kinerja Instansi Pemerintah Tahun {doc.year}",
        identity=doc.identity,
        fingerprint=fingerprint(doc),
        qr=False,
        watermark=doc.watermark,
        dated=doc.dated,
        source=doc.source,
    )
    pdf = new_document(out, meta, paper)
    width, _ = frame_size(pdf)
    story: list[Flowable] = letterhead(doc.letterhead, width)
    for block in outline(doc):
        if isinstance(block, Heading):
            style = st.title if block.level <= 1 else st.body_left
            text = f"<b>{markup(block.text)}</b>"
            story += [Spacer(1, 40 if block.level == 0 else 6), Paragraph(text, style), Spacer(1, 4)]
        elif isinstance(block, Para):
            style = st.subtitle if block.center else st.body
            story.append(Paragraph(f"<b>{markup(block.text)}</b>" if block.bold else markup(block.text), style))
        elif isinstance(block, Grid):
            story += _grid(block, width)
        elif isinstance(block, PageBreak):
            story.append(PdfPageBreak())
        elif isinstance(block, Signature):
            column = SignatureColumn(None, f"{block.title.upper()},", block.name, block.rank, block.nip)
            story += [Spacer(1, 10), KeepTogether([signature_table(None, column, width, block.place_date)])]
    build(pdf, story, meta)
