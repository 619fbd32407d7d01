"""The PostgreSQL half of the suite: every test that uses the database fixtures runs on SQLite and on PostgreSQL.

Where the server comes from, first found:

1. ``--pg URL`` or ``KINERJA_TEST_PG=URL``: a server whose user may create databases (``.ci/run`` starts one);
2. a throw-away cluster started for the session (``tests/pg_cluster.py``) when PostgreSQL is installed;
3. none: the PostgreSQL half is not run, and the header and the summary say so in one line (with how many tests
   it holds). ``KINERJA_TEST_PG_REQUIRED=1`` (CI) turns that into a failure.

Each test gets its own database cloned from a migrated template (``CREATE DATABASE … TEMPLATE …``, ≈ 50 ms),
dropped afterwards; the demo regency is built once per session into its own template. ``--no-pg`` runs SQLite only.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_ENV = "KINERJA_TEST_PG"
REQUIRED_ENV = "KINERJA_TEST_PG_REQUIRED"
BACKENDS = ("sqlite", "postgresql")
# Per test process: two runs sharing one server never drop each other's templates.
HEAD_TEMPLATE = f"kinerja_t{os.getpid()}_head"
DEMO_TEMPLATE = f"kinerja_t{os.getpid()}_demo"


class PgServer:
    """A server for the tests: creates and drops one database per test."""

    def __init__(self, url: str, cluster: object | None = None, folder: Path | None = None) -> None:
        self.url = make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        self.cluster = cluster
        self.folder = folder
        self._admin = create_engine(self.url_of("postgres"), isolation_level="AUTOCOMMIT", pool_size=1)
        self._names = itertools.count(1)
        self._templates: set[str] = set()
        self._broken: dict[str, str] = {}
        with self._admin.connect() as conn:
            self.version = conn.execute(text("SHOW server_version")).scalar()

    def url_of(self, database: str) -> str:
        return make_url(self.url).set(database=database).render_as_string(hide_password=False)

    def execute(self, sql: str) -> None:
        with self._admin.connect() as conn:
            conn.exec_driver_sql(sql)

    def new_database(self, template: str | None = None) -> str:
        name = f"kinerja_t{os.getpid()}_{next(self._names)}"
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""))
        return name

    def drop(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def template(self, name: str, build) -> str:  # noqa: ANN001 - build(url) fills the new template
        """A template database made once per session by ``build(url)``."""
        if name in self._broken:
            pytest.fail(f"template {name} could not be built: {self._broken[name]}")
        if name not in self._templates:
            self.drop(name)
            self.execute(f'CREATE DATABASE "{name}"')
            try:
                build(self.url_of(name))
            except Exception as exc:
                self._broken[name] = f"{type(exc).__name__}: {exc}"
                self.drop(name)
                raise
            self._templates.add(name)
        return name

    def close(self) -> None:
        for name in self._templates:
            self.drop(name)
        self._admin.dispose()
        if self.cluster is not None:
            self.cluster.remove()  # type: ignore[attr-defined]
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


class PgState:
    """Found once per session: a server, or why there is none."""

    def __init__(self, config: pytest.Config) -> None:
        self.wanted = not config.getoption("no_pg")
        self.url = config.getoption("pg") or os.environ.get(PG_ENV) or None
        self.required = bool(os.environ.get(REQUIRED_ENV))
        self.server: PgServer | None = None
        self.problem: str | None = None
        self.left_out = 0  # tests of the PostgreSQL half not generated (no server)
        if not self.wanted:
            self.problem = "--no-pg: hanya SQLite"
        elif self.url is None:
            from pg_cluster import binaries

            if binaries() is None:
                self.problem = (
                    "PostgreSQL tidak terpasang (tidak ada pg_ctl): separuh uji PostgreSQL dilewati; "
                    "pasang paket Debian postgresql (atau beri --pg URL) untuk menjalankannya"
                )
        if self.problem and self.required and self.wanted:
            raise pytest.UsageError(f"{REQUIRED_ENV}: {self.problem}")

    def get(self) -> PgServer:
        if self.problem:
            if self.required and self.wanted:
                pytest.fail(f"{REQUIRED_ENV}: {self.problem}")
            pytest.skip(self.problem)
        if self.server is None:
            try:
                self.server = self._start()
            except Exception as exc:  # noqa: BLE001 - said once, as the skip reason of the PostgreSQL half
                self.problem = f"PostgreSQL tidak dapat dijalankan: {exc}"
                return self.get()
        return self.server

    def _start(self) -> PgServer:
        if self.url:
            return PgServer(self.url)
        from pg_cluster import start_cluster

        folder = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
        folder.chmod(0o755)  # the cluster's owner (root runs it as an unprivileged account) must reach it
        cluster = start_cluster(folder / "cluster")
        return PgServer(cluster.url(), cluster, folder)

    @property
    def available(self) -> bool:
        """A server is (or can be) there: the PostgreSQL half is generated."""
        return self.wanted and not (self.problem and self.server is None and self.url is None)

    def header(self) -> str:
        if self.problem:
            left = f" ({self.left_out} uji)" if self.left_out else ""
            return f"PostgreSQL: {self.problem}{left}"
        source = f"server {make_url(self.url).render_as_string(hide_password=True)}" if self.url else (
            "cluster sekali pakai (tests/pg_cluster.py), dimulai saat uji pertama memerlukannya"
        )
        return f"PostgreSQL: setiap uji basis data juga berjalan di PostgreSQL ({source})"

    def close(self) -> None:
        if self.server is not None:
            self.server.close()


def add_options(parser: pytest.Parser) -> None:
    parser.addoption("--pg", metavar="URL", default=None, help="PostgreSQL server for the PostgreSQL half")
    parser.addoption("--no-pg", action="store_true", default=False, help="run the database tests on SQLite only")


def parametrize(metafunc: pytest.Metafunc, state: PgState) -> None:
    """Every test whose fixtures reach ``backend`` runs on both, unless marked ``sqlite_only`` (or there is no
    server: then the PostgreSQL half is counted, not generated)."""
    if "backend" not in metafunc.fixturenames:
        return
    only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
    if not only_sqlite and not state.available:
        state.left_out += 1
        only_sqlite = True
    metafunc.parametrize("backend", ["sqlite"] if only_sqlite else list(BACKENDS), indirect=True)


def migrated(url: str) -> None:
    from kinerja_desktop.db.database import open_database

    open_database(url, upgrade_server=True).close()


def server_database(state: PgState, template: str, build) -> Iterator[str]:  # noqa: ANN001
    """A fresh database of the test's own, cloned from ``template`` (made by ``build`` once)."""
    server = state.get()
    server.template(template, build)
    name = server.new_database(template)
    try:
        yield server.url_of(name)
    finally:
        server.drop(name)
