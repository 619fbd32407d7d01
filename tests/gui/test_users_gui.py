"""The login at start, the user in the status bar, Ganti pengguna, and the Pengguna dialog (admins only)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kinerja_desktop.db.database import Database
from kinerja_desktop.gui.dialogs.login_dialog import LoginDialog
from kinerja_desktop.gui.dialogs.users_dialog import AddUserDialog, UsersDialog
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services import users

pytestmark = pytest.mark.sign_in
SHOTS = Path(os.environ.get("KINERJA_SHOTS", "/work/shots/users"))


def shoot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def test_a_wrong_password_is_said_and_the_right_one_signs_in(qtbot, demo_db: Database) -> None:  # noqa: ANN001
    dialog = LoginDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "dinkes")
    qtbot.keyClicks(dialog.password_edit, "salah-sandi")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.text() == "Nama pengguna atau sandi salah."
    assert dialog.password_edit.text() == "" and users.signed_in(demo_db) is None
    shoot(dialog, "login-wrong.png")
    qtbot.keyClicks(dialog.password_edit, "contoh123")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible() and dialog.actor is not None
    assert users.signed_in(demo_db) == dialog.actor and dialog.actor.role is users.Role.OPERATOR


def _answer_login(qtbot, name: str, password: str) -> None:  # noqa: ANN001
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.resize(1366 // 2, dialog.height())
        dialog.name_edit.setText(name)
        dialog.password_edit.setText(password)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_the_window_asks_who_works_shows_the_user_and_hides_what_the_role_may_not(qtbot, demo_db: Database) -> None:  # noqa: ANN001
    _answer_login(qtbot, "dinkes", "contoh123")
    window = MainWindow(demo_db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    assert window.user_label.text() == "Pengguna: Operator Dinas Kesehatan (Operator OPD)"
    assert window.nav.isEnabled()
    assert not window.users_action.isEnabled() and not window.profile_action.isEnabled()
    imports = {action.text(): action.isEnabled() for action in window.import_menu.actions()}
    assert imports["R&enstra…"] and not imports["&RPJMD…"] and not imports["Perangkat &daerah…"]
    shoot(window, "window-operator.png")
    # Ganti pengguna → admin: Pengguna… and the profile open up
    _answer_login(qtbot, "admin", "contoh123")
    window.switch_user_action.trigger()
    assert window.user_label.text() == "Pengguna: Admin Bappeda (Admin)"
    assert window.users_action.isEnabled() and window.profile_action.isEnabled()
    window.close()
    window.runner.wait()


def test_cancelling_the_login_leaves_the_screens_closed(qtbot, demo_db: Database) -> None:  # noqa: ANN001
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, cancel)
            return
        dialog.reject()

    QTimer.singleShot(0, cancel)
    window = MainWindow(demo_db, runner=SyncRunner())
    qtbot.addWidget(window)
    assert window.user_label.text() == "Belum masuk" and not window.nav.isEnabled()
    assert not window.users_action.isEnabled() and window.switch_user_action.isEnabled()
    window.close()
    window.runner.wait()


def test_the_admin_adds_a_user_in_the_pengguna_dialog_and_resets_a_lock(qtbot, demo_db: Database, monkeypatch) -> None:  # noqa: ANN001
    users.sign_in(demo_db, "admin", "contoh123")
    dialog = UsersDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.resize(1366 * 2 // 3, 705 * 2 // 3)
    dialog.show()
    assert dialog.table.rowCount() == 7 and dialog.add_button.isEnabled()
    shoot(dialog, "users-dialog.png")
    form = AddUserDialog(demo_db, dialog)
    qtbot.addWidget(form)
    form.show()
    form.name_edit.setText("dishub")
    form.full_name_edit.setText("Operator Dishub")
    form.role_combo.setCurrentIndex(form.role_combo.findData("operator"))
    assert form.opd_list.isEnabled()
    form.fields.first.setText("Sandi-Dishub-1")
    form.fields.second.setText("Sandi-Dishub-2")
    form.accept()
    assert form.isVisible() and form.message.text() == "Kedua sandi tidak sama."
    form.fields.second.setText("Sandi-Dishub-1")
    form.accept()
    assert form.isVisible() and "sedikitnya satu perangkat daerah" in form.message.text()
    for row in range(form.opd_list.count()):
        item = form.opd_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == "2.15.0.00.0.00.01.0000":
            item.setCheckState(Qt.CheckState.Checked)
    shoot(form, "add-user.png")
    form.accept()
    assert not form.isVisible()
    dialog.refresh()
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert "dishub" in names
    assert users.authenticate(demo_db, "dishub", "Sandi-Dishub-1").opd_ids
    # a non-admin sees the list but cannot change it
    users.sign_in(demo_db, "verifikator", "contoh123")
    dialog.refresh()
    assert not dialog.add_button.isEnabled() and not dialog.reset_button.isEnabled()
