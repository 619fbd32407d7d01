# ruff: noqa: F811 - fixtures imported from the tests that define them
"""Issue 14, point 13: implausible figures are asked about before saving (confirmed, not refused), and a capped
score says so."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from test_evaluation_wizard import PENGADAAN, PRODUK_HUKUM, SOP, open_wizard, press, realized, setda, type_cell  # noqa: F401

from kinerja_desktop.gui.evaluation_flow import Step
from kinerja_desktop.gui.models.evaluation_entry_model import RealizationEntryModel
from kinerja_desktop.gui.plausibility import value_warnings


def test_the_warnings_of_a_figure():
    assert value_warnings(name="IKM", unit="%", value=D("250"), target=D("85")) == [
        "IKM: 250% di atas 100%"]
    assert value_warnings(name="Dokumen", unit="dokumen", value=D("120"), target=D("10"), previous=D("3")) == [
        "Dokumen: 120 dokumen lebih dari sepuluh kali target (10 dokumen)",
        "Dokumen: 120 dokumen lebih dari sepuluh kali triwulan sebelumnya (3 dokumen)",
    ]
    assert value_warnings(name="Peserta", unit="orang", value=D("12.5")) == [
        "Peserta: 12,5 orang bukan bilangan bulat, padahal satuannya orang"]
    assert value_warnings(name="PAD", unit="Rp", value=D("125")) == [
        "PAD: Rp 125 kurang dari Rp 1.000; apakah diketik dalam ribuan atau jutaan?"]
    assert value_warnings(name="IKM", unit="%", value=D("92.5"), target=D("85"), previous=D("90")) == []


def answer_confirmation(qtbot, answer: str, seen: list[str]) -> None:  # noqa: ANN001
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.windowTitle() != "Periksa angka":
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == answer), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_a_figure_ten_times_the_target_is_asked_about_at_selesai(qtbot, demo_db, setda, monkeypatch):
    from kinerja_desktop.gui import messages

    monkeypatch.setattr(messages, "show_error", lambda *_a: None)
    monkeypatch.setattr(messages, "show_info", lambda *_a: None)
    wizard = open_wizard(qtbot, demo_db, setda)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    indicator_id = wizard.flow.entries[PRODUK_HUKUM].indicator_id
    before = realized(demo_db, indicator_id)
    table = wizard.realization_page.ui.table
    type_cell(qtbot, table, PRODUK_HUKUM, RealizationEntryModel.VALUE, "900")  # 86,25 meant
    type_cell(qtbot, table, PENGADAAN, RealizationEntryModel.VALUE, "41")
    type_cell(qtbot, table, SOP, RealizationEntryModel.VALUE, "79")
    for _ in range(3):  # budget, kendala (none needed), summary
        press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == Step.SUMMARY, wizard.page(wizard.currentId()).ui.errorLabel.text()
    # the capped capaian is said on the summary
    assert "capaian 1.043,48 % dihitung 120 % dalam nilai" in wizard.summary_page.ui.noteLabel.text()
    # Selesai → "Tidak": back to correct it, nothing saved
    seen: list[str] = []
    answer_confirmation(qtbot, "&Tidak", seen)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert seen and "lebih dari sepuluh kali target" in seen[0] and "900" in seen[0]
    assert wizard.isVisible() and realized(demo_db, indicator_id) == before
    # Selesai → "Ya": saved as typed
    answer_confirmation(qtbot, "&Ya", seen)
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert realized(demo_db, indicator_id) == D(900)
