"""Every row a session flushes is checked against its columns' limits (``limits.py``) before it is written.

The services' own rules say more (a target's quarters against its cumulation); this check makes the
columns' limits hold whoever writes: an existing service, one written later, a script. A value outside
them raises :class:`~kinerja_desktop.db.errors.InvalidValueError`, a ``ValidationError`` whose messages
name the field; the transaction is rolled back by the caller (``Database.write``).

Row rules that need more than one column live here too (a target's year inside its planning period).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from .errors import InvalidValueError
from .limits import limits_of

if TYPE_CHECKING:
    from .models import IndicatorTarget

RowRule = Callable[[Session, Any], tuple[str, str] | None]


def _target_year_in_period(session: Session, target: IndicatorTarget) -> tuple[str, str] | None:
    """A yearly target lies inside its indicator's planning period (Renstra 2025–2029: no target for 1800)."""
    from .models import Goal, Indicator, IndicatorTarget, PlanningPeriod  # a flush of a target: imported already
    indicator = target.indicator or (session.get(Indicator, target.indicator_id) if target.indicator_id else None)
    goal = indicator.goal if indicator is not None and indicator.goal is not None else (
        session.get(Goal, indicator.goal_id) if indicator is not None and indicator.goal_id else None
    )
    period = session.get(PlanningPeriod, goal.period_id) if goal is not None and goal.period_id else None
    if period is None or target.year is None or period.start_year <= target.year <= period.end_year:
        return None
    field = limits_of(IndicatorTarget.__table__.c.year).field_for(target)
    return field, f"Tahun target {target.year} di luar periode {period.name} ({period.start_year}–{period.end_year})"


# By table: the models are not imported here, so that opening a database declares none of them (a PK's print reads
# only the tables of db.agreement_models, issue 20).
ROW_RULES: dict[str, list[RowRule]] = {"indicator_target": [_target_year_in_period]}


def _changed_columns(obj: Any, new: bool) -> list[Any]:
    state = inspect(obj)
    mapper = state.mapper
    columns = []
    for attr in mapper.column_attrs:
        if not new and not state.attrs[attr.key].history.has_changes():
            continue
        for column in attr.columns:
            if column.table is mapper.local_table:
                columns.append((attr.key, column))
    return columns


def problems_of(session: Session, obj: Any, *, new: bool) -> dict[str, str]:
    """Field → message for every limit the object's new or changed values break."""
    problems: dict[str, str] = {}
    for key, column in _changed_columns(obj, new):
        limits = limits_of(column)
        message = limits.problem(getattr(obj, key))
        if message:
            problems.setdefault(limits.field_for(obj), message)
    if not problems:
        for rule in ROW_RULES.get(inspect(obj).mapper.local_table.name, ()):
            found = rule(session, obj)
            if found:
                problems.setdefault(*found)
    return problems


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    problems: dict[str, str] = {}
    with session.no_autoflush:
        for obj in list(session.new):
            problems.update(problems_of(session, obj, new=True))
        for obj in list(session.dirty):
            if session.is_modified(obj, include_collections=False):
                problems.update(problems_of(session, obj, new=False))
    if problems:
        raise InvalidValueError(problems)


def install(factory: sessionmaker[Session]) -> None:
    """Attach the checks to a session factory (done by SessionFactory for every database)."""
    event.listen(factory, "before_flush", _before_flush)
