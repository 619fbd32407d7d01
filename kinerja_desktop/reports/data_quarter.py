"""Plain input data of the quarter's printed documents (evaluation, ranking, list of OPDs not reported): frozen
dataclasses as ``reports.data``'s, which names them too, reading this module on first use (a PK's print never makes
these classes, issue 20); the pieces both share come from ``reports.data_common``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kinerja_desktop.reports.data_common import Letterhead, Region, Signer, TargetValue, _source


@dataclass(frozen=True)
class EvaluationIndicatorRow:
    """One indicator of a quarterly evaluation; None values print as ``missing_label``."""

    goal: str  # sasaran
    indicator: str
    unit: str
    annual_target: TargetValue
    target_to_date: TargetValue | None
    realization: TargetValue | None
    achievement: Decimal | None  # capaian vs target s.d. triwulan (%), uncapped
    progress: Decimal | None  # progress vs the yearly target (%)
    problems: str = ""  # kendala
    follow_up: str = ""  # tindak lanjut
    provisional: bool = False  # not yet verified by Bappeda (sementara)
    missing_label: str = "belum diisi"  # or "belum rilis" for figures released by another body


@dataclass(frozen=True)
class EvaluationProgramRow:
    name: str
    budget: int  # pagu
    realized: int | None  # realisasi s.d. triwulan
    absorption: Decimal | None  # serapan (%)
    code: str = ""


@dataclass(frozen=True)
class QuarterEvaluationDocument:
    year: int
    quarter: int  # 1..4
    region: Region
    letterhead: Letterhead
    unit_name: str
    unit_code: str
    indicators: tuple[EvaluationIndicatorRow, ...]
    programs: tuple[EvaluationProgramRow, ...]
    score: Decimal | None  # OPD score (nilai)
    predicate: str | None  # "Sangat Tinggi"
    total_absorption: Decimal | None  # serapan of all programs (%)
    signer: Signer
    place: str
    signed_on: date
    watermark: str | None = None

    source: str = _source()

    @property
    def identity(self) -> str:
        return f"EV-{self.year}-TW{self.quarter}-{self.unit_code}"


@dataclass(frozen=True)
class PredicateBand:
    """A predicate band for the legend and bar colours: ``lower ≤ score < upper``."""

    label: str
    lower: Decimal
    upper: Decimal | None
    color: str  # "#1a9850"


DEFAULT_PREDICATE_BANDS: tuple[PredicateBand, ...] = (
    PredicateBand("Sangat Tinggi", Decimal(91), None, "#1a7f3c"),
    PredicateBand("Tinggi", Decimal(76), Decimal(91), "#66bd63"),
    PredicateBand("Sedang", Decimal(66), Decimal(76), "#f2c12e"),
    PredicateBand("Rendah", Decimal(51), Decimal(66), "#f08c3a"),
    PredicateBand("Sangat Rendah", Decimal(0), Decimal(51), "#d7301f"),
)


@dataclass(frozen=True)
class RankingRow:
    rank: int | None  # None when the OPD is not ranked (data incomplete)
    code: str
    name: str
    score: Decimal | None
    predicate: str | None
    absorption: Decimal | None  # serapan (%)
    efficiency: str | None  # "efisien", "cukup efisien", "tidak efisien"
    complete: bool = True  # False prints "data belum lengkap"
    note: str = ""


@dataclass(frozen=True)
class RankingDocument:
    year: int
    quarter: int | None  # None: the whole year
    region: Region
    letterhead: Letterhead
    rows: tuple[RankingRow, ...]
    place: str
    signed_on: date
    signer: Signer | None = None
    bands: tuple[PredicateBand, ...] = DEFAULT_PREDICATE_BANDS
    title: str = "PERINGKAT KINERJA PERANGKAT DAERAH"
    watermark: str | None = None

    source: str = _source()

    @property
    def identity(self) -> str:
        period = f"TW{self.quarter}" if self.quarter else "TAHUNAN"
        return f"RK-{self.year}-{period}"


@dataclass(frozen=True)
class NotReportedRow:
    """An OPD with a signed PK that entered nothing for the quarter."""

    code: str  # SIPD code: "7.01.0.00.0.00.02.0000"
    abbreviation: str
    name: str
    indicators: int  # indicators of its PK, all still empty


@dataclass(frozen=True)
class NotReportedDocument:
    """The list of OPDs that have not reported a quarter (belum lapor), issued by Bappeda."""

    year: int
    quarter: int  # 1..4
    region: Region
    letterhead: Letterhead
    rows: tuple[NotReportedRow, ...]
    evaluated: int  # OPDs with a signed PK this year: the "dari N" of the summary
    place: str
    printed_on: date
    watermark: str | None = None
    signer: Signer | None = None  # the head of the planning agency

    source: str = _source()

    @property
    def identity(self) -> str:
        return f"BL-{self.year}-TW{self.quarter}"
