"""Perangkat daerah service: validation, uniqueness, head history, former names, deactivation."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from kinerja_desktop.db.models import AuditLog, Official
from kinerja_desktop.domain.enums import ActingKind, OpdKind
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.opd import (
    HeadData,
    NipBelongsToAnother,
    OpdForm,
    former_names,
    get_opd,
    head_history,
    list_opds,
    save_opd,
    set_opd_active,
)

NIP_A = "197003121995031002"
NIP_B = "198105202006042001"


def dinkes(**changes: object) -> OpdForm:
    data = OpdForm(
        code="1.02.0.00.0.00.01.0000",
        abbreviation="Dinkes",
        name="Dinas Kesehatan",
        kind=OpdKind.DINAS,
        email="dinkes@sukamajukab.go.id",
        head=HeadData(
            name="dr. Bambang Sutrisno, M.Kes.",
            nip=NIP_A,
            rank="Pembina Utama Muda",
            grade="IV/c",
            position="Kepala Dinas Kesehatan",
            start_date=date(2024, 1, 2),
        ),
    )
    return replace(data, **changes)


def test_save_new_opd_lists_it_with_its_head(db):
    # WHEN an OPD is saved
    opd_id = save_opd(db, dinkes())
    # THEN it is listed with its current head, and the change is audited
    [row] = list_opds(db)
    assert (row.id, row.abbreviation, row.head_name, row.head_nip) == (
        opd_id,
        "Dinkes",
        "dr. Bambang Sutrisno, M.Kes.",
        NIP_A,
    )
    form = get_opd(db, opd_id)
    assert form.head.rank == "Pembina Utama Muda" and form.head.grade == "IV/c"
    with db.read() as s:
        entry = s.execute(select(AuditLog).where(AuditLog.entity_id == opd_id)).scalar_one()
        assert entry.action == "tambah" and entry.entity == "opd"


def test_required_fields_bad_nip_and_email_are_refused_in_indonesian(db):
    data = dinkes(code=" ", abbreviation="", name="", kind=None, email="dinkes@")
    data.head.nip = "1970"
    data.head.position = ""
    with pytest.raises(ValidationError) as info:
        save_opd(db, data)
    errors = info.value.errors
    assert errors["code"] == "Kode perangkat daerah wajib diisi."
    assert set(errors) == {"code", "abbreviation", "name", "kind", "email", "head_nip", "head_position"}
    assert errors["head_nip"] == "NIP harus terdiri dari 18 angka."
    assert list_opds(db, include_inactive=True) == []


def test_nip_with_impossible_birth_date_is_refused(db):
    data = dinkes()
    data.head.nip = "197013121995031002"  # month 13
    with pytest.raises(ValidationError) as info:
        save_opd(db, data)
    assert "tanggal lahir" in info.value.errors["head_nip"]


def test_duplicate_code_and_abbreviation_become_messages_not_integrity_errors(db):
    save_opd(db, dinkes())
    other = dinkes(name="Dinas Kesehatan Hewan", abbreviation="DINKES", head=HeadData())
    with pytest.raises(ValidationError) as info:
        save_opd(db, other)
    assert info.value.errors["code"] == "Kode 1.02.0.00.0.00.01.0000 sudah dipakai oleh Dinas Kesehatan."
    assert info.value.errors["abbreviation"] == "Singkatan DINKES sudah dipakai oleh Dinas Kesehatan."
    assert len(list_opds(db, include_inactive=True)) == 1


def test_opd_without_head_is_allowed(db):
    opd_id = save_opd(db, dinkes(head=HeadData()))
    assert head_history(db, opd_id) == []
    assert list_opds(db)[0].head_name == ""


def test_same_person_rank_change_updates_the_current_record(db):
    opd_id = save_opd(db, dinkes())
    form = get_opd(db, opd_id)
    form.head.rank, form.head.grade = "Pembina Utama Madya", "IV/d"
    form.head.position = "Kepala Dinas Kesehatan Kabupaten"
    save_opd(db, form)
    [period] = head_history(db, opd_id)
    assert period.rank == "Pembina Utama Madya (IV/d)"
    assert period.position == "Kepala Dinas Kesehatan Kabupaten"
    assert period.end_date is None


def test_new_head_closes_the_former_period_the_day_before(db):
    # GIVEN an OPD headed by A since 2 January 2024
    opd_id = save_opd(db, dinkes())
    # WHEN B becomes Plt. head on 1 July 2026
    form = get_opd(db, opd_id)
    form.head = HeadData(
        name="Sri Wahyuni, S.KM., M.Kes.",
        nip=NIP_B,
        rank="Pembina Tingkat I",
        grade="IV/b",
        position="Kepala Dinas Kesehatan",
        acting=ActingKind.PLT,
        start_date=date(2026, 7, 1),
    )
    save_opd(db, form)
    # THEN the history keeps A until 30 June 2026 and B from 1 July
    new, old = head_history(db, opd_id)
    assert (old.nip, old.start_date, old.end_date) == (NIP_A, date(2024, 1, 2), date(2026, 6, 30))
    assert (new.nip, new.start_date, new.end_date) == (NIP_B, date(2026, 7, 1), None)
    assert new.position == "Plt. Kepala Dinas Kesehatan"
    assert list_opds(db)[0].head_name == "Sri Wahyuni, S.KM., M.Kes."


def test_new_head_must_start_after_the_current_one(db):
    opd_id = save_opd(db, dinkes())
    form = get_opd(db, opd_id)
    form.head = replace(form.head, name="Sri Wahyuni", nip=NIP_B)  # start date left unchanged
    with pytest.raises(ValidationError) as info:
        save_opd(db, form)
    assert info.value.errors["head_start"].startswith("Kepala baru harus mulai menjabat sesudah 2 Januari 2024")
    assert len(head_history(db, opd_id)) == 1


def test_head_without_nip_is_matched_by_name(db):
    data = dinkes()
    data.head.nip = ""
    opd_id = save_opd(db, data)
    form = get_opd(db, opd_id)
    form.head.name = "dr.  Bambang Sutrisno,  M.Kes."  # same person, spacing differs
    form.head.nip = NIP_A  # NIP added later
    save_opd(db, form)
    [period] = head_history(db, opd_id)
    assert period.nip == NIP_A
    with db.read() as s:
        assert len(s.execute(select(Official)).scalars().all()) == 1


def test_corrected_nip_updates_the_same_person_but_not_to_another_officials_nip(db):
    # GIVEN Dinkes headed by A and DPUPR headed by B
    save_opd(db, dinkes())
    other = dinkes(code="1.03.0.00.0.00.01.0000", abbreviation="DPUPR", name="Dinas PUPR")
    other.head = replace(other.head, name="Ir. Joko Santoso", nip="198105202006041001")  # mistyped sex digit
    opd_id = save_opd(db, other)
    # WHEN B's mistyped NIP is corrected (same name) THEN the current record is updated
    form = get_opd(db, opd_id)
    form.head.nip = NIP_B
    save_opd(db, form)
    [period] = head_history(db, opd_id)
    assert period.nip == NIP_B and period.end_date is None
    # WHEN B's NIP is changed to A's THEN it is refused on the NIP field
    form = get_opd(db, opd_id)
    form.head.nip = NIP_A
    with pytest.raises(ValidationError) as info:
        save_opd(db, form)
    assert info.value.errors == {"head_nip": "NIP ini sudah tercatat untuk pegawai lain: dr. Bambang Sutrisno, M.Kes."}
    assert head_history(db, opd_id)[0].nip == NIP_B


def test_rename_keeps_the_former_name(db):
    opd_id = save_opd(db, dinkes())
    form = get_opd(db, opd_id)
    form.name = "Dinas Kesehatan dan Keluarga Berencana"
    form.renamed_on = date(2026, 3, 1)
    save_opd(db, form)
    assert former_names(db, opd_id) == [("Dinas Kesehatan", None, date(2026, 2, 28))]
    assert get_opd(db, opd_id).name == "Dinas Kesehatan dan Keluarga Berencana"
    with db.read() as s:
        entry = s.execute(select(AuditLog).where(AuditLog.action == "ubah")).scalar_one()
        assert json.loads(entry.detail)["nama"] == ["Dinas Kesehatan", "Dinas Kesehatan dan Keluarga Berencana"]


def test_saving_a_stale_form_is_refused(db):
    opd_id = save_opd(db, dinkes())
    first, second = get_opd(db, opd_id), get_opd(db, opd_id)
    first.phone = "(0294) 381234"
    save_opd(db, first)
    second.phone = "(0294) 999999"
    with pytest.raises(ValidationError) as info:
        save_opd(db, second)
    assert "diubah di jendela lain" in info.value.errors["_form"]
    assert get_opd(db, opd_id).phone == "(0294) 381234"


def test_deactivate_and_reactivate(db):
    opd_id = save_opd(db, dinkes())
    set_opd_active(db, opd_id, False)
    assert list_opds(db) == []
    [row] = list_opds(db, include_inactive=True)
    assert row.is_active is False
    set_opd_active(db, opd_id, True)
    assert [r.id for r in list_opds(db)] == [opd_id]
    with db.read() as s:
        actions = [a.action for a in s.execute(select(AuditLog).order_by(AuditLog.at)).scalars()]
    assert actions == ["tambah", "nonaktifkan", "aktifkan"]


# --- a NIP that belongs to someone else (issue 14, point 1) -------------------------------------------------


def dpupr_headed_by(name: str, nip: str) -> OpdForm:
    data = dinkes(code="1.03.0.00.0.00.01.0000", abbreviation="DPUPR", name="Dinas PUPR")
    data.head = replace(data.head, name=name, nip=nip, position="Kepala Dinas PUPR", start_date=date(2025, 3, 1))
    return data


def test_a_new_opd_with_another_heads_nip_is_refused_and_renames_nobody(db):
    # GIVEN Dinkes headed by dr. Bambang (NIP A)
    dinkes_id = save_opd(db, dinkes())
    # WHEN DPUPR is added with NIP A under another name
    with pytest.raises(NipBelongsToAnother) as info:
        save_opd(db, dpupr_headed_by("Ir. Joko Santoso", NIP_A))
    # THEN it is refused on the NIP field, naming the holder and the OPD he heads; nothing is stored
    refusal = info.value
    assert refusal.errors == {
        "head_nip": "NIP 19700312 199503 1 002 sudah tercatat atas nama dr. Bambang Sutrisno, M.Kes. "
        "(kepala Dinas Kesehatan). Periksa NIP, atau pastikan bahwa kepala ini orang yang sama."
    }
    assert (refusal.holder_name, refusal.heads_of) == ("dr. Bambang Sutrisno, M.Kes.", ["Dinas Kesehatan"])
    assert [r.abbreviation for r in list_opds(db)] == ["Dinkes"]
    assert get_opd(db, dinkes_id).head.name == "dr. Bambang Sutrisno, M.Kes."
    with db.read() as s:
        assert [o.name for o in s.execute(select(Official)).scalars()] == ["dr. Bambang Sutrisno, M.Kes."]


def test_a_confirmed_same_person_is_linked_as_recorded(db):
    # GIVEN Dinkes headed by dr. Bambang; DPUPR typed with his NIP, another spelling and no rank
    dinkes_id = save_opd(db, dinkes())
    data = dpupr_headed_by("Bambang S.", NIP_A)
    data.head = replace(data.head, rank="", grade="")
    with pytest.raises(NipBelongsToAnother) as info:
        save_opd(db, data)
    # WHEN the user confirms that he is the same person
    data.head.same_person_as = info.value.holder_id
    dpupr_id = save_opd(db, data)
    # THEN DPUPR is headed by the recorded person, whose name and rank stay as they were in Dinkes too
    for opd_id in (dinkes_id, dpupr_id):
        head = get_opd(db, opd_id).head
        assert (head.name, head.nip, head.rank, head.grade) == (
            "dr. Bambang Sutrisno, M.Kes.", NIP_A, "Pembina Utama Muda", "IV/c")
    with db.read() as s:
        assert len(s.execute(select(Official)).scalars().all()) == 1


def test_a_confirmation_for_another_person_does_not_count(db):
    save_opd(db, dinkes())
    data = dpupr_headed_by("Ir. Joko Santoso", NIP_A)
    data.head.same_person_as = "some-other-official"
    with pytest.raises(NipBelongsToAnother):
        save_opd(db, data)


def test_a_new_head_with_another_heads_nip_is_refused_on_edit(db):
    # GIVEN Dinkes (dr. Bambang, NIP A) and DPUPR (Ir. Joko, NIP B)
    dinkes_id = save_opd(db, dinkes())
    dpupr_id = save_opd(db, dpupr_headed_by("Ir. Joko Santoso", NIP_B))
    # WHEN DPUPR gets a new head typed with NIP A and another name
    form = get_opd(db, dpupr_id)
    form.head = replace(form.head, name="Sri Wahyuni, S.T.", nip=NIP_A, start_date=date(2026, 1, 5))
    with pytest.raises(NipBelongsToAnother):
        save_opd(db, form)
    # THEN neither head changed
    assert get_opd(db, dinkes_id).head.name == "dr. Bambang Sutrisno, M.Kes."
    assert [h.name for h in head_history(db, dpupr_id)] == ["Ir. Joko Santoso"]


def test_the_same_name_with_the_same_nip_is_one_person_heading_two_opds(db):
    # A head who is also Plt. of another OPD: same NIP, same name: linked without a question
    save_opd(db, dinkes())
    data = dpupr_headed_by("dr. Bambang Sutrisno, M.Kes.", NIP_A)
    data.head.acting = ActingKind.PLT
    dpupr_id = save_opd(db, data)
    assert get_opd(db, dpupr_id).head.acting is ActingKind.PLT
    with db.read() as s:
        assert len(s.execute(select(Official)).scalars().all()) == 1
