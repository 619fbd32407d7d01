"""Quarterly evaluation: capaian per indicator, OPD scores, ranking, early warnings, closing a quarter.

The agreement that counts for a year is each OPD's newest signed version (a signed PK Perubahan replaces
the original for the whole year). Realisations are stored per quarter as entered (summed indicators: the
quarter's own amount; last-value indicators: the level at the quarter's end) and cumulated by
``domain.to_date``. Budget realisation is stored per quarter and summed to date.

This module is the service's front door: the GUI, the CLI and printing import every use case from here.
Behind it, ``evaluation_loading`` reads (with the cache of signed lampiran), ``evaluation_results`` computes
with the rules of ``domain/evaluation.py``, and ``evaluation_report`` saves a quarter report with its evidence.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable
from dataclasses import asdict, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, configure_mappers

from ..db.database import Database
from ..db.locks import lock_quarters
from ..db.models import PerformanceAgreement, QuarterClosure
from ..domain import rank_opds
from ..domain.evaluation import EvaluationSettings
from . import audit
from . import users as auth
from .errors import FORM, ValidationError
from .evaluation_data import EarlyWarning, OpdEvaluation, Ranking, RankingRow
from .evaluation_loading import closure, load_settings, signed_agreements
from .evaluation_report import (
    evidence_path,
    realization_problem,
    report_problems,
    save_quarter_report,
    verify_quarter,
    with_versions,
)
from .evaluation_results import evaluate_in, evaluate_quarters_in

__all__ = [
    "close_quarter",
    "closed_quarters",
    "current_settings",
    "early_warnings",
    "evaluate_opd",
    "evaluate_quarter",
    "evidence_path",
    "is_closed",
    "load_settings",
    "not_reported",
    "quarter_trend",
    "only_verified",
    "quarter_years",
    "rank",
    "ranking",
    "ranking_in",
    "realization_problem",
    "report_problems",
    "save_quarter_report",
    "signed_agreements",
    "verify_quarter",
    "warm_up",
]


def current_settings(db: Database) -> EvaluationSettings:
    """The regency's scoring settings (cap, negative formula, thresholds, bands) as the evaluation uses them."""
    with db.read() as session:
        return load_settings(session)


def evaluate_quarter(db: Database, year: int, quarter: int) -> list[OpdEvaluation]:
    """Every OPD with a signed PK for the year, evaluated up to ``quarter`` (live, not the snapshot)."""
    with db.read() as session:
        return evaluate_in(session, year, quarter)


def evaluate_opd(db: Database, year: int, quarter: int, opd_id: str) -> OpdEvaluation:
    """One OPD's results, with the versions of the quarter's rows as read (a form saves them back)."""
    with db.read() as session:
        results = evaluate_in(session, year, quarter, opd_id)
        if not results:
            raise ValidationError.single(FORM, f"Perangkat daerah ini belum memiliki PK {year} yang ditandatangani")
        return with_versions(session, results[0])


def rank(evaluations: Iterable[OpdEvaluation]) -> list[RankingRow]:
    """Rank evaluations by score (ties share a rank; OPDs with no score last, unranked)."""
    by_code = {e.opd_code: e for e in evaluations}
    rows = []
    for ranked in rank_opds((code, e.score) for code, e in by_code.items()):
        e = by_code[ranked.key]
        rows.append(
            RankingRow(
                rank=ranked.rank,
                opd_id=e.opd_id,
                opd_code=e.opd_code,
                opd_abbreviation=e.opd_abbreviation,
                opd_name=e.opd_name,
                score=e.score,
                predicate=e.predicate,
                absorption=e.absorption,
                efficiency=e.efficiency.value if e.efficiency else None,
                missing=e.missing,
                indicator_count=len(e.indicators),
                reported=e.reported,
                provisional=e.provisional,
            )
        )
    return rows


def ranking(db: Database, year: int, quarter: int, *, verified_only: bool = False) -> Ranking:
    """The ranking of a quarter: the frozen snapshot once the quarter is closed, else computed live.

    ``verified_only``: only the OPDs whose report Bappeda verified, ranked among themselves.
    """
    with db.read() as session:
        found = ranking_in(session, year, quarter)
    return only_verified(found) if verified_only else found


def ranking_in(
    session: Session, year: int, quarter: int, evaluations: list[OpdEvaluation] | None = None
) -> Ranking:
    """:func:`ranking` in an open session; ``evaluations``: the quarter's live ones when already computed."""
    closed = closure(session, year, quarter)
    if closed is not None and closed.snapshot:
        return _ranking_from_snapshot(closed)
    if evaluations is None:
        evaluations = evaluate_in(session, year, quarter)
    return Ranking(year, quarter, tuple(rank(evaluations)))


def quarter_trend(db: Database, year: int, opd_id: str) -> dict[int, OpdEvaluation | None]:
    """One OPD evaluated up to each quarter of the year (None: no signed PK), from one read: the line chart of
    the Evaluasi screen. Each quarter's result equals :func:`evaluate_opd`'s but without the rows' versions."""
    with db.read() as session:
        by_quarter = evaluate_quarters_in(session, year, (1, 2, 3, 4), opd_id)
    return {quarter: (found[0] if found else None) for quarter, found in by_quarter.items()}


def warm_up(db: Database, year: int | None) -> None:
    """Do once what every first ranking of a process pays for (SQLAlchemy's mapper set-up and statement
    compilation, the signed lampiran read, the indicators' results remembered) for each quarter of ``year``.

    The main window runs it in the background once its window is shown, so the Evaluasi screen and the
    Beranda open on remembered results. The first time in a process, what start-up made (modules, mappers,
    compiled statements, the remembered results) is then collected once and frozen out of the collector's
    sight (:func:`gc.freeze`): otherwise the first full collection, which then walks all of it (≈ 45 ms on the
    city), falls in the user's first ranking or year switch.
    """
    global _start_up_frozen
    configure_mappers()
    if year is not None:
        with db.read() as session:
            for quarter in (1, 2, 3, 4):
                ranking_in(session, year, quarter)
            closed_quarters_in(session, year)
    if not _start_up_frozen:  # once: objects frozen are never freed, and a later database's are not start-up's
        _start_up_frozen = True
        gc.collect()
        gc.freeze()


_start_up_frozen = False


def only_verified(ranking: Ranking) -> Ranking:
    """``ranking`` limited to verified reports ("sementara" ones left out), ranked again among themselves."""
    rows = [r for r in ranking.rows if r.verified]
    ranks = {ranked.key: ranked.rank for ranked in rank_opds((r.opd_code, r.score) for r in rows)}
    order = {code: n for n, code in enumerate(ranks)}
    rows.sort(key=lambda r: order[r.opd_code])
    return replace(ranking, rows=tuple(replace(r, rank=ranks[r.opd_code]) for r in rows))


def early_warnings(evaluations: Iterable[OpdEvaluation]) -> list[EarlyWarning]:
    """Indicators whose capaian to date is under the regency's threshold, worst first, with their kendala."""
    warnings = [
        EarlyWarning(e.opd_abbreviation, e.opd_name, r.name, r.capaian, r.problems, r.follow_up)
        for e in evaluations
        for r in e.indicators
        if r.below_threshold and r.capaian is not None
    ]
    return sorted(warnings, key=lambda w: (w.capaian, w.opd_abbreviation, w.indicator))


def not_reported(evaluations: Iterable[OpdEvaluation]) -> list[OpdEvaluation]:
    """OPDs that entered nothing for the quarter (belum lapor)."""
    return [e for e in evaluations if not e.reported]


# --- closing -------------------------------------------------------------------------------------------


def is_closed(db: Database, year: int, quarter: int) -> bool:
    with db.read() as session:
        return closure(session, year, quarter) is not None


def close_quarter(db: Database, year: int, quarter: int, closed_by: str = "") -> Ranking:
    """Lock a quarter: no more realisation changes, and its ranking frozen as a snapshot.

    The quarter's lock (``db/locks.py``) makes a report saved at the same instant on another computer either
    commit before (and count in the snapshot) or be refused after; the database's trigger refuses it anyway.
    """
    auth.require(db, "close_quarter")
    with db.write() as session:
        lock_quarters(session, [(year, quarter)])
        if closure(session, year, quarter) is not None:
            raise ValidationError.single(FORM, f"Triwulan {quarter} tahun {year} sudah ditutup")
        rows = rank(evaluate_in(session, year, quarter))
        closed = QuarterClosure(
            year=year,
            quarter=quarter,
            closed_by=closed_by or audit.current_user(db),
            snapshot=json.dumps([_row_json(r) for r in rows], ensure_ascii=False),
        )
        session.add(closed)
        session.flush()
        audit.record(
            session,
            "evaluation.close",
            "quarter_closure",
            closed.id,
            f"Triwulan {quarter} tahun {year} ditutup; peringkat dibekukan ({len(rows)} OPD)",
        )
        return Ranking(year, quarter, tuple(rows), closed.closed_at, closed.closed_by)


def _row_json(row: RankingRow) -> dict:
    data = asdict(row)
    for key in ("score", "absorption"):
        data[key] = None if data[key] is None else str(data[key])
    return data


def _ranking_from_snapshot(closed: QuarterClosure) -> Ranking:
    rows = []
    for data in json.loads(closed.snapshot):
        for key in ("score", "absorption"):
            data[key] = None if data[key] is None else Decimal(data[key])
        rows.append(RankingRow(**data))
    return Ranking(closed.year, closed.quarter, tuple(rows), closed.closed_at, closed.closed_by)


def quarter_years(db: Database) -> list[int]:
    with db.read() as session:
        return sorted({y for (y,) in session.execute(select(PerformanceAgreement.year).distinct())})


def closed_quarters(db: Database, year: int) -> dict[int, datetime]:
    with db.read() as session:
        return closed_quarters_in(session, year)


def closed_quarters_in(session: Session, year: int) -> dict[int, datetime]:
    query = select(QuarterClosure.quarter, QuarterClosure.closed_at).where(QuarterClosure.year == year)
    return {quarter: closed_at for quarter, closed_at in session.execute(query)}
