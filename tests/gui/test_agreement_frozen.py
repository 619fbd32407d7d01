"""The PK screen and editor for what issue 13 adds: the regional head's own PK, a stale draft refreshed, and
signers out of office replaced at signing; driven with clicks on the demo regency."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from kinerja_desktop.domain.enums import AgreementKind, AgreementStatus
from kinerja_desktop.gui import messages, unsaved
from kinerja_desktop.gui.dialogs import agreement_editor
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.screens.agreements import AgreementsScreen
from kinerja_desktop.services import agreements as agreement_service
from kinerja_desktop.services import opd as opd_service

B = QMessageBox.StandardButton
SHOTS = Path(os.environ.get("KINERJA_SHOTS", "/work/shots/frozen"))


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    questions: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: questions.append(text))
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: questions.append(text))
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: questions.append(text) or True)
    monkeypatch.setattr(unsaved, "ask_unsaved_changes", lambda _parent, **_kw: unsaved.DISCARD)
    return questions


def _screen(qtbot, demo_db, year: int) -> AgreementsScreen:
    view = AgreementsScreen(SyncRunner())
    qtbot.addWidget(view)
    view.set_context(demo_db, year)
    view.refresh()
    view.resize(1366, 705)
    view.show()
    return view


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _shot(widget, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))


def test_the_regional_pk_is_listed_opened_with_one_signer_finalised_and_signed(qtbot, demo_db, asked):
    # GIVEN 2026: the Bupati's own PK is a draft made from the RPJMD
    screen = _screen(qtbot, demo_db, 2026)
    assert "PK kepala daerah 2026" in screen.regional_label.text() and "Draf" in screen.regional_label.text()
    assert screen.model.rowCount() == 42  # the OPDs' table stays the OPDs'
    # WHEN it is opened
    _click(qtbot, screen.regional_button)
    editor = screen.editor
    assert editor is not None and editor.detail.level is AgreementKind.REGIONAL
    h = editor.header
    # THEN it has one signer, the Bupati in office, and no Pakta
    assert not h.secondGroup.isVisible() and not h.pactGroup.isVisible()
    assert h.firstGroup.title() == "Kepala daerah (satu-satunya penanda tangan)"
    assert h.firstPositionEdit.text() == "Bupati Sukamaju" and editor.add_items_button.text() == "Tambah dari RPJMD…"
    _shot(editor, "editor-pk-kepala-daerah.png")
    # AND it is finalised and signed like any PK
    _click(qtbot, editor.finalize_button)
    assert editor.detail.status is AgreementStatus.FINAL, editor.message()
    _click(qtbot, editor.sign_button)
    dialog = editor.pending_dialog
    assert not dialog.pact_check.isVisible()
    dialog.date_edit.setDate(QDate(2026, 1, 26))
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert editor.detail.status is AgreementStatus.SIGNED, editor.message()
    _click(qtbot, editor.close_button)
    assert "Ditandatangani 26 Januari 2026, 15 indikator" in screen.regional_label.text()
    _shot(screen, "layar-pk.png")


def test_a_year_without_the_regional_pk_creates_it_from_the_rpjmd(qtbot, demo_db, asked):
    screen = _screen(qtbot, demo_db, 2027)
    assert "belum ada" in screen.regional_label.text() and screen.regional_button.text() == "Buat PK &kepala daerah…"
    _click(qtbot, screen.regional_button)
    assert "dari sasaran dan indikator RPJMD" in asked[-1]
    editor = screen.editor
    assert editor is not None and editor.detail.level is AgreementKind.REGIONAL and editor.detail.items
    assert editor.detail.first.name  # the Bupati in office
    editor.reject()


def test_a_stale_draft_says_what_changed_and_is_refreshed_with_a_click(qtbot, demo_db, asked):
    # GIVEN Dinas Kesehatan renamed after its 2026 draft was made
    row = next(r for r in agreement_service.list_agreements(demo_db, 2026) if r.opd_abbreviation == "Dinkes")
    form = opd_service.get_opd(demo_db, row.opd_id)
    opd_service.save_opd(demo_db, replace(form, name="Dinas Kesehatan dan Keluarga Berencana",
                                          renamed_on=date(2026, 1, 1)))
    screen = _screen(qtbot, demo_db, 2026)
    editor = screen.open_agreement(row.agreement_id)
    # THEN the editor shows the difference and offers to refresh
    assert editor.stale_label.isVisible() and editor.refresh_button.isVisible()
    assert "Nama perangkat daerah: di PK “Dinas Kesehatan”, kini “Dinas Kesehatan dan Keluarga Berencana”" in (
        editor.stale_label.text()
    )
    _shot(editor, "editor-draf-usang.png")
    # WHEN refreshed
    _click(qtbot, editor.refresh_button)
    # THEN the draft names the OPD as today and the notice is gone
    assert editor.detail.opd_name == "Dinas Kesehatan dan Keluarga Berencana"
    assert not editor.stale_label.isVisible() and "Draf diperbarui" in editor.message()
    editor.reject()


def test_signing_with_a_leader_out_of_office_offers_the_one_in_office(qtbot, demo_db, asked, monkeypatch):
    # GIVEN a 2026 draft naming the Pj. Bupati (whose term ended in February 2025) as pihak kedua
    row = next(r for r in agreement_service.list_agreements(demo_db, 2026) if r.opd_abbreviation == "Dinkes")
    detail = agreement_service.get_agreement(demo_db, row.agreement_id)
    pj = agreement_service.leaders_on(demo_db, date(2025, 1, 27))[0]
    agreement_service.save_draft(demo_db, replace(detail, second=pj))
    agreement_service.finalize(demo_db, row.agreement_id)
    offered: list[str] = []
    monkeypatch.setattr(agreement_editor, "ask_take_signers", lambda _p, error: offered.append(str(error)) or True)
    screen = _screen(qtbot, demo_db, 2026)
    editor = screen.open_agreement(row.agreement_id)
    # WHEN it is signed on 26 January 2026
    _click(qtbot, editor.sign_button)
    dialog = editor.pending_dialog
    dialog.date_edit.setDate(QDate(2026, 1, 26))
    dialog.pact_check.setChecked(False)
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    # THEN the user was told who is in office and, having agreed, the PK is signed by that Bupati
    assert offered and "Pihak kedua" in offered[0] and pj.name in offered[0]
    assert editor.detail.status is AgreementStatus.SIGNED
    assert editor.detail.second.name != pj.name and editor.detail.second.acting.prefix == ""
    editor.reject()


def test_the_cadangan_integrity_check_names_a_signed_pk_changed_behind_the_apps_back(qtbot, demo_db, asked):
    import raw_sql

    from kinerja_desktop.gui.screens.backup import BackupScreen

    # GIVEN a target of Dinas Kesehatan's signed PK 2025 changed with raw SQL (past the database's own locks)
    row = next(r for r in agreement_service.list_agreements(demo_db, 2025) if r.opd_abbreviation == "Dinkes")
    raw_sql.run(
        demo_db,
        "UPDATE agreement_item SET target = '1' WHERE agreement_id = :a AND target IS NOT NULL "
        "AND id = (SELECT min(id) FROM agreement_item WHERE agreement_id = :a AND target IS NOT NULL)",
        {"a": row.agreement_id},
    )
    screen = BackupScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.set_context(demo_db, None)
    screen.refresh()
    screen.resize(1366, 705)
    screen.show()
    # WHEN the integrity check of the Cadangan screen runs
    _click(qtbot, screen.health.check_button)
    # THEN it names the PK whose rows no longer match what was signed
    text = screen.health.check_result.text()
    assert text.startswith("Ditemukan 1 masalah")
    assert "PK 2025 Dinas Kesehatan versi 1 (PK-2025-DINKES-v1): isi di basis data tidak lagi sesuai" in text
    from PySide6.QtWidgets import QScrollArea

    for area in screen.findChildren(QScrollArea):
        area.ensureWidgetVisible(screen.health.check_result)
    _shot(screen, "cadangan-integritas.png")
    screen.shutdown()
