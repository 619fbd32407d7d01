"""``audit list`` and ``audit export`` (issue 17 §3): the trail filtered by user, OPD, period and kind, read back as
a table, CSV, JSON and an Excel workbook (openpyxl)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.services import audit
from kinerja_desktop.services import opd as opd_service


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def changed(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[Database, Opd, Opd]:
    """Two OPDs of the demo renamed/changed by two named people."""
    with demo_db.read() as s:
        first, second = s.scalars(select(Opd).order_by(Opd.sort_order).limit(2)).all()
    monkeypatch.setattr(audit, "current_user", lambda *_: "ani.bappeda")
    opd_service.save_opd(demo_db, replace(opd_service.get_opd(demo_db, first.id), phone="(0271) 111-222"))
    monkeypatch.setattr(audit, "current_user", lambda *_: "budi.opd")
    opd_service.save_opd(demo_db, replace(opd_service.get_opd(demo_db, second.id), website="https://contoh.go.id"))
    return demo_db, first, second


def test_list_filters_by_user_and_opd_in_every_format(changed, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    db, first, second = changed
    code, out, err = _run(capsys, "audit", "list", "--db", db.location, "--user", "ani.bappeda", "--format", "json")
    assert code == 0, err
    [entry] = json.loads(out)
    assert entry["pengguna"] == "ani.bappeda" and entry["opd"] == first.abbreviation
    assert entry["tindakan"] == "ubah" and entry["objek"] == "opd"
    [opd_change] = [c for c in entry["perubahan"] if c["tabel"] == "opd"]
    assert opd_change["kolom"]["phone"] == {"sebelum": first.phone, "sesudah": "(0271) 111-222"}

    code, out, _ = _run(capsys, "audit", "list", "--db", db.location, "--opd", second.code, "--since",
                        date.today().isoformat(), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["pengguna"] for r in rows if r["tindakan"] == "ubah"] == ["budi.opd"]
    assert {r["opd"] for r in rows} == {second.abbreviation}

    code, out, _ = _run(capsys, "audit", "list", "--db", db.location, "--user", "budi.opd")
    lines = out.splitlines()
    assert lines[0].split() == ["waktu", "pengguna", "asal", "opd", "tindakan", "objek", "ringkasan"]
    assert len(lines) == 3 and "budi.opd" in lines[2] and second.abbreviation in lines[2]

    code, out, _ = _run(capsys, "audit", "list", "--db", db.location, "--user", "ani.bappeda", "--until",
                        "2000-01-01", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_an_unknown_opd_or_a_bad_date_is_said_in_indonesian(changed, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    db, _first, _second = changed
    code, _out, err = _run(capsys, "audit", "list", "--db", db.location, "--opd", "TIDAK-ADA")
    assert code == 1 and "kode atau singkatan “TIDAK-ADA” tidak ada" in err and "Traceback" not in err
    with pytest.raises(SystemExit):
        main(["audit", "list", "--db", db.location, "--since", "kemarin"])
    code, _out, err = _run(capsys, "audit", "list", "--db", db.location, "--since", "2026-02-01", "--until",
                           "2026-01-01")
    assert code == 1 and "Tanggal awal sesudah tanggal akhir" in err


def test_export_writes_the_filtered_entries_and_their_fields(changed, tmp_path: Path,  # noqa: ANN001
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    db, first, _second = changed
    out_file = tmp_path / "audit.xlsx"
    code, out, err = _run(capsys, "audit", "export", "--db", db.location, "--user", "ani.bappeda", "--out",
                          str(out_file))
    assert code == 0, err
    assert "1 entri" in out
    book = load_workbook(out_file)
    entries = list(book["Jejak Audit"].values)
    assert entries[0] == ("Waktu", "Pengguna", "Asal", "OPD", "Tindakan", "Objek", "Ringkasan")
    assert [(r[1], r[3], r[4]) for r in entries[1:]] == [("ani.bappeda", first.abbreviation, "ubah")]
    details = list(book["Rincian"].values)
    assert details[0][7:] == ("Kolom", "Sebelum", "Sesudah")
    phone = [r for r in details[1:] if r[7] == "Telepon"]
    assert phone and phone[0][9] == "(0271) 111-222" and phone[0][1] == "ani.bappeda"


def test_the_trail_is_read_by_bappeda_and_the_pimpinan_only(changed, capsys: pytest.CaptureFixture[str],  # noqa: ANN001
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    db, _first, _second = changed
    monkeypatch.setenv("KINERJA_PASSWORD", "contoh123")
    for reader in ("admin", "verifikator", "pimpinan"):
        code, out, err = _run(capsys, "audit", "list", "--db", db.location, "--as", reader, "--user", "budi.opd",
                              "--format", "json")
        assert code == 0, err
        assert [e["pengguna"] for e in json.loads(out)] == ["budi.opd"]
    code, out, err = _run(capsys, "audit", "list", "--db", db.location, "--as", "dinkes")
    assert code == 1 and out == "" and "tidak boleh melihat jejak audit" in err and "Traceback" not in err
    from kinerja_desktop.services import users

    # the demo has several users: nobody signed in automatically (as tests/conftest.py otherwise lets the tests do)
    monkeypatch.setattr(users, "automatic_actor", lambda _db: None)
    code, _out, err = _run(capsys, "audit", "list", "--db", db.location)
    assert code == 1 and "Masuk (login)" in err
