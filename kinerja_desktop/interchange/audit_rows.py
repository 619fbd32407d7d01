"""Who made each change on the laptop, carried in its field package (issue 17 §3).

A field package's ``rows.json`` holds, beside its rows, ``"audit": {"log": [...], "changes": [...]}``: the laptop's
own audit entries and field-level rows (who, when, what, before/after) for its OPDs and regency-wide ones, made
there (not received in a package). The centre stores each once (by id, so a package sent again or a later package
repeating them adds nothing), with the laptop user's name and the origin ``paket <laptop> #<nomor>``; the import
itself is audited under the centre's user by the merge. An older centre ignores the key.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select

from ..db.sync_scope import metadata_tables
from .errors import MalformedContentError
from .manifest import is_uuid

KEY = "audit"
LOG_FIELDS = ("id", "at", "user", "action", "entity", "entity_id", "summary", "detail", "change_set", "seq", "opd_id")
CHANGE_FIELDS = ("id", "change_set", "seq", "at", "user", "table_name", "row_id", "operation", "opd_id", "changes")
TEXT_LIMITS = {"user": 120, "action": 60, "entity": 60, "entity_id": 36, "change_set": 36, "opd_id": 36,
               "table_name": 60, "row_id": 36, "operation": 10, "summary": 100_000, "detail": 1_000_000,
               "changes": 1_000_000}
MAX_ROWS = 500_000
CHUNK = 500


def _local(table: Any) -> Any:
    """Made on this database: not received from a package."""
    return ~table.c.origin.like("paket%")


def collect(conn: Connection, scope: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The laptop's own audit entries and field rows for the OPDs of ``scope`` (and regency-wide ones)."""
    tables = metadata_tables()
    opds = sorted(scope)
    found: dict[str, list[dict[str, Any]]] = {}
    for key, name, fields in (("log", "audit_log", LOG_FIELDS), ("changes", "audit_change", CHANGE_FIELDS)):
        t = tables[name]
        query = select(*(t.c[f] for f in fields)).where(_local(t), or_(t.c.opd_id.is_(None), t.c.opd_id.in_(opds)))
        found[key] = [
            {f: (v.isoformat() if isinstance(v, datetime) else v) for f, v in row._mapping.items()}
            for row in conn.execute(query.order_by(t.c.at, t.c.id))
        ]
    return found


def parse(name: str, value: Any) -> dict[str, list[dict[str, Any]]]:
    """The package's audit rows, checked (a hostile package cannot put anything else into the trail)."""
    if value is None:
        return {"log": [], "changes": []}
    if not isinstance(value, dict) or set(value) - {"log", "changes"}:
        raise MalformedContentError(name, "jejak audit paket tidak sah")
    parsed: dict[str, list[dict[str, Any]]] = {}
    for key, fields in (("log", LOG_FIELDS), ("changes", CHANGE_FIELDS)):
        entries = value.get(key, [])
        if not isinstance(entries, list) or len(entries) > MAX_ROWS:
            raise MalformedContentError(name, "jejak audit paket tidak sah")
        parsed[key] = [_entry(name, entry, fields) for entry in entries]
    return parsed


def _entry(name: str, entry: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(entry, dict) or set(entry) != set(fields) or not is_uuid(entry["id"]):
        raise MalformedContentError(name, "baris jejak audit paket tidak sah")
    row: dict[str, Any] = {}
    for field in fields:
        v = entry[field]
        if field == "at":
            try:
                row[field] = datetime.fromisoformat(v) if isinstance(v, str) else None
            except ValueError:
                row[field] = None
            if row[field] is None:
                raise MalformedContentError(name, "waktu pada jejak audit paket tidak sah")
        elif field == "seq":
            if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v < 2**31:
                raise MalformedContentError(name, "urutan pada jejak audit paket tidak sah")
            row[field] = v
        elif v is None and field == "opd_id":
            row[field] = None
        elif not isinstance(v, str) or len(v) > TEXT_LIMITS.get(field, 36):
            raise MalformedContentError(name, f"kolom {field} pada jejak audit paket tidak sah")
        else:
            row[field] = v
    return row


def store(conn: Connection, audit: dict[str, list[dict[str, Any]]], origin: str) -> int:
    """Add the package's audit rows the database does not hold yet, under ``origin``; returns how many."""
    tables = metadata_tables()
    added = 0
    for key, name in (("log", "audit_log"), ("changes", "audit_change")):
        rows = audit.get(key, [])
        t = tables[name]
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            held = set(conn.execute(select(t.c.id).where(t.c.id.in_([r["id"] for r in chunk]))).scalars())
            new = [{**r, "origin": origin[:120]} for r in chunk if r["id"] not in held]
            if new:
                conn.execute(insert(t), new)
                added += len(new)
    return added
