"""One validation at the service boundary (issue 11, point 11): what a service accepts, a package can carry.

Every hostile value gets a ValidationError naming the field (no traceback, nothing stored), whether the
service checks it itself or the flush-time check of the columns' declared limits (db/checks.py) does.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import raw_sql
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import IndicatorRealization, Opd, Position, PositionHolder
from kinerja_desktop.domain.enums import ActingKind, LeaderRole, OpdKind
from kinerja_desktop.services import agreements, evaluation, opd, regency, renstra
from kinerja_desktop.services.errors import ValidationError

D = Decimal
HOSTILE_DECIMALS = [D("NaN"), D("sNaN"), D("Infinity"), D("-Infinity"), D("1E+50"), D("1E+1000000"), D("1E-30")]
ARABIC_NIP = "١٩٧٠٠١٠١١٩٩٥٠٣١٠٠١"  # Arabic-Indic digits: \d matches them, a NIP has ASCII digits only


def _dump(db: Database) -> str:
    if db.path is None:
        return raw_sql.dump(db)
    conn = sqlite3.connect(db.path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def _refused(db: Database, call, field: str, *words: str) -> ValidationError:  # noqa: ANN001
    before = _dump(db)
    with pytest.raises(ValidationError) as info:
        call()
    assert field in info.value.errors, info.value.errors
    for word in words:
        assert word in info.value.errors[field], info.value.errors[field]
    assert _dump(db) == before
    return info.value


# ------------------------------------------------------------------------------------------------ OPD


def _new_opd(**changes) -> opd.OpdForm:  # noqa: ANN003
    form = opd.OpdForm(code="9.99.0.00.0.00.01.0000", abbreviation="Uji", name="Dinas Uji", kind=OpdKind.DINAS)
    return dataclasses.replace(form, **changes)


def test_a_10000_character_opd_name_is_refused(demo_db: Database) -> None:
    error = _refused(demo_db, lambda: opd.save_opd(demo_db, _new_opd(name="x" * 10_000)), "name", "Nama OPD")
    assert "10.000 karakter" in str(error) and "200" in str(error)


@pytest.mark.parametrize(("field", "value"), [("code", "1" * 41), ("abbreviation", "S" * 31), ("phone", "0" * 61)])
def test_texts_longer_than_their_column_are_refused(demo_db: Database, field: str, value: str) -> None:
    _refused(demo_db, lambda: opd.save_opd(demo_db, _new_opd(**{field: value})), field, "terlalu panjang")


@pytest.mark.parametrize("nip", [ARABIC_NIP, "１９７００１０１１９９５０３１００１", "19700101199503100١"])
def test_a_nip_of_other_than_ascii_digits_is_refused(demo_db: Database, nip: str) -> None:
    head = opd.HeadData(name="Budi", nip=nip, position="Kepala Dinas Uji", start_date=date(2025, 1, 2))
    _refused(demo_db, lambda: opd.save_opd(demo_db, _new_opd(head=head)), "head_nip", "18 angka")


@pytest.mark.parametrize("start", [date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31), date(2101, 1, 1)])
def test_a_head_starting_in_an_absurd_year_is_refused(demo_db: Database, start: date) -> None:
    # a new OPD, and an existing OPD whose current head gets another start date
    head = opd.HeadData(name="Budi", position="Kepala Dinas Uji", start_date=start)
    _refused(demo_db, lambda: opd.save_opd(demo_db, _new_opd(head=head)), "head_start", "Tanggal mulai menjabat")
    with demo_db.read() as s:
        some = s.scalar(select(Position.opd_id).join(PositionHolder).where(PositionHolder.end_date.is_(None)))
    form = opd.get_opd(demo_db, some)
    form.head.start_date = start
    _refused(demo_db, lambda: opd.save_opd(demo_db, form), "head_start", "Tanggal mulai menjabat")


# -------------------------------------------------------------------------------------------- regency


@pytest.mark.parametrize("value", HOSTILE_DECIMALS + [D("99"), D("201")])
def test_the_achievement_cap_is_refused_outside_its_range(demo_db: Database, value: Decimal) -> None:
    profile = dataclasses.replace(regency.get_profile(demo_db), achievement_cap=value)
    _refused(demo_db, lambda: regency.save_profile(demo_db, profile), "achievement_cap", "Batas atas capaian")


@pytest.mark.parametrize("field", ["warning_threshold", "efficiency_margin"])
@pytest.mark.parametrize("value", HOSTILE_DECIMALS)
def test_regency_thresholds_are_refused_when_not_finite_or_too_large(demo_db: Database, field: str, value) -> None:  # noqa: ANN001
    profile = dataclasses.replace(regency.get_profile(demo_db), **{field: value})
    _refused(demo_db, lambda: regency.save_profile(demo_db, profile), field)


@pytest.mark.parametrize("start", [date(1, 1, 1), date(9999, 12, 31)])
def test_a_regional_leader_starting_in_an_absurd_year_is_refused(demo_db: Database, start: date) -> None:
    leader = regency.LeaderData(LeaderRole.HEAD, "H. Uji", "Bupati Sukamaju", start, ActingKind.DEFINITIVE)
    _refused(demo_db, lambda: regency.save_leader(demo_db, leader), "start_date", "Awal masa jabatan")


def test_a_regional_leader_with_an_arabic_nip_is_refused(demo_db: Database) -> None:
    leader = regency.LeaderData(LeaderRole.SECRETARY, "H. Uji", "Sekda", date(2025, 1, 1), nip=ARABIC_NIP)
    _refused(demo_db, lambda: regency.save_leader(demo_db, leader), "nip", "18 angka")


# ---------------------------------------------------------------------------------------------- renstra


def _indicator(db: Database) -> renstra.IndicatorData:
    with db.read() as s:
        some = s.scalar(select(IndicatorRealization.indicator_id))
    return renstra.get_indicator(db, some)


@pytest.mark.parametrize("value", HOSTILE_DECIMALS)
@pytest.mark.parametrize("where", ["target", "q1"])
def test_hostile_targets_are_refused_naming_the_field(demo_db: Database, value: Decimal, where: str) -> None:
    data = _indicator(demo_db)
    target = data.targets[0]
    if where == "target":
        target.target = value
    else:
        target.quarters = (value, *target.quarters[1:])
    label = "Target tahunan" if where == "target" else "Target TW I"
    _refused(demo_db, lambda: renstra.save_indicator(demo_db, data), f"targets[{target.year}].{where}", label)


@pytest.mark.parametrize("year", [1800, 2000, 9999])
def test_a_target_for_a_year_outside_the_planning_period_is_refused(demo_db: Database, year: int) -> None:
    data = _indicator(demo_db)
    data.targets.append(renstra.TargetData(year=year, target=D("5"), quarters=(D(5), D(5), D(5), D(5))))
    _refused(demo_db, lambda: renstra.save_indicator(demo_db, data), f"targets[{year}].year", "Tahun target")


@pytest.mark.parametrize("weight", [*HOSTILE_DECIMALS, D("0"), D("-1"), D("101")])
def test_an_indicator_weight_out_of_range_is_refused(demo_db: Database, weight: Decimal) -> None:
    data = _indicator(demo_db)
    data.weight = weight
    _refused(demo_db, lambda: renstra.save_indicator(demo_db, data), "weight", "Bobot")


def test_an_indicator_baseline_of_1e50_is_refused(demo_db: Database) -> None:
    data = _indicator(demo_db)
    data.baseline = D("1E+50")
    _refused(demo_db, lambda: renstra.save_indicator(demo_db, data), "baseline", "terlalu besar")


# ------------------------------------------------------------------------------------------- agreements


def _draft(db: Database) -> agreements.AgreementDetail:
    from kinerja_desktop.db.models import PerformanceAgreement

    with db.read() as s:
        draft = s.scalar(
            select(PerformanceAgreement.id).where(
                PerformanceAgreement.status == "draf",
                PerformanceAgreement.opd_id.is_not(None),  # an OPD's, with programs
            )
        )
    return agreements.get_agreement(db, draft)


@pytest.mark.parametrize("value", HOSTILE_DECIMALS)
def test_hostile_agreement_targets_and_weights_are_refused(demo_db: Database, value: Decimal) -> None:
    detail = _draft(demo_db)
    detail.items[1].target = value
    _refused(demo_db, lambda: agreements.save_draft(demo_db, detail), "items[1].target", "Target")
    detail = _draft(demo_db)
    detail.items[0].weight = value
    _refused(demo_db, lambda: agreements.save_draft(demo_db, detail), "items[0].weight", "Bobot")


@pytest.mark.parametrize("budget", [10**15, 2**63, -1])
def test_agreement_budgets_out_of_range_are_refused(demo_db: Database, budget: int) -> None:
    detail = _draft(demo_db)
    detail.programs[0].budget = budget
    _refused(demo_db, lambda: agreements.save_draft(demo_db, detail), "programs[0].budget", "nggaran")


# ------------------------------------------------------------------------------------------- evaluation


def _quarter_report(db: Database, value: Decimal):  # noqa: ANN202
    from kinerja_desktop.services.evaluation_data import QuarterReport, RealizationInput

    result = next(r for r in evaluation.evaluate_quarter(db, 2025, 4) if r.indicators)
    first = next(i for i in result.indicators if i.scale is None)
    entry = RealizationInput(first.indicator_id, value, None, "kendala", "tindak lanjut")
    return QuarterReport(opd_id=result.opd_id, year=2025, quarter=4, indicators=[entry], budgets=[])


@pytest.mark.parametrize("value", HOSTILE_DECIMALS)
def test_hostile_realisations_are_refused_naming_the_indicator(demo_db: Database, value: Decimal) -> None:
    report = _quarter_report(demo_db, value)
    field = f"indicators[{report.indicators[0].indicator_id}].value"
    _refused(demo_db, lambda: evaluation.save_quarter_report(demo_db, report), field, "Realisasi")


@pytest.mark.parametrize(("year", "quarter"), [(2026, 0), (2026, 5), (2026, -1), (1800, 1), (9999, 4)])
def test_closing_an_impossible_quarter_is_refused(demo_db: Database, year: int, quarter: int) -> None:
    before = _dump(demo_db)
    with pytest.raises(ValidationError):
        evaluation.close_quarter(demo_db, year, quarter)
    assert _dump(demo_db) == before


# ------------------------------------------------------------------------------------------- any writer


def test_the_flush_check_holds_for_any_session(demo_db: Database, tmp_path: Path) -> None:
    # A caller that bypasses the services (a script, a future service) meets the same limits
    with pytest.raises(ValidationError) as info, demo_db.write() as s:
        s.add(Opd(code="X", abbreviation="X", name="n" * 201, kind=OpdKind.DINAS))
    assert info.value.errors == {"name": "Nama OPD terlalu panjang (201 karakter; paling banyak 200)"}
    with pytest.raises(ValidationError, match="Triwulan harus antara 1 dan 4"), demo_db.write() as s:
        row = s.scalars(select(IndicatorRealization)).first()
        row.quarter = 7
