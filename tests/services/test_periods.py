"""Planning periods: create, edit, retire or delete, restore; the fiscal years each active period owns."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import AuditLog, FiscalYear, Opd, PerformanceAgreement, PlanningPeriod
from kinerja_desktop.domain.enums import GoalKind, OpdKind, PeriodKind
from kinerja_desktop.services import overview, periods, renstra, rpjmd
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.periods import PeriodData
from kinerja_desktop.services.removal import Removal
from kinerja_desktop.services.rpjmd import RpjmdGoalData


def _years(db: Database) -> dict[int, str]:
    with db.read() as s:
        return {fy.year: fy.period.name for fy in s.scalars(select(FiscalYear).order_by(FiscalYear.year))}


def test_a_new_rpjmd_period_owns_its_five_fiscal_years_and_is_named_after_them(db: Database) -> None:
    period_id = periods.save_period(db, PeriodData(2025, 2029))
    assert overview.fiscal_years(db) == [2025, 2026, 2027, 2028, 2029]
    [row] = periods.list_periods(db)
    assert (row.id, row.name, row.kind, row.is_active, row.label) == (
        period_id,
        "RPJMD 2025–2029",
        PeriodKind.RPJMD,
        True,
        "RPJMD 2025–2029",
    )
    assert renstra.period_for_year(db, 2027).id == period_id  # type: ignore[union-attr]
    with db.read() as s:
        assert s.scalars(select(AuditLog.action)).all() == ["period.create"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (PeriodData(2025, 2027), "end_year", "Periode RPJMD lima tahun (misalnya 2025–2029)"),
        (PeriodData(2025, 2024, PeriodKind.TRANSITION), "end_year", "tidak boleh sebelum tahun awalnya"),
        (PeriodData(2024, 2030, PeriodKind.TRANSITION), "end_year", "Periode transisi paling lama 5 tahun"),
        (PeriodData(1999, 2003), "start_year", "Tahun awal periode harus antara 2000 dan 2100"),
    ],
)
def test_years_and_length_are_checked_per_kind(db: Database, data: PeriodData, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        periods.save_period(db, data)
    assert message in caught.value.errors[field]
    assert periods.list_periods(db) == [] and overview.fiscal_years(db) == []


def test_a_transition_period_is_allowed_and_named_rpd(db: Database) -> None:
    periods.save_period(db, PeriodData(2024, 2026, PeriodKind.TRANSITION))
    assert [p.name for p in periods.list_periods(db)] == ["RPD 2024–2026"]
    assert overview.fiscal_years(db) == [2024, 2025, 2026]


def test_active_periods_may_not_share_a_year(db: Database) -> None:
    periods.save_period(db, PeriodData(2024, 2026, PeriodKind.TRANSITION, name="RPD Wanasari 2024–2026"))
    with pytest.raises(ValidationError) as caught:
        periods.save_period(db, PeriodData(2026, 2030))
    assert caught.value.errors["start_year"].startswith("Tahun 2026 sudah termasuk periode RPD Wanasari 2024–2026")
    assert len(periods.list_periods(db)) == 1


def test_editing_moves_the_fiscal_years_with_the_period(db: Database) -> None:
    period_id = periods.save_period(db, PeriodData(2024, 2026, PeriodKind.TRANSITION))
    data = periods.get_period(db, period_id)
    data.end_year, data.name = 2025, ""
    periods.save_period(db, data)
    assert _years(db) == {2024: "RPD 2024–2025", 2025: "RPD 2024–2025"}
    stale = PeriodData(2024, 2026, PeriodKind.TRANSITION, id=period_id, version=data.version)
    with pytest.raises(ValidationError, match="telah diubah di tempat lain"):
        periods.save_period(db, stale)


def test_a_period_is_not_narrowed_past_a_year_with_agreements(db: Database) -> None:
    period_id = periods.save_period(db, PeriodData(2025, 2029))
    with db.write() as s:
        opd = Opd(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS)
        s.add(opd)
        s.flush()
        s.add(PerformanceAgreement(opd_id=opd.id, year=2029, opd_name=opd.name))
    data = periods.get_period(db, period_id)
    data.kind, data.end_year = PeriodKind.TRANSITION, 2027
    with pytest.raises(ValidationError) as caught:
        periods.save_period(db, data)
    assert caught.value.errors["end_year"].startswith("Tahun 2029 sudah memiliki Perjanjian Kinerja")
    assert overview.fiscal_years(db) == [2025, 2026, 2027, 2028, 2029]


def test_a_period_nothing_refers_to_is_deleted_with_its_years(db: Database) -> None:
    period_id = periods.save_period(db, PeriodData(2025, 2029))
    assert periods.remove_period(db, period_id) is Removal.DELETED
    with db.read() as s:
        assert s.get(PlanningPeriod, period_id) is None
    assert overview.fiscal_years(db) == []


def test_a_period_with_goals_is_retired_and_a_new_period_takes_its_years(db: Database) -> None:
    # GIVEN a transition period with an RPJMD misi
    old = periods.save_period(db, PeriodData(2024, 2026, PeriodKind.TRANSITION))
    rpjmd.save_goal(db, RpjmdGoalData(old, GoalKind.MISSION, "Mewujudkan tata kelola yang baik"))
    # WHEN it is removed
    assert periods.remove_period(db, old) is Removal.RETIRED
    # THEN it stays, retired, with its goal and its years; the goal still reads
    [row] = periods.list_periods(db)
    assert (row.is_active, row.regional_goals, row.label) == (False, 1, "RPD 2024–2026 — nonaktif")
    assert periods.list_periods(db, include_retired=False) == []
    assert _years(db) == {2024: "RPD 2024–2026", 2025: "RPD 2024–2026", 2026: "RPD 2024–2026"}
    # AND a new RPJMD over its years claims them; the retired period keeps the year no one else covers
    new = periods.save_period(db, PeriodData(2025, 2029))
    assert _years(db) == {
        2024: "RPD 2024–2026",
        **{year: "RPJMD 2025–2029" for year in range(2025, 2030)},
    }
    assert renstra.period_for_year(db, 2025).id == new  # type: ignore[union-attr]
    assert renstra.period_for_year(db, 2024).id == old  # type: ignore[union-attr]
    # AND restoring the old one is refused while its years belong to the new one
    with pytest.raises(ValidationError, match="Tahun 2025–2026 sudah termasuk periode RPJMD 2025–2029"):
        periods.restore_period(db, old)


def test_a_retired_period_is_restored_when_its_years_are_free(db: Database) -> None:
    old = periods.save_period(db, PeriodData(2025, 2029))
    rpjmd.save_goal(db, RpjmdGoalData(old, GoalKind.MISSION, "Misi satu"))
    periods.remove_period(db, old)
    periods.restore_period(db, old)
    assert [p.is_active for p in periods.list_periods(db)] == [True]
    assert set(_years(db).values()) == {"RPJMD 2025–2029"}


def test_parse_years_reads_the_command_line_form() -> None:
    assert periods.parse_years("2025-2029") == (2025, 2029)
    assert periods.parse_years(" 2024–2026 ") == (2024, 2026)
    with pytest.raises(ValueError, match="harus berbentuk TAHUN-TAHUN"):
        periods.parse_years("2025")
