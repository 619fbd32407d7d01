"""Exports to Excel read back with openpyxl: numbers as numbers, codes and NIP as text, formulas never; every
template kind's export re-imports unchanged; templates with their instructions, lists and examples."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import excel_city as city
import openpyxl
import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.services import opd
from kinerja_desktop.services.excel_export import EXPORT_KINDS, export, suggested_name
from kinerja_desktop.services.excel_import import Action, import_file
from kinerja_desktop.services.excel_template import write_template

TEMPLATE_KINDS = ("opd", "pimpinan", "jabatan", "rpjmd", "renstra", "program")


def rows_of(path: Path, sheet: str | None = None) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(path)
    ws = book[sheet] if sheet else book.worksheets[0]
    headers = [cell.value for cell in ws[1]]
    return [dict(zip(headers, row, strict=False)) for row in ws.iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_an_export_of_a_template_kind_reimports_unchanged(demo_db: Database, tmp_path: Path, kind: str) -> None:
    path = export(demo_db, kind, tmp_path / f"{kind}.xlsx").path
    before = city.database_checksum(demo_db)
    result = import_file(demo_db, kind, path)
    assert result.counts[Action.ADDED] == result.counts[Action.CHANGED] == 0
    assert result.counts[Action.UNCHANGED] >= 4
    assert city.database_checksum(demo_db) == before


def test_the_quarter_export_is_a_realisation_file_that_reimports_unchanged(demo_db: Database, tmp_path: Path) -> None:
    path = export(demo_db, "evaluasi", tmp_path / "evaluasi.xlsx", year=2025, quarter=3).path
    rows = rows_of(path, "Realisasi Indikator")
    assert len(rows) > 100 and {"Capaian (%)", "Target s.d. TW", "Keadaan"} <= set(rows[0])
    filled = [r for r in rows if r["Realisasi"] is not None]
    assert all(isinstance(r["Realisasi"], int | float) or isinstance(r["Realisasi"], str) for r in filled)
    assert any(isinstance(r["Capaian (%)"], float) for r in rows)
    before = city.database_checksum(demo_db)
    result = import_file(demo_db, "realisasi", path)
    assert result.counts[Action.ADDED] == result.counts[Action.CHANGED] == 0 < result.counts[Action.UNCHANGED]
    assert city.database_checksum(demo_db) == before


def test_numbers_are_numbers_codes_are_text_and_the_sheet_is_ready_to_filter(demo_db: Database, tmp_path: Path) -> None:
    path = export(demo_db, "program", tmp_path / "program.xlsx").path
    book = openpyxl.load_workbook(path)
    ws = book["Program"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:H{ws.max_row}"
    assert [c.value for c in ws[1]][:4] == ["Kode OPD", "Kode", "Nama", "Pagu 2025"]
    code, pagu = ws["B2"], ws["D2"]
    assert (code.data_type, code.number_format) == ("s", "@") and code.value.count(".") >= 2
    assert isinstance(pagu.value, int) and pagu.number_format == '"Rp "#,##0'
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width > 8
    ranking = openpyxl.load_workbook(export(demo_db, "peringkat", tmp_path / "p.xlsx", year=2025, quarter=3).path)
    first = ranking.worksheets[0]
    assert first.title == "Peringkat TW III 2025"
    score = first["E2"]
    assert isinstance(score.value, float) and score.number_format == "#,##0.00"
    assert first["A2"].value == 1
    opds = openpyxl.load_workbook(export(demo_db, "opd", tmp_path / "o.xlsx").path).worksheets[0]
    headers = [c.value for c in opds[1]]
    nip = opds.cell(row=2, column=headers.index("NIP Kepala") + 1)
    start = opds.cell(row=2, column=headers.index("Mulai Menjabat") + 1)
    assert nip.data_type == "s" and len(nip.value) == 18
    assert isinstance(start.value, datetime) and start.number_format == "[$-421]d mmmm yyyy"


def test_text_that_looks_like_a_formula_is_written_as_text(demo_db: Database, tmp_path: Path) -> None:
    first = opd.list_opds(demo_db)[0]
    form = opd.get_opd(demo_db, first.id)
    form.address, form.phone, form.website = "=HYPERLINK(\"http://x\",\"klik\")", "+62 294 381037", "@SUM(1+1)"
    form.renamed_on = None
    opd.save_opd(demo_db, form)
    path = export(demo_db, "opd", tmp_path / "opd.xlsx").path
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = {c.value: c for c in ws[2]}
    for text in (form.address, form.phone, form.website):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert import_file(demo_db, "opd", path).counts[Action.CHANGED] == 0


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_every_kind_exports_and_says_what_it_needs(demo_db: Database, tmp_path: Path, kind: str) -> None:
    path = export(demo_db, kind, tmp_path / suggested_name(kind, 2025, 3), year=2025, quarter=3).path
    book = openpyxl.load_workbook(path)
    assert all(ws.freeze_panes == "A2" and ws["A1"].font.bold for ws in book.worksheets)
    if kind != "belum-lapor":  # in the demo every OPD reported TW III 2025
        assert sum(ws.max_row - 1 for ws in book.worksheets) > 0


def test_report_kinds_ask_for_their_year_and_quarter(demo_db: Database, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "pk", "--db", demo_db.location, "--out", str(tmp_path / "pk.xlsx")]) == 1
    assert capsys.readouterr().err == "Galat: Ekspor pk memerlukan tahun (--year)\n"
    assert main(["export", "peringkat", "--db", demo_db.location, "--year", "2025", "--out",
                 str(tmp_path / "p.xlsx")]) == 1
    assert capsys.readouterr().err == "Galat: Ekspor peringkat memerlukan triwulan (--quarter)\n"
    assert main(["export", "rekap", "--db", demo_db.location, "--year", "2025", "--out",
                 str(tmp_path / "r.xlsx")]) == 0
    assert "Ekspor rekap ditulis" in capsys.readouterr().out
    recap = rows_of(tmp_path / "r.xlsx")
    assert {"Kelengkapan (%)", "Laporan TW I"} <= set(recap[0]) and isinstance(recap[0]["Laporan TW I"], int)


def test_a_template_has_instructions_lists_examples_and_the_periods_years(db: Database, tmp_path: Path) -> None:
    path = write_template("renstra", tmp_path / "renstra.xlsx", years=[2025, 2026, 2027, 2028, 2029])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Petunjuk", "Pilihan", "Renstra"]
    assert book["Pilihan"].sheet_state == "hidden" and book.active.title == "Renstra"
    guide = "\n".join(str(c.value) for c in book["Petunjuk"]["A"])
    assert "Target triwulan boleh dikosongkan: diturunkan dari cara kumulasinya" in guide
    assert "Baris bertanda CONTOH pada kolom terakhir tidak diimpor" in guide
    ws = book["Renstra"]
    headers = [c.value for c in ws[1]]
    assert headers[:12] == ["Kode OPD", "Kode Sasaran RPJMD", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas",
                            "Cara Kumulasi", "Definisi/Formula", "Sumber Data", "Kondisi Awal", "Bobot"]
    assert headers[12:17] == [f"Target {y}" for y in range(2025, 2030)]
    assert headers[17:21] == ["TW1 2025", "TW2 2025", "TW3 2025", "TW4 2025"] and headers[-2] == "TW4 2029"
    assert headers[-1] == "Contoh" and ws.cell(row=2, column=len(headers)).value.startswith("CONTOH")
    lists = {str(dv.sqref)[:1]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists == {"G": "'Pilihan'!$F$2:$F$4", "H": "'Pilihan'!$G$2:$G$6"}
    choices = book["Pilihan"]
    assert [c.value for c in choices["F"]][1:4] == ["Positif", "Negatif", "Rentang"]
    assert [c.value for c in choices["G"]][1:6] == ["Dijumlahkan", "Nilai terakhir", "Rata-rata", "Tetap",
                                                   "Dirilis instansi lain"]
    # the untouched template imports nothing: its example rows are skipped
    assert import_file(db, "renstra", path, dry_run=True).changes == ()


def test_a_template_from_the_command_line_follows_the_databases_period(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "program.xlsx"
    assert main(["template", "program", "--db", demo_db.location, "--out", str(out)]) == 0
    headers = [c.value for c in openpyxl.load_workbook(out)["Program"][1]]
    assert headers == ["Kode OPD", "Kode", "Nama", *(f"Pagu {y}" for y in range(2025, 2030)), "Contoh"]
    assert main(["template", "pimpinan", "--out", str(tmp_path / "p.xlsx"), "--period", "2030-2034"]) == 0
    examples = rows_of(tmp_path / "p.xlsx", "Pimpinan")
    assert examples[0]["Mulai"] == datetime(2030, 2, 20) and examples[0]["Jabatan"] == "Bupati"
    assert date(2030, 2, 20).year == 2030


@pytest.mark.sqlite_only  # the open database's own file and its journal
def test_an_export_never_lands_on_the_open_database(demo_db: Database, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from kinerja_desktop.db.errors import OutputPathError

    before = city.database_checksum(demo_db)
    with pytest.raises(OutputPathError, match="basis data yang sedang dibuka"):
        export(demo_db, "opd", demo_db.path)
    with pytest.raises(OutputPathError, match="folder"):
        write_template("opd", tmp_path)
    assert main(["export", "opd", "--db", demo_db.location, "--out", f"{demo_db.path}-wal"]) == 1
    assert "berkas jurnal basis data yang sedang dibuka" in capsys.readouterr().err
    assert city.database_checksum(demo_db) == before
    assert not [p for p in demo_db.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_the_pk_export_holds_every_level_with_its_items_and_programs(demo_db: Database, tmp_path: Path) -> None:
    path = export(demo_db, "pk", tmp_path / "pk.xlsx", year=2025).path
    heads = rows_of(path, "PK")
    assert heads[0]["Tingkat"] == "Daerah" and {row["Tingkat"] for row in heads[1:]} == {"Perangkat daerah"}
    assert all(isinstance(row["Total Anggaran"], int) for row in heads[1:])
    items, programs = rows_of(path, "Indikator PK"), rows_of(path, "Program PK")
    assert {row["Kode OPD"] for row in items} >= {row["Kode OPD"] for row in heads[1:]}
    assert all(isinstance(row["Anggaran"], int) for row in programs)
    signed = next(row for row in heads[1:] if row["Status"] == "Ditandatangani")
    assert isinstance(signed["Tanggal Tanda Tangan"], datetime) and len(signed["NIP Pihak Pertama"]) == 18
