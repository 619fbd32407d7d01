"""Issue 14, point 9: no Alt+letter used twice in one window. Every screen in the main window (with its menu bar
and year field), and the dialogs and wizards opened from them, each tab and each page."""

from __future__ import annotations

import pytest
from mnemonics import tabbed_clashes, wizard_clashes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kinerja_desktop.gui.dialogs.evaluation_wizard import EvaluationWizard
from kinerja_desktop.gui.dialogs.regency_dialog import LeaderDialog, RegencyDialog
from kinerja_desktop.gui.dialogs.setup_wizard import SetupWizard
from kinerja_desktop.gui.main_window import NAVIGATION

SCREENS = tuple(attribute for _title, attribute in NAVIGATION)  # every screen, new ones included


@pytest.fixture
def window(main_window, demo_db):
    main_window.set_database(demo_db)
    return main_window


def test_no_screen_uses_a_letter_twice(window):
    found = {}
    for name in SCREENS:
        window.show_screen(getattr(window, name))
        if tabbed_clashes(window):  # each tab of a screen with tabs
            found[name] = tabbed_clashes(window)
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


# --- the dialogs of the other screens and windows (issue 14 §9): Cadangan & Paket, import, server, signing,
# preview and the manual; each built on real data as its screen builds it ---------------------------------------


def _assert_no_clash(qtbot, dialog) -> None:  # noqa: ANN001
    qtbot.addWidget(dialog)
    dialog.show()
    assert tabbed_clashes(dialog) == {}, dialog.windowTitle()
    dialog.hide()


def test_the_backup_and_package_dialogs_use_no_letter_twice(qtbot, demo_db, tmp_path):
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.gui.dialogs.backup_restore_dialog import RestoreConfirmDialog
    from kinerja_desktop.gui.dialogs.conflict_dialog import ConflictDialog
    from kinerja_desktop.gui.dialogs.enrolment_code_dialog import AskEnrolmentCodeDialog, EnrolmentCodeDialog
    from kinerja_desktop.gui.dialogs.package_export_dialog import PackageExportDialog
    from kinerja_desktop.gui.dialogs.package_preview_dialog import PackagePreviewDialog
    from kinerja_desktop.interchange.merge import Conflict
    from kinerja_desktop.services import backup, sync
    from kinerja_desktop.services.opd import list_opds

    info = backup.create_backup(demo_db, tmp_path / "c.kinerja-backup")
    _assert_no_clash(qtbot, RestoreConfirmDialog(backup.preview_restore(demo_db, info.path)))
    opds = list_opds(demo_db)
    _assert_no_clash(qtbot, PackageExportDialog(opds, sync.installation_info(demo_db)))
    package = tmp_path / "induk.kinerja-paket"
    enrolment = sync.export_master_package(demo_db, package, opd_codes=[opds[0].code], label="Laptop").code
    _assert_no_clash(qtbot, EnrolmentCodeDialog(enrolment, package.name, details="Paket induk nomor 1"))
    _assert_no_clash(qtbot, AskEnrolmentCodeDialog(package.name, "kode pendaftaran salah"))
    laptop = open_database(tmp_path / "laptop.sqlite")
    try:
        _assert_no_clash(qtbot, PackagePreviewDialog(sync.preview_import(laptop, package, code=enrolment)))
        assert sync.import_package(laptop, package, code=enrolment).applied
        _assert_no_clash(qtbot, PackageExportDialog(list_opds(laptop), sync.installation_info(laptop)))
    finally:
        laptop.close()
    conflicts = [Conflict("indicator_realization", "r1", "value", "kolom", "70", "81", "80", "Dinkes · x")]
    _assert_no_clash(qtbot, ConflictDialog(conflicts, package.name))


def test_the_import_preview_and_the_server_dialog_use_no_letter_twice(qtbot):
    from kinerja_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog, ImportProblemsDialog
    from kinerja_desktop.gui.dialogs.server_dialog import ServerDialog
    from kinerja_desktop.services.excel_import import Action, Change, ImportRefused, ImportResult, Problem

    changes = (
        Change(Action.ADDED, "Perangkat Daerah", 5, "Perangkat daerah 1.02 Dinas Kesehatan"),
        Change(Action.CHANGED, "Perangkat Daerah", 6, "Perangkat daerah 1.03 Dinas PUPR", ("nama: A → B",), True),
    )
    _assert_no_clash(qtbot, ImportPreviewDialog(ImportResult("opd", "opd.xlsx", changes, False, None, True)))
    refused = ImportRefused("opd.xlsx", [Problem("Perangkat Daerah", 7, "Jenis", "Jenis “Kantor” tidak dikenal")])
    _assert_no_clash(qtbot, ImportProblemsDialog(refused))
    _assert_no_clash(qtbot, ServerDialog(None, problem="Server tidak menjawab"))


def test_the_signing_amending_and_printing_dialogs_use_no_letter_twice(qtbot):
    from datetime import date

    from kinerja_desktop.gui.dialogs.agreement_actions import (
        AmendmentDialog,
        CreateAgreementDialog,
        OpdChoice,
        PactDialog,
        PickRowsDialog,
        SignDialog,
    )
    from kinerja_desktop.gui.dialogs.agreement_print_dialog import PrintAllDialog

    choices = [OpdChoice("o1", "Dinkes — Dinas Kesehatan", True), OpdChoice("o2", "DLH — Dinas Lingkungan", False)]
    _assert_no_clash(qtbot, CreateAgreementDialog(2026, choices, "o1"))
    _assert_no_clash(qtbot, SignDialog("PK Dinas Kesehatan 2026", date(2026, 1, 26), offer_pact=True))
    _assert_no_clash(qtbot, PactDialog("Dinas Kesehatan", date(2026, 1, 26)))
    _assert_no_clash(qtbot, AmendmentDialog("PK Dinas Kesehatan 2026", date(2026, 1, 26)))
    _assert_no_clash(qtbot, PickRowsDialog("Tambah indikator", ["Angka Kematian Ibu", "Prevalensi stunting"], "-"))
    _assert_no_clash(qtbot, PrintAllDialog(2026, 42, "/tmp"))


def test_the_pdf_preview_and_the_manual_use_no_letter_twice(qtbot, demo_db, tmp_path):
    from kinerja_desktop.gui.help_window import HelpWindow
    from kinerja_desktop.gui.pdf_preview import PdfPreviewDialog
    from kinerja_desktop.services import printing

    [path] = printing.write(demo_db, printing.Request(printing.RANKING, 2025, 4), tmp_path)
    _assert_no_clash(qtbot, PdfPreviewDialog(path, title="Pratinjau peringkat"))
    _assert_no_clash(qtbot, HelpWindow())


def test_the_pohon_kinerja_and_jabatan_dialogs_use_no_letter_twice(qtbot, window, demo_db):
    from kinerja_desktop.gui.cascade_view import NodeItem
    from kinerja_desktop.gui.dialogs.position_dialogs import (
        HolderDialog,
        LowerRealisationDialog,
        LowerTargetDialog,
        PositionDialog,
    )
    from kinerja_desktop.services import positions

    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    screen = window.cascade
    window.show_screen(screen)
    dinkes = next(o for o in __import__("kinerja_desktop.services.opd", fromlist=["x"]).list_opds(demo_db)
                  if o.abbreviation == "Dinkes")
    rows = positions.list_positions(demo_db, dinkes.id)
    _assert_no_clash(qtbot, PositionDialog(demo_db, dinkes.id, rows))
    _assert_no_clash(qtbot, PositionDialog(demo_db, dinkes.id, rows, rows[-1]))
    _assert_no_clash(qtbot, HolderDialog(demo_db, rows[-1]))
    node = next(i.node for i in screen.view.scene().items() if isinstance(i, NodeItem) and i.node.opd_id)
    _assert_no_clash(qtbot, LowerTargetDialog(demo_db, node, 2025))
    from kinerja_desktop.gui.dialogs.lower_goal_dialogs import LowerGoalDialog, LowerIndicatorDialog

    lower = next(n for n in screen.tree.nodes() if n.level.depth > 2 and screen.parent_of(n) is not None)
    _assert_no_clash(qtbot, LowerGoalDialog(demo_db, lower.id, screen.tree))
    _assert_no_clash(qtbot, LowerIndicatorDialog(demo_db, lower, screen.parent_of(lower), 2025))
    screen.tabs.setCurrentIndex(1)
    screen.opd_picker.setCurrentIndex(screen.opd_picker.findText("Dinkes", Qt.MatchFlag.MatchStartsWith))
    head = screen.positions_tree.topLevelItem(0)
    for i in range(head.childCount()):
        screen.positions_tree.setCurrentItem(head.child(i))
        if screen.signed_agreement is not None:
            break
    assert screen.signed_agreement is not None
    _assert_no_clash(qtbot, LowerRealisationDialog(demo_db, screen.signed_agreement, 1))
