"""The AKIP rapor (an OPD's report card of the year) and the Piagam Penghargaan (the best OPDs' certificate).

Same engine as every other document: the kop, embedded Liberation fonts, "Halaman X dari Y", the identity and
its fingerprint in the footer and the PDF's information keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from kinerja_desktop.domain.formatting import format_date, format_number
from kinerja_desktop.reports.akip_data import PiagamDocument, RaporDocument
from kinerja_desktop.reports.blocks import SignatureColumn, field_table, letterhead, signature_table
from kinerja_desktop.reports.fingerprint import fingerprint
from kinerja_desktop.reports.fonts import SERIF, SERIF_BOLD
from kinerja_desktop.reports.page import DocumentMeta, build, frame_size, new_document
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import CELL_FONT, GRID, HEADER_FILL, TOTAL_FILL, styles
from kinerja_desktop.reports.text import markup

RAPOR_TITLE = "RAPOR HASIL EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH"
PIAGAM_TITLE = "PIAGAM PENGHARGAAN"


def _score(value: object) -> str:
    return format_number(value, 2, empty="-")  # type: ignore[arg-type]


def render_rapor(doc: RaporDocument, out: str | Path | BinaryIO, paper: str = "a4") -> None:
    """Write an OPD's AKIP rapor of the year to ``out``."""
    st = styles()
    meta = DocumentMeta(
        title=f"Rapor Evaluasi AKIP Tahun {doc.year} \u2013 {doc.unit_name}",
        author=f"Pemerintah {doc.region.full_name}",
        subject=f"Hasil evaluasi akuntabilitas kinerja internal {doc.unit_name} tahun {doc.year}",
        identity=doc.identity,
        fingerprint=fingerprint(doc),
        watermark=doc.watermark,
        dated=doc.printed_on,
        source=doc.source,
    )
    pdf = new_document(out, meta, paper)
    width, _ = frame_size(pdf)
    story: list[Flowable] = letterhead(doc.letterhead, width)
    story += [Paragraph(markup(RAPOR_TITLE), st.subtitle), Paragraph(f"TAHUN {doc.year}", st.subtitle),
              Spacer(1, 10)]
    rank = (f"{doc.rank} dari {doc.ranked} perangkat daerah" if doc.rank is not None else "belum diperingkat")
    capaian = ("-" if doc.capaian_score is None
               else f"{_score(doc.capaian_score)} ({doc.capaian_predicate or '-'})")
    story.append(field_table([
        ("Perangkat Daerah", doc.unit_name),
        ("Nilai AKIP", f"{_score(doc.total)} (predikat {doc.grade} \u2013 {doc.grade_text})"),
        ("Peringkat AKIP", rank),
        ("Nilai capaian kinerja", capaian),
        ("Evaluator", doc.evaluator or "-"),
    ], width, label_width=4.6 * cm))
    story.append(Spacer(1, 10))
    header = [Paragraph(t, st.header) for t in ("No", "Komponen / Sub Komponen", "Bobot", "Nilai", "%")]
    rows: list[list[object]] = [header]
    style = [CELL_FONT, ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for part in doc.parts:
        cell = st.cell_bold if part.level == 0 else st.cell
        right = st.cell_bold_right if part.level == 0 else st.cell_right
        share = part.score * 100 / part.weight if part.weight else None
        name = part.name if part.level == 0 else f"&nbsp;&nbsp;&nbsp;&nbsp;{markup(part.name)}"
        rows.append([Paragraph(markup(part.code), cell), Paragraph(name if part.level else markup(name), cell),
                     Paragraph(_score(part.weight), right), Paragraph(_score(part.score), right),
                     Paragraph(_score(share), right)])
        if part.level == 0:
            style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), TOTAL_FILL))
    rows.append([Paragraph("", st.cell_bold), Paragraph("Nilai AKIP", st.cell_bold),
                 Paragraph(_score(sum(p.weight for p in doc.parts if p.level == 0)), st.cell_bold_right),
                 Paragraph(_score(doc.total), st.cell_bold_right), Paragraph(doc.grade, st.cell_bold_center)])
    fixed = [1.4 * cm, 0, 2.0 * cm, 2.0 * cm, 1.8 * cm]
    fixed[1] = width - sum(fixed)
    table = Table(rows, colWidths=fixed, repeatRows=1)
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 10)]
    if doc.notes:
        story += [Paragraph("<b>Catatan evaluator</b>", st.body_left), Paragraph(markup(doc.notes), st.body)]
    if doc.recommendations:
        story += [Spacer(1, 6), Paragraph("<b>Rekomendasi</b>", st.body_left)]
        story += [Paragraph(markup(line), st.body) for line in doc.recommendations]
    place_date = f"{doc.place}, {format_date(doc.printed_on)}"
    story += [Spacer(1, 12), KeepTogether([signature_table(None, SignatureColumn.of(doc.signer), width,
                                                           place_date)])]
    build(pdf, story, meta)


def render_piagam(doc: PiagamDocument, out: str | Path | BinaryIO, paper: str = "a4") -> None:
    """Write a Piagam Penghargaan (landscape) to ``out``."""
    meta = DocumentMeta(
        title=f"Piagam Penghargaan AKIP Tahun {doc.year} \u2013 {doc.unit_name}",
        author=f"Pemerintah {doc.region.full_name}",
        subject=f"Penghargaan peringkat {doc.rank} evaluasi AKIP tahun {doc.year}",
        identity=doc.identity,
        fingerprint=fingerprint(doc),
        watermark=doc.watermark,
        dated=doc.signed_on,
        source=doc.source,
    )
    pdf = new_document(out, meta, paper, wide=True)
    width, _ = frame_size(pdf)
    big = ParagraphStyle("piagamTitle", fontName=SERIF_BOLD, fontSize=30, leading=38, alignment=TA_CENTER,
                         textColor=colors.HexColor("#7a5a00"))
    name = ParagraphStyle("piagamName", fontName=SERIF_BOLD, fontSize=22, leading=28, alignment=TA_CENTER)
    text = ParagraphStyle("piagamText", fontName=SERIF, fontSize=13, leading=19, alignment=TA_CENTER)
    story: list[Flowable] = letterhead(doc.letterhead, width)[:-1] + [Spacer(1, 8)]
    story += [
        Paragraph(PIAGAM_TITLE, big),
        Spacer(1, 8),
        Paragraph("diberikan kepada", text),
        Spacer(1, 4),
        Paragraph(markup(doc.unit_name.upper()), name),
        Spacer(1, 8),
        Paragraph(
            markup(f"sebagai Perangkat Daerah dengan hasil Evaluasi Akuntabilitas Kinerja Instansi Pemerintah "
                   f"(AKIP) terbaik peringkat {doc.rank} di lingkungan Pemerintah {doc.region.full_name} "
                   f"Tahun {doc.year} dengan nilai {_score(doc.total)} (predikat {doc.grade})."), text),
        Spacer(1, 4),
        Paragraph("Semoga penghargaan ini mendorong peningkatan akuntabilitas kinerja pada tahun berikutnya.",
                  text),
        Spacer(1, 8),
    ]
    place_date = f"{doc.place}, {format_date(doc.signed_on)}"
    signature = signature_table(None, SignatureColumn.of(doc.signer), width, place_date, sign_space=1.8 * cm)
    frame = Table([[signature]], colWidths=[width])
    frame.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SERIF, 10), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(frame)
    build(pdf, story, meta)
