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
    role = row_security.user_role(name)
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
