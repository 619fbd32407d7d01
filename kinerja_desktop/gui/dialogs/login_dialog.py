"""Masuk: the sign-in at the start (a database with more than the single desk's administrator) and at
"Ganti pengguna"; a wrong password is said under the fields, the dialog stays open."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...services import users
from ...services.errors import ValidationError


class LoginDialog(QDialog):
    """Name and password; on "Masuk" the user is signed in on ``db`` (``actor`` holds who)."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self._db = db
        self.actor: users.Actor | None = None
        self.setWindowTitle(self.tr("Masuk — Kinerja Desktop"))
        intro = QLabel(self.tr("Masuk dengan nama pengguna dan sandi Anda untuk membuka {0}.").format(db.display_name))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setObjectName("loginName")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("loginPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        name_label = QLabel(self.tr("&Nama pengguna:"))
        name_label.setBuddy(self.name_edit)
        password_label = QLabel(self.tr("&Sandi:"))
        password_label.setBuddy(self.password_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow(password_label, self.password_edit)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Masuk"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password_edit if name else self.name_edit).setFocus()
        self.resize(
            max(self.fontMetrics().horizontalAdvance("x" * 60), self.sizeHint().width()), self.sizeHint().height()
        )

    def accept(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self._say(self.tr("Isi nama pengguna."))
            self.name_edit.setFocus()
            return
        try:
            self.actor = users.sign_in(self._db, name, self.password_edit.text())
        except (ValidationError, KinerjaDbError) as exc:
            self._say(str(exc))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        super().accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
