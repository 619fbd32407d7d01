"""Property: random edits on the centre and two laptops, packages imported in random order and repeated.

Every laptop edit that reaches the centre is applied or reported as a conflict, every centre value a
package overwrites was either the laptop's base or reported as a conflict, and after a final round
everyone holds the same values with nothing pending.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import content_rows, edit

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.models import (
    Goal,
    Indicator,
    IndicatorRealization,
    Opd,
    PlanningPeriod,
    Regency,
)
from kinerja_desktop.domain.enums import GoalKind, GoalLevel, OpdKind
from kinerja_desktop.services import sync

FIELDS = ("value", "problems", "follow_up")
ACTORS = ("pusat", "a", "b")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A tiny regency: OPDs X and Y, one indicator each, four quarterly realisations each."""
    path = tmp_path_factory.mktemp("prop") / "pusat.sqlite"
    db = open_database(path)
    ids = []
    with db.write() as s:
        s.add(Regency(name="Sukamaju"))
        period = PlanningPeriod(name="RPJMD", start_year=2025, end_year=2029)
        s.add(period)
        for code in ("X", "Y"):
            opd = Opd(code=code, abbreviation=code, name=f"Dinas {code}", kind=OpdKind.DINAS)
            s.add(opd)
            s.flush()
            goal = Goal(period_id=period.id, level=GoalLevel.OPD, kind=GoalKind.TARGET, opd_id=opd.id, statement="S")
            indicator = Indicator(name=f"Indikator {code}", unit="%")
            goal.indicators.append(indicator)
            s.add(goal)
            s.flush()
            for quarter in (1, 2, 3, 4):
                row = IndicatorRealization(
                    indicator_id=indicator.id, year=2026, quarter=quarter, value=Decimal(quarter)
                )
                s.add(row)
                s.flush()
                ids.append(row.id)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path, ids


operations = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.sampled_from(ACTORS), st.integers(0, 7), st.sampled_from(FIELDS)),
        st.tuples(st.just("export"), st.sampled_from(("a", "b"))),
        st.tuples(st.just("import"), st.integers(0, 50), st.sampled_from((sync.PREFER_CENTRAL, sync.PREFER_PACKAGE))),
        st.tuples(st.just("refresh"), st.sampled_from(("a", "b"))),
    ),
    min_size=4,
    max_size=24,
)


def _value(db: Database, row_id: str, field: str) -> str | None:
    table = "indicator_realization"
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(f'SELECT "{field}" FROM {table} WHERE id = ?', (row_id,)).fetchone()[0]
    finally:
        conn.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_no_edit_is_lost(template: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory, ops) -> None:  # noqa: ANN001
    source, ids = template
    folder = tmp_path_factory.mktemp("run")
    src, dst = sqlite3.connect(source), sqlite3.connect(folder / "pusat.sqlite")
    src.backup(dst)
    src.close()
    dst.close()
    centre = open_database(folder / "pusat.sqlite")
    dbs: dict[str, Database] = {"pusat": centre}
    scopes = {"a": ["X"], "b": ["X", "Y"]}
    for name, codes in scopes.items():
        master = folder / f"induk-{name}.kinerja-paket"
        code = sync.export_master_package(centre, master, opd_codes=codes).code
        dbs[name] = open_database(folder / f"{name}.sqlite")
        sync.import_package(dbs[name], master, code=code)
    in_scope = {"pusat": set(range(8)), "a": set(range(4)), "b": set(range(8))}
    packages: list[tuple[str, Path]] = []
    seen: dict[tuple[str, str, str], tuple[int | None, str | None]] = {}
    counter = iter(range(1, 10_000))

    def import_at_centre(laptop: str, path: Path, prefer: str) -> None:
        before = {(rid, f): _value(centre, rid, f) for rid in ids for f in FIELDS}
        report = sync.import_package(centre, path, prefer=prefer)
        if not report.applied:
            return
        reported = {(c.row_id, c.field) for c in report.conflicts}
        with zipfile.ZipFile(path) as zf:
            payload = json.loads(zf.read("rows.json"))
        for entry in payload["rows"].get("indicator_realization", []):
            rid, incoming, base = entry["id"], entry["values"], entry["base"]
            for f in FIELDS:
                key = (laptop, rid, f)
                last = seen.get(key)
                prev = last[1] if last is not None and last[0] == entry["base_version"] else (base or {}).get(f)
                seen[key] = (entry["base_version"], incoming[f])
                if incoming[f] == prev:
                    continue  # not a new change of the laptop
                after = _value(centre, rid, f)
                # A laptop edit is applied or reported as a conflict
                assert after == incoming[f] or (rid, f) in reported, (laptop, rid, f, incoming[f], after)
                # A centre value is overwritten only when it was the laptop's base, or after a reported conflict
                if after != before[(rid, f)]:
                    assert before[(rid, f)] == prev or (rid, f) in reported

    try:
        for op in ops:
            if op[0] == "edit":
                _, actor, index, f = op
                if index not in in_scope[actor]:
                    continue
                n = next(counter)
                value = Decimal(n) if f == "value" else f"{actor}-{n}"
                edit(dbs[actor], "indicator_realization", ids[index], **{f: value})
            elif op[0] == "export":
                path = folder / f"{op[1]}-{len(packages)}.kinerja-paket"
                sync.export_package(dbs[op[1]], path)
                packages.append((op[1], path))
            elif op[0] == "import" and packages:
                laptop, path = packages[op[1] % len(packages)]
                import_at_centre(laptop, path, op[2])
            elif op[0] == "refresh":
                master = folder / f"segar-{next(counter)}.kinerja-paket"
                code = sync.export_master_package(centre, master, opd_codes=scopes[op[1]]).code
                sync.import_package(dbs[op[1]], master, code=code)
        # Final round: everything pending reaches the centre, then everyone refreshes (twice: B, then A again)
        for _round in range(2):
            for name in ("a", "b"):
                path = folder / f"akhir-{name}-{next(counter)}.kinerja-paket"
                sync.export_package(dbs[name], path)
                import_at_centre(name, path, sync.PREFER_PACKAGE)
            for name in ("a", "b"):
                master = folder / f"akhir-induk-{next(counter)}.kinerja-paket"
                code = sync.export_master_package(centre, master, opd_codes=scopes[name]).code
                sync.import_package(dbs[name], master, code=code)
        # THEN nothing is pending and every laptop holds the centre's values for its scope
        for name in ("a", "b"):
            assert sync.pending_changes(dbs[name]) == 0
            for index in in_scope[name]:
                for f in FIELDS:
                    assert _value(dbs[name], ids[index], f) == _value(centre, ids[index], f)
        # AND importing every package again changes nothing
        snapshot = content_rows(centre.path)
        for _laptop, path in packages:
            assert sync.import_package(centre, path).already_imported
        assert content_rows(centre.path) == snapshot
    finally:
        for db in dbs.values():
            db.close()
