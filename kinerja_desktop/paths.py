"""Where the app's files are, from source and from the PyInstaller bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``resources/``: the bundle's ``_MEIPASS`` when frozen, else the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def resource(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. ``resource("fonts", "LiberationSerif-Regular.ttf")``."""
    return resources_dir().joinpath(*parts)


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))
