"""The domain package names its rules lazily (module ``__getattr__``, start-up of a ``print pk``, issue 20): each
name is its module's object, and importing the package imports none of those modules."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import kinerja_desktop.domain as domain


@pytest.mark.parametrize("name", domain.__all__)
def test_each_name_is_its_modules_object(name):
    module = importlib.import_module(f"kinerja_desktop.domain.{domain._MODULES[name]}")
    assert getattr(domain, name) is getattr(module, name)


def test_every_name_is_listed_and_an_unknown_one_is_refused():
    assert sorted(domain.__all__) == sorted(domain._MODULES)
    with pytest.raises(AttributeError):
        domain.no_such_rule  # noqa: B018
    # the package's "achievement" is the module whoever imported it first; the function is the module's
    assert domain.achievement is importlib.import_module("kinerja_desktop.domain.achievement")


def test_importing_the_package_imports_none_of_the_rules():
    code = (
        "import sys, kinerja_desktop.domain.errors, kinerja_desktop.domain.enums\n"
        "print(sorted(m for m in sys.modules if m.startswith('kinerja_desktop.domain.')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    for module in set(domain._MODULES.values()):
        assert f"kinerja_desktop.domain.{module}'" not in loaded
    assert "kinerja_desktop.domain.enums'" in loaded
