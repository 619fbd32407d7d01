"""What the Evaluasi screen shows after a year switch, a quarter switch and a write is what a screen opened afresh
on the same year and quarter shows: every cell's text, colours and tooltip, the charts' bars and series, the labels
and the ranking's column widths (no reading, sizing or selecting left over from what was shown before)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from evaluation_screens import opened, shown

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.gui import messages
from kinerja_desktop.services import overview


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
