"""Every ``--opd`` takes the OPD's SIPD code or its abbreviation, in any case, and refuses an unknown one alike.

One lookup (``services/opd_names.py``) serves users, verification, audit, the LKjIP, the cascade tree and the batch
verbs; before it, ``users add --opd Dinkes`` was refused while ``print pk --opd Dinkes`` worked, and the LKjIP and
the cascade tree took "Dinkes" but not "dinkes".
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.services import agreement_batch, audit_log, cascade_tree, lkjip, users, verification
from kinerja_desktop.services.errors import ValidationError

DINKES = "1.02.0.00.0.00.01.0000"
NAMES = (DINKES, "Dinkes", "DINKES", " dinkes ")
UNKNOWN = "Dinas X"
SECRET = "rahasia-panjang-1"
_names = count(1)


def _id(db: Database, code: str) -> str:
    with db.read() as s:
        return s.scalars(select(Opd.id).where(Opd.code == code)).one()


def _by_users_add(db: Database, text: str) -> str:
    name = f"operator{next(_names)}"
    users.add_user(db, name, "operator", SECRET, opd_codes=[text])
    (row,) = [u for u in users.list_users(db) if u.name == name]
    (code,) = row.opd_codes
    return _id(db, code)


def _by_lkjip(db: Database, text: str) -> str:
    document = lkjip.lkjip_document(db, 2025, text)
    with db.read() as s:
        return s.scalars(select(Opd.id).where(Opd.name == document.unit_name)).one()


def _by_batch(db: Database, text: str) -> str:
    (row,) = agreement_batch.choose_opds(db, 2026, [text])
    return row.opd_id


def _by_cascade(db: Database, text: str, tmp_path: Path) -> str:
    out = cascade_tree.print_cascade(db, 2026, tmp_path / "pohon.pdf", opd_code=text)
    out.unlink()
    return _id(db, DINKES)  # printed: the name was found (an unknown one is refused below)


LOOKUPS: dict[str, Callable[[Database, str], str]] = {
    "users add": _by_users_add,
    "verification": verification.find_opd,
    "audit": audit_log.opd_by_code,
    "lkjip": _by_lkjip,
    "batch": _by_batch,
}


@pytest.mark.parametrize("verb", sorted(LOOKUPS))
def test_code_and_abbreviation_in_any_case_name_the_same_opd(demo_db: Database, verb: str) -> None:
    assert {LOOKUPS[verb](demo_db, text) for text in NAMES} == {_id(demo_db, DINKES)}


@pytest.mark.parametrize("verb", sorted(LOOKUPS))
def test_an_unknown_opd_is_refused_with_one_message(demo_db: Database, verb: str) -> None:
    with pytest.raises(ValidationError) as refused:
        LOOKUPS[verb](demo_db, UNKNOWN)
    assert "dengan kode atau singkatan “Dinas X” tidak ada" in str(refused.value)


def test_the_cascade_tree_takes_any_case_and_refuses_alike(demo_db: Database, tmp_path: Path) -> None:
    for text in NAMES:
        assert _by_cascade(demo_db, text, tmp_path)
    with pytest.raises(ValidationError, match="dengan kode atau singkatan “Dinas X” tidak ada"):
        _by_cascade(demo_db, UNKNOWN, tmp_path)


def test_users_add_on_the_command_line_takes_the_abbreviation(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KINERJA_NEW_PASSWORD", SECRET)
    monkeypatch.setenv("KINERJA_PASSWORD", "contoh123")
    code = main(
        ["--db", demo_db.location, "users", "add", "opbaru", "--role", "operator", "--opd", "dinkes", "--user", "admin"]
    )
    assert code == 0, capsys.readouterr().err
    (row,) = [u for u in users.list_users(demo_db) if u.name == "opbaru"]
    assert row.opd_codes == (DINKES,)
    code = main(
        ["--db", demo_db.location, "users", "add", "oplain", "--role", "operator", "--opd", UNKNOWN, "--user", "admin"]
    )
    err = capsys.readouterr().err
    assert code == 1 and "dengan kode atau singkatan “Dinas X” tidak ada" in err and "Traceback" not in err


def test_the_lke_export_takes_any_case_and_refuses_an_unknown_opd_instead_of_dropping_it(
    demo_db: Database, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from kinerja_desktop.services.excel_lke import export_lke

    each = {export_lke(demo_db, 2025, tmp_path / f"lke{i}.xlsx", opd_codes=(t,)).rows for i, t in enumerate(NAMES)}
    assert len(each) == 1
    book = load_workbook(tmp_path / "lke1.xlsx", read_only=True)
    codes = {str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c == DINKES}
    assert codes == {DINKES}
    with pytest.raises(ValidationError, match="dengan kode atau singkatan “Dinas X” tidak ada"):
        export_lke(demo_db, 2025, tmp_path / "x.xlsx", opd_codes=("dinkes", UNKNOWN))
    assert not (tmp_path / "x.xlsx").exists()
