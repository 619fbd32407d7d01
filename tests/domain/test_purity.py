"""The domain layer stays pure: importing any of its modules loads neither Qt nor SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import kinerja_desktop.domain

DOMAIN_DIR = Path(kinerja_desktop.domain.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "sqlalchemy", "alembic")

# Runs in a clean interpreter: the test session itself has already imported the db layer (conftest).
CHECK = """
import importlib, pkgutil, sys
import kinerja_desktop.domain as domain
names = [m.name for m in pkgutil.iter_modules(domain.__path__, domain.__name__ + ".")]
for name in names:
    importlib.import_module(name)
forbidden = {forbidden!r}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in forbidden)
print(",".join(names))
print(",".join(loaded))
"""


def test_importing_every_domain_module_loads_neither_qt_nor_sqlalchemy():
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(forbidden=FORBIDDEN)],
        capture_output=True,
        text=True,
        check=True,
        cwd=DOMAIN_DIR.parent.parent,
    )
    imported, loaded = result.stdout.splitlines()
    expected = {f"kinerja_desktop.domain.{p.stem}" for p in DOMAIN_DIR.glob("*.py") if p.stem != "__init__"}
    assert set(imported.split(",")) == expected
    assert loaded == "", f"domain modules pulled in: {loaded}"
