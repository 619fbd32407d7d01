"""Evidence files (issue 11, point 4): content checked against its name, names checked as SHA-256, and the
store never read or written outside its folder, whoever calls it."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_helpers import checksum, forge, laptop_secret, make_laptop, opd_codes, realizations

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.evidence import (
    EvidenceContentError,
    EvidenceNameError,
    evidence_path,
    find_evidence,
    read_evidence,
    store_evidence,
)
from kinerja_desktop.db.models import Evidence
from kinerja_desktop.interchange.errors import InterchangeError, MalformedContentError
from kinerja_desktop.services import evaluation, sync

GOOD = b"laporan kegiatan triwulan"
GOOD_SHA = hashlib.sha256(GOOD).hexdigest()
EVIL = b"isi lain yang menyamar"

# The folder store beside a SQLite file; a server keeps evidence in evidence_blob (test_server_backup.py).
pytestmark = pytest.mark.sqlite_only


def _laptop_with_evidence(demo_db: Database, tmp_path: Path) -> tuple[Database, Path]:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    store_evidence(laptop.evidence_dir, GOOD)
    with laptop.write() as s:
        s.add(Evidence(realization_id=realizations(laptop, x)[0], file_name="laporan.pdf", sha256=GOOD_SHA, size=25))
    package = tmp_path / "p.kinerja-paket"
    sync.export_package(laptop, package)
    return laptop, package


def _refused(centre: Database, package: Path, match: str) -> None:
    before = checksum(centre.path)
    with pytest.raises(MalformedContentError, match=match) as info:
        sync.import_package(centre, package)
    assert "Basis data tidak diubah" in str(info.value)
    assert checksum(centre.path) == before


def test_a_member_whose_content_is_not_its_name_is_refused(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN a laptop's package with one evidence file; WHEN its content is swapped (manifest and signature
    # made to match, as anyone with the laptop's key could)
    laptop, package = _laptop_with_evidence(demo_db, tmp_path)
    poisoned = forge(package, tmp_path / "racun.kinerja-paket", None, secret=laptop_secret(laptop),
                     members={f"bukti/{GOOD_SHA}": EVIL})
    # THEN the import is refused and nothing is stored under that name
    _refused(demo_db, poisoned, "tidak cocok dengan namanya")
    assert find_evidence(demo_db.evidence_dir, GOOD_SHA) is None
    # ... while the honest package stores the file under the hash of its content
    sync.import_package(demo_db, package)
    assert read_evidence(demo_db.evidence_dir, GOOD_SHA) == GOOD


@pytest.mark.parametrize(
    "name",
    ["../../../../etc/hostname", GOOD_SHA.upper(), GOOD_SHA[:63], GOOD_SHA + "\n", "٣" * 64, "/" + GOOD_SHA[1:]],
)
def test_an_evidence_row_whose_sha256_is_no_hash_is_refused(demo_db: Database, tmp_path: Path, name: str) -> None:
    laptop, package = _laptop_with_evidence(demo_db, tmp_path)

    def rename(payload: dict) -> None:
        payload["rows"]["evidence"][0]["values"]["sha256"] = name

    bad = forge(package, tmp_path / "nama.kinerja-paket", rename, secret=laptop_secret(laptop),
                members={f"bukti/{GOOD_SHA}": None})
    with zipfile.ZipFile(bad) as zf:
        assert not any(n.startswith("bukti/") for n in zf.namelist())
    _refused(demo_db, bad, "Sidik berkas bukti")


def test_a_master_package_never_copies_a_file_from_outside_the_store(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN a centre whose database holds an evidence row naming a file outside the store (raw SQL)
    secret_file = tmp_path / "rahasia.txt"
    secret_file.write_bytes(b"kata sandi server")
    x = opd_codes(demo_db, 1)[0]
    escape = "../" + secret_file.name  # relative to <store>/<first two characters>/
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO evidence (id, realization_id, file_name, sha256, size, created_at, updated_at, version) "
            "VALUES ('00000000-0000-4000-8000-0000000000e1', ?, 'rahasia.txt', ?, 17, '2026-01-01', '2026-01-01', 1)",
            (realizations(demo_db, x)[0], escape),
        )
    demo_db.evidence_dir.mkdir(exist_ok=True)
    # WHEN a master package is made THEN it is refused at the centre, naming the row, and nothing is written
    out = tmp_path / "induk.kinerja-paket"
    with pytest.raises(InterchangeError, match="Sidik berkas bukti harus sidik SHA-256"):
        sync.export_master_package(demo_db, out, opd_codes=[x])
    assert not out.exists()
    # ... and the store, asked by whatever caller, never reads that file
    assert read_evidence(demo_db.evidence_dir, escape) is None and find_evidence(demo_db.evidence_dir, escape) is None


@pytest.mark.parametrize("name", ["../../x", "ab/../../x", GOOD_SHA.upper(), GOOD_SHA[:-1], GOOD_SHA + "\n", "", None])
def test_the_store_refuses_names_that_are_no_sha256(tmp_path: Path, name: object) -> None:
    with pytest.raises(EvidenceNameError, match="tidak sah"):
        evidence_path(tmp_path, name)  # type: ignore[arg-type]
    if name is not None:  # None asks the store to name the file itself
        with pytest.raises(EvidenceNameError):
            store_evidence(tmp_path, GOOD, name)  # type: ignore[arg-type]
    assert find_evidence(tmp_path, name) is None  # type: ignore[arg-type]
    assert read_evidence(tmp_path, name) is None  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_the_store_refuses_content_that_is_not_its_name(tmp_path: Path) -> None:
    with pytest.raises(EvidenceContentError, match="tidak cocok"):
        store_evidence(tmp_path, EVIL, GOOD_SHA)
    assert find_evidence(tmp_path, GOOD_SHA) is None
    assert store_evidence(tmp_path, GOOD, GOOD_SHA) == GOOD_SHA
    assert (tmp_path / GOOD_SHA[:2] / GOOD_SHA).read_bytes() == GOOD


def test_symlinks_never_lead_out_of_the_store(tmp_path: Path) -> None:
    store, outside = tmp_path / "bukti", tmp_path / "luar"
    store.mkdir()
    outside.mkdir()
    # A file in the store that is a link to a file outside: never read
    (outside / "rahasia").write_bytes(GOOD)
    (store / GOOD_SHA[:2]).mkdir()
    (store / GOOD_SHA[:2] / GOOD_SHA).symlink_to(outside / "rahasia")
    assert find_evidence(store, GOOD_SHA) is None and read_evidence(store, GOOD_SHA) is None
    # A sub-folder of the store that is a link to a folder outside: never written into
    other = hashlib.sha256(EVIL).hexdigest()
    (store / other[:2]).symlink_to(outside, target_is_directory=True)
    with pytest.raises(EvidenceNameError):
        store_evidence(store, EVIL)
    assert sorted(p.name for p in outside.iterdir()) == ["rahasia"]
    # A damaged stored file (content changed on disk) is not handed out as evidence, and is repaired
    (store / GOOD_SHA[:2] / GOOD_SHA).unlink()
    (store / GOOD_SHA[:2] / GOOD_SHA).write_bytes(b"rusak")
    assert read_evidence(store, GOOD_SHA) is None
    store_evidence(store, GOOD)
    assert read_evidence(store, GOOD_SHA) == GOOD


def test_the_evaluation_service_opens_only_files_inside_the_store(demo_db: Database, tmp_path: Path) -> None:
    store_evidence(demo_db.evidence_dir, GOOD)
    assert evaluation.evidence_path(demo_db, GOOD_SHA) == demo_db.evidence_dir / GOOD_SHA[:2] / GOOD_SHA
    assert evaluation.evidence_path(demo_db, "../../../../etc/hostname") is None
    assert evaluation.evidence_path(demo_db, "../" + demo_db.path.name) is None


def test_an_evidence_row_with_a_path_for_a_name_is_refused_by_the_database(demo_db: Database) -> None:
    x = opd_codes(demo_db, 1)[0]
    from kinerja_desktop.services.errors import ValidationError

    with pytest.raises(ValidationError, match="SHA-256"), demo_db.write() as s:
        s.add(Evidence(realization_id=realizations(demo_db, x)[0], file_name="a.pdf", sha256="../../../../etc/hostname",
                       size=1))
    with demo_db.read() as s:
        assert s.scalars(select(Evidence.id)).all() == []


def test_many_files_at_once_are_checked_as_one_file_is(tmp_path: Path) -> None:
    """store_many / read_many (a package's evidence in one pass, issue 20): the same checks as one file."""
    from kinerja_desktop.db.evidence import read_many, store_many

    store = tmp_path / "bukti"
    files = {hashlib.sha256(data).hexdigest(): data for data in (GOOD, b"foto kegiatan", b"daftar hadir")}
    store_many(store, files.items())
    assert all(read_evidence(store, sha) == data for sha, data in files.items())
    # A damaged file is replaced, a sound one kept, nothing is left under another name
    damaged = evidence_path(store, GOOD_SHA)
    damaged.write_bytes(EVIL)
    store_many(store, [(GOOD_SHA, GOOD)])
    assert damaged.read_bytes() == GOOD
    assert sorted(p.name for p in store.rglob("*") if p.is_file()) == sorted(files)
    # Content that is not its name, or a name that is no hash, is refused and nothing is written
    with pytest.raises(EvidenceContentError):
        store_many(store, [(hashlib.sha256(b"x").hexdigest(), EVIL)])
    with pytest.raises(EvidenceNameError):
        store_many(store, [("../../etc/passwd", EVIL)])
    assert not evidence_path(store, hashlib.sha256(b"x").hexdigest()).exists()
    # A symlinked sub-folder leading out of the store is refused
    outside = tmp_path / "luar"
    outside.mkdir()
    evil_sha = hashlib.sha256(EVIL).hexdigest()
    (store / evil_sha[:2]).symlink_to(outside, target_is_directory=True)
    with pytest.raises(EvidenceNameError):
        store_many(store, [(evil_sha, EVIL)])
    assert list(outside.iterdir()) == []
    # read_many: the sound files; None for a missing, damaged, symlinked or badly named one
    (outside / evil_sha).write_bytes(EVIL)
    missing = hashlib.sha256(b"tidak ada").hexdigest()
    linked = hashlib.sha256(b"tautan").hexdigest()
    (store / linked[:2]).mkdir(exist_ok=True)
    (store / linked[:2] / linked).symlink_to(outside / evil_sha)
    other = next(sha for sha in files if sha != GOOD_SHA)
    evidence_path(store, other).write_bytes(EVIL)
    names = [*files, missing, evil_sha, linked, "../x"]
    read = dict(read_many(store, names))
    assert read == {
        GOOD_SHA: GOOD,
        other: None,
        **{sha: data for sha, data in files.items() if sha not in (GOOD_SHA, other)},
        missing: None,
        evil_sha: None,
        linked: None,
        "../x": None,
    }
    assert dict(read_many(None, [GOOD_SHA])) == {GOOD_SHA: None}
