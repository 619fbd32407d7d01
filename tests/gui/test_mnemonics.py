"""Issue 14, point 9: no Alt+letter used twice in one window. Every screen in the main window (with its menu bar
and year field), and the dialogs and wizards opened from them, each tab and each page."""

from __future__ import annotations

import pytest
from mnemonics import clashes, tabbed_clashes, wizard_clashes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kinerja_desktop.gui.dialogs.evaluation_wizard import EvaluationWizard
from kinerja_desktop.gui.dialogs.regency_dialog import LeaderDialog, RegencyDialog
from kinerja_desktop.gui.dialogs.setup_wizard import SetupWizard

SCREENS = ("home", "opd", "renstra", "rpjmd", "programs", "agreements", "evaluation", "reports", "backup")


@pytest.fixture
def window(main_window, demo_db):
    main_window.set_database(demo_db)
    return main_window


def test_no_screen_uses_a_letter_twice(window):
    found = {}
    for name in SCREENS:
        window.show_screen(getattr(window, name))
        if clashes(window):
            found[name] = clashes(window)
    assert found == {}


def test_alt_t_no_longer_changes_the_year_on_laporan(qtbot, window):
    # On Laporan, Alt+T was both "Triwulan" and "Tahun anggaran" (and changed the year)
    window.show_screen(window.reports)
    assert window.year_combo.currentData() is not None
    letters = {letter: texts for letter, texts in __import__("mnemonics").mnemonics(window).items()}
    assert letters["t"] == ["&Triwulan:"] and letters["g"] == ["Tahun an&ggaran:"]


def _opened(qtbot, window, screen_name: str, button_name: str) -> QDialog:
    screen = getattr(window, screen_name)
    window.show_screen(screen)
    button = getattr(screen, button_name)
    if not button.isEnabled() and hasattr(screen, "select_node"):  # a button that needs a row: the first that fits
        for item in screen.model.walk():
            screen.select_node(item.id)
            if button.isEnabled():
                break
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog if getattr(screen, "dialog", None) is not None else screen.editor
    assert dialog is not None and dialog.isVisible()
    return dialog


@pytest.mark.parametrize(("screen_name", "button_name"), [
    ("opd", "add_button"),
    ("renstra", "add_goal_button"),
    ("renstra", "add_indicator_button"),
    ("rpjmd", "new_period_button"),
    ("rpjmd", "add_goal_button"),
    ("programs", "add_program_button"),
])
def test_no_dialog_uses_a_letter_twice(qtbot, window, screen_name, button_name):
    dialog = _opened(qtbot, window, screen_name, button_name)
    assert tabbed_clashes(dialog) == {}


def test_the_pk_editor_uses_no_letter_twice_on_any_tab(qtbot, window):
    screen = window.agreements
    window.show_screen(screen)
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert screen.editor is not None
    assert tabbed_clashes(screen.editor) == {}


def test_the_regency_profile_and_leader_form_use_no_letter_twice(qtbot, demo_db):
    dialog = RegencyDialog(demo_db)
    qtbot.addWidget(dialog)
    assert tabbed_clashes(dialog) == {}
    leader = LeaderDialog(demo_db, None)
    qtbot.addWidget(leader)
    assert tabbed_clashes(leader) == {}


def test_no_wizard_page_uses_a_letter_twice(qtbot, demo_db, db):
    evaluation_wizard = EvaluationWizard(demo_db, 2025, 4, None, years=[2025])
    qtbot.addWidget(evaluation_wizard)
    setup_wizard = SetupWizard(db)
    qtbot.addWidget(setup_wizard)
    assert (wizard_clashes(evaluation_wizard), wizard_clashes(setup_wizard)) == ({}, {})
