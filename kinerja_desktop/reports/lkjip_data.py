"""Plain input data of the LKjIP (Laporan Kinerja Instansi Pemerintah) of an OPD or of the government.

Like ``reports.data``: no ReportLab or python-docx here; everything in it is printed and fingerprinted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kinerja_desktop.reports.data import AgreementDocument, Letterhead, Region, Signer, TargetValue, _source


@dataclass(frozen=True)
class LkjipIndicator:
    """One indicator of the PK: its target and realisation of the year, the years before, the Renstra's end."""

    sasaran: str
    name: str
    unit: str
    target: TargetValue | None
    realization: TargetValue | None
    capaian: Decimal | None  # % against the year's target
    previous: tuple[TargetValue | None, ...]  # realisation of each of ``LkjipDocument.previous_years``
    final_target: TargetValue | None  # the Renstra's (RPJMD's) target of its final year
    unit_name: str = ""  # the OPD, in the government's report


@dataclass(frozen=True)
class LkjipProgram:
    code: str
    name: str
    pagu: int
    realized: int
    absorption: Decimal | None


@dataclass(frozen=True)
class LkjipIssue:
    """The kendala and tindak lanjut of an indicator in one quarter."""

    quarter: int
    indicator: str
    problems: str
    follow_up: str


@dataclass(frozen=True)
class LkjipUnitResult:
    """The government's report: one OPD's results of the year."""

    name: str
    capaian_score: Decimal | None
    capaian_predicate: str | None
    absorption: Decimal | None
    akip_score: Decimal | None
    akip_grade: str | None


@dataclass(frozen=True)
class LkjipDocument:
    year: int
    region: Region
    letterhead: Letterhead
    government: bool  # the government's own report (else an OPD's)
    unit_name: str  # "Dinas Kesehatan", or "Pemerintah Kabupaten Sukamaju"
    unit_code: str  # "DINKES", "DAERAH"
    address: str
    period_name: str  # "Renstra 2025–2029" / "RPJMD 2025–2029"
    final_year: int | None  # the plan's last year
    goals: tuple[str, ...]  # the plan's tujuan and sasaran, as written
    indicators: tuple[LkjipIndicator, ...]
    previous_years: tuple[int, ...]
    programs: tuple[LkjipProgram, ...]
    capaian_score: Decimal | None
    capaian_predicate: str | None
    absorption: Decimal | None
    efficiency: str | None
    akip_score: Decimal | None
    akip_grade: str | None
    issues: tuple[LkjipIssue, ...]
    units: tuple[LkjipUnitResult, ...]  # the government's report: every OPD
    agreement: AgreementDocument | None  # the lampiran: the PK of the year
    signer: Signer
    place: str
    dated: date
    watermark: str | None = None
    source: str = _source()

    @property
    def identity(self) -> str:
        return f"LKJIP-{self.year}-{self.unit_code}"
