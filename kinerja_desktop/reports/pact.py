"""The Pakta Integritas (PermenPAN 49/2011 form), signed with the PK."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Spacer

from kinerja_desktop.domain.formatting import format_date
from kinerja_desktop.domain.personnel import format_nip
from kinerja_desktop.reports.blocks import SignatureColumn, field_table, letterhead, signature_table
from kinerja_desktop.reports.data import PactDocument
from kinerja_desktop.reports.fingerprint import fingerprint
from kinerja_desktop.reports.page import DocumentMeta, build, frame_size, new_document
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import styles
from kinerja_desktop.reports.templates import fill
from kinerja_desktop.reports.text import markup


def _meta(doc: PactDocument, digest: str) -> DocumentMeta:
    return DocumentMeta(
        title=f"Pakta Integritas Tahun {doc.year} \u2013 {doc.signer.name}",
        author=f"Pemerintah {doc.region.full_name}",
        subject=f"Pakta Integritas {doc.signer.title}",
        identity=doc.identity,
        fingerprint=digest,
        qr=True,
        watermark=doc.watermark,
        dated=doc.signed_on,
        source=doc.source,
    )


def _story(doc: PactDocument, width: float) -> list[Flowable]:
    st = styles()
    template = doc.template
    signer = doc.signer
    story: list[Flowable] = letterhead(doc.letterhead, width)
    story += [Paragraph(markup(template.title), st.title), Spacer(1, 12)]
    story += [Paragraph(template.intro, st.body), Spacer(1, 8)]
    fields = [
        (template.name_label, signer.name),
        (template.nip_label, format_nip(signer.nip) if signer.nip else "\u2013"),
        (template.rank_label, signer.rank_text or "\u2013"),
        (template.position_label, signer.title),
        (template.institution_label, doc.institution),
    ]
    story += [field_table(fields, width, label_width=4.2 * cm, indent=0), Spacer(1, 12)]
    story += [Paragraph(template.declaration_intro, st.body), Spacer(1, 6)]
    items = [
        ListItem(Paragraph(fill(text, instansi=markup(doc.institution)), st.declaration), value=number)
        for number, text in enumerate(template.declarations, start=1)
    ]
    story.append(
        ListFlowable(
            items,
            bulletType="1",
            bulletFormat="%s.",
            bulletFontName=st.body.fontName,
            bulletFontSize=st.body.fontSize,
            leftIndent=0.8 * cm,
            spaceBefore=0,
        )
    )
    heading = "Yang membuat pernyataan,"
    column = SignatureColumn(heading, "", signer.name, "", signer.nip_text)
    place_date = f"{doc.place}, {format_date(doc.signed_on)}"
    story += [Spacer(1, 18), KeepTogether([signature_table(None, column, width, place_date)])]
    return story


def render_pact(doc: PactDocument, out: str | Path | BinaryIO, paper: str = "a4") -> None:
    """Write the signing-ready Pakta Integritas to ``out``."""
    digest = fingerprint(doc)
    meta = _meta(doc, digest)
    pdf = new_document(out, meta, paper)
    width, _height = frame_size(pdf)
    build(pdf, _story(doc, width), meta)
