"""Menunggu Verifikasi and the Evaluasi screen's verification (issue 17 §2), driven with clicks and keys on the
demo regency: the waiting list's order, Verifikasi, Kembalikan with a required note, the verifier's OPDs; the
"sementara" label, the Hanya terverifikasi switch and Ajukan ke Bappeda."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from kinerja_desktop.db.verification_models import Verification
from kinerja_desktop.domain.verification import VerificationState
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.models.ranking_table_model import RankingTableModel
from kinerja_desktop.gui.screens.evaluation import EvaluationScreen
from kinerja_desktop.gui.screens.verification import VerificationScreen
from kinerja_desktop.services import agreements, audit, evaluation, verification

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def said(monkeypatch) -> list[str]:  # noqa: ANN001
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(text))
    return shown


def _pk_2026(db, code: str) -> str:  # noqa: ANN001
    row = next(r for r in agreements.list_agreements(db, 2026) if r.opd_abbreviation == code)
    assert row.agreement_id is not None
    return row.agreement_id


@pytest.fixture
def waiting(demo_db) -> dict[str, str]:  # noqa: ANN001
    """Dinkes' and Disdikbud's 2026 PKs submitted, and the best OPD's Triwulan IV 2025 report returned and
    submitted again; submitted on 2, 3 and 1 March 2026."""
    best = evaluation.ranking(demo_db, 2025, 4).rows[0]
    dinkes, disdik = _pk_2026(demo_db, "Dinkes"), _pk_2026(demo_db, "Disdikbud")
    agreements.submit(demo_db, dinkes)
    agreements.submit(demo_db, disdik)
    verification.return_report(demo_db, 2025, 4, best.opd_id, "Bukti dukung belum lengkap")
    verification.submit_report(demo_db, 2025, 4, best.opd_id)
    with demo_db.write() as s:
        for where, day in ((Verification.agreement_id == dinkes, 2), (Verification.agreement_id == disdik, 3),
                           (Verification.opd_id == best.opd_id, 1)):
            s.execute(update(Verification).where(where, Verification.state == VerificationState.SUBMITTED)
                      .values(submitted_at=datetime(2026, 3, day, 9)))
    return {"dinkes": dinkes, "disdik": disdik, "best": best.opd_id, "best_name": best.opd_name}


@pytest.fixture
def screen(qtbot, demo_db, waiting) -> VerificationScreen:  # noqa: ANN001
    """The list as shown once the items of ``waiting`` were submitted."""
    widget = VerificationScreen()
    qtbot.addWidget(widget)
    widget.resize(1366, 705)
    widget.set_context(demo_db, 2026)
    widget.refresh()
    widget.show()
    return widget


def _titles(screen: VerificationScreen) -> list[tuple[str, str]]:
    return [(i.opd_name, i.title) for i in screen.model.rows()]


def test_the_list_verifies_and_returns_with_a_required_note(qtbot, screen, waiting, demo_db, said) -> None:
    assert _titles(screen) == [
        (waiting["best_name"], "Laporan Triwulan IV 2025"),
        ("Dinas Kesehatan", "PK 2026"),
        ("Dinas Pendidikan dan Kebudayaan", "PK 2026"),
    ]
    assert screen.count_label.text() == "3 dokumen dari 3 perangkat daerah menunggu verifikasi."
    # Verifikasi on the first row (selected at opening)
    assert screen.selected().title == "Laporan Triwulan IV 2025"
    qtbot.mouseClick(screen.verify_button, LEFT)
    assert verification.report_status(demo_db, 2025, 4, waiting["best"]).verified
    assert not evaluation.evaluate_opd(demo_db, 2025, 4, waiting["best"]).provisional
    assert [t for _n, t in _titles(screen)] == ["PK 2026", "PK 2026"]
    assert "diverifikasi" in screen.result_label.text()
    # Kembalikan… on Dinkes' PK: the dialog's button stays off until a note is typed
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.return_button, LEFT)
    dialog = screen.return_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note_edit, "Target stunting belum sesuai Renstra")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    status = verification.agreement_status(demo_db, waiting["dinkes"])
    assert (status.state, status.note) == (VerificationState.RETURNED, "Target stunting belum sesuai Renstra")
    assert _titles(screen) == [("Dinas Pendidikan dan Kebudayaan", "PK 2026")]
    assert said == []


def test_a_verifier_sees_the_opds_assigned_to_them(qtbot, screen, waiting, demo_db) -> None:
    assert screen.mine_check.isChecked() and audit.current_user() in screen.mine_check.text()
    disdik_id = agreements.get_agreement(demo_db, waiting["disdik"]).opd_id
    verification.assign_verifier(demo_db, audit.current_user(), [disdik_id])
    screen.refresh()
    assert _titles(screen) == [("Dinas Pendidikan dan Kebudayaan", "PK 2026")]
    qtbot.mouseClick(screen.mine_check, LEFT)
    assert not screen.mine_check.isChecked() and len(screen.model.rows()) == 3


def test_a_decision_taken_elsewhere_in_between_is_said_not_repeated(qtbot, screen, waiting, demo_db, said) -> None:
    verification.verify_agreement(demo_db, waiting["dinkes"])  # another verifier, after the list was shown
    screen.table.selectRow(1)
    qtbot.mouseClick(screen.verify_button, LEFT)
    assert said == ["Sudah diverifikasi"]
    assert [t for _n, t in _titles(screen)] == ["Laporan Triwulan IV 2025", "PK 2026"]


@pytest.fixture
def evaluation_screen(qtbot, demo_db) -> EvaluationScreen:  # noqa: ANN001
    widget = EvaluationScreen(SyncRunner())
    qtbot.addWidget(widget)
    widget.resize(1366, 705)
    widget.set_context(demo_db, 2025)
    widget.refresh()
    widget.show()
    yield widget
    widget.shutdown()


def test_evaluasi_labels_sementara_ranks_verified_only_and_submits(qtbot, evaluation_screen, demo_db, said) -> None:
    screen = evaluation_screen
    first, second = screen.model.row_at(0), screen.model.row_at(1)
    verification.return_report(demo_db, 2025, 4, first.opd_id, "Bukti dukung belum lengkap")
    screen.refresh()
    assert screen.model.row_at(0).opd_id == first.opd_id
    keterangan = screen.model.index(0, RankingTableModel.FLAG).data()
    assert "sementara" in keterangan
    # the returned report's status and note under the indicators, and Ajukan ke Bappeda
    assert screen.select_opd(first.opd_id)
    bar = screen.verification_bar
    assert "Dikembalikan" in bar.label.text() and "Bukti dukung belum lengkap" in bar.label.text()
    assert bar.submit_button.isEnabled()
    # Hanya terverifikasi: the returned OPD leaves the ranking, the next is first
    qtbot.mouseClick(screen.verified_check, LEFT)
    assert screen.verified_check.isChecked()
    rows = screen.model.rows()
    assert first.opd_id not in [r.opd_id for r in rows] and len(rows) == 41
    assert (screen.model.row_at(0).opd_id, screen.model.row_at(0).rank) == (second.opd_id, 1)
    assert screen._request("ranking").verified_only
    assert "Diperingkat hanya laporan terverifikasi: 41 dari 42." in screen.summary.text()
    assert screen.selected_opd_id() == second.opd_id
    qtbot.mouseClick(screen.verified_check, LEFT)
    assert screen.model.rowCount() == 42
    assert screen.select_opd(first.opd_id)
    qtbot.mouseClick(screen.verification_bar.submit_button, LEFT)
    assert said == []
    assert verification.report_status(demo_db, 2025, 4, first.opd_id).state is VerificationState.SUBMITTED
    assert "Diajukan" in screen.verification_bar.label.text()
    assert not screen.verification_bar.submit_button.isEnabled()
