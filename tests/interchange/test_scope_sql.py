"""The rows a package carries are chosen in SQL (issue 20): exactly the rows the former Python filter chose.

The reference below is the filter as it was before (every table read whole, then kept by its parent's id in
Python); the SQL filter must give the same rows for each OPD alone, for several OPDs and for the whole regency,
with and without the RPJMD goals, on the demo regency (SQLite and PostgreSQL).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from kinerja_desktop.db.sync_scope import GLOBAL_TABLES, PARENT, sync_order
from kinerja_desktop.interchange.rows import _load_rows, _scoped_rows, _t


def python_filter(conn: Any, opd_ids: set[str] | None, *, regional: bool) -> dict[str, dict[str, dict]]:
    """The former ``_scoped_rows``: the whole regency read, then filtered in Python."""
    rows: dict[str, dict[str, dict]] = {}
    keep: dict[str, set[str]] = {}
    for table in sync_order():
        loaded = _load_rows(conn, table)
        if table in GLOBAL_TABLES:
            rows[table] = loaded
            continue
        if table == "opd":
            chosen = {k: v for k, v in loaded.items() if opd_ids is None or k in opd_ids}
        else:
            column, parent = PARENT[table]
            parents = keep.get(parent, set())
            chosen = {}
            for row_id, values in loaded.items():
                ref = values[column]
                if ref is None:
                    if regional and table == "goal":
                        chosen[row_id] = values
                elif ref in parents:
                    chosen[row_id] = values
        rows[table] = chosen
        keep[table] = set(chosen)
    if opd_ids is not None:
        _unlink_left_out(rows)
    return rows


def _unlink_left_out(rows: dict[str, dict[str, dict]]) -> None:
    """The former clearing of a regency-wide row's link to a row left out."""
    for table in GLOBAL_TABLES:
        for column in _t(table).columns:
            for fk in column.foreign_keys:
                target = fk.column.table.name
                if target in GLOBAL_TABLES or not column.nullable:
                    continue
                present = rows.get(target, {})
                for values in rows.get(table, {}).values():
                    if values.get(column.name) is not None and values[column.name] not in present:
                        values[column.name] = None


def test_sql_scope_chooses_the_rows_the_python_filter_chose(demo_db) -> None:
    with demo_db.write() as session:
        conn = session.connection()
        opd = _t("opd")
        opd_ids = [r.id for r in conn.execute(select(opd.c.id).order_by(opd.c.sort_order))]
        goal = _t("goal")
        regional_goals = conn.execute(select(goal.c.id).where(goal.c.opd_id.is_(None))).all()
        assert len(opd_ids) >= 3 and regional_goals  # the demo has what the filter must tell apart
        # The regency's planning agency (a regency-wide row naming an OPD) points at the first OPD: a package
        # without it carries the regency without that link.
        conn.execute(update(_t("regency")).values(agency_opd_id=opd_ids[0]))
        scopes: list[set[str] | None] = [None, set(opd_ids[:3]), *({opd_id} for opd_id in opd_ids)]
        for scope in scopes:
            for regional in (True, False):
                expected = python_filter(conn, scope, regional=regional)
                chosen = _scoped_rows(conn, scope, regional=regional)
                assert chosen == expected, (scope, regional)
        one = _scoped_rows(conn, {opd_ids[1]}, regional=True)
        everything = _scoped_rows(conn, None, regional=True)
    # The filter does choose: one OPD's package is smaller than the regency's, and it is that OPD's.
    assert set(one["opd"]) == {opd_ids[1]}
    assert 0 < len(one["indicator_realization"]) < len(everything["indicator_realization"])
    assert one["regency"][next(iter(one["regency"]))]["agency_opd_id"] is None
    assert everything["regency"][next(iter(everything["regency"]))]["agency_opd_id"] == opd_ids[0]
    assert len(one["goal"]) > len(_scoped_rows_no_regional(demo_db, opd_ids[1])["goal"])


def _scoped_rows_no_regional(db: Any, opd_id: str) -> dict[str, dict[str, dict]]:
    with db.read() as session:
        return _scoped_rows(session.connection(), {opd_id}, regional=False)
