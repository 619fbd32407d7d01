"""Bappeda's verification (issue 17 §2): every transition of a PK draft (each level) and of a quarterly report,
allowed and refused; the history; finalising only once verified; the waiting list's order and scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import AuditLog, IndicatorRealization, Opd, PerformanceAgreement
from kinerja_desktop.db.verification_models import Verification, VerificationEvent
from kinerja_desktop.domain.enums import AgreementStatus, OpdKind
from kinerja_desktop.domain.verification import VerificationAction, VerificationState
from kinerja_desktop.services import agreements, audit, evaluation, verification
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.evaluation_data import BudgetInput, QuarterReport, RealizationInput

D = Decimal
DRAFT, SUBMITTED, VERIFIED, RETURNED = (VerificationState.DRAFT, VerificationState.SUBMITTED,
                                        VerificationState.VERIFIED, VerificationState.RETURNED)


def _state(db: Database, agreement_id: str) -> VerificationState:
    return verification.agreement_status(db, agreement_id).state


def _events(db: Database) -> int:
    with db.read() as s:
        return len(s.scalars(select(VerificationEvent)).all())


# --- PK ------------------------------------------------------------------------------------------------


def test_a_pk_is_submitted_verified_finalised_and_signed_with_its_history(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    assert _state(db, agreement_id) is DRAFT
    agreements.submit(db, agreement_id)
    assert _state(db, agreement_id) is SUBMITTED
    verification.verify_agreement(db, agreement_id)
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    status = verification.agreement_status(db, agreement_id)
    assert status.verified and agreements.get_agreement(db, agreement_id).status is AgreementStatus.SIGNED
    assert [(e.action, e.state, e.user) for e in status.events] == [
        (VerificationAction.SUBMIT, SUBMITTED, audit.current_user()),
        (VerificationAction.VERIFY, VERIFIED, audit.current_user()),
    ]
    with db.read() as s:
        actions = [a.action for a in s.scalars(select(AuditLog).order_by(AuditLog.at))]
    assert actions.index("verification.submit") < actions.index("verification.verify") < actions.index(
        "agreement.finalize")


def test_verifying_or_returning_a_draft_never_submitted_is_refused_and_stores_nothing(
    db: Database, dinkes: str
) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    with pytest.raises(ValidationError, match="Belum diajukan"):
        verification.verify_agreement(db, agreement_id)
    with pytest.raises(ValidationError, match="Belum diajukan"):
        verification.return_agreement(db, agreement_id, "Target terlalu rendah")
    with db.read() as s:
        assert s.scalars(select(Verification)).all() == []
    assert _events(db) == 0


def test_returning_needs_a_note_the_note_shows_until_submitted_again_and_the_history_keeps_it(
    db: Database, dinkes: str
) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    agreements.submit(db, agreement_id)
    with pytest.raises(ValidationError, match="Catatan pengembalian wajib diisi") as refused:
        verification.return_agreement(db, agreement_id, "   ")
    assert "note" in refused.value.errors
    assert _state(db, agreement_id) is SUBMITTED and _events(db) == 1
    verification.return_agreement(db, agreement_id, "Target AKI belum sesuai Renstra")
    status = verification.agreement_status(db, agreement_id)
    assert (status.state, status.note) == (RETURNED, "Target AKI belum sesuai Renstra")
    # returned: editable again by the OPD, and it cannot be finalised or verified before it comes back
    detail = agreements.get_agreement(db, agreement_id)
    agreements.save_draft(db, replace(detail, notes="Target disesuaikan"))
    with pytest.raises(ValidationError, match="dikembalikan Bappeda"):
        agreements.finalize(db, agreement_id)
    with pytest.raises(ValidationError, match="tunggu diajukan lagi"):
        verification.verify_agreement(db, agreement_id)
    # submitted again (also allowed without a change): the note is no longer shown, the history keeps it
    agreements.submit(db, agreement_id)
    status = verification.agreement_status(db, agreement_id)
    assert (status.state, status.note) == (SUBMITTED, "")
    assert [(e.action, e.note) for e in status.events] == [
        (VerificationAction.SUBMIT, ""),
        (VerificationAction.RETURN, "Target AKI belum sesuai Renstra"),
        (VerificationAction.SUBMIT, ""),
    ]
    assert all(e.at is not None for e in status.events)


def test_a_submitted_pk_refuses_every_change_until_returned(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    agreements.submit(db, agreement_id)
    detail = agreements.get_agreement(db, agreement_id)
    with pytest.raises(ValidationError, match="menunggu verifikasi Bappeda"):
        agreements.save_draft(db, replace(detail, notes="diam-diam"))
    with pytest.raises(ValidationError, match="menunggu verifikasi Bappeda"):
        agreements.discard_draft(db, agreement_id)
    with pytest.raises(ValidationError, match="menunggu verifikasi Bappeda"):
        agreements.finalize(db, agreement_id)
    with pytest.raises(ValidationError, match="Sudah diajukan"):
        agreements.submit(db, agreement_id)
    assert agreements.get_agreement(db, agreement_id).notes == ""
    with pytest.raises(ValidationError, match="Sudah diverifikasi"):
        verification.verify_agreement(db, agreement_id) or verification.verify_agreement(db, agreement_id)


def test_a_verified_draft_changed_by_the_opd_goes_back_to_draf(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    agreements.submit(db, agreement_id)
    verification.verify_agreement(db, agreement_id)
    detail = agreements.get_agreement(db, agreement_id)
    agreements.save_draft(db, replace(detail, items=[replace(detail.items[0], target=D(70)), *detail.items[1:]]))
    assert _state(db, agreement_id) is DRAFT
    assert verification.agreement_status(db, agreement_id).events[-1].action is VerificationAction.RESET


def test_an_incomplete_pk_cannot_be_submitted(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    detail = agreements.get_agreement(db, agreement_id)
    agreements.save_draft(db, replace(detail, place=""))
    with pytest.raises(ValidationError, match="Tempat penandatanganan belum diisi"):
        agreements.submit(db, agreement_id)
    assert _state(db, agreement_id) is DRAFT and _events(db) == 0


def test_only_a_draft_takes_part_in_the_workflow(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    agreements.finalize(db, agreement_id)  # the regency does not require verification: as before
    with pytest.raises(ValidationError, match="berstatus Final: hanya draf"):
        agreements.submit(db, agreement_id)


def test_when_the_regency_requires_it_no_pk_is_final_before_verified(db: Database, dinkes: str) -> None:
    verification.set_verification_required(db, True)
    assert verification.verification_required(db)
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    with pytest.raises(ValidationError, match="harus diajukan dan diverifikasi"):
        agreements.finalize(db, agreement_id)
    assert agreements.get_agreement(db, agreement_id).status is AgreementStatus.DRAFT
    agreements.submit(db, agreement_id)
    verification.verify_agreement(db, agreement_id)
    agreements.finalize(db, agreement_id)
    assert agreements.get_agreement(db, agreement_id).status is AgreementStatus.FINAL


def test_the_workflow_holds_for_the_eselon_iii_and_iv_pks(db: Database, tree: dict[str, str]) -> None:
    verification.set_verification_required(db, True)
    for position in ("kabid", "kasi"):
        agreement_id = agreements.create_lower(db, tree[position], 2026)
        with pytest.raises(ValidationError, match="harus diajukan"):
            agreements.finalize(db, agreement_id)
        agreements.submit(db, agreement_id)
        verification.return_agreement(db, agreement_id, "Indikator belum selaras")
        agreements.submit(db, agreement_id)
        verification.verify_agreement(db, agreement_id)
        agreements.finalize(db, agreement_id)
        agreements.sign(db, agreement_id, date(2026, 1, 27))
        assert agreements.get_agreement(db, agreement_id).status is AgreementStatus.SIGNED


# --- quarterly report ----------------------------------------------------------------------------------


@pytest.fixture
def signed(db: Database, dinkes: str) -> dict[str, str]:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    detail = agreements.get_agreement(db, agreement_id)
    return {"opd": dinkes, "aki": detail.items[0].indicator_id, "coverage": detail.items[1].indicator_id,
            "program": detail.programs[0].program_id}


def _report(ids: dict[str, str], aki: str, coverage: str = "96") -> QuarterReport:
    return QuarterReport(
        opd_id=ids["opd"], year=2026, quarter=1,
        indicators=[RealizationInput(ids["aki"], D(aki), problems="Data terlambat", follow_up="Pendampingan"),
                    RealizationInput(ids["coverage"], D(coverage), problems="Data terlambat",
                                     follow_up="Pendampingan")],
        budgets=[BudgetInput(ids["program"], 100_000_000)],
    )


def _verified_rows(db: Database) -> list[bool]:
    with db.read() as s:
        return [r.verified for r in s.scalars(select(IndicatorRealization).order_by(IndicatorRealization.value))]


def test_a_quarterly_report_goes_through_submit_return_and_verify(db: Database, signed: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="belum diisi"):
        verification.submit_report(db, 2026, 1, signed["opd"])
    evaluation.save_quarter_report(db, _report(signed, "70"))
    with pytest.raises(ValidationError, match="Belum diajukan"):
        evaluation.verify_quarter(db, 2026, 1, signed["opd"])
    verification.submit_report(db, 2026, 1, signed["opd"])
    # editing a submitted report is refused until it is returned; nothing is stored
    with pytest.raises(ValidationError, match="menunggu verifikasi Bappeda"):
        evaluation.save_quarter_report(db, _report(signed, "75"))
    with db.read() as s:
        assert sorted(r.value for r in s.scalars(select(IndicatorRealization))) == [D(70), D(96)]
    with pytest.raises(ValidationError, match="Catatan pengembalian wajib diisi"):
        verification.return_report(db, 2026, 1, signed["opd"], "")
    verification.return_report(db, 2026, 1, signed["opd"], "Bukti dukung AKI belum dilampirkan")
    status = verification.report_status(db, 2026, 1, signed["opd"])
    assert (status.state, status.note) == (RETURNED, "Bukti dukung AKI belum dilampirkan")
    evaluation.save_quarter_report(db, _report(signed, "75"))  # returned: editable again
    verification.submit_report(db, 2026, 1, signed["opd"])
    assert verification.report_status(db, 2026, 1, signed["opd"]).note == ""
    assert evaluation.evaluate_opd(db, 2026, 1, signed["opd"]).provisional
    assert evaluation.verify_quarter(db, 2026, 1, signed["opd"]) == 2
    assert _verified_rows(db) == [True, True]
    assert not evaluation.evaluate_opd(db, 2026, 1, signed["opd"]).provisional
    assert [e.action for e in verification.report_status(db, 2026, 1, signed["opd"]).events] == [
        VerificationAction.SUBMIT, VerificationAction.RETURN, VerificationAction.SUBMIT, VerificationAction.VERIFY]


def test_a_verified_report_changed_is_sementara_again_and_a_returned_one_too(
    db: Database, signed: dict[str, str]
) -> None:
    evaluation.save_quarter_report(db, _report(signed, "70"))
    verification.submit_report(db, 2026, 1, signed["opd"])
    verification.verify_report(db, 2026, 1, signed["opd"])
    evaluation.save_quarter_report(db, _report(signed, "72"))
    assert verification.report_status(db, 2026, 1, signed["opd"]).state is DRAFT
    assert evaluation.evaluate_opd(db, 2026, 1, signed["opd"]).provisional
    verification.submit_report(db, 2026, 1, signed["opd"])
    verification.verify_report(db, 2026, 1, signed["opd"])
    verification.return_report(db, 2026, 1, signed["opd"], "Angka dikoreksi BPS")  # a verified one may come back
    assert _verified_rows(db) == [False, False]


def test_a_closed_quarter_takes_no_transition(db: Database, signed: dict[str, str]) -> None:
    evaluation.save_quarter_report(db, _report(signed, "70"))
    verification.submit_report(db, 2026, 1, signed["opd"])
    evaluation.close_quarter(db, 2026, 1)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        verification.verify_report(db, 2026, 1, signed["opd"])
    with pytest.raises(ValidationError, match="sudah ditutup"):
        verification.return_report(db, 2026, 1, signed["opd"], "Terlambat")


# --- the waiting list ----------------------------------------------------------------------------------


def _second_opd(db: Database) -> str:
    with db.write() as s:
        opd = Opd(code="1.01.0.00.0.00.01.0000", abbreviation="Disdik", name="Dinas Pendidikan",
                  kind=OpdKind.DINAS)
        s.add(opd)
        s.flush()
        return opd.id


def _submitted_at(db: Database, when: datetime, *where) -> None:  # noqa: ANN002
    with db.write() as s:
        s.execute(update(Verification).where(*where).values(submitted_at=when))


def test_the_waiting_list_groups_by_opd_oldest_first_and_follows_the_verifiers_opds(
    db: Database, signed: dict[str, str]
) -> None:
    disdik = _second_opd(db)
    amendment = agreements.create_amendment(db, _dinkes_pk(db), "APBD Perubahan 2026")
    evaluation.save_quarter_report(db, _report(signed, "70"))
    verification.submit_report(db, 2026, 1, signed["opd"])
    agreements.submit(db, amendment)
    with db.write() as s:  # Disdik's report (its data are beside the point here)
        s.add(Verification(kind="laporan", opd_id=disdik, year=2026, quarter=1, state=VerificationState.SUBMITTED,
                           note="", submitted_by="operator.disdik", decided_by=""))
    # GIVEN Dinkes' report waiting since 1 April, Disdik's since 2 April, Dinkes' PK Perubahan since 3 April
    _submitted_at(db, datetime(2026, 4, 1, 8), Verification.kind == "laporan", Verification.opd_id == signed["opd"])
    _submitted_at(db, datetime(2026, 4, 2, 8), Verification.opd_id == disdik)
    _submitted_at(db, datetime(2026, 4, 3, 8), Verification.agreement_id == amendment)
    rows = verification.waiting(db)
    assert [(r.opd_name, r.title) for r in rows] == [
        ("Dinas Kesehatan", "Laporan Triwulan I 2026"),
        ("Dinas Kesehatan", "PK 2026 Perubahan 1"),
        ("Dinas Pendidikan", "Laporan Triwulan I 2026"),
    ]
    verification.assign_verifier(db, "verifikator.pendidikan", [disdik])
    assert [r.opd_name for r in verification.waiting(db, "verifikator.pendidikan")] == ["Dinas Pendidikan"]
    assert len(verification.waiting(db, "verifikator.lain")) == 3  # no OPD assigned: sees everything
    verification.decide(db, rows[1], verify=False, note="Alasan perubahan belum jelas")
    assert [r.title for r in verification.waiting(db)] == ["Laporan Triwulan I 2026", "Laporan Triwulan I 2026"]


def _dinkes_pk(db: Database) -> str:
    with db.read() as s:
        return s.scalars(select(PerformanceAgreement.id).where(
            PerformanceAgreement.status == AgreementStatus.SIGNED)).one()


# --- the ranking PDF -----------------------------------------------------------------------------------


def test_the_ranking_pdf_labels_sementara_and_can_be_limited_to_verified_reports(demo_db: Database, tmp_path) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    from kinerja_desktop.services import printing

    best = evaluation.ranking(demo_db, 2025, 4).rows[0]
    verification.return_report(demo_db, 2025, 4, best.opd_id, "Bukti dukung belum lengkap")

    def text(request: printing.Request) -> str:
        folder = tmp_path / ("v" if request.verified_only else "all")
        folder.mkdir()
        [path] = printing.write(demo_db, request, folder)
        return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)

    everyone = text(printing.Request("ranking", 2025, 4))
    assert f"1 {best.opd_code} {best.opd_name}" in everyone
    assert "sementara (belum diverifikasi)" in everyone.split(best.opd_name)[1][:120]
    verified = text(printing.Request("ranking", 2025, 4, verified_only=True))
    assert "PERINGKAT KINERJA PERANGKAT DAERAH (LAPORAN TERVERIFIKASI)" in verified
    assert best.opd_code not in verified and "sementara (belum diverifikasi)" not in verified
