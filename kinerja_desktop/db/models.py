"""SQLAlchemy models of the whole domain (DOMAIN.md).

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
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    and_,
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
    PeriodKind,
    Polarity,
    PositionLevel,
    ProgramLevel,
    RegionKind,
)
from .base import Base, Tracked
from .limits import NIP, QUARTER, RUPIAH, SHA256, SORT_ORDER, WEIGHT, YEAR
from .types import EnumText, ExactDecimal, new_id, utcnow

# A frozen document: its content as JSON (its images are kept apart, once each: DocumentAsset).
SNAPSHOT = {"label": "Salinan dokumen", "max_length": 1_000_000}


class Regency(Tracked, Base):
    """The regency or city running the app (one row), with its regency-level settings."""

    __tablename__ = "regency"

    kind: Mapped[RegionKind] = mapped_column(EnumText(RegionKind), default=RegionKind.KABUPATEN)
    # "Wanasari" (without "Kabupaten")
    name: Mapped[str] = mapped_column(String(120), info={"label": "Nama kabupaten/kota"})
    province: Mapped[str] = mapped_column(String(120), default="", info={"label": "Provinsi"})
    # place printed before the signing date
    capital: Mapped[str] = mapped_column(String(120), default="", info={"label": "Tempat penandatanganan (ibu kota)"})
    address: Mapped[str] = mapped_column(String(250), default="", info={"label": "Alamat"})
    phone: Mapped[str] = mapped_column(String(60), default="", info={"label": "Telepon"})
    website: Mapped[str] = mapped_column(String(120), default="", info={"label": "Situs web"})
    email: Mapped[str] = mapped_column(String(120), default="", info={"label": "E-mail"})
    logo_png: Mapped[bytes | None] = mapped_column(
        LargeBinary, nullable=True, info={"label": "Logo", "max_length": 2_000_000}
    )
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)  # demo data, never for real use
    # Regency settings (DOMAIN.md gives the defaults).
    achievement_cap: Mapped[Decimal] = mapped_column(
        ExactDecimal, default=Decimal("120"), info={"label": "Batas atas capaian", "min": 100, "max": 200}
    )
    negative_formula: Mapped[str] = mapped_column(String(8), default="2t-r", info={"label": "Rumus indikator negatif"})
    warning_threshold: Mapped[Decimal] = mapped_column(
        ExactDecimal, default=Decimal("75"), info={"label": "Ambang peringatan dini", "min": 0, "max": 100}
    )
    efficiency_margin: Mapped[Decimal] = mapped_column(
        ExactDecimal, default=Decimal("5"), info={"label": "Selisih efisiensi", "min": 0, "max": 50}
    )
    # JSON; empty = Permendagri 86/2017
    predicate_bands: Mapped[str] = mapped_column(
        Text, default="", info={"label": "Rentang predikat", "max_length": 4000}
    )
    # The planning agency (Bappeda, Bapperida, ...) that issues the regency-wide reports, with its letterhead.
    # "Badan Perencanaan Pembangunan Daerah"
    agency_name: Mapped[str] = mapped_column(String(200), default="", info={"label": "Nama badan perencanaan"})
    # "Bappeda"
    agency_short: Mapped[str] = mapped_column(String(60), default="", info={"label": "Singkatan badan perencanaan"})
    agency_address: Mapped[str] = mapped_column(String(250), default="", info={"label": "Alamat badan perencanaan"})
    agency_phone: Mapped[str] = mapped_column(String(60), default="", info={"label": "Telepon badan perencanaan"})
    agency_email: Mapped[str] = mapped_column(String(120), default="", info={"label": "E-mail badan perencanaan"})
    agency_website: Mapped[str] = mapped_column(String(120), default="", info={"label": "Situs web badan perencanaan"})
    agency_opd_id: Mapped[str | None] = mapped_column(  # the agency as an OPD: its head signs the reports
        ForeignKey("opd.id", ondelete="SET NULL"), nullable=True
    )
    # The regency's wording of the standard sentences (JSON {"pk.opening": "...", ...}); empty: the defaults.
    document_texts: Mapped[str] = mapped_column(
        Text, default="", info={"label": "Teks dokumen", "max_length": 200_000}
    )
    # Quarterly monitoring of the PKs inside the OPDs (eselon III and IV); off: only the OPDs' PKs are monitored.
    lower_level_monitoring: Mapped[bool] = mapped_column(Boolean, default=False)
    # How many of the best OPDs of the AKIP evaluation receive a Piagam Penghargaan.
    award_count: Mapped[int] = mapped_column(
        Integer, default=5, info={"label": "Jumlah penerima piagam penghargaan", "min": 1, "max": 100}
    )
    # Every PK is verified by Bappeda before it is final (off: a PK never submitted may be finalised directly).
    verification_required: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def full_name(self) -> str:
        return f"{'Kabupaten' if self.kind is RegionKind.KABUPATEN else 'Kota'} {self.name}"


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


class Official(Tracked, Base):
    """A civil servant (ASN) as printed on documents."""

    __tablename__ = "official"

    # "Dr. Ir. H. Bambang Sutrisno, M.Si."
    name: Mapped[str] = mapped_column(String(160), info={"label": "Nama pejabat", "field": "head_name"})
    nip: Mapped[str | None] = mapped_column(
        String(18), unique=True, nullable=True, info={"label": "NIP", "field": "head_nip", **NIP}
    )
    # "Pembina Utama Muda"
    rank: Mapped[str] = mapped_column(String(60), default="", info={"label": "Pangkat", "field": "head_rank"})
    # "IV/c"
    grade: Mapped[str] = mapped_column(String(8), default="", info={"label": "Golongan", "field": "head_grade"})


class Opd(Tracked, Base):
    """Perangkat daerah."""

    __tablename__ = "opd"

    # SIPD "1.02.0.00.0.00.01.0000"
    code: Mapped[str] = mapped_column(String(40), unique=True, info={"label": "Kode perangkat daerah"})
    # "Dinkes"
    abbreviation: Mapped[str] = mapped_column(String(30), unique=True, info={"label": "Singkatan"})
    name: Mapped[str] = mapped_column(String(200), info={"label": "Nama OPD"})
    kind: Mapped[OpdKind] = mapped_column(EnumText(OpdKind))
    address: Mapped[str] = mapped_column(String(250), default="", info={"label": "Alamat"})
    phone: Mapped[str] = mapped_column(String(60), default="", info={"label": "Telepon"})
    email: Mapped[str] = mapped_column(String(120), default="", info={"label": "E-mail"})
    website: Mapped[str] = mapped_column(String(120), default="", info={"label": "Situs web"})
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})

    positions: Mapped[list["Position"]] = relationship(
        back_populates="opd", cascade="all, delete-orphan", order_by="Position.sort_order"
    )
    # Who headed the OPD, from when to when: the holders of its head's position (read only; a head is appointed
    # through the position, services/positions.py).
    heads: Mapped[list["PositionHolder"]] = relationship(
        secondary="position",
        primaryjoin=lambda: and_(Opd.id == Position.opd_id, Position.level == PositionLevel.HEAD),
        secondaryjoin=lambda: Position.id == PositionHolder.position_id,
        viewonly=True,
        order_by="PositionHolder.start_date",
    )
    names: Mapped[list["OpdNameHistory"]] = relationship(
        back_populates="opd", cascade="all, delete-orphan", order_by="OpdNameHistory.valid_from"
    )


class OpdNameHistory(Tracked, Base):
    """Former names of an OPD (SOTK changes), so history keeps both."""

    __tablename__ = "opd_name_history"

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), info={"label": "Nama lama OPD"})
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True, info={"label": "Nama lama berlaku sejak"})
    valid_to: Mapped[date] = mapped_column(Date, info={"label": "Nama lama berlaku sampai"})

    opd: Mapped["Opd"] = relationship(back_populates="names")


POSITION_IDS = uuid.UUID("6f1d2c1e-3b7a-5e0c-9a57-2d8b0c4e71a5")  # namespace of the heads' positions' ids


def head_position_id(opd_id: str) -> str:
    """The id of an OPD's head position: from the OPD's id, so that every database (the centre's, a laptop's)
    that makes it, by the migration or by appointing a head, makes the same row."""
    return str(uuid.uuid5(POSITION_IDS, opd_id))


class Position(Tracked, Base):
    """A position (jabatan) of an OPD: its head's, an eselon III or IV official's, or a staff post, with its
    direct superior. Its holders, one at a time, are in :class:`PositionHolder`."""

    __tablename__ = "position"
    __table_args__ = (UniqueConstraint("opd_id", "name"),)

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="CASCADE"), index=True)
    # "Kepala Bidang Kesehatan Masyarakat"
    name: Mapped[str] = mapped_column(String(200), info={"label": "Nama jabatan"})
    level: Mapped[PositionLevel] = mapped_column(EnumText(PositionLevel), default=PositionLevel.STAFF)
    parent_id: Mapped[str | None] = mapped_column(  # the direct superior (atasan langsung); none for the head
        ForeignKey("position.id"), index=True, nullable=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    opd: Mapped["Opd"] = relationship(back_populates="positions")
    parent: Mapped["Position | None"] = relationship(remote_side="Position.id")
    holders: Mapped[list["PositionHolder"]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PositionHolder.start_date"
    )


class PositionHolder(Tracked, Base):
    """Who held a position, from when to when, definitive or acting (Plt./Plh.): the head of an OPD is the holder
    of its head position. The jabatan is kept as printed for that holder (a renamed OPD's head held another)."""

    __tablename__ = "position_holder"
    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),)

    position_id: Mapped[str] = mapped_column(ForeignKey("position.id", ondelete="CASCADE"), index=True)
    official_id: Mapped[str] = mapped_column(ForeignKey("official.id", ondelete="RESTRICT"), index=True)
    # jabatan as printed for this holder: "Kepala Dinas Kesehatan"
    position: Mapped[str] = mapped_column(String(200), info={"label": "Jabatan", "field": "head_position"})
    acting: Mapped[ActingKind] = mapped_column(EnumText(ActingKind), default=ActingKind.DEFINITIVE)
    start_date: Mapped[date] = mapped_column(Date, info={"label": "Tanggal mulai menjabat", "field": "head_start"})
    end_date: Mapped[date | None] = mapped_column(
        Date, nullable=True, info={"label": "Tanggal akhir menjabat", "field": "head_end"}
    )

    post: Mapped["Position"] = relationship(back_populates="holders")
    official: Mapped["Official"] = relationship()


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


class PerformanceAgreement(Tracked, Base):
    """A Perjanjian Kinerja (one version of it); signers and OPD name are frozen when finalised."""

    __tablename__ = "performance_agreement"
    __table_args__ = (UniqueConstraint("opd_id", "position_id", "year", "version_no"),)

    kind: Mapped[AgreementKind] = mapped_column(EnumText(AgreementKind), default=AgreementKind.OPD)
    opd_id: Mapped[str | None] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True, nullable=True)
    # The position of pihak pertama (the OPD head's for an OPD's PK); none for the regional head's own.
    position_id: Mapped[str | None] = mapped_column(
        ForeignKey("position.id", ondelete="RESTRICT"), index=True, nullable=True
    )
    year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "Tahun PK", **YEAR})
    # 1 = original, 2.. = PK Perubahan
    version_no: Mapped[int] = mapped_column(Integer, default=1, info={"label": "Nomor versi PK", "min": 1, "max": 1000})
    replaces_id: Mapped[str | None] = mapped_column(
        ForeignKey("performance_agreement.id", ondelete="RESTRICT"), nullable=True
    )
    amendment_reason: Mapped[str] = mapped_column(
        Text, default="", info={"label": "Alasan PK Perubahan", "max_length": 10_000}
    )
    status: Mapped[AgreementStatus] = mapped_column(EnumText(AgreementStatus), default=AgreementStatus.DRAFT)
    place: Mapped[str] = mapped_column(String(120), default="", info={"label": "Tempat penandatanganan"})
    sign_date: Mapped[date | None] = mapped_column(Date, nullable=True, info={"label": "Tanggal penandatanganan"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "Catatan", "max_length": 10_000})
    # Snapshot of what is printed (frozen at finalisation).
    opd_name: Mapped[str] = mapped_column(String(200), default="", info={"label": "Nama OPD pada PK"})
    first_official_id: Mapped[str | None] = mapped_column(ForeignKey("official.id", ondelete="RESTRICT"), nullable=True)
    first_name: Mapped[str] = mapped_column(String(160), default="", info={"label": "Nama pihak pertama"})
    first_position: Mapped[str] = mapped_column(String(200), default="", info={"label": "Jabatan pihak pertama"})
    first_nip: Mapped[str | None] = mapped_column(String(18), nullable=True, info={"label": "NIP pihak pertama", **NIP})
    # "Pembina Utama Muda (IV/c)"
    first_rank: Mapped[str] = mapped_column(String(80), default="", info={"label": "Pangkat pihak pertama"})
    first_acting: Mapped[ActingKind] = mapped_column(EnumText(ActingKind), default=ActingKind.DEFINITIVE)
    second_leader_id: Mapped[str | None] = mapped_column(
        ForeignKey("regional_leader.id", ondelete="RESTRICT"), nullable=True
    )
    # Inside an OPD pihak kedua is an official (the holder of the superior position), not a regional leader.
    second_official_id: Mapped[str | None] = mapped_column(
        ForeignKey("official.id", ondelete="RESTRICT"), nullable=True
    )
    second_name: Mapped[str] = mapped_column(String(160), default="", info={"label": "Nama pihak kedua"})
    second_position: Mapped[str] = mapped_column(String(200), default="", info={"label": "Jabatan pihak kedua"})
    second_nip: Mapped[str | None] = mapped_column(String(18), nullable=True, info={"label": "NIP pihak kedua", **NIP})
    second_rank: Mapped[str] = mapped_column(String(80), default="", info={"label": "Pangkat pihak kedua"})
    second_acting: Mapped[ActingKind] = mapped_column(EnumText(ActingKind), default=ActingKind.DEFINITIVE)
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # The printed document frozen when finalised and again when signed (letterhead, logo, identity, wording,
    # signers, rows): a reprint is made from it, and its fingerprint tells rows changed behind the app's back.
    document_code: Mapped[str] = mapped_column(  # "PK-2026-DINKES-v1"; "" while a draft
        String(60), default="", info={"label": "Identitas dokumen"}
    )
    snapshot: Mapped[str] = mapped_column(Text, default="", info=SNAPSHOT)  # reports.snapshot JSON
    fingerprint: Mapped[str] = mapped_column(  # SHA-256 of the frozen document
        String(64), default="", info={"label": "Sidik dokumen", **SHA256}
    )

    opd: Mapped["Opd | None"] = relationship()
    post: Mapped["Position | None"] = relationship()
    replaces: Mapped["PerformanceAgreement | None"] = relationship(remote_side="PerformanceAgreement.id")
    items: Mapped[list["AgreementItem"]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementItem.sort_order"
    )
    programs: Mapped[list["AgreementProgram"]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementProgram.sort_order"
    )


class AgreementItem(Tracked, Base):
    """A row of the lampiran: sasaran, indicator, target (copied from the Renstra, editable until final)."""

    __tablename__ = "agreement_item"

    agreement_id: Mapped[str] = mapped_column(ForeignKey("performance_agreement.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id", ondelete="RESTRICT"), index=True)
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"), nullable=True)
    sasaran: Mapped[str] = mapped_column(
        Text, info={"label": "Sasaran", "field": "items[{sort_order}].sasaran", "max_length": 4000}
    )
    indicator_name: Mapped[str] = mapped_column(
        Text, info={"label": "Nama indikator", "field": "items[{sort_order}].indicator_name", "max_length": 2000}
    )
    unit: Mapped[str] = mapped_column(String(60), info={"label": "Satuan", "field": "items[{sort_order}].unit"})
    polarity: Mapped[Polarity] = mapped_column(EnumText(Polarity), default=Polarity.POSITIVE)
    cumulation: Mapped[Cumulation] = mapped_column(EnumText(Cumulation), default=Cumulation.LAST_VALUE)
    target: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target", "field": "items[{sort_order}].target"}
    )
    target_high: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Batas atas target", "field": "items[{sort_order}].target_high"}
    )
    target_grade: Mapped[str | None] = mapped_column(
        String(20), nullable=True, info={"label": "Target (predikat)", "field": "items[{sort_order}].target"}
    )
    q1: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target TW I", "field": "items[{sort_order}].q1"}
    )
    q2: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target TW II", "field": "items[{sort_order}].q2"}
    )
    q3: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target TW III", "field": "items[{sort_order}].q3"}
    )
    q4: Mapped[Decimal | None] = mapped_column(
        ExactDecimal, nullable=True, info={"label": "Target TW IV", "field": "items[{sort_order}].q4"}
    )
    weight: Mapped[Decimal] = mapped_column(
        ExactDecimal, default=Decimal("1"), info={"label": "Bobot", "field": "items[{sort_order}].weight", **WEIGHT}
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})

    agreement: Mapped["PerformanceAgreement"] = relationship(back_populates="items")
    indicator: Mapped["Indicator"] = relationship()


class AgreementProgram(Tracked, Base):
    """A program with its budget in the lampiran."""

    __tablename__ = "agreement_program"
    __table_args__ = (CheckConstraint("budget >= 0", name="budget_not_negative"),)

    agreement_id: Mapped[str] = mapped_column(ForeignKey("performance_agreement.id", ondelete="CASCADE"), index=True)
    program_id: Mapped[str | None] = mapped_column(ForeignKey("program.id", ondelete="RESTRICT"), nullable=True)
    code: Mapped[str] = mapped_column(
        String(40), default="", info={"label": "Kode program", "field": "programs[{sort_order}].code"}
    )
    name: Mapped[str] = mapped_column(
        Text, info={"label": "Nama program", "field": "programs[{sort_order}].name", "max_length": 2000}
    )
    # rupiah
    budget: Mapped[int] = mapped_column(
        BigInteger, info={"label": "Anggaran", "field": "programs[{sort_order}].budget", **RUPIAH}
    )
    # keterangan
    note: Mapped[str] = mapped_column(
        Text, default="", info={"label": "Keterangan", "field": "programs[{sort_order}].note", "max_length": 4000}
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})

    agreement: Mapped["PerformanceAgreement"] = relationship(back_populates="programs")


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


class DocumentAsset(Tracked, Base):
    """An image a frozen document prints (the regency's logo as it was), kept once by its SHA-256."""

    __tablename__ = "document_asset"

    sha256: Mapped[str] = mapped_column(String(64), unique=True, info={"label": "Sidik gambar", **SHA256})
    content: Mapped[bytes] = mapped_column(LargeBinary, info={"label": "Gambar", "max_length": 2_000_000})


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
