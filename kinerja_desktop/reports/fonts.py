"""Register the shipped Liberation fonts with ReportLab, once and lazily.

Only TrueType fonts shipped in ``resources/fonts`` are used, so every glyph is embedded
(the base-14 PDF fonts are never referenced) and the bundle prints the same everywhere.
Each font's file is read when a document first uses the font: reading all six was a twentieth of a one-PK
``print pk`` (issue 20), and a PK uses three.
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

from kinerja_desktop.paths import resource

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"
SANS = "LiberationSans"
SANS_BOLD = "LiberationSans-Bold"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    SANS: "LiberationSans-Regular.ttf",
    SANS_BOLD: "LiberationSans-Bold.ttf",
}

_lock = threading.Lock()
_reading = threading.RLock()
_registered = False


class _FontOnFirstUse(TTFont):
    """A ``TTFont`` whose file is read when ReportLab first asks for more than its name: until then it has only
    ``fontName``, and any other attribute (the face, the encoding, the widths) reads the file through ``TTFont``'s
    own ``__init__``, so the font is then exactly the one ``TTFont(name, path)`` makes."""

    def __init__(self, name: str, path: str) -> None:  # noqa: D107 - TTFont's own __init__ runs on first use
        self.fontName = name
        self._path = path

    def __getattr__(self, attribute: str) -> Any:
        # Only attributes not set yet reach here; dunder lookups (copy, pickle) do not read the file. Another
        # thread asking while the file is read waits for the whole font (``_read`` is set last).
        if attribute.startswith("__") or "_path" not in self.__dict__ or self.__dict__.get("_read"):
            raise AttributeError(attribute)
        with _reading:
            if not self.__dict__.get("_read"):
                TTFont.__init__(self, self.fontName, self._path)
                self._read = True
        return getattr(self, attribute)


def register_fonts() -> None:
    """Register the fonts and their families (so ``<b>``/``<i>`` work in Paragraphs); idempotent."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics

        for name, filename in _FILES.items():
            path = resource("fonts", filename)
            if not path.is_file():
                raise FileNotFoundError(f"Berkas huruf tidak ditemukan: {path}")
            # What pdfmetrics.registerFont does for a TrueType font, without reading its face for the face's name
            # (each of our fonts is its own face, under its own name).
            pdfmetrics._fonts[name] = _FontOnFirstUse(name, str(path))
            pdfmetrics.registerFontFamily(name)
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
        )
        # Sans has no italic files shipped: italic falls back to upright rather than to Helvetica.
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)
        _registered = True


def read_fonts() -> None:
    """Register the fonts and read every font's file now: before a pool's workers are forked, so each has them
    read already (they render many documents; the process that forks them renders none)."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    for name in _FILES:
        pdfmetrics.getFont(name).face  # noqa: B018 - reading the attribute reads the file
