"""The demo regency (Kabupaten Sukamaju): complete, consistent with the domain rules, and deterministic."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.models import (
    AgreementItem,
    AgreementProgram,
    AuditLog,
    BudgetRealization,
    Goal,
    Indicator,
    IndicatorRealization,
    IndicatorTarget,
    IntegrityPact,
    Official,
    Opd,
    OpdNameHistory,
    PerformanceAgreement,
    Position,
    PositionHolder,
    Program,
    ProgramBudget,
    Regency,
    RegionalLeader,
)
from kinerja_desktop.demo import DemoExistsError, DemoSummary, create_demo
from kinerja_desktop.domain.enums import (
    ActingKind,
    AgreementKind,
    AgreementStatus,
    Cumulation,
    GoalKind,
    GoalLevel,
    LeaderRole,
    OpdKind,
    Polarity,
    PositionLevel,
    ProgramLevel,
)
from kinerja_desktop.domain.personnel import RANKS, nip_problem


def dump(path: Path) -> str:
    """Every row of every table as SQL text, without the audit log (it records when the demo was made)."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(line for line in conn.iterdump() if not line.startswith('INSERT INTO "audit_log"'))
    finally:
        conn.close()


def test_regency_is_a_sample_with_contacts_and_logo(demo_db: Database) -> None:
    with demo_db.read() as s:
        regency = s.scalars(select(Regency)).one()
    assert regency.full_name == "Kabupaten Sukamaju"
    assert regency.is_sample and regency.province == "Jawa Tengah" and regency.capital == "Sukamaju"
    assert regency.address and regency.phone and regency.website and "@" in regency.email
    assert regency.logo_png is not None and regency.logo_png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(regency.logo_png) < 100_000


def test_at_least_30_opds_each_with_unique_code_and_a_head(demo_db: Database) -> None:
    with demo_db.read() as s:
        opds = s.scalars(select(Opd)).all()
        kinds = Counter(opd.kind for opd in opds)
        heads = {opd.id: opd.heads for opd in opds}
    assert len(opds) >= 30
    assert 8 <= kinds[OpdKind.KECAMATAN] <= 12
    assert kinds[OpdKind.RSUD] == 1 and kinds[OpdKind.INSPEKTORAT] == 1
    assert all(len(opd.code.split(".")) == 8 for opd in opds)  # SIPD: 1.02.0.00.0.00.01.0000
    assert all(opd.address and opd.email.endswith("@sukamajukab.go.id") for opd in opds)
    assert all(heads[opd.id] for opd in opds)


def test_every_official_has_a_valid_nip_and_a_fitting_rank(demo_db: Database) -> None:
    with demo_db.read() as s:
        officials = s.scalars(select(Official)).all()
        camat_grades = s.scalars(
            select(Official.grade).join(PositionHolder).join(Position).join(Opd)
            .where(Opd.kind == OpdKind.KECAMATAN, Position.level == PositionLevel.HEAD)
        ).all()
        head_grades = s.scalars(
            select(Official.grade).join(PositionHolder).join(Position).join(Opd)
            .where(Opd.kind != OpdKind.KECAMATAN, Position.level == PositionLevel.HEAD,
                   PositionHolder.acting == ActingKind.DEFINITIVE)
        ).all()
    assert officials
    for official in officials:
        assert official.nip is not None and nip_problem(official.nip) is None, official.nip
        assert (official.rank, official.grade) in RANKS
        assert "," in official.name  # printed with gelar
    assert set(camat_grades) <= {"III/d", "IV/a"}
    assert set(head_grades) <= {"IV/a", "IV/b", "IV/c"}


def test_leaders_pj_bupati_before_the_elected_bupati(demo_db: Database) -> None:
    with demo_db.read() as s:
        leaders = s.scalars(select(RegionalLeader).order_by(RegionalLeader.start_date)).all()
    heads = [leader for leader in leaders if leader.role is LeaderRole.HEAD]
    assert [h.acting for h in heads] == [ActingKind.PJ, ActingKind.DEFINITIVE]
    assert heads[0].end_date is not None and heads[0].end_date < heads[1].start_date
    assert heads[1].nip is None and heads[1].name.startswith("H. ")
    assert {leader.role for leader in leaders} == set(LeaderRole)
    sekda = next(leader for leader in leaders if leader.role is LeaderRole.SECRETARY)
    assert sekda.nip is not None and nip_problem(sekda.nip) is None


def test_every_opd_has_2_to_4_sasaran_with_2_to_4_indicators_supporting_the_rpjmd(demo_db: Database) -> None:
    with demo_db.read() as s:
        sasaran = s.scalars(select(Goal).where(Goal.level == GoalLevel.OPD, Goal.kind == GoalKind.TARGET)).all()
        regional = {g.id: g for g in s.scalars(select(Goal).where(Goal.level == GoalLevel.REGIONAL))}
        opd_ids = set(s.scalars(select(Opd.id)))
        per_opd = Counter(goal.opd_id for goal in sasaran)
        indicators = {goal.id: goal.indicators for goal in sasaran}
        parents = {goal.id: s.get(Goal, goal.parent_id) for goal in sasaran}
    assert set(per_opd) == opd_ids
    assert all(2 <= n <= 4 for n in per_opd.values())
    for goal in sasaran:
        assert 2 <= len(indicators[goal.id]) <= 4
        assert goal.supports_id in regional and regional[goal.supports_id].kind is GoalKind.TARGET
        parent = parents[goal.id]
        assert parent is not None and parent.kind is GoalKind.GOAL and parent.opd_id == goal.opd_id
    kinds = Counter(goal.kind for goal in regional.values())
    assert kinds[GoalKind.MISSION] >= 3 and kinds[GoalKind.TARGET] >= kinds[GoalKind.GOAL]


def test_indicators_carry_definition_source_baseline_and_typical_settings(demo_db: Database) -> None:
    with demo_db.read() as s:
        indicators = {i.name: i for i in s.scalars(select(Indicator))}
    for indicator in indicators.values():
        assert indicator.definition and indicator.formula and indicator.data_source and indicator.unit
        if indicator.qualitative_scale is None:
            assert indicator.baseline is not None and indicator.baseline_year == 2024
    aki = indicators["Angka Kematian Ibu"]
    assert (aki.unit, aki.polarity) == ("per 100.000 KH", Polarity.NEGATIVE)
    assert indicators["Prevalensi stunting"].polarity is Polarity.NEGATIVE
    bor = indicators["Bed Occupancy Rate (BOR)"]
    assert (bor.polarity, bor.cumulation) == (Polarity.RANGE, Cumulation.AVERAGE)
    pad = indicators["Realisasi Pendapatan Asli Daerah"]
    assert (pad.unit, pad.cumulation) == ("Rp", Cumulation.SUMMED)
    assert indicators["Persentase penduduk wajib KTP ber-KTP-el"].cumulation is Cumulation.LAST_VALUE
    assert indicators["Level maturitas SPIP"].unit == "level"
    assert indicators["Tingkat Pengangguran Terbuka"].polarity is Polarity.NEGATIVE


def test_targets_2025_to_2029_follow_the_cumulation_rule(demo_db: Database) -> None:
    with demo_db.read() as s:
        rows = s.execute(select(Indicator, IndicatorTarget).join(IndicatorTarget)).all()
    years: defaultdict[str, set[int]] = defaultdict(set)
    for indicator, target in rows:
        years[indicator.id].add(target.year)
        quarters = [target.q1, target.q2, target.q3, target.q4]
        if indicator.qualitative_scale:
            assert target.target_grade and target.target is None
            continue
        assert target.target is not None
        assert all(q is None or isinstance(q, Decimal) for q in quarters)
        if indicator.polarity is Polarity.RANGE:
            assert target.target_high is not None and target.target < target.target_high
            assert quarters == [target.target] * 4
        elif indicator.cumulation is Cumulation.SUMMED:
            assert sum(quarters) == target.target and all(q >= 0 for q in quarters)
            if indicator.polarity is Polarity.POSITIVE:
                assert all(q > 0 for q in quarters)  # a zero target would make capaian undefined
        elif indicator.cumulation is Cumulation.LAST_VALUE:
            assert target.q4 == target.target
        elif indicator.cumulation is Cumulation.AVERAGE:
            assert sum(quarters) / 4 == target.target
        elif indicator.cumulation is Cumulation.FLAT:
            assert quarters == [target.target] * 4
        else:  # released: only in the quarter it is published
            assert [q for q in quarters if q is not None] == [target.target]
    assert set(map(frozenset, years.values())) == {frozenset(range(2025, 2030))}


def test_programs_have_permendagri_codes_and_pagu_in_thousands(demo_db: Database) -> None:
    with demo_db.read() as s:
        programs = s.scalars(select(Program).where(Program.level == ProgramLevel.PROGRAM)).all()
        per_opd = Counter(p.opd_id for p in programs)
        budgets = s.scalars(
            select(ProgramBudget).join(Program).where(Program.level == ProgramLevel.PROGRAM)
        ).all()
    assert all(2 <= n <= 4 for n in per_opd.values())
    assert all(len(p.code.split(".")) == 3 and p.name.startswith("PROGRAM ") for p in programs)
    assert Counter(b.program_id for b in budgets) == Counter({p.id: 5 for p in programs})
    for budget in budgets:
        assert isinstance(budget.pagu, int) and budget.pagu % 1000 == 0
        assert 100_000_000 <= budget.pagu <= 150_000_000_000


def test_2025_agreements_are_signed_snapshots_and_2026_ones_are_drafts(demo_db: Database) -> None:
    with demo_db.read() as s:
        opd_count = s.scalar(select(func.count()).select_from(Opd))
        agreements = s.scalars(select(PerformanceAgreement).where(PerformanceAgreement.kind == AgreementKind.OPD)).all()
        items = Counter(s.scalars(select(AgreementItem.agreement_id)))
        programs = Counter(s.scalars(select(AgreementProgram.agreement_id)))
    by_year = defaultdict(list)
    for agreement in agreements:
        by_year[agreement.year].append(agreement)
    assert len(by_year[2025]) == len(by_year[2026]) == opd_count
    for agreement in by_year[2025]:
        assert agreement.status is AgreementStatus.SIGNED and agreement.version_no == 1
        assert agreement.place == "Sukamaju"
        assert agreement.sign_date is not None and date(2025, 1, 20) <= agreement.sign_date <= date(2025, 1, 31)
        assert agreement.finalized_at is not None and agreement.signed_at is not None
        assert agreement.finalized_at <= agreement.signed_at
    for agreement in by_year[2026]:
        assert agreement.status is AgreementStatus.DRAFT and agreement.signed_at is None
    for agreement in agreements:
        assert agreement.opd_name and agreement.first_name and agreement.first_position
        assert agreement.first_nip and agreement.first_rank and agreement.second_name
        assert items[agreement.id] >= 4 and programs[agreement.id] >= 2


def test_agreement_items_copy_the_years_targets(demo_db: Database) -> None:
    with demo_db.read() as s:
        rows = s.execute(
            select(AgreementItem, PerformanceAgreement.year, IndicatorTarget, Indicator)
            .join(PerformanceAgreement)
            .where(PerformanceAgreement.kind == AgreementKind.OPD)
            .join(Indicator, Indicator.id == AgreementItem.indicator_id)
            .join(IndicatorTarget, (IndicatorTarget.indicator_id == Indicator.id)
                  & (IndicatorTarget.year == PerformanceAgreement.year))
        ).all()
        budgets = s.execute(
            select(AgreementProgram.budget, ProgramBudget.pagu)
            .join(PerformanceAgreement)
            .join(ProgramBudget, (ProgramBudget.program_id == AgreementProgram.program_id)
                  & (ProgramBudget.year == PerformanceAgreement.year))
        ).all()
        opd_indicators = s.scalar(
            select(func.count()).select_from(Indicator).join(Goal).where(Goal.level == GoalLevel.OPD)
        )
    assert len(rows) == 2 * opd_indicators
    for item, _year, target, indicator in rows:
        assert (item.target, item.target_high, item.target_grade) == (target.target, target.target_high,
                                                                      target.target_grade)
        assert (item.q1, item.q2, item.q3, item.q4) == (target.q1, target.q2, target.q3, target.q4)
        assert (item.indicator_name, item.unit, item.polarity, item.cumulation) == (
            indicator.name, indicator.unit, indicator.polarity, indicator.cumulation)
        assert item.weight == indicator.weight and item.sasaran
    assert budgets and all(budget == pagu for budget, pagu in budgets)


def test_the_twists_acting_head_new_head_and_renamed_opd(demo_db: Database) -> None:
    with demo_db.read() as s:
        def agreements(abbreviation: str) -> dict[int, PerformanceAgreement]:
            rows = s.scalars(select(PerformanceAgreement).join(Opd).where(Opd.abbreviation == abbreviation))
            return {a.year: a for a in rows}

        dishub, distan, bapperida = agreements("Dishub"), agreements("Distan"), agreements("Bapperida")
        history = s.scalars(select(OpdNameHistory)).one()
        distan_heads = s.scalars(select(PositionHolder).join(Position).join(Opd)
                                 .where(Opd.abbreviation == "Distan", Position.level == PositionLevel.HEAD)).all()
        pacts = s.scalars(select(IntegrityPact).join(Opd).where(Opd.abbreviation.in_(("Distan", "Dishub")))).all()
    assert dishub[2025].first_acting is ActingKind.PLT and dishub[2026].first_acting is ActingKind.PLT
    assert len(distan_heads) == 2
    assert distan[2025].first_official_id != distan[2026].first_official_id
    assert bapperida[2025].opd_name == history.name == "Badan Perencanaan Pembangunan Daerah"
    assert bapperida[2026].opd_name == "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"
    assert bapperida[2025].first_position == "Kepala Badan Perencanaan Pembangunan Daerah"
    # Signed before the elected Bupati took office: pihak kedua is the Pj. Bupati, with a NIP.
    assert distan[2025].second_acting is ActingKind.PJ and distan[2025].second_nip
    assert distan[2026].second_acting is ActingKind.DEFINITIVE and distan[2026].second_nip is None
    assert any(p.position.startswith("Plt. ") for p in pacts)
    assert len({p.official_id for p in pacts if p.opd_id == distan[2025].opd_id}) == 2


def test_integrity_pacts_2025_for_every_head(demo_db: Database) -> None:
    with demo_db.read() as s:
        pacts = s.scalars(select(IntegrityPact)).all()
        opd_count = s.scalar(select(func.count()).select_from(Opd))
    assert len({p.opd_id for p in pacts}) == opd_count
    assert all(p.year == 2025 and p.sign_date and p.nip and nip_problem(p.nip) is None for p in pacts)


def test_realisations_2025_complete_and_2026_up_to_triwulan_ii(demo_db: Database) -> None:
    with demo_db.read() as s:
        items = s.execute(
            select(AgreementItem, PerformanceAgreement.opd_id).join(PerformanceAgreement)
            .where(PerformanceAgreement.year == 2025, PerformanceAgreement.kind == AgreementKind.OPD)
        ).all()
        realised = {(r.indicator_id, r.year, r.quarter): r for r in s.scalars(select(IndicatorRealization))}
    for item, _opd in items:
        quarters = (item.q1, item.q2, item.q3, item.q4)
        for quarter in (1, 2, 3, 4):
            row = realised.get((item.indicator_id, 2025, quarter))
            if quarters[quarter - 1] is None and item.target_grade is None:
                assert row is None  # released figure: only in its release quarter
                continue
            if item.target_grade is not None and row is None:
                continue  # a qualitative grade (Opini BPK) is reported once, when it is published
            assert row is not None and row.verified and row.reported_at is not None
            assert row.value is not None or row.grade is not None
    assert {q for (_i, year, q) in realised if year == 2026} == {1, 2}
    assert not any(year == 2026 and q > 2 for (_i, year, q) in realised)
    assert all(not r.verified for (_i, year, q), r in realised.items() if (year, q) == (2026, 2))


def test_realisations_are_mostly_near_target_with_kendala_where_short(demo_db: Database) -> None:
    with demo_db.read() as s:
        rows = s.execute(
            select(IndicatorRealization, IndicatorTarget, Indicator)
            .join(Indicator, Indicator.id == IndicatorRealization.indicator_id)
            .join(IndicatorTarget, (IndicatorTarget.indicator_id == Indicator.id)
                  & (IndicatorTarget.year == IndicatorRealization.year))
            .where(IndicatorRealization.value.is_not(None), Indicator.polarity == Polarity.POSITIVE)
        ).all()
    ratios = []
    for row, target, _indicator in rows:
        planned = (target.q1, target.q2, target.q3, target.q4)[row.quarter - 1]
        ratios.append(row.value / planned * 100)
        assert isinstance(row.value, Decimal)
    near = sum(1 for r in ratios if 85 <= r <= 115)
    assert near / len(ratios) > 0.8
    assert any(r < 75 for r in ratios)
    with demo_db.read() as s:
        explained = s.scalars(select(IndicatorRealization).where(IndicatorRealization.problems != "")).all()
    assert len(explained) >= 20 and all(r.follow_up for r in explained)


def test_some_opds_have_not_reported_triwulan_ii_2026(demo_db: Database) -> None:
    with demo_db.read() as s:
        indicators_per_opd = dict(
            s.execute(select(Goal.opd_id, func.count(Indicator.id)).join(Indicator).where(Goal.opd_id.is_not(None))
                      .group_by(Goal.opd_id)).all()
        )
        reported = dict(
            s.execute(
                select(Goal.opd_id, func.count(IndicatorRealization.id))
                .join(Indicator, Indicator.goal_id == Goal.id)
                .join(IndicatorRealization, IndicatorRealization.indicator_id == Indicator.id)
                .where(IndicatorRealization.year == 2026, IndicatorRealization.quarter == 2,
                       IndicatorRealization.value.is_not(None))
                .group_by(Goal.opd_id)
            ).all()
        )
        empty_rows = s.scalar(
            select(func.count()).select_from(IndicatorRealization)
            .where(IndicatorRealization.year == 2026, IndicatorRealization.value.is_(None),
                   IndicatorRealization.grade.is_(None))
        )
    silent = [opd for opd in indicators_per_opd if opd not in reported]
    assert len(silent) >= 2
    assert empty_rows >= 1  # "belum diisi"


def test_budget_realisation_stays_within_pagu(demo_db: Database) -> None:
    with demo_db.read() as s:
        pagu = {(b.program_id, b.year): b.pagu for b in s.scalars(select(ProgramBudget))}
        rows = s.scalars(select(BudgetRealization)).all()
    totals: Counter[tuple[str, int]] = Counter()
    for row in rows:
        assert row.amount > 0 and row.year in (2025, 2026) and row.quarter in (1, 2, 3, 4)
        totals[(row.program_id, row.year)] += row.amount
    for (program_id, year), total in totals.items():
        absorption = Decimal(total) / pagu[(program_id, year)] * 100
        if year == 2025:
            assert 85 <= absorption <= 98
        else:
            assert absorption < 50


def test_summary_counts_the_rows_and_the_audit_log_records_it(tmp_path: Path) -> None:
    database = open_database(tmp_path / "demo.sqlite")
    try:
        summary = create_demo(database)
        with database.read() as s:
            assert summary.opds == s.scalar(select(func.count()).select_from(Opd))
            assert summary.indicator_realizations == s.scalar(select(func.count()).select_from(IndicatorRealization))
            assert summary.agreements == s.scalar(select(func.count()).select_from(PerformanceAgreement))
            entries = s.scalars(select(AuditLog)).all()
    finally:
        database.close()
    assert isinstance(summary, DemoSummary) and summary.replaced_rows == 0
    assert summary.total_rows > 4000
    assert [(e.action, e.entity) for e in entries] == [("demo.create", "regency")]


def test_same_seed_gives_identical_rows_and_another_seed_different_ones(tmp_path: Path, demo_template: Path) -> None:
    paths = {seed: tmp_path / f"demo-{seed}.sqlite" for seed in (2026, 7)}
    for seed, path in paths.items():
        database = open_database(path)
        try:
            create_demo(database, seed=seed)
        finally:
            database.close()
    assert dump(paths[2026]) == dump(demo_template)
    assert dump(paths[7]) != dump(demo_template)


def test_refuses_a_database_that_holds_data(demo_db: Database) -> None:
    with demo_db.read() as s:
        before = s.scalar(select(func.count()).select_from(Indicator))
    with pytest.raises(DemoExistsError, match="sudah berisi"):
        create_demo(demo_db)
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Indicator)) == before
        assert s.scalar(select(func.count()).select_from(AuditLog)) == 1


def test_refuses_even_a_single_row(db: Database) -> None:
    with db.write() as s:
        s.add(Official(name="Budi, S.E.", nip="197001012000031001"))
    with pytest.raises(DemoExistsError):
        create_demo(db)


def test_force_replaces_everything(demo_db: Database) -> None:
    with demo_db.read() as s:
        old_ids = set(s.scalars(select(Opd.id)))
    summary = create_demo(demo_db, seed=7, force=True)
    with demo_db.read() as s:
        new_ids = set(s.scalars(select(Opd.id)))
        regencies = s.scalar(select(func.count()).select_from(Regency))
        actions = s.scalars(select(AuditLog.action)).all()
    assert summary.replaced_rows > 4000
    assert new_ids and not (new_ids & old_ids) and regencies == 1
    assert len(new_ids) == summary.opds
    assert actions == ["demo.create", "demo.create"]


def test_some_programs_have_kegiatan_and_sub_kegiatan_whose_pagu_adds_up_exactly(demo_db: Database) -> None:
    from kinerja_desktop.domain.program_codes import parent_code

    with demo_db.read() as s:
        rows = s.scalars(select(Program)).all()
        pagu = {(b.program_id, b.year): b.pagu for b in s.scalars(select(ProgramBudget))}
        abbreviations = {o.id: o.abbreviation for o in s.scalars(select(Opd))}
    by_id = {r.id: r for r in rows}
    children: dict[str, list[Program]] = defaultdict(list)
    for row in rows:
        if row.parent_id:
            children[row.parent_id].append(row)
    levels = Counter(r.level for r in rows)
    # 13 kegiatan and 23 sub kegiatan from the DPA catalogue, 4 and 4 of the kecamatan with a cascade
    assert (levels[ProgramLevel.ACTIVITY], levels[ProgramLevel.SUB_ACTIVITY]) == (17, 27)
    assert {abbreviations[r.opd_id] for r in rows if r.level is not ProgramLevel.PROGRAM} == {
        "Dinkes", "DPUPR", "Bapperida", "Kec. Sukamaju"
    }
    for parent_id, kids in children.items():
        parent = by_id[parent_id]
        assert all(k.level is parent.level.child_level and parent_code(k.code) == parent.code for k in kids)
        for year in range(2025, 2030):
            assert pagu[(parent_id, year)] == sum(pagu[(k.id, year)] for k in kids)
            assert all(pagu[(k.id, year)] % 1000 == 0 and pagu[(k.id, year)] > 0 for k in kids)


def test_the_demo_has_a_signed_cascade_in_dinkes_and_a_kecamatan(demo_db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.services import agreements, cascade, printing

    rows = agreements.list_agreements(demo_db, 2025, levels=(AgreementKind.ESELON_III, AgreementKind.ESELON_IV))
    by_opd: dict[str, list] = {}
    for row in rows:
        by_opd.setdefault(row.opd_abbreviation, []).append(row)
    assert sorted(by_opd) == ["Dinkes", "Kec. Sukamaju"]
    assert [(r.level.value, r.position_name) for r in by_opd["Kec. Sukamaju"]] == [
        ("3", "Sekretaris Camat"), ("4", "Kepala Sub Bagian Umum dan Kepegawaian"), ("4", "Kepala Seksi Pemerintahan"),
        ("4", "Kepala Seksi Ketenteraman dan Ketertiban Umum")]
    assert len(by_opd["Dinkes"]) == 7
    assert all(r.status is AgreementStatus.SIGNED and r.item_count and r.total_budget for r in rows)
    # each signed by the holders of the position and of its superior on the signing date
    with demo_db.read() as s:
        for row in rows:
            agreement = s.get(PerformanceAgreement, row.agreement_id)
            post = s.get(Position, row.position_id)
            holders = {h.official_id for h in post.holders}
            superior = {h.official_id for h in post.parent.holders}
            assert agreement.first_official_id in holders and agreement.second_official_id in superior
            assert agreement.snapshot and agreement.fingerprint
        period = s.scalars(select(Goal.period_id)).first()
        dinkes = s.scalars(select(Opd.id).where(Opd.abbreviation == "Dinkes")).one()
    # the alignment check finds what the demo left unaligned in Dinkes
    found = {(w.kind, w.text) for w in cascade.alignment(demo_db, period, dinkes)}
    assert ("tidak_didukung", "Menurunnya prevalensi stunting") in found
    assert ("tanpa_induk", "Meningkatnya kualitas tata kelola dan akuntabilitas kinerja Dinas Kesehatan") in found
    assert not any(text == "Meningkatnya pelayanan kesehatan ibu, bayi dan balita" for _, text in found)
    # and every lower PK prints and verifies
    files = printing.write(demo_db, printing.Request("pk", 2025, level=AgreementKind.ESELON_IV), tmp_path / "pk4")
    assert len(files) == 7 and all(printing.verify_pdf(demo_db, f).matches for f in files)


def test_the_2025_lke_results_echo_the_announced_five_and_vary(demo_db: Database) -> None:
    from kinerja_desktop.domain.akip import LkeStatus
    from kinerja_desktop.services.akip import evaluation_summaries
    from kinerja_desktop.services.akip_ranking import annual_ranking

    ranking = annual_ranking(demo_db, 2025)
    top = [(r.rank, r.opd_abbreviation, f"{r.akip_score:.2f}", r.akip_grade) for r in ranking.winners()]
    assert top == [(1, "Bapperida", "63.19", "B"), (2, "BPKAD", "62.83", "B"), (3, "Dinkes", "60.62", "B"),
                   (4, "Disdukcapil", "59.25", "CC"), (5, "DPMPTSP", "59.01", "CC")]
    assert ranking.award_count == 5
    summaries = evaluation_summaries(demo_db, 2025)
    by_status = Counter(s.status for s in summaries)
    assert by_status[None] == 2 and by_status[LkeStatus.DRAFT] == 2 and by_status[LkeStatus.FINAL] >= 26
    grades = Counter(s.grade for s in summaries if s.grade)
    assert grades["B"] == 3 and grades["CC"] >= 5 and grades["C"] >= 5  # varied, none above B
    final = [s for s in summaries if s.status is LkeStatus.FINAL]
    assert all(s.score is not None and s.score.complete for s in final)
    assert len({s.total for s in final}) == len(final)
    assert sum(r.capaian_score is not None for r in ranking.rows) >= 20  # the year's capaian beside it
