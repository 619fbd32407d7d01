"""ReportLab's ``Paragraph``, remembering its last layout, and reading plain text without its markup parser.

A table that breaks over pages is split again and again while ReportLab looks for the break, and each time every
cell's paragraph is broken into lines anew at the same width: for a PK of 40 indicators most of the printing time
(benchmarks/printing.py). A paragraph's lines depend only on its text, its style and the width it is given, none of
which changes while a document is built, so the lines of the last width are kept and given back. Every report
module takes ``Paragraph`` from here.

Most cells are plain text (no ``<`` tag, no ``&`` entity). ReportLab's parser turns such a text into one fragment:
a copy of the style's first fragment carrying the text. Running its HTML parser for that was a fifth of a PK's
printing time, so a plain text gets the same fragment directly: the style's fragment is taken once from the parser
itself (a one-letter text) and copied as the parser copies it (``tests/reports/test_paragraphs.py`` compares both
ways on the documents' texts).
"""

from __future__ import annotations

import copy
from typing import Any

from reportlab.platypus import paragraph

# id(style) -> (style, the fragment the parser makes of a plain text in that style)
_PLAIN_FRAGMENTS: dict[int, tuple[Any, Any]] = {}


def _plain_fragment(style: Any) -> Any:
    """The parser's fragment of a plain text in ``style`` (without its text)."""
    known = _PLAIN_FRAGMENTS.get(id(style))
    if known is not None and known[0] is style:
        return known[1]
    parsed_style, frags, bullets = paragraph.ParaParser().parse("x", style)
    fragment = frags[0] if frags and len(frags) == 1 and parsed_style is style and not bullets else None
    _PLAIN_FRAGMENTS[id(style)] = (style, fragment)
    return fragment


def plain_frags(text: str, style: Any) -> list[Any] | None:
    """The fragments ReportLab's parser makes of ``text`` (already cleaned), or None when the text needs the
    parser (markup, an entity, an empty text, a style with bullets or a text transform)."""
    if not text or "<" in text or "&" in text or getattr(style, "bulletText", None) or style.textTransform:
        return None
    template = _plain_fragment(style)
    if template is None:
        return None
    fragment = copy.copy(template)
    fragment.text = text
    fragment.link = []
    fragment.us_lines = []
    return [fragment]


class Paragraph(paragraph.Paragraph):
    _laid_out_width: float | None = None  # the width of the lines in ``blPara``
    _laid_out_size: tuple[float, float] = (0.0, 0.0)

    def __init__(self, text: str, style: Any = None, bulletText: str | None = None, **kwargs: Any) -> None:  # noqa: N803
        if style is not None and bulletText is None and not kwargs and isinstance(text, str):
            cleaned = paragraph.cleanBlockQuotedText(text)
            frags = plain_frags(cleaned, style)
            if frags is not None:
                super().__init__(cleaned, style, frags=frags)
                return
        super().__init__(text, style, bulletText, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        if availWidth == self._laid_out_width:
            self.width, self.height = self._laid_out_size  # ``blPara`` still holds this width's lines
            return self._laid_out_size
        size = super().wrap(availWidth, availHeight)
        self._laid_out_width, self._laid_out_size = availWidth, (size[0], size[1])
        return size
