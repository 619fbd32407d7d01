"""FROZEN COPY of ``kinerja_desktop/db/row_security.py`` as revision 0012_audit ran it (main c180bb8), for
tests/db/test_role_names.py to make a database at 0012 with the old shared role names. Never edit.

Row-level security on a PostgreSQL server: each user a database role, an operator's writes held to its OPDs.

Every app user added on a server gets a login role ``kinerja_u_<name>`` (:func:`user_role`), member of its role's
group (``kinerja_admin``, ``kinerja_operator``, …). The groups' rights are granted here; on the tables whose rows
belong to an OPD (``sync_scope``: ``opd`` and its children) row-level security lets an operator's role insert,
change and delete only rows of the OPDs ``app_user_opd`` gives it, so a direct connection with an operator's
credentials cannot go around the app. Everyone reads every row (rankings compare all OPDs), but for the
verification rows (:data:`OPD_PRIVATE`): an operator reads its own OPDs' only. The audit trail may be appended
to by every group and changed by none. The tables' owner (the role that migrates) is not held by the policies.

Signing in on a server (``services/users.py``) connects as the user's own role, so the policies hold for the app
as well; the login the database was opened with (IT's) stays for administration (roles, a restore).

Passwords reach the server only as SCRAM-SHA-256 verifiers computed here (:func:`scram_verifier`), never in clear.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from sqlalchemy import Connection, text

from kinerja_desktop.db.sync_scope import PARENT

GROUPS = {
    "admin": "kinerja_admin",
    "verifikator": "kinerja_verifikator",
    "operator": "kinerja_operator",
    "pimpinan": "kinerja_pimpinan",
    "evaluator": "kinerja_evaluator",
}
SCOPED = ("opd", *PARENT)
# The audit trail: every group that writes may append to it, none may change or delete a row of it (the triggers
# of db/audit_triggers.py refuse that to the tables' owner too, TRUNCATE included).
AUDIT_TABLES = ("audit_log", "audit_change")
# What an operator's work writes beside its OPDs' rows (db/scope_guard.py's ALWAYS_ALLOWED).
OPERATOR_ALSO = (
    "evidence_blob",
    "document_asset",
    "official",
    "sync_installation",
    "sync_key",
    "sync_peer",
    "sync_base",
    "sync_received",
    "sync_tombstone",
    "sync_import",
)
EVALUATOR_TABLES = ("lke_evaluation", "lke_answer")
# Bappeda's verifier decides on the OPDs' submissions: the verification rows (OPD-scoped, so row-level security
# applies; the policy lets Bappeda's groups write every OPD's) and the realisations it marks verified.
VERIFIER_TABLES = ("verification", "verification_event", "indicator_realization")
# OPD-scoped tables an operator reads only for its own OPDs (everyone else reads every row).
OPD_PRIVATE = ("verification", "verification_event")
POLICY_PREFIX = "kinerja_"
SCRAM_ITERATIONS = 4096


def user_role(name: str) -> str:
    """The database role of the app user ``name``."""
    return f"kinerja_u_{name.lower()}"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """PostgreSQL's SCRAM-SHA-256 verifier of ``password`` (RFC 5802/7677), what ``ALTER ROLE … PASSWORD`` stores."""
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _opd_expression(table: str, ref: str, depth: int = 0) -> str:
    """SQL giving the OPD of the row ``ref`` of ``table`` (following sync_scope's parents)."""
    if table == "opd":
        return f"{ref}.id"
    column, parent = PARENT[table]
    if parent == "opd":
        return f"{ref}.{column}"
    alias = f"p{depth}"
    inner = _opd_expression(parent, alias, depth + 1)
    return f"(SELECT {inner} FROM {quote(parent)} {alias} WHERE {alias}.id = {ref}.{column})"


def can_manage_roles(conn: Connection) -> bool:
    return bool(
        conn.execute(text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar()
    )


def install(conn: Connection) -> bool:
    """Groups, grants and policies (PostgreSQL; idempotent). False when the migrating role may not create roles:
    then nothing is installed and the server works as before, one login for all."""
    if conn.dialect.name != "postgresql" or not can_manage_roles(conn):
        return False
    for group in GROUPS.values():
        conn.exec_driver_sql(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN "
            f"CREATE ROLE {quote(group)} NOLOGIN; END IF; END $$"
        )
    conn.exec_driver_sql(
        "CREATE OR REPLACE FUNCTION kinerja_my_opds() RETURNS SETOF varchar LANGUAGE sql STABLE SECURITY DEFINER "
        "SET search_path = public AS $$ SELECT uo.opd_id FROM app_user_opd uo JOIN app_user u ON u.id = uo.user_id "
        "WHERE 'kinerja_u_' || lower(u.name) = session_user AND u.active $$"
    )
    every = ", ".join(quote(g) for g in GROUPS.values())
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {every}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {every}")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION kinerja_my_opds() TO {every}")
    conn.exec_driver_sql("REVOKE INSERT ON lock_bypass FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quote(GROUPS['admin'])}")
    conn.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE ON lock_bypass FROM {quote(GROUPS['admin'])}")
    scoped = [t for t in SCOPED if _exists(conn, t)]  # revision 0010 runs before 0011's tables exist
    present = lambda tables: ", ".join(quote(t) for t in tables if _exists(conn, t))  # noqa: E731
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {present((*scoped, *OPERATOR_ALSO))} "
                         f"TO {quote(GROUPS['operator'])}")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {present(EVALUATOR_TABLES)} TO {quote(GROUPS['evaluator'])}")
    if present(VERIFIER_TABLES):
        conn.exec_driver_sql(f"GRANT INSERT, UPDATE ON {present(VERIFIER_TABLES)} TO {quote(GROUPS['verifikator'])}")
        # deciding locks the PK it decides on (SELECT … FOR UPDATE needs an UPDATE right on some column)
        conn.exec_driver_sql(f"GRANT UPDATE (version) ON performance_agreement TO {quote(GROUPS['verifikator'])}")
    audit = present(AUDIT_TABLES)
    if audit:
        conn.exec_driver_sql(f"REVOKE UPDATE, DELETE, TRUNCATE ON {audit} FROM {every}")
        writers = ", ".join(quote(GROUPS[g]) for g in ("admin", "verifikator", "operator", "evaluator"))
        conn.exec_driver_sql(f"GRANT INSERT ON {audit} TO {writers}")
    for table in scoped:
        name = quote(table)
        mine = f"{_opd_expression(table, name)} IN (SELECT kinerja_my_opds())"
        drop_policies(conn, table)
        conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        readers = (  # an OPD's verification rows: Bappeda's business and the OPD's own, not the other OPDs'
            " TO " + ", ".join(quote(GROUPS[g]) for g in GROUPS if g != "operator") if table in OPD_PRIVATE else ""
        )
        conn.exec_driver_sql(f"CREATE POLICY kinerja_read ON {name} FOR SELECT{readers} USING (true)")
        conn.exec_driver_sql(
            f"CREATE POLICY kinerja_bappeda ON {name} FOR ALL TO {quote(GROUPS['admin'])}, "
            f"{quote(GROUPS['verifikator'])} USING (true) WITH CHECK (true)"
        )
        conn.exec_driver_sql(
            f"CREATE POLICY kinerja_own_opds ON {name} FOR ALL TO {quote(GROUPS['operator'])} "
            f"USING ({mine}) WITH CHECK ({mine})"
        )
    return True


def _exists(conn: Connection, table: str) -> bool:
    return conn.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": f"public.{quote(table)}"}).scalar() is True


def drop_policies(conn: Connection, table: str) -> None:
    for policy in ("kinerja_read", "kinerja_bappeda", "kinerja_own_opds"):
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON {quote(table)}")


def uninstall(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for table in SCOPED:
        if not _exists(conn, table):
            continue
        drop_policies(conn, table)
        conn.exec_driver_sql(f"ALTER TABLE {quote(table)} DISABLE ROW LEVEL SECURITY")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS kinerja_my_opds()")


def installed(conn: Connection) -> bool:
    return bool(conn.execute(text("SELECT count(*) FROM pg_policies WHERE policyname = 'kinerja_own_opds'")).scalar())


def has_login(conn: Connection, name: str) -> bool:
    """Whether the app user ``name`` has its database role and may log in with it."""
    found = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": user_role(name)})
    return bool(found.scalar())


def save_login(conn: Connection, name: str, role: str, password: str | None, *, active: bool = True) -> None:
    """Create or update the database role of the app user ``name``: its group, its password (as a verifier),
    LOGIN or NOLOGIN. Nothing when row-level security is not installed on this server."""
    if conn.dialect.name != "postgresql" or not installed(conn):
        return
    login = quote(user_role(name))
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": user_role(name)}).scalar()
    if not exists:
        conn.exec_driver_sql(f"CREATE ROLE {login} NOLOGIN")
    for group in GROUPS.values():
        conn.exec_driver_sql(f"REVOKE {quote(group)} FROM {login}")
    conn.exec_driver_sql(f"GRANT {quote(GROUPS[role])} TO {login}")
    conn.exec_driver_sql(f"ALTER ROLE {login} {'LOGIN' if active else 'NOLOGIN'}")
    if password is not None:
        verifier = scram_verifier(password).replace("'", "''")
        conn.exec_driver_sql(f"ALTER ROLE {login} PASSWORD '{verifier}'")
