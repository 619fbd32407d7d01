"""The LKjIP as a Word document (python-docx): real headings, tables and page numbers, to finish in Word.

The blocks come from ``lkjip_text.outline``, the same the PDF lays out. The identity and fingerprint go into
the document's properties (keywords), as the PDF's information keys carry them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kinerja_desktop.reports.fingerprint import fingerprint
from kinerja_desktop.reports.lkjip_data import LkjipDocument
from kinerja_desktop.reports.lkjip_text import Grid, Heading, PageBreak, Para, Signature, outline

FONT = "Times New Roman"  # Liberation Serif's metric twin: what the PDF prints with
TABLE_FONT_SIZE = Pt(9.5)


def _page_field(paragraph, instruction: str) -> None:  # noqa: ANN001
    """A Word field (``PAGE``, ``NUMPAGES``) Word fills in when it lays the document out."""
    run = paragraph.add_run()
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _grid(document, block: Grid, width: float) -> None:  # noqa: ANN001
    caption = document.add_paragraph(block.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    scale = width / sum(block.widths)
    for row_cells in (table.rows[0].cells,):
        for cell, text in zip(row_cells, block.headers, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = TABLE_FONT_SIZE
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for number, values in enumerate(block.rows):
        cells = table.add_row().cells
        last = block.total_last and number == len(block.rows) - 1
        for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
            run = cell.paragraphs[0].add_run(text)
            run.font.size = TABLE_FONT_SIZE
            run.bold = last
            if column in block.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for column, relative in zip(table.columns, block.widths, strict=True):
        for cell in column.cells:
            cell.width = Cm(relative * scale)
    document.add_paragraph()


def render_lkjip_docx(doc: LkjipDocument, out: str | Path | IO[bytes], paper: str = "a4") -> None:
    """Write the LKjIP as .docx to ``out``."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Title", "Heading 1", "Heading 2", "Caption"):
        document.styles[name].font.name = FONT
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Cm(21.5), Cm(33)) if paper == "f4" else (Cm(21), Cm(29.7))
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    width = (section.page_width - section.left_margin - section.right_margin) / Cm(1)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{doc.identity}  \u00b7  Halaman ")
    _page_field(footer, "PAGE")
    footer.add_run(" dari ")
    _page_field(footer, "NUMPAGES")
    for block in outline(doc):
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            paragraph = document.add_paragraph()
            paragraph.add_run(block.text).bold = block.bold
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if block.center else WD_ALIGN_PARAGRAPH.JUSTIFY
        elif isinstance(block, Grid):
            _grid(document, block, width)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, Signature):
            for text, bold in ((block.place_date, False), (f"{block.title},", False), ("", False), ("", False),
                               (block.name, True), (block.rank, False), (block.nip, False)):
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.left_indent = Cm(width / 2)
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.add_run(text).bold = bold
    properties = document.core_properties
    properties.title = f"LKjIP {doc.unit_name} Tahun {doc.year}"
    properties.subject = f"Laporan Kinerja Instansi Pemerintah Tahun {doc.year}"
    properties.author = f"Pemerintah {doc.region.full_name}"
    properties.keywords = f"{doc.identity}; sha256:{fingerprint(doc)}"
    properties.comments = "Draf dari Kinerja Desktop: lengkapi uraiannya di Word"
    stamp = datetime(doc.dated.year, doc.dated.month, doc.dated.day)
    properties.created = properties.modified = stamp
    properties.last_modified_by = "Kinerja Desktop"
    properties.revision = 1
    document.save(out)
