"""Role names per database (revision 0013_role_names): two Kinerja databases on one PostgreSQL server, each with
its own groups and user roles, never change or lend each other's rights; a database at 0012 upgrades to its own
roles, and a user's first sign-in sets the new role's password.

The tests' cluster trusts local connections (``tests/pg_cluster.py``): a password is not checked there, so "cannot
log in" is shown by rights (a role of another database has none here) and by the verifier the server keeps."""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import bindparam, create_engine, text
from sqlalchemy.exc import DBAPIError

import kinerja_desktop.db as db_package
from kinerja_desktop.db import row_security
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.engine import make_engine
from kinerja_desktop.db.errors import ServerPermissionError
from kinerja_desktop.db.migrate import alembic_config
from kinerja_desktop.db.server import Credentials
from kinerja_desktop.services import users, verification

pytestmark = pytest.mark.sign_in
DINKES = "1.02.0.00.0.00.01.0000"
PASSWORD = "contoh123"  # the demo's


def _server_only(backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("roles are the server's (PostgreSQL)")


def _role(db: Database, name: str) -> str:
    return row_security.user_role(row_security.url_tag(db.url), name)


def _groups_of(conn, role: str) -> set[str]:  # noqa: ANN001
    found = conn.execute(text(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = :r"), {"r": role})
    return set(found.scalars())


def _drop_with_roles(pg, name: str) -> None:  # noqa: ANN001
    """Drop a database of a test and the roles of its tag (the server's, left behind otherwise)."""
    pg.drop(name)
    engine = create_engine(pg.url_of("postgres"))
    try:
        with engine.begin() as conn:
            prefix = f"kinerja_{row_security.tag_of(name)}_"
            for (role,) in conn.execute(text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"),
                                        {"p": prefix}).all():
                conn.exec_driver_sql(f"DROP ROLE {row_security.quote(role)}")
    finally:
        engine.dispose()


def _verifier_matches(conn, role: str, password: str) -> bool:  # noqa: ANN001
    """Whether the server's verifier of ``role`` is ``password``'s (read by the superuser from pg_authid)."""
    stored = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": role}).scalar()
    if not stored:
        return False
    iterations, rest = stored.removeprefix("SCRAM-SHA-256$").split(":", 1)
    salt = base64.b64decode(rest.split("$", 1)[0])
    return row_security.scram_verifier(password, salt=salt, iterations=int(iterations)) == stored


def test_role_names_carry_the_databases_tag_and_stay_within_postgresqls_limit() -> None:
    tag = row_security.tag_of("latihan")
    assert tag == hashlib.md5(b"latihan").hexdigest()[:8]
    assert row_security.tag_of("produksi") != tag
    assert row_security.groups(tag)["admin"] == f"kinerja_{tag}_admin"
    assert row_security.user_role(tag, "dinkes") == f"kinerja_{tag}_u_dinkes"
    assert row_security.user_role(tag, "Dinkes") == f"kinerja_{tag}_u_Dinkes"  # another app user, another role
    longest_plain = "a" * (63 - len(f"kinerja_{tag}_u_"))
    assert row_security.user_role(tag, longest_plain) == f"kinerja_{tag}_u_{longest_plain}"
    # the app takes names of up to 60 characters: past 63 bytes the role is the name's md5, two long names apart
    one, other = (f"operator_dinas_kesehatan_kabupaten_sukamaju_bidang_{n}" for n in (1, 2))
    assert row_security.user_role(tag, one).startswith(f"kinerja_{tag}_h_")
    assert row_security.user_role(tag, one) != row_security.user_role(tag, other)
    assert all(len(row_security.user_role(tag, n).encode()) <= 63 for n in (one, "é" * 60, "x" * 60))


@pytest.fixture
def named(pg) -> Iterator[str]:  # noqa: ANN001
    """A database with an unusual name (capitals, a space, a non-ASCII letter), dropped afterwards."""
    name = f"Latihan Sukamaju-é {uuid.uuid4().hex[:6]}"
    pg.execute(f'CREATE DATABASE "{name}"')
    yield name
    pg.drop(name)


def test_the_servers_tag_agrees_with_the_urls_and_the_sql_rule_with_pythons(pg, named: str) -> None:  # noqa: ANN001
    url = pg.url_of(named)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert row_security.database_tag(conn) == row_security.url_tag(url) == row_security.tag_of(named)
            tag = row_security.database_tag(conn)
            for name in ("dinkes", "Admin.Bappeda", "Éko", "ÉKO", "pengguna_" + "é" * 30, "x" * 60,
                         "operator_dinas_kesehatan_kabupaten_sukamaju_bidang_1"):
                in_sql = conn.execute(
                    text(f"SELECT {row_security.USER_ROLE_SQL} FROM (SELECT CAST(:n AS varchar) AS name) u"),
                    {"n": name},
                ).scalar()
                assert in_sql == row_security.user_role(tag, name)
    finally:
        engine.dispose()


@pytest.fixture
def second_copy(demo_db: Database, backend: str, pg) -> Iterator[Database]:  # noqa: ANN001
    """Another copy of the demo on the same server (a training database beside production)."""
    _server_only(backend)
    import pg_support

    name = pg.new_database(pg_support.DEMO_TEMPLATE)
    database = open_database(pg.url_of(name))
    yield database
    database.close()
    _drop_with_roles(pg, name)


def test_two_databases_on_one_server_keep_their_users_rights_apart(  # noqa: ANN001
    demo_db: Database, second_copy: Database, pg
) -> None:
    a, b = demo_db, second_copy
    with a.read() as s:
        dinkes_id = s.scalar(text("SELECT id FROM opd WHERE code = :c"), {"c": DINKES})
    assert _role(a, "verifikator") != _role(b, "verifikator")
    # B first: its verifier made Pimpinan there, a new admin added there
    users.sign_in(b, "admin", PASSWORD)
    users.update_user(b, "verifikator", role="pimpinan", full_name="Kepala Bappeda")
    users.add_user(b, "pelatih", "admin", "Sandi-Latihan-1")
    # A's verifier still decides through its own role (on main: permission denied for table verification)
    users.sign_in(a, "verifikator", PASSWORD)
    verification.return_report(a, 2025, 4, dinkes_id, "Bukti dukung belum lengkap")
    # then A changes its operator into an evaluator: B's operator of the same name keeps writing its OPD's rows
    users.sign_in(a, "admin", PASSWORD)
    users.update_user(a, "dinkes", role="evaluator")
    users.sign_in(b, "dinkes", PASSWORD)
    with b.write() as s:
        own = s.execute(text("UPDATE goal SET statement = statement || ' (latihan)' WHERE opd_id = :o"),
                        {"o": dinkes_id})
        assert own.rowcount > 0
    # and B's Pimpinan may not decide in B, while A's verifier decides again in A
    users.sign_in(b, "verifikator", PASSWORD)
    with pytest.raises(ServerPermissionError, match="permission denied for table verification"), b.write() as s:
        s.execute(text("UPDATE verification SET note = 'x'"))
    users.sign_in(a, "verifikator", PASSWORD)
    verification.return_report(a, 2025, 3, dinkes_id, "Triwulan III juga")
    with a.administration.connect() as conn:
        tag_a, tag_b = row_security.url_tag(a.url), row_security.url_tag(b.url)
        assert _groups_of(conn, _role(a, "verifikator")) == {f"kinerja_{tag_a}_verifikator"}
        assert _groups_of(conn, _role(b, "verifikator")) == {f"kinerja_{tag_b}_pimpinan"}
        assert _groups_of(conn, _role(a, "dinkes")) == {f"kinerja_{tag_a}_evaluator"}
        assert _groups_of(conn, _role(b, "dinkes")) == {f"kinerja_{tag_b}_operator"}
        # no group of B (nor the demo template's, whose copies these are) holds anything in A
        assert not {g for g in row_security.grantees(conn) if f"_{tag_b}_" in g}
        assert row_security.foreign_groups(conn) == []
    # B's admin is nobody in A: not a user of the app there, and its role has no right on A's tables
    with pytest.raises(users.AccessDenied):
        users.sign_in(a, "pelatih", "Sandi-Latihan-1")
    with pytest.raises(ServerPermissionError, match="permission denied"):
        open_database(a.url, credentials=Credentials(_role(b, "pelatih"), "Sandi-Latihan-1"))
    direct = make_engine(a.url, credentials=Credentials(_role(b, "pelatih"), "Sandi-Latihan-1"))
    try:
        for statement in ("SELECT count(*) FROM goal", "DELETE FROM app_user", "UPDATE regency SET name = 'x'"):
            with direct.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
                conn.execute(text(statement))
    finally:
        direct.dispose()


def test_a_copy_under_another_name_gets_its_own_roles_at_its_first_sign_in(second_copy: Database) -> None:
    b = second_copy
    with b.administration.connect() as conn:
        assert row_security.installed(conn) and not row_security.installed_here(conn)  # the template's groups
        assert not conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": _role(b, "dinkes")}).scalar()
    users.sign_in(b, "dinkes", PASSWORD)
    with b.read() as s:
        assert s.execute(text("SELECT current_user")).scalar() == _role(b, "dinkes")
    with b.administration.connect() as conn:
        assert row_security.installed_here(conn) and row_security.foreign_groups(conn) == []
        assert _verifier_matches(conn, _role(b, "dinkes"), PASSWORD)
        # every other user has its role, NOLOGIN until its own first sign-in
        login = dict(conn.execute(text(
            "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN (:a, :v)"),
            {"a": _role(b, "admin"), "v": _role(b, "verifikator")}).all())
        assert login == {_role(b, "admin"): False, _role(b, "verifikator"): False}


# --- from revision 0012 -------------------------------------------------------------------------------------


def _legacy_names(monkeypatch: pytest.MonkeyPatch) -> object:
    """Revision 0012's code in place of today's, as the migrations import it."""
    import sys

    import legacy_row_security_0012 as legacy

    monkeypatch.setattr(db_package, "row_security", legacy)
    monkeypatch.setitem(sys.modules, "kinerja_desktop.db.row_security", legacy)
    return legacy


def test_a_database_at_0012_with_users_upgrades_to_its_own_roles(  # noqa: ANN001
    pg, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _server_only(backend)
    name = pg.new_database()
    url = pg.url_of(name)
    legacy = _legacy_names(monkeypatch)
    engine = create_engine(url)
    people = {"admin": "admin", "verif": "verifikator", "pimpinan_bappeda": "pimpinan"}
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0012_audit")
            for person, role in people.items():
                conn.execute(text(
                    "INSERT INTO app_user (id, created_at, updated_at, version, name, full_name, role, "
                    "password_hash, active, failed_attempts) VALUES (:id, now(), now(), 1, :n, '', :r, :h, true, 0)"),
                    {"id": str(uuid.uuid4()), "n": person, "r": role, "h": users.hash_password(f"Sandi-{person}-1")})
                legacy.save_login(conn, person, role, f"Sandi-{person}-1")  # type: ignore[attr-defined]
        with engine.connect() as conn:
            assert set(row_security.LEGACY_GROUPS) <= set(row_security.grantees(conn))  # 0012: the shared groups
            assert _groups_of(conn, "kinerja_u_verif") == {"kinerja_verifikator"}
    finally:
        engine.dispose()
    monkeypatch.undo()

    database = open_database(url, upgrade_server=True)  # 0013_role_names
    tag = row_security.tag_of(name)
    try:
        with database.administration.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0013_role_names"
            held = set(row_security.grantees(conn))
            assert not held & set(row_security.LEGACY_GROUPS)  # nothing of this database is theirs any more
            assert set(row_security.groups(tag).values()) <= held
            assert row_security.foreign_groups(conn) == [] and row_security.installed_here(conn)
            # the shared groups stay (another database may use them), and so do the old users' roles
            legacy_roles = text("SELECT count(*) FROM pg_roles WHERE rolname IN :g").bindparams(
                bindparam("g", expanding=True))
            assert conn.execute(legacy_roles, {"g": list(row_security.LEGACY_GROUPS)}).scalar() == 5
            for person, role in people.items():
                new = row_security.user_role(tag, person)
                assert _groups_of(conn, new) == {f"kinerja_{tag}_{role}"}
                can_login = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": new})
                assert can_login.scalar() is False
            # a policy's operator check follows the new names (kinerja_my_opds compares session_user with them)
            source = conn.execute(text("SELECT prosrc FROM pg_proc WHERE proname = 'kinerja_my_opds'")).scalar()
            assert "current_database()" in source and "kinerja_u_" not in source
    finally:
        database.close()

    # IT's login that may not manage roles cannot set a password: the user is told to ask the admin
    limited = f"it_{uuid.uuid4().hex[:8]}"
    pg.execute(f'CREATE ROLE "{limited}" LOGIN')
    pg.execute(f'GRANT "kinerja_{tag}_admin" TO "{limited}"')
    database = open_database(url, credentials=Credentials(limited, "apa-saja"))
    try:
        with pytest.raises(users.AccessDenied, match="minta admin mengatur ulang sandinya"):
            users.sign_in(database, "verif", "Sandi-verif-1")
    finally:
        database.close()

    # with IT's own login: the first sign-in sets the new role's password from the one typed, then works as usual
    database = open_database(url)
    try:
        with pytest.raises(users.AccessDenied):
            users.sign_in(database, "verif", "Sandi-salah-1")  # a wrong app password changes nothing
        with database.administration.connect() as conn:
            assert not row_security.has_login(conn, "verif")
        users.sign_in(database, "verif", "Sandi-verif-1")
        with database.read() as s:
            assert s.execute(text("SELECT current_user")).scalar() == row_security.user_role(tag, "verif")
            assert s.execute(text("SELECT count(*) FROM verification")).scalar() == 0  # its group's right to read
        with database.administration.connect() as conn:
            assert row_security.has_login(conn, "verif")
            assert _verifier_matches(conn, row_security.user_role(tag, "verif"), "Sandi-verif-1")
            assert not row_security.has_login(conn, "admin")  # the others' until their own first sign-in
        users.sign_out(database)
        users.sign_in(database, "pimpinan_bappeda", "Sandi-pimpinan_bappeda-1")
        with database.read() as s:
            assert s.execute(text("SELECT current_user")).scalar() == row_security.user_role(tag, "pimpinan_bappeda")
    finally:
        database.close()
        pg.execute(f'DROP ROLE "{limited}"')
        _drop_with_roles(pg, name)
