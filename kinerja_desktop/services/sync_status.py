"""Where this installation stands in the exchange: who it is, what it imported, what waits to be sent."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..db.database import Database
from ..db.sync_models import ROLE_FIELD
from ..db.sync_scope import FIELD_TABLES, content_columns
from ..interchange.rows import _installation, _load_bases, _scoped_rows, _t


@dataclass(frozen=True)
class InstallationInfo:
    """This installation in the exchange: the centre (``pusat``) or a field laptop (``lapangan``) and its scope."""

    id: str
    role: str
    label: str
    regency_id: str | None
    scope: list[str]
    last_seq: int

    @property
    def on_laptop(self) -> bool:
        """A field laptop (it exports field packages of its scope), not the centre."""
        return self.role == ROLE_FIELD


def installation_info(db: Database) -> InstallationInfo | None:
    """Who this database is in the exchange (None until it first exports or imports a package)."""
    with db.read() as session:
        me = _installation(session.connection())
    if me is None:
        return None
    return InstallationInfo(
        me["id"], me["role"], me["label"], me["regency_id"], json.loads(me["scope"]), me["last_seq"]
    )


@dataclass(frozen=True)
class ImportLogEntry:
    imported_at: datetime
    kind: str
    source_label: str
    seq: int
    file_name: str
    added: int
    changed: int
    deleted: int
    conflicts: int
    refused: int


def import_log(db: Database, limit: int = 200) -> list[ImportLogEntry]:
    """The packages imported here, newest first (for the GUI's list)."""
    t = _t("sync_import")
    with db.read() as session:
        rows = session.connection().execute(select(t).order_by(t.c.imported_at.desc()).limit(limit)).all()
    return [
        ImportLogEntry(
            r.imported_at,
            r.kind,
            r.source_label,
            r.seq,
            r.file_name,
            r.added,
            r.changed,
            r.deleted,
            r.conflicts,
            r.refused,
        )
        for r in rows
    ]


def pending_changes(db: Database) -> int:
    """Laptop: how many rows differ from the values last received from the centre (to be sent)."""
    with db.read() as session:
        conn = session.connection()
        me = _installation(conn)
        if me is None or me["role"] != ROLE_FIELD:
            return 0
        rows = _scoped_rows(conn, set(json.loads(me["scope"])), regional=False)
        bases = _load_bases(conn)
    count = 0
    for table in FIELD_TABLES:
        content = content_columns(_t(table))
        for row_id, values in rows.get(table, {}).items():
            entry = bases.get((table, row_id))
            if entry is None or entry["base"] is None or any(values[c] != entry["base"].get(c) for c in content):
                count += 1
    return count
