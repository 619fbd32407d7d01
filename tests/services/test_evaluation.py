"""Quarterly evaluation on DOMAIN.md's worked examples: capaian to date, score, ranking, closing."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import AuditLog, IndicatorRealization
from kinerja_desktop.domain import round_percent
from kinerja_desktop.domain.enums import Cumulation
from kinerja_desktop.domain.evaluation import ResultState
from kinerja_desktop.services import agreements, evaluation, verification
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.evaluation_data import (
    NOT_FILLED,
    BudgetInput,
    QuarterReport,
    RealizationInput,
)

D = Decimal


@pytest.fixture
def signed(db: Database, dinkes: str) -> dict[str, str]:
    """Dinkes' 2026 PK signed with AKI flat at 80 and coverage quarters 90/92/94/95 (the worked examples)."""
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    detail = agreements.get_agreement(db, agreement_id)
    aki = replace(detail.items[0], cumulation=Cumulation.FLAT, target=D(80), quarters=(D(80), D(80), D(80), D(80)))
    coverage = replace(detail.items[1], target=D(95), quarters=(D(90), D(92), D(94), D(95)))
    agreements.save_draft(db, replace(detail, items=[aki, coverage]))
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    detail = agreements.get_agreement(db, agreement_id)
    return {
        "opd": dinkes,
        "aki": detail.items[0].indicator_id,
        "coverage": detail.items[1].indicator_id,
        "program_a": detail.programs[0].program_id,
        "program_b": detail.programs[1].program_id,
    }


def _report(ids: dict[str, str], quarter: int, aki: str | None, coverage: str | None, budget=(None, None), **kw):  # noqa: ANN001, ANN003
    kendala = kw.get("kendala", ("Data puskesmas terlambat", "Pendampingan petugas data"))
    return QuarterReport(
        opd_id=ids["opd"],
        year=2026,
        quarter=quarter,
        indicators=[
            RealizationInput(ids["aki"], D(aki) if aki else None, problems=kendala[0], follow_up=kendala[1]),
            RealizationInput(
                ids["coverage"], D(coverage) if coverage else None, problems=kendala[0], follow_up=kendala[1]
            ),
        ],
        budgets=[BudgetInput(ids["program_a"], budget[0]), BudgetInput(ids["program_b"], budget[1])],
    )


def test_worked_examples_give_capaian_score_and_predicate(db: Database, signed: dict[str, str]) -> None:
    evaluation.save_quarter_report(db, _report(signed, 1, "75", "91", (500_000_000, 1_000_000_000)))
    result = evaluation.save_quarter_report(db, _report(signed, 2, "70", "91.5", (1_000_000_000, 2_000_000_000)))
    aki, coverage = result.indicators
    assert round_percent(aki.capaian) == D("112.50")  # (2 × 80 − 70) / 80
    assert (coverage.target_to_date, coverage.realization_to_date) == (D(92), D("91.5"))
    assert round_percent(coverage.capaian) == D("99.46")
    assert round_percent(coverage.progress) == D("96.32")  # against the yearly 95
    assert round_percent(result.score) == D("105.98") and result.predicate == "Sangat Tinggi"
    assert result.programs[0].realized_to_date + result.programs[1].realized_to_date == 4_500_000_000
    assert round_percent(result.absorption) == D("26.71")
    assert result.efficiency is not None and result.efficiency.value == "efisien"
    ranking = evaluation.ranking(db, 2026, 2)
    assert [(r.rank, r.opd_abbreviation, round_percent(r.score)) for r in ranking.rows] == [(1, "Dinkes", D("105.98"))]


def test_missing_realisation_is_flagged_not_counted_as_zero(db: Database, signed: dict[str, str]) -> None:
    result = evaluation.save_quarter_report(db, _report(signed, 1, "70", None))
    assert result.indicators[1].state == NOT_FILLED and result.indicators[1].capaian is None
    assert round_percent(result.score) == D("112.50") and result.missing == 1
    row = evaluation.ranking(db, 2026, 1).rows[0]
    assert row.flag == "1 indikator belum diisi"


def test_opd_that_reported_nothing_is_belum_lapor(db: Database, signed: dict[str, str]) -> None:
    evaluations = evaluation.evaluate_quarter(db, 2026, 3)
    assert [e.opd_abbreviation for e in evaluation.not_reported(evaluations)] == ["Dinkes"]
    assert evaluation.ranking(db, 2026, 3).rows[0].rank is None


def test_kendala_is_required_below_100_percent_and_a_refused_save_writes_nothing(
    db: Database, signed: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as info:
        evaluation.save_quarter_report(db, _report(signed, 1, "70", "80", kendala=("", "")))
    assert "kendala dan tindak lanjut wajib diisi" in str(info.value)
    with db.read() as s:
        assert s.scalars(select(IndicatorRealization)).all() == []


def test_budget_beyond_pagu_and_negative_values_are_refused(db: Database, signed: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="melebihi pagu"):
        evaluation.save_quarter_report(db, _report(signed, 1, "70", "95", (5_000_000_000, 0)))
    with pytest.raises(ValidationError, match="tidak boleh negatif"):
        evaluation.save_quarter_report(db, _report(signed, 1, "-1", "95"))
    with db.read() as s:
        assert s.scalars(select(IndicatorRealization)).all() == []


def test_correction_is_audited_and_needs_verification_again(db: Database, signed: dict[str, str]) -> None:
    evaluation.save_quarter_report(db, _report(signed, 1, "75", "91"))
    verification.submit_report(db, 2026, 1, signed["opd"])  # verified only once submitted (issue 17 §2)
    assert evaluation.verify_quarter(db, 2026, 1, signed["opd"]) == 2
    evaluation.save_quarter_report(db, _report(signed, 1, "72", "91"))
    with db.read() as s:
        corrections = s.scalars(select(AuditLog).where(AuditLog.action == "evaluation.correct")).all()
        aki = s.scalars(select(IndicatorRealization).where(IndicatorRealization.indicator_id == signed["aki"])).one()
    assert len(corrections) == 1 and '"sebelum": "75"' in corrections[0].detail
    assert aki.verified is False
    assert evaluation.evaluate_opd(db, 2026, 1, signed["opd"]).provisional


def test_closing_freezes_the_ranking_and_locks_the_quarter(db: Database, signed: dict[str, str]) -> None:
    evaluation.save_quarter_report(db, _report(signed, 1, "75", "91"))
    announced = evaluation.close_quarter(db, 2026, 1, "Kabid Litbang")
    with pytest.raises(ValidationError, match="sudah ditutup"):
        evaluation.save_quarter_report(db, _report(signed, 1, "60", "95"))
    with pytest.raises(ValidationError, match="sudah ditutup"):
        evaluation.close_quarter(db, 2026, 1)
    reproduced = evaluation.ranking(db, 2026, 1)
    assert reproduced.rows == announced.rows and reproduced.closed_by == "Kabid Litbang"
    assert evaluation.is_closed(db, 2026, 1) and not evaluation.is_closed(db, 2026, 2)


def test_evidence_is_copied_into_the_store_with_its_checksum(
    db: Database, signed: dict[str, str], tmp_path: Path
) -> None:
    scan = tmp_path / "laporan-puskesmas.pdf"
    scan.write_bytes(b"%PDF-1.4 bukti dukung")
    report = _report(signed, 1, "75", "91")
    report.indicators[0].new_evidence.append(scan)
    result = evaluation.save_quarter_report(db, report)
    assert result.indicators[0].evidence_count == 1
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    stored = evaluation.evidence_path(db, digest)
    assert stored is not None and stored.read_bytes() == scan.read_bytes()
    report.indicators[0].new_evidence = [tmp_path / "tidak-ada.pdf"]
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        evaluation.save_quarter_report(db, report)


def test_early_warnings_list_indicators_under_the_threshold(db: Database, signed: dict[str, str]) -> None:
    evaluation.save_quarter_report(db, _report(signed, 1, "150", "91"))  # AKI (2×80−150)/80 = 12,5 %
    warnings = evaluation.early_warnings(evaluation.evaluate_quarter(db, 2026, 1))
    assert [(w.indicator, round_percent(w.capaian)) for w in warnings] == [("Angka Kematian Ibu", D("12.50"))]


def test_evaluate_command_prints_the_ranking(db: Database, signed: dict[str, str], capsys) -> None:  # noqa: ANN001
    import json

    from kinerja_desktop.cli import main

    evaluation.save_quarter_report(db, _report(signed, 1, "75", "91", (500_000_000, 1_000_000_000)))
    assert main(["evaluate", "--db", db.location, "--year", "2026", "--quarter", "1"]) == 0
    out = capsys.readouterr().out
    assert "Triwulan 1 Tahun 2026" in out and "Dinas Kesehatan" in out and "Sangat Tinggi" in out
    assert main(["evaluate", "--db", db.location, "--year", "2026", "--quarter", "1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["peringkat"][0]
    assert first["peringkat"] == 1 and first["kode"] == "1.02.0.00.0.00.01.0000"
    assert first["indikator"][0]["capaian"] == "106.25" and first["indikator"][1]["target_sd_triwulan"] == "90"


def test_refusals_are_worded_as_the_wizard_words_them(db: Database, signed: dict[str, str]) -> None:
    # GIVEN AKI 70 of 80 (112,5 %) and coverage 80 of 90 (88,89 %) without kendala, a budget beyond its pagu
    with pytest.raises(ValidationError) as info:
        evaluation.save_quarter_report(db, _report(signed, 1, "70", "80", (5_000_000_000, 0), kendala=("", "")))
    # THEN each field's message names the indicator or program, with the percentages and amounts spaced as shown
    assert info.value.errors == {
        f"indicators[{signed['coverage']}].problems": (
            "Cakupan imunisasi dasar lengkap: capaian 88,89 % di bawah 100 %, kendala dan tindak lanjut wajib diisi"
        ),
        f"budgets[{signed['program_a']}]": (
            "PROGRAM 1.02.01: realisasi anggaran s.d. triwulan Rp 5.000.000.000 melebihi pagu Rp 4.500.000.000"
        ),
    }
    with pytest.raises(ValidationError) as info:
        evaluation.save_quarter_report(db, _report(signed, 1, "-1", "95", (-5, None)))
    assert info.value.errors == {
        f"budgets[{signed['program_a']}]": "PROGRAM 1.02.01: Realisasi anggaran tidak boleh negatif"
    }
    with pytest.raises(ValidationError) as info:
        evaluation.save_quarter_report(db, _report(signed, 1, "-1", "95"))
    assert info.value.errors == {
        f"indicators[{signed['aki']}].value": "Angka Kematian Ibu: Realisasi tidak boleh negatif"
    }
    with db.read() as s:
        assert s.scalars(select(IndicatorRealization)).all() == []


def test_states_are_the_domains_and_a_summed_value_after_a_gap_is_flagged(db: Database, dinkes: str) -> None:
    # GIVEN coverage summed over the quarters (20 + 25 + 25 + 25,5 = 95,5), TW I not reported
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    detail = agreements.get_agreement(db, agreement_id)
    summed = replace(detail.items[1], cumulation=Cumulation.SUMMED, quarters=(D(20), D(25), D(25), D("25.5")))
    agreements.save_draft(db, replace(detail, items=[detail.items[0], summed]))
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    ids = {"opd": dinkes, "aki": detail.items[0].indicator_id, "coverage": detail.items[1].indicator_id,
           "program_a": detail.programs[0].program_id, "program_b": detail.programs[1].program_id}
    # WHEN TW II is reported alone
    result = evaluation.save_quarter_report(db, _report(ids, 2, "85", "50"))
    aki, coverage = result.indicators
    # THEN the summed figure is not scored and says why; the other one counts
    assert aki.state is ResultState.FILLED and round_percent(aki.capaian) == D("102.30")  # (2 × 87 − 85) / 87
    assert coverage.state is ResultState.EARLIER_MISSING and coverage.capaian is None
    assert coverage.state.label == "triwulan sebelumnya belum diisi"
    assert result.missing == 1 and round_percent(result.score) == D("102.30")


def test_current_settings_are_the_regencys(db: Database, dinkes: str) -> None:
    settings = evaluation.current_settings(db)
    assert (settings.cap, settings.negative_formula, settings.warning_threshold) == (D(120), "2t-r", D(75))
