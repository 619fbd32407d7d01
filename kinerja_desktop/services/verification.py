"""Bappeda's verification of what an OPD hands in: a PK draft (any level) and an OPD's quarterly report.

Draf → Diajukan (by the OPD) → Diverifikasi, or Dikembalikan with a note (by Bappeda); a returned item is
editable again, keeps the note until it is submitted again, and every transition is kept as an event (who,
when, note). The rules are ``domain/verification.py``; the rows ``db/verification_models.py``.

- A submitted item refuses every change until Bappeda decides; a verified one changed by the OPD goes back to
  Draf (``RESET``) and is submitted again.
- A PK is finalised only once verified when the regency requires it (``regency.verification_required``) or when
  it entered the workflow (a submitted or returned PK waits for Bappeda's decision). Signing needs a final PK.
- A quarterly report's verification marks its realisations verified (``IndicatorRealization.verified``): the
  evaluation's "sementara" is exactly "not verified by this workflow". Returning one unmarks them.

Each use case is one transaction (``db.write()``) and takes the locks of signing and saving (``db/locks.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.locks import lock_agreements, lock_quarters
from ..db.models import IndicatorRealization, Opd, PerformanceAgreement, Regency
from ..db.types import utcnow
from ..db.verification_models import PK, REPORT, Verification, VerificationEvent, VerifierOpd
from ..domain.enums import AgreementKind, AgreementStatus, Quarter
from ..domain.verification import VerificationAction, VerificationState, next_state, transition_problem
from . import audit
from . import users as auth
from .errors import FORM, ValidationError
from .evaluation_loading import closure, signed_agreements
from .opd_names import opd_id_named

NOTE = "note"  # the field a missing returning note is reported on


@dataclass(frozen=True)
class EventInfo:
    action: VerificationAction
    state: VerificationState
    at: datetime
    user: str
    note: str


@dataclass(frozen=True)
class VerificationStatus:
    """Where an item stands: its state, the returning note to show (empty unless returned) and its history."""

    state: VerificationState
    note: str = ""
    events: tuple[EventInfo, ...] = ()

    @property
    def verified(self) -> bool:
        return self.state is VerificationState.VERIFIED


@dataclass(frozen=True)
class WaitingItem:
    """Something submitted and waiting for Bappeda's decision."""

    kind: str  # "pk" | "laporan"
    verification_id: str
    agreement_id: str | None
    opd_id: str | None
    opd_code: str
    opd_name: str
    year: int
    quarter: int | None
    title: str  # "PK 2026 (Kepala OPD)", "Laporan Triwulan I 2026"
    submitted_at: datetime
    submitted_by: str


# --- reading -------------------------------------------------------------------------------------------


def _status(row: Verification | None) -> VerificationStatus:
    if row is None:
        return VerificationStatus(VerificationState.DRAFT)
    events = tuple(EventInfo(e.action, e.state, e.at, e.user, e.note) for e in row.events)
    return VerificationStatus(row.state, row.note if row.state is VerificationState.RETURNED else "", events)


def _agreement_row(session: Session, agreement_id: str) -> Verification | None:
    return session.scalars(
        select(Verification).where(Verification.agreement_id == agreement_id).options(selectinload(Verification.events))
    ).first()


def _report_row(session: Session, opd_id: str, year: int, quarter: int) -> Verification | None:
    return session.scalars(
        select(Verification)
        .where(Verification.kind == REPORT, Verification.opd_id == opd_id)
        .where(Verification.year == year, Verification.quarter == quarter)
        .options(selectinload(Verification.events))
    ).first()


def agreement_status(db: Database, agreement_id: str) -> VerificationStatus:
    with db.read() as session:
        return _status(_agreement_row(session, agreement_id))


def agreement_states(db: Database, agreement_ids: list[str]) -> dict[str, VerificationState]:
    """The state of each PK in ``agreement_ids`` (absent: Draf), for a list screen."""
    with db.read() as session:
        rows = session.execute(
            select(Verification.agreement_id, Verification.state).where(Verification.agreement_id.in_(agreement_ids))
        ).all()
    return {a: s for a, s in rows if a}


def report_status(db: Database, year: int, quarter: int, opd_id: str) -> VerificationStatus:
    with db.read() as session:
        return _status(_report_row(session, opd_id, year, quarter))


def verification_required(db: Database) -> bool:
    with db.read() as session:
        regency = session.scalars(select(Regency)).first()
        return bool(regency and regency.verification_required)


# --- the transition, shared by PKs and reports ----------------------------------------------------------


def _transition(session: Session, row: Verification, action: VerificationAction, note: str = "") -> None:
    problem = transition_problem(row.state, action, note)
    if problem:
        raise ValidationError.single(NOTE if action is VerificationAction.RETURN and not note.strip() else FORM,
                                     problem)
    user, now = audit.current_user(session), utcnow()
    row.state = next_state(row.state, action)
    if action is VerificationAction.SUBMIT:
        row.submitted_at, row.submitted_by, row.note = now, user, ""
    elif action in (VerificationAction.VERIFY, VerificationAction.RETURN):
        row.decided_at, row.decided_by = now, user
        row.note = note.strip()
    row.events.append(VerificationEvent(action=action, state=row.state, at=now, user=user, note=note.strip()))


# --- PK --------------------------------------------------------------------------------------------------


def _pk_title(agreement: PerformanceAgreement) -> str:
    version = f" Perubahan {agreement.version_no - 1}" if agreement.version_no > 1 else ""
    level = "" if agreement.kind is AgreementKind.OPD else f" ({agreement.kind.label})"
    return f"PK {agreement.year}{version}{level}"


def _open_agreement(session: Session, agreement_id: str) -> tuple[PerformanceAgreement, Verification]:
    lock_agreements(session, [agreement_id])  # as signing and editing: the state checked holds at commit
    agreement = session.get(PerformanceAgreement, agreement_id)
    if agreement is None:
        raise ValidationError.single(FORM, "Perjanjian Kinerja tidak ditemukan (mungkin sudah dibuang)")
    if agreement.status is not AgreementStatus.DRAFT:
        raise ValidationError.single(
            FORM, f"{_pk_title(agreement)} {agreement.opd_name} berstatus {agreement.status.label}: hanya draf "
            "yang diajukan, diverifikasi atau dikembalikan"
        )
    row = _agreement_row(session, agreement_id)
    if row is None:
        row = Verification(kind=PK, agreement_id=agreement.id, opd_id=agreement.opd_id, year=agreement.year,
                           state=VerificationState.DRAFT)
        session.add(row)
    return agreement, row


def _agreement_step(
    db: Database, agreement_id: str, action: VerificationAction, note: str = "",
    incomplete: Callable[[PerformanceAgreement], list[str]] | None = None,
) -> None:
    if action is VerificationAction.SUBMIT:  # the OPD's own act; deciding is Bappeda's
        auth.require_row(db, "submit", "performance_agreement", agreement_id)
    else:
        auth.require(db, "verify")
    with db.write() as session:
        agreement, row = _open_agreement(session, agreement_id)
        if incomplete is not None:
            problems = incomplete(agreement)
            if problems:
                raise ValidationError({f"{FORM}{n}" if n else FORM: p for n, p in enumerate(problems)})
        _transition(session, row, action, note)
        session.flush()
        audit.record(session, f"verification.{action.name.lower()}", "performance_agreement", agreement.id,
                     f"{_pk_title(agreement)} {agreement.opd_name} {action.label.lower()}"
                     + (f": {note.strip()}" if note.strip() else ""))


def submit_agreement(
    db: Database, agreement_id: str, incomplete: Callable[[PerformanceAgreement], list[str]]
) -> None:
    """The OPD hands its PK draft to Bappeda (Draf or Dikembalikan → Diajukan), refused while ``incomplete``
    finds problems. Called as ``agreements.submit`` (which knows what a complete PK is)."""
    _agreement_step(db, agreement_id, VerificationAction.SUBMIT, incomplete=incomplete)


def verify_agreement(db: Database, agreement_id: str) -> None:
    """Bappeda verifies a submitted PK draft (Diajukan → Diverifikasi); it may then be finalised."""
    _agreement_step(db, agreement_id, VerificationAction.VERIFY)


def return_agreement(db: Database, agreement_id: str, note: str) -> None:
    """Bappeda returns a submitted (or verified, not yet final) PK with a note saying what to correct."""
    _agreement_step(db, agreement_id, VerificationAction.RETURN, note)


def check_agreement_editable(session: Session, agreement: PerformanceAgreement) -> None:
    """Refuse changing a PK that waits for Bappeda's decision (inside the caller's transaction)."""
    row = _agreement_row(session, agreement.id)
    if row is not None and row.state is VerificationState.SUBMITTED:
        raise ValidationError.single(
            FORM, f"{_pk_title(agreement)} {agreement.opd_name} sudah diajukan dan menunggu verifikasi Bappeda; "
            "tidak dapat diubah sampai dikembalikan"
        )


def note_agreement_changed(session: Session, agreement: PerformanceAgreement) -> None:
    """A verified PK draft changed by the OPD goes back to Draf: the change is verified again."""
    row = _agreement_row(session, agreement.id)
    if row is not None and row.state is VerificationState.VERIFIED:
        _transition(session, row, VerificationAction.RESET)


def finalize_problem(session: Session, agreement: PerformanceAgreement) -> str | None:
    """Why a PK draft cannot be finalised yet as to verification, or None."""
    row = _agreement_row(session, agreement.id)
    state = row.state if row is not None else VerificationState.DRAFT
    if state is VerificationState.VERIFIED:
        return None
    if state is VerificationState.SUBMITTED:
        return "PK sudah diajukan dan menunggu verifikasi Bappeda; difinalkan setelah diverifikasi"
    if state is VerificationState.RETURNED:
        return "PK dikembalikan Bappeda untuk diperbaiki; ajukan lagi dan tunggu verifikasi sebelum difinalkan"
    regency = session.scalars(select(Regency)).first()
    if regency is not None and regency.verification_required:
        return "PK harus diajukan dan diverifikasi Bappeda sebelum difinalkan"
    return None


# --- quarterly report ----------------------------------------------------------------------------------


def _report_title(year: int, quarter: int) -> str:
    return f"Laporan {Quarter(quarter).label} {year}"


def _open_report(session: Session, year: int, quarter: int, opd_id: str) -> Verification:
    lock_quarters(session, [(year, quarter)])  # as saving and closing the quarter
    if closure(session, year, quarter) is not None:
        raise ValidationError.single(FORM, f"Triwulan {quarter} tahun {year} sudah ditutup")
    if not signed_agreements(session, year, opd_id):
        raise ValidationError.single(FORM, f"Belum ada PK {year} yang ditandatangani untuk OPD ini")
    row = _report_row(session, opd_id, year, quarter)
    if row is None:
        row = Verification(kind=REPORT, opd_id=opd_id, year=year, quarter=quarter, state=VerificationState.DRAFT)
        session.add(row)
    return row


def _report_rows(session: Session, year: int, quarter: int, opd_id: str) -> list[IndicatorRealization]:
    ids = [i.indicator_id for a in signed_agreements(session, year, opd_id) for i in a.items]
    return list(session.scalars(
        select(IndicatorRealization).where(
            IndicatorRealization.indicator_id.in_(ids),
            IndicatorRealization.year == year,
            IndicatorRealization.quarter == quarter,
        )
    ))


def _opd_name(session: Session, opd_id: str) -> str:
    opd = session.get(Opd, opd_id)
    return opd.name if opd is not None else ""


def submit_report(db: Database, year: int, quarter: int, opd_id: str) -> None:
    """The OPD hands its quarterly report (realisations and budget) to Bappeda."""
    auth.require(db, "submit", opd_id)
    with db.write() as session:
        row = _open_report(session, year, quarter, opd_id)
        if not _report_rows(session, year, quarter, opd_id):
            raise ValidationError.single(FORM, f"Realisasi Triwulan {quarter} tahun {year} belum diisi; "
                                         "isi dan simpan laporan sebelum diajukan")
        _transition(session, row, VerificationAction.SUBMIT)
        session.flush()
        audit.record(session, "verification.submit", "opd", opd_id,
                     f"{_report_title(year, quarter)} {_opd_name(session, opd_id)} diajukan")


def verify_report(db: Database, year: int, quarter: int, opd_id: str) -> int:
    """Bappeda verifies a submitted quarterly report: its realisations count as verified (no longer "sementara").
    Returns how many values were newly verified."""
    auth.require(db, "verify")
    with db.write() as session:
        row = _open_report(session, year, quarter, opd_id)
        _transition(session, row, VerificationAction.VERIFY)
        now = utcnow()
        newly = [r for r in _report_rows(session, year, quarter, opd_id) if not r.verified]
        for realization in newly:
            realization.verified, realization.verified_at = True, now
        session.flush()
        audit.record(session, "evaluation.verify", "opd", opd_id,
                     f"{_report_title(year, quarter)} {_opd_name(session, opd_id)} diverifikasi "
                     f"({len(newly)} realisasi)")
        return len(newly)


def return_report(db: Database, year: int, quarter: int, opd_id: str, note: str) -> None:
    """Bappeda returns a submitted (or verified, quarter still open) report with a note; its values are
    "sementara" again and the OPD may correct them."""
    auth.require(db, "verify")
    with db.write() as session:
        row = _open_report(session, year, quarter, opd_id)
        _transition(session, row, VerificationAction.RETURN, note)
        for realization in _report_rows(session, year, quarter, opd_id):
            realization.verified, realization.verified_at = False, None
        session.flush()
        audit.record(session, "verification.return", "opd", opd_id,
                     f"{_report_title(year, quarter)} {_opd_name(session, opd_id)} dikembalikan: {note.strip()}")


def check_report_editable(session: Session, year: int, quarter: int, opd_id: str) -> None:
    """Refuse changing a report that waits for Bappeda's decision; a verified one changed goes back to Draf."""
    row = _report_row(session, opd_id, year, quarter)
    if row is None:
        return
    if row.state is VerificationState.SUBMITTED:
        raise ValidationError.single(
            FORM, f"{_report_title(year, quarter)} sudah diajukan dan menunggu verifikasi Bappeda; "
            "tidak dapat diubah sampai dikembalikan"
        )
    if row.state is VerificationState.VERIFIED:
        _transition(session, row, VerificationAction.RESET)


# --- the waiting list ----------------------------------------------------------------------------------


def find_opd(db: Database, code: str) -> str:
    """The id of the active OPD with this code or abbreviation (the command line names OPDs so)."""
    with db.read() as session:
        return opd_id_named(session, code, active=True)


def assign_verifier(db: Database, verifier: str, opd_ids: list[str]) -> None:
    """The OPDs ``verifier`` verifies (replacing the previous assignment; none: every OPD)."""
    auth.require(db, "users")
    verifier = verifier.strip()
    if not verifier:
        raise ValidationError.single("verifier", "Nama verifikator wajib diisi")
    with db.write() as session:
        for old in session.scalars(select(VerifierOpd).where(VerifierOpd.verifier == verifier)):
            session.delete(old)
        session.flush()
        for opd_id in dict.fromkeys(opd_ids):
            if session.get(Opd, opd_id) is None:
                raise ValidationError.single("opd", "Perangkat daerah tidak ditemukan")
            session.add(VerifierOpd(verifier=verifier, opd_id=opd_id))
        audit.record(session, "verification.assign", "verifier_opd", "",
                     f"Verifikator {verifier}: {len(opd_ids) or 'semua'} perangkat daerah")


def assigned_opds(db: Database, verifier: str) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(VerifierOpd.opd_id).where(VerifierOpd.verifier == verifier.strip())))


def waiting(db: Database, verifier: str | None = None) -> list[WaitingItem]:
    """What waits for verification, grouped by OPD (the OPD waiting longest first), oldest first within it.

    ``verifier``: only the OPDs assigned to them (a verifier without any sees all; so does None). The regional
    head's own PK belongs to no OPD and is seen by every verifier.
    """
    with db.read() as session:
        scope: set[str] | None = None
        if verifier:
            scope = set(session.scalars(select(VerifierOpd.opd_id).where(VerifierOpd.verifier == verifier.strip())))
        rows = session.scalars(select(Verification).where(Verification.state == VerificationState.SUBMITTED)).all()
        opds = {o.id: o for o in session.scalars(select(Opd))}
        agreements = {
            a.id: a for a in session.scalars(
                select(PerformanceAgreement).where(
                    PerformanceAgreement.id.in_([r.agreement_id for r in rows if r.agreement_id])
                )
            )
        }
        regency = session.scalars(select(Regency)).first()
        items = []
        for row in rows:
            if scope and row.opd_id is not None and row.opd_id not in scope:
                continue
            opd = opds.get(row.opd_id or "")
            if row.kind == PK:
                agreement = agreements[row.agreement_id or ""]
                title, name = _pk_title(agreement), agreement.opd_name or (opd.name if opd else "")
                if agreement.kind is AgreementKind.REGIONAL:
                    name = regency.full_name if regency else name
                elif agreement.kind.is_lower:
                    name = f"{agreement.first_position} — {name}".strip(" —")
            else:
                title, name = _report_title(row.year, row.quarter or 0), opd.name if opd else ""
            items.append(WaitingItem(
                kind=row.kind, verification_id=row.id, agreement_id=row.agreement_id, opd_id=row.opd_id,
                opd_code=opd.code if opd else "", opd_name=name, year=row.year, quarter=row.quarter, title=title,
                submitted_at=row.submitted_at or row.updated_at, submitted_by=row.submitted_by,
            ))
    oldest: dict[str, datetime] = {}
    for item in items:
        key = item.opd_id or ""
        oldest[key] = min(oldest.get(key, item.submitted_at), item.submitted_at)
    return sorted(items, key=lambda i: (oldest[i.opd_id or ""], i.opd_code, i.submitted_at, i.title))


def decide(db: Database, item: WaitingItem, verify: bool, note: str = "") -> None:
    """Verify or return a waiting item (the list screen's two buttons)."""
    if item.kind == PK:
        (verify_agreement(db, item.agreement_id or "") if verify
         else return_agreement(db, item.agreement_id or "", note))
    elif verify:
        verify_report(db, item.year, item.quarter or 0, item.opd_id or "")
    else:
        return_report(db, item.year, item.quarter or 0, item.opd_id or "", note)


def set_verification_required(db: Database, on: bool) -> None:
    """The regency's setting: every PK is verified before it is final."""
    auth.require(db, "regency")
    with db.write() as session:
        regency = session.scalars(select(Regency)).first()
        if regency is None:
            raise ValidationError.single(FORM, "Profil pemerintah daerah belum diisi")
        if regency.verification_required != on:
            regency.verification_required = on
            audit.record(session, "verification.setting", "regency", regency.id,
                         f"Verifikasi PK sebelum final {'diwajibkan' if on else 'tidak diwajibkan'}")
