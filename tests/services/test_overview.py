"""Read services behind the overview screens, on a small regency built here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kinerja_desktop.db.models import (
    AgreementItem,
    AgreementProgram,
    FiscalYear,
    Goal,
    Indicator,
    IndicatorRealization,
    IndicatorTarget,
    PerformanceAgreement,
    PlanningPeriod,
    Regency,
)
from kinerja_desktop.domain.enums import AgreementKind, AgreementStatus, GoalKind, GoalLevel, OpdKind, Polarity
from kinerja_desktop.services import overview
from kinerja_desktop.services.opd import OpdForm, save_opd, set_opd_active


@pytest.fixture
def regency(db):
    with db.write() as s:
        s.add(Regency(name="Sukamaju"))
        period = PlanningPeriod(name="2025–2029", start_year=2025, end_year=2029)
        s.add_all([period, FiscalYear(year=2026, period=period), FiscalYear(year=2025, period=period)])
    opds = {
        ab: save_opd(db, OpdForm(code=code, abbreviation=ab, name=name, kind=OpdKind.DINAS))
        for code, ab, name in [
            ("1.02.0.00.0.00.01.0000", "Dinkes", "Dinas Kesehatan"),
            ("1.01.0.00.0.00.01.0000", "Disdik", "Dinas Pendidikan"),
            ("2.01.0.00.0.00.01.0000", "Lama", "Dinas Lama"),
        ]
    }
    set_opd_active(db, opds["Lama"], False)
    with db.write() as s:
        period_id = s.query(PlanningPeriod.id).scalar()
        ids = {}
        for ab in ("Dinkes", "Disdik"):
            tujuan = Goal(
                period_id=period_id, level=GoalLevel.OPD, kind=GoalKind.GOAL, opd_id=opds[ab], statement=f"Tujuan {ab}"
            )
            sasaran = Goal(
                period_id=period_id,
                level=GoalLevel.OPD,
                kind=GoalKind.TARGET,
                opd_id=opds[ab],
                parent=tujuan,
                statement=f"Sasaran {ab}",
            )
            first = Indicator(goal=sasaran, name=f"{ab} 1", unit="%", sort_order=1)
            second = Indicator(goal=sasaran, name=f"{ab} 2", unit="%", polarity=Polarity.RANGE, sort_order=2)
            first.targets.append(IndicatorTarget(year=2026, target=Decimal("95")))
            second.targets.append(IndicatorTarget(year=2026, target=Decimal("60"), target_high=Decimal("85")))
            s.add_all([tujuan, sasaran, first, second])
            s.flush()
            ids[ab] = (first.id, second.id)
        dinkes_1, dinkes_2 = ids["Dinkes"]
        s.add_all(
            [
                IndicatorRealization(indicator_id=dinkes_1, year=2026, quarter=1, value=Decimal("93")),
                IndicatorRealization(indicator_id=dinkes_2, year=2026, quarter=1, value=Decimal("72")),
                IndicatorRealization(indicator_id=dinkes_1, year=2026, quarter=2, value=Decimal("94")),
                IndicatorRealization(indicator_id=dinkes_2, year=2026, quarter=3, value=None),
                IndicatorRealization(indicator_id=ids["Disdik"][0], year=2025, quarter=1, value=Decimal("1")),
            ]
        )
        pk = PerformanceAgreement(opd_id=opds["Dinkes"], year=2026, status=AgreementStatus.FINAL)
        pk.items.append(AgreementItem(indicator_id=dinkes_1, sasaran="S", indicator_name="I", unit="%"))
        pk.programs.append(AgreementProgram(name="P1", budget=1_000_000_000))
        pk.programs.append(AgreementProgram(name="P2", budget=250_000_000))
        s.add_all([pk, PerformanceAgreement(opd_id=opds["Disdik"], year=2026)])
        s.add(PerformanceAgreement(kind=AgreementKind.REGIONAL, year=2026, status=AgreementStatus.DRAFT))
    return opds


def test_fiscal_years_in_order(db, regency):
    assert overview.fiscal_years(db) == [2025, 2026]


def test_summary_counts(db, regency):
    data = overview.summary(db, 2026)
    assert data.regency_name == "Kabupaten Sukamaju"
    assert (data.active_opds, data.inactive_opds) == (2, 1)
    assert data.agreements_by_status == {AgreementStatus.FINAL: 1, AgreementStatus.DRAFT: 2}
    assert data.opds_with_indicators == 2
    assert data.reported_by_quarter == {1: 1, 2: 1, 3: 0, 4: 0}  # an empty value is not a report


def test_summary_without_year_or_regency(db):
    data = overview.summary(db, None)
    assert data.regency_name is None and data.agreements_by_status == {} and data.active_opds == 0


def test_reporting_completeness(db, regency):
    rows = {r.abbreviation: r for r in overview.reporting_completeness(db, 2026)}
    assert set(rows) == {"Dinkes", "Disdik"}  # inactive OPDs are left out
    assert rows["Dinkes"].reported == (2, 1, 0, 0)
    assert rows["Dinkes"].completeness == Decimal("37.50")
    assert rows["Disdik"].reported == (0, 0, 0, 0) and rows["Disdik"].completeness == Decimal("0.00")


@pytest.mark.sqlite_only  # copies beside a SQLite file
def test_database_info_and_safety_copies(db):
    copy = db.path.with_name(f"{db.path.stem}.sebelum-migrasi-0001_initial-20260101-120000.sqlite")
    copy.write_bytes(b"x" * 10)
    db.path.with_name("lain.sebelum-migrasi-x.sqlite").write_bytes(b"x")
    info = overview.database_info(db)
    assert info.location == db.location
    assert info.size and info.size >= db.path.stat().st_size
    assert info.revision
    assert [(c.path, c.size) for c in info.safety_copies] == [(copy, 10)]


def test_integrity_check_of_a_sound_database(db):
    assert overview.integrity_check(db) == ["ok"]


@pytest.mark.sqlite_only  # PRAGMA foreign_keys=OFF; a server's orphans: tests/services/test_server_backup.py
def test_integrity_check_reports_a_broken_foreign_key(db):
    import sqlite3

    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(
        "INSERT INTO position_holder (id, position_id, official_id, position, acting, start_date, created_at, "
        "updated_at, version)"
        " VALUES ('h', 'tidak-ada', 'tidak-ada', 'x', 'definitif', ?, '2026-01-01', '2026-01-01', 1)",
        (date(2026, 1, 1).isoformat(),),
    )
    conn.commit()
    conn.close()
    problems = overview.integrity_check(db)
    assert problems and all(p.startswith("Kunci asing rusak di tabel position_holder") for p in problems)
