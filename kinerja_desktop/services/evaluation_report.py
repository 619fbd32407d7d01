"""Entering a quarter: an OPD's realisation, budget, kendala and evidence saved in one transaction, and
Bappeda's verification.

Part of the evaluation service (``services/evaluation.py`` is the front door). What a report must satisfy is
the domain's (``domain/evaluation.py``); the Evaluasi Triwulan wizard checks the same rules while typing, so
what it lets through is accepted here, and what is refused here is worded as the wizard words it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.errors import ConcurrentChangeError
from ..db.evidence import EvidenceStore
from ..db.limits import check_values
from ..db.locks import lock_quarters
from ..db.models import BudgetRealization, Evidence, IndicatorRealization
from ..db.types import utcnow
from ..domain.evaluation import (
    kendala_problem,
    negative_budget_problem,
    pagu_problem,
    reading_problem,
)
from ..domain.formatting import format_number
from . import audit, verification
from . import users as auth
from .errors import FORM, ValidationError
from .evaluation_data import (
    OpdEvaluation,
    QuarterReport,
    RealizationInput,
    budget_key,
    problems_key,
    value_key,
)
from .evaluation_loading import closure, row_versions, signed_agreements
from .evaluation_results import evaluate_in


def realization_problem(indicator_id: str, value: Decimal | None) -> str | None:
    """Why ``value`` cannot be stored as an indicator's realisation (beyond the stored precision), or None: the
    check :func:`save_quarter_report` makes first, for the wizard to say in the cell while typing."""
    problems = check_values(IndicatorRealization, {"value": value}, indicator_id=indicator_id)
    return next(iter(problems.values()), None)


def save_quarter_report(db: Database, report: QuarterReport, *, origin: str = "app") -> OpdEvaluation:
    """Save an OPD's realisation, budget and kendala for a quarter in one transaction.

    Refused when the quarter is closed. Indicators below 100 % need kendala and tindak lanjut.
    A changed earlier value is a correction and is written to the audit log with old and new values.
    An entry carrying the version it was read at (``RealizationInput.version``) is refused with
    :class:`ConcurrentChangeError` when another computer saved that row differently since: nothing is saved.
    """
    auth.require(db, "opd_data", report.opd_id)
    store = db.evidence
    with db.write() as session:
        return write_quarter_report(session, report, evidence=store, origin=origin)


def _check_values(report: QuarterReport) -> None:
    unusable: dict[str, str] = {}
    for entry in report.indicators:  # a signalling NaN cannot even be compared with the stored value
        unusable.update(check_values(IndicatorRealization, {"value": entry.value}, indicator_id=entry.indicator_id))
    if unusable:
        raise ValidationError(unusable)


def write_quarter_report(
    session: Session, report: QuarterReport, *, evidence: EvidenceStore | None = None, origin: str = "app"
) -> OpdEvaluation:
    """:func:`save_quarter_report` inside the caller's transaction (an import of many OPDs' reports).

    ``evidence``: where new evidence files go (None: the caller brings none).
    """
    _check_values(report)
    lock_quarters(session, [(report.year, report.quarter)])  # closing it waits for this save, or this for it
    if closure(session, report.year, report.quarter) is not None:
        raise ValidationError.single(
            FORM, f"Triwulan {report.quarter} tahun {report.year} sudah ditutup Bappeda; data tidak dapat diubah"
        )
    agreements = signed_agreements(session, report.year, report.opd_id)
    if not agreements:
        raise ValidationError.single(FORM, f"Belum ada PK {report.year} yang ditandatangani untuk OPD ini")
    verification.check_report_editable(session, report.year, report.quarter, report.opd_id)
    agreement = agreements[0]
    allowed = {item.indicator_id for item in agreement.items}
    programs = {p.program_id: p for p in agreement.programs if p.program_id}
    problems: dict[str, str] = {}
    corrections = []
    changed_elsewhere: list[str] = []
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
        _check_version(row, entry.version, _same_realisation(row, entry), changed_elsewhere)
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
            row.evidence.append(_store_evidence(path, evidence, session))
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
        _check_version(spent, budget.version, spent is not None and spent.amount == budget.amount, changed_elsewhere)
        if budget.amount is None:
            if spent is not None:
                session.delete(spent)
            continue
        if spent is None:
            spent = BudgetRealization(program_id=budget.program_id, year=report.year, quarter=report.quarter)
            session.add(spent)
        spent.amount = int(budget.amount)
    if changed_elsewhere:
        raise ConcurrentChangeError(f"Realisasi TW {report.quarter} {report.year} {agreement.opd_name}".strip())
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
    session.flush()
    return with_versions(session, result)


def with_versions(session: Session, result: OpdEvaluation) -> OpdEvaluation:
    """``result`` with the versions of its quarter's rows, read in the same session."""
    versions, budget_versions = row_versions(
        session,
        result.year,
        result.quarter,
        [r.indicator_id for r in result.indicators],
        [p.program_id for p in result.programs if p.program_id],
    )
    return replace(result, versions=versions, budget_versions=budget_versions)


def _same_realisation(row: IndicatorRealization | None, entry: RealizationInput) -> bool:
    """The stored row already says what the entry says (two computers typed the same: no conflict)."""
    return (
        row is not None
        and (row.value, row.grade) == (entry.value, entry.grade)
        and (row.problems, row.follow_up) == (entry.problems.strip(), entry.follow_up.strip())
        and not entry.new_evidence
    )


def _check_version(row: Any, seen: int | None, same: bool, changed: list[str]) -> None:
    """Note a row another computer saved since the form read it (``seen``: its version then, 0 = no row)."""
    if seen is None or same:
        return
    current = row.version if row is not None else 0
    if current != seen:
        changed.append(getattr(row, "id", "") or "")

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


def _store_evidence(path: Path, store: EvidenceStore | None, session: Session) -> Evidence:
    """Copy a supporting file into the evidence store, named by its SHA-256 (content-addressed).

    On a server the file's content is a row of the same transaction: every workstation reaches it.
    """
    if store is None:
        raise ValidationError.single(FORM, "Bukti dukung tidak dapat disimpan dari sini; lampirkan di aplikasi")
    try:
        data = Path(path).read_bytes()
        digest, size = store.put(data, connection=session.connection()), len(data)
    except OSError as exc:
        raise ValidationError.single(
            FORM, f"Berkas bukti “{Path(path).name}” tidak dapat dibaca: {exc.strerror}"
        ) from exc
    return Evidence(file_name=Path(path).name, sha256=digest, size=size)


def evidence_path(db: Database, sha256: str) -> Path | None:
    """The stored file of an evidence row to open (on a server a checked copy), or None (missing, or a bad name)."""
    return db.evidence.open_path(sha256)


def verify_quarter(db: Database, year: int, quarter: int, opd_id: str) -> int:
    """Bappeda verifies an OPD's submitted report of a quarter (the verification workflow's step,
    ``services/verification.py``); returns how many values were newly verified."""
    return verification.verify_report(db, year, quarter, opd_id)
