"""Excel import and export times on a city of 60 OPDs with a large DPA and Renstra.

    python benchmarks/excel.py [--opds 60] [--subs 40]

The workbooks are written with openpyxl as a person fills the templates: an ``opd`` sheet of ``--opds`` rows; a
``renstra`` sheet with 2 sasaran × 4 indicators per OPD (yearly and quarterly targets for 2025–2029); a
``program`` sheet with 2 programs, 4 kegiatan and ``--subs`` sub kegiatan per OPD (pagu for five years). Each
file is imported twice (the second import finds everything unchanged and writes nothing) after a dry run,
then the Renstra and the programs are exported. Prints seconds per step and rows per second, and for each step its
baseline measured in the same run with the ratio: an import against openpyxl reading the same file's every cell
(``read_only``, values), an export against openpyxl writing the same cells into a new workbook (``write_only``).

The input is the city as a Bappeda fills the templates (``tests/excel_city.py``), not benchmarks/city.py's database:
an import needs workbooks, and that database's heads' NIPs do not pass the import's checks (city.py writes them
with a 0 as the gender digit).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

YEARS = list(range(2025, 2030))


def opd_rows(opds: int) -> list[dict]:
    return [{
        "Kode": f"{1 + n // 10}.{n % 10 + 1:02d}.0.00.0.00.{1 + n // 100:02d}.0000", "Nama": f"Dinas Nomor {n + 1}",
        "Singkatan": f"D{n + 1}", "Jenis": "Dinas", "Nama Kepala": f"Kepala Nomor {n + 1}",
        "NIP Kepala": f"1975011520000{1 + n % 2}1{n + 1:03d}", "Jabatan Kepala": f"Kepala Dinas Nomor {n + 1}",
        "Mulai Menjabat": "02/01/2024",
    } for n in range(opds)]


def renstra_rows(opds: list[dict]) -> list[dict]:
    rows = []
    for opd in opds:
        for s in range(2):
            for i in range(4):
                rows.append({
                    "Kode OPD": opd["Kode"], "Tujuan": f"Tujuan {opd['Singkatan']}",
                    "Sasaran": f"Sasaran {s + 1} {opd['Singkatan']}", "Indikator": f"Indikator {s + 1}.{i + 1}",
                    "Satuan": "unit" if i % 2 else "%", "Polaritas": "Positif",
                    "Cara Kumulasi": "Dijumlahkan" if i % 2 else "Nilai terakhir", "Kondisi Awal": 50,
                    **{f"Target {y}": 60 + 4 * (y - 2025) for y in YEARS},
                })
    return rows


def program_rows(opds: list[dict], subs: int) -> list[dict]:
    rows = []
    for opd in opds:
        for p in range(2):
            code = f"1.{p + 1:02d}.{p + 1:02d}"
            rows.append({"Kode OPD": opd["Kode"], "Kode": code, "Nama": f"PROGRAM {p + 1}"})
            for k in range(2):
                activity = f"{code}.2.{k + 1:02d}"
                rows.append({"Kode OPD": opd["Kode"], "Kode": activity, "Nama": f"Kegiatan {k + 1}"})
                for n in range(subs // 4):
                    rows.append({"Kode OPD": opd["Kode"], "Kode": f"{activity}.{n + 1:04d}", "Nama": f"Sub {n + 1}",
                                 **{f"Pagu {y}": 100_000_000 + n * 1_000_000 for y in YEARS}})
    return rows


def timed(label: str, rows: int, work, baseline: float | None = None) -> float:  # noqa: ANN001
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    against = f"   baseline {baseline:6.2f} s  ratio {seconds / baseline:5.1f}×" if baseline else ""
    print(f"{label:<38} {seconds:7.2f} s   {rows / seconds:8.0f} baris/s{against}")
    return seconds


def cells_of(path: Path) -> list[tuple[str, list[tuple]]]:
    """Every sheet's rows of values, as openpyxl reads them."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [(sheet.title, list(sheet.iter_rows(values_only=True))) for sheet in book.worksheets]
    finally:
        book.close()


def read_baseline(path: Path) -> float:
    """Seconds openpyxl takes to read every cell of ``path`` (what any import of the file pays)."""
    start = time.perf_counter()
    cells_of(path)
    return time.perf_counter() - start


def write_baseline(sheets: list[tuple[str, list[tuple]]], out: Path) -> float:
    """Seconds openpyxl takes to write the same cells into a new workbook (what any export of them pays)."""
    import openpyxl

    start = time.perf_counter()
    book = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(out)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opds", type=int, default=60)
    parser.add_argument("--subs", type=int, default=40)
    args = parser.parse_args()
    import excel_city as city

    import kinerja_desktop  # noqa: F401 - first: it keeps openpyxl off lxml, which excel_city's openpyxl would load
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.domain.enums import PeriodKind, RegionKind
    from kinerja_desktop.services.excel_export import export
    from kinerja_desktop.services.excel_import import import_file
    from kinerja_desktop.services.excel_template import write_template
    from kinerja_desktop.services.periods import PeriodData
    from kinerja_desktop.services.regency import RegencyProfile
    from kinerja_desktop.services.setup import SetupData, set_up

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = open_database(tmp / "kota.sqlite")
        set_up(db, SetupData(RegencyProfile(kind=RegionKind.KOTA, name="Wanasari", capital="Wanasari",
                                            agency_name="Bappeda", agency_short="Bappeda"),
                             PeriodData(2025, 2029, PeriodKind.RPJMD)))
        opds = opd_rows(args.opds)
        files = {}
        for kind, rows in (("opd", opds), ("renstra", renstra_rows(opds)), ("program", program_rows(opds, args.subs))):
            files[kind] = (city.fill(write_template(kind, tmp / f"t-{kind}.xlsx", years=YEARS), tmp / f"{kind}.xlsx",
                                     rows), len(rows))
        for kind, (path, rows) in files.items():
            print(f"{kind}: {rows} baris, {path.stat().st_size // 1024} KB")
            read = read_baseline(path)
            timed(f"  pratinjau (dry run) {kind}", rows, lambda: import_file(db, kind, path, dry_run=True), read)  # noqa: B023
            timed(f"  impor {kind}", rows, lambda: import_file(db, kind, path), read)  # noqa: B023
            timed(f"  impor ulang (tidak berubah) {kind}", rows, lambda: import_file(db, kind, path), read)  # noqa: B023
        for kind in ("renstra", "program"):
            rows = files[kind][1]
            out = tmp / f"ekspor-{kind}.xlsx"
            seconds = timed(f"ekspor {kind}", rows, lambda: export(db, kind, out))  # noqa: B023
            written = write_baseline(cells_of(out), tmp / f"baseline-{kind}.xlsx")
            print(f"{'':<38} baseline {written:6.2f} s (openpyxl writing the same cells)  "
                  f"ratio {seconds / written:5.1f}×")
        db.close()


if __name__ == "__main__":
    main()
