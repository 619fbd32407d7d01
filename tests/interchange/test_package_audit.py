"""Field packages carry who made each change on the laptop (issue 17 §3): the laptop's audit entries and field rows
(who, when, before/after) travel; the centre stores them under the laptop user's name with the package as origin,
once, and audits the import itself under the centre's user."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_helpers import edit, make_laptop, opd_codes, opd_id, realizations

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import AuditChange, AuditLog
from kinerja_desktop.interchange.audit_rows import parse
from kinerja_desktop.interchange.errors import MalformedContentError
from kinerja_desktop.services import audit, audit_log, sync, sync_import
from kinerja_desktop.services.audit_log import AuditFilter


def test_laptop_changes_reach_the_centre_with_who_made_them(demo_db: Database, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    code = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "kec", demo_db, [code])
    realization = realizations(demo_db, code)[0]
    monkeypatch.setattr(audit, "current_user", lambda *_: "siti.kecamatan")
    edit(laptop, "indicator_realization", realization, problems="Hujan deras di bulan Maret",
         value=Decimal("87.25"))
    package = tmp_path / "kec.kinerja-paket"
    sync.export_field_package(laptop, package)

    monkeypatch.setattr(audit, "current_user", lambda *_: "ani.bappeda")
    monkeypatch.setattr(sync_import, "current_user", lambda *_: "ani.bappeda")  # imported by name there
    report = sync.import_package(demo_db, package)
    assert report.applied

    with demo_db.read() as s:
        [carried] = s.scalars(select(AuditChange).where(AuditChange.row_id == realization,
                                                        AuditChange.user == "siti.kecamatan")).all()
        imports = s.scalars(select(AuditLog).where(AuditLog.action == "impor-paket")).all()
    assert carried.origin.startswith("paket ") and carried.opd_id == opd_id(demo_db, code)
    changes = json.loads(carried.changes)
    assert changes["problems"][1] == "Hujan deras di bulan Maret"
    assert changes["value"][1] == {"d": "87.25"}
    # the import itself: the centre's operator
    assert [i.user for i in imports] == ["ani.bappeda"]
    # the centre's screen shows the laptop user's change with its before → after
    [entry] = audit_log.list_entries(demo_db, AuditFilter(user="siti.kecamatan"))
    assert entry.origin == carried.origin and entry.opd_id == opd_id(demo_db, code)
    fields = {f.field: f.after for c in audit_log.changes_of(demo_db, entry) for f in c.fields}
    assert fields["value"] == "87,25"

    # a second package repeats the laptop's trail: the centre keeps each row once
    monkeypatch.setattr(audit, "current_user", lambda *_: "siti.kecamatan")
    edit(laptop, "indicator_realization", realization, problems="Sudah ditindaklanjuti")
    second = tmp_path / "kec-2.kinerja-paket"
    sync.export_field_package(laptop, second)
    sync.import_package(demo_db, second)
    with demo_db.read() as s:
        carried = s.scalars(select(AuditChange).where(AuditChange.row_id == realization,
                                                      AuditChange.user == "siti.kecamatan")).all()
    assert len(carried) == 2 and len({c.id for c in carried}) == 2


def test_a_package_with_a_forged_audit_row_is_refused() -> None:
    good = {"id": "3d4b37ae-2936-462d-9951-7878b7f020db", "change_set": "c", "seq": 1,
            "at": "2026-03-01T10:00:00", "user": "x", "table_name": "opd", "row_id": "r", "operation": "ubah",
            "opd_id": None, "changes": "{}"}
    assert parse("p", {"log": [], "changes": [good]})["changes"][0]["user"] == "x"
    for bad in ({**good, "origin": "app"}, {**good, "user": "x" * 500}, {**good, "at": "kemarin"},
                {**good, "seq": "1"}, {**good, "id": "bukan-uuid"}):
        with pytest.raises(MalformedContentError):
            parse("p", {"log": [], "changes": [bad]})
    with pytest.raises(MalformedContentError):
        parse("p", {"log": [], "changes": [], "lain": []})
