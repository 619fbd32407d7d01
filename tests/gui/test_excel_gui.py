"""Excel in the GUI: the set-up wizard's OPD page filled from a workbook, Berkas → Impor dari Excel with its
preview (added, changed, left alone; the date asked for a rename), a refused file listed, and the
"Ekspor ke Excel" button of every screen writing a workbook read back with openpyxl.

With ``KINERJA_SHOTS=folder`` the wizard page and the preview are saved there as PNG (run with
``QT_QPA_PLATFORM=offscreen:configfile=…`` describing a 1366×768 screen to see them as on a laptop).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import excel_city as city
import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard

from kinerja_desktop.db.database import Database
from kinerja_desktop.gui import excel_export_button, excel_import_action, messages
from kinerja_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog, ImportProblemsDialog
from kinerja_desktop.gui.dialogs.regency_dialog import RegencyDialog
from kinerja_desktop.gui.excel_export_button import ExcelExportButton
from kinerja_desktop.gui.setup_flow import Step
from kinerja_desktop.services import opd, periods, rpjmd
from kinerja_desktop.services.excel_template import write_template


def click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def shot(widget, name: str) -> None:  # noqa: ANN001
    folder = os.environ.get("KINERJA_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        QCoreApplication.processEvents()  # the layouts settled, as a person sees them
        widget.grab().save(str(Path(folder) / name))


@pytest.fixture(autouse=True)
def no_window_left(qapp):  # noqa: ANN001, ANN201
    """Every window and dialog of a test deleted after it: a closed one left alive slows every later modal
    dialog (Qt blocks each top-level window in turn), which a timing-sensitive test of the job runner feels."""
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str]]:  # noqa: ANN001
    """Message boxes answered at once: (kind, text) of each."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: shown.append(("info", text)))
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(("error", text)))
    return shown


def set_up_city(db: Database) -> None:
    """Kota Wanasari with its RPJMD 2025–2029, no OPD yet (as the set-up wizard leaves it)."""
    from kinerja_desktop.domain.enums import PeriodKind, RegionKind
    from kinerja_desktop.services.periods import PeriodData
    from kinerja_desktop.services.regency import RegencyProfile
    from kinerja_desktop.services.setup import SetupData, set_up

    set_up(db, SetupData(profile=RegencyProfile(kind=RegionKind.KOTA, name="Wanasari", capital="Wanasari",
                                                agency_name="Bappeda Kota", agency_short="Bappeda"),
                         period=PeriodData(2025, 2029, PeriodKind.RPJMD)))


def filled(tmp_path: Path, kind: str, rows: list[dict], sheet: str | None = None, name: str = "") -> Path:
    template = write_template(kind, tmp_path / f"templat-{kind}.xlsx", years=list(city.YEARS))
    return city.fill(template, tmp_path / (name or f"{kind}.xlsx"), rows, sheet)


def test_set_up_with_the_opds_from_excel_then_import_the_rpjmd_with_a_preview(
    qtbot, main_window, db: Database, tmp_path: Path, monkeypatch, said  # noqa: ANN001
) -> None:
    window = main_window
    monkeypatch.setattr(excel_import_action, "ask_xlsx_file", lambda _p, _t: str(chosen))
    click(qtbot, window.welcome.setup_button)
    wizard = window.setup_wizard
    next_page = wizard.button(QWizard.WizardButton.NextButton)
    click(qtbot, wizard.region_page.ui.kotaRadio)
    type_into(qtbot, wizard.region_page.ui.nameEdit, "Wanasari")
    click(qtbot, next_page)
    type_into(qtbot, wizard.leaders_page.ui.headNameEdit, "H. Rahmat Hidayat, S.H., M.H.")
    type_into(qtbot, wizard.leaders_page.ui.headStartEdit, "20/02/2025")
    for _page in (Step.LEADERS, Step.AGENCY, Step.PERIOD):
        click(qtbot, next_page)
    assert wizard.currentId() == Step.OPDS

    # GIVEN the city's OPD workbook with one mistake: refused, every problem listed, the table untouched
    page = wizard.opds_page
    rows = city.opds()
    rows[4]["Jenis"] = "Kantor"
    chosen = filled(tmp_path, "opd", rows, name="salah.xlsx")
    click(qtbot, page.import_button)
    assert isinstance(page.import_dialog, ImportProblemsDialog)
    assert page.import_dialog.problems() == [
        "Lembar “Perangkat Daerah”, baris 7, kolom “Jenis”: Jenis “Kantor” tidak dikenal (pilihan: Sekretariat, "
        "Inspektorat, Badan, Dinas, Satuan Polisi Pamong Praja, Rumah Sakit Umum Daerah, Kecamatan)"]
    shot(page.import_dialog, "import-refused.png")
    page.import_dialog.close()
    assert page.table.rowCount() == 1 and not page.import_note.isVisible()

    # WHEN the corrected workbook is imported: the table fills, heads and contacts come along
    chosen = filled(tmp_path, "opd", city.opds())
    click(qtbot, page.import_button)
    assert page.table.rowCount() == 32
    assert page.table.item(11, page.NAME).text() == "Dinas Kesehatan"
    assert page.import_note.text() == (
        "32 perangkat daerah dibaca dari “opd.xlsx” (32 dengan kepalanya); kepala dan kontaknya ikut disimpan.")
    shot(wizard, "wizard-opd-from-excel.png")
    click(qtbot, next_page)
    assert wizard.currentId() == Step.SUMMARY
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: window.setup_wizard is None)
    assert len(opd.list_opds(db)) == 32
    dinkes = next(row for row in opd.list_opds(db) if row.abbreviation == "Dinkes")
    form = opd.get_opd(db, dinkes.id)
    assert (form.head.name, form.head.nip, form.email) == (
        "Drs. Pejabat Nomor 12, M.Si.", city.nip(11), "opd12@wanasarikota.go.id")

    # AND Berkas → Impor dari Excel → RPJMD shows what will be added before anything is stored
    chosen = filled(tmp_path, "rpjmd", city.rpjmd())
    actions = {a.text().replace("&", ""): a for a in window.import_menu.actions()}
    actions["RPJMD…"].trigger()
    preview = window.excel().preview
    assert isinstance(preview, ImportPreviewDialog) and preview.isVisible()
    assert preview.summary.text() == "Berkas “rpjmd.xlsx”: 20 ditambahkan, 0 diubah, 0 tetap. Belum ada yang disimpan."
    added = preview.groups[next(iter(preview.groups))]
    assert added.text(0) == "Ditambahkan" and added.childCount() == 20
    assert added.child(0).text(1) == "Tujuan RPJMD T1 Tujuan pembangunan kota nomor 1"
    assert not preview.date_edit.isVisible()  # no rename or head change in it
    shot(preview, "import-preview-rpjmd.png")
    period = periods.list_periods(db)[0]
    assert rpjmd.rpjmd_tree(db, period.id) == []  # nothing stored yet
    click(qtbot, preview.import_button)
    assert said[-1] == ("info", "Berkas “rpjmd.xlsx” diimpor: 20 ditambahkan, 0 diubah, 0 tetap.")
    window.show_screen(window.rpjmd)
    assert window.rpjmd.model.rowCount() == 4  # four tujuan without misi


def test_a_rename_in_the_preview_asks_from_which_date(
    qtbot, main_window, db: Database, tmp_path: Path, monkeypatch, said  # noqa: ANN001
) -> None:
    from kinerja_desktop.services.excel_import import import_file

    set_up_city(db)
    import_file(db, "opd", filled(tmp_path, "opd", city.opds()[:3]))
    main_window.reload()
    rows = city.opds()[:3]
    rows[2]["Nama"] = "Inspektorat Kota Wanasari"
    chosen = filled(tmp_path, "opd", rows, name="ganti-nama.xlsx")
    monkeypatch.setattr(excel_import_action, "ask_xlsx_file", lambda _p, _t: str(chosen))
    main_window.import_excel("opd")
    preview = main_window.excel().preview
    assert preview.date_edit.isVisible() and preview.summary.text().startswith("Berkas “ganti-nama.xlsx”: 0 "
                                                                                "ditambahkan, 1 diubah, 2 tetap.")
    changed = preview.groups[list(preview.groups)[1]].child(0)
    assert changed.text(2) == "nama: Inspektorat Daerah → Inspektorat Kota Wanasari"
    type_into(qtbot, preview.date_edit, "31/02/2026")
    click(qtbot, preview.import_button)
    assert "bukan tanggal yang ada di kalender" in preview.date_error.text() and preview.isVisible()
    shot(preview, "import-preview-rename.png")
    type_into(qtbot, preview.date_edit, "1 Maret 2026")
    click(qtbot, preview.import_button)
    inspektorat = next(row for row in opd.list_opds(db) if row.abbreviation == "Inspektorat")
    assert inspektorat.name == "Inspektorat Kota Wanasari"
    assert opd.former_names(db, inspektorat.id) == [("Inspektorat Daerah", None, date(2026, 2, 28))]
    assert said[-1] == ("info", "Berkas “ganti-nama.xlsx” diimpor: 0 ditambahkan, 1 diubah, 2 tetap.")
    # the same file again: nothing to import, the button says so
    main_window.import_excel("opd")
    again = main_window.excel().preview
    assert again is not preview and not again.import_button.isEnabled()
    assert again.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Tutup"


def test_every_screen_has_its_excel_button_and_it_writes_a_workbook(
    qtbot, demo_db: Database, tmp_path: Path, monkeypatch, said  # noqa: ANN001
) -> None:
    from kinerja_desktop.gui.jobs import SyncRunner
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(demo_db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    window.resize(1366, 705)
    window.show()
    for screen in window.screens:
        window.show_screen(screen)
        shot(window, f"screen-{screen.title().lower().replace(' & ', '-').replace(' ', '-')}.png")
    kinds = {button.kind for screen in window.screens for button in screen.findChildren(ExcelExportButton)}
    assert kinds == {"opd", "rpjmd", "renstra", "program", "pk", "evaluasi", "peringkat", "belum-lapor", "rekap",
                     "skp"}
    dialog = RegencyDialog(demo_db, window)
    assert dialog.leaders_excel_button.kind == "pimpinan"
    asked: list[str] = []

    def ask(_parent, _title, suggested, _db) -> str:  # noqa: ANN001
        asked.append(suggested)
        return str(tmp_path / suggested)

    monkeypatch.setattr(excel_export_button, "ask_xlsx_path", ask)
    window.show_screen(window.programs)
    click(qtbot, window.programs.excel_button)
    assert asked == ["program-anggaran-2025.xlsx"]
    assert said[-1] == ("info", f"Tersimpan: {tmp_path / 'program-anggaran-2025.xlsx'}")
    sheet = openpyxl.load_workbook(tmp_path / asked[-1])["Program"]
    assert isinstance(sheet["D2"].value, int)  # pagu as a number
    window.show_screen(window.evaluation)
    window.evaluation.quarter_combo.setCurrentIndex(window.evaluation.quarter_combo.findData(3))
    click(qtbot, window.evaluation.ranking_excel_button)
    assert asked[-1] == "peringkat-2025-tw3.xlsx"
    ranking = openpyxl.load_workbook(tmp_path / asked[-1]).worksheets[0]
    assert ranking["A1"].value == "Peringkat" and isinstance(ranking["E2"].value, float)
    dialog.leaders_excel_button.click()
    assert asked[-1] == "pimpinan-daerah.xlsx"
    assert openpyxl.load_workbook(tmp_path / asked[-1])["Pimpinan"]["A2"].value == "Bupati"
    window.close()


def test_berkas_templat_excel_writes_the_template_of_the_open_databases_period(
    qtbot, main_window, tmp_path: Path, monkeypatch, said  # noqa: ANN001
) -> None:
    monkeypatch.setattr(excel_export_button, "ask_xlsx_path", lambda _p, _t, name, _db: str(tmp_path / name))
    actions = {a.text().replace("&", ""): a for a in main_window.template_menu.actions()}
    actions["Realisasi triwulan…"].trigger()
    path = tmp_path / "templat-realisasi.xlsx"
    assert said == [("info", f"Templat tersimpan: {path}")]
    assert openpyxl.load_workbook(path).sheetnames == ["Petunjuk", "Pilihan", "Realisasi Indikator",
                                                       "Realisasi Anggaran"]


def test_batal_during_the_import_stores_nothing(
    qtbot, main_window, db: Database, tmp_path: Path, monkeypatch, said  # noqa: ANN001
) -> None:
    set_up_city(db)
    main_window.reload()
    chosen = filled(tmp_path, "opd", city.opds())
    monkeypatch.setattr(excel_import_action, "ask_xlsx_file", lambda _p, _t: str(chosen))
    jobs = []

    def started(job) -> None:  # noqa: ANN001 - "Batal" pressed as the import itself (the second job) starts
        jobs.append(job)
        if len(jobs) == 2:
            job.cancel()

    main_window.runner.started.connect(started)
    main_window.import_excel("opd")
    preview = main_window.excel().preview
    assert jobs[0].dialog is not None and jobs[0].dialog.windowTitle() == "Memeriksa berkas Excel"
    before = city.database_checksum(db)
    click(qtbot, preview.import_button)
    assert jobs[1].outcome.cancelled
    assert said == [("info", "Impor dibatalkan; tidak ada yang disimpan.")]
    assert city.database_checksum(db) == before and opd.list_opds(db) == []


@pytest.mark.sqlite_only  # the open database's own file
def test_the_excel_save_dialog_refuses_the_open_database_and_asks_again(
    qtbot, main_window, db: Database, tmp_path: Path, monkeypatch, said  # noqa: ANN001
) -> None:
    from kinerja_desktop.gui import save_dialog

    answers = iter([str(db.path), str(tmp_path / "daftar")])
    monkeypatch.setattr(save_dialog, "get_save_file_name", lambda *_args: next(answers))
    path = excel_export_button.ask_xlsx_path(main_window, "Ekspor ke Excel", "perangkat-daerah.xlsx", db)
    assert path == str(tmp_path / "daftar.xlsx")
    assert len(said) == 1 and said[0][0] == "error" and "basis data yang sedang dibuka" in said[0][1]
