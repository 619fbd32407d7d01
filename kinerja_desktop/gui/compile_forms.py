"""Compile the Qt Designer sources ``ui/*.ui`` into ``kinerja_desktop/gui/forms/ui_<name>.py``, and the
translations ``resources/translations/*.ts`` into ``*.qm`` (``pyside6-lrelease``).

Run ``python -m kinerja_desktop.gui.compile_forms`` (``make forms``) after editing a .ui or .ts file and commit
both; ``tests/gui/test_forms_fresh.py`` fails when a generated form or catalogue is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
UI_DIR = PACKAGE_DIR.parent.parent / "ui"
FORMS_DIR = PACKAGE_DIR / "forms"
TRANSLATIONS_DIR = PACKAGE_DIR.parent.parent / "resources" / "translations"


def uic_command() -> list[str]:
    """``pyside6-uic`` beside this Python (the venv's), else PySide6's bundled ``uic -g python``."""
    scripts = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = scripts / name
        if candidate.exists():
            return [str(candidate)]
    import PySide6

    root = Path(PySide6.__file__).parent
    for candidate in (root / "Qt" / "libexec" / "uic", root / "uic.exe", root / "uic"):
        if candidate.exists():
            return [str(candidate), "-g", "python"]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise FileNotFoundError("pyside6-uic tidak ditemukan; pasang PySide6 di lingkungan Python ini")


def _tool(name: str, bundled: str) -> list[str]:
    """``pyside6-<name>`` beside this Python (the venv's), else PySide6's bundled ``bundled`` executable."""
    scripts = Path(sys.executable).parent
    for candidate_name in (f"pyside6-{name}", f"pyside6-{name}.exe"):
        candidate = scripts / candidate_name
        if candidate.exists():
            return [str(candidate)]
    import PySide6

    root = Path(PySide6.__file__).parent
    for candidate in (root / bundled, root / f"{bundled}.exe", root / "Qt" / "bin" / bundled):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    raise FileNotFoundError(f"pyside6-{name} tidak ditemukan; pasang PySide6 di lingkungan Python ini")


def translation_sources() -> list[Path]:
    return sorted(TRANSLATIONS_DIR.glob("*.ts"))


def compile_translation(source: Path, target: Path) -> None:
    """``source`` (.ts) compiled to ``target`` (.qm) by lrelease."""
    subprocess.run([*_tool("lrelease", "lrelease"), "-silent", str(source), "-qm", str(target)], check=True,
                   capture_output=True)


def ui_sources() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def target_for(source: Path) -> Path:
    return FORMS_DIR / f"ui_{source.stem}.py"


def compile_form(source: Path) -> str:
    """The Python code uic generates for ``source`` (LF line endings)."""
    result = subprocess.run([*uic_command(), str(source)], check=True, capture_output=True, text=True, encoding="utf-8")
    return result.stdout.replace("\r\n", "\n")


def main() -> int:
    FORMS_DIR.mkdir(exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from ../../../ui/*.ui by compile_forms; never edit by hand."""\n')
    for source in ui_sources():
        target = target_for(source)
        target.write_text(compile_form(source), encoding="utf-8", newline="\n")
        print(f"{source.name} → {target.relative_to(PACKAGE_DIR.parent.parent)}")
    for source in translation_sources():
        target = source.with_suffix(".qm")
        compile_translation(source, target)
        print(f"{source.name} → {target.relative_to(PACKAGE_DIR.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
