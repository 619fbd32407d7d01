"""Imports go one way: no circle between modules, no lower layer importing a higher one (README, "Layout").

Every module of the package is read with ``ast``, and every import counts: at module level, inside functions
and under ``TYPE_CHECKING`` alike (a lazy import is still a dependency, and a circle through one still runs
half-initialised modules). The layers, lowest first:

    base (the package's version, resource paths) · domain · db · reports, interchange · services · demo · gui ·
    the command line (cli.py, commands/, the self-test)

A module may import its own layer and the layers below it; reports and interchange, side by side, do not import
each other. On top of the order: the domain imports nothing of ours, reports take plain data (no db), nothing
below the GUI imports Qt, and the GUI reaches the database through the services (from db/ only the handle and
its errors, never SQLAlchemy itself).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import kinerja_desktop

PACKAGE = "kinerja_desktop"
SOURCE_ROOT = Path(kinerja_desktop.__file__).resolve().parent.parent

# Layer of a module: the first part of its name below the package (the package itself and paths.py are "base").
RANKS = {
    "base": 0,
    "domain": 1,
    "db": 2,
    "reports": 3,
    "interchange": 3,
    "services": 4,
    "demo": 5,
    "gui": 6,
    "cli": 7,
}
BASE_MODULES = {PACKAGE, f"{PACKAGE}.paths"}
# The command line is one layer: cli.py, its verbs (commands/), the self-test and ``python -m``; it may start the GUI.
COMMAND_LINE = {"cli", "commands", "selftest", "__main__"}
# What the GUI may take from db/: the open database it hands to the services, and the errors it shows.
GUI_DB_FACE = {f"{PACKAGE}.db.database", f"{PACKAGE}.db.errors"}
# Imports let through against the rules while a change is under way (none now).
ALLOWED: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Import:
    source: str  # importing module
    target: str  # imported module (ours) or top-level distribution (theirs)
    file: str  # kinerja_desktop/db/models.py
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line} → {self.target}"


def modules(root: Path) -> dict[str, tuple[Path, bool]]:
    """Every module under ``root/kinerja_desktop``: name → (file, is a package)."""
    found = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = (path, is_package)
    return found


def imports(root: Path) -> list[Import]:
    """Every import statement of every module, wherever it stands in the module."""
    known = modules(root)
    result = []
    for name, (path, is_package) in known.items():
        file = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), file)):
            if isinstance(node, ast.Import):
                result += [Import(name, _ours(alias.name, known), file, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(node.module, node.level, name, is_package)
                for alias in node.names:
                    result.append(Import(name, _ours(f"{base}.{alias.name}", known, fallback=base), file, node.lineno))
    return result


def _absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    if level == 0:
        return module or ""
    parts = importer.split(".")
    if not is_package:
        parts.pop()
    parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts + ([module] if module else []))


def _ours(name: str, known: dict[str, tuple[Path, bool]], fallback: str | None = None) -> str:
    """Our module named (``from pkg import submodule`` names one), else the module it comes from."""
    if name in known:
        return name
    if fallback is not None and (fallback in known or not fallback.startswith(PACKAGE)):
        return fallback if fallback in known else fallback.split(".")[0]
    return name if name.startswith(PACKAGE) else name.split(".")[0]


def layer(module: str) -> str:
    if module in BASE_MODULES:
        return "base"
    top = module.split(".")[1]
    return "cli" if top in COMMAND_LINE else top


def layer_problems(found: list[Import]) -> list[str]:
    problems = []
    for imp in found:
        if (imp.source, imp.target) in ALLOWED:
            continue
        here = layer(imp.source)
        if not imp.target.startswith(PACKAGE):
            if imp.target in ("PySide6", "shiboken6") and RANKS[here] < RANKS["gui"]:
                problems.append(f"{imp}: Qt belongs to the GUI, not to {here}")
            if imp.target in ("sqlalchemy", "alembic") and here in ("domain", "reports", "gui"):
                problems.append(f"{imp}: {here} does not use SQLAlchemy")
            continue
        there = layer(imp.target)
        if here == there:
            continue
        if RANKS[there] > RANKS[here]:
            problems.append(f"{imp}: {here} must not import the higher layer {there}")
        elif RANKS[there] == RANKS[here]:
            problems.append(f"{imp}: {here} and {there} stand side by side and do not import each other")
        elif here == "domain":
            problems.append(f"{imp}: the domain imports nothing of ours")
        elif here == "reports" and there in ("db", "interchange"):
            problems.append(f"{imp}: reports take plain data, not {there}")
        elif here == "gui" and there == "db" and imp.target not in GUI_DB_FACE:
            problems.append(f"{imp}: the GUI reaches the database through the services")
    return problems


def circles(found: list[Import]) -> list[list[str]]:
    """Groups of our modules that import each other, directly or round a circle (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for imp in found:
        graph.setdefault(imp.source, set())
        if imp.target.startswith(PACKAGE) and imp.target != imp.source:
            graph[imp.source].add(imp.target)
            graph.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                result.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


# ---------------------------------------------------------------------------------------------- the package


@pytest.fixture(scope="module")
def found() -> list[Import]:
    return imports(SOURCE_ROOT)


def test_every_module_belongs_to_a_layer(found: list[Import]) -> None:
    unknown = sorted({layer(m) for m in modules(SOURCE_ROOT)} - set(RANKS))
    assert unknown == [], f"modules outside the layer order: {unknown}"
    # The walk sees imports inside functions too (the GUI's lazy start-up imports, the session guards).
    edges = {(i.source, i.target) for i in found}
    assert (f"{PACKAGE}.db.engine", f"{PACKAGE}.db.guards") in edges
    assert (f"{PACKAGE}.gui.app", f"{PACKAGE}.gui.main_window") in edges


def test_no_module_imports_a_higher_layer(found: list[Import]) -> None:
    problems = layer_problems(found)
    assert problems == [], "\n".join(problems)


def test_no_import_circle(found: list[Import]) -> None:
    assert circles(found) == []


def test_the_allowances_are_still_needed(found: list[Import]) -> None:
    # An entry whose import is gone must leave the list, so that the list only ever shrinks.
    edges = {(i.source, i.target) for i in found}
    assert ALLOWED <= edges, f"no longer imported, remove from ALLOWED: {sorted(ALLOWED - edges)}"


# ---------------------------------------------------------------------------------------------- the checker


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_checker_finds_upward_imports_inside_functions_and_circles(tmp_path: Path) -> None:
    # GIVEN a package whose db imports interchange lazily (as db/sync_models.py once did), whose database and
    # migrate modules import each other for one function, and whose GUI reads column types
    _write(
        tmp_path,
        {
            "__init__.py": "",
            "paths.py": "",
            "db/__init__.py": "",
            "db/models.py": "from . import sync_models\n",
            "db/sync_models.py": "def listener():\n    from ..interchange.tables import record\n",
            "db/database.py": "def open():\n    from .migrate import upgrade\n",
            "db/migrate.py": "def copy():\n    from .database import timestamp\n",
            "db/types.py": "",
            "interchange/__init__.py": "",
            "interchange/tables.py": "from ..db.models import Base\n",
            "reports/__init__.py": "from ..interchange import tables\n",
            "gui/__init__.py": "",
            "gui/labels.py": "from sqlalchemy import Table\n\ndef kind():\n    from ..db.types import ExactDecimal\n",
        },
    )
    found = imports(tmp_path)
    # THEN each problem is named with its file and line
    problems = layer_problems(found)
    assert any("db/sync_models.py:2 → kinerja_desktop.interchange.tables: db must not import" in p for p in problems)
    assert any("reports/__init__.py:1" in p and "side by side" in p for p in problems)
    assert any("gui/labels.py:1 → sqlalchemy: gui does not use SQLAlchemy" in p for p in problems)
    assert any("gui/labels.py:4" in p and "through the services" in p for p in problems)
    assert sorted(circles(found)) == [
        [f"{PACKAGE}.db.database", f"{PACKAGE}.db.migrate"],
        [f"{PACKAGE}.db.models", f"{PACKAGE}.db.sync_models", f"{PACKAGE}.interchange.tables"],
    ]
