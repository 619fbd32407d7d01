"""The PK editor in Bappeda's verification (issue 17 §2), driven with clicks on the demo's 2026 drafts: Ajukan ke
Bappeda saves typed changes first and locks the draft; a returned PK shows its note and is editable again; a
verified one is finalised."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_agreement_screen import click, open_editor, said, screen  # noqa: F401 - the screen's fixtures

from kinerja_desktop.domain.enums import AgreementStatus
from kinerja_desktop.domain.verification import VerificationState
from kinerja_desktop.services import agreements, verification


def test_the_editor_submits_locks_shows_the_returning_note_and_finalises_once_verified(
    qtbot, screen, said, demo_db  # noqa: F811
) -> None:
    editor = open_editor(qtbot, screen, "Dinkes")
    bar = editor.verification_bar
    assert "Verifikasi Bappeda: Draf" in bar.label.text() and bar.submit_button.isEnabled()
    # typed but not saved: Ajukan saves it first
    editor.header.notesEdit.setPlainText("Diajukan untuk verifikasi")
    qtbot.mouseClick(bar.submit_button, Qt.MouseButton.LeftButton)
    assert said.errors == []
    agreement_id = editor.detail.id
    assert verification.agreement_status(demo_db, agreement_id).state is VerificationState.SUBMITTED
    assert agreements.get_agreement(demo_db, agreement_id).notes == "Diajukan untuk verifikasi"
    assert "Diajukan" in bar.label.text() and not bar.submit_button.isEnabled()
    assert not editor.save_button.isVisible() and not editor.finalize_button.isVisible() and not editor.editable
    # Bappeda returns it: the note shows, the draft is editable again
    verification.return_agreement(demo_db, agreement_id, "Target stunting belum sesuai Renstra")
    editor.load(agreement_id)
    assert "Catatan pengembalian: Target stunting belum sesuai Renstra" in bar.label.text()
    assert editor.save_button.isVisible() and editor.editable and bar.submit_button.isEnabled()
    click(qtbot, bar.submit_button)
    verification.verify_agreement(demo_db, agreement_id)
    editor.load(agreement_id)
    assert "Diverifikasi" in bar.label.text()
    click(qtbot, editor.finalize_button)
    assert agreements.get_agreement(demo_db, agreement_id).status is AgreementStatus.FINAL, said.text()


def test_a_draft_submitted_elsewhere_refuses_the_editors_save(qtbot, screen, said, demo_db) -> None:  # noqa: F811
    editor = open_editor(qtbot, screen, "Dinkes")
    agreements.submit(demo_db, editor.detail.id)  # from another computer, after the editor opened
    editor.header.notesEdit.setPlainText("diubah sesudah diajukan")
    click(qtbot, editor.save_button)
    assert "menunggu verifikasi Bappeda" in editor.message() + said.text()
    assert agreements.get_agreement(demo_db, editor.detail.id).notes == ""
