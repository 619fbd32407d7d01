"""The belum-lapor list: a ReportLab document with the letterhead, fonts, footer and fingerprint of the others."""

from __future__ import annotations

from dataclasses import replace

import pypdf

from kinerja_desktop.domain.enums import RegionKind
from kinerja_desktop.reports import samples
from kinerja_desktop.reports.data import NotReportedRow, Region
from kinerja_desktop.reports.fingerprint import fingerprint, read_fingerprint
from kinerja_desktop.reports.not_reported import render_not_reported


def test_belum_lapor_prints_an_indonesian_pdf(tmp_path):
    # Moved from tests/gui/test_evaluation_screen.py with gui/belum_lapor_print.py (QTextDocument → QPdfWriter).
    doc = replace(
        samples.sample_not_reported(),
        region=Region(RegionKind.KABUPATEN, "Sukamaju"),
        year=2026,
        quarter=2,
        rows=(NotReportedRow("7.01.0.00.0.00.02.0000", "Kec. Sukamaju", "Kecamatan Sukamaju", 4),),
        evaluated=42,
    )
    path = tmp_path / "belum-lapor.pdf"
    render_not_reported(doc, path)
    reader = pypdf.PdfReader(str(path))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "PEMERINTAH KABUPATEN SUKAMAJU" in text
    assert "BELUM MELAPORKAN" in text and "TRIWULAN II TAHUN 2026" in text
    assert "Kecamatan Sukamaju" in text and "1 dari 42 perangkat daerah" in text
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4


def test_belum_lapor_has_the_letterhead_fonts_footer_and_fingerprint(tmp_path, read_pdf, assert_fonts_embedded):
    doc = samples.sample_not_reported()
    path = tmp_path / "belum-lapor.pdf"
    render_not_reported(doc, path, paper="f4")
    pdf = read_pdf(path)
    text = pdf.text
    assert "BADAN PERENCANAAN PEMBANGUNAN DAERAH" in text and "bappeda@sukamajukab.go.id" in text
    assert "No Kode Singkatan Perangkat Daerah Indikator" in text
    assert "2. 2.17.0.00.0.00.01.0000 Dinkop UKM Dinas Koperasi dan Usaha Kecil Menengah 6" in text
    assert "3 dari 42 perangkat daerah" in text and "Sukamaju, 15 Juli 2026" in text
    assert "Halaman 1 dari 1" in text and "BL-2026-TW2 · " in text
    assert [(round(w, 1), round(h, 1)) for w, h in pdf.sizes()] == [(609.4, 935.4)]  # F4, portrait
    assert_fonts_embedded(path)
    info = read_fingerprint(path)
    assert info["identity"] == "BL-2026-TW2" and info["fingerprint"] == fingerprint(doc)


def test_a_long_list_repeats_its_header_and_an_empty_one_says_everyone_reported(tmp_path, read_pdf):
    rows = tuple(NotReportedRow(f"7.01.0.00.0.00.{n:02}.0000", f"Kec. {n}", f"Kecamatan Nomor {n}", 3)
                 for n in range(1, 61))
    pdf = read_pdf(_rendered(tmp_path / "panjang.pdf", replace(samples.sample_not_reported(), rows=rows)))
    assert len(pdf.pages) >= 2
    assert all("Perangkat Daerah Indikator" in page for page in pdf.pages)
    assert "60. 7.01.0.00.0.00.60.0000 Kec. 60 Kecamatan Nomor 60 3" in pdf.pages[-1]
    empty = read_pdf(_rendered(tmp_path / "kosong.pdf", replace(samples.sample_not_reported(), rows=())))
    assert "Semua perangkat daerah sudah melapor." in empty.text and "0 dari 42" in empty.text


def _rendered(path, doc):  # noqa: ANN001, ANN202
    render_not_reported(doc, path)
    return path
