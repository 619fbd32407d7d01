"""Berkas → Impor dari Excel and Templat Excel: choose a file, preview what it does, import it, reload.

The preview is the service's dry run and the import its real run (``services.excel_import``), both off the
GUI thread on the app's job runner behind a progress dialog with "Batal" (cancelling leaves the database as it
was: the import is one transaction). A refused file lists every problem; nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ..db.database import Database
from ..services import excel_import, excel_template
from ..services.excel_import import ImportRefused, ImportResult
from . import excel_export_button, messages
from .dialogs.import_preview_dialog import KIND_LABELS, ImportPreviewDialog, ImportProblemsDialog
from .jobs import Job, JobRunner, Outcome, app_runner


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExcelImport", text)


def ask_xlsx_file(parent: QWidget, title: str) -> str:
    """Which workbook to import ('' when cancelled; tests replace this)."""
    filters = _tr(excel_export_button.XLSX_FILTER) + ";;" + _tr("Semua berkas (*)")
    path, _filter = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def show_refused(parent: QWidget, outcome: Outcome) -> QWidget | None:
    """Say why a read or an import failed: every problem of a refused file, else the one message."""
    if isinstance(outcome.error, ImportRefused):
        dialog = ImportProblemsDialog(outcome.error, parent)
        dialog.open()
        return dialog
    messages.show_error(parent, _tr("Impor dari Excel"), outcome.message)
    return None


class ExcelImport(QObject):
    """Imports of one window; ``imported(ImportResult)`` once a file has been stored."""

    imported = Signal(object)

    def __init__(self, parent: QWidget, db: Callable[[], Database | None], runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.widget = parent
        self._db = db
        self._runner = runner
        self.preview: ImportPreviewDialog | None = None
        self.problems: QWidget | None = None
        self.last_result: ImportResult | None = None

    def _run(self, work: Callable, title: str, done: Callable[[Outcome], None]) -> Job:
        job = Job(work, title=title, parent=self.widget, cancelling_text=_tr("Tidak ada yang disimpan."))
        job.finished.connect(done)
        return (self._runner or app_runner()).start(job)

    def start(self, kind: str, path: str | None = None) -> Job | None:
        """Ask for the file (unless given), then preview it."""
        database = self._db()
        if database is None:
            return None
        title = _tr("Impor {0} dari Excel").format(KIND_LABELS.get(kind, kind).lower())
        path = path or ask_xlsx_file(self.widget, title)
        if not path:
            return None

        def preview(progress, cancelled) -> ImportResult:  # noqa: ANN001 - the runner's callbacks
            return excel_import.import_file(database, kind, Path(path), dry_run=True, progress=progress,
                                            cancelled=cancelled)

        return self._run(preview, _tr("Memeriksa berkas Excel"), lambda outcome: self._previewed(kind, path, outcome))

    def _previewed(self, kind: str, path: str, outcome: Outcome) -> None:
        if outcome.cancelled:
            return
        if not outcome.ok:
            self.problems = show_refused(self.widget, outcome)
            return
        dialog = ImportPreviewDialog(outcome.value, self.widget)
        dialog.accepted.connect(lambda: self._confirmed(kind, path, dialog.effective()))
        self.preview = dialog
        dialog.open()

    def _confirmed(self, kind: str, path: str, effective: date | None) -> None:
        database = self._db()
        if database is None:
            return

        def work(progress, cancelled) -> ImportResult:  # noqa: ANN001 - the runner's callbacks
            return excel_import.import_file(database, kind, Path(path), effective=effective, progress=progress,
                                            cancelled=cancelled)

        self._run(work, _tr("Mengimpor berkas Excel"), self._done)

    def _done(self, outcome: Outcome) -> None:
        if outcome.cancelled:
            messages.show_info(self.widget, _tr("Impor dari Excel"), _tr("Impor dibatalkan; tidak ada yang disimpan."))
            return
        if not outcome.ok:
            self.problems = show_refused(self.widget, outcome)
            return
        result: ImportResult = outcome.value
        self.last_result = result
        counts = result.counts
        self.imported.emit(result)
        messages.show_info(self.widget, _tr("Impor dari Excel"), _tr(
            "Berkas “{0}” diimpor: {1} ditambahkan, {2} diubah, {3} tetap."
        ).format(result.file_name, *(counts[action] for action in excel_import.Action)))

    def write_template(self, kind: str) -> Job | None:
        """Ask where, then write the empty template of ``kind`` (years from the open database's period)."""
        database = self._db()
        title = _tr("Templat Excel {0}").format(KIND_LABELS.get(kind, kind).lower())
        path = excel_export_button.ask_xlsx_path(self.widget, title, f"templat-{kind}.xlsx", database)
        if not path:
            return None

        def work(_progress, _cancelled) -> Path:  # noqa: ANN001 - the runner's callbacks
            return excel_template.write_template(kind, Path(path), db=database)

        def done(outcome: Outcome) -> None:
            if outcome.ok:
                messages.show_info(self.widget, title, _tr("Templat tersimpan: {0}").format(outcome.value))
            elif not outcome.cancelled:
                messages.show_error(self.widget, title, outcome.message)

        return self._run(work, "", done)
