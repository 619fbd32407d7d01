# ruff: noqa: F811 - fixtures imported from the tests that define them
"""Issue 14, point 10: dates typed the usual Indonesian ways, the PK's calendar opening where the signing is,
no temporary folder left by a preview, and no old kendala printed beside a corrected realisation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from test_evaluation_wizard import PRODUK_HUKUM, fill_to_summary, open_wizard, press, said, setda, type_cell  # noqa: F401
from test_opd_screen import click_add, fill_dinkes

from kinerja_desktop.gui.evaluation_flow import Step
from kinerja_desktop.gui.models.evaluation_entry_model import RealizationEntryModel
from kinerja_desktop.services import evaluation
from kinerja_desktop.services.opd import get_opd, list_opds


def test_a_date_typed_01_07_2026_is_read_and_shown_as_printed(qtbot, main_window, db):
    main_window.show_screen(main_window.opd)
    dialog = click_add(qtbot, main_window.opd)
    fill_dinkes(qtbot, dialog)
    field = dialog.ui.headStartEdit
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "01/07/2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # read, shown as printed, and the form's Simpan
    assert field.value() == date(2026, 7, 1)
    assert field.lineEdit().text() == "1 Juli 2026"
    [row] = list_opds(db)
    assert not dialog.isVisible() and get_opd(db, row.id).head.start_date == date(2026, 7, 1)


def test_a_corrected_value_does_not_keep_the_old_kendala(qtbot, demo_db, setda, said):  # noqa: F811
    wizard = open_wizard(qtbot, demo_db, setda)
    fill_to_summary(qtbot, wizard)  # 80,5 of 86,25 with a kendala
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    # WHEN the realisation is corrected to the target (100 %) in a new run
    again = open_wizard(qtbot, demo_db, setda)
    press(qtbot, again, QWizard.WizardButton.NextButton)
    type_cell(qtbot, again.realization_page.ui.table, PRODUK_HUKUM, RealizationEntryModel.VALUE, "86,25")
    press(qtbot, again, QWizard.WizardButton.NextButton)
    press(qtbot, again, QWizard.WizardButton.NextButton)
    assert again.currentId() == Step.PROBLEMS
    page = again.problems_page
    page.ui.indicatorList.setCurrentRow(PRODUK_HUKUM)
    # THEN the old kendala are set aside, said, and can be taken back
    assert page.ui.problemsEdit.toPlainText() == ""
    assert "kendala dan tindak lanjut lama dikosongkan" in page.ui.oldProblemsLabel.text()
    assert page.ui.oldProblemsButton.isVisible()
    press(qtbot, again, QWizard.WizardButton.NextButton)
    with qtbot.waitSignal(again.accepted, timeout=5000):
        press(qtbot, again, QWizard.WizardButton.FinishButton)
    stored = evaluation.evaluate_opd(demo_db, 2026, 2, setda).indicators[PRODUK_HUKUM]
    assert (stored.problems, stored.follow_up) == ("", "")
