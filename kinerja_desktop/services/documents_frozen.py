"""Signed means frozen: the document a final or signed PK and a Pakta Integritas print, kept in their row.

A PK is frozen when it is finalised (letterhead, logo, identity, wording, signers and rows as printed for
signing) and frozen again when signed (the same frame with the signing date and the signers of that day); a
Pakta when it is recorded. The row keeps the snapshot (``reports.snapshot``), its fingerprint and its identity
(``document_code``). A reprint is built from the snapshot, so it is the same document whatever changed in the
records since; ``verify`` compares a printout with the stored fingerprint; and :func:`integrity_findings`
names each frozen document whose snapshot or rows no longer match it (changed behind the app's back).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db.models import DocumentAsset, IntegrityPact, PerformanceAgreement
from ..domain.enums import AgreementStatus
from ..reports import data as rd
from ..reports.fingerprint import fingerprint
from ..reports.snapshot import SnapshotError, assets_of, from_snapshot, snapshot_fingerprint, to_snapshot
from .documents import asset_lookup, build_agreement_document, build_pact_document, frozen_agreement

FROZEN_STATUSES = (AgreementStatus.FINAL, AgreementStatus.SIGNED, AgreementStatus.SUPERSEDED)


def _keep(
    session: Session, row: PerformanceAgreement | IntegrityPact, document: rd.AgreementDocument | rd.PactDocument
) -> None:
    row.snapshot = to_snapshot(document)
    row.fingerprint = fingerprint(document)
    row.document_code = document.identity
    for digest, content in assets_of(document).items():  # each image once, however many documents print it
        pending = any(isinstance(obj, DocumentAsset) and obj.sha256 == digest for obj in session.new)
        stored = session.scalars(select(DocumentAsset.id).where(DocumentAsset.sha256 == digest)).first()
        if not pending and stored is None:
            session.add(DocumentAsset(id=asset_id(digest), sha256=digest, content=content))


def asset_id(digest: str) -> str:
    """The row id of an image: from its SHA-256, so that every database (the centre's, a laptop's) gives the
    same image the same id."""
    return str(uuid.UUID(digest[:32]))


def freeze_agreement(session: Session, agreement: PerformanceAgreement) -> rd.AgreementDocument:
    """Freeze the PK as it prints now: at finalisation from today's records, at signing within the frame
    frozen at finalisation (the signing date and signers of the day are what changes)."""
    # No flush halfway: a PK becoming signed is written with its new snapshot in one flush (the lock allows it).
    with session.no_autoflush:
        frame = frozen_agreement(session, agreement) if agreement.snapshot else None
        document = build_agreement_document(session, agreement, frame)
        _keep(session, agreement, document)
    return document


def thaw_agreement(agreement: PerformanceAgreement) -> None:
    """Back to a draft: it prints from today's records again."""
    agreement.snapshot = agreement.fingerprint = agreement.document_code = ""


def freeze_pact(session: Session, pact: IntegrityPact) -> rd.PactDocument:
    """Freeze the Pakta as signed (recorded) now."""
    with session.no_autoflush:
        document = build_pact_document(session, pact)
        _keep(session, pact, document)
    return document


def signed_label(document: rd.AgreementDocument) -> str:
    """The PK named as it was when signed (the OPD's name then, not today's)."""
    if document.kind.single_signer:
        return f"PK kepala daerah {document.year} {document.unit_name} versi {document.version}"
    return f"PK {document.year} {document.unit_name} versi {document.version}"


# --- integrity -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A frozen document that no longer matches what was signed."""

    identity: str  # "PK-2025-DINKES-v1"
    label: str  # "PK 2025 Dinas Kesehatan versi 1"
    problem: str

    def __str__(self) -> str:
        return f"{self.label} ({self.identity}): {self.problem}"


ROWS_CHANGED = "isi di basis data tidak lagi sesuai dengan dokumen yang ditandatangani (diubah di luar aplikasi)"
SNAPSHOT_CHANGED = "salinan dokumen yang tersimpan tidak sesuai dengan sidiknya (diubah di luar aplikasi)"


def agreement_finding(session: Session, agreement: PerformanceAgreement) -> Finding | None:
    """Why a frozen PK no longer matches its fingerprint, or None."""
    return _finding(
        session,
        agreement,
        f"PK {agreement.year} {agreement.opd_name} versi {agreement.version_no}",
        signed_label,
        lambda frame: build_agreement_document(session, agreement, frame),
    )


def pact_finding(session: Session, pact: IntegrityPact) -> Finding | None:
    """Why a Pakta no longer matches its fingerprint, or None."""
    return _finding(
        session,
        pact,
        f"Pakta Integritas {pact.year} {pact.name}",
        lambda frame: f"Pakta Integritas {frame.year} {frame.signer.name} ({frame.institution})",
        lambda frame: build_pact_document(session, pact, frame),
    )


def _finding(
    session: Session,
    row: PerformanceAgreement | IntegrityPact,
    label: str,
    label_of: Callable[[Any], str],
    from_rows: Callable[[Any], Any],
) -> Finding | None:
    """The snapshot against its fingerprint, then the rows (in the snapshot's frame) against it: the document
    named as it was signed."""
    try:
        if snapshot_fingerprint(row.snapshot) != row.fingerprint:
            return Finding(row.document_code, label, SNAPSHOT_CHANGED)
        frame = from_snapshot(row.snapshot, asset_lookup(session))
    except SnapshotError as exc:
        return Finding(row.document_code, label, str(exc))
    if fingerprint(from_rows(frame)) != row.fingerprint:
        return Finding(row.document_code, label_of(frame), ROWS_CHANGED)
    return None


def integrity_findings(session: Session) -> list[Finding]:
    """Every final, signed or replaced PK and every Pakta whose snapshot or rows no longer match their
    fingerprint; a frozen one without a snapshot is named too."""
    findings: list[Finding] = []
    agreements = session.scalars(
        select(PerformanceAgreement)
        .where(PerformanceAgreement.status.in_(FROZEN_STATUSES))
        .options(selectinload(PerformanceAgreement.items), selectinload(PerformanceAgreement.programs))
        .order_by(PerformanceAgreement.year, PerformanceAgreement.opd_name, PerformanceAgreement.version_no)
    ).all()
    for agreement in agreements:
        if not agreement.snapshot:
            label = f"PK {agreement.year} {agreement.opd_name} versi {agreement.version_no}"
            findings.append(Finding("", label, "tidak memiliki salinan dokumen yang dibekukan"))
        elif (found := agreement_finding(session, agreement)) is not None:
            findings.append(found)
    for pact in session.scalars(select(IntegrityPact).order_by(IntegrityPact.year, IntegrityPact.name)):
        if not pact.snapshot:
            findings.append(
                Finding("", f"Pakta Integritas {pact.year} {pact.name}", "tidak memiliki salinan dokumen")
            )
        elif (found_pact := pact_finding(session, pact)) is not None:
            findings.append(found_pact)
    return findings
