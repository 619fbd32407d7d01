"""The printed documents' content: a snapshot of the database loaded into the reports' dataclasses.

Every document the app prints is built here, from one read transaction, as plain frozen dataclasses
(``reports.data``); ``services.printing`` names the files and writes them. Nothing here imports ReportLab.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.models import IntegrityPact, Opd, PerformanceAgreement, Regency
from ..domain.enums import AgreementKind, AgreementStatus, Cumulation
from ..reports import data as rd
from . import evaluation
from .errors import FORM, ValidationError
from .evaluation_data import NOT_FILLED, NOT_RELEASED, OpdEvaluation, Ranking

SAMPLE_WATERMARK = "DATA CONTOH"
DRAFT_WATERMARK = "DRAF"
PROVISIONAL_WATERMARK = "SEMENTARA"  # a ranking of a quarter not yet closed
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"  # the office issuing the regency-wide documents


# --- common pieces -------------------------------------------------------------------------------------


def _regency(session: Session) -> Regency:
    regency = session.scalars(select(Regency)).first()
    if regency is None:
        raise ValidationError.single(FORM, "Profil pemerintah daerah belum diisi; lengkapi sebelum mencetak")
    return regency


def _region(regency: Regency) -> rd.Region:
    return rd.Region(regency.kind, regency.name)


def _letterhead(regency: Regency, opd: Opd | None, office: str) -> rd.Letterhead:
    source = opd if opd is not None else regency
    return rd.Letterhead(
        government=_region(regency).government_line,
        office=office,
        address=source.address,
        telephone=source.phone,
        website=source.website,
        email=source.email,
        logo_png=regency.logo_png,
    )


def _watermark(regency: Regency, draft: bool) -> str | None:
    if draft:
        return DRAFT_WATERMARK
    return SAMPLE_WATERMARK if regency.is_sample else None


def unit_code(abbreviation: str | None) -> str:
    """The short code of a unit in document identities and file names: ``DINKES`` (``DAERAH`` for the regency)."""
    text = "DAERAH" if abbreviation is None else abbreviation
    return re.sub(r"[^A-Z0-9]", "", text.upper()) or "OPD"


def _target(item) -> rd.TargetValue:  # noqa: ANN001
    if item.target_grade:
        return rd.TargetValue(text=item.target_grade, unit=item.unit)
    return rd.TargetValue(value=item.target, unit=item.unit, upper=item.target_high)


# --- Perjanjian Kinerja --------------------------------------------------------------------------------


def agreement_document(session: Session, agreement_id: str) -> rd.AgreementDocument:
    agreement = session.get(
        PerformanceAgreement,
        agreement_id,
        options=[selectinload(PerformanceAgreement.items), selectinload(PerformanceAgreement.programs)],
    )
    if agreement is None:
        raise ValidationError.single(FORM, "Perjanjian Kinerja tidak ditemukan")
    regency = _regency(session)
    opd = agreement.opd
    goals: list[rd.AgreementGoal] = []
    for item in agreement.items:
        indicator = rd.AgreementIndicator(item.indicator_name, _target(item))
        if goals and goals[-1].statement == item.sasaran:
            goals[-1] = rd.AgreementGoal(item.sasaran, (*goals[-1].indicators, indicator))
        else:
            goals.append(rd.AgreementGoal(item.sasaran, (indicator,)))
    amendment = None
    if agreement.replaces is not None:
        replaced = agreement.replaces
        amendment = rd.Amendment(
            replaced.version_no, replaced.sign_date or date(agreement.year, 1, 1), agreement.amendment_reason
        )
    regional = agreement.kind is AgreementKind.REGIONAL
    first = rd.Signer(
        agreement.first_name,
        agreement.first_position,
        agreement.first_acting,
        agreement.first_nip,
        agreement.first_rank or None,
    )
    second = (
        None
        if regional
        else rd.Signer(
            agreement.second_name,
            agreement.second_position,
            agreement.second_acting,
            agreement.second_nip,
            agreement.second_rank or None,
        )
    )
    return rd.AgreementDocument(
        kind=agreement.kind,
        year=agreement.year,
        region=_region(regency),
        letterhead=_letterhead(regency, opd, agreement.opd_name),
        unit_name=agreement.opd_name or (opd.name if opd else regency.full_name),
        unit_code=unit_code(opd.abbreviation if opd else None),
        first_party=first,
        second_party=second,
        place=agreement.place or regency.capital,
        signed_on=agreement.sign_date or date(agreement.year, 1, 2),
        goals=tuple(goals),
        programs=tuple(rd.AgreementProgram(p.name, p.budget, p.code, p.note) for p in agreement.programs),
        version=agreement.version_no,
        amendment=amendment,
        watermark=_watermark(regency, agreement.status is AgreementStatus.DRAFT),
    )


def pact_document(session: Session, pact_id: str) -> rd.PactDocument:
    pact = session.get(IntegrityPact, pact_id)
    if pact is None:
        raise ValidationError.single(FORM, "Pakta Integritas tidak ditemukan")
    regency = _regency(session)
    opd = session.get(Opd, pact.opd_id)
    return rd.PactDocument(
        year=pact.year,
        region=_region(regency),
        letterhead=_letterhead(regency, opd, opd.name if opd else ""),
        signer=rd.Signer(pact.name, pact.position, nip=pact.nip, rank=pact.rank or None),
        institution=pact.institution,
        unit_code=unit_code(opd.abbreviation if opd else None),
        place=pact.place or regency.capital,
        signed_on=pact.sign_date or date(pact.year, 1, 2),
        watermark=_watermark(regency, False),
    )


# --- quarterly evaluation, ranking, belum lapor --------------------------------------------------------


def _value(value) -> rd.TargetValue | None:  # noqa: ANN001
    return None if value is None else rd.TargetValue(value=value)


def evaluation_document(db: Database, result: OpdEvaluation) -> rd.QuarterEvaluationDocument:
    with db.read() as session:
        regency = _regency(session)
        opd = session.get(Opd, result.opd_id)
        agreement = session.get(PerformanceAgreement, result.agreement_id)
        signer = rd.Signer(
            agreement.first_name,
            agreement.first_position,
            agreement.first_acting,
            agreement.first_nip,
            agreement.first_rank or None,
        )
        rows = tuple(
            rd.EvaluationIndicatorRow(
                goal=r.sasaran,
                indicator=r.name,
                unit=r.unit,
                annual_target=rd.TargetValue(value=r.yearly_target, upper=r.target_high, text=r.target_grade),
                target_to_date=(
                    rd.TargetValue(text=r.target_grade)
                    if r.target_grade
                    else rd.TargetValue(value=r.target_to_date, upper=r.target_high)
                    if r.target_to_date is not None
                    else None
                ),
                realization=(rd.TargetValue(text=r.grade) if r.grade else _value(r.realization_to_date)),
                achievement=r.capaian,
                progress=r.progress,
                problems=r.problems,
                follow_up=r.follow_up,
                provisional=not r.verified and r.capaian is not None,
                missing_label=NOT_RELEASED if r.cumulation is Cumulation.RELEASED else NOT_FILLED,
            )
            for r in result.indicators
        )
        programs = tuple(
            rd.EvaluationProgramRow(p.name, p.pagu, p.realized_to_date, p.absorption, p.code) for p in result.programs
        )
        return rd.QuarterEvaluationDocument(
            year=result.year,
            quarter=result.quarter,
            region=_region(regency),
            letterhead=_letterhead(regency, opd, result.opd_name),
            unit_name=result.opd_name,
            unit_code=unit_code(opd.abbreviation if opd else None),
            indicators=rows,
            programs=programs,
            score=result.score,
            predicate=result.predicate,
            total_absorption=result.absorption,
            signer=signer,
            place=regency.capital,
            signed_on=date.today(),
            watermark=_watermark(regency, False),
        )


def ranking_document(db: Database, ranking: Ranking) -> rd.RankingDocument:
    with db.read() as session:
        regency = _regency(session)
        settings = evaluation.load_settings(session)
    palette = [band.color for band in rd.DEFAULT_PREDICATE_BANDS]
    ordered = sorted(settings.bands, key=lambda band: band.lower, reverse=True)
    bands = tuple(
        rd.PredicateBand(band.label, band.lower, ordered[n - 1].lower if n else None, palette[min(n, len(palette) - 1)])
        for n, band in enumerate(ordered)
    )
    rows = tuple(
        rd.RankingRow(
            r.rank,
            r.opd_code,
            r.opd_name,
            r.score,
            r.predicate,
            r.absorption,
            r.efficiency,
            complete=r.reported and not r.missing,
            note=r.flag,
        )
        for r in ranking.rows
    )
    return rd.RankingDocument(
        year=ranking.year,
        quarter=ranking.quarter,
        region=_region(regency),
        letterhead=_letterhead(regency, None, BAPPEDA),
        rows=rows,
        place=regency.capital,
        signed_on=ranking.closed_at.date() if ranking.closed_at else date.today(),
        bands=bands,
        watermark=PROVISIONAL_WATERMARK if ranking.closed_at is None else _watermark(regency, False),
    )


def not_reported_document(
    db: Database, year: int, quarter: int, evaluations: list[OpdEvaluation]
) -> rd.NotReportedDocument:
    """The belum-lapor list of a quarter from its live evaluations (every OPD with a signed PK)."""
    with db.read() as session:
        regency = _regency(session)
        return rd.NotReportedDocument(
            year=year,
            quarter=quarter,
            region=_region(regency),
            letterhead=_letterhead(regency, None, BAPPEDA),
            rows=tuple(
                rd.NotReportedRow(e.opd_code, e.opd_abbreviation, e.opd_name, len(e.indicators))
                for e in evaluation.not_reported(evaluations)
            ),
            evaluated=len(evaluations),
            place=regency.capital,
            printed_on=date.today(),
            watermark=_watermark(regency, False),
        )
