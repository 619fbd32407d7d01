"""Page setup shared by all documents: paper, margins, footer, metadata, deterministic output.

Paper is A4 or F4/Folio (215 × 330 mm), portrait or landscape. The left margin is wider for
binding. A two-pass canvas writes "Halaman X dari Y" on every page, the document's short code and
(for signed documents) a QR code carrying identity and fingerprint. ``invariant=1`` makes the same
input give byte-identical PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from kinerja_desktop.reports.errors import DocumentLayoutError
from kinerja_desktop.reports.fingerprint import (
    INFO_DATE_KEY,
    INFO_DOCUMENT_KEY,
    INFO_FINGERPRINT_KEY,
    INFO_SCHEMA_KEY,
    INFO_SOURCE_KEY,
    SCHEMA,
    footer_code,
    qr_payload,
)
from kinerja_desktop.reports.fonts import SANS_BOLD, SERIF, SERIF_BOLD, register_fonts

F4 = (215 * mm, 330 * mm)
PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "f4": F4, "folio": F4, "a3": A3}  # A3: the pohon kinerja
CREATOR = "Kinerja Desktop"

# left, right, top, bottom; the bottom margin holds the footer (page number, code, QR).
PORTRAIT_MARGINS = (3 * cm, 2 * cm, 2 * cm, 2.6 * cm)
LANDSCAPE_MARGINS = (2.5 * cm, 2 * cm, 2 * cm, 2.4 * cm)
FRAME_PADDING = 6  # SimpleDocTemplate's frame padding on each side, in points
QR_SIZE = 14 * mm
QR_MASK = 0  # the QR code's mask pattern (ISO/IEC 18004 allows each of 0–7; readers take it from the code)


def page_size(paper: str = "a4", wide: bool = False) -> tuple[float, float]:
    """Page size in points; ``wide`` turns it to landscape."""
    try:
        size = PAPERS[paper.lower()]
    except KeyError:
        raise ValueError(f"Ukuran kertas tidak dikenal: {paper!r} (pilih a4, f4 atau a3)") from None
    return landscape(size) if wide else size


@dataclass(frozen=True)
class DocumentMeta:
    """What the page furniture and the PDF information dictionary need to know."""

    title: str
    author: str  # the regency's full name: "Pemerintah Kabupaten Sukamaju"
    subject: str
    identity: str  # "PK-2026-DINKES-v1"
    fingerprint: str  # 64 hex
    qr: bool = True
    watermark: str | None = None
    dated: date | None = None  # the date the document carries (signing date, end of the period ...)
    source: str = ""  # the database it was printed from (its regency's id), so verify can tell another one


class _KinerjaInfo(PDFInfo):
    """The PDF document information with our identity and fingerprint keys added."""

    def __init__(self, extra: dict[str, str]) -> None:
        super().__init__()
        self.extra = extra

    def format(self, document: Any) -> bytes:
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        entries["CreationDate"] = entries["ModDate"] = PDFDate(
            ts=document._timeStamp, dateFormatter=self._dateFormatter
        )
        for key, value in self.extra.items():
            entries[key] = PDFString(value)
        return PDFDictionary(entries).format(document)


class FooterCanvas(rl_canvas.Canvas):
    """Two-pass canvas: pages are kept until the end so each can say "Halaman X dari Y"."""

    def __init__(self, *args: Any, meta: DocumentMeta, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._meta = meta
        self._saved_pages: list[dict[str, Any]] = []
        extra = {
            INFO_DOCUMENT_KEY[1:]: meta.identity,
            INFO_FINGERPRINT_KEY[1:]: meta.fingerprint,
            INFO_SCHEMA_KEY[1:]: SCHEMA,
        }
        if meta.dated is not None:
            extra[INFO_DATE_KEY[1:]] = meta.dated.isoformat()
        if meta.source:
            extra[INFO_SOURCE_KEY[1:]] = meta.source
        self._doc.info = _KinerjaInfo(extra)  # the template then sets title, author, subject and keywords

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._draw_furniture(number, total)
            super().showPage()
        super().save()

    def _draw_furniture(self, number: int, total: int) -> None:
        meta = self._meta
        width, height = self._pagesize
        wide = width > height
        left, right, _top, bottom = LANDSCAPE_MARGINS if wide else PORTRAIT_MARGINS
        left, right = left + FRAME_PADDING, right + FRAME_PADDING  # align with the text, not the frame
        self.saveState()
        if meta.watermark:
            self._draw_watermark(meta.watermark, width, height)
        rule_y = bottom - 0.35 * cm
        self.setStrokeColor(colors.HexColor("#9a9a9a"))
        self.setLineWidth(0.4)
        self.line(left, rule_y, width - right, rule_y)
        self.setFillColor(colors.HexColor("#333333"))
        self.setFont(SERIF, 8.5)
        self.drawRightString(width - right, rule_y - 11, f"Halaman {number} dari {total}")
        text_x = left
        if meta.qr:
            if number == 1:
                self._define_qr_form()
            self.doForm("kinerjaQR")
            text_x = left + QR_SIZE + 2 * mm
        self.setFont(SERIF_BOLD, 7.5)
        self.drawString(text_x, rule_y - 11, footer_code(meta.identity, meta.fingerprint))
        self.setFont(SERIF, 6.5)
        self.setFillColor(colors.HexColor("#555555"))
        self.drawString(text_x, rule_y - 20, f"SHA-256 {meta.fingerprint[:32]}")
        self.drawString(text_x, rule_y - 27.5, f"{meta.fingerprint[32:]}")
        self.drawString(text_x, rule_y - 36, f"Dicetak dengan {CREATOR}")
        self.restoreState()

    def _define_qr_form(self) -> None:
        """Draw the QR code once as a form XObject; every page reuses it.

        The modules are drawn as one path of horizontal runs: building a ``QrCodeWidget`` drawing
        (thousands of shapes) cost more than the rest of a PK together.
        """
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(qr_payload(self._meta.identity, self._meta.fingerprint))
        code.version = code.calculate_version()
        code.makeImpl(False, QR_MASK)  # a fixed mask: searching the best of 8 cost a tenth of a PK; any mask scans
        count = code.getModuleCount()
        module = QR_SIZE / count
        width, height = self._pagesize
        left, _right, _top, bottom = LANDSCAPE_MARGINS if width > height else PORTRAIT_MARGINS
        x0, y0 = left + FRAME_PADDING, bottom - 0.35 * cm - 5 - QR_SIZE  # ≥ 4 modules of quiet zone below the rule
        runs = []
        for row in range(count):
            y = count - 1 - row
            col = 0
            while col < count:
                if code.isDark(row, col):
                    start = col
                    while col < count and code.isDark(row, col):
                        col += 1
                    runs.append(f"{start} {y} {col - start} 1 re")
                else:
                    col += 1
        self.beginForm("kinerjaQR")
        # In module units (integers) under one transformation: cheaper than ReportLab's path API.
        self.addLiteral(f"q 0 g 1 0 0 1 {x0:.3f} {y0:.3f} cm {module:.5f} 0 0 {module:.5f} 0 0 cm")
        self.addLiteral("\n".join(runs) + "\nf Q")
        self.endForm()

    def _draw_watermark(self, text: str, width: float, height: float) -> None:
        self.saveState()
        self.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
        self.translate(width / 2, height / 2)
        self.rotate(35)
        self.setFont(SANS_BOLD, 96 if len(text) <= 8 else 60)
        self.drawCentredString(0, -30, text.upper())
        self.restoreState()


def new_document(out: str | Path | BinaryIO, meta: DocumentMeta, paper: str = "a4", wide: bool = False):
    """A deterministic document template with our margins and metadata; ``doc.width``/``height`` set."""
    register_fonts()
    # Binary (not ASCII85) streams: smaller files, and ReportLab's pure-Python ASCII85 was a tenth
    # of the time of a PK. A process-wide setting, set the same way before every document.
    rl_config.useA85 = 0
    left, right, top, bottom = LANDSCAPE_MARGINS if wide else PORTRAIT_MARGINS
    target = str(out) if isinstance(out, Path) else out
    return SimpleDocTemplate(
        target,
        pagesize=page_size(paper, wide),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator=CREATOR,
        keywords=f"{meta.identity}; sha256:{meta.fingerprint}",
        invariant=1,
        pageCompression=1,
        initialFontName=SERIF,
        lang="id-ID",
    )


def frame_size(doc: Any) -> tuple[float, float]:
    """Width and height available to flowables inside the frame."""
    return doc.width - 2 * FRAME_PADDING, doc.height - 2 * FRAME_PADDING


def build(doc: Any, story: list[Any], meta: DocumentMeta) -> None:
    """Lay the story out with the two-pass footer canvas; a layout that cannot be made is said in Indonesian."""

    def make_canvas(*args: Any, **kwargs: Any) -> FooterCanvas:
        return FooterCanvas(*args, meta=meta, **kwargs)

    try:
        doc.build(story, canvasmaker=make_canvas)
    except LayoutError as exc:
        raise DocumentLayoutError(
            "ada bagian yang lebih tinggi dari satu halaman dan tidak dapat dipotong; persingkat teksnya"
        ) from exc
