"""What the Evaluasi screen shows after a year switch, a quarter switch and a write is what a screen opened afresh
on the same year and quarter shows: every cell's text, colours and tooltip, the charts' bars and series, the labels
and the ranking's column widths (no reading, sizing or selecting left over from what was shown before)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.screens.evaluation import EvaluationScreen
from kinerja_desktop.services import overview

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


def switched_like_fresh(qtbot, db: Database, years: tuple[int, int]) -> None:  # noqa: ANN001
    first, other = years
    screen = opened(qtbot, db, first)
    at_open = shown(screen)
    assert at_open["ranking"][1] and at_open["bars"][1] and at_open["selected"]
    # WHEN the year is switched: what a screen opened on that year shows, the same OPD selected
    screen.set_context(db, other)
    screen.refresh()
    after_switch = shown(screen)
    assert after_switch["quarter"] == (overview.latest_reported_quarter(db, other) or 1) - 1
    fresh = opened(qtbot, db, other, opd_id=after_switch["selected"])
    assert after_switch == shown(fresh)
    fresh.shutdown()
    # and back: what the screen showed at first
    screen.set_context(db, first)
    screen.refresh()
    assert screen.select_opd(at_open["selected"])
    assert shown(screen) == at_open
    # WHEN the quarter is switched: what a screen opened on that quarter shows; and back again
    screen.quarter_combo.setCurrentIndex(0)
    after_quarter = shown(screen)
    assert after_quarter["quarter"] == 0 and after_quarter != at_open
    fresh = opened(qtbot, db, first, 1, opd_id=after_quarter["selected"])
    assert after_quarter == shown(fresh)
    fresh.shutdown()
    screen.quarter_combo.setCurrentIndex(at_open["quarter"])
    assert shown(screen) == at_open
    # WHEN the quarter is closed (a write): what a screen opened afterwards shows
    screen.close_quarter()
    after_write = shown(screen)
    assert "ditutup pada" in after_write["labels"][0] and after_write["labels"][0] != at_open["labels"][0]
    fresh = opened(qtbot, db, first, opd_id=after_write["selected"])
    assert after_write == shown(fresh)
    fresh.shutdown()
    screen.shutdown()


@pytest.fixture
def confirmed(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    monkeypatch.setattr(messages, "show_error", lambda *_a: pytest.fail(f"error shown: {_a[-1]}"))


def test_the_demo_regency_shows_after_switches_and_a_write_what_a_fresh_screen_shows(qtbot, demo_db, confirmed):
    switched_like_fresh(qtbot, demo_db, (2025, 2026))


def test_a_small_city_shows_after_switches_and_a_write_what_a_fresh_screen_shows(qtbot, tmp_path, confirmed):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    try:
        import city
    finally:
        sys.path.pop(0)
    path = tmp_path / "kota.sqlite"
    city.generate(path, opds=6, indicators=5, years=2)
    db = open_database(path)
    try:
        switched_like_fresh(qtbot, db, (2026, 2025))
    finally:
        db.close()


def test_the_opening_quarter_is_chosen_at_the_next_refresh_or_when_asked_and_a_choice_is_kept(qtbot, demo_db):
    screen = opened(qtbot, demo_db, 2025)
    assert screen.quarter() == 4
    # GIVEN a year switch not followed by a refresh (another screen is shown): asked, the quarter is 2026's latest
    screen.set_context(demo_db, 2026)
    assert screen.quarter() == overview.latest_reported_quarter(demo_db, 2026) == 2
    screen.refresh()
    assert screen.quarter() == 2 and "Triwulan II" in screen.status_label.text()
    # WHEN the operator chooses a quarter right after a switch, THEN the choice is shown, not the latest
    screen.set_context(demo_db, 2025)
    screen.quarter_combo.setCurrentIndex(0)
    assert screen.quarter() == 1 and "Triwulan I " in screen.status_label.text()
    screen.refresh()
    assert screen.quarter() == 1
    # the same year again: the quarter shown stays
    screen.set_context(demo_db, 2025)
    screen.refresh()
    assert screen.quarter() == 1
    screen.shutdown()
