"""The set-up wizard driven with clicks and keys, from an empty database to a main window showing the regency."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kinerja_desktop.cli import main as cli_main
from kinerja_desktop.domain.enums import ActingKind, LeaderRole, OpdKind, RegionKind
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.dialogs import setup_pages
from kinerja_desktop.gui.dialogs.setup_wizard import SetupWizard
from kinerja_desktop.gui.setup_flow import Step
from kinerja_desktop.paths import resource
from kinerja_desktop.services import opd, overview, regency, setup


def click(qtbot, button) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def next_page(qtbot, wizard: SetupWizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def type_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Select the cell, type (the first key opens the editor), press Return."""
    table.setCurrentCell(row, column)
    table.setFocus()
    qtbot.keyClicks(table, text[0])
    editor = table.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)


@pytest.fixture
def errors_shown(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, _title, text: shown.append(text))
    return shown


def test_the_wizard_sets_up_a_city_from_an_empty_database(qtbot, main_window, db, monkeypatch, errors_shown):
    # GIVEN an empty database: the main window leads to the set-up instead of showing empty screens
    window = main_window
    assert window.needs_setup and window.stack.currentWidget() is window.welcome
    enabled = [bool(window.nav.item(r).flags() & Qt.ItemFlag.ItemIsEnabled) for r in range(window.nav.count())]
    assert enabled == [True, *[False] * 10, True]  # Beranda, Cadangan & Paket (Menunggu Verifikasi is one more)
    assert not window.profile_action.isEnabled()  # the government is recorded by the wizard
    click(qtbot, window.welcome.setup_button)
    wizard = window.setup_wizard
    assert isinstance(wizard, SetupWizard) and wizard.isVisible()

    # the government: Lanjut on an empty page names the missing fields and stays
    region = wizard.region_page
    next_page(qtbot, wizard)
    assert wizard.currentId() == Step.REGION
    assert region.ui.nameError.text() == "Nama kabupaten/kota wajib diisi"
    assert region.ui.capitalError.text() == "Tempat penandatanganan (ibu kota) wajib diisi"
    click(qtbot, region.ui.kotaRadio)
    type_into(qtbot, region.ui.nameEdit, "Wanasari")
    assert region.ui.capitalEdit.text() == "Wanasari"  # the capital follows the name until typed
    type_into(qtbot, region.ui.provinceEdit, "Jawa Tengah")
    type_into(qtbot, region.ui.addressEdit, "Jalan Merdeka Nomor 1")
    type_into(qtbot, region.ui.emailEdit, "setda@wanasarikota.go.id")
    logo = resource("logos", "sukamaju.png")
    monkeypatch.setattr(setup_pages, "choose_logo_file", lambda _parent: str(logo))
    click(qtbot, region.ui.chooseLogoButton)
    assert region.ui.logoPreview.pixmap() is not None and not region.ui.logoPreview.pixmap().isNull()
    next_page(qtbot, wizard)

    # the leaders: the labels say Wali Kota; a Wali Kota with a NIP and a bad date are refused
    leaders = wizard.leaders_page
    assert wizard.currentId() == Step.LEADERS
    assert leaders.ui.headLabel.text().replace("&", "") == "Wali Kota:"
    assert not leaders.ui.headNipEdit.isEnabled()  # an elected head has no NIP
    type_into(qtbot, leaders.ui.headNameEdit, "H. Ahmad Fauzan, S.E., M.M.")
    type_into(qtbot, leaders.ui.headStartEdit, "31/02/2025")
    next_page(qtbot, wizard)
    assert wizard.currentId() == Step.LEADERS
    assert "bukan tanggal yang ada di kalender" in leaders.ui.headError.text()
    type_into(qtbot, leaders.ui.headStartEdit, "20/02/2025")
    type_into(qtbot, leaders.ui.deputyNameEdit, "Dra. Sri Wahyuni")
    type_into(qtbot, leaders.ui.deputyStartEdit, "20 Februari 2025")
    type_into(qtbot, leaders.ui.secretaryNameEdit, "Drs. Bambang Sutrisno, M.Si.")
    leaders.ui.secretaryActingCombo.setCurrentIndex(leaders.ui.secretaryActingCombo.findData(ActingKind.PJ))
    type_into(qtbot, leaders.ui.secretaryNipEdit, "196811041994031007")
    leaders.ui.secretaryRankCombo.setCurrentText("Pembina Utama Muda (IV/c)")
    type_into(qtbot, leaders.ui.secretaryStartEdit, "2 Jun 2025")
    next_page(qtbot, wizard)

    # the agency: Bapperida chosen from the list fills its short name
    agency = wizard.agency_page
    assert wizard.currentId() == Step.AGENCY
    combo = agency.ui.agencyNameCombo
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert agency.ui.agencyShortEdit.text() == "Bapperida"
    type_into(qtbot, agency.ui.agencyAddressEdit, "Jalan Pemuda Nomor 3")
    next_page(qtbot, wizard)

    # the period: RPJMD 2025–2029 as suggested for this year; a transition period is a choice
    period = wizard.period_page
    assert wizard.currentId() == Step.PERIOD
    assert not period.ui.endSpin.isEnabled()  # five years from the first
    period.ui.startSpin.setValue(2025)
    assert period.ui.yearsValue.text() == "2025, 2026, 2027, 2028, 2029"
    next_page(qtbot, wizard)

    # the OPDs: typed into the table; the kind follows the name
    opds = wizard.opds_page
    assert wizard.currentId() == Step.OPDS
    table = opds.table
    type_cell(qtbot, table, 0, opds.CODE, "5.01.0.00.0.00.01.0000")
    type_cell(qtbot, table, 0, opds.ABBREVIATION, "Bapperida")
    type_cell(qtbot, table, 0, opds.NAME, "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah")
    assert opds.kind_combo(0).currentData() == OpdKind.BADAN
    click(qtbot, opds.add_button)
    type_cell(qtbot, table, 1, opds.CODE, "1.02.0.00.0.00.01.0000")
    type_cell(qtbot, table, 1, opds.ABBREVIATION, "bapperida")
    type_cell(qtbot, table, 1, opds.NAME, "Dinas Kesehatan")
    assert opds.kind_combo(1).currentData() == OpdKind.DINAS
    next_page(qtbot, wizard)
    assert wizard.currentId() == Step.OPDS
    assert opds.errorLabel.text() == "Baris 2: singkatan bapperida sudah dipakai baris 1"
    type_cell(qtbot, table, 1, opds.ABBREVIATION, "Dinkes")
    next_page(qtbot, wizard)

    # the summary, then Selesai writes it all
    summary = wizard.summary_page
    assert wizard.currentId() == Step.SUMMARY
    lines = dict(summary.summary_texts())
    assert lines["Pemerintah daerah:"] == "Kota Wanasari, Provinsi Jawa Tengah"
    assert lines["Wali Kota:"] == "H. Ahmad Fauzan, S.E., M.M. (sejak 20 Februari 2025)"
    assert lines["Pj. Sekretaris Daerah:"] == "Drs. Bambang Sutrisno, M.Si. (sejak 2 Juni 2025)"
    assert lines["Perangkat daerah:"] == "2: Bapperida, Dinkes"
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: window.setup_wizard is None)
    assert errors_shown == []

    # THEN the main window shows the new regency, its years and every screen
    assert not window.needs_setup and window.stack.currentWidget() is window.home
    assert window.home.regency_label.text().startswith("Kota Wanasari")
    assert [window.year_combo.itemData(i) for i in range(window.year_combo.count())] == [2025, 2026, 2027, 2028, 2029]
    assert all(window.nav.item(r).flags() & Qt.ItemFlag.ItemIsEnabled for r in range(window.nav.count()))
    assert window.profile_action.isEnabled()
    profile = regency.get_profile(db)
    assert (profile.kind, profile.name, profile.capital, profile.agency_short) == (
        RegionKind.KOTA, "Wanasari", "Wanasari", "Bapperida"
    )
    assert profile.logo_png == logo.read_bytes()
    bapperida = next(o for o in opd.list_opds(db) if o.abbreviation == "Bapperida")
    assert profile.agency_opd_id == bapperida.id
    roles = {leader.role: leader for leader in regency.list_leaders(db)}
    assert roles[LeaderRole.HEAD].start_date == date(2025, 2, 20) and roles[LeaderRole.HEAD].nip is None
    secretary = roles[LeaderRole.SECRETARY]
    assert (secretary.acting, secretary.rank, secretary.grade) == (ActingKind.PJ, "Pembina Utama Muda", "IV/c")
    window.show_screen(window.rpjmd)
    assert window.rpjmd.period_combo.currentText() == "RPJMD 2025–2029"


def test_under_a_pj_head_the_wakil_row_is_off(qtbot, db):
    wizard = SetupWizard(db, today=date(2026, 1, 5))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.region_page.ui.nameEdit.setText("Wanasari")
    wizard.region_page.ui.capitalEdit.setText("Ungaran")
    next_page(qtbot, wizard)
    ui = wizard.leaders_page.ui
    ui.headActingCombo.setCurrentIndex(ui.headActingCombo.findData(ActingKind.PJ))
    assert not ui.deputyNameEdit.isEnabled() and ui.headNipEdit.isEnabled()
    type_into(qtbot, ui.headNameEdit, "Dr. Drs. Sulistyo, M.Si.")
    type_into(qtbot, ui.headNipEdit, "196811041994031007")
    type_into(qtbot, ui.headStartEdit, "23/09/2024")
    next_page(qtbot, wizard)
    assert wizard.currentId() == Step.AGENCY
    assert [leader.role for leader in wizard.flow.data().leaders if not leader.is_empty] == [LeaderRole.HEAD]


def test_a_refused_finish_names_the_problem_and_writes_nothing(qtbot, db, tmp_path: Path, errors_shown):
    # GIVEN the wizard open on a database that gets set up by someone else meanwhile
    wizard = SetupWizard(db, today=date(2026, 1, 5))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.region_page.ui.nameEdit.setText("Wanasari")
    wizard.region_page.ui.capitalEdit.setText("Wanasari")
    next_page(qtbot, wizard)
    type_into(qtbot, wizard.leaders_page.ui.headNameEdit, "H. Ahmad Fauzan")
    type_into(qtbot, wizard.leaders_page.ui.headStartEdit, "20/02/2025")
    for _ in range(4):
        next_page(qtbot, wizard)
    assert wizard.currentId() == Step.SUMMARY
    assert cli_main(["setup", "--db", db.location, "--kind", "kota", "--name", "Lain", "--period", "2025-2029"]) == 0
    # WHEN Selesai is clicked THEN it is refused with the reason, and the other set-up stays as it was
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.isVisible() and wizard.currentId() == Step.SUMMARY
    assert wizard.summary_page.errorLabel.text().startswith("Basis data ini sudah disiapkan untuk Kota Lain")
    assert errors_shown and "Tidak ada data yang tersimpan." in errors_shown[0]
    assert regency.get_profile(db).name == "Lain" and regency.list_leaders(db) == []
    assert setup.is_set_up(db) and overview.fiscal_years(db) == [2025, 2026, 2027, 2028, 2029]


def test_a_new_database_opens_straight_into_the_set_up(qtbot, main_window, tmp_path: Path, monkeypatch):
    from kinerja_desktop.gui import opening

    # Berkas → Basis data baru…: the new file is opened and its set-up starts at once
    target = tmp_path / "baru.sqlite"
    monkeypatch.setattr(opening, "ask_new_file", lambda _parent, _start: str(target))
    main_window.create_database()
    assert main_window.db.path == target
    assert isinstance(main_window.setup_wizard, SetupWizard) and main_window.setup_wizard.isVisible()
    main_window.setup_wizard.reject()  # cancelled: the lead-in stays, the wizard can be started again
    qtbot.waitUntil(lambda: main_window.setup_wizard is None)
    assert main_window.stack.currentWidget() is main_window.welcome


def test_the_first_start_on_an_empty_file_offers_the_set_up_and_a_set_up_one_does_not(qtbot, db, tmp_path: Path):
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.gui.jobs import SyncRunner
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(None, loading_name="kinerja.sqlite", runner=SyncRunner())
    qtbot.addWidget(window)
    window.attach(db, offer_setup=True)  # as app.launch does once the database is open
    qtbot.waitUntil(lambda: window.setup_wizard is not None)
    window.setup_wizard.reject()
    qtbot.waitUntil(lambda: window.setup_wizard is None)
    path = tmp_path / "siap.sqlite"
    assert cli_main(["setup", "--db", str(path), "--kind", "kota", "--name", "Wanasari", "--period", "2025-2029"]) == 0
    other = open_database(path)
    window.attach(other, offer_setup=True)
    qtbot.wait(50)
    assert window.setup_wizard is None and not window.needs_setup
    assert window.stack.currentWidget() is window.home
    window.close()


def test_opds_pasted_from_a_sheet_add_their_rows(qtbot, main_window, monkeypatch, errors_shown):
    # Issue 14 §11: code, short name and name copied from Excel fill the table, one row each, kinds guessed
    from PySide6.QtGui import QGuiApplication

    click(qtbot, main_window.welcome.setup_button)
    opds = main_window.setup_wizard.opds_page
    table = opds.table
    opds.add_row()  # the first empty row, as the page opens with (the page itself is not shown here)
    table.setFocus()
    table.setCurrentCell(0, opds.CODE)
    QGuiApplication.clipboard().setText(
        "1.02.0.00.0.00.01.0000\tDinkes\tDinas Kesehatan\r\n"
        "7.01.0.00.0.00.01.0000\tKec. Wanasari\tKecamatan Wanasari\r\n"
    )
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert table.rowCount() == 2
    assert [table.item(r, opds.ABBREVIATION).text() for r in range(2)] == ["Dinkes", "Kec. Wanasari"]
    assert [opds.kind_combo(r).currentData() for r in range(2)] == [OpdKind.DINAS, OpdKind.KECAMATAN]
