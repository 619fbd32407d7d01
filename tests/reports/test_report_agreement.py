"""The Perjanjian Kinerja PDF: content read back exactly, layout rules, determinism."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import ActingKind
from kinerja_desktop.reports import samples
from kinerja_desktop.reports.agreement import render_agreement
from kinerja_desktop.reports.data import AgreementGoal, AgreementIndicator, TargetValue
from kinerja_desktop.reports.fingerprint import fingerprint, read_fingerprint, short_code
from kinerja_desktop.reports.templates import (
    FIRST_PARTY_COMMITMENT,
    OPENING,
    SECOND_PARTY_COMMITMENT,
    AgreementTemplate,
)

A4 = (595.28, 841.89)
F4 = (609.45, 935.43)


def render(tmp_path: Path, doc=None, paper: str = "a4", name: str = "pk.pdf") -> Path:
    path = tmp_path / name
    render_agreement(doc or samples.sample_agreement(), path, paper=paper)
    return path


def test_statement_sheet_names_the_parties_with_formatted_nip_and_rank(tmp_path, read_pdf):
    # GIVEN the Dinas Kesehatan PK  WHEN it is printed
    pdf = read_pdf(render(tmp_path))
    first = pdf.pages[0]
    # THEN the statement sheet carries both parties as frozen in the document
    assert "PEMERINTAH KABUPATEN SUKAMAJU" in first
    assert "DINAS KESEHATAN" in first
    assert "PERJANJIAN KINERJA TAHUN 2026" in first
    assert "dr. Hj. Ratna Dewi Lestari, M.Kes." in first
    assert "H. Ahmad Fauzi Rahman, S.H., M.H." in first
    assert "Kepala Dinas Kesehatan Kabupaten Sukamaju" in first
    assert "NIP. 19700101 200003 2 001" in first
    assert "Pembina Utama Muda (IV/c)" in first
    assert "Sukamaju, 26 Januari 2026" in first
    assert "PIHAK KEDUA," in first and "PIHAK PERTAMA," in first
    assert "BUPATI SUKAMAJU," in first
    assert "KEPALA DINAS KESEHATAN KABUPATEN SUKAMAJU," in first
    # the elected Bupati has no NIP: exactly one NIP line on the sheet
    assert first.count("NIP.") == 1


def test_statement_sheet_carries_the_standard_sentences(tmp_path, read_pdf):
    first = read_pdf(render(tmp_path)).pages[0]
    for sentence in (OPENING, FIRST_PARTY_COMMITMENT, SECOND_PARTY_COMMITMENT):
        assert sentence in first
    assert "selanjutnya disebut pihak pertama." in first
    assert "selaku atasan pihak pertama, selanjutnya disebut pihak kedua." in first


def test_lampiran_prints_targets_in_indonesian_format(tmp_path, read_pdf):
    pdf = read_pdf(render(tmp_path))
    lampiran = " ".join(pdf.pages[1:])
    assert "PERJANJIAN KINERJA TAHUN 2026 DINAS KESEHATAN KABUPATEN SUKAMAJU" in lampiran
    for target in (
        "80 per 100.000 KH",
        "6,5 per 1.000 KH",
        "14,2%",
        "74,35 tahun",
        "97,5%",
        "98,00%",
        "60\u201385%",
        "1.250 orang",
        "Rp 1.250.000.000",
        "82,75",
    ):
        assert target in lampiran, target
    assert " BB " in f" {lampiran} "
    for header in ("No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Program", "Anggaran (Rp)"):
        assert header in lampiran


def test_lampiran_prints_every_budget_and_the_total(tmp_path, read_pdf):
    lampiran = " ".join(read_pdf(render(tmp_path)).pages[1:])
    for amount in ("12.345.678.000", "45.678.900.000", "1.250.000.000", "987.654.321"):
        assert amount in lampiran
    total = sum(p.budget for p in samples.DINKES_PROGRAMS)
    assert total == 60_262_232_321
    assert "Jumlah 60.262.232.321" in lampiran


def test_every_page_is_numbered_and_carries_the_short_code(tmp_path, read_pdf):
    doc = samples.sample_agreement()
    pdf = read_pdf(render(tmp_path, doc))
    count = len(pdf.pages)
    code = f"PK-2026-DINKES-v1 \u00b7 {short_code(fingerprint(doc))}"
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Halaman {number} dari {count}" in page
        assert code in page
    assert "Halaman 1 dari" in pdf.pages[0]


def test_fonts_are_embedded_and_no_base14_font_is_used(tmp_path, assert_fonts_embedded):
    assert_fonts_embedded(render(tmp_path))
    assert_fonts_embedded(render(tmp_path, samples.sample_amendment(), name="perubahan.pdf"))


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("f4", F4)])
def test_paper_sizes(tmp_path, read_pdf, paper, size):
    pdf = read_pdf(render(tmp_path, paper=paper))
    for width, height in pdf.sizes():
        assert width == pytest.approx(size[0], abs=0.5)
        assert height == pytest.approx(size[1], abs=0.5)


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_long_lampiran_repeats_its_header_on_every_page(tmp_path, read_pdf, paper):
    # GIVEN 60 indicators in 15 sasaran and 12 programs
    doc = samples.sample_agreement(goals=samples.long_goals(60), programs=samples.long_programs(12))
    pdf = read_pdf(render(tmp_path, doc, paper=paper))
    # THEN the indicator table spans several pages, each with the header row
    indicator_pages = [p for p in pdf.pages[1:] if "Persentase capaian indikator" in p]
    assert len(indicator_pages) >= 3
    for page in indicator_pages:
        assert "No Sasaran Strategis Indikator Kinerja Target" in page
    # and every indicator is printed once
    for number in range(1, 61):
        assert f"layanan kesehatan nomor {number} sesuai" in pdf.text
    program_pages = [p for p in pdf.pages[1:] if "Program pelayanan kesehatan nomor" in p]
    for page in program_pages:
        assert "No Program Anggaran (Rp) Keterangan" in page


@pytest.mark.parametrize("programs", [1, 2, 3, 4, 6, 9, 14, 20, 30])
@pytest.mark.parametrize("indicators", [11, 24, 33, 60])
def test_lampiran_signature_never_stands_alone(tmp_path, read_pdf, programs, indicators):
    # GIVEN lampiran lengths that put the end of the program table anywhere on a page
    doc = samples.sample_agreement(goals=samples.long_goals(indicators), programs=samples.long_programs(programs))
    pdf = read_pdf(render(tmp_path, doc))
    # THEN the page with the lampiran's signature blocks also holds the Jumlah row (and program rows)
    signature_page = [p for p in pdf.pages[1:] if "PIHAK PERTAMA," in p]
    assert len(signature_page) == 1
    assert "Jumlah" in signature_page[0]
    assert "Program pelayanan kesehatan nomor" in signature_page[0]
    assert "H. Ahmad Fauzi Rahman, S.H., M.H." in signature_page[0]


def test_lampiran_without_programs_keeps_signature_with_the_last_indicator(tmp_path, read_pdf):
    doc = samples.sample_agreement(goals=samples.long_goals(60), programs=())
    pdf = read_pdf(render(tmp_path, doc))
    signature_page = [p for p in pdf.pages[1:] if "PIHAK PERTAMA," in p]
    assert len(signature_page) == 1
    assert "layanan kesehatan nomor 60 sesuai" in signature_page[0]
    assert "Jumlah" not in pdf.text


def test_a_sasaran_longer_than_a_page_continues_on_the_next(tmp_path, read_pdf):
    doc = samples.sample_agreement(goals=samples.long_goals(45, per_goal=45))
    pdf = read_pdf(render(tmp_path, doc))
    assert "(lanjutan)" in pdf.text
    for number in range(1, 46):
        assert f"layanan kesehatan nomor {number} sesuai" in pdf.text


def test_same_input_gives_byte_identical_pdf(tmp_path):
    first, second = BytesIO(), BytesIO()
    render_agreement(samples.sample_agreement(), first)
    render_agreement(samples.sample_agreement(), second)
    assert first.getvalue() == second.getvalue()
    assert render(tmp_path).read_bytes() == first.getvalue()


def test_fingerprint_is_embedded_and_follows_the_content(tmp_path):
    doc = samples.sample_agreement()
    info = read_fingerprint(render(tmp_path, doc))
    assert info is not None
    assert info["identity"] == "PK-2026-DINKES-v1"
    assert info["fingerprint"] == fingerprint(doc)
    # WHEN one target changes, the fingerprint changes
    goal = doc.goals[0]
    changed_indicator = replace(goal.indicators[0], target=TargetValue(Decimal(79), "per 100.000 KH"))
    changed = replace(doc, goals=(replace(goal, indicators=(changed_indicator, *goal.indicators[1:])), *doc.goals[1:]))
    assert fingerprint(changed) != fingerprint(doc)
    other = read_fingerprint(render(tmp_path, changed, name="changed.pdf"))
    assert other is not None and other["fingerprint"] == fingerprint(changed)


def test_amendment_has_its_own_title_and_says_what_it_replaces(tmp_path, read_pdf):
    doc = samples.sample_amendment()
    pdf = read_pdf(render(tmp_path, doc))
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2026" in pdf.pages[0]
    assert (
        "menggantikan Perjanjian Kinerja Tahun 2026 versi 1 tanggal 26 Januari 2026, karena penyesuaian "
        "anggaran pada APBD Perubahan Tahun 2026." in pdf.pages[0]
    )
    assert "Sukamaju, 15 September 2026" in pdf.pages[0]
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2026" in pdf.pages[1]
    assert "1.087.654.321" in pdf.text
    assert read_fingerprint(render(tmp_path, doc, name="v2.pdf"))["identity"] == "PK-2026-DINKES-v2"


def test_regional_agreement_has_a_single_signer(tmp_path, read_pdf):
    pdf = read_pdf(render(tmp_path, samples.sample_regional()))
    first = pdf.pages[0]
    # first person singular, as regencies print the regional head's own PK
    assert "saya yang bertanda tangan di bawah ini:" in first
    assert "Saya berjanji akan mewujudkan target kinerja" in first and "menjadi tanggung jawab saya." in first
    assert "kami" not in first
    assert "PIHAK PERTAMA" not in pdf.text and "PIHAK KEDUA" not in pdf.text
    assert first.count("H. Ahmad Fauzi Rahman, S.H., M.H.") == 2  # in the Nama row and under the signature
    assert "BUPATI SUKAMAJU," in first
    lampiran = " ".join(pdf.pages[1:])
    assert "PERJANJIAN KINERJA TAHUN 2026 KABUPATEN SUKAMAJU" in lampiran
    assert "WTP" in lampiran and "72,85" in lampiran and "72,85 poin" not in lampiran
    assert "BUPATI SUKAMAJU," in pdf.pages[-1]


def test_acting_officials_carry_their_prefix(tmp_path, read_pdf):
    bupati = replace(samples.BUPATI, acting=ActingKind.PLT, name="Drs. H. Wahyu Hidayat, M.Si.")
    head = replace(samples.KADINKES, acting=ActingKind.PLH)
    pdf = read_pdf(render(tmp_path, samples.sample_agreement(second_party=bupati, first_party=head)))
    assert "Plt. Bupati Sukamaju" in pdf.pages[0]
    assert "Plt. BUPATI SUKAMAJU," in pdf.pages[0]
    assert "Plh. KEPALA DINAS KESEHATAN KABUPATEN SUKAMAJU," in pdf.pages[0]


def test_regency_wording_overrides_the_template(tmp_path, read_pdf):
    template = replace(
        AgreementTemplate(),
        first_party_heading="PIHAK KESATU,",
        first_party_clause="selanjutnya disebut PIHAK KESATU.",
    )
    pdf = read_pdf(render(tmp_path, samples.sample_agreement(template=template)))
    assert "PIHAK KESATU," in pdf.pages[0] and "PIHAK KESATU," in pdf.pages[-1]
    assert "selanjutnya disebut PIHAK KESATU." in pdf.pages[0]
    assert "PIHAK PERTAMA," not in pdf.text


def test_prints_without_logo_with_special_characters_and_to_a_stream(read_pdf):
    head = replace(samples.KADINKES, name="dr. Siti Nur'aini & Rekan, Sp.A.")
    doc = samples.sample_agreement(letterhead=samples.dinkes_letterhead(logo=False), first_party=head)
    out = BytesIO()
    render_agreement(doc, out)
    assert "dr. Siti Nur'aini & Rekan, Sp.A." in read_pdf(out.getvalue()).pages[0]


def test_draft_watermark_is_printed(tmp_path, read_pdf):
    pdf = read_pdf(render(tmp_path, samples.sample_agreement(watermark="DRAF")))
    assert all("DRAF" in page for page in pdf.pages)


def test_unknown_paper_is_refused(tmp_path):
    with pytest.raises(ValueError, match="Ukuran kertas"):
        render(tmp_path, paper="letter")


def test_importing_the_reports_package_does_not_load_reportlab():
    code = (
        "import sys, kinerja_desktop.reports, kinerja_desktop.reports.data, kinerja_desktop.reports.fingerprint;"
        "print(any(m.split('.')[0] == 'reportlab' for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_goal_without_indicators_prints_a_dash(tmp_path, read_pdf):
    goals = (*samples.DINKES_GOALS, AgreementGoal("Sasaran tanpa indikator", ()))
    pdf = read_pdf(render(tmp_path, samples.sample_agreement(goals=goals)))
    assert "Sasaran tanpa indikator" in pdf.text
    indicator = AgreementIndicator("x", TargetValue())
    assert indicator.target.value is None
