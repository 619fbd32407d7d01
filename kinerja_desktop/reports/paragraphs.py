"""ReportLab's ``Paragraph``, remembering its last layout.

A table that breaks over pages is split again and again while ReportLab looks for the break, and each time every
cell's paragraph is broken into lines anew at the same width: for a PK of 40 indicators most of the printing time
(benchmarks/printing.py). A paragraph's lines depend only on its text, its style and the width it is given, none of
which changes while a document is built, so the lines of the last width are kept and given back. Every report
module takes ``Paragraph`` from here.
"""

from __future__ import annotations

from reportlab.platypus import paragraph


class Paragraph(paragraph.Paragraph):
    _laid_out_width: float | None = None  # the width of the lines in ``blPara``
    _laid_out_size: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        if availWidth == self._laid_out_width:
            self.width, self.height = self._laid_out_size  # ``blPara`` still holds this width's lines
            return self._laid_out_size
        size = super().wrap(availWidth, availHeight)
        self._laid_out_width, self._laid_out_size = availWidth, (size[0], size[1])
        return size
