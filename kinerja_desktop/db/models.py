"""SQLAlchemy models of the whole domain (DOMAIN.md); those a PK's print reads are declared in
``db.agreement_models`` and named here too.

Money is integer rupiah (BigInteger); targets and realisations are exact decimals (ExactDecimal).
Every row has a UUID key, timestamps and a version so that field packages can merge later.

No ``from __future__ import annotations`` here: Python evaluates the ``Mapped[...]`` annotations as each class is
made, where SQLAlchemy would otherwise evaluate a thousand strings (a tenth of the import, issue 20); a class not
defined yet is named in quotes.
"""

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.enums import (
    ActingKind,
    Cumulation,
    GoalKind,
    GoalLevel,
    LeaderRole,
    PeriodKind,
    Polarity,
    ProgramLevel,
)

# Declared first, in a module of their own (what a PK's print reads, issue 20); named here with the others.
from .agreement_models import SNAPSHOT as SNAPSHOT
from .agreement_models import AgreementItem as AgreementItem
from .agreement_models import AgreementProgram as AgreementProgram
from .agreement_models import DocumentAsset as DocumentAsset
from .agreement_models import Official as Official
from .agreement_models import Opd as Opd
from .agreement_models import OpdNameHistory as OpdNameHistory
from .agreement_models import PerformanceAgreement as PerformanceAgreement
from .agreement_models import Position as Position
from .agreement_models import PositionHolder as PositionHolder
from .agreement_models import Regency as Regency
from .base import Base, Tracked
from .limits import NIP, QUARTER, RUPIAH, SHA256, SORT_ORDER, WEIGHT, YEAR
from .types import EnumText, ExactDecimal, new_id, utcnow


class RegionalLeader(Tracked, Base):
    """Bupati/Wali Kota, deputy or acting head, with the period in office."""

    __tablename__ = "regional_leader"

    role: Mapped[LeaderRole] = mapped_column(EnumText(LeaderRole))
    acting: Mapped[ActingKind] = mapped_column(EnumText(ActingKind), default=ActingKind.DEFINITIVE)
    # with titles, as printed
    name: Mapped[str] = mapped_column(String(160), info={"label": "Nama"})
    # "Bupati Wanasari"
    position: Mapped[str] = mapped_column(String(160), info={"label": "Jabatan"})
    # elected heads have none
    nip: Mapped[str | None] = mapped_column(String(18), nullable=True, info={"label": "NIP", **NIP})
    rank: Mapped[str | None] = mapped_column(String(60), nullable=True, info={"label": "Pangkat"})
    grade: Mapped[str | None] = mapped_column(String(8), nullable=True, info={"label": "Golongan"})
    start_date: Mapped[date] = mapped_column(Date, info={"label": "Awal masa jabatan"})
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True, info={"label": "Akhir masa jabatan"})


class PlanningPeriod(Tracked, Base):
    """An RPJMD / Renstra period, e.g. 2025–2029, or a transition period (RPD) between two heads' terms.

    The fiscal years of an active period belong to it; a retired period keeps its goals (agreements refer to
    them) but no longer claims its years.
    """

    __tablename__ = "planning_period"
    __table_args__ = (CheckConstraint("end_year >= start_year", name="years_ordered"),)

    name: Mapped[str] = mapped_column(String(120), info={"label": "Nama periode"})
    kind: Mapped[PeriodKind] = mapped_column(EnumText(PeriodKind), default=PeriodKind.RPJMD)
    start_year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun awal periode", **YEAR})
    end_year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun akhir periode", **YEAR})
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    fiscal_years: Mapped[list["FiscalYear"]] = relationship(back_populates="period")


class FiscalYear(Tracked, Base):
    __tablename__ = "fiscal_year"

    year: Mapped[int] = mapped_column(Integer, unique=True, info={"label": "Tahun anggaran", **YEAR})
    period_id: Mapped[str] = mapped_column(ForeignKey("planning_period.id", ondelete="RESTRICT"))

    period: Mapped["PlanningPeriod"] = relationship(back_populates="fiscal_years")


POSITION_IDS = uuid.UUID("6f1d2c1e-3b7a-5e0c-9a57-2d8b0c4e71a5")  # namespace of the heads' positions' ids


def head_position_id(opd_id: str) -> str:
    """The id of an OPD's head position: from the OPD's id, so that every database (the centre's, a laptop's)
    that makes it, by the migration or by appointing a head, makes the same row."""
    return str(uuid.uuid5(POSITION_IDS, opd_id))


class Goal(Tracked, Base):
    """A node of the plan tree: misi → tujuan → sasaran, regional (RPJMD) or per OPD (Renstra)."""

    __tablename__ = "goal"

    period_id: Mapped[str] = mapped_column(ForeignKey("planning_period.id", ondelete="RESTRICT"), index=True)
    level: Mapped[GoalLevel] = mapped_column(EnumText(GoalLevel))
    kind: Mapped[GoalKind] = mapped_column(EnumText(GoalKind))
    opd_id: Mapped[str | None] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True, nullable=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("goal.id", ondelete="RESTRICT"), nullable=True)
    supports_id: Mapped[str | None] = mapped_column(  # the upper sasaran it supports (an OPD's: the RPJMD's)
        ForeignKey("goal.id", ondelete="SET NULL"), nullable=True
    )
    # Inside the OPD (sasaran program, kegiatan, individu): the position whose holder answers for it. (Added in
    # place on SQLite, which keeps no ON DELETE there: NO ACTION refuses deleting a position with sasaran.)
    position_id: Mapped[str | None] = mapped_column(ForeignKey("position.id"), index=True, nullable=True)
    code: Mapped[str] = mapped_column(String(40), default="", info={"label": "Kode"})
    statement: Mapped[str] = mapped_column(Text, info={"label": "Uraian", "max_length": 4000})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    parent: Mapped["Goal | None"] = relationship(remote_side="Goal.id", foreign_keys=[parent_id])
    supports: Mapped["Goal | None"] = relationship(remote_side="Goal.id", foreign_keys=[supports_id])
    indicators: Mapped[list["Indicator"]] = relationship(back_populates="goal", order_by="Indicator.sort_order")
    programs: Mapped[list["GoalProgram"]] = relationship(
        cascade="all, delete-orphan", order_by="GoalProgram.sort_order"
    )


class GoalProgram(Tracked, Base):
    """A program, kegiatan or sub kegiatan a sasaran of the cascade carries (its PK lampiran lists them)."""

    __tablename__ = "goal_program"
    __table_args__ = (UniqueConstraint("goal_id", "program_id"),)

    goal_id: Mapped[str] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    program_id: Mapped[str] = mapped_column(ForeignKey("program.id", ondelete="RESTRICT"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})

    program: Mapped["Program"] = relationship()


class Indicator(Tracked, Base):
    """Indikator kinerja (IKU) of a sasaran."""

    __tablename__ = "indicator"

    goal_id: Mapped[str] = mapped_column(ForeignKey("goal.id", ondelete="RESTRICT"), index=True)
    # Inside the OPD: the indicator of the upper sasaran this one supports (no ON DELETE, as goal.position_id:
    # an indicator others support cannot be deleted; indicators are deactivated, not deleted).
    supports_id: Mapped[str | None] = mapped_column(ForeignKey("indicator.id"), nullable=True)
    code: Mapped[str] = mapped_column(String(40), default="", info={"label": "Kode indikator"})
    name: Mapped[str] = mapped_column(Text, info={"label": "Nama indikator", "max_length": 2000})
    # satuan
    unit: Mapped[str] = mapped_column(String(60), info={"label": "Satuan"})
    polarity: Mapped[Polarity] = mapped_column(EnumText(Polarity), default=Polarity.POSITIVE)
    cumulation: Mapped[Cumulation] = mapped_column(EnumText(Cumulation), default=Cumulation.LAST_VALUE)
    # e.g. "opini_bpk"
    qualitative_scale: Mapped[str | None] = mapped_column(String(40), nullable=True, info={"label": "Skala kualitatif"})
    definition: Mapped[str] = mapped_column(Text, default="", info={"label": "Definisi", "max_length": 10_000})
    formula: Mapped[str] = mapped_column(Text, default="", info={"label": "Formula", "max_length": 10_000})
    data_source: Mapped[str] = mapped_column(String(250), default="", info={"label": "Sumber data"})
    baseline: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Nilai dasar (baseline)"}
    )
    baseline_year: Mapped[int | None] = mapped_column(Integer, nullable=True, info={"label": "Tahun dasar", **YEAR})
    weight: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("1"), info={"label": "Bobot", **WEIGHT})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    goal: Mapped["Goal"] = relationship(back_populates="indicators")
    targets: Mapped[list["IndicatorTarget"]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="IndicatorTarget.year"
    )


class IndicatorTarget(Tracked, Base):
    """Yearly target with its quarterly breakdown (Rencana Aksi TW I–IV)."""

    __tablename__ = "indicator_target"
    __table_args__ = (UniqueConstraint("indicator_id", "year"),)

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun target", "field": "targets[{year}].year", **YEAR})
    target: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target tahunan", "field": "targets[{year}].target"}
    )
    # range indicators
    target_high: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Batas atas target", "field": "targets[{year}].target_high"}
    )
    # qualitative indicators
    target_grade: Mapped[str | None] = mapped_column(
        String(20), nullable=True, info={"label": "Target (predikat)", "field": "targets[{year}].target"}
    )
    q1: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target TW I", "field": "targets[{year}].q1"}
    )
    q2: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target TW II", "field": "targets[{year}].q2"}
    )
    q3: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target TW III", "field": "targets[{year}].q3"}
    )
    q4: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target TW IV", "field": "targets[{year}].q4"}
    )

    indicator: Mapped["Indicator"] = relationship(back_populates="targets")


class Program(Tracked, Base):
    """A program, kegiatan or sub kegiatan (Permendagri 90/2019 code) of an OPD: the DPA's budget structure.

    ``level`` says which; a kegiatan's parent is a program, a sub kegiatan's a kegiatan, of the same OPD.
    The pagu of a row with active children is the sum of theirs (kept so by services/programs.py), so the
    PK lampiran and budget realisations, which read program rows, see the DPA's totals.
    """

    __tablename__ = "program"
    __table_args__ = (UniqueConstraint("opd_id", "code"),)

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True)
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"), nullable=True)
    level: Mapped[ProgramLevel] = mapped_column(EnumText(ProgramLevel), default=ProgramLevel.PROGRAM)
    parent_id: Mapped[str | None] = mapped_column(  # no ON DELETE: a parent with children is not deleted
        ForeignKey("program.id"), index=True, nullable=True
    )
    code: Mapped[str] = mapped_column(String(40), info={"label": "Kode program"})
    name: Mapped[str] = mapped_column(Text, info={"label": "Nama program", "max_length": 2000})
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    parent: Mapped["Program | None"] = relationship(remote_side="Program.id", back_populates="children")
    children: Mapped[list["Program"]] = relationship(back_populates="parent", order_by="Program.code")

    budgets: Mapped[list["ProgramBudget"]] = relationship(
        back_populates="program", cascade="all, delete-orphan", order_by="ProgramBudget.year"
    )


class ProgramBudget(Tracked, Base):
    """Pagu of a program in a year (DPA), integer rupiah."""

    __tablename__ = "program_budget"
    __table_args__ = (
        UniqueConstraint("program_id", "year"),
        CheckConstraint("pagu >= 0", name="pagu_not_negative"),
    )

    program_id: Mapped[str] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun pagu", **YEAR})
    pagu: Mapped[int] = mapped_column(BigInteger, info={"label": "Pagu", **RUPIAH})

    program: Mapped["Program"] = relationship(back_populates="budgets")


class IntegrityPact(Tracked, Base):
    """Pakta Integritas signed by an OPD head for a year (snapshot of the signer and of the document)."""

    __tablename__ = "integrity_pact"
    __table_args__ = (UniqueConstraint("opd_id", "year", "official_id"),)

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True)
    official_id: Mapped[str] = mapped_column(ForeignKey("official.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun pakta", **YEAR})
    name: Mapped[str] = mapped_column(String(160), info={"label": "Nama"})
    nip: Mapped[str | None] = mapped_column(String(18), nullable=True, info={"label": "NIP", **NIP})
    rank: Mapped[str] = mapped_column(String(80), default="", info={"label": "Pangkat"})
    position: Mapped[str] = mapped_column(String(200), info={"label": "Jabatan"})
    institution: Mapped[str] = mapped_column(String(200), info={"label": "Instansi"})
    place: Mapped[str] = mapped_column(String(120), default="", info={"label": "Tempat penandatanganan"})
    sign_date: Mapped[date | None] = mapped_column(Date, nullable=True, info={"label": "Tanggal penandatanganan"})
    # The document as signed (frozen when recorded), as on the agreement.
    document_code: Mapped[str] = mapped_column(String(60), default="", info={"label": "Identitas dokumen"})
    snapshot: Mapped[str] = mapped_column(Text, default="", info=SNAPSHOT)
    fingerprint: Mapped[str] = mapped_column(String(64), default="", info={"label": "Sidik dokumen", **SHA256})


class IndicatorRealization(Tracked, Base):
    """Realisation of an indicator in one quarter, with kendala and tindak lanjut."""

    __tablename__ = "indicator_realization"
    __table_args__ = (
        UniqueConstraint("indicator_id", "year", "quarter"),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_range"),
    )

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun realisasi", **YEAR})
    quarter: Mapped[int] = mapped_column(Integer, info={"label": "Triwulan", **QUARTER})
    # None: belum diisi / belum rilis
    value: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Realisasi", "field": "indicators[{indicator_id}].value"}
    )
    # qualitative indicators
    grade: Mapped[str | None] = mapped_column(
        String(20), nullable=True, info={"label": "Realisasi (predikat)", "field": "indicators[{indicator_id}].value"}
    )
    # kendala / permasalahan
    problems: Mapped[str] = mapped_column(
        Text,
        default="",
        info={"label": "Kendala", "field": "indicators[{indicator_id}].problems", "max_length": 10_000},
    )
    # tindak lanjut / solusi
    follow_up: Mapped[str] = mapped_column(
        Text,
        default="",
        info={"label": "Tindak lanjut", "field": "indicators[{indicator_id}].problems", "max_length": 10_000},
    )
    verified: Mapped[bool] = mapped_column(Boolean, default=False)  # verified by Bappeda; else "sementara"
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reported_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    indicator: Mapped["Indicator"] = relationship()
    evidence: Mapped[list["Evidence"]] = relationship(back_populates="realization", cascade="all, delete-orphan")


class BudgetRealization(Tracked, Base):
    """Budget realised by a program during one quarter, integer rupiah."""

    __tablename__ = "budget_realization"
    __table_args__ = (
        UniqueConstraint("program_id", "year", "quarter"),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_range"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    program_id: Mapped[str] = mapped_column(ForeignKey("program.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun realisasi anggaran", **YEAR})
    quarter: Mapped[int] = mapped_column(Integer, info={"label": "Triwulan", **QUARTER})
    amount: Mapped[int] = mapped_column(
        BigInteger, info={"label": "Realisasi anggaran", "field": "budgets[{program_id}]", **RUPIAH}
    )


class Evidence(Tracked, Base):
    """A supporting file (bukti dukung) kept in the evidence store beside the database."""

    __tablename__ = "evidence"

    realization_id: Mapped[str] = mapped_column(ForeignKey("indicator_realization.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255), info={"label": "Nama berkas bukti"})
    sha256: Mapped[str] = mapped_column(String(64), info={"label": "Sidik berkas bukti", **SHA256})
    size: Mapped[int] = mapped_column(BigInteger, info={"label": "Ukuran berkas bukti", "min": 0, "max": 1 << 40})

    realization: Mapped["IndicatorRealization"] = relationship(back_populates="evidence")


class QuarterClosure(Tracked, Base):
    """A quarter closed by Bappeda, with its scores frozen as a JSON snapshot."""

    __tablename__ = "quarter_closure"
    __table_args__ = (UniqueConstraint("year", "quarter"),)

    year: Mapped[int] = mapped_column(Integer, info={"label": "Tahun", **YEAR})
    quarter: Mapped[int] = mapped_column(Integer, info={"label": "Triwulan", **QUARTER})
    closed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(120), default="", info={"label": "Ditutup oleh"})
    snapshot: Mapped[str] = mapped_column(Text, default="")


class AuditLog(Base):
    """Who changed what, when, and from where (the app, the CLI or an imported package)."""

    __tablename__ = "audit_log"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(120), default="")
    origin: Mapped[str] = mapped_column(String(120), default="app")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON of changed fields
    # The transaction (change set) this entry describes and its place in it: the field-level rows
    # (AuditChange) of the same change set up to this ``seq`` are its before/after (services/audit_log.py).
    change_set: Mapped[str] = mapped_column(String(36), default="", index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    opd_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)  # no FK: the trail outlives
    # the OPD


class AuditChange(Base):
    """One row inserted, updated or deleted, with its changed fields' values before and after (JSON).

    Written by the session hook (``db/audit_hook.py``) for every row the ORM flushes, in the same transaction;
    the database refuses to update or delete it (``db/audit_triggers.py``).
    """

    __tablename__ = "audit_change"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    change_set: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(120), default="")
    origin: Mapped[str] = mapped_column(String(120), default="app")
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36), default="")
    operation: Mapped[str] = mapped_column(String(10))  # tambah | ubah | hapus
    opd_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    changes: Mapped[str] = mapped_column(Text, default="{}")  # {"field": [before, after]} (audit_hook.encode)
