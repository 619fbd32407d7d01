"""Periode & RPJMD driven as a user would: periods created, edited and removed; misi → tujuan → sasaran →
indikator with yearly targets typed through the forms; what nothing refers to deleted, the rest retired."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kinerja_desktop.domain.enums import Cumulation, GoalKind, OpdKind, RegionKind
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.dialogs.indicator_form_dialog import IndicatorFormDialog
from kinerja_desktop.gui.dialogs.period_form_dialog import PeriodFormDialog
from kinerja_desktop.gui.dialogs.rpjmd_goal_dialog import RpjmdGoalDialog
from kinerja_desktop.gui.models.renstra_targets_model import RenstraTargetsModel
from kinerja_desktop.gui.models.rpjmd_tree_model import RpjmdTreeModel
from kinerja_desktop.services import overview, renstra, setup
from kinerja_desktop.services.opd import OpdForm
from kinerja_desktop.services.periods import PeriodData
from kinerja_desktop.services.regency import RegencyProfile
from kinerja_desktop.services.renstra import GoalData
from kinerja_desktop.services.setup import LeaderInput, SetupData

T = RenstraTargetsModel


@pytest.fixture
def screen(main_window, db):
    setup.set_up(
        db,
        SetupData(
            profile=RegencyProfile(kind=RegionKind.KOTA, name="Wanasari", capital="Wanasari",
                                   agency_name="Badan Perencanaan Pembangunan Daerah", agency_short="Bappeda"),
            period=PeriodData(2025, 2029),
            leaders=[LeaderInput(setup.LeaderRole.HEAD, "H. Ahmad Fauzan", start_date=date(2025, 2, 20))],
            opds=[OpdForm(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan",
                          kind=OpdKind.DINAS)],
        ),
    )
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    main_window.show_screen(main_window.rpjmd)
    return main_window.rpjmd


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def type_cell(qtbot, dialog: IndicatorFormDialog, year: int, column: int, text: str) -> None:
    view = dialog.ui.targetsView
    index = dialog.model.index(dialog.model.row_of_year(year), column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)


def add_goal(qtbot, screen, button, code: str, statement: str) -> RpjmdGoalDialog:
    click(qtbot, button)
    dialog = screen.dialog
    assert isinstance(dialog, RpjmdGoalDialog)
    type_into(qtbot, dialog.ui.codeEdit, code)
    type_into(qtbot, dialog.ui.statementEdit, statement)
    save(qtbot, dialog)
    return dialog


def test_the_rpjmd_is_built_through_the_forms_with_a_target_for_each_year(qtbot, screen, db):
    assert screen.period_combo.currentText() == "RPJMD 2025–2029"
    assert screen.model.headers()[RpjmdTreeModel.FIRST_YEAR:-1] == ["2025", "2026", "2027", "2028", "2029"]
    assert not screen.add_target_button.isEnabled()  # no tujuan yet
    # a misi with no statement is refused under its field
    dialog = add_goal(qtbot, screen, screen.add_mission_button, "M1", "")
    assert dialog.isVisible() and dialog.error_text("statement") == "Uraian misi wajib diisi"
    type_into(qtbot, dialog.ui.statementEdit, "Mewujudkan SDM yang unggul")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    # the tujuan goes under the selected misi, the sasaran under the selected tujuan
    dialog = add_goal(qtbot, screen, screen.add_goal_button, "T1", "Meningkatnya kualitas SDM")
    assert not dialog.isVisible() and dialog.form_data().parent_id == screen.model.roots()[0].id
    dialog = add_goal(qtbot, screen, screen.add_target_button, "S1.1", "Meningkatnya derajat kesehatan")
    assert not dialog.isVisible()
    # the indicator with its yearly targets, typed the Indonesian way
    click(qtbot, screen.add_indicator_button)
    dialog = screen.dialog
    assert isinstance(dialog, IndicatorFormDialog) and dialog.model.years() == [2025, 2026, 2027, 2028, 2029]
    type_into(qtbot, dialog.ui.codeEdit, "IKU 1")
    type_into(qtbot, dialog.ui.nameEdit, "Angka Harapan Hidup")
    dialog.ui.unitCombo.setCurrentText("tahun")
    dialog.ui.baselineEdit.setText("74,62")
    dialog.ui.cumulationCombo.setCurrentIndex(dialog.ui.cumulationCombo.findData(Cumulation.RELEASED))  # by BPS
    for year, text in ((2025, "74,75"), (2026, "74,9"), (2029, "75,3")):
        type_cell(qtbot, dialog, year, T.TARGET, text)
        type_cell(qtbot, dialog, year, T.Q4, text)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert screen.visible_texts() == [
        "Misi M1: Mewujudkan SDM yang unggul",
        "Tujuan T1: Meningkatnya kualitas SDM",
        "Sasaran S1.1: Meningkatnya derajat kesehatan",
        "IKU 1 Angka Harapan Hidup",
    ]
    targets = [screen.visible_texts(RpjmdTreeModel.FIRST_YEAR + n)[3] for n in range(5)]
    assert targets == ["74,75", "74,9", "", "", "75,3"]
    assert screen.visible_texts(RpjmdTreeModel.BASELINE)[3] == "74,62"
    assert screen.visible_texts(screen.model.note_column)[2] == "Belum didukung sasaran OPD"
    assert screen.period_info.text().endswith("1 misi, 1 tujuan, 1 sasaran, 1 indikator")
    # and the OPDs' Renstra can now link to that sasaran
    period = renstra.period_for_year(db, 2026)
    assert renstra.regional_targets(db, period.id)[0][1] == "S1.1 Meningkatnya derajat kesehatan"


def test_removing_deletes_what_nothing_refers_to_and_retires_what_a_renstra_supports(
    qtbot, screen, db, monkeypatch
):
    questions: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _parent, _title, text: questions.append(text) or True)
    add_goal(qtbot, screen, screen.add_mission_button, "M1", "Misi satu")
    add_goal(qtbot, screen, screen.add_goal_button, "T1", "Tujuan satu")
    add_goal(qtbot, screen, screen.add_target_button, "S1", "Sasaran satu")
    add_goal(qtbot, screen, screen.add_goal_button, "T2", "Tujuan dua")  # under the misi of the selection
    # a tujuan nothing refers to: deleted
    assert screen.selected_item().node.code == "T2"
    click(qtbot, screen.remove_button)
    assert questions[-1].startswith("Hapus “Tujuan T2: Tujuan dua”?")
    assert screen.result_label.text() == "“Tujuan T2: Tujuan dua” dihapus."
    assert "Tujuan T2: Tujuan dua" not in screen.visible_texts()
    # a sasaran an OPD's Renstra supports: retired with its branch, shown again on request, restored
    period = renstra.period_for_year(db, 2026)
    sasaran = next(i for i in screen.model.walk() if i.kind is GoalKind.TARGET)
    opd_id = renstra.opd_choices(db)[0][0]
    tujuan = renstra.save_goal(db, GoalData(opd_id, period.id, GoalKind.GOAL, "Tujuan Dinkes"))
    renstra.save_goal(db, GoalData(opd_id, period.id, GoalKind.TARGET, "Sasaran Dinkes", tujuan,
                                   supports_id=sasaran.id))
    screen.load_tree()
    assert screen.visible_texts(screen.model.note_column)[2] == "Didukung 1 sasaran OPD"
    screen.select_node(next(i for i in screen.model.walk() if i.kind is GoalKind.GOAL).id)
    click(qtbot, screen.remove_button)
    assert "beserta 1 simpul di bawahnya" in questions[-1]
    assert screen.result_label.text().startswith("“Tujuan T1: Tujuan satu” dinonaktifkan")
    assert screen.visible_texts() == ["Misi M1: Misi satu"]
    screen.show_retired.setChecked(True)
    retired = next(i for i in screen.model.walk() if i.kind is GoalKind.GOAL)
    assert not retired.is_active
    screen.select_node(retired.id)
    assert screen.remove_button.text().replace("&", "") == "Aktifkan kembali"
    click(qtbot, screen.remove_button)
    assert screen.result_label.text() == "“Tujuan T1: Tujuan satu” diaktifkan kembali."
    assert renstra.regional_targets(db, period.id) == [(sasaran.id, "S1 Sasaran satu")]


def test_periods_are_created_edited_and_removed_and_the_year_selector_follows(qtbot, main_window, screen, monkeypatch):
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    # a new period is suggested after the last one; a transition period of two years is typed instead
    click(qtbot, screen.new_period_button)
    dialog = screen.dialog
    assert isinstance(dialog, PeriodFormDialog)
    assert (dialog.ui.startSpin.value(), dialog.ui.endSpin.value()) == (2030, 2034)
    qtbot.mouseClick(dialog.ui.transitionRadio, Qt.MouseButton.LeftButton)
    dialog.ui.endSpin.setValue(2036)
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.error_text("end_year") == "Periode transisi paling lama 5 tahun"
    dialog.ui.endSpin.setValue(2031)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert screen.period_combo.currentText() == "RPD 2030–2031"
    years = [main_window.year_combo.itemData(i) for i in range(main_window.year_combo.count())]
    assert years == [2025, 2026, 2027, 2028, 2029, 2030, 2031]
    # edited: a name of its own
    click(qtbot, screen.edit_period_button)
    dialog = screen.dialog
    type_into(qtbot, dialog.ui.periodNameEdit, "RPD Kota Wanasari")
    save(qtbot, dialog)
    assert screen.period_combo.currentText() == "RPD Kota Wanasari (2030–2031)"
    # removed: nothing refers to it, so it and its years are gone
    click(qtbot, screen.remove_period_button)
    assert screen.result_label.text() == "Periode RPD Kota Wanasari dihapus."
    assert overview.fiscal_years(screen.db) == [2025, 2026, 2027, 2028, 2029]
    assert [main_window.year_combo.itemData(i) for i in range(main_window.year_combo.count())] == [
        2025, 2026, 2027, 2028, 2029
    ]
    assert [screen.period_combo.itemText(i) for i in range(screen.period_combo.count())] == ["RPJMD 2025–2029"]
    # the RPJMD with a misi is retired instead, and shown as such
    add_goal(qtbot, screen, screen.add_mission_button, "M1", "Misi satu")
    click(qtbot, screen.remove_period_button)
    assert screen.result_label.text().startswith("Periode RPJMD 2025–2029 dinonaktifkan")
    screen.show_retired.setChecked(True)
    assert screen.period_combo.currentText() == "RPJMD 2025–2029 — nonaktif"
    assert not screen.add_mission_button.isEnabled()
    click(qtbot, screen.remove_period_button)  # now "Aktifkan periode"
    assert screen.period_combo.currentText() == "RPJMD 2025–2029"
