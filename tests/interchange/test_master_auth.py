"""Master packages are authenticated by a one-time enrolment code (issue 11, point 6)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text
from sync_helpers import checksum, content, edit, forge, make_laptop, opd_codes, realizations

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.interchange.enrolment import ALPHABET, EnrolmentKeys, format_code, new_code, normalise_code
from kinerja_desktop.interchange.errors import EnrolmentCodeError, SignatureError
from kinerja_desktop.services import sync


@pytest.fixture
def master(demo_db: Database, tmp_path: Path) -> tuple[Path, str, str]:
    x = opd_codes(demo_db, 1)[0]
    path = tmp_path / "induk.kinerja-paket"
    result = sync.export_master_package(demo_db, path, opd_codes=[x])
    assert result.code is not None
    return path, result.code, x


def _laptop(tmp_path: Path) -> Database:
    return open_database(tmp_path / "laptop.sqlite")


def test_an_edited_master_package_is_refused(demo_db: Database, tmp_path: Path, master) -> None:  # noqa: ANN001
    # GIVEN a master package and its code; WHEN someone changes a realisation (73,29 → 0,01) and re-zips it
    # with every checksum made to match (they cannot re-sign it: the key comes from the code)
    path, code, x = master
    target = realizations(demo_db, x)[0]

    def lower(payload: dict) -> None:
        for row in payload["rows"]["indicator_realization"]:
            if row["id"] == target:
                row["values"]["value"] = "0.01"

    edited = forge(path, tmp_path / "diubah.kinerja-paket", lower)
    laptop = _laptop(tmp_path)
    try:
        before = checksum(laptop.path)
        # THEN the laptop refuses it, even with the right code, and nothing is set up
        with pytest.raises(SignatureError, match="kode pendaftaran salah, atau paket induk telah diubah") as info:
            sync.import_package(laptop, edited, code=code)
        assert "Basis data tidak diubah" in str(info.value)
        assert checksum(laptop.path) == before
        # ... while the package as the centre wrote it is accepted
        assert sync.import_package(laptop, path, code=code).applied
        assert content(laptop, "indicator_realization", target)["value"] == content(demo_db, "indicator_realization",
                                                                                    target)["value"]
    finally:
        laptop.close()


def test_without_the_right_code_nothing_is_imported(demo_db: Database, tmp_path: Path, master) -> None:  # noqa: ANN001
    path, code, _x = master
    laptop = _laptop(tmp_path)
    try:
        before = checksum(laptop.path)
        with pytest.raises(EnrolmentCodeError, match="memerlukan kode pendaftaran") as missing:
            sync.preview_import(laptop, path)
        assert missing.value.missing
        wrong = format_code("".join(ALPHABET[(ALPHABET.index(c) + 1) % 32] for c in normalise_code(code)))
        with pytest.raises(SignatureError, match="kode pendaftaran salah"):
            sync.import_package(laptop, path, code=wrong)
        with pytest.raises(EnrolmentCodeError, match="16 huruf dan angka"):
            sync.import_package(laptop, path, code="1234")
        assert checksum(laptop.path) == before
        # The code as an operator types it: lower case, spaces instead of dashes
        assert sync.import_package(laptop, path, code=code.lower().replace("-", " ")).applied
    finally:
        laptop.close()


def test_the_enrolment_secret_never_travels_in_the_package(demo_db: Database, tmp_path: Path, master) -> None:  # noqa: ANN001
    path, code, x = master
    with zipfile.ZipFile(path) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    enrolment = json.loads(files["rows.json"])["enrolment"]
    assert set(enrolment) == {"key_id", "centre_id"}
    with demo_db.read() as s:
        stored = s.execute(text("SELECT secret FROM sync_key WHERE id = :k"), {"k": enrolment["key_id"]})
        secret = stored.scalar()
    package_id = json.loads(files["manifest.json"])["package_id"]
    assert secret == EnrolmentKeys(code, package_id).field_key(enrolment["key_id"])
    assert not any(secret.encode() in data or bytes.fromhex(secret) in data for data in files.values())
    assert not any(normalise_code(code).encode() in data for data in files.values())
    # The laptop derives the same key from the code: its field packages are accepted at the centre
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    rid = realizations(laptop, x)[0]
    edit(laptop, "indicator_realization", rid, problems="dari laptop yang didaftarkan dengan kode")
    field = tmp_path / "lapangan.kinerja-paket"
    sync.export_package(laptop, field)
    assert sync.import_package(demo_db, field).changed == 1


def test_a_package_signed_the_old_way_is_refused(demo_db: Database, tmp_path: Path, master) -> None:  # noqa: ANN001
    # A master package without a signature (as the previous version wrote them) cannot be authenticated
    path, code, _x = master
    unsigned = forge(path, tmp_path / "lama.kinerja-paket", None, members={"manifest.sig": None})
    laptop = _laptop(tmp_path)
    try:
        with pytest.raises(SignatureError, match="kode pendaftaran salah, atau paket induk telah diubah"):
            sync.import_package(laptop, unsigned, code=code)
    finally:
        laptop.close()


def test_codes_are_fresh_and_typable() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 19 and normalise_code(code) is not None
        assert not set(code) & set("01OI")
    assert normalise_code("abcd efgh-jkmn pqrs") == "ABCDEFGHJKMNPQRS"
    assert normalise_code("ABCD-EFGH-JKMN-PQR0") is None
