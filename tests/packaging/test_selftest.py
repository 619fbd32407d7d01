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
