"""SQLAlchemy models of the whole domain (DOMAIN.md).

Money is integer rupiah (BigInteger); targets and realisations are exact decimals (ExactDecimal).
Every row has a UUID key, timestamps and a version so that field packages can merge later.
"""

from __future__ import annotations

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
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.enums import (
    ActingKind,
    AgreementKind,
    AgreementStatus,
    Cumulation,
    GoalKind,
    GoalLevel,
    LeaderRole,
    OpdKind,
    Polarity,
    RegionKind,
)
from . import sync_models  # noqa: F401 - the exchange's bookkeeping tables belong to the same schema
from .base import Base, Tracked
from .types import EnumText, ExactDecimal, new_id, utcnow


class Regency(Tracked, Base):
    """The regency or city running the app (one row), with its regency-level settings."""

    __tablename__ = "regency"

    kind: Mapped[RegionKind] = mapped_column(EnumText(RegionKind), default=RegionKind.KABUPATEN)
    name: Mapped[str] = mapped_column(String(120))  # "Wanasari" (without "Kabupaten")
    province: Mapped[str] = mapped_column(String(120), default="")
    capital: Mapped[str] = mapped_column(String(120), default="")  # place printed before the signing date
    address: Mapped[str] = mapped_column(String(250), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    website: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)  # demo data, never for real use
    # Regency settings (DOMAIN.md gives the defaults).
    achievement_cap: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("120"))
    negative_formula: Mapped[str] = mapped_column(String(8), default="2t-r")
    warning_threshold: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("75"))
    efficiency_margin: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("5"))
    predicate_bands: Mapped[str] = mapped_column(Text, default="")  # JSON; empty = Permendagri 86/2017
    # The planning agency (Bappeda, Bapperida, ...) that issues the regency-wide reports, with its letterhead.
    agency_name: Mapped[str] = mapped_column(String(200), default="")  # "Badan Perencanaan Pembangunan Daerah"
    agency_short: Mapped[str] = mapped_column(String(60), default="")  # "Bappeda"
    agency_address: Mapped[str] = mapped_column(String(250), default="")
    agency_phone: Mapped[str] = mapped_column(String(60), default="")
    agency_email: Mapped[str] = mapped_column(String(120), default="")
    agency_website: Mapped[str] = mapped_column(String(120), default="")
    agency_opd_id: Mapped[str | None] = mapped_column(  # the agency as an OPD: its head signs the reports
        ForeignKey("opd.id", ondelete="SET NULL"), nullable=True
    )

    @property
    def full_name(self) -> str:
        return f"{'Kabupaten' if self.kind is RegionKind.KABUPATEN else 'Kota'} {self.name}"


class RegionalLeader(Tracked, Base):
    """Bupati/Wali Kota, deputy or acting head, with the period in office."""

    __tablename__ = "regional_leader"

    role: Mapped[LeaderRole] = mapped_column(EnumText(LeaderRole))
    acting: Mapped[ActingKind] = mapped_column(EnumText(ActingKind), default=ActingKind.DEFINITIVE)
    name: Mapped[str] = mapped_column(String(160))  # with titles, as printed
    position: Mapped[str] = mapped_column(String(160))  # "Bupati Wanasari"
    nip: Mapped[str | None] = mapped_column(String(18), nullable=True)  # elected heads have none
    rank: Mapped[str | None] = mapped_column(String(60), nullable=True)
    grade: Mapped[str | None] = mapped_column(String(8), nullable=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class PlanningPeriod(Tracked, Base):
    """An RPJMD / Renstra period, e.g. 2025–2029."""

    __tablename__ = "planning_period"
    __table_args__ = (CheckConstraint("end_year >= start_year", name="years_ordered"),)

    name: Mapped[str] = mapped_column(String(120))
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)

    fiscal_years: Mapped[list[FiscalYear]] = relationship(back_populates="period")


class FiscalYear(Tracked, Base):
    __tablename__ = "fiscal_year"

    year: Mapped[int] = mapped_column(Integer, unique=True)
    period_id: Mapped[str] = mapped_column(ForeignKey("planning_period.id", ondelete="RESTRICT"))

    period: Mapped[PlanningPeriod] = relationship(back_populates="fiscal_years")


class Official(Tracked, Base):
    """A civil servant (ASN) as printed on documents."""

    __tablename__ = "official"

    name: Mapped[str] = mapped_column(String(160))  # "Dr. Ir. H. Bambang Sutrisno, M.Si."
    nip: Mapped[str | None] = mapped_column(String(18), unique=True, nullable=True)
    rank: Mapped[str] = mapped_column(String(60), default="")  # "Pembina Utama Muda"
    grade: Mapped[str] = mapped_column(String(8), default="")  # "IV/c"


class Opd(Tracked, Base):
    """Perangkat daerah."""

    __tablename__ = "opd"

    code: Mapped[str] = mapped_column(String(40), unique=True)  # SIPD "1.02.0.00.0.00.01.0000"
    abbreviation: Mapped[str] = mapped_column(String(30), unique=True)  # "Dinkes"
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OpdKind] = mapped_column(EnumText(OpdKind))
    address: Mapped[str] = mapped_column(String(250), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(120), default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    heads: Mapped[list[OpdHead]] = relationship(
        back_populates="opd", cascade="all, delete-orphan", order_by="OpdHead.start_date"
    )
    names: Mapped[list[OpdNameHistory]] = relationship(
        back_populates="opd", cascade="all, delete-orphan", order_by="OpdNameHistory.valid_from"
    )


class OpdNameHistory(Tracked, Base):
    """Former names of an OPD (SOTK changes), so history keeps both."""

    __tablename__ = "opd_name_history"

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date] = mapped_column(Date)

    opd: Mapped[Opd] = relationship(back_populates="names")


class OpdHead(Tracked, Base):
    """Who headed an OPD, from when to when (the head may change mid-year)."""

    __tablename__ = "opd_head"
    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),)

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"), index=True)
    official_id: Mapped[str] = mapped_column(ForeignKey("official.id", ondelete="RESTRICT"), index=True)
    position: Mapped[str] = mapped_column(String(200))  # jabatan "Kepala Dinas Kesehatan"
    acting: Mapped[ActingKind] = mapped_column(EnumText(ActingKind), default=ActingKind.DEFINITIVE)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    opd: Mapped[Opd] = relationship(back_populates="heads")
    official: Mapped[Official] = relationship()


class Goal(Tracked, Base):
    """A node of the plan tree: misi → tujuan → sasaran, regional (RPJMD) or per OPD (Renstra)."""

    __tablename__ = "goal"

    period_id: Mapped[str] = mapped_column(ForeignKey("planning_period.id", ondelete="RESTRICT"), index=True)
    level: Mapped[GoalLevel] = mapped_column(EnumText(GoalLevel))
    kind: Mapped[GoalKind] = mapped_column(EnumText(GoalKind))
    opd_id: Mapped[str | None] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True, nullable=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("goal.id", ondelete="RESTRICT"), nullable=True)
    supports_id: Mapped[str | None] = mapped_column(  # the RPJMD sasaran an OPD sasaran supports
        ForeignKey("goal.id", ondelete="SET NULL"), nullable=True
    )
    code: Mapped[str] = mapped_column(String(40), default="")
    statement: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    parent: Mapped[Goal | None] = relationship(remote_side="Goal.id", foreign_keys=[parent_id])
    supports: Mapped[Goal | None] = relationship(remote_side="Goal.id", foreign_keys=[supports_id])
    indicators: Mapped[list[Indicator]] = relationship(back_populates="goal", order_by="Indicator.sort_order")


class Indicator(Tracked, Base):
    """Indikator kinerja (IKU) of a sasaran."""

    __tablename__ = "indicator"

    goal_id: Mapped[str] = mapped_column(ForeignKey("goal.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(40), default="")
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(60))  # satuan
    polarity: Mapped[Polarity] = mapped_column(EnumText(Polarity), default=Polarity.POSITIVE)
    cumulation: Mapped[Cumulation] = mapped_column(EnumText(Cumulation), default=Cumulation.LAST_VALUE)
    qualitative_scale: Mapped[str | None] = mapped_column(String(40), nullable=True)  # e.g. "opini_bpk"
    definition: Mapped[str] = mapped_column(Text, default="")
    formula: Mapped[str] = mapped_column(Text, default="")
    data_source: Mapped[str] = mapped_column(String(250), default="")
    baseline: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    baseline_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    weight: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("1"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    goal: Mapped[Goal] = relationship(back_populates="indicators")
    targets: Mapped[list[IndicatorTarget]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="IndicatorTarget.year"
    )


class IndicatorTarget(Tracked, Base):
    """Yearly target with its quarterly breakdown (Rencana Aksi TW I–IV)."""

    __tablename__ = "indicator_target"
    __table_args__ = (UniqueConstraint("indicator_id", "year"),)

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    target: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    target_high: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)  # range indicators
    target_grade: Mapped[str | None] = mapped_column(String(20), nullable=True)  # qualitative indicators
    q1: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    q2: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    q3: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    q4: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)

    indicator: Mapped[Indicator] = relationship(back_populates="targets")


class Program(Tracked, Base):
    """A program (Permendagri 90/2019 code) of an OPD."""

    __tablename__ = "program"
    __table_args__ = (UniqueConstraint("opd_id", "code"),)

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True)
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"), nullable=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    budgets: Mapped[list[ProgramBudget]] = relationship(
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
    year: Mapped[int] = mapped_column(Integer)
    pagu: Mapped[int] = mapped_column(BigInteger)

    program: Mapped[Program] = relationship(back_populates="budgets")


class PerformanceAgreement(Tracked, Base):
    """A Perjanjian Kinerja (one version of it); signers and OPD name are frozen when finalised."""

    __tablename__ = "performance_agreement"
    __table_args__ = (UniqueConstraint("opd_id", "year", "version_no"),)

    kind: Mapped[AgreementKind] = mapped_column(EnumText(AgreementKind), default=AgreementKind.OPD)
    opd_id: Mapped[str | None] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True, nullable=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    version_no: Mapped[int] = mapped_column(Integer, default=1)  # 1 = original, 2.. = PK Perubahan
    replaces_id: Mapped[str | None] = mapped_column(
        ForeignKey("performance_agreement.id", ondelete="RESTRICT"), nullable=True
    )
    amendment_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[AgreementStatus] = mapped_column(EnumText(AgreementStatus), default=AgreementStatus.DRAFT)
    place: Mapped[str] = mapped_column(String(120), default="")
    sign_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Snapshot of what is printed (frozen at finalisation).
    opd_name: Mapped[str] = mapped_column(String(200), default="")
    first_official_id: Mapped[str | None] = mapped_column(
        ForeignKey("official.id", ondelete="RESTRICT"), nullable=True
    )
    first_name: Mapped[str] = mapped_column(String(160), default="")
    first_position: Mapped[str] = mapped_column(String(200), default="")
    first_nip: Mapped[str | None] = mapped_column(String(18), nullable=True)
    first_rank: Mapped[str] = mapped_column(String(80), default="")  # "Pembina Utama Muda (IV/c)"
    first_acting: Mapped[ActingKind] = mapped_column(EnumText(ActingKind), default=ActingKind.DEFINITIVE)
    second_leader_id: Mapped[str | None] = mapped_column(
        ForeignKey("regional_leader.id", ondelete="RESTRICT"), nullable=True
    )
    second_name: Mapped[str] = mapped_column(String(160), default="")
    second_position: Mapped[str] = mapped_column(String(200), default="")
    second_nip: Mapped[str | None] = mapped_column(String(18), nullable=True)
    second_rank: Mapped[str] = mapped_column(String(80), default="")
    second_acting: Mapped[ActingKind] = mapped_column(EnumText(ActingKind), default=ActingKind.DEFINITIVE)
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    opd: Mapped[Opd | None] = relationship()
    replaces: Mapped[PerformanceAgreement | None] = relationship(remote_side="PerformanceAgreement.id")
    items: Mapped[list[AgreementItem]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementItem.sort_order"
    )
    programs: Mapped[list[AgreementProgram]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementProgram.sort_order"
    )


class AgreementItem(Tracked, Base):
    """A row of the lampiran: sasaran, indicator, target (copied from the Renstra, editable until final)."""

    __tablename__ = "agreement_item"

    agreement_id: Mapped[str] = mapped_column(ForeignKey("performance_agreement.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"), index=True)
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"), nullable=True)
    sasaran: Mapped[str] = mapped_column(Text)
    indicator_name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(60))
    polarity: Mapped[Polarity] = mapped_column(EnumText(Polarity), default=Polarity.POSITIVE)
    cumulation: Mapped[Cumulation] = mapped_column(EnumText(Cumulation), default=Cumulation.LAST_VALUE)
    target: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    target_high: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    target_grade: Mapped[str | None] = mapped_column(String(20), nullable=True)
    q1: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    q2: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    q3: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    q4: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)
    weight: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal("1"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    agreement: Mapped[PerformanceAgreement] = relationship(back_populates="items")
    indicator: Mapped[Indicator] = relationship()


class AgreementProgram(Tracked, Base):
    """A program with its budget in the lampiran."""

    __tablename__ = "agreement_program"
    __table_args__ = (CheckConstraint("budget >= 0", name="budget_not_negative"),)

    agreement_id: Mapped[str] = mapped_column(ForeignKey("performance_agreement.id", ondelete="CASCADE"), index=True)
    program_id: Mapped[str | None] = mapped_column(ForeignKey("program.id", ondelete="RESTRICT"), nullable=True)
    code: Mapped[str] = mapped_column(String(40), default="")
    name: Mapped[str] = mapped_column(Text)
    budget: Mapped[int] = mapped_column(BigInteger)  # rupiah
    note: Mapped[str] = mapped_column(Text, default="")  # keterangan
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    agreement: Mapped[PerformanceAgreement] = relationship(back_populates="programs")


class IntegrityPact(Tracked, Base):
    """Pakta Integritas signed by an OPD head for a year (snapshot of the signer)."""

    __tablename__ = "integrity_pact"
    __table_args__ = (UniqueConstraint("opd_id", "year", "official_id"),)

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True)
    official_id: Mapped[str] = mapped_column(ForeignKey("official.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(160))
    nip: Mapped[str | None] = mapped_column(String(18), nullable=True)
    rank: Mapped[str] = mapped_column(String(80), default="")
    position: Mapped[str] = mapped_column(String(200))
    institution: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(120), default="")
    sign_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class IndicatorRealization(Tracked, Base):
    """Realisation of an indicator in one quarter, with kendala and tindak lanjut."""

    __tablename__ = "indicator_realization"
    __table_args__ = (
        UniqueConstraint("indicator_id", "year", "quarter"),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_range"),
    )

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal | None] = mapped_column(ExactDecimal, nullable=True)  # None: belum diisi / belum rilis
    grade: Mapped[str | None] = mapped_column(String(20), nullable=True)  # qualitative indicators
    problems: Mapped[str] = mapped_column(Text, default="")  # kendala / permasalahan
    follow_up: Mapped[str] = mapped_column(Text, default="")  # tindak lanjut / solusi
    verified: Mapped[bool] = mapped_column(Boolean, default=False)  # verified by Bappeda; else "sementara"
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reported_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    indicator: Mapped[Indicator] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(back_populates="realization", cascade="all, delete-orphan")


class BudgetRealization(Tracked, Base):
    """Budget realised by a program during one quarter, integer rupiah."""

    __tablename__ = "budget_realization"
    __table_args__ = (
        UniqueConstraint("program_id", "year", "quarter"),
        CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_range"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    program_id: Mapped[str] = mapped_column(ForeignKey("program.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)


class Evidence(Tracked, Base):
    """A supporting file (bukti dukung) kept in the evidence store beside the database."""

    __tablename__ = "evidence"

    realization_id: Mapped[str] = mapped_column(
        ForeignKey("indicator_realization.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)

    realization: Mapped[IndicatorRealization] = relationship(back_populates="evidence")


class QuarterClosure(Tracked, Base):
    """A quarter closed by Bappeda, with its scores frozen as a JSON snapshot."""

    __tablename__ = "quarter_closure"
    __table_args__ = (UniqueConstraint("year", "quarter"),)

    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(120), default="")
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
