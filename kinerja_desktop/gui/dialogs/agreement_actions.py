"""Small dialogs of the Perjanjian Kinerja screen: create, sign, amend, record the Pakta Integritas, pick rows.

Each only collects input and validates what it can locally; the caller runs the service and shows its errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.formatting import format_date
from ..unsaved import UnsavedChangesGuard


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    return edit


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label


# --- Buat PK -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpdChoice:
    opd_id: str
    label: str
    has_previous: bool  # a PK of the year before exists to copy from


class CreateAgreementDialog(QDialog):
    """Choose the OPD (those without a PK this year) and the source: Renstra targets or last year's PK."""

    FROM_RENSTRA, FROM_PREVIOUS = 0, 1

    def __init__(self, year: int, choices: Sequence[OpdChoice], selected: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Buat Perjanjian Kinerja {0}").format(year))
        self.year = year
        self.opd_combo = QComboBox()
        for choice in choices:
            self.opd_combo.addItem(choice.label, choice)
        if selected is not None:
            index = next((n for n, c in enumerate(choices) if c.opd_id == selected), -1)
            if index >= 0:
                self.opd_combo.setCurrentIndex(index)
        self.renstra_radio = QRadioButton(self.tr("Dari target dan pagu Renstra tahun {0}").format(year))
        self.previous_radio = QRadioButton(self.tr("Salin dari PK tahun {0} (target {1} dari Renstra)").format(
            year - 1, year))
        self.source = QButtonGroup(self)
        self.source.addButton(self.renstra_radio, self.FROM_RENSTRA)
        self.source.addButton(self.previous_radio, self.FROM_PREVIOUS)
        self.renstra_radio.setChecked(True)
        self.opd_combo.currentIndexChanged.connect(lambda _i: self._update())
        self.buttons = _buttons(self, self.tr("Buat draf"))
        form = QFormLayout()
        form.addRow(self.tr("&Perangkat daerah:"), self.opd_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Isi awal:")))
        layout.addWidget(self.renstra_radio)
        layout.addWidget(self.previous_radio)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        choice = self.chosen()
        self.previous_radio.setEnabled(bool(choice and choice.has_previous))
        if not self.previous_radio.isEnabled():
            self.renstra_radio.setChecked(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(choice is not None)

    def chosen(self) -> OpdChoice | None:
        return self.opd_combo.currentData()

    def copy_previous(self) -> bool:
        return self.source.checkedId() == self.FROM_PREVIOUS


# --- Tandatangani --------------------------------------------------------------------------------------


class SignDialog(QDialog):
    """The date the PK was signed; optionally the Pakta Integritas signed the same day."""

    def __init__(self, title: str, suggested: date, *, offer_pact: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tandatangani Perjanjian Kinerja"))
        intro = QLabel(
            self.tr(
                "{0}\n\nSetelah ditandatangani, PK dan indikatornya terkunci dan tidak dapat diubah lagi. "
                "Perubahan hanya melalui PK Perubahan."
            ).format(title)
        )
        intro.setWordWrap(True)
        self.date_edit = date_edit(suggested)
        self.pact_check = QCheckBox(self.tr("Catat juga Pakta Integritas kepala OPD pada tanggal yang sama"))
        self.pact_check.setChecked(offer_pact)
        self.pact_check.setVisible(offer_pact)
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Tanggal penandatanganan:"), self.date_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.pact_check)
        layout.addWidget(self.error)
        self.buttons = _buttons(self, self.tr("Tandatangani"))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 60))

    def sign_date(self) -> date:
        return from_qdate(self.date_edit.date())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class PactDialog(QDialog):
    """The date the head of the OPD signed the Pakta Integritas."""

    def __init__(self, opd_name: str, suggested: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pakta Integritas"))
        intro = QLabel(self.tr("Catat Pakta Integritas kepala {0}. Penanda tangan diambil dari kepala OPD "
                               "yang menjabat pada tanggal tersebut.").format(opd_name))
        intro.setWordWrap(True)
        self.date_edit = date_edit(suggested)
        form = QFormLayout()
        form.addRow(self.tr("&Tanggal penandatanganan:"), self.date_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Catat")))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 55))

    def sign_date(self) -> date:
        return from_qdate(self.date_edit.date())


# --- PK Perubahan --------------------------------------------------------------------------------------


class AmendmentDialog(UnsavedChangesGuard, QDialog):
    """The reason for a PK Perubahan (required; printed and kept in the history); Esc or Batal after typing one
    asks first (``unsaved.UnsavedChangesGuard``)."""

    def __init__(self, title: str, signed_on: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Buat PK Perubahan"))
        intro = QLabel(
            self.tr(
                "{0}, ditandatangani {1}.\n\nPK Perubahan adalah versi baru yang mengganti PK ini setelah "
                "ditandatangani. PK lama tetap tersimpan."
            ).format(title, format_date(signed_on, empty="-"))
        )
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("misalnya: penyesuaian anggaran APBD Perubahan 2026"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.error = _error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("&Alasan perubahan:")))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("Buat PK Perubahan")))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 60))
        self.mark_clean()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason():
            self.error.setText(self.tr("Alasan PK Perubahan wajib diisi"))
            self.error.show()
            self.reason_edit.setFocus()
            return
        super().accept()


# --- choosing rows from the Renstra --------------------------------------------------------------------


class PickRowsDialog(QDialog):
    """A checkable list of candidate rows (Renstra indicators or programs not yet in the PK)."""

    def __init__(self, title: str, labels: Sequence[str], empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        for label in labels:
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.all_button = QPushButton(self.tr("Pilih semua"))
        self.all_button.clicked.connect(lambda: self.set_all(True))
        layout = QVBoxLayout(self)
        if labels:
            layout.addWidget(self.list)
            layout.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            note = QLabel(empty_text)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.buttons = _buttons(self, self.tr("Tambahkan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(labels))
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x" * 90), metrics.lineSpacing() * 24)

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def checked_rows(self) -> list[int]:
        return [r for r in range(self.list.count()) if self.list.item(r).checkState() == Qt.CheckState.Checked]
