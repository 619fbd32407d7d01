"""Building blocks shared by the documents: kop, double rule, identity tables, signature blocks."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from kinerja_desktop.reports.data import Letterhead, Signer
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import CELL_FONT, styles
from kinerja_desktop.reports.text import markup, upper_title

LOGO_WIDTH = 2.4 * cm
SIGN_SPACE = 2.2 * cm  # room to sign and stamp


class DoubleRule(Flowable):
    """The kop's closing double line: a thick rule over a thin one."""

    def __init__(self, width: float, thick: float = 2.2, thin: float = 0.7, gap: float = 1.6) -> None:
        super().__init__()
        self.width = width
        self.thick, self.thin, self.gap = thick, thin, gap
        self.height = thick + gap + thin

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(self.thick)
        y_thick = self.height - self.thick / 2
        c.line(0, y_thick, self.width, y_thick)
        c.setLineWidth(self.thin)
        y_thin = self.thin / 2
        c.line(0, y_thin, self.width, y_thin)


def _logo(png: bytes) -> Image:
    image = Image(BytesIO(png))
    ratio = image.imageHeight / image.imageWidth if image.imageWidth else 1
    width = LOGO_WIDTH
    height = min(width * ratio, 3.0 * cm)
    width = height / ratio
    return Image(BytesIO(png), width=width, height=height)


def letterhead(head: Letterhead, width: float) -> list[Flowable]:
    """The kop: logo on the left, centred lines, a double rule under them."""
    st = styles()
    lines: list[Flowable] = []
    if head.office:
        lines.append(Paragraph(markup(head.government), st.kop_government))
        lines.append(Paragraph(markup(head.office.upper()), st.kop_office))
    else:
        lines.append(Paragraph(markup(head.government), st.kop_office))
    contact_1 = "  ".join(
        part for part in (head.address, f"Telepon {head.telephone}" if head.telephone else "") if part
    )
    contact_2 = "  ".join(
        part
        for part in (f"Laman {head.website}" if head.website else "", f"Pos-el {head.email}" if head.email else "")
        if part
    )
    for contact in (contact_1, contact_2):
        if contact:
            lines.append(Paragraph(markup(contact).replace("  ", " &nbsp;&nbsp;"), st.kop_contact))
    logo: Any = _logo(head.logo_png) if head.logo_png else ""
    # The text is centred in the room right of the logo, as on most kops, leaving it space to breathe.
    side, right = LOGO_WIDTH + 0.3 * cm, 0.6 * cm
    table = Table([[logo, lines, ""]], colWidths=[side, width - side - right, right])
    table.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "LEFT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [table, Spacer(1, 3), DoubleRule(width), Spacer(1, 14)]


def field_table(
    rows: list[tuple[str, str]], width: float, label_width: float = 3.0 * cm, indent: float = 0, style: Any = None
) -> Table:
    """``Nama    : …`` rows; values wrap under themselves, not under the label."""
    st = styles()
    style = style or st.body_left
    data = [["", Paragraph(markup(label), style), ":", Paragraph(markup(value), style)] for label, value in rows]
    table = Table(data, colWidths=[indent, label_width, 0.45 * cm, width - indent - label_width - 0.45 * cm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize, style.leading),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class SignatureColumn:
    """One signature block as printed, top to bottom."""

    heading: str | None  # "PIHAK KEDUA," or None
    title: str  # jabatan in capitals with the acting prefix, ending in a comma
    name: str
    rank: str = ""
    nip: str = ""

    @classmethod
    def of(cls, signer: Signer, heading: str | None = None, title: str | None = None) -> SignatureColumn:
        jabatan = title if title is not None else f"{upper_title(signer.title)},"
        return cls(heading, jabatan, signer.name, signer.rank_text, signer.nip_text)


def signature_table(
    left: SignatureColumn | None,
    right: SignatureColumn | None,
    width: float,
    place_date: str | None = None,
    sign_space: float = SIGN_SPACE,
) -> Table:
    """Two signature blocks side by side with names on one line; place and date above the right one."""
    st = styles()
    columns = (left, right)
    rows: list[list[Any]] = []
    heights: list[float | None] = []

    def add(cells: list[Any], height: float | None = None) -> None:
        rows.append(cells)
        heights.append(height)

    if place_date:
        add(["", Paragraph(markup(place_date), st.sign)])
    if any(col and col.heading for col in columns):
        add([Paragraph(markup(col.heading), st.sign) if col and col.heading else "" for col in columns])
    if any(col and col.title for col in columns):
        add([Paragraph(markup(col.title), st.sign) if col and col.title else "" for col in columns])
    add(["", ""], sign_space)
    # A signer not known yet (no head recorded) gets a dotted line to write the name on.
    blank = "(" + "." * 48 + ")"
    add(
        [
            (Paragraph(f"<u><b>{markup(col.name)}</b></u>" if col.name else blank, st.sign) if col else "")
            for col in columns
        ]
    )
    if any(col and col.rank for col in columns):
        add([Paragraph(markup(col.rank), st.sign) if col and col.rank else "" for col in columns])
    if any(col and col.nip for col in columns):
        add([Paragraph(markup(col.nip), st.sign) if col and col.nip else "" for col in columns])
    table = Table(rows, colWidths=[width / 2, width / 2], rowHeights=heights)
    table.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
