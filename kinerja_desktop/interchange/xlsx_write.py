"""Writing workbooks people open in Excel: numbers as numbers with Indonesian display formats, codes as text.

Every sheet gets a bold header row that stays in view (frozen), a filter over its data, and widths that fit
its contents. A column's :class:`Kind` says how its cells are stored and shown: rupiah as whole numbers shown
``Rp 1.250.000``, decimals as numbers shown ``92,5`` (Excel uses the reader's own separators: in Indonesia the
comma for decimals), dates as dates shown ``26 Januari 2026``, codes and NIP as text so that no digit or
dot is lost. Text a spreadsheet would run as a formula (``formula_guard``) is stored as a text cell.

A template adds an instruction sheet ("Petunjuk"), drop-down lists kept on a hidden sheet ("Pilihan") and
example rows marked in a last column "Contoh" (the import skips them). The file is written under a temporary
name and renamed into place: a failed export leaves no half file, and never lands on a database.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from ..db.files import check_output_file, storage_errors, temporary_path, unlink_quietly
from .formula_guard import is_formula_text
from .xlsx_read import CHOICES_SHEET, EXAMPLE_HEADER, INSTRUCTION_SHEET

TEMPLATE_ROWS = 1000  # rows of a template that get the drop-down lists
MAX_WIDTH = 60
HEADER_FILL = "DCE6F1"
EXAMPLE_MARK = "CONTOH — baris ini diabaikan saat impor"


class Kind(Enum):
    """How a column's cells are stored and shown (the number format is Excel's, shown in the reader's locale)."""

    TEXT = "@"
    CODE = "@@"  # text that must stay text (codes, NIP): the cell is formatted as text too
    NUMBER = "number"  # a decimal as it is: 80 · 92,5 · 1.250.000
    FIXED2 = "#,##0.00"  # capaian, scores, serapan
    RUPIAH = '"Rp "#,##0'
    INTEGER = "#,##0"
    YEAR = "0"  # years and quarters: no thousands separator
    DATE = "[$-421]d mmmm yyyy"  # 26 Januari 2026 (421: Indonesian)


@dataclass(frozen=True)
class ColumnOut:
    header: str
    kind: Kind = Kind.TEXT
    width: int | None = None  # in characters; else fitted to the contents
    choices: str | None = None  # the name of a list in ``WorkbookOut.choices`` (templates: a drop-down)


@dataclass
class SheetOut:
    title: str
    columns: Sequence[ColumnOut]
    rows: Iterable[Sequence[Any]] = ()
    examples: Sequence[Sequence[Any]] = ()


@dataclass
class WorkbookOut:
    sheets: list[SheetOut]
    instructions: Sequence[str] = ()  # paragraphs of the "Petunjuk" sheet; none: no such sheet
    choices: Mapping[str, Sequence[str]] = field(default_factory=dict)  # drop-down lists by name
    template: bool = False  # drop-down lists over empty rows


def write_workbook(
    path: Path, book: WorkbookOut, *, tick: Callable[[int], None] | None = None, database_path: Path | None = None
) -> Path:
    """Write ``book`` to ``path`` (atomically); ``tick(rows written)`` every few hundred rows.

    Never over the open database (``database_path``), a database, its journal or a folder; a full disk or a
    read-only folder is said in Indonesian and leaves no file behind (``db/files.py``).
    """
    from openpyxl import Workbook

    target = check_output_file(Path(path), database_path)

    workbook = Workbook()
    workbook.remove(workbook.active)
    if book.instructions:
        _instructions(workbook.create_sheet(INSTRUCTION_SHEET), book.instructions)
    ranges = _choices(workbook, book.choices) if book.choices else {}
    written = 0
    for sheet in book.sheets:
        written = _sheet(workbook.create_sheet(_title(sheet.title)), sheet, ranges, book.template, written, tick)
    if book.instructions and book.sheets:
        workbook.active = 1  # opens on the first data sheet
    temporary = temporary_path(target)
    try:
        with storage_errors("menulis berkas Excel", target.parent, "Berkas Excel tidak dibuat."):
            workbook.save(temporary)
            os.replace(temporary, target)
    finally:
        unlink_quietly(temporary)
    return target


def _title(text: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    return "".join(ch for ch in text if ch not in "[]:*?/\\")[:31]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _instructions(ws: Any, paragraphs: Sequence[str]) -> None:
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = 110
    for number, paragraph in enumerate(paragraphs, start=1):
        cell = ws.cell(row=number, column=1)
        _put(cell, paragraph, Kind.TEXT)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if number == 1:
            cell.font = Font(bold=True, size=13)


def _choices(workbook: Any, lists: Mapping[str, Sequence[str]]) -> dict[str, str]:
    ws = workbook.create_sheet(CHOICES_SHEET)
    ws.sheet_state = "hidden"
    ranges = {}
    for column, (name, values) in enumerate(lists.items(), start=1):
        ws.cell(row=1, column=column, value=name)
        for row, value in enumerate(values, start=2):
            _put(ws.cell(row=row, column=column), value, Kind.TEXT)
        letter = _letter(column)
        ranges[name] = f"'{CHOICES_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _sheet(
    ws: Any,
    sheet: SheetOut,
    ranges: dict[str, str],
    template: bool,
    written: int,
    tick: Callable[[int], None] | None,
) -> int:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = list(sheet.columns)
    if sheet.examples:
        columns.append(ColumnOut(EXAMPLE_HEADER, Kind.TEXT, width=len(EXAMPLE_MARK) + 2))
    widths = [len(c.header) + 2 for c in columns]
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    border = Border(bottom=Side(style="thin"))
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill, cell.border = bold, fill, border
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    row_number = 1
    example_font = Font(italic=True, color="808080")
    for example in sheet.examples:
        row_number += 1
        for index, (column, value) in enumerate(zip(columns, [*example, EXAMPLE_MARK], strict=False), start=1):
            cell = ws.cell(row=row_number, column=index)
            _put(cell, value, column.kind)
            cell.font = example_font
            widths[index - 1] = max(widths[index - 1], _shown_width(value))
    for values in sheet.rows:
        row_number += 1
        for index, (column, value) in enumerate(zip(columns, values, strict=False), start=1):
            _put(ws.cell(row=row_number, column=index), value, column.kind)
            if row_number < 500:
                widths[index - 1] = max(widths[index - 1], _shown_width(value))
        written += 1
        if tick is not None and written % 200 == 0:
            tick(written)
    last = _letter(len(columns))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{max(row_number, 2 if template else row_number)}"
    for index, column in enumerate(columns, start=1):
        width = column.width or min(MAX_WIDTH, widths[index - 1])
        ws.column_dimensions[_letter(index)].width = max(8, width)
        end = max(row_number, TEMPLATE_ROWS if template else row_number)
        if column.kind is Kind.CODE and template:  # typed codes and NIP stay text (no digit lost)
            for row in range(row_number + 1, end + 1):
                ws.cell(row=row, column=index).number_format = "@"
        if column.choices and column.choices in ranges and end >= 2:
            validation = DataValidation(type="list", formula1=ranges[column.choices], allow_blank=True)
            validation.error = "Pilih salah satu dari daftar."
            validation.errorTitle = column.header
            validation.prompt = "Pilih dari daftar."
            validation.showErrorMessage = True
            ws.add_data_validation(validation)
            validation.add(f"{_letter(index)}2:{_letter(index)}{end}")
    ws.row_dimensions[1].height = 30
    return written


def _shown_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date | datetime):
        return 18
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return len(f"{value:,}") + 4
    return max((len(line) for line in str(value).splitlines()), default=0) + 2


def _put(cell: Any, value: Any, kind: Kind) -> None:
    """Store ``value`` in ``cell`` as its column's kind says."""
    if value is None or value == "":
        if kind is Kind.CODE:
            cell.number_format = "@"
        return
    if kind in (Kind.TEXT, Kind.CODE) or isinstance(value, str):
        text = str(value)
        cell.value = text
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if is_formula_text(text):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        if kind is Kind.CODE:
            cell.number_format = "@"
        return
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        cell.value = value
        cell.number_format = Kind.DATE.value
        return
    if isinstance(value, bool):
        cell.value = "ya" if value else "tidak"
        return
    if isinstance(value, Decimal):
        value = _plain(value)
    cell.value = value
    if kind is Kind.NUMBER:
        integral = value == int(value)
        cell.number_format = "#,##0" if integral else "#,##0.0#######"
    elif kind is not Kind.DATE:
        cell.number_format = kind.value


def _plain(value: Decimal) -> Decimal | int:
    """A stored decimal as the number it is (17.00000000 → 17; 92.50 → 92.5)."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()
