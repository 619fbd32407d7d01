"""Models of the quarterly realisations: indicators' and budgets', their evidence files, the closed quarters (apart
from db/models.py, which names them: its docstring says why).
"""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked
from .limits import QUARTER, RUPIAH, SHA256, YEAR
from .models import Indicator
from .types import ExactDecimal, utcnow


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
