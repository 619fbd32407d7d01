"""What the main window shows on a database that is not set up yet: the way to the set-up wizard.

Instead of empty screens, one page says what the file is and offers the set-up, restoring a backup into
it, or opening another file. The main window connects the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from .base import heading, note


class SetupLeadIn(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(self.tr("Selamat datang di Kinerja Desktop"))
        self.file_label = note()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = note(
            self.tr(
                "Basis data ini belum disiapkan untuk sebuah pemerintah daerah. Penyiapan menanyakan, langkah demi "
                "langkah: kabupaten atau kota beserta ibu kota dan logonya, pimpinan daerah dan masa jabatannya, "
                "badan perencanaan, periode RPJMD, lalu perangkat daerah. Semuanya dapat diubah kemudian."
            )
        )
        self.setup_button = QPushButton(self.tr("&Siapkan pemerintah daerah…"))
        self.setup_button.setDefault(True)
        self.restore_button = QPushButton(self.tr("&Pulihkan dari cadangan…"))
        self.open_button = QPushButton(self.tr("&Buka basis data lain…"))
        self.restore_note = note(
            self.tr("Sudah memakai Kinerja Desktop di komputer lain? Pulihkan cadangannya (.kinerja-backup) ke sini.")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.setup_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.file_label)
        column.addSpacing(self.fontMetrics().lineSpacing())
        column.addWidget(self.explanation)
        column.addSpacing(self.fontMetrics().lineSpacing())
        column.addLayout(buttons)
        column.addWidget(self.restore_note)
        column.addStretch()
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(self.fontMetrics().horizontalAdvance("x" * 110))
        outer = QHBoxLayout(self)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        outer.addStretch()

    def set_file(self, name: str) -> None:
        self.file_label.setText(self.tr("Basis data: {0}").format(name) if name else "")
