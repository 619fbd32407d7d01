"""The Evaluasi screen's ranking columns keep the widths Qt's ResizeToContents gives them, whatever is shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView

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


def qt_widths(screen: EvaluationScreen) -> list[int]:
    """The widths Qt gives the same columns when it sizes them to their contents itself (as they were sized)."""
    header = screen.table.horizontalHeader()
    for c in SIZED:
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    header.resizeSections()
    QApplication.processEvents()
    found = widths(screen)
    for c in SIZED:
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
    return found


def test_the_ranking_columns_are_as_wide_as_qt_sizes_their_contents(screen, demo_db):
    # GIVEN the screen as opened, THEN each column is as wide as Qt's own sizing to contents makes it
    opened = widths(screen)
    assert opened == qt_widths(screen)
    assert all(opened[c] > 20 for c in SIZED)
    # WHEN filtered to a few OPDs, sorted by another column, switched to another quarter and year
    screen.filter_edit.setText("Kec.")
    assert widths(screen) == qt_widths(screen)
    screen.table.sortByColumn(RankingTableModel.FLAG, Qt.SortOrder.DescendingOrder)
    assert widths(screen) == qt_widths(screen)
    screen.filter_edit.clear()
    assert widths(screen) == qt_widths(screen)
    screen.quarter_combo.setCurrentIndex(0)
    assert widths(screen) == qt_widths(screen)
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
