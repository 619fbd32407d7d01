"""The wizard's flow as plain Python (no Qt): steps, validation in Indonesian, live capaian, the report built."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja_desktop.domain import round_percent
from kinerja_desktop.domain.enums import Cumulation, Polarity
from kinerja_desktop.domain.evaluation import ResultState
from kinerja_desktop.gui.evaluation_flow import EvaluationFlow, OpdChoice, Step
from kinerja_desktop.services.errors import FORM
from kinerja_desktop.services.evaluation_data import (
    EvaluationSettings,
    IndicatorResult,
    OpdEvaluation,
    ProgramResult,
    QuarterReport,
)

D = Decimal


def indicator(ident: str, target: str, quarters=(None, None, None, None), **kw) -> IndicatorResult:  # noqa: ANN001, ANN003
    fields = {
        "indicator_id": ident,
        "sasaran": "Meningkatnya derajat kesehatan",
        "name": f"Indikator {ident}",
        "unit": "%",
        "polarity": Polarity.POSITIVE,
        "cumulation": Cumulation.LAST_VALUE,
        "weight": D(1),
        "yearly_target": D(target),
        "target_high": None,
        "target_grade": None,
        "target_to_date": D(target),
        "quarter_values": tuple(None if v is None else D(v) for v in quarters),
        "realization_to_date": None,
        "grade": None,
        "capaian": None,
        "capaian_capped": None,
        "progress": None,
        "state": ResultState.NOT_FILLED,
        "below_threshold": False,
        "problems": "",
        "follow_up": "",
        "verified": False,
        "evidence_count": 0,
    }
    fields.update(kw)
    return IndicatorResult(**fields)


def evaluation(indicators, programs=()) -> OpdEvaluation:  # noqa: ANN001
    return OpdEvaluation("dinkes", "1.02.0.00.0.00.01.0000", "Dinkes", "Dinas Kesehatan", 2026, 2, "pk-1",
                         tuple(indicators), tuple(programs), None, None, None, None, 0)


class FakeSource:
    """The data a flow asks for, without a database; ``saved`` keeps what would be stored."""

    def __init__(self, result: OpdEvaluation, closed: set[int] = frozenset()) -> None:  # noqa: B006
        self.result = result
        self.closed = set(closed)
        self.saved: list[QuarterReport] = []

    def settings(self) -> EvaluationSettings:
        return EvaluationSettings()

    def choices(self, year: int) -> list[OpdChoice]:
        return [OpdChoice("dinkes", "1.02.0.00.0.00.01.0000", "Dinkes", "Dinas Kesehatan")]

    def closed_quarters(self, year: int) -> set[int]:
        return self.closed

    def load(self, year: int, quarter: int, opd_id: str) -> OpdEvaluation:
        return replace(self.result, quarter=quarter)

    def save(self, report: QuarterReport) -> OpdEvaluation:
        self.saved.append(report)
        return self.result

    def value_problem(self, indicator_id: str, value: Decimal) -> str | None:
        # As the service's column check words it, for the precision tests.
        return "Realisasi terlalu besar: paling banyak 16 angka sebelum koma" if abs(value) >= 10**16 else None


PROGRAM = ProgramResult("prog-1", "1.02.02", "Program Pemenuhan Upaya Kesehatan", 1_000_000_000,
                        (300_000_000, None, None, None), 300_000_000, None)


@pytest.fixture
def worked() -> OpdEvaluation:
    """DOMAIN.md's examples for TW II: APM 95 (last value), AKI 80 (negative, flat), summed 10/20/30/40."""
    return evaluation(
        [
            indicator("apm", "95"),
            indicator("aki", "80", polarity=Polarity.NEGATIVE, cumulation=Cumulation.FLAT,
                      unit="per 100.000 KH"),
            indicator("investor", "100", ("8", None, None, None), cumulation=Cumulation.SUMMED,
                      target_to_date=D(30), unit="investor"),
        ],
        [PROGRAM],
    )


def started(source: FakeSource, quarter: int = 2) -> EvaluationFlow:
    flow = EvaluationFlow(source, 2026)
    assert flow.choose(2026, quarter, "dinkes") == {}
    return flow


def test_the_choice_needs_an_opd_and_an_open_quarter(worked):
    flow = EvaluationFlow(FakeSource(worked, closed={1}), 2026)
    assert flow.choose(2026, 2, None) == {"opd": "Pilih perangkat daerah"}
    errors = flow.choose(2026, 1, "dinkes")
    assert errors["quarter"].startswith("Triwulan I tahun 2026 sudah ditutup Bappeda")
    assert flow.validate(Step.CHOOSE) == {"opd": "Pilih perangkat daerah"}
    assert flow.choose(2026, 2, "dinkes") == {} and flow.validate(Step.CHOOSE) == {}


def test_live_capaian_follows_the_worked_examples_typed_the_indonesian_way(worked):
    flow = started(FakeSource(worked))
    apm, aki, investor = flow.entries
    apm.text, aki.text, investor.text = "93", "70", "25"
    assert round_percent(flow.reading(apm).capaian) == D("97.89")
    assert round_percent(flow.reading(aki).capaian) == D("112.50")  # (2 × 80 − 70) / 80
    reading = flow.reading(investor)  # 8 + 25 = 33 of 30 to date
    assert (reading.realization_to_date, round_percent(reading.capaian)) == (D(33), D("110.00"))
    assert round_percent(reading.progress) == D("33.00")  # against the yearly 100
    apm.text = "92,5"
    assert flow.reading(apm).realization_to_date == D("92.5")


def test_realisation_page_refuses_text_negatives_and_an_empty_report(worked):
    flow = started(FakeSource(worked))
    assert flow.validate(Step.REALIZATION) == {FORM: "Isi realisasi sedikitnya satu indikator"}
    flow.entries[0].text = "sembilan puluh"
    flow.entries[1].text = "-3"
    errors = flow.validate(Step.REALIZATION)
    assert "bukan angka yang sah" in errors["indicators[apm].value"]
    assert errors["indicators[aki].value"] == "Indikator aki: Realisasi tidak boleh negatif"
    flow.entries[0].text, flow.entries[1].text = "93", ""
    assert flow.validate(Step.REALIZATION) == {}


def test_summed_indicator_without_the_earlier_quarter_cannot_be_scored(worked):
    result = evaluation([indicator("investor", "100", cumulation=Cumulation.SUMMED, target_to_date=D(30))])
    flow = started(FakeSource(result))
    flow.entries[0].text = "25"
    assert flow.reading(flow.entries[0]).state == "triwulan sebelumnya belum diisi"


def test_kendala_and_tindak_lanjut_are_required_below_100_percent(worked):
    flow = started(FakeSource(worked))
    apm, aki, investor = flow.entries
    apm.text, aki.text, investor.text = "93", "70", "25"
    assert [flow.needs_problems(e) for e in flow.entries] == [True, False, False]
    errors = flow.validate(Step.PROBLEMS)
    assert list(errors) == ["indicators[apm].problems"]
    assert errors["indicators[apm].problems"] == (
        "Indikator apm: capaian 97,89 % di bawah 100 %, kendala dan tindak lanjut wajib diisi"
    )
    apm.problems = "Data sekolah swasta terlambat"
    assert "tindak lanjut wajib diisi" in flow.validate(Step.PROBLEMS)["indicators[apm].problems"]
    apm.follow_up = "Pendampingan operator Dapodik"
    assert flow.validate(Step.PROBLEMS) == {}


def test_budget_is_whole_rupiah_and_never_beyond_the_pagu(worked):
    flow = started(FakeSource(worked))
    program = flow.programs[0]
    program.text = "800.000.000"  # 300 juta in TW I + 800 juta > 1 miliar
    assert "melebihi pagu Rp 1.000.000.000" in flow.validate(Step.BUDGET)["budgets[prog-1]"]
    program.text = "250.000.000,50"
    assert flow.validate(Step.BUDGET)["budgets[prog-1]"].endswith("rupiah penuh, tanpa sen")
    program.text = "200.000.000"
    assert flow.validate(Step.BUDGET) == {} and flow.budget_to_date(program) == 500_000_000


def test_summary_gives_score_predicate_and_absorption(worked):
    flow = started(FakeSource(worked))
    apm, aki, investor = flow.entries
    apm.text, aki.text, investor.text = "93", "70", ""
    flow.programs[0].text = "200.000.000"
    summary = flow.summary()
    assert round_percent(summary.score) == D("105.20")  # (97,89 + 112,50) / 2; the empty one is left out
    assert summary.predicate == "Sangat Tinggi" and summary.missing == 1
    assert (summary.realized_to_date, round_percent(summary.absorption)) == (500_000_000, D("50.00"))
    assert summary.efficiency == "Efisien"


def test_a_negative_budget_is_refused_in_the_services_words(worked):
    flow = started(FakeSource(worked))
    flow.programs[0].text = "-5.000"
    assert flow.validate(Step.BUDGET) == {
        "budgets[prog-1]": "Program Pemenuhan Upaya Kesehatan: Realisasi anggaran tidak boleh negatif"
    }
    assert flow.budget_to_date(flow.programs[0]) is None  # shown "tidak sah", not counted


def test_a_grade_released_earlier_is_read_not_entered_again(worked):
    """Opini BPK (WTP targeted) released WDP in TW I: TW II reads it, as the service does, with an empty cell."""
    opini = indicator("opini", "0", name="Opini BPK", unit="opini", cumulation=Cumulation.RELEASED,
                      yearly_target=None, target_to_date=None, target_grade="WTP", scale="opini_bpk",
                      quarter_grades=("WDP", None, None, None), grade="WDP")
    flow = started(FakeSource(evaluation([opini])))
    entry = flow.entries[0]
    assert entry.is_qualitative and entry.text == ""
    reading = flow.reading(entry)
    assert (reading.state, reading.grade, reading.capaian) == (ResultState.FILLED, "WDP", D(75))
    assert flow.needs_problems(entry)
    entry.text = "wtp"
    assert (flow.reading(entry).grade, flow.reading(entry).capaian) == ("WTP", D(100))
    assert flow.build_report().indicators[0].grade == "WTP"
    entry.text = "baik"
    assert "bukan tingkat pada skala Opini BPK" in flow.validate(Step.REALIZATION)["indicators[opini].value"]


def test_budget_page_is_skipped_when_the_pk_has_no_program(worked):
    flow = started(FakeSource(replace(worked, programs=())))
    assert flow.next_step(Step.REALIZATION) is Step.PROBLEMS
    assert flow.next_step(Step.PROBLEMS) is Step.SUMMARY and flow.next_step(Step.SUMMARY) is None
    flow = started(FakeSource(worked))
    assert flow.next_step(Step.REALIZATION) is Step.BUDGET


def test_reopening_shows_what_was_entered(worked):
    stored = replace(worked.indicators[0], quarter_values=(D("90"), D("91.5"), None, None),
                     problems="Data terlambat", follow_up="Pendampingan")
    flow = started(FakeSource(replace(worked, indicators=(stored, *worked.indicators[1:]))))
    assert flow.reopened
    entry = flow.entries[0]
    assert (entry.text, entry.problems, entry.follow_up) == ("91,5", "Data terlambat", "Pendampingan")


def test_the_report_holds_everything_for_one_save(worked, tmp_path: Path):
    source = FakeSource(worked)
    flow = started(source)
    apm, aki, investor = flow.entries
    apm.text, aki.text = "1.093,5", "70"
    apm.problems, apm.follow_up = " Kendala ", "Tindak lanjut"
    evidence = tmp_path / "bukti.pdf"
    evidence.write_bytes(b"%PDF-1.4 bukti")
    apm.new_evidence.append(evidence)
    flow.programs[0].text = "200.000.000"
    flow.finish()
    report = source.saved[0]
    assert (report.opd_id, report.year, report.quarter) == ("dinkes", 2026, 2)
    first = report.indicators[0]
    assert (first.value, first.problems, first.new_evidence) == (D("1093.5"), "Kendala", [evidence])
    assert report.indicators[2].value is None
    assert [(b.program_id, b.amount) for b in report.budgets] == [("prog-1", 200_000_000)]


def test_missing_evidence_file_is_named(worked, tmp_path: Path):
    flow = started(FakeSource(worked))
    flow.entries[1].text = "70"
    flow.entries[1].new_evidence.append(tmp_path / "hilang.pdf")
    assert flow.validate(Step.PROBLEMS) == {
        "indicators[aki].problems": "Indikator aki: berkas bukti tidak ditemukan: hilang.pdf"
    }


def test_service_errors_point_to_the_page_of_their_field(worked):
    flow = EvaluationFlow(FakeSource(worked))
    assert flow.step_of("budgets[x]") is Step.BUDGET
    assert flow.step_of("indicators[x].problems") is Step.PROBLEMS
    assert flow.step_of("indicators[x].value") is Step.REALIZATION
    assert flow.step_of(FORM) is Step.SUMMARY
