"""Codes of the budget structure (Permendagri 90/2019, as SIPD exports them): program → kegiatan → sub kegiatan.

A program ``1.02.02`` is urusan (1 digit), bidang urusan (2) and program (2); its kegiatan ``1.02.02.2.01`` add
two parts (1 and 2 digits) and a sub kegiatan ``1.02.02.2.01.0001`` adds four digits. Each code starts with
its parent's, so the level and the parent of a row can be read from its code alone (as an import does).
"""

from __future__ import annotations

import re

from .enums import ProgramLevel

_PATTERNS = {
    ProgramLevel.PROGRAM: re.compile(r"\d\.\d{2}\.\d{2}"),
    ProgramLevel.ACTIVITY: re.compile(r"\d\.\d{2}\.\d{2}\.\d\.\d{2}"),
    ProgramLevel.SUB_ACTIVITY: re.compile(r"\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}"),
}
EXAMPLES = {
    ProgramLevel.PROGRAM: "1.02.02",
    ProgramLevel.ACTIVITY: "1.02.02.2.01",
    ProgramLevel.SUB_ACTIVITY: "1.02.02.2.01.0001",
}
# How many dot-separated parts the parent's code has, per level.
_PARENT_PARTS = {ProgramLevel.ACTIVITY: 3, ProgramLevel.SUB_ACTIVITY: 5}


def normalize_code(code: str) -> str:
    """The code as stored: no spaces (pasted codes often carry some), no trailing dot."""
    return "".join(code.split()).rstrip(".")


def level_of_code(code: str) -> ProgramLevel | None:
    """The level a code has the shape of, or None when it has none."""
    code = normalize_code(code)
    return next((level for level, pattern in _PATTERNS.items() if pattern.fullmatch(code)), None)


def parent_code(code: str) -> str | None:
    """The code of the parent (``1.02.02`` for ``1.02.02.2.01``); None for a program or an unknown shape."""
    code = normalize_code(code)
    level = level_of_code(code)
    if level is None or level not in _PARENT_PARTS:
        return None
    return ".".join(code.split(".")[: _PARENT_PARTS[level]])


def code_problem(level: ProgramLevel, code: str, parent: str | None = None) -> str | None:
    """Why ``code`` cannot be the code of a ``level`` row under a parent coded ``parent`` (None: it can)."""
    code = normalize_code(code)
    name = level.label.lower()
    if not code:
        return f"Kode {name} wajib diisi (contoh {EXAMPLES[level]})"
    if not _PATTERNS[level].fullmatch(code):
        message = f"Kode {name} harus berbentuk {EXAMPLES[level]} (Permendagri 90/2019), bukan “{code}”"
        other = level_of_code(code)
        if other is not None:
            message += f"; kode itu berbentuk kode {other.label.lower()}"
        return message
    if parent is not None and parent_code(code) != normalize_code(parent):
        parent_level = level.parent_level
        assert parent_level is not None
        return f"Kode {name} harus diawali kode {parent_level.label.lower()} induknya ({normalize_code(parent)}.…)"
    return None
