"""Server mode: addresses, the file IT deploys, the keyring, opening a server and what its errors mean; only
``server upgrade`` migrates a server, and every revision runs on PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import keyring
import pg_support
import pytest
from server_helpers import MemoryKeyring
from sqlalchemy import create_engine, select, text

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import open_database, resolve_url, server_revision
from kinerja_desktop.db.errors import (
    ServerConfigError,
    ServerDatabaseMissingError,
    ServerForeignDatabaseError,
    ServerLoginError,
    ServerNeedsUpgradeError,
    ServerPermissionError,
    ServerUnavailableError,
)
from kinerja_desktop.db.migrate import upgrade_engine
from kinerja_desktop.db.models import Indicator
from kinerja_desktop.db.revisions import HEAD, REVISIONS
from kinerja_desktop.db.server import (
    Credentials,
    PasswordStore,
    ServerAddress,
    find_config,
    read_config,
    server_error,
    write_config,
)


@pytest.fixture
def memory_keyring():  # noqa: ANN201
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():  # noqa: ANN201
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


# ---------------------------------------------------------------------------------------------- addresses


def test_an_address_round_trips_through_its_url_and_the_password_never_shows() -> None:
    address = ServerAddress(host="192.168.10.5", database="kinerja", user="operator", port=5433, sslmode="require")
    url = address.url("rahasia")
    assert url == "postgresql+psycopg://operator:rahasia@192.168.10.5:5433/kinerja?sslmode=require"
    assert ServerAddress.from_url(url) == address
    assert address.label == "“kinerja” di 192.168.10.5:5433" and "rahasia" not in address.keyring_name
    socket = ServerAddress(host="/run/postgresql", database="k", user="u")
    assert ServerAddress.from_url(socket.url()) == socket


def test_db_takes_a_url_and_any_postgres_url_gets_the_shipped_driver(monkeypatch) -> None:  # noqa: ANN001
    assert resolve_url("postgresql://u@h/k") == "postgresql+psycopg://u@h/k"
    assert resolve_url("postgres://u:p@h:5433/k") == "postgresql+psycopg://u:p@h:5433/k"
    monkeypatch.setenv("KINERJA_DB_URL", "postgresql://u@server/kinerja")
    assert resolve_url(None) == "postgresql+psycopg://u@server/kinerja"


def test_the_config_file_it_deploys_is_read_and_a_password_in_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "server.ini"
    path.write_text("[server]\nhost = 10.0.0.2\nport = 5432\ndatabase = kinerja\nuser = bappeda\n", encoding="utf-8")
    assert read_config(path) == ServerAddress(host="10.0.0.2", database="kinerja", user="bappeda")
    path.write_text("[server]\nhost = 10.0.0.2\npassword = rahasia\n", encoding="utf-8")
    with pytest.raises(ServerConfigError, match="kata sandi tidak boleh disimpan di berkas"):
        read_config(path)
    path.write_text("[server]\nport = 70000\nhost = x\n", encoding="utf-8")
    with pytest.raises(ServerConfigError, match="port harus antara 1 dan 65535"):
        read_config(path)
    path.write_text("[lain]\n", encoding="utf-8")
    with pytest.raises(ServerConfigError, match=r"bagian \[server\] tidak ada"):
        read_config(path)


def test_the_users_own_file_wins_and_the_dialog_writes_no_password(tmp_path: Path) -> None:
    user, site = tmp_path / "user" / "server.ini", tmp_path / "site" / "server.ini"
    write_config(site, ServerAddress(host="pusat", user="semua"))
    assert find_config([user, site]) == (ServerAddress(host="pusat", user="semua"), site)
    write_config(user, ServerAddress(host="pusat", user="operator"))
    assert find_config([user, site]) == (ServerAddress(host="pusat", user="operator"), user)
    assert "password" not in user.read_text(encoding="utf-8")
    assert find_config([tmp_path / "tidak-ada.ini"]) is None


def test_the_keyring_keeps_the_password_and_a_computer_without_one_says_so(memory_keyring, tmp_path) -> None:  # noqa: ANN001
    store = PasswordStore()
    address = ServerAddress(host="pusat", user="operator")
    assert store.problem() is None and store.get(address) is None
    assert store.set(address, "rahasia") is None
    assert store.get(address) == "rahasia"
    assert memory_keyring.saved == {("Kinerja Desktop", "operator@pusat:5432/kinerja"): "rahasia"}
    store.delete(address)
    assert store.get(address) is None


def test_without_a_keyring_nothing_is_stored_and_the_reason_is_given(no_keyring) -> None:  # noqa: ANN001
    store = PasswordStore()
    address = ServerAddress(host="pusat")
    assert store.problem() == "komputer ini tidak memiliki penyimpanan kata sandi sistem (keyring)"
    assert store.set(address, "rahasia") == store.problem()
    assert store.get(address) is None


# ---------------------------------------------------------------------------------------------- opening


def test_a_server_that_does_not_answer_is_said_in_indonesian(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://kinerja@/kinerja?host={tmp_path}&port=5999"
    with pytest.raises(ServerUnavailableError, match="Server tidak terhubung") as refused:
        open_database(url)
    assert str(tmp_path) in str(refused.value)


def test_a_missing_database_and_a_refused_login_are_said_as_such(pg) -> None:  # noqa: ANN001
    with pytest.raises(ServerDatabaseMissingError, match="tidak ada di server"):
        open_database(pg.url_of("tidak_ada_basis_data_ini"))

    class Refused(Exception):
        sqlstate = "28P01"

    assert isinstance(server_error(Refused(), "postgresql+psycopg://operator@pusat/kinerja"), ServerLoginError)


def test_an_empty_or_older_server_is_refused_until_server_upgrade(pg, capsys) -> None:  # noqa: ANN001
    name = pg.new_database()
    url = pg.url_of(name)
    try:
        with pytest.raises(ServerNeedsUpgradeError, match="belum disiapkan") as refused:
            open_database(url)
        assert "kinerja-desktop server upgrade --db URL" in str(refused.value)
        engine = create_engine(url)
        upgrade_engine(engine, REVISIONS[-2])
        with pytest.raises(ServerNeedsUpgradeError, match=f"masih skema {REVISIONS[-2]}"):
            open_database(url)
        assert server_revision(engine) == REVISIONS[-2]  # nothing migrated by a client
        assert main(["server", "upgrade", "--db", url]) == 0
        assert f"diperbarui dari skema {REVISIONS[-2]} ke {HEAD}" in capsys.readouterr().out
        assert server_revision(engine) == HEAD
        assert main(["server", "upgrade", "--db", url]) == 0
        assert "sudah memakai skema" in capsys.readouterr().out
        open_database(url).close()
        engine.dispose()
    finally:
        pg.drop(name)


def test_every_revision_runs_on_postgresql_one_by_one(pg) -> None:  # noqa: ANN001
    name = pg.new_database()
    engine = create_engine(pg.url_of(name))
    try:
        for revision in REVISIONS:
            upgrade_engine(engine, revision)
            assert server_revision(engine) == revision
    finally:
        engine.dispose()
        pg.drop(name)


def test_another_applications_database_is_left_alone(pg) -> None:  # noqa: ANN001
    name = pg.new_database()
    engine = create_engine(pg.url_of(name))
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE pelanggan (id int)"))
        with pytest.raises(ServerForeignDatabaseError, match="aplikasi lain"):
            open_database(pg.url_of(name), upgrade_server=True)
    finally:
        engine.dispose()
        pg.drop(name)


def test_credentials_are_the_seam_for_a_persons_own_role(pg) -> None:  # noqa: ANN001
    pg.execute("DROP ROLE IF EXISTS kinerja_uji_operator")
    pg.execute("CREATE ROLE kinerja_uji_operator LOGIN PASSWORD 'rahasia'")
    name = pg.new_database(pg.template(pg_support.HEAD_TEMPLATE, pg_support.migrated))
    try:
        # a role without rights is told so (issue 17 grants each role its own)
        with pytest.raises(ServerPermissionError, match="tidak berhak"):
            open_database(pg.url_of(name), credentials=Credentials("kinerja_uji_operator", "rahasia"))
        admin = create_engine(pg.url_of(name))
        with admin.begin() as conn:
            conn.execute(text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO kinerja_uji_operator"))
        admin.dispose()
        db = open_database(pg.url_of(name), credentials=Credentials("kinerja_uji_operator", "rahasia"))
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == "kinerja_uji_operator"
        db.close()
    finally:
        pg.drop(name)
        pg.execute("DROP ROLE IF EXISTS kinerja_uji_operator")


def test_decimals_come_back_without_trailing_zeros(db) -> None:  # noqa: ANN001
    from kinerja_desktop.db.models import Goal, PlanningPeriod
    from kinerja_desktop.domain.enums import GoalKind, GoalLevel

    with db.write() as s:
        period = PlanningPeriod(name="RPJMD", start_year=2025, end_year=2029)
        s.add(period)
        s.flush()
        goal = Goal(period_id=period.id, level=GoalLevel.REGIONAL, kind=GoalKind.TARGET, statement="S")
        goal.indicators.append(Indicator(name="I", unit="%", baseline=Decimal("17.00"), weight=Decimal("2.50")))
        s.add(goal)
    with db.read() as s:
        baseline, weight = s.execute(select(Indicator.baseline, Indicator.weight)).one()
    assert (str(baseline), str(weight)) == ("17", "2.5")
