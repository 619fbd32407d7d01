"""The right signers on the signing date, a stale draft refreshed, and the regional head's own PK."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import (
    Goal,
    Indicator,
    IndicatorTarget,
    Official,
    PlanningPeriod,
    PositionHolder,
    ProgramBudget,
    RegionalLeader,
)
from kinerja_desktop.domain.enums import ActingKind, AgreementKind, AgreementStatus, GoalKind, GoalLevel, LeaderRole
from kinerja_desktop.services import agreements, opd, printing
from kinerja_desktop.services.agreement_signers import SignersOutOfDate
from kinerja_desktop.services.errors import ValidationError

PJ = "Dr. H. Budi Santoso, M.Si."
BUPATI = "H. Ahmad Fauzan, S.E., M.M."


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture
def regency_2025(db: Database, dinkes: str) -> str:
    """Dinas Kesehatan with 2025 targets and pagu, a Pj. Bupati until 19 February 2025, and an RPJMD."""
    with db.write() as s:
        s.add(RegionalLeader(role=LeaderRole.HEAD, acting=ActingKind.PJ, name=PJ, position="Bupati Sukamaju",
                             nip="197501012000121001", rank="Pembina Utama Muda", grade="IV/c",
                             start_date=date(2024, 9, 23), end_date=date(2025, 2, 19)))
        for target in s.scalars(select(IndicatorTarget)).all():
            s.add(IndicatorTarget(indicator_id=target.indicator_id, year=2025, target=target.target + 1,
                                  q1=target.q1, q2=target.q2, q3=target.q3, q4=target.q4 + 1))
        for budget in s.scalars(select(ProgramBudget)).all():
            s.add(ProgramBudget(program_id=budget.program_id, year=2025, pagu=budget.pagu - 1_000_000))
        period = s.scalars(select(PlanningPeriod)).one()
        goal = Goal(period_id=period.id, level=GoalLevel.REGIONAL, kind=GoalKind.TARGET, code="S1",
                    statement="Meningkatnya kualitas sumber daya manusia")
        ipm = Indicator(name="Indeks Pembangunan Manusia", unit="nilai", sort_order=1)
        ipm.targets += [IndicatorTarget(year=2025, target=Decimal("72.85")),
                        IndicatorTarget(year=2026, target=Decimal("73.40"))]
        opini = Indicator(name="Opini BPK atas LKPD", unit="opini", sort_order=2, qualitative_scale="opini_bpk")
        opini.targets += [IndicatorTarget(year=y, target_grade="WTP") for y in (2025, 2026)]
        spip = Indicator(name="Level maturitas SPIP", unit="level", sort_order=3)
        spip.targets += [IndicatorTarget(year=2025, target=Decimal(3)), IndicatorTarget(year=2026, target=Decimal(4))]
        goal.indicators += [ipm, opini, spip]
        s.add(goal)
    return dinkes


def _signed_2025(db: Database, opd_id: str) -> str:
    agreement_id = agreements.create_from_renstra(db, opd_id, 2025, on=date(2025, 1, 27))
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2025, 1, 27))
    return agreement_id


def test_a_pk_perubahan_signed_in_october_names_the_bupati_in_office_not_the_pj(
    db: Database, regency_2025: str, tmp_path: Path
) -> None:
    # GIVEN the PK 2025 signed in January by the Pj. Bupati
    original = _signed_2025(db, regency_2025)
    assert agreements.get_agreement(db, original).second.name == PJ
    # WHEN a PK Perubahan is drawn up in October
    amendment = agreements.create_amendment(db, original, "APBD Perubahan 2025", on=date(2025, 10, 1))
    # THEN it names the elected Bupati, in office that day
    detail = agreements.get_agreement(db, amendment)
    assert (detail.second.name, detail.second.acting, detail.second.nip) == (BUPATI, ActingKind.DEFINITIVE, None)
    agreements.finalize(db, amendment)
    agreements.sign(db, amendment, date(2025, 10, 15))
    text = _text(printing.print_agreement(db, amendment, tmp_path / "perubahan.pdf"))
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025" in text and BUPATI in text and PJ not in text
    assert "Pj. BUPATI" not in text and "BUPATI SUKAMAJU," in text


def test_signing_refuses_signers_out_of_office_and_offers_who_is(db: Database, regency_2025: str) -> None:
    # GIVEN a final PK 2025 naming the Pj. Bupati (drawn up in January)
    agreement_id = agreements.create_from_renstra(db, regency_2025, 2025, on=date(2025, 1, 10))
    agreements.finalize(db, agreement_id)
    # WHEN it is signed on 1 March, after the Pj.'s term ended
    with pytest.raises(SignersOutOfDate) as refused:
        agreements.sign(db, agreement_id, date(2025, 3, 1))
    # THEN the refusal says who is in office that day, and nothing is signed
    error = refused.value
    assert error.can_update and [d.subject for d in error.differences] == ["Pihak kedua"]
    assert str(error) == (
        "Penanda tangan PK tidak sesuai dengan yang menjabat pada 1 Maret 2025: Pihak kedua: di PK "
        f"“{PJ}, Pj. Bupati Sukamaju”, pada tanggal itu “{BUPATI}, Bupati Sukamaju”"
    )
    assert agreements.get_agreement(db, agreement_id).status is AgreementStatus.FINAL
    # AND taking the records' signers signs it with the Bupati of the day
    agreements.sign(db, agreement_id, date(2025, 3, 1), update_signers=True)
    detail = agreements.get_agreement(db, agreement_id)
    assert detail.status is AgreementStatus.SIGNED and detail.second.name == BUPATI


def test_finalising_checks_the_planned_date(db: Database, regency_2025: str) -> None:
    agreement_id = agreements.create_from_renstra(db, regency_2025, 2025, on=date(2025, 1, 10))
    detail = agreements.get_agreement(db, agreement_id)
    from dataclasses import replace

    agreements.save_draft(db, replace(detail, sign_date=date(2025, 2, 25)))
    with pytest.raises(SignersOutOfDate, match="25 Februari 2025"):
        agreements.finalize(db, agreement_id)
    agreements.finalize(db, agreement_id, update_signers=True)
    assert agreements.get_agreement(db, agreement_id).second.name == BUPATI


def test_a_stale_draft_shows_the_difference_and_is_refreshed(db: Database, regency_2025: str) -> None:
    # GIVEN a draft for 2026 made in January, then the OPD renamed and given a new head
    agreement_id = agreements.create_from_renstra(db, regency_2025, 2026)
    assert agreements.draft_differences(db, agreement_id) == []
    form = opd.get_opd(db, regency_2025)
    form.name, form.renamed_on = "Dinas Kesehatan dan Keluarga Berencana", date(2025, 12, 1)
    opd.save_opd(db, form)
    with db.write() as s:
        head = s.scalars(select(PositionHolder)).one()
        head.end_date = date(2025, 12, 31)
        s.add(PositionHolder(position_id=head.position_id, position="Kepala Dinas Kesehatan dan Keluarga Berencana",
                      acting=ActingKind.PLT, start_date=date(2026, 1, 1),
                      official=Official(name="Ir. Joko Widodo, M.T.", nip="197001012000031003")))
    # THEN the draft says what differs on its date …
    found = agreements.draft_differences(db, agreement_id)
    assert [(d.subject, d.on_document, d.in_records) for d in found] == [
        ("Nama perangkat daerah", "Dinas Kesehatan", "Dinas Kesehatan dan Keluarga Berencana"),
        ("Pihak pertama", "dr. Siti Rahmawati, M.Kes., Kepala Dinas Kesehatan",
         "Ir. Joko Widodo, M.T., Plt. Kepala Dinas Kesehatan dan Keluarga Berencana"),
    ]
    # … and refreshing takes them over
    detail = agreements.get_agreement(db, agreement_id)
    version = agreements.refresh_draft(db, agreement_id, detail.version)
    detail = agreements.get_agreement(db, agreement_id)
    assert detail.version == version and detail.opd_name == "Dinas Kesehatan dan Keluarga Berencana"
    assert (detail.first.name, detail.first.printed_position) == (
        "Ir. Joko Widodo, M.T.", "Plt. Kepala Dinas Kesehatan dan Keluarga Berencana")
    assert agreements.draft_differences(db, agreement_id) == []
    # A stale version number is refused as by any save
    with pytest.raises(ValidationError, match="telah diubah"):
        agreements.refresh_draft(db, agreement_id, version - 1)


def test_the_regional_pk_from_the_rpjmd_signed_amended_printed_listed_and_verified(
    db: Database, regency_2025: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Created from the RPJMD, signed by the Pj. Bupati in January
    regional = agreements.create_regional(db, 2025, on=date(2025, 1, 20))
    detail = agreements.get_agreement(db, regional)
    assert detail.level is AgreementKind.REGIONAL and detail.opd_id is None
    assert [i.indicator_name for i in detail.items] == [
        "Indeks Pembangunan Manusia", "Opini BPK atas LKPD", "Level maturitas SPIP"]
    assert (detail.first.name, detail.first.printed_position) == (PJ, "Pj. Bupati Sukamaju")
    assert agreements.completeness_problems(detail) == []  # no program and no second party needed
    with pytest.raises(ValidationError, match="sudah ada"):
        agreements.create_regional(db, 2025)
    agreements.finalize(db, regional)
    agreements.sign(db, regional, date(2025, 1, 20))
    # Listed beside the OPDs' PKs as level "daerah"
    rows = agreements.list_agreements(db, 2025, levels=agreements.LEVELS)
    assert [(r.level, r.opd_name, r.status) for r in rows] == [
        (AgreementKind.REGIONAL, "Kabupaten Sukamaju", AgreementStatus.SIGNED),
        (AgreementKind.OPD, "Dinas Kesehatan", None),
    ]
    assert [r.level for r in agreements.list_agreements(db, 2025)] == [AgreementKind.OPD]  # OPDs unless asked
    assert main(["agreements", "list", "--db", db.location, "--year", "2025", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["level"], r["status"]) for r in listed] == [("daerah", "ditandatangani"), ("opd", "belum_ada")]
    # Amended in October under the elected Bupati
    amendment = agreements.create_amendment(db, regional, "penyesuaian target RPJMD", on=date(2025, 10, 1))
    assert agreements.get_agreement(db, amendment).first.name == BUPATI
    agreements.finalize(db, amendment)
    agreements.sign(db, amendment, date(2025, 10, 15))
    assert [v.status for v in agreements.version_history(db, amendment)] == [
        AgreementStatus.SUPERSEDED, AgreementStatus.SIGNED]
    # Printed from the command line, one signer on the right, in the first person singular
    out = tmp_path / "pk-daerah"
    assert main(["print", "pk", "--db", db.location, "--year", "2025", "--regional", "--out", str(out)]) == 0
    path = out / "PK-2025-DAERAH-perubahan-1.pdf"
    text = _text(path)
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025" in text
    assert "saya yang bertanda tangan di bawah ini" in text and "tanggung jawab saya" in text
    assert "PIHAK PERTAMA" not in text and "PIHAK KEDUA" not in text
    assert "72,85" in text and "WTP" in text and "Level 3" in text and "3 level" not in text
    assert "BUPATI SUKAMAJU," in text and BUPATI in text
    # Verified
    capsys.readouterr()
    assert main(["verify", str(path), "--db", db.location]) == 0
    assert capsys.readouterr().out.strip() == (
        "COCOK: berkas sesuai dengan PK kepala daerah 2025 Kabupaten Sukamaju versi 2, "
        "ditandatangani 15 Oktober 2025"
    )
    # The OPDs' PKs print apart from it
    with pytest.raises(ValidationError, match="Tidak ada Perjanjian Kinerja tahun 2025"):
        printing.print_agreements(db, 2025, tmp_path / "opd")


def test_regional_pk_needs_an_rpjmd_with_targets(db: Database, dinkes: str) -> None:
    with pytest.raises(ValidationError, match="RPJMD belum memiliki sasaran dengan indikator dan target tahun 2031"):
        agreements.create_regional(db, 2031)
