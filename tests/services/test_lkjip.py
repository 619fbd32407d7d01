"""The LKjIP draft: the .docx read back (Word headings, the capaian table's numbers, the PK lampiran, page
numbers) and the PDF through the document engine, for an OPD and for the government."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import IndicatorTarget, Opd, PerformanceAgreement
from kinerja_desktop.domain.enums import AgreementKind, AgreementStatus
from kinerja_desktop.domain.formatting import format_number, format_rupiah, round_half_up
from kinerja_desktop.reports.fingerprint import read_fingerprint
from kinerja_desktop.services import evaluation, printing
from kinerja_desktop.services.errors import ValidationError

CHAPTERS = ["BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP",
            "LAMPIRAN: PERJANJIAN KINERJA TAHUN 2025"]


def dinkes_id(db: Database) -> str:
    with db.read() as s:
        return s.scalars(select(Opd).where(Opd.abbreviation == "Dinkes")).one().id


def table_with(document, first_header: str, header: str):  # noqa: ANN001, ANN201
    for table in document.tables:
        cells = [c.text for c in table.rows[0].cells]
        if cells[0] == first_header and header in cells:
            return table
    raise AssertionError(f"no table headed {header}")


def test_opd_docx_has_word_headings_the_capaian_numbers_and_the_pk(demo_db: Database, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "LKjIP-Dinkes-2025.docx"
    code = main(["--db", demo_db.location, "print", "lkjip", "--year", "2025", "--opd", "Dinkes", "--format",
                 "docx", "--out", str(out)])
    assert code == 0 and capsys.readouterr().out.strip() == str(out)
    document = Document(str(out))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert [text for _, text in headings] == CHAPTERS
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "3.1 Capaian Kinerja" in subheadings and "3.3 Kendala dan Tindak Lanjut" in subheadings
    result = evaluation.evaluate_opd(demo_db, 2025, 4, dinkes_id(demo_db))
    capaian = table_with(document, "No", "Capaian (%)")
    header = [c.text for c in capaian.rows[0].cells]
    assert header == ["No", "Indikator Kinerja", "Target 2025", "Realisasi 2025", "Capaian (%)", "Realisasi 2023",
                      "Realisasi 2024", "Target akhir 2029"]
    body = [[c.text for c in row.cells] for row in capaian.rows[1:]]
    assert [row[1] for row in body] == [i.name for i in result.indicators]
    assert [row[4] for row in body] == [format_number(round_half_up(i.capaian, 2), 2) for i in result.indicators]
    assert body[0][1:5] == ["Angka Kematian Ibu", "92 per 100.000 KH", "91,8 per 100.000 KH", "100,22"]
    with demo_db.read() as s:
        final = s.scalars(select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == result.indicators[0].indicator_id, IndicatorTarget.year == 2029)).one()
    assert body[0][7] == f"{format_number(final.target, None)} per 100.000 KH"
    assert all(row[5] == row[6] == "-" for row in body)  # no PK before 2025 in the demo
    budget = table_with(document, "Kode", "Serapan (%)")
    total = [c.text for c in budget.rows[-1].cells]
    assert total[1] == "Jumlah" and total[2] == format_rupiah(sum(p.pagu for p in result.programs), prefix=False)
    lampiran = table_with(document, "No", "Sasaran Strategis")
    assert [row.cells[2].text for row in lampiran.rows[1:]] == [i.name for i in result.indicators]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Nilai capaian kinerja Dinas Kesehatan Kabupaten Sukamaju Tahun 2025 adalah 96,05 (predikat Sangat " \
           "Tinggi)" in text
    assert "nilai 60,62 dengan predikat B" in text
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert document.core_properties.keywords.startswith("LKJIP-2025-DINKES; sha256:")


def test_opd_pdf_through_the_document_engine(demo_db: Database, tmp_path: Path) -> None:
    out = printing.write_lkjip(demo_db, 2025, tmp_path / "lkjip.pdf", opd_code="Dinkes", fmt="pdf")
    reader = PdfReader(out)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for chapter in CHAPTERS:
        assert chapter in text
    assert "Angka Kematian Ibu" in text and "100,22" in text
    assert f"Halaman 1 dari {len(reader.pages)}" in text
    info = read_fingerprint(out)
    assert info is not None and info["identity"] == "LKJIP-2025-DINKES"
    assert printing.verify_pdf(demo_db, out).matches


def test_government_report_lists_every_opd_and_the_regional_pk(demo_db: Database, tmp_path: Path) -> None:
    out = printing.write_lkjip(demo_db, 2025, tmp_path / "lkjip-daerah.docx")
    document = Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == CHAPTERS
    evaluations = evaluation.evaluate_quarter(demo_db, 2025, 4)
    units = table_with(document, "No", "Nilai AKIP")
    assert len(units.rows) - 1 == len(evaluations)
    capaian = table_with(document, "No", "Capaian (%)")
    assert [c.text for c in capaian.rows[0].cells][1] == "Perangkat Daerah"
    assert len(capaian.rows) - 1 == sum(len(e.indicators) for e in evaluations)
    assert document.paragraphs[2].text == "PEMERINTAH KABUPATEN SUKAMAJU"  # the title page names the government
    with demo_db.read() as s:
        regional = s.scalars(select(PerformanceAgreement).where(
            PerformanceAgreement.year == 2025, PerformanceAgreement.kind == AgreementKind.REGIONAL,
            PerformanceAgreement.status != AgreementStatus.DISCARDED).order_by(
            PerformanceAgreement.version_no.desc())).first()
        assert regional is not None
        head, items = regional.first_name, [i.indicator_name for i in regional.items]
    lampiran = table_with(document, "No", "Sasaran Strategis")
    assert [row.cells[2].text for row in lampiran.rows[1:]] == items
    agreement = table_with(document, "No", "Sasaran")  # BAB II: the regional head's own PK
    assert [row.cells[2].text for row in agreement.rows[1:]] == items
    budget = table_with(document, "Singkatan", "Serapan (%)")
    assert [c.text for c in budget.rows[0].cells][1] == "Perangkat Daerah" and len(budget.rows) == len(evaluations) + 2
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"oleh {head} (Bupati Sukamaju)." in text


def test_bad_requests_are_refused_in_indonesian(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Perangkat daerah dengan kode atau singkatan “Dinas X” tidak ada"):
        printing.write_lkjip(demo_db, 2025, tmp_path / "a.docx", opd_code="Dinas X")
    with pytest.raises(ValidationError, match="harus berakhiran .docx"):
        printing.write_lkjip(demo_db, 2025, tmp_path / "a.pdf", opd_code="Dinkes")
    with pytest.raises(ValidationError, match="belum memiliki PK 2026 yang ditandatangani"):
        printing.write_lkjip(demo_db, 2026, tmp_path / "a.docx", opd_code="Dinkes")
    assert not list(tmp_path.glob("a.*"))


def test_the_years_before_come_from_those_years_evaluations(demo_db: Database, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo has no PK before 2025: 2024's evaluation is played by 2025's with every realisation halved."""
    from dataclasses import replace

    real = evaluation.evaluate_quarter
    dinkes = dinkes_id(demo_db)

    def evaluate(db: Database, year: int, quarter: int):  # noqa: ANN202
        if year != 2024:
            return real(db, year, quarter)
        return [replace(e, indicators=tuple(
            replace(i, realization_to_date=None if i.realization_to_date is None else i.realization_to_date / 2)
            for i in e.indicators)) for e in real(db, 2025, quarter) if e.opd_id == dinkes]

    monkeypatch.setattr(evaluation, "evaluate_quarter", evaluate)
    out = printing.write_lkjip(demo_db, 2025, tmp_path / "lkjip.docx", opd_code="Dinkes")
    capaian = table_with(Document(str(out)), "No", "Capaian (%)")
    body = [[c.text for c in row.cells] for row in capaian.rows[1:]]
    assert body[0][3] == "91,8 per 100.000 KH" and body[0][6] == "45,9 per 100.000 KH"  # Realisasi 2024
    assert all(row[5] == "-" for row in body)  # 2023: none
