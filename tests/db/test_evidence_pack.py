"""Pack files of the evidence store (issue 20, the import goal): a package's 64 new evidence files or more are
written as one ``paket/<hex>.pack`` instead of one file each, and everything that reads the store (get, get_many,
names, open_path, backups and restores, field packages, the move onto a server) sees packed files as plain ones.
Real stores in temporary folders, real packs read back, damaged and torn packs made by hand."""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from edges import copy_database, leftovers
from sqlalchemy import select

from kinerja_desktop.db import evidence_pack
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.evidence import (
    EvidenceContentError,
    EvidenceNameError,
    FolderStore,
    evidence_path,
    store_evidence,
)
from kinerja_desktop.db.files import remove_leftovers
from kinerja_desktop.db.models import Evidence
from kinerja_desktop.services import backup, sync
from kinerja_desktop.services.server import import_sqlite

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "interchange"))
from sync_helpers import make_laptop, opd_codes, realizations  # noqa: E402


def files(count: int, tag: str = "bukti") -> dict[str, bytes]:
    """``count`` distinct small contents by their SHA-256."""
    contents = [f"%PDF-1.4 {tag} dukung nomor {n}".encode() for n in range(count)]
    return {hashlib.sha256(data).hexdigest(): data for data in contents}


def plain_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and p.parent.name != evidence_pack.PACK_FOLDER)


def packs(folder: Path) -> list[Path]:
    return sorted((folder / evidence_pack.PACK_FOLDER).glob("*.pack"))


def where(store: FolderStore, sha: str) -> tuple[Path, int, int]:
    """(pack, offset, size) of ``sha``'s entry, as the pack's own index says."""
    [(path, offset, size)] = store.packs()[sha]
    return Path(path), offset, size


# ---------------------------------------------------------------------------------------------- writing


def test_64_new_files_are_written_as_one_pack_and_no_plain_file(tmp_path: Path) -> None:
    # GIVEN an empty store; WHEN a package's 64 new files are put
    folder = tmp_path / "k-bukti"
    store, wanted = FolderStore(folder), files(64)
    store.put_many(wanted.items(), hashed=True)
    # THEN one pack holds them, no plain file, no temporary file, and every reader sees them
    assert len(packs(folder)) == 1 and plain_files(folder) == []
    assert leftovers(folder) == []
    assert evidence_pack.read_index(os.fspath(packs(folder)[0])).keys() == wanted.keys()
    assert store.names() == sorted(wanted)
    assert all(store.get(sha) == data for sha, data in wanted.items())
    assert dict(store.get_many([*wanted, "../x"])) == {**wanted, "../x": None}
    # AND another store on the same folder (a new window) reads them too
    assert dict(FolderStore(folder).get_many(wanted)) == wanted


def test_fewer_than_64_new_files_stay_plain_files(tmp_path: Path) -> None:
    folder = tmp_path / "k-bukti"
    store, wanted = FolderStore(folder), files(63)
    store.put_many(wanted.items())
    assert packs(folder) == [] and plain_files(folder) == sorted(wanted)
    assert dict(store.get_many(wanted)) == wanted


def test_only_new_files_count_towards_a_pack(tmp_path: Path) -> None:
    # GIVEN 10 files already stored as plain files
    folder = tmp_path / "k-bukti"
    store, old, more = FolderStore(folder), files(10, "lama"), files(60, "baru")
    store.put_many(old.items())
    # WHEN a package brings them again with 60 new ones (70 items, 60 new): plain files, no pack
    store.put_many([*old.items(), *more.items()])
    assert packs(folder) == [] and plain_files(folder) == sorted({**old, **more})
    # AND 64 new ones beside the 70 stored: one pack of exactly those 64
    newest = files(64, "terbaru")
    store.put_many([*old.items(), *more.items(), *newest.items()])
    assert len(packs(folder)) == 1 and plain_files(folder) == sorted({**old, **more})
    assert evidence_pack.read_index(os.fspath(packs(folder)[0])).keys() == newest.keys()
    assert dict(store.get_many([*old, *more, *newest])) == {**old, **more, **newest}


def test_putting_the_same_package_again_adds_no_second_pack(tmp_path: Path) -> None:
    folder = tmp_path / "k-bukti"
    wanted = files(100)
    FolderStore(folder).put_many(wanted.items())
    first = packs(folder)
    FolderStore(folder).put_many(wanted.items())  # a fresh store: nothing cached
    store = FolderStore(folder)
    store.put_many(reversed(list(wanted.items())))
    assert packs(folder) == first and plain_files(folder) == []
    assert dict(store.get_many(wanted)) == wanted


def test_a_pack_is_refused_as_plain_files_are(tmp_path: Path) -> None:
    folder = tmp_path / "k-bukti"
    store, wanted = FolderStore(folder), files(70)
    bad_content = hashlib.sha256(b"lain").hexdigest()
    # a bad name or a content that is not its name anywhere among 70: refused, nothing written
    with pytest.raises(EvidenceNameError):
        store.put_many([*wanted.items(), ("../../etc/passwd", b"x")])
    with pytest.raises(EvidenceContentError):
        store.put_many([*wanted.items(), (bad_content, b"isi lain")])
    assert packs(folder) == [] and plain_files(folder) == []
    # a symbolic link where a sub-folder of the store should be: refused, nothing written outside
    outside = tmp_path / "luar"
    outside.mkdir()
    folder.mkdir()
    first = next(iter(wanted))
    (folder / first[:2]).symlink_to(outside, target_is_directory=True)
    with pytest.raises(EvidenceNameError):
        store.put_many(wanted.items())
    assert list(outside.iterdir()) == [] and packs(folder) == []


def test_a_symlinked_pack_folder_is_neither_written_nor_read(tmp_path: Path) -> None:
    # GIVEN a store whose paket folder is a symbolic link out of it, holding a sound pack
    outside, folder = tmp_path / "luar", tmp_path / "k-bukti"
    elsewhere = files(64, "luar")
    FolderStore(outside).put_many(elsewhere.items())
    folder.mkdir()
    (folder / evidence_pack.PACK_FOLDER).symlink_to(outside / evidence_pack.PACK_FOLDER, target_is_directory=True)
    store = FolderStore(folder)
    # THEN the pack there is not read, and new files go in as plain files (nothing written outside)
    assert store.names() == [] and store.get(next(iter(elsewhere))) is None
    wanted = files(64)
    store.put_many(wanted.items())
    assert plain_files(folder) == sorted(wanted) and len(packs(outside)) == 1
    assert dict(store.get_many(wanted)) == wanted


def test_a_killed_writers_temporary_pack_is_ignored_and_cleaned(tmp_path: Path) -> None:
    folder = tmp_path / "k-bukti"
    store = FolderStore(folder)
    store.put_many(files(64).items())
    whole = packs(folder)[0]
    leftover = whole.with_name(f".{whole.stem}x.pack.999999999.tmp")  # a process id no process has
    leftover.write_bytes(whole.read_bytes())
    assert len(FolderStore(folder).names()) == 64
    assert remove_leftovers(folder, depth=1) == [leftover]
    assert packs(folder) == [whole]


# ---------------------------------------------------------------------------------------------- reading


def test_plain_and_packed_files_are_read_alike(tmp_path: Path) -> None:
    folder = tmp_path / "k-bukti"
    store, packed = FolderStore(folder), files(64)
    store.put_many(packed.items())
    plain = {store.put(data): data for data in (b"foto kegiatan", b"daftar hadir")}
    both = {**packed, **plain}
    assert store.names() == sorted(both)
    assert dict(store.get_many(both)) == both
    assert all(store.get(sha) == data for sha, data in both.items())
    for sha, data in both.items():
        opened = store.open_path(sha)
        assert opened == evidence_path(folder, sha) and opened.read_bytes() == data


def test_open_path_writes_a_packed_file_out_as_a_plain_file(tmp_path: Path) -> None:
    folder = tmp_path / "k-bukti"
    store, wanted = FolderStore(folder), files(64)
    store.put_many(wanted.items())
    sha = sorted(wanted)[10]
    opened = store.open_path(sha)
    assert opened == evidence_path(folder, sha) and opened.read_bytes() == wanted[sha]
    assert plain_files(folder) == [sha] and leftovers(folder) == []
    assert store.open_path(hashlib.sha256(b"tidak ada").hexdigest()) is None
    assert store.open_path("../../etc/hostname") is None


def test_open_path_of_a_read_only_store_gives_a_checked_copy_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    folder = tmp_path / "k-bukti"
    wanted = files(64)
    FolderStore(folder).put_many(wanted.items())
    store = FolderStore(folder, read_only=True)
    sha = sorted(wanted)[3]
    opened = store.open_path(sha)
    assert opened is not None and opened.is_relative_to(tmp_path / "temp") and opened.read_bytes() == wanted[sha]
    assert plain_files(folder) == []


def test_a_damaged_entry_reads_as_missing_and_a_new_put_repairs_it(tmp_path: Path) -> None:
    # GIVEN a pack in which one byte of one file was flipped (the index and trailer intact)
    folder = tmp_path / "k-bukti"
    store, wanted = FolderStore(folder), files(64)
    store.put_many(wanted.items())
    damaged = sorted(wanted)[5]
    pack, offset, _ = where(store, damaged)
    raw = bytearray(pack.read_bytes())
    raw[offset + 3] ^= 0xFF
    pack.write_bytes(bytes(raw))
    store = FolderStore(folder)
    # THEN that file reads as None everywhere, the others as they were
    assert store.get(damaged) is None and store.open_path(damaged) is None
    assert dict(store.get_many(wanted)) == {**wanted, damaged: None}
    # AND putting the package again stores that one file anew (a plain file), the rest is kept
    store.put_many(wanted.items())
    assert plain_files(folder) == [damaged] and len(packs(folder)) == 1
    assert dict(store.get_many(wanted)) == wanted


def test_a_sound_plain_file_wins_over_the_pack_and_a_pack_over_a_damaged_one(tmp_path: Path) -> None:
    folder = tmp_path / "k-bukti"
    store, wanted = FolderStore(folder), files(64)
    store.put_many(wanted.items())
    first, second = sorted(wanted)[:2]
    # a sound plain file beside a damaged pack entry: the plain file is read
    store_evidence(folder, wanted[first])
    pack, offset, _ = where(store, first)
    raw = bytearray(pack.read_bytes())
    raw[offset] ^= 0xFF
    pack.write_bytes(bytes(raw))
    store = FolderStore(folder)
    assert store.get(first) == wanted[first] and dict(store.get_many([first])) == {first: wanted[first]}
    assert store.open_path(first) == evidence_path(folder, first)
    # a damaged plain file beside a sound pack entry: the pack's content; open_path rewrites the plain file
    target = evidence_path(folder, second)
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(b"rusak")
    assert store.get(second) == wanted[second] and dict(store.get_many([second])) == {second: wanted[second]}
    assert store.open_path(second) == target and target.read_bytes() == wanted[second]


def _cut_short(pack: Path) -> None:
    pack.write_bytes(pack.read_bytes()[:-10])


def _bad_magic(pack: Path) -> None:
    raw = bytearray(pack.read_bytes())
    raw[-56:-48] = b"KNJPAK99"
    pack.write_bytes(bytes(raw))


def _bad_index_checksum(pack: Path) -> None:
    raw = bytearray(pack.read_bytes())
    raw[-1] ^= 0xFF
    pack.write_bytes(bytes(raw))


def _index_changed(pack: Path) -> None:  # an entry's size changed: the index no longer has its checksum
    raw = bytearray(pack.read_bytes())
    start, length = struct.unpack(">QQ", raw[-48:-32])
    raw[start + 47] ^= 0x01
    pack.write_bytes(bytes(raw))


def _trailer_lies(pack: Path) -> None:  # an index offset past the end
    raw = bytearray(pack.read_bytes())
    raw[-48:-40] = struct.pack(">Q", len(raw) * 2)
    pack.write_bytes(bytes(raw))


def _empty(pack: Path) -> None:
    pack.write_bytes(b"")


@pytest.mark.parametrize(
    "tear", [_cut_short, _bad_magic, _bad_index_checksum, _index_changed, _trailer_lies, _empty]
)
def test_a_torn_or_damaged_pack_is_ignored_without_error(tmp_path: Path, tear) -> None:  # noqa: ANN001
    # GIVEN two packs, one of them torn
    folder = tmp_path / "k-bukti"
    store, torn, sound = FolderStore(folder), files(64, "robek"), files(64, "utuh")
    store.put_many(torn.items())
    [first] = packs(folder)
    store.put_many(sound.items())
    tear(first)
    # THEN its files are missing (no traceback), the other pack reads as before, and a new put stores them again
    for reader in (store, FolderStore(folder)):
        assert reader.names() == sorted(sound)
        assert dict(reader.get_many([*torn, *sound])) == {**dict.fromkeys(torn), **sound}
        assert reader.get(next(iter(torn))) is None and reader.open_path(next(iter(torn))) is None
    store.put_many(torn.items())
    assert dict(store.get_many(torn)) == torn and len(packs(folder)) == 3


def test_pack_indexes_are_parsed_once_per_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "k-bukti"
    store, first, second = FolderStore(folder), files(64, "satu"), files(64, "dua")
    store.put_many(first.items())
    parsed: list[str] = []
    real = evidence_pack.read_index
    monkeypatch.setattr(evidence_pack, "read_index", lambda path: parsed.append(Path(path).name) or real(path))
    for sha in first:
        assert store.get(sha) == first[sha]
    assert store.names() == sorted(first)
    assert len(parsed) == 1
    store.put_many(second.items())  # a second pack: parsed once more, the first one not again
    assert dict(store.get_many([*first, *second])) == {**first, **second}
    assert len(parsed) == 2 and len(set(parsed)) == 2


# ---------------------------------------------------------------------------------------------- the app


@pytest.fixture
def centre(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A SQLite centre (a copy of the demo) whose store holds 70 packed files and 2 plain ones."""
    database = open_database(copy_database(demo_template, tmp_path / "pusat" / "k.sqlite"))
    database.evidence.put_many(files(70).items())
    for data in (b"foto kegiatan", b"daftar hadir"):
        database.evidence.put(data)
    yield database
    database.close()


def every_file(db: Database) -> dict[str, bytes | None]:
    return dict(db.evidence.get_many(db.evidence.names()))


def test_one_store_per_open_database(centre: Database) -> None:
    assert centre.evidence is centre.evidence


def test_the_evaluation_opens_a_packed_file_as_a_real_file(centre: Database) -> None:
    from kinerja_desktop.services import evaluation

    sha, data = sorted(files(70).items())[7]
    assert plain_files(centre.evidence_dir) == sorted(hashlib.sha256(d).hexdigest()
                                                       for d in (b"foto kegiatan", b"daftar hadir"))
    opened = evaluation.evidence_path(centre, sha)
    assert opened == evidence_path(centre.evidence_dir, sha) and opened.read_bytes() == data


def test_a_backup_of_a_packed_store_restores_every_file_into_an_empty_place(centre: Database, tmp_path: Path) -> None:
    expected = {**files(70), **{hashlib.sha256(d).hexdigest(): d for d in (b"foto kegiatan", b"daftar hadir")}}
    assert every_file(centre) == expected
    # WHEN the centre is backed up, THEN the backup holds every file as bukti/xx/<sha>, as before packs
    made = backup.create_backup(centre, tmp_path / "pusat.kinerja-backup")
    assert made.evidence_files == 72
    with zipfile.ZipFile(made.path) as zf:
        members = {name for name in zf.namelist() if name.startswith("bukti/")}
        assert members == {f"bukti/{sha[:2]}/{sha}" for sha in expected}
        assert all(zf.read(f"bukti/{sha[:2]}/{sha}") == data for sha, data in expected.items())
    # AND restoring it into a new, empty place gives every file back
    fresh = open_database(tmp_path / "kantor-baru" / "k.sqlite")
    try:
        result = backup.restore_backup(fresh, made.path, replace_regency=True)
        assert result.evidence_restored == 72
        assert every_file(fresh) == expected
    finally:
        fresh.close()
    # AND restoring it onto the centre itself writes nothing: every file is held sound already (no duplicate)
    before = sorted(p.relative_to(centre.evidence_dir) for p in centre.evidence_dir.rglob("*"))
    assert backup.restore_backup(centre, made.path).evidence_restored == 0
    assert sorted(p.relative_to(centre.evidence_dir) for p in centre.evidence_dir.rglob("*")) == before
    assert every_file(centre) == expected


def test_a_backup_takes_a_packed_files_sound_copy_over_a_damaged_plain_one(centre: Database, tmp_path: Path) -> None:
    sha, data = next(iter(files(70).items()))
    target = evidence_path(centre.evidence_dir, sha)
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(b"rusak")
    made = backup.create_backup(centre, tmp_path / "pusat.kinerja-backup")
    assert made.evidence_files == 72
    with zipfile.ZipFile(made.path) as zf:
        assert zf.read(f"bukti/{sha[:2]}/{sha}") == data


def _add_rows(db: Database, code: str, wanted: dict[str, bytes]) -> None:
    """An evidence row for each file, on the realisations of OPD ``code``."""
    ids = realizations(db, code)
    with db.write() as s:
        s.add_all(
            Evidence(realization_id=ids[n % len(ids)], file_name=f"bukti-{n}.pdf", sha256=sha, size=len(data))
            for n, (sha, data) in enumerate(wanted.items())
        )


def test_a_master_import_leaves_a_pack_and_a_field_package_carries_packed_files(
    centre: Database, tmp_path: Path
) -> None:
    # GIVEN evidence rows of one OPD at the centre for its 70 packed files
    code = opd_codes(centre, 1)[0]
    wanted = files(70)
    _add_rows(centre, code, wanted)
    # WHEN a new laptop is set up from a master package of that OPD
    laptop = make_laptop(tmp_path, "kecamatan", centre, [code])
    try:
        # THEN its store is one pack, every evidence row's file readable
        assert plain_files(laptop.evidence_dir) == [] and len(packs(laptop.evidence_dir)) == 1
        with laptop.read() as s:
            shas = list(s.scalars(select(Evidence.sha256)))
        assert sorted(shas) == sorted(wanted)
        assert dict(laptop.evidence.get_many(shas)) == wanted
        # AND when the laptop adds 64 files of its own (packed too), its field package carries them
        own = files(64, "lapangan")
        laptop.evidence.put_many(own.items())
        assert len(packs(laptop.evidence_dir)) == 2 and plain_files(laptop.evidence_dir) == []
        _add_rows(laptop, code, own)
        package = tmp_path / "lapangan.kinerja-paket"
        sync.export_package(laptop, package)
        with zipfile.ZipFile(package) as zf:
            carried = {name.rsplit("/", 1)[-1]: zf.read(name) for name in zf.namelist() if name.startswith("bukti/")}
        assert carried == own
        # AND the centre takes them (64 new files there: one more pack), each readable
        assert sync.import_package(centre, package).applied
        assert dict(centre.evidence.get_many(own)) == own
    finally:
        laptop.close()


def test_moving_a_packed_store_onto_a_server_carries_every_file(centre: Database, server_db: Database) -> None:
    expected = every_file(centre)
    source = Path(centre.location)
    centre.close()
    import_sqlite(source, server_db)
    assert every_file(server_db) == expected and len(expected) == 72
