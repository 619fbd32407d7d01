"""Importing an Excel workbook: the whole file in one transaction, or nothing.

``import_file(db, kind, path)`` checks the file (``interchange/xlsx_file.py``), reads its sheets, reads every
cell of every row (so all cell errors are listed at once), then writes the rows through the same services the
screens use (``services/opd.py``, ``rpjmd.py``, ``renstra.py``, ``programs.py``, ``regency.py``, the quarter
report), each row in a savepoint, so a row a service refuses is listed with the others and the rest is still
checked. Any problem refuses the file whole (:class:`ImportRefused`: every problem by sheet, row and column, in
Indonesian) and the transaction is rolled back; a dry run rolls back too and returns what would happen.

Rows match by code (an OPD's, a program's, an RPJMD goal's; Renstra goals and indicators by their text), and a
row equal to what is stored is left alone without writing, so the same file imported twice changes nothing.
The import's bookkeeping is ``excel_import_run.py``; the kinds' own rules are in ``excel_import_people.py``
(pimpinan, opd), ``excel_import_plan.py`` (rpjmd, renstra) and ``excel_import_budget.py`` (program, realisasi).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..db.database import Database
from . import (
    audit,
    excel_import_budget,
    excel_import_people,
    excel_import_plan,
    excel_import_positions,
    excel_lke,
)
from . import users as auth
from .errors import FORM, ValidationError
from .excel_import_run import Action, Change, Importer, ImportRefused, ImportResult, Problem, Run, read_file
from .progress import CancelCheck, Progress, step_fraction

__all__ = ["Action", "Change", "ImportRefused", "ImportResult", "Problem", "import_file"]

IMPORTERS: dict[str, Importer] = {
    "pimpinan": excel_import_people.import_leaders,
    "opd": excel_import_people.import_opds,
    "jabatan": excel_import_positions.import_positions,
    "rpjmd": excel_import_plan.import_rpjmd,
    "renstra": excel_import_plan.import_renstra,
    "program": excel_import_budget.import_programs,
    "realisasi": excel_import_budget.import_realizations,
    "lke": excel_lke.import_lke,  # the AKIP evaluation (``lke import``)
}


class _Rollback(Exception):
    """Leaves ``db.write()`` without committing: a dry run, or a refusal."""


def import_file(
    db: Database,
    kind: str,
    path: Path,
    *,
    dry_run: bool = False,
    effective: date | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    display_name: str | None = None,
) -> ImportResult:
    """Import ``path`` as ``kind`` in one transaction (a dry run writes nothing) and say what it did.

    Raises :class:`ImportRefused` listing every problem; nothing is written then. Renames and changes of an
    OPD's head are dated ``effective``; without it they are listed (``needs_effective``) and a real import
    is refused.
    """
    auth.require(db, auth.IMPORT_ACTIONS.get(kind, "regency"))
    importer = IMPORTERS.get(kind)
    if importer is None:
        raise ValidationError.single(FORM, f"Jenis impor “{kind}” tidak dikenal")
    path = Path(path)
    name = display_name or path.name
    run = Run(kind, effective, dry_run, progress, cancelled)
    sheets = read_file(path, name, run)
    if not any(sheet.rows for sheet in sheets.values()):  # an untouched template: nothing to do
        step_fraction(progress, None, 1, "Selesai")
        return ImportResult(kind, name, (), not dry_run, effective)
    try:
        with db.write() as session:
            importer(session, sheets, run)
            if run.undated and not dry_run:
                for change in run.undated:
                    run.problems.append(Problem(change.sheet, change.row, None, (
                        f"{change.subject}: {'; '.join(change.details)} — sebutkan tanggal berlakunya "
                        "(tanggal berlaku impor, --effective TANGGAL)")))
            if run.problems:
                raise _Rollback()
            if any(c.action is not Action.UNCHANGED for c in run.changes):
                counts = {a: sum(1 for c in run.changes if c.action is a) for a in Action}
                audit.record(session, "excel.import", kind, "", (
                    f"Impor Excel {kind} dari {name}: {counts[Action.ADDED]} ditambahkan, "
                    f"{counts[Action.CHANGED]} diubah, {counts[Action.UNCHANGED]} tetap"))
            if dry_run:
                raise _Rollback()
    except _Rollback:
        if run.problems:
            raise ImportRefused(name, run.problems) from None
    step_fraction(progress, None, 1, "Selesai")
    return ImportResult(kind, name, tuple(run.changes), not dry_run, effective, bool(run.undated))


