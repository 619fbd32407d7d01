"""The Evaluasi Triwulan wizard driven as an operator would, on the demo regency's 2026 Q2 (Setda's PK signed)."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWizard
from sqlalchemy import select

from kinerja_desktop.db.models import AuditLog, IndicatorRealization
from kinerja_desktop.domain.formatting import format_number
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.dialogs import evaluation_wizard
from kinerja_desktop.gui.dialogs.evaluation_wizard import EvaluationWizard
from kinerja_desktop.gui.evaluation_flow import Step
from kinerja_desktop.gui.models.evaluation_entry_model import RealizationEntryModel
from kinerja_desktop.gui.screens.evaluation import EvaluationScreen
from kinerja_desktop.services import agreements, evaluation

D = Decimal
PRODUK_HUKUM, PENGADAAN, SOP = 1, 2, 5  # rows of Setda's PK: last-value indicators with TW II targets


@pytest.fixture
def setda(demo_db) -> str:
    """Setda's 2026 PK (a draft in the demo) finalised and signed through the services."""
    row = next(r for r in agreements.list_agreements(demo_db, 2026) if r.opd_abbreviation == "Setda")
    agreements.finalize(demo_db, row.agreement_id)
    agreements.sign(demo_db, row.agreement_id, date(2026, 1, 26))
    return row.opd_id


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """Message boxes are recorded instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    return shown


def open_wizard(qtbot, db, opd_id: str, quarter: int = 2) -> EvaluationWizard:
    wizard = EvaluationWizard(db, 2026, quarter, opd_id, years=[2025, 2026])
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def press(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def type_cell(qtbot, view, row: int, column: int, text: str) -> None:
    """Open the cell's editor and type into it as a person would, then Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    assert view.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)  # Qt commits queued


def fill_to_summary(qtbot, wizard: EvaluationWizard, evidence: Path | None = None) -> None:
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == Step.REALIZATION
    table = wizard.realization_page.ui.table
    type_cell(qtbot, table, PRODUK_HUKUM, RealizationEntryModel.VALUE, "80,5")  # 80,5 of 86,25: under 100 %
    type_cell(qtbot, table, PENGADAAN, RealizationEntryModel.VALUE, "41")
    type_cell(qtbot, table, SOP, RealizationEntryModel.VALUE, "79")
    assert table.model().index(PRODUK_HUKUM, RealizationEntryModel.CAPAIAN).data() == "93,33 %"
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == Step.BUDGET
    type_cell(qtbot, wizard.budget_page.ui.table, 0, 3, "9.000.000.000")
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == Step.PROBLEMS
    page = wizard.problems_page
    # Next without kendala: refused with the Indonesian reason, the indicator at fault selected
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == Step.PROBLEMS
    assert "capaian 93,33 % di bawah 100 %, kendala dan tindak lanjut wajib diisi" in page.ui.errorLabel.text()
    assert page.ui.indicatorList.currentRow() == PRODUK_HUKUM
    qtbot.keyClicks(page.ui.problemsEdit, "Rancangan perda menunggu fasilitasi provinsi")
    qtbot.keyClicks(page.ui.followUpEdit, "Koordinasi dengan Biro Hukum provinsi")
    if evidence is not None:
        qtbot.mouseClick(page.ui.attachButton, Qt.MouseButton.LeftButton)
        assert f"{evidence.name} (baru)" in [page.ui.evidenceList.item(i).text()
                                             for i in range(page.ui.evidenceList.count())]
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == Step.SUMMARY


def realized(db, indicator_id: str, quarter: int = 2) -> Decimal | None:
    with db.read() as s:
        return s.scalars(
            select(IndicatorRealization.value).where(
                IndicatorRealization.indicator_id == indicator_id,
                IndicatorRealization.year == 2026,
                IndicatorRealization.quarter == quarter,
            )
        ).first()


def test_buttons_and_style_are_indonesian_and_classic(qtbot, demo_db, setda):
    wizard = open_wizard(qtbot, demo_db, setda)
    assert wizard.wizardStyle() == QWizard.WizardStyle.ClassicStyle
    B = QWizard.WizardButton
    texts = [wizard.buttonText(b) for b in (B.BackButton, B.NextButton, B.FinishButton, B.CancelButton)]
    assert texts == ["< Kembali", "Lanjut >", "Selesai", "Batal"]
    assert wizard.choose_page.ui.opdCombo.currentData() == setda
    assert wizard.choose_page.ui.opdCombo.count() == 1  # only OPDs with a signed PK


def test_wizard_end_to_end_saves_and_the_ranking_shows_the_new_score(qtbot, demo_db, setda, said, tmp_path,
                                                                       monkeypatch):
    evidence = tmp_path / "notulen-rapat.pdf"
    evidence.write_bytes(b"%PDF-1.4 notulen fasilitasi raperda")
    monkeypatch.setattr(evaluation_wizard, "ask_evidence_files", lambda _parent: [str(evidence)])
    wizard = open_wizard(qtbot, demo_db, setda)
    saved = []
    wizard.saved.connect(lambda *args: saved.append(args))
    fill_to_summary(qtbot, wizard, evidence)
    summary = wizard.flow.summary()
    assert wizard.summary_page.ui.scoreValue.text() == f"<b>{format_number(summary.score, 2)}</b>"
    assert wizard.summary_page.ui.predicateValue.text() == summary.predicate
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert saved == [(setda, 2026, 2)] and not said

    result = evaluation.evaluate_opd(demo_db, 2026, 2, setda)
    produk = result.indicators[PRODUK_HUKUM]
    assert produk.quarter_values[1] == D("80.5") and produk.problems.startswith("Rancangan perda")
    assert produk.evidence_count == 1
    digest = hashlib.sha256(evidence.read_bytes()).hexdigest()
    assert demo_db.evidence.get(digest) == evidence.read_bytes()  # beside the file, or in the server database
    assert result.programs[0].quarter_amounts[1] == 9_000_000_000

    screen = EvaluationScreen()
    qtbot.addWidget(screen)
    screen.set_context(demo_db, 2026)
    screen.quarter_combo.setCurrentIndex(1)
    screen.refresh()
    row = screen.model.row_of(setda)
    assert row is not None
    assert screen.model.index(row, 3).data() == format_number(result.score, 2)
    assert screen.model.index(row, 0).data() == "1"


def test_reopening_shows_the_entered_values_and_a_correction_is_audited(qtbot, demo_db, setda, said):
    wizard = open_wizard(qtbot, demo_db, setda)
    fill_to_summary(qtbot, wizard)
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    indicator_id = wizard.flow.entries[PRODUK_HUKUM].indicator_id

    again = open_wizard(qtbot, demo_db, setda)
    press(qtbot, again, QWizard.WizardButton.NextButton)
    model = again.realization_page.model
    assert model.index(PRODUK_HUKUM, RealizationEntryModel.VALUE).data() == "80,5"
    assert "perubahan dicatat sebagai koreksi" in again.realization_page.ui.contextLabel.text()
    type_cell(qtbot, again.realization_page.ui.table, PRODUK_HUKUM, RealizationEntryModel.VALUE, "84")
    for _ in range(3):
        press(qtbot, again, QWizard.WizardButton.NextButton)
    assert again.currentId() == Step.SUMMARY  # the kendala typed before are still there
    assert "Perubahan dicatat sebagai koreksi" in again.summary_page.ui.noteLabel.text()
    with qtbot.waitSignal(again.accepted, timeout=5000):
        press(qtbot, again, QWizard.WizardButton.FinishButton)
    assert realized(demo_db, indicator_id) == D(84)
    with demo_db.read() as s:
        corrections = s.scalars(
            select(AuditLog).where(AuditLog.action == "evaluation.correct", AuditLog.entity_id == indicator_id)
        ).all()
    # the first save corrected the demo's own TW II figure (77,68); the second one corrected 80,5 to 84
    details = [c.detail for c in corrections]
    assert len(details) == 2 and any("80.5" in d and "84" in d for d in details), details


def test_closed_quarter_refused_at_finish_leaves_nothing_written(qtbot, demo_db, setda, said, tmp_path,
                                                                  monkeypatch):
    evidence = tmp_path / "foto.jpg"
    evidence.write_bytes(b"\xff\xd8 foto kegiatan")
    monkeypatch.setattr(evaluation_wizard, "ask_evidence_files", lambda _parent: [str(evidence)])
    wizard = open_wizard(qtbot, demo_db, setda)
    fill_to_summary(qtbot, wizard, evidence)
    indicator_id = wizard.flow.entries[PRODUK_HUKUM].indicator_id
    before = realized(demo_db, indicator_id)
    evaluation.close_quarter(demo_db, 2026, 2, "Kabid Litbang")  # Bappeda locks it meanwhile
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible() and wizard.currentId() == Step.SUMMARY
    assert "Triwulan 2 tahun 2026 sudah ditutup Bappeda" in said[0] and "Tidak ada data yang tersimpan" in said[0]
    assert realized(demo_db, indicator_id) == before
    assert evaluation.evaluate_opd(demo_db, 2026, 2, setda).indicators[PRODUK_HUKUM].evidence_count == 0
    # and a new wizard refuses the locked quarter on its first page
    again = open_wizard(qtbot, demo_db, setda)
    press(qtbot, again, QWizard.WizardButton.NextButton)
    assert again.currentId() == Step.CHOOSE
    assert "sudah ditutup Bappeda" in again.choose_page.ui.errorLabel.text()


def test_failure_in_the_middle_of_the_save_rolls_everything_back(qtbot, demo_db, setda, said, monkeypatch):
    wizard = open_wizard(qtbot, demo_db, setda)
    fill_to_summary(qtbot, wizard)
    ids = [e.indicator_id for e in wizard.flow.entries]
    before = [realized(demo_db, i) for i in ids]
    budget_before = evaluation.evaluate_opd(demo_db, 2026, 2, setda).programs[0].quarter_amounts

    def broken(*_args, **_kwargs):  # the audit record comes after every row was written and flushed
        raise RuntimeError("disk penuh")

    monkeypatch.setattr("kinerja_desktop.services.audit.record", broken)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert said and said[0].startswith("Penyimpanan gagal; tidak ada data yang tersimpan.")
    assert "disk penuh" in said[0] and wizard.isVisible()
    assert [realized(demo_db, i) for i in ids] == before
    assert evaluation.evaluate_opd(demo_db, 2026, 2, setda).programs[0].quarter_amounts == budget_before
