"""The main window: title, status bar, year selector, navigation, real figures on every screen."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.db.database import open_database
from kinerja_desktop.gui import settings
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.models import SORT_ROLE


def cell(view, row: int, column: int) -> str:
    return view.model().index(row, column).data()


@pytest.mark.sqlite_only  # a file's name and the recent files; a server's title: tests/gui/test_server_mode.py
def test_title_status_bar_and_years(main_window, db, small_regency):
    main_window.set_database(db)  # reload after the data was added
    assert main_window.windowTitle() == "Kinerja Desktop — kinerja.sqlite"
    assert main_window.db_label.text() == f"Basis data: {db.path}"
    years = [main_window.year_combo.itemData(i) for i in range(main_window.year_combo.count())]
    assert years == [2025, 2026]
    assert settings.recent_files()[0] == db.location


def test_navigation_lists_the_ten_screens(main_window):
    names = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert names == [
        "Beranda",
        "Perangkat Daerah",
        "RPJMD",
        "Renstra & Indikator",
        "Program & Anggaran",
        "Pohon Kinerja",
        "Perjanjian Kinerja",
        "Evaluasi Triwulan",
        "Menunggu Verifikasi",
        "Evaluasi AKIP",
        "Laporan",
        "Cadangan & Paket",
    ]
    main_window.nav.setCurrentRow(1)
    assert main_window.current_screen() is main_window.opd


def test_empty_database_shows_no_year_and_no_invented_figures(main_window):
    assert not main_window.year_combo.isEnabled()
    assert main_window.current_year() is None
    assert main_window.home.regency_label.text() == "Pemerintah daerah belum diatur"
    assert main_window.home.active_value.text() == "0"
    main_window.show_screen(main_window.agreements)
    assert main_window.agreements.model.rowCount() == 0


def test_home_shows_the_years_summary(main_window, db, small_regency):
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    home = main_window.home
    assert home.regency_label.text() == "Kabupaten Sukamaju"
    assert home.active_value.text() == "2"
    statuses = {cell(home.agreements_view, r, 0): cell(home.agreements_view, r, 1) for r in range(5)}
    assert statuses["Final"] == "1" and statuses["Draf"] == "0"
    reported = [cell(home.reporting_view, r, 1) for r in range(4)]
    assert reported == ["1 dari 1", "0 dari 1", "0 dari 1", "0 dari 1"]


def test_screens_follow_the_chosen_year(main_window, db, small_regency):
    main_window.set_database(db)
    main_window.show_screen(main_window.agreements)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    view = main_window.agreements.table
    # Every active OPD is listed with the status of its PK, "Belum ada" when it has none.
    assert view.model().rowCount() == 2
    assert [cell(view, 1, c) for c in (1, 3)] == ["Kecamatan Sukamaju", "Belum ada"]
    assert [cell(view, 0, c) for c in range(6)] == [
        "1.02.0.00.0.00.01.0000",
        "Dinas Kesehatan",
        "Awal",
        "Final",
        "2",
        "Rp 1.250.000.000",
    ]
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2025))
    assert [cell(view, r, 3) for r in range(view.model().rowCount())] == ["Belum ada", "Belum ada"]
    assert "Belum ada perjanjian kinerja tahun 2025" in main_window.agreements.summary.text()


def test_renstra_tree_shows_indicators_with_the_years_target(main_window, db, small_regency):
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    main_window.show_screen(main_window.renstra)
    screen = main_window.renstra
    model = screen.model
    assert screen.opd_combo.currentText() == "Dinkes — Dinas Kesehatan"
    tujuan = model.index(0, 0)
    sasaran = model.index(0, 0, tujuan)
    assert tujuan.data().startswith("Tujuan T1") and sasaran.data().startswith("Sasaran S1")
    row = [model.index(1, c, sasaran).data() for c in range(4)]
    assert row == ["IK2 Prevalensi stunting", "%", "14,5", "Negatif"]
    screen.opd_combo.setCurrentIndex(1)  # Kecamatan Sukamaju: no Renstra yet
    assert model.rowCount() == 0 and screen.summary.text() == "Pemeriksaan keselarasan: belum ada sasaran."


def test_evaluation_and_report_show_belum_lapor(main_window, db, small_regency):
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    main_window.show_screen(main_window.evaluation)
    # The PK is final, not signed: nothing is evaluated yet, and the screen says why.
    assert main_window.evaluation.table.model().rowCount() == 0
    assert "Belum ada Perjanjian Kinerja 2026 yang ditandatangani" in main_window.evaluation.summary.text()
    main_window.show_screen(main_window.reports)
    view = main_window.reports.table
    assert [cell(view, 0, c) for c in range(6)][3:] == ["2 dari 8", "25,00 %", "II, III, IV"]
    assert "2 dari 8 laporan indikator masuk (25,00 %)" in main_window.reports.summary.text()


def test_agreements_sort_by_raw_budget(main_window, db, small_regency):
    main_window.set_database(db)
    main_window.year_combo.setCurrentIndex(main_window.year_combo.findData(2026))
    main_window.show_screen(main_window.agreements)
    view = main_window.agreements.table
    assert view.model().index(0, 5).data(SORT_ROLE) == 1_250_000_000


def test_integrity_check_runs_in_the_background_and_reports(main_window, qtbot):
    main_window.show_screen(main_window.backup)
    health = main_window.backup.health
    assert health.revision_value.text() != "tidak diketahui"
    qtbot.mouseClick(health.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not health.checking, timeout=10_000)
    assert health.check_result.text().startswith("Baik: tidak ditemukan kerusakan")
    assert health.check_button.isEnabled()


@pytest.mark.sqlite_only  # copies beside a SQLite file
def test_backup_screen_lists_pre_migration_copies(main_window, db):
    copy = db.path.with_name(f"{db.path.stem}.sebelum-migrasi-0001_initial-20260101-120000.sqlite")
    sqlite3.connect(copy).close()
    main_window.show_screen(main_window.backup)
    rows = main_window.backup.health.copies.rows()
    assert [r.path.name for r in rows] == [copy.name]


def test_open_other_database_from_the_window(main_window, tmp_path):
    other = tmp_path / "lain.sqlite"
    assert main_window.open_path(str(other), create=True)
    assert main_window.windowTitle() == "Kinerja Desktop — lain.sqlite"
    assert settings.recent_files()[:1] == [str(other)]


def test_foreign_file_is_refused_and_the_current_database_stays(main_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("kinerja_desktop.gui.messages.show_error", lambda _p, title, text: shown.append(text))
    bad = tmp_path / "bukan.sqlite"
    bad.write_text("bukan basis data")
    before = main_window.db
    assert not main_window.open_path(str(bad), create=False)
    assert main_window.db is before
    assert shown and "bukan basis data Kinerja Desktop" in shown[0]


def test_run_offers_another_file_after_a_failure(tmp_path, monkeypatch, qapp):
    from kinerja_desktop.gui import app, opening

    bad = tmp_path / "rusak.sqlite"
    bad.write_text("bukan basis data")
    good = tmp_path / "baik.sqlite"
    open_database(good).close()
    asked = []
    monkeypatch.setattr(app.messages, "choose_other_file_or_quit", lambda _p, _t, text: asked.append(text) or True)
    monkeypatch.setattr(opening, "ask_existing_file", lambda _p, _start: str(good))
    database = app.open_at_start(str(bad))
    try:
        assert database is not None and database.path == good
        assert "bukan basis data Kinerja Desktop" in asked[0]
    finally:
        database.close()
    monkeypatch.setattr(app.messages, "choose_other_file_or_quit", lambda *_: False)
    assert app.open_at_start(str(bad)) is None


def test_start_up_does_not_import_heavy_modules():
    import subprocess
    import sys

    # The window frame needs only Qt; SQLAlchemy and the services load in the background after it shows.
    code = (
        "import sys, kinerja_desktop.gui.app, kinerja_desktop.gui.main_window;"
        "print(sorted(m for m in ('reportlab', 'openpyxl', 'alembic', 'sqlalchemy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_app_shows_the_window_first_then_loads_the_database(tmp_path):
    import os
    import subprocess
    import sys

    from kinerja_desktop.db.models import Opd, Regency
    from kinerja_desktop.domain.enums import OpdKind

    database = open_database(tmp_path / "app.sqlite")
    with database.write() as s:
        s.add(Regency(name="Sukamaju"))
        s.add(Opd(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS))
    database.close()
    env = dict(os.environ, KINERJA_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", str(tmp_path / "app.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["KINERJA_SHOWN", "KINERJA_READY"]


def test_main_window_frame_waits_for_attach(qtbot, db):
    window = MainWindow(None, loading_name="kinerja.sqlite")
    qtbot.addWidget(window)
    assert not window.ready and not window.nav.isEnabled()
    assert window.windowTitle() == "Kinerja Desktop — kinerja.sqlite"
    window.attach(db)
    assert window.ready and window.nav.isEnabled() and window.db is db
    window.close()


def test_window_closes_its_database(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.close()
    assert window.runner.wait(1000)
