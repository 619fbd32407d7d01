"""Cetak… on a printer (issue 14, point 19): Qt's print dialog, then each page of the very PDF rendered by
QPdfDocument onto the QPrinter. The printer here is a QPrinter writing PDF to a file, read back; save dialogs
open in the user's Documents folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrinter

from kinerja_desktop.gui import pdf_preview, pdf_printer, save_dialog

pytest.importorskip("PySide6.QtPdf")


@pytest.fixture
def two_page_pk(tmp_path: Path) -> Path:
    """A two-page A4 PDF with black text, as the app's documents are."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "PK-2026-DINKES.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in (1, 2):
        pdf.setFont("Helvetica-Bold", 36)
        pdf.drawString(72, 700, f"PERJANJIAN KINERJA {page}")
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def printed_to(tmp_path, monkeypatch) -> Path:
    """The print dialog answered "Cetak" with a printer that writes PDF to a file."""
    out = tmp_path / "kertas.pdf"

    def choose_printer(_parent, printer: QPrinter, pages: int) -> bool:  # noqa: ANN001
        assert pages == 2
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(pdf_printer, "ask_printer", choose_printer)
    return out


def test_cetak_in_the_preview_prints_every_page_on_the_documents_paper(qtbot, two_page_pk, printed_to):
    dialog = pdf_preview.show_pdf_preview(None, two_page_pk, title="Pratinjau PK")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    pages = PdfReader(printed_to).pages
    assert len(pages) == 2
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 as the document, no margins added
    # each page carries the rendered page (an image), not a blank sheet
    for page in pages:
        images = page.images
        assert len(images) == 1
        picture = images[0].image.convert("L")
        assert picture.getextrema()[0] < 100  # dark text on the page
    dialog.close()


def test_a_page_range_prints_only_those_pages(qtbot, two_page_pk, tmp_path):
    printer = pdf_printer.new_printer(two_page_pk, "PK")
    out = tmp_path / "halaman-2.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(72)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert pdf_printer.print_pdf(two_page_pk, printer) == 1
    assert len(PdfReader(out).pages) == 1


def test_cancelling_the_print_dialog_prints_nothing(qtbot, two_page_pk, monkeypatch):
    monkeypatch.setattr(pdf_printer, "ask_printer", lambda *_a: False)
    assert pdf_printer.print_file(None, two_page_pk, "PK") == 0


def test_an_unreadable_pdf_is_said_in_indonesian(tmp_path):
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"bukan pdf")
    with pytest.raises(pdf_printer.PrintError, match="tidak dapat dibaca untuk dicetak"):
        pdf_printer.print_file(None, broken, "PK")


def test_save_dialogs_open_in_the_documents_folder(monkeypatch, tmp_path):
    suggested: list[str] = []
    monkeypatch.setattr(save_dialog, "get_save_file_name",
                        lambda _p, _t, name, _f: suggested.append(name) or "")
    assert save_dialog.ask_save_path(None, "Simpan PDF", "PK-2026-DINKES.pdf", "Berkas PDF (*.pdf)") is None
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert suggested == [str(Path(documents) / "PK-2026-DINKES.pdf")]
    # a path the caller already knows stays as it is
    save_dialog.ask_save_path(None, "Simpan", str(tmp_path / "a.csv"), "CSV (*.csv)")
    assert suggested[-1] == str(tmp_path / "a.csv")
