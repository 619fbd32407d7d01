"""The Pakta Integritas PDF."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import pytest

from kinerja_desktop.reports import samples
from kinerja_desktop.reports.fingerprint import fingerprint, read_fingerprint
from kinerja_desktop.reports.pact import render_pact
from kinerja_desktop.reports.templates import PactTemplate


def test_pact_names_the_signer_and_lists_the_seven_declarations(tmp_path, read_pdf):
    path = tmp_path / "pakta.pdf"
    render_pact(samples.sample_pact(), path)
    pdf = read_pdf(path)
    assert len(pdf.pages) == 1
    page = pdf.pages[0]
    assert "PAKTA INTEGRITAS" in page
    assert "Saya yang bertanda tangan di bawah ini:" in page
    assert "Nama : dr. Hj. Ratna Dewi Lestari, M.Kes." in page
    assert "NIP : 19700101 200003 2 001" in page
    assert "Pangkat/Golongan : Pembina Utama Muda (IV/c)" in page
    assert "Jabatan : Kepala Dinas Kesehatan Kabupaten Sukamaju" in page
    assert "Instansi : Dinas Kesehatan Kabupaten Sukamaju" in page
    assert "Dengan ini menyatakan bahwa saya:" in page
    assert "pencegahan dan pemberantasan Korupsi, Kolusi, dan Nepotisme (KKN)" in page
    assert (
        "Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, hadiah, "
        "bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan yang berlaku;" in page
    )
    assert "Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas;" in page
    assert "Menghindari pertentangan kepentingan (conflict of interest)" in page
    assert "informasi penyimpangan integritas di Dinas Kesehatan Kabupaten Sukamaju" in page
    assert "Bila saya melanggar hal-hal tersebut di atas, saya siap menghadapi konsekuensinya." in page
    for number in range(1, 8):
        assert f"{number}. " in page
    assert "Sukamaju, 26 Januari 2026" in page
    assert "NIP. 19700101 200003 2 001" in page
    assert "Halaman 1 dari 1" in page


def test_pact_fonts_and_fingerprint(tmp_path, assert_fonts_embedded):
    doc = samples.sample_pact()
    path = tmp_path / "pakta.pdf"
    render_pact(doc, path, paper="f4")
    assert_fonts_embedded(path)
    info = read_fingerprint(path)
    assert info == {
        "identity": "PI-2026-DINKES-v1",
        "fingerprint": fingerprint(doc),
        "short_code": info["short_code"],
        "schema": "kinerja-desktop/1",
        "title": "Pakta Integritas Tahun 2026 \u2013 dr. Hj. Ratna Dewi Lestari, M.Kes.",
        "date": "2026-01-26",
        "source": "",
    }


def test_pact_is_deterministic_and_its_template_editable(read_pdf):
    first, second = BytesIO(), BytesIO()
    template = replace(PactTemplate(), declarations=PactTemplate().declarations[:2] + ("Pernyataan tambahan daerah.",))
    render_pact(samples.sample_pact(template=template), first)
    render_pact(samples.sample_pact(template=template), second)
    assert first.getvalue() == second.getvalue()
    page = read_pdf(first.getvalue()).pages[0]
    assert "3. Pernyataan tambahan daerah." in page
    assert "konsekuensinya" not in page


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_pact_fits_one_page(paper, read_pdf):
    out = BytesIO()
    render_pact(samples.sample_pact(), out, paper=paper)
    assert len(read_pdf(out.getvalue()).pages) == 1
