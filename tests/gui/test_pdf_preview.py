"""The reusable PDF preview: QtPdf's QPdfView inside the app, the system viewer when QtPdf is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from kinerja_desktop.gui import pdf_preview

QtPdf = pytest.importorskip("PySide6.QtPdf")


@pytest.fixture
def two_page_pdf(tmp_path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(609.45, 935.43)
    path = tmp_path / "contoh.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def test_preview_loads_the_document_and_pages_through_it(qtbot, two_page_pdf):
    dialog = pdf_preview.show_pdf_preview(None, two_page_pdf, title="Pratinjau PK")
    assert isinstance(dialog, pdf_preview.PdfPreviewDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Pratinjau PK"
    assert dialog.status() == QtPdf.QPdfDocument.Status.Ready and dialog.page_count() == 2
    assert dialog.page_label.text() == "Halaman 1 dari 2" and not dialog.previous_button.isEnabled()
    dialog.go_to_page(1)
    assert dialog.page_label.text() == "Halaman 2 dari 2" and not dialog.next_button.isEnabled()
    dialog.zoom_combo.setCurrentIndex(dialog.zoom_combo.findData(1.5))
    assert dialog.view.zoomFactor() == pytest.approx(1.5)
    dialog.close()
    assert two_page_pdf.exists()  # not a temporary file: kept


def test_temporary_preview_file_is_removed_on_close(qtbot, two_page_pdf):
    dialog = pdf_preview.show_pdf_preview(None, two_page_pdf, remove_when_closed=True)
    dialog.close()
    assert not two_page_pdf.exists()


def test_without_qtpdf_the_system_viewer_opens(qtbot, two_page_pdf, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(pdf_preview, "pdf_support_available", lambda: False)
    monkeypatch.setattr(pdf_preview.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert pdf_preview.show_pdf_preview(None, two_page_pdf) is None
    assert [u.toLocalFile() for u in opened] == [str(two_page_pdf.resolve())]


def test_unreadable_file_goes_to_the_system_viewer(qtbot, tmp_path, monkeypatch):
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"bukan pdf")
    opened: list[QUrl] = []
    monkeypatch.setattr(pdf_preview.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert pdf_preview.show_pdf_preview(None, broken) is None
    assert len(opened) == 1 and broken.exists()
