"""``verify``: does a printout still match the database, and if not, what happened?

Every document the app prints carries its identity and fingerprint (footer, PDF information, and on the PK and
the Pakta a QR code), and the database it was printed from. A PK or a Pakta is found by the identity frozen in
its row (``document_code``), so a later change of the OPD's abbreviation or name does not lose it; its
printout is compared with the fingerprint frozen at signing, and the rows are checked against it too. An
evaluation, a ranking or a belum-lapor list is built again for its period and date and compared.

The answer names the document as it was signed, says when a version was replaced and by which, tells a
printout of another database, a draft or a final printed before signing, and rows changed behind the app's
back (then ``matches`` is False: the paper is genuine but the database no longer holds it faithfully).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import IntegrityPact, PerformanceAgreement, Regency
from ..domain.enums import AgreementStatus, Quarter
from ..domain.formatting import format_date
from ..reports import data as rd
from ..reports.fingerprint import fingerprint, read_fingerprint
from . import evaluation
from .documents import (
    DRAFT_WATERMARK,
    agreement_unit_code,
    build_agreement_document,
    evaluation_document,
    frozen_agreement,
    frozen_pact,
    not_reported_document,
    ranking_document,
    unit_code,
)
from .documents_frozen import agreement_finding, pact_finding, signed_label
from .errors import ValidationError


@dataclass(frozen=True)
class Verification:
    matches: bool
    identity: str
    message: str


_FROZEN = re.compile(r"^(PK|PI)-(\d{4})-([A-Z0-9]+(?:-[A-Z0-9]+)?)-v(\d+)$")  # DINKES, inside it DINKES-KBKM
_EVALUATION = re.compile(r"^EV-(\d{4})-TW([1-4])-([A-Z0-9]+)$")
_RANKING = re.compile(r"^RK-(\d{4})-TW([1-4])$")
_NOT_REPORTED = re.compile(r"^BL-(\d{4})-TW([1-4])$")
_YEAR_END = re.compile(r"^(RAPOR|PIAGAM)-(\d{4})-([A-Z0-9]+)$")  # the AKIP rapor and the Piagam Penghargaan
_LKJIP = re.compile(r"^LKJIP-(\d{4})-([A-Z0-9]+)$")


@dataclass(frozen=True)
class _Printout:
    identity: str
    fingerprint: str
    dated: date | None
    foreign: bool  # printed from another database (its source is known and is not this one)


def verify_pdf(db: Database, pdf: Path) -> Verification:
    """Does a printed PK, Pakta Integritas, evaluation, ranking or belum-lapor list still match the database?"""
    try:
        info = read_fingerprint(pdf)
    except Exception as exc:  # a damaged or foreign file: pypdf raises many kinds
        return Verification(False, "", f"Berkas “{pdf.name}” tidak dapat dibaca sebagai PDF ({exc})")
    if not info or "identity" not in info:
        return Verification(False, "", f"Berkas “{pdf.name}” bukan dokumen cetakan Kinerja Desktop (tanpa sidik)")
    identity = info["identity"]
    with db.read() as session:
        regency = session.scalars(select(Regency)).first()
        source = info.get("source", "")
        printout = _Printout(
            identity,
            info.get("fingerprint", ""),
            _iso(info.get("date", "")),
            bool(source) and (regency is None or source != regency.id),
        )
        if (match := _FROZEN.match(identity)) is not None:
            kind, year, code, version = match.group(1), int(match.group(2)), match.group(3), int(match.group(4))
            try:
                if kind == "PK":
                    return _verify_agreement(session, printout, year, code, version)
                return _verify_pact(session, printout, year, code)
            except ValidationError as exc:  # a frozen document that cannot be read back (changed, or damaged)
                return Verification(False, identity, f"TIDAK COCOK: {exc}")
    for pattern, check in ((_EVALUATION, _verify_evaluation), (_RANKING, _verify_ranking),
                           (_NOT_REPORTED, _verify_not_reported), (_YEAR_END, _verify_year_end),
                           (_LKJIP, _verify_lkjip)):
        if (match := pattern.match(identity)) is not None:
            try:
                return check(db, printout, match)
            except ValidationError as exc:
                return Verification(False, identity, f"TIDAK COCOK: {exc}")
    return Verification(False, identity, f"Identitas dokumen “{identity}” tidak dikenal")


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


FOREIGN = (
    "TIDAK COCOK: berkas ini dicetak dari basis data lain, bukan dari basis data ini; periksa dengan basis data "
    "tempat dokumen itu dicetak"
)


def _unknown(printout: _Printout, what: str) -> Verification:
    if printout.foreign:
        return Verification(False, printout.identity, f"{FOREIGN} ({what} tidak ada di sini)")
    return Verification(
        False,
        printout.identity,
        f"TIDAK COCOK: {what} tidak ada di basis data ini (draf yang telah dibuang, atau berkas dari basis data lain)",
    )


# --- Perjanjian Kinerja --------------------------------------------------------------------------------


def _renamed(session: Session, agreement: PerformanceAgreement, document: rd.AgreementDocument) -> str:
    opd = agreement.opd
    return f" (kini bernama {opd.name})" if opd is not None and opd.name != document.unit_name else ""


def _verify_agreement(session: Session, printout: _Printout, year: int, code: str, version: int) -> Verification:
    frozen = session.scalars(
        select(PerformanceAgreement).where(PerformanceAgreement.document_code == printout.identity)
    ).all()
    drafts = [
        a
        for a in session.scalars(
            select(PerformanceAgreement).where(
                PerformanceAgreement.year == year,
                PerformanceAgreement.version_no == version,
                PerformanceAgreement.status == AgreementStatus.DRAFT,
            )
        )
        if agreement_unit_code(a) == code
    ]
    for agreement in frozen:
        if agreement.fingerprint == printout.fingerprint:
            return _frozen_match(session, printout, agreement)
    for agreement in drafts:
        document = build_agreement_document(session, agreement)
        if fingerprint(document) == printout.fingerprint:
            return Verification(
                True,
                printout.identity,
                f"COCOK dengan draf {signed_label(document)}; draf belum final dan isinya masih dapat berubah",
            )
    if printout.foreign:
        return Verification(False, printout.identity, FOREIGN)
    if frozen:
        return _frozen_mismatch(session, printout, frozen[0])
    if drafts:
        label = signed_label(build_agreement_document(session, drafts[0]))
        return Verification(
            False, printout.identity, f"TIDAK COCOK: draf {label} telah diubah sejak berkas ini dicetak"
        )
    return _unknown(printout, f"PK {year} versi {version} ({code})")


def _frozen_match(session: Session, printout: _Printout, agreement: PerformanceAgreement) -> Verification:
    document = frozen_agreement(session, agreement)
    label = signed_label(document) + _renamed(session, agreement, document)
    finding = agreement_finding(session, agreement)
    if finding is not None:
        return Verification(
            False,
            printout.identity,
            f"Berkas ini sesuai dengan {label} yang dibekukan, TETAPI {finding.problem}; "
            "periksa integritas basis data dan pulihkan dari cadangan",
        )
    if agreement.status is AgreementStatus.FINAL:
        final = f"COCOK: berkas sesuai dengan {label} (final, belum ditandatangani)"
        return Verification(True, printout.identity, final)
    signed = f"ditandatangani {format_date(agreement.sign_date)}"
    if agreement.status is AgreementStatus.SUPERSEDED:
        newer = session.scalars(
            select(PerformanceAgreement)
            .where(PerformanceAgreement.replaces_id == agreement.id)
            .where(PerformanceAgreement.status.in_((AgreementStatus.SIGNED, AgreementStatus.SUPERSEDED)))
        ).first()
        by = (
            f"PK Perubahan versi {newer.version_no} yang ditandatangani {format_date(newer.sign_date)}"
            if newer is not None
            else "PK Perubahan"
        )
        return Verification(
            True, printout.identity, f"COCOK dengan {label}, {signed}; versi ini telah diganti oleh {by}"
        )
    return Verification(True, printout.identity, f"COCOK: berkas sesuai dengan {label}, {signed}")


def _frozen_mismatch(session: Session, printout: _Printout, agreement: PerformanceAgreement) -> Verification:
    """A printout of this PK's identity whose content differs from the frozen one: say which earlier state it
    shows when it is one the app printed (a draft, or the final before signing), else that it was changed."""
    try:
        document = frozen_agreement(session, agreement)
    except ValidationError as exc:
        return Verification(False, printout.identity, f"TIDAK COCOK: {exc}")
    label = signed_label(document)
    dated = printout.dated or document.signed_on
    if fingerprint(replace(document, watermark=DRAFT_WATERMARK, signed_on=dated)) == printout.fingerprint:
        state = "cetakan DRAF PK ini sebelum difinalkan"
    elif printout.dated and fingerprint(replace(document, signed_on=printout.dated)) == printout.fingerprint:
        state = f"cetakan PK final sebelum ditandatangani (tanggal rencana {format_date(printout.dated)})"
    else:
        what = "ditandatangani " + format_date(agreement.sign_date) if agreement.sign_date else "final"
        return Verification(
            False,
            printout.identity,
            f"TIDAK COCOK: isi berkas berbeda dari {label} yang tersimpan ({what}): berkas diubah setelah dicetak, "
            "atau bukan cetakan dari dokumen ini",
        )
    now = f"ditandatangani {format_date(agreement.sign_date)}" if agreement.sign_date else "final"
    return Verification(False, printout.identity, f"TIDAK COCOK: berkas ini {state}; yang berlaku {label}, {now}")


# --- Pakta Integritas ----------------------------------------------------------------------------------


def _verify_pact(session: Session, printout: _Printout, year: int, code: str) -> Verification:
    pacts = session.scalars(select(IntegrityPact).where(IntegrityPact.document_code == printout.identity)).all()
    for pact in pacts:
        if pact.fingerprint == printout.fingerprint:
            document = frozen_pact(session, pact)
            label = f"Pakta Integritas {document.year} {document.signer.name} ({document.institution})"
            finding = pact_finding(session, pact)
            if finding is not None:
                problem = f"Berkas ini sesuai dengan {label} yang dibekukan, TETAPI {finding.problem}"
                return Verification(False, printout.identity, problem)
            signed = format_date(pact.sign_date)
            message = f"COCOK: berkas sesuai dengan {label}, ditandatangani {signed}"
            return Verification(True, printout.identity, message)
    if printout.foreign:
        return Verification(False, printout.identity, FOREIGN)
    if pacts:
        return Verification(
            False,
            printout.identity,
            f"TIDAK COCOK: isi berkas berbeda dari Pakta Integritas {year} yang tersimpan: berkas diubah setelah "
            "dicetak, atau bukan cetakan dari dokumen ini",
        )
    return _unknown(printout, f"Pakta Integritas {year} ({code})")


# --- evaluation, ranking, belum lapor ------------------------------------------------------------------


def _compare(printout: _Printout, document: object, label: str, live: bool) -> Verification:
    if fingerprint(document) == printout.fingerprint:
        return Verification(True, printout.identity, f"COCOK: berkas sesuai dengan {label} di basis data")
    if printout.foreign:
        return Verification(False, printout.identity, FOREIGN)
    why = (
        "datanya telah berubah sejak dicetak (triwulan belum ditutup), atau berkas diubah"
        if live
        else "berkas diubah setelah dicetak, atau bukan cetakan dari basis data ini"
    )
    return Verification(False, printout.identity, f"TIDAK COCOK: {label} di basis data berbeda dari berkas ini: {why}")


def _verify_evaluation(db: Database, printout: _Printout, match: re.Match) -> Verification:
    year, quarter, code = int(match.group(1)), int(match.group(2)), match.group(3)
    results = [r for r in evaluation.evaluate_quarter(db, year, quarter) if unit_code(r.opd_abbreviation) == code]
    if not results:
        return _unknown(printout, f"evaluasi {Quarter(quarter).label} {year} ({code})")
    result = results[0]
    document = evaluation_document(db, result, printout.dated)
    label = f"Laporan Evaluasi {Quarter(quarter).label} {year} {result.opd_name}"
    return _compare(printout, document, label, not evaluation.is_closed(db, year, quarter))


def _verify_ranking(db: Database, printout: _Printout, match: re.Match) -> Verification:
    year, quarter = int(match.group(1)), int(match.group(2))
    ranking = evaluation.ranking(db, year, quarter)
    label = f"Peringkat Kinerja {Quarter(quarter).label} {year}"
    return _compare(printout, ranking_document(db, ranking, printout.dated), label, ranking.closed_at is None)


def _verify_not_reported(db: Database, printout: _Printout, match: re.Match) -> Verification:
    year, quarter = int(match.group(1)), int(match.group(2))
    evaluations = evaluation.evaluate_quarter(db, year, quarter)
    document = not_reported_document(db, year, quarter, evaluations, printout.dated)
    label = f"daftar belum lapor {Quarter(quarter).label} {year}"
    return _compare(printout, document, label, True)



def _verify_year_end(db: Database, printout: _Printout, match: re.Match) -> Verification:
    """A rapor or piagam against the evaluation as it stands (a reopened or changed LKE no longer matches)."""
    from .akip_documents import piagam_document, rapor_document
    from .akip_ranking import annual_ranking

    kind, year, code = match.group(1), int(match.group(2)), match.group(3)
    ranking = annual_ranking(db, year)
    rows = [r for r in ranking.rows if unit_code(r.opd_abbreviation) == code and r.akip_score is not None]
    what = f"{'Rapor AKIP' if kind == 'RAPOR' else 'Piagam Penghargaan'} {year} ({code})"
    if not rows:
        return _unknown(printout, what)
    build = rapor_document if kind == "RAPOR" else piagam_document
    document = build(db, ranking, rows[0].opd_id, printout.dated)
    return _compare(printout, document, f"{what.split(' (')[0]} {rows[0].opd_name}", True)


def _verify_lkjip(db: Database, printout: _Printout, match: re.Match) -> Verification:
    """An LKjIP PDF against the data as it stands (realisations entered later no longer match)."""
    from ..db.models import Opd
    from .lkjip import lkjip_document

    year, code = int(match.group(1)), match.group(2)
    abbreviation = None
    if code != unit_code(None):
        with db.read() as session:
            found = [o.abbreviation for o in session.scalars(select(Opd)) if unit_code(o.abbreviation) == code]
        if not found:
            return _unknown(printout, f"LKjIP {year} ({code})")
        abbreviation = found[0]
    document = lkjip_document(db, year, abbreviation, printout.dated)
    return _compare(printout, document, f"LKjIP {year} {document.unit_name}", True)
