"""The wizard's live reading and the service's stored results are one computation: every OPD-quarter of the
demo regency (Kabupaten Sukamaju), read both ways, gives the same readings, figures and refusals."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from kinerja_desktop.db.database import Database
from kinerja_desktop.domain.enums import AgreementStatus
from kinerja_desktop.domain.evaluation import ResultState
from kinerja_desktop.domain.formatting import format_number
from kinerja_desktop.gui.evaluation_flow import EvaluationFlow, ServiceSource, Step
from kinerja_desktop.services import agreements, evaluation
from kinerja_desktop.services.errors import FORM, ValidationError
from kinerja_desktop.services.evaluation_data import OpdEvaluation


class OpenQuarters(ServiceSource):
    """The services, with every quarter open: a closed quarter is read all the same."""

    def closed_quarters(self, year: int) -> set[int]:
        return set()


def flow_errors(flow: EvaluationFlow) -> dict[str, str]:
    """What the wizard refuses page by page, without its own page rule (something must be typed)."""
    errors: dict[str, str] = {}
    for step in (Step.REALIZATION, Step.BUDGET, Step.PROBLEMS):
        errors.update(flow.validate(step))
    errors.pop(FORM, None)
    return errors


def differences(flow: EvaluationFlow, stored: OpdEvaluation) -> list[str]:
    """Every way the flow, opened on ``stored``'s OPD-quarter with nothing typed over, differs from it."""
    found = []
    quarter = stored.quarter
    for entry, r in zip(flow.entries, stored.indicators, strict=True):
        reading = flow.reading(entry)
        live = (reading.state, reading.realization_to_date, reading.grade, reading.capaian, reading.progress,
                reading.note)
        kept = (r.state, r.realization_to_date, r.grade, r.capaian, r.progress, r.note)
        if live != kept:
            found.append(f"{r.name}: wizard {live} / service {kept}")
    report = flow.build_report()
    typed = [(i.value, i.grade) for i in report.indicators]
    entered = [(r.quarter_values[quarter - 1], r.quarter_grades[quarter - 1]) for r in stored.indicators]
    if typed != entered:
        found.append(f"report {typed} / stored {entered}")
    summary = flow.summary()
    live_figures = (summary.score, summary.predicate, summary.absorption, summary.efficiency, summary.missing,
                    summary.realized_to_date, summary.pagu)
    kept_figures = (stored.score, stored.predicate, stored.absorption,
                    stored.efficiency.label if stored.efficiency else None, stored.missing,
                    stored.realized_to_date, stored.pagu)
    if live_figures != kept_figures:
        found.append(f"figures: wizard {live_figures} / service {kept_figures}")
    refused, problems = flow_errors(flow), evaluation.report_problems(stored)
    if refused != problems:
        found.append(f"problems: wizard {refused} / service {problems}")
    return found


@pytest.fixture
def everything_signed(demo_db: Database) -> Database:
    """The demo with its 2026 drafts signed too, so 2026's late and missing reports are read as well."""
    for row in agreements.list_agreements(demo_db, 2026):
        if row.status is AgreementStatus.DRAFT and row.opd_id is not None:
            agreements.finalize(demo_db, row.agreement_id)
            agreements.sign(demo_db, row.agreement_id, date(2026, 1, 26))
    return demo_db


def test_every_opd_quarter_of_the_demo_reads_the_same_in_the_wizard_and_the_service(everything_signed):
    db = everything_signed
    source = OpenQuarters(db)
    found: list[str] = []
    states: Counter[ResultState] = Counter()
    refusals: Counter[str] = Counter()
    opd_quarters = 0
    for year in (2025, 2026):
        for quarter in (1, 2, 3, 4):
            for stored in evaluation.evaluate_quarter(db, year, quarter):
                flow = EvaluationFlow(source, year)
                assert flow.choose(year, quarter, stored.opd_id) == {}
                found += [f"{stored.opd_abbreviation} {year} TW {quarter}: {d}" for d in differences(flow, stored)]
                states.update(r.state for r in stored.indicators)
                refusals.update(key.split("]")[-1] or "budget" for key in evaluation.report_problems(stored))
                opd_quarters += 1
    assert found == []
    # the comparison covered every kind of reading and of refusal the demo holds
    assert opd_quarters > 200
    assert {ResultState.FILLED, ResultState.NOT_FILLED, ResultState.NOT_RELEASED} <= set(states), states
    assert refusals[".problems"] > 0, refusals


def type_a_report(flow: EvaluationFlow, n: int) -> None:
    """Type what an operator might for TW III, varied with the OPD's position ``n``: every third OPD a careful
    report (targets met, kendala written); the others shortfalls with and without kendala, grades, a negative
    value now and then, and budgets beyond the pagu."""
    careful = n % 3 == 1
    for i, entry in enumerate(flow.entries):
        r, kind = entry.result, 3 if careful else (n + i) % 5
        if entry.scale is not None:
            entry.text = entry.scale.grades[-1] if kind else entry.scale.grades[0]
        elif kind == 4 and n % 4 == 0:
            entry.text = "-1"
        elif r.target_to_date is not None:
            factor = ("0.5", "1.1", "0.95", "1", "0.8")[kind]
            entry.text = format_number(r.target_to_date * Decimal(factor), 2)
        if kind % 2:
            entry.problems, entry.follow_up = "Data terlambat", "Pendampingan operator"
        elif kind == 2:
            entry.problems = "Data terlambat"  # tindak lanjut forgotten
    for j, program in enumerate(flow.programs):
        beyond = not careful and (n + j) % 3 == 0
        program.text = format_number(program.result.pagu if beyond else program.result.pagu // 10, 0)


def test_typed_reports_are_refused_with_the_wizards_words_or_saved_as_the_wizard_read_them(everything_signed):
    db = everything_signed
    saved = refused = 0
    seen: Counter[ResultState] = Counter()
    refusals: Counter[str] = Counter()
    for n, stored in enumerate(evaluation.evaluate_quarter(db, 2026, 3)):
        flow = EvaluationFlow(ServiceSource(db), 2026)
        assert flow.choose(2026, 3, stored.opd_id) == {}
        type_a_report(flow, n)
        live = [flow.reading(e) for e in flow.entries]
        seen.update(r.state for r in live)
        expected = flow_errors(flow)
        try:
            result = evaluation.save_quarter_report(db, flow.build_report())
        except ValidationError as exc:
            assert exc.errors == expected, stored.opd_abbreviation
            refusals.update(key.split("]")[-1] or "budget" for key in exc.errors)
            refused += 1
            continue
        assert expected == {}, stored.opd_abbreviation
        kept = [(r.state, r.realization_to_date, r.grade, r.capaian, r.progress, r.note) for r in result.indicators]
        assert [(r.state, r.realization_to_date, r.grade, r.capaian, r.progress, r.note) for r in live] == kept
        summary = flow.summary()
        assert (summary.score, summary.predicate, summary.absorption) == (result.score, result.predicate,
                                                                          result.absorption)
        saved += 1
    assert saved and refused, (saved, refused)
    assert {ResultState.FILLED, ResultState.INVALID, ResultState.EARLIER_MISSING} <= set(seen), seen
    assert {".value", ".problems", "budget"} <= set(refusals), refusals
