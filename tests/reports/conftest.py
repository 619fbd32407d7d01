"""Helpers for reading rendered PDFs back: page texts, fonts, page sizes."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


def squeeze(text: str) -> str:
    """Collapse the line breaks of justified text so sentences can be matched whole."""
    return re.sub(r"\s+", " ", text).strip()


class Pdf:
    """A rendered PDF read back with pypdf."""

    def __init__(self, source: Path | bytes) -> None:
        self.data = source.read_bytes() if isinstance(source, Path) else source
        self.path = source if isinstance(source, Path) else None
        self.reader = PdfReader(BytesIO(self.data))
        self.pages = [squeeze(page.extract_text() or "") for page in self.reader.pages]

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    def sizes(self) -> list[tuple[float, float]]:
        return [(float(p.mediabox.width), float(p.mediabox.height)) for p in self.reader.pages]

    def fonts(self) -> dict[str, dict[str, Any]]:
        """Every font of every page and form XObject, by base name, with its descriptor."""
        found: dict[str, dict[str, Any]] = {}

        def visit(resources: Any) -> None:
            if not resources:
                return
            resources = resources.get_object()
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                found[str(font["/BaseFont"]).lstrip("/")] = font
            for xobject in (resources.get("/XObject") or {}).values():
                xobject = xobject.get_object()
                visit(xobject.get("/Resources"))

        for page in self.reader.pages:
            visit(page.get("/Resources"))
        return found


@pytest.fixture
def read_pdf():
    return Pdf


def pdffonts_rows(path: Path) -> list[tuple[str, str]] | None:
    """``(name, emb)`` as poppler's ``pdffonts`` lists them; None when poppler is not installed."""
    if shutil.which("pdffonts") is None:
        return None
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in output.splitlines()[2:] if line.strip()]
    return [(cells[0], cells[3]) for cells in rows]


@pytest.fixture
def assert_fonts_embedded():
    def check(path: Path) -> None:
        pdf = Pdf(path)
        fonts = pdf.fonts()
        assert fonts, "no fonts found"
        for name, font in fonts.items():
            plain = name.split("+", 1)[-1]
            assert plain not in BASE14, f"base-14 font {name} used"
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
            assert plain.startswith("Liberation"), name
        listed = pdffonts_rows(path)
        if listed is not None:
            assert listed, "pdffonts listed no fonts"
            for name, embedded in listed:
                assert name.split("+", 1)[-1] not in BASE14, f"pdffonts shows base-14 font {name}"
                assert embedded == "yes", f"pdffonts: {name} not embedded"

    return check
