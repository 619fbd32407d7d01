"""Pengguna (administrators only): the users with role, OPDs and state; add one, disable or enable it, reset a
password (which also ends a lock-out). Every change goes through services/users.py, which refuses a non-admin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...services import users
from ...services.errors import ValidationError
from ..messages import show_error, show_info
from ..unsaved import UnsavedChangesGuard

COLUMNS = ("Nama pengguna", "Nama lengkap", "Peran", "Perangkat daerah", "Status")


class UsersDialog(QDialog):
    """The list of users and what an administrator does with them."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Pengguna"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr(text) for text in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("&Tambah…"))
        self.toggle_button = QPushButton(self.tr("&Nonaktifkan"))
        self.reset_button = QPushButton(self.tr("Atur ulang &sandi…"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("T&utup"))
        close.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda _checked=False: self.add_user())
        self.toggle_button.clicked.connect(lambda _checked=False: self.toggle_active())
        self.reset_button.clicked.connect(lambda _checked=False: self.reset_password())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Admin mengelola pengguna. Operator OPD hanya mengubah data perangkat daerahnya; "
                "akun terkunci setelah 5 kali salah sandi dibuka dengan mengatur ulang sandinya."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.rows: list[users.UserRow] = []
        self.refresh()
        self.resize(self.fontMetrics().horizontalAdvance("x" * 110), self.fontMetrics().height() * 24)

    def refresh(self) -> None:
        self.rows = users.list_users(self._db)
        self.table.setRowCount(len(self.rows))
        for row, user in enumerate(self.rows):
            state = self.tr("terkunci") if user.locked else self.tr("aktif") if user.active else self.tr("nonaktif")
            for column, text in enumerate(
                (user.name, user.full_name, self.tr(user.role_label), ", ".join(user.opd_codes) or "—", state)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> users.UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        may = users.allowed(self._db, "users")
        self.add_button.setEnabled(may)
        self.toggle_button.setEnabled(may and user is not None)
        self.reset_button.setEnabled(may and user is not None)
        self.toggle_button.setText(
            self.tr("&Aktifkan") if user is not None and not user.active else self.tr("&Nonaktifkan")
        )

    def add_user(self) -> None:
        dialog = AddUserDialog(self._db, self)
        if dialog.exec():
            self.refresh()

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            users.set_active(self._db, user.name, not user.active)
        except (ValidationError, KinerjaDbError) as exc:
            show_error(self, self.tr("Pengguna"), str(exc))
        self.refresh()

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = PasswordDialog(self, user.name)
        if not dialog.exec():
            return
        try:
            users.reset_password(self._db, user.name, dialog.password())
        except (ValidationError, KinerjaDbError) as exc:
            show_error(self, self.tr("Pengguna"), str(exc))
            return
        show_info(
            self, self.tr("Pengguna"), self.tr("Sandi {0} diatur ulang; akunnya tidak terkunci lagi.").format(user.name)
        )
        self.refresh()


class PasswordFields:
    """A new password typed twice (never shown)."""

    def __init__(self, parent: QWidget) -> None:
        self.first = QLineEdit(parent)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(parent)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)

    def problem(self) -> str | None:
        if self.first.text() != self.second.text():
            return _tr("Kedua sandi tidak sama.")
        if len(self.first.text()) < users.MIN_PASSWORD:
            return _tr("Sandi minimal {0} karakter.").format(users.MIN_PASSWORD)
        return None


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("UsersDialog", text)


class PasswordDialog(UnsavedChangesGuard, QDialog):
    """Atur ulang sandi: the new password twice."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Atur ulang sandi — {0}").format(name))
        self.fields = PasswordFields(self)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        first = QLabel(self.tr("Sandi &baru:"))
        first.setBuddy(self.fields.first)
        second = QLabel(self.tr("&Ulangi sandi:"))
        second.setBuddy(self.fields.second)
        form.addRow(first, self.fields.first)
        form.addRow(second, self.fields.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.mark_clean()

    def password(self) -> str:
        return self.fields.first.text()

    def accept(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.message.setText(problem)
            return
        super().accept()


class AddUserDialog(UnsavedChangesGuard, QDialog):
    """Tambah pengguna: login name, full name, role, the OPDs of an operator, the password twice."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Tambah pengguna"))
        self.name_edit = QLineEdit()
        self.full_name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in users.Role:
            self.role_combo.addItem(self.tr(users.ROLE_LABELS[role]), role.value)
        self.opd_list = QListWidget()
        for code, name in users.opd_choices(db):
            item = QListWidgetItem(f"{name} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.opd_list.addItem(item)
        self.fields = PasswordFields(self)
        self.message = QLabel()
        self.message.setObjectName("addUserMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Nama pengguna:"), self.name_edit),
            (self.tr("Nama &lengkap:"), self.full_name_edit),
            (self.tr("&Peran:"), self.role_combo),
            (self.tr("Perangkat &daerah (operator):"), self.opd_list),
            (self.tr("&Sandi:"), self.fields.first),
            (self.tr("&Ulangi sandi:"), self.fields.second),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.resize(self.fontMetrics().horizontalAdvance("x" * 80), self.fontMetrics().height() * 26)
        self.mark_clean()

    def _role_changed(self, _index: int = 0) -> None:
        self.opd_list.setEnabled(self.role_combo.currentData() in {role.value for role in users.SCOPED_ROLES})

    def chosen_opds(self) -> list[str]:
        if not self.opd_list.isEnabled():
            return []
        items = (self.opd_list.item(row) for row in range(self.opd_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.message.setText(problem)
            return
        try:
            users.add_user(
                self._db,
                self.name_edit.text(),
                self.role_combo.currentData(),
                self.fields.first.text(),
                opd_codes=self.chosen_opds(),
                full_name=self.full_name_edit.text(),
            )
        except (ValidationError, KinerjaDbError) as exc:
            self.message.setText(str(exc))
            return
        super().accept()
