"""Print-and-preview: the one way every screen prints a document, through ``services.printing`` and the app's runner.

The screen says *what* to print as a ``printing.Request``; the service names the file and writes it, so the GUI
writes the very file the CLI writes. :meth:`PrintAction.preview` shows it from a temporary folder,
:meth:`PrintAction.save` suggests the service's file name and writes where the user chose,
:meth:`PrintAction.print_on_printer` prints it on a printer (Qt's print dialog, ``pdf_printer``),
:meth:`PrintAction.all_on_printer` prints every OPD's document on a printer in one job, and
:meth:`PrintAction.to_folder` prints many documents behind a progress dialog with "Batal". Rendering runs off
the GUI thread.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from ..db.database import Database
from ..services import printing
from ..services.errors import ValidationError
from . import messages
from .jobs import Job, JobRunner, Outcome
from .pdf_preview import PdfPreviewDialog, show_pdf_preview
from .save_dialog import ask_save_path

PREVIEW, SAVE, PRINTER = "preview", "save", "printer"  # how a screen's button prints one document


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintAction", text)


def ask_pdf_path(parent: QWidget, suggested: str) -> str:
    """Where to write a printed PDF, ending in .pdf ('' when cancelled; tests replace this)."""
    path = ask_save_path(parent, _tr("Simpan PDF"), suggested, _tr("Berkas PDF (*.pdf)"), suffix=".pdf")
    return path or ""


def _default_saved(parent: QWidget, path: Path) -> None:
    messages.show_info(parent, _tr("Cetak"), _tr("PDF tersimpan: {0}").format(path))


def _default_failed(parent: QWidget, text: str) -> None:
    messages.show_error(parent, _tr("Cetak"), text)


def _remove_temporary(folder: Path) -> None:
    """A preview's or a printout's own temporary folder, with what is in it."""
    shutil.rmtree(folder, ignore_errors=True)


class PrintAction(QObject):
    """Preview, save and print-to-folder for one widget; ``busy_changed`` while something renders."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        parent: QWidget,
        runner: JobRunner,
        *,
        saved: Callable[[Path], None] | None = None,
        failed: Callable[[str], None] | None = None,
        printed: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.widget = parent
        self.runner = runner
        self._saved = saved or (lambda path: _default_saved(parent, path))
        self._failed = failed or (lambda text: _default_failed(parent, text))
        self._printed = printed or (lambda _pages: None)
        self.preview_dialog: PdfPreviewDialog | None = None
        self.last_file: Path | None = None
        self.busy = False
        self.batch: Job | None = None

    # -- one document ---------------------------------------------------------------------------------
    def one(self, how: str, db: Database, request: printing.Request, title: str) -> None:
        """``PREVIEW``, ``SAVE`` (asks where) or ``PRINTER`` (Qt's print dialog) for one document."""
        if how == PREVIEW:
            self.preview(db, request, title)
        elif how == PRINTER:
            self.print_on_printer(db, request, title)
        else:
            self.save(db, request)

    def preview(self, db: Database, request: printing.Request, title: str) -> None:
        """Render into a temporary folder, then show it in the app (file and folder go when the window closes)."""
        folder = Path(tempfile.mkdtemp(prefix="kinerja-pratinjau-"))
        self._render(db, request, folder, lambda path: self._show(path, title, folder), temporary=folder)

    def print_on_printer(self, db: Database, request: printing.Request, title: str) -> None:
        """Render into a temporary folder, then Qt's print dialog and the pages onto the printer."""
        folder = Path(tempfile.mkdtemp(prefix="kinerja-cetak-"))
        self._render(db, request, folder, lambda path: self._print_files([path], title, folder), temporary=folder)

    def all_on_printer(
        self, db: Database, request: printing.Request, title: str, finished: Callable[[Outcome], None]
    ) -> Job | None:
        """Every document of ``request`` rendered behind the progress dialog (cancellable), then one print dialog
        and all their pages as one job; the temporary files go afterwards."""
        folder = Path(tempfile.mkdtemp(prefix="kinerja-cetak-"))

        def done(outcome: Outcome) -> None:
            if outcome.ok and outcome.value:
                self._print_files([Path(p) for p in outcome.value], title, folder)
            else:
                _remove_temporary(folder)
            finished(outcome)

        job = self.to_folder(db, request, folder, title, done)
        if job is None:
            _remove_temporary(folder)
        return job

    def _print_files(self, paths: list[Path], title: str, folder: Path) -> None:
        from .pdf_printer import PrintError, print_files

        try:
            printed = print_files(self.widget, paths, title)
        except PrintError as exc:
            self._failed(str(exc))
            printed = 0
        finally:
            _remove_temporary(folder)
        if printed:
            self._printed(printed)

    def save(self, db: Database, request: printing.Request) -> None:
        """Ask where, suggesting the service's file name, then write there."""
        try:
            suggested = printing.file_name(db, request)
        except ValidationError as exc:
            self._failed(str(exc))
            return
        chosen = ask_pdf_path(self.widget, suggested)
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._render(db, request, target, self._saved)

    def _render(
        self, db: Database, request: printing.Request, out: Path, then: Callable[[Path], None], *,
        temporary: Path | None = None,
    ) -> None:
        self._set_busy(True)

        def done(written: list[Path]) -> None:
            self._set_busy(False)
            self.last_file = written[0]
            then(written[0])

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if temporary is not None:
                _remove_temporary(temporary)
            self._failed(str(error))

        self.runner.run(printing.write, db, request, out, on_success=done, on_failure=failed)

    def _show(self, path: Path, title: str, folder: Path) -> None:
        self.close_preview()
        dialog = show_pdf_preview(self.widget, path, title=title, remove_when_closed=True, temporary_folder=folder)
        self.preview_dialog = dialog
        if dialog is not None:
            dialog.destroyed.connect(lambda *_: self._forget_preview(dialog))

    def _forget_preview(self, dialog: Any) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None

    def close_preview(self) -> None:
        if self.preview_dialog is not None:
            dialog, self.preview_dialog = self.preview_dialog, None
            try:
                dialog.close()
            except RuntimeError:  # already deleted by Qt
                pass

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    # -- many documents into a folder -----------------------------------------------------------------
    def to_folder(
        self,
        db: Database,
        request: printing.Request,
        folder: Path,
        title: str,
        finished: Callable[[Outcome], None],
    ) -> Job | None:
        """Print every document of ``request`` into ``folder`` behind a progress dialog that can cancel.

        A failure or a cancel is said here; ``finished(outcome)`` follows in every case.
        """
        if self.batch is not None:
            return None
        job = Job(
            lambda progress, cancelled: printing.write(db, request, folder, progress=progress, cancelled=cancelled),
            title=title,
            parent=self.widget,
            show_after_ms=0,
            cancelling_text=_tr("berkas yang sedang ditulis diselesaikan atau dihapus"),
        )

        def done(outcome: Outcome) -> None:
            self.batch = None
            self._set_busy(False)
            if outcome.error is not None:
                self._failed(outcome.message)
            elif outcome.cancelled:
                messages.show_info(
                    self.widget,
                    title,
                    _tr("{0}. Berkas yang belum selesai tidak ditinggalkan di {1}.").format(outcome.message, folder),
                )
            finished(outcome)

        job.finished.connect(done)
        self.batch = job
        self._set_busy(True)
        return self.runner.start(job)

    def shutdown(self) -> None:
        """Stop a batch after its current file and close the preview (the window closes or changes database)."""
        if self.batch is not None:
            self.batch.cancel()
            self.batch.wait()
        self.close_preview()
