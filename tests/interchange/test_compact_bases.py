"""A laptop keeps its merge bases compactly (issue 20): one compressed snapshot per table, no JSON copy per row.

The three-way merges still find what changed on which side: a row changed on both sides after a master import
(the same field: a conflict showing the base the snapshot held; other fields: merged), a refresh from the centre
keeping the laptop's unsent edits, and a second round after the base has moved into a row's own entry.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_helpers import content, edit, encoded, make_laptop, opd_codes, realizations

from kinerja_desktop.db.database import Database
from kinerja_desktop.interchange.errors import UnresolvedConflictsError
from kinerja_desktop.interchange.rows import SNAPSHOT, Bases, _t
from kinerja_desktop.services import sync

D = Decimal


def _base_rows(laptop: Database) -> list[tuple[str, str, str | None]]:
    with laptop.read() as session:
        t = _t("sync_base")
        return [(r.table_name, r.row_id, r.sent) for r in session.connection().execute(select(t))]


def test_a_master_import_stores_one_snapshot_per_table_not_a_copy_per_row(demo_db: Database, tmp_path: Path) -> None:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    stored = _base_rows(laptop)
    assert stored and {table for table, _row, _sent in stored} == {SNAPSHOT}
    tables = {row for _table, row, _sent in stored}
    assert {"opd", "indicator_realization", "performance_agreement", "regency"} <= tables
    assert len(stored) == len(tables)
    # Each row's base is there all the same, equal to the row as received.
    r1 = realizations(demo_db, x)[0]
    with laptop.read() as session:
        entry = Bases(session.connection()).get(("indicator_realization", r1))
    assert entry is not None and entry["id"] is None and entry["sent"] is None
    assert entry["base"] == encoded(demo_db, "indicator_realization", r1)
    assert entry["base_version"] == encoded(demo_db, "indicator_realization", r1)["version"]
    assert sync.pending_changes(laptop) == 0


def test_a_row_changed_on_both_sides_after_a_master_import_merges_three_way(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN a laptop set up from a master package (bases only in the snapshots)
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    r1, r2 = realizations(demo_db, x)[:2]
    received = encoded(demo_db, "indicator_realization", r1)["value"]
    # WHEN both change the same field of r1, and different fields of r2
    edit(laptop, "indicator_realization", r1, value=D("80"))
    edit(demo_db, "indicator_realization", r1, value=D("81"), follow_up="Dipantau Bappeda")
    edit(laptop, "indicator_realization", r2, problems="Data puskesmas terlambat")
    edit(demo_db, "indicator_realization", r2, follow_up="Rapat koordinasi")
    assert sync.pending_changes(laptop) == 2
    package = tmp_path / "a.kinerja-paket"
    sync.export_package(laptop, package)
    # THEN the centre sees one conflict, on r1's value, with the base the snapshot held
    with pytest.raises(UnresolvedConflictsError) as info:
        sync.import_package(demo_db, package)
    (conflict,) = info.value.conflicts
    assert (conflict.row_id, conflict.field) == (r1, "value")
    assert (conflict.base, conflict.central, conflict.incoming) == (received, "81", "80")
    # AND choosing the laptop's value merges the rest: the centre's other field stays, r2 takes both edits
    report = sync.import_package(demo_db, package, resolutions={conflict.key: sync.PREFER_PACKAGE})
    assert report.applied and report.changed == 2
    assert content(demo_db, "indicator_realization", r1)["value"] == D("80")
    assert content(demo_db, "indicator_realization", r1)["follow_up"] == "Dipantau Bappeda"
    assert content(demo_db, "indicator_realization", r2)["problems"] == "Data puskesmas terlambat"
    assert content(demo_db, "indicator_realization", r2)["follow_up"] == "Rapat koordinasi"
    # AND the two rows sent now have entries of their own, carrying the snapshot's base and what was sent
    own = {row: sent for table, row, sent in _base_rows(laptop) if table == "indicator_realization"}
    assert set(own) == {r1, r2} and all(sent is not None for sent in own.values())
    with laptop.read() as session:
        entry = Bases(session.connection()).get(("indicator_realization", r1))
    assert entry is not None and entry["base"]["value"] == received and entry["sent"]["value"] == "80"
    # WHEN the laptop edits r2 again, and is refreshed from the centre
    edit(laptop, "indicator_realization", r2, problems="Belum terkirim")
    edit(demo_db, "indicator_realization", r1, problems="Dari pusat")
    refresh = tmp_path / "refresh.kinerja-paket"
    code = sync.export_master_package(demo_db, refresh, opd_codes=[x]).code
    assert sync.import_package(laptop, refresh, code=code).applied
    # THEN the centre's values arrive, the unsent edit stays, and nothing else is pending
    assert content(laptop, "indicator_realization", r1)["problems"] == "Dari pusat"
    assert content(laptop, "indicator_realization", r1)["follow_up"] == "Dipantau Bappeda"
    assert content(laptop, "indicator_realization", r2)["follow_up"] == "Rapat koordinasi"
    assert content(laptop, "indicator_realization", r2)["problems"] == "Belum terkirim"
    assert sync.pending_changes(laptop) == 1
    # AND the next round brings that edit to the centre without a conflict
    second = tmp_path / "a2.kinerja-paket"
    sync.export_package(laptop, second)
    report = sync.import_package(demo_db, second)
    assert report.applied and not report.conflicts
    assert content(demo_db, "indicator_realization", r2)["problems"] == "Belum terkirim"
