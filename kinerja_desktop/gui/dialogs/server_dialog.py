"""Sambungkan ke server: the address of a server database (host, port, database, user) and its password.

The password goes to the OS keyring (Windows Credential Manager, …) when the user asks and the computer has one;
never into a file. On a computer without a keyring the dialog says so and the password is asked at every start.
"Jadikan bawaan" writes the address (no password) to this user's ``server.ini``, as IT's file would
(``db/server.py``). The dialog connects before it closes: a wrong password or an unreachable server is said in it,
with everything typed still there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database, open_database
from ...db.errors import KinerjaDbError
from ...services.server import DEFAULT_PORT, Credentials, PasswordStore, ServerAddress, config_paths, write_config


class ServerDialog(QDialog):
    """Ask for a server's address and password, connect, and keep what the user chose to keep."""

    def __init__(
        self,
        address: ServerAddress | None = None,
        parent: QWidget | None = None,
        *,
        store: PasswordStore | None = None,
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sambungkan ke server"))
        self.setObjectName("serverDialog")
        self.store = store if store is not None else PasswordStore()
        self.database: Database | None = None
        self.notes: list[str] = []  # said after connecting (a password that could not be kept)
        address = address or ServerAddress(host="")
        self.host = QLineEdit(address.host)
        self.host.setPlaceholderText(self.tr("mis. 192.168.10.5 atau server-bappeda"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(address.port or DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database_name = QLineEdit(address.database)
        self.user = QLineEdit(address.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Simpan kata sandi di penyimpanan kata sandi sistem (keyring)"))
        self.make_default = QCheckBox(self.tr("Jadikan server bawaan komputer ini (tanpa kata sandi)"))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.message = QLabel(problem)
        self.message.setObjectName("serverDialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setVisible(bool(problem))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        missing = self.store.problem()
        if missing:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.keyring_note.setText(
                self.tr("Kata sandi tidak dapat disimpan: {0}. Kata sandi akan ditanyakan setiap kali.").format(missing)
            )
        else:
            self.remember.setChecked(True)
            stored = address.host and self.store.get(address) is not None
            self.keyring_note.setText(
                self.tr("Kata sandi server ini sudah tersimpan; kosongkan kolom untuk memakainya.")
                if stored
                else self.tr("Kata sandi disimpan oleh sistem operasi, tidak di berkas.")
            )
        self.keyring_note.setVisible(bool(self.keyring_note.text()))

        form = QFormLayout()
        form.addRow(self.tr("&Alamat server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Basis data:"), self.database_name)
        form.addRow(self.tr("&Pengguna:"), self.user)
        form.addRow(self.tr("&Kata sandi:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Sambungkan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Server basis data PostgreSQL yang dipakai bersama oleh komputer-komputer kantor."))
        )
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.make_default)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.adjustSize()
        (self.password if address.host else self.host).setFocus()

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database_name.text().strip(),
            user=self.user.text().strip(),
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.adjustSize()  # the message wraps onto as many lines as it needs, the form keeps its height

    def accept(self) -> None:
        address = self.address()
        empty = [
            label
            for label, value in ((self.tr("alamat server"), address.host), (self.tr("basis data"), address.database),
                                 (self.tr("pengguna"), address.user))
            if not value
        ]
        if empty:
            self._say(self.tr("Isi {0}.").format(", ".join(empty)))
            return
        typed = self.password.text()
        password = typed or self.store.get(address)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            database = open_database(address.url(), credentials=Credentials(address.user, password or None))
        except KinerjaDbError as exc:
            self._say(str(exc))  # everything typed stays; the user corrects and tries again
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        notes = []
        if typed and self.remember.isChecked():
            problem = self.store.set(address, typed)
            if problem:
                notes.append(self.tr("Kata sandi tidak disimpan: {0}.").format(problem))
        if self.make_default.isChecked():
            try:
                write_config(config_paths()[0], address)
            except OSError as exc:
                notes.append(self.tr("Pengaturan bawaan tidak tersimpan: {0}.").format(exc.strerror or exc))
        self.database = database
        self.notes = notes
        super().accept()
