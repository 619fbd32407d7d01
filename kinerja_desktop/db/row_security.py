"""Row-level security on a PostgreSQL server: each user a database role, an operator's writes held to its OPDs.

Every app user added on a server gets a login role ``kinerja_<tag>_u_<name>`` (:func:`user_role`), member of its
role's group (``kinerja_<tag>_admin``, ``kinerja_<tag>_operator``, …). Roles are the cluster's, grants and policies
a database's: the tag (:func:`tag_of`, the first 8 hex digits of the md5 of the database's name) keeps two Kinerja
databases on one server (production and a training copy, say) apart, each with its own groups and user roles. A
copy under another name (a restore, ``CREATE DATABASE … TEMPLATE``) is adopted at its first sign-in or change of a
user (:func:`ready`): :func:`install` gives it its own groups and takes every right away from the other
databases' groups and from the shared ones of revision 0012 and before (``kinerja_admin`` …, left in place:
another database may still use them). The groups' rights are granted here; on the tables whose rows
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
import re

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from .sync_scope import PARENT

ROLES = ("admin", "verifikator", "operator", "pimpinan", "evaluator")
# Revision 0012 and before: one set of groups for the whole server (the bug the tag fixes).
LEGACY_GROUPS = tuple(f"kinerja_{role}" for role in ROLES)
TAG_LENGTH = 8
TAG_SQL = f"left(md5(current_database()), {TAG_LENGTH})"
ROLE_LIMIT = 63  # bytes: PostgreSQL cuts longer names (NAMEDATALEN - 1), so two long user names could meet
# Some database's group: the shared ones of old, or another database's (a copy's original).
_ANY_GROUP = re.compile(rf"kinerja_([0-9a-f]{{{TAG_LENGTH}}}_)?({'|'.join(ROLES)})")
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


def tag_of(database: str) -> str:
    """The tag of the database named ``database`` in its role names (:func:`database_tag` computes it in SQL)."""
    return hashlib.md5(database.encode("utf-8"), usedforsecurity=False).hexdigest()[:TAG_LENGTH]


def url_tag(url: str) -> str:
    """The tag of the database a server URL names."""
    return tag_of(make_url(url).database or "")


def database_tag(conn: Connection) -> str:
    """The tag of the database ``conn`` is connected to, as the server computes it (``current_database()``)."""
    return str(conn.execute(text(f"SELECT {TAG_SQL}")).scalar())


def groups(tag: str) -> dict[str, str]:
    """The groups of the database tagged ``tag``, by app role."""
    return {role: f"kinerja_{tag}_{role}" for role in ROLES}


def user_role(tag: str, name: str) -> str:
    """The database role of the app user ``name`` in the database tagged ``tag``: ``kinerja_<tag>_u_<name>``,
    or, when that is longer than PostgreSQL keeps (app names run to 60 characters), ``kinerja_<tag>_h_`` and the
    md5 of the name (:data:`USER_ROLE_SQL` is the same rule in SQL). The name keeps its case: app names are told
    apart by case ("Dinkes" is not "dinkes"), and PostgreSQL's ``lower()`` of a non-ASCII letter depends on the
    server's locale where Python's does not."""
    role = f"kinerja_{tag}_u_{name}"
    if len(role.encode("utf-8")) <= ROLE_LIMIT:
        return role
    return f"kinerja_{tag}_h_{hashlib.md5(name.encode('utf-8'), usedforsecurity=False).hexdigest()}"


# user_role in SQL, of the app user name ``u.name`` in the current database
_PLAIN_SQL = f"'kinerja_' || {TAG_SQL} || '_u_' || u.name"
USER_ROLE_SQL = (
    f"CASE WHEN octet_length({_PLAIN_SQL}) <= {ROLE_LIMIT} THEN {_PLAIN_SQL} "
    f"ELSE 'kinerja_' || {TAG_SQL} || '_h_' || md5(u.name) END"
)


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
    """This database's groups, grants and policies (PostgreSQL; idempotent), every right of another database's
    groups or of the old shared ones taken away, and a role for each app user who has none (NOLOGIN until its
    password is set: :func:`save_login`, or the user's first sign-in). False when the migrating role may not
    create roles: then nothing is installed and the server works as before, one login for all."""
    if conn.dialect.name != "postgresql" or not can_manage_roles(conn):
        return False
    tag = database_tag(conn)
    group = groups(tag)
    for name in group.values():
        conn.exec_driver_sql(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {quote(name)} NOLOGIN; END IF; END $$"
        )
    conn.exec_driver_sql(
        "CREATE OR REPLACE FUNCTION kinerja_my_opds() RETURNS SETOF varchar LANGUAGE sql STABLE SECURITY DEFINER "
        "SET search_path = public AS $$ SELECT uo.opd_id FROM app_user_opd uo JOIN app_user u ON u.id = uo.user_id "
        f"WHERE {USER_ROLE_SQL} = session_user AND u.active $$"
    )
    every = ", ".join(quote(g) for g in group.values())
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {every}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {every}")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION kinerja_my_opds() TO {every}")
    conn.exec_driver_sql("REVOKE INSERT ON lock_bypass FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quote(group['admin'])}")
    conn.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE ON lock_bypass FROM {quote(group['admin'])}")
    scoped = [t for t in SCOPED if _exists(conn, t)]  # revision 0010 runs before 0011's tables exist
    present = lambda tables: ", ".join(quote(t) for t in tables if _exists(conn, t))  # noqa: E731
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {present((*scoped, *OPERATOR_ALSO))} "
                         f"TO {quote(group['operator'])}")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {present(EVALUATOR_TABLES)} TO {quote(group['evaluator'])}")
    if present(VERIFIER_TABLES):
        conn.exec_driver_sql(f"GRANT INSERT, UPDATE ON {present(VERIFIER_TABLES)} TO {quote(group['verifikator'])}")
        # deciding locks the PK it decides on (SELECT … FOR UPDATE needs an UPDATE right on some column)
        conn.exec_driver_sql(f"GRANT UPDATE (version) ON performance_agreement TO {quote(group['verifikator'])}")
    audit = present(AUDIT_TABLES)
    if audit:
        conn.exec_driver_sql(f"REVOKE UPDATE, DELETE, TRUNCATE ON {audit} FROM {every}")
        writers = ", ".join(quote(group[g]) for g in ("admin", "verifikator", "operator", "evaluator"))
        conn.exec_driver_sql(f"GRANT INSERT ON {audit} TO {writers}")
    for table in scoped:
        name = quote(table)
        mine = f"{_opd_expression(table, name)} IN (SELECT kinerja_my_opds())"
        drop_policies(conn, table)
        conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        readers = (  # an OPD's verification rows: Bappeda's business and the OPD's own, not the other OPDs'
            " TO " + ", ".join(quote(group[g]) for g in ROLES if g != "operator") if table in OPD_PRIVATE else ""
        )
        conn.exec_driver_sql(f"CREATE POLICY kinerja_read ON {name} FOR SELECT{readers} USING (true)")
        conn.exec_driver_sql(
            f"CREATE POLICY kinerja_bappeda ON {name} FOR ALL TO {quote(group['admin'])}, "
            f"{quote(group['verifikator'])} USING (true) WITH CHECK (true)"
        )
        conn.exec_driver_sql(
            f"CREATE POLICY kinerja_own_opds ON {name} FOR ALL TO {quote(group['operator'])} "
            f"USING ({mine}) WITH CHECK ({mine})"
        )
    for other in foreign_groups(conn):
        for objects in ("ALL TABLES IN SCHEMA public", "ALL SEQUENCES IN SCHEMA public",
                        "ALL FUNCTIONS IN SCHEMA public", "SCHEMA public"):
            conn.exec_driver_sql(f"REVOKE ALL ON {objects} FROM {quote(other)}")
    if _exists(conn, "app_user"):
        for user, role in conn.execute(text("SELECT name, role FROM app_user")).all():
            _keep_role(conn, tag, user, role)
    return True


# Every role granted something on this database's schema, tables, sequences, columns or functions.
_GRANTEES = """
SELECT DISTINCT r.rolname FROM (
    SELECT (aclexplode(c.relacl)).grantee FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relacl IS NOT NULL
    UNION SELECT (aclexplode(a.attacl)).grantee FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND a.attacl IS NOT NULL
    UNION SELECT (aclexplode(p.proacl)).grantee FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proacl IS NOT NULL
    UNION SELECT (aclexplode(nspacl)).grantee FROM pg_namespace WHERE nspname = 'public' AND nspacl IS NOT NULL
) g JOIN pg_roles r ON r.oid = g.grantee ORDER BY 1
"""


def grantees(conn: Connection) -> list[str]:
    """The roles holding a privilege on something of this database's ``public`` schema (or on the schema)."""
    return list(conn.execute(text(_GRANTEES)).scalars())


def foreign_groups(conn: Connection) -> list[str]:
    """The Kinerja groups holding a right in this database that are not its own: the shared ones of revision
    0012 and before, another database's (this one a copy of it)."""
    own = set(groups(database_tag(conn)).values())
    return [r for r in grantees(conn) if _ANY_GROUP.fullmatch(r) and r not in own]


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
    """Whether row-level security is installed in this database (for its own groups or, a copy not yet adopted,
    another database's)."""
    return bool(conn.execute(text("SELECT count(*) FROM pg_policies WHERE policyname = 'kinerja_own_opds'")).scalar())


def installed_here(conn: Connection) -> bool:
    """Whether the policies are this database's own groups' (not a copy's original's, not the old shared ones)."""
    found = conn.execute(
        text("SELECT count(*) FROM pg_policies WHERE policyname = 'kinerja_own_opds' AND :g = ANY(roles)"),
        {"g": groups(database_tag(conn))["operator"]},
    )
    return bool(found.scalar())


def ready(conn: Connection) -> bool:
    """Whether this database's users are roles of its own: installed here, or a copy adopted now (:func:`install`,
    when the connection may manage roles)."""
    if conn.dialect.name != "postgresql" or not installed(conn):
        return False
    return installed_here(conn) or install(conn)


def has_login(conn: Connection, name: str) -> bool:
    """Whether the app user ``name`` has its database role here and may log in with it."""
    role = user_role(database_tag(conn), name)
    return bool(conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar())


def _keep_role(conn: Connection, tag: str, name: str, role: str) -> str:
    """The role of the app user ``name`` made (NOLOGIN) when missing, member of its app role's group only."""
    login = user_role(tag, name)
    if not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).scalar():
        conn.exec_driver_sql(f"CREATE ROLE {quote(login)} NOLOGIN")
    group = groups(tag)
    for other in group.values():
        if other != group[role]:
            conn.exec_driver_sql(f"REVOKE {quote(other)} FROM {quote(login)}")
    conn.exec_driver_sql(f"GRANT {quote(group[role])} TO {quote(login)}")
    return login


def save_login(conn: Connection, name: str, role: str, password: str | None, *, active: bool = True) -> None:
    """Create or update the database role of the app user ``name`` in this database: its group, its password
    (as a verifier), LOGIN or NOLOGIN. Nothing when row-level security is not installed on this server."""
    if not ready(conn):
        return
    login = quote(_keep_role(conn, database_tag(conn), name, role))
    conn.exec_driver_sql(f"ALTER ROLE {login} {'LOGIN' if active else 'NOLOGIN'}")
    if password is not None:
        verifier = scram_verifier(password).replace("'", "''")
        conn.exec_driver_sql(f"ALTER ROLE {login} PASSWORD '{verifier}'")
