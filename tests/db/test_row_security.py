"""Row-level security on PostgreSQL: a user added on a server is a database role; connected directly with an
operator's credentials, it reads every row but writes only its OPDs' rows, and no regency-wide table."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kinerja_desktop.db import row_security
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.server import Credentials
from kinerja_desktop.services import users

pytestmark = pytest.mark.sign_in
DINKES, SETDA = "1.02.0.00.0.00.01.0000", "4.01.0.00.0.00.01.0000"


def test_the_scram_verifier_is_postgresqls_format() -> None:
    verifier = row_security.scram_verifier("contoh123", salt=b"0123456789abcdef")
    iterations, rest = verifier.removeprefix("SCRAM-SHA-256$").split(":", 1)
    assert iterations == "4096" and rest.startswith("MDEyMzQ1Njc4OWFiY2RlZg==$") and "contoh123" not in verifier


def test_an_operators_own_connection_writes_only_its_opds_rows(demo_db: Database, backend: str, pg) -> None:  # noqa: ANN001
    if backend != "postgresql":
        pytest.skip("row-level security is the server's (PostgreSQL)")
    with demo_db.engine.connect() as conn:
        assert row_security.installed(conn)
        ids = dict(
            conn.execute(text("SELECT code, id FROM opd WHERE code IN (:a, :b)"), {"a": DINKES, "b": SETDA}).all()
        )
        total = conn.execute(text("SELECT count(*) FROM goal")).scalar()
    users.sign_in(demo_db, "admin", "contoh123")
    name = f"rls{uuid.uuid4().hex[:8]}"
    users.add_user(demo_db, name, "operator", "Sandi-Operator-1", opd_codes=[DINKES])
    role = _role(demo_db, name)
    direct = open_database(demo_db.url, credentials=Credentials(role, "Sandi-Operator-1"))
    try:
        with direct.engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == role
            assert conn.execute(text("SELECT count(*) FROM goal")).scalar() == total  # reads every OPD
            other = conn.execute(
                text("UPDATE goal SET statement = 'diubah langsung' WHERE opd_id = :o"), {"o": ids[SETDA]}
            )
            assert other.rowcount == 0  # another OPD's rows are not there to change
            own = conn.execute(
                text("UPDATE goal SET statement = statement || ' (langsung)' WHERE opd_id = :o"), {"o": ids[DINKES]}
            )
            assert own.rowcount > 0
            conn.commit()
        for statement, refusal in (
            ("UPDATE goal SET opd_id = :setda WHERE opd_id = :dinkes", "row-level security"),
            ("UPDATE regency SET name = 'Diubah langsung'", "permission denied"),
            ("INSERT INTO lock_bypass (id, reason, created_at) VALUES ('x', 'x', now())", "permission denied"),
            ("DELETE FROM app_user", "permission denied"),
        ):
            with direct.engine.connect() as conn, pytest.raises(DBAPIError, match=refusal):
                conn.execute(text(statement), {"setda": ids[SETDA], "dinkes": ids[DINKES]})
    finally:
        direct.close()
    with demo_db.engine.connect() as conn:
        changed = conn.execute(text("SELECT count(*) FROM goal WHERE statement LIKE '%(langsung)'")).scalar()
        untouched = conn.execute(text("SELECT count(*) FROM goal WHERE statement = 'diubah langsung'")).scalar()
    assert changed > 0 and untouched == 0
    # disabled in the app: the role can no longer log in
    users.set_active(demo_db, name, False)
    with pytest.raises(Exception, match="login|masuk|LOGIN|tidak"):
        open_database(demo_db.url, credentials=Credentials(role, "Sandi-Operator-1"))
    demo_db.engine.dispose()


def _role(db: Database, name: str) -> str:
    return row_security.user_role(row_security.url_tag(db.url), name)


def _server_only(backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("row-level security is the server's (PostgreSQL)")


def _opd_ids(db: Database) -> dict[str, str]:
    with db.engine.connect() as conn:
        return dict(
            conn.execute(text("SELECT code, id FROM opd WHERE code IN (:a, :b)"), {"a": DINKES, "b": SETDA}).all()
        )


def test_verification_rows_and_the_trail_are_held_for_an_operators_own_connection(  # noqa: ANN001
    demo_db: Database, backend: str, pg
) -> None:
    _server_only(backend)
    ids = _opd_ids(demo_db)
    with demo_db.engine.connect() as conn:
        assert not row_security.has_login(conn, "tidak-ada")
        per_opd = dict(conn.execute(text("SELECT opd_id, count(*) FROM verification GROUP BY opd_id")).all())
        assert per_opd[ids[SETDA]] > 0 and per_opd[ids[DINKES]] > 0
        events = conn.execute(text("SELECT count(*) FROM verification_event")).scalar()
        trail = conn.execute(text("SELECT count(*) FROM audit_change")).scalar()
    # demo_db is a copy of the demo under another name: its own roles are made at a first sign-in
    users.sign_in(demo_db, "dinkes", "contoh123")
    users.sign_out(demo_db)
    direct = open_database(demo_db.url, credentials=Credentials(_role(demo_db, "dinkes"), "contoh123"))
    try:
        with direct.engine.connect() as conn:
            # it sees its own OPD's verification rows only (and their events)
            seen = dict(conn.execute(text("SELECT opd_id, count(*) FROM verification GROUP BY opd_id")).all())
            assert seen == {o: per_opd[o] for o in users.load_actor(demo_db, "dinkes").opd_ids}
            assert ids[DINKES] in seen and ids[SETDA] not in seen
            assert 0 < conn.execute(text("SELECT count(*) FROM verification_event")).scalar() < events
            # writes another OPD's none, its own yes
            other = conn.execute(text("UPDATE verification SET note = 'x' WHERE opd_id = :o"), {"o": ids[SETDA]})
            own = conn.execute(text("UPDATE verification SET note = 'catatan' WHERE opd_id = :o"),
                               {"o": ids[DINKES]})
            assert other.rowcount == 0 and own.rowcount == per_opd[ids[DINKES]]
            # it may append to the trail
            conn.execute(text(
                "INSERT INTO audit_change (id, change_set, seq, at, \"user\", origin, table_name, row_id, "
                "operation, opd_id, changes) VALUES (:id, 'c', 1, now(), 'dinkes', 'app', 'goal', 'r', 'ubah', "
                ":opd, '{}')"), {"id": str(uuid.uuid4()), "opd": ids[DINKES]})
            conn.commit()
        for statement, refusal in (
            ("INSERT INTO verification (id, created_at, updated_at, version, kind, opd_id, year, quarter, state, "
             "note, submitted_by, decided_by) VALUES ('v1', now(), now(), 1, 'laporan', :setda, 2031, 1, "
             "'diverifikasi', '', '', '')", "row-level security"),
            ("UPDATE verification SET opd_id = :setda WHERE opd_id = :dinkes", "row-level security"),
            ("UPDATE audit_change SET \"user\" = 'orang lain'", "permission denied"),
            ("DELETE FROM audit_log", "permission denied"),
            ("TRUNCATE audit_change", "permission denied"),
            ("DELETE FROM verifier_opd", "permission denied"),
        ):
            with direct.engine.connect() as conn, pytest.raises(DBAPIError, match=refusal):
                conn.execute(text(statement), {"setda": ids[SETDA], "dinkes": ids[DINKES]})
    finally:
        direct.close()
    with demo_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_change")).scalar() > trail
        notes = conn.execute(text("SELECT DISTINCT note FROM verification WHERE opd_id = :o"), {"o": ids[SETDA]})
        assert "x" not in {n for (n,) in notes}
    # the tables' owner (IT's login) cannot empty the trail either: a statement trigger refuses TRUNCATE
    for table in ("audit_change", "audit_log"):
        with demo_db.engine.connect() as conn, pytest.raises(DBAPIError, match="KINERJA_AUDIT_APPEND_ONLY"):
            conn.execute(text(f"TRUNCATE {table}"))
    demo_db.engine.dispose()


def test_signed_in_as_an_operator_the_app_itself_works_through_the_operators_role(  # noqa: ANN001
    demo_db: Database, backend: str, pg
) -> None:
    _server_only(backend)
    from kinerja_desktop.db.models import Goal

    ids = _opd_ids(demo_db)
    with demo_db.read() as s:
        it_login = s.execute(text("SELECT current_user")).scalar()
        setda_goal = s.scalar(text("SELECT id FROM goal WHERE opd_id = :o LIMIT 1"), {"o": ids[SETDA]})
        before = s.scalar(text("SELECT statement FROM goal WHERE id = :g"), {"g": setda_goal})
    users.sign_in(demo_db, "dinkes", "contoh123")
    with demo_db.read() as s:
        assert s.execute(text("SELECT current_user")).scalar() == _role(demo_db, "dinkes")
    # the app's own checks bypassed (no user on the session: the flush guard lets it through, no service asked):
    # the database refuses another OPD's row all the same
    with pytest.raises(Exception, match="row-level security|perangkat daerah|tidak"):  # noqa: PT011
        with demo_db.write() as s:
            s.info["user"] = None
            goal = s.get(Goal, setda_goal)
            assert goal is not None
            goal.statement = "diubah lewat aplikasi"
    with demo_db.write() as s:
        s.info["user"] = None
        hidden = s.execute(text("UPDATE goal SET statement = 'diam-diam' WHERE opd_id = :o"), {"o": ids[SETDA]})
        assert hidden.rowcount == 0
    # its own OPD's rows it writes through the app as before
    with demo_db.write() as s:
        own = s.execute(text("UPDATE goal SET statement = statement || ' (operator)' WHERE opd_id = :o"),
                        {"o": ids[DINKES]})
        assert own.rowcount > 0
    users.sign_out(demo_db)
    with demo_db.read() as s:
        assert s.execute(text("SELECT current_user")).scalar() == it_login
        assert s.scalar(text("SELECT statement FROM goal WHERE id = :g"), {"g": setda_goal}) == before
    # a wrong password is refused before any connection changes; the admin's sign-in uses the admin's role
    with pytest.raises(users.AccessDenied):
        users.sign_in(demo_db, "dinkes", "salah-sandi")
    users.sign_in(demo_db, "admin", "contoh123")
    with demo_db.read() as s:
        assert s.execute(text("SELECT current_user")).scalar() == _role(demo_db, "admin")
    # managing users still works (roles are made on IT's login)
    users.add_user(demo_db, f"op{uuid.uuid4().hex[:6]}", "operator", "Sandi-Operator-2", opd_codes=[DINKES])
    demo_db.close()


def test_the_verification_workflow_runs_through_each_users_own_role(demo_db: Database, backend: str, pg) -> None:  # noqa: ANN001
    _server_only(backend)
    from kinerja_desktop.domain.verification import VerificationState
    from kinerja_desktop.services import verification

    dinkes = _opd_ids(demo_db)[DINKES]
    users.sign_in(demo_db, "verifikator", "contoh123")
    verification.return_report(demo_db, 2025, 4, dinkes, "Bukti dukung belum lengkap")
    users.sign_in(demo_db, "dinkes", "contoh123")
    with demo_db.read() as s:
        assert s.execute(text("SELECT current_user")).scalar() == _role(demo_db, "dinkes")
    verification.submit_report(demo_db, 2025, 4, dinkes)
    users.sign_in(demo_db, "verifikator", "contoh123")
    assert verification.verify_report(demo_db, 2025, 4, dinkes) > 0
    assert verification.report_status(demo_db, 2025, 4, dinkes).state is VerificationState.VERIFIED
    with demo_db.read() as s:
        who = [u for (u,) in s.execute(text(
            "SELECT \"user\" FROM audit_log WHERE action LIKE 'verification.%' OR action = 'evaluation.verify' "
            "ORDER BY at DESC LIMIT 3"))]
    assert who == ["verifikator", "dinkes", "verifikator"]
    demo_db.close()
