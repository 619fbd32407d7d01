"""The ``jabatan`` workbook: positions inside the OPDs with their superiors and holders, through the positions
service; a file with a problem is refused whole, every problem listed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.db.database import Database
from kinerja_desktop.domain.enums import ActingKind, PositionLevel
from kinerja_desktop.services import positions
from kinerja_desktop.services.excel_import import Action, ImportRefused, import_file
from kinerja_desktop.services.excel_template import write_template

HEADER = ["Kode OPD", "Jabatan", "Tingkat", "Atasan Langsung", "Nama Pemegang", "NIP", "Pangkat/Golongan", "Status",
          "Mulai Menjabat"]


def _file(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Jabatan"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _structure(db: Database, opd_id: str) -> list[tuple]:
    return [(r.depth, r.name, r.level, r.holder_name, r.holder_position) for r in positions.list_positions(db, opd_id)]


def test_positions_are_imported_superiors_first_with_their_holders(db: Database, dinkes: str, tmp_path: Path) -> None:
    # GIVEN a file listing a Kasi before his Kabid, and a Kabid with a Plt.
    path = _file(tmp_path / "jabatan.xlsx", [
        ["Dinkes", "Kepala Seksi Kesehatan Keluarga", "Eselon IV", "Kepala Bidang Kesehatan Masyarakat",
         "Andi Saputra, S.K.M.", "198306152008011004", "Penata (III/c)", "Definitif", "02/01/2025"],
        ["1.02.0.00.0.00.01.0000", "Kepala Bidang Kesehatan Masyarakat", "Eselon III", None,
         "Drs. Yusuf Hamdani", "198001012005011005", "Pembina (IV/a)", "Plt.", "1 Juli 2025"],
    ])
    result = import_file(db, "jabatan", path)
    assert result.counts[Action.ADDED] == 2
    assert _structure(db, dinkes) == [
        (0, "Kepala Dinas Kesehatan", PositionLevel.HEAD, "dr. Siti Rahmawati, M.Kes.", "Kepala Dinas Kesehatan"),
        (1, "Kepala Bidang Kesehatan Masyarakat", PositionLevel.ESELON_III, "Drs. Yusuf Hamdani",
         "Plt. Kepala Bidang Kesehatan Masyarakat"),
        (2, "Kepala Seksi Kesehatan Keluarga", PositionLevel.ESELON_IV, "Andi Saputra, S.K.M.",
         "Kepala Seksi Kesehatan Keluarga"),
    ]
    kasi = positions.list_positions(db, dinkes)[2]
    [holding] = positions.holder_history(db, kasi.id)
    assert (holding.rank, holding.start_date, holding.acting) == ("Penata (III/c)", date(2025, 1, 2),
                                                                   ActingKind.DEFINITIVE)
    # AND the same file again changes nothing; a new holder from a date is a change of that row
    assert import_file(db, "jabatan", path).counts[Action.UNCHANGED] == 2
    book = openpyxl.load_workbook(path)
    book["Jabatan"]["E2"], book["Jabatan"]["F2"], book["Jabatan"]["I2"] = "Rina Wati, S.K.M.", None, "01/03/2026"
    book.save(path)
    changed = import_file(db, "jabatan", path)
    assert changed.counts[Action.CHANGED] == 1
    assert [h.name for h in positions.holder_history(db, kasi.id)] == ["Rina Wati, S.K.M.", "Andi Saputra, S.K.M."]


def test_a_file_with_problems_is_refused_whole_with_every_problem(db: Database, dinkes: str, tmp_path: Path) -> None:
    path = _file(tmp_path / "jabatan.xlsx", [
        ["Dinkes", "Sekretaris", "Eselon III", None, None, None, None, None, None],
        ["Dinsos", "Kepala Bidang Rehabilitasi Sosial", "Eselon III", None, None, None, None, None, None],
        ["Dinkes", "Kepala Seksi Gizi", "Eselon V", None, None, None, None, None, None],
        ["Dinkes", "Kepala Seksi Surveilans", "Eselon IV", "Kepala Bidang P2P", None, None, None, None, None],
        ["Dinkes", "Kepala Sub Bagian Keuangan", "Eselon IV", "Sekretaris", "Budi", None, None, None, None],
        ["Dinkes", "sekretaris", "Eselon III", None, None, None, None, None, None],
        ["Dinkes", "Kepala Sub Bagian Umum", "Eselon IV", "Sekretaris", None, None, None, None, None],
        ["Dinkes", "Kepala Bidang Yankes", "Eselon III", "Kepala Sub Bagian Umum", None, None, None, None, None],
    ])
    with pytest.raises(ImportRefused) as refused:
        import_file(db, "jabatan", path)
    listed = sorted((p.row or 0, p.column or "", p.message) for p in refused.value.problems)
    assert [(row, column) for row, column, _ in listed] == [
        (3, "Kode OPD"), (4, "Tingkat"), (5, "Atasan Langsung"), (6, "Mulai Menjabat"), (7, "Jabatan"),
        (9, "Atasan Langsung"),
    ]
    messages = {row: message for row, _column, message in listed}
    assert "perangkat daerah berkode Dinsos tidak ada" in messages[3]
    assert messages[5] == "jabatan Kepala Bidang P2P tidak ada di Dinas Kesehatan"
    assert "sudah ada pada baris 2" in messages[7]
    assert "harus jabatan kepala" in messages[9]  # an eselon III under an eselon IV: the service's rule
    assert [r.name for r in positions.list_positions(db, dinkes)] == ["Kepala Dinas Kesehatan"]  # nothing stored


def test_the_template_offers_the_levels_and_imports_nothing_untouched(db: Database, tmp_path: Path) -> None:
    path = write_template("jabatan", tmp_path / "templat-jabatan.xlsx")
    book = openpyxl.load_workbook(path)
    assert [c.value for c in book["Jabatan"][1]][: len(HEADER)] == HEADER
    assert book["Jabatan"]["C2"].value == "Eselon III"  # the example row, skipped on import
    assert import_file(db, "jabatan", path).changes == ()
