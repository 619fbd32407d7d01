"""The GUI on a server database: "Sambungkan ke server", a server stopped mid-session (pg_ctl stop, then start) with
nothing typed lost, another computer's save seen on the next refresh, and a conflict offered for reloading."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import keyring
import pg_support
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from server_helpers import MemoryKeyring, report_from
from test_evaluation_wizard import PRODUK_HUKUM, fill_to_summary, open_wizard, press, realized

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.errors import ConcurrentChangeError, ServerUnavailableError
from kinerja_desktop.db.server import ServerAddress
from kinerja_desktop.gui import connection, messages
from kinerja_desktop.gui.dialogs.server_dialog import ServerDialog
from kinerja_desktop.gui.evaluation_flow import Step
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services import agreements, evaluation
from kinerja_desktop.services.server import import_sqlite

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path("/work/shots/server")


def _shot(widget, name: str) -> None:  # noqa: ANN001
    """An offscreen screenshot at 1366×705 to look at (kept out of git)."""
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        widget.resize(1366, 705) if isinstance(widget, MainWindow) else None
        widget.grab().save(str(SHOTS / name))


@pytest.fixture
def said(monkeypatch) -> list[str]:  # noqa: ANN001
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "show_warning", lambda _p, _t, text: shown.append(text))
    return shown


@pytest.fixture
def own_server(tmp_path: Path, demo_template: Path, pg) -> Iterator[tuple[object, str]]:  # noqa: ANN001
    """A PostgreSQL cluster of this test's own (it is stopped and started), holding the demo regency moved onto it
    with ``server import``."""
    from pg_cluster import start_cluster

    folder = Path("/tmp") / f"kinerja-pg-{tmp_path.name}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    folder.chmod(0o755)
    cluster = start_cluster(folder / "cluster")
    try:
        admin = cluster.url("postgres")
        from sqlalchemy import create_engine

        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql('CREATE DATABASE "kinerja"')
        engine.dispose()
        url = cluster.url("kinerja")
        open_database(url, upgrade_server=True).close()
        source = tmp_path / "pusat.sqlite"
        shutil.copyfile(demo_template, source)
        server = open_database(url)
        import_sqlite(source, server)
        server.close()
        yield cluster, url
    finally:
        cluster.remove()
        shutil.rmtree(folder, ignore_errors=True)


def _sign_setda(db: Database) -> str:
    row = next(r for r in agreements.list_agreements(db, 2026) if r.opd_abbreviation == "Setda")
    agreements.finalize(db, row.agreement_id)
    agreements.sign(db, row.agreement_id, date(2026, 1, 26))
    return row.opd_id


def _window_on(qtbot, url: str) -> tuple[Database, str, MainWindow]:  # noqa: ANN001
    """The main window on the server, Setda's 2026 PK signed, at Evaluasi Triwulan 2026."""
    db = open_database(url)
    setda = _sign_setda(db)
    window = MainWindow(db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    window.year_combo.setCurrentIndex(window.year_combo.findData(2026))
    window.show_screen(window.evaluation)
    return db, setda, window


# ---------------------------------------------------------------------------------------------- the dialog


def test_the_dialog_connects_keeps_the_password_in_the_keyring_and_the_address_in_the_file(
    qtbot, pg, tmp_path, monkeypatch  # noqa: ANN001
) -> None:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    settings = tmp_path / "server.ini"
    monkeypatch.setenv("KINERJA_SERVER_CONFIG", str(settings))
    name = pg.new_database(pg.template(pg_support.HEAD_TEMPLATE, pg_support.migrated))
    try:
        address = ServerAddress.from_url(pg.url_of(name))
        dialog = ServerDialog(None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.host, address.host)
        dialog.port.setValue(address.port)
        dialog.database_name.clear()
        qtbot.keyClicks(dialog.database_name, name)
        dialog.user.clear()
        qtbot.keyClicks(dialog.user, address.user)
        qtbot.keyClicks(dialog.password, "rahasia")
        dialog.make_default.setChecked(True)
        assert dialog.remember.isEnabled() and dialog.remember.isChecked()
        _shot(dialog, "sambungkan-ke-server.png")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == ServerDialog.DialogCode.Accepted, dialog.message.text()
        assert dialog.database is not None and dialog.database.is_server
        dialog.database.close()
        assert backend.saved == {("Kinerja Desktop", f"{address.user}@{address.host}:{address.port}/{name}"): "rahasia"}
        text = settings.read_text(encoding="utf-8")
        assert f"database = {name}" in text and "rahasia" not in text and "password" not in text
    finally:
        keyring.set_keyring(previous)
        pg.drop(name)


def test_a_wrong_address_is_said_in_the_dialog_and_what_was_typed_stays(qtbot, tmp_path) -> None:  # noqa: ANN001
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = ServerDialog(ServerAddress(host=str(tmp_path), port=5999, database="kinerja", user="operator"))
        qtbot.addWidget(dialog)
        dialog.show()
        # no keyring on this computer: said, and the password is asked each time
        assert not dialog.remember.isEnabled()
        assert "ditanyakan setiap kali" in dialog.keyring_note.text()
        qtbot.keyClicks(dialog.password, "rahasia")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.database is None
        assert "Server tidak terhubung" in dialog.message.text()
        typed = (dialog.host.text(), dialog.user.text(), dialog.password.text())
        assert typed == (str(tmp_path), "operator", "rahasia")
        _shot(dialog, "sambungkan-gagal.png")
    finally:
        keyring.set_keyring(previous)


# ---------------------------------------------------------------------------------------------- a lost server


@pytest.mark.slow
def test_a_server_stopped_mid_session_is_said_and_nothing_typed_is_lost(
    qtbot, own_server, said, monkeypatch  # noqa: ANN001
) -> None:
    cluster, url = own_server
    db, setda, window = _window_on(qtbot, url)
    assert window.windowTitle().startswith("Kinerja Desktop — server “kinerja” di ")
    window.show_screen(window.backup)
    assert window.backup.backups.backup_button.isEnabled()  # Cadangan & Paket works on a server
    window.show_screen(window.evaluation)
    wizard = open_wizard(qtbot, db, setda)
    fill_to_summary(qtbot, wizard)
    typed = [entry.text for entry in wizard.flow.entries]

    # WHEN the server stops while the report waits to be saved
    cluster.stop()
    asked: list[BaseException] = []

    def explain(_parent, error, **_kw):  # noqa: ANN001, ANN202 - the operator clicks "Coba lagi" once it is back
        asked.append(error)
        cluster.start()
        return connection.RETRY

    monkeypatch.setattr(connection, "explain", explain)
    with qtbot.waitSignal(wizard.accepted, timeout=20_000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    # THEN it was said as "server tidak terhubung", and "Coba lagi" saved what was typed
    assert len(asked) == 1 and isinstance(asked[0], ServerUnavailableError)
    assert "Server tidak terhubung" in str(asked[0])
    assert [entry.text for entry in wizard.flow.entries] == typed
    assert realized(db, wizard.flow.entries[PRODUK_HUKUM].indicator_id) == Decimal("80.5")

    # AND the window, refreshed while the server is gone, shows the bar; "Coba lagi" brings the data back
    cluster.stop()
    window.reload()
    assert window.server_bar.isVisible() and "Server tidak terhubung" in window.server_bar.label.text()
    _shot(window, "server-tidak-terhubung.png")
    cluster.start()
    qtbot.mouseClick(window.server_bar.retry_button, Qt.MouseButton.LeftButton)
    assert not window.server_bar.isVisible()
    assert window.evaluation.model.row_of(setda) is not None
    window.close()


@pytest.mark.slow
def test_another_computers_save_is_seen_on_the_next_refresh(qtbot, own_server, said) -> None:  # noqa: ANN001
    _cluster, url = own_server
    db, setda, window = _window_on(qtbot, url)
    window.evaluation.quarter_combo.setCurrentIndex(1)
    before = evaluation.evaluate_opd(db, 2026, 2, setda)
    # WHEN a second workstation (another process) saves Setda's TW II report
    script = textwrap.dedent(
        f"""
        from kinerja_desktop.db.database import open_database
        from kinerja_desktop.services import evaluation, users
        from kinerja_desktop.services.evaluation_data import QuarterReport, RealizationInput
        db = open_database({url!r})
        users.sign_in(db, "admin", "contoh123")  # the demo has several users: that workstation signs in too
        loaded = evaluation.evaluate_opd(db, 2026, 2, {setda!r})
        items = [RealizationInput(r.indicator_id, r.yearly_target, None, "Kendala", "Tindak lanjut",
                                  version=loaded.versions[r.indicator_id]) for r in loaded.indicators
                 if r.yearly_target is not None and not r.target_grade]
        evaluation.save_quarter_report(db, QuarterReport({setda!r}, 2026, 2, items, []))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # THEN this workstation shows it after "Muat ulang"
    after = evaluation.evaluate_opd(db, 2026, 2, setda)
    assert after.score != before.score
    window.reload_action.trigger()
    row = window.evaluation.model.row_of(setda)
    from kinerja_desktop.domain.formatting import format_number

    assert window.evaluation.model.index(row, 3).data() == format_number(after.score, 2)
    window.close()


def test_a_report_saved_meanwhile_on_another_computer_is_offered_for_reloading(
    qtbot, demo_db, said, monkeypatch  # noqa: ANN001
) -> None:
    setda = _sign_setda(demo_db)
    wizard = open_wizard(qtbot, demo_db, setda)
    fill_to_summary(qtbot, wizard)
    # another computer saves the same report first
    other = open_database(demo_db.location)
    loaded = evaluation.evaluate_opd(other, 2026, 2, setda)
    evaluation.save_quarter_report(other, report_from(loaded, "Dari komputer lain"))
    other.close()
    choices: list[BaseException] = []

    def explain(_parent, error, **_kw):  # noqa: ANN001, ANN202 - the operator clicks "Muat ulang"
        choices.append(error)
        return connection.RELOAD

    monkeypatch.setattr(connection, "explain", explain)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible() and wizard.currentId() == Step.SUMMARY
    assert len(choices) == 1 and isinstance(choices[0], ConcurrentChangeError)
    assert "diubah dari komputer lain" in str(choices[0])
    # the other computer's rows are shown; "Muat ulang" said which
    assert wizard.flow.entries[PRODUK_HUKUM].problems == "Dari komputer lain"
    assert any("Diubah di komputer lain" in text for text in said)
    # saving again now writes on top of what is stored
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)


def test_at_start_a_server_that_fails_offers_the_connect_dialog(tmp_path, monkeypatch, db) -> None:  # noqa: ANN001
    from kinerja_desktop.gui import app, opening

    gone = f"postgresql://kinerja@/kinerja?host={tmp_path}&port=5999"
    asked: list[opening.OpenProblem] = []

    def ask(_parent, problem):  # noqa: ANN001, ANN202 - the user clicks "Coba lagi", then "Sambungkan ke server…"
        asked.append(problem)
        return opening.RETRY if len(asked) == 1 else opening.CONNECT

    monkeypatch.setattr(opening, "ask_after_server_problem", ask)
    monkeypatch.setattr(opening, "connect_dialog", lambda _parent, problem: db)
    assert app.open_at_start(gone) is db
    assert len(asked) == 2 and all(p.server and "Server tidak terhubung" in p.message for p in asked)
    assert asked[0].locked  # a server that did not answer: "Coba lagi" is offered
