"""Users: argon2id hashes (never the password in clear), lock-out and the admin's reset, the single desk's
automatic administrator, the rules of adding, disabling and changing users."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.types import utcnow
from kinerja_desktop.db.user_models import AppUser
from kinerja_desktop.services import audit, opd, users
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.users import AccessDenied, Role

pytestmark = pytest.mark.sign_in
SECRET = "Rahasia-Sekali-9137"


def test_an_empty_database_is_the_single_desks_admin_until_a_second_user(db: Database) -> None:
    assert users.actor(db).role is Role.ADMIN and users.actor(db).automatic
    assert not users.needs_sign_in(db)
    with pytest.raises(ValidationError, match="Pengguna pertama harus admin"):
        users.add_user(db, "budi", "pimpinan", SECRET)
    users.add_user(db, "admin", "admin", SECRET, full_name="Admin Bappeda")
    who = users.actor(db)
    assert (who.name, who.role, who.automatic) == ("admin", Role.ADMIN, True)  # still automatic: one admin
    users.add_user(db, "pimpinan", "pimpinan", SECRET)
    assert users.needs_sign_in(db)
    with pytest.raises(AccessDenied, match="Masuk \\(login\\)"):
        users.add_user(db, "lain", "pimpinan", SECRET)
    assert [row.name for row in users.list_users(db)] == ["admin", "pimpinan"]


def test_the_password_is_an_argon2id_hash_never_in_the_file_nor_the_log(
    db: Database, backend: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    users.add_user(db, "admin", "admin", SECRET)
    users.add_user(db, "operator1", "pimpinan", SECRET)
    users.sign_in(db, "admin", SECRET)
    users.reset_password(db, "operator1", SECRET + "x")
    with db.read() as s:
        hashes = s.scalars(select(AppUser.password_hash)).all()
        logged = [entry.summary + entry.detail for entry in s.scalars(select(audit.AuditLog))]
    assert all(h.startswith("$argon2id$v=19$m=65536,t=3,p=4$") for h in hashes)
    assert not any(SECRET in line for line in logged)
    assert SECRET not in caplog.text
    if backend == "sqlite":
        assert db.path is not None
        raw = b"".join(p.read_bytes() for p in db.path.parent.glob(db.path.name + "*"))
        assert SECRET.encode() not in raw and b"$argon2id$" in raw


def test_five_wrong_passwords_lock_the_account_until_an_admin_resets_it(db: Database) -> None:
    users.add_user(db, "admin", "admin", SECRET)
    users.add_user(db, "siti", "verifikator", SECRET)
    for _ in range(users.MAX_FAILURES - 1):
        with pytest.raises(AccessDenied, match="^Nama pengguna atau sandi salah.$"):
            users.sign_in(db, "siti", "salah-salah")
    with pytest.raises(AccessDenied, match="dikunci setelah 5 kali gagal masuk"):
        users.sign_in(db, "siti", "salah-salah")
    with pytest.raises(AccessDenied, match="dikunci"):  # the right password does not open a locked account
        users.sign_in(db, "siti", SECRET)
    assert users.signed_in(db) is None
    assert [row.locked for row in users.list_users(db)] == [False, True]
    users.sign_in(db, "admin", SECRET)
    users.reset_password(db, "siti", "Sandi-Baru-2026")
    who = users.sign_in(db, "siti", "Sandi-Baru-2026")
    assert who.role is Role.VERIFIKATOR and users.signed_in(db) == who
    with db.read() as s:
        row = s.scalars(select(AppUser).where(AppUser.name == "siti")).one()
    assert row.failed_attempts == 0 and row.locked_until is None


def test_a_lock_out_ends_by_itself_after_its_minutes(db: Database) -> None:
    users.add_user(db, "admin", "admin", SECRET)
    with db.write() as s:
        row = s.scalars(select(AppUser)).one()
        row.failed_attempts, row.locked_until = 5, utcnow() - timedelta(seconds=1)
    assert users.sign_in(db, "admin", SECRET).name == "admin"


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(db: Database) -> None:
    users.add_user(db, "admin", "admin", SECRET)
    with pytest.raises(AccessDenied, match="^Nama pengguna atau sandi salah.$"):
        users.sign_in(db, "tidakada", SECRET)


def test_rules_of_adding_disabling_and_changing_users(demo_db: Database) -> None:
    users.sign_in(demo_db, "admin", "contoh123")
    with pytest.raises(ValidationError, match="minimal 8"):
        users.add_user(demo_db, "baru", "pimpinan", "pendek")
    with pytest.raises(ValidationError, match="sudah ada"):
        users.add_user(demo_db, "dinkes", "pimpinan", SECRET)
    with pytest.raises(ValidationError, match="sedikitnya satu perangkat daerah"):
        users.add_user(demo_db, "baru", "operator", SECRET)
    with pytest.raises(ValidationError, match="kode atau singkatan “9.99” tidak ada"):
        users.add_user(demo_db, "baru", "operator", SECRET, opd_codes=["9.99"])
    with pytest.raises(ValidationError, match="Peran kepala tidak dikenal"):
        users.add_user(demo_db, "baru", "kepala", SECRET)
    with pytest.raises(ValidationError, match="Admin aktif terakhir"):
        users.set_active(demo_db, "admin", False)
    users.add_user(
        demo_db, "dishub", "operator", SECRET, opd_codes=["2.15.0.00.0.00.01.0000"], full_name="Operator Dishub"
    )
    row = next(r for r in users.list_users(demo_db) if r.name == "dishub")
    assert (row.role_label, row.opd_codes, row.active) == ("Operator OPD", ("2.15.0.00.0.00.01.0000",), True)
    users.set_active(demo_db, "dishub", False)
    with pytest.raises(AccessDenied, match="dinonaktifkan"):
        users.authenticate(demo_db, "dishub", SECRET)
    users.update_user(demo_db, "verifikator", role="pimpinan", full_name="Kepala Bappeda")
    assert users.load_actor(demo_db, "verifikator").role is Role.PIMPINAN
    with demo_db.read() as s:
        actions = [
            (e.user, e.action, e.entity)
            for e in s.scalars(
                select(audit.AuditLog).where(audit.AuditLog.entity == "app_user").order_by(audit.AuditLog.at)
            )
        ]
    assert actions[-3:] == [
        ("admin", "create", "app_user"),
        ("admin", "disable", "app_user"),
        ("admin", "update", "app_user"),
    ]


def test_the_demos_accounts_and_their_roles(demo_db: Database) -> None:
    rows = {row.name: row for row in users.list_users(demo_db)}
    assert {name: row.role for name, row in rows.items()} == {
        "admin": Role.ADMIN,
        "verifikator": Role.VERIFIKATOR,
        "pimpinan": Role.PIMPINAN,
        "evaluator": Role.EVALUATOR,
        "dinkes": Role.OPERATOR,
        "disdikbud": Role.OPERATOR,
        "dpupr": Role.OPERATOR,
    }
    assert rows["dinkes"].opd_codes == ("1.02.0.00.0.00.01.0000", "1.02.0.00.0.00.02.0000")
    for name in rows:
        assert users.authenticate(demo_db, name, "contoh123").name == name


def test_the_audit_trail_names_the_signed_in_user(demo_db: Database) -> None:
    users.sign_in(demo_db, "admin", "contoh123")
    with demo_db.read() as s:
        from kinerja_desktop.db.models import Opd

        setda = s.scalars(select(Opd).where(Opd.code == "4.01.0.00.0.00.01.0000")).one()
    form = opd.get_opd(demo_db, setda.id)
    form.phone = "(0271) 999 111"
    opd.save_opd(demo_db, form)
    assert audit.current_user(demo_db) == "admin"
    with demo_db.read() as s:
        last = s.scalars(select(audit.AuditLog).order_by(audit.AuditLog.at.desc())).first()
    assert last is not None and last.user == "admin"
