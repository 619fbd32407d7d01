"""The Evaluasi Triwulan screen and the Beranda dashboard on the demo regency's 2025 (every PK signed)."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.domain.formatting import format_number
from kinerja_desktop.gui import messages, print_action
from kinerja_desktop.gui.dialogs.evaluation_wizard import EvaluationWizard
from kinerja_desktop.gui.evaluation_flow import Step
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.models import SORT_ROLE
from kinerja_desktop.gui.models.ranking_table_model import RankingTableModel
from kinerja_desktop.gui.screens import evaluation as screen_module
from kinerja_desktop.gui.screens.evaluation import EvaluationScreen
from kinerja_desktop.gui.screens.home import HomeScreen
from kinerja_desktop.services import evaluation


@pytest.fixture
def said(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    return shown


@pytest.fixture
def screen(qtbot, demo_db) -> EvaluationScreen:
    widget = EvaluationScreen(SyncRunner())
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.set_context(demo_db, 2025)
    widget.refresh()
    widget.show()
    yield widget
    widget.shutdown()


def column(model, number: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, number).data(role) for r in range(model.rowCount())]


def test_screen_opens_on_the_latest_reported_quarter_with_the_whole_ranking(screen):
    assert screen.quarter() == 4
    assert screen.model.rowCount() == 42
    assert "Triwulan IV belum ditutup" in screen.status_label.text()
    assert column(screen.model, RankingTableModel.RANK)[:3] == ["1", "2", "3"]
    assert len(screen.bar_chart.bars) == 42 and screen.line_chart.has_values()
    assert screen.selected_opd_id() == screen.model.row_at(0).opd_id
    headers = [screen.indicators.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ") for c in range(7)]
    assert "Capaian thd target s.d. TW" in headers and "Progres thd target tahunan" in headers


def test_ranking_sorts_inside_the_model_by_raw_score(screen):
    view = screen.table
    view.sortByColumn(RankingTableModel.SCORE, Qt.SortOrder.AscendingOrder)
    raw = [v for v in column(screen.model, RankingTableModel.SCORE, SORT_ROLE) if v is not None]
    assert raw == sorted(raw) and isinstance(raw[0], Decimal)
    texts = column(screen.model, RankingTableModel.SCORE)
    assert texts[-1].startswith("100,") and texts[0] < texts[-1] or raw[-1] >= Decimal(100)
    view.sortByColumn(RankingTableModel.SCORE, Qt.SortOrder.DescendingOrder)
    raw = column(screen.model, RankingTableModel.SCORE, SORT_ROLE)
    assert raw == sorted(raw, reverse=True)
    assert column(screen.model, RankingTableModel.RANK)[0] == "1"


def test_filter_and_csv_export_of_what_is_shown(screen, monkeypatch, tmp_path, said):
    screen.filter_edit.setText("Kec.")
    shown = screen.model.rows()
    assert shown and all("Kec." in r.opd_abbreviation or "Kecamatan" in r.opd_name for r in shown)
    assert screen.count_label.text() == f"Menampilkan {len(shown)} dari 42 perangkat daerah"
    target = tmp_path / "peringkat.csv"
    monkeypatch.setattr(screen_module, "ask_save_path", lambda *_a: str(target))
    screen.export_button.click()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:6] == ["Peringkat", "Kode", "Singkatan", "Perangkat Daerah", "Nilai", "Predikat"]
    first = shown[0]
    assert rows[1][:6] == [str(first.rank), first.opd_code, first.opd_abbreviation, first.opd_name,
                           format_number(first.score, 2), first.predicate]
    assert "," in rows[1][4] and len(rows) == len(shown) + 1


def test_closing_freezes_the_ranking_and_the_wizard_refuses_the_quarter(qtbot, screen, demo_db, said):
    before = [(r.rank, r.opd_id, r.score, r.predicate) for r in evaluation.ranking(demo_db, 2025, 4).rows]
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    assert evaluation.is_closed(demo_db, 2025, 4)
    assert "Triwulan IV ditutup pada" in screen.status_label.text() and not screen.close_button.isVisible()
    after = evaluation.ranking(demo_db, 2025, 4)
    assert after.closed_at is not None
    assert [(r.rank, r.opd_id, r.score, r.predicate) for r in after.rows] == before
    assert [(r.rank, r.opd_id, r.score) for r in screen.model.all_rows()] == [b[:3] for b in before]
    wizard = EvaluationWizard(demo_db, 2025, 4, before[0][1], years=[2025, 2026])
    qtbot.addWidget(wizard)
    wizard.show()
    assert "Triwulan IV (ditutup)" == wizard.choose_page.ui.quarterCombo.currentText()
    wizard.next()
    assert wizard.currentId() == Step.CHOOSE
    assert "sudah ditutup Bappeda" in wizard.choose_page.ui.errorLabel.text()


def test_early_warnings_and_belum_lapor_lists(qtbot, demo_db):
    screen = EvaluationScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.set_context(demo_db, 2025)
    screen.refresh()  # as the main window does when the screen is shown (it opens on the latest quarter, TW IV)
    screen.quarter_combo.setCurrentIndex(0)
    evaluations = evaluation.evaluate_quarter(demo_db, 2025, 1)
    assert screen.warnings.rowCount() == len(evaluation.early_warnings(evaluations))
    capaians = column(screen.warnings, 2, SORT_ROLE)
    assert capaians == sorted(capaians) and all(c < Decimal(75) for c in capaians)
    assert screen.tabs.tabText(1) == f"Peringatan dini ({len(capaians)})"
    assert screen.missing.rowCount() == len(evaluation.not_reported(evaluations))


def test_report_of_the_selected_opd_is_saved_as_pdf(qtbot, screen, monkeypatch, tmp_path, said):
    target = tmp_path / "evaluasi.pdf"
    monkeypatch.setattr(print_action, "ask_pdf_path", lambda *_a: str(target))
    screen.report_pdf_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert said == [f"PDF tersimpan: {target}"] and target.read_bytes().startswith(b"%PDF")


def test_beranda_shows_the_dashboard(qtbot, demo_db):
    home = HomeScreen()
    qtbot.addWidget(home)
    home.set_context(demo_db, 2025)
    home.refresh()
    assert home.regency_label.text() == "Kabupaten Sukamaju"
    # 42 OPDs' PKs and the Bupati's own (its PK Perubahan signed, the original replaced)
    assert (home.active_value.text(), home.signed_value.text(), home.draft_value.text()) == ("42", "43", "0")
    assert home.latest_quarter == 4 and home.quarter_label.text().startswith("Peringkat Triwulan IV tahun 2025")
    ranking = evaluation.ranking(demo_db, 2025, 4)
    assert [home.top.row_at(i).opd_id for i in range(5)] == [r.opd_id for r in ranking.rows[:5]]
    assert home.bottom.row_at(0).rank == max(r.rank for r in ranking.rows if r.rank)
    evaluations = evaluation.evaluate_quarter(demo_db, 2025, 4)
    assert home.warnings_value.text() == str(len(evaluation.early_warnings(evaluations)))
    assert home.not_reported_value.text() == "0"
    # Issue 14 §8: the card says its base (signed PKs), unlike the reporting table of all OPDs with indicators
    assert home.missing_figure.caption.text() == (
        f"dari {len(ranking.rows)} perangkat daerah dengan PK ditandatangani belum lapor Triwulan IV")
    assert "termasuk yang PK-nya belum ditandatangani" in home.missing_figure.toolTip()
    assert len(home.chart.bars) == 42
    home.set_context(demo_db, 2026)  # drafts only: no ranking, said plainly
    home.refresh()
    assert home.signed_value.text() == "0" and home.draft_value.text() == "43"
    assert "Belum ada PK 2026 yang ditandatangani" in home.quarter_note.text()


def test_at_1366_by_705_the_indicator_readings_and_the_chart_titles_are_not_cut(qtbot, demo_db):
    # Issue 14 §15: in a maximised window above a taskbar, the lower table shows every reading up to the progress
    # on the year's target without scrolling, and the ranking chart's title wraps instead of being cut off.
    from PySide6.QtGui import QFontMetrics

    from kinerja_desktop.gui.jobs import SyncRunner
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(demo_db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    window.show_screen(window.evaluation)
    screen = window.evaluation
    screen.quarter_combo.setCurrentIndex(screen.quarter_combo.findData(4))
    screen.select_opd(next(r.opd_id for r in screen.model.all_rows() if r.opd_abbreviation == "Dinkes"))
    qtbot.wait(50)
    table, model = screen.indicator_table, screen.indicators
    progress = next(c for c in range(model.columnCount())
                    if model.headerData(c, Qt.Orientation.Horizontal) == "Progres thd\ntarget tahunan")
    for c in range(progress + 1):
        assert 0 <= table.columnViewportPosition(c)
        assert table.columnViewportPosition(c) + table.columnWidth(c) <= table.viewport().width(), c
    chart = screen.bar_chart
    bold = chart.font()
    bold.setBold(True)
    title = chart.title
    assert title == "Nilai perangkat daerah, Triwulan IV 2025"
    assert QFontMetrics(bold).horizontalAdvance(title) > chart.width()  # too wide for one line here …
    image = chart.grab().toImage()
    line = QFontMetrics(bold).height()
    # … so it takes two lines: the legend's first coloured box starts below them, not right under one line
    coloured = [y for y in range(image.height()) for x in range(30) if image.pixelColor(x, y).hsvSaturation() > 120]
    window.close()
    assert coloured and min(coloured) > line * 2


def shown_figures(widget: EvaluationScreen) -> dict:
    """Everything the screen shows of its quarter: table cells, both charts and the texts."""
    def cells(model) -> list:
        return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]

    return {
        "quarter": widget.quarter(),
        "ranking": cells(widget.model),
        "indicators": cells(widget.indicators),
        "warnings": cells(widget.warnings),
        "missing": cells(widget.missing),
        "bars": [(b.key, b.label, b.value) for b in widget.bar_chart.bars],
        "lines": [(s.name, s.values) for s in widget.line_chart.series],
        "texts": [widget.summary.text(), widget.status_label.text(), widget.detail_label.text()],
    }


def test_after_a_year_switch_the_screen_shows_what_it_shows_when_opened_on_that_year(qtbot, demo_db, screen):
    opened_2025 = shown_figures(screen)
    fresh = EvaluationScreen(SyncRunner())
    qtbot.addWidget(fresh)
    fresh.resize(1400, 900)
    fresh.set_context(demo_db, 2026)
    fresh.refresh()
    opened_2026 = shown_figures(fresh)
    fresh.shutdown()
    assert opened_2026["quarter"] == 2 and opened_2025["quarter"] == 4  # each year's latest reported quarter
    assert opened_2026["ranking"] == [] and len(opened_2025["ranking"]) == 42  # the demo signed 2025's PKs only

    screen.set_context(demo_db, 2026)  # as the main window does when the year changes
    screen.refresh()
    switched = shown_figures(screen)
    # (the detail line differs from a new screen's, as before: "choose an OPD" where a new screen says nothing)
    assert switched.pop("texts")[:2] == opened_2026.pop("texts")[:2]
    assert switched == opened_2026
    screen.set_context(demo_db, 2025)
    screen.refresh()
    assert shown_figures(screen) == opened_2025
    # the line chart of the selected OPD: its score in each quarter, as evaluated quarter by quarter
    selected = screen.selected_opd_id()
    scores = [evaluation.evaluate_opd(demo_db, 2025, q, selected).score for q in (1, 2, 3, 4)]
    assert list(screen.line_chart.series[0].values) == scores
