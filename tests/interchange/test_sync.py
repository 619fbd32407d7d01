"""Field packages: set up laptops from a master package, merge their edits, report conflicts, stay idempotent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import raw_sql
from sync_helpers import (
    content,
    draft_agreement,
    edit,
    make_laptop,
    opd_codes,
    realizations,
    remove,
    rows,
    signed_agreement,
)

from kinerja_desktop.db.database import Database
from kinerja_desktop.interchange.errors import RoleError, UnresolvedConflictsError
from kinerja_desktop.services import sync

D = Decimal


def _package(db: Database, path: Path) -> Path:
    sync.export_package(db, path)
    return path


def test_two_laptops_and_the_centre_merge_without_losing_anything(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN a centre and two laptops set up from master packages for OPD X and OPD Y
    x, y, z = opd_codes(demo_db, 3)
    laptop_a = make_laptop(tmp_path, "a", demo_db, [x])
    laptop_b = make_laptop(tmp_path, "b", demo_db, [y])
    rx, ry, rz = realizations(demo_db, x)[0], realizations(demo_db, y)[0], realizations(demo_db, z)[0]
    assert content(laptop_a, "indicator_realization", rx) == content(demo_db, "indicator_realization", rx)
    assert content(laptop_a, "indicator_realization", ry) is None  # out of A's scope
    # WHEN A edits OPD X (two fields of one row, and the draft agreement), B edits OPD Y, the centre edits Z
    edit(laptop_a, "indicator_realization", rx, value=D("77.5"), problems="Data puskesmas terlambat")
    agreement_x = draft_agreement(laptop_a, x)
    edit(laptop_a, "performance_agreement", agreement_x, notes="Catatan dari kecamatan")
    edit(laptop_b, "indicator_realization", ry, follow_up="Rapat koordinasi")
    edit(demo_db, "indicator_realization", rz, value=D("12"))
    # ... and the centre edits another field of A's row: different fields of one row merge
    edit(demo_db, "indicator_realization", rx, follow_up="Dipantau Bappeda")
    pa, pb = _package(laptop_a, tmp_path / "a.kinerja-paket"), _package(laptop_b, tmp_path / "b.kinerja-paket")
    preview = sync.preview_import(demo_db, pa)
    assert (preview.added, preview.changed, len(preview.conflicts)) == (0, 2, 0)
    assert preview.summary() == "akan menambah 0, mengubah 2, menghapus 0, konflik 0"
    sync.import_package(demo_db, pb)
    sync.import_package(demo_db, pa)
    # THEN every edit is in the centre
    merged = content(demo_db, "indicator_realization", rx)
    assert merged["value"] == D("77.5") and merged["problems"] == "Data puskesmas terlambat"
    assert merged["follow_up"] == "Dipantau Bappeda"
    assert content(demo_db, "performance_agreement", agreement_x)["notes"] == "Catatan dari kecamatan"
    assert content(demo_db, "indicator_realization", ry)["follow_up"] == "Rapat koordinasi"
    assert content(demo_db, "indicator_realization", rz)["value"] == D("12")
    # AND importing any package twice changes nothing
    before = rows(demo_db)
    again = sync.import_package(demo_db, pa)
    assert again.already_imported and not again.applied
    assert rows(demo_db) == before
    # WHEN A and the centre then change the same field
    edit(laptop_a, "indicator_realization", rx, value=D("80"))
    edit(demo_db, "indicator_realization", rx, value=D("81"))
    pa2 = _package(laptop_a, tmp_path / "a2.kinerja-paket")
    # THEN the conflict is reported with base, central and incoming values, not silently resolved
    with pytest.raises(UnresolvedConflictsError) as info:
        sync.import_package(demo_db, pa2)
    (conflict,) = info.value.conflicts
    assert (conflict.field, conflict.base, conflict.central, conflict.incoming) == ("value", "77.5", "81", "80")
    assert "konflik" in str(info.value) and "Basis data tidak diubah" in str(info.value)
    assert content(demo_db, "indicator_realization", rx)["value"] == D("81")
    # AND the user's choice decides
    report = sync.import_package(demo_db, pa2, resolutions={conflict.key: sync.PREFER_PACKAGE})
    assert report.applied and content(demo_db, "indicator_realization", rx)["value"] == D("80")
    # AND the audit log names the package
    from sqlalchemy import select

    from kinerja_desktop.db.models import AuditLog

    with demo_db.read() as s:
        origins = set(s.scalars(select(AuditLog.origin).where(AuditLog.action == "paket-ubah")))
    assert any(origin.startswith("paket ") for origin in origins)


def test_master_package_refreshes_a_laptop_and_its_base_advances(demo_db: Database, tmp_path: Path) -> None:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    r1, r2 = realizations(demo_db, x)[:2]
    edit(laptop, "indicator_realization", r1, problems="dari laptop")
    sync.import_package(demo_db, _package(laptop, tmp_path / "1.kinerja-paket"))
    # The centre edits another row; the laptop edits again after sending (not yet seen by the centre)
    edit(demo_db, "indicator_realization", r2, problems="dari pusat")
    edit(laptop, "indicator_realization", r2, follow_up="belum terkirim")
    refresh = tmp_path / "refresh.kinerja-paket"
    code = sync.export_master_package(demo_db, refresh, opd_codes=[x]).code
    report = sync.import_package(laptop, refresh, code=code)
    assert report.applied
    assert content(laptop, "indicator_realization", r2)["problems"] == "dari pusat"
    assert content(laptop, "indicator_realization", r2)["follow_up"] == "belum terkirim"  # kept, pending
    assert sync.pending_changes(laptop) == 1  # r1 was acknowledged: the base advanced
    sync.import_package(demo_db, _package(laptop, tmp_path / "2.kinerja-paket"))
    assert content(demo_db, "indicator_realization", r2)["follow_up"] == "belum terkirim"
    assert content(demo_db, "indicator_realization", r2)["problems"] == "dari pusat"


def test_deletions_travel_and_edit_against_deletion_is_a_conflict(demo_db: Database, tmp_path: Path) -> None:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    r1, r2 = realizations(demo_db, x)[:2]
    remove(laptop, "indicator_realization", r1)
    edit(laptop, "indicator_realization", r2, problems="diubah di laptop")
    remove(demo_db, "indicator_realization", r2)
    package = _package(laptop, tmp_path / "p.kinerja-paket")
    preview = sync.preview_import(demo_db, package)
    assert preview.deleted == 1
    assert [c.kind for c in preview.conflicts] == ["ubah-vs-hapus"]
    report = sync.import_package(demo_db, package, prefer=sync.PREFER_CENTRAL)
    assert report.applied
    assert content(demo_db, "indicator_realization", r1) is None
    assert content(demo_db, "indicator_realization", r2) is None


def test_signed_agreements_are_never_overwritten(demo_db: Database, tmp_path: Path) -> None:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    signed = signed_agreement(demo_db, x)
    before = content(demo_db, "performance_agreement", signed)
    # The app refuses this edit (db/guards.py, db/triggers.py); an older or tampered laptop could still send it
    with raw_sql.behind_the_apps_back(laptop) as conn:
        conn.exec_driver_sql("UPDATE performance_agreement SET first_name = 'Nama Diubah' WHERE id = ?", (signed,))
    report = sync.import_package(demo_db, _package(laptop, tmp_path / "p.kinerja-paket"), prefer=sync.PREFER_PACKAGE)
    assert report.refused and "ditandatangani" in report.refused[0].reason
    assert content(demo_db, "performance_agreement", signed) == before


def test_rows_created_on_both_sides_with_the_same_natural_key_become_one(demo_db: Database, tmp_path: Path) -> None:
    from kinerja_desktop.db.models import IndicatorRealization

    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    indicator = content(demo_db, "indicator_realization", realizations(demo_db, x)[0])["indicator_id"]
    for db, text in ((laptop, "laptop"), (demo_db, "pusat")):
        with db.write() as s:
            s.add(IndicatorRealization(indicator_id=indicator, year=2029, quarter=4, value=D("5"), problems=text))
    package = _package(laptop, tmp_path / "p.kinerja-paket")
    preview = sync.preview_import(demo_db, package)
    assert [(c.field, c.central, c.incoming) for c in preview.conflicts] == [("problems", "pusat", "laptop")]
    sync.import_package(demo_db, package, prefer=sync.PREFER_PACKAGE)
    with demo_db.read() as s:
        found = s.query(IndicatorRealization).filter_by(indicator_id=indicator, year=2029, quarter=4).all()
    assert [r.problems for r in found] == ["laptop"]
    # The laptop adopts the centre's row on refresh: one row, the centre's id
    refresh = tmp_path / "refresh.kinerja-paket"
    code = sync.export_master_package(demo_db, refresh, opd_codes=[x]).code
    sync.import_package(laptop, refresh, code=code)
    with laptop.read() as s:
        mine = s.query(IndicatorRealization).filter_by(indicator_id=indicator, year=2029, quarter=4).all()
    assert [(r.id, r.problems) for r in mine] == [(found[0].id, "laptop")]


def test_roles_are_enforced(demo_db: Database, tmp_path: Path) -> None:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    with pytest.raises(RoleError, match="pusat"):
        sync.export_package(laptop, tmp_path / "m.kinerja-paket", master=True)
    master = tmp_path / "m2.kinerja-paket"
    code = sync.export_master_package(demo_db, master).code
    with pytest.raises(RoleError):
        sync.import_package(demo_db, master, code=code)
    assert sync.installation_info(laptop).role == "lapangan"
    assert sync.import_log(laptop)[0].kind == "induk"


def test_dry_run_writes_nothing(demo_db: Database, tmp_path: Path) -> None:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    edit(laptop, "indicator_realization", realizations(laptop, x)[0], problems="uji")
    package = _package(laptop, tmp_path / "p.kinerja-paket")
    before = rows(demo_db)
    report = sync.import_package(demo_db, package, dry_run=True)
    assert report.changed == 1 and not report.applied
    assert rows(demo_db) == before
