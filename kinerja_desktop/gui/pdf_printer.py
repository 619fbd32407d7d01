"""Printing a PDF on a printer: Qt's print dialog, then each page rendered by QtPdf (``QPdfDocument``) and painted
onto the ``QPrinter``, page by page, on the paper of the document (A4 or F4) unless the user chose another.

The PDF is the one the app prints everywhere (the file ``Simpan PDF`` writes), so paper and PDF are the same
document: a printout can still be checked with ``verify`` by its fingerprint in the footer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

MAX_DPI = 300  # enough for text and the QR code; an A4 page is then about 35 MB of pixels while it is drawn


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfPrinter", text)


class PrintError(Exception):
    """The PDF could not be printed (said in Indonesian)."""


def _document(path: Path):  # noqa: ANN202 - QPdfDocument, imported lazily (QtPdf is loaded on first use)
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
        document.close()
        raise PrintError(_tr("Berkas PDF “{0}” tidak dapat dibaca untuk dicetak.").format(path.name))
    return document


def page_size_of(path: Path) -> QSizeF:
    """The first page's size in points (A4 595 × 842, F4 609 × 935)."""
    document = _document(path)
    try:
        return document.pagePointSize(0)
    finally:
        document.close()


def new_printer(path: Path, title: str) -> QPrinter:
    """A printer set to the PDF's paper, without margins of its own (the PDF has its margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    size = page_size_of(path)
    # The paper is named upright (F4 609 × 935); a landscape document (the evaluation report) turns it.
    upright = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(upright, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    Orient = QPageLayout.Orientation
    orientation = Orient.Landscape if size.width() > size.height() else Orient.Portrait
    printer.setPageLayout(QPageLayout(page_size, orientation, printer.pageLayout().margins()))
    return printer


def ask_printer(parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
    """Qt's print dialog (printer, pages, copies); False when cancelled. Tests replace this."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Cetak"))
    dialog.setMinMax(1, pages)
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Paint the pages of ``path`` (the range chosen on ``printer``, else all) onto ``printer``; returns the count."""
    return print_pdfs([path], printer)


def print_pdfs(paths: list[Path], printer: QPrinter) -> int:
    """Paint the pages of ``paths`` one after another as one print job (the range chosen on ``printer`` counts
    the pages of all of them in order, else all); returns the count."""
    documents = []
    painter = QPainter()
    try:
        for path in paths:
            documents.append(_document(path))
        pages = [(document, page) for document in documents for page in range(document.pageCount())]
        first, last = 0, len(pages) - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage() - 1, min(printer.toPage(), len(pages)) - 1
        if not painter.begin(printer):
            raise PrintError(_tr("Printer tidak dapat dipakai: {0}").format(printer.printerName() or "-"))
        dpi = min(printer.resolution(), MAX_DPI)
        printed = 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for document, page in pages[first:last + 1]:
                if printed:
                    printer.newPage()
                points = document.pagePointSize(page)
                pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = document.render(page, pixels)
                target = QRectF(painter.viewport())
                scale = min(target.width() / pixels.width(), target.height() / pixels.height())
                size = QSizeF(pixels.width() * scale, pixels.height() * scale)
                painter.drawImage(QRectF(target.topLeft(), size), image)
                printed += 1
        finally:
            QGuiApplication.restoreOverrideCursor()
        return printed
    finally:
        if painter.isActive():
            painter.end()
        for document in documents:
            document.close()


def print_file(parent: QWidget | None, path: Path, title: str) -> int:
    """Ask for the printer, then print ``path``; returns the pages printed (0 when cancelled)."""
    return print_files(parent, [path], title)


def print_files(parent: QWidget | None, paths: list[Path], title: str) -> int:
    """Ask for the printer once, then print ``paths`` in order as one job; the pages printed (0 when cancelled)."""
    if not paths:
        return 0
    printer = new_printer(paths[0], title)
    pages = sum(_page_count(path) for path in paths)
    if not ask_printer(parent, printer, pages):
        return 0
    return print_pdfs(paths, printer)


def _page_count(path: Path) -> int:
    document = _document(path)
    try:
        return int(document.pageCount())
    finally:
        document.close()
