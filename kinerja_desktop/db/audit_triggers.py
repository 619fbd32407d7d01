"""The audit trail is append-only in the database itself, on SQLite and PostgreSQL alike: ``audit_log`` and
``audit_change`` refuse every ``UPDATE`` and ``DELETE`` whoever sends the SQL (the ``sqlite3``/``psql`` prompt, a
script, an app with a bug), so direct SQL cannot erase or rewrite who did what.

A restore replaces the whole database, the trail with it: it runs inside :func:`~.triggers.bypass` (SQLite deletes
row by row there; PostgreSQL empties the tables with ``TRUNCATE``, which row triggers do not see). A refusal
carries the code ``KINERJA_AUDIT_APPEND_ONLY`` that :func:`refusal` turns into :class:`AuditTrailProtectedError`.

Installed by revision ``0012_audit``; :func:`install` is idempotent.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from .errors import AuditTrailProtectedError, KinerjaDbError
from .triggers import BYPASS_TABLE

AUDIT_TABLES = ("audit_log", "audit_change")
APPEND_ONLY = "KINERJA_AUDIT_APPEND_ONLY"
MESSAGE = f"{APPEND_ONLY}: jejak audit tidak dapat diubah atau dihapus"
SQLITE_TRIGGERS = tuple(f"kinerja_{table}_{op}" for table in AUDIT_TABLES for op in ("update", "delete"))
POSTGRES_TRIGGERS = tuple((f"kinerja_{table}_append_only", table) for table in AUDIT_TABLES)
# TRUNCATE fires no row trigger: a statement-level one refuses it (a restore empties the tables inside the bypass).
POSTGRES_TRUNCATE_TRIGGERS = tuple((f"kinerja_{table}_no_truncate", table) for table in AUDIT_TABLES)
POSTGRES_FUNCTION = "kinerja_audit_guard"


def refusal(exc: BaseException) -> KinerjaDbError | None:
    message = str(getattr(exc, "orig", None) or exc)
    return AuditTrailProtectedError() if APPEND_ONLY in message else None


def install(conn: Connection) -> None:
    drop(conn)
    for statement in _postgres() if conn.dialect.name == "postgresql" else _sqlite():
        conn.exec_driver_sql(statement)


def drop(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        for name, table in (*POSTGRES_TRIGGERS, *POSTGRES_TRUNCATE_TRIGGERS):
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {POSTGRES_FUNCTION}()")
    else:
        for name in SQLITE_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def missing(conn: Connection) -> list[str]:
    """The audit triggers that should be there and are not (dropped or disabled by hand)."""
    if conn.dialect.name == "postgresql":
        rows = conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"))
        wanted = [name for name, _table in (*POSTGRES_TRIGGERS, *POSTGRES_TRUNCATE_TRIGGERS)]
    else:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        wanted = list(SQLITE_TRIGGERS)
    present = {r[0] for r in rows}
    return [name for name in wanted if name not in present]


def _sqlite() -> list[str]:
    raised = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    return [
        f"CREATE TRIGGER kinerja_{table}_{op} BEFORE {op.upper()} ON {table} "
        f"WHEN NOT EXISTS (SELECT 1 FROM {BYPASS_TABLE}) {raised}"
        for table in AUDIT_TABLES
        for op in ("update", "delete")
    ]


def _postgres() -> list[str]:
    return [
        f"""CREATE FUNCTION {POSTGRES_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM {BYPASS_TABLE}) THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;  -- TRUNCATE (statement level): NEW is NULL, ignored
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'P0001';
END $$""",
        *(
            f"CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {POSTGRES_FUNCTION}()"
            for name, table in POSTGRES_TRIGGERS
        ),
        *(
            f"CREATE TRIGGER {name} BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {POSTGRES_FUNCTION}()"
            for name, table in POSTGRES_TRUNCATE_TRIGGERS
        ),
    ]
