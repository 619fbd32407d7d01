"""Read-only figures for the overview screens: summary, agreements, reporting, plan tree, database info."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    FiscalYear,
    Goal,
    Indicator,
    IndicatorRealization,
    Opd,
    PerformanceAgreement,
    PlanningPeriod,
    Regency,
)
from ..domain.enums import AgreementKind, AgreementStatus, GoalLevel
from ..domain.formatting import round_half_up

QUARTERS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Summary:
    """What Beranda shows for a year."""

    regency_name: str | None  # "Kabupaten Sukamaju"; None when not set up yet
    is_sample: bool
    active_opds: int
    inactive_opds: int
    agreements_by_status: dict[AgreementStatus, int]
    opds_with_indicators: int  # active OPDs that have indicators this year (who should report)
    reported_by_quarter: dict[int, int]  # quarter -> active OPDs with at least one realisation


@dataclass(frozen=True)
class ReportingRow:
    """Reporting completeness of one OPD in a year: indicators and how many were reported each quarter."""

    opd_id: str
    code: str
    abbreviation: str
    name: str
    indicator_count: int
    reported: tuple[int, int, int, int]

    @property
    def reports_received(self) -> int:
        return sum(self.reported)

    @property
    def completeness(self) -> Decimal | None:
        """Percent of indicator-quarters reported; None when the OPD has no indicators."""
        if not self.indicator_count:
            return None
        return round_half_up(Decimal(self.reports_received) * 100 / (self.indicator_count * 4))


@dataclass(frozen=True)
class SafetyCopy:
    path: Path
    size: int
    modified: datetime


@dataclass(frozen=True)
class DatabaseInfo:
    location: str  # the file path, or the server URL without password
    size: int | None  # bytes, with the -wal file; None for a server database
    revision: str | None
    safety_copies: list[SafetyCopy]


def fiscal_years(db: Database) -> list[int]:
    """The fiscal years set up in the database, oldest first."""
    with db.read() as s:
        return list(s.execute(select(FiscalYear.year).order_by(FiscalYear.year)).scalars())


def summary(db: Database, year: int | None) -> Summary:
    with db.read() as s:
        regency = s.execute(select(Regency)).scalars().first()
        active_query = select(Opd.is_active, func.count()).group_by(Opd.is_active)
        counts: dict[bool, int] = dict(s.execute(active_query).all())
        by_status: dict[AgreementStatus, int] = {}
        reported = dict.fromkeys(QUARTERS, 0)
        with_indicators = 0
        if year is not None:
            by_status = dict(
                s.execute(
                    select(PerformanceAgreement.status, func.count())
                    .where(PerformanceAgreement.year == year)
                    # the regional head's and the OPDs' PKs; those inside the OPDs are on the Pohon Kinerja screen
                    .where(PerformanceAgreement.kind.in_((AgreementKind.REGIONAL, AgreementKind.OPD)))
                    .group_by(PerformanceAgreement.status)
                ).all()
            )
            rows = [r for r in _reporting(s, year) if r[1]]
            with_indicators = len(rows)
            for quarter in QUARTERS:
                reported[quarter] = sum(1 for r in rows if r[2][quarter - 1] > 0)
        return Summary(
            regency_name=regency.full_name if regency else None,
            is_sample=bool(regency and regency.is_sample),
            active_opds=counts.get(True, 0),
            inactive_opds=counts.get(False, 0),
            agreements_by_status=by_status,
            opds_with_indicators=with_indicators,
            reported_by_quarter=reported,
        )


def latest_reported_quarter(db: Database, year: int) -> int | None:
    """The latest quarter of ``year`` in which an active OPD reported a realisation of its indicators (as counted
    in :attr:`Summary.reported_by_quarter`); None when none did. One small query, where the summary reads all."""
    with db.read() as s:
        return latest_reported_quarter_in(s, year)


def latest_reported_quarter_in(s: Session, year: int, entered_up_to: int | None = None) -> int | None:
    """:func:`latest_reported_quarter` in a session; ``entered_up_to``: the latest quarter in which any indicator of
    the year has a value or grade (0: none has), when the caller read it already (the Evaluasi screen's read)."""
    if entered_up_to == 0:
        return None  # nothing of the year was entered, so no active OPD reported either
    periods = _period_ids(s, year)
    # The plan's indicators, as the OPD's report counts them.
    plan = (
        Goal.level == GoalLevel.OPD,
        Goal.period_id.in_(periods),
        Goal.is_active.is_(True),
        Indicator.is_active.is_(True),
        Opd.is_active.is_(True),
    )
    indicators = (
        select(Indicator.id).join(Goal, Goal.id == Indicator.goal_id).join(Opd, Opd.id == Goal.opd_id).where(*plan)
    )
    reported = (
        IndicatorRealization.year == year,
        or_(IndicatorRealization.value.is_not(None), IndicatorRealization.grade.is_not(None)),
        IndicatorRealization.indicator_id.in_(indicators),
    )
    if entered_up_to is not None and entered_up_to in QUARTERS:
        # Usually an active OPD's indicator is among those entered in that latest quarter: its first row tells
        # (joined row by row: no list of the plan's indicators made first).
        found = s.execute(
            select(IndicatorRealization.id)
            .join(Indicator, Indicator.id == IndicatorRealization.indicator_id)
            .join(Goal, Goal.id == Indicator.goal_id)
            .join(Opd, Opd.id == Goal.opd_id)
            .where(
                IndicatorRealization.year == year,
                IndicatorRealization.quarter == entered_up_to,
                or_(IndicatorRealization.value.is_not(None), IndicatorRealization.grade.is_not(None)),
                *plan,
            )
            .limit(1)
        ).first()
        if found is not None:
            return entered_up_to
    # The realisations probed by the plan's indicators (their unique index on indicator, year, quarter): SQLite
    # otherwise walks the whole table's index, every year's rows (city: 16 → 10 ms).
    query = select(func.max(IndicatorRealization.quarter)).where(
        IndicatorRealization.quarter.between(QUARTERS[0], QUARTERS[-1]),  # one range per indicator, not four
        *reported,
    )
    return s.execute(query).scalar()


def reporting_completeness(db: Database, year: int) -> list[ReportingRow]:
    """Per active OPD: its indicators of the year's plan period and how many were reported each quarter."""
    with db.read() as s:
        return [
            ReportingRow(opd.id, opd.code, opd.abbreviation, opd.name, count, quarters)
            for opd, count, quarters in _reporting(s, year)
        ]


def _period_ids(s: Session, year: int) -> list[str]:
    fiscal = s.execute(select(FiscalYear.period_id).where(FiscalYear.year == year)).scalars().all()
    if fiscal:
        return list(fiscal)
    query = select(PlanningPeriod.id).where(PlanningPeriod.start_year <= year, PlanningPeriod.end_year >= year)
    return list(s.execute(query).scalars())


def _reporting(s: Session, year: int) -> list[tuple[Opd, int, tuple[int, int, int, int]]]:
    periods = _period_ids(s, year)
    indicator_of_opd = (
        select(Goal.opd_id, Indicator.id.label("indicator_id"))
        .join(Indicator, Indicator.goal_id == Goal.id)
        .where(
            Goal.level == GoalLevel.OPD,
            Goal.period_id.in_(periods),
            Goal.is_active.is_(True),
            Indicator.is_active.is_(True),
        )
        .subquery()
    )
    counts: dict[str, int] = dict(
        s.execute(select(indicator_of_opd.c.opd_id, func.count()).group_by(indicator_of_opd.c.opd_id)).all()
    )
    reported: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    query = (
        select(indicator_of_opd.c.opd_id, IndicatorRealization.quarter, func.count())
        .join(IndicatorRealization, IndicatorRealization.indicator_id == indicator_of_opd.c.indicator_id)
        .where(
            IndicatorRealization.year == year,
            or_(IndicatorRealization.value.is_not(None), IndicatorRealization.grade.is_not(None)),
        )
        .group_by(indicator_of_opd.c.opd_id, IndicatorRealization.quarter)
    )
    for opd_id, quarter, n in s.execute(query):
        if quarter in QUARTERS:
            reported[opd_id][quarter - 1] = n
    opds = s.execute(select(Opd).where(Opd.is_active.is_(True)).order_by(Opd.sort_order, Opd.code)).scalars()
    return [(opd, counts.get(opd.id, 0), tuple(reported[opd.id])) for opd in opds]  # type: ignore[misc]


def database_info(db: Database) -> DatabaseInfo:
    """Where the database is, how big, which schema, and the safety copies made before migrations."""
    with db.read() as s:
        try:
            revision = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # a database without the version table is reported as unknown
            revision = None
    if db.path is None:
        return DatabaseInfo(db.display_name, None, revision, [])
    size = sum(p.stat().st_size for p in (db.path, Path(f"{db.path}-wal")) if p.exists())
    return DatabaseInfo(str(db.path), size, revision, safety_copies(db.path))


def safety_copies(path: Path) -> list[SafetyCopy]:
    """Copies named ``<stem>.sebelum-migrasi-*`` beside the database, newest first."""
    found = []
    for candidate in path.parent.glob(f"{path.stem}.sebelum-migrasi-*"):
        if candidate.is_file() and not candidate.name.endswith(".tmp"):
            stat = candidate.stat()
            found.append(SafetyCopy(candidate, stat.st_size, datetime.fromtimestamp(stat.st_mtime)))
    return sorted(found, key=lambda c: c.modified, reverse=True)


def integrity_check(db: Database) -> list[str]:
    """Run ``PRAGMA integrity_check`` and ``foreign_key_check`` (≈ 0.5 s on 63 MB); ``["ok"]`` when sound."""
    from .maintenance import integrity_problems

    return integrity_problems(db) or ["ok"]
