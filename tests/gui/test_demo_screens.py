"""Every screen on the demo regency (Kabupaten Sukamaju) shows real rows, formatted the Indonesian way."""

from __future__ import annotations

import re

import pytest

demo = pytest.importorskip("kinerja_desktop.demo")


@pytest.fixture
def demo_window(main_window, db):
    demo.create_demo(db, seed=2026)
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    return main_window


def test_every_screen_shows_the_demo_regency(demo_window):
    window = demo_window
    assert window.home.regency_label.text() == "Kabupaten Sukamaju"
    assert int(window.home.active_value.text()) >= 30
    window.show_screen(window.opd)
    assert window.opd.table.model().rowCount() >= 30
    window.show_screen(window.renstra)
    assert window.renstra.opd_combo.count() >= 30 and window.renstra.model.rowCount() >= 1
    window.show_screen(window.agreements)
    budgets = [window.agreements.table.model().index(r, 5).data() for r in range(3)]
    assert all(re.fullmatch(r"Rp \d{1,3}(\.\d{3})*", b) for b in budgets), budgets
    window.show_screen(window.evaluation)  # 2026 PKs are drafts in the demo; 2025's are signed and ranked
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    assert window.evaluation.table.model().rowCount() >= 30
    window.year_combo.setCurrentIndex(window.year_combo.findData(2026))
    window.show_screen(window.reports)
    assert re.search(r"\(\d+,\d\d %\)", window.reports.summary.text())


def test_beranda_at_1366_by_705_scrolls_as_one_page_and_shows_whole_names(qtbot, demo_db):
    # Issue 14 §15: no scroll area inside the page's own (the chart used to scroll inside the scrolling page),
    # and the five best are named in full.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    from kinerja_desktop.gui.jobs import SyncRunner
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(demo_db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    window.year_combo.setCurrentIndex(window.year_combo.findData(2025))
    window.show_screen(window.home)
    qtbot.wait(50)
    home = window.home
    assert len(home.findChildren(QScrollArea)) == 1
    assert home.chart.height() >= home.chart.sizeHint().height()  # every bar drawn, none scrolled away
    view, model = home.top_view, home.top
    for row in range(model.rowCount()):
        name = model.index(row, 1).data()
        assert view.fontMetrics().horizontalAdvance(name) < view.columnWidth(1), name
    assert all(view.columnViewportPosition(c) + view.columnWidth(c) <= view.viewport().width()
               for c in range(model.columnCount()))
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    window.close()


def test_no_screen_has_a_scroll_area_inside_a_scroll_area(qtbot, demo_db):
    # Issue 14 §15, as a class: every screen of the navigation (a QTextBrowser or a table is a view, not a page)
    from PySide6.QtWidgets import QScrollArea

    from kinerja_desktop.gui.jobs import SyncRunner
    from kinerja_desktop.gui.main_window import NAVIGATION, MainWindow

    window = MainWindow(demo_db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    nested = []
    for _title, attribute in NAVIGATION:
        screen = getattr(window, attribute)
        window.show_screen(screen)
        for area in screen.findChildren(QScrollArea):
            parent = area.parentWidget()
            while parent is not None and parent is not screen:
                if isinstance(parent, QScrollArea):
                    nested.append((attribute, area.objectName() or type(area.widget()).__name__))
                parent = parent.parentWidget()
    window.close()
    assert nested == []
