"""The one "Ekspor ke Excel" button every screen shows: ask where, then write the .xlsx off the GUI thread.

A screen says *what* to export (a kind of ``services.excel_export``, with the year and quarter it shows); the
button suggests the service's file name, asks where to save (``save_dialog``: never over the database), runs
the export on the app's job runner behind a progress dialog with "Batal", and says where the file went.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from ..db.database import Database
from ..services import excel_export
from . import messages, save_dialog
from .jobs import Job, JobRunner, Outcome, app_runner

XLSX_FILTER = "Buku kerja Excel (*.xlsx)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExcelExport", text)


def ask_xlsx_path(parent: QWidget, title: str, suggested: str, database: Database | None = None) -> str:
    """Where to write a workbook ('' when cancelled; tests replace this): the app's one save dialog, which
    refuses the open database, a journal or a folder."""
    return save_dialog.ask_save_path(parent, title, suggested, _tr(XLSX_FILTER), suffix=".xlsx",
                                     database=database) or ""


class ExcelExportButton(QPushButton):
    """Exports ``kind`` of the database ``db()`` for ``year()``/``quarter()``; ``last_file`` is what it wrote."""

    def __init__(
        self,
        parent: QWidget,
        kind: str,
        db: Callable[[], Database | None],
        *,
        year: Callable[[], int | None] = lambda: None,
        quarter: Callable[[], int | None] = lambda: None,
        text: str = "",
        runner: JobRunner | None = None,
    ) -> None:
        super().__init__(text or _tr("Ekspor ke E&xcel…"), parent)
        self.kind = kind
        self._db, self._year, self._quarter = db, year, quarter
        self._runner = runner
        self.last_file: Path | None = None
        self.last_outcome: Outcome | None = None
        self.setToolTip(_tr("Simpan daftar ini sebagai buku kerja Excel (.xlsx)"))
        self.clicked.connect(lambda _checked=False: self.export())

    def export(self) -> Job | None:
        database = self._db()
        if database is None:
            return None
        year, quarter = self._year(), self._quarter()
        if (self.kind in excel_export.NEEDS_YEAR and year is None) or (
            self.kind in excel_export.NEEDS_QUARTER and quarter is None
        ):
            messages.show_error(self, _tr("Ekspor ke Excel"), _tr("Pilih tahun (dan triwulan) dahulu."))
            return None
        title = _tr("Ekspor ke Excel")
        path = ask_xlsx_path(self.window(), title, excel_export.suggested_name(self.kind, year, quarter), database)
        if not path:
            return None
        job = Job(
            lambda progress, cancelled: excel_export.export(
                database, self.kind, Path(path), year=year, quarter=quarter, progress=progress, cancelled=cancelled
            ),
            title=title,
            parent=self.window(),
        )
        job.finished.connect(self._done)
        self.setEnabled(False)
        return (self._runner or app_runner()).start(job)

    def _done(self, outcome: Outcome) -> None:
        self.setEnabled(True)
        self.last_outcome = outcome
        if outcome.cancelled:
            return
        if not outcome.ok:
            messages.show_error(self, _tr("Ekspor ke Excel"), outcome.message)
            return
        self.last_file = outcome.value.path
        messages.show_info(self, _tr("Ekspor ke Excel"), _tr("Tersimpan: {0}").format(outcome.value.path))
