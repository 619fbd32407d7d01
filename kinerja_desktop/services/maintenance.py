"""Database housekeeping for support staff: what the file holds and whether it is sound."""

from __future__ import annotations

from sqlalchemy import func, select, text

from ..db.base import schema
from ..db.database import Database
from ..db.models import Opd, PerformanceAgreement, Regency


def integrity_problems(database: Database) -> list[str]:
    """SQLite's ``integrity_check`` and ``foreign_key_check``, what ``db/integrity.py`` checks on every database
    (on a server: foreign keys, constraints, evidence contents; the triggers that lock signed PKs), then every final
    or signed PK and every Pakta Integritas against the fingerprint frozen when it was signed; empty means sound."""
    from ..db import integrity

    problems: list[str] = []
    with database.read() as session:
        conn = session.connection()
        if database.engine.dialect.name == "sqlite":
            rows = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
            problems = [] if rows == ["ok"] else rows
            for row in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"Kunci asing rusak di tabel {row[0]} (baris {row[1]}) → {row[2]}")
        if problems:  # a damaged file is not read further
            return problems
        problems += integrity.problems(conn)
    from .documents_frozen import integrity_findings

    with database.read() as session:
        problems += [str(finding) for finding in integrity_findings(session)]
    return problems


def row_counts(database: Database) -> dict[str, int]:
    with database.read() as session:
        return {
            name: session.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in sorted(schema().tables.items())
        }


def database_report(database: Database) -> list[tuple[str, str]]:
    """Label/value lines describing the open database, in Indonesian."""
    from ..db.migrate import current_revision

    with database.read() as session:
        regency = session.execute(select(Regency)).scalars().first()
        opds = session.execute(select(func.count()).select_from(Opd)).scalar_one()
        agreements = session.execute(select(func.count()).select_from(PerformanceAgreement)).scalar_one()
    problems = integrity_problems(database)
    lines = [
        ("Basis data", database.display_name if database.path is None else str(database.path)),
        ("Revisi skema", current_revision(database.engine) or "-"),
        ("Pemerintah daerah", regency.full_name + (" (data contoh)" if regency.is_sample else "") if regency else "-"),
        ("Perangkat daerah", str(opds)),
        ("Perjanjian kinerja", str(agreements)),
        ("Integritas", "baik" if not problems else "; ".join(problems[:5])),
    ]
    if database.read_only is not None:
        lines.append(("Akses", f"hanya dapat dibaca ({database.read_only}); perubahan tidak dapat disimpan"))
    return lines
