"""The generated forms in kinerja_desktop/gui/forms must match ui/*.ui (run compile_forms after editing)."""

from __future__ import annotations

import pytest

from kinerja_desktop.gui import compile_forms


def _without_header(code: str) -> list[str]:
    # The "Created by: Qt User Interface Compiler version …" line changes with the Qt version only.
    return [line for line in code.replace("\r\n", "\n").splitlines() if not line.startswith("## Created by")]


def test_the_opd_form_is_among_the_sources():
    assert "opd_form.ui" in [p.name for p in compile_forms.ui_sources()]


@pytest.mark.parametrize("source", compile_forms.ui_sources(), ids=lambda p: p.name)
def test_generated_form_is_fresh(source):
    target = compile_forms.target_for(source)
    assert target.exists(), f"{target.name} is missing: run python -m kinerja_desktop.gui.compile_forms"
    committed = target.read_text(encoding="utf-8")
    assert _without_header(compile_forms.compile_form(source)) == _without_header(committed), (
        f"{target.name} is stale: run python -m kinerja_desktop.gui.compile_forms"
    )


@pytest.mark.parametrize("source", compile_forms.translation_sources(), ids=lambda p: p.name)
def test_compiled_translation_is_fresh(source, tmp_path):
    # GIVEN the committed catalogue WHEN its .ts is compiled again THEN the same bytes come out
    target = source.with_suffix(".qm")
    assert target.exists(), f"{target.name} is missing: run python -m kinerja_desktop.gui.compile_forms"
    fresh = tmp_path / target.name
    compile_forms.compile_translation(source, fresh)
    assert fresh.read_bytes() == target.read_bytes(), f"{target.name} is stale: run make forms"


def test_the_qt_catalogue_is_among_the_translations():
    assert "qt_id.ts" in [p.name for p in compile_forms.translation_sources()]
