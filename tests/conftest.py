"""Shared fixtures. Qt runs offscreen: this must be set before any Qt import.

``db`` and ``demo_db`` (and every fixture built on them) run each test on SQLite and on PostgreSQL
(``tests/pg_support.py``: where the server comes from, and how the PostgreSQL half is skipped when there is none).
A test about SQLite's file itself is marked ``sqlite_only``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("KINERJA_DB_URL", None)
os.environ["KINERJA_SERVER_CONFIG"] = ""  # never the developer's own server settings (db/server.py)
# Printing in this process whatever the machine's idle cores (services/printing.py): code a test replaces does
# not reach worker processes. tests/services/test_printing_pool.py asks for the pool itself.
os.environ["KINERJA_PRINT_PROCESSES"] = "1"

import sqlite3  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# No per-example deadline (a shared 2-core CI machine is slow at times); under CI the examples are
# derandomized so a run is reproducible, while developers' runs keep exploring.
settings.register_profile("kinerja", deadline=None)
settings.register_profile("kinerja-ci", deadline=None, derandomize=True)
settings.load_profile("kinerja-ci" if os.environ.get("CI") else "kinerja")

import pg_support  # noqa: E402

from kinerja_desktop.db.database import Database, open_database  # noqa: E402
from kinerja_desktop.gui import qt_fixes  # noqa: E402

# As gui/app.py does at start-up: a test session makes far more Qt calls than it takes to wear down None.
qt_fixes.apply()

_pg: pg_support.PgState | None = None


def pytest_addoption(parser: pytest.Parser) -> None:
    pg_support.add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    global _pg
    config.addinivalue_line("markers", "sqlite_only: about SQLite's file itself; not run on PostgreSQL")
    _pg = pg_support.PgState(config)


def pytest_report_header(config: pytest.Config) -> str:
    return _pg.header() if _pg is not None else ""


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    if _pg is not None:
        terminalreporter.write_line(_pg.header() + (f" (PostgreSQL {_pg.server.version})" if _pg.server else ""))


def pytest_unconfigure(config: pytest.Config) -> None:
    if _pg is not None:
        _pg.close()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    assert _pg is not None
    pg_support.parametrize(metafunc, _pg)


_REAL_SIGN_IN = {"on": False}  # the running test is marked ``sign_in``


@pytest.fixture(scope="session", autouse=True)
def _demo_admin_by_default() -> Iterator[None]:
    """The demo has several users (its sample accounts), so nobody is signed in automatically: a test that
    opens a copy of it acts as its administrator, as if "admin" had signed in, unless it is marked
    ``sign_in`` (the tests of users, roles and signing in do that themselves). Session-wide, so that module
    fixtures building a centre or a laptop are covered too."""
    from kinerja_desktop.services import users

    automatic = users.automatic_actor

    def or_demo_admin(db: Database) -> users.Actor | None:
        found = automatic(db)
        if found is None and not _REAL_SIGN_IN["on"]:
            try:
                found = users.load_actor(db, "admin")
            except users.AccessDenied:
                return None
        return found

    patch = pytest.MonkeyPatch()
    patch.setattr(users, "automatic_actor", or_demo_admin)
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _sign_in_marker(request: pytest.FixtureRequest) -> Iterator[None]:
    _REAL_SIGN_IN["on"] = request.node.get_closest_marker("sign_in") is not None
    yield
    _REAL_SIGN_IN["on"] = False


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgresql": which database the test's ``db`` / ``demo_db`` is."""
    return request.param


@pytest.fixture
def pg() -> pg_support.PgServer:
    """The PostgreSQL server of the session (skips when there is none), for tests of server mode itself."""
    assert _pg is not None
    return _pg.get()


@pytest.fixture
def server_db(pg: pg_support.PgServer) -> Iterator[Database]:
    """An empty server database at the head schema, whatever the test's own ``backend`` (tests that move data
    between a SQLite file and a server)."""
    name = pg.new_database(pg.template(pg_support.HEAD_TEMPLATE, pg_support.migrated))
    database = open_database(pg.url_of(name))
    yield database
    database.close()
    pg.drop(name)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kinerja.sqlite"


@pytest.fixture
def db_url(backend: str, db_path: Path) -> Iterator[str]:
    """Where the test's empty database is: the SQLite file, or a server database of its own."""
    if backend == "sqlite":
        yield str(db_path)
        return
    assert _pg is not None
    yield from pg_support.server_database(_pg, pg_support.HEAD_TEMPLATE, pg_support.migrated)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A fresh, empty database at the head schema (a file in a temporary folder, or a server database)."""
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo regency (Kabupaten Sukamaju, seed 2026) built once per test session; never write to it."""
    from kinerja_desktop.demo import create_demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    database = open_database(path)
    try:
        create_demo(database, seed=2026)
    finally:
        database.close()
    return path


def _build_demo(url: str) -> None:
    from kinerja_desktop.demo import create_demo

    database = open_database(url, upgrade_server=True)
    try:
        create_demo(database, seed=2026)
    finally:
        database.close()


@pytest.fixture
def demo_db(backend: str, demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database for one test (SQLite: copied with SQLite's backup API; PostgreSQL:
    a database cloned from the demo built once on the server)."""
    if backend == "postgresql":
        assert _pg is not None
        for url in pg_support.server_database(_pg, pg_support.DEMO_TEMPLATE, _build_demo):
            database = open_database(url)
            yield database
            database.close()
        return
    target = tmp_path / "demo.sqlite"
    source, copy = sqlite3.connect(demo_template), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    database = open_database(target)
    yield database
    database.close()
