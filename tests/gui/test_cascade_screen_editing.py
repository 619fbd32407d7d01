"""Pohon Kinerja on the demo regency: a lower sasaran changed, given another indicator with its TW targets, and
removed from the tree through the screen's buttons and dialogs (clicks and keys)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from cascade_screens import cascade_screen, shot
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from kinerja_desktop.domain.enums import Cumulation
from kinerja_desktop.gui import messages, unsaved
from kinerja_desktop.gui.cascade_view import NodeItem
from kinerja_desktop.gui.dialogs.lower_goal_dialogs import LowerGoalDialog, LowerIndicatorDialog
from kinerja_desktop.services.renstra import get_indicator

KOHORT = "Terpantaunya kohort ibu hamil seluruh puskesmas"
BALITA = "Meningkatnya pelayanan kesehatan dan gizi balita"
IBU = "Meningkatnya cakupan pelayanan ibu hamil dan ibu bersalin"
KESMAS = "Meningkatnya pelayanan kesehatan ibu, bayi dan balita"


@pytest.fixture
def screen(main_window, db):  # noqa: ANN001, ANN201
    cascade = cascade_screen(main_window, db)
    cascade.scope_combo.setCurrentIndex(next(i for i in range(cascade.scope_combo.count())
                                             if cascade.scope_combo.itemText(i).startswith("Dinkes")))
    return cascade


def _nodes(screen):  # noqa: ANN001, ANN202
    return {i.node.text: i.node for i in screen.view.scene().items() if isinstance(i, NodeItem)}


def _choose(screen, text: str) -> None:  # noqa: ANN001
    screen.view.show_node(_nodes(screen)[text].id)
    assert screen.chosen_node().text == text


def _drive(qtbot, kind: type[QDialog], steps: Callable[[QDialog], None]) -> list[str]:  # noqa: ANN001
    """Run ``steps`` on the dialog of ``kind`` once it shows; a failing step closes it (no test left hanging)."""
    failures: list[str] = []

    def act() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())
        try:
            steps(dialog)
        except Exception as exc:  # noqa: BLE001 - reported by the test after the dialog closed
            failures.append(repr(exc))
            dialog.discard_and_close()

    QTimer.singleShot(0, act)
    return failures


def _ok(qtbot, dialog: QDialog) -> None:  # noqa: ANN001
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_a_lower_sasaran_is_changed_through_its_dialog(qtbot, screen) -> None:  # noqa: ANN001
    assert not screen.edit_target_button.isEnabled()  # nothing chosen
    _choose(screen, "Menurunnya prevalensi stunting")
    assert not screen.edit_target_button.isEnabled()  # a Renstra sasaran: edited on the Renstra screen
    _choose(screen, KOHORT)
    assert screen.edit_target_button.isEnabled() and KOHORT in screen.chosen_label.toolTip()
    shot(screen.window(), "pohon-chosen.png")

    def steps(dialog: LowerGoalDialog) -> None:
        assert dialog.statement_edit.text() == KOHORT
        assert dialog.supports_combo.currentText() == f"Sasaran Kegiatan: {IBU}"
        # an empty statement is refused under its field; the dialog stays open
        dialog.statement_edit.setFocus()
        qtbot.keyClick(dialog.statement_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog.statement_edit, Qt.Key.Key_Delete)
        _ok(qtbot, dialog)
        assert dialog.isVisible() and dialog.errors.text("statement") == "Uraian sasaran wajib diisi."
        shot(dialog, "ubah-sasaran-refused.png")
        qtbot.keyClicks(dialog.statement_edit, "Terpantaunya pertumbuhan balita di posyandu")
        dialog.supports_combo.setCurrentIndex(dialog.supports_combo.findText(f"Sasaran Kegiatan: {BALITA}"))
        shot(dialog, "ubah-sasaran.png")
        _ok(qtbot, dialog)

    failures = _drive(qtbot, LowerGoalDialog, steps)
    qtbot.mouseClick(screen.edit_target_button, Qt.MouseButton.LeftButton)
    assert failures == []
    nodes = _nodes(screen)
    assert KOHORT not in nodes
    moved = nodes["Terpantaunya pertumbuhan balita di posyandu"]
    assert moved in nodes[BALITA].children and moved not in nodes[IBU].children
    assert moved.position.startswith("Pengelola Program Kesehatan Ibu")


def test_the_sasaran_dialog_asks_before_esc_throws_typing_away(qtbot, screen, monkeypatch) -> None:  # noqa: ANN001
    asked: list[bool] = []
    monkeypatch.setattr(unsaved, "ask_unsaved_changes",
                        lambda _parent, *, can_save=True: asked.append(can_save) or unsaved.CANCEL)
    _choose(screen, KOHORT)
    dialog = LowerGoalDialog(screen.db, screen.chosen_node().id, screen.tree, parent=screen)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    assert asked == [] and not dialog.isVisible()
    dialog = LowerIndicatorDialog(screen.db, screen.chosen_node(), screen.parent_of(screen.chosen_node()), 2025,
                                  parent=screen)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "Cakupan")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible() and dialog.name_edit.text() == "Cakupan"


def test_a_second_indicator_with_tw_targets_is_added_to_a_lower_sasaran(  # noqa: PLR0915
    qtbot, screen, db, monkeypatch  # noqa: ANN001
) -> None:
    confirmed: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: confirmed.append(text) or True)
    _choose(screen, BALITA)
    assert [i.name for i in screen.chosen_node().indicators] == ["Persentase balita ditimbang (D/S)"]

    def steps(dialog: LowerIndicatorDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "Persentase balita mendapat vitamin A")
        qtbot.keyClicks(dialog.unit_edit, "%")
        dialog.supports_combo.setCurrentIndex(dialog.supports_combo.findText(
            "Persentase balita mendapat pelayanan kesehatan sesuai standar"))
        qtbot.keyClicks(dialog.target_edit, "92,5")
        for edit, text in zip(dialog.quarter_edits, ("25", "5O", "75", "92,5"), strict=True):
            qtbot.keyClicks(edit, text)
        _ok(qtbot, dialog)  # "5O": a letter O for a zero, said under the TW targets
        assert dialog.isVisible() and "“5O” bukan angka" in dialog.errors.text("targets[2025].quarters")
        shot(dialog, "tambah-indikator-refused.png")
        dialog.quarter_edits[1].clear()
        qtbot.keyClicks(dialog.quarter_edits[1], "50")
        dialog.quarter_edits[3].clear()
        qtbot.keyClicks(dialog.quarter_edits[3], "80")  # TW IV below the year's target: the service refuses
        _ok(qtbot, dialog)
        assert dialog.isVisible() and dialog.errors.text("targets[2025].quarters")
        dialog.quarter_edits[3].clear()
        qtbot.keyClicks(dialog.quarter_edits[3], "92,5")
        shot(dialog, "tambah-indikator.png")
        _ok(qtbot, dialog)

    failures = _drive(qtbot, LowerIndicatorDialog, steps)
    qtbot.mouseClick(screen.add_indicator_button, Qt.MouseButton.LeftButton)
    assert failures == [] and confirmed == []  # nothing implausible typed
    node = _nodes(screen)[BALITA]
    assert [i.name for i in node.indicators] == ["Persentase balita ditimbang (D/S)",
                                                 "Persentase balita mendapat vitamin A"]
    saved = get_indicator(db, node.indicators[1].id)
    assert saved.cumulation is Cumulation.LAST_VALUE  # the form's default
    [target] = saved.targets
    assert (target.year, target.target, target.quarters) == (
        2025, Decimal("92.5"), (Decimal(25), Decimal(50), Decimal(75), Decimal("92.5")))


def test_an_implausible_target_is_asked_about_before_saving(qtbot, screen, monkeypatch) -> None:  # noqa: ANN001
    confirmed: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: confirmed.append(text) or False)
    _choose(screen, BALITA)

    def steps(dialog: LowerIndicatorDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "Persentase balita mendapat vitamin A")
        qtbot.keyClicks(dialog.unit_edit, "%")
        qtbot.keyClicks(dialog.target_edit, "925")
        _ok(qtbot, dialog)  # "Tidak": back to the form
        assert dialog.isVisible() and "925% di atas 100%" in confirmed[0]
        dialog.reject()

    failures = _drive(qtbot, LowerIndicatorDialog, steps)
    qtbot.mouseClick(screen.add_indicator_button, Qt.MouseButton.LeftButton)
    assert failures == [] and len(_nodes(screen)[BALITA].indicators) == 1


def test_removing_deletes_an_unused_sasaran_and_retires_one_a_pk_uses(qtbot, screen, monkeypatch) -> None:  # noqa: ANN001
    questions: list[str] = []
    said: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: questions.append(text) or True)
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: said.append(text))
    # an individual target no PK carries: deleted
    _choose(screen, KOHORT)
    qtbot.mouseClick(screen.remove_target_button, Qt.MouseButton.LeftButton)
    assert KOHORT not in _nodes(screen) and said[-1].startswith("Dihapus")
    # the Kabid Kesmas's sasaran program, in his signed PK: retired with the two sasaran kegiatan under it
    _choose(screen, KESMAS)
    qtbot.mouseClick(screen.remove_target_button, Qt.MouseButton.LeftButton)
    assert "beserta 2 sasaran di bawahnya" in questions[-1]
    assert said[-1].startswith("Dinonaktifkan")
    nodes = _nodes(screen)
    assert KESMAS not in nodes and IBU not in nodes and BALITA not in nodes
    assert not screen.edit_target_button.isEnabled()  # nothing chosen any more
    shot(screen.window(), "pohon-after-removal.png")


def test_the_tree_shows_the_holder_of_the_chosen_year(qtbot, screen, db, main_window) -> None:  # noqa: ANN001
    # GIVEN the Kabid Kesmas who signed the 2025 PK (3 February 2025) replaced from 1 June 2025
    from datetime import date

    from kinerja_desktop.services import positions
    from kinerja_desktop.services.opd import HeadData

    [kabid] = [r for r in positions.list_positions(db, screen.current_scope()) if r.name.endswith("Masyarakat")
               and r.level.goal_level.label == "Sasaran Program"]
    before = kabid.holder_name
    positions.appoint(db, kabid.id, HeadData(name="dr. Bambang Wijaya, M.Kes.", nip="197801012005011009",
                                             rank="Pembina", grade="IV/a", start_date=date(2025, 6, 1)))
    # WHEN the tree of 2025 is shown: the holder on the PK's signing date, not today's
    screen.load_tree()
    assert _nodes(screen)[KESMAS].position == f"Kepala Bidang Kesehatan Masyarakat ({before})"
    shot(main_window, "pohon-2025-holder.png")
    # AND the tree of 2026 (no PK signed yet): the holder now
    assert main_window.year_combo.findData(2026) >= 0
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    qtbot.waitUntil(lambda: KESMAS in _nodes(screen) and "Bambang" in _nodes(screen)[KESMAS].position)
    assert _nodes(screen)[KESMAS].position == "Kepala Bidang Kesehatan Masyarakat (dr. Bambang Wijaya, M.Kes.)"
    shot(main_window, "pohon-2026-holder.png")
