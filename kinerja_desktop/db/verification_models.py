"""Bappeda's verification of PK drafts and quarterly reports (``domain/verification.py`` has the rules).

One row of ``verification`` per item that entered the workflow: a PK (by its agreement row) or an OPD's quarterly
report (by OPD, year and quarter); no row is a draft never submitted. Every transition is a row of
``verification_event`` (who, when, the note), so a returned item's history stays. ``verifier_opd`` assigns OPDs
to a verifier (a verifier without any sees every OPD).

These rows stay at the centre: field packages do not carry them (``sync_scope`` does not list them).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.verification import VerificationAction, VerificationState
from . import models  # noqa: F401 - the tables its keys refer to (opd…): the ORM resolves them on a write
from .base import Base, Tracked
from .limits import QUARTER, YEAR
from .types import EnumText, utcnow

PK = "pk"
REPORT = "laporan"


class Verification(Tracked, Base):
    """The verification state of one PK or one OPD's quarterly report."""

    __tablename__ = "verification"
    __table_args__ = (
        UniqueConstraint("agreement_id"),
        UniqueConstraint("kind", "opd_id", "year", "quarter"),
    )

    kind: Mapped[str] = mapped_column(String(10), default=PK)  # "pk" | "laporan"
    agreement_id: Mapped[str | None] = mapped_column(
        ForeignKey("performance_agreement.id", ondelete="CASCADE"), nullable=True
    )
    opd_id: Mapped[str | None] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"), index=True, nullable=True)
    year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun", **YEAR})
    quarter: Mapped[int | None] = mapped_column(Integer, nullable=True, info={"label": "Triwulan", **QUARTER})
    state: Mapped[VerificationState] = mapped_column(EnumText(VerificationState), default=VerificationState.DRAFT)
    # The returning note, shown to the OPD until it submits again (the history keeps every note).
    note: Mapped[str] = mapped_column(Text, default="", info={"label": "Catatan verifikasi", "max_length": 10_000})
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    submitted_by: Mapped[str] = mapped_column(String(120), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    decided_by: Mapped[str] = mapped_column(String(120), default="")

    events: Mapped[list[VerificationEvent]] = relationship(
        back_populates="verification", cascade="all, delete-orphan", order_by="VerificationEvent.at"
    )


class VerificationEvent(Tracked, Base):
    """One transition: who, when, what, with the note."""

    __tablename__ = "verification_event"

    verification_id: Mapped[str] = mapped_column(ForeignKey("verification.id", ondelete="CASCADE"), index=True)
    action: Mapped[VerificationAction] = mapped_column(EnumText(VerificationAction))
    state: Mapped[VerificationState] = mapped_column(EnumText(VerificationState))  # after the transition
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="", info={"label": "Catatan verifikasi", "max_length": 10_000})

    verification: Mapped[Verification] = relationship(back_populates="events")


class VerifierOpd(Tracked, Base):
    """An OPD assigned to a verifier (by user name)."""

    __tablename__ = "verifier_opd"
    __table_args__ = (UniqueConstraint("verifier", "opd_id"),)

    verifier: Mapped[str] = mapped_column(String(120), info={"label": "Verifikator"})
    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"), index=True)
