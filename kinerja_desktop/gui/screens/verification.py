"""Menunggu Verifikasi: what the OPDs submitted to Bappeda (PKs of every level and quarterly reports), grouped by
OPD with the one waiting longest first; Verifikasi, or Kembalikan with a note the OPD sees. A verifier sees the
OPDs assigned to them (none assigned: every OPD)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...services import audit, verification
from ...services.verification import WaitingItem
from .. import messages, permissions
from ..models.backup_formatting import format_datetime, local_time
from ..models.record_table import CENTER, RIGHT, Column, RecordTableModel
from ..views import setup_table
from .base import Screen, heading, note


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("VerificationScreen", text)


class WaitingModel(RecordTableModel[WaitingItem]):
    NAME = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        columns: list[Column[WaitingItem]] = [
            Column(_tr("Jenis"), lambda i: "PK" if i.kind == "pk" else _tr("Laporan"), align=CENTER),
            Column(_tr("Kode"), lambda i: i.opd_code),
            Column(_tr("Perangkat daerah"), lambda i: i.opd_name, tooltip=lambda i: f"{i.opd_code}\n{i.opd_name}"),
            Column(_tr("Dokumen"), lambda i: i.title),
            Column(_tr("Diajukan"), lambda i: format_datetime(local_time(i.submitted_at)), lambda i: i.submitted_at),
            Column(_tr("Oleh"), lambda i: i.submitted_by),
            Column(_tr("Menunggu (hari)"), lambda i: str(_days(i.submitted_at)), lambda i: i.submitted_at, RIGHT),
        ]
        super().__init__(columns, parent, row_id=lambda i: i.verification_id)


def _days(since: datetime) -> int:
    """Whole days since ``since`` (stored in UTC, as every time in the database)."""
    return max((datetime.now() - local_time(since)).days, 0)


class ReturnDialog(QDialog):
    """The returning note: what the OPD must correct (required: OK stays off while it is blank)."""

    def __init__(self, item: WaitingItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kembalikan ke perangkat daerah"))
        self.item = item
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Tuliskan apa yang harus diperbaiki…"))
        label = QLabel(self.tr("{0} — {1}\n\nCa&tatan pengembalian (wajib):").format(item.title, item.opd_name))
        label.setBuddy(self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Kembalikan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.ok_button.setEnabled(False)
        self.note_edit.textChanged.connect(lambda: self.ok_button.setEnabled(bool(self.note().strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.note_edit, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 300)

    def note(self) -> str:
        return self.note_edit.toPlainText()


class VerificationScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.return_dialog: ReturnDialog | None = None
        self.mine_check = QCheckBox()
        self.mine_check.setChecked(True)
        self.mine_check.toggled.connect(lambda _on: self.refresh())
        self.model = WaitingModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, stretch_column=WaitingModel.NAME)
        self.table.setSortingEnabled(False)  # the order is the service's: by OPD, the longest waiting first
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        self.verify_button = QPushButton(self.tr("&Verifikasi"))
        self.verify_button.setToolTip(self.tr("Menyatakan dokumen terpilih sudah diperiksa dan benar"))
        self.verify_button.clicked.connect(lambda _checked=False: self.verify_selected())
        self.return_button = QPushButton(self.tr("Ke&mbalikan…"))
        self.return_button.setToolTip(self.tr("Mengembalikan dokumen terpilih ke perangkat daerah dengan catatan"))
        self.return_button.clicked.connect(lambda _checked=False: self.return_selected())
        permissions.bind_all((self.verify_button, self.return_button), "verify", lambda: self.db)
        self.count_label = note()
        self.detail_label = note()
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label = note()
        tools = QHBoxLayout()
        tools.addWidget(self.mine_check)
        tools.addStretch(1)
        tools.addWidget(self.verify_button)
        tools.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Menunggu Verifikasi")))
        layout.addWidget(note(self.tr(
            "PK (semua tingkat) dan laporan triwulan yang diajukan perangkat daerah, per perangkat daerah, yang "
            "terlama menunggu di atas. Nilai dari laporan yang belum diverifikasi tetap berlabel sementara.")))
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.result_label)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Menunggu Verifikasi")

    def verifier(self) -> str:
        """Whose list is shown (the signed-in user)."""
        return audit.current_user(self.db)

    def set_context(self, db: Database | None, year: int | None) -> None:
        super().set_context(db, year)
        self.result_label.clear()

    def refresh(self) -> None:
        user = self.verifier()
        self.mine_check.setText(self.tr("Hanya perangkat daerah yang ditugaskan kepada saya ({0})").format(user))
        if self.db is None:
            self.model.set_rows([])
            self.count_label.clear()
            self._on_selected()
            return
        selected = self.selected()
        items = verification.waiting(self.db, user if self.mine_check.isChecked() else None)
        self.model.set_rows(items)
        opds = len({i.opd_id for i in items})
        self.count_label.setText(
            self.tr("{0} dokumen dari {1} perangkat daerah menunggu verifikasi.").format(len(items), opds)
            if items else self.tr("Tidak ada yang menunggu verifikasi."))
        row = next((n for n, i in enumerate(items) if selected and i.verification_id == selected.verification_id),
                   0 if items else None)
        if row is not None:
            self.table.selectRow(row)
        self._on_selected()

    def selected(self) -> WaitingItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_selected(self) -> None:
        item = self.selected()
        if item is None:
            self.detail_label.clear()
        else:
            self.detail_label.setText(self.tr("{0} — {1}: diajukan {2} oleh {3}.").format(
                item.title, item.opd_name, format_datetime(local_time(item.submitted_at)), item.submitted_by or "-"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.verify_button.setEnabled(chosen)
        self.return_button.setEnabled(chosen)

    def verify_selected(self) -> None:
        item = self.selected()
        if item is None or self.db is None:
            return
        self._decide(item, verify=True)

    def return_selected(self) -> None:
        """Ask for the note (the dialog is modal but not blocking: tests type into it and click)."""
        item = self.selected()
        if item is None or self.db is None:
            return
        self.return_dialog = ReturnDialog(item, self)
        self.return_dialog.accepted.connect(lambda: self._returned())
        self.return_dialog.open()

    def _returned(self) -> None:
        dialog = self.return_dialog
        if dialog is None:
            return
        self.return_dialog = None
        self._decide(dialog.item, verify=False, note=dialog.note())
        dialog.deleteLater()

    def _decide(self, item: WaitingItem, *, verify: bool, note: str = "") -> None:
        assert self.db is not None
        title = self.tr("Verifikasi") if verify else self.tr("Kembalikan")
        try:
            verification.decide(self.db, item, verify, note)
        except Exception as exc:  # noqa: BLE001 - a service refusal or a database error, shown as it is
            messages.show_error(self, title, str(exc))
            self.refresh()
            return
        done = self.tr("diverifikasi") if verify else self.tr("dikembalikan")
        self.result_label.setText(f"{item.title} — {item.opd_name} {done}.")
        self.refresh()
