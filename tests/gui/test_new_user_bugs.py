# ruff: noqa: F811 - fixtures imported from the tests that define them
"""The bugs a new operator found (issue 14, points 1–3 and 6), driven through the real widgets: clicks, keys and
the real message boxes, answered by clicking their buttons."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QTabWidget, QWizard
from test_evaluation_wizard import open_wizard, press, said, setda, type_cell  # noqa: F401 - fixtures
from test_opd_screen import choose, click_add, fill_dinkes, save_button, type_into

from kinerja_desktop.domain.enums import OpdKind
from kinerja_desktop.gui import unsaved
from kinerja_desktop.gui.dialogs.regency_dialog import LeaderDialog, RegencyDialog
from kinerja_desktop.gui.models.evaluation_entry_model import RealizationEntryModel
from kinerja_desktop.services import regency, setup
from kinerja_desktop.services.opd import get_opd, list_opds

REAL_ASK = unsaved.ask_unsaved_changes  # the real question (conftest answers "Buang" for forms left open)
UI_DIR = Path(__file__).resolve().parents[2] / "ui"
DIALOGS_DIR = Path(__file__).resolve().parents[2] / "kinerja_desktop" / "gui" / "dialogs"


def answer_box(qtbot, object_name: str, button_text: str, seen: list[str]) -> None:  # noqa: ANN001
    """When the message box ``object_name`` opens, note its text and click the button labelled ``button_text``."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != object_name:
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


@pytest.fixture
def screen(main_window):
    main_window.show_screen(main_window.opd)
    return main_window.opd


# --- 1. a NIP that belongs to another OPD's head ------------------------------------------------------------


def add_dpupr_with_bambangs_nip(qtbot, screen):  # noqa: ANN001, ANN201
    dialog = click_add(qtbot, screen)
    ui = dialog.ui
    type_into(qtbot, ui.codeEdit, "1.03.0.00.0.00.01.0000")
    type_into(qtbot, ui.abbreviationEdit, "DPUPR")
    type_into(qtbot, ui.nameEdit, "Dinas Pekerjaan Umum dan Penataan Ruang")
    choose(ui.kindCombo, OpdKind.DINAS)
    type_into(qtbot, ui.headNameEdit, "Ir. Joko Santoso")
    type_into(qtbot, ui.headNipEdit, "19700312 199503 1 002")  # dr. Bambang's NIP
    type_into(qtbot, ui.headPositionEdit, "Kepala Dinas PUPR")
    ui.headStartEdit.setDate(QDate(2025, 3, 1))
    return dialog


def test_another_heads_nip_is_asked_about_and_bukan_renames_nobody(qtbot, screen, db):
    dinkes = click_add(qtbot, screen)
    fill_dinkes(qtbot, dinkes)
    qtbot.mouseClick(save_button(dinkes), Qt.MouseButton.LeftButton)
    # WHEN DPUPR is added with dr. Bambang's NIP under another name and the user answers "Bukan"
    dialog = add_dpupr_with_bambangs_nip(qtbot, screen)
    seen: list[str] = []
    answer_box(qtbot, "samePersonBox", "&Bukan, periksa NIP", seen)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    # THEN the question named the holder, the form stays open with the reason on the NIP field, nothing changed
    assert "dr. Bambang Sutrisno, M.Kes. (kepala Dinas Kesehatan)" in seen[0] and "Ir. Joko Santoso" in seen[0]
    assert dialog.isVisible()
    assert "sudah tercatat atas nama dr. Bambang Sutrisno" in dialog.error_text("head_nip")
    assert [r.abbreviation for r in list_opds(db)] == ["Dinkes"]
    assert list_opds(db)[0].head_name == "dr. Bambang Sutrisno, M.Kes."


def test_another_heads_nip_confirmed_as_the_same_person_links_him_as_recorded(qtbot, screen, db):
    dinkes = click_add(qtbot, screen)
    fill_dinkes(qtbot, dinkes)
    qtbot.mouseClick(save_button(dinkes), Qt.MouseButton.LeftButton)
    dialog = add_dpupr_with_bambangs_nip(qtbot, screen)
    seen: list[str] = []
    answer_box(qtbot, "samePersonBox", "&Ya, orang yang sama", seen)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    # THEN DPUPR is headed by dr. Bambang as recorded; Dinkes' head keeps his name
    assert seen and not dialog.isVisible()
    heads = {r.abbreviation: r.head_name for r in list_opds(db)}
    assert heads == {"Dinkes": "dr. Bambang Sutrisno, M.Kes.", "DPUPR": "dr. Bambang Sutrisno, M.Kes."}
    dpupr = next(r for r in list_opds(db) if r.abbreviation == "DPUPR")
    assert get_opd(db, dpupr.id).head.position == "Kepala Dinas PUPR"


# --- 2. typed input is not thrown away on Esc or Batal ------------------------------------------------------


def test_the_opd_form_asks_before_esc_throws_typed_input_away(qtbot, screen, db, monkeypatch):
    monkeypatch.setattr(unsaved, "ask_unsaved_changes", REAL_ASK)
    dialog = click_add(qtbot, screen)
    qtbot.keyClicks(dialog.ui.nameEdit, "Dinas Kesehatan")
    # Esc → "Lanjut mengisi": the form stays with the input
    seen: list[str] = []
    answer_box(qtbot, "unsavedChangesBox", "&Lanjut mengisi", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen and "belum disimpan" in seen[0]
    assert dialog.isVisible() and dialog.ui.nameEdit.text() == "Dinas Kesehatan"
    # Batal → "Buang perubahan": closed, nothing stored
    answer_box(qtbot, "unsavedChangesBox", "&Buang perubahan", seen)
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert len(seen) == 2 and not dialog.isVisible()
    assert list_opds(db, include_inactive=True) == []


def test_an_untouched_opd_form_closes_on_esc_without_a_question(qtbot, screen, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(unsaved, "ask_unsaved_changes", lambda *_a, **_k: asked.append("?") or unsaved.CANCEL)
    dialog = click_add(qtbot, screen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []


def test_the_evaluation_wizard_asks_before_batal_throws_realisations_away(qtbot, demo_db, setda, said,  # noqa: F811
                                                                          monkeypatch):
    monkeypatch.setattr(unsaved, "ask_unsaved_changes", REAL_ASK)
    wizard = open_wizard(qtbot, demo_db, setda)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    type_cell(qtbot, wizard.realization_page.ui.table, 1, RealizationEntryModel.VALUE, "80,5")
    seen: list[str] = []
    answer_box(qtbot, "unsavedChangesBox", "&Lanjut mengisi", seen)
    press(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert seen and wizard.isVisible()
    assert wizard.realization_page.model.index(1, RealizationEntryModel.VALUE).data() == "80,5"
    answer_box(qtbot, "unsavedChangesBox", "&Buang isian", seen)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert len(seen) == 2 and not wizard.isVisible()


def test_the_set_up_wizard_asks_before_esc_or_batal_throws_typed_input_away(qtbot, db, monkeypatch):
    from kinerja_desktop.gui.dialogs.setup_wizard import SetupWizard

    monkeypatch.setattr(unsaved, "ask_unsaved_changes", REAL_ASK)
    wizard = SetupWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.region_page.ui.nameEdit, "Wanasari")
    # Esc → "Lanjut mengisi": the wizard stays with the input
    seen: list[str] = []
    answer_box(qtbot, "unsavedChangesBox", "&Lanjut mengisi", seen)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert seen and "akan hilang" in seen[0]
    assert wizard.isVisible() and wizard.region_page.ui.nameEdit.text() == "Wanasari"
    # Batal → "Buang isian": closed, nothing set up
    answer_box(qtbot, "unsavedChangesBox", "&Buang isian", seen)
    press(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert len(seen) == 2 and not wizard.isVisible()
    assert not setup.is_set_up(db)


def test_an_untouched_set_up_wizard_closes_on_esc_without_a_question(qtbot, db, monkeypatch):
    from kinerja_desktop.gui.dialogs.setup_wizard import SetupWizard

    asked: list[str] = []
    monkeypatch.setattr(unsaved, "ask_unsaved_changes", lambda *_a, **_k: asked.append("?") or unsaved.CANCEL)
    wizard = SetupWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and asked == []


def test_the_amendment_reason_is_not_thrown_away_on_esc_and_simpan_asks_for_one(qtbot, monkeypatch):
    from datetime import date

    from kinerja_desktop.gui.dialogs.agreement_actions import AmendmentDialog

    monkeypatch.setattr(unsaved, "ask_unsaved_changes", REAL_ASK)
    dialog = AmendmentDialog("PK Dinas Kesehatan 2026", date(2026, 1, 5))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.reason_edit, "APBD Perubahan")
    seen: list[str] = []
    answer_box(qtbot, "unsavedChangesBox", "&Lanjut mengisi", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen and dialog.isVisible() and dialog.reason() == "APBD Perubahan"
    answer_box(qtbot, "unsavedChangesBox", "&Buang perubahan", seen)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(seen) == 2 and not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


# --- 3. every button box does what its buttons say ------------------------------------------------------------


def test_the_regency_profile_saves_with_simpan_and_enter(qtbot, db):
    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.nameEdit.clear()
    qtbot.keyClicks(dialog.ui.nameEdit, "Sukamaju")
    dialog.ui.capitalEdit.clear()
    qtbot.keyClicks(dialog.ui.capitalEdit, "Sukamaju")
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert regency.get_profile(db).name == "Sukamaju"
    # Enter in a field saves too
    again = RegencyDialog(db)
    qtbot.addWidget(again)
    again.show()
    again.ui.capitalEdit.clear()
    qtbot.keyClicks(again.ui.capitalEdit, "Kota Sukamaju")
    qtbot.keyClick(again.ui.capitalEdit, Qt.Key.Key_Return)
    assert not again.isVisible()
    assert regency.get_profile(db).capital == "Kota Sukamaju"


def test_the_regency_profile_closes_with_batal(qtbot, db):
    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_a_leader_is_added_with_the_forms_simpan_button(qtbot, db):
    dialog = RegencyDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    forms: list[LeaderDialog] = []

    def fill() -> None:
        form = next((w for w in QApplication.topLevelWidgets() if isinstance(w, LeaderDialog) and w.isVisible()),
                    None)
        if form is None:
            QTimer.singleShot(20, fill)
            return
        forms.append(form)
        qtbot.keyClicks(form.ui.nameEdit, "H. Ahmad Fauzan, S.E., M.M.")
        qtbot.keyClicks(form.ui.positionEdit, "Bupati Sukamaju")
        form.ui.startEdit.setDate(QDate(2025, 2, 20))
        qtbot.mouseClick(form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    for tabs in dialog.findChildren(QTabWidget):  # the leaders' tab, as the user opens it
        for page in range(tabs.count()):
            if tabs.widget(page).isAncestorOf(dialog.ui.addLeaderButton):
                tabs.setCurrentIndex(page)
    qtbot.mouseClick(dialog.ui.addLeaderButton, Qt.MouseButton.LeftButton)
    assert forms and not forms[0].isVisible()
    assert [leader.name for leader in regency.list_leaders(db)] == ["H. Ahmad Fauzan, S.E., M.M."]


def _dialog_modules_connecting(box_name: str) -> Callable[[str], bool]:
    sources = {p.stem: p.read_text(encoding="utf-8") for p in DIALOGS_DIR.glob("*.py")}

    def connected_in_code(form_class: str) -> bool:
        return any(f"Ui_{form_class}" in text and f"{box_name}.accepted.connect" in text
                   and f"{box_name}.rejected.connect" in text for text in sources.values())

    return connected_in_code


@pytest.mark.parametrize("source", sorted(p for p in UI_DIR.glob("*.ui") if "QDialogButtonBox" in p.read_text()),
                         ids=lambda p: p.name)
def test_every_forms_button_box_is_connected(source):
    # The class of bug of point 3: a form whose Simpan/Batal were never connected. Each form connects its
    # button box in the .ui (accepted → accept, rejected → reject) or its dialog connects it in code.
    text = source.read_text(encoding="utf-8")
    form_class = re.search(r'<widget class="[A-Za-z]+" name="([A-Za-z]+)">', text).group(1)  # the top widget
    for box in re.findall(r'<widget class="QDialogButtonBox" name="([A-Za-z]+)"', text):
        in_ui = all(
            re.search(rf"<sender>{box}</sender>\s*<signal>{signal}\(\)</signal>\s*<receiver>{form_class}</receiver>"
                      rf"\s*<slot>{slot}\(\)</slot>", text)
            for signal, slot in (("accepted", "accept"), ("rejected", "reject"))
        )
        assert in_ui or _dialog_modules_connecting(box)(form_class), f"{source.name}: {box} is not connected"
