"""Pakta Integritas: recorded per OPD head and year beside the PK, with a snapshot of the signer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..db.database import Database
from ..db.models import IntegrityPact, Opd, Regency
from ..domain.personnel import rank_label
from . import audit
from . import users as auth
from .documents import head_on
from .documents_frozen import freeze_pact
from .errors import FORM, ValidationError


@dataclass(frozen=True)
class PactRow:
    id: str
    opd_id: str
    opd_name: str
    year: int
    name: str
    nip: str | None
    rank: str
    position: str
    institution: str
    place: str
    sign_date: date | None


def _row(pact: IntegrityPact, opd_name: str) -> PactRow:
    return PactRow(pact.id, pact.opd_id, opd_name, pact.year, pact.name, pact.nip, pact.rank, pact.position,
                   pact.institution, pact.place, pact.sign_date)


def record_pact(db: Database, opd_id: str, year: int, sign_date: date, *, place: str | None = None) -> str:
    """Record the Pakta Integritas of the OPD head in office on ``sign_date`` (one per head and year), signed:
    the document is frozen as it prints that day (recording it again replaces it)."""
    auth.require(db, "opd_data", opd_id)
    with db.write() as session:
        opd = session.get(Opd, opd_id)
        if opd is None:
            raise ValidationError.single(FORM, "Perangkat daerah tidak ditemukan")
        head = head_on(session, opd_id, sign_date)
        if head is None:
            raise ValidationError.single(
                "sign_date", f"{opd.name} tidak memiliki kepala pada tanggal tersebut; lengkapi data kepala OPD"
            )
        existing = session.scalars(
            select(IntegrityPact)
            .where(IntegrityPact.opd_id == opd_id, IntegrityPact.year == year)
            .where(IntegrityPact.official_id == head.official_id)
        ).first()
        regency = session.scalars(select(Regency)).first()
        pact = existing or IntegrityPact(opd_id=opd_id, year=year, official_id=head.official_id)
        official = head.official
        pact.name = official.name
        pact.nip = official.nip
        pact.rank = rank_label(official.rank, official.grade)
        pact.position = f"{head.acting.prefix} {head.position}".strip()
        pact.institution = f"{opd.name} {regency.full_name}" if regency else opd.name
        pact.place = place if place is not None else (regency.capital if regency else "")
        pact.sign_date = sign_date
        session.add(pact)
        session.flush()
        freeze_pact(session, pact)
        audit.record(session, "pact.record", "integrity_pact", pact.id,
                     f"Pakta Integritas {year} {official.name} ({opd.name}) dicatat")
        return pact.id


def pacts_for_year(db: Database, year: int) -> list[PactRow]:
    with db.read() as session:
        rows = session.execute(
            select(IntegrityPact, Opd.name)
            .join(Opd, IntegrityPact.opd_id == Opd.id)
            .where(IntegrityPact.year == year)
            .order_by(Opd.sort_order, Opd.code, IntegrityPact.sign_date)
        ).all()
        return [_row(pact, opd_name) for pact, opd_name in rows]


def pact_for(db: Database, opd_id: str, year: int) -> PactRow | None:
    """The latest Pakta Integritas of an OPD for a year (a new head signs a new one)."""
    with db.read() as session:
        row = session.execute(
            select(IntegrityPact, Opd.name)
            .join(Opd, IntegrityPact.opd_id == Opd.id)
            .where(IntegrityPact.opd_id == opd_id, IntegrityPact.year == year)
            .order_by(IntegrityPact.sign_date.desc())
        ).first()
        return _row(*row) if row else None
