"""Plain cell texts skip ReportLab's markup parser (issue 20): they must come out exactly as the parser makes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import paragraph

from kinerja_desktop.reports import paragraphs, render_agreement, samples
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.reports.styles import styles

TEXTS = [
    "Persentase penduduk yang mendapatkan pelayanan kesehatan sesuai standar",
    "  spasi   di\ntengah\n  dan baris baru  ",
    "1.",
    "\u2013",
    "Rp 1.250.000.000",
    "Indeks Kepuasan Masyarakat ≥ 82,5 % (naik 3,1 poin)",
    "a > b",
    "Dinas Pekerjaan Umum &amp; Penataan Ruang",  # an entity: the parser
    "<b>tebal</b> dan <i>miring</i>",  # markup: the parser
    "",  # nothing: the parser
    "   ",
]


def fragments(p: paragraph.Paragraph) -> list[dict]:
    return [dict(vars(f)) for f in p.frags]


@pytest.mark.parametrize("text", TEXTS)
def test_a_paragraph_has_the_parsers_fragments_in_every_style(text: str):
    for name, style in vars(styles()).items():
        ours, theirs = Paragraph(text, style), paragraph.Paragraph(text, style)
        assert (ours.text, ours.style, ours.bulletText) == (theirs.text, theirs.style, theirs.bulletText), name
        assert fragments(ours) == fragments(theirs), name
        assert ours.wrap(200, 1000) == theirs.wrap(200, 1000)
        assert repr(ours.blPara.lines) == repr(theirs.blPara.lines)  # the same lines, words and fonts


def test_only_plain_texts_skip_the_parser():
    style = styles().cell
    assert paragraphs.plain_frags("Persentase capaian", style) is not None
    assert paragraphs.plain_frags("A &amp; B", style) is None
    assert paragraphs.plain_frags("<i>(lanjutan)</i>", style) is None
    assert paragraphs.plain_frags("", style) is None
    bulleted = replace_style(style, bulletText="\u2022")
    assert paragraphs.plain_frags("butir", bulleted) is None
    upper = replace_style(style, textTransform="uppercase")
    assert paragraphs.plain_frags("judul", upper) is None
    assert Paragraph("judul", upper).frags[0].text == "JUDUL"  # the parser's transform still applies


def test_two_fragments_of_one_style_share_nothing_mutable():
    style = styles().cell
    first, second = Paragraph("satu", style), Paragraph("dua", style)
    assert first.frags[0] is not second.frags[0]
    assert first.frags[0].link is not second.frags[0].link
    assert (first.frags[0].text, second.frags[0].text) == ("satu", "dua")


def test_a_pk_printed_without_the_parser_is_byte_identical(tmp_path: Path, monkeypatch):
    # 40 indicators under 10 sasaran: spans cut by pages, "(lanjutan)" cells, programs and their total.
    document = samples.sample_agreement(goals=samples.long_goals(40, 4), programs=samples.long_programs(12))
    render_agreement(document, tmp_path / "cepat.pdf", "a4")
    monkeypatch.setattr(paragraphs, "plain_frags", lambda text, style: None)  # every text through the parser
    render_agreement(document, tmp_path / "parser.pdf", "a4")
    assert (tmp_path / "cepat.pdf").read_bytes() == (tmp_path / "parser.pdf").read_bytes()
    assert len(PdfReader(tmp_path / "cepat.pdf").pages) >= 3


def replace_style(style, **changes):  # noqa: ANN001, ANN201 - a ParagraphStyle
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-uji", parent=style, **changes)
