"""Evaluasi AKIP: the LKE entered per OPD with the total and grade live, saved, finalised; the annual ranking;
the piagam, the rapor and the LKjIP printed through the screen — driven as an evaluator would, on the demo's 2025."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt

from kinerja_desktop.demo import create_demo
from kinerja_desktop.domain.akip import LkeStatus
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.screens.akip import EVIDENCE, RECOMMENDATION
from kinerja_desktop.services import akip


@pytest.fixture
def screen(main_window, db):
    create_demo(db, seed=2026)
    main_window.set_database(db)
    main_window.resize(1366, 705)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2025))
    main_window.show_screen(main_window.akip)
    return main_window.akip


@pytest.fixture
def errors(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: said.append(text))
    return said


def open_opd(qtbot, screen, abbreviation: str) -> None:
    row = [r.opd_abbreviation for r in screen.opd_model.rows()].index(abbreviation)
    index = screen.opd_model.index(row, 0)
    screen.opd_table.scrollTo(index)
    qtbot.mouseClick(screen.opd_table.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen.opd_table.visualRect(index).center())
    assert screen.form is not None and screen.opd_label.text() == screen.form.opd_name


def choose(qtbot, screen, code: str, answer: str) -> None:
    combo = screen.answer_combo(code)
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(answer))


def type_into(qtbot, screen, code: str, column: int, text: str) -> None:
    item = screen.table.item(screen.row_of(code), column)
    screen.table.setCurrentItem(item)
    screen.table.editItem(item)
    editor = screen.table.focusWidget()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_answers_move_the_total_and_grade_live_then_save(qtbot, screen, db, errors):
    open_opd(qtbot, screen, "Kec. Kalimas")  # not evaluated yet
    assert screen.total_label.text().startswith("Nilai AKIP 0,00 · predikat D")
    choose(qtbot, screen, "1.a.1", "Y")
    # one of six "Ya" in 1.a (bobot 6): 1,00
    assert screen.total_label.text().startswith("Nilai AKIP 1,00 · predikat D")
    choose(qtbot, screen, "1.b.1", "B")  # 9 / 9 × 0,75
    assert screen.total_label.text().startswith("Nilai AKIP 1,75")
    assert "Perencanaan Kinerja: 1,75 / 30" in screen.components_label.text()
    type_into(qtbot, screen, "1.a.1", EVIDENCE, "Renstra Kecamatan")
    type_into(qtbot, screen, "1.b.1", RECOMMENDATION, "Lengkapi IKU")
    qtbot.keyClicks(screen.evaluator_edit, "Tim Inspektorat")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert errors == []
    form = akip.get_evaluation(db, screen.form.opd_id, 2025)
    assert form.answers["1.a.1"].answer == "Y" and form.answers["1.a.1"].evidence == "Renstra Kecamatan"
    assert form.answers["1.b.1"].recommendation == "Lengkapi IKU" and form.evaluator == "Tim Inspektorat"
    row = next(r for r in screen.opd_model.rows() if r.opd_abbreviation == "Kec. Kalimas")
    assert row.total == Decimal("1.75") and row.status is LkeStatus.DRAFT
    qtbot.mouseClick(screen.finalize_button, Qt.MouseButton.LeftButton)
    assert errors and "kriteria belum dijawab" in errors[0]
    assert akip.get_evaluation(db, screen.form.opd_id, 2025).status is LkeStatus.DRAFT


def test_a_final_evaluation_is_read_only_until_reopened(qtbot, screen, db, errors):
    open_opd(qtbot, screen, "Dinkes")
    assert screen.total_label.text().startswith("Nilai AKIP 60,62 · predikat B (Baik (>60–70))")
    assert not screen.answer_combo("1.a.1").isEnabled() and not screen.save_button.isEnabled()
    qtbot.mouseClick(screen.rapor_button, Qt.MouseButton.LeftButton)  # through the one print action
    assert screen.printer.last_file is not None and screen.printer.last_file.name == "RAPOR-AKIP-2025-DINKES.pdf"
    assert screen.printer.preview_dialog is not None
    screen.printer.close_preview()
    qtbot.mouseClick(screen.reopen_button, Qt.MouseButton.LeftButton)
    assert screen.answer_combo("1.a.1").isEnabled() and screen.finalize_button.isEnabled()
    qtbot.mouseClick(screen.finalize_button, Qt.MouseButton.LeftButton)
    assert errors == [] and akip.get_evaluation(db, screen.form.opd_id, 2025).status is LkeStatus.FINAL


def test_ranking_tab_piagam_and_lkjip(qtbot, screen, tmp_path: Path):
    screen.tabs.setCurrentIndex(1)
    rows = screen.ranking_model.rows()
    assert [(r.rank, r.opd_abbreviation) for r in rows[:2]] == [(1, "Bapperida"), (2, "BPKAD")]
    model = screen.ranking_table.model()
    assert [model.index(0, c).data() for c in (0, 2, 3, 6)] == ["1", "63,19", "B", "Piagam"]
    assert model.index(5, 6).data() == ""
    assert "5 terbaik menerima piagam" in screen.ranking_note.text()
    screen.print_piagam(tmp_path / "piagam")
    assert screen.last_result is not None and screen.last_result.ok and len(screen.last_result.value) == 5
    screen.lkjip_scope.setCurrentIndex(screen.lkjip_scope.findData("Dinkes"))
    screen.save_lkjip(str(tmp_path / "lkjip.docx"))
    document = Document(str(tmp_path / "lkjip.docx"))
    assert "BAB III AKUNTABILITAS KINERJA" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "LKjIP tersimpan" in screen.ranking_note.text()


def test_screenshot_at_1366_by_705(qtbot, screen, main_window, tmp_path):
    open_opd(qtbot, screen, "Disporapar")
    main_window.grab().save(str(tmp_path / "akip.png"))
    assert main_window.size().width() == 1366 and (tmp_path / "akip.png").stat().st_size > 10_000
    assert screen.table.horizontalScrollBar().maximum() == 0  # every column within the window's width


def test_a_final_evaluation_looks_locked_and_a_click_says_why(qtbot, screen, db, errors):
    # Issue 14 §14: the one locked look (the window's background, the text as dark) and a click or a key that
    # says why, on every field of a final LKE; Buka kembali unlocks them all.
    from PySide6.QtGui import QPalette

    from kinerja_desktop.gui.locked import LOCKED

    open_opd(qtbot, screen, "Dinkes")
    said: list[str] = []
    screen.lock.reason_shown.connect(said.append)
    edit, notes, combo = screen.evaluator_edit, screen.notes_edit, screen.answer_combo("1.a.1")
    for widget in (edit, notes, combo, screen.table):
        assert widget.property(LOCKED), widget
    palette = edit.palette()
    assert palette.color(QPalette.ColorRole.Base) == palette.color(QPalette.ColorRole.Window)
    assert edit.isReadOnly() and not combo.isEnabled()
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    assert said and "sudah final" in said[-1] and "Buka kembali" in said[-1]
    before = notes.toPlainText()
    qtbot.keyClicks(notes.viewport(), "x")
    assert len(said) == 2 and notes.toPlainText() == before
    item = screen.table.item(screen.row_of("1.a.1"), EVIDENCE)
    screen.table.setCurrentItem(item)
    text = item.text()
    qtbot.keyClicks(screen.table, "Bukti")
    assert len(said) >= 3 and item.text() == text
    qtbot.mouseClick(screen.reopen_button, Qt.MouseButton.LeftButton)
    edit, combo = screen.evaluator_edit, screen.answer_combo("1.a.1")
    assert not edit.property(LOCKED) and not edit.isReadOnly() and not screen.table.property(LOCKED)
    assert combo.isEnabled() and not combo.property(LOCKED)
    qtbot.keyClicks(edit, " (tambahan)")
    assert edit.text().endswith(" (tambahan)") and errors == []
