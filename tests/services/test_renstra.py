"""Renstra tree, indicator targets with quarterly breakdown, alignment flags, move and retire."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Goal, Opd, PlanningPeriod
from kinerja_desktop.domain.enums import Cumulation, GoalKind, GoalLevel, OpdKind, Polarity
from kinerja_desktop.services import renstra
from kinerja_desktop.services.errors import ValidationError

D = Decimal


@pytest.fixture
def plan(db: Database) -> dict[str, str]:
    with db.write() as s:
        period = PlanningPeriod(name="RPJMD 2025–2029", start_year=2025, end_year=2029)
        opd = Opd(
            code="2.08.0.00.0.00.01.0000",
            abbreviation="Disdukcapil",
            name="Dinas Kependudukan dan Pencatatan Sipil",
            kind=OpdKind.DINAS,
        )
        s.add_all([period, opd])
        s.flush()
        regional = Goal(
            period_id=period.id,
            level=GoalLevel.REGIONAL,
            kind=GoalKind.TARGET,
            code="S.3",
            statement="Meningkatnya kualitas pelayanan publik",
        )
        s.add(regional)
        s.flush()
        return {"period": period.id, "opd": opd.id, "regional": regional.id}


def _tujuan_and_sasaran(db: Database, plan: dict[str, str], *, linked: bool = True) -> tuple[str, str]:
    tujuan = renstra.save_goal(
        db,
        renstra.GoalData(
            plan["opd"],
            plan["period"],
            GoalKind.GOAL,
            "Meningkatkan kualitas layanan administrasi kependudukan",
            code="T.1",
        ),
    )
    sasaran = renstra.save_goal(
        db,
        renstra.GoalData(
            plan["opd"],
            plan["period"],
            GoalKind.TARGET,
            "Meningkatnya kepemilikan dokumen kependudukan",
            parent_id=tujuan,
            supports_id=plan["regional"] if linked else None,
            code="S.1.1",
        ),
    )
    return tujuan, sasaran


def _ktp(sasaran: str, **changes) -> renstra.IndicatorData:  # noqa: ANN003
    data = renstra.IndicatorData(
        goal_id=sasaran,
        name="Persentase penduduk wajib KTP ber-KTP-el",
        unit="%",
        polarity=Polarity.POSITIVE,
        cumulation=Cumulation.LAST_VALUE,
        baseline=D("97.2"),
        baseline_year=2024,
        targets=[renstra.TargetData(2026, D("98.5"), quarters=(D("97.8"), D(98), D("98.2"), D("98.5")))],
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_indicator_with_quarterly_targets_round_trips(db: Database, plan: dict[str, str]) -> None:
    _, sasaran = _tujuan_and_sasaran(db, plan)
    indicator_id = renstra.save_indicator(db, _ktp(sasaran))
    loaded = renstra.get_indicator(db, indicator_id)
    assert loaded.targets[0].target == D("98.5") and loaded.targets[0].quarters[1] == D(98)
    assert loaded.baseline == D("97.2") and loaded.cumulation is Cumulation.LAST_VALUE
    tree = renstra.renstra_tree(db, plan["opd"], plan["period"], 2026)
    assert tree[0].children[0].indicators[0].target == D("98.5")
    assert tree[0].children[0].supports_label == "S.3 Meningkatnya kualitas pelayanan publik"
    assert tree[0].children[0].flags == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": " "}, "name", "Nama indikator wajib diisi"),
        (
            {"targets": [renstra.TargetData(2026, D(101), quarters=(D(97), D(98), D(99), D(101)))]},
            "targets[2026].target",
            "Persentase harus di antara 0 dan 100",
        ),
        (
            {"targets": [renstra.TargetData(2026, D("98.5"), quarters=(D(97), D(98), D(98), D(98)))]},
            "targets[2026].q4",
            "Target TW IV harus sama dengan target tahunan",
        ),
        (
            {
                "cumulation": Cumulation.SUMMED,
                "unit": "orang",
                "targets": [renstra.TargetData(2026, D(100), quarters=(D(10), D(20), D(30), D(30)))],
            },
            "targets[2026].q4",
            "Jumlah target triwulan (90) harus sama dengan target tahunan (100)",
        ),
        (
            {"polarity": Polarity.RANGE, "targets": [renstra.TargetData(2026, D(85), D(60))]},
            "targets[2026].target_high",
            "Batas atas rentang",
        ),
    ],
)
def test_indicator_validation_names_the_field_at_fault(db: Database, plan, changes, field, message) -> None:  # noqa: ANN001
    _, sasaran = _tujuan_and_sasaran(db, plan)
    with pytest.raises(ValidationError) as info:
        renstra.save_indicator(db, _ktp(sasaran, **changes))
    assert message in info.value.errors[field]
    assert renstra.renstra_tree(db, plan["opd"], plan["period"], 2026)[0].children[0].indicators == []


def test_alignment_flags_unlinked_sasaran_and_sasaran_without_indicator(db: Database, plan) -> None:  # noqa: ANN001
    _, sasaran = _tujuan_and_sasaran(db, plan, linked=False)
    problems = renstra.alignment_problems(db, plan["opd"], plan["period"], 2026)
    assert problems == {sasaran: [renstra.NOT_LINKED, renstra.NO_INDICATOR]}
    renstra.save_indicator(db, _ktp(sasaran))
    goal = renstra.get_goal(db, sasaran)
    goal.supports_id = plan["regional"]
    renstra.save_goal(db, goal)
    assert renstra.alignment_problems(db, plan["opd"], plan["period"], 2026) == {}


def test_move_and_retire_nodes(db: Database, plan) -> None:  # noqa: ANN001
    _, sasaran = _tujuan_and_sasaran(db, plan)
    first = renstra.save_indicator(db, _ktp(sasaran))
    second = renstra.save_indicator(db, _ktp(sasaran, name="Cakupan akta kelahiran anak"))

    def names() -> list[str]:
        return [i.name for i in renstra.renstra_tree(db, plan["opd"], plan["period"], 2026)[0].children[0].indicators]

    assert names() == ["Persentase penduduk wajib KTP ber-KTP-el", "Cakupan akta kelahiran anak"]
    renstra.move_node(db, second, -1)
    assert names() == ["Cakupan akta kelahiran anak", "Persentase penduduk wajib KTP ber-KTP-el"]
    renstra.set_retired(db, first, True)
    assert names() == ["Cakupan akta kelahiran anak"]
    tree = renstra.renstra_tree(db, plan["opd"], plan["period"], 2026, include_retired=True)
    assert [i.is_active for i in tree[0].children[0].indicators] == [True, False]
    renstra.set_retired(db, sasaran, True)
    assert renstra.renstra_tree(db, plan["opd"], plan["period"], 2026)[0].children == []


def test_sasaran_requires_a_tujuan_and_regional_link_must_be_rpjmd(db: Database, plan) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError, match="di bawah sebuah tujuan"):
        renstra.save_goal(db, renstra.GoalData(plan["opd"], plan["period"], GoalKind.TARGET, "Sasaran lepas"))
    tujuan, sasaran = _tujuan_and_sasaran(db, plan)
    with pytest.raises(ValidationError, match="sasaran RPJMD"):
        renstra.save_goal(
            db,
            renstra.GoalData(
                plan["opd"], plan["period"], GoalKind.TARGET, "Sasaran baru", parent_id=tujuan, supports_id=sasaran
            ),
        )
