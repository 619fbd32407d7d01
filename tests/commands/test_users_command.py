"""``users add|list|disable|enable|reset-password`` and ``--user`` on the writing verbs: the password from
``KINERJA_PASSWORD`` (or a prompt), refused beyond the user's role and OPDs; a database with one automatic
admin needs no ``--user``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd, PerformanceAgreement

pytestmark = pytest.mark.sign_in
DINKES, SETDA = "1.02.0.00.0.00.01.0000", "4.01.0.00.0.00.01.0000"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def agreements_of(db: Database, code: str, year: int) -> int:
    with db.read() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(PerformanceAgreement)
                .join(Opd)
                .where(Opd.code == code, PerformanceAgreement.year == year)
            )
            or 0
        )


def test_a_writing_verb_needs_a_user_on_a_database_with_several(
    demo_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    where = demo_db.location
    code, _out, err = run(capsys, "agreements", "create", "--db", where, "--year", "2027", "--opd", DINKES)
    assert code == 1 and "Masuk (login) sebagai pengguna" in err + _out
    monkeypatch.setenv("KINERJA_PASSWORD", "salah-sekali")
    code, out, err = run(
        capsys, "agreements", "create", "--db", where, "--year", "2027", "--opd", DINKES, "--user", "dinkes"
    )
    assert code == 1 and "Galat: Nama pengguna atau sandi salah." in err
    monkeypatch.setenv("KINERJA_PASSWORD", "contoh123")
    code, out, err = run(
        capsys, "agreements", "create", "--db", where, "--year", "2027", "--opd", SETDA, "--user", "dinkes"
    )
    assert code == 1 and "hanya boleh mengubah data perangkat daerahnya sendiri" in out + err
    assert agreements_of(demo_db, SETDA, 2027) == 0
    code, out, err = run(
        capsys, "agreements", "create", "--db", where, "--year", "2027", "--opd", DINKES, "--user", "dinkes"
    )
    assert code == 0, out + err
    assert agreements_of(demo_db, DINKES, 2027) == 1
    code, out, err = run(
        capsys, "agreements", "create", "--db", where, "--year", "2027", "--opd", SETDA, "--user", "pimpinan"
    )
    assert code == 1 and "Pengguna pimpinan (Pimpinan) tidak boleh" in out + err


def test_users_add_list_disable_and_reset_password(
    demo_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    where = demo_db.location
    monkeypatch.setenv("KINERJA_PASSWORD", "contoh123")
    monkeypatch.setenv("KINERJA_NEW_PASSWORD", "Sandi-Dishub-1")
    code, _out, err = run(
        capsys,
        "users",
        "add",
        "dishub",
        "--role",
        "operator",
        "--opd",
        "2.15.0.00.0.00.01.0000",
        "--db",
        where,
        "--user",
        "dinkes",
    )
    assert code == 1 and "tidak boleh mengelola pengguna" in err
    code, out, err = run(
        capsys,
        "users",
        "add",
        "dishub",
        "--role",
        "operator",
        "--opd",
        "2.15.0.00.0.00.01.0000",
        "--full-name",
        "Operator Dishub",
        "--db",
        where,
        "--user",
        "admin",
    )
    assert code == 0 and "Pengguna dishub (Operator OPD) ditambahkan." in out, err
    code, out, _err = run(capsys, "users", "list", "--db", where, "--format", "json", "--user", "admin")
    listed = {row["name"]: row for row in json.loads(out)}
    assert listed["dishub"] == {
        "name": "dishub",
        "full_name": "Operator Dishub",
        "role": "operator",
        "opds": ["2.15.0.00.0.00.01.0000"],
        "active": True,
        "locked": False,
    }
    code, out, _err = run(capsys, "users", "disable", "dishub", "--db", where, "--user", "admin")
    assert code == 0 and "dinonaktifkan" in out
    monkeypatch.setenv("KINERJA_PASSWORD", "Sandi-Dishub-1")
    code, _out, err = run(capsys, "users", "list", "--db", where, "--user", "dishub")
    assert code == 1 and "dinonaktifkan; hubungi admin" in err
    monkeypatch.setenv("KINERJA_PASSWORD", "contoh123")
    monkeypatch.setenv("KINERJA_NEW_PASSWORD", "Sandi-Baru-22")
    code, out, _err = run(capsys, "users", "reset-password", "verifikator", "--db", where, "--user", "admin")
    assert code == 0 and "diatur ulang" in out
    monkeypatch.setenv("KINERJA_PASSWORD", "Sandi-Baru-22")
    code, out, _err = run(capsys, "users", "list", "--db", where, "--user", "verifikator")
    assert code == 0 and "Verifikator" in out and "nonaktif" in out


def test_a_single_desk_needs_no_user_until_a_second_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    where = str(tmp_path / "satu.sqlite")
    monkeypatch.setenv("KINERJA_NEW_PASSWORD", "Sandi-Admin-1")
    assert run(capsys, "users", "add", "admin", "--role", "admin", "--db", where)[0] == 0
    assert (
        run(capsys, "users", "add", "kepala", "--role", "pimpinan", "--db", where)[0] == 0
    )  # the one admin, automatic
    code, _out, err = run(capsys, "users", "add", "lain", "--role", "pimpinan", "--db", where)
    assert code == 1 and "Masuk (login)" in err
    monkeypatch.setenv("KINERJA_PASSWORD", "Sandi-Admin-1")
    assert run(capsys, "users", "add", "lain", "--role", "pimpinan", "--db", where, "--user", "admin")[0] == 0
    code, _out, err = run(capsys, "users", "add", "op", "--role", "operator", "--db", where, "--user", "admin")
    assert code == 1 and "Galat: Operator OPD memerlukan sedikitnya satu perangkat daerah" in err


def test_the_password_is_asked_when_not_in_the_environment(
    demo_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.delenv("KINERJA_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "contoh123")
    code, out, _err = run(capsys, "users", "list", "--db", demo_db.location, "--user", "admin")
    assert code == 0 and asked == ["Sandi untuk admin: "] and "dinkes" in out
