"""Helpers for the backup and package tests: snapshots of rows, laptops set up from master packages, edits."""

from __future__ import annotations

import hashlib
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kinerja_desktop.db.base import Base, schema
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.interchange.manifest import FORMAT_VERSION
from kinerja_desktop.services import sync

DOMAIN_TABLES = sorted(
    t.name for t in schema().sorted_tables  # every module of models imported: every mapper on the registry
    if not t.name.startswith("sync_") and t.name not in ("audit_log", "audit_change")
)


def model(table: str) -> type:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == table:
            return mapper.class_
    raise KeyError(table)


def rows(path: Path | Database, tables: list[str] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (raw SQLite values), sorted, read with a plain connection; a server database's
    rows as the driver gives them."""
    if isinstance(path, Database):
        if path.path is None:
            return _server_rows(path, tables)
        path = path.path
    conn = sqlite3.connect(path)
    try:
        names = tables or [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        ]
        return {name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in sorted(names)}
    finally:
        conn.close()


def _server_rows(db: Database, tables: list[str] | None) -> dict[str, list[tuple]]:
    from sqlalchemy import inspect

    with db.engine.connect() as conn:
        names = tables or [n for n in inspect(conn).get_table_names()]
        return {
            name: sorted((tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')), key=repr)
            for name in sorted(names)
        }


def checksum(path: Path | Database) -> str:
    """A checksum of every row of every table: equal means the database holds exactly the same data."""
    return hashlib.sha256(repr(rows(path)).encode()).hexdigest()


def content(db: Database, table: str, row_id: str) -> dict[str, Any] | None:
    """A row's content columns (no id, timestamps or version)."""
    cls = model(table)
    with db.read() as s:
        obj = s.get(cls, row_id)
        if obj is None:
            return None
        return {
            c.key: getattr(obj, c.key)
            for c in obj.__mapper__.column_attrs
            if c.key not in ("id", "created_at", "updated_at", "version")
        }


def edit(db: Database, table: str, row_id: str, **values: Any) -> None:
    with db.write() as s:
        obj = s.get(model(table), row_id)
        assert obj is not None, (table, row_id)
        for key, value in values.items():
            setattr(obj, key, value)


def remove(db: Database, table: str, row_id: str) -> None:
    with db.write() as s:
        s.delete(s.get(model(table), row_id))


def opd_id(db: Database, code: str) -> str:
    cls = model("opd")
    with db.read() as s:
        return s.scalar(select(cls.id).where(cls.code == code))


def opd_codes(db: Database, n: int) -> list[str]:
    cls = model("opd")
    with db.read() as s:
        return list(s.scalars(select(cls.code).order_by(cls.sort_order, cls.code)).all()[:n])


def realizations(db: Database, code: str) -> list[str]:
    """Ids of the indicator realisations of an OPD (stable order)."""
    r, i, g, o = (model(t) for t in ("indicator_realization", "indicator", "goal", "opd"))
    with db.read() as s:
        return list(
            s.scalars(
                select(r.id)
                .join(i, r.indicator_id == i.id)
                .join(g, i.goal_id == g.id)
                .join(o, g.opd_id == o.id)
                .where(o.code == code)
                .order_by(r.year, r.quarter, r.id)
            )
        )


def draft_agreement(db: Database, code: str) -> str:
    a, o = model("performance_agreement"), model("opd")
    with db.read() as s:
        return s.scalar(
            select(a.id).join(o, a.opd_id == o.id).where(o.code == code, a.status == "draf").order_by(a.year)
        )


def signed_agreement(db: Database, code: str) -> str:
    a, o = model("performance_agreement"), model("opd")
    with db.read() as s:
        return s.scalar(select(a.id).join(o, a.opd_id == o.id).where(o.code == code, a.status == "ditandatangani"))


def make_laptop(tmp_path: Path, name: str, centre: Database, codes: list[str]) -> Database:
    """A new field laptop set up from a master package of ``codes``."""
    package = tmp_path / f"induk-{name}.kinerja-paket"
    code = sync.export_master_package(centre, package, opd_codes=codes, label=name).code
    laptop = open_database(tmp_path / f"{name}.sqlite")
    report = sync.import_package(laptop, package, code=code)
    assert report.applied and not report.conflicts
    return laptop


def value(x: str | int) -> Decimal:
    return Decimal(x)


def content_rows(path: Path, tables: list[str] | None = None) -> dict[str, list[tuple]]:
    """Like :func:`rows` without ``updated_at`` (the time of the import itself)."""
    conn = sqlite3.connect(path)
    try:
        result = {}
        for name in sorted(tables or DOMAIN_TABLES):
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")') if r[1] != "updated_at"]
            select_list = ", ".join(f'"{c}"' for c in cols)
            result[name] = sorted(conn.execute(f'SELECT {select_list} FROM "{name}"').fetchall(), key=repr)
        return result
    finally:
        conn.close()


def laptop_secret(laptop: Database) -> str:
    """The laptop's signing key (hex), as a tampering laptop would have it."""
    with laptop.read() as s:
        return s.connection().exec_driver_sql("SELECT secret FROM sync_installation").scalar()


def master_package(path: Path, code: str) -> dict[str, Any]:
    """A master package as the forging tests hold it: its path, its enrolment code and the key its manifest is
    signed with (to sign a forged copy again, as anyone holding the code could)."""
    import json
    import zipfile

    from kinerja_desktop.interchange.enrolment import EnrolmentKeys

    with zipfile.ZipFile(path) as zf:
        package_id = json.loads(zf.read("manifest.json"))["package_id"]
    return {"path": path, "code": code, "key": EnrolmentKeys(code, package_id).manifest_key}


def forge(
    source: Path,
    target: Path,
    change: Any,
    *,
    secret: str | None = None,
    members: dict | None = None,
    entries: bool = True,
) -> Path:
    """Copy a package with ``change(payload)`` applied to rows.json (and ``members`` added, replaced or,
    given None, removed), a master package's tables made entries (format version 1: :func:`as_entries`) unless
    ``entries`` is False;
    checksums are recomputed and, with ``secret``, the manifest is signed again: a package a hostile
    laptop (or anyone holding the key) could make."""
    import json
    import zipfile

    from kinerja_desktop.interchange.manifest import sign

    with zipfile.ZipFile(source) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    payload = json.loads(files["rows.json"])
    if entries:
        as_entries(payload)
    if change is not None:
        change(payload)
    files["rows.json"] = json.dumps(payload).encode()
    for name, data in (members or {}).items():
        if data is None:
            files.pop(name, None)
        else:
            files[name] = data
    manifest = json.loads(files["manifest.json"])
    if entries:
        manifest["format_version"] = FORMAT_VERSION  # tables as entries: what version 1 holds
    manifest["files"] = {k: v for k, v in manifest["files"].items() if k in files}
    for name, data in files.items():
        if name not in ("manifest.json", "manifest.sig"):
            manifest["files"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    files["manifest.json"] = json.dumps(manifest).encode()
    if secret is not None:
        files["manifest.sig"] = sign(secret, files["manifest.json"])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return target


def as_entries(payload: dict[str, Any]) -> None:
    """A master package's rows.json (format version 2: each table in its columns form) made version 1 in place:
    each table's list of ``{"id", "values"}`` entries, as a package written before the columns form was."""
    for table, value in payload["rows"].items():
        if isinstance(value, dict) and set(value) == {"columns", "values"}:
            columns = value["columns"]
            entries = [dict(zip(columns, array, strict=True)) for array in value["values"]]
            payload["rows"][table] = [{"id": values["id"], "values": values} for values in entries]


def encoded(db: Database, table: str, row_id: str) -> dict[str, Any]:
    """A row as a package carries it (the codec's JSON values)."""
    from kinerja_desktop.interchange.package import codec

    t = schema().tables[table]
    with db.read() as s:
        row = s.connection().execute(select(t).where(t.c.id == row_id)).first()
    return codec(table).encode(row)
