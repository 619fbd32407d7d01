"""The enrolment code of a master package: shown large at the centre once it is written, typed on the laptop.

The code authenticates the package (services/sync.py); it is handed over apart from the file (read aloud,
on paper), so whoever carries the file cannot change it unnoticed.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.sync import format_enrolment_code, normalise_enrolment_code


def _code_font(widget: QWidget, scale: float) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(widget.font().pointSizeF() * scale)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
    return font


class EnrolmentCodeDialog(QDialog):
    """Shows a new master package's code, large and readable, once (it is kept nowhere)."""

    def __init__(self, code: str, package_name: str, parent: QWidget | None = None, *, details: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kode pendaftaran paket induk"))
        self.code = code
        layout = QVBoxLayout(self)
        if details:
            summary = QLabel(details)
            summary.setWordWrap(True)
            layout.addWidget(summary)
        intro = QLabel(
            self.tr(
                "Paket induk “{0}” dibuat. Operator laptop mengetik kode ini saat mengimpor paket. "
                "Sampaikan kode terpisah dari berkasnya (dibacakan atau ditulis di kertas); kode ini tidak "
                "ditampilkan lagi."
            ).format(package_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code_label = QLabel(code)
        self.code_label.setFont(_code_font(self, 2.6))
        self.code_label.setTextInteractionFlags(self.code_label.textInteractionFlags() | self._selectable())
        self.code_label.setStyleSheet("QLabel { padding: 12px; border: 1px solid palette(mid); }")
        layout.addWidget(self.code_label)
        hint = QLabel(self.tr("Tanpa angka 0 dan 1 dan tanpa huruf O dan I, agar tidak tertukar."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Salin kode"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 80))

    @staticmethod
    def _selectable():  # noqa: ANN205
        from PySide6.QtCore import Qt

        return Qt.TextInteractionFlag.TextSelectableByMouse

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)


class AskEnrolmentCodeDialog(QDialog):
    """Asks the operator of a laptop for the code of the master package being imported."""

    def __init__(self, package_name: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kode pendaftaran paket induk"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Paket induk “{0}” dilindungi kode pendaftaran. Ketik kode yang ditampilkan di pusat (Bappeda) "
                "saat paket dibuat: 16 huruf dan angka, mis. K7QF-2M9X-R4TA-HW3C."
            ).format(package_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.edit = QLineEdit()
        self.edit.setFont(_code_font(self, 2.0))
        self.edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.edit.setMaxLength(40)
        self.edit.textChanged.connect(self._typed)
        self.edit.textEdited.connect(self._upper)
        layout.addWidget(self.edit)
        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("QLabel { color: #b00020; }")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Periksa paket"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._typed(self.edit.text())
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x" * 70), self.sizeHint().height())

    def _upper(self, text: str) -> None:
        if text != text.upper():  # codes are shown in capitals; typing in lower case is fine
            position = self.edit.cursorPosition()
            self.edit.setText(text.upper())
            self.edit.setCursorPosition(position)

    def _typed(self, text: str) -> None:
        raw = normalise_enrolment_code(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(raw is not None)

    def code(self) -> str:
        return format_enrolment_code(self.edit.text())

    def accept(self) -> None:
        if normalise_enrolment_code(self.edit.text()) is None:
            return
        super().accept()
