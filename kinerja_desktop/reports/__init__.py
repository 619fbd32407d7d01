"""Signing-ready PDFs (Perjanjian Kinerja, Pakta Integritas, evaluation, ranking, belum lapor) from plain dataclasses.

Importing this package does not import ReportLab: the renderers below load it on first use, so the
main window opens fast. Input types live in ``reports.data``, wording in ``reports.templates``;
import ``fingerprint``/``read_fingerprint`` from ``reports.fingerprint`` (the submodule of that name
would shadow a lazy attribute here).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {
    "render_agreement": "kinerja_desktop.reports.agreement",
    "render_pact": "kinerja_desktop.reports.pact",
    "render_quarter_evaluation": "kinerja_desktop.reports.evaluation",
    "render_ranking": "kinerja_desktop.reports.evaluation",
    "render_not_reported": "kinerja_desktop.reports.not_reported",
    "render_rapor": "kinerja_desktop.reports.akip",
    "render_piagam": "kinerja_desktop.reports.akip",
    "render_lkjip": "kinerja_desktop.reports.lkjip",
    "render_lkjip_docx": "kinerja_desktop.reports.lkjip_docx",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)
