"""Shared fixtures. Qt runs offscreen: this must be set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("KINERJA_DB_URL", None)

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

from kinerja_desktop.db.database import Database, open_database  # noqa: E402
from kinerja_desktop.gui import qt_fixes  # noqa: E402

# As gui/app.py does at start-up: a test session makes far more Qt calls than it takes to wear down None.
qt_fixes.apply()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kinerja.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, empty database at the head schema in a temporary folder."""
    database = open_database(db_path)
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


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database for one test (copied with SQLite's backup API)."""
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
