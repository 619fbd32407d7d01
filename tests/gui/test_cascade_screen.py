"""Pohon Kinerja screen on the demo regency: the zoomable tree with its warnings, and the Jabatan tab driven
through its dialogs."""

from __future__ import annotations

import pytest
from cascade_screens import cascade_screen, shot
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kinerja_desktop.gui.cascade_view import NodeItem
from kinerja_desktop.gui.dialogs.position_dialogs import HolderDialog, LowerTargetDialog, PositionDialog
from kinerja_desktop.services import positions


@pytest.fixture
def screen(main_window, db):  # noqa: ANN001, ANN201
    return cascade_screen(main_window, db)


def _accept_when_shown(qtbot, kind, fill) -> None:  # noqa: ANN001
    def act() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())
        fill(dialog)
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_positions_are_added_and_filled_through_the_tab(qtbot, screen, main_window, db) -> None:  # noqa: ANN001
    screen.tabs.setCurrentIndex(1)
    screen.opd_picker.setCurrentIndex(screen.opd_picker.findText("Dinkes", Qt.MatchFlag.MatchStartsWith))
    tree = screen.positions_tree
    head = tree.topLevelItem(0)
    assert head.text(0) == "Kepala Dinas Kesehatan" and head.text(2)
    assert head.childCount() == 3  # Sekretaris and two Kabid
    shot(main_window, "jabatan-dinkes.png")
    # WHEN a Kasi is added under the Kabid Yankes through the dialog (typed name, chosen level and superior)
    tree.setCurrentItem(head)

    def fill_position(dialog: PositionDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "Kepala Seksi Pelayanan Kesehatan Rujukan")
        dialog.level_combo.setCurrentIndex(dialog.level_combo.findText("Eselon IV (pengawas)"))
        dialog.parent_combo.setCurrentIndex(
            next(i for i in range(dialog.parent_combo.count())
                 if dialog.parent_combo.itemText(i).strip() == "Kepala Bidang Pelayanan Kesehatan"))

    _accept_when_shown(qtbot, PositionDialog, fill_position)
    qtbot.mouseClick(screen.add_position_button, Qt.MouseButton.LeftButton)
    # THEN it is stored under that Kabid and listed vacant
    opd_id = screen.opd_picker.current_opd_id()
    row = next(r for r in positions.list_positions(db, opd_id) if r.name == "Kepala Seksi Pelayanan Kesehatan Rujukan")
    assert row.depth == 2 and row.holder_name == ""
    # AND a Plt. is appointed through the holder dialog
    item = next(tree.topLevelItem(0).child(i).child(j) for i in range(3)
                for j in range(tree.topLevelItem(0).child(i).childCount())
                if tree.topLevelItem(0).child(i).child(j).text(0) == row.name)
    tree.setCurrentItem(item)

    def fill_holder(dialog: HolderDialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "Rina Wati, S.K.M.")
        qtbot.keyClicks(dialog.nip_edit, "198507172010012003")
        dialog.acting_combo.setCurrentIndex(1)

    _accept_when_shown(qtbot, HolderDialog, fill_holder)
    qtbot.mouseClick(screen.holder_button, Qt.MouseButton.LeftButton)
    row = next(r for r in positions.list_positions(db, opd_id) if r.name == row.name)
    assert (row.holder_name, row.holder_position) == ("Rina Wati, S.K.M.", "Plt. Kepala Seksi Pelayanan Kesehatan "
                                                                           "Rujukan")
    assert screen.history.count() == 1


def test_a_position_pk_goes_through_the_pk_editor_from_draft_to_signed(  # noqa: PLR0913
    qtbot, screen, main_window, db, monkeypatch  # noqa: ANN001
) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    from kinerja_desktop.domain.enums import AgreementKind, AgreementStatus
    from kinerja_desktop.gui import messages
    from kinerja_desktop.services import agreements

    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    screen.tabs.setCurrentIndex(1)
    screen.opd_picker.setCurrentIndex(screen.opd_picker.findText("Dinkes", Qt.MatchFlag.MatchStartsWith))
    head = screen.positions_tree.topLevelItem(0)
    kabid = next(head.child(i) for i in range(head.childCount())
                 if head.child(i).text(0) == "Kepala Bidang Kesehatan Masyarakat")
    screen.positions_tree.setCurrentItem(head)
    assert not screen.agreement_button.isEnabled()  # the head's PK is the OPD's, on its own screen
    screen.positions_tree.setCurrentItem(kabid)
    assert screen.agreement_button.isEnabled()
    qtbot.mouseClick(screen.agreement_button, Qt.MouseButton.LeftButton)
    editor = screen.editor
    assert editor is not None and editor.detail.level is AgreementKind.ESELON_III
    assert "PERJANJIAN KINERJA ESELON III 2026 — Kepala Bidang Kesehatan Masyarakat" in editor.title_label.text()
    assert not editor.header.pactGroup.isVisible() and not editor.add_items_button.isVisible()
    assert editor.header.secondGroup.title() == "Pihak kedua — atasan langsung"
    superior = editor.header.secondCombo.itemText(0)
    assert superior.endswith("Kepala Dinas Kesehatan") and editor.detail.second.name in superior
    assert [i.indicator_name for i in editor.detail.items] == [
        "Persentase ibu hamil mendapat pelayanan antenatal sesuai standar",
        "Persentase persalinan di fasilitas pelayanan kesehatan",
        "Persentase balita mendapat pelayanan kesehatan sesuai standar"]
    shot(editor, "pk-eselon3-editor.png")
    qtbot.mouseClick(editor.finalize_button, Qt.MouseButton.LeftButton)
    assert editor.detail.status is AgreementStatus.FINAL
    qtbot.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    dialog = editor.pending_dialog
    assert not dialog.pact_check.isVisible()
    dialog.date_edit.setDate(QDate(2026, 2, 2))
    dialog.accept()
    signed = agreements.get_agreement(db, editor.detail.id)
    assert (signed.status, signed.sign_date) == (AgreementStatus.SIGNED, date(2026, 2, 2))
    assert editor.banner.text() == "Ditandatangani pada 2 Februari 2026 — terkunci"


def test_a_lower_sasaran_is_added_under_the_chosen_node(qtbot, screen, db) -> None:  # noqa: ANN001
    index = next(i for i in range(screen.scope_combo.count()) if screen.scope_combo.itemText(i).startswith("Dinkes"))
    screen.scope_combo.setCurrentIndex(index)
    assert not screen.add_target_button.isEnabled()  # nothing chosen yet
    warnings = [screen.warnings.item(r).text() for r in range(screen.warnings.count())]
    assert any("tidak didukung sasaran mana pun" in w and "stunting" in w for w in warnings)
    stunting = next(i for i in screen.view.scene().items()
                    if isinstance(i, NodeItem) and i.node.text == "Menurunnya prevalensi stunting")
    screen.view.show_node(stunting.node.id)
    assert screen.add_target_button.isEnabled()

    def fill(dialog: LowerTargetDialog) -> None:
        dialog.position_combo.setCurrentIndex(next(
            i for i in range(dialog.position_combo.count())
            if dialog.position_combo.itemText(i).startswith("Kepala Bidang Kesehatan Masyarakat")))
        qtbot.keyClicks(dialog.statement_edit, "Meningkatnya pemantauan pertumbuhan balita")
        item = next(dialog.programs.item(i) for i in range(dialog.programs.count())
                    if dialog.programs.item(i).text().startswith("1.02.02.2.02 "))
        item.setCheckState(Qt.CheckState.Checked)
        qtbot.keyClicks(dialog.indicator_edit, "Persentase balita dipantau pertumbuhannya")
        qtbot.keyClicks(dialog.unit_edit, "%")
        qtbot.keyClicks(dialog.target_edit, "87,5")

    _accept_when_shown(qtbot, LowerTargetDialog, fill)
    qtbot.mouseClick(screen.add_target_button, Qt.MouseButton.LeftButton)
    nodes = {i.node.text: i.node for i in screen.view.scene().items() if isinstance(i, NodeItem)}
    added = nodes["Meningkatnya pemantauan pertumbuhan balita"]
    assert added.position.startswith("Kepala Bidang Kesehatan Masyarakat")
    assert [i.name for i in added.indicators] == ["Persentase balita dipantau pertumbuhannya"]
    assert added in nodes["Menurunnya prevalensi stunting"].children
    warnings = [screen.warnings.item(r).text() for r in range(screen.warnings.count())]
    assert not any("tidak didukung sasaran mana pun" in w and "stunting" in w for w in warnings)
    from decimal import Decimal

    from kinerja_desktop.services.renstra import get_indicator

    [target] = get_indicator(db, added.indicators[0].id).targets
    assert (target.year, target.target) == (2025, Decimal("87.5"))


def test_lower_realisations_are_entered_only_while_monitored_and_colour_the_tree(  # noqa: PLR0913
    qtbot, screen, db  # noqa: ANN001
) -> None:
    from kinerja_desktop.gui.dialogs.position_dialogs import LowerRealisationDialog
    from kinerja_desktop.services import cascade

    screen.tabs.setCurrentIndex(1)
    screen.opd_picker.setCurrentIndex(screen.opd_picker.findText("Dinkes", Qt.MatchFlag.MatchStartsWith))
    head = screen.positions_tree.topLevelItem(0)
    kabid = next(head.child(i) for i in range(head.childCount())
                 if head.child(i).text(0) == "Kepala Bidang Kesehatan Masyarakat")
    screen.positions_tree.setCurrentItem(kabid)
    assert not screen.realisation_button.isEnabled()  # the regency does not monitor the lower levels (default)
    cascade.set_lower_level_monitoring(db, True)
    screen.positions_tree.setCurrentItem(head)
    screen.positions_tree.setCurrentItem(kabid)
    assert screen.realisation_button.isEnabled()  # its 2025 PK is signed

    def fill(dialog: LowerRealisationDialog) -> None:
        assert dialog.table.rowCount() == 3
        for row, value in enumerate(("90", "93,5", "40")):
            dialog.table.item(row, 2).setText(value)
        dialog.table.item(2, 3).setText("Posyandu belum aktif")
        dialog.table.item(2, 4).setText("Pembinaan kader")

    _accept_when_shown(qtbot, LowerRealisationDialog, fill)
    qtbot.mouseClick(screen.realisation_button, Qt.MouseButton.LeftButton)
    screen.tabs.setCurrentIndex(0)
    screen.scope_combo.setCurrentIndex(
        next(i for i in range(screen.scope_combo.count()) if screen.scope_combo.itemText(i).startswith("Dinkes")))
    node = next(i.node for i in screen.view.scene().items()
                if isinstance(i, NodeItem) and i.node.text == "Meningkatnya pelayanan kesehatan ibu, bayi dan balita")
    assert node.capaian is not None and node.band != "belum_ada"


def _kabid_with_a_signed_pk(screen, db):  # noqa: ANN001, ANN202
    from kinerja_desktop.services import cascade

    cascade.set_lower_level_monitoring(db, True)
    screen.tabs.setCurrentIndex(1)
    screen.opd_picker.setCurrentIndex(screen.opd_picker.findText("Dinkes", Qt.MatchFlag.MatchStartsWith))
    head = screen.positions_tree.topLevelItem(0)
    kabid = next(head.child(i) for i in range(head.childCount())
                 if head.child(i).text(0) == "Kepala Bidang Kesehatan Masyarakat")
    screen.positions_tree.setCurrentItem(kabid)
    assert screen.signed_agreement is not None
    return screen.signed_agreement


def test_a_closed_quarters_lower_realisations_look_locked_and_say_why(qtbot, screen, db) -> None:  # noqa: ANN001
    # Issue 14 §14: a closed quarter's cells take the one locked look, a click says why, Simpan is off
    from kinerja_desktop.gui.dialogs.position_dialogs import LowerRealisationDialog
    from kinerja_desktop.gui.locked import LOCKED
    from kinerja_desktop.services import evaluation

    agreement = _kabid_with_a_signed_pk(screen, db)
    if 4 not in evaluation.closed_quarters(db, 2025):
        evaluation.close_quarter(db, 2025, 4)
    dialog = LowerRealisationDialog(db, agreement, 4)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.property(LOCKED)
    index = dialog.table.model().index(0, 2)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=dialog.table.visualRect(index).center())
    assert "sudah ditutup Bappeda" in dialog.error_label.text() and dialog.error_label.isVisible()
    assert dialog.table.item(0, 2).text() == "" and dialog.table.state() != dialog.table.State.EditingState
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_position_forms_ask_before_esc_throws_typed_input_away(qtbot, screen, db, monkeypatch) -> None:  # noqa: ANN001
    # Issue 14 §2 for the Jabatan tab's forms: the shared guard
    from kinerja_desktop.gui import unsaved
    from kinerja_desktop.gui.dialogs.position_dialogs import LowerRealisationDialog

    asked: list[bool] = []
    monkeypatch.setattr(unsaved, "ask_unsaved_changes",
                        lambda _parent, *, can_save=True: asked.append(can_save) or unsaved.CANCEL)
    agreement = _kabid_with_a_signed_pk(screen, db)
    open_quarter = min({1, 2, 3, 4} - set(__import__("kinerja_desktop.services.evaluation",
                                                       fromlist=["x"]).closed_quarters(db, 2025)), default=None)
    if open_quarter is None:
        pytest.skip("every quarter of 2025 is closed in the demo")
    dialog = LowerRealisationDialog(db, agreement, open_quarter)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    assert asked == [] and not dialog.isVisible()
    dialog = LowerRealisationDialog(db, agreement, open_quarter)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.item(0, 2).setText("90")  # as the screen's own test fills a realisation
    assert dialog.table.item(0, 2).text() == "90"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible()  # "Lanjut mengisi": the typed realisation stays
    assert dialog.table.item(0, 2).text() == "90"


def test_the_jabatan_tree_fits_1366_by_705_without_sideways_scrolling(qtbot, screen) -> None:  # noqa: ANN001
    # Issue 14 §15: every column in view; the printed title, when narrowed, whole in its tooltip
    screen.tabs.setCurrentIndex(1)
    screen.opd_picker.setCurrentIndex(screen.opd_picker.findText("Dinkes", Qt.MatchFlag.MatchStartsWith))
    qtbot.wait(20)
    tree = screen.positions_tree
    header = tree.header()
    assert header.length() <= tree.viewport().width() + 1
    assert not tree.horizontalScrollBar().isVisible()
    item = tree.topLevelItem(0)
    assert item.toolTip(4) == item.text(4)
