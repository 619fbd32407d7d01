"""``verification list|submit|verify|return`` and ``evaluate --verified-only`` on the demo regency (issue 17 §2):
the CLI takes the workflow's steps with its refusals, lists what waits, and labels "sementara" scores."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.services import evaluation


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_pk_submitted_returned_and_verified_from_the_command_line(
        demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    db = ("--db", demo_db.location)
    code, out, _ = _run(capsys, "verification", "list", *db)
    assert code == 0 and out.strip().endswith("0 menunggu verifikasi.")
    code, _, err = _run(capsys, "verification", "verify", *db, "--year", "2026", "--opd", "Dinkes")
    assert code == 1 and "Belum diajukan oleh perangkat daerah" in err
    assert _run(capsys, "verification", "submit", *db, "--year", "2026", "--opd", "Dinkes")[1] == (
        "PK 2026 Dinkes diajukan.\n")
    assert _run(capsys, "verification", "submit", *db, "--year", "2026", "--opd", "Disdikbud")[0] == 0
    code, out, _ = _run(capsys, "verification", "list", *db, "--format", "json")
    rows = json.loads(out)
    assert [(r["jenis"], r["dokumen"], r["tahun"], r["triwulan"]) for r in rows] == [
        ("pk", "PK 2026", 2026, None), ("pk", "PK 2026", 2026, None)]
    assert rows[0]["perangkat_daerah"] == "Dinas Kesehatan" and rows[0]["diajukan"] <= rows[1]["diajukan"]
    code, _, err = _run(capsys, "verification", "return", *db, "--year", "2026", "--opd", "Dinkes", "--note", " ")
    assert code == 1 and "Catatan pengembalian wajib diisi" in err
    assert _run(capsys, "verification", "return", *db, "--year", "2026", "--opd", "Dinkes", "--note",
                "Target stunting belum sesuai Renstra")[0] == 0
    code, out, _ = _run(capsys, "verification", "list", *db, "--format", "csv")
    assert [r["kode"] for r in csv.DictReader(io.StringIO(out))] == [rows[1]["kode"]]  # Dinkes' returned
    assert _run(capsys, "verification", "submit", *db, "--year", "2026", "--opd", "Dinkes")[0] == 0
    assert _run(capsys, "verification", "verify", *db, "--year", "2026", "--opd", "Dinkes")[0] == 0
    code, out, _ = _run(capsys, "verification", "list", *db)
    assert "Dinas Kesehatan" not in out and out.strip().endswith("1 menunggu verifikasi.")


def test_evaluate_labels_sementara_and_ranks_verified_reports_only(
        demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    db = ("--db", demo_db.location)
    full = evaluation.ranking(demo_db, 2025, 4)
    best, second = full.rows[0], full.rows[1]
    assert (best.rank, second.rank) == (1, 2) and best.verified and second.verified
    # GIVEN Bappeda returns the best OPD's Triwulan IV report: its score is "sementara" again
    code, _, err = _run(capsys, "verification", "return", *db, "--year", "2025", "--quarter", "4", "--opd",
                        best.opd_code, "--note", "Bukti dukung belum lengkap")
    assert code == 0, err
    code, out, _ = _run(capsys, "evaluate", *db, "--year", "2025", "--quarter", "4", "--format", "json")
    rows = json.loads(out)["peringkat"]
    assert (rows[0]["kode"], rows[0]["peringkat"], rows[0]["terverifikasi"]) == (best.opd_code, 1, False)
    assert "sementara" in rows[0]["catatan"]
    assert all(r["terverifikasi"] for r in rows[1:] if r["catatan"] != "belum lapor")
    # WHEN the ranking is limited to verified reports, the next OPD is first and the returned one is left out
    code, out, _ = _run(capsys, "evaluate", *db, "--year", "2025", "--quarter", "4", "--verified-only",
                        "--format", "json")
    data = json.loads(out)
    assert data["hanya_terverifikasi"] is True
    assert (data["peringkat"][0]["kode"], data["peringkat"][0]["peringkat"]) == (second.opd_code, 1)
    assert best.opd_code not in [r["kode"] for r in data["peringkat"]]
    assert len(data["peringkat"]) == len([r for r in full.rows if r.verified]) - 1
    code, out, _ = _run(capsys, "evaluate", *db, "--year", "2025", "--quarter", "4")
    first = out.splitlines()[3]
    assert best.opd_name in first and "sementara" in first
    code, out, _ = _run(capsys, "evaluate", *db, "--year", "2025", "--quarter", "4", "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["terverifikasi"] == "False"
