"""Field packages act within the user's OPDs (issue 17 §4): an operator imports (or previews) only a package of
its own OPDs and exports only its own OPDs' rows; refused with an Indonesian sentence, nothing stored."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sync_helpers import checksum, edit, make_laptop, opd_id, realizations

from kinerja_desktop.db.database import Database
from kinerja_desktop.services import sync, users
from kinerja_desktop.services.users import AccessDenied, Role

DINKES, SETDA = "1.02.0.00.0.00.01.0000", "4.01.0.00.0.00.01.0000"


def _operator(db: Database, *codes: str) -> users.Actor:
    return users.Actor("op.uji", Role.OPERATOR, opd_ids=frozenset(opd_id(db, c) for c in codes))


def _package_of(centre: Database, tmp_path: Path, code: str) -> Path:
    laptop = make_laptop(tmp_path, f"kec-{code[:4]}", centre, [code])
    edit(laptop, "indicator_realization", realizations(laptop, code)[-1], problems="Diubah di laptop",
         value=Decimal("81.5"))
    package = tmp_path / f"kirim-{code[:4]}.kinerja-paket"
    sync.export_field_package(laptop, package)
    laptop.close()
    return package


@pytest.mark.sign_in
def test_an_operator_imports_only_its_own_opds_package(demo_db: Database, tmp_path: Path) -> None:
    users.act_as(demo_db, users.load_actor(demo_db, "admin"))
    foreign, own = _package_of(demo_db, tmp_path, SETDA), _package_of(demo_db, tmp_path, DINKES)
    users.act_as(demo_db, _operator(demo_db, DINKES))
    before = checksum(demo_db)
    for attempt in (sync.preview_import, sync.import_package):
        with pytest.raises(AccessDenied, match="hanya boleh mengubah data perangkat daerahnya sendiri"):
            attempt(demo_db, foreign)
    assert checksum(demo_db) == before
    report = sync.import_package(demo_db, own)
    assert report.applied
    assert sync.preview_import(demo_db, own).already_imported


@pytest.mark.sign_in
def test_an_operator_exports_only_its_own_opds(demo_db: Database, tmp_path: Path) -> None:
    users.act_as(demo_db, users.load_actor(demo_db, "admin"))
    laptop = make_laptop(tmp_path, "kec", demo_db, [DINKES, SETDA])
    try:
        users.act_as(laptop, _operator(laptop, DINKES))
        refused = tmp_path / "semua.kinerja-paket"
        with pytest.raises(AccessDenied, match="perangkat daerahnya sendiri"):
            sync.export_field_package(laptop, refused)
        assert not refused.exists()
        with pytest.raises(AccessDenied, match="perangkat daerahnya sendiri"):
            sync.export_field_package(laptop, refused, opd_codes=[SETDA])
        own = tmp_path / "dinkes.kinerja-paket"
        sync.export_field_package(laptop, own, opd_codes=[DINKES])
        assert own.is_file()
        # a Pimpinan makes no package at all
        users.act_as(laptop, users.Actor("pimpinan", Role.PIMPINAN))
        with pytest.raises(AccessDenied, match="tidak boleh membuat atau memasukkan paket"):
            sync.export_field_package(laptop, refused, opd_codes=[DINKES])
    finally:
        laptop.close()
