"""The RPJMD: misi → tujuan → sasaran → indikator with yearly targets; create, edit, remove, restore."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Goal, Indicator, IndicatorRealization, IndicatorTarget, Opd
from kinerja_desktop.domain.enums import Cumulation, GoalKind, OpdKind, Polarity
from kinerja_desktop.services import periods, renstra, rpjmd
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.periods import PeriodData
from kinerja_desktop.services.removal import Removal
from kinerja_desktop.services.renstra import GoalData, IndicatorData, TargetData
from kinerja_desktop.services.rpjmd import RpjmdGoalData

D = Decimal


@pytest.fixture
def plan(db: Database) -> dict[str, str]:
    """RPJMD 2025–2029 with misi M1 → tujuan T1 → sasaran S1 → indicator IPM with five yearly targets."""
    period = periods.save_period(db, PeriodData(2025, 2029))
    misi = rpjmd.save_goal(db, RpjmdGoalData(period, GoalKind.MISSION, "Mewujudkan SDM unggul", "M1"))
    tujuan = rpjmd.save_goal(
        db, RpjmdGoalData(period, GoalKind.GOAL, "Meningkatnya kualitas SDM", "T1", parent_id=misi)
    )
    sasaran = rpjmd.save_goal(
        db, RpjmdGoalData(period, GoalKind.TARGET, "Meningkatnya derajat kesehatan", "S1", parent_id=tujuan)
    )
    indicator = rpjmd.save_indicator(
        db,
        IndicatorData(
            goal_id=sasaran,
            name="Indeks Pembangunan Manusia",
            unit="nilai",
            cumulation=Cumulation.RELEASED,
            code="IKU 1",
            baseline=D("72.10"),
            targets=[TargetData(year, D("72.5") + D("0.4") * n) for n, year in enumerate(range(2025, 2030))],
        ),
    )
    return {"period": period, "misi": misi, "tujuan": tujuan, "sasaran": sasaran, "indicator": indicator}


def test_the_tree_holds_misi_tujuan_sasaran_and_the_indicator_with_each_years_target(
    db: Database, plan: dict[str, str]
) -> None:
    [misi] = rpjmd.rpjmd_tree(db, plan["period"])
    assert (misi.kind, misi.code, misi.statement) == (GoalKind.MISSION, "M1", "Mewujudkan SDM unggul")
    [tujuan] = misi.children
    [sasaran] = tujuan.children
    assert (tujuan.code, sasaran.code, sasaran.supported_by) == ("T1", "S1", 0)
    [indicator] = sasaran.indicators
    assert indicator.name == "Indeks Pembangunan Manusia" and indicator.baseline == D("72.10")
    assert indicator.targets == {2025: D("72.5"), 2026: D("72.9"), 2027: D("73.3"), 2028: D("73.7"), 2029: D("74.1")}


def test_a_tujuan_may_stand_without_misi_but_a_sasaran_needs_a_tujuan(db: Database, plan: dict[str, str]) -> None:
    alone = rpjmd.save_goal(db, RpjmdGoalData(plan["period"], GoalKind.GOAL, "Meningkatnya daya saing daerah", "T2"))
    assert [n.id for n in rpjmd.rpjmd_tree(db, plan["period"])] == [plan["misi"], alone]
    with pytest.raises(ValidationError) as caught:
        rpjmd.save_goal(db, RpjmdGoalData(plan["period"], GoalKind.TARGET, "Tanpa induk"))
    assert caught.value.errors == {"parent_id": "Sasaran RPJMD harus berada di bawah sebuah tujuan"}
    with pytest.raises(ValidationError) as caught:
        rpjmd.save_goal(
            db, RpjmdGoalData(plan["period"], GoalKind.TARGET, "Di bawah misi", parent_id=plan["misi"])
        )
    assert caught.value.errors == {"parent_id": "Induk harus sebuah tujuan RPJMD pada periode yang sama"}


def test_statement_is_required_and_codes_are_unique_per_kind(db: Database, plan: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        rpjmd.save_goal(db, RpjmdGoalData(plan["period"], GoalKind.MISSION, "  "))
    assert caught.value.errors == {"statement": "Uraian misi wajib diisi"}
    with pytest.raises(ValidationError) as caught:
        rpjmd.save_goal(db, RpjmdGoalData(plan["period"], GoalKind.MISSION, "Misi lain", "M1"))
    assert caught.value.errors == {"code": "Kode M1 sudah dipakai misi “Mewujudkan SDM unggul” pada periode ini"}
    # the same code on another kind is fine (a tujuan T1 and a sasaran T1 do not collide)
    rpjmd.save_goal(db, RpjmdGoalData(plan["period"], GoalKind.MISSION, "Misi kedua", "T1"))


def test_editing_a_goal_keeps_its_kind_and_checks_its_version(db: Database, plan: dict[str, str]) -> None:
    data = rpjmd.get_goal(db, plan["sasaran"])
    data.statement = "Meningkatnya derajat kesehatan masyarakat"
    rpjmd.save_goal(db, data)
    assert rpjmd.get_goal(db, plan["sasaran"]).statement == "Meningkatnya derajat kesehatan masyarakat"
    with pytest.raises(ValidationError, match="telah diubah di tempat lain"):
        rpjmd.save_goal(db, data)  # the version read before the first save
    fresh = rpjmd.get_goal(db, plan["sasaran"])
    fresh.kind = GoalKind.GOAL
    fresh.parent_id = None
    with pytest.raises(ValidationError, match="Sasaran tidak dapat diubah menjadi tujuan"):
        rpjmd.save_goal(db, fresh)


def test_indicator_targets_outside_the_period_and_renstra_sasaran_are_refused(
    db: Database, plan: dict[str, str]
) -> None:
    data = IndicatorData(goal_id=plan["sasaran"], name="Usia Harapan Hidup", unit="tahun",
                         targets=[TargetData(2031, D("74"))])
    with pytest.raises(ValidationError) as caught:
        rpjmd.save_indicator(db, data)
    assert caught.value.errors == {"targets[2031].target": "Tahun 2031 di luar periode 2025–2029"}
    with db.write() as s:
        opd = Opd(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS)
        s.add(opd)
    with db.read() as s:
        opd_id = s.scalar(select(Opd.id))
    tujuan = renstra.save_goal(db, GoalData(opd_id, plan["period"], GoalKind.GOAL, "Tujuan Dinkes"))
    opd_sasaran = renstra.save_goal(db, GoalData(opd_id, plan["period"], GoalKind.TARGET, "Sasaran", tujuan))
    with pytest.raises(ValidationError) as caught:
        rpjmd.save_indicator(db, IndicatorData(goal_id=opd_sasaran, name="X", unit="%"))
    assert caught.value.errors == {"goal_id": "Indikator RPJMD harus berada pada sebuah sasaran RPJMD"}
    with pytest.raises(ValidationError) as caught:
        rpjmd.save_indicator(db, IndicatorData(goal_id=plan["sasaran"], name="", unit="%"))
    assert caught.value.errors == {"name": "Nama indikator wajib diisi"}


def test_removing_what_nothing_refers_to_deletes_the_whole_branch(db: Database, plan: dict[str, str]) -> None:
    assert rpjmd.remove_node(db, plan["misi"]) is Removal.DELETED
    assert rpjmd.rpjmd_tree(db, plan["period"], include_retired=True) == []
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Goal)) == 0
        assert s.scalar(select(func.count()).select_from(Indicator)) == 0
        assert s.scalar(select(func.count()).select_from(IndicatorTarget)) == 0


def test_a_sasaran_an_opd_supports_is_retired_with_its_branch_and_restored(db: Database, plan: dict[str, str]) -> None:
    # GIVEN an OPD sasaran linked to the RPJMD sasaran S1
    with db.write() as s:
        s.add(Opd(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS))
    with db.read() as s:
        opd_id = s.scalar(select(Opd.id))
    tujuan = renstra.save_goal(db, GoalData(opd_id, plan["period"], GoalKind.GOAL, "Tujuan Dinkes"))
    renstra.save_goal(
        db, GoalData(opd_id, plan["period"], GoalKind.TARGET, "Sasaran Dinkes", tujuan, supports_id=plan["sasaran"])
    )
    assert rpjmd.rpjmd_tree(db, plan["period"])[0].children[0].children[0].supported_by == 1
    # WHEN the tujuan above it is removed THEN the branch is retired, not deleted
    assert rpjmd.remove_node(db, plan["tujuan"]) is Removal.RETIRED
    [misi] = rpjmd.rpjmd_tree(db, plan["period"])
    assert misi.children == []
    [shown] = rpjmd.rpjmd_tree(db, plan["period"], include_retired=True)[0].children
    assert not shown.is_active and not shown.children[0].is_active and not shown.children[0].indicators[0].is_active
    assert renstra.regional_targets(db, plan["period"]) == []
    # AND restoring the sasaran alone is refused while its tujuan is retired; the tujuan restores the branch
    with pytest.raises(ValidationError, match="Tujuan induknya nonaktif"):
        rpjmd.restore_node(db, plan["sasaran"])
    rpjmd.restore_node(db, plan["tujuan"])
    assert renstra.regional_targets(db, plan["period"]) == [(plan["sasaran"], "S1 Meningkatnya derajat kesehatan")]


def test_an_indicator_with_a_realisation_is_retired_alone(db: Database, plan: dict[str, str]) -> None:
    with db.write() as s:
        s.add(IndicatorRealization(indicator_id=plan["indicator"], year=2025, quarter=4, value=D("72.6")))
    assert rpjmd.remove_node(db, plan["indicator"]) is Removal.RETIRED
    [sasaran] = rpjmd.rpjmd_tree(db, plan["period"])[0].children[0].children
    assert sasaran.is_active and sasaran.indicators == []
    second = rpjmd.save_indicator(db, IndicatorData(goal_id=plan["sasaran"], name="Usia Harapan Hidup", unit="tahun",
                                                     polarity=Polarity.POSITIVE))
    assert rpjmd.remove_node(db, second) is Removal.DELETED
    with db.read() as s:
        assert s.get(Indicator, second) is None and s.get(Indicator, plan["indicator"]) is not None
