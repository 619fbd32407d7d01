"""The regency profile dialog: edits saved, field messages, leaders added through their form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from kinerja_desktop.gui.dialogs.regency_dialog import LeaderDialog, RegencyDialog
from kinerja_desktop.services import regency


def test_profile_is_saved_and_bad_input_shows_on_the_field(qtbot, db):
    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("")
    dialog.accept()
    assert dialog.errors.text("name") == "Nama kabupaten/kota wajib diisi"
    assert regency.get_profile(db).name == ""
    dialog.ui.nameEdit.setText("Sukamaju")
    dialog.ui.capitalEdit.setText("Sukamaju")
    dialog.ui.capSpin.setValue(110)
    dialog.ui.bandsTable.item(0, 1).setText("Istimewa")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = regency.get_profile(db)
    assert (saved.name, saved.achievement_cap, saved.bands[0].label) == ("Sukamaju", 110, "Istimewa")


def test_band_that_is_not_a_number_is_refused(qtbot, db):
    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("Sukamaju")
    dialog.ui.capitalEdit.setText("Sukamaju")
    dialog.ui.bandsTable.item(1, 0).setText("tujuh puluh")
    dialog.accept()
    assert "bukan angka" in dialog.errors.text("_form")
    assert regency.get_profile(db).name == ""


def test_leader_is_added_through_its_form(qtbot, db):
    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)

    def fill() -> None:
        form = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LeaderDialog) and w.isVisible())
        form.ui.nameEdit.setText("H. Ahmad Fauzan, S.E., M.M.")
        form.ui.positionEdit.setText("Bupati Sukamaju")
        form.ui.startEdit.setDate(QDate(2025, 2, 20))
        form.accept()

    QTimer.singleShot(50, fill)
    dialog.edit_leader(None)
    leaders = regency.list_leaders(db)
    assert [(l.name, l.start_date) for l in leaders] == [("H. Ahmad Fauzan, S.E., M.M.", date(2025, 2, 20))]  # noqa: E741
    assert dialog.leaders.rowCount() == 1
