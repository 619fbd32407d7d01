"""Options of "Cetak semua PK": target folder, paper (A4/F4), and whether to add one combined file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

PAPERS = (("a4", "A4 (210 × 297 mm)"), ("f4", "F4/Folio (215 × 330 mm)"))


def paper_combo() -> QComboBox:
    combo = QComboBox()
    for key, label in PAPERS:
        combo.addItem(label, key)
    return combo


class PrintAllDialog(QDialog):
    def __init__(self, year: int, count: int, folder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cetak semua PK {0}").format(year))
        intro = QLabel(
            self.tr(
                "{0} Perjanjian Kinerja tahun {1} (versi terbaru tiap perangkat daerah) dicetak satu berkas PDF "
                "per perangkat daerah ke folder yang dipilih. Berkas dengan nama yang sama ditimpa."
            ).format(count, year)
        )
        intro.setWordWrap(True)
        if not folder:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder_edit = QLineEdit(folder)
        browse = QPushButton(self.tr("Pilih…"))
        browse.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.paper = paper_combo()
        self.combined_check = QCheckBox(self.tr("Juga satu berkas gabungan (PK-{0}-SEMUA.pdf)").format(year))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder tujuan:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, row)
        form.addRow(self.tr("&Kertas:"), self.paper)
        form.addRow("", self.combined_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cetak"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 75))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder tujuan"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def paper_key(self) -> str:
        return self.paper.currentData()

    def accept(self) -> None:
        text = self.folder_edit.text().strip()
        if not text:
            self._error(self.tr("Pilih folder tujuan"))
            return
        path = Path(text)
        if path.exists() and not path.is_dir():
            self._error(self.tr("“{0}” bukan folder").format(text))
            return
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._error(self.tr("Folder tidak dapat dibuat: {0}").format(exc))
            return
        super().accept()

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
