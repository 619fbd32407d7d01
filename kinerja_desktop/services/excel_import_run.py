"""The bookkeeping of an Excel import (``excel_import.py`` is its front door): the problems found, where they
are, what each row did, the effective date, progress; and reading the file's sheets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db.models import Opd
from ..interchange.xlsx_cells import CellError
from ..interchange.xlsx_file import check_xlsx, open_workbook
from ..interchange.xlsx_read import Cell, SheetData, SheetRow, find_sheet, read_sheet
from .errors import FORM, ValidationError
from .excel_layouts import LAYOUTS, Layout
from .progress import CancelCheck, Progress, step_fraction

T = TypeVar("T")
MAX_LISTED = 500  # problems kept in one refusal (a wrong file would list thousands)


class Action(StrEnum):
    ADDED = "ditambahkan"
    CHANGED = "diubah"
    UNCHANGED = "tetap"


@dataclass(frozen=True)
class Problem:
    """What is wrong, where: sheet, row and column of the file (row or column None: the sheet or the row)."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"Lembar “{self.sheet}”" if self.sheet else "Berkas"
        if self.row is not None:
            where += f", baris {self.row}"
        if self.column:
            where += f", kolom “{self.column}”"
        return f"{where}: {self.message}"


class ImportRefused(ValidationError):
    """The file was refused whole; ``problems`` lists every one, the database is unchanged."""

    def __init__(self, file_name: str, problems: list[Problem]) -> None:
        self.file_name = file_name
        self.problems = problems
        super().__init__({f"{FORM}{n}" if n else FORM: str(p) for n, p in enumerate(problems)})

    def summary(self) -> str:
        count = len(self.problems)
        more = f" (yang pertama {MAX_LISTED} ditampilkan)" if count >= MAX_LISTED else ""
        return f"Berkas “{self.file_name}” ditolak: {count} kesalahan{more}. Basis data tidak diubah."

    def __str__(self) -> str:
        return "\n".join([self.summary(), *(str(p) for p in self.problems)])


@dataclass(frozen=True)
class Change:
    """What an import does to one thing (an OPD, a leader, an indicator, a program, a realisation)."""

    action: Action
    sheet: str
    row: int
    subject: str  # "Perangkat daerah 1.02.0.00.0.00.01.0000 Dinas Kesehatan"
    details: tuple[str, ...] = ()  # "nama: Dinas Kesehatan → Dinas Kesehatan dan KB"
    dated: bool = False  # a rename or a change of head: dated by the effective date


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file_name: str
    changes: tuple[Change, ...]
    applied: bool  # False: a dry run (or the preview), nothing written
    effective: date | None = None
    needs_effective: bool = False  # renames or head changes are in it, and no date was given

    def of(self, action: Action) -> list[Change]:
        return [c for c in self.changes if c.action is action]

    @property
    def counts(self) -> dict[Action, int]:
        return {action: len(self.of(action)) for action in Action}


class Importer(Protocol):
    def __call__(self, session: Session, sheets: dict[str, SheetData], run: Run) -> None: ...


@dataclass
class Run:
    """One import's state: the problems found, the changes made, the effective date, progress."""

    kind: str
    effective: date | None
    dry_run: bool
    progress: Progress | None = None
    cancelled: CancelCheck | None = None
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    failed_rows: set[tuple[str, int]] = field(default_factory=set)
    undated: list[Change] = field(default_factory=list)
    _places: set[tuple[str, int | None, str | None]] = field(default_factory=set)

    # -- problems ---------------------------------------------------------------------------------------
    def problem(self, row: SheetRow | None, column: str | None, message: str, sheet: str = "") -> None:
        """List a problem; a cell already listed keeps its first (most precise) message."""
        found = Problem(row.sheet if row else sheet, row.number if row else None, column, message)
        place = (found.sheet, found.row, found.column)
        if len(self.problems) < MAX_LISTED and (column is None or place not in self._places):
            self.problems.append(found)
            self._places.add(place)
        if row is not None:
            self.failed_rows.add((row.sheet, row.number))

    def failed(self, row: SheetRow) -> bool:
        return (row.sheet, row.number) in self.failed_rows

    def cell(self, row: SheetRow, layout: Layout, key: Any, read: Callable[[Cell], T | None]) -> T | None:
        """``read`` the cell; a cell that cannot be read is listed (and None returned)."""
        try:
            return read(row.get(key))
        except CellError as exc:
            self.problem(row, layout.spec.header_of(key), str(exc))
            return None

    def attempt(self, session: Session, row: SheetRow, columns: Callable[[str], str | None],
                work: Callable[[], T]) -> T | None:
        """Run a service's write in a savepoint; what it refuses is listed against the row's columns."""
        try:
            with session.begin_nested():
                return work()
        except ValidationError as exc:
            for key, message in exc.errors.items():
                self.problem(row, columns(key), message.rstrip("."))
        except IntegrityError as exc:
            self.problem(row, None, f"bertentangan dengan data yang sudah tercatat ({exc.orig})")
        return None

    # -- changes ----------------------------------------------------------------------------------------
    def record(self, action: Action, row: SheetRow, subject: str, details: tuple[str, ...] = (),
               dated: bool = False) -> None:
        change = Change(action, row.sheet, row.number, subject, details, dated)
        self.changes.append(change)
        if dated and self.effective is None:
            self.undated.append(change)

    def tick(self, done: int, total: int, message: str) -> None:
        step_fraction(self.progress, self.cancelled, 0.5 + 0.5 * done / max(total, 1), message)


def columns_by(fields: Mapping[str, str], years: Callable[[str], str | None] | None = None
               ) -> Callable[[str], str | None]:
    """A service's field key → the column it came from (``targets[2026].q1`` via ``years``)."""

    def column(key: str) -> str | None:
        if key in fields:
            return fields[key]
        if years is not None:
            return years(key)
        return None

    return column


class OpdFinder:
    """An OPD by what a sheet's "Kode OPD" cell holds: its SIPD code, or its abbreviation."""

    def __init__(self, session: Session) -> None:
        opds = list(session.scalars(select(Opd)))
        self._by_code = {o.code: o for o in opds}
        self._by_abbreviation = {" ".join(o.abbreviation.split()).casefold(): o for o in opds}

    def find(self, run: Run, row: SheetRow, text: str) -> Opd | None:
        found = self._by_code.get("".join(text.split())) or self._by_abbreviation.get(" ".join(text.split()).casefold())
        if found is None:
            run.problem(row, "Kode OPD", f"perangkat daerah berkode {text} tidak ada; impor OPD dahulu" if text
                        else "kode perangkat daerah wajib diisi")
        return found


TARGET_FIELD = re.compile(r"targets\[(\d{4})\]\.(target|target_high|q[1-4])")


def target_columns(key: str) -> str | None:
    """``targets[2026].target`` → "Target 2026"; ``targets[2026].q2`` → "TW2 2026"."""
    match = TARGET_FIELD.fullmatch(key)
    if match is None:
        return None
    year, name = match.groups()
    return f"Target {year}" if name.startswith("target") else f"TW{name[1]} {year}"


def read_file(path: Path, name: str, run: Run) -> dict[str, SheetData]:
    """Check the file and read its sheets of ``run.kind`` (refused when a sheet or a column is missing)."""
    progress, cancelled = run.progress, run.cancelled
    step_fraction(progress, cancelled, 0, "Memeriksa berkas…")
    check_xlsx(path, display_name=name, cancelled=cancelled,
               progress=lambda done, total: step_fraction(progress, None, 0.2 * done / max(total, 1),
                                                          "Memeriksa berkas…"))
    step_fraction(progress, cancelled, 0.2, "Membaca berkas…")
    sheets = _read(path, name, LAYOUTS[run.kind], run)
    if run.problems:  # a sheet or a column missing: its rows cannot be read
        raise ImportRefused(name, run.problems)
    return sheets


def _read(path: Path, name: str, layouts: tuple[Layout, ...], run: Run) -> dict[str, SheetData]:
    workbook = open_workbook(path, display_name=name)
    sheets: dict[str, SheetData] = {}
    try:
        for n, layout in enumerate(layouts):
            worksheet = find_sheet(workbook, layout.spec)
            if worksheet is None:
                if n == 0:
                    run.problems.append(Problem(layout.title, None, None, (
                        f"lembar “{layout.title}” tidak ditemukan (atau baris judulnya tidak memuat kolom yang "
                        "diperlukan); pakai templat dari aplikasi")))
                continue  # a further sheet (budget realisation) may be left out

            def tick(done: int, total: int, n: int = n) -> None:
                fraction = (n + done / max(total, 1)) / len(layouts)
                step_fraction(run.progress, run.cancelled, 0.2 + 0.3 * fraction, "Membaca berkas…")

            data = read_sheet(worksheet, layout.spec, name=name, tick=tick)
            run.problems.extend(Problem(p.sheet, p.row, p.column, p.message) for p in data.problems)
            sheets[layout.title] = data
    finally:
        workbook.close()
    return sheets
