"""The screens follow the role (issue 17): for every role a walk over every screen and menu finds no enabled control
that writes what the role may not (the controls found by the property ``gui/permissions.py`` sets, and every other
enabled button known to only read, print or export); clicks as an operator (another OPD's data read only) and as
Pimpinan (reads everything, writes nothing); Ganti pengguna re-evaluates; Jejak audit follows the database and
the user; the Profil dialog's "PK diverifikasi Bappeda sebelum final"; verification times in local time."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QWidget

from kinerja_desktop.db.database import Database
from kinerja_desktop.domain.enums import AgreementStatus
from kinerja_desktop.domain.formatting import format_datetime
from kinerja_desktop.gui import messages, permissions
from kinerja_desktop.gui.dialogs.login_dialog import LoginDialog
from kinerja_desktop.gui.dialogs.regency_dialog import RegencyDialog
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.screens.verification import VerificationScreen
from kinerja_desktop.services import agreements, users, verification
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.users import ANY_OPD

pytestmark = pytest.mark.sign_in
LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(os.environ.get("KINERJA_SHOTS", "/work/shots/rolesgui"))
PASSWORD = "contoh123"
ROLES = ("admin", "verifikator", "pimpinan", "evaluator", "dinkes")
DINKES = "1.02.0.00.0.00.01.0000"  # one of the operator "dinkes"'s OPDs
# Enabled buttons that bind no action: they read, move, print, export or save a file outside the database.
READING = {
    "Buka…", "Cetak semua PK…", "Ekspor ke Excel…", "Ekspor CSV…", "Pratinjau peringkat", "Simpan PDF peringkat…",
    "Cetak…", "Pratinjau laporan", "Simpan PDF laporan…", "Cetak laporan…", "Pratinjau daftar", "Simpan PDF…",
    "Cetak daftar…", "Perbesar (+)", "Perkecil (−)", "Seluruh pohon", "Cetak PDF…", "PK jabatan ini…",
    "Target individu (SKP) ke Excel…", "Pratinjau rapor", "Cetak piagam ke folder…", "Simpan LKjIP…",
    "Buat cadangan…", "Periksa integritas", "Pilih…", "Cetak ke folder", "Cetak ke printer…", "Ekspor rekap CSV…",
    "Buka PK kepala daerah…", "Coba lagi", "Ekspor Excel…",
    "Pratinjau", "Tutup", "Pratinjau Pakta", "Simpan PDF Pakta…", "Cetak Pakta…",  # the PK editor
}


def shoot(widget: QWidget, name: str) -> None:
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def _window(qtbot, db: Database, name: str) -> MainWindow:  # noqa: ANN001
    users.sign_in(db, name, PASSWORD)
    window = MainWindow(db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    window.year_combo.setCurrentIndex(window.year_combo.findData(2026))
    return window


def _enabled(control: QWidget | QAction) -> bool:
    return control.isEnabled() if isinstance(control, QAction) else control.isEnabled() and control.isVisibleTo(
        control.window())


def _text(button: QPushButton) -> str:
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def _binding(control: QWidget | QAction):  # noqa: ANN202
    return next(child for child in control.children() if isinstance(child, permissions._Binding))


def _select_first_rows(screen: QWidget) -> None:
    """Choose the first row of every list on the screen: the controls that depend on a choice come alive."""
    for view in screen.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisibleTo(screen) or model.rowCount() == 0 or view.selectionModel() is None:
            continue
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        view.selectionModel().select(model.index(0, 0), flags)
        view.setCurrentIndex(model.index(0, 0))


def _check_controls(window: MainWindow, who: users.Actor, where: str) -> tuple[int, int]:
    """No enabled bound control whose action the user may not take (here and now); every refused one says why;
    every other enabled button of the window known to read. Returns (enabled, refused) bound controls."""
    enabled = refused = 0
    for control in permissions.bound_controls(window):
        binding = _binding(control)
        opd = binding.opd() if binding.opd is not None else ANY_OPD
        writes_now = binding.when is None or binding.when()
        if _enabled(control):
            enabled += 1
            assert not writes_now or who.may(binding.action, opd), (where, control.property(permissions.ACTION),
                                                                      getattr(control, "text", lambda: "")())
        elif control.property(permissions.DENIED):
            refused += 1
            assert control.toolTip() and (not writes_now or not who.may(binding.action, opd)), where
    screen = window.current_screen()
    unknown = [_text(b) for b in screen.findChildren(QPushButton)
               if not b.property(permissions.ACTION) and _enabled(b) and _text(b) not in READING]
    assert not unknown, (where, unknown)
    return enabled, refused


@pytest.mark.parametrize("name", ROLES)
def test_every_role_walks_every_screen_and_menu_without_a_control_it_may_not_use(qtbot, demo_db, name) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_db, name)
    who = users.signed_in(demo_db)
    assert who is not None
    totals = [0, 0]
    for screen in window.screens:
        window.show_screen(screen)
        for step in ("shown", "a row chosen"):
            if step == "a row chosen":
                _select_first_rows(screen)
            enabled, refused = _check_controls(window, who, f"{screen.title()} ({step})")
            totals[0] += enabled
            totals[1] += refused
        if name in ("pimpinan", "dinkes"):
            shoot(window, f"{name}-{type(screen).__name__}.png")
    # the PK editor of an OPD (for the operator: another's), opened from the list as anyone may
    window.year_combo.setCurrentIndex(window.year_combo.findData(2026))
    window.show_screen(window.agreements)
    row = next(r for r in window.agreements.model.all_rows()
               if r.agreement_id and r.status is AgreementStatus.DRAFT and r.opd_id not in who.opd_ids)
    editor = window.agreements.open_agreement(row.agreement_id)
    assert editor is not None
    _check_controls(window, who, "PK editor")
    assert editor.editable is (name == "admin")
    editor.done(0)
    menu = {action.text(): action.isEnabled() for action in window.menuBar().actions()[0].menu().actions()}
    assert menu["&Profil pemerintah daerah…"] is (name == "admin")
    assert menu["Pe&ngguna…"] is (name == "admin")
    assert menu["Je&jak audit…"] is (name in ("admin", "verifikator", "pimpinan"))
    imports = [a for a in window.import_menu.actions() if a.isEnabled()]
    assert (len(imports) == 7) if name == "admin" else (len(imports) == 4) if name == "dinkes" else not imports
    if name == "admin":
        assert totals[1] == 0  # the administrator is refused nothing
    else:
        assert totals[1] > 0
    window.show_screen(window.home)
    shoot(window, f"window-{name}.png")
    window.close()


def test_an_operator_changes_its_own_opd_and_reads_the_others(qtbot, demo_db, monkeypatch) -> None:  # noqa: ANN001
    said: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: said.append(text))
    window = _window(qtbot, demo_db, "dinkes")
    own = users.signed_in(demo_db).opd_ids  # type: ignore[union-attr]
    # Renstra: the picker starts at its own OPD, where it writes
    renstra = window.renstra
    window.show_screen(renstra)
    assert renstra.current_opd_id() in own
    assert renstra.add_goal_button.isEnabled()
    # another OPD: readable, every writing button off and saying why; a click opens nothing
    other = next(renstra.opd_combo.itemData(i) for i in range(renstra.opd_combo.count())
                 if renstra.opd_combo.itemData(i) not in own)
    renstra.select_opd(other)
    assert renstra.model.rowCount() > 0  # its tree is shown
    assert not renstra.add_goal_button.isEnabled()
    assert "bukan tanggungan Anda" in renstra.add_goal_button.toolTip()
    qtbot.mouseClick(renstra.add_goal_button, LEFT)
    renstra.select_node(renstra.model.item(renstra.model.index(0, 0)).id)
    assert not renstra.edit_button.isEnabled()
    qtbot.mouseDClick(renstra.tree.viewport(), LEFT, pos=renstra.tree.visualRect(renstra.model.index(0, 0)).center())
    assert renstra.dialog is None
    shoot(window, "operator-renstra-other-opd.png")
    # back to its own: writing again
    renstra.select_opd(sorted(own)[0])
    assert renstra.add_goal_button.isEnabled() and renstra.add_goal_button.toolTip() == ""
    # Perangkat Daerah: the master data is Bappeda's
    window.show_screen(window.opd)
    assert not window.opd.add_button.isEnabled() and "Operator OPD" in window.opd.add_button.toolTip()
    # Evaluasi Triwulan: the wizard offers its own OPDs only; closing the quarter is Bappeda's
    evaluation = window.evaluation
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))  # the year with signed PKs to report on
    window.show_screen(evaluation)
    assert evaluation.fill_button.isEnabled() and not evaluation.close_button.isEnabled()
    qtbot.mouseClick(evaluation.fill_button, LEFT)
    combo = evaluation.wizard.choose_page.ui.opdCombo
    assert {combo.itemData(i) for i in range(combo.count())} <= own and combo.count() == len(own)
    evaluation.wizard.done(0)
    # Perjanjian Kinerja: another OPD's PK opens read only, with no way to change it
    window.year_combo.setCurrentIndex(window.year_combo.findData(2026))
    screen = window.agreements
    window.show_screen(screen)
    row = next(r for r in screen.model.all_rows() if r.agreement_id and r.opd_id not in own)
    editor = screen.open_agreement(row.agreement_id)
    assert editor is not None and not editor.editable
    assert not editor.save_button.isVisible()
    for button in (editor.finalize_button, editor.sign_button, editor.reopen_button, editor.discard_button):
        assert not button.isEnabled()
    assert not editor.verification_bar.submit_button.isEnabled()
    shoot(editor, "operator-pk-other-opd.png")
    editor.done(0)
    mine = next(r for r in screen.model.all_rows() if r.agreement_id and r.opd_id in own)
    editor = screen.open_agreement(mine.agreement_id)
    assert editor is not None
    assert editor.editable == (mine.status is AgreementStatus.DRAFT)
    editor.done(0)
    assert not said
    window.close()


def test_pimpinan_reads_everything_and_writes_nothing(qtbot, demo_db) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_db, "pimpinan")
    assert not window.profile_action.isEnabled() and window.audit_action.isEnabled()
    window.profile_action.trigger()  # a disabled action does nothing
    assert QApplication.activeModalWidget() is None
    window.show_screen(window.opd)
    assert window.opd.model.rowCount() > 0
    window.opd.table.selectRow(0)
    assert not window.opd.edit_button.isEnabled() and "Pimpinan" in window.opd.edit_button.toolTip()
    qtbot.mouseDClick(window.opd.table.viewport(), LEFT,
                      pos=window.opd.table.visualRect(window.opd.proxy.index(0, 1)).center())
    assert window.opd.dialog is None
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    window.show_screen(window.evaluation)
    assert window.evaluation.model.rowCount() > 0 and not window.evaluation.fill_button.isEnabled()
    window.evaluation.table.selectRow(0)
    qtbot.mouseDClick(window.evaluation.table.viewport(), LEFT,
                      pos=window.evaluation.table.visualRect(window.evaluation.model.index(0, 1)).center())
    assert window.evaluation.wizard is None
    assert window.evaluation.report_preview_button.isEnabled()  # reading and printing stay
    window.year_combo.setCurrentIndex(window.year_combo.findData(2026))
    screen = window.agreements
    window.show_screen(screen)
    assert not screen.create_button.isEnabled()
    row = next(r for r in screen.model.all_rows() if r.agreement_id)
    editor = screen.open_agreement(row.agreement_id)
    assert editor is not None and not editor.editable and editor.preview_button.isEnabled()
    assert all(not b.isEnabled() for b in (editor.finalize_button, editor.sign_button, editor.amend_button))
    editor.done(0)
    window.show_screen(window.backup)
    assert not window.backup.backups.restore_button.isEnabled()
    window.show_screen(window.verification)
    assert not window.verification.verify_button.isEnabled() and not window.verification.return_button.isEnabled()
    window.show_screen(window.akip)
    assert not window.akip.save_button.isEnabled()
    assert window.akip.evaluator_edit.isReadOnly() and "Pimpinan" in window.akip.evaluator_edit.toolTip()
    window.close()


def _answer_login(name: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.name_edit.setText(name)
        dialog.password_edit.setText(PASSWORD)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_ganti_pengguna_re_evaluates_the_screens_and_the_audit_window_follows(qtbot, demo_db, db) -> None:  # noqa: ANN001
    window = _window(qtbot, demo_db, "admin")
    window.show_screen(window.opd)
    assert window.opd.add_button.isEnabled()
    window.audit_action.trigger()
    audit = window.audit_window
    assert audit.isVisible() and audit.db is demo_db and audit.model.total > 0
    # Verifikator: the master data closes, the trail stays open (a verifier reads it)
    _answer_login("verifikator")
    window.switch_user_action.trigger()
    assert not window.opd.add_button.isEnabled() and "Verifikator" in window.opd.add_button.toolTip()
    assert audit.isVisible()
    window.show_screen(window.verification)
    assert window.verification.verify_button.property(permissions.DENIED) is False
    # an operator may not read the trail: the window closes
    _answer_login("dinkes")
    window.switch_user_action.trigger()
    assert not audit.isVisible()
    # back to the admin: everything opens again
    _answer_login("admin")
    window.switch_user_action.trigger()
    window.show_screen(window.opd)
    assert window.opd.add_button.isEnabled() and window.opd.add_button.toolTip() == ""
    # another database: the open trail reads the new one (its users, its entries)
    window.audit_action.trigger()
    audit = window.audit_window
    before = audit.model.total
    window.set_database(db)
    assert audit.isVisible() and audit.db is db
    assert audit.model.total != before
    users_listed = {audit.user_combo.itemData(i) for i in range(audit.user_combo.count())}
    assert "admin" not in users_listed  # the demo's users made the demo's entries, not this database's
    window.close()


def test_the_profile_sets_whether_a_pk_is_verified_before_final(qtbot, demo_db) -> None:  # noqa: ANN001
    users.sign_in(demo_db, "admin", PASSWORD)
    assert not verification.verification_required(demo_db)
    dialog = RegencyDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    check = dialog.ui.verificationRequiredCheck
    assert check.text() == "PK &diverifikasi Bappeda sebelum final" and not check.isChecked()
    dialog.ui.tabs.setCurrentIndex(dialog.ui.tabs.indexOf(dialog.ui.tabs.findChild(QWidget, "settingsTab")))
    check.setChecked(True)
    shoot(dialog, "profil-verifikasi.png")
    dialog.accept()
    assert not dialog.isVisible()
    assert verification.verification_required(demo_db)
    # a PK draft may not be finalised before it is verified now
    row = next(r for r in agreements.list_agreements(demo_db, 2026)
               if r.agreement_id and r.status is AgreementStatus.DRAFT)
    with pytest.raises(ValidationError, match="diverifikasi Bappeda sebelum difinalkan"):
        agreements.finalize(demo_db, row.agreement_id)
    again = RegencyDialog(demo_db)
    qtbot.addWidget(again)
    assert again.ui.verificationRequiredCheck.isChecked()
    again.ui.verificationRequiredCheck.setChecked(False)
    again.accept()
    assert not verification.verification_required(demo_db)


@pytest.fixture
def jakarta(monkeypatch):  # noqa: ANN001, ANN201
    """The desk's clock in Western Indonesian Time (UTC+7)."""
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_verification_times_are_shown_in_local_time(qtbot, demo_db, jakarta) -> None:  # noqa: ANN001
    users.sign_in(demo_db, "admin", PASSWORD)
    row = next(r for r in agreements.list_agreements(demo_db, 2026) if r.opd_abbreviation == "Dinkes")
    agreements.submit(demo_db, row.agreement_id)
    item = next(i for i in verification.waiting(demo_db) if i.agreement_id == row.agreement_id)
    local = format_datetime(item.submitted_at + timedelta(hours=7))
    assert local != format_datetime(item.submitted_at)
    screen = VerificationScreen()
    qtbot.addWidget(screen)
    screen.set_context(demo_db, 2026)
    screen.mine_check.setChecked(False)
    screen.refresh()
    found = [screen.model.index(r, 4).data() for r in range(screen.model.rowCount())
             if screen.model.row_at(r).agreement_id == row.agreement_id]
    assert found == [local]
    # the bar in the PK editor says the same time
    window = _window(qtbot, demo_db, "admin")
    window.show_screen(window.agreements)
    editor = window.agreements.open_agreement(row.agreement_id)
    assert editor is not None and local in editor.verification_bar.label.text()
    shoot(editor, "pk-diajukan-waktu-lokal.png")
    editor.done(0)
    window.close()
