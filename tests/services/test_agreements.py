"""Perjanjian Kinerja lifecycle: create from Renstra, finalise, sign, the lock, PK Perubahan, versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.errors import AgreementLockedError
from kinerja_desktop.db.models import (
    AgreementItem,
    AgreementProgram,
    AuditLog,
    Indicator,
    IndicatorTarget,
    PerformanceAgreement,
    PositionHolder,
)
from kinerja_desktop.domain.enums import (
    ActingKind,
    AgreementStatus,
    Cumulation,
)
from kinerja_desktop.services import agreements
from kinerja_desktop.services.errors import ValidationError

D = Decimal


def _signed(db: Database, opd_id: str) -> str:
    agreement_id = agreements.create_from_renstra(db, opd_id, 2026)
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    return agreement_id


def test_draft_is_prefilled_from_renstra_with_signers_of_the_day(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    detail = agreements.get_agreement(db, agreement_id)
    assert detail.status is AgreementStatus.DRAFT
    assert [i.indicator_name for i in detail.items] == ["Angka Kematian Ibu", "Cakupan imunisasi dasar lengkap"]
    assert detail.items[1].target == D("95.5") and detail.items[1].quarters[3] == D("95.5")
    assert detail.total_budget == 16_845_678_000
    assert detail.first.name == "dr. Siti Rahmawati, M.Kes." and detail.first.rank == "Pembina Utama Muda (IV/c)"
    assert detail.second.position == "Bupati Sukamaju" and detail.second.nip is None
    assert detail.place == "Sukamaju" and detail.opd_name == "Dinas Kesehatan"
    rows = agreements.list_agreements(db, 2026)
    assert [(r.status_label, r.item_count, r.total_budget) for r in rows] == [("Draf", 2, 16_845_678_000)]


def test_second_draft_for_the_same_year_is_refused(db: Database, dinkes: str) -> None:
    agreements.create_from_renstra(db, dinkes, 2026)
    with pytest.raises(ValidationError, match="sudah memiliki Perjanjian Kinerja tahun 2026"):
        agreements.create_from_renstra(db, dinkes, 2026)


def test_finalise_refuses_incomplete_agreement_and_names_the_problems(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    detail = agreements.get_agreement(db, agreement_id)
    broken = replace(detail, items=[replace(detail.items[0], target=None)], place="")
    agreements.save_draft(db, broken)
    with pytest.raises(ValidationError) as info:
        agreements.finalize(db, agreement_id)
    message = str(info.value)
    assert "Target tahunan wajib diisi" in message and "Tempat penandatanganan" in message
    assert agreements.get_agreement(db, agreement_id).status is AgreementStatus.DRAFT


def test_summed_quarters_must_add_up_before_final(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    detail = agreements.get_agreement(db, agreement_id)
    item = replace(detail.items[1], cumulation=Cumulation.SUMMED, unit="orang", target=D(100),
                   quarters=(D(20), D(20), D(20), D(20)))
    agreements.save_draft(db, replace(detail, items=[item]))
    with pytest.raises(ValidationError, match="Jumlah target triwulan"):
        agreements.finalize(db, agreement_id)


def test_signing_locks_the_agreement_in_services(db: Database, dinkes: str) -> None:
    agreement_id = _signed(db, dinkes)
    detail = agreements.get_agreement(db, agreement_id)
    assert detail.status is AgreementStatus.SIGNED and detail.sign_date == date(2026, 1, 26)
    with pytest.raises(AgreementLockedError, match="ditandatangani dan dikunci"):
        agreements.save_draft(db, replace(detail, notes="ubah"))
    with pytest.raises(ValidationError):
        agreements.discard_draft(db, agreement_id)
    with pytest.raises(AgreementLockedError):
        agreements.reopen_draft(db, agreement_id)
    assert agreements.get_agreement(db, agreement_id) == detail


def test_lock_holds_when_services_are_bypassed(db: Database, dinkes: str) -> None:
    # GIVEN a signed agreement WHEN a script edits its rows through the ORM directly THEN every change is refused
    agreement_id = _signed(db, dinkes)
    attempts = [
        lambda s: setattr(s.get(PerformanceAgreement, agreement_id), "first_name", "Orang Lain"),
        lambda s: setattr(s.scalars(select(AgreementItem)).first(), "target", D(1)),
        lambda s: setattr(s.scalars(select(AgreementProgram)).first(), "budget", 1),
        lambda s: s.delete(s.scalars(select(AgreementItem)).first()),
        lambda s: s.delete(s.get(PerformanceAgreement, agreement_id)),
        lambda s: s.add(AgreementProgram(agreement=s.get(PerformanceAgreement, agreement_id), name="Baru", budget=5)),
        lambda s: setattr(s.get(PerformanceAgreement, agreement_id), "status", AgreementStatus.DRAFT),
    ]
    before = agreements.get_agreement(db, agreement_id)
    for attempt in attempts:
        with pytest.raises(AgreementLockedError):
            with db.write() as s:
                attempt(s)
    assert agreements.get_agreement(db, agreement_id) == before


def test_bulk_sql_update_cannot_reach_rows_through_the_session_guard_but_service_state_is_intact(
    db: Database, dinkes: str
) -> None:
    agreement_id = _signed(db, dinkes)
    with db.write() as s:  # unrelated rows of the same tables stay editable
        s.execute(update(Indicator).values(definition="Jumlah kematian ibu per 100.000 kelahiran hidup"))
    assert agreements.get_agreement(db, agreement_id).status is AgreementStatus.SIGNED


def test_amendment_replaces_the_signed_version_once_signed(db: Database, dinkes: str) -> None:
    original_id = _signed(db, dinkes)
    with pytest.raises(ValidationError, match="Alasan"):
        agreements.create_amendment(db, original_id, "  ")
    amendment_id = agreements.create_amendment(db, original_id, "APBD Perubahan 2026: anggaran program dikurangi")
    with pytest.raises(ValidationError, match="sedang disiapkan"):
        agreements.create_amendment(db, original_id, "lagi")
    detail = agreements.get_agreement(db, amendment_id)
    assert (detail.version_no, detail.replaces_id, detail.status) == (2, original_id, AgreementStatus.DRAFT)
    assert [p.code for p in detail.programs] == ["1.02.01", "1.02.02"]
    programs = [detail.programs[0], replace(detail.programs[1], budget=10_000_000_000)]
    items = [replace(detail.items[0], target=D(78), quarters=(D(88), D(85), D(82), D(78))), detail.items[1]]
    agreements.save_draft(db, replace(detail, programs=programs, items=items))
    agreements.finalize(db, amendment_id)
    agreements.sign(db, amendment_id, date(2026, 9, 15))
    history = agreements.version_history(db, amendment_id)
    assert [(v.version_no, v.status) for v in history] == [
        (1, AgreementStatus.SUPERSEDED),
        (2, AgreementStatus.SIGNED),
    ]
    changes = agreements.compare_versions(db, original_id, amendment_id)
    described = {(c.section, c.subject, c.before, c.after) for c in changes}
    assert ("Indikator", "Angka Kematian Ibu", "80 per 100.000 KH", "78 per 100.000 KH") in described
    assert ("Program", "Jumlah anggaran", "Rp 16.845.678.000", "Rp 14.500.000.000") in described
    row = agreements.list_agreements(db, 2026)[0]
    assert row.status_label == "Perubahan (Ditandatangani)" and row.version_count == 2
    with pytest.raises(AgreementLockedError):
        with db.write() as s:
            s.get(PerformanceAgreement, original_id).notes = "diubah"


def test_sign_requires_final_and_a_date_of_the_year(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    with pytest.raises(ValidationError, match="difinalkan"):
        agreements.sign(db, agreement_id, date(2026, 1, 26))
    agreements.finalize(db, agreement_id)
    with pytest.raises(ValidationError, match="tidak sesuai tahun"):
        agreements.sign(db, agreement_id, date(2030, 1, 2))
    agreements.reopen_draft(db, agreement_id)
    assert agreements.get_agreement(db, agreement_id).status is AgreementStatus.DRAFT


def test_stale_editor_cannot_overwrite_a_newer_save(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    window_a = agreements.get_agreement(db, agreement_id)
    window_b = agreements.get_agreement(db, agreement_id)
    agreements.save_draft(db, replace(window_a, notes="dari jendela A"))
    with pytest.raises(ValidationError, match="diubah di jendela atau komputer lain"):
        agreements.save_draft(db, replace(window_b, notes="dari jendela B"))
    assert agreements.get_agreement(db, agreement_id).notes == "dari jendela A"


def test_failed_save_leaves_the_database_as_it_was(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    before = agreements.get_agreement(db, agreement_id)
    bad_program = replace(before.programs[0], budget=-5)
    with pytest.raises(ValidationError, match="tidak boleh negatif"):
        agreements.save_draft(db, replace(before, notes="x", programs=[bad_program]))
    # A failure inside the transaction (a dangling indicator id) rolls everything back.
    dangling = replace(before.items[0], indicator_id="tidak-ada", id=None)
    with pytest.raises(Exception):  # noqa: B017 - the IntegrityError of the foreign key
        agreements.save_draft(db, replace(before, notes="y", items=[*before.items, dangling]))
    assert agreements.get_agreement(db, agreement_id) == before


def test_copy_from_last_year_takes_this_years_targets_and_budgets(db: Database, dinkes: str) -> None:
    with db.write() as s:
        for target in s.scalars(select(IndicatorTarget)).all():
            s.add(IndicatorTarget(indicator_id=target.indicator_id, year=2027, target=target.target + 1,
                                  q1=target.q1, q2=target.q2, q3=target.q3, q4=target.q4 + 1))
    signed_id = _signed(db, dinkes)
    copy_id = agreements.copy_from_previous_year(db, dinkes, 2027)
    copy = agreements.get_agreement(db, copy_id)
    assert copy.year == 2027 and copy.status is AgreementStatus.DRAFT
    assert [i.target for i in copy.items] == [D(81), D("96.5")]
    assert copy.total_budget == agreements.get_agreement(db, signed_id).total_budget  # no 2027 pagu yet
    with pytest.raises(ValidationError, match="tidak memiliki Perjanjian Kinerja tahun 2025"):
        agreements.copy_from_previous_year(db, dinkes, 2026)


def test_discarding_a_draft_deletes_it_and_is_audited(db: Database, dinkes: str) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    agreements.discard_draft(db, agreement_id)
    assert agreements.list_agreements(db, 2026)[0].status is None
    with db.read() as s:
        actions = s.scalars(select(AuditLog.action).order_by(AuditLog.at)).all()
    assert actions == ["agreement.create", "agreement.discard"]


def test_acting_head_prints_plt_prefix(db: Database, dinkes: str) -> None:
    with db.write() as s:
        head = s.scalars(select(PositionHolder)).one()
        head.acting = ActingKind.PLT
    detail = agreements.get_agreement(db, agreements.create_from_renstra(db, dinkes, 2026))
    assert detail.first.printed_position == "Plt. Kepala Dinas Kesehatan"


def test_pakta_integritas_is_recorded_for_the_head_of_the_day(db: Database, dinkes: str) -> None:
    from kinerja_desktop.services import pacts

    pact_id = pacts.record_pact(db, dinkes, 2026, date(2026, 1, 26))
    assert pacts.record_pact(db, dinkes, 2026, date(2026, 1, 27)) == pact_id  # same head, same year: updated
    row = pacts.pact_for(db, dinkes, 2026)
    assert row is not None
    assert (row.name, row.nip, row.rank) == ("dr. Siti Rahmawati, M.Kes.", "197305122000032004",
                                             "Pembina Utama Muda (IV/c)")
    assert row.institution == "Dinas Kesehatan Kabupaten Sukamaju" and row.sign_date == date(2026, 1, 27)
    with pytest.raises(ValidationError, match="tidak memiliki kepala"):
        pacts.record_pact(db, dinkes, 2023, date(2023, 1, 2))


def test_agreements_list_command_prints_each_opd(db: Database, dinkes: str, capsys) -> None:
    import csv
    import io
    import json

    from kinerja_desktop.cli import main

    _signed(db, dinkes)
    assert main(["agreements", "list", "--db", db.location, "--year", "2026"]) == 0
    table = capsys.readouterr().out
    assert "Dinas Kesehatan" in table and "Ditandatangani" in table and "Rp 16.845.678.000" in table
    assert main(["--db", db.location, "agreements", "list", "--year", "2026", "--format", "csv"]) == 0
    rows = [r for r in csv.DictReader(io.StringIO(capsys.readouterr().out)) if r["level"] == "opd"]
    assert rows[0]["status"] == "ditandatangani" and rows[0]["anggaran"] == "16845678000"
    assert main(["agreements", "list", "--db", db.location, "--year", "2027", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "belum_ada"
