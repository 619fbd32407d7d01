"""Reading the data sheets of a workbook: find the sheet and its header row, match the columns, yield the rows.

Headers match without regard to case, spaces and punctuation ("Pos-el", "POS EL" and "posel" are one);
columns the sheet does not declare are ignored, and so is their order. Columns named after a year
("Target 2026", "TW1 2026", "Pagu 2027") are declared by their prefix. A row with anything in the column
headed "Contoh" is an example row of a template and is skipped, as are empty rows.

What a cell holds comes out as a :class:`Cell` (the raw value openpyxl read, and whether it is shown as a
percentage); ``xlsx_cells.py`` turns it into text, numbers and dates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .xlsx_file import reading

HEADER_SCAN_ROWS = 10
EXAMPLE_HEADER = "Contoh"
INSTRUCTION_SHEET = "Petunjuk"
CHOICES_SHEET = "Pilihan"
Tick = Callable[[int, int], None]  # (rows read, rows in the sheet); may raise to stop


def header_key(text: Any) -> str:
    """A header as it is matched: letters and digits only, case-folded ("Pos-el" → "posel")."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


@dataclass(frozen=True)
class Column:
    """A column of a sheet: ``key`` names it in the rows, ``header`` is its title in templates and messages."""

    key: str
    header: str
    required: bool = True
    aliases: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        return {header_key(self.header), *(header_key(a) for a in self.aliases)}


@dataclass(frozen=True)
class YearColumns:
    """Columns named ``<prefix> <year>`` ("Target 2026"); in rows they are keyed ``(key, year)``."""

    key: str
    prefix: str
    aliases: tuple[str, ...] = ()

    def header(self, year: int) -> str:
        return f"{self.prefix} {year}"

    def match(self, found: str) -> int | None:
        for prefix in (self.prefix, *self.aliases):
            start = header_key(prefix)
            rest = found[len(start):] if found.startswith(start) else ""
            if re.fullmatch(r"\d{4}", rest):
                return int(rest)
        return None


@dataclass(frozen=True)
class SheetSpec:
    """A data sheet: its title and the columns it holds."""

    title: str
    columns: tuple[Column, ...]
    year_columns: tuple[YearColumns, ...] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def header_of(self, key: str | tuple[str, int]) -> str:
        """The title of a column key, e.g. "NIP Kepala" or "Target 2026"."""
        if isinstance(key, tuple):
            group = next(y for y in self.year_columns if y.key == key[0])
            return group.header(key[1])
        return self.column(key).header


class Cell(NamedTuple):
    """A cell as read: the raw value (str, int, float, datetime, bool or None) and how it is shown."""

    value: Any
    percent: bool = False  # number format with "%": 0,925 shown as 92,5 %
    error: bool = False  # an Excel error value (#N/A, #DIV/0!)

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = Cell(None)


@dataclass
class SheetRow:
    """One data row: its number in the sheet and its cells by column key (missing columns give EMPTY)."""

    sheet: str
    number: int
    cells: dict[Any, Cell] = field(default_factory=dict)

    def get(self, key: str | tuple[str, int]) -> Cell:
        return self.cells.get(key, EMPTY)


@dataclass(frozen=True)
class SheetProblem:
    sheet: str
    row: int | None
    column: str | None
    message: str


@dataclass
class SheetData:
    """A sheet read: the rows, the keys of the columns present, the years of each year-column group."""

    spec: SheetSpec
    title: str  # as named in the workbook
    header_row: int
    present: set[str] = field(default_factory=set)
    years: dict[str, list[int]] = field(default_factory=dict)
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[SheetProblem] = field(default_factory=list)


def _cell(raw: Any) -> Cell:
    value = raw.value
    if value is None:
        return EMPTY
    data_type = getattr(raw, "data_type", None)
    if data_type == "e":
        return Cell(value, error=True)
    fmt = getattr(raw, "number_format", "") or ""
    return Cell(value, percent=isinstance(value, int | float) and "%" in fmt)


def find_sheet(workbook: Any, spec: SheetSpec) -> Any | None:
    """The worksheet titled as the spec (matched loosely), else the first data sheet with its required headers."""
    wanted = header_key(spec.title)
    sheets = [ws for ws in workbook.worksheets if header_key(ws.title) not in (header_key(INSTRUCTION_SHEET),
                                                                                   header_key(CHOICES_SHEET))]
    for ws in sheets:
        if header_key(ws.title) == wanted:
            return ws
    required = [c for c in spec.columns if c.required]
    for ws in sheets:
        for values in ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True):
            found = {header_key(v) for v in values}
            if required and all(found & c.keys() for c in required):
                return ws
    return None


def read_sheet(worksheet: Any, spec: SheetSpec, *, name: str, tick: Tick | None = None) -> SheetData:
    """The rows of ``worksheet`` under ``spec``; missing and doubled columns are listed as problems.

    ``name`` is the file's name for messages about a damaged file; ``tick`` is called every few hundred rows.
    """
    title = worksheet.title
    with reading(name):
        header_row, headers = _header_row(worksheet, spec)
        data = SheetData(spec, title, header_row)
        positions = _match_columns(data, headers)
        total = worksheet.max_row or 0
        for number, raw_row in enumerate(worksheet.iter_rows(min_row=header_row + 1), start=header_row + 1):
            if tick is not None and number % 200 == 0:
                tick(number, max(total, number))
            cells = {key: _cell(raw_row[index]) for index, key in positions.items() if index < len(raw_row)}
            example = cells.pop("__example__", EMPTY)
            if not example.blank:
                continue
            if all(cell.blank for cell in cells.values()):
                continue
            data.rows.append(SheetRow(title, number, cells))
    if tick is not None:
        tick(max(total, 1), max(total, 1))
    return data


def _header_row(worksheet: Any, spec: SheetSpec) -> tuple[int, list[Any]]:
    best: tuple[int, int, list[Any]] = (-1, 1, [])
    known = set().union(*(c.keys() for c in spec.columns))
    for number, values in enumerate(
        worksheet.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True), start=1
    ):
        keys = [header_key(v) for v in values]
        score = sum(1 for k in keys if k in known or any(y.match(k) for y in spec.year_columns))
        if score > best[0]:
            best = (score, number, list(values))
    return best[1], best[2]


def _match_columns(data: SheetData, headers: list[Any]) -> dict[int, Any]:
    spec = data.spec
    positions: dict[int, Any] = {}
    seen: dict[Any, int] = {}
    for index, text in enumerate(headers):
        found = header_key(text)
        if not found:
            continue
        if found == header_key(EXAMPLE_HEADER):
            positions[index] = "__example__"
            continue
        key: Any = next((c.key for c in spec.columns if found in c.keys()), None)
        if key is None:
            for group in spec.year_columns:
                year = group.match(found)
                if year is not None:
                    key = (group.key, year)
                    break
        if key is None:
            continue  # a column of its own: ignored
        if key in seen:
            data.problems.append(SheetProblem(
                data.title, data.header_row, str(text).strip(),
                f"kolom “{spec.header_of(key)}” ada dua kali (kolom {_letter(seen[key])} dan {_letter(index)})",
            ))
            continue
        seen[key] = index
        positions[index] = key
        if isinstance(key, tuple):
            data.years.setdefault(key[0], []).append(key[1])
        else:
            data.present.add(key)
    for column in spec.columns:
        if column.required and column.key not in data.present:
            data.problems.append(SheetProblem(
                data.title, data.header_row, column.header, f"kolom “{column.header}” tidak ditemukan pada baris judul"
            ))
    for years in data.years.values():
        years.sort()
    return positions


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
