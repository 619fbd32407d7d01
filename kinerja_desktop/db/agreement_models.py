"""The models a PK's print reads: the regency, its OPDs with their positions, holders and officials, the PKs with
their items and programs, and the frozen documents' images.

They are part of ``db.models`` (which imports this module first and names every class here): import them from
there everywhere, except on a PK's print path (``services.documents_read``, ``services.documents``,
``services.printing``, ``db.guards``), which reads these tables with Core selects and configures no mapper, so it
need not declare the other 16 models of ``db.models`` (issue 20: under ``-X importtime`` this module takes
≈ 25 ms, the whole of ``db.models`` took ≈ 68 ms).
This module imports nothing of ``db.models`` (imports go one way, tests/test_layers.py): its relations stay among
its own classes but one, an item's indicator, named by its class name; its keys name tables of ``db.models``
(goals, indicators, programs, regional leaders). Whatever configures the mappers declares ``db.models`` first
(``db.base``), so a process that imported only this module still finds every class and table it names
(tests/db/test_schema.py: each module of models alone configures and resolves its keys).

No ``from __future__ import annotations`` here, as in ``db.models``: Python evaluates the ``Mapped[...]``
annotations; a class not defined yet is named in quotes.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

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
    OpdKind,
    Polarity,
    PositionLevel,
    RegionKind,
)
from .base import Base, Tracked
from .limits import NIP, RUPIAH, SHA256, SORT_ORDER, WEIGHT, YEAR
from .types import EnumText, ExactDecimal

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
    # Named, not typed: the Indicator is declared in db.models, which this module does not import.
    indicator: Mapped[Any] = relationship("Indicator")


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


class DocumentAsset(Tracked, Base):
    """An image a frozen document prints (the regency's logo as it was), kept once by its SHA-256."""

    __tablename__ = "document_asset"

    sha256: Mapped[str] = mapped_column(String(64), unique=True, info={"label": "Sidik gambar", **SHA256})
    content: Mapped[bytes] = mapped_column(LargeBinary, info={"label": "Gambar", "max_length": 2_000_000})
