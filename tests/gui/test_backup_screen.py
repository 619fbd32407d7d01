"""Cadangan & Paket: backup, restore, export and import through the screen, bad files, the lists."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import raw_sql
from sqlalchemy import select

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.models import Goal, Indicator, IndicatorRealization, Opd
from kinerja_desktop.domain.formatting import format_date
from kinerja_desktop.gui import messages
from kinerja_desktop.gui.dialogs import backup_files
from kinerja_desktop.gui.dialogs.backup_restore_dialog import RestoreConfirmDialog
from kinerja_desktop.gui.dialogs.conflict_dialog import ConflictDialog
from kinerja_desktop.gui.dialogs.package_export_dialog import PackageExportDialog
from kinerja_desktop.gui.dialogs.package_preview_dialog import PackagePreviewDialog
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.screens.backup import BackupScreen
from kinerja_desktop.services import backup, sync


def checksum(path: Path | Database) -> str:
    """Every row of every table: equal means the database holds exactly the same data (a server's too)."""
    if isinstance(path, Database):
        if path.path is None:
            return hashlib.sha256(raw_sql.dump(path).encode()).hexdigest()
        path = path.path
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        rows = {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Message boxes replaced by lists (they would wait for a click)."""
    shown: dict[str, list[str]] = {"info": [], "error": []}
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: shown["info"].append(text))
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown["error"].append(text))
    return shown


def make_screen(qtbot, db: Database) -> BackupScreen:
    screen = BackupScreen(SyncRunner())
    qtbot.addWidget(screen)
    screen.set_context(db, None)
    screen.refresh()
    screen.show()
    return screen


@pytest.fixture
def screen(qtbot, demo_db: Database) -> Iterator[BackupScreen]:
    screen = make_screen(qtbot, demo_db)
    yield screen
    screen.shutdown()
    screen.runner.wait()


def wait_idle(qtbot, screen: BackupScreen) -> None:
    qtbot.waitUntil(lambda: screen.task is None, timeout=20_000)


def wait_dialog(qtbot, screen: BackupScreen, kind: type):  # noqa: ANN201
    qtbot.waitUntil(lambda: isinstance(screen.dialog, kind), timeout=20_000)
    return screen.dialog


def first_opd_name(db: Database) -> str:
    with db.read() as s:
        return s.scalars(select(Opd.name).order_by(Opd.code)).first()


def rename_first_opd(db: Database, name: str) -> None:
    with db.write() as s:
        s.scalars(select(Opd).order_by(Opd.code)).first().name = name


# ---------------------------------------------------------------------------------------------- backups


def test_backup_through_the_screen_then_restore_after_a_change(qtbot, demo_db, tmp_path, monkeypatch, said):
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(demo_db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show_screen(window.backup)
    screen = window.backup
    asked = []
    target = tmp_path / "keluar" / "cadangan.kinerja-backup"
    target.parent.mkdir()
    monkeypatch.setattr(backup_files, "ask_backup_target", lambda _p, _f, name: asked.append(name) or str(target))
    original = first_opd_name(demo_db)
    # WHEN "Buat cadangan…" is clicked
    screen.backups.backup_button.click()
    wait_idle(qtbot, screen)
    # THEN the file is written under the suggested name's pattern and the screen says so
    assert asked == [f"kinerja-{date.today().isoformat()}.kinerja-backup"]
    assert target.exists() and "Cadangan dibuat" in screen.status.text()
    # WHEN the data changes, then the backup is restored from the screen
    rename_first_opd(demo_db, "Diubah setelah cadangan")
    monkeypatch.setattr(backup_files, "ask_backup_file", lambda _p, _f: str(target))
    screen.backups.restore_button.click()
    dialog = wait_dialog(qtbot, screen, RestoreConfirmDialog)
    assert dialog.cancel_button.isDefault()  # Enter never replaces the database
    with qtbot.waitSignal(screen.data_replaced, timeout=20_000):
        dialog.accept()
    wait_idle(qtbot, screen)
    # THEN the data is back, every screen was told to reload, and the old content was kept aside
    assert first_opd_name(demo_db) == original
    assert "Basis data dipulihkan" in said["info"][-1] and "sebelum-pemulihan" in said["info"][-1]
    assert not said["error"]
    window.close()


def test_restore_preview_shows_date_regency_counts_and_batal_changes_nothing(qtbot, screen, demo_db, tmp_path, said):
    info = backup.create_backup(demo_db, tmp_path / "c.kinerja-backup")
    rename_first_opd(demo_db, "Sesudah cadangan")
    before = checksum(demo_db)
    screen.backups.restore_from_file(info.path)
    dialog = wait_dialog(qtbot, screen, RestoreConfirmDialog)
    text = dialog.text()
    assert format_date(date.today()) in dialog.values["created"].text()
    assert dialog.values["regency"].text() == "Kabupaten Sukamaju"
    assert "42 perangkat daerah" in dialog.values["content"].text()
    assert f"({info.total_rows:,} baris)".replace(",", ".") in dialog.values["content"].text()
    assert "akan diganti" in text
    dialog.reject()
    qtbot.waitUntil(lambda: screen.dialog is None)
    assert checksum(demo_db) == before
    assert "dibatalkan" in screen.status.text()
    assert not said["info"] and not said["error"]


def _truncated(source: Path, target: Path) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def _tampered(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "database.sqlite":
                data = data[:-10] + b"0123456789"
            dst.writestr(item, data)
    return target


@pytest.mark.parametrize(
    ("make", "message"),
    [(_truncated, "rusak atau tidak lengkap"), (_tampered, "checksum")],
    ids=["terpotong", "checksum-salah"],
)
def test_a_bad_backup_shows_the_message_and_leaves_the_database(qtbot, screen, demo_db, tmp_path, said, make, message):
    good = backup.create_backup(demo_db, tmp_path / "baik.kinerja-backup").path
    bad = make(good, tmp_path / "buruk.kinerja-backup")
    before = checksum(demo_db)
    screen.backups.restore_from_file(bad)
    wait_idle(qtbot, screen)
    assert screen.dialog is None
    assert len(said["error"]) == 1 and message in said["error"][0] and "Basis data tidak diubah" in said["error"][0]
    assert checksum(demo_db) == before


def test_a_corrupted_package_shows_the_message_and_leaves_the_database(qtbot, screen, demo_db, tmp_path, said):
    bad = tmp_path / "rusak.kinerja-paket"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    before = checksum(demo_db)
    screen.exchange.import_from_file(bad)
    wait_idle(qtbot, screen)
    assert said["error"] and "rusak atau tidak lengkap" in said["error"][0]
    assert checksum(demo_db) == before


@pytest.mark.sqlite_only  # automatic backups are beside a SQLite file; a server's are IT's pg_dump
def test_automatic_backups_are_listed_and_one_can_be_restored(qtbot, screen, demo_db, said):
    from datetime import datetime

    made = [backup.auto_backup(demo_db, now=datetime(2026, 1, day, 17, 5)) for day in (24, 25, 26)]
    screen.refresh()
    backups = screen.backups
    rows = backups.auto.rows()
    assert [r.path for r in rows] == list(reversed(made))  # newest first
    assert backups.auto.index(0, 0).data() == "26 Januari 2026, 17.05"
    # a size in Indonesian form (the demo's backup is about 1 MB: KB or MB as it grows)
    assert re.fullmatch(r"\d+(,\d+)? (KB|MB)", backups.auto.index(0, 1).data())
    assert not backups.restore_auto_button.isEnabled()
    assert backups.select_auto_backup(made[0])
    assert backups.restore_auto_button.isEnabled()
    backups.restore_auto_button.click()
    dialog = wait_dialog(qtbot, screen, RestoreConfirmDialog)
    assert dialog.preview.backup.path == made[0]
    dialog.reject()


# ---------------------------------------------------------------------------------------------- packages


def _laptop(tmp_path: Path, centre: Database, code: str) -> Database:
    package = tmp_path / "induk.kinerja-paket"
    enrolment = sync.export_master_package(centre, package, opd_codes=[code], label="Laptop Kecamatan").code
    laptop = open_database(tmp_path / "laptop.sqlite")
    assert sync.import_package(laptop, package, code=enrolment).applied
    return laptop


def _realization(db: Database, code: str) -> str:
    with db.read() as s:
        return s.scalars(
            select(IndicatorRealization.id)
            .join(Indicator, IndicatorRealization.indicator_id == Indicator.id)
            .join(Goal, Indicator.goal_id == Goal.id)
            .join(Opd, Goal.opd_id == Opd.id)
            .where(Opd.code == code)
            .order_by(IndicatorRealization.year, IndicatorRealization.quarter, IndicatorRealization.id)
        ).first()


def _edit(db: Database, row_id: str, **values: object) -> None:
    with db.write() as s:
        row = s.get(IndicatorRealization, row_id)
        for key, value in values.items():
            setattr(row, key, value)


def _values(db: Database, row_id: str) -> tuple[Decimal, str]:
    with db.read() as s:
        row = s.get(IndicatorRealization, row_id)
        return row.value, row.problems


def test_field_package_from_a_laptop_imported_at_the_centre_with_conflicts_decided_per_field(
    qtbot, screen, demo_db, tmp_path, monkeypatch, said
):
    # GIVEN a laptop set up for one OPD, and the same realisation changed on both sides
    with demo_db.read() as s:
        code = s.scalars(select(Opd.code).order_by(Opd.sort_order, Opd.code)).first()
    laptop = _laptop(tmp_path, demo_db, code)
    row = _realization(laptop, code)
    _edit(laptop, row, value=Decimal("80"), problems="Catatan dari laptop")
    _edit(demo_db, row, value=Decimal("81"), problems="Catatan Bappeda")
    laptop_screen = make_screen(qtbot, laptop)
    try:
        laptop_label = sync.installation_info(laptop).label  # the laptop's computer name
        exchange = laptop_screen.exchange
        assert f"Laptop lapangan “{laptop_label}”, cakupan 1 perangkat daerah" in exchange.role_value.text()
        assert exchange.pending_value.text().startswith("1 baris berubah")
        # WHEN the laptop exports its field package through the screen
        target = tmp_path / "lapangan.kinerja-paket"
        names = []
        monkeypatch.setattr(backup_files, "ask_package_target", lambda _p, _f, n: names.append(n) or str(target))
        laptop_screen.exchange.export_button.click()
        export = wait_dialog(qtbot, laptop_screen, PackageExportDialog)
        assert export.ui.fieldRadio.isChecked() and not export.ui.masterRadio.isEnabled()
        assert export.ui.opdList.count() == 1  # the laptop's scope only
        export.accept()
        wait_idle(qtbot, laptop_screen)
        assert target.exists() and names[0].startswith("paket-lapangan-")
        assert "Paket lapangan nomor 1 dibuat" in laptop_screen.status.text()
    finally:
        laptop_screen.shutdown()
        laptop.close()
    # AND the centre imports it: first the preview, nothing written yet
    before = checksum(demo_db)
    screen.exchange.import_from_file(target)
    preview = wait_dialog(qtbot, screen, PackagePreviewDialog)
    assert preview.summary_label.text() == "Akan menambah 0, mengubah 0, menghapus 0, konflik 2."
    assert "Konflik:" in preview.text() and "Realisasi indikator" in preview.text()
    assert preview.go_button.text() == "&Putuskan konflik…"
    assert checksum(demo_db) == before
    preview.accept()
    # THEN the conflict dialog shows base, central and incoming values; the user decides per field
    conflicts = wait_dialog(qtbot, screen, ConflictDialog)
    model = conflicts.model
    fields = [model.index(r, model.FIELD).data() for r in range(model.rowCount())]
    assert sorted(fields) == ["Permasalahan", "Realisasi"]
    value_row = fields.index("Realisasi")
    assert [model.index(value_row, c).data() for c in (model.CENTRAL, model.INCOMING)] == ["81", "80"]
    assert not conflicts.ok_button.isEnabled()
    conflicts.set_choice(value_row, sync.PREFER_PACKAGE)
    conflicts.set_choice(1 - value_row, sync.PREFER_CENTRAL)
    assert conflicts.ok_button.isEnabled()
    conflicts.accept()
    wait_idle(qtbot, screen)
    # THEN the chosen values are in the centre and the import is listed
    assert _values(demo_db, row) == (Decimal("80"), "Catatan Bappeda")
    assert not said["error"] and "diimpor" in said["info"][-1]
    (entry,) = screen.exchange.log.rows()
    assert (entry.source_label, entry.seq, entry.conflicts) == (laptop_label, 1, 2)
    assert screen.exchange.log.index(0, 2).data() == "Paket lapangan"
    assert screen.exchange.role_value.text().startswith("Pusat (Bappeda)")


def test_conflict_dialog_all_for_one_side_and_cancel(qtbot):
    from kinerja_desktop.interchange.merge import Conflict

    conflicts = [
        Conflict(
            "indicator_realization", "r1", "value", "kolom", "70", "81", "80", "Dinkes · indicator_realization 2026 1"
        ),
        Conflict("indicator_realization", "r2", None, "ubah-vs-hapus", {"a": 1}, None, {"a": 2}, "Dinkes · x"),
    ]
    dialog = ConflictDialog(conflicts, "p.kinerja-paket")
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.index(0, model.DATA).data() == "Dinkes · Realisasi indikator 2026 TW1"
    assert model.index(1, model.FIELD).data() == "(seluruh baris)"
    assert model.index(1, model.CENTRAL).data() == "dihapus di pusat"
    assert dialog.ui.remainingLabel.text() == "2 konflik belum diputuskan"
    dialog.ui.allPackageButton.click()
    assert set(dialog.resolutions().values()) == {sync.PREFER_PACKAGE}
    dialog.ui.allCentralButton.click()
    assert dialog.resolutions() == {c.key: sync.PREFER_CENTRAL for c in conflicts}
    assert dialog.ui.conflictView.indexWidget(model.index(0, model.CHOICE)).currentText() == "Pusat"


def test_conflict_dialog_fits_1366_and_elides_long_values_in_the_middle(qtbot):
    # Issue 14 §15: the centre's and the package's values elided in the middle, whole in the tooltip, no
    # sideways scrolling, the dialog within a 1366 × 705 screen.
    from PySide6.QtCore import Qt

    from kinerja_desktop.interchange.merge import Conflict

    central = "Meningkatnya cakupan pelayanan kesehatan dasar bagi seluruh penduduk " * 3 + "menurut SPM (pusat)"
    incoming = "Meningkatnya cakupan pelayanan kesehatan dasar bagi seluruh penduduk " * 3 + "menurut SPM (paket)"
    conflicts = [Conflict("indicator", "i1", "name", "kolom", "lama", central, incoming, "Dinkes · indicator i1")]
    dialog = ConflictDialog(conflicts, "p.kinerja-paket")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= 1366 and dialog.height() <= 705
    view, model = dialog.ui.conflictView, dialog.model
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    for column, full in ((model.CENTRAL, central), (model.INCOMING, incoming)):
        assert view.columnWidth(column) < view.fontMetrics().horizontalAdvance(full)  # it is elided
        assert model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) == full
    assert view.horizontalHeader().length() <= view.viewport().width() + 1


# ---------------------------------------------------------------------------------------------- closing


@pytest.mark.sqlite_only
def test_closing_the_window_makes_the_daily_automatic_backup(qtbot, db):
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.close()
    (made,) = backup.list_auto_backups(db)
    assert made.parent == db.path.parent / "cadangan-otomatis"


def test_a_failing_automatic_backup_does_not_stop_closing(qtbot, db, monkeypatch, capsys):
    from kinerja_desktop.gui.main_window import MainWindow

    def broken(_db):  # noqa: ANN001, ANN202
        raise OSError("disk penuh")

    monkeypatch.setattr(backup, "auto_backup", broken)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert "Cadangan otomatis gagal: disk penuh" in capsys.readouterr().err


def test_batal_in_the_progress_dialog_reaches_the_service(qtbot, screen, tmp_path, monkeypatch, said):
    from kinerja_desktop.services.errors import Cancelled

    asked = []

    def slow_backup(_db, _out, *, progress, cancelled):  # noqa: ANN001, ANN202
        for _step in range(100):  # "Batal" comes at the first step; a bounded loop if it never does
            if cancelled():
                asked.append("cancel")
                raise Cancelled()
            progress(1, 2, "Menulis berkas cadangan…")
        raise AssertionError("Batal did not reach the service")

    def press_batal(job) -> None:  # noqa: ANN001
        def on_progress(done: int, total: int, message: str) -> None:
            # While the work runs the screen refuses a second one; the dialog says what is being done.
            assert not screen.backups.backup_button.isEnabled()
            assert (done, total, job.dialog.labelText()) == (1, 2, "Menulis berkas cadangan…")
            job.cancel_button.click()

        job.progressed.connect(on_progress)

    monkeypatch.setattr(backup, "create_backup", slow_backup)
    monkeypatch.setattr(backup_files, "ask_backup_target", lambda *_: str(tmp_path / "c.kinerja-backup"))
    screen.runner.started.connect(press_batal)
    screen.backups.create_backup()
    wait_idle(qtbot, screen)
    assert asked == ["cancel"]
    assert "dibatalkan" in screen.status.text() and not said["error"] and not said["info"]
    assert screen.backups.backup_button.isEnabled()


def test_master_package_code_shown_at_the_centre_and_asked_on_the_laptop(
    qtbot, screen, demo_db, tmp_path, monkeypatch, said
):
    from kinerja_desktop.gui.dialogs.enrolment_code_dialog import AskEnrolmentCodeDialog, EnrolmentCodeDialog

    # GIVEN the centre exporting a master package through the screen
    target = tmp_path / "induk.kinerja-paket"
    monkeypatch.setattr(backup_files, "ask_package_target", lambda _p, _f, _n: str(target))
    screen.exchange.export_button.click()
    export = wait_dialog(qtbot, screen, PackageExportDialog)
    assert export.ui.masterRadio.isChecked()
    export.accept()
    # THEN the code is shown large, once, instead of a plain message
    shown = wait_dialog(qtbot, screen, EnrolmentCodeDialog)
    code = shown.code_label.text()
    assert len(code) == 19 and code.count("-") == 3 and not said["info"]
    assert shown.code_label.font().pointSizeF() >= 2 * screen.font().pointSizeF()
    shown.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == code
    shown.reject()
    # WHEN a new laptop opens the package: the code is asked for
    laptop = open_database(tmp_path / "laptop.sqlite")
    laptop_screen = make_screen(qtbot, laptop)
    try:
        before = checksum(laptop.path)
        laptop_screen.exchange.import_from_file(target)
        ask = wait_dialog(qtbot, laptop_screen, AskEnrolmentCodeDialog)
        ok = ask.buttons.button(ask.buttons.StandardButton.Ok)
        assert not ok.isEnabled()
        # a wrong code (typed as people do: lower case, spaces) is refused and asked for again
        wrong = "".join("A" if c != "A" else "B" for c in code.replace("-", ""))
        qtbot.keyClicks(ask.edit, wrong.lower())
        assert ok.isEnabled()
        ok.click()
        qtbot.waitUntil(lambda: laptop_screen.dialog is not ask and laptop_screen.dialog is not None, timeout=20_000)
        again = wait_dialog(qtbot, laptop_screen, AskEnrolmentCodeDialog)
        assert "kode pendaftaran salah" in again.problem.text() and again.problem.isVisible()
        assert checksum(laptop.path) == before
        qtbot.keyClicks(again.edit, code.lower().replace("-", " "))
        again.buttons.button(again.buttons.StandardButton.Ok).click()
        # THEN the preview follows, and the import sets the laptop up
        preview = wait_dialog(qtbot, laptop_screen, PackagePreviewDialog)
        assert "disiapkan sebagai laptop lapangan" in preview.text()
        preview.accept()
        wait_idle(qtbot, laptop_screen)
        assert not said["error"]
        assert sync.installation_info(laptop).role == "lapangan"
    finally:
        laptop_screen.shutdown()
        laptop_screen.runner.wait()
        laptop.close()
