"""Text a spreadsheet would run as a formula (OWASP, "CSV Injection"): the one rule for CSV and .xlsx files.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel and
LibreOffice (``=HYPERLINK(...)``, ``@SUM(1+1)*cmd|' /C calc'!A0``), unless it is nothing but a number as the
app writes it (``-5,00``, ``-1.234.567,89``, ``-12.5``). The CSV writer neutralises such text with a leading
apostrophe (``services/csv_files.py``); the .xlsx writer stores it as a text cell (``xlsx_write.py``).
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number as formatting.format_number writes it (1.234.567,89), or in machine form (1234567.89).
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?%?|[+-]?\d+(?:\.\d+)?", re.ASCII)


def is_formula_text(text: str) -> bool:
    """Whether a spreadsheet would take ``text`` for a formula (a number with a sign is not one)."""
    return text.startswith(FORMULA_STARTS) and _NUMBER.fullmatch(text) is None
