"""Issue 12, "Done when": a city of 32 OPDs set up from an empty database with the command line only.

The templates come from ``kinerja-desktop template`` and are filled with openpyxl as a person fills them
(their example rows left in place: the example OPD's code is one of the city's, so importing it would clash);
then ``setup``, the imports of pimpinan, opd, rpjmd, renstra and program, the 2026 PKs created, finalised,
signed and printed, the first quarter's realisations imported and ranked with ``evaluate``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import excel_city as city
import pytest
from pypdf import PdfReader

from kinerja_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err + out.out
    return out.out


def test_a_city_from_nothing_to_its_first_ranking_with_the_command_line_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "wanasari.sqlite")
    templates = {kind: tmp_path / f"templat-{kind}.xlsx" for kind in city_kinds()}
    for kind, path in templates.items():
        assert run(capsys, "template", kind, "--out", str(path)).startswith(f"Templat {kind} ditulis")
    filled = {
        "pimpinan": city.fill(templates["pimpinan"], tmp_path / "pimpinan.xlsx", city.leaders()),
        "opd": city.fill(templates["opd"], tmp_path / "opd.xlsx", city.opds()),
        "rpjmd": city.fill(templates["rpjmd"], tmp_path / "rpjmd.xlsx", city.rpjmd()),
        "renstra": city.fill(templates["renstra"], tmp_path / "renstra.xlsx", city.renstra()),
        "program": city.fill(templates["program"], tmp_path / "program.xlsx", city.programs()),
    }
    indicators, budgets = city.realisations()
    realisasi = city.fill(templates["realisasi"], tmp_path / "realisasi.xlsx", indicators, "Realisasi Indikator")
    city.fill(realisasi, realisasi, budgets, "Realisasi Anggaran")

    # GIVEN an empty database set up as a city
    assert "Kota Wanasari disiapkan" in run(capsys, "setup", "--db", db, "--kind", "kota", "--name", "Wanasari",
                                            "--period", "2025-2029")
    # WHEN every plan file is imported (a dry run first: it writes nothing)
    assert "3 ditambahkan" in run(capsys, "import", "pimpinan", str(filled["pimpinan"]), "--db", db, "--dry-run")
    expected = {"pimpinan": "3 ditambahkan", "opd": "32 ditambahkan", "rpjmd": "20 ditambahkan",
                "renstra": "128 ditambahkan", "program": "128 ditambahkan"}
    for kind, counts in expected.items():
        out = run(capsys, "import", kind, str(filled[kind]), "--db", db)
        assert f"— {counts}, 0 diubah, 0 tetap." in out.splitlines()[0], out
    # ... and the same files again change nothing, not even the audit log
    before = city.database_checksum(Path(db))
    for kind in expected:
        out = run(capsys, "import", kind, str(filled[kind]), "--db", db)
        assert "— 0 ditambahkan, 0 diubah, " in out.splitlines()[0], out
    assert city.database_checksum(Path(db)) == before

    # THEN the year's agreements are made from the Renstra, finalised, signed and printed
    for action, extra in (("create", []), ("finalize", ["--date", "2026-01-20"]), ("sign", ["--date", "2026-01-26"])):
        out = run(capsys, "agreements", action, "--db", db, "--year", "2026", "--all", *extra)
        assert "32 selesai, 0 dilewati, 0 gagal" in out, out
    listing = [row for row in json.loads(run(capsys, "agreements", "list", "--db", db, "--year", "2026", "--format",
                                              "json")) if row["level"] == "opd"]
    assert len(listing) == 32
    assert {row["status"] for row in listing} == {"ditandatangani"}
    assert {row["indikator"] for row in listing} == {2}
    assert {row["anggaran"] for row in listing} == {3_000_000_000}
    pdfs = tmp_path / "pk"
    run(capsys, "print", "pk", "--db", db, "--year", "2026", "--out", str(pdfs))
    printed = sorted(pdfs.glob("*.pdf"))
    assert len(printed) == 32
    dinkes = next(p for p in printed if p.name == "PK-2026-DINKES.pdf")
    text = "".join(page.extract_text() for page in PdfReader(dinkes).pages)
    assert "Drs. Pejabat Nomor 12, M.Si." in text and "H. Rahmat Hidayat, S.H., M.H." in text
    assert "Persentase kepuasan layanan Dinkes" in text and "3.000.000.000" in text

    # AND the first quarter's realisations, filled offline, are imported and ranked
    out = run(capsys, "import", "realisasi", str(realisasi), "--db", db)
    assert "— 96 ditambahkan, 0 diubah, 0 tetap." in out.splitlines()[0], out
    ranking = json.loads(run(capsys, "evaluate", "--db", db, "--year", "2026", "--quarter", "1", "--format", "json"))
    rows = {row["kode"]: row for row in ranking["peringkat"]}
    assert len(rows) == 32 and all(row["catatan"] != "belum lapor" for row in rows.values())
    setda = rows[city.opd_code(0)]  # 25 of 30 served (83,33 %, weight 1) and 80,5 % of 80,5 % (100, weight 2)
    assert Decimal(setda["nilai"]) == Decimal("94.44")
    assert Decimal(setda["serapan"]) == Decimal("15.00")  # Rp 450 juta of Rp 3 miliar
    assert [Decimal(i["capaian"]) for i in setda["indikator"]] == [Decimal("83.33"), Decimal("100.00")]
    top = rows[city.opd_code(10)]  # 30 of 30 and 81 % of 80,5 %: (100 + 2 × 100,62) / 3
    assert (top["peringkat"], Decimal(top["nilai"])) == (1, Decimal("100.41"))
    again = run(capsys, "import", "realisasi", str(realisasi), "--db", db)
    assert "— 0 ditambahkan, 0 diubah, 96 tetap." in again.splitlines()[0]


def city_kinds() -> list[str]:
    return ["pimpinan", "opd", "rpjmd", "renstra", "program", "realisasi"]
