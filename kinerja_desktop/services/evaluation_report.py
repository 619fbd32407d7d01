"""Entering a quarter: an OPD's realisation, budget, kendala and evidence saved in one transaction, and
Bappeda's verification.

Part of the evaluation service (``services/evaluation.py`` is the front door). What a report must satisfy is
the domain's (``domain/evaluation.py``); the Evaluasi Triwulan wizard checks the same rules while typing, so
what it lets through is accepted here, and what is refused here is worded as the wizard words it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.evidence import find_evidence, store_evidence_file
from ..db.limits import check_values
from ..db.models import BudgetRealization, Evidence, IndicatorRealization
from ..db.types import utcnow
from ..domain.evaluation import (
    kendala_problem,
    negative_budget_problem,
    pagu_problem,
    reading_problem,
)
from ..domain.formatting import format_number
from . import audit
from .errors import FORM, ValidationError
from .evaluation_data import OpdEvaluation, QuarterReport, budget_key, problems_key, value_key
from .evaluation_loading import closure, signed_agreements
from .evaluation_results import evaluate_in


def save_quarter_report(db: Database, report: QuarterReport, *, origin: str = "app") -> OpdEvaluation:
    """Save an OPD's realisation, budget and kendala for a quarter in one transaction.

    Refused when the quarter is closed. Indicators below 100 % need kendala and tindak lanjut.
    A changed earlier value is a correction and is written to the audit log with old and new values.
    """
    evidence_dir = db.evidence_dir
    with db.write() as session:
        return write_quarter_report(session, report, evidence_dir=evidence_dir, origin=origin)


def _check_values(report: QuarterReport) -> None:
    unusable: dict[str, str] = {}
    for entry in report.indicators:  # a signalling NaN cannot even be compared with the stored value
        unusable.update(check_values(IndicatorRealization, {"value": entry.value}, indicator_id=entry.indicator_id))
    if unusable:
        raise ValidationError(unusable)


def write_quarter_report(
    session: Session, report: QuarterReport, *, evidence_dir: Path | None = None, origin: str = "app"
) -> OpdEvaluation:
    """:func:`save_quarter_report` inside the caller's transaction (an import of many OPDs' reports)."""
    _check_values(report)
    if closure(session, report.year, report.quarter) is not None:
        raise ValidationError.single(
            FORM, f"Triwulan {report.quarter} tahun {report.year} sudah ditutup Bappeda; data tidak dapat diubah"
        )
    agreements = signed_agreements(session, report.year, report.opd_id)
    if not agreements:
        raise ValidationError.single(FORM, f"Belum ada PK {report.year} yang ditandatangani untuk OPD ini")
    agreement = agreements[0]
    allowed = {item.indicator_id for item in agreement.items}
    programs = {p.program_id: p for p in agreement.programs if p.program_id}
    problems: dict[str, str] = {}
    corrections = []
    for entry in report.indicators:
        if entry.indicator_id not in allowed:
            raise ValidationError.single(FORM, "Indikator tidak termasuk dalam PK yang ditandatangani")
        row = session.scalars(
            select(IndicatorRealization).where(
                IndicatorRealization.indicator_id == entry.indicator_id,
                IndicatorRealization.year == report.year,
                IndicatorRealization.quarter == report.quarter,
            )
        ).first()
        if row is None:
            if entry.value is None and entry.grade is None and not entry.problems and not entry.new_evidence:
                continue
            row = IndicatorRealization(indicator_id=entry.indicator_id, year=report.year, quarter=report.quarter)
            session.add(row)
        elif (row.value, row.grade) != (entry.value, entry.grade) and (row.value is not None or row.grade):
            corrections.append((entry.indicator_id, row.value, entry.value, row.grade, entry.grade))
            row.verified = False  # a corrected value needs Bappeda's verification again
        row.value, row.grade = entry.value, entry.grade
        row.problems, row.follow_up = entry.problems.strip(), entry.follow_up.strip()
        row.reported_at = utcnow()
        for path in entry.new_evidence:
            row.evidence.append(_store_evidence(path, evidence_dir))
    for budget in report.budgets:
        program = programs.get(budget.program_id)
        if program is None:
            raise ValidationError.single(FORM, "Program tidak termasuk dalam PK yang ditandatangani")
        negative = negative_budget_problem(program.name, budget.amount)
        if negative:
            problems[budget_key(budget.program_id)] = negative
            continue
        spent = session.scalars(
            select(BudgetRealization).where(
                BudgetRealization.program_id == budget.program_id,
                BudgetRealization.year == report.year,
                BudgetRealization.quarter == report.quarter,
            )
        ).first()
        if budget.amount is None:
            if spent is not None:
                session.delete(spent)
            continue
        if spent is None:
            spent = BudgetRealization(program_id=budget.program_id, year=report.year, quarter=report.quarter)
            session.add(spent)
        spent.amount = int(budget.amount)
    if problems:
        raise ValidationError(problems)
    session.flush()
    result = evaluate_in(session, report.year, report.quarter, report.opd_id)[0]
    problems = report_problems(result)
    if problems:
        raise ValidationError(problems)
    audit.record(
        session,
        "evaluation.save",
        "opd",
        report.opd_id,
        f"Realisasi TW {report.quarter} {report.year} {result.opd_name} disimpan "
        f"(nilai {format_number(result.score, 2, empty='-')})",
        origin=origin,
    )
    for indicator_id, old, new, old_grade, new_grade in corrections:
        audit.record(
            session,
            "evaluation.correct",
            "indicator",
            indicator_id,
            f"Koreksi realisasi TW {report.quarter} {report.year}",
            {"sebelum": old if old is not None else old_grade, "sesudah": new if new is not None else new_grade},
            origin=origin,
        )
    return result


def report_problems(result: OpdEvaluation) -> dict[str, str]:
    """Why a quarter's results cannot be saved, by field: a value that cannot be scored, kendala missing
    below 100 %, budget beyond the pagu (the wizard checks the same rules page by page)."""
    problems: dict[str, str] = {}
    for r in result.indicators:
        unreadable = reading_problem(r.name, r.state, r.note, r.entered(result.quarter))
        if unreadable:
            problems[value_key(r.indicator_id)] = unreadable
        kendala = kendala_problem(r.name, r.capaian, r.problems, r.follow_up)
        if kendala:
            problems[problems_key(r.indicator_id)] = kendala
    for p in result.programs:
        over = pagu_problem(p.name, p.realized_to_date, p.pagu)
        if over:
            problems[budget_key(p.program_id)] = over
    return problems


def _store_evidence(path: Path, evidence_dir: Path | None) -> Evidence:
    """Copy a supporting file into the evidence store, named by its SHA-256 (content-addressed)."""
    if evidence_dir is None:
        raise ValidationError.single(FORM, "Bukti dukung hanya dapat disimpan pada basis data berkas lokal")
    try:
        digest, size = store_evidence_file(evidence_dir, path)
    except OSError as exc:
        raise ValidationError.single(
            FORM, f"Berkas bukti “{Path(path).name}” tidak dapat dibaca: {exc.strerror}"
        ) from exc
    return Evidence(file_name=Path(path).name, sha256=digest, size=size)


def evidence_path(db: Database, sha256: str) -> Path | None:
    """The stored file of an evidence row, or None (missing, or a name that is not a SHA-256)."""
    return find_evidence(db.evidence_dir, sha256)


def verify_quarter(db: Database, year: int, quarter: int, opd_id: str) -> int:
    """Bappeda verifies an OPD's realisation of a quarter; returns how many values were verified."""
    with db.write() as session:
        if closure(session, year, quarter) is not None:
            raise ValidationError.single(FORM, f"Triwulan {quarter} tahun {year} sudah ditutup")
        agreements = signed_agreements(session, year, opd_id)
        ids = [i.indicator_id for a in agreements for i in a.items]
        rows = session.scalars(
            select(IndicatorRealization).where(
                IndicatorRealization.indicator_id.in_(ids),
                IndicatorRealization.year == year,
                IndicatorRealization.quarter == quarter,
                IndicatorRealization.verified.is_(False),
            )
        ).all()
        now = utcnow()
        for row in rows:
            row.verified, row.verified_at = True, now
        if rows:
            audit.record(
                session, "evaluation.verify", "opd", opd_id, f"{len(rows)} realisasi TW {quarter} {year} diverifikasi"
            )
        return len(rows)
