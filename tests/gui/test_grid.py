# ruff: noqa: F811 - fixtures imported from the tests that define them
"""The one grid behaviour (issue 14, points 6, 11 and 12) driven with the keys an operator uses: Ctrl+V of a block
copied from Excel, Ctrl+C, Enter, Ctrl+Z and Ctrl+Y, on the quarterly wizard's realisation and budget grids."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QWizard
from test_evaluation_wizard import PENGADAAN, PRODUK_HUKUM, SOP, open_wizard, press, said, setda, type_cell  # noqa: F401

from kinerja_desktop.gui.grid import parse_tsv, to_tsv
from kinerja_desktop.gui.models.evaluation_budget_model import BudgetEntryModel
from kinerja_desktop.gui.models.evaluation_entry_model import RealizationEntryModel

VALUE = RealizationEntryModel.VALUE


def realization_table(qtbot, demo_db, setda_id):  # noqa: ANN001, ANN201
    wizard = open_wizard(qtbot, demo_db, setda_id)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    table = wizard.realization_page.ui.table
    table.setFocus()
    return wizard, table


def cell(table, row: int, column: int = VALUE) -> str:  # noqa: ANN001
    return table.model().index(row, column).data()


def go_to(table, row: int, column: int = VALUE) -> None:  # noqa: ANN001
    table.setCurrentIndex(table.model().index(row, column))


def test_a_block_pasted_from_excel_is_read_cell_by_cell_with_the_refusals_shown(qtbot, demo_db, setda, said):
    wizard, table = realization_table(qtbot, demo_db, setda)
    page = wizard.realization_page
    before = cell(table, PENGADAAN)
    # GIVEN three cells copied from an Excel column, the middle one not a number
    QGuiApplication.clipboard().setText("80,5\r\ntiga\r\n79\r\n")
    go_to(table, PRODUK_HUKUM)
    # WHEN pasted with Ctrl+V on the first row
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # THEN the good cells are stored, the bad one keeps its value, is marked with its reason and listed
    assert (cell(table, PRODUK_HUKUM), cell(table, PENGADAAN + 1)) == ("80,5", "79")
    assert cell(table, PENGADAAN) == before
    refused = page.grid.error_at(table.model().index(PENGADAAN, VALUE))
    assert "tiga" in refused and "bukan angka" in refused
    message = page.ui.errorLabel.text()
    assert message.startswith("2 sel ditempel. 1 sel ditolak (bertanda merah):") and refused in message
    assert page.ui.errorLabel.isVisible()


def test_a_realisation_beyond_the_stored_precision_is_refused_in_its_cell(qtbot, demo_db, setda, said):
    # Point 6: 26 digits are refused with the service's words, in the cell, and never reach the preview
    wizard, table = realization_table(qtbot, demo_db, setda)
    type_cell(qtbot, table, PRODUK_HUKUM, VALUE, "1" * 26)
    index = table.model().index(PRODUK_HUKUM, VALUE)
    note = index.data(Qt.ItemDataRole.ToolTipRole)
    assert note and "terlalu" in note.lower()
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == wizard.realization_page.step  # not past the page with the refused figure


def test_copy_gives_the_selection_as_tab_separated_text(qtbot, demo_db, setda, said):
    _wizard, table = realization_table(qtbot, demo_db, setda)
    QGuiApplication.clipboard().setText("80,5\n41")
    go_to(table, PRODUK_HUKUM)
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    table.clearSelection()
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    go_to(table, PRODUK_HUKUM)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "80,5\r\n41\r\n"  # as Excel writes rows


def test_enter_moves_to_the_row_below(qtbot, demo_db, setda, said):
    _wizard, table = realization_table(qtbot, demo_db, setda)
    # after typing in a cell
    type_cell(qtbot, table, PRODUK_HUKUM, VALUE, "80,5")
    assert table.currentIndex().row() == PRODUK_HUKUM + 1 and table.currentIndex().column() == VALUE
    # and without typing
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert table.currentIndex().row() == PRODUK_HUKUM + 2


def test_undo_and_redo_of_typed_and_pasted_cells(qtbot, demo_db, setda, said):
    _wizard, table = realization_table(qtbot, demo_db, setda)
    original = (cell(table, PRODUK_HUKUM), cell(table, PENGADAAN))
    type_cell(qtbot, table, PRODUK_HUKUM, VALUE, "80,5")
    QGuiApplication.clipboard().setText("41")
    go_to(table, PENGADAAN)
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (cell(table, PRODUK_HUKUM), cell(table, PENGADAAN)) == ("80,5", "41")
    # Ctrl+Z undoes the paste, then the typing
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (cell(table, PRODUK_HUKUM), cell(table, PENGADAAN)) == ("80,5", original[1])
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (cell(table, PRODUK_HUKUM), cell(table, PENGADAAN)) == original
    # Ctrl+Y redoes both
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert (cell(table, PRODUK_HUKUM), cell(table, PENGADAAN)) == ("80,5", "41")


def test_pasted_rupiah_are_read_as_rupiah(qtbot, demo_db, setda, said):
    wizard, _table = realization_table(qtbot, demo_db, setda)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    table = wizard.budget_page.ui.table
    table.setFocus()
    QGuiApplication.clipboard().setText("Rp 1.250.000,50")
    go_to(table, 0, BudgetEntryModel.AMOUNT)
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "tanpa sen" in wizard.budget_page.grid.error_at(table.model().index(0, BudgetEntryModel.AMOUNT))
    QGuiApplication.clipboard().setText("Rp 1.250.000")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert cell(table, 0, BudgetEntryModel.AMOUNT) == "Rp 1.250.000"


def test_tab_separated_text_as_spreadsheets_write_it():
    assert parse_tsv('80,5\t"a ""b"""\r\n41\t\r\n') == [["80,5", 'a "b"'], ["41", ""]]
    assert to_tsv([["80,5", "a\tb"], ["41", ""]]) == '80,5\t"a\tb"\r\n41\t\r\n'
