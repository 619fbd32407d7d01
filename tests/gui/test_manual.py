"""Issue 14, point 17: the offline manual in Indonesian, F1 at the section of the screen in use, Bantuan →
Panduan, searchable; its sections name the app's own screens and menus."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from kinerja_desktop.gui.help_window import MANUAL, SECTIONS
from kinerja_desktop.gui.main_window import NAVIGATION
from kinerja_desktop.paths import resource


def visible_heading(window) -> str:  # noqa: ANN001
    """The heading at the top of the manual's visible area."""
    browser = window.help_window.browser
    cursor = browser.cursorForPosition(browser.viewport().rect().topLeft())
    block = cursor.block()
    for _ in range(6):  # the heading may sit a line above the anchor's scroll position
        if block.blockFormat().headingLevel() == 2:
            return block.text()
        block = block.next()
    return block.text()


def test_f1_opens_the_manual_at_the_section_of_the_screen_in_use(qtbot, main_window, demo_db):
    main_window.set_database(demo_db)
    main_window.show()
    qtbot.waitExposed(main_window)
    for screen_name, heading in (("evaluation", "Evaluasi Triwulan"), ("agreements", "Perjanjian Kinerja"),
                                 ("backup", "Cadangan & Paket"), ("cascade", "Pohon Kinerja"),
                                 ("akip", "Evaluasi AKIP")):
        main_window.show_screen(getattr(main_window, screen_name))
        qtbot.keyClick(main_window, Qt.Key.Key_F1)
        assert main_window.help_window is not None and main_window.help_window.isVisible()
        assert main_window.help_window.browser.source().fragment() == SECTIONS[screen_name]
        assert visible_heading(main_window) == heading
    main_window.help_window.close()


def test_bantuan_panduan_is_in_the_menu_with_f1(main_window):
    help_menu = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "B&antuan")
    assert main_window.manual_action in help_menu.actions()
    assert main_window.manual_action.text() == "&Panduan" and main_window.manual_action.shortcut().toString() == "F1"


def test_the_manual_is_searchable(qtbot, main_window):
    main_window.show_manual()
    window = main_window.help_window
    qtbot.keyClicks(window.search_edit, "Pakta Integritas")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    assert window.selected_text() == "Pakta Integritas"
    window.search_edit.clear()
    qtbot.keyClicks(window.search_edit, "tidak ada kalimat seperti ini")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.status.text() == "Tidak ditemukan"
    window.close()


def test_the_manual_covers_every_screen_setup_cycle_formulas_backups_and_excel():
    html = resource(*MANUAL).read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="([a-z-]+)"', html))
    assert set(SECTIONS.values()) | {"persiapan", "siklus", "rumus", "cadangan", "excel", "tabel"} <= anchors
    text = re.sub(r"<[^>]+>", "", html).replace("&amp;", "&")
    for title, _attribute in NAVIGATION:
        assert title in text, title
    assert set(SECTIONS) == {attribute for _title, attribute in NAVIGATION}  # F1 knows every screen
    for menu in ("Berkas → Profil pemerintah daerah…", "Berkas → Templat Excel", "Berkas → Impor dari Excel",
                 "Isi realisasi…", "Tutup triwulan…", "Buat cadangan…", "Ekspor paket…", "Cetak ke folder"):
        assert menu in text, menu
    # the worked examples of the domain, as the app computes them
    for figure in ("97,89", "112,50", "85,00", "94,12", "110,00 (33 dari 30)", "99,46", "98,46 → Sangat Tinggi"):
        assert figure in text, figure
