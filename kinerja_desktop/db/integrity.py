"""What ``info`` and the Cadangan screen's check ask of a database beyond SQLite's own ``integrity_check``.

On a server (PostgreSQL) the storage is the server's business, so the check looks at what the app relies on:
every foreign key really holds (a session in replica mode or a constraint added ``NOT VALID`` can leave orphans),
every constraint is validated, the triggers that keep signed PKs and closed quarters unchanged are there and
enabled, no maintenance bypass was left committed, and every evidence row has its content, unchanged. The
trigger, bypass and evidence checks run on SQLite too.
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, func, select, text

from . import triggers
from .base import schema
from .models import Evidence
from .server_models import EvidenceBlob, LockBypass


def problems(conn: Connection) -> list[str]:
    """Indonesian lines, one per problem; empty when the database is sound."""
    found: list[str] = []
    if conn.dialect.name == "postgresql":
        found += _orphans(conn)
        found += _unvalidated(conn)
        found += _evidence(conn)
    missing = triggers.missing(conn)
    if missing:
        found.append(
            f"Pengunci basis data hilang atau dimatikan ({', '.join(missing[:4])}): PK bertanda tangan dan triwulan "
            "yang ditutup tidak terlindung dari perubahan langsung"
        )
    left = conn.execute(select(func.count()).select_from(LockBypass)).scalar_one()
    if left:
        found.append(f"{left} izin pemeliharaan (lock_bypass) tertinggal: pengunci basis data tidak berlaku")
    return found


def _orphans(conn: Connection) -> list[str]:
    found = []
    for table in schema().sorted_tables:
        for fk in table.foreign_keys:
            referred = fk.column.table.alias("referred")  # a table referring to itself (goal.parent_id)
            child, parent = fk.parent, referred.c[fk.column.name]
            orphans = conn.execute(
                select(func.count())
                .select_from(table.outerjoin(referred, child == parent))
                .where(and_(child.is_not(None), parent.is_(None)))
            ).scalar_one()
            if orphans:
                found.append(f"Kunci asing rusak di tabel {table.name}: {orphans} baris → {fk.column.table.name}")
    return found


def _unvalidated(conn: Connection) -> list[str]:
    rows = conn.execute(
        text(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE NOT convalidated AND connamespace = 'public'::regnamespace"
        )
    ).all()
    return [f"Batasan {name} di tabel {table} belum divalidasi" for table, name in rows]


def _evidence(conn: Connection) -> list[str]:
    found = []
    missing = conn.execute(
        select(func.count())
        .select_from(Evidence.__table__.outerjoin(EvidenceBlob.__table__, Evidence.sha256 == EvidenceBlob.sha256))
        .where(EvidenceBlob.sha256.is_(None))
    ).scalar_one()
    if missing:
        found.append(f"{missing} berkas bukti tidak ada isinya di server")
    damaged = conn.execute(
        text("SELECT count(*) FROM evidence_blob WHERE encode(sha256(content), 'hex') <> sha256")
    ).scalar_one()
    if damaged:
        found.append(f"{damaged} berkas bukti di server isinya tidak cocok dengan sidiknya")
    return found
