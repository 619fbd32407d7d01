"""The Windows installer script compiles with makensis (Debian's nsis on Linux; CI installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "installer.nsi"
MAKENSIS = shutil.which("makensis")

pytestmark = pytest.mark.skipif(
    MAKENSIS is None, reason="makensis not installed (Debian: apt-get install nsis; .ci/run installs it)"
)


def _compile(dist: Path, out: Path, *defines: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MAKENSIS), "-V2", "-WX", "-DFAST", f"-DDIST_DIR={dist}", f"-DOUT_FILE={out}", *defines, SCRIPT.name],
        cwd=SCRIPT.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def dummy_bundle(tmp_path: Path) -> Path:
    """A folder shaped like dist/kinerja-desktop/ (PyInstaller onedir)."""
    bundle = tmp_path / "kinerja-desktop"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "kinerja-desktop.exe").write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "resources" / "README.txt").write_text("stand-in", encoding="utf-8")
    return bundle


def test_installer_script_compiles_without_warnings(dummy_bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "KinerjaDesktop-uji-pemasang.exe"
    result = _compile(dummy_bundle, out, "-DVERSION=0.1.0", "-DVERSION4=0.1.0.0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"


def test_installer_script_refuses_to_build_without_a_version(dummy_bundle: Path, tmp_path: Path) -> None:
    result = _compile(dummy_bundle, tmp_path / "KinerjaDesktop-uji-pemasang.exe")
    assert result.returncode != 0
    assert "VERSION" in result.stdout + result.stderr


def test_installer_script_states_its_promises() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script  # no administrator rights needed by default
    assert '"$LOCALAPPDATA\\Programs\\${PRODUCT}"' in script  # per-user program folder, not the data folder
    for extension in (".kinerja-backup", ".kinerja-paket"):
        assert f'Associate "{extension}"' in script
    uninstall = script[script.index('Section "Uninstall"') :]
    uninstall = uninstall[: uninstall.index("SectionEnd")]
    assert 'RMDir /r "$INSTDIR"' not in uninstall  # never a recursive delete of the install folder
    assert "LOCALAPPDATA" not in uninstall.replace("%LOCALAPPDATA%", "")  # the user's data folder stays


def test_installer_pages_are_indonesian_with_english_as_the_fallback(dummy_bundle: Path, tmp_path: Path) -> None:
    # GIVEN the installer compiled (uncompressed, so its language tables can be read)
    out = tmp_path / "KinerjaDesktop-uji-pemasang.exe"
    result = _compile(dummy_bundle, out, "-DVERSION=0.1.0", "-DVERSION4=0.1.0.0")
    assert result.returncode == 0, result.stdout + result.stderr
    data = out.read_bytes()
    # THEN it holds NSIS's Indonesian pages and our texts in Indonesian, and English ones as the fallback
    for text in ("Pilih Komponen", "Instalasi Program", "Pintasan di desktop", "Jalankan Kinerja Desktop"):
        assert text.encode("utf-16-le") in data, text
    for text in ("Choose Components", "Desktop shortcut", "Run Kinerja Desktop"):
        assert text.encode("utf-16-le") in data, text
    # AND the installer and the uninstaller choose Indonesian first, whatever Windows' language; /EN gives English
    script = SCRIPT.read_text(encoding="utf-8")
    start = script.index("!macro ChooseLanguage")
    choose = script[start : script.index("!macroend", start)]
    assert choose.index("StrCpy $LANGUAGE ${LANG_INDONESIAN}") < choose.index('"/EN"')
    assert "StrCpy $LANGUAGE ${LANG_ENGLISH}" in choose
    for function in ("Function .onInit\n", "Function un.onInit\n"):
        body = script[script.index(function) :]
        assert body.split("\n")[1].strip() == "!insertmacro ChooseLanguage", function
    assert script.index('MUI_LANGUAGE "Indonesian"') < script.index('MUI_LANGUAGE "English"')
