"""Positions inside an OPD: the structure under the head, holders with history, the head as one truth."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kinerja_desktop.db.models import AuditLog, Position, PositionHolder
from kinerja_desktop.domain.enums import ActingKind, OpdKind, PositionLevel
from kinerja_desktop.services import positions
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.opd import HeadData, OpdForm, get_opd, head_history, list_opds, save_opd
from kinerja_desktop.services.positions import PositionForm

NIP_HEAD = "197003121995031002"
NIP_SEK = "197512102000032003"
NIP_KASUBAG = "198306152008011004"
NIP_PLT = "198001012005011005"


@pytest.fixture
def dinkes(db) -> str:  # noqa: ANN001
    return save_opd(db, OpdForm(
        code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS,
        head=HeadData(name="dr. Bambang Sutrisno, M.Kes.", nip=NIP_HEAD, position="Kepala Dinas Kesehatan",
                      start_date=date(2024, 1, 2)),
    ))


def _structure(db, opd_id: str) -> list[tuple]:  # noqa: ANN001
    return [(r.depth, r.name, r.level, r.holder_name, r.holder_position) for r in positions.list_positions(db, opd_id)]


def _refused(call, field: str, text: str) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as info:
        call()
    assert field in info.value.errors and text in info.value.errors[field], info.value.errors


def test_a_structure_under_the_head_with_holders(db, dinkes: str) -> None:
    # GIVEN an OPD saved with its head: its head position is there, held by the head
    assert _structure(db, dinkes) == [
        (0, "Kepala Dinas Kesehatan", PositionLevel.HEAD, "dr. Bambang Sutrisno, M.Kes.", "Kepala Dinas Kesehatan")
    ]
    # WHEN a Sekretaris (under the head by default), a Kasubag under him and a Kabid are added and filled
    sek = positions.save_position(db, PositionForm(dinkes, "Sekretaris", PositionLevel.ESELON_III))
    kabid = positions.save_position(db, PositionForm(dinkes, "Kepala Bidang Kesehatan Masyarakat",
                                                     PositionLevel.ESELON_III))
    kasubag = positions.save_position(db, PositionForm(dinkes, "Kepala Sub Bagian Umum dan Kepegawaian",
                                                       PositionLevel.ESELON_IV, parent_id=sek))
    positions.appoint(db, sek, HeadData(name="Hj. Nurlaela, S.K.M., M.M.", nip=NIP_SEK, start_date=date(2024, 3, 1)))
    positions.appoint(db, kasubag, HeadData(name="Andi Saputra, S.E.", nip=NIP_KASUBAG, start_date=date(2024, 3, 1)))
    # THEN the structure is listed as a tree (depth first), each with its holder; the Kabid is vacant
    assert _structure(db, dinkes) == [
        (0, "Kepala Dinas Kesehatan", PositionLevel.HEAD, "dr. Bambang Sutrisno, M.Kes.", "Kepala Dinas Kesehatan"),
        (1, "Sekretaris", PositionLevel.ESELON_III, "Hj. Nurlaela, S.K.M., M.M.", "Sekretaris"),
        (2, "Kepala Sub Bagian Umum dan Kepegawaian", PositionLevel.ESELON_IV, "Andi Saputra, S.E.",
         "Kepala Sub Bagian Umum dan Kepegawaian"),
        (1, "Kepala Bidang Kesehatan Masyarakat", PositionLevel.ESELON_III, "", ""),
    ]
    assert [r.parent_id for r in positions.list_positions(db, dinkes)][2] == sek
    assert kabid
    with db.read() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.entity == "position")).all()
    assert sorted(actions) == ["jabatan.pemegang"] * 2 + ["jabatan.tambah"] * 3


def test_holders_have_a_history_definitive_then_plt(db, dinkes: str) -> None:
    sek = positions.save_position(db, PositionForm(dinkes, "Sekretaris", PositionLevel.ESELON_III))
    positions.appoint(db, sek, HeadData(name="Hj. Nurlaela, S.K.M., M.M.", nip=NIP_SEK, start_date=date(2024, 3, 1)))
    # WHEN another official becomes Plt. from 1 July 2025
    positions.appoint(db, sek, HeadData(name="Drs. Yusuf Hamdani", nip=NIP_PLT, acting=ActingKind.PLT,
                                        start_date=date(2025, 7, 1)))
    # THEN the first holding ends the day before, the Plt. is current and printed with the prefix
    history = positions.holder_history(db, sek)
    assert [(h.name, h.position, h.start_date, h.end_date) for h in history] == [
        ("Drs. Yusuf Hamdani", "Plt. Sekretaris", date(2025, 7, 1), None),
        ("Hj. Nurlaela, S.K.M., M.M.", "Sekretaris", date(2024, 3, 1), date(2025, 6, 30)),
    ]
    assert _structure(db, dinkes)[1][3:] == ("Drs. Yusuf Hamdani", "Plt. Sekretaris")
    # AND a holder starting before the current one is refused in Indonesian, nothing stored
    _refused(lambda: positions.appoint(db, sek, HeadData(name="Rina Wati", start_date=date(2025, 1, 1))),
             "head_start", "Pejabat baru harus mulai menjabat sesudah 1 Juli 2025")
    assert len(positions.holder_history(db, sek)) == 2


def test_the_opd_head_is_the_holder_of_the_head_position(db, dinkes: str) -> None:
    # WHEN the head position gets a new holder through the positions
    [head] = positions.list_positions(db, dinkes)
    positions.appoint(db, head.id, HeadData(name="dr. Ratna Dewi, M.Kes.", nip=NIP_PLT, acting=ActingKind.PLT,
                                            position="Kepala Dinas Kesehatan", start_date=date(2025, 2, 1)))
    # THEN the OPD's head (its form, list and history) is that holder: one truth, not two
    assert get_opd(db, dinkes).head.name == "dr. Ratna Dewi, M.Kes."
    assert list_opds(db)[0].head_position == "Plt. Kepala Dinas Kesehatan"
    assert [(h.name, h.end_date) for h in head_history(db, dinkes)] == [
        ("dr. Ratna Dewi, M.Kes.", None), ("dr. Bambang Sutrisno, M.Kes.", date(2025, 1, 31))]
    with db.read() as s:
        assert s.scalar(select(Position.id).where(Position.level == PositionLevel.HEAD)) == head.id
        assert len(s.scalars(select(PositionHolder)).all()) == 2


def test_a_superior_must_fit_the_level(db, dinkes: str) -> None:
    sek = positions.save_position(db, PositionForm(dinkes, "Sekretaris", PositionLevel.ESELON_III))
    kasubag = positions.save_position(db, PositionForm(dinkes, "Kepala Sub Bagian Keuangan", PositionLevel.ESELON_IV,
                                                       parent_id=sek))
    _refused(lambda: positions.save_position(db, PositionForm(dinkes, "Kepala Bidang P2P", PositionLevel.ESELON_III,
                                                              parent_id=kasubag)),
             "parent_id", "Atasan langsung jabatan eselon iii (administrator) harus jabatan kepala")
    _refused(lambda: positions.save_position(db, PositionForm(dinkes, "Kepala Dinas", PositionLevel.HEAD)),
             "level", "diisi pada data perangkat daerah")
    _refused(lambda: positions.save_position(db, PositionForm(dinkes, "  ", PositionLevel.STAFF)),
             "name", "Nama jabatan wajib diisi")
    _refused(lambda: positions.save_position(db, PositionForm(dinkes, "sekretaris", PositionLevel.ESELON_III)),
             "name", "Jabatan Sekretaris sudah ada di Dinas Kesehatan")
    # a staff post under the Kasubag; the Sekretaris cannot be moved under his own subordinate's subordinate
    staff = positions.save_position(db, PositionForm(dinkes, "Analis Keuangan", PositionLevel.STAFF,
                                                     parent_id=kasubag))
    assert staff
    _refused(lambda: positions.save_position(db, PositionForm(dinkes, "Sekretaris", PositionLevel.STAFF,
                                                              parent_id=kasubag, id=sek)),
             "parent_id", "tidak boleh bawahan jabatan ini sendiri")
    assert [r.name for r in positions.list_positions(db, dinkes)] == [
        "Kepala Dinas Kesehatan", "Sekretaris", "Kepala Sub Bagian Keuangan", "Analis Keuangan"]


def test_a_superior_with_active_subordinates_stays_active(db, dinkes: str) -> None:
    sek = positions.save_position(db, PositionForm(dinkes, "Sekretaris", PositionLevel.ESELON_III))
    kasubag = positions.save_position(db, PositionForm(dinkes, "Kepala Sub Bagian Keuangan", PositionLevel.ESELON_IV,
                                                       parent_id=sek))
    with pytest.raises(ValidationError, match="masih menjadi atasan"):
        positions.set_position_active(db, sek, False)
    positions.set_position_active(db, kasubag, False)
    positions.set_position_active(db, sek, False)
    assert [r.name for r in positions.list_positions(db, dinkes)] == ["Kepala Dinas Kesehatan"]
    assert len(positions.list_positions(db, dinkes, include_inactive=True)) == 3
