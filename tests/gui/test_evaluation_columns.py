"""The Evaluasi screen's ranking and indicator columns keep the widths Qt's ResizeToContents gives them, whatever
is shown."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.models.ranking_table_model import RankingTableModel
from kinerja_desktop.gui.screens.evaluation import EvaluationScreen

SIZED = [c for c in range(8) if c != RankingTableModel.NAME]


@pytest.fixture
def screen(qtbot, demo_db) -> EvaluationScreen:
    widget = EvaluationScreen(SyncRunner())
    qtbot.addWidget(widget)
    widget.resize(1366, 705)
    widget.set_context(demo_db, 2025)
    widget.refresh()
    widget.show()
    QApplication.processEvents()
    yield widget
    widget.shutdown()


def widths(screen: EvaluationScreen) -> list[int]:
    QApplication.processEvents()  # as painted (the stretched name takes the room a scroll bar leaves)
    return [screen.table.horizontalHeader().sectionSize(c) for c in range(8)]


def indicator_widths(screen: EvaluationScreen) -> list[int]:
    QApplication.processEvents()
    header = screen.indicator_table.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def qt_sized(table: QTableView, sized: list[int]) -> list[int]:
    """The widths Qt gives the ``sized`` columns of ``table`` when it sizes them to their contents itself (as they
    were sized), the others as they are."""
    header = table.horizontalHeader()
    for c in sized:
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.resizeSections()
    QApplication.processEvents()
    found = [header.sectionSize(c) for c in range(header.count())]
    for c in sized:
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
    return found


def qt_widths(screen: EvaluationScreen) -> list[int]:
    return qt_sized(screen.table, SIZED)


def qt_indicator_widths(screen: EvaluationScreen) -> list[int]:
    return qt_sized(screen.indicator_table, list(range(1, screen.indicators.columnCount())))


def test_the_ranking_columns_are_as_wide_as_qt_sizes_their_contents(screen, demo_db):
    # GIVEN the screen as opened, THEN each column is as wide as Qt's own sizing to contents makes it
    opened = widths(screen)
    assert opened == qt_widths(screen)
    assert all(opened[c] > 20 for c in SIZED)
    assert screen.indicators.rowCount() and indicator_widths(screen) == qt_indicator_widths(screen)
    # WHEN filtered to a few OPDs, sorted by another column, switched to another quarter and year
    screen.filter_edit.setText("Kec.")
    assert widths(screen) == qt_widths(screen)
    screen.table.sortByColumn(RankingTableModel.FLAG, Qt.SortOrder.DescendingOrder)
    assert widths(screen) == qt_widths(screen)
    screen.filter_edit.clear()
    assert widths(screen) == qt_widths(screen)
    screen.quarter_combo.setCurrentIndex(0)
    assert widths(screen) == qt_widths(screen)
    for row in range(0, screen.model.rowCount(), 7):  # other OPDs' indicators, sorted by a column too
        screen.select_opd(screen.model.row_at(row).opd_id)
        assert indicator_widths(screen) == qt_indicator_widths(screen)
    screen.indicator_table.sortByColumn(8, Qt.SortOrder.DescendingOrder)
    assert indicator_widths(screen) == qt_indicator_widths(screen)
    screen.set_context(demo_db, 2026)
    screen.refresh()
    QApplication.processEvents()
    assert widths(screen) == qt_widths(screen)
    # a filter nothing matches: the headers alone
    screen.filter_edit.setText("tidak ada yang cocok")
    assert screen.model.rowCount() == 0
    assert widths(screen) == qt_widths(screen)


def test_the_sized_columns_follow_the_rows_shown(screen):
    """One row with the shortest texts narrows the columns at once; all rows widen them again."""
    everyone = screen.model.all_rows()
    before = widths(screen)
    screen.model.set_rows([min(everyone, key=lambda r: (len(r.opd_abbreviation), r.score is not None))])
    narrowed = widths(screen)
    assert narrowed[RankingTableModel.ABBREVIATION] < before[RankingTableModel.ABBREVIATION]
    assert narrowed == qt_widths(screen)
    screen.model.set_rows(everyone)
    assert widths(screen) == before


def test_a_remark_of_several_lines_is_as_wide_as_qt_lays_it_out(screen):
    """A kendala typed on several lines (its text's advance is not its width): sized as Qt sizes it, here by the
    one-line remark a little longer than its longest line."""
    rows = screen.indicators.rows()
    long_line = "Kendala yang sangat panjang sekali di satu baris saja"
    rows[0] = replace(rows[0], problems=f"Pendek sekali\n{long_line}\nlagi dan lagi")
    rows[1] = replace(rows[1], problems=f"{long_line} juga")
    rows[2] = replace(rows[2], problems="x" * 10 + "\t" + "y" * 10)
    screen.indicators.set_rows(rows)
    widths = indicator_widths(screen)
    assert widths == qt_indicator_widths(screen)
    assert widths[8] > screen.fontMetrics().horizontalAdvance(f"{long_line} juga")
