"""The list of OPDs that have not reported a quarter ("belum lapor"), portrait, on Bappeda's letterhead.

Same page furniture as every other document: embedded Liberation fonts, "Halaman X dari Y", the
identity with its short fingerprint in the footer and in the PDF's information keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.domain.enums import Quarter
from kinerja_desktop.domain.formatting import format_date, format_number
from kinerja_desktop.reports.blocks import SignatureColumn, letterhead, signature_table
from kinerja_desktop.reports.data import NotReportedDocument
from kinerja_desktop.reports.evaluation import SMALL_TABLE_STYLE
from kinerja_desktop.reports.fingerprint import fingerprint
from kinerja_desktop.reports.page import DocumentMeta, build, frame_size, new_document
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import styles
from kinerja_desktop.reports.tables import GroupedTable, RowGroup
from kinerja_desktop.reports.text import markup

TITLE = "DAFTAR PERANGKAT DAERAH BELUM MELAPORKAN"


def summary_sentence(doc: NotReportedDocument) -> str:
    """``1 dari 42 perangkat daerah dengan Perjanjian Kinerja yang ditandatangani belum mengisi …``."""
    return (
        f"{format_number(len(doc.rows), 0)} dari {format_number(doc.evaluated, 0)} perangkat daerah dengan "
        f"Perjanjian Kinerja yang ditandatangani belum mengisi realisasi {Quarter(doc.quarter).label} {doc.year}."
    )


def render_not_reported(doc: NotReportedDocument, out: str | Path | BinaryIO, paper: str = "a4") -> None:
    """Write the belum-lapor list of a quarter to ``out``."""
    st = styles()
    quarter = Quarter(doc.quarter)
    meta = DocumentMeta(
        title=f"{TITLE.title()} Realisasi Kinerja {quarter.label} Tahun {doc.year} \u2013 {doc.region.full_name}",
        author=f"Pemerintah {doc.region.full_name}",
        subject=f"Perangkat daerah yang belum melaporkan realisasi {quarter.label} Tahun {doc.year}",
        identity=doc.identity,
        fingerprint=fingerprint(doc),
        qr=False,
        watermark=doc.watermark,
        dated=doc.printed_on,
        source=doc.source,
    )
    pdf = new_document(out, meta, paper)
    width, height = frame_size(pdf)
    story: list[Flowable] = letterhead(doc.letterhead, width)
    headings = (TITLE, f"REALISASI KINERJA {quarter.label.upper()} TAHUN {doc.year}")
    story += [Paragraph(markup(line), st.subtitle) for line in headings]
    story += [Spacer(1, 10), Paragraph(markup(summary_sentence(doc)), st.body), Spacer(1, 8)]
    h = st.small_header
    header = [[Paragraph(text, h) for text in ("No", "Kode", "Singkatan", "Perangkat Daerah", "Indikator")]]
    fixed = [1.0, 4.2, 3.0, 0.0, 1.8]
    widths = [w * cm for w in fixed]
    widths[3] = width - sum(widths)
    groups = [
        RowGroup(
            [
                [
                    Paragraph(f"{number}.", st.small_center),
                    Paragraph(markup(row.code), st.small_cell),
                    Paragraph(markup(row.abbreviation), st.small_cell),
                    Paragraph(markup(row.name), st.small_cell),
                    Paragraph(format_number(row.indicators, 0), st.small_center),
                ]
            ]
        )
        for number, row in enumerate(doc.rows, start=1)
    ]
    if not groups:
        everyone = Paragraph("Semua perangkat daerah sudah melapor.", st.small_center)
        groups = [RowGroup([[everyone, "", "", "", ""]], [("SPAN", (0, 0), (-1, 0))])]
    place_date = f"{doc.place}, {format_date(doc.printed_on)}"
    if doc.signer is not None:
        tail: list[Flowable] = [Spacer(1, 14), signature_table(None, SignatureColumn.of(doc.signer), width, place_date)]
    else:
        tail = [Spacer(1, 10), Paragraph(markup(place_date), st.note)]
    story.append(
        GroupedTable(header, groups, widths, SMALL_TABLE_STYLE, frame_height=height, tail=tail, min_groups=1)
    )
    build(pdf, story, meta)
