"""Preview a PDF inside the app (QtPdf's QPdfView from ``pyside6-pdf``), or in the system viewer without it.

Reusable by every screen that prints::

    dialog = show_pdf_preview(parent, path)   # a PdfPreviewDialog, or None when the system viewer was used

QtPdf is imported only when a preview is first shown, so the main window does not pay for it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfPreview", text)


def pdf_support_available() -> bool:
    """True when QtPdf and QtPdfWidgets can be imported (the ``pyside6-pdf`` wheel is installed)."""
    try:
        from PySide6 import QtPdf, QtPdfWidgets  # noqa: F401
    except ImportError:
        return False
    return True


def open_in_system_viewer(path: str | Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))


ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PdfPreviewDialog(QDialog):
    """A non-modal window showing one PDF, with page navigation, zoom, "save a copy" and the system viewer.

    ``remove_when_closed`` deletes the file when the window closes (for previews written to a temporary file),
    and the folder it was written into when that folder was made for it (``temporary_folder``).
    """

    def __init__(
        self,
        path: str | Path,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        remove_when_closed: bool = False,
        temporary_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.path = Path(path)
        self._remove = remove_when_closed
        self._folder = temporary_folder
        self.setWindowTitle(title or _tr("Pratinjau — {0}").format(self.path.name))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.previous_button = QToolButton()
        self.previous_button.setText(_tr("◀ Sebelumnya"))
        self.previous_button.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button = QToolButton()
        self.next_button.setText(_tr("Berikutnya ▶"))
        self.next_button.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_label = QLabel()
        self.zoom_combo = QComboBox()
        self.zoom_combo.addItem(_tr("Selebar jendela"), "width")
        self.zoom_combo.addItem(_tr("Satu halaman utuh"), "page")
        for factor in ZOOMS:
            self.zoom_combo.addItem(f"{round(factor * 100)} %", factor)
        self.zoom_combo.currentIndexChanged.connect(self._on_zoom)
        self.print_button = QPushButton(_tr("&Cetak…"))
        self.print_button.setToolTip(_tr("Cetak ke printer: pilih printer, halaman dan jumlah salinan"))
        self.print_button.clicked.connect(lambda _checked=False: self.print_on_printer())
        self.save_button = QPushButton(_tr("&Simpan salinan…"))
        self.save_button.clicked.connect(lambda _checked=False: self.save_copy())
        self.external_button = QPushButton(_tr("Buka di &penampil sistem"))
        self.external_button.setToolTip(_tr("Membuka PDF ini dengan penampil PDF komputer ini"))
        self.external_button.clicked.connect(lambda _checked=False: None if open_in_system_viewer(self.path) else None)
        self.close_button = QPushButton(_tr("&Tutup"))
        self.close_button.clicked.connect(self.close)

        tools = QHBoxLayout()
        tools.addWidget(self.previous_button)
        tools.addWidget(self.page_label)
        tools.addWidget(self.next_button)
        tools.addSpacing(self.fontMetrics().horizontalAdvance("x" * 3))
        zoom_label = QLabel(_tr("Per&besaran:"))
        zoom_label.setBuddy(self.zoom_combo)
        tools.addWidget(zoom_label)
        tools.addWidget(self.zoom_combo)
        tools.addStretch()
        tools.addWidget(self.print_button)
        tools.addWidget(self.save_button)
        tools.addWidget(self.external_button)
        tools.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)

        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._update_page_label())
        error = self.document.load(str(self.path))
        self.load_error = error if error != QPdfDocument.Error.None_ else None
        self._update_page_label()
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x") * 110, metrics.lineSpacing() * 42)

    # -- state ----------------------------------------------------------------------------------------
    def status(self) -> Any:
        """QPdfDocument.Status (Ready once the file is loaded)."""
        return self.document.status()

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), 0)
        self._update_page_label()

    def _update_page_label(self) -> None:
        count = self.page_count()
        page = min(self.current_page(), max(count - 1, 0))
        if self.load_error is not None:
            self.page_label.setText(_tr("Berkas PDF tidak dapat dibuka"))
        else:
            self.page_label.setText(_tr("Halaman {0} dari {1}").format(page + 1 if count else 0, count))
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < count)

    def _on_zoom(self, _index: int) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        choice = self.zoom_combo.currentData()
        if choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    # -- actions --------------------------------------------------------------------------------------
    def print_on_printer(self) -> int:
        """Qt's print dialog, then the pages of this PDF onto the printer; returns the pages printed."""
        from . import messages
        from .pdf_printer import PrintError, print_file

        try:
            return print_file(self, self.path, self.windowTitle())
        except PrintError as exc:
            messages.show_error(self, _tr("Cetak"), str(exc))
            return 0

    def save_copy(self) -> None:
        from ..db.errors import KinerjaDbError
        from ..services.output import copy_file
        from . import messages
        from .save_dialog import ask_save_path

        title = _tr("Simpan salinan PDF")
        target = ask_save_path(self, title, self.path.name, _tr("Berkas PDF (*.pdf)"), suffix=".pdf")
        if not target:
            return
        try:
            copy_file(self.path, Path(target))
        except KinerjaDbError as exc:
            messages.show_error(self, title, str(exc))

    def done(self, result: int) -> None:
        self._cleanup()
        super().done(result)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self._cleanup()
        super().closeEvent(event)

    def _cleanup(self) -> None:
        # Close the document first: on Windows an open file cannot be removed.
        self.document.close()
        if self._remove:
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
            if self._folder is not None:
                with contextlib.suppress(OSError):
                    self._folder.rmdir()  # only when empty: nothing else of the user's goes
            self._remove = False


def show_pdf_preview(
    parent: QWidget | None,
    path: str | Path,
    *,
    title: str | None = None,
    remove_when_closed: bool = False,
    temporary_folder: Path | None = None,
) -> PdfPreviewDialog | None:
    """Show ``path`` in a PdfPreviewDialog; without QtPdf (or if it cannot read the file) open the system viewer."""
    if not pdf_support_available():
        open_in_system_viewer(path)
        return None
    dialog = PdfPreviewDialog(path, parent, title=title, remove_when_closed=remove_when_closed,
                              temporary_folder=temporary_folder)
    if dialog.load_error is not None:
        dialog._remove = False  # the system viewer still needs the file
        dialog.close()
        open_in_system_viewer(path)
        return None
    dialog.show()
    return dialog
