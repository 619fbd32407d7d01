"""The scope of the package exchange: which tables travel, how a row belongs to an OPD, natural keys.

Regency-wide tables (regency, leaders, periods, fiscal years, officials, quarter closures) go out in the
master package; a laptop may send back only OPD-scoped rows of its OPDs and officials (a new head).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, UniqueConstraint, select

from .base import schema
from .types import ExactDecimal

GLOBAL_TABLES = (
    "regency",
    "regional_leader",
    "planning_period",
    "fiscal_year",
    "official",
    "quarter_closure",
    "document_asset",  # the images frozen documents print: a laptop reprints a signed PK too
)
# table -> (column, parent table) leading to the OPD; "opd" is its own scope.
PARENT: dict[str, tuple[str, str]] = {
    "opd_name_history": ("opd_id", "opd"),
    "position": ("opd_id", "opd"),
    "position_holder": ("position_id", "position"),  # the OPD's head is its head position's holder
    "goal": ("opd_id", "opd"),  # NULL: an RPJMD (regional) goal
    "goal_program": ("goal_id", "goal"),
    "indicator": ("goal_id", "goal"),
    "indicator_target": ("indicator_id", "indicator"),
    "program": ("opd_id", "opd"),
    "program_budget": ("program_id", "program"),
    "performance_agreement": ("opd_id", "opd"),  # NULL: the regional head's own PK
    "agreement_item": ("agreement_id", "performance_agreement"),
    "agreement_program": ("agreement_id", "performance_agreement"),
    "integrity_pact": ("opd_id", "opd"),
    "indicator_realization": ("indicator_id", "indicator"),
    "budget_realization": ("program_id", "program"),
    "evidence": ("realization_id", "indicator_realization"),
    # a PK's or a quarterly report's verification (issue 17): submitted on a laptop, decided at the centre
    "verification": ("opd_id", "opd"),  # NULL: the regional head's own PK
    "verification_event": ("verification_id", "verification"),
}
SCOPED_TABLES = ("opd", *PARENT)
SYNC_TABLES = frozenset(GLOBAL_TABLES + SCOPED_TABLES)
# What a field laptop may send: its OPDs' rows and officials (a new head or signer).
FIELD_TABLES = frozenset((*SCOPED_TABLES, "official"))
# Columns that are bookkeeping, not content: never merged field by field.
BOOKKEEPING = frozenset(("id", "created_at", "updated_at", "version"))
SIGNED_STATUSES = frozenset(("ditandatangani", "diganti"))
AGREEMENT_CHILDREN = ("agreement_item", "agreement_program")

UNKNOWN = "?"  # scope of a row whose parent cannot be found


def metadata_tables() -> dict[str, Table]:
    """Every table of the schema by name (the domain's and the exchange's bookkeeping)."""
    return dict(schema().tables)


def sync_order() -> list[str]:
    """Synchronised tables, parents before children."""
    return [t.name for t in schema().sorted_tables if t.name in SYNC_TABLES]


def content_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in BOOKKEEPING]


def value_kind(table: str, column: str) -> str:
    """What a column holds, for showing its values: "decimal", "date", "datetime", "bool", "int" or ""."""
    found = metadata_tables().get(table)
    if found is None or column not in found.c:
        return ""
    column_type = found.c[column].type
    if isinstance(column_type, ExactDecimal):
        return "decimal"
    try:
        python_type: Any = column_type.python_type
    except NotImplementedError:
        return ""
    return {bool: "bool", Decimal: "decimal", datetime: "datetime", date: "date", int: "int"}.get(python_type, "")


def natural_keys(table: Table) -> list[tuple[str, ...]]:
    """The table's unique keys other than the primary key (e.g. opd.code, (indicator_id, year))."""
    keys = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            keys.append(tuple(c.name for c in constraint.columns))
    return sorted(set(keys))


Lookup = Callable[[str, str], dict[str, Any] | None]


def opd_of(table: str, values: dict[str, Any], lookup: Lookup) -> str | None:
    """The OPD a row belongs to (None: regency-wide; UNKNOWN: a parent is missing).

    ``lookup(table, id)`` returns a parent row's values (from the package or the database).
    """
    if table == "opd":
        return values.get("id")
    if table not in PARENT:
        return None
    seen = 0
    while table in PARENT:
        column, parent = PARENT[table]
        parent_id = values.get(column)
        if parent == "opd":
            return parent_id
        if parent_id is None:
            return None
        row = lookup(parent, parent_id)
        if row is None:
            return UNKNOWN
        table, values = parent, row
        seen += 1
        if seen > 10:  # never loops on this schema; a guard all the same
            return UNKNOWN
    return None


def connection_lookup(connection: Any) -> Lookup:
    tables = metadata_tables()
    cache: dict[tuple[str, str], dict[str, Any] | None] = {}

    def lookup(table: str, row_id: str) -> dict[str, Any] | None:
        key = (table, row_id)
        if key not in cache:
            parent = PARENT.get(table)
            cols = [tables[table].c.id] + ([tables[table].c[parent[0]]] if parent else [])
            row = connection.execute(select(*cols).where(tables[table].c.id == row_id)).first()
            cache[key] = dict(row._mapping) if row is not None else None
        return cache[key]

    return lookup
