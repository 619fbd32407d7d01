"""The printed documents' content: a snapshot of the database loaded into the reports' dataclasses.

Every document the app prints is built here, from one read transaction, as plain frozen dataclasses
(``reports.data``); ``services.printing`` names the files and writes them. A final or signed PK and a Pakta
Integritas print from the document frozen in their row (``documents_frozen``): what they printed when they
were finalised or signed, whatever changed in the records since. Nothing here imports ReportLab.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

# The PK's models only: a PK's print declares no other (issue 20); the others are imported where they are used.
from ..db.agreement_models import (
    DocumentAsset,
    Opd,
    OpdNameHistory,
    PerformanceAgreement,
    Position,
    PositionHolder,
    Regency,
)
from ..db.database import Database
from ..domain.enums import AgreementStatus, Cumulation, PositionLevel
from ..reports import data as rd
from ..reports.snapshot import Assets, SnapshotError, from_snapshot, snapshot_fingerprint
from ..reports.templates import AgreementTemplate, PactTemplate, templates_from
from . import documents_read
from .errors import FORM, ValidationError

if TYPE_CHECKING:
    from ..db.models import IntegrityPact
    from .evaluation_data import OpdEvaluation, Ranking

SAMPLE_WATERMARK = "DATA CONTOH"
DRAFT_WATERMARK = "DRAF"
PROVISIONAL_WATERMARK = "SEMENTARA"  # a ranking of a quarter not yet closed
BAPPEDA = "Badan Perencanaan Pembangunan Daerah"  # the planning agency when the profile names none
NO_PROFILE = "Profil pemerintah daerah belum diisi; lengkapi sebelum mencetak"


# --- common pieces -------------------------------------------------------------------------------------


def _regency(session: Session) -> Regency:
    regency = session.scalars(select(Regency)).first()
    if regency is None:
        raise ValidationError.single(FORM, NO_PROFILE)
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


def agreement_unit_code(agreement: PerformanceAgreement) -> str:
    """The unit code of a PK: its OPD's (``DINKES``, ``DAERAH``), and inside an OPD its position's after it
    (``DINKES-KBKM``: the PK of the Kepala Bidang Kesehatan Masyarakat)."""
    code = unit_code(agreement.opd.abbreviation if agreement.opd is not None else None)
    if agreement.kind.is_lower and agreement.post is not None:
        from ..domain.cascade import position_code  # the cascade's module only for a PK inside an OPD (issue 20)

        return f"{code}-{position_code(agreement.post.name)}"
    return code


def _target(item) -> rd.TargetValue:  # noqa: ANN001
    if item.target_grade:
        return rd.TargetValue(text=item.target_grade, unit=item.unit)
    return rd.TargetValue(value=item.target, unit=item.unit, upper=item.target_high)


def document_templates(regency: Regency | None) -> tuple[AgreementTemplate, PactTemplate]:
    """The regency's wording of the PK and the Pakta Integritas (its own sentences over the defaults)."""
    texts = regency.document_texts if regency is not None else ""
    try:
        loaded = json.loads(texts) if texts else {}
    except ValueError:
        loaded = {}
    return templates_from(loaded if isinstance(loaded, dict) else {})


def opd_name_on(session: Session, opd: Opd, on: date) -> str:
    """The OPD's name on a date: the former name whose period covers it, else today's (SOTK changes)."""
    for former in session.scalars(select(OpdNameHistory).where(OpdNameHistory.opd_id == opd.id)):
        if (former.valid_from is None or former.valid_from <= on) and on <= former.valid_to:
            return former.name
    return opd.name


def holder_on(session: Session, position_id: str, on: date) -> PositionHolder | None:
    """Who held a position on a date (the latest appointment that covers it: a Plh. over the definitive)."""
    return session.scalars(
        select(PositionHolder)
        .where(PositionHolder.position_id == position_id, PositionHolder.start_date <= on)
        .where((PositionHolder.end_date.is_(None)) | (PositionHolder.end_date >= on))
        .order_by(PositionHolder.start_date.desc())
    ).first()


def head_on(session: Session, opd_id: str, on: date) -> PositionHolder | None:
    """The OPD head in office on a date: the holder of its head position that day."""
    position = session.scalars(
        select(Position.id).where(Position.opd_id == opd_id, Position.level == PositionLevel.HEAD)
    ).first()
    return holder_on(session, position, on) if position is not None else None


# --- Perjanjian Kinerja --------------------------------------------------------------------------------


def agreement_document(session: Session, agreement_id: str) -> rd.AgreementDocument:
    """The PK as it prints: its frozen document once final, else built from today's records (a draft).
    Read with Core selects (``services.documents_read``: no mapper configured for a print); ``Session.execute``
    flushes the session's changes not yet written before a Core select too, as before an ORM query."""
    agreement = documents_read.agreement(session, agreement_id)
    if agreement is None:
        raise ValidationError.single(FORM, "Perjanjian Kinerja tidak ditemukan")
    regency = documents_read.regency(session)
    if regency is None:
        raise ValidationError.single(FORM, NO_PROFILE)
    if agreement.snapshot:
        return replace(frozen_agreement(session, agreement), source=regency.id)
    return replace(build_agreement_document(session, agreement, regency=regency), source=regency.id)


def build_agreement_document(
    session: Session,
    agreement: PerformanceAgreement,
    frame: rd.AgreementDocument | None = None,
    *,
    regency: Regency | None = None,
) -> rd.AgreementDocument:
    """The PK from its rows; the letterhead, logo, identity, wording and mark come from ``frame`` (the
    document frozen at finalisation) when given, else from today's records (``regency``: its row, when read
    already). ``agreement`` and ``regency`` may be the models' objects or ``documents_read``'s records."""
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
    first = rd.Signer(
        agreement.first_name,
        agreement.first_position,
        agreement.first_acting,
        agreement.first_nip,
        agreement.first_rank or None,
    )
    second = (
        None
        if agreement.kind.single_signer
        else rd.Signer(
            agreement.second_name,
            agreement.second_position,
            agreement.second_acting,
            agreement.second_nip,
            agreement.second_rank or None,
        )
    )
    if frame is None:
        regency = regency or _regency(session)
        template = document_templates(regency)[0]
        frame = rd.AgreementDocument(
            kind=agreement.kind,
            year=agreement.year,
            region=_region(regency),
            # The regional head's PK carries the government's own kop (no office line).
            letterhead=_letterhead(regency, opd, agreement.opd_name if opd is not None else ""),
            unit_name=regency.full_name,
            unit_code=agreement_unit_code(agreement),
            first_party=first,
            second_party=second,
            place=regency.capital,
            signed_on=date(agreement.year, 1, 2),
            goals=(),
            template=template,
            watermark=_watermark(regency, agreement.status is AgreementStatus.DRAFT),
        )
    return replace(
        frame,
        kind=agreement.kind,
        year=agreement.year,
        unit_name=agreement.opd_name or frame.unit_name,
        first_party=first,
        second_party=second,
        place=agreement.place or frame.place,
        signed_on=agreement.sign_date or date(agreement.year, 1, 2),
        goals=tuple(goals),
        programs=tuple(rd.AgreementProgram(p.name, p.budget, p.code, p.note) for p in agreement.programs),
        version=agreement.version_no,
        amendment=amendment,
    )


def asset_lookup(session: Session) -> Assets:
    """The images frozen documents print, found by their SHA-256."""

    def find(digest: str) -> bytes | None:
        for obj in session.new:  # kept by this very transaction, not yet written
            if isinstance(obj, DocumentAsset) and obj.sha256 == digest:
                return obj.content
        # The table's columns, not the model's: a Core select configures no mapper (a print, issue 20).
        table = DocumentAsset.__table__
        return session.scalars(select(table.c.content).where(table.c.sha256 == digest)).first()

    return find


def _frozen(session: Session, row: PerformanceAgreement | IntegrityPact, label: str) -> object:
    try:
        if snapshot_fingerprint(row.snapshot) != row.fingerprint:
            raise SnapshotError("salinan dokumen tidak sesuai dengan sidiknya")
        return from_snapshot(row.snapshot, asset_lookup(session))
    except SnapshotError as exc:
        raise ValidationError.single(
            FORM,
            f"{label} yang tersimpan diubah di luar aplikasi atau rusak ({exc}); dokumen ini tidak dicetak. "
            "Periksa integritas basis data (Cadangan & Paket) dan pulihkan dari cadangan.",
        ) from exc


def frozen_agreement(session: Session, agreement: PerformanceAgreement) -> rd.AgreementDocument:
    """The PK as frozen; refused when its snapshot does not match the stored fingerprint."""
    label = f"Salinan PK {agreement.year} {agreement.opd_name} versi {agreement.version_no}"
    document = _frozen(session, agreement, label)
    assert isinstance(document, rd.AgreementDocument)
    return document


def frozen_pact(session: Session, pact: IntegrityPact) -> rd.PactDocument:
    document = _frozen(session, pact, f"Salinan Pakta Integritas {pact.year} {pact.name}")
    assert isinstance(document, rd.PactDocument)
    return document


# --- Pakta Integritas ----------------------------------------------------------------------------------


def pact_document(session: Session, pact_id: str) -> rd.PactDocument:
    """The Pakta Integritas as signed (frozen when recorded)."""
    from ..db.models import IntegrityPact

    pact = session.get(IntegrityPact, pact_id)
    if pact is None:
        raise ValidationError.single(FORM, "Pakta Integritas tidak ditemukan")
    regency = _regency(session)
    if pact.snapshot:
        return replace(frozen_pact(session, pact), source=regency.id)
    return replace(build_pact_document(session, pact), source=regency.id)


def pact_version(session: Session, pact: IntegrityPact) -> int:
    """1 for the first Pakta of an OPD's year, 2 for the one a new head signs after, and so on."""
    from ..db.models import IntegrityPact

    earlier = [
        p
        for p in session.scalars(
            select(IntegrityPact).where(IntegrityPact.opd_id == pact.opd_id, IntegrityPact.year == pact.year)
        )
        if p.id != pact.id and (p.sign_date or date.min, p.id) < (pact.sign_date or date.min, pact.id)
    ]
    return len(earlier) + 1


def build_pact_document(
    session: Session, pact: IntegrityPact, frame: rd.PactDocument | None = None
) -> rd.PactDocument:
    """The Pakta from its row; kop, logo, identity and wording from ``frame`` when given, else from today's
    records with the OPD named as on the signing date."""
    signer = rd.Signer(pact.name, pact.position, nip=pact.nip, rank=pact.rank or None)
    if frame is None:
        regency = _regency(session)
        opd = session.get(Opd, pact.opd_id)
        on = pact.sign_date or date(pact.year, 1, 2)
        frame = rd.PactDocument(
            year=pact.year,
            region=_region(regency),
            letterhead=_letterhead(regency, opd, opd_name_on(session, opd, on) if opd else ""),
            signer=signer,
            institution=pact.institution,
            unit_code=unit_code(opd.abbreviation if opd else None),
            place=regency.capital,
            signed_on=on,
            version=pact_version(session, pact),
            template=document_templates(regency)[1],
            watermark=_watermark(regency, False),
        )
    return replace(
        frame,
        year=pact.year,
        signer=signer,
        institution=pact.institution,
        place=pact.place or frame.place,
        signed_on=pact.sign_date or date(pact.year, 1, 2),
    )


# --- the planning agency: kop and signer of the regency-wide reports -------------------------------------


def period_end(year: int, quarter: int | None) -> date:
    """The last day of a quarter (of the year when None): the date a report of that period carries."""
    month = 3 * (quarter or 4)
    return date(year, month, 31 if month in (3, 12) else 30)


def agency_letterhead(session: Session, regency: Regency, on: date) -> rd.Letterhead:
    """The planning agency's kop, named as on ``on`` (Bappeda before it became a Bapperida), its own contacts,
    else its OPD's, else the regency's."""
    opd = session.get(Opd, regency.agency_opd_id) if regency.agency_opd_id else None
    office = regency.agency_name or (opd.name if opd else "") or BAPPEDA
    if opd is not None:
        named = opd_name_on(session, opd, on)
        office = named if named != opd.name else office
    own = (regency.agency_address, regency.agency_phone, regency.agency_website, regency.agency_email)
    source = opd if opd is not None and not any(own) else regency
    address, phone, website, email = own if any(own) else (source.address, source.phone, source.website, source.email)
    return rd.Letterhead(
        government=_region(regency).government_line,
        office=office,
        address=address,
        telephone=phone,
        website=website,
        email=email,
        logo_png=regency.logo_png,
    )


def agency_signer(session: Session, regency: Regency, on: date, office: str) -> rd.Signer:
    """The head of the planning agency in office on ``on``; a blank name to fill by hand when none is recorded."""
    head = head_on(session, regency.agency_opd_id, on) if regency.agency_opd_id else None
    if head is None:
        return rd.Signer("", f"Kepala {office}")
    official = head.official
    return rd.Signer(official.name, head.position, head.acting, official.nip, official.rank or None,
                     official.grade or None)


# --- quarterly evaluation, ranking, belum lapor --------------------------------------------------------


def _value(value) -> rd.TargetValue | None:  # noqa: ANN001
    return None if value is None else rd.TargetValue(value=value)


def evaluation_document(
    db: Database, result: OpdEvaluation, dated: date | None = None
) -> rd.QuarterEvaluationDocument:
    """The quarterly evaluation of one OPD, dated by the end of the quarter unless ``dated`` is given."""
    from .evaluation_data import NOT_FILLED, NOT_RELEASED  # not imported by printing a PK (start-up, issue 20)

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
            signed_on=dated or period_end(result.year, result.quarter),
            watermark=_watermark(regency, False),
            source=regency.id,
        )


def ranking_document(
    db: Database, ranking: Ranking, dated: date | None = None, *, verified_only: bool = False
) -> rd.RankingDocument:
    """The ranking on the planning agency's kop, signed by its head, dated by the end of the quarter unless
    ``dated`` is given; ``verified_only``: titled as limited to the reports Bappeda verified."""
    from . import evaluation

    on = dated or period_end(ranking.year, ranking.quarter)
    with db.read() as session:
        regency = _regency(session)
        settings = evaluation.load_settings(session)
        letterhead = agency_letterhead(session, regency, on)
        signer = agency_signer(session, regency, on, letterhead.office)
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
            note=r.note,
        )
        for r in ranking.rows
    )
    return rd.RankingDocument(
        year=ranking.year,
        quarter=ranking.quarter,
        region=_region(regency),
        letterhead=letterhead,
        rows=rows,
        place=regency.capital,
        signed_on=on,
        signer=signer,
        bands=bands,
        title=rd.RankingDocument.title + (" (LAPORAN TERVERIFIKASI)" if verified_only else ""),
        watermark=PROVISIONAL_WATERMARK if ranking.closed_at is None else _watermark(regency, False),
        source=regency.id,
    )


def not_reported_document(
    db: Database, year: int, quarter: int, evaluations: list[OpdEvaluation], dated: date | None = None
) -> rd.NotReportedDocument:
    """The belum-lapor list of a quarter from its live evaluations (every OPD with a signed PK), as of today
    unless ``dated`` is given, on the planning agency's kop with its head's signature."""
    from . import evaluation

    on = dated or date.today()
    with db.read() as session:
        regency = _regency(session)
        letterhead = agency_letterhead(session, regency, on)
        return rd.NotReportedDocument(
            year=year,
            quarter=quarter,
            region=_region(regency),
            letterhead=letterhead,
            rows=tuple(
                rd.NotReportedRow(e.opd_code, e.opd_abbreviation, e.opd_name, len(e.indicators))
                for e in evaluation.not_reported(evaluations)
            ),
            evaluated=len(evaluations),
            place=regency.capital,
            printed_on=on,
            watermark=_watermark(regency, False),
            signer=agency_signer(session, regency, on, letterhead.office),
            source=regency.id,
        )
