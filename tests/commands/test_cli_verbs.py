"""The command line loads only the module of the verb it runs (issue 20: a tenth of a one-PK ``print pk``), and
parses exactly as the parser with every verb does."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

import pytest

from kinerja_desktop.cli import build_parser, named_verb
from kinerja_desktop.commands import VERB_MODULES, VERBS


def _registered(module: str) -> tuple[str, ...]:
    verbs = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(module).register(verbs)
    return tuple(verbs.choices)


def test_every_verb_is_named_with_the_module_that_registers_it():
    expected = {verb: module for module in VERB_MODULES for verb in _registered(module)}
    assert VERBS == expected
    assert list(VERBS) == [verb for module in VERB_MODULES for verb in _registered(module)]  # --help's order
    # VERB_MODULES is made from VERBS: every module of the package that registers verbs is in it
    package = Path(importlib.import_module("kinerja_desktop.commands").__file__).parent
    registering = {
        f"kinerja_desktop.commands.{path.stem}" for path in package.glob("*.py") if "def register(" in path.read_text()
    }
    assert set(VERB_MODULES) == registering


@pytest.mark.parametrize(
    ("argv", "verb"),
    [
        (["print", "pk", "--db", "x.sqlite"], "print"),
        (["--db", "x.sqlite", "print", "pk"], "print"),
        (["--db=x.sqlite", "backup", "--out", "b"], "backup"),
        (["--db", "print", "verify", "a.pdf"], "verify"),  # a file named "print"
        (["--help"], None),
        (["--version", "print"], None),
        (["-h", "print"], None),
        (["--db"], None),
        ([], None),
        (["cetak"], "cetak"),  # no module registers it: the whole parser says so
    ],
)
def test_the_verb_named_by_the_arguments(argv: list[str], verb: str | None):
    assert named_verb(argv) == verb


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(action.choices)


def test_a_verb_parses_as_with_every_verb():
    argv = ["--db", "kota.sqlite", "print", "pk", "--year", "2026", "--opd", "DINKES", "--opd", "BAPPEDA",
            "--paper", "f4", "--out", "pk.pdf", "--level", "3"]
    alone, whole = build_parser("print"), build_parser()
    assert _subcommands(alone) == ["print", "verify"]
    assert _subcommands(build_parser("cetak")) == _subcommands(whole) == list(VERBS)
    assert vars(alone.parse_args(argv)) == vars(whole.parse_args(argv))


def test_an_error_in_a_verb_is_said_as_before(capsys: pytest.CaptureFixture[str]):
    argv = ["print", "pk", "--year", "2026"]
    for parser in (build_parser("print"), build_parser()):
        with pytest.raises(SystemExit) as info:
            parser.parse_args(argv)
        assert info.value.code == 2
        assert "the following arguments are required: --out" in capsys.readouterr().err


def test_only_the_verbs_module_is_imported(monkeypatch: pytest.MonkeyPatch):
    for module in VERB_MODULES:
        monkeypatch.delitem(sys.modules, module, raising=False)
    build_parser("audit")
    loaded = [module for module in VERB_MODULES if module in sys.modules]
    assert loaded == ["kinerja_desktop.commands.audit"]
