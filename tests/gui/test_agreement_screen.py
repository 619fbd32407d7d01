"""The Perjanjian Kinerja screen and editor driven as a user would, on the demo regency (2025 signed, 2026 drafts)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLineEdit, QMessageBox

from kinerja_desktop.db.errors import DatabaseLockedError
from kinerja_desktop.domain.enums import AgreementStatus, Polarity
from kinerja_desktop.gui import messages, print_action, unsaved
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.models.agreement_items_model import AgreementItemsModel
from kinerja_desktop.gui.models.agreement_list_model import AgreementListModel, StatusFilter
from kinerja_desktop.gui.models.agreement_programs_model import AgreementProgramsModel
from kinerja_desktop.gui.screens.agreements import AgreementsScreen
from kinerja_desktop.services import agreements as agreement_service
from kinerja_desktop.services import pacts as pact_service

B = QMessageBox.StandardButton


class Said:
    """Message boxes replaced by a recorder (they would block a test)."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.confirm_answer = True

    def text(self) -> str:
        return "\n".join(self.errors + self.infos)


@pytest.fixture
def said(monkeypatch) -> Said:
    recorder = Said()
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: recorder.errors.append(text))
    monkeypatch.setattr(messages, "show_warning", lambda _p, _t, text: recorder.errors.append(text))
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: recorder.infos.append(text))
    monkeypatch.setattr(messages, "confirm", lambda *_a: recorder.confirm_answer)
    return recorder


@pytest.fixture
def screen(qtbot, demo_db, said, monkeypatch):
    # An editor left open with edits at the end of a test is closed without asking.
    monkeypatch.setattr(unsaved, "ask_unsaved_changes", lambda _parent, **_kw: unsaved.DISCARD)
    view = AgreementsScreen(SyncRunner())
    view.set_context(demo_db, 2026)
    view.refresh()
    view.resize(1200, 700)
    view.show()
    yield view
    view.shutdown()  # stops the batch print, closes the editor and the preview
    view.close()
    view.deleteLater()
    qtbot.wait(1)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok_button(box: QDialogButtonBox):
    return box.button(QDialogButtonBox.StandardButton.Ok)


def row_of(screen: AgreementsScreen, abbreviation: str) -> int:
    model = screen.model
    return next(r for r in range(model.rowCount()) if model.row_at(r).opd_abbreviation == abbreviation)


def open_editor(qtbot, screen: AgreementsScreen, abbreviation: str):
    screen.table.selectRow(row_of(screen, abbreviation))
    click(qtbot, screen.open_button)
    assert screen.editor is not None and screen.editor.isVisible()
    return screen.editor


def type_in_cell(qtbot, view, row: int, column: int, text: str) -> None:
    """Double-click-style editing through the column's delegate, committed with Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "no cell editor opened"
    editors[0].clear()
    qtbot.keyClicks(editors[0], text)
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    # The delegate commits on Enter through a queued call.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def plain_target_row(editor) -> int:
    model = editor.items_model
    return next(
        r for r in range(model.rowCount())
        if model.item_at(r).polarity is not Polarity.RANGE and model.item_at(r).target_grade is None
    )


def sign_through_dialog(qtbot, editor, when: date = date(2026, 1, 26), *, pact: bool = True) -> None:
    click(qtbot, editor.sign_button)
    dialog = editor.pending_dialog
    dialog.date_edit.setDate(QDate(when.year, when.month, when.day))
    dialog.pact_check.setChecked(pact and dialog.pact_check.isVisible())
    click(qtbot, ok_button(dialog.buttons))


def discard_through_gui(qtbot, screen, abbreviation: str) -> str:
    editor = open_editor(qtbot, screen, abbreviation)
    opd_id = editor.detail.opd_id
    click(qtbot, editor.discard_button)  # confirm() answers yes
    assert screen.editor is None
    return opd_id


# --- the list ------------------------------------------------------------------------------------------


def test_list_shows_status_per_opd_with_filter_and_search(qtbot, screen, demo_db):
    model = screen.model
    assert model.rowCount() == 42
    assert {model.index(r, AgreementListModel.STATUS).data() for r in range(42)} == {"Draf"}
    assert model.index(0, AgreementListModel.BUDGET).data().startswith("Rp ")
    # GIVEN one draft discarded THEN its OPD shows "Belum ada" and the filter finds it
    discard_through_gui(qtbot, screen, "Dinkes")
    screen.status_combo.setCurrentIndex(screen.status_combo.findData(StatusFilter.NONE))
    assert [model.row_at(r).opd_abbreviation for r in range(model.rowCount())] == ["Dinkes"]
    assert model.index(0, AgreementListModel.STATUS).data() == "Belum ada"
    screen.status_combo.setCurrentIndex(screen.status_combo.findData(StatusFilter.ALL))
    qtbot.keyClicks(screen.search, "kecamatan")
    assert 0 < model.rowCount() < 42
    assert all("Kecamatan" in model.row_at(r).opd_name for r in range(model.rowCount()))
    # Sorting by budget uses the integer, not the text ("Rp 9…" is not more than "Rp 12…")
    screen.search.clear()
    screen.table.sortByColumn(AgreementListModel.BUDGET, Qt.SortOrder.DescendingOrder)
    budgets = [model.row_at(r).total_budget for r in range(model.rowCount())]
    assert budgets[:41] == sorted(budgets[:41], reverse=True)


# --- create, edit, finalise, sign, lock ----------------------------------------------------------------


def test_create_from_renstra_and_edit_with_indonesian_numbers(qtbot, screen, demo_db):
    opd_id = discard_through_gui(qtbot, screen, "Dinkes")
    # WHEN the user clicks Buat PK for Dinkes and keeps "Dari target Renstra"
    screen.table.selectRow(row_of(screen, "Dinkes"))
    click(qtbot, screen.create_button)
    dialog = screen.create_dialog
    assert dialog.chosen().opd_id == opd_id and dialog.previous_radio.isEnabled()
    click(qtbot, ok_button(dialog.buttons))
    editor = screen.editor
    assert editor is not None and editor.detail.status is AgreementStatus.DRAFT
    renstra = agreement_service.renstra_item_choices(demo_db, opd_id, 2026)
    assert [i.indicator_name for i in editor.items_model.items()] == [i.indicator_name for i in renstra]
    # Targets and budgets typed the Indonesian way
    row = plain_target_row(editor)
    editor.tabs.setCurrentIndex(1)
    type_in_cell(qtbot, editor.items_view, row, AgreementItemsModel.TARGET, "92,5")
    assert editor.items_model.item_at(row).target == Decimal("92.5")
    assert editor.items_model.index(row, AgreementItemsModel.TARGET).data() == "92,5"
    type_in_cell(qtbot, editor.items_view, row, AgreementItemsModel.Q4, "abc")
    assert "bukan angka" in editor.message()
    editor.tabs.setCurrentIndex(2)
    programs = editor.programs_model
    others = programs.total() - programs.program_at(0).budget
    type_in_cell(qtbot, editor.programs_view, 0, AgreementProgramsModel.BUDGET, "1.250.000")
    assert programs.program_at(0).budget == 1_250_000
    assert programs.index(0, AgreementProgramsModel.BUDGET).data() == "Rp 1.250.000"
    total = 1_250_000 + others
    assert editor.total_label.text() == f"Jumlah anggaran: Rp {total:,}".replace(",", ".")
    assert editor.dirty and editor.isWindowModified()
    # A cell still being edited when Simpan is clicked is saved too
    index = programs.index(1, AgreementProgramsModel.NOTE)
    editor.programs_view.setCurrentIndex(index)
    editor.programs_view.edit(index)
    cell = [e for e in editor.programs_view.viewport().findChildren(QLineEdit) if e.isVisible()][0]
    qtbot.keyClicks(cell, "dari DPA")
    click(qtbot, editor.save_button)
    saved = agreement_service.get_agreement(demo_db, editor.detail.id)
    assert saved.items[row].target == Decimal("92.5") and saved.programs[0].budget == 1_250_000
    assert saved.programs[1].note == "dari DPA"
    assert saved.total_budget == total and not editor.dirty


def test_copy_from_last_year(qtbot, screen, demo_db):
    opd_id = discard_through_gui(qtbot, screen, "Dinkes")
    screen.table.selectRow(row_of(screen, "Dinkes"))
    click(qtbot, screen.create_button)
    dialog = screen.create_dialog
    dialog.previous_radio.setChecked(True)
    click(qtbot, ok_button(dialog.buttons))
    last_year = [r for r in agreement_service.list_agreements(demo_db, 2025) if r.opd_id == opd_id][0]
    previous = agreement_service.get_agreement(demo_db, last_year.agreement_id)
    assert [i.indicator_id for i in screen.editor.items_model.items()] == [i.indicator_id for i in previous.items]


def test_items_are_removed_added_from_renstra_and_reordered(qtbot, screen, demo_db):
    editor = open_editor(qtbot, screen, "Dinkes")
    model = editor.items_model
    names = [i.indicator_name for i in model.items()]
    editor.tabs.setCurrentIndex(1)
    editor.items_view.setCurrentIndex(model.index(0, AgreementItemsModel.INDICATOR))
    click(qtbot, editor.remove_item_button)
    assert [i.indicator_name for i in model.items()] == names[1:]
    click(qtbot, editor.add_items_button)
    picker = editor.pending_dialog
    assert picker.list.count() == 1 and picker.list.item(0).text().startswith(names[0])
    picker.set_all(True)
    click(qtbot, ok_button(picker.buttons))
    assert [i.indicator_name for i in model.items()] == names[1:] + names[:1]
    editor.items_view.setCurrentIndex(model.index(len(names) - 1, AgreementItemsModel.INDICATOR))
    for _ in range(len(names) - 1):
        click(qtbot, editor.up_button)
    assert [i.indicator_name for i in model.items()] == names
    assert not editor.up_button.isEnabled()
    click(qtbot, editor.save_button)
    assert [i.indicator_name for i in agreement_service.get_agreement(demo_db, editor.detail.id).items] == names


def test_finalise_incomplete_then_sign_and_the_agreement_is_locked(qtbot, screen, demo_db, said):
    editor = open_editor(qtbot, screen, "Dinkes")
    agreement_id = editor.detail.id
    # GIVEN no place of signing WHEN Finalkan THEN the problem is named and it stays a draft
    editor.header.placeEdit.clear()
    qtbot.keyClicks(editor.header.placeEdit, " ")
    click(qtbot, editor.finalize_button)
    assert "Tempat penandatanganan belum diisi" in editor.message()
    assert agreement_service.get_agreement(demo_db, agreement_id).status is AgreementStatus.DRAFT
    qtbot.keyClicks(editor.header.placeEdit, "Sukamaju")
    click(qtbot, editor.finalize_button)
    assert editor.detail.status is AgreementStatus.FINAL
    assert editor.header.placeEdit.isReadOnly() and editor.sign_button.isVisible()
    # WHEN signed on 26 January 2026 (with the Pakta Integritas the same day)
    sign_through_dialog(qtbot, editor)
    detail = agreement_service.get_agreement(demo_db, agreement_id)
    assert (detail.status, detail.sign_date) == (AgreementStatus.SIGNED, date(2026, 1, 26))
    assert pact_service.pact_for(demo_db, detail.opd_id, 2026).sign_date == date(2026, 1, 26)
    # THEN the editor is read-only with the lock banner and only amendment and printing
    assert editor.banner.text() == "Ditandatangani pada 26 Januari 2026 — terkunci"
    assert editor.header.placeEdit.isReadOnly() and editor.header.firstNameEdit.isReadOnly()
    assert not editor.header.secondCombo.isEnabled()
    assert not editor.save_button.isVisible() and not editor.finalize_button.isVisible()
    assert not editor.add_items_button.isVisible()
    assert editor.amend_button.isVisible() and editor.preview_button.isEnabled() and editor.print_button.isEnabled()
    flags = editor.items_model.flags(editor.items_model.index(0, AgreementItemsModel.TARGET))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert "Ditandatangani 26 Januari 2026" in editor.header.pactLabel.text()
    # AND a save forced through anyway is refused by the service with its Indonesian message
    editor.header.placeEdit.setText("Kota Lain")
    assert editor.save() is False
    assert "sudah ditandatangani dan dikunci; perubahan ditolak" in said.errors[-1]
    assert agreement_service.get_agreement(demo_db, agreement_id) == detail
    editor.reject()
    assert screen.model.index(row_of(screen, "Dinkes"), AgreementListModel.STATUS).data() == "Ditandatangani"
    assert screen.model.index(row_of(screen, "Dinkes"), AgreementListModel.SIGNED_ON).data() == "26 Januari 2026"


def test_amendment_with_reason_shows_both_versions_and_what_changed(qtbot, screen, demo_db):
    editor = open_editor(qtbot, screen, "Dinkes")
    original_id = editor.detail.id
    click(qtbot, editor.finalize_button)
    sign_through_dialog(qtbot, editor, pact=False)
    # WHEN "Buat PK Perubahan…" without a reason THEN it is asked for
    click(qtbot, editor.amend_button)
    dialog = editor.pending_dialog
    click(qtbot, ok_button(dialog.findChild(QDialogButtonBox)))
    assert dialog.isVisible() and dialog.error.text() == "Alasan PK Perubahan wajib diisi"
    qtbot.keyClicks(dialog.reason_edit, "Penyesuaian anggaran APBD Perubahan 2026")
    click(qtbot, ok_button(dialog.findChild(QDialogButtonBox)))
    # THEN a new draft version linked to the signed one opens
    amendment = editor.detail
    assert (amendment.version_no, amendment.status, amendment.replaces_id) == (2, AgreementStatus.DRAFT, original_id)
    assert editor.title_label.text().startswith("PERJANJIAN KINERJA PERUBAHAN 2026")
    assert editor.header.amendmentGroup.isVisible()
    old_budget = editor.programs_model.program_at(0).budget
    editor.tabs.setCurrentIndex(2)
    type_in_cell(qtbot, editor.programs_view, 0, AgreementProgramsModel.BUDGET, "1.250.000.000")
    click(qtbot, editor.save_button)
    # The history lists both versions; Bandingkan shows the change of budget
    editor.tabs.setCurrentIndex(3)
    history = editor.history
    assert [history.versions.index(r, 0).data() for r in range(2)] == ["Awal", "Perubahan ke-1"]
    assert history.versions.index(0, 2).data() == "26 Januari 2026"
    click(qtbot, history.compare_button)
    changes = history.changes.rows()
    program = next(c for c in changes if c.section == "Program" and c.subject != "Jumlah anggaran")
    assert (program.before, program.after) == (
        "Rp " + f"{old_budget:,}".replace(",", "."), "Rp 1.250.000.000"
    )
    assert history.changes_view.model().index(0, 0).data() in {"Program", "Indikator", "Penandatangan", "Umum"}
    # The amendment goes through Final and Ditandatangani; the original is replaced
    click(qtbot, editor.finalize_button)
    sign_through_dialog(qtbot, editor, date(2026, 10, 1), pact=False)
    assert agreement_service.get_agreement(demo_db, original_id).status is AgreementStatus.SUPERSEDED
    editor.reject()
    assert screen.model.index(row_of(screen, "Dinkes"), AgreementListModel.STATUS).data() == (
        "Perubahan (Ditandatangani)"
    )
    assert screen.model.index(row_of(screen, "Dinkes"), AgreementListModel.VERSION).data() == "Perubahan ke-1"


# --- unsaved changes and failed saves ------------------------------------------------------------------


def test_closing_with_unsaved_changes_asks(qtbot, screen, demo_db, monkeypatch):
    answers: list[str] = []
    monkeypatch.setattr(unsaved, "ask_unsaved_changes", lambda _parent, **_kw: answers.pop(0))
    editor = open_editor(qtbot, screen, "Dinkes")
    agreement_id = editor.detail.id
    qtbot.keyClicks(editor.header.placeEdit, " Utara")
    # Batal: the editor stays open with the input
    answers.append(unsaved.CANCEL)
    click(qtbot, editor.close_button)
    assert editor.isVisible() and editor.header.placeEdit.text() == "Sukamaju Utara"
    # Jangan simpan: closed, nothing stored
    answers.append(unsaved.DISCARD)
    click(qtbot, editor.close_button)
    assert screen.editor is None
    assert agreement_service.get_agreement(demo_db, agreement_id).place == "Sukamaju"
    # Simpan: stored, then closed
    editor = open_editor(qtbot, screen, "Dinkes")
    qtbot.keyClicks(editor.header.placeEdit, " Utara")
    answers.append(unsaved.SAVE)
    editor.close()
    assert screen.editor is None
    assert agreement_service.get_agreement(demo_db, agreement_id).place == "Sukamaju Utara"
    # An editor without changes closes without asking
    editor = open_editor(qtbot, screen, "Dinkes")
    click(qtbot, editor.close_button)
    assert screen.editor is None and answers == []


def test_stale_save_keeps_input_and_the_other_change(qtbot, screen, demo_db, said):
    editor = open_editor(qtbot, screen, "Dinkes")
    loaded = agreement_service.get_agreement(demo_db, editor.detail.id)
    # GIVEN another window saved the same draft meanwhile
    agreement_service.save_draft(demo_db, replace_place(loaded, "Kendal"))
    qtbot.keyClicks(editor.header.notesEdit, "catatan saya")
    click(qtbot, editor.save_button)
    # THEN the save is refused, the input stays, the other change is kept
    assert "telah diubah di jendela atau komputer lain" in editor.message()
    assert editor.header.notesEdit.toPlainText() == "catatan saya" and editor.dirty
    stored = agreement_service.get_agreement(demo_db, loaded.id)
    assert (stored.place, stored.notes) == ("Kendal", loaded.notes)


def replace_place(detail, place: str):
    from dataclasses import replace

    return replace(detail, place=place)


def test_save_failing_inside_the_transaction_changes_nothing(qtbot, screen, demo_db, said, monkeypatch):
    editor = open_editor(qtbot, screen, "Dinkes")
    before = agreement_service.get_agreement(demo_db, editor.detail.id)
    row = plain_target_row(editor)
    editor.tabs.setCurrentIndex(1)
    type_in_cell(qtbot, editor.items_view, row, AgreementItemsModel.TARGET, "1.234,5")

    def locked(*_args):  # items were already changed in the session when the database "locks"
        raise DatabaseLockedError()

    monkeypatch.setattr(agreement_service, "_sync_programs", locked)
    click(qtbot, editor.save_button)
    assert "terkunci" in said.errors[-1] and "tidak ada perubahan yang tersimpan" in editor.message()
    assert editor.items_model.item_at(row).target == Decimal("1234.5") and editor.dirty
    assert agreement_service.get_agreement(demo_db, before.id) == before
    monkeypatch.undo()
    click(qtbot, editor.save_button)
    assert agreement_service.get_agreement(demo_db, before.id).items[row].target == Decimal("1234.5")


# --- printing ------------------------------------------------------------------------------------------


def test_preview_opens_the_pdf_in_the_app(qtbot, screen):
    from PySide6.QtPdf import QPdfDocument

    editor = open_editor(qtbot, screen, "Dinkes")
    editor.paper.setCurrentIndex(editor.paper.findData("f4"))
    click(qtbot, editor.preview_button)
    qtbot.waitUntil(lambda: editor.preview_dialog is not None, timeout=15_000)
    preview = editor.preview_dialog
    assert preview.status() == QPdfDocument.Status.Ready and preview.page_count() >= 2
    assert preview.page_label.text() == f"Halaman 1 dari {preview.page_count()}"
    path: Path = preview.path
    assert path.exists()
    size = preview.document.pagePointSize(0)
    assert round(size.height()) == 935  # F4: 330 mm
    preview.close()
    qtbot.waitUntil(lambda: editor.preview_dialog is None)
    assert not path.exists()  # the temporary preview file is removed


def test_print_to_file_writes_the_pdf(qtbot, screen, tmp_path, monkeypatch):
    target = tmp_path / "pk.pdf"
    monkeypatch.setattr(print_action, "ask_pdf_path", lambda _parent, _name: str(target))
    editor = open_editor(qtbot, screen, "Dinkes")
    click(qtbot, editor.print_button)
    qtbot.waitUntil(lambda: "PDF tersimpan" in editor.message(), timeout=15_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_batch_print_cancelled_leaves_no_partial_files(qtbot, screen, tmp_path, said):
    folder = tmp_path / "cetak"

    def press_batal_at_the_third_file(batch) -> None:  # noqa: ANN001
        def press_batal(done: int, _total: int, _name: str) -> None:
            assert not screen.print_all_button.isEnabled()  # one batch at a time
            if done == 3 and batch.running:
                qtbot.mouseClick(batch.cancel_button, Qt.MouseButton.LeftButton)

        batch.progressed.connect(press_batal)

    screen.runner.started.connect(press_batal_at_the_third_file)
    batch = screen.print_all(folder, "a4", combined=True)
    assert batch is not None
    qtbot.waitUntil(lambda: screen.batch is None, timeout=60_000)
    result = screen.last_batch_result
    assert result.cancelled and "dibatalkan" in said.infos[-1]
    files = sorted(p.name for p in folder.iterdir())
    assert all(name.endswith(".pdf") and not name.startswith(".") for name in files), files
    assert 2 <= len(files) < 42 and "PK-2026-SEMUA.pdf" not in files
    from pypdf import PdfReader

    for name in files:
        assert len(PdfReader(folder / name).pages) >= 1
    assert screen.print_all_button.isEnabled()


# --- the whole year ------------------------------------------------------------------------------------


def test_every_2026_draft_goes_to_signed_through_the_gui(qtbot, screen, demo_db):
    count = screen.model.rowCount()
    for row in range(count):
        abbreviation = screen.model.row_at(row).opd_abbreviation
        editor = open_editor(qtbot, screen, abbreviation)
        click(qtbot, editor.finalize_button)
        assert editor.detail.status is AgreementStatus.FINAL, (abbreviation, editor.message())
        sign_through_dialog(qtbot, editor, pact=False)
        assert editor.detail.status is AgreementStatus.SIGNED, (abbreviation, editor.message())
        click(qtbot, editor.close_button)
    rows = agreement_service.list_agreements(demo_db, 2026)
    assert {r.status for r in rows} == {AgreementStatus.SIGNED} and len(rows) == count
    assert "42 ditandatangani" in screen.summary.text()


def test_pakta_integritas_is_recorded_and_previewed_from_the_editor(qtbot, screen, demo_db):
    from PySide6.QtPdf import QPdfDocument

    editor = open_editor(qtbot, screen, "Dinkes")
    header = editor.header
    assert "belum dicatat" in header.pactLabel.text() and not header.previewPactButton.isEnabled()
    click(qtbot, header.recordPactButton)
    dialog = editor.pending_dialog
    dialog.date_edit.setDate(QDate(2026, 1, 26))
    click(qtbot, ok_button(dialog.findChild(QDialogButtonBox)))
    pact = pact_service.pact_for(demo_db, editor.detail.opd_id, 2026)
    assert pact.sign_date == date(2026, 1, 26)
    assert header.pactLabel.text().startswith("Ditandatangani 26 Januari 2026 oleh ")
    screen.refresh()
    assert screen.model.index(row_of(screen, "Dinkes"), AgreementListModel.PACT).data() == "26 Januari 2026"
    click(qtbot, header.previewPactButton)
    qtbot.waitUntil(lambda: editor.preview_dialog is not None, timeout=15_000)
    assert editor.preview_dialog.status() == QPdfDocument.Status.Ready
    editor.preview_dialog.close()
