"""Planning periods: the five-year RPJMD (e.g. 2025–2029) or a transition period (RPD), and their fiscal years.

A year belongs to one active period: its ``fiscal_year`` row points there, and the year selector of the main
window lists these rows. Periods do not overlap while active; a retired period keeps its goals (agreements
and OPD sasaran refer to them) and gives up its years to the period that takes them over.

Each public function is one transaction; ``write_period`` is the same inside a caller's transaction (the
set-up, an import).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import FiscalYear, Goal, PerformanceAgreement, PlanningPeriod
from ..domain.enums import GoalLevel, PeriodKind
from . import audit
from . import users as auth
from .errors import FORM, ValidationError
from .removal import Removal

MIN_YEAR, MAX_YEAR = 2000, 2100
RPJMD_YEARS = 5
MAX_TRANSITION_YEARS = 5
_YEARS = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$")


@dataclass
class PeriodData:
    """A period as typed; an empty ``name`` becomes "RPJMD 2025–2029" / "RPD 2024–2026"."""

    start_year: int
    end_year: int
    kind: PeriodKind = PeriodKind.RPJMD
    name: str = ""
    id: str | None = None
    version: int | None = None

    @property
    def display_name(self) -> str:
        return self.name.strip() or default_name(self.kind, self.start_year, self.end_year)


@dataclass(frozen=True)
class PeriodRow:
    """One period of the list, with how much of the plan hangs on it."""

    id: str
    name: str
    kind: PeriodKind
    start_year: int
    end_year: int
    is_active: bool
    regional_goals: int  # RPJMD misi, tujuan and sasaran
    opd_goals: int  # Renstra tujuan and sasaran of the OPDs

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    @property
    def label(self) -> str:
        years = f"{self.start_year}–{self.end_year}"
        text = self.name if years in self.name else f"{self.name} ({years})"
        return text if self.is_active else f"{text} — nonaktif"


def suggested_period(today: date) -> tuple[int, int]:
    """The RPJMD period of the simultaneous regional elections that ``today`` falls in (2025–2029, 2030–2034)."""
    start = 2025 + 5 * ((today.year - 2025) // 5)
    return start, start + 4


def default_name(kind: PeriodKind, start_year: int, end_year: int) -> str:
    return f"{kind.short} {start_year}–{end_year}"


def parse_years(text: str) -> tuple[int, int]:
    """``2025-2029`` (or with an en dash) as (2025, 2029); ValueError with an Indonesian message otherwise."""
    match = _YEARS.match(text)
    if match is None:
        raise ValueError(f"Periode “{text}” harus berbentuk TAHUN-TAHUN, misalnya 2025-2029")
    return int(match.group(1)), int(match.group(2))


def period_problems(data: PeriodData) -> dict[str, str]:
    """Checks that need no database: the years and the length the kind allows."""
    problems: dict[str, str] = {}
    for name, label in (("start_year", "Tahun awal"), ("end_year", "Tahun akhir")):
        year = getattr(data, name)
        if not MIN_YEAR <= year <= MAX_YEAR:
            problems[name] = f"{label} periode harus antara {MIN_YEAR} dan {MAX_YEAR}"
    if problems:
        return problems
    length = data.end_year - data.start_year + 1
    if length < 1:
        problems["end_year"] = "Tahun akhir periode tidak boleh sebelum tahun awalnya"
    elif data.kind is PeriodKind.RPJMD and length != RPJMD_YEARS:
        problems["end_year"] = (
            f"Periode RPJMD lima tahun (misalnya {data.start_year}–{data.start_year + 4}); "
            "untuk masa lain pilih jenis periode transisi (RPD)"
        )
    elif data.kind is PeriodKind.TRANSITION and length > MAX_TRANSITION_YEARS:
        problems["end_year"] = f"Periode transisi paling lama {MAX_TRANSITION_YEARS} tahun"
    if len(data.name.strip()) > 120:
        problems["name"] = "Nama periode paling panjang 120 huruf"
    return problems


# --- reading -------------------------------------------------------------------------------------------


def list_periods(db: Database, *, include_retired: bool = True) -> list[PeriodRow]:
    """Every period, newest first (active before retired ones of the same years)."""
    with db.read() as session:
        query = select(PlanningPeriod).order_by(PlanningPeriod.start_year.desc(), PlanningPeriod.is_active.desc())
        if not include_retired:
            query = query.where(PlanningPeriod.is_active.is_(True))
        periods = session.scalars(query).all()
        counts = {
            (period_id, level): n
            for period_id, level, n in session.execute(
                select(Goal.period_id, Goal.level, func.count()).group_by(Goal.period_id, Goal.level)
            ).all()
        }
        return [
            PeriodRow(
                p.id,
                p.name,
                p.kind,
                p.start_year,
                p.end_year,
                p.is_active,
                counts.get((p.id, GoalLevel.REGIONAL), 0),
                counts.get((p.id, GoalLevel.OPD), 0),
            )
            for p in periods
        ]


def get_period(db: Database, period_id: str) -> PeriodData:
    with db.read() as session:
        period = _period(session, period_id)
        return PeriodData(period.start_year, period.end_year, period.kind, period.name, period.id, period.version)


def _period(session: Session, period_id: str) -> PlanningPeriod:
    period = session.get(PlanningPeriod, period_id)
    if period is None:
        raise ValidationError.single(FORM, "Periode perencanaan tidak ditemukan; mungkin sudah dihapus")
    return period


# --- writing -------------------------------------------------------------------------------------------


def save_period(db: Database, data: PeriodData) -> str:
    """Create or change a period and the fiscal years it owns, in one transaction; returns its id."""
    auth.require(db, "regency")
    with db.write() as session:
        return write_period(session, data).id


def write_period(session: Session, data: PeriodData) -> PlanningPeriod:
    """:func:`save_period` inside the caller's transaction; returns the flushed row."""
    problems = period_problems(data)
    if problems:
        raise ValidationError(problems)
    if data.id is None:
        period = PlanningPeriod(is_active=True)
        before: tuple[int, int] | None = None
    else:
        period = _period(session, data.id)
        if data.version is not None and period.version != data.version:
            raise ValidationError.single(FORM, "Periode ini telah diubah di tempat lain sejak dibuka; muat ulang")
        before = (period.start_year, period.end_year)
    if period.is_active:
        _check_overlap(session, period, data.start_year, data.end_year)
    if before is not None:
        _check_dropped_years(session, period, data.start_year, data.end_year)
    period.name = data.display_name
    period.kind = data.kind
    period.start_year, period.end_year = data.start_year, data.end_year
    if data.id is None:
        session.add(period)
    session.flush()
    if period.is_active:
        _claim_years(session, period)
    action = "period.create" if before is None else "period.save"
    audit.record(session, action, "planning_period", period.id, f"Periode {period.name} disimpan")
    return period


def _check_overlap(session: Session, period: PlanningPeriod, start: int, end: int) -> None:
    query = select(PlanningPeriod).where(
        PlanningPeriod.is_active.is_(True), PlanningPeriod.start_year <= end, PlanningPeriod.end_year >= start
    )
    if period.id is not None:
        query = query.where(PlanningPeriod.id != period.id)
    other = session.scalars(query.order_by(PlanningPeriod.start_year)).first()
    if other is not None:
        first, last = max(start, other.start_year), min(end, other.end_year)
        years = str(first) if first == last else f"{first}–{last}"
        raise ValidationError.single(
            "start_year",
            f"Tahun {years} sudah termasuk periode {other.name}; satu tahun hanya milik satu periode aktif "
            "(nonaktifkan atau persempit periode itu dahulu)",
        )


def _years_with_agreements(session: Session, years: list[int]) -> list[int]:
    if not years:
        return []
    return sorted(
        session.scalars(select(PerformanceAgreement.year).where(PerformanceAgreement.year.in_(years)).distinct())
    )


def _check_dropped_years(session: Session, period: PlanningPeriod, start: int, end: int) -> None:
    owned = session.scalars(select(FiscalYear.year).where(FiscalYear.period_id == period.id)).all()
    dropped = [year for year in owned if not start <= year <= end]
    used = _years_with_agreements(session, dropped)
    if used:
        raise ValidationError.single(
            "start_year" if used[0] < start else "end_year",
            f"Tahun {', '.join(map(str, used))} sudah memiliki Perjanjian Kinerja; periode tidak dapat dipersempit "
            "tanpa tahun itu",
        )


def _claim_years(session: Session, period: PlanningPeriod) -> None:
    """Point the fiscal years of the period's range at it; release the years it no longer covers."""
    existing = {
        fy.year: fy
        for fy in session.scalars(
            select(FiscalYear).where(FiscalYear.year.between(period.start_year, period.end_year))
        )
    }
    for year in range(period.start_year, period.end_year + 1):
        row = existing.get(year)
        if row is None:
            session.add(FiscalYear(year=year, period_id=period.id))
        elif row.period_id != period.id:
            row.period_id = period.id
    for row in session.scalars(select(FiscalYear).where(FiscalYear.period_id == period.id)).all():
        if not period.start_year <= row.year <= period.end_year:
            _release_year(session, row, period.id)
    session.flush()


def _release_year(session: Session, row: FiscalYear, leaving: str) -> None:
    """A year a period gives up goes to another (retired) period covering it, or away."""
    other = session.scalars(
        select(PlanningPeriod)
        .where(PlanningPeriod.id != leaving, PlanningPeriod.start_year <= row.year, PlanningPeriod.end_year >= row.year)
        .order_by(PlanningPeriod.is_active.desc(), PlanningPeriod.start_year.desc())
    ).first()
    if other is not None:
        row.period_id = other.id
    else:
        session.delete(row)


# --- removing and restoring ----------------------------------------------------------------------------


def remove_period(db: Database, period_id: str) -> Removal:
    """Delete a period nothing refers to; retire one that goals or agreements of its years refer to."""
    auth.require(db, "regency")
    with db.write() as session:
        period = _period(session, period_id)
        goals = session.scalar(select(func.count()).select_from(Goal).where(Goal.period_id == period.id)) or 0
        owned = list(session.scalars(select(FiscalYear).where(FiscalYear.period_id == period.id)).all())
        agreements = _years_with_agreements(session, [row.year for row in owned])
        if goals or agreements:
            period.is_active = False
            audit.record(session, "period.retire", "planning_period", period.id, f"Periode {period.name} dinonaktifkan")
            return Removal.RETIRED
        for row in owned:
            _release_year(session, row, period.id)
        session.flush()
        audit.record(session, "period.delete", "planning_period", period.id, f"Periode {period.name} dihapus")
        session.delete(period)
        return Removal.DELETED


def restore_period(db: Database, period_id: str) -> None:
    """Make a retired period active again; its years must not belong to another active period."""
    auth.require(db, "regency")
    with db.write() as session:
        period = _period(session, period_id)
        if period.is_active:
            return
        _check_overlap(session, period, period.start_year, period.end_year)
        period.is_active = True
        session.flush()
        _claim_years(session, period)
        audit.record(session, "period.restore", "planning_period", period.id, f"Periode {period.name} diaktifkan")
