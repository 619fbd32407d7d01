"""Laporan: every OPD's documents printed to a folder through the job runner, and the recap as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_desktop.demo import create_demo


@pytest.fixture
def reports(main_window, db):
    create_demo(db, seed=2026)
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2025))
    main_window.show_screen(main_window.reports)
    return main_window.reports


def _run(qtbot, screen, key: str, folder: Path, quarter: int = 4):
    screen.document_combo.setCurrentIndex(screen.document_combo.findData(key))
    screen.quarter_combo.setCurrentIndex(screen.quarter_combo.findData(quarter))
    screen.folder_edit.setText(str(folder))
    batch = screen.print_selected()
    assert batch is not None
    assert screen.last_result is not None and screen.batch is None  # the synchronous runner has finished it
    return screen.last_result


def test_pakta_of_every_head_and_the_ranking_are_printed(qtbot, reports, tmp_path):
    result = _run(qtbot, reports, "pakta", tmp_path / "pakta")
    assert result.error is None and len(result.value) >= 42
    assert "PAKTA INTEGRITAS" in PdfReader(result.value[0]).pages[0].extract_text()
    assert "ditulis ke" in reports.print_note.text()
    reports.last_result = None
    result = _run(qtbot, reports, "ranking", tmp_path / "peringkat", quarter=4)
    assert [p.name for p in result.value] == ["PERINGKAT-2025-TW4.pdf"]


def test_quarter_choice_only_for_quarterly_documents(reports):
    reports.document_combo.setCurrentIndex(reports.document_combo.findData("pk"))
    assert not reports.quarter_combo.isEnabled()
    reports.document_combo.setCurrentIndex(reports.document_combo.findData("evaluation"))
    assert reports.quarter_combo.isEnabled()


def test_recap_exports_to_csv(reports, tmp_path):
    path = reports.export_csv(str(tmp_path / "rekap.csv"))
    with open(path, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "Kode" and len(rows) == reports.model.rowCount() + 1
    assert any(row[6] in ("lengkap",) or "IV" in row[6] or row[6] == "tanpa indikator" for row in rows[1:])


def test_the_recap_button_asks_where_and_writes_the_csv(qtbot, reports, tmp_path, monkeypatch):
    # Issue 14 §4: the button's clicked(False) once arrived as the file path (TypeError, nothing written)
    from PySide6.QtCore import Qt

    from kinerja_desktop.gui import save_dialog

    asked: list[str] = []

    def choose(_parent, _title, suggested, _filter):  # noqa: ANN001, ANN202
        asked.append(suggested)
        return str(tmp_path / "rekap.csv")

    monkeypatch.setattr(save_dialog, "get_save_file_name", choose)
    qtbot.mouseClick(reports.csv_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith("rekap-pelaporan-2025.csv")
    with open(tmp_path / "rekap.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "Kode" and len(rows) == reports.model.rowCount() + 1
