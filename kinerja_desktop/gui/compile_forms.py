"""Compile the Qt Designer sources ``ui/*.ui`` into ``kinerja_desktop/gui/forms/ui_<name>.py``.

Run ``python -m kinerja_desktop.gui.compile_forms`` after editing a .ui file and commit both;
``tests/gui/test_forms_fresh.py`` fails when a generated form is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
UI_DIR = PACKAGE_DIR.parent.parent / "ui"
FORMS_DIR = PACKAGE_DIR / "forms"


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
