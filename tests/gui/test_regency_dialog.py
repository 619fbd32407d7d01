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


def test_the_planning_agency_and_the_document_wording_are_edited_in_the_profile(qtbot, db):
    import os
    from pathlib import Path

    from PySide6.QtCore import Qt

    from kinerja_desktop.db.models import Opd, Regency
    from kinerja_desktop.domain.enums import OpdKind
    from kinerja_desktop.reports.templates import OPENING

    with db.write() as s:
        s.add(Regency(name="Sukamaju", capital="Sukamaju"))
        agency = Opd(code="5.01.5.05.0.00.01.0000", abbreviation="Bapperida", kind=OpdKind.BADAN,
                     name="Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah")
        s.add(agency)
        s.flush()
        dinkes = agency.id

    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 705)
    dialog.show()
    ui = dialog.ui
    # The planning agency: name, short name, its OPD (whose head signs the reports), contacts
    ui.tabs.setCurrentWidget(ui.agencyTab)
    qtbot.keyClicks(ui.agencyNameEdit, "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah")
    qtbot.keyClicks(ui.agencyShortEdit, "Bapperida")
    ui.agencyOpdCombo.setCurrentIndex(ui.agencyOpdCombo.findData(dinkes))
    qtbot.keyClicks(ui.agencyEmailEdit, "bukan-email")
    # The wording: every sentence shows its standard text; one is reworded, one is reset
    ui.tabs.setCurrentWidget(ui.textsTab)
    assert ui.textCombo.currentData() == "pk.opening" and ui.textEdit.toPlainText() == OPENING
    ui.textCombo.setCurrentIndex(ui.textCombo.findData("pk.first_party_heading"))
    ui.textEdit.selectAll()
    qtbot.keyClicks(ui.textEdit, "PIHAK KESATU,")
    ui.textCombo.setCurrentIndex(ui.textCombo.findData("pk.opening"))
    qtbot.keyClicks(ui.textEdit, " <b>tambahan")  # markup left open: cannot print
    shots = Path(os.environ.get("KINERJA_SHOTS", "/work/shots/frozen"))
    if shots.is_dir():
        dialog.grab().save(str(shots / "profil-teks-dokumen.png"))
    dialog.accept()
    # THEN both problems are said where they are, and nothing is saved
    assert dialog.errors.text("agency_email") == "Alamat e-mail badan perencanaan tidak sah"
    assert "tanda <b>, <i> dan <u> harus ditutup" in ui.textError.text() and ui.textError.isVisible()
    assert ui.tabs.currentWidget() is ui.textsTab and ui.textCombo.currentData() == "pk.opening"
    assert regency.get_profile(db).agency_name == ""
    # WHEN corrected THEN saved
    qtbot.mouseClick(ui.textDefaultButton, Qt.MouseButton.LeftButton)
    assert ui.textEdit.toPlainText() == OPENING
    ui.agencyEmailEdit.setText("bapperida@sukamajukab.go.id")
    ui.tabs.setCurrentWidget(ui.agencyTab)
    if shots.is_dir():
        dialog.grab().save(str(shots / "profil-badan-perencanaan.png"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = regency.get_profile(db)
    assert (saved.agency_name, saved.agency_short, saved.agency_opd_id, saved.agency_email) == (
        "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida", dinkes, "bapperida@sukamajukab.go.id")
    assert saved.document_texts == {"pk.first_party_heading": "PIHAK KESATU,"}


def test_quarterly_monitoring_inside_the_opds_is_a_setting_of_the_profile(qtbot, db):  # noqa: ANN001
    from PySide6.QtCore import Qt

    from kinerja_desktop.services import cascade

    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("Sukamaju")
    dialog.ui.capitalEdit.setText("Sukamaju")
    assert not dialog.ui.lowerMonitoringCheck.isChecked()  # off by default
    dialog.show()
    check = dialog.ui.lowerMonitoringCheck
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)  # toggled as a person does
    assert check.isChecked()
    dialog.accept()
    assert cascade.lower_level_monitoring(db) is True
    again = RegencyDialog(db)
    qtbot.addWidget(again)
    assert again.ui.lowerMonitoringCheck.isChecked()


def test_the_number_of_piagam_recipients_is_set_in_the_profile(qtbot, db):
    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("Sukamaju")
    dialog.ui.capitalEdit.setText("Sukamaju")
    assert dialog.award_spin.value() == 5
    dialog.award_spin.setValue(3)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert regency.get_profile(db).award_count == 3


def test_a_piagam_count_outside_1_to_50_is_refused(db):
    import dataclasses

    import pytest

    from kinerja_desktop.services.errors import ValidationError

    profile = dataclasses.replace(regency.get_profile(db), name="Sukamaju", capital="Sukamaju", award_count=0)
    with pytest.raises(ValidationError, match="Jumlah penerima piagam harus antara 1 dan 50"):
        regency.save_profile(db, profile)
