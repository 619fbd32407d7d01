"""A year's Perjanjian Kinerja for many OPDs at once: create, finalise, sign (``kinerja-desktop agreements``).

Each OPD goes through the same service functions the GUI calls (services/agreements.py), one transaction
each, so one OPD's problem never undoes another's work; the result says per OPD what was done, what was
already done (skipped, so a script can run again), and what failed and why. The GUI's rules hold: the
signers must be the people in office on the signing date, and a signed PK is locked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from ..db.database import Database
from ..db.errors import KinerjaDbError
from ..domain.enums import AgreementStatus
from ..domain.formatting import format_date
from . import agreements
from .agreement_data import AgreementDetail, AgreementRow, Signer
from .errors import FORM, ValidationError
from .opd_names import names_opd, not_found


class Source(StrEnum):
    """Where a new draft's indicators and programs come from."""

    RENSTRA = "renstra"
    LAST_YEAR = "last-year"


class Outcome(StrEnum):
    DONE = "selesai"
    SKIPPED = "dilewati"
    FAILED = "gagal"


@dataclass(frozen=True)
class BatchResult:
    """What happened to one OPD's PK."""

    opd_code: str
    opd_abbreviation: str
    opd_name: str
    outcome: Outcome
    message: str
    agreement_id: str | None = None


def choose_opds(db: Database, year: int, codes: list[str] | None) -> list[AgreementRow]:
    """The active OPDs with their current PK of ``year``; ``codes`` (code or abbreviation) narrow them.

    An unknown code is refused before anything is done.
    """
    rows = agreements.list_agreements(db, year)
    if not codes:
        return rows
    chosen = []
    for code in codes:
        row = next((r for r in rows if names_opd(code, r.opd_code, r.opd_abbreviation)), None)
        if row is None:
            raise not_found(code, active=True)
        if row not in chosen:
            chosen.append(row)
    return chosen


def _result(row: AgreementRow, outcome: Outcome, message: str, agreement_id: str | None = None) -> BatchResult:
    return BatchResult(row.opd_code, row.opd_abbreviation, row.opd_name, outcome, message,
                       agreement_id or row.agreement_id)


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.errors.values())
    return str(exc)


def _each(rows: list[AgreementRow], action: Callable[[AgreementRow], BatchResult]) -> list[BatchResult]:
    results = []
    for row in rows:
        try:
            results.append(action(row))
        except (ValidationError, KinerjaDbError) as exc:
            results.append(_result(row, Outcome.FAILED, _reason(exc)))
    return results


# --- create --------------------------------------------------------------------------------------------


def create_for_year(
    db: Database, year: int, codes: list[str] | None = None, *, source: Source = Source.RENSTRA, on: date | None = None
) -> list[BatchResult]:
    """A draft PK for each chosen OPD that has none for ``year``, from its Renstra or last year's PK.

    The signers are the people in office on ``on`` (the planned signing date; the services' default is
    2 January of the year).
    """

    def create(row: AgreementRow) -> BatchResult:
        if row.agreement_id is not None:
            return _result(row, Outcome.SKIPPED, f"sudah ada PK {year} ({row.status_label.lower()})")
        assert row.opd_id is not None  # the rows of the OPD level name their OPD
        if source is Source.LAST_YEAR:
            new_id = agreements.copy_from_previous_year(db, row.opd_id, year, on=on)
            origin = f"disalin dari PK {year - 1}"
        else:
            new_id = agreements.create_from_renstra(db, row.opd_id, year, on=on)
            origin = "dari Renstra"
        detail = agreements.get_agreement(db, new_id)
        return _result(
            row,
            Outcome.DONE,
            f"draf dibuat {origin}: {len(detail.items)} indikator, {len(detail.programs)} program",
            new_id,
        )

    return _each(choose_opds(db, year, codes), create)


# --- finalise ------------------------------------------------------------------------------------------


def finalize_for_year(
    db: Database, year: int, codes: list[str] | None = None, *, on: date | None = None
) -> list[BatchResult]:
    """Finalise each chosen OPD's draft.

    With ``on`` (the planned signing date) the signers become the people in office that day first; a final
    PK whose signers are not is taken back to draft, corrected and finalised again.
    """

    def finalize(row: AgreementRow) -> BatchResult:
        if row.agreement_id is None:
            return _result(row, Outcome.FAILED, f"belum ada PK {year}; buat dahulu")
        if row.status is not None and row.status.is_locked:
            return _result(row, Outcome.SKIPPED, "sudah ditandatangani")
        if row.status is AgreementStatus.FINAL:
            if on is None or not signer_problems(db, agreements.get_agreement(db, row.agreement_id), on):
                return _result(row, Outcome.SKIPPED, "sudah final")
            agreements.reopen_draft(db, row.agreement_id)
        note = refresh_signers(db, row.agreement_id, on) if on is not None else ""
        agreements.finalize(db, row.agreement_id)
        return _result(row, Outcome.DONE, "difinalkan" + (f"; {note}" if note else ""))

    return _each(choose_opds(db, year, codes), finalize)


def signers_in_office(db: Database, detail: AgreementDetail, on: date) -> tuple[Signer | None, list[Signer]]:
    """The OPD head and the regional leaders in office on ``on``."""
    head = agreements.head_signer(db, detail.opd_id, on) if detail.opd_id else None
    return head, agreements.leaders_on(db, on)


def _same(signer: Signer, other: Signer) -> bool:
    if signer.source_id and other.source_id:
        return signer.source_id == other.source_id and signer.acting is other.acting
    return " ".join(signer.name.split()).casefold() == " ".join(other.name.split()).casefold()


def refresh_signers(db: Database, agreement_id: str, on: date) -> str:
    """Make a draft's signers the people in office on ``on``; says what changed ("" when nothing did)."""
    detail = agreements.get_agreement(db, agreement_id)
    head, leaders = signers_in_office(db, detail, on)
    first, second = detail.first, detail.second
    changes = []
    if head is not None and not _same(first, head):
        first = head
        changes.append(f"pihak pertama menjadi {head.name}")
    if leaders and not any(_same(second, leader) for leader in leaders):
        second = leaders[0]
        changes.append(f"pihak kedua menjadi {second.name}")
    if changes:
        agreements.save_draft(db, replace(detail, first=first, second=second))
    return ", ".join(changes)


def signer_problems(db: Database, detail: AgreementDetail, on: date) -> list[str]:
    """Why the PK's signers cannot sign on ``on``: each must be in office that day (as in the GUI)."""
    head, leaders = signers_in_office(db, detail, on)
    day = format_date(on)
    problems = []
    if head is None:
        problems.append(f"perangkat daerah ini tidak memiliki kepala yang menjabat pada {day}")
    elif not _same(detail.first, head):
        problems.append(
            f"pihak pertama PK adalah {detail.first.name or '(kosong)'}, tetapi yang menjabat pada {day} adalah "
            f"{head.name} ({head.printed_position})"
        )
    if not any(_same(detail.second, leader) for leader in leaders):
        in_office = ", ".join(f"{s.name} ({s.printed_position})" for s in leaders) or "tidak ada yang tercatat"
        problems.append(
            f"pihak kedua PK adalah {detail.second.name or '(kosong)'}, yang tidak menjabat pada {day} "
            f"(menjabat: {in_office})"
        )
    return problems


# --- sign ----------------------------------------------------------------------------------------------


def sign_for_year(db: Database, year: int, codes: list[str] | None, sign_date: date) -> list[BatchResult]:
    """Sign each chosen OPD's final PK on ``sign_date``, when its signers are in office that day."""

    def sign(row: AgreementRow) -> BatchResult:
        if row.agreement_id is None:
            return _result(row, Outcome.FAILED, f"belum ada PK {year}")
        if row.status is AgreementStatus.DRAFT:
            return _result(row, Outcome.FAILED, "PK masih draf; finalkan dahulu")
        if row.status is not None and row.status.is_locked:
            if row.sign_date == sign_date:
                return _result(row, Outcome.SKIPPED, f"sudah ditandatangani {format_date(sign_date)}")
            raise ValidationError.single(
                FORM,
                f"sudah ditandatangani {format_date(row.sign_date)} dan dikunci; tanggalnya tidak dapat diubah "
                "(perubahan hanya lewat PK Perubahan)",
            )
        detail = agreements.get_agreement(db, row.agreement_id)
        problems = signer_problems(db, detail, sign_date)
        if problems:
            raise ValidationError.single(
                "signers",
                "; ".join(problems) + ". Perbarui penanda tangannya dengan "
                f"“agreements finalize --date {sign_date.isoformat()}”, lalu tandatangani lagi",
            )
        agreements.sign(db, row.agreement_id, sign_date)
        return _result(row, Outcome.DONE, f"ditandatangani {format_date(sign_date)}")

    return _each(choose_opds(db, year, codes), sign)
