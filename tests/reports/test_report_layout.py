"""Any content prints, and nothing is orphaned: PKs of every size read back page by page.

A sasaran too tall for the room left continues on the next page with "(lanjutan)", never twice on a page; the
lampiran's heading and the evaluation's section headings never end a page alone; the statement sheet keeps its
signatures on its page; what cannot be laid out at all is said in Indonesian.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_desktop.domain.enums import ActingKind
from kinerja_desktop.reports import samples
from kinerja_desktop.reports.agreement import render_agreement
from kinerja_desktop.reports.data import (
    AgreementDocument,
    AgreementGoal,
    AgreementIndicator,
    AgreementProgram,
    EvaluationIndicatorRow,
    Signer,
    TargetValue,
)
from kinerja_desktop.reports.errors import DocumentLayoutError
from kinerja_desktop.reports.evaluation import render_quarter_evaluation

FILLER = (
    "persentase layanan dasar yang memenuhi standar pelayanan minimal bidang kesehatan masyarakat dan keluarga "
    "berencana di seluruh puskesmas kecamatan dan rumah sakit umum daerah sesuai ketentuan yang berlaku "
)


def _named(tag: str, length: int) -> str:
    """``tag`` followed by words up to ``length`` characters (at least the tag)."""
    return (tag + " " + FILLER * (length // len(FILLER) + 1))[: max(length, len(tag))].rstrip()


def _document(shape: list[int], name_length: int, programs: int) -> AgreementDocument:
    goals = tuple(
        AgreementGoal(
            _named(f"S{g:02d}S", name_length),
            tuple(
                AgreementIndicator(_named(f"I{g:02d}x{i:02d}I", name_length), TargetValue(Decimal(i) + 1, "%"))
                for i in range(count)
            ),
        )
        for g, count in enumerate(shape)
    )
    rows = tuple(AgreementProgram(_named(f"P{p:02d}P", name_length), 1_000_000 * (p + 1)) for p in range(programs))
    return samples.sample_agreement(goals=goals, programs=rows)


def _check_every_page(pdf, doc: AgreementDocument) -> None:  # noqa: ANN001 - conftest's Pdf
    pages = pdf.pages
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in page
    # The statement sheet is one page, with both signatures.
    assert "PIHAK PERTAMA," in pages[0] and doc.first_party.name in pages[0] and doc.second_party.name in pages[0]
    # The lampiran starts on page 2 with its heading and the first sasaran under it.
    assert "PERJANJIAN KINERJA TAHUN 2026" in pages[1] and "S00S" in pages[1]
    text = pdf.text
    for g, goal in enumerate(doc.goals):
        for i in range(len(goal.indicators)):
            assert len(re.findall(rf"I{g:02d}x{i:02d}I", text)) == 1, f"indicator {g}.{i} printed once"
    for page in pages[1:]:
        for g in range(len(doc.goals)):
            # a sasaran (its number and statement) at most once on a page; its continuation says so
            assert page.count(f"S{g:02d}S") <= 1
    continued = [page for page in pages[2:] if "(lanjutan)" in page]
    for page in continued:
        assert re.search(r"Sasaran Strategis Indikator Kinerja Target \d+\. S\d\dS", page)
    for p in range(len(doc.programs)):
        assert len(re.findall(rf"P{p:02d}P", text)) == 1
    # The signatures close the lampiran on the last page, with the last rows of its table.
    last = pages[-1]
    assert doc.first_party.name in last and "PIHAK KEDUA," in last
    if doc.programs:
        assert "Jumlah" in last
    else:
        assert f"I{len(doc.goals) - 1:02d}x{len(doc.goals[-1].indicators) - 1:02d}I" in last


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_the_extremes_print_every_page(read_pdf, paper: str) -> None:
    # GIVEN 20 sasaran of 20 indicators named with 400 characters and 40 programs
    doc = _document([20] * 20, 400, 40)
    out = BytesIO()
    # WHEN printed
    render_agreement(doc, out, paper)
    # THEN every page is there, every row once, each sasaran once a page, continued with "(lanjutan)"
    pdf = read_pdf(out.getvalue())
    assert len(pdf.pages) > 50
    _check_every_page(pdf, doc)
    assert sum("(lanjutan)" in page for page in pdf.pages) >= 20


# A few examples each run (the extremes are printed above, deterministically): the suite stays quick.
@settings(max_examples=6, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    shape=st.lists(st.integers(1, 20), min_size=1, max_size=20),
    name_length=st.integers(1, 400),
    programs=st.integers(0, 40),
    paper=st.sampled_from(["a4", "f4"]),
)
def test_any_pk_prints_every_page(read_pdf, shape: list[int], name_length: int, programs: int, paper: str) -> None:
    doc = _document(shape, name_length, programs)
    out = BytesIO()
    render_agreement(doc, out, paper)
    _check_every_page(read_pdf(out.getvalue()), doc)


def test_a_sasaran_of_many_indicators_prints_its_number_once_a_page(read_pdf) -> None:
    # 30 short indicators of one sasaran, then a second sasaran: 12 rows were the old limit of a span
    doc = _document([30, 3], 60, 2)
    out = BytesIO()
    render_agreement(doc, out)
    pdf = read_pdf(out.getvalue())
    for page in pdf.pages[1:]:
        assert page.count("1. S00S") <= 1 and page.count("S00S") <= 1
    assert sum("S00S" in page for page in pdf.pages[1:]) == sum("(lanjutan)" in page for page in pdf.pages) + 1


def test_a_row_taller_than_a_page_is_said_in_indonesian() -> None:
    doc = _document([1], 30_000, 0)
    with pytest.raises(DocumentLayoutError, match="lebih tinggi dari satu halaman"):
        render_agreement(doc, BytesIO())


LONG_OPD = "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana"


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_a_long_opd_name_and_a_plt_with_titles_keep_the_signatures_on_the_statement_sheet(read_pdf, paper: str) -> None:
    head = Signer(
        "Dr. Ir. H. Muhammad Rizal Firmansyah, S.T., M.T., M.Si., M.M., M.Kes.",
        f"Kepala {LONG_OPD} Kabupaten Sukamaju",
        ActingKind.PLT,
        "197001012000031001",
        "Pembina Tingkat I",
        "IV/b",
    )
    letterhead = replace(
        samples.dinkes_letterhead(),
        office=LONG_OPD,
        address="Jalan Jenderal Sudirman Nomor 125, Kompleks Perkantoran Terpadu Pemerintah Kabupaten Sukamaju 51311",
    )
    doc = samples.sample_agreement(unit_name=LONG_OPD, first_party=head, letterhead=letterhead)
    out = BytesIO()
    render_agreement(doc, out, paper)
    pdf = read_pdf(out.getvalue())
    first = pdf.pages[0]
    # Both blocks on the statement sheet, with the sentences above them, and the lampiran on the next page
    assert "PIHAK KEDUA," in first and "PIHAK PERTAMA," in first
    assert "Plt. KEPALA DINAS PEMBERDAYAAN PEREMPUAN" in first and "NIP. 19700101 200003 1 001" in first
    assert "Pihak kedua akan melakukan supervisi" in first
    assert "PERJANJIAN KINERJA TAHUN 2026 DINAS PEMBERDAYAAN PEREMPUAN" in pdf.pages[1]


def test_the_lampiran_heading_never_ends_a_page_alone(read_pdf) -> None:
    # A first sasaran taller than the room under the heading: its rows begin under the heading
    doc = _document([14], 300, 1)
    out = BytesIO()
    render_agreement(doc, out)
    lampiran = read_pdf(out.getvalue()).pages[1]
    assert lampiran.startswith("PERJANJIAN KINERJA TAHUN 2026")
    assert "No Sasaran Strategis Indikator Kinerja Target 1. S00S" in lampiran and "I00x00I" in lampiran


def test_the_evaluation_section_heading_stays_with_its_table(read_pdf) -> None:
    # For every length of the indicator table, "B. Realisasi Anggaran Program" shares its page with the
    # program table's header and first row.
    base = samples.sample_evaluation()
    row = base.indicators[0]
    for count in range(4, 26, 3):
        rows = tuple(
            replace(row, goal=f"Sasaran {n // 4}", indicator=f"Indikator nomor {n} dengan uraian yang cukup panjang")
            for n in range(count)
        )
        out = BytesIO()
        render_quarter_evaluation(replace(base, indicators=rows), out)
        pages = read_pdf(out.getvalue()).pages
        [page] = [p for p in pages if "B. Realisasi Anggaran Program" in p]
        assert re.search(r"B\. Realisasi Anggaran Program No Program Pagu \(Rp\) .* 1\. ", page), count
        [first] = [p for p in pages if "A. Capaian Indikator Kinerja" in p]
        assert "Indikator nomor 0 " in first


def test_evaluation_rows_continue_their_sasaran(read_pdf) -> None:
    base = samples.sample_evaluation()
    rows = tuple(
        EvaluationIndicatorRow(
            goal="Sasaran panjang SXS",
            indicator=f"Indikator {n} " + FILLER,
            unit="%",
            annual_target=TargetValue(Decimal(90)),
            target_to_date=TargetValue(Decimal(45)),
            realization=TargetValue(Decimal(44)),
            achievement=Decimal("97.78"),
            progress=Decimal("48.89"),
        )
        for n in range(40)
    )
    out = BytesIO()
    render_quarter_evaluation(replace(base, indicators=rows), out, "f4")
    pages = read_pdf(out.getvalue()).pages
    assert len(pages) >= 3
    assert all(page.count("SXS") <= 1 for page in pages)
    assert all("(lanjutan)" in page for page in pages[1:] if "SXS" in page)
