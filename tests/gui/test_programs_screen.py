"""Program & Anggaran driven as a user would: programs, kegiatan and sub kegiatan with their codes and pagu typed
through the form; a program's pagu follows its kegiatan; what a PK refers to is retired, not deleted."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox

from kinerja_desktop.domain.enums import LeaderRole, OpdKind, ProgramLevel, RegionKind
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.dialogs.program_form_dialog import ProgramFormDialog
from kinerja_desktop.gui.models.program_tree_model import ProgramTreeModel
from kinerja_desktop.services import agreements, programs, setup
from kinerja_desktop.services.opd import OpdForm
from kinerja_desktop.services.periods import PeriodData
from kinerja_desktop.services.regency import RegencyProfile
from kinerja_desktop.services.setup import LeaderInput, SetupData

PAGU_2026 = ProgramTreeModel.FIRST_YEAR + 1


@pytest.fixture
def screen(main_window, db):
    setup.set_up(
        db,
        SetupData(
            profile=RegencyProfile(kind=RegionKind.KABUPATEN, name="Wanasari", capital="Ungaran",
                                   agency_name="Badan Perencanaan Pembangunan Daerah", agency_short="Bappeda"),
            period=PeriodData(2025, 2029),
            leaders=[LeaderInput(LeaderRole.HEAD, "H. Ahmad Fauzan", start_date=date(2025, 2, 20))],
            opds=[OpdForm(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan",
                          kind=OpdKind.DINAS)],
        ),
    )
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    main_window.show_screen(main_window.programs)
    return main_window.programs


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def type_pagu(qtbot, dialog: ProgramFormDialog, year: int, text: str) -> None:
    table = dialog.ui.paguTable
    row = dialog.years.index(year)
    table.setCurrentCell(row, 0)
    table.editItem(table.item(row, 0))
    editor = table.indexWidget(table.currentIndex())
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(table.model().index(row, 0)) is None)


def open_form(qtbot, screen, button, code: str, name: str, pagu: dict[int, str]) -> ProgramFormDialog:
    click(qtbot, button)
    dialog = screen.dialog
    assert isinstance(dialog, ProgramFormDialog)
    dialog.ui.codeEdit.setFocus()
    dialog.ui.codeEdit.end(False)
    qtbot.keyClicks(dialog.ui.codeEdit, code)
    qtbot.keyClicks(dialog.ui.nameEdit, name)
    for year, text in pagu.items():
        type_pagu(qtbot, dialog, year, text)
    return dialog


def row_texts(screen, code: str) -> dict[int, str]:
    item = next(i for i in screen.model.walk() if i.node.code == code)
    return {c: screen.model.index_of(item.id, c).data() for c in range(screen.model.columnCount())}


def test_a_programs_pagu_follows_its_kegiatan_typed_through_the_form(qtbot, screen, db):
    assert screen.opd_combo.currentText() == "Dinkes — Dinas Kesehatan"
    assert screen.model.headers()[ProgramTreeModel.FIRST_YEAR:-1] == [f"Pagu {y} (Rp)" for y in range(2025, 2030)]
    assert not screen.add_activity_button.isEnabled()
    # a program with its own pagu
    dialog = open_form(qtbot, screen, screen.add_program_button, "1.02.02",
                       "PROGRAM PEMENUHAN UPAYA KESEHATAN", {2026: "9.000.000.000", 2027: "Rp 9.500.000.000"})
    assert dialog.pagu() == {2026: 9_000_000_000, 2027: 9_500_000_000}
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert row_texts(screen, "1.02.02")[PAGU_2026] == "9.000.000.000"
    assert screen.info.text() == "1 program, 0 kegiatan, 0 sub kegiatan · pagu 2026: Rp 9.000.000.000"
    # a kegiatan whose code does not start with its program's is refused under the code
    assert screen.selected_item().node.code == "1.02.02"
    dialog = open_form(qtbot, screen, screen.add_activity_button, "", "Penyediaan Fasilitas", {})
    assert dialog.ui.codeEdit.text() == "1.02.02."  # the program's code is filled in
    dialog.ui.codeEdit.setText("1.03.02.2.01")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("code") == "Kode kegiatan harus diawali kode program induknya (1.02.02.…)"
    dialog.reject()
    # the kegiatan with its pagu: the program now carries their sum
    screen.select_node(next(i.id for i in screen.model.walk() if i.node.code == "1.02.02"))
    dialog = open_form(qtbot, screen, screen.add_activity_button, "2.01", "Penyediaan Fasilitas Pelayanan Kesehatan",
                       {2026: "1.500.000.000"})
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert screen.visible_texts(ProgramTreeModel.CODE) == ["1.02.02", "1.02.02.2.01"]
    assert row_texts(screen, "1.02.02")[PAGU_2026] == "1.500.000.000"
    assert row_texts(screen, "1.02.02")[PAGU_2026 + 1] == ""  # 2027: no kegiatan budgets it
    # a sub kegiatan under the kegiatan
    dialog = open_form(qtbot, screen, screen.add_sub_button, "0003", "Pembangunan Puskesmas", {2026: "600.000.000"})
    save(qtbot, dialog)
    assert row_texts(screen, "1.02.02.2.01")[PAGU_2026] == "600.000.000"
    assert row_texts(screen, "1.02.02")[PAGU_2026] == "600.000.000"
    # the program's form shows its pagu as the kegiatan's sum, not to be typed
    screen.select_node(next(i.id for i in screen.model.walk() if i.node.code == "1.02.02"))
    click(qtbot, screen.edit_button)
    dialog = screen.dialog
    assert dialog.ui.paguTable.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert dialog.ui.paguHint.text() == (
        "Pagu program ini adalah jumlah pagu kegiatan di bawahnya; ubah pagu kegiatannya."
    )
    assert dialog.pagu_cell(2026) == 600_000_000 and dialog.pagu() is None
    save(qtbot, dialog)
    assert not dialog.isVisible()
    [program] = programs.program_tree(db, screen.current_opd_id())
    assert program.pagu == {2026: 600_000_000}


def test_a_program_in_a_pk_is_retired_and_one_nothing_refers_to_deleted(qtbot, screen, db, monkeypatch):
    questions: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _parent, _title, text: questions.append(text) or True)
    opd_id = screen.current_opd_id()
    kept = programs.save_program(db, programs.ProgramForm(opd_id, ProgramLevel.PROGRAM, "1.02.02", "PROGRAM A",
                                                          pagu={2026: 5_000_000}))
    programs.save_program(db, programs.ProgramForm(opd_id, ProgramLevel.ACTIVITY, "1.02.02.2.01", "Kegiatan A",
                                                   parent_id=kept, pagu={2026: 5_000_000}))
    gone = programs.save_program(db, programs.ProgramForm(opd_id, ProgramLevel.PROGRAM, "1.02.03", "PROGRAM B"))
    agreements.create_from_renstra(db, opd_id, 2026)  # its lampiran lists PROGRAM A
    screen.load_tree()
    screen.select_node(gone)
    click(qtbot, screen.remove_button)
    assert questions[-1].startswith("Hapus program 1.02.03 PROGRAM B?")
    assert screen.result_label.text() == "“Program 1.02.03 PROGRAM B” dihapus."
    screen.select_node(kept)
    click(qtbot, screen.remove_button)
    assert "beserta 1 kegiatan/sub kegiatan di bawahnya" in questions[-1]
    assert screen.result_label.text().startswith("“Program 1.02.02 PROGRAM A” dinonaktifkan")
    assert screen.visible_texts(ProgramTreeModel.CODE) == []
    screen.show_retired.setChecked(True)
    assert screen.visible_texts(ProgramTreeModel.CODE) == ["1.02.02", "1.02.02.2.01"]
    assert row_texts(screen, "1.02.02")[ProgramTreeModel.DESCRIPTION] == "PROGRAM A (nonaktif)"
    screen.select_node(kept)
    click(qtbot, screen.remove_button)  # "Aktifkan kembali"
    assert screen.result_label.text() == "“Program 1.02.02 PROGRAM A” diaktifkan kembali."
    assert [n.is_active for n in programs.program_tree(db, opd_id)] == [True]


def test_a_column_of_pagu_pasted_from_excel(qtbot, screen, db):
    # Issue 14 §11: the pagu grid takes a column copied from Excel, cell by cell, with undo
    from PySide6.QtGui import QGuiApplication

    dialog = open_form(qtbot, screen, screen.add_program_button, "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", {})
    table = dialog.ui.paguTable
    table.setFocus()
    table.setCurrentCell(dialog.years.index(2026), 0)
    QGuiApplication.clipboard().setText("Rp 9.000.000.000\r\n9.500.000.000,50\r\n10.000.000.000\r\n")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pagu() == {2026: 9_000_000_000, 2028: 10_000_000_000}
    assert "2027" in dialog.error_text("pagu") and "tanpa sen" in dialog.error_text("pagu")
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pagu() == {}
    save(qtbot, dialog)
    assert not dialog.isVisible()
