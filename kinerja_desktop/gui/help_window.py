"""The offline user manual (``resources/manual/panduan.html``, in Indonesian) in a QTextBrowser with a search field.

Bantuan → Panduan and F1 open it; F1 opens it at the section of the screen in use (:data:`SECTIONS`).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..paths import resource

MANUAL = ("manual", "panduan.html")
# The main window's screens (attribute names) → the manual's sections (anchors).
SECTIONS = {
    "home": "beranda",
    "opd": "perangkat-daerah",
    "rpjmd": "rpjmd",
    "renstra": "renstra",
    "programs": "program",
    "cascade": "pohon-kinerja",
    "agreements": "perjanjian-kinerja",
    "evaluation": "evaluasi",
    "verification": "verifikasi",
    "akip": "evaluasi-akip",
    "reports": "laporan",
    "backup": "cadangan",
}


class HelpWindow(QDialog):
    """The manual, non-modal; ``show_section(anchor)`` scrolls to a section; the field finds text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Panduan Kinerja Desktop"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.source = QUrl.fromLocalFile(str(resource(*MANUAL)))
        self.browser.setSource(self.source)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Cari di panduan…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.find_next)
        search_label = QLabel(self.tr("&Cari:"))
        search_label.setBuddy(self.search_edit)
        self.next_button = QPushButton(self.tr("Berik&utnya"))
        self.next_button.clicked.connect(lambda _checked=False: self.find_next())
        self.status = QLabel()
        close_button = QPushButton(self.tr("&Tutup"))
        close_button.clicked.connect(self.close)
        tools = QHBoxLayout()
        tools.addWidget(search_label)
        tools.addWidget(self.search_edit, 1)
        tools.addWidget(self.next_button)
        tools.addWidget(self.status)
        tools.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.browser, 1)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x" * 100), metrics.lineSpacing() * 34)
        self.find_shortcut = QKeySequence(QKeySequence.StandardKey.Find)

    def show_section(self, anchor: str | None) -> None:
        url = QUrl(self.source)
        if anchor:
            url.setFragment(anchor)
        self.browser.setSource(url)
        if anchor:
            self.browser.scrollToAnchor(anchor)

    def find_next(self) -> bool:
        """The next place the searched text occurs (from the top again after the last); said when nowhere."""
        text = self.search_edit.text().strip()
        if not text:
            self.status.clear()
            return False
        if self.browser.find(text):
            self.status.clear()
            return True
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        found = self.browser.find(text, QTextDocument.FindFlag(0))
        self.status.setText("" if found else self.tr("Tidak ditemukan"))
        return found

    def selected_text(self) -> str:
        return self.browser.textCursor().selectedText()
