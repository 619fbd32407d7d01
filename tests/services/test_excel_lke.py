"""``lke export|import``: the LKE to Excel and back through the shared import (refused whole, every problem by
sheet, row and column), read back from real .xlsx files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.services import akip
from kinerja_desktop.services.excel_import import Action, ImportRefused, import_file
from kinerja_desktop.services.excel_lke import export_lke


def opd_id(db: Database, abbreviation: str) -> str:
    with db.read() as s:
        return s.scalars(select(Opd).where(Opd.abbreviation == abbreviation)).one().id


def edit(path: Path, sheet: str, changes: dict[tuple[str, str], str | int | None],
         key_columns: tuple[str, str] = ("Kode OPD", "Kode Kriteria")) -> None:
    """Set cells by (row key, column header); the row key joins the two key columns' values with "|"."""
    book = load_workbook(path)
    ws = book[sheet]
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        key = "|".join(str(row[headers.index(k)].value) for k in key_columns)
        for (wanted, column), value in changes.items():
            if wanted == key:
                row[headers.index(column)].value = value
    book.save(path)


def test_export_has_every_criterion_for_every_opd_and_reimports_unchanged(demo_db: Database, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lke.xlsx"
    assert main(["--db", demo_db.location, "lke", "export", "--year", "2025", "--out", str(out)]) == 0
    book = load_workbook(out, read_only=True)
    assert [n for n in book.sheetnames if n != "Pilihan"] == ["Jawaban LKE", "Evaluasi", "Struktur LKE"]
    answers = list(book["Jawaban LKE"].iter_rows(values_only=True))
    assert answers[0][:5] == ("Kode OPD", "Tahun", "Kode Kriteria", "Kriteria", "Jawaban")
    with demo_db.read() as s:
        active = s.scalars(select(Opd).where(Opd.is_active.is_(True))).all()
    assert len(answers) - 1 == 77 * len(active)
    dinkes = next(o for o in active if o.abbreviation == "Dinkes")
    form = akip.get_evaluation(demo_db, dinkes.id, 2025)
    row = next(r for r in answers if r[0] == dinkes.code and r[2] == "2.b.3")
    assert row[4] == form.answers["2.b.3"].answer and row[5] == form.answers["2.b.3"].evidence
    structure = list(book["Struktur LKE"].iter_rows(values_only=True))
    assert structure[1][1:4] == ("1", "Perencanaan Kinerja", 30)
    book.close()
    capsys.readouterr()
    assert main(["--db", demo_db.location, "lke", "import", str(out)]) == 0
    assert "0 ditambahkan, 0 diubah, 43 tetap" in capsys.readouterr().out


def test_answers_with_evidence_notes_and_recommendation_come_in(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "lke.xlsx"
    export_lke(demo_db, 2025, out, opd_codes=("Kec. Kalimas",))
    with demo_db.read() as s:
        code = s.scalars(select(Opd).where(Opd.abbreviation == "Kec. Kalimas")).one().code
    edit(out, "Jawaban LKE", {
        (f"{code}|1.a.1", "Jawaban"): "y", (f"{code}|1.a.1", "Bukti Dukung"): "Renstra Kecamatan 2025–2029",
        (f"{code}|1.a.2", "Jawaban"): "T", (f"{code}|1.a.2", "Catatan Evaluator"): "Renja belum ditetapkan",
        (f"{code}|1.a.2", "Rekomendasi"): "Tetapkan Renja", (f"{code}|1.b.1", "Jawaban"): "B",
    })
    edit(out, "Evaluasi", {(f"{code}|2025", "Evaluator"): "Tim Inspektorat"}, ("Kode OPD", "Tahun"))
    result = import_file(demo_db, "lke", out)
    assert [(c.action, c.subject) for c in result.changes if c.action is not Action.UNCHANGED] == [
        (Action.ADDED, "Evaluasi AKIP Kec. Kalimas 2025")]
    form = akip.get_evaluation(demo_db, opd_id(demo_db, "Kec. Kalimas"), 2025)
    assert form.answers["1.a.1"].answer == "Y" and form.answers["1.a.1"].evidence == "Renstra Kecamatan 2025–2029"
    assert (form.answers["1.a.2"].notes, form.answers["1.a.2"].recommendation) == ("Renja belum ditetapkan",
                                                                                   "Tetapkan Renja")
    assert form.evaluator == "Tim Inspektorat"
    # 1.a: 6 × 1/6 = 1; 1.b: 9 × 0,75 / 9 = 0,75
    [summary] = [s for s in akip.evaluation_summaries(demo_db, 2025) if s.opd_abbreviation == "Kec. Kalimas"]
    assert summary.total == Decimal("1.75") and summary.grade == "D"


def test_bad_cells_refuse_the_whole_file_listing_sheet_row_and_column(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "lke.xlsx"
    export_lke(demo_db, 2025, out, opd_codes=("Kec. Kalimas", "Kec. Ngrambe Lor"))
    with demo_db.read() as s:
        kalimas = s.scalars(select(Opd).where(Opd.abbreviation == "Kec. Kalimas")).one().code
        ngrambe = s.scalars(select(Opd).where(Opd.abbreviation == "Kec. Ngrambe Lor")).one().code
    edit(out, "Jawaban LKE", {(f"{kalimas}|1.a.1", "Jawaban"): "B", (f"{ngrambe}|1.a.1", "Jawaban"): "Y",
                              (f"{ngrambe}|1.b.1", "Kode OPD"): "9.99"})
    with pytest.raises(ImportRefused) as refused:
        import_file(demo_db, "lke", out)
    problems = [str(p) for p in refused.value.problems]
    assert ('Lembar “Jawaban LKE”, baris 2, kolom “Jawaban”: Kriteria 1.a.1: Jawaban “B” tidak ada pada skala '
            'Ya/Tidak (pilihan: Y, T)') in problems
    assert any("baris 85, kolom “Kode OPD”: perangkat daerah berkode 9.99 tidak ada" in p for p in problems)
    assert akip.get_evaluation(demo_db, opd_id(demo_db, "Kec. Ngrambe Lor"), 2025).version is None  # rolled back


def test_a_structure_whose_weights_do_not_sum_to_100_is_refused(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "lke.xlsx"
    export_lke(demo_db, 2026, out, opd_codes=("Dinkes",))
    edit(out, "Struktur LKE", {("2026|1", "Bobot"): 31}, ("Tahun", "Kode"))
    with pytest.raises(ImportRefused) as refused:
        import_file(demo_db, "lke", out)
    problems = [str(p) for p in refused.value.problems]
    assert "Lembar “Struktur LKE”: Bobot komponen berjumlah 101, harus 100" in problems
    edit(out, "Struktur LKE", {("2026|1", "Bobot"): 30, ("2026|1.a.1", "Skala Jawaban"): "Angka"}, ("Tahun", "Kode"))
    with pytest.raises(ImportRefused) as refused:
        import_file(demo_db, "lke", out)
    assert any("kolom “Skala Jawaban”: Skala jawaban “Angka” tidak dikenal" in str(p) for p in refused.value.problems)


def test_a_final_evaluation_is_not_changed_by_an_import(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "lke.xlsx"
    export_lke(demo_db, 2025, out, opd_codes=("Dinkes",))
    with demo_db.read() as s:
        code = s.scalars(select(Opd).where(Opd.abbreviation == "Dinkes")).one().code
    edit(out, "Jawaban LKE", {(f"{code}|4.c.1", "Catatan Evaluator"): "Diubah"})
    with pytest.raises(ImportRefused) as refused:
        import_file(demo_db, "lke", out)
    assert any("sudah final; buka kembali untuk mengubahnya" in str(p) for p in refused.value.problems)
