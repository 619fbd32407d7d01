"""CSV files for spreadsheets, safe from formula injection: the one writer every CSV export uses.

Text a spreadsheet would run as a formula (``interchange/formula_guard.py``: it starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return), typed into an OPD's name or code, is written with a leading
apostrophe so the spreadsheet shows it as text (OWASP, "CSV Injection"). Numbers stay numbers: an ``int`` or
``Decimal`` cell, and text that is nothing but a number as the app writes it (``-5,00``, ``-1.234.567,89``,
``-12.5``), cannot be a formula and is written unchanged.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from ..interchange.formula_guard import is_formula_text

__all__ = ["SafeCsvWriter", "safe_cell", "write_csv"]


def safe_cell(value: Any) -> Any:
    """The cell as written: None empty, numbers unchanged, text that a spreadsheet would run neutralised."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    if is_formula_text(text):
        return "'" + text
    return text


class SafeCsvWriter:
    """``csv.writer`` whose every cell goes through :func:`safe_cell`."""

    def __init__(self, handle: TextIO, *, delimiter: str = ";", lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(handle, delimiter=delimiter, lineterminator=lineterminator)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Path:
    """A CSV as Indonesian spreadsheets read it: ``;`` between fields, UTF-8 with a BOM; returns the path.

    Written to a temporary name beside it, then renamed: a failed export leaves no half file.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = SafeCsvWriter(handle)
            writer.writerow(header)
            writer.writerows(rows)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target
