"""The AKIP internal evaluation: the LKE's structure of a year, and each OPD's evaluation with its answers.

The structure is data (``lke_component`` → ``lke_subcomponent`` → ``lke_criterion``), one copy per year, so a
regency edits its own without touching another year's scores; a new year starts from the regulation's
(``domain/akip_2021.py``) or from the year before. An OPD has one evaluation per year (``lke_evaluation``, by
the Inspektorat: who, when, general notes and recommendations, draft or final) with an answer per criterion
(``lke_answer``: the answer, its evidence, the evaluator's note and recommendation). Scores are never stored:
the domain computes them from the answers (``domain/akip.py``).

These rows stay at the centre: the Inspektorat evaluates there, and field packages do not carry them
(``sync_scope`` does not list them).

No postponed annotations (``from __future__``): Python evaluates ``Mapped[...]`` as each class is made, as in
``models.py`` (issue 20); a class not defined yet is named in quotes.
"""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.akip import LkeStatus
from . import models  # noqa: F401 - the tables its keys refer to (opd…): the ORM resolves them on a write
from .base import Base, Tracked
from .limits import SORT_ORDER, YEAR
from .types import EnumText, ExactDecimal

LKE_WEIGHT = {"min": Decimal("0.01"), "max": Decimal(100)}
CODE = {"pattern": r"[0-9A-Za-z][0-9A-Za-z.\-]*", "pattern_hint": "hanya angka, huruf, titik dan tanda hubung"}


class LkeComponent(Tracked, Base):
    """A component of a year's LKE: "1 Perencanaan Kinerja", weight 30."""

    __tablename__ = "lke_component"
    __table_args__ = (UniqueConstraint("year", "code"),)

    year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "Tahun LKE", **YEAR})
    code: Mapped[str] = mapped_column(String(20), info={"label": "Kode komponen", **CODE})
    name: Mapped[str] = mapped_column(String(300), info={"label": "Nama komponen"})
    weight: Mapped[Decimal] = mapped_column(ExactDecimal, info={"label": "Bobot komponen", **LKE_WEIGHT})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})

    subcomponents: Mapped[list["LkeSubcomponent"]] = relationship(
        back_populates="component", cascade="all, delete-orphan", order_by="LkeSubcomponent.sort_order"
    )


class LkeSubcomponent(Tracked, Base):
    """A sub-component: "1.a Keberadaan …", weight 6."""

    __tablename__ = "lke_subcomponent"
    __table_args__ = (UniqueConstraint("component_id", "code"),)

    component_id: Mapped[str] = mapped_column(ForeignKey("lke_component.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20), info={"label": "Kode sub komponen", **CODE})
    name: Mapped[str] = mapped_column(Text, info={"label": "Nama sub komponen", "max_length": 1000})
    weight: Mapped[Decimal] = mapped_column(ExactDecimal, info={"label": "Bobot sub komponen", **LKE_WEIGHT})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})

    component: Mapped["LkeComponent"] = relationship(back_populates="subcomponents")
    criteria: Mapped[list["LkeCriterion"]] = relationship(
        back_populates="subcomponent", cascade="all, delete-orphan", order_by="LkeCriterion.sort_order"
    )


class LkeCriterion(Tracked, Base):
    """A criterion the evaluator answers on its scale (``ya_tidak`` or ``a_e``)."""

    __tablename__ = "lke_criterion"
    __table_args__ = (UniqueConstraint("subcomponent_id", "code"),)

    subcomponent_id: Mapped[str] = mapped_column(ForeignKey("lke_subcomponent.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20), info={"label": "Kode kriteria", **CODE})
    statement: Mapped[str] = mapped_column(Text, info={"label": "Uraian kriteria", "max_length": 2000})
    scale: Mapped[str] = mapped_column(String(20), info={"label": "Skala jawaban"})
    sort_order: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Urutan", **SORT_ORDER})

    subcomponent: Mapped["LkeSubcomponent"] = relationship(back_populates="criteria")


class LkeEvaluation(Tracked, Base):
    """One OPD's AKIP evaluation of a year: by whom, when, its general notes; final once the Inspektorat closes it."""

    __tablename__ = "lke_evaluation"
    __table_args__ = (UniqueConstraint("opd_id", "year"),)

    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True, info={"label": "Tahun evaluasi", **YEAR})
    status: Mapped[LkeStatus] = mapped_column(EnumText(LkeStatus), default=LkeStatus.DRAFT)
    evaluator: Mapped[str] = mapped_column(String(200), default="", info={"label": "Evaluator"})
    evaluated_on: Mapped[date | None] = mapped_column(Date, nullable=True, info={"label": "Tanggal evaluasi"})
    notes: Mapped[str] = mapped_column(Text, default="", info={"label": "Catatan umum", "max_length": 20_000})
    recommendations: Mapped[str] = mapped_column(
        Text, default="", info={"label": "Rekomendasi umum", "max_length": 20_000}
    )
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    answers: Mapped[list["LkeAnswer"]] = relationship(back_populates="evaluation", cascade="all, delete-orphan")


class LkeAnswer(Tracked, Base):
    """The answer to one criterion, with its evidence (bukti dukung), the evaluator's note and recommendation."""

    __tablename__ = "lke_answer"
    __table_args__ = (UniqueConstraint("evaluation_id", "criterion_id"),)

    evaluation_id: Mapped[str] = mapped_column(ForeignKey("lke_evaluation.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[str] = mapped_column(ForeignKey("lke_criterion.id", ondelete="CASCADE"), index=True)
    answer: Mapped[str | None] = mapped_column(
        String(10), nullable=True, info={"label": "Jawaban", "field": "answers[{criterion_id}].answer"}
    )
    evidence: Mapped[str] = mapped_column(
        Text, default="",
        info={"label": "Bukti dukung", "field": "answers[{criterion_id}].evidence", "max_length": 4000},
    )
    notes: Mapped[str] = mapped_column(
        Text, default="", info={"label": "Catatan", "field": "answers[{criterion_id}].notes", "max_length": 4000}
    )
    recommendation: Mapped[str] = mapped_column(
        Text, default="",
        info={"label": "Rekomendasi", "field": "answers[{criterion_id}].recommendation", "max_length": 4000},
    )

    evaluation: Mapped["LkeEvaluation"] = relationship(back_populates="answers")
    criterion: Mapped["LkeCriterion"] = relationship()
