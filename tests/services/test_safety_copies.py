"""Issue 11, class 5: safety copies never overwrite each other.

Copies set aside are named with the time to the second: two restores within one second gave both pre-restore
copies the same name and the first was lost; ``rusak-*`` and ``sebelum-migrasi-*`` copies had the same one-second
names. The clock is stopped here (every copy in "the same second") and every copy must keep its own content.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from edges import checksum, copy_database, leftovers
from sqlalchemy import select

from kinerja_desktop.db import files
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.migrate import safety_copy
from kinerja_desktop.db.models import Opd
from kinerja_desktop.services import backup

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SECOND = "20260126-101500"

pytestmark = pytest.mark.sqlite_only  # copies beside a SQLite file


@pytest.fixture(autouse=True)
def one_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every copy is made "at 10:15:00 on 26 January 2026"."""
    monkeypatch.setattr(files, "timestamp", lambda: SECOND)


def rename_first_opd(db: Database, name: str) -> None:
    with db.write() as s:
        s.scalars(select(Opd).order_by(Opd.code)).first().name = name


def names_of_opds(path: Path) -> set[str]:
    database = open_database(path)
    try:
        with database.read() as s:
            return set(s.scalars(select(Opd.name)))
    finally:
        database.close()


def test_two_restores_in_the_same_second_keep_both_copies(demo_db: Database, tmp_path: Path) -> None:
    assert demo_db.path is not None
    made = backup.create_backup(demo_db, tmp_path / "c.kinerja-backup")
    # GIVEN the data changed twice, with a restore after each change, all within one second
    rename_first_opd(demo_db, "Sesudah cadangan, pertama")
    first = backup.restore_backup(demo_db, made.path)
    rename_first_opd(demo_db, "Sesudah cadangan, kedua")
    second = backup.restore_backup(demo_db, made.path)
    # THEN each restore kept its own copy of what was there before it: nothing was overwritten
    assert first.saved_copy != second.saved_copy
    assert first.saved_copy.name == f"demo.sebelum-pemulihan-{SECOND}.sqlite"
    assert second.saved_copy.name == f"demo.sebelum-pemulihan-{SECOND}-2.sqlite"
    assert "Sesudah cadangan, pertama" in names_of_opds(first.saved_copy)
    assert "Sesudah cadangan, kedua" in names_of_opds(second.saved_copy)
    assert leftovers(demo_db.path.parent) == []


def test_a_name_taken_by_any_file_is_never_overwritten(demo_db: Database) -> None:
    assert demo_db.path is not None
    taken = demo_db.path.with_name(f"demo.sebelum-pemulihan-{SECOND}.sqlite")
    taken.write_bytes(b"salinan orang lain")
    Path(f"{demo_db.path.with_name(f'demo.sebelum-pemulihan-{SECOND}-2.sqlite')}-wal").write_bytes(b"jurnal")
    saved = backup.save_aside(demo_db.path, "sebelum-pemulihan", demo_db)
    assert saved.name == f"demo.sebelum-pemulihan-{SECOND}-3.sqlite"
    assert taken.read_bytes() == b"salinan orang lain"
    assert checksum(saved) == checksum(demo_db.path)


def test_damaged_copies_set_aside_twice_in_one_second_are_both_kept(demo_template: Path, tmp_path: Path) -> None:
    path = copy_database(demo_template, tmp_path / "kinerja.sqlite")
    database = open_database(path)
    made = backup.create_backup(database, tmp_path / "c.kinerja-backup").path
    database.close()
    asides = []
    for garbage in (b"rusak pertama", b"rusak kedua"):
        path.write_bytes(b"SQLite format 3\x00" + garbage * 400)  # unreadable: damaged
        Path(f"{path}-wal").write_bytes(garbage)
        asides.append(backup.recover_from_backup(path, made))
    assert [a.name for a in asides] == [f"kinerja.rusak-{SECOND}.sqlite", f"kinerja.rusak-{SECOND}-2.sqlite"]
    assert b"rusak pertama" in asides[0].read_bytes() and b"rusak kedua" in asides[1].read_bytes()
    # each journal travelled with its own database
    assert Path(f"{asides[0]}-wal").read_bytes() == b"rusak pertama"
    assert Path(f"{asides[1]}-wal").read_bytes() == b"rusak kedua"
    assert leftovers(tmp_path) == []


def test_copies_before_two_migrations_in_one_second_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite"
    shutil.copyfile(FIXTURES / "kinerja-0002.sqlite", path)
    first = safety_copy(path, "0002_opd_contacts")
    copy_database(FIXTURES / "kinerja-0001.sqlite", path)  # another file under the same name, same second
    second = safety_copy(path, "0002_opd_contacts")
    assert first != second and first.exists() and second.exists()
    assert second.name == f"lama.sebelum-migrasi-0002_opd_contacts-{SECOND}-2.sqlite"
    assert checksum(first) != checksum(second)
    assert leftovers(tmp_path) == []


def test_without_hard_links_names_are_still_claimed_once(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A FAT flash drive has no hard links: the name is claimed by an exclusive create, then filled.
    def no_links(_source, _target):  # noqa: ANN001, ANN202
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    assert demo_db.path is not None
    first = backup.save_aside(demo_db.path, "sebelum-pemulihan", demo_db)
    rename_first_opd(demo_db, "Di antara dua salinan")
    second = backup.save_aside(demo_db.path, "sebelum-pemulihan", demo_db)
    assert (first.name, second.name) == (
        f"demo.sebelum-pemulihan-{SECOND}.sqlite",
        f"demo.sebelum-pemulihan-{SECOND}-2.sqlite",
    )
    assert "Di antara dua salinan" not in names_of_opds(first) and "Di antara dua salinan" in names_of_opds(second)
    assert leftovers(demo_db.path.parent) == []
