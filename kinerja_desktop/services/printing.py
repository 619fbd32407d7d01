"""Printing: load a snapshot of the database into the reports' dataclasses, write PDFs safely, verify them.

Files are written to a temporary name in the target folder and renamed when complete, so a cancelled or
failed run leaves no half-written PDF. ReportLab is imported only when something is printed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.models import IntegrityPact, Opd, PerformanceAgreement, Regency
from ..domain.enums import AgreementKind, AgreementStatus, Cumulation
from ..reports import data as rd
from . import evaluation
from .errors import FORM, ValidationError
from .evaluation_data import NOT_FILLED, NOT_RELEASED, OpdEvaluation, Ranking

PAPERS = ("a4", "f4")
SAMPLE_WATERMARK = "DATA CONTOH"
DRAFT_WATERMARK = "DRAF"
PROVISIONAL_WATERMARK = "SEMENTARA"  # a ranking of a quarter not yet closed

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class PrintCancelled(Exception):
    """The user cancelled a batch; files already completed stay, the current one is removed."""


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


def _code(text: str) -> str:
    """Upper-case letters and digits only, as in document identities and file names (``DINKES``)."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _unit_code(opd: Opd | None) -> str:
    return _code(opd.abbreviation if opd else "DAERAH") or "OPD"


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
        unit_code=_unit_code(opd),
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
        unit_code=_unit_code(opd),
        place=pact.place or regency.capital,
        signed_on=pact.sign_date or date(pact.year, 1, 2),
        watermark=_watermark(regency, False),
    )


def _current_agreements(session: Session, year: int, opd_codes: list[str] | None) -> list[PerformanceAgreement]:
    query = (
        select(PerformanceAgreement)
        .join(Opd, PerformanceAgreement.opd_id == Opd.id)
        .where(PerformanceAgreement.year == year, PerformanceAgreement.status != AgreementStatus.DISCARDED)
        .order_by(Opd.sort_order, Opd.code, PerformanceAgreement.version_no)
    )
    if opd_codes:
        query = query.where((Opd.code.in_(opd_codes)) | (Opd.abbreviation.in_(opd_codes)))
    newest: dict[str, PerformanceAgreement] = {}
    for agreement in session.scalars(query):
        newest[agreement.opd_id or ""] = agreement
    return list(newest.values())


# --- writing files -------------------------------------------------------------------------------------


def _write(render: Callable, document: object, target: Path, paper: str) -> Path:  # noqa: ANN001
    if paper not in PAPERS:
        raise ValidationError.single("paper", f"Ukuran kertas harus salah satu dari: {', '.join(PAPERS)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        render(document, temporary, paper)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _file_name(prefix: str, year: int, opd: Opd | None, version: int = 1) -> str:
    code = _unit_code(opd)
    suffix = f"-perubahan-{version - 1}" if version > 1 else ""
    return f"{prefix}-{year}-{code}{suffix}.pdf"


def print_agreement(db: Database, agreement_id: str, out: Path, paper: str = "a4") -> Path:
    """Write one PK to ``out`` (a file, or a folder where a file name is chosen)."""
    from ..reports import render_agreement

    with db.read() as session:
        document = agreement_document(session, agreement_id)
        agreement = session.get(PerformanceAgreement, agreement_id)
        target = out / _file_name("PK", agreement.year, agreement.opd, agreement.version_no) if out.is_dir() else out
    return _write(render_agreement, document, target, paper)


def print_agreements(
    db: Database,
    year: int,
    out_dir: Path,
    paper: str = "a4",
    *,
    opd_codes: list[str] | None = None,
    combined: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Path]:
    """One PDF per OPD (its current version) into ``out_dir``, and optionally one combined file."""
    from ..reports import render_agreement

    with db.read() as session:
        jobs = [
            (agreement_document(session, a.id), _file_name("PK", year, a.opd, a.version_no))
            for a in _current_agreements(session, year, opd_codes)
        ]
    if not jobs:
        raise ValidationError.single(FORM, f"Tidak ada Perjanjian Kinerja tahun {year} untuk dicetak")
    written = _write_all(render_agreement, jobs, out_dir, paper, progress, cancelled)
    if combined:
        written.append(_combine(written, out_dir / f"PK-{year}-SEMUA.pdf"))
    return written


def _write_all(
    render: Callable,
    jobs: Sequence[tuple[Any, str]],
    out_dir: Path,
    paper: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
    *,
    label: Callable[[Any], str] = lambda document: getattr(document, "unit_name", ""),
) -> list[Path]:
    """Write each (document, file name) into ``out_dir``; checks ``cancelled`` between files.

    A single document may go to a file: ``out_dir`` is then that ``.pdf`` path.
    """
    if len(jobs) == 1 and out_dir.suffix.lower() == ".pdf":
        return [_write(render, jobs[0][0], out_dir, paper)]
    written: list[Path] = []
    for number, (document, name) in enumerate(jobs, start=1):
        if cancelled is not None and cancelled():
            raise PrintCancelled(f"Pencetakan dibatalkan; {len(written)} berkas telah selesai")
        if progress is not None:
            progress(number, len(jobs), label(document))
        written.append(_write(render, document, out_dir / name, paper))
    return written


def _combine(files: list[Path], target: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for path in files:
        writer.append(str(path))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            writer.write(handle)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def print_pacts(
    db: Database,
    year: int,
    out: Path,
    paper: str = "a4",
    *,
    opd_codes: list[str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Path]:
    from ..reports import render_pact

    with db.read() as session:
        query = select(IntegrityPact).join(Opd, IntegrityPact.opd_id == Opd.id).where(IntegrityPact.year == year)
        if opd_codes:
            query = query.where((Opd.code.in_(opd_codes)) | (Opd.abbreviation.in_(opd_codes)))
        pacts = session.scalars(query.order_by(Opd.sort_order, Opd.code)).all()
        jobs = [(pact_document(session, p.id), _file_name("PAKTA", year, session.get(Opd, p.opd_id))) for p in pacts]
    if not jobs:
        raise ValidationError.single(FORM, f"Tidak ada Pakta Integritas tahun {year} untuk dicetak")
    return _write_all(render_pact, jobs, out, paper, progress, cancelled, label=lambda d: d.institution)


# --- evaluation and ranking ----------------------------------------------------------------------------


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
            unit_code=_unit_code(opd),
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


def print_evaluations(
    db: Database,
    year: int,
    quarter: int,
    out: Path,
    paper: str = "a4",
    *,
    opd_codes: list[str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Path]:
    from ..reports import render_quarter_evaluation

    results = evaluation.evaluate_quarter(db, year, quarter)
    if opd_codes:
        results = [r for r in results if r.opd_code in opd_codes or r.opd_abbreviation in opd_codes]
    if not results:
        raise ValidationError.single(FORM, f"Tidak ada PK {year} yang ditandatangani untuk dievaluasi")
    jobs = [
        (evaluation_document(db, r), f"EVALUASI-{year}-TW{quarter}-{_code(r.opd_abbreviation)}.pdf") for r in results
    ]
    return _write_all(render_quarter_evaluation, jobs, out, paper, progress, cancelled)


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
        letterhead=_letterhead(regency, None, "Badan Perencanaan Pembangunan Daerah"),
        rows=rows,
        place=regency.capital,
        signed_on=ranking.closed_at.date() if ranking.closed_at else date.today(),
        bands=bands,
        watermark=PROVISIONAL_WATERMARK if ranking.closed_at is None else _watermark(regency, False),
    )


def print_ranking(db: Database, year: int, quarter: int, out: Path, paper: str = "a4") -> Path:
    from ..reports import render_ranking

    document = ranking_document(db, evaluation.ranking(db, year, quarter))
    return _write(render_ranking, document, out, paper)


# --- verifying -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    matches: bool
    identity: str
    message: str


_IDENTITY = re.compile(r"^(PK|PI)-(\d{4})-([A-Z0-9]+)-v(\d+)$")


def verify_pdf(db: Database, pdf: Path) -> Verification:
    """Does a printed PK or Pakta Integritas still match the database? Says which version it is."""
    from ..reports.fingerprint import fingerprint, read_fingerprint

    try:
        info = read_fingerprint(pdf)
    except Exception as exc:  # a damaged or foreign file: pypdf raises many kinds
        return Verification(False, "", f"Berkas “{pdf.name}” tidak dapat dibaca sebagai PDF ({exc})")
    if not info or "identity" not in info:
        return Verification(False, "", f"Berkas “{pdf.name}” bukan dokumen cetakan Kinerja Desktop (tanpa sidik)")
    identity, printed = info["identity"], info.get("fingerprint", "")
    match = _IDENTITY.match(identity)
    if match is None:
        return Verification(False, identity, f"Identitas dokumen “{identity}” tidak dikenal")
    kind, year, code, version = match.group(1), int(match.group(2)), match.group(3), int(match.group(4))
    with db.read() as session:
        opd = next((o for o in session.scalars(select(Opd)) if _unit_code(o) == code), None)
        if opd is None:
            return Verification(False, identity, f"Perangkat daerah {code} tidak ada di basis data ini")
        if kind == "PK":
            agreement = session.scalars(
                select(PerformanceAgreement).where(
                    PerformanceAgreement.opd_id == opd.id,
                    PerformanceAgreement.year == year,
                    PerformanceAgreement.version_no == version,
                )
            ).first()
            if agreement is None:
                return Verification(False, identity, f"PK {year} versi {version} {opd.name} tidak ada di basis data")
            current = fingerprint(agreement_document(session, agreement.id))
            state = agreement.status
            newer = session.scalars(
                select(PerformanceAgreement.version_no).where(
                    PerformanceAgreement.opd_id == opd.id,
                    PerformanceAgreement.year == year,
                    PerformanceAgreement.version_no > version,
                    PerformanceAgreement.status == AgreementStatus.SIGNED,
                )
            ).first()
            label = f"PK {year} {opd.name} versi {version} ({state.label})"
        else:
            pact = session.scalars(
                select(IntegrityPact)
                .where(IntegrityPact.opd_id == opd.id, IntegrityPact.year == year)
                .order_by(IntegrityPact.sign_date.desc())
            ).first()
            if pact is None:
                return Verification(False, identity, f"Pakta Integritas {year} {opd.name} tidak ada di basis data")
            current, newer = fingerprint(pact_document(session, pact.id)), None
            label = f"Pakta Integritas {year} {opd.name}"
    if current != printed:
        return Verification(
            False,
            identity,
            f"TIDAK COCOK: isi {label} di basis data berbeda dari berkas ini "
            "(dokumen diubah setelah dicetak, atau berkas dipalsukan)",
        )
    if newer:
        return Verification(True, identity, f"COCOK dengan {label}, tetapi sudah diganti PK Perubahan versi {newer}")
    return Verification(True, identity, f"COCOK: berkas sesuai dengan {label} di basis data")
