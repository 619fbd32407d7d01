"""Bad files: each gets a clear Indonesian message and leaves the database exactly as it was."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import checksum, content_rows, edit, make_laptop, opd_codes, realizations

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.interchange import manifest as manifest_module
from kinerja_desktop.interchange.archive import Limits
from kinerja_desktop.interchange.enrolment import EnrolmentKeys
from kinerja_desktop.interchange.errors import (
    ChecksumError,
    CorruptArchiveError,
    InterchangeError,
    MalformedContentError,
    ManifestError,
    MemberTooLargeError,
    SchemaTooNewError,
    SignatureError,
    UnsafeMemberError,
    WrongFileKindError,
    WrongRegencyError,
)
from kinerja_desktop.interchange.manifest import sign
from kinerja_desktop.services import backup, sync


@pytest.fixture(scope="module")
def world(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A centre (template file), a laptop's field package and a master package, made once."""
    folder = tmp_path_factory.mktemp("bad-files")
    centre_path = folder / "pusat.sqlite"
    _copy(demo_template, centre_path)
    centre = open_database(centre_path)
    x = opd_codes(centre, 1)[0]
    laptop = make_laptop(folder, "a", centre, [x])
    for rid in realizations(laptop, x)[:3]:
        edit(laptop, "indicator_realization", rid, problems="dari laptop")
    field_package = folder / "lapangan.kinerja-paket"
    sync.export_package(laptop, field_package)
    master = folder / "induk.kinerja-paket"
    master_code = sync.export_master_package(centre, master, opd_codes=[x]).code
    backup_file = folder / "cadangan.kinerja-backup"
    backup.create_backup(centre, backup_file)
    with laptop.read() as s:
        secret = s.connection().exec_driver_sql("SELECT secret FROM sync_installation").scalar()
    laptop.close()
    centre.close()
    _checkpoint(centre_path)
    (folder / "secret").write_text(secret)
    (folder / "code").write_text(master_code)
    return {"centre": centre_path, "field": field_package, "master": master, "backup": backup_file, "folder": folder}


def _copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.fixture
def centre(world: dict[str, Path], tmp_path: Path) -> Database:
    path = tmp_path / "pusat.sqlite"
    _copy(world["centre"], path)
    database = open_database(path)
    yield database
    database.close()


def rebuild(
    source: Path,
    target: Path,
    *,
    replace: dict[str, bytes | None] | None = None,
    add: dict[str, bytes] | None = None,
    manifest: Callable[[dict], None] | None = None,
    fix_checksums: bool = True,
    secret: str | None = None,
) -> Path:
    """Copy a package or backup, changing members; checksums (and the signature) recomputed if asked."""
    replace = replace or {}
    with zipfile.ZipFile(source) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    for name, data in replace.items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    members.update(add or {})
    data = json.loads(members["manifest.json"])
    untouched = json.loads(members["manifest.json"])
    if fix_checksums:
        for name in replace:
            if name in data["files"] and members.get(name) is not None:
                data["files"][name] = {"sha256": hashlib.sha256(members[name]).hexdigest(), "size": len(members[name])}
    if manifest:
        manifest(data)
    if data != untouched:
        members["manifest.json"] = json.dumps(data).encode()
    if secret and "manifest.sig" in members:
        members["manifest.sig"] = sign(secret, members["manifest.json"])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return target


def _refused(db: Database, path: Path, error: type[InterchangeError], match: str, code: str | None = None) -> None:
    before = checksum(db.path)
    with pytest.raises(error, match=match) as info:
        sync.import_package(db, path, code=code)
    assert "Basis data tidak diubah" in str(info.value)
    assert checksum(db.path) == before


def _secret(world: dict[str, Path]) -> str:
    return (world["folder"] / "secret").read_text()


def test_valid_field_package_imports(centre: Database, world: dict[str, Path]) -> None:
    assert sync.import_package(centre, world["field"]).changed == 3


def test_truncated_package(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    data = world["field"].read_bytes()
    for cut in (10, len(data) // 2, len(data) - 30):
        bad = tmp_path / f"potong-{cut}.kinerja-paket"
        bad.write_bytes(data[:cut])
        _refused(centre, bad, CorruptArchiveError, "rusak atau tidak lengkap")


def test_not_a_zip_and_wrong_kind(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    bad = tmp_path / "teks.kinerja-paket"
    bad.write_text("ini bukan paket")
    _refused(centre, bad, CorruptArchiveError, "rusak")
    _refused(centre, world["backup"], WrongFileKindError, "bukan paket Kinerja")
    with pytest.raises(WrongFileKindError, match="bukan berkas cadangan"):
        backup.preview_restore(centre, world["field"])


def test_wrong_checksum(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    with zipfile.ZipFile(world["field"]) as zf:
        payload = zf.read("rows.json")
    changed = payload.replace(b"dari laptop", b"dari lapangan")
    bad = rebuild(world["field"], tmp_path / "c.kinerja-paket", replace={"rows.json": changed}, fix_checksums=False)
    _refused(centre, bad, ChecksumError, "checksum isian “rows.json”")


def test_changed_manifest_breaks_the_signature(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    with zipfile.ZipFile(world["field"]) as zf:
        payload = zf.read("rows.json")
    changed = payload.replace(b"dari laptop", b"dari lapangan")
    bad = rebuild(world["field"], tmp_path / "s.kinerja-paket", replace={"rows.json": changed})
    _refused(centre, bad, SignatureError, "tanda tangan tidak cocok")
    unsigned = rebuild(world["field"], tmp_path / "u.kinerja-paket", replace={"manifest.sig": None})
    _refused(centre, unsigned, SignatureError, "tidak bertanda tangan")


def test_package_from_another_regency(world: dict[str, Path], tmp_path: Path) -> None:
    laptop = open_database(tmp_path / "laptop.sqlite")
    try:
        code = (world["folder"] / "code").read_text()
        sync.import_package(laptop, world["master"], code=code)

        def other(data: dict) -> None:
            data["regency"] = {"id": "00000000-0000-4000-8000-000000000001", "name": "Kabupaten Lain"}
            data["seq"] += 1
            keys.append(EnrolmentKeys(code, data["package_id"]).manifest_key)

        keys: list[str] = []
        rebuild(world["master"], tmp_path / "kunci.kinerja-paket", manifest=other)  # learns the key
        bad = rebuild(world["master"], tmp_path / "lain.kinerja-paket", manifest=other, secret=keys[0])
        _refused(laptop, bad, WrongRegencyError, "Kabupaten Lain", code=code)
    finally:
        laptop.close()


def test_newer_schema(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    def newer(data: dict) -> None:
        data["schema_revision"] = "0099_masa_depan"

    bad = rebuild(world["field"], tmp_path / "n.kinerja-paket", manifest=newer, secret=_secret(world))
    _refused(centre, bad, SchemaTooNewError, "lebih baru")


@pytest.mark.parametrize("member", ["../keluar.txt", "/etc/passwd", "bukti/../../x", "C:/Windows/x", "bukti\\..\\x"])
def test_paths_that_escape_the_folder(centre: Database, world: dict[str, Path], tmp_path: Path, member: str) -> None:
    bad = rebuild(world["field"], tmp_path / "slip.kinerja-paket", add={member: b"x"})
    _refused(centre, bad, UnsafeMemberError, "tidak aman")


def test_unexpected_members_are_not_read(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    bad = rebuild(world["field"], tmp_path / "py.kinerja-paket", add={"jalankan.py": b"import os"})
    _refused(centre, bad, UnsafeMemberError, "isian tidak dikenal")


def test_zip_bomb_by_ratio(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    bomb = b"{" + b" " * (20 << 20) + b"}"
    bad = rebuild(world["field"], tmp_path / "bom.kinerja-paket", replace={"rows.json": bomb}, secret=_secret(world))
    _refused(centre, bad, MemberTooLargeError, "bom zip")


def test_oversized_member(centre: Database, world: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manifest_module, "ROWS_LIMITS", Limits(max_member=100, max_ratio=1000))
    _refused(centre, world["field"], MemberTooLargeError, "lebih besar dari batas")


def test_malformed_json(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    for n, payload in enumerate([b"{", b'{"rows": 5}', b"[1, 2]", b'{"rows": {"opd": [{"values": 1}]}}', b"\xff\xfe"]):
        bad = rebuild(
            world["field"], tmp_path / f"j{n}.kinerja-paket", replace={"rows.json": payload}, secret=_secret(world)
        )
        _refused(centre, bad, MalformedContentError, "tidak sah")


def test_malformed_manifest(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    def broken(data: dict) -> None:
        data["seq"] = "satu"

    bad = rebuild(world["field"], tmp_path / "m.kinerja-paket", manifest=broken)
    _refused(centre, bad, ManifestError, "bertipe salah")


def _edit_rows(world: dict[str, Path], change: Callable[[dict], None]) -> bytes:
    with zipfile.ZipFile(world["field"]) as zf:
        payload = json.loads(zf.read("rows.json"))
    change(payload)
    return json.dumps(payload).encode()


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda p: p["rows"]["indicator_realization"][0]["values"].update(quarter=7), "batasan"),
        (lambda p: p["rows"]["indicator_realization"][0]["values"].update(value=1.5), "bilangan desimal"),
        (lambda p: p["rows"]["indicator_realization"][0]["values"].update(year="2026"), "bilangan bulat"),
        (lambda p: p["rows"]["indicator_realization"][0]["values"].update(rahasia=1), "kolom tidak dikenal"),
        (
            lambda p: p["rows"]["indicator_realization"][0]["values"].update(
                indicator_id="00000000-0000-4000-8000-000000000009"
            ),
            "tidak ada",
        ),
        (lambda p: p["rows"].update(regency=[]), "tidak boleh ada"),
    ],
)
def test_rows_that_break_constraints(centre: Database, world: dict[str, Path], tmp_path: Path, change, match) -> None:  # noqa: ANN001
    payload = _edit_rows(world, change)
    bad = rebuild(world["field"], tmp_path / "r.kinerja-paket", replace={"rows.json": payload}, secret=_secret(world))
    _refused(centre, bad, MalformedContentError, match)


def test_corrupted_backup_is_refused(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    data = bytearray(world["backup"].read_bytes())
    data[len(data) // 3] ^= 0xFF
    bad = tmp_path / "rusak.kinerja-backup"
    bad.write_bytes(bytes(data))
    before = checksum(centre.path)
    with pytest.raises(InterchangeError, match="Basis data tidak diubah"):
        backup.restore_backup(centre, bad)
    assert checksum(centre.path) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_byte_flips_never_corrupt_the_database(world: dict[str, Path], tmp_path: Path, data) -> None:  # noqa: ANN001
    original = world["field"].read_bytes()
    flips = data.draw(
        st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(1, 255)), min_size=1, max_size=4)
    )
    flipped = bytearray(original)
    for offset, mask in flips:
        flipped[offset] ^= mask
    name = hashlib.sha1(bytes(flipped)).hexdigest()[:12]
    package = tmp_path / f"{name}.kinerja-paket"
    package.write_bytes(bytes(flipped))
    path = tmp_path / f"{name}.sqlite"
    _copy(world["centre"], path)
    db = open_database(path)
    try:
        before = checksum(path)
        try:
            sync.import_package(db, package)
        except InterchangeError as exc:
            assert "Basis data tidak diubah" in str(exc)
            assert checksum(path) == before
        else:
            # A flip in bytes no checksum covers (a timestamp in a zip header): the import is the genuine one
            reference = tmp_path / "ref.sqlite"
            if not reference.exists():
                _copy(world["centre"], reference)
                ref = open_database(reference)
                sync.import_package(ref, world["field"])
                ref.close()
            assert content_rows(path) == content_rows(reference)
    finally:
        db.close()


@pytest.mark.parametrize(
    ("kind", "version", "accepted"), [("field", 2, True), ("field", 3, False), ("field", 0, False)]
)
def test_package_format_versions(
    centre: Database, world: dict[str, Path], tmp_path: Path, kind: str, version: int, accepted: bool
) -> None:
    """A package may say version 1 or 2 (2: tables as columns and arrays); a newer one is refused, with a message."""

    def versioned(data: dict) -> None:
        data["format_version"] = version

    package = rebuild(world[kind], tmp_path / "v.kinerja-paket", manifest=versioned, secret=_secret(world))
    if accepted:
        sync.import_package(centre, package)
    else:
        _refused(centre, package, ManifestError, f"versi format {version} belum dikenal")


def test_backup_format_version_two_is_refused(centre: Database, world: dict[str, Path], tmp_path: Path) -> None:
    def versioned(data: dict) -> None:
        data["format_version"] = 2

    bad = rebuild(world["backup"], tmp_path / "v.kinerja-backup", manifest=versioned)
    with pytest.raises(ManifestError, match="versi format 2 belum dikenal"):
        backup.preview_restore(centre, bad)
