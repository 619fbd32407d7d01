"""Shared fixtures. Qt runs offscreen: this must be set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("KINERJA_DB_URL", None)

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kinerja_desktop.db.database import Database, open_database  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kinerja.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, empty database at the head schema in a temporary folder."""
    database = open_database(db_path)
    yield database
    database.close()
