"""One way to print: the editor's and the Evaluasi screen's buttons write the very file the CLI writes, under the
name the CLI gives it; the belum-lapor list is a ReportLab document like every other one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import delete, select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Goal, Indicator, IndicatorRealization, Opd
from kinerja_desktop.gui import messages, print_action
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.screens.agreements import AgreementsScreen
from kinerja_desktop.gui.screens.evaluation import EvaluationScreen
from kinerja_desktop.reports.fingerprint import read_fingerprint
from kinerja_desktop.services import evaluation, printing


@pytest.fixture
def said(monkeypatch) -> list[str]:
    shown: list[str] = []
    for name in ("show_info", "show_error", "show_warning"):
        monkeypatch.setattr(messages, name, lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    return shown


def silence_dinkes_in_tw4(db: Database) -> None:
    """Dinkes enters nothing for Triwulan IV 2025: it is "belum lapor"."""
    with db.write() as s:
        dinkes = s.scalars(select(Opd.id).where(Opd.abbreviation == "Dinkes")).one()
        indicators = select(Indicator.id).join(Goal, Indicator.goal_id == Goal.id).where(Goal.opd_id == dinkes)
        s.execute(
            delete(IndicatorRealization).where(
                IndicatorRealization.year == 2025,
                IndicatorRealization.quarter == 4,
                IndicatorRealization.indicator_id.in_(indicators),
            )
        )


@pytest.fixture
def agreements_screen(qtbot, demo_db) -> Iterator[AgreementsScreen]:
    screen = AgreementsScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.set_context(demo_db, 2025)
    screen.refresh()
    screen.show()
    yield screen
    screen.shutdown()


@pytest.fixture
def evaluation_screen(qtbot, demo_db) -> Iterator[EvaluationScreen]:
    silence_dinkes_in_tw4(demo_db)
    screen = EvaluationScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.resize(1366, 705)
    screen.set_context(demo_db, 2025)
    screen.refresh()
    screen.show()
    yield screen
    screen.shutdown()


def dinkes_editor(agreements_screen: AgreementsScreen):  # noqa: ANN201
    model = agreements_screen.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).opd_abbreviation == "Dinkes")
    agreements_screen.table.selectRow(row)
    agreements_screen.open_selected()
    return agreements_screen.editor


def save_through_the_gui(qtbot, monkeypatch, button: QPushButton, folder: Path) -> tuple[str, Path]:
    """Click the button; the file dialog accepts the suggested name inside ``folder``."""
    suggested: list[str] = []

    def accept(_parent, name: str) -> str:  # noqa: ANN001
        suggested.append(name)
        return str(folder / name)

    monkeypatch.setattr(print_action, "ask_pdf_path", accept)
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (name,) = suggested
    return name, folder / name


def print_through_the_cli(db: Database, folder: Path, *args: str) -> Path:
    assert main(["print", *args, "--db", db.location, "--out", str(folder)]) == 0
    (written,) = folder.iterdir()
    return written


CASES: dict[str, tuple[Callable[[AgreementsScreen], QPushButton], tuple[str, ...], str]] = {
    "pk": (lambda s: dinkes_editor(s).print_button, ("pk", "--year", "2025", "--opd", "Dinkes"), "PK-2025-DINKES.pdf"),
    "pakta": (
        lambda s: dinkes_editor(s).header.printPactButton,
        ("pakta", "--year", "2025", "--opd", "Dinkes"),
        "PAKTA-2025-DINKES.pdf",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_editor_writes_the_file_the_cli_writes(
    qtbot, monkeypatch, tmp_path, agreements_screen, demo_db, said, case
):
    button, cli_args, expected = CASES[case]
    gui, cli = tmp_path / "gui", tmp_path / "cli"
    gui.mkdir()
    name, from_gui = save_through_the_gui(qtbot, monkeypatch, button(agreements_screen), gui)
    from_cli = print_through_the_cli(demo_db, cli, *cli_args)
    assert name == from_cli.name == expected
    assert from_gui.read_bytes() == from_cli.read_bytes()
    assert agreements_screen.editor.message() == f"PDF tersimpan: {from_gui}"


@pytest.mark.parametrize(
    ("button", "cli_args", "expected"),
    [
        ("report_pdf_button", ("evaluation", "--year", "2025", "--quarter", "4", "--opd", "Dinkes"),
         "EVALUASI-2025-TW4-DINKES.pdf"),
        ("ranking_pdf_button", ("ranking", "--year", "2025", "--quarter", "4"), "PERINGKAT-2025-TW4.pdf"),
        ("missing_pdf_button", ("belum-lapor", "--year", "2025", "--quarter", "4"), "BELUM-LAPOR-2025-TW4.pdf"),
    ],
)
def test_the_evaluation_screen_writes_the_file_the_cli_writes(
    qtbot, monkeypatch, tmp_path, evaluation_screen, demo_db, said, button, cli_args, expected
):
    screen = evaluation_screen
    screen.paper_combo.setCurrentIndex(screen.paper_combo.findData("f4"))
    assert screen.quarter() == 4
    screen.select_opd(next(r.opd_id for r in screen.model.all_rows() if r.opd_abbreviation == "Dinkes"))
    gui, cli = tmp_path / "gui", tmp_path / "cli"
    gui.mkdir()
    name, from_gui = save_through_the_gui(qtbot, monkeypatch, getattr(screen, button), gui)
    from_cli = print_through_the_cli(demo_db, cli, *cli_args, "--paper", "f4")
    assert name == from_cli.name == expected
    assert from_gui.read_bytes() == from_cli.read_bytes()
    assert said == [f"PDF tersimpan: {from_gui}"]


def test_belum_lapor_is_previewed_with_the_letterhead_and_fingerprint_and_exported_to_csv(
    qtbot, monkeypatch, tmp_path, evaluation_screen, said
):
    from pypdf import PdfReader
    from PySide6.QtPdf import QPdfDocument

    screen = evaluation_screen
    assert [e.opd_abbreviation for e in screen.view.not_reported] == ["Dinkes"]
    qtbot.mouseClick(screen.missing_print_button, Qt.MouseButton.LeftButton)
    preview = screen.preview_dialog
    assert preview is not None and preview.status() == QPdfDocument.Status.Ready
    path = preview.path
    assert path.name == "BELUM-LAPOR-2025-TW4.pdf"
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    # the kop of the planning agency of the profile (the demo's Bapperida), not a hard-coded Bappeda
    assert "PEMERINTAH KABUPATEN SUKAMAJU" in text and "BADAN PERENCANAAN PEMBANGUNAN, RISET DAN INOVASI DAERAH" in text
    assert "1 dari 42 perangkat daerah" in text and "Dinas Kesehatan" in text
    assert read_fingerprint(path)["identity"] == "BL-2025-TW4"
    preview.close()
    qtbot.waitUntil(lambda: screen.preview_dialog is None)
    assert not path.exists()
    # The CSV of the same list, under the document's name
    from kinerja_desktop.gui.screens import evaluation as screen_module

    asked = []
    target = tmp_path / "belum-lapor.csv"
    monkeypatch.setattr(screen_module, "ask_save_path", lambda _p, _t, name, _f: asked.append(name) or str(target))
    screen.missing_csv_button.click()
    assert asked == ["BELUM-LAPOR-2025-TW4.csv"]
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "No;Kode;Singkatan;Perangkat Daerah;Jumlah indikator"
    assert lines[1].startswith("1;") and ";Dinkes;Dinas Kesehatan;" in lines[1] and len(lines) == 2


def test_the_evaluation_screen_shows_the_ranking_it_prints(evaluation_screen, demo_db):
    # The screen no longer chooses snapshot or live itself: it shows services.evaluation.ranking.
    evaluation.close_quarter(demo_db, 2025, 4)
    evaluation_screen.refresh()
    printed = evaluation.ranking(demo_db, 2025, 4)
    assert printed.closed_at is not None
    assert list(evaluation_screen.view.ranking.rows) == list(printed.rows)


def test_a_service_refusal_is_said_and_nothing_is_written(qtbot, monkeypatch, tmp_path, evaluation_screen, said):
    def refuse(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise printing.ValidationError.single("paper", "Ukuran kertas harus salah satu dari: a4, f4")

    monkeypatch.setattr(printing, "write", refuse)
    folder = tmp_path / "cetak"
    folder.mkdir()
    save_through_the_gui(qtbot, monkeypatch, evaluation_screen.ranking_pdf_button, folder)
    assert said == ["Ukuran kertas harus salah satu dari: a4, f4"] and not list(folder.iterdir())
    assert evaluation_screen.ranking_pdf_button.isEnabled()


# --- Cetak… on a printer from the screens (issue 14, point 19) ----------------------------------------------


@pytest.fixture
def printed_to(tmp_path, monkeypatch) -> Path:
    """Qt's print dialog answered "Cetak" with a printer writing PDF to a file; temporary files under tmp_path."""
    import tempfile

    from PySide6.QtPrintSupport import QPrinter

    from kinerja_desktop.gui import pdf_printer

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    out = tmp_path / "kertas.pdf"

    def choose_printer(_parent, printer: QPrinter, _pages: int) -> bool:  # noqa: ANN001
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(pdf_printer, "ask_printer", choose_printer)
    return out


def assert_printed_like(printed: Path, files: list[Path]) -> None:
    """The printout has the pages of ``files`` in order, each a rendered page with dark text on it."""
    from pypdf import PdfReader

    expected = [page for path in files for page in PdfReader(path).pages]
    pages = PdfReader(printed).pages
    assert len(pages) == len(expected)
    for page, source in zip(pages, expected, strict=True):
        # the same paper the same way round (F4 may be the printer's Folio 8,5 × 13 in: 3 pt larger)
        assert abs(float(page.mediabox.width) - float(source.mediabox.width)) < 4
        assert abs(float(page.mediabox.height) - float(source.mediabox.height)) < 4
    picture = pages[0].images[0].image.convert("L")
    assert picture.getextrema()[0] < 100


@pytest.mark.parametrize(
    ("button", "cli_args"),
    [
        ("report_printer_button", ("evaluation", "--year", "2025", "--quarter", "4", "--opd", "Dinkes")),
        ("ranking_printer_button", ("ranking", "--year", "2025", "--quarter", "4")),
        ("missing_printer_button", ("belum-lapor", "--year", "2025", "--quarter", "4")),
    ],
)
def test_the_evaluation_screens_cetak_prints_the_document_on_a_printer(
    qtbot, tmp_path, evaluation_screen, demo_db, said, printed_to, button, cli_args
):
    screen = evaluation_screen
    screen.paper_combo.setCurrentIndex(screen.paper_combo.findData("f4"))
    screen.select_opd(next(r.opd_id for r in screen.model.all_rows() if r.opd_abbreviation == "Dinkes"))
    qtbot.mouseClick(getattr(screen, button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: printed_to.exists() and printed_to.stat().st_size > 0)
    cli = tmp_path / "cli"
    assert_printed_like(printed_to, [print_through_the_cli(demo_db, cli, *cli_args, "--paper", "f4")])
    assert not list(tmp_path.glob("kinerja-*")) and said == []


def test_the_pakta_integritas_is_printed_on_a_printer_from_the_editor(
    qtbot, tmp_path, agreements_screen, demo_db, said, printed_to
):
    editor = dinkes_editor(agreements_screen)
    assert editor.header.printerPactButton.text() == "Cetak Pakta…"
    qtbot.mouseClick(editor.header.printerPactButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: printed_to.exists() and printed_to.stat().st_size > 0)
    cli = print_through_the_cli(demo_db, tmp_path / "cli", "pakta", "--year", "2025", "--opd", "Dinkes")
    assert_printed_like(printed_to, [cli])
    assert not list(tmp_path.glob("kinerja-*"))


def test_laporan_prints_every_opds_document_on_a_printer_in_one_job(
    qtbot, tmp_path, main_window, demo_db, said, printed_to
):
    main_window.set_database(demo_db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2025))
    main_window.show_screen(main_window.reports)
    screen = main_window.reports
    screen.document_combo.setCurrentIndex(screen.document_combo.findData("pakta"))
    qtbot.mouseClick(screen.printer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last_result is not None and screen.batch is None, timeout=60_000)
    assert screen.last_result.ok
    qtbot.waitUntil(lambda: printed_to.exists() and printed_to.stat().st_size > 0)
    cli = tmp_path / "cli"
    assert main(["print", "pakta", "--year", "2025", "--db", demo_db.location, "--out", str(cli)]) == 0
    files = sorted(cli.iterdir())
    assert len(files) >= 42
    assert_printed_like(printed_to, [cli / p.name for p in screen.last_result.value])
    assert not list(tmp_path.glob("kinerja-*"))
