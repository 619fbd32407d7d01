"""Models of the regional heads' terms and of the planning periods with their fiscal years (apart from db/models.py,
which names them: its docstring says why).
"""

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.enums import ActingKind, LeaderRole, PeriodKind
from .base import Base, Tracked
from .limits import NIP, YEAR
from .types import EnumText


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
