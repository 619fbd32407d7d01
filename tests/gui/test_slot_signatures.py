"""The class of bug of issue 14 §4: a button's ``clicked(bool)`` (or an action's ``triggered(bool)``) connected
straight to a method whose first parameter means something else (a file path), so the bool arrives as that
argument. Every such connection in the GUI's code is to a method without parameters or one taking the bool."""

from __future__ import annotations

import ast
import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "kinerja_desktop" / "gui"
CONNECTION = re.compile(r"\.(clicked|triggered|toggled)\.connect\(self\.([A-Za-z_]+)\)")


def test_no_signal_bool_arrives_as_another_argument():
    wrong = []
    for path in sorted(GUI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        methods: dict[str, list[ast.FunctionDef]] = {}
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                methods.setdefault(node.name, []).append(node)
        for match in CONNECTION.finditer(source):
            for method in methods.get(match.group(2), []):
                parameters = method.args.args[1:]
                if not parameters:
                    continue
                annotation = ast.unparse(parameters[0].annotation) if parameters[0].annotation else ""
                if annotation != "bool":
                    wrong.append(f"{path.name}: {match.group(1)} → {method.name}({parameters[0].arg}: {annotation})")
    assert wrong == []
