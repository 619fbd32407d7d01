"""The invariants the database itself enforces, on SQLite and PostgreSQL alike, whoever sends the SQL.

* A signed Perjanjian Kinerja (or one replaced by its PK Perubahan) cannot change or be deleted, nor can its
  lampiran rows (items, programs) be added, changed or deleted. The one change allowed is a signed PK becoming
  replaced (status, ``updated_at`` and ``version`` only) when its PK Perubahan is signed.
* A closed quarter's realisations (indicators and budget) cannot be added, changed or deleted.

The ORM guard (``guards.py``) and the services say the same thing first, in words; these triggers make it hold for
a script, the ``sqlite3``/``psql`` prompt, or a race between two computers. A refusal carries a code
(``KINERJA_…``) that :func:`refusal` turns back into the domain's error.

Maintenance that must write such rows as they are (a restore, moving a database onto a server, a laptop taking the
centre's signed PKs from a master package) does it inside :func:`bypass`: a row in ``lock_bypass`` that exists only
inside that transaction (other connections never see it; it is deleted before commit). On a server, whether a role
may insert into ``lock_bypass`` is a privilege like any other (issue 17 grants it to no operator).

Installed by revision ``0007_server``; :func:`install` is idempotent and reads the columns of the table it
guards, so a later revision that adds a column to ``performance_agreement`` calls it again (a test checks that
the installed triggers know every column).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, inspect, text

from .errors import AgreementLockedError, KinerjaDbError, QuarterClosedError
from .types import new_id, utcnow

LOCKED_STATUSES = ("ditandatangani", "diganti")  # AgreementStatus.SIGNED, SUPERSEDED
SIGNED, SUPERSEDED = LOCKED_STATUSES
AGREEMENT_LOCKED = "KINERJA_AGREEMENT_LOCKED"
QUARTER_CLOSED = "KINERJA_QUARTER_CLOSED"
AGREEMENT_MESSAGE = f"{AGREEMENT_LOCKED}: Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah"
QUARTER_MESSAGE = f"{QUARTER_CLOSED}: realisasi triwulan yang sudah ditutup tidak dapat diubah"
# What a signed PK may change when it is replaced: its status and the bookkeeping.
REPLACING_COLUMNS = ("status", "updated_at", "version")
AGREEMENT_CHILDREN = ("agreement_item", "agreement_program")
REALIZATIONS = ("indicator_realization", "budget_realization")
BYPASS_TABLE = "lock_bypass"

SQLITE_TRIGGERS = (
    "kinerja_agreement_update",
    "kinerja_agreement_delete",
    *(
        f"kinerja_{table}_{op}"
        for table in (*AGREEMENT_CHILDREN, *REALIZATIONS)
        for op in ("insert", "update", "delete")
    ),
)
POSTGRES_TRIGGERS = (
    ("kinerja_agreement_locked", "performance_agreement"),
    *((f"kinerja_{table}_locked", table) for table in AGREEMENT_CHILDREN),
    *((f"kinerja_{table}_closed", table) for table in REALIZATIONS),
)
POSTGRES_FUNCTIONS = ("kinerja_agreement_guard", "kinerja_agreement_child_guard", "kinerja_closed_quarter_guard")


def refusal(exc: BaseException) -> KinerjaDbError | None:
    """The domain's error for a trigger's refusal inside ``exc`` (any driver), or None."""
    message = str(getattr(exc, "orig", None) or exc)
    if AGREEMENT_LOCKED in message:
        return AgreementLockedError()
    if QUARTER_CLOSED in message:
        return QuarterClosedError()
    return None


@contextmanager
def bypass(conn: Connection, reason: str) -> Iterator[None]:
    """Let this transaction write signed or closed rows as they are (restore, server import, a master package)."""
    row_id = new_id()
    conn.execute(
        text(f"INSERT INTO {BYPASS_TABLE} (id, reason, created_at) VALUES (:id, :reason, :at)"),
        {"id": row_id, "reason": reason[:120], "at": utcnow()},
    )
    yield
    conn.execute(text(f"DELETE FROM {BYPASS_TABLE} WHERE id = :id"), {"id": row_id})


def install(conn: Connection) -> None:
    """Create (or re-create) every trigger for the connection's dialect."""
    drop(conn)
    statements = _postgres() if conn.dialect.name == "postgresql" else _sqlite(_columns(conn, "performance_agreement"))
    for statement in statements:
        conn.exec_driver_sql(statement)


def drop(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        for name, table in POSTGRES_TRIGGERS:
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
        for function in POSTGRES_FUNCTIONS:
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}()")
    else:
        for name in SQLITE_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def installed(conn: Connection) -> list[str]:
    """The names of our triggers present (and, on PostgreSQL, enabled) in the database."""
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text(
                "SELECT tgname FROM pg_trigger "
                "WHERE tgname LIKE 'kinerja_%' AND NOT tgisinternal AND tgenabled <> 'D'"
            )
        )
    else:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kinerja_%'"))
    return sorted(r[0] for r in rows)


def expected() -> list[str]:
    return sorted(SQLITE_TRIGGERS)


def missing(conn: Connection) -> list[str]:
    """Triggers that should be there and are not (dropped or disabled by hand)."""
    wanted = [name for name, _table in POSTGRES_TRIGGERS] if conn.dialect.name == "postgresql" else expected()
    present = set(installed(conn))
    return [name for name in wanted if name not in present]


def _columns(conn: Connection, table: str) -> list[str]:
    return [column["name"] for column in inspect(conn).get_columns(table)]


def _locked(alias: str) -> str:
    statuses = ", ".join(f"'{s}'" for s in LOCKED_STATUSES)
    return f"{alias}.status IN ({statuses})"


def _no_bypass() -> str:
    return f"NOT EXISTS (SELECT 1 FROM {BYPASS_TABLE})"


def _sqlite(agreement_columns: list[str]) -> list[str]:
    same = " AND ".join(f'NEW."{c}" IS OLD."{c}"' for c in agreement_columns if c not in REPLACING_COLUMNS)
    replacing = f"(OLD.status = '{SIGNED}' AND NEW.status = '{SUPERSEDED}' AND {same})"
    raise_agreement = f"BEGIN SELECT RAISE(ABORT, '{AGREEMENT_MESSAGE}'); END"
    raise_quarter = f"BEGIN SELECT RAISE(ABORT, '{QUARTER_MESSAGE}'); END"
    statements = [
        f"CREATE TRIGGER kinerja_agreement_update BEFORE UPDATE ON performance_agreement "
        f"WHEN {_locked('OLD')} AND NOT {replacing} AND {_no_bypass()} {raise_agreement}",
        f"CREATE TRIGGER kinerja_agreement_delete BEFORE DELETE ON performance_agreement "
        f"WHEN {_locked('OLD')} AND {_no_bypass()} {raise_agreement}",
    ]

    def parent_locked(row: str) -> str:
        return f"EXISTS (SELECT 1 FROM performance_agreement p WHERE p.id = {row}.agreement_id AND {_locked('p')})"

    def closed(row: str) -> str:
        return f"EXISTS (SELECT 1 FROM quarter_closure c WHERE c.year = {row}.year AND c.quarter = {row}.quarter)"

    for tables, condition, raised in ((AGREEMENT_CHILDREN, parent_locked, raise_agreement),
                                      (REALIZATIONS, closed, raise_quarter)):
        for table in tables:
            statements += [
                f"CREATE TRIGGER kinerja_{table}_insert BEFORE INSERT ON {table} "
                f"WHEN {condition('NEW')} AND {_no_bypass()} {raised}",
                f"CREATE TRIGGER kinerja_{table}_update BEFORE UPDATE ON {table} "
                f"WHEN ({condition('OLD')} OR {condition('NEW')}) AND {_no_bypass()} {raised}",
                f"CREATE TRIGGER kinerja_{table}_delete BEFORE DELETE ON {table} "
                f"WHEN {condition('OLD')} AND {_no_bypass()} {raised}",
            ]
    return statements


def _postgres() -> list[str]:
    ignored = " ".join(f"- '{c}'" for c in REPLACING_COLUMNS)
    done = "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;"
    bypassed = f"IF EXISTS (SELECT 1 FROM {BYPASS_TABLE}) THEN {done} END IF;"
    agreement = f"RAISE EXCEPTION '{AGREEMENT_MESSAGE}' USING ERRCODE = 'P0001';"
    quarter = f"RAISE EXCEPTION '{QUARTER_MESSAGE}' USING ERRCODE = 'P0001';"
    statements = [
        f"""CREATE FUNCTION kinerja_agreement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {bypassed}
    IF {_locked('OLD')} THEN
        IF TG_OP = 'UPDATE' THEN
            IF OLD.status = '{SIGNED}' AND NEW.status = '{SUPERSEDED}'
               AND (to_jsonb(NEW) {ignored}) = (to_jsonb(OLD) {ignored}) THEN
                RETURN NEW;
            END IF;
        END IF;
        {agreement}
    END IF;
    {done}
END $$""",
        f"""CREATE FUNCTION kinerja_agreement_child_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {bypassed}
    IF TG_OP <> 'INSERT' THEN
        IF EXISTS (SELECT 1 FROM performance_agreement p WHERE p.id = OLD.agreement_id AND {_locked('p')}) THEN
            {agreement}
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM performance_agreement p WHERE p.id = NEW.agreement_id AND {_locked('p')}) THEN
            {agreement}
        END IF;
    END IF;
    {done}
END $$""",
        f"""CREATE FUNCTION kinerja_closed_quarter_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {bypassed}
    IF TG_OP <> 'INSERT' THEN
        IF EXISTS (SELECT 1 FROM quarter_closure c WHERE c.year = OLD.year AND c.quarter = OLD.quarter) THEN
            {quarter}
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF EXISTS (SELECT 1 FROM quarter_closure c WHERE c.year = NEW.year AND c.quarter = NEW.quarter) THEN
            {quarter}
        END IF;
    END IF;
    {done}
END $$""",
        "CREATE TRIGGER kinerja_agreement_locked BEFORE UPDATE OR DELETE ON performance_agreement "
        "FOR EACH ROW EXECUTE FUNCTION kinerja_agreement_guard()",
    ]
    for table in AGREEMENT_CHILDREN:
        statements.append(
            f"CREATE TRIGGER kinerja_{table}_locked BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION kinerja_agreement_child_guard()"
        )
    for table in REALIZATIONS:
        statements.append(
            f"CREATE TRIGGER kinerja_{table}_closed BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION kinerja_closed_quarter_guard()"
        )
    return statements
