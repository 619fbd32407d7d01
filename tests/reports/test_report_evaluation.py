"""Quarterly evaluation and ranking PDFs."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

from kinerja_desktop.reports import samples
from kinerja_desktop.reports.evaluation import render_quarter_evaluation, render_ranking
from kinerja_desktop.reports.fingerprint import fingerprint, read_fingerprint


def test_quarter_evaluation_prints_figures_and_marks_missing_ones(tmp_path, read_pdf, assert_fonts_embedded):
    doc = samples.sample_evaluation()
    path = tmp_path / "evaluasi.pdf"
    render_quarter_evaluation(doc, path)
    pdf = read_pdf(path)
    for width, height in pdf.sizes():
        assert width > height  # landscape
    text = pdf.text
    assert "LAPORAN EVALUASI KINERJA TRIWULAN II TAHUN 2026" in text
    assert "Nilai kinerja: 98,46" in text
    assert "Predikat: Sangat Tinggi" in text
    assert "Serapan anggaran s.d. Triwulan II: 43,57 %" in text
    assert "112,50" in text and "85,00" in text and "100,00" in text
    assert "16,1*" in text  # provisional realisation
    assert "belum diisi" in text and "belum rilis" in text
    assert "60\u201385" in text and "1.250" in text
    assert "Cakupan pemberian makanan tambahan belum merata" in text
    for amount in ("12.345.678.000", "45.678.900.000", "1.250.000.000", "5.432.100.000", "20.100.000.000"):
        assert amount in text
    assert "Jumlah 59.274.578.000 25.532.100.000 43,57" in text
    assert "NIP. 19700101 200003 2 001" in pdf.pages[-1]
    assert f"Halaman 1 dari {len(pdf.pages)}" in pdf.pages[0]
    assert_fonts_embedded(path)
    assert read_fingerprint(path)["fingerprint"] == fingerprint(doc)


def test_quarter_evaluation_without_score(read_pdf):
    doc = replace(samples.sample_evaluation(), score=None, predicate=None, total_absorption=None)
    out = BytesIO()
    render_quarter_evaluation(doc, out, paper="f4")
    text = read_pdf(out.getvalue()).text
    assert "belum dapat dihitung" in text


def test_ranking_lists_scores_flags_incomplete_data_and_draws_the_chart(tmp_path, read_pdf, assert_fonts_embedded):
    doc = samples.sample_ranking()
    path = tmp_path / "peringkat.pdf"
    render_ranking(doc, path)
    pdf = read_pdf(path)
    text = pdf.text
    for header in ("Peringkat", "Kode", "Perangkat Daerah", "Nilai", "Predikat", "Serapan (%)", "Efisiensi"):
        assert header in text
    assert "1 1.02.0.00.0.00.01.0000 Dinas Kesehatan 98,46 Sangat Tinggi 43,57 efisien" in text
    assert "48,50" in text and "tidak efisien" in text
    assert text.count("data belum lengkap") == 2
    assert "Grafik Nilai Kinerja Perangkat Daerah" in text
    assert "Sangat Tinggi (\u2265 91)" in text and "Tinggi (76 \u2013 < 91)" in text
    assert "Data belum lengkap" in text
    assert "Plt. KEPALA BADAN PERENCANAAN PEMBANGUNAN DAERAH" in text
    assert_fonts_embedded(path)


def test_ranking_is_deterministic():
    first, second = BytesIO(), BytesIO()
    render_ranking(samples.sample_ranking(), first)
    render_ranking(samples.sample_ranking(), second)
    assert first.getvalue() == second.getvalue()


def test_ranking_of_sixty_opds_splits_its_chart_over_pages(tmp_path):
    from dataclasses import replace
    from decimal import Decimal

    from pypdf import PdfReader

    from kinerja_desktop.reports import render_ranking
    from kinerja_desktop.reports.data import RankingRow

    doc = samples.sample_ranking()
    rows = tuple(
        RankingRow(
            n,
            f"9.{n:02d}.0.00.0.00.01.0000",
            f"Kecamatan Contoh {n}",
            Decimal(100) - Decimal(n) / 2,
            "Tinggi",
            Decimal(80),
            "efisien",
        )
        for n in range(1, 61)
    )
    out = tmp_path / "peringkat.pdf"
    render_ranking(replace(doc, rows=rows), out, "a4")  # a single chart of 60 bars would not fit a page
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Kecamatan Contoh 60" in text and "(1 dari 3)" in text and "(3 dari 3)" in text
