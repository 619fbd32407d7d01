"""The Perangkat Daerah screen driven as a user would: add, edit, invalid input, search, deactivate."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from kinerja_desktop.domain.enums import ActingKind, OpdKind
from kinerja_desktop.services.opd import get_opd, head_history, list_opds


@pytest.fixture
def screen(main_window):
    main_window.show_screen(main_window.opd)
    return main_window.opd


def click_add(qtbot, screen):
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert screen.dialog is not None and screen.dialog.isVisible()
    return screen.dialog


def type_into(qtbot, widget, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def save_button(dialog):
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def fill_dinkes(qtbot, dialog) -> None:
    ui = dialog.ui
    type_into(qtbot, ui.codeEdit, "1.02.0.00.0.00.01.0000")
    type_into(qtbot, ui.abbreviationEdit, "Dinkes")
    type_into(qtbot, ui.nameEdit, "Dinas Kesehatan")
    choose(ui.kindCombo, OpdKind.DINAS)
    type_into(qtbot, ui.emailEdit, "dinkes@sukamajukab.go.id")
    type_into(qtbot, ui.headNameEdit, "dr. Bambang Sutrisno, M.Kes.")
    type_into(qtbot, ui.headNipEdit, "19700312 199503 1 002")
    ui.headRankCombo.setCurrentIndex(ui.headRankCombo.findText("Pembina Utama Muda (IV/c)"))
    type_into(qtbot, ui.headPositionEdit, "Kepala Dinas Kesehatan")
    ui.headStartEdit.setDate(QDate(2024, 1, 2))


def table_texts(screen, column: int) -> list[str]:
    model = screen.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_dialog_buttons_are_indonesian(qtbot, screen):
    dialog = click_add(qtbot, screen)
    assert save_button(dialog).text() == "Simpan"
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    assert dialog.windowTitle() == "Tambah Perangkat Daerah"
    dialog.reject()


def test_add_an_opd_through_the_dialog(qtbot, screen, db):
    # GIVEN an empty list WHEN the user fills the form and clicks Simpan
    assert screen.model.rowCount() == 0
    dialog = click_add(qtbot, screen)
    fill_dinkes(qtbot, dialog)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    # THEN the dialog closes, the OPD is stored and shown, selected, in the table
    assert not dialog.isVisible()
    [row] = list_opds(db)
    assert (row.abbreviation, row.head_nip) == ("Dinkes", "197003121995031002")
    assert table_texts(screen, 1) == ["Dinkes"]
    assert table_texts(screen, 4) == ["dr. Bambang Sutrisno, M.Kes."]
    assert screen.selected_id() == row.id
    form = get_opd(db, row.id)
    assert (form.head.rank, form.head.grade) == ("Pembina Utama Muda", "IV/c")


def test_invalid_nip_shows_an_indonesian_message_and_saves_nothing(qtbot, screen, db):
    dialog = click_add(qtbot, screen)
    fill_dinkes(qtbot, dialog)
    type_into(qtbot, dialog.ui.headNipEdit, "1970031219950310")  # 16 digits
    type_into(qtbot, dialog.ui.emailEdit, "dinkes-at-sukamaju")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_text("head_nip") == "NIP harus terdiri dari 18 angka."
    assert dialog.ui.headNipError.isVisible()
    assert dialog.error_text("email").startswith("Alamat e-mail tidak sah")
    assert dialog.error_text("code") == ""
    assert list_opds(db, include_inactive=True) == []
    # WHEN corrected THEN it saves and the messages go
    type_into(qtbot, dialog.ui.headNipEdit, "197003121995031002")
    type_into(qtbot, dialog.ui.emailEdit, "dinkes@sukamajukab.go.id")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(list_opds(db)) == 1


def test_required_fields_are_marked(qtbot, screen, db):
    dialog = click_add(qtbot, screen)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.error_text("code") == "Kode perangkat daerah wajib diisi."
    assert dialog.error_text("name") == "Nama perangkat daerah wajib diisi."
    assert dialog.error_text("kind") == "Pilih jenis perangkat daerah."
    assert dialog.focusWidget() is dialog.ui.codeEdit or not dialog.isActiveWindow()
    dialog.reject()
    assert list_opds(db, include_inactive=True) == []


def test_duplicate_code_is_refused_on_the_code_field(qtbot, screen, db):
    first = click_add(qtbot, screen)
    fill_dinkes(qtbot, first)
    qtbot.mouseClick(save_button(first), Qt.MouseButton.LeftButton)
    second = click_add(qtbot, screen)
    ui = second.ui
    type_into(qtbot, ui.codeEdit, "1.02.0.00.0.00.01.0000")
    type_into(qtbot, ui.abbreviationEdit, "Dinkes2")
    type_into(qtbot, ui.nameEdit, "Dinas Kesehatan Hewan")
    choose(ui.kindCombo, OpdKind.DINAS)
    qtbot.mouseClick(save_button(second), Qt.MouseButton.LeftButton)
    assert second.isVisible()
    assert second.error_text("code") == "Kode 1.02.0.00.0.00.01.0000 sudah dipakai oleh Dinas Kesehatan."
    assert len(list_opds(db, include_inactive=True)) == 1
    second.reject()


def test_edit_renames_and_changes_the_head_keeping_history(qtbot, screen, db):
    dialog = click_add(qtbot, screen)
    fill_dinkes(qtbot, dialog)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    opd_id = screen.selected_id()
    # WHEN the user edits it: new name, a new Plt. head from 1 July 2026
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    edit = screen.dialog
    assert edit.windowTitle() == "Ubah Perangkat Daerah — Dinkes"
    assert edit.ui.headNipEdit.text() == "19700312 199503 1 002"
    assert edit.ui.historyGroup.isVisible() and edit.ui.headHistoryView.model().rowCount() == 1
    type_into(qtbot, edit.ui.nameEdit, "Dinas Kesehatan dan Keluarga Berencana")
    type_into(qtbot, edit.ui.headNameEdit, "Sri Wahyuni, S.KM., M.Kes.")
    type_into(qtbot, edit.ui.headNipEdit, "198105202006042001")
    choose(edit.ui.headActingCombo, ActingKind.PLT)
    edit.ui.headStartEdit.setDate(QDate(2026, 7, 1))
    qtbot.mouseClick(save_button(edit), Qt.MouseButton.LeftButton)
    assert not edit.isVisible(), edit.ui.headStartError.text()
    # THEN the table shows the new name and head; the history keeps both heads
    assert table_texts(screen, 2) == ["Dinas Kesehatan dan Keluarga Berencana"]
    assert table_texts(screen, 4) == ["Sri Wahyuni, S.KM., M.Kes."]
    new, old = head_history(db, opd_id)
    assert new.position == "Plt. Kepala Dinas Kesehatan" and old.end_date.isoformat() == "2026-06-30"
    # AND the dialog shows the history, newest first, in Indonesian dates
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    history = screen.dialog.ui.headHistoryView.model()
    assert [history.index(r, 4).data() for r in range(2)] == ["1 Juli 2026", "2 Januari 2024"]
    assert [history.index(r, 5).data() for r in range(2)] == ["sekarang", "30 Juni 2026"]
    screen.dialog.reject()


def test_search_filters_on_code_abbreviation_name_and_head(qtbot, screen, db, small_regency):
    screen.refresh()
    assert sorted(table_texts(screen, 1)) == ["Dinkes", "Kec. Sukamaju"]
    type_into(qtbot, screen.search, "bambang")
    assert table_texts(screen, 1) == ["Dinkes"]
    type_into(qtbot, screen.search, "7.01")
    assert table_texts(screen, 1) == ["Kec. Sukamaju"]
    type_into(qtbot, screen.search, "kecamatan sukamaju")
    assert table_texts(screen, 1) == ["Kec. Sukamaju"]
    screen.search.clear()
    assert screen.count_label.text() == "Menampilkan 2 dari 2 perangkat daerah aktif"


def test_sorting_uses_raw_values(qtbot, screen, db, small_regency):
    screen.refresh()
    screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert table_texts(screen, 0) == ["7.01.0.00.0.00.02.0000", "1.02.0.00.0.00.01.0000"]
    screen.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # head: an OPD without head sorts last
    assert table_texts(screen, 4) == ["dr. Bambang Sutrisno, M.Kes.", "(belum diisi)"]


def test_deactivate_and_reactivate(qtbot, screen, db, small_regency, monkeypatch):
    asked = []
    monkeypatch.setattr("kinerja_desktop.gui.messages.confirm", lambda _p, _t, text: asked.append(text) or True)
    screen.refresh()
    assert screen.select_opd(small_regency["camat"])
    assert screen.active_button.text() == "&Nonaktifkan"
    qtbot.mouseClick(screen.active_button, Qt.MouseButton.LeftButton)
    assert "Nonaktifkan Kecamatan Sukamaju (Kec. Sukamaju)?" in asked[0]
    assert [r.abbreviation for r in list_opds(db)] == ["Dinkes"]
    assert table_texts(screen, 1) == ["Dinkes"]
    # The inactive one appears with the filter, and can be reactivated
    screen.show_inactive.setChecked(True)
    assert sorted(table_texts(screen, 5)) == ["Aktif", "Nonaktif"]
    assert screen.select_opd(small_regency["camat"])
    assert screen.active_button.text() == "&Aktifkan kembali"
    qtbot.mouseClick(screen.active_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1  # reactivating needs no confirmation
    assert len(list_opds(db)) == 2


def test_declining_the_confirmation_changes_nothing(qtbot, screen, db, small_regency, monkeypatch):
    monkeypatch.setattr("kinerja_desktop.gui.messages.confirm", lambda *_: False)
    screen.refresh()
    screen.select_opd(small_regency["dinkes"])
    qtbot.mouseClick(screen.active_button, Qt.MouseButton.LeftButton)
    assert len(list_opds(db)) == 2


def test_new_head_starting_before_the_current_one_is_refused(qtbot, screen, db):
    dialog = click_add(qtbot, screen)
    fill_dinkes(qtbot, dialog)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.edit_button, Qt.MouseButton.LeftButton)
    edit = screen.dialog
    type_into(qtbot, edit.ui.headNameEdit, "Sri Wahyuni, S.KM., M.Kes.")
    type_into(qtbot, edit.ui.headNipEdit, "198105202006042001")
    edit.ui.headStartEdit.setDate(QDate(2023, 12, 1))
    qtbot.mouseClick(save_button(edit), Qt.MouseButton.LeftButton)
    assert edit.isVisible()
    assert edit.error_text("head_start") == (
        "Kepala baru harus mulai menjabat sesudah 2 Januari 2024 (mulai menjabat dr. Bambang Sutrisno, M.Kes.)."
    )
    assert len(head_history(db, screen.selected_id())) == 1
    edit.reject()


def test_buttons_need_a_selection(screen):
    assert screen.add_button.isEnabled()
    assert not screen.edit_button.isEnabled() and not screen.active_button.isEnabled()
