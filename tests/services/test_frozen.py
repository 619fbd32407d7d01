"""Signed means frozen: a final or signed PK and a Pakta print what they printed when signed, whatever changes
in the records; rows changed behind the app's back are named by ``info``, the integrity check and ``verify``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import raw_sql
from pypdf import PdfReader
from sqlalchemy import select, text

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.errors import AgreementLockedError
from kinerja_desktop.db.models import Opd, PerformanceAgreement, Regency
from kinerja_desktop.reports.fingerprint import read_fingerprint
from kinerja_desktop.reports.samples import sample_logo
from kinerja_desktop.services import agreements, maintenance, opd, pacts, printing
from kinerja_desktop.services.errors import ValidationError


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _signed(db: Database, opd_id: str) -> str:
    agreement_id = agreements.create_from_renstra(db, opd_id, 2026)
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    return agreement_id


@pytest.fixture
def signed(db: Database, dinkes: str, tmp_path: Path) -> tuple[str, Path, Path]:
    """Dinas Kesehatan's PK 2026 and Pakta signed on 26 January 2026 with a logo, and their printouts."""
    with db.write() as s:
        regency = s.scalars(select(Regency)).one()
        regency.logo_png = sample_logo()
        dinkes_row = s.get(Opd, dinkes)
        dinkes_row.phone, dinkes_row.address = "(0294) 381234", "Jalan Pemuda Nomor 12"
    agreement_id = _signed(db, dinkes)
    pacts.record_pact(db, dinkes, 2026, date(2026, 1, 26))
    pk = printing.print_agreement(db, agreement_id, tmp_path / "pk.pdf")
    [pact] = printing.print_pacts(db, 2026, tmp_path / "pakta")
    return agreement_id, pk, pact


def _rename(db: Database, opd_id: str, name: str, abbreviation: str, phone: str) -> None:
    form = opd.get_opd(db, opd_id)
    form = replace(form, name=name, abbreviation=abbreviation, phone=phone, renamed_on=date(2026, 9, 1))
    opd.save_opd(db, form)


def test_a_signed_pk_and_pakta_reprint_the_same_after_rename_new_phone_new_logo_and_abbreviation(
    db: Database, dinkes: str, signed: tuple[str, Path, Path], tmp_path: Path
) -> None:
    # GIVEN a signed PK and Pakta printed in January
    agreement_id, pk, pact = signed
    # WHEN the OPD is renamed (with a new abbreviation and phone number) and the regency changes its logo
    _rename(db, dinkes, "Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana", "DinkesP2KB", "(0294) 999999")
    with db.write() as s:
        s.scalars(select(Regency)).one().logo_png = None
    # THEN the reprints are the same documents, byte for byte, with the name, phone and logo of the signing
    again = printing.print_agreement(db, agreement_id, tmp_path / "lagi.pdf")
    assert again.read_bytes() == pk.read_bytes()
    [pact_again] = printing.print_pacts(db, 2026, tmp_path / "pakta-lagi")
    assert pact_again.read_bytes() == pact.read_bytes()
    assert pact_again.name == "PAKTA-2026-DINKESP2KB.pdf"  # the file is named as today, the content as signed
    text = _text(pact_again)
    assert "DINAS KESEHATAN Jalan Pemuda Nomor 12" in text and "(0294) 381234" in text
    assert "DINAS KESEHATAN, PENGENDALIAN" not in text
    # AND the logo of the signing is kept once, for both documents, apart from their snapshots
    from kinerja_desktop.db.models import DocumentAsset

    with db.read() as s:
        assets = s.scalars(select(DocumentAsset)).all()
        snapshot = s.get(PerformanceAgreement, agreement_id).snapshot
    assert [a.content for a in assets] == [sample_logo()] and "iVBOR" not in snapshot
    # AND verify of the original printouts still matches, naming the OPD as it was when signed
    result = printing.verify_pdf(db, pk)
    assert result.matches, result.message
    assert result.identity == "PK-2026-DINKES-v1"
    assert "PK 2026 Dinas Kesehatan versi 1" in result.message
    assert "kini bernama Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana" in result.message
    assert printing.verify_pdf(db, pact).matches


def test_a_draft_prints_todays_records_and_a_final_one_is_frozen_until_taken_back(
    db: Database, dinkes: str, tmp_path: Path
) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    with db.write() as s:
        s.get(Opd, dinkes).phone = "(0294) 111111"
    assert "(0294) 111111" in _text(printing.print_agreement(db, agreement_id, tmp_path / "draf.pdf"))
    agreements.finalize(db, agreement_id)
    with db.write() as s:
        s.get(Opd, dinkes).phone = "(0294) 222222"
    final = _text(printing.print_agreement(db, agreement_id, tmp_path / "final.pdf"))
    assert "(0294) 111111" in final and "222222" not in final
    with db.read() as s:
        frozen = s.get(PerformanceAgreement, agreement_id)
        assert frozen.document_code == "PK-2026-DINKES-v1" and len(frozen.fingerprint) == 64 and frozen.snapshot
    # Back to a draft: it prints from today's records again
    agreements.reopen_draft(db, agreement_id)
    assert "(0294) 222222" in _text(printing.print_agreement(db, agreement_id, tmp_path / "draf2.pdf"))
    with db.read() as s:
        assert s.get(PerformanceAgreement, agreement_id).snapshot == ""


def test_rows_changed_behind_the_apps_back_are_named_by_info_integrity_and_verify(
    db: Database, dinkes: str, signed: tuple[str, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreement_id, pk, _pact = signed
    assert maintenance.integrity_problems(db) == []
    # WHEN a target of the signed PK is changed with raw SQL (past the database's own locks: db/triggers.py)
    with raw_sql.behind_the_apps_back(db) as conn:
        conn.execute(text("UPDATE agreement_item SET target = '79' WHERE agreement_id = :a"), {"a": agreement_id})
        conn.execute(text("UPDATE integrity_pact SET name = 'Orang Lain, S.E.'"))
    # THEN the integrity check (info, the Cadangan screen) names the PK and the Pakta
    problems = maintenance.integrity_problems(db)
    assert problems == [
        "PK 2026 Dinas Kesehatan versi 1 (PK-2026-DINKES-v1): isi di basis data tidak lagi sesuai dengan dokumen "
        "yang ditandatangani (diubah di luar aplikasi)",
        "Pakta Integritas 2026 dr. Siti Rahmawati, M.Kes. (Dinas Kesehatan Kabupaten Sukamaju) (PI-2026-DINKES-v1): "
        "isi di basis data tidak lagi sesuai dengan dokumen yang ditandatangani (diubah di luar aplikasi)",
    ]
    assert main(["info", "--db", db.location]) == 0
    assert "Integritas: PK 2026 Dinas Kesehatan versi 1 (PK-2026-DINKES-v1)" in capsys.readouterr().out
    # AND a reprint shows the signed figure, not the altered one
    reprint = printing.print_agreement(db, agreement_id, tmp_path / "cetak-ulang.pdf")
    assert reprint.read_bytes() == pk.read_bytes()
    # AND verify of the original says the paper is the signed PK but the database no longer holds it
    result = printing.verify_pdf(db, pk)
    assert not result.matches
    assert "sesuai dengan PK 2026 Dinas Kesehatan versi 1 yang dibekukan, TETAPI isi di basis data" in result.message


def test_an_altered_snapshot_is_refused_for_printing_and_named(
    db: Database, dinkes: str, signed: tuple[str, Path, Path], tmp_path: Path
) -> None:
    agreement_id, pk, _pact = signed
    raw_sql.run(db, "UPDATE performance_agreement SET snapshot = replace(snapshot, '95.5', '99.5')")
    with pytest.raises(ValidationError, match="diubah di luar aplikasi atau rusak"):
        printing.print_agreement(db, agreement_id, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert maintenance.integrity_problems(db) == [
        "PK 2026 Dinas Kesehatan versi 1 (PK-2026-DINKES-v1): salinan dokumen yang tersimpan tidak sesuai dengan "
        "sidiknya (diubah di luar aplikasi)"
    ]
    result = printing.verify_pdf(db, pk)
    assert not result.matches and result.message.startswith("TIDAK COCOK: Salinan PK 2026 Dinas Kesehatan versi 1")


def test_signed_columns_stay_locked(db: Database, dinkes: str, signed: tuple[str, Path, Path]) -> None:
    agreement_id, _pk, _pact = signed
    with pytest.raises(AgreementLockedError), db.write() as s:
        s.get(PerformanceAgreement, agreement_id).snapshot = ""


def test_verify_tells_another_database_a_draft_printout_and_a_replaced_version(
    db: Database, dinkes: str, signed: tuple[str, Path, Path], tmp_path: Path, demo_db: Database
) -> None:
    agreement_id, pk, _pact = signed
    # A printout of another database (another regency row) with the same identity
    other = demo_db  # a different regency: its PK-2025-… are not here, and its source differs
    other_pk = printing.print_agreements(other, 2025, tmp_path / "lain", opd_codes=["Setda"])[0]
    result = printing.verify_pdf(db, other_pk)
    assert not result.matches and "dicetak dari basis data lain" in result.message
    # The replaced version: signed PK Perubahan replaces version 1
    amendment = agreements.create_amendment(db, agreement_id, "APBD Perubahan 2026", on=date(2026, 9, 20))
    draft_print = printing.print_agreement(db, amendment, tmp_path / "draf-v2.pdf")
    assert "COCOK dengan draf PK 2026 Dinas Kesehatan versi 2" in printing.verify_pdf(db, draft_print).message
    agreements.finalize(db, amendment)
    outcome = printing.verify_pdf(db, draft_print)
    assert not outcome.matches and "cetakan DRAF PK ini sebelum difinalkan" in outcome.message
    agreements.sign(db, amendment, date(2026, 9, 28))
    replaced = printing.verify_pdf(db, pk)
    assert replaced.matches
    assert replaced.message == (
        "COCOK dengan PK 2026 Dinas Kesehatan versi 1, ditandatangani 26 Januari 2026; versi ini telah diganti "
        "oleh PK Perubahan versi 2 yang ditandatangani 28 September 2026"
    )
    # The printout carries the database it came from and its date
    info = read_fingerprint(pk)
    assert info is not None and info["source"] and info["date"] == "2026-01-26"


def test_a_forged_printout_is_told_from_one_of_another_database(db: Database, dinkes: str, tmp_path: Path) -> None:
    agreement_id = _signed(db, dinkes)
    printed = printing.print_agreement(db, agreement_id, tmp_path / "pk.pdf")
    forged = tmp_path / "palsu.pdf"
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(printed))
    writer.add_metadata({"/KinerjaFingerprint": "0" * 64})  # the same file, its fingerprint edited
    with forged.open("wb") as handle:
        writer.write(handle)
    result = printing.verify_pdf(db, forged)
    assert not result.matches
    assert "isi berkas berbeda dari PK 2026 Dinas Kesehatan versi 1 yang tersimpan" in result.message


def test_the_pakta_of_a_new_head_is_a_second_version_with_its_own_file(
    db: Database, dinkes: str, tmp_path: Path
) -> None:
    from kinerja_desktop.db.models import Official, PositionHolder

    pacts.record_pact(db, dinkes, 2026, date(2026, 1, 26))
    with db.write() as s:
        head = s.scalars(select(PositionHolder)).one()
        head.end_date = date(2026, 6, 30)
        successor = Official(name="dr. Bayu Prasetyo, M.P.H.", nip="197806152005011002", rank="Pembina", grade="IV/a")
        s.add(PositionHolder(position_id=head.position_id, official=successor, position="Kepala Dinas Kesehatan",
                      start_date=date(2026, 7, 1)))
    pacts.record_pact(db, dinkes, 2026, date(2026, 7, 1))
    files = printing.print_pacts(db, 2026, tmp_path / "pakta")
    assert [f.name for f in files] == ["PAKTA-2026-DINKES.pdf", "PAKTA-2026-DINKES-2.pdf"]
    assert [read_fingerprint(f)["identity"] for f in files] == ["PI-2026-DINKES-v1", "PI-2026-DINKES-v2"]
    assert all(printing.verify_pdf(db, f).matches for f in files)
    assert "dr. Bayu Prasetyo" in printing.verify_pdf(db, files[1]).message
