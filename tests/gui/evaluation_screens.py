"""Helpers of the Evaluasi screen's tests: a screen opened as the main window opens it, and what it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kinerja_desktop.db.database import Database
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.screens.evaluation import EvaluationScreen

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
         Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole)


def _plain(value: Any) -> Any:
    if hasattr(value, "color"):  # a QBrush
        return value.color().name(), value.color().alpha()
    if hasattr(value, "name") and callable(value.name):  # a QColor
        return value.name(), value.alpha()
    if isinstance(value, Qt.AlignmentFlag):
        return int(value.value)
    return value


def _table(model) -> list:  # noqa: ANN001
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cells = [
        [tuple(_plain(model.index(r, c).data(role)) for role in ROLES) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    return [headers, cells]


def shown(screen: EvaluationScreen) -> dict[str, Any]:
    """Everything the operator can read on the screen."""
    QApplication.processEvents()
    bars, lines = screen.bar_chart, screen.line_chart
    header = screen.table.horizontalHeader()
    return {
        "quarter": screen.quarter_combo.currentIndex(),
        "labels": [w.text() for w in (screen.status_label, screen.summary, screen.count_label, screen.detail_label,
                                      screen.warning_note, screen.missing_note)],
        "tabs": [screen.tabs.tabText(n) for n in range(screen.tabs.count())],
        "ranking": _table(screen.model),
        "indicators": _table(screen.indicators),
        "warnings": _table(screen.warnings),
        "missing": _table(screen.missing),
        "widths": [header.sectionSize(c) for c in range(screen.model.columnCount())],
        "selected": screen.selected_opd_id(),
        "bars": [bars.title, [(b.key, b.label, b.value, b.color.name(), b.tooltip) for b in bars.bars],
                 [m.value for m in bars.markers], [(e.label, e.color.name()) for e in bars.legend]],
        "lines": [lines.title, [(s.name, s.values, s.color.name(), s.dashed) for s in lines.series],
                  [(m.value, m.label) for m in lines.markers]],
        "buttons": [b.isEnabled() for b in (screen.close_button, screen.export_button, screen.report_pdf_button,
                                            screen.missing_pdf_button)],
    }


def opened(qtbot, db: Database, year: int, quarter: int | None = None, opd_id: str | None = None):  # noqa: ANN001, ANN201
    """A screen opened afresh on ``year`` (and ``quarter``), with ``opd_id`` selected."""
    screen = EvaluationScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.resize(1366, 705)
    screen.set_context(db, year)
    screen.refresh()
    if quarter is not None:
        screen.quarter_combo.setCurrentIndex(quarter - 1)  # chosen by the operator (refreshed when another)
    screen.show()
    if opd_id is not None:
        assert screen.select_opd(opd_id)
    return screen
