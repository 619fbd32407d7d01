"""A city of 32 OPDs as a Bappeda would type it into the app's Excel templates (filled with openpyxl).

``fill(template, rows)`` writes rows (header → value) under a template's header and its example rows, as a
person does; the builders below give the rows of each kind for Kota Wanasari, RPJMD 2025–2029.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import raw_sql

from kinerja_desktop.db.database import Database

YEARS = range(2025, 2030)
KINDS = [
    ("Sekretariat Daerah", "Setda", "Sekretariat"),
    ("Sekretariat DPRD", "Setwan", "Sekretariat"),
    ("Inspektorat Daerah", "Inspektorat", "Inspektorat"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "Badan"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "Badan"),
    ("Badan Pendapatan Daerah", "Bapenda", "Badan"),
    ("Badan Kepegawaian dan Pengembangan SDM", "BKPSDM", "Badan"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "Badan"),
    ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "Badan"),
    ("Satuan Polisi Pamong Praja", "Satpol PP", "Satuan Polisi Pamong Praja"),
    ("Dinas Pendidikan", "Disdik", "Dinas"),
    ("Dinas Kesehatan", "Dinkes", "Dinas"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "Dinas"),
    ("Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "Dinas"),
    ("Dinas Sosial", "Dinsos", "Dinas"),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", "Dinas"),
    ("Dinas Pengendalian Penduduk dan KB", "DPPKB", "Dinas"),
    ("Dinas Ketahanan Pangan", "Dishanpan", "Dinas"),
    ("Dinas Lingkungan Hidup", "DLH", "Dinas"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "Dinas"),
    ("Dinas Perhubungan", "Dishub", "Dinas"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "Dinas"),
    ("Dinas Koperasi dan UKM", "Dinkop", "Dinas"),
    ("Dinas Penanaman Modal dan PTSP", "DPMPTSP", "Dinas"),
    ("Dinas Kepemudaan, Olahraga dan Pariwisata", "Disporapar", "Dinas"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip", "Dinas"),
    ("Rumah Sakit Umum Daerah Kota Wanasari", "RSUD", "Rumah Sakit Umum Daerah"),
    ("Kecamatan Wanasari Utara", "Kec. Utara", "Kecamatan"),
    ("Kecamatan Wanasari Selatan", "Kec. Selatan", "Kecamatan"),
    ("Kecamatan Wanasari Timur", "Kec. Timur", "Kecamatan"),
    ("Kecamatan Wanasari Barat", "Kec. Barat", "Kecamatan"),
    ("Kecamatan Wanasari Tengah", "Kec. Tengah", "Kecamatan"),
]
assert len(KINDS) == 32


def database_checksum(database: Database | Path) -> str:
    """Every row of every table (the audit log too): equal means the import wrote nothing.

    A SQLite file is dumped as it is; an open database (a file or a server) row by row in key order.
    """
    if isinstance(database, Database):
        return hashlib.sha256(raw_sql.dump(database).encode()).hexdigest()
    connection = sqlite3.connect(database)
    try:
        dump = "\n".join(connection.iterdump())
    finally:
        connection.close()
    return hashlib.sha256(dump.encode()).hexdigest()


def opd_code(n: int) -> str:
    return f"{1 + n // 10}.{n % 10 + 1:02d}.0.00.0.00.01.0000"


def nip(n: int) -> str:
    return f"1975{(n % 12) + 1:02d}15200001{1 + n % 2}{n + 1:03d}"


def program_code(n: int) -> str:
    return f"{1 + n // 10}.{n % 10 + 1:02d}.02"


def fill(template: Path, out: Path, rows: Sequence[Mapping[str, Any]], sheet: str | None = None) -> Path:
    """Write ``rows`` (header → value) under the template's header and example rows; save as ``out``."""
    workbook = openpyxl.load_workbook(template)
    ws = workbook[sheet] if sheet else workbook.worksheets[2]  # after "Petunjuk" and the hidden "Pilihan"
    headers = {cell.value: cell.column for cell in ws[1] if cell.value}
    filled = [cell.row for row in ws.iter_rows() for cell in row if cell.value is not None]
    start = max(filled) + 1  # under the header and the examples (empty formatted rows do not count)
    for offset, row in enumerate(rows):
        for header, value in row.items():
            cell = ws.cell(row=start + offset, column=headers[header])
            cell.value = value
            if isinstance(value, str) and header.startswith(("Kode", "NIP")):
                cell.number_format = "@"
    workbook.save(out)
    return out


def leaders() -> list[dict[str, Any]]:
    return [
        {"Jabatan": "Wali Kota", "Status": "Definitif", "Nama": "H. Rahmat Hidayat, S.H., M.H.",
         "Mulai": date(2025, 2, 20)},
        {"Jabatan": "Wakil Wali Kota", "Status": "Definitif", "Nama": "Dra. Lestari Wulandari, M.Si.",
         "Mulai": "20 Februari 2025"},
        {"Jabatan": "Sekretaris Daerah", "Status": "definitif", "Nama": "Ir. Budi Santosa, M.T.",
         "NIP": "196803121994031004", "Pangkat/Golongan": "Pembina Utama Madya (IV/d)", "Mulai": "01/03/2023"},
    ]


def opds() -> list[dict[str, Any]]:
    rows = []
    for n, (name, short, kind) in enumerate(KINDS):
        head_title = "Camat" if kind == "Kecamatan" else ("Direktur" if kind.startswith("Rumah") else "Kepala")
        rows.append({
            "Kode": opd_code(n), "Nama": name, "Singkatan": short, "Jenis": kind,
            "Alamat": f"Jl. Pahlawan No. {n + 1}, Wanasari", "Telepon": f"(024) 7600{n:02d}",
            "Pos-el": f"opd{n + 1}@wanasarikota.go.id",
            "Nama Kepala": f"Drs. Pejabat Nomor {n + 1}, M.Si.", "NIP Kepala": nip(n),
            "Pangkat/Golongan Kepala": "Pembina Tingkat I (IV/b)", "Jabatan Kepala": f"{head_title} {name}",
            "Status Kepala": "Plt." if n == 5 else "Definitif", "Mulai Menjabat": date(2024, 1, 2 + n % 20),
        })
    return rows


def rpjmd() -> list[dict[str, Any]]:
    rows = []
    for goal in range(4):
        for target in range(2):
            code = f"S{goal + 1}.{target + 1}"
            rows.append({
                "Kode Tujuan": f"T{goal + 1}", "Tujuan": f"Tujuan pembangunan kota nomor {goal + 1}",
                "Kode Sasaran": code, "Sasaran": f"Sasaran kota {code}", "Indikator": f"Indeks kota {code}",
                "Satuan": "nilai", "Polaritas": "Positif", "Cara Kumulasi": "Dirilis instansi lain",
                "Kondisi Awal": 70, **{f"Target {y}": 70 + (y - 2024) for y in YEARS},
            })
    return rows


def renstra() -> list[dict[str, Any]]:
    rows = []
    for n, (name, short, _kind) in enumerate(KINDS):
        common = {"Kode OPD": opd_code(n) if n % 2 == 0 else short,  # by code, or by abbreviation
                  "Kode Sasaran RPJMD": f"S{n % 4 + 1}.{n % 2 + 1}",
                  "Tujuan": f"Meningkatnya kinerja {name}", "Sasaran": f"Meningkatnya layanan {short}"}
        rows.append({**common, "Indikator": f"Jumlah layanan {short}", "Satuan": "layanan",
                     "Polaritas": "Positif", "Cara Kumulasi": "Dijumlahkan", "Kondisi Awal": 90,
                     **{f"Target {y}": 100 + 20 * (y - 2025) for y in YEARS}})
        rows.append({"Indikator": f"Persentase kepuasan layanan {short}", "Satuan": "%", "Polaritas": "Positif",
                     "Cara Kumulasi": "Nilai terakhir", "Definisi/Formula": "Survei kepuasan masyarakat",
                     "Sumber Data": "Survei IKM", "Kondisi Awal": "80,5", "Bobot": 2,
                     **{f"Target {y}": Decimal(82) + (y - 2025) for y in YEARS},
                     "TW1 2026": "80,5%", "TW2 2026": 81, "TW3 2026": 82, "TW4 2026": 83})
    return rows


def programs() -> list[dict[str, Any]]:
    rows = []
    for n, (_name, short, _kind) in enumerate(KINDS):
        code = program_code(n)
        rows += [
            {"Kode OPD": opd_code(n), "Kode": code, "Nama": f"PROGRAM PELAYANAN {short.upper()}",
             **{f"Pagu {y}": 3_000_000_000 for y in YEARS}},
            {"Kode OPD": opd_code(n), "Kode": f"{code}.2.01", "Nama": f"Penyelenggaraan layanan {short}"},
            {"Kode OPD": opd_code(n), "Kode": f"{code}.2.01.0001", "Nama": "Layanan langsung",
             **{f"Pagu {y}": "Rp 2.000.000.000" for y in YEARS}},
            {"Kode OPD": opd_code(n), "Kode": f"{code}.2.01.0002", "Nama": "Dukungan layanan",
             **{f"Pagu {y}": 1_000_000_000 for y in YEARS}},
        ]
    return rows


def realisations(quarter: int = 1) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Q1 2026: every OPD reports; the first ten fall short of the satisfaction target (kendala written)."""
    indicators, budgets = [], []
    for n, (_name, short, _kind) in enumerate(KINDS):
        served = 30 if n % 3 else 25  # quarter target: 120 summed, split 30 · 30 · 30 · 30
        satisfaction = Decimal("80.5") if n < 10 else Decimal(81)  # target TW1 80,5
        indicators.append({"Kode OPD": opd_code(n), "Tahun": 2026, "Triwulan": quarter,
                           "Indikator": f"Jumlah layanan {short}", "Realisasi": served,
                           "Kendala": "Petugas layanan berkurang", "Tindak Lanjut": "Penambahan jadwal layanan"})
        indicators.append({"Kode OPD": opd_code(n), "Tahun": 2026, "Triwulan": "I",
                           "Indikator": f"Persentase kepuasan layanan {short}", "Realisasi": f"{satisfaction}%"
                           .replace(".", ",")})
        budgets.append({"Kode OPD": opd_code(n), "Tahun": 2026, "Triwulan": quarter, "Kode Program": program_code(n),
                        "Realisasi Anggaran": 450_000_000 + n * 1_000_000})
    return indicators, budgets
