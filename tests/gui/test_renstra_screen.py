"""The Renstra & Indikator screen driven as a user would: choose an OPD, build tujuan → sasaran →
indikator through the forms, see validation and alignment flags, move, retire, and close with edits."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kinerja_desktop.db.models import Goal, PlanningPeriod
from kinerja_desktop.domain.enums import Cumulation, GoalKind, GoalLevel
from kinerja_desktop.gui import messages, unsaved
from kinerja_desktop.gui.dialogs.goal_form_dialog import GoalFormDialog
from kinerja_desktop.gui.dialogs.indicator_form_dialog import IndicatorFormDialog
from kinerja_desktop.gui.models.renstra_targets_model import RenstraTargetsModel
from kinerja_desktop.gui.models.renstra_tree_model import NodeKind, RenstraTreeModel
from kinerja_desktop.services import renstra

T = RenstraTargetsModel


@pytest.fixture
def plan(db, small_regency):
    """Sukamaju's two OPDs plus one RPJMD sasaran a Renstra sasaran may support."""
    with db.write() as s:
        period_id = s.query(PlanningPeriod.id).scalar()
        regional = Goal(
            period_id=period_id,
            level=GoalLevel.REGIONAL,
            kind=GoalKind.TARGET,
            code="S2.1",
            statement="Meningkatnya kualitas pelayanan publik",
        )
        s.add(regional)
        s.flush()
        return {**small_regency, "period": period_id, "regional": regional.id}


@pytest.fixture
def screen(main_window, plan):
    main_window.set_database(main_window.db)  # reload the years the fixture added
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    main_window.show_screen(main_window.renstra)
    return main_window.renstra


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def type_cell(qtbot, dialog: IndicatorFormDialog, year: int, column: int, text: str) -> None:
    """Type into a cell of the targets table as a user does: open the editor, type, press Enter."""
    view = dialog.ui.targetsView
    index = dialog.model.index(dialog.model.row_of_year(year), column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert editor is not None
    if text:
        qtbot.keyClicks(editor, text)  # the editor opens with the old value selected: typing replaces it
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)  # the delegate commits on a queued call


def cell(dialog: IndicatorFormDialog, year: int, column: int) -> str:
    return dialog.model.index(dialog.model.row_of_year(year), column).data()


def node_texts(screen, column: int = RenstraTreeModel.DESCRIPTION) -> list[str]:
    return screen.visible_texts(column)


def row_of(screen, prefix: str) -> tuple[str, dict[int, str]]:
    """The node whose Uraian starts with ``prefix``: its id and its texts per column."""
    for item in screen.model.walk():
        index = screen.model.index_of(item.id)
        if index.data().startswith(prefix):
            return item.id, {c: screen.model.index_of(item.id, c).data() for c in range(6)}
    raise AssertionError(f"{prefix!r} not in {node_texts(screen)}")


def add_tujuan_and_sasaran(qtbot, screen, *, link: bool) -> None:
    click(qtbot, screen.add_goal_button)
    dialog = screen.dialog
    assert isinstance(dialog, GoalFormDialog) and dialog.windowTitle() == "Tambah Tujuan"
    assert not dialog.ui.supportsCombo.isVisibleTo(dialog)  # a tujuan links nothing upward
    type_into(qtbot, dialog.ui.codeEdit, "T1")
    type_into(qtbot, dialog.ui.statementEdit, "Meningkatnya kualitas pelayanan kecamatan")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    tujuan_id = screen.selected_id()
    click(qtbot, screen.add_target_button)
    dialog = screen.dialog
    assert dialog.windowTitle() == "Tambah Sasaran"
    assert dialog.ui.parentCombo.currentData() == tujuan_id
    type_into(qtbot, dialog.ui.codeEdit, "S1.1")
    type_into(qtbot, dialog.ui.statementEdit, "Meningkatnya kepuasan masyarakat atas layanan kecamatan")
    if link:
        dialog.ui.supportsCombo.setCurrentIndex(1)
        assert dialog.ui.supportsCombo.currentText() == "S2.1 Meningkatnya kualitas pelayanan publik"
    save(qtbot, dialog)
    assert not dialog.isVisible()


# -- the demo regency -------------------------------------------------------------------------------------
def test_demo_regency_tree_per_opd_with_indonesian_targets(qtbot, demo_db):
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.year_combo.setCurrentIndex(window.year_combo.findData(2026))
    window.show_screen(window.renstra)
    screen = window.renstra
    assert screen.opd_combo.count() >= 30
    # WHEN the user types part of a name into the OPD selector and picks the match
    screen.opd_combo.setCurrentIndex(screen.opd_combo.findText("Dinkes — Dinas Kesehatan"))
    # THEN the tree shows that OPD's tujuan → sasaran → indikator with 2026 targets, comma decimals
    assert screen.model.headerData(RenstraTreeModel.TARGET, Qt.Orientation.Horizontal) == "Target 2026"
    texts = node_texts(screen)
    assert texts[0].startswith("Tujuan T1:")
    assert any(t.startswith("Sasaran S1.1:") for t in texts)
    _, stunting = row_of(screen, "IK 1.2.1 Prevalensi stunting")
    assert (stunting[1], stunting[3], stunting[4]) == ("%", "Negatif", "Nilai terakhir")
    assert "," in stunting[2] and "." not in stunting[2]
    assert screen.summary.text().startswith("✓ Pemeriksaan keselarasan")
    # AND the target column follows the main window's fiscal year
    window.year_combo.setCurrentIndex(window.year_combo.findData(2027))
    assert screen.model.headerData(RenstraTreeModel.TARGET, Qt.Orientation.Horizontal) == "Target 2027"
    assert row_of(screen, "IK 1.2.1 Prevalensi stunting")[1][2] != stunting[2]
    window.close()
    window.runner.wait()


# -- building a plan --------------------------------------------------------------------------------------
def test_add_tujuan_sasaran_and_indicator_with_quarterly_targets(qtbot, screen, plan, db):
    assert screen.select_opd(plan["camat"])
    assert screen.model.rowCount() == 0
    assert screen.summary.text() == "Pemeriksaan keselarasan: belum ada sasaran."
    add_tujuan_and_sasaran(qtbot, screen, link=True)
    sasaran_id, _ = row_of(screen, "Sasaran S1.1:")
    assert screen.selected_id() == sasaran_id

    # WHEN the user adds a summed indicator whose quarters do not add up to the year
    click(qtbot, screen.add_indicator_button)
    dialog = screen.dialog
    assert isinstance(dialog, IndicatorFormDialog) and dialog.windowTitle() == "Tambah Indikator"
    assert dialog.model.years() == [2025, 2026, 2027, 2028, 2029]
    type_into(qtbot, dialog.ui.nameEdit, "Jumlah layanan administrasi terpadu kecamatan")
    dialog.ui.unitCombo.setCurrentText("dokumen")
    dialog.ui.cumulationCombo.setCurrentIndex(dialog.ui.cumulationCombo.findData(Cumulation.SUMMED))
    type_cell(qtbot, dialog, 2026, T.TARGET, "1.250")
    for column, text in zip((T.Q1, T.Q2, T.Q3, T.Q4), ("300", "300", "300", "300"), strict=True):
        type_cell(qtbot, dialog, 2026, column, text)
    assert cell(dialog, 2026, T.TARGET) == "1.250"
    # THEN the row's live check says so before saving
    assert cell(dialog, 2026, T.CHECK) == "Jumlah TW: 1.200 ≠ target 1.250"
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("targets[2026].q4") == (
        "Tahun 2026: Jumlah target triwulan (1.200) harus sama dengan target tahunan (1.250)"
    )
    assert "Jumlah target triwulan (1.200)" in dialog.ui.targetsError.text()
    assert dialog.ui.targetsError.isVisible()
    assert renstra.renstra_tree(db, plan["camat"], plan["period"], 2026)[0].children[0].indicators == []

    # WHEN it becomes a percentage with a value above 100
    dialog.ui.unitCombo.setCurrentText("%")
    dialog.ui.cumulationCombo.setCurrentIndex(dialog.ui.cumulationCombo.findData(Cumulation.LAST_VALUE))
    type_cell(qtbot, dialog, 2026, T.TARGET, "92,5")
    for column, text in zip((T.Q1, T.Q2, T.Q3, T.Q4), ("90", "91", "92", "92,5"), strict=True):
        type_cell(qtbot, dialog, 2026, column, text)
    type_cell(qtbot, dialog, 2027, T.TARGET, "105")
    assert cell(dialog, 2026, T.CHECK) == "TW IV = target ✓"
    assert cell(dialog, 2027, T.CHECK) == "Persentase harus di antara 0 dan 100"
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("targets[2027].target") == "Tahun 2027: Persentase harus di antara 0 dan 100"
    assert dialog.error_text("targets[2026].q4") == ""
    # the cell at fault is highlighted and current; the input stays on screen
    row = dialog.model.row_of_year(2027)
    assert dialog.model.index(row, T.TARGET).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(dialog, 2026, T.TARGET) == "92,5"
    assert renstra.renstra_tree(db, plan["camat"], plan["period"], 2026)[0].children[0].indicators == []

    # WHEN fixed (an emptied cell is "not planned yet") THEN it saves and shows in the tree
    type_cell(qtbot, dialog, 2027, T.TARGET, "")
    assert dialog.model.index(row, T.TARGET).data(Qt.ItemDataRole.BackgroundRole) is None  # edited: no longer red
    assert cell(dialog, 2027, T.CHECK) == "belum direncanakan"
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.ui.targetsError.text() + dialog.ui.formError.text()
    indicator_id, texts = row_of(screen, "Jumlah layanan administrasi")
    assert screen.selected_id() == indicator_id
    assert (texts[1], texts[2], texts[4]) == ("%", "92,5", "Nilai terakhir")
    stored = renstra.get_indicator(db, indicator_id)
    [target] = stored.targets
    assert (target.year, target.target, target.quarters) == (
        2026,
        Decimal("92.5"),
        (Decimal(90), Decimal(91), Decimal(92), Decimal("92.5")),
    )
    assert screen.summary.text().startswith("✓ Pemeriksaan keselarasan")


def test_text_that_is_not_a_number_is_refused_in_the_cell(qtbot, screen, plan):
    screen.select_opd(plan["dinkes"])
    screen.select_node(row_of(screen, "Sasaran S1:")[0])
    click(qtbot, screen.add_indicator_button)
    dialog = screen.dialog
    type_cell(qtbot, dialog, 2026, T.TARGET, "sembilan")
    assert cell(dialog, 2026, T.TARGET) == ""
    assert dialog.ui.targetsError.text().startswith("Tahun 2026: “sembilan” bukan angka yang sah")
    dialog.done(0)


# -- alignment --------------------------------------------------------------------------------------------
def test_alignment_flag_appears_for_unlinked_sasaran_without_indicator_and_goes_when_fixed(qtbot, screen, plan):
    screen.select_opd(plan["camat"])
    add_tujuan_and_sasaran(qtbot, screen, link=False)
    sasaran_id, texts = row_of(screen, "Sasaran S1.1:")
    assert texts[RenstraTreeModel.NOTE] == "Belum terhubung ke RPJMD; tanpa indikator"
    note = screen.model.index_of(sasaran_id, RenstraTreeModel.NOTE)
    assert note.data(Qt.ItemDataRole.DecorationRole) is not None  # the warning icon
    assert renstra.NOT_LINKED in note.data(Qt.ItemDataRole.ToolTipRole)
    assert screen.summary.text() == (
        "⚠ Pemeriksaan keselarasan: 1 sasaran perlu diperbaiki — 1 belum terhubung ke sasaran RPJMD, "
        "1 belum memiliki indikator kinerja."
    )
    # WHEN the user links it to the RPJMD sasaran (double-click edits)
    screen.select_node(sasaran_id)
    screen.tree.doubleClicked.emit(screen.model.index_of(sasaran_id))
    dialog = screen.dialog
    assert dialog.windowTitle().startswith("Ubah Sasaran")
    dialog.ui.supportsCombo.setCurrentIndex(dialog.ui.supportsCombo.findData(plan["regional"]))
    save(qtbot, dialog)
    assert row_of(screen, "Sasaran S1.1:")[1][RenstraTreeModel.NOTE] == "tanpa indikator"
    # AND gives it an indicator
    click(qtbot, screen.add_indicator_button)
    dialog = screen.dialog
    type_into(qtbot, dialog.ui.nameEdit, "Indeks Kepuasan Masyarakat layanan kecamatan")
    dialog.ui.unitCombo.setCurrentText("nilai")
    type_cell(qtbot, dialog, 2026, T.TARGET, "82,5")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    # THEN the flag is gone
    assert row_of(screen, "Sasaran S1.1:")[1][RenstraTreeModel.NOTE] == "Mendukung RPJMD S2.1"
    assert screen.model.flagged() == []
    assert screen.summary.text().startswith("✓")


def test_existing_unlinked_sasaran_is_flagged(screen, plan):
    screen.select_opd(plan["dinkes"])
    _, texts = row_of(screen, "Sasaran S1:")
    assert texts[RenstraTreeModel.NOTE] == "Belum terhubung ke RPJMD"
    assert "1 belum terhubung ke sasaran RPJMD" in screen.summary.text()


# -- move, retire ---------------------------------------------------------------------------------------------
def test_move_indicators_up_and_down(qtbot, screen, plan):
    screen.select_opd(plan["dinkes"])

    def indicators() -> list[str]:
        return [t for t in node_texts(screen) if t.startswith("IK")]

    assert indicators() == ["IK1 Angka Kematian Ibu", "IK2 Prevalensi stunting"]
    screen.select_node(row_of(screen, "IK2")[0])
    assert screen.up_button.isEnabled() and not screen.down_button.isEnabled()
    click(qtbot, screen.up_button)
    assert indicators() == ["IK2 Prevalensi stunting", "IK1 Angka Kematian Ibu"]
    assert screen.selected_id() == row_of(screen, "IK2")[0]
    assert not screen.up_button.isEnabled() and screen.down_button.isEnabled()
    click(qtbot, screen.down_button)
    assert indicators() == ["IK1 Angka Kematian Ibu", "IK2 Prevalensi stunting"]


def test_retire_warns_about_agreements_and_show_retired_brings_it_back_greyed(qtbot, screen, plan, monkeypatch):
    screen.select_opd(plan["dinkes"])
    questions: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _parent, _title, text: questions.append(text) or True)
    aki_id, _ = row_of(screen, "IK1 Angka Kematian Ibu")
    screen.select_node(aki_id)
    assert screen.retire_button.text() == "Nonakti&fkan"
    click(qtbot, screen.retire_button)
    # THEN the user was warned that a PK uses it, and it is hidden
    assert "dipakai di 1 baris perjanjian kinerja" in questions[0]
    assert not any(t.startswith("IK1") for t in node_texts(screen))
    # WHEN retired nodes are shown THEN it is there, greyed, and can be restored
    screen.show_retired.setChecked(True)
    index = screen.model.index_of(aki_id)
    assert index.isValid()
    assert screen.model.index_of(aki_id, RenstraTreeModel.NOTE).data() == "Dinonaktifkan"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    screen.select_node(aki_id)
    assert screen.retire_button.text() == "Aktif&kan kembali"
    click(qtbot, screen.retire_button)
    assert len(questions) == 1  # restoring asks nothing
    screen.show_retired.setChecked(False)
    assert any(t.startswith("IK1") for t in node_texts(screen))


def test_retiring_a_sasaran_is_not_done_when_the_user_says_no(qtbot, screen, plan, monkeypatch):
    screen.select_opd(plan["dinkes"])
    monkeypatch.setattr(messages, "confirm", lambda *_args: False)
    sasaran_id, _ = row_of(screen, "Sasaran S1:")
    screen.select_node(sasaran_id)
    click(qtbot, screen.retire_button)
    assert screen.model.index_of(sasaran_id).isValid()
    assert screen.model.item_by_id(sasaran_id).is_active


# -- unsaved edits --------------------------------------------------------------------------------------------
def test_closing_a_form_with_unsaved_edits_asks(qtbot, screen, plan, monkeypatch):
    screen.select_opd(plan["dinkes"])
    answers = ["cancel", "discard"]
    asked: list[str] = []

    def ask(_parent, **_kw) -> str:  # noqa: ANN001, ANN003
        asked.append("?")
        return answers.pop(0)

    monkeypatch.setattr(unsaved, "ask_unsaved_changes", ask)
    # An untouched form closes without a question
    screen.select_node(row_of(screen, "IK1")[0])
    click(qtbot, screen.edit_button)
    dialog = screen.dialog
    assert dialog.windowTitle() == "Ubah Indikator — IK1"
    dialog.reject()
    assert not dialog.isVisible() and asked == []
    # An edited one asks: Batal keeps it open with the input, Buang closes without saving
    click(qtbot, screen.edit_button)
    dialog = screen.dialog
    type_cell(qtbot, dialog, 2026, T.TARGET, "75")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["?"] and dialog.isVisible() and cell(dialog, 2026, T.TARGET) == "75"
    dialog.reject()
    assert asked == ["?", "?"] and not dialog.isVisible()
    assert row_of(screen, "IK1")[1][RenstraTreeModel.TARGET] == "80"


def test_choosing_simpan_when_closing_saves(qtbot, screen, plan, monkeypatch):
    screen.select_opd(plan["dinkes"])
    monkeypatch.setattr(unsaved, "ask_unsaved_changes", lambda _parent, **_kw: "save")
    sasaran_id, _ = row_of(screen, "Sasaran S1:")
    screen.select_node(sasaran_id)
    click(qtbot, screen.edit_button)
    dialog = screen.dialog
    type_into(qtbot, dialog.ui.statementEdit, "Menurunnya angka kematian ibu")
    dialog.reject()
    assert not dialog.isVisible()
    assert row_of(screen, "Sasaran S1:")[1][0] == "Sasaran S1: Menurunnya angka kematian ibu"


def test_a_sasaran_must_sit_under_a_tujuan(qtbot, screen, plan):
    screen.select_opd(plan["dinkes"])
    click(qtbot, screen.add_target_button)
    dialog = screen.dialog
    dialog.ui.parentCombo.setCurrentIndex(0)  # "— pilih tujuan —"
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_text("statement") == "Uraian wajib diisi"
    assert dialog.error_text("parent_id") == "Sasaran harus berada di bawah sebuah tujuan"
    dialog.done(0)


def test_tree_kinds_and_buttons_follow_the_selection(screen, plan):
    screen.select_opd(plan["dinkes"])
    assert not screen.add_indicator_button.isEnabled()
    screen.select_node(row_of(screen, "Tujuan T1:")[0])
    assert screen.selected_item().kind is NodeKind.GOAL
    assert not screen.add_indicator_button.isEnabled() and screen.add_target_button.isEnabled()
    screen.select_node(row_of(screen, "IK1")[0])
    assert screen.add_indicator_button.isEnabled()


def test_an_opd_typed_into_the_picker_and_entered_is_the_one_worked_on(qtbot, screen, plan):
    # Issue 14 §5: the picker showed the typed OPD but kept the old tree, and a new tujuan went to the old OPD
    screen.select_opd(plan["dinkes"])
    dinkes_tree = node_texts(screen)
    assert dinkes_tree
    edit = screen.opd_combo.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "kec. suka")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert screen.current_opd_id() == plan["camat"]
    assert edit.text() == screen.opd_combo.itemText(screen.opd_combo.currentIndex())
    assert edit.text().startswith("Kec. Sukamaju")
    assert node_texts(screen) != dinkes_tree  # the tree is the Kecamatan's now
    click(qtbot, screen.add_goal_button)
    dialog = screen.dialog
    type_into(qtbot, dialog.ui.statementEdit, "Meningkatnya pelayanan kecamatan")
    save(qtbot, dialog)
    with screen.db.read() as s:
        goal = s.query(Goal).filter(Goal.statement == "Meningkatnya pelayanan kecamatan").one()
        assert goal.opd_id == plan["camat"]


def test_text_that_names_no_opd_shows_the_chosen_one_again(qtbot, screen, plan):
    screen.select_opd(plan["dinkes"])
    edit = screen.opd_combo.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "tidak ada")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert screen.current_opd_id() == plan["dinkes"] and edit.text().startswith("Dinkes")


def test_a_block_of_targets_pasted_from_excel(qtbot, screen, plan):
    # Issue 14 §11: the targets grid takes Excel's cells (year rows × target and TW columns), cell by cell
    from PySide6.QtGui import QGuiApplication

    assert screen.select_opd(plan["camat"])
    add_tujuan_and_sasaran(qtbot, screen, link=True)
    click(qtbot, screen.add_indicator_button)
    dialog = screen.dialog
    dialog.ui.cumulationCombo.setCurrentIndex(dialog.ui.cumulationCombo.findData(Cumulation.SUMMED))
    view = dialog.ui.targetsView
    view.setFocus()
    view.setCurrentIndex(dialog.model.index(dialog.model.row_of_year(2026), T.TARGET))
    # the visible columns, as copied from the sheet: target, TW I–IV (no upper bound for a non-range indicator)
    QGuiApplication.clipboard().setText("1.200\t300\t300\t300\t300\r\n1.300\t325\tx\t325\t325\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [cell(dialog, 2026, c) for c in (T.TARGET, T.Q1, T.Q4)] == ["1.200", "300", "300"]
    assert cell(dialog, 2026, T.CHECK).startswith("✓") or "≠" not in cell(dialog, 2026, T.CHECK)
    assert cell(dialog, 2027, T.TARGET) == "1.300" and cell(dialog, 2027, T.Q2) in ("", None)
    assert "1 sel ditolak" in dialog.ui.targetsError.text() and dialog.ui.targetsError.isVisible()
    # Ctrl+Z takes the paste back
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell(dialog, 2026, T.TARGET) in ("", None)


def test_tw_filled_from_the_yearly_target_by_the_cumulation_rule(qtbot, screen, plan):
    # Issue 14 §11: one action (the grid's context menu) fills TW I–IV from the yearly target
    assert screen.select_opd(plan["camat"])
    add_tujuan_and_sasaran(qtbot, screen, link=True)
    click(qtbot, screen.add_indicator_button)
    dialog = screen.dialog
    dialog.ui.cumulationCombo.setCurrentIndex(dialog.ui.cumulationCombo.findData(Cumulation.SUMMED))
    type_cell(qtbot, dialog, 2026, T.TARGET, "10")
    dialog.ui.targetsView.setCurrentIndex(dialog.model.index(dialog.model.row_of_year(2026), T.TARGET))
    assert dialog.fill_action in dialog.ui.targetsView.actions()  # on the table's right-click menu
    dialog.fill_action.trigger()
    assert [cell(dialog, 2026, c) for c in (T.Q1, T.Q2, T.Q3, T.Q4)] == ["2", "2", "3", "3"]
    assert "TW I–IV diisi dari target tahunan pada 1 tahun." in dialog.ui.targetsError.text()


def test_a_fraction_of_a_count_is_asked_about_before_saving(qtbot, screen, plan, db):
    # Issue 14 §13: 12,5 orang is accepted by the rules but asked about; "Tidak" keeps the form open, unsaved
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    assert screen.select_opd(plan["camat"])
    add_tujuan_and_sasaran(qtbot, screen, link=True)
    click(qtbot, screen.add_indicator_button)
    dialog = screen.dialog
    type_into(qtbot, dialog.ui.nameEdit, "Jumlah peserta pelatihan aparatur")
    dialog.ui.unitCombo.setCurrentText("orang")
    dialog.ui.cumulationCombo.setCurrentIndex(dialog.ui.cumulationCombo.findData(Cumulation.LAST_VALUE))
    type_cell(qtbot, dialog, 2026, T.TARGET, "12,5")
    seen: list[str] = []

    def answer(text: str) -> None:
        def click_it() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or box.windowTitle() != "Periksa angka":
                QTimer.singleShot(20, click_it)
                return
            seen.append(box.text())
            qtbot.mouseClick(next(b for b in box.buttons() if b.text() == text), Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click_it)

    answer("&Tidak")
    save(qtbot, dialog)
    assert seen and "Jumlah peserta pelatihan aparatur: 12,5 orang bukan bilangan bulat" in seen[0]
    assert dialog.isVisible()
    answer("&Ya")
    save(qtbot, dialog)
    assert len(seen) == 2 and not dialog.isVisible()
