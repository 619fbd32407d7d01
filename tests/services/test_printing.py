"""Printing from the database: text read back from the PDF, safe writing, verification of printouts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import raw_sql
from pypdf import PdfReader

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.domain.enums import OpdKind
from kinerja_desktop.services import agreements, pacts, printing
from kinerja_desktop.services.errors import Cancelled, ValidationError


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _signed(db: Database, opd_id: str) -> str:
    agreement_id = agreements.create_from_renstra(db, opd_id, 2026)
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    return agreement_id


def test_printed_pk_carries_the_database_values_in_indonesian_format(db: Database, dinkes: str, tmp_path: Path) -> None:
    agreement_id = _signed(db, dinkes)
    out = tmp_path / "cetak"
    out.mkdir()
    path = printing.print_agreement(db, agreement_id, out, "f4")
    assert path.name == "PK-2026-DINKES.pdf"
    text = _text(path)
    for expected in (
        "PERJANJIAN KINERJA TAHUN 2026",
        "dr. Siti Rahmawati, M.Kes.",
        "19730512 200003 2 004",
        "Pembina Utama Muda (IV/c)",
        "H. Ahmad Fauzan, S.E., M.M.",
        "Sukamaju, 26 Januari 2026",
        "95,5",
        "12.345.678.000",
        "4.500.000.000",
        "16.845.678.000",
        "Halaman 1 dari",
    ):
        assert expected in text, expected
    width, height = (float(v) for v in PdfReader(path).pages[0].mediabox.upper_right)
    assert abs(width - 609.45) < 0.5 and abs(height - 935.43) < 0.5
    assert [p.name for p in out.iterdir()] == ["PK-2026-DINKES.pdf"]  # no temporary left


def test_draft_is_marked_and_pact_prints(db: Database, dinkes: str, tmp_path: Path) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    assert "DRAF" in _text(printing.print_agreement(db, agreement_id, tmp_path / "draf.pdf"))
    pacts.record_pact(db, dinkes, 2026, date(2026, 1, 26))
    (tmp_path / "pakta").mkdir()
    [pact] = printing.print_pacts(db, 2026, tmp_path / "pakta")
    text = _text(pact)
    assert "PAKTA INTEGRITAS" in text and "19730512 200003 2 004" in text


def test_verify_accepts_an_untouched_printout_and_rejects_a_changed_agreement(
    db: Database, dinkes: str, tmp_path: Path
) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    agreements.finalize(db, agreement_id)
    printed = printing.print_agreement(db, agreement_id, tmp_path / "pk.pdf")
    assert printing.verify_pdf(db, printed).matches
    # WHEN the agreement changes after printing THEN the printout no longer matches
    agreements.reopen_draft(db, agreement_id)
    detail = agreements.get_agreement(db, agreement_id)
    agreements.save_draft(db, replace(detail, items=[replace(detail.items[0], target=Decimal(79)), detail.items[1]]))
    result = printing.verify_pdf(db, printed)
    assert not result.matches and "TIDAK COCOK" in result.message


def test_verify_catches_a_signed_row_altered_behind_the_apps_back(db: Database, dinkes: str, tmp_path: Path) -> None:
    agreement_id = _signed(db, dinkes)
    printed = printing.print_agreement(db, agreement_id, tmp_path / "pk.pdf")
    assert main(["verify", str(printed), "--db", db.location]) == 0
    raw_sql.run(db, "UPDATE agreement_program SET budget = budget + 1")  # past the database's locks too
    assert main(["verify", str(printed), "--db", db.location]) == 3
    not_ours = tmp_path / "lain.pdf"
    not_ours.write_bytes(b"%PDF-1.4\n%%EOF")
    assert not printing.verify_pdf(db, not_ours).matches


def test_batch_prints_every_opd_and_a_cancel_leaves_no_partial_file(db: Database, dinkes: str, tmp_path: Path) -> None:
    _signed(db, dinkes)
    files = printing.print_agreements(db, 2026, tmp_path / "semua", combined=True)
    assert [f.name for f in files] == ["PK-2026-DINKES.pdf", "PK-2026-SEMUA.pdf"]
    with pytest.raises(Cancelled):
        printing.print_agreements(db, 2026, tmp_path / "batal", cancelled=lambda: True)
    assert not any((tmp_path / "batal").glob("*")) if (tmp_path / "batal").exists() else True
    with pytest.raises(ValidationError, match="Tidak ada Perjanjian Kinerja tahun 2030"):
        printing.print_agreements(db, 2030, tmp_path)


def test_failed_render_leaves_no_half_written_pdf(db: Database, dinkes: str, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    agreement_id = _signed(db, dinkes)

    def broken(document, out, paper):  # noqa: ANN001
        Path(out).write_bytes(b"%PDF-1.4 setengah")
        raise OSError("disk penuh")

    import kinerja_desktop.reports.agreement as agreement_report

    monkeypatch.setattr(agreement_report, "render_agreement", broken)
    out = tmp_path / "cetak"
    out.mkdir()
    with pytest.raises(OSError, match="disk penuh"):
        printing.print_agreement(db, agreement_id, out / "pk.pdf")
    assert list(out.iterdir()) == []


def test_print_commands_write_pk_and_ranking(db: Database, dinkes: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    _signed(db, dinkes)
    assert main(["print", "pk", "--db", db.location, "--year", "2026", "--paper", "f4", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "PK-2026-DINKES.pdf").exists()
    assert (
        main(
            [
                "print",
                "ranking",
                "--db",
                db.location,
                "--year",
                "2026",
                "--quarter",
                "1",
                "--out",
                str(tmp_path / "rank.pdf"),
            ]
        )
        == 0
    )
    text = _text(tmp_path / "rank.pdf")
    assert "PERINGKAT KINERJA PERANGKAT DAERAH" in text and "Dinas Kesehatan" in text
    assert (
        main(
            [
                "print",
                "evaluation",
                "--db",
                db.location,
                "--year",
                "2026",
                "--quarter",
                "1",
                "--out",
                str(tmp_path / "ev"),
            ]
        )
        == 0
    )
    assert "belum diisi" in _text(next((tmp_path / "ev").glob("*.pdf")))


def test_print_belum_lapor_lists_the_opds_without_a_report(db: Database, dinkes: str, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    _signed(db, dinkes)  # Dinas Kesehatan signed its PK 2026 and entered nothing yet
    args = ["print", "belum-lapor", "--db", db.location, "--year", "2026", "--quarter", "1", "--paper", "f4"]
    assert main([*args, "--out", str(tmp_path)]) == 0
    path = tmp_path / "BELUM-LAPOR-2026-TW1.pdf"
    assert capsys.readouterr().out.splitlines() == [str(path), "1 berkas PDF ditulis."]
    text = " ".join(_text(path).split())
    assert "DAFTAR PERANGKAT DAERAH BELUM MELAPORKAN REALISASI KINERJA TRIWULAN I TAHUN 2026" in text
    assert "1. 1.02.0.00.0.00.01.0000 Dinkes Dinas Kesehatan 2" in text and "1 dari 1 perangkat daerah" in text
    width, height = (float(v) for v in PdfReader(path).pages[0].mediabox.upper_right)
    assert abs(width - 609.45) < 0.5 and abs(height - 935.43) < 0.5
    from kinerja_desktop.reports.fingerprint import read_fingerprint

    assert read_fingerprint(path)["identity"] == "BL-2026-TW1"
    # The same list as CSV, read back
    csv_path = printing.write_not_reported_csv(db, 2026, 1, tmp_path / "belum-lapor.csv")
    assert csv_path.read_text(encoding="utf-8-sig").splitlines() == [
        "No;Kode;Singkatan;Perangkat Daerah;Jumlah indikator",
        "1;1.02.0.00.0.00.01.0000;Dinkes;Dinas Kesehatan;2",
    ]


def test_print_refusals_are_said_in_indonesian_without_a_traceback(
    db: Database, dinkes: str, tmp_path: Path, capsys  # noqa: ANN001
) -> None:
    assert main(["print", "belum-lapor", "--db", db.location, "--year", "2026", "--quarter", "1",
                 "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "Galat: Tidak ada PK 2026 yang ditandatangani untuk dievaluasi\n"
    _signed(db, dinkes)
    assert main(["print", "pakta", "--db", db.location, "--year", "2026", "--out", str(tmp_path / "p.pdf")]) == 1
    assert capsys.readouterr().err == "Galat: Tidak ada Pakta Integritas tahun 2026 untuk dicetak\n"
    assert list(tmp_path.glob("*.pdf")) == []


def test_one_pdf_file_is_for_one_document_only(db: Database, dinkes: str, tmp_path: Path) -> None:
    _signed(db, dinkes)
    with db.write() as s:
        s.add(Opd(code="1.03.0.00.0.00.01.0000", abbreviation="DPUPR", name="Dinas Pekerjaan Umum", kind=OpdKind.DINAS))
    other = agreements.create_from_renstra(db, _opd_id(db, "DPUPR"), 2026)
    request = printing.Request(printing.PK, 2026)
    with pytest.raises(ValidationError, match="Satu berkas .pdf hanya untuk satu dokumen"):
        printing.write(db, request, tmp_path / "semua.pdf")
    with pytest.raises(ValidationError, match="Nama berkas hanya untuk satu dokumen"):
        printing.file_name(db, request)
    assert printing.file_name(db, printing.Request(printing.PK, 2026, opd_codes=("DPUPR",))) == "PK-2026-DPUPR.pdf"
    assert printing.file_name(db, printing.Request(printing.PK, 2026, agreement_id=other)) == "PK-2026-DPUPR.pdf"
    assert printing.file_name(db, printing.Request(printing.RANKING, 2026)) == "PERINGKAT-2026-TW4.pdf"
    assert not list(tmp_path.glob("*.pdf"))


def _opd_id(db: Database, abbreviation: str) -> str:
    from sqlalchemy import select

    with db.read() as s:
        return s.scalars(select(Opd.id).where(Opd.abbreviation == abbreviation)).one()


@pytest.mark.parametrize("document", [printing.PK, printing.PACT, printing.EVALUATION, printing.RAPOR, printing.LKJIP])
def test_an_opd_code_nobody_has_is_said_so_not_nothing_to_print(
    db: Database, dinkes: str, tmp_path: Path, document: str
) -> None:
    request = printing.Request(document, 2026, quarter=1, opd_codes=("Dinkes", "NOPE", "XYZ"))
    with pytest.raises(ValidationError) as raised:
        printing.write(db, request, tmp_path / "out")
    assert "Perangkat daerah “NOPE”, “XYZ” tidak ditemukan" in str(raised.value)
    assert not (tmp_path / "out").exists()


def test_an_abbreviation_is_found_whatever_its_case(db: Database, dinkes: str, tmp_path: Path) -> None:
    _signed(db, dinkes)
    [written] = printing.write(db, printing.Request(printing.PK, 2026, opd_codes=(" DINKES",)), tmp_path)
    assert "Dinas Kesehatan" in _text(written)
