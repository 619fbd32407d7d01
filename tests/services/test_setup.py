"""Setting up an empty database: everything in one transaction, every problem named, refused when set up."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd, PlanningPeriod, Regency, RegionalLeader
from kinerja_desktop.domain.enums import ActingKind, LeaderRole, OpdKind, PeriodKind, RegionKind
from kinerja_desktop.services import agreements, overview, regency, setup
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.opd import HeadData, OpdForm, list_opds
from kinerja_desktop.services.periods import PeriodData
from kinerja_desktop.services.regency import RegencyProfile
from kinerja_desktop.services.setup import LeaderInput, SetupData


def _data() -> SetupData:
    return SetupData(
        profile=RegencyProfile(
            kind=RegionKind.KOTA,
            name="Wanasari",
            province="Jawa Tengah",
            capital="Wanasari",
            address="Jalan Merdeka Nomor 1",
            agency_name="Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
            agency_short="Bapperida",
            agency_address="Jalan Pemuda Nomor 3",
        ),
        period=PeriodData(2025, 2029),
        leaders=[
            LeaderInput(LeaderRole.HEAD, "H. Ahmad Fauzan, S.E., M.M.", start_date=date(2025, 2, 20),
                        end_date=date(2030, 2, 19)),
            LeaderInput(LeaderRole.DEPUTY, "Dra. Sri Wahyuni", start_date=date(2025, 2, 20)),
            LeaderInput(LeaderRole.SECRETARY, "Drs. Bambang Sutrisno, M.Si.", ActingKind.PJ, "196811041994031007",
                        "Pembina Utama Muda", "IV/c", date(2025, 6, 2)),
        ],
        opds=[
            OpdForm(code="5.01.0.00.0.00.01.0000", abbreviation="Bapperida", name="Badan Perencanaan Pembangunan, "
                    "Riset dan Inovasi Daerah", kind=OpdKind.BADAN,
                    head=HeadData("Ir. Dewi Lestari, M.T.", "197502142000032001", "Pembina Utama Muda", "IV/c",
                                  "Kepala Bapperida", start_date=date(2024, 3, 1))),
            OpdForm(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS),
        ],
    )


def test_set_up_writes_the_government_leaders_agency_period_and_opds(db: Database) -> None:
    assert not setup.is_set_up(db)
    result = setup.set_up(db, _data())
    assert result == setup.SetupResult("Kota Wanasari", "RPJMD 2025–2029", 3, 2)
    assert setup.is_set_up(db)
    profile = regency.get_profile(db)
    assert (profile.kind, profile.name, profile.capital, profile.is_sample) == (
        RegionKind.KOTA, "Wanasari", "Wanasari", False
    )
    assert (profile.agency_short, profile.agency_address) == ("Bapperida", "Jalan Pemuda Nomor 3")
    # the agency is linked to its OPD (same abbreviation): its head will sign the regency-wide reports
    bapperida = next(o for o in list_opds(db) if o.abbreviation == "Bapperida")
    assert profile.agency_opd_id == bapperida.id and bapperida.head_name == "Ir. Dewi Lestari, M.T."
    leaders = {l.role: l for l in regency.list_leaders(db)}  # noqa: E741
    assert leaders[LeaderRole.HEAD].position == "Wali Kota Wanasari" and leaders[LeaderRole.HEAD].nip is None
    assert leaders[LeaderRole.DEPUTY].position == "Wakil Wali Kota Wanasari"
    secretary = leaders[LeaderRole.SECRETARY]
    assert (secretary.position, secretary.acting, secretary.grade) == (
        "Sekretaris Daerah Kota Wanasari", ActingKind.PJ, "IV/c"
    )
    assert overview.fiscal_years(db) == [2025, 2026, 2027, 2028, 2029]
    # the Wali Kota signs PKs as pihak kedua from the day of inauguration
    assert [s.printed_position for s in agreements.leaders_on(db, date(2026, 1, 26))] == [
        "Wali Kota Wanasari", "Wakil Wali Kota Wanasari", "Pj. Sekretaris Daerah Kota Wanasari"
    ]


def test_a_database_already_set_up_is_refused_and_left_as_it_was(db: Database) -> None:
    setup.set_up(db, _data())
    other = _data()
    other.profile.name, other.opds = "Lain", []
    with pytest.raises(ValidationError) as caught:
        setup.set_up(db, other)
    assert caught.value.errors["_form"].startswith("Basis data ini sudah disiapkan untuk Kota Wanasari")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Regency)) == 1
        assert s.scalar(select(func.count()).select_from(PlanningPeriod)) == 1


def test_every_problem_is_named_at_once_and_nothing_is_written(db: Database) -> None:
    data = _data()
    data.profile.name, data.profile.capital, data.profile.agency_short = "", "", ""
    data.period = PeriodData(2025, 2026)
    data.leaders[0].nip = "197001011995031001"  # an elected Wali Kota has none
    data.leaders[2].nip = "1968"
    data.opds[1].abbreviation = "bapperida"
    with pytest.raises(ValidationError) as caught:
        setup.set_up(db, data)
    assert caught.value.errors == {
        "region.name": "Nama kabupaten/kota wajib diisi",
        "region.capital": "Tempat penandatanganan (ibu kota) wajib diisi",
        "agency.agency_short": "Singkatan badan perencanaan wajib diisi (misalnya Bappeda)",
        "period.end_year": "Periode RPJMD lima tahun (misalnya 2025–2029); untuk masa lain pilih jenis periode "
        "transisi (RPD)",
        "leaders[0].nip": "Wali Kota definitif dipilih dalam pilkada dan tidak memiliki NIP; kosongkan NIP",
        "leaders[2].nip": "Sekretaris Daerah: NIP harus terdiri dari 18 angka",
        "opds[1].abbreviation": "Baris 2: singkatan bapperida sudah dipakai baris 1",
    }
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Regency)) == 0
        assert s.scalar(select(func.count()).select_from(Opd)) == 0
        assert s.scalar(select(func.count()).select_from(RegionalLeader)) == 0


def test_opds_already_in_the_file_are_not_typed_twice(db: Database) -> None:
    with db.write() as s:
        s.add(Opd(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS))
    assert setup.recorded_opd_keys(db) == ({"1.02.0.00.0.00.01.0000"}, {"Dinkes"})
    with pytest.raises(ValidationError) as caught:
        setup.set_up(db, _data())
    assert caught.value.errors == {
        "opds[1].code": "Baris 2: kode 1.02.0.00.0.00.01.0000 sudah dipakai perangkat daerah yang sudah tercatat",
        "opds[1].abbreviation": "Baris 2: singkatan Dinkes sudah dipakai perangkat daerah yang sudah tercatat",
    }
    assert not setup.is_set_up(db)


def test_leader_rules_per_role_and_the_head_the_wizard_requires() -> None:
    leaders = [
        LeaderInput(LeaderRole.HEAD),
        LeaderInput(LeaderRole.DEPUTY, "Wakil", ActingKind.PLT, start_date=date(2025, 2, 20)),
        LeaderInput(LeaderRole.SECRETARY, "Sekda", start_date=date(2025, 6, 2), end_date=date(2025, 1, 1)),
    ]
    assert setup.leader_problems(leaders, RegionKind.KABUPATEN, require_head=True) == {
        "leaders[0].name": "Bupati: nama wajib diisi (penanda tangan PK)",
        "leaders[1].acting": "Wakil Bupati: status Pelaksana Tugas (Plt.) tidak berlaku untuk jabatan ini",
        "leaders[2].end_date": "Sekretaris Daerah: akhir masa jabatan tidak boleh sebelum awalnya",
    }
    pj = LeaderInput(LeaderRole.HEAD, "Dr. Pj. Bupati", ActingKind.PJ, "196811041994031007",
                     start_date=date(2024, 9, 23))
    assert setup.leader_problems([pj], RegionKind.KABUPATEN, require_head=True) == {}  # a Pj. is an ASN with NIP
    assert setup.leader_problems([LeaderInput(LeaderRole.HEAD, "X")], RegionKind.KOTA) == {
        "leaders[0].start_date": "Wali Kota: tanggal mulai menjabat wajib diisi"
    }


def test_a_transition_period_may_be_the_first(db: Database) -> None:
    data = _data()
    data.period = PeriodData(2025, 2026, PeriodKind.TRANSITION)
    assert setup.set_up(db, data).period_name == "RPD 2025–2026"
