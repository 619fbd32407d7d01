"""The set-up wizard's flow without Qt: pages in order, each page's checks, the Pj. branch, the summary."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.domain.enums import ActingKind, LeaderRole, OpdKind, PeriodKind, RegionKind
from kinerja_desktop.gui.setup_flow import DEPUTY, HEAD, SECRETARY, SetupFlow, Step, guess_opd_kind, suggested_period
from kinerja_desktop.services.opd import OpdForm


def _flow() -> SetupFlow:
    flow = SetupFlow(today=date(2026, 1, 5))
    flow.profile.kind, flow.profile.name, flow.profile.capital = RegionKind.KOTA, "Wanasari", "Wanasari"
    flow.leaders[HEAD].name, flow.leaders[HEAD].start_date = "H. Ahmad Fauzan", date(2025, 2, 20)
    return flow


def test_pages_follow_in_order_and_the_summary_is_last() -> None:
    flow = SetupFlow()
    steps = [Step.REGION]
    while (following := flow.next_step(steps[-1])) is not None:
        steps.append(following)
    assert steps == [Step.REGION, Step.LEADERS, Step.AGENCY, Step.PERIOD, Step.OPDS, Step.SUMMARY]


def test_a_new_flow_suggests_the_period_of_the_elections_and_bappeda() -> None:
    flow = SetupFlow(today=date(2026, 1, 5))
    assert (flow.period.start_year, flow.period.end_year, flow.period.kind) == (2025, 2029, PeriodKind.RPJMD)
    assert (flow.profile.agency_name, flow.profile.agency_short) == ("Badan Perencanaan Pembangunan Daerah", "Bappeda")
    assert [leader.role for leader in flow.leaders] == [LeaderRole.HEAD, LeaderRole.DEPUTY, LeaderRole.SECRETARY]
    assert suggested_period(date(2031, 6, 1)) == (2030, 2034)
    assert suggested_period(date(2029, 12, 31)) == (2025, 2029)


def test_each_page_checks_its_own_fields() -> None:
    flow = SetupFlow(today=date(2026, 1, 5))
    assert flow.validate(Step.REGION) == {
        "name": "Nama kabupaten/kota wajib diisi",
        "capital": "Tempat penandatanganan (ibu kota) wajib diisi",
    }
    assert flow.validate(Step.LEADERS) == {"leaders[0].name": "Bupati: nama wajib diisi (penanda tangan PK)"}
    flow.profile.kind = RegionKind.KOTA
    assert flow.validate(Step.LEADERS) == {"leaders[0].name": "Wali Kota: nama wajib diisi (penanda tangan PK)"}
    flow.profile.agency_short = ""
    assert flow.validate(Step.AGENCY) == {"agency_short": "Singkatan badan perencanaan wajib diisi (misalnya Bappeda)"}
    flow.period.end_year = 2027
    assert "end_year" in flow.validate(Step.PERIOD)
    flow.set_period_kind(PeriodKind.RPJMD)  # choosing RPJMD makes it five years again
    assert flow.validate(Step.PERIOD) == {} and flow.period.end_year == 2029
    assert flow.validate(Step.OPDS) == {} and flow.validate(Step.SUMMARY) == {}


def test_under_a_pj_head_the_wakil_is_neither_checked_nor_written() -> None:
    flow = _flow()
    flow.leaders[DEPUTY].name = "Wakil tanpa tanggal"  # would be refused: no start date
    assert "leaders[1].start_date" in flow.validate(Step.LEADERS)
    flow.leaders[HEAD].acting = ActingKind.PJ
    flow.leaders[HEAD].nip = "196811041994031007"
    assert not flow.deputy_applies
    assert flow.validate(Step.LEADERS) == {}
    assert [leader.role for leader in flow.data().leaders if not leader.is_empty] == [LeaderRole.HEAD]


def test_opds_are_checked_against_each_other_and_those_already_recorded() -> None:
    flow = _flow()
    flow.existing_codes = {"1.02.0.00.0.00.01.0000"}
    flow.opds = [
        OpdForm(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS),
        OpdForm(code="1.03.0.00.0.00.01.0000", abbreviation="DPUPR", name="Dinas PUPR", kind=None),
    ]
    assert flow.validate(Step.OPDS) == {
        "opds[0].code": "Baris 1: kode 1.02.0.00.0.00.01.0000 sudah dipakai perangkat daerah yang sudah tercatat",
        "opds[1].kind": "Baris 2: Pilih jenis perangkat daerah.",
    }


def test_a_refusal_is_routed_to_the_page_of_its_field() -> None:
    flow = SetupFlow()
    assert [flow.step_of(k) for k in ("region.name", "leaders[2].nip", "agency.agency_email", "period.end_year",
                                      "opds[3].code", "_form")] == [
        Step.REGION, Step.LEADERS, Step.AGENCY, Step.PERIOD, Step.OPDS, Step.SUMMARY
    ]


def test_the_summary_says_what_selesai_will_write() -> None:
    flow = _flow()
    flow.profile.province = "Jawa Tengah"
    flow.leaders[SECRETARY].name, flow.leaders[SECRETARY].acting = "Drs. Bambang", ActingKind.PJ
    flow.leaders[SECRETARY].start_date = date(2025, 6, 2)
    flow.opds = [OpdForm(code="1", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS)]
    assert flow.summary() == [
        ("Pemerintah daerah", "Kota Wanasari, Provinsi Jawa Tengah"),
        ("Tempat penandatanganan", "Wanasari"),
        ("Logo", "belum ada (dapat ditambahkan di Profil)"),
        ("Wali Kota", "H. Ahmad Fauzan (sejak 20 Februari 2025)"),
        ("Pj. Sekretaris Daerah", "Drs. Bambang (sejak 2 Juni 2025)"),
        ("Badan perencanaan", "Badan Perencanaan Pembangunan Daerah (Bappeda)"),
        ("Periode perencanaan", "RPJMD 2025–2029 — tahun anggaran 2025–2029"),
        ("Perangkat daerah", "1: Dinkes"),
    ]


def test_the_kind_of_an_opd_is_read_from_its_name() -> None:
    assert [guess_opd_kind(n) for n in ("Dinas Kesehatan", "Badan Kepegawaian Daerah", "Kecamatan Sukamaju",
                                        "Sekretariat DPRD", "RSUD Ki Ageng", "Satuan Polisi Pamong Praja",
                                        "Inspektorat Daerah", "Kantor Lain")] == [
        OpdKind.DINAS, OpdKind.BADAN, OpdKind.KECAMATAN, OpdKind.SEKRETARIAT, OpdKind.RSUD, OpdKind.SATPOL_PP,
        OpdKind.INSPEKTORAT, None,
    ]
