"""The annual ranking: OPDs ranked by their AKIP score, the year's capaian score beside it, both labelled.

The AKIP score is the Inspektorat's LKE (``services/akip.py``); the capaian score is the quarterly evaluation's
at Triwulan IV, read from ``services/evaluation.ranking`` (the frozen snapshot once the quarter is closed),
never recomputed here. Ranks follow the domain's rule (ties share a rank, compared as printed); OPDs without an
evaluation come last, unranked. The best ``award_count`` (the profile's setting) receive a Piagam Penghargaan.
"""

from __future__ import annotations

from sqlalchemy import select

from ..db.database import Database
from ..db.models import Regency
from ..domain import rank_opds
from . import evaluation
from .akip import summaries_in
from .akip_data import AnnualRanking, AnnualRow

DEFAULT_AWARD_COUNT = 5


def annual_ranking(db: Database, year: int) -> AnnualRanking:
    """Every OPD evaluated (or with a signed PK) in ``year``, ranked by its AKIP score."""
    quarterly = evaluation.ranking(db, year, 4)
    capaian = {row.opd_id: row for row in quarterly.rows}
    with db.read() as session:
        regency = session.scalars(select(Regency)).first()
        award_count = regency.award_count if regency is not None else DEFAULT_AWARD_COUNT
        summaries = [s for s in summaries_in(session, year) if s.score is not None or s.opd_id in capaian]
    by_code = {s.opd_code: s for s in summaries}
    rows = []
    for ranked in rank_opds((code, s.total) for code, s in by_code.items()):
        summary = by_code[ranked.key]
        reading = capaian.get(summary.opd_id)
        rows.append(AnnualRow(
            rank=ranked.rank,
            opd_id=summary.opd_id,
            opd_code=summary.opd_code,
            opd_abbreviation=summary.opd_abbreviation,
            opd_name=summary.opd_name,
            akip_score=summary.total,
            akip_grade=summary.grade,
            akip_status=summary.status,
            akip_complete=summary.score is not None and summary.score.complete,
            capaian_score=reading.score if reading else None,
            capaian_predicate=reading.predicate if reading else None,
            capaian_rank=reading.rank if reading else None,
            absorption=reading.absorption if reading else None,
        ))
    return AnnualRanking(year, tuple(rows), award_count, quarterly.closed_at is not None)
