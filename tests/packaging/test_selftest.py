"""``kinerja-desktop self-test`` from source: every step passes, and a broken installation is reported."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_desktop import selftest

pytestmark = pytest.mark.slow


def test_self_test_from_source_passes_every_step() -> None:
    # GIVEN the app run from source, headless
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # WHEN the self-test verb runs
    result = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "self-test"], capture_output=True, text=True, env=env, timeout=300
    )
    # THEN it exits 0 with one OK line per step and a final OK
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    ok_lines = [line for line in lines if line.startswith("OK    ")]
    assert [line.split(":")[0][6:] for line in ok_lines] == [step.title for step in selftest.STEPS]
    assert lines[-1].startswith(f"OK: semua {len(selftest.STEPS)} pemeriksaan lulus")
    assert "GAGAL" not in result.stdout


def test_missing_migrations_fail_the_database_steps_and_skip_the_rest(
    qapp,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # noqa: ANN001 - pytest-qt's QApplication first
) -> None:
    # GIVEN an installation whose migrations folder is missing (as in a bundle built without it)
    monkeypatch.setattr("kinerja_desktop.db.migrate.migrations_dir", lambda: tmp_path / "tidak-ada")
    out = io.StringIO()
    # WHEN the self-test runs
    code = selftest.run(out)
    # THEN it fails with the database steps named, and the steps needing a database are skipped
    text = out.getvalue()
    assert code == 1
    assert "GAGAL Basis data baru" in text
    assert "GAGAL Migrasi basis data lama" in text
    assert "LEWAT Data contoh" in text
    assert "OK    Qt" in text
    assert text.splitlines()[-1].startswith("GAGAL:")


def test_pdf_check_finds_fonts_that_are_not_embedded(tmp_path: Path) -> None:
    # GIVEN a PDF written with a base-14 font (not embedded) and one with our shipped TrueType font
    from pypdf import PdfReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from kinerja_desktop.paths import resource

    base14, embedded = tmp_path / "helvetica.pdf", tmp_path / "liberation.pdf"
    pdf = canvas.Canvas(str(base14))
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 720, "PERJANJIAN KINERJA")
    pdf.save()
    pdfmetrics.registerFont(TTFont("UjiLiberation", str(resource("fonts", "LiberationSans-Regular.ttf"))))
    pdf = canvas.Canvas(str(embedded), initialFontName="UjiLiberation")
    pdf.drawString(72, 720, "PERJANJIAN KINERJA")
    pdf.save()
    # WHEN their fonts are collected
    found_base14: dict[str, bool] = {}
    found_embedded: dict[str, bool] = {}
    selftest._collect_fonts(PdfReader(base14).pages[0].get("/Resources"), found_base14, depth=0)
    selftest._collect_fonts(PdfReader(embedded).pages[0].get("/Resources"), found_embedded, depth=0)
    # THEN Helvetica is reported as not embedded, the Liberation subset as embedded
    assert found_base14 == {"/Helvetica": False}
    assert list(found_embedded.values()) == [True]


# --- the in-app preview's engine (QtPdf) ------------------------------------------------------------------


def _pk_like_pdf(path: Path, pages: int = 2, *, blank: bool = False) -> Path:
    """An A4 PDF whose first page carries the PK title in the shipped TrueType font (or nothing at all)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from kinerja_desktop.paths import resource

    pdfmetrics.registerFont(TTFont("UjiPratinjau", str(resource("fonts", "LiberationSerif-Bold.ttf"))))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(pages):
        if not blank:
            pdf.setFont("UjiPratinjau", 18)
            pdf.drawString(150, 760, "PERJANJIAN KINERJA TAHUN 2025")
            pdf.setLineWidth(2)
            for row in range(12):
                pdf.line(60, 700 - row * 40, 535, 700 - row * 40)
            pdf.drawString(60, 100, f"Halaman {number + 1} dari {pages}")
        pdf.showPage()
    pdf.save()
    return path


def test_preview_renders_page_one_of_a_pdf_and_reads_its_title(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    # GIVEN a two-page A4 PDF titled as a PK
    pdf = _pk_like_pdf(tmp_path / "pk.pdf")
    # WHEN QtPdf opens it and renders page 1, keeping the picture
    picture = tmp_path / "halaman-1.png"
    page = selftest.render_first_page(pdf, save_to=picture)
    # THEN it sees both pages, draws A4 at 50 dpi (595 × 842 pt → 413 × 585 px) with ink on it, reads the title
    assert page.pages == 2
    assert (page.width, page.height) == (413, 585)
    assert selftest.MIN_INKED < page.inked < 0.5
    assert "PERJANJIAN KINERJA TAHUN 2025" in page.text
    # AND the picture kept is that page: dark pixels where the title line is, white in the margin
    from PySide6.QtGui import QImage

    image = QImage(str(picture))
    assert (image.width(), image.height()) == (413, 585)
    assert image.pixelColor(5, 5).lightness() == 255
    title_row = round((842 - 760 - 4) * 50 / 72)  # just above the title's baseline, in pixels from the top
    assert any(image.pixelColor(x, title_row).lightness() < 128 for x in range(104, 300))


def test_preview_of_a_damaged_pdf_fails_with_a_clear_message(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    # GIVEN a PDF cut off after its header (as a half-copied file would be)
    good = _pk_like_pdf(tmp_path / "utuh.pdf")
    damaged = tmp_path / "rusak.pdf"
    damaged.write_bytes(good.read_bytes()[:200])
    # WHEN the preview engine opens it THEN the failure says QtPdf could not open it
    with pytest.raises(RuntimeError, match="QtPdf tidak dapat membuka PDF"):
        selftest.render_first_page(damaged)


def test_preview_that_draws_a_blank_page_fails(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    # GIVEN a PDF whose first page is empty (what a broken renderer would show)
    pdf = _pk_like_pdf(tmp_path / "kosong.pdf", pages=1, blank=True)
    # WHEN it is rendered THEN the blank page is a failure, not a pass
    with pytest.raises(RuntimeError, match="tergambar kosong"):
        selftest.render_first_page(pdf)


def test_self_test_fails_when_the_pdf_engine_renders_nothing(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    # GIVEN a QtPdf whose renderer returns no picture (as PDFium crashing or missing its DLLs would leave it)
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument

    monkeypatch.setattr(QPdfDocument, "render", lambda self, page, size, options=None: QImage())
    out = io.StringIO()
    # WHEN the self-test runs
    code = selftest.run(out)
    # THEN the preview step alone fails, naming the engine, and the self-test exits 1
    text = out.getvalue()
    assert code == 1
    assert "GAGAL Pratinjau PDF: RuntimeError: QtPdf tidak menggambar halaman 1" in text
    assert [line.split(":")[0] for line in text.splitlines() if line.startswith("GAGAL ")] == ["GAGAL Pratinjau PDF"]
    assert text.splitlines()[-1].startswith("GAGAL: 1 langkah gagal, 0 dilewati")
    assert "OK    Periksa PDF" in text
    assert "OK    Cadangan" in text
