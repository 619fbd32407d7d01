"""``reports.text.markup`` escapes as ``xml.sax.saxutils.escape`` did, without importing it (issue 20)."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from kinerja_desktop.reports.text import markup


@pytest.mark.parametrize(
    "text",
    ["Dinas Kesehatan", "Pemuda & Olahraga", "<b>tebal</b>", "a &amp; b", "x > 5 & y < 3", "“kutip” ' \"", ""],
)
def test_markup_escapes_as_the_standard_library(text: str):
    assert markup(text) == escape(text)


def test_markup_of_nothing_is_empty():
    assert markup(None) == ""
