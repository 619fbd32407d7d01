"""``print pk`` (and ``print pakta``) write nothing to the database (issue 20): their open is for reading only, every
write refused, and so without the integrity check that guards writes; every verb that can write is still checked
first, and a damaged page the reading meets is still said in Indonesian, without a traceback."""

from __future__ import annotations

import ast
import shutil
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db import database as database_module
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.errors import DatabaseReadOnlyError

ROOT = Path(__file__).resolve().parents[2]
DINKES = "1.02.0.00.0.00.01.0000"


@pytest.fixture
def copy(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def opens(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Every integrity check run and every database opened, in this process."""
    seen: dict[str, list] = {"checks": [], "databases": []}
    check, open_ = database_module.check_integrity, database_module.open_database

    def checking(conn: sqlite3.Connection, path: Path) -> None:
        seen["checks"].append(path)
        check(conn, path)

    def opening(*args: object, **kwargs: object) -> Database:
        db = open_(*args, **kwargs)  # type: ignore[arg-type]
        seen["databases"].append(db)
        return db

    monkeypatch.setattr(database_module, "check_integrity", checking)
    monkeypatch.setattr(database_module, "open_database", opening)
    return seen


def test_print_pk_reads_without_the_integrity_check_and_cannot_write(copy: Path, tmp_path: Path, opens: dict):
    out = tmp_path / "pk"
    assert main(["print", "pk", "--db", str(copy), "--year", "2025", "--opd", DINKES, "--out", str(out)]) == 0
    assert [p.name for p in out.glob("*.pdf")] == ["PK-2025-DINKES.pdf"]
    assert opens["checks"] == []
    [db] = opens["databases"]
    with pytest.raises(DatabaseReadOnlyError, match="dibuka hanya untuk dibaca"), db.write():
        pass  # the open that skipped the check cannot write: the PK was printed without a write
    assert main(["print", "pakta", "--db", str(copy), "--year", "2025", "--opd", DINKES, "--out", str(out)]) == 0
    assert opens["checks"] == []


def test_print_pk_acting_as_a_user_signs_in_and_is_checked(
    copy: Path, tmp_path: Path, opens: dict, monkeypatch: pytest.MonkeyPatch
):
    # Signing in counts failed attempts (a write): that open can write, so it is checked first.
    monkeypatch.setenv("KINERJA_PASSWORD", "contoh123")
    out = tmp_path / "pk.pdf"
    args = ["print", "pk", "--db", str(copy), "--year", "2025", "--opd", DINKES, "--out", str(out), "--user", "dinkes"]
    assert main(args) == 0 and out.exists()
    assert opens["checks"] == [copy]


@pytest.mark.parametrize(
    "verb",
    [
        ["agreements", "create", "--year", "2027", "--opd", DINKES, "--user", "dinkes"],
        ["print", "evaluation", "--year", "2025", "--quarter", "1", "--out", "OUT"],
        ["print", "ranking", "--year", "2025", "--quarter", "1", "--out", "OUT"],
    ],
)
def test_a_verb_that_may_write_is_checked_first(
    verb: list[str], copy: Path, tmp_path: Path, opens: dict, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("KINERJA_PASSWORD", "contoh123")
    args = [str(tmp_path / "out") if word == "OUT" else word for word in verb]
    assert main([*args, "--db", str(copy)]) == 0
    assert opens["checks"] == [copy]
    assert all(db.sessions.read_only is None for db in opens["databases"])


def test_only_the_reading_print_verbs_open_for_reading_only():
    # Any other caller opens as before (checked, writable): the one place that asks for a read-only open is the
    # print verb, for the documents whose printing writes nothing.
    asking = []
    for path in sorted((ROOT / "kinerja_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and any(k.arg == "only_reads" for k in node.keywords):
                asking.append(f"{path.relative_to(ROOT)}:{ast.unparse(node.func)}")
    assert asking == [
        "kinerja_desktop/commands/__init__.py:open_database",
        "kinerja_desktop/commands/printing.py:open_for_command",
    ]
    from kinerja_desktop.commands.printing import ONLY_READ

    assert ONLY_READ == {"pk", "pakta"}


def _damage_table(path: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with garbage; the file's first page (the schema) stays whole."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    assert root > 1
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_a_damaged_page_met_while_printing_is_said_in_indonesian(
    copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    _damage_table(copy, "agreement_item")
    (copy.parent / "cadangan-otomatis").mkdir()
    (copy.parent / "cadangan-otomatis" / "kinerja-20261201.kinerja-backup").write_bytes(b"x")
    before = copy.read_bytes()
    out = tmp_path / "pk"
    assert main(["print", "pk", "--db", str(copy), "--year", "2025", "--opd", DINKES, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Galat: Basis data “") and "rusak dan tidak dapat dibuka dengan aman" in err
    assert "malformed" in err and "Traceback" not in err
    assert "Cadangan otomatis terakhir tersedia: " in err and "kinerja-20261201.kinerja-backup" in err
    assert list(out.glob("*.pdf")) == [] and copy.read_bytes() == before
    # A verb that may write finds the damage at the open, before anything is written.
    assert main(["print", "evaluation", "--db", str(copy), "--year", "2025", "--quarter", "1", "--out", str(out)]) == 1
    assert "rusak" in capsys.readouterr().err
    assert copy.read_bytes() == before


def test_an_only_reads_open_of_an_older_schema_is_checked_and_migrated(tmp_path: Path, opens: dict):
    # Migrating writes: a file at an older schema is checked first, as any write is, then read only.
    from kinerja_desktop.db.migrate import upgrade_sqlite
    from kinerja_desktop.db.revisions import HEAD, REVISIONS

    path = tmp_path / "lama.sqlite"
    older = REVISIONS[REVISIONS.index(HEAD) - 1]
    upgrade_sqlite(path, from_revision=None, to_revision=older)
    db = open_database(path, only_reads=True)
    try:
        assert db.migrated_from == older and opens["checks"] == [path]
        with pytest.raises(DatabaseReadOnlyError), db.write():
            pass
    finally:
        db.close()
