"""Plain input data of the year's-end documents (the AKIP rapor and the Piagam Penghargaan): no ReportLab here.

Like ``reports.data``: everything printed goes into the fingerprint; scores are ``Decimal`` computed by the
domain (``domain.akip``), the renderers only format them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kinerja_desktop.reports.data import Letterhead, Region, Signer, _source


@dataclass(frozen=True)
class RaporPart:
    """A component (level 0) or sub-component (level 1) of the LKE with its weight and score."""

    code: str
    name: str
    weight: Decimal
    score: Decimal
    level: int = 0


@dataclass(frozen=True)
class RaporDocument:
    """An OPD's report card of the year: its AKIP score by component, its capaian score, the evaluator's word."""

    year: int
    region: Region
    letterhead: Letterhead
    unit_name: str
    unit_code: str
    parts: tuple[RaporPart, ...]
    total: Decimal
    grade: str
    grade_text: str  # "Baik (>60–70)"
    final: bool  # the evaluation is final (else the rapor is a draft)
    rank: int | None
    ranked: int  # OPDs ranked by AKIP score
    capaian_score: Decimal | None
    capaian_predicate: str | None
    notes: str
    recommendations: tuple[str, ...]
    evaluator: str
    place: str
    printed_on: date
    signer: Signer
    watermark: str | None = None
    source: str = _source()

    @property
    def identity(self) -> str:
        return f"RAPOR-{self.year}-{self.unit_code}"


@dataclass(frozen=True)
class PiagamDocument:
    """The certificate the regional head gives one of the year's best OPDs by AKIP score."""

    year: int
    region: Region
    letterhead: Letterhead
    unit_name: str
    unit_code: str
    rank: int
    total: Decimal
    grade: str
    place: str
    signed_on: date
    signer: Signer
    watermark: str | None = None
    source: str = _source()

    @property
    def identity(self) -> str:
        return f"PIAGAM-{self.year}-{self.unit_code}"
