"""The year's-end documents' content: an OPD's AKIP rapor and the Piagam Penghargaan of the best OPDs.

Loaded from the database into ``reports.akip_data`` (no ReportLab here), with the scores the domain computes
rounded as printed. The rapor comes on the planning agency's kop, signed by its head; a piagam on the regency's
own kop, signed by the regional head in office on the date it carries.
"""

from __future__ import annotations

from datetime import date

from ..db.database import Database
from ..db.models import Opd
from ..domain.akip import LkeStatus, grade_description
from ..domain.formatting import format_date, round_half_up
from ..reports import data as rd
from ..reports.akip_data import PiagamDocument, RaporDocument, RaporPart
from .agreement_signers import regional_head
from .akip import read_evaluation, score_of
from .akip_data import AnnualRanking, AnnualRow
from .akip_structure import year_framework_in
from .documents import _letterhead, _regency, _region, _watermark, agency_letterhead, agency_signer, unit_code
from .errors import FORM, ValidationError

PLACES = 2


def _row(ranking: AnnualRanking, opd_id: str) -> AnnualRow:
    for row in ranking.rows:
        if row.opd_id == opd_id and row.akip_score is not None:
            return row
    raise ValidationError.single(FORM, f"Perangkat daerah ini belum dievaluasi untuk tahun {ranking.year}")


def rapor_document(db: Database, ranking: AnnualRanking, opd_id: str, dated: date | None = None) -> RaporDocument:
    """An OPD's rapor of the ranking's year, dated today unless ``dated`` is given."""
    row = _row(ranking, opd_id)
    on = dated or date.today()
    with db.read() as session:
        regency = _regency(session)
        opd = session.get(Opd, opd_id)
        assert opd is not None
        form = read_evaluation(session, opd_id, ranking.year)
        score = score_of(year_framework_in(session, ranking.year).framework, form)
        parts: list[RaporPart] = []
        for component in score.components:
            parts.append(RaporPart(component.code, component.name, component.weight,
                                   round_half_up(component.score, PLACES)))
            parts += [RaporPart(s.code, s.name, s.weight, round_half_up(s.score, PLACES), 1)
                      for s in component.subcomponents]
        head = agency_letterhead(session, regency, on)
        return RaporDocument(
            year=ranking.year,
            region=_region(regency),
            letterhead=head,
            unit_name=opd.name,
            unit_code=unit_code(opd.abbreviation),
            parts=tuple(parts),
            total=round_half_up(score.total, PLACES),
            grade=score.grade,
            grade_text=grade_description(score.grade),
            final=form.status is LkeStatus.FINAL,
            rank=row.rank,
            ranked=sum(1 for r in ranking.rows if r.rank is not None),
            capaian_score=None if row.capaian_score is None else round_half_up(row.capaian_score, PLACES),
            capaian_predicate=row.capaian_predicate,
            notes=form.notes,
            recommendations=tuple(line for line in form.recommendations.splitlines() if line.strip()),
            evaluator=form.evaluator,
            place=regency.capital,
            printed_on=on,
            signer=agency_signer(session, regency, on, head.office),
            watermark=_watermark(regency, form.status is not LkeStatus.FINAL),  # a draft evaluation: DRAF
            source=regency.id,
        )


def piagam_document(db: Database, ranking: AnnualRanking, opd_id: str, dated: date | None = None) -> PiagamDocument:
    """The Piagam Penghargaan of one of the ranking's winners, signed by the regional head in office on the date."""
    row = _row(ranking, opd_id)
    if row not in ranking.winners():
        raise ValidationError.single(
            FORM, f"{row.opd_name} tidak termasuk {ranking.award_count} terbaik tahun {ranking.year}")
    on = dated or date.today()
    with db.read() as session:
        regency = _regency(session)
        head = regional_head(session, on)
        if head is None:
            raise ValidationError.single(
                "date", f"Tidak ada kepala daerah yang menjabat pada {format_date(on)} untuk menandatangani piagam")
        assert row.rank is not None and row.akip_score is not None and row.akip_grade is not None
        return PiagamDocument(
            year=ranking.year,
            region=_region(regency),
            letterhead=_letterhead(regency, None, ""),
            unit_name=row.opd_name,
            unit_code=unit_code(row.opd_abbreviation),
            rank=row.rank,
            total=round_half_up(row.akip_score, PLACES),
            grade=row.akip_grade,
            place=regency.capital,
            signed_on=on,
            signer=rd.Signer(head.name, head.position, head.acting, head.nip, head.rank or None),
            watermark=_watermark(regency, False),
            source=regency.id,
        )


