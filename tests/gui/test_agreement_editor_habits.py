# ruff: noqa: F811 - fixtures imported from the tests that define them
"""The PK editor as an operator uses it (issue 14, points 7, 11, 12 and 14): a NIP the records would refuse, a
block pasted into the items grid, TW I–IV filled from the yearly target, undo, and locked fields that say why."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from test_agreement_screen import (  # noqa: F401 - fixtures
    click,
    open_editor,
    plain_target_row,
    said,
    screen,
    sign_through_dialog,
)

from kinerja_desktop.domain.enums import AgreementStatus, Cumulation
from kinerja_desktop.gui.locked import LOCKED
from kinerja_desktop.gui.models.agreement_items_model import AgreementItemsModel
from kinerja_desktop.services import agreements as agreement_service
from kinerja_desktop.services.agreement_signers import reference_date

M = AgreementItemsModel


def show_items_tab(qtbot, editor) -> None:  # noqa: ANN001
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert editor.tabs.currentIndex() == 1


def test_finalkan_refuses_a_nip_the_opd_form_would_refuse(qtbot, screen, demo_db, said):
    editor = open_editor(qtbot, screen, "Dinkes")
    editor.header.firstNipEdit.clear()
    qtbot.keyClicks(editor.header.firstNipEdit, "12345")
    click(qtbot, editor.finalize_button)
    assert "NIP pihak pertama “12345”: NIP harus terdiri dari 18 angka" in editor.message() + said.text()
    assert agreement_service.get_agreement(demo_db, editor.detail.id).status is AgreementStatus.DRAFT


def test_a_block_pasted_into_the_items_grid_is_read_cell_by_cell(qtbot, screen, said):
    editor = open_editor(qtbot, screen, "Dinkes")
    show_items_tab(qtbot, editor)
    view = editor.items_view
    row = plain_target_row(editor)
    view.setFocus()
    view.setCurrentIndex(editor.items_model.index(row, M.Q1))
    # GIVEN TW I–IV copied from Excel, TW III not a number
    QGuiApplication.clipboard().setText("10\t20\tx\t40\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    item = editor.items_model.item_at(row)
    assert (item.quarters[0], item.quarters[1], item.quarters[3]) == (Decimal(10), Decimal(20), Decimal(40))
    refused = editor.items_grid.error_at(editor.items_model.index(row, M.Q3))
    assert "x" in refused
    assert "3 sel ditempel. 1 sel ditolak" in editor.message()
    # Ctrl+Z takes the whole paste back
    before = tuple(editor.items_model.item_at(row).quarters)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tuple(editor.items_model.item_at(row).quarters) != before
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert tuple(editor.items_model.item_at(row).quarters) == before


def test_fill_tw_from_the_yearly_target_by_the_cumulation_rule(qtbot, screen, said):
    editor = open_editor(qtbot, screen, "Dinkes")
    show_items_tab(qtbot, editor)
    model = editor.items_model
    rows = [r for r in range(model.rowCount()) if model.item_at(r).target is not None
            and model.item_at(r).target_grade is None and model.item_at(r).cumulation is not Cumulation.RELEASED]
    row = rows[0]
    editor.items_view.setFocus()
    editor.items_view.setCurrentIndex(model.index(row, M.TARGET))
    click(qtbot, editor.fill_button)
    item = model.item_at(row)
    assert item.quarters[3] is not None
    if item.cumulation is Cumulation.SUMMED:
        assert sum(item.quarters) == item.target
    else:
        assert item.quarters[3] == item.target
    assert "TW I–IV diisi dari target tahunan pada 1 baris." in editor.message()


def test_a_click_on_a_locked_field_says_why(qtbot, screen, said):
    editor = open_editor(qtbot, screen, "Dinkes")
    click(qtbot, editor.finalize_button)
    sign_through_dialog(qtbot, editor)
    place = editor.header.placeEdit
    assert place.property(LOCKED) and place.isReadOnly()
    assert place.palette().color(place.backgroundRole()) != editor.palette().color(editor.palette().ColorRole.Base)
    qtbot.mouseClick(place, Qt.MouseButton.LeftButton)
    assert "Ditandatangani" in editor.message() or "terkunci" in editor.message()
    # typing into a locked cell of the items grid says it too
    show_items_tab(qtbot, editor)
    editor.items_view.setFocus()
    editor.items_view.setCurrentIndex(editor.items_model.index(0, M.TARGET))
    editor.message_label.clear()
    qtbot.keyClicks(editor.items_view, "5")
    assert editor.message()


def test_cetak_prints_the_pk_on_a_printer_and_leaves_no_temporary_folder(qtbot, screen, said, tmp_path, monkeypatch):
    # Issue 14 §19 from the editor's own Cetak… button; §10: the printout's temporary folder goes afterwards
    import tempfile

    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from kinerja_desktop.gui import pdf_printer

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    out = tmp_path / "kertas.pdf"

    def choose_printer(_parent, printer: QPrinter, pages: int) -> bool:  # noqa: ANN001
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(pdf_printer, "ask_printer", choose_printer)
    editor = open_editor(qtbot, screen, "Dinkes")
    click(qtbot, editor.printer_button)
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0)
    assert len(PdfReader(out).pages) >= 1
    assert not list(tmp_path.glob("kinerja-*"))


# --- issue 14, point 10 in the PK editor ----------------------------------------------------------------------


def test_the_pks_calendar_opens_on_the_signing_month_not_the_year_before(qtbot, screen, said):
    editor = open_editor(qtbot, screen, "Dinkes")
    field = editor.header.signDateEdit
    field.set_value(None)  # no planned date yet
    assert field.is_empty()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    calendar = field.calendarWidget()
    expected = reference_date(editor.detail.year, None)
    assert (calendar.yearShown(), calendar.monthShown()) == (expected.year, expected.month)


def test_a_preview_leaves_no_folder_in_the_temporary_folder(qtbot, screen, said, tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    editor = open_editor(qtbot, screen, "Dinkes")
    click(qtbot, editor.preview_button)
    qtbot.waitUntil(lambda: editor.printer.preview_dialog is not None)
    assert len(list(tmp_path.glob("kinerja-pratinjau-*"))) == 1
    editor.printer.preview_dialog.close()
    qtbot.waitUntil(lambda: not list(tmp_path.glob("kinerja-pratinjau-*")))


# --- issue 14, point 13 in the PK editor ---------------------------------------------------------------------

from kinerja_desktop.gui import messages as _messages  # noqa: E402

REAL_CONFIRM = _messages.confirm


def test_an_implausible_target_is_asked_about_before_saving(qtbot, screen, said, demo_db, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from test_agreement_screen import type_in_cell

    monkeypatch.setattr(_messages, "confirm", REAL_CONFIRM)
    editor = open_editor(qtbot, screen, "Dinkes")
    show_items_tab(qtbot, editor)
    model = editor.items_model
    row = next(r for r in range(model.rowCount()) if model.item_at(r).unit == "%"
               and model.item_at(r).target_grade is None and model.item_at(r).polarity.name == "POSITIVE")
    name = model.item_at(row).indicator_name
    seen: list[str] = []

    def answer(text: str) -> None:
        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or box.windowTitle() != "Periksa angka":
                QTimer.singleShot(20, click)
                return
            seen.append(box.text())
            qtbot.mouseClick(next(b for b in box.buttons() if b.text() == text), Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)

    # TW I typed as 250 (25 meant): a slip the rules of a last-value % indicator may let through
    type_in_cell(qtbot, editor.items_view, row, M.Q1, "250")
    answer("&Tidak")
    click(qtbot, editor.save_button)
    assert seen and f"{name}: 250% di atas 100%" in seen[0]
    stored = agreement_service.get_agreement(demo_db, editor.detail.id)
    assert next(i for i in stored.items if i.indicator_name == name).quarters[0] != Decimal(250)
    assert editor.isVisible() and model.item_at(row).quarters[0] == Decimal(250)  # the input stays to correct
    # "Ya": saved as typed
    answer("&Ya")
    click(qtbot, editor.save_button)
    assert len(seen) == 2 and editor.message() == "Draf tersimpan."
    stored = agreement_service.get_agreement(demo_db, editor.detail.id)
    assert next(i for i in stored.items if i.indicator_name == name).quarters[0] == Decimal(250)
