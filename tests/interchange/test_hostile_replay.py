"""Hostile cases of issue 11's classes 3, 4, 6, 11 and 14 replayed through the command line, as an outside suite
would: each ends with an Indonesian message and a non-zero exit (or a refusal line), never a traceback, and
the database keeps exactly what it had.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from raw_sql import behind_the_apps_back
from sync_helpers import (
    checksum,
    content,
    draft_agreement,
    edit,
    encoded,
    forge,
    laptop_secret,
    make_laptop,
    opd_codes,
    opd_id,
    realizations,
    signed_agreement,
)

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.interchange.enrolment import EnrolmentKeys
from kinerja_desktop.services import sync

NAN_VALUES = ["NaN", "Infinity", "1E+50", "1E+1000000", "0.000000001"]

pytestmark = pytest.mark.sqlite_only  # replays through the command line on files of issue 11's classes


def _run(capsys, *argv: str) -> tuple[int, str]:  # noqa: ANN001
    code = main(list(argv))
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "Traceback" not in text
    return code, text


# ------------------------------------------------------------------------ class 3 and 4: field packages


@pytest.fixture
def field(demo_db: Database, tmp_path: Path) -> dict:
    x, y = opd_codes(demo_db, 2)
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    edit(laptop, "indicator_realization", realizations(laptop, x)[0], problems="sah dari laptop")
    package = tmp_path / "lapangan.kinerja-paket"
    sync.export_package(laptop, package)
    return {"x": x, "y": y, "laptop": laptop, "package": package, "secret": laptop_secret(laptop)}


def _forged(field: dict, tmp_path: Path, change: Callable | None, members: dict | None = None) -> Path:
    return forge(field["package"], tmp_path / "palsu.kinerja-paket", change, secret=field["secret"], members=members)


def _tombstone(demo_db: Database, table: str, row_id: str, claimed_opd: str | None) -> Callable[[dict], None]:
    base = encoded(demo_db, table, row_id)

    def change(payload: dict) -> None:
        payload["tombstones"].append(
            {"table": table, "id": row_id, "opd_id": claimed_opd, "base": base, "base_version": base["version"]}
        )

    return change


def test_replay_field_package_deleting_outside_its_scope(demo_db, field, tmp_path, capsys) -> None:  # noqa: ANN001
    victim = realizations(demo_db, field["y"])[0]
    bad = _forged(field, tmp_path, _tombstone(demo_db, "indicator_realization", victim, opd_id(demo_db, field["x"])))
    before = checksum(demo_db.path)
    code, text = _run(capsys, "package", "import", "--db", demo_db.location, str(bad))
    assert code == 1 and "di luar cakupan OPD paket" in text and "Basis data tidak diubah" in text
    assert checksum(demo_db.path) == before


def test_replay_field_package_moving_an_item_into_a_signed_pk(demo_db, field, tmp_path, capsys) -> None:  # noqa: ANN001
    draft, signed = draft_agreement(demo_db, field["x"]), signed_agreement(demo_db, field["x"])
    with behind_the_apps_back(field["laptop"]) as conn:  # a tamperer past the laptop's triggers
        item = conn.exec_driver_sql("SELECT id FROM agreement_item WHERE agreement_id = ?", (draft,)).scalar()
        conn.exec_driver_sql("UPDATE agreement_item SET agreement_id = ? WHERE id = ?", (signed, item))
    package = tmp_path / "pindah.kinerja-paket"
    sync.export_package(field["laptop"], package)
    code, text = _run(capsys, "package", "import", "--db", demo_db.location, str(package), "--prefer", "package")
    assert code == 0 and "Ditolak:" in text and "ditandatangani" in text
    assert content(demo_db, "agreement_item", item)["agreement_id"] == draft


def test_replay_poisoned_evidence_member(demo_db, field, tmp_path, capsys) -> None:  # noqa: ANN001
    import hashlib

    honest = b"bukti asli"
    sha = hashlib.sha256(honest).hexdigest()

    def add_row(payload: dict) -> None:
        realisation = realizations(demo_db, field["x"])[0]
        values = {"id": "00000000-0000-4000-8000-0000000000b1", "created_at": "2026-01-01T00:00:00",
                  "updated_at": "2026-01-01T00:00:00", "version": 1, "realization_id": realisation,
                  "file_name": "bukti.pdf", "sha256": sha, "size": len(honest)}
        payload["rows"]["evidence"] = [{"id": values["id"], "values": values, "base": None, "base_version": None}]

    bad = _forged(field, tmp_path, add_row, members={f"bukti/{sha}": b"isi palsu"})
    before = checksum(demo_db.path)
    code, text = _run(capsys, "package", "import", "--db", demo_db.location, str(bad))
    assert code == 1 and "tidak cocok dengan namanya" in text
    assert checksum(demo_db.path) == before
    assert not (demo_db.evidence_dir / sha[:2] / sha).exists()


@pytest.mark.parametrize("name", ["../../../../etc/hostname", "/etc/hostname", "..\\..\\win.ini"])
def test_replay_evidence_row_naming_a_path(demo_db, field, tmp_path, capsys, name) -> None:  # noqa: ANN001
    def add_row(payload: dict) -> None:
        realisation = realizations(demo_db, field["x"])[0]
        values = {"id": "00000000-0000-4000-8000-0000000000b2", "created_at": "2026-01-01T00:00:00",
                  "updated_at": "2026-01-01T00:00:00", "version": 1, "realization_id": realisation,
                  "file_name": "hostname", "sha256": name, "size": 10}
        payload["rows"]["evidence"] = [{"id": values["id"], "values": values, "base": None, "base_version": None}]

    bad = _forged(field, tmp_path, add_row)
    code, text = _run(capsys, "package", "import", "--db", demo_db.location, str(bad))
    assert code == 1 and "Sidik berkas bukti" in text


# -------------------------------------------------------------------------- class 6 and 11: master packages


@pytest.fixture
def master(demo_db: Database, tmp_path: Path, capsys) -> dict:  # noqa: ANN001
    x = opd_codes(demo_db, 1)[0]
    path = tmp_path / "induk.kinerja-paket"
    argv = ("package", "export", "--db", demo_db.location, "--opd", x, "--master", "--out", str(path))
    code, text = _run(capsys, *argv)
    assert code == 0
    enrolment = text.split("Kode pendaftaran: ")[1].split()[0]
    with zipfile.ZipFile(path) as zf:
        package_id = json.loads(zf.read("manifest.json"))["package_id"]
    return {"path": path, "code": enrolment, "key": EnrolmentKeys(enrolment, package_id).manifest_key, "x": x}


def _laptop_import(tmp_path: Path, capsys, package: Path, code: str) -> tuple[int, str, Path]:  # noqa: ANN001
    laptop = tmp_path / "laptop.sqlite"
    result, text = _run(capsys, "package", "import", "--db", str(laptop), str(package), "--code", code)
    return result, text, laptop


def _empty(path: Path) -> bool:
    database = open_database(path)
    try:
        with database.read() as s:
            return s.connection().exec_driver_sql("SELECT count(*) FROM regency").scalar() == 0
    finally:
        database.close()


def test_replay_edited_master_package(master, tmp_path, capsys) -> None:  # noqa: ANN001
    def lower(payload: dict) -> None:
        payload["rows"]["indicator_realization"][0]["values"]["value"] = "0.01"

    edited = forge(master["path"], tmp_path / "diubah.kinerja-paket", lower)
    code, text, laptop = _laptop_import(tmp_path, capsys, edited, master["code"])
    assert code == 1 and "kode pendaftaran salah, atau paket induk telah diubah" in text
    assert _empty(laptop)


def _row(payload: dict, table: str) -> dict:
    return payload["rows"][table][0]["values"]


HOSTILE_MASTER_ROWS = [
    ("opd", "name", "x" * 10_000, "Nama OPD terlalu panjang"),
    ("indicator_realization", "value", "NaN", "Realisasi"),
    ("indicator_realization", "value", "1E+50", "Realisasi terlalu besar"),
    ("indicator_realization", "value", "1E+1000000", "Realisasi"),
    ("indicator_realization", "value", "0.000000001", "terlalu rinci"),
    ("indicator_realization", "quarter", 5, "Triwulan harus antara 1 dan 4"),
    ("indicator_target", "year", 1800, "Tahun target harus antara 2000 dan 2100"),
    ("official", "nip", "١٩٧٠٠١٠١١٩٩٥٠٣١٠٠١", "NIP harus terdiri dari 18 angka"),
    ("position_holder", "start_date", "0001-01-01", "Tanggal mulai menjabat harus antara"),
    ("position_holder", "start_date", "9999-12-31", "Tanggal mulai menjabat harus antara"),
    ("indicator", "weight", "1000", "Bobot harus antara"),
    ("program_budget", "pagu", 10**18, "Pagu harus antara"),
]


@pytest.mark.parametrize(("table", "column", "value", "message"), HOSTILE_MASTER_ROWS)
def test_replay_signed_master_package_with_values_no_service_accepts(  # noqa: PLR0913
    master, tmp_path, capsys, table, column, value, message  # noqa: ANN001
) -> None:
    # Even signed with the right code (the centre's own key), a value outside its column's limits is refused
    def change(payload: dict) -> None:
        _row(payload, table)[column] = value

    bad = forge(master["path"], tmp_path / "nilai.kinerja-paket", change, secret=master["key"])
    code, text, laptop = _laptop_import(tmp_path, capsys, bad, master["code"])
    assert code == 1 and message in text and "Basis data tidak diubah" in text
    assert _empty(laptop)


def test_replay_master_package_carrying_a_secret(master, tmp_path, capsys) -> None:  # noqa: ANN001
    def add_secret(payload: dict) -> None:
        payload["enrolment"]["secret"] = "ab" * 32

    bad = forge(master["path"], tmp_path / "rahasia.kinerja-paket", add_secret, secret=master["key"])
    code, text, _laptop = _laptop_import(tmp_path, capsys, bad, master["code"])
    assert code == 1 and "data pendaftaran laptop tidak sah" in text


def test_replay_centre_with_a_stored_value_no_laptop_could_take(demo_db, tmp_path, capsys) -> None:  # noqa: ANN001
    # A value stored before the limits held (raw SQL here) is refused at the centre, not on every laptop
    x = opd_codes(demo_db, 1)[0]
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE opd SET name = ? WHERE code = ?", ("x" * 10_000, x))
    out = tmp_path / "induk.kinerja-paket"
    code, text = _run(capsys, "package", "export", "--db", demo_db.location, "--opd", x, "--master", "--out", str(out))
    assert code == 1 and "Paket induk tidak dibuat" in text and "Nama OPD terlalu panjang" in text
    assert not out.exists()


# ---------------------------------------------------------------------------------------- class 14: CSV


def test_replay_formula_in_an_opd_name_through_csv(demo_db, capsys) -> None:  # noqa: ANN001
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE opd SET code = '=HYPERLINK(\"http://x\",\"y\")' WHERE sort_order = 1")
    code, text = _run(capsys, "agreements", "list", "--db", demo_db.location, "--year", "2025", "--format", "csv")
    assert code == 0 and "'=HYPERLINK" in text and ",=HYPERLINK" not in text and not text.startswith("=")
