"""Issue 11, class 1: output never lands on a live database, its journal, another database or a folder.

``backup --out k.sqlite --db k.sqlite`` and ``package export --out <the database>`` used to replace the database
with a zip; an existing folder as ``--out`` ended in a traceback. Each is refused with an Indonesian message, the
database is left exactly as it was and nothing is left behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from edges import checksum, cli, copy_database, leftovers

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.errors import JournalFileError, OutputPathError
from kinerja_desktop.db.files import is_sqlite_file
from kinerja_desktop.services import backup, printing, sync
from kinerja_desktop.services.output import output_problem

# The verbs that write one file, with the output option last.
FILE_VERBS = {
    "backup": ["backup", "--out"],
    "package export": ["package", "export", "--master", "--out"],
    "print one PK": ["print", "pk", "--year", "2026", "--opd", "4.01.0.00.0.00.01.0000", "--out"],
}

pytestmark = pytest.mark.sqlite_only  # outputs over the open SQLite file or its journal


@pytest.fixture
def centre(demo_template: Path, tmp_path: Path) -> Path:
    return copy_database(demo_template, tmp_path / "data" / "k.sqlite")


def _targets(db: Path) -> dict[str, tuple[Path, str]]:
    """Output paths that must be refused, and the words the refusal says."""
    other = copy_database(db, db.parent / "lain.sqlite")
    (db.parent / "folder.pdf").mkdir()
    return {
        "the database": (db, "basis data yang sedang dibuka"),
        "the database spelled otherwise": (db.parent / "." / ".." / db.parent.name / db.name, "sedang dibuka"),
        "its -wal": (Path(f"{db}-wal"), "jurnal"),
        "its -shm": (Path(f"{db}-shm"), "jurnal"),
        "another database": (other, "berkas basis data"),
        "a folder": (db.parent / "folder.pdf", "folder"),
    }


@pytest.mark.parametrize("verb", FILE_VERBS)
@pytest.mark.parametrize(
    "target",
    ["the database", "the database spelled otherwise", "its -wal", "its -shm", "another database", "a folder"],
)
def test_an_output_over_a_database_or_a_folder_is_refused(centre: Path, verb: str, target: str) -> None:
    # GIVEN the centre's database and a target that would destroy it (or is a folder)
    out, words = _targets(centre)[target]
    if verb == "print one PK" and target == "another database":
        words = "bukan folder"  # a name without .pdf is the folder the documents go to
    before = checksum(centre)
    other_before = checksum(centre.parent / "lain.sqlite")
    # WHEN a verb is asked to write its file there
    result = cli(*FILE_VERBS[verb], out, "--db", centre)
    # THEN it is refused with an Indonesian sentence, no traceback
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith("Galat: Tujuan") and words in result.stderr and "Traceback" not in result.stderr
    # AND the database, the other database and the folder are as they were, nothing left behind
    assert is_sqlite_file(centre) and checksum(centre) == before
    assert checksum(centre.parent / "lain.sqlite") == other_before
    assert (centre.parent / "folder.pdf").is_dir() and not any((centre.parent / "folder.pdf").iterdir())
    assert leftovers(centre.parent) == []


def test_printing_into_a_file_where_a_folder_is_expected_is_refused(centre: Path) -> None:
    before = checksum(centre)
    result = cli("print", "pk", "--year", "2026", "--out", centre, "--db", centre)
    assert result.returncode == 1 and "sedang dibuka" in result.stderr and "Traceback" not in result.stderr
    result = cli("print", "pk", "--year", "2026", "--out", centre.parent / "lain.txt", "--db", centre)
    assert result.returncode == 0  # a new folder is made when nothing is there
    (centre.parent / "catatan.txt").write_text("bukan folder")
    result = cli("print", "pk", "--year", "2026", "--out", centre.parent / "catatan.txt", "--db", centre)
    assert result.returncode == 1 and "bukan folder" in result.stderr and "Traceback" not in result.stderr
    assert (centre.parent / "catatan.txt").read_text() == "bukan folder"
    assert checksum(centre) == before


def test_the_journal_given_as_the_database_is_refused(centre: Path) -> None:
    # An empty -wal (as SQLite leaves it) used to be taken for a new, empty database and given a schema.
    wal = Path(f"{centre}-wal")
    wal.write_bytes(b"")
    result = cli("info", "--db", wal)
    assert result.returncode == 1 and "berkas jurnal basis data" in result.stderr
    assert wal.read_bytes() == b""
    with pytest.raises(JournalFileError):
        open_database(wal)


def test_the_services_refuse_it_whoever_calls_them(demo_db: Database, tmp_path: Path) -> None:
    assert demo_db.path is not None
    before = checksum(demo_db.path)
    with pytest.raises(OutputPathError, match="sedang dibuka"):
        backup.create_backup(demo_db, demo_db.path)
    with pytest.raises(OutputPathError, match="jurnal"):
        sync.export_package(demo_db, Path(f"{demo_db.path}-wal"), master=True)
    with pytest.raises(OutputPathError, match="folder"):
        backup.create_backup(demo_db, tmp_path)
    request = printing.Request(printing.PK, 2026, opd_codes=("4.01.0.00.0.00.01.0000",))
    with pytest.raises(OutputPathError, match="sedang dibuka"):
        printing.write(demo_db, request, demo_db.path)
    assert checksum(demo_db.path) == before
    # AND the check the save dialogs use says the same
    assert "sedang dibuka" in (output_problem(demo_db.path, demo_db) or "")
    assert "basis data" in (output_problem(demo_db.path) or "")  # even without knowing which one is open
    assert output_problem(tmp_path / "baru.kinerja-backup", demo_db) is None


def test_opening_a_folder_named_like_a_backup_says_it_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "cadangan.kinerja-backup"
    folder.mkdir()
    result = cli("open", folder)
    assert result.returncode == 1 and "adalah folder, bukan berkas" in result.stderr
