"""``evaluate --annual``: the year's ranking by AKIP score beside the capaian score, in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_rows_carry_nilai_akip_and_predikat_akip_beside_the_capaian(
        demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--db", demo_db.location, "evaluate", "--annual", "--year", "2025",
                        "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["tahun"] == 2025 and data["jumlah_penghargaan"] == 5
    rows = data["peringkat"]
    assert [(r["peringkat"], r["nilai_akip"], r["predikat_akip"], r["penghargaan"]) for r in rows[:6]] == [
        (1, "63.19", "B", True), (2, "62.83", "B", True), (3, "60.62", "B", True), (4, "59.25", "CC", True),
        (5, "59.01", "CC", True), (6, rows[5]["nilai_akip"], "CC", False)]
    assert rows[0]["perangkat_daerah"] == "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"
    assert all({"nilai_akip", "predikat_akip", "nilai_capaian", "predikat_capaian"} <= set(r) for r in rows)
    assert sum(r["nilai_capaian"] is not None for r in rows) >= 20
    unevaluated = [r for r in rows if r["nilai_akip"] is None]
    assert len(unevaluated) == 2 and all(r["peringkat"] is None and r["predikat_akip"] is None for r in unevaluated)
    assert rows[-1] in unevaluated and "belum dievaluasi" in rows[-1]["catatan"]


def test_table_labels_both_scores_and_csv_has_plain_numbers(
        demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--db", demo_db.location, "evaluate", "--annual", "--year", "2025")
    assert code == 0
    lines = out.splitlines()
    assert "nilai AKIP (LKE Inspektorat) dan nilai capaian kinerja" in lines[0]
    assert lines[1].split()[:6] == ["peringkat", "kode", "perangkat_daerah", "nilai_akip", "predikat_akip",
                                    "nilai_capaian"]
    assert "63,19  B" in lines[3]
    code, out, _ = _run(capsys, "--db", demo_db.location, "evaluate", "--annual", "--year", "2025", "--format",
                        "csv")
    first = next(csv.DictReader(io.StringIO(out)))
    assert (first["nilai_akip"], first["predikat_akip"], first["penghargaan"]) == ("63.19", "B", "ya")


def test_quarter_or_annual_is_required(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--db", demo_db.location, "evaluate", "--year", "2025"])
    assert exit_.value.code == 2
    assert "--quarter --annual" in capsys.readouterr().err
