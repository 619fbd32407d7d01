"""``agreements create|finalize|sign``: a year's PKs for one OPD or all, with the GUI's rules.

The regency is set up from the command line, then given its leaders, OPDs with heads, Renstra targets and
programs through the services, as the GUI would.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.errors import AgreementLockedError
from kinerja_desktop.db.models import PerformanceAgreement
from kinerja_desktop.domain.enums import ActingKind, AgreementStatus, GoalKind, LeaderRole, OpdKind, ProgramLevel
from kinerja_desktop.services import agreements, opd, programs, regency, renstra
from kinerja_desktop.services.opd import HeadData, OpdForm
from kinerja_desktop.services.programs import ProgramForm
from kinerja_desktop.services.regency import LeaderData
from kinerja_desktop.services.renstra import GoalData, IndicatorData, TargetData

D = Decimal
NEW_HEAD_FROM = date(2026, 1, 15)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _add_opd(db: Database, code: str, abbreviation: str, name: str, head: str, nip: str, period: str,
             *, with_plan: bool = True) -> str:
    opd_id = opd.save_opd(
        db,
        OpdForm(code=code, abbreviation=abbreviation, name=name, kind=OpdKind.DINAS,
                head=HeadData(head, nip, "Pembina Utama Muda", "IV/c", f"Kepala {name}", start_date=date(2023, 1, 2))),
    )
    if with_plan:
        tujuan = renstra.save_goal(db, GoalData(opd_id, period, GoalKind.GOAL, f"Tujuan {abbreviation}"))
        sasaran = renstra.save_goal(db, GoalData(opd_id, period, GoalKind.TARGET, f"Sasaran {abbreviation}", tujuan))
        targets = [TargetData(year, D(90), quarters=(D(60), D(70), D(80), D(90))) for year in (2025, 2026)]
        renstra.save_indicator(
            db, IndicatorData(goal_id=sasaran, name=f"Indikator {abbreviation}", unit="%", targets=targets)
        )
        program = programs.save_program(
            db, ProgramForm(opd_id, ProgramLevel.PROGRAM, code[:4] + ".02", f"PROGRAM {abbreviation}")
        )
        programs.save_program(db, ProgramForm(opd_id, ProgramLevel.ACTIVITY, code[:4] + ".02.2.01", "Kegiatan",
                                              parent_id=program, pagu={2025: 1_000_000_000, 2026: 1_250_000_000}))
    return opd_id


@pytest.fixture
def regency_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Kabupaten Wanasari: a Pj. Bupati until 19 February 2025, then the elected Bupati; Dinkes (whose head
    changes on 15 January 2026), DPUPR, and Disdik without any Renstra target."""
    path = tmp_path / "wanasari.sqlite"
    assert main(["setup", "--db", str(path), "--kind", "kabupaten", "--name", "Wanasari", "--period", "2025-2029"]) == 0
    capsys.readouterr()
    db = open_database(path)
    try:
        regency.save_leader(db, LeaderData(LeaderRole.HEAD, "Drs. Pj. Sulistyo, M.Si.", "Bupati Wanasari",
                                           date(2024, 9, 23), ActingKind.PJ, "196811041994031007",
                                           end_date=date(2025, 2, 19)))
        regency.save_leader(db, LeaderData(LeaderRole.HEAD, "H. Ahmad Fauzan, S.E.", "Bupati Wanasari",
                                           date(2025, 2, 20)))
        with db.read() as s:
            from kinerja_desktop.db.models import PlanningPeriod

            period = s.scalar(select(PlanningPeriod.id))
        dinkes = _add_opd(db, "1.02.0.00.0.00.01.0000", "Dinkes", "Dinas Kesehatan", "dr. Siti Rahmawati, M.Kes.",
                          "197305122000032004", period)
        _add_opd(db, "1.03.0.00.0.00.01.0000", "DPUPR", "Dinas Pekerjaan Umum", "Ir. Budi Santoso, M.T.",
                 "197101011996031001", period)
        _add_opd(db, "1.01.0.00.0.00.01.0000", "Disdik", "Dinas Pendidikan", "Drs. Joko Widodo",
                 "196902021994031002", period, with_plan=False)
        form = opd.get_opd(db, dinkes)
        form.head = HeadData("dr. Andi Pratama, M.P.H.", "197808082003121003", "Pembina Tingkat I", "IV/b",
                             "Kepala Dinas Kesehatan", start_date=NEW_HEAD_FROM)
        opd.save_opd(db, form)
    finally:
        db.close()
    return path


def _agreements(path: Path, year: int) -> dict[str, PerformanceAgreement]:
    db = open_database(path)
    try:
        with db.read() as s:
            query = select(PerformanceAgreement).where(PerformanceAgreement.year == year)
            return {a.opd_name: a for a in s.scalars(query)}
    finally:
        db.close()


def test_a_year_for_all_opds_created_finalised_and_signed_by_the_people_in_office(
    regency_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(regency_db)
    # create: a draft per OPD from its Renstra, the programs' pagu summed from their kegiatan
    code, out, _ = _run(capsys, "agreements", "create", "--db", db, "--year", "2026", "--all", "--format", "json")
    assert code == 0
    rows = {r["singkatan"]: r for r in json.loads(out)}
    assert {k: (r["hasil"], r["keterangan"]) for k, r in rows.items()} == {
        "Dinkes": ("selesai", "draf dibuat dari Renstra: 1 indikator, 1 program"),
        "DPUPR": ("selesai", "draf dibuat dari Renstra: 1 indikator, 1 program"),
        "Disdik": ("selesai", "draf dibuat dari Renstra: 0 indikator, 0 program"),
    }
    pks = _agreements(regency_db, 2026)
    assert pks["Dinas Kesehatan"].first_name == "dr. Siti Rahmawati, M.Kes."  # in office on 2 January
    # running it again changes nothing
    code, out, _ = _run(capsys, "agreements", "create", "--db", db, "--year", "2026", "--all")
    assert code == 0 and "0 selesai, 3 dilewati, 0 gagal" in out
    # finalise: the OPD without targets cannot be, and says why; the others are
    code, out, _ = _run(capsys, "agreements", "finalize", "--db", db, "--year", "2026", "--all")
    assert code == 1
    assert "PK belum memiliki indikator kinerja" in out and "2 selesai, 0 dilewati, 1 gagal" in out
    # sign on 26 January: Dinkes's PK names the head who left on 14 January, so it is refused; DPUPR signs
    code, out, _ = _run(capsys, "agreements", "sign", "--db", db, "--year", "2026", "--all", "--date", "2026-01-26",
                        "--format", "json")
    rows = {r["singkatan"]: r for r in json.loads(out)}
    assert code == 1
    assert rows["DPUPR"]["hasil"] == "selesai" and rows["DPUPR"]["keterangan"] == "ditandatangani 26 Januari 2026"
    assert rows["Dinkes"]["hasil"] == "gagal"
    assert rows["Dinkes"]["keterangan"].startswith(
        "pihak pertama PK adalah dr. Siti Rahmawati, M.Kes., tetapi yang menjabat pada 26 Januari 2026 adalah "
        "dr. Andi Pratama, M.P.H. (Kepala Dinas Kesehatan)"
    )
    assert "agreements finalize --date 2026-01-26" in rows["Dinkes"]["keterangan"]
    assert rows["Disdik"] == {**rows["Disdik"], "hasil": "gagal", "keterangan": "PK masih draf; finalkan dahulu"}
    # finalize with the signing date puts the head in office on it; then Dinkes signs
    code, out, _ = _run(capsys, "agreements", "finalize", "--db", db, "--year", "2026", "--opd", "Dinkes",
                        "--date", "2026-01-26")
    assert code == 0 and "difinalkan; pihak pertama menjadi dr. Andi Pratama, M.P.H." in out
    code, out, _ = _run(capsys, "agreements", "sign", "--db", db, "--year", "2026", "--opd",
                        "1.02.0.00.0.00.01.0000", "--date", "2026-01-26")
    assert code == 0 and "1 selesai, 0 dilewati, 0 gagal" in out
    pks = _agreements(regency_db, 2026)
    dinkes = pks["Dinas Kesehatan"]
    assert (dinkes.status, dinkes.sign_date, dinkes.first_name, dinkes.second_name) == (
        AgreementStatus.SIGNED, date(2026, 1, 26), "dr. Andi Pratama, M.P.H.", "H. Ahmad Fauzan, S.E."
    )
    assert pks["Dinas Pendidikan"].status is AgreementStatus.DRAFT


def test_a_signed_pk_is_locked(regency_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(regency_db)
    for action in ("create", "finalize"):
        _run(capsys, "agreements", action, "--db", db, "--year", "2026", "--opd", "DPUPR")
    assert _run(capsys, "agreements", "sign", "--db", db, "--year", "2026", "--opd", "DPUPR",
                "--date", "2026-01-26")[0] == 0
    # the same signing again is nothing to do; another date is refused and the PK stays as signed
    code, out, _ = _run(capsys, "agreements", "sign", "--db", db, "--year", "2026", "--opd", "DPUPR",
                        "--date", "2026-01-26")
    assert code == 0 and "sudah ditandatangani 26 Januari 2026" in out
    code, out, _ = _run(capsys, "agreements", "sign", "--db", db, "--year", "2026", "--opd", "DPUPR",
                        "--date", "2026-02-02")
    assert code == 1 and "sudah ditandatangani 26 Januari 2026 dan dikunci" in out
    code, out, _ = _run(capsys, "agreements", "finalize", "--db", db, "--year", "2026", "--opd", "DPUPR",
                        "--date", "2026-02-02")
    assert code == 0 and "sudah ditandatangani" in out
    [pk] = _agreements(regency_db, 2026).values()
    assert (pk.status, pk.sign_date) == (AgreementStatus.SIGNED, date(2026, 1, 26))
    # and the services below refuse any change to it
    database = open_database(regency_db)
    try:
        with pytest.raises(AgreementLockedError):
            agreements.reopen_draft(database, pk.id)
    finally:
        database.close()


def test_the_pihak_kedua_must_be_in_office_on_the_signing_date(
    regency_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(regency_db)
    # a 2025 PK drafted while the Pj. Bupati was in office, signed after the elected Bupati took over
    _run(capsys, "agreements", "create", "--db", db, "--year", "2025", "--opd", "DPUPR", "--date", "2025-01-20")
    assert _agreements(regency_db, 2025)["Dinas Pekerjaan Umum"].second_name == "Drs. Pj. Sulistyo, M.Si."
    _run(capsys, "agreements", "finalize", "--db", db, "--year", "2025", "--opd", "DPUPR")
    code, out, _ = _run(capsys, "agreements", "sign", "--db", db, "--year", "2025", "--opd", "DPUPR",
                        "--date", "2025-03-03")
    assert code == 1
    assert ("pihak kedua PK adalah Drs. Pj. Sulistyo, M.Si., yang tidak menjabat pada 3 Maret 2025 "
            "(menjabat: H. Ahmad Fauzan, S.E. (Bupati Wanasari))") in out
    code, out, _ = _run(capsys, "agreements", "finalize", "--db", db, "--year", "2025", "--opd", "DPUPR",
                        "--date", "2025-03-03")
    assert code == 0 and "pihak kedua menjadi H. Ahmad Fauzan, S.E." in out
    assert _run(capsys, "agreements", "sign", "--db", db, "--year", "2025", "--opd", "DPUPR",
                "--date", "2025-03-03")[0] == 0


def test_last_years_pk_as_the_source_and_an_unknown_opd(regency_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(regency_db)
    code, out, _ = _run(capsys, "agreements", "create", "--db", db, "--year", "2027", "--opd", "DPUPR",
                        "--from", "last-year")
    assert code == 1 and "Dinas Pekerjaan Umum tidak memiliki Perjanjian Kinerja tahun 2026" in out
    _run(capsys, "agreements", "create", "--db", db, "--year", "2026", "--opd", "DPUPR")
    code, out, _ = _run(capsys, "agreements", "create", "--db", db, "--year", "2027", "--opd", "DPUPR",
                        "--from", "last-year")
    assert code == 0 and "draf dibuat disalin dari PK 2026: 1 indikator, 1 program" in out
    code, _, err = _run(capsys, "agreements", "create", "--db", db, "--year", "2027", "--opd", "Dinsos")
    assert code == 1
    assert err.strip() == "Galat: Perangkat daerah aktif dengan kode atau singkatan “Dinsos” tidak ada"
    assert set(_agreements(regency_db, 2027)) == {"Dinas Pekerjaan Umum"}
