"""The typed core stays typed: mypy passes on domain/, services/, interchange/ and demo/ (STYLE.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_is_clean_on_the_core(tmp_path: Path) -> None:
    packages = [str(ROOT / "kinerja_desktop" / name) for name in ("domain", "services", "interchange", "demo")]
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy"), *packages],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout[-4000:]
