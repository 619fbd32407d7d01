"""Empty Excel templates to fill and import: the header row, an instruction sheet, drop-down lists, examples.

``write_template(kind, out)`` writes the sheets of :data:`~kinerja_desktop.services.excel_layouts.LAYOUTS`;
the year columns ("Target 2025" … "Pagu 2029") follow the planning period (of the database when one is given,
else the RPJMD period of the current elections). Example rows are marked "CONTOH" in the last column and are
skipped by the import.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..db.database import Database
from ..db.models import PlanningPeriod, Regency
from ..domain.enums import RegionKind
from ..interchange.xlsx_write import WorkbookOut, write_workbook
from .errors import FORM, ValidationError
from .excel_layouts import LAYOUTS, TEMPLATE_KINDS, choice_lists
from .periods import suggested_period

COMMON = (
    "Cara mengisi: satu baris untuk satu data, mulai baris 2. Judul kolom boleh ditulis dengan huruf besar atau "
    "kecil, dan kolom lain yang Anda tambahkan diabaikan. Baris bertanda CONTOH pada kolom terakhir tidak diimpor; "
    "boleh dihapus.",
    "Angka boleh berupa angka Excel atau diketik cara Indonesia: 1.234,56 · Rp 1.250.000 · 92,5%. Tanggal boleh "
    "berupa tanggal Excel atau diketik 26/01/2026 atau 26 Januari 2026. Kode dan NIP diketik sebagai teks (kolomnya "
    "sudah berformat Teks): Excel membulatkan angka yang lebih dari 15 digit.",
    "Impor: menu Berkas → Impor dari Excel (pratinjau ditampilkan dahulu), atau perintah "
    "kinerja-desktop import {kind} BERKAS.xlsx --db BASIS_DATA [--dry-run]. Berkas yang memuat satu kesalahan "
    "ditolak seluruhnya; semua kesalahan disebutkan per lembar, baris dan kolom, dan basis data tidak berubah. "
    "Baris dicocokkan menurut kodenya, jadi berkas yang sama boleh diimpor dua kali tanpa mengubah apa pun.",
)
GUIDES: dict[str, tuple[str, ...]] = {
    "pimpinan": (
        "Pimpinan daerah: Bupati/Wali Kota, Wakil, Sekretaris Daerah, dengan masa jabatannya.",
        "Jabatan dan Status dipilih dari daftar (Definitif, Pj., Plt., Plh.). Kepala daerah definitif dan wakilnya "
        "dipilih dalam pilkada: NIP dikosongkan. Pj., Plt., Plh. dan Sekretaris Daerah memakai NIP.",
        "Mulai wajib diisi. Selesai kosong berarti masih menjabat (atau tidak mengubah yang tercatat). Pimpinan "
        "dicocokkan menurut jabatan dan tanggal mulai.",
    ),
    "jabatan": (
        "Jabatan di dalam perangkat daerah di bawah kepalanya (kepala diisi pada templat opd): eselon III "
        "(Sekretaris, Kepala Bidang, Sekretaris Camat), eselon IV (Kepala Sub Bagian, Kepala Seksi) dan staf.",
        "Kode OPD (kode SIPD atau singkatan), Jabatan dan Tingkat wajib diisi. Atasan Langsung ditulis dengan nama "
        "jabatannya; kosong berarti kepala perangkat daerah. Jabatan dicocokkan menurut OPD dan namanya.",
        "Pemegang (nama, NIP, pangkat/golongan, status, mulai menjabat) boleh dikosongkan: pemegang yang tercatat "
        "tetap. Pemegang lain, status lain atau tanggal mulai lain dicatat sebagai pemegang baru sejak Mulai "
        "Menjabat; pemegang sebelumnya berakhir sehari sebelumnya.",
    ),
    "opd": (
        "Perangkat daerah dengan kode SIPD dan kepalanya.",
        "Kode, Nama, Singkatan dan Jenis wajib diisi. Kepala (nama, NIP, pangkat/golongan, jabatan, status, mulai "
        "menjabat) boleh dikosongkan: kepala yang tercatat tetap.",
        "Nama atau kepala yang berubah pada perangkat daerah yang sudah ada dicatat sebagai pergantian dengan "
        "riwayat, berlaku sejak tanggal berlaku impor (ditanyakan aplikasi; --effective pada perintah). Kepala baru "
        "yang Mulai Menjabat-nya diisi sesudah kepala lama mulai memakai tanggal itu. NIP yang sudah tercatat untuk "
        "orang lain ditolak.",
    ),
    "rpjmd": (
        "RPJMD: tujuan → sasaran → indikator dengan target tiap tahun periode.",
        "Satu baris untuk satu indikator. Tujuan dan sasaran diulang pada setiap baris indikatornya, atau "
        "dikosongkan di bawah baris pertamanya. Kode tujuan dan kode sasaran dipakai untuk mencocokkan.",
        "Polaritas: Positif, Negatif, Rentang (target ditulis 60–85). Cara kumulasi: Dijumlahkan, Nilai terakhir, "
        "Rata-rata, Tetap, Dirilis instansi lain. Target berupa predikat (WTP, BB) untuk indikator kualitatif.",
    ),
    "renstra": (
        "Renstra perangkat daerah: tujuan → sasaran → indikator, target tahunan dan target triwulan (TW1–TW4).",
        "Kode OPD adalah kode SIPD (atau singkatan) perangkat daerah; Kode Sasaran RPJMD adalah kode sasaran RPJMD "
        "yang didukung. Satu baris untuk satu indikator; tujuan dan sasaran diulang atau dikosongkan di bawah baris "
        "pertamanya.",
        "Target triwulan boleh dikosongkan: diturunkan dari cara kumulasinya (dijumlahkan: dibagi empat; nilai "
        "terakhir: naik bertahap dari target tahun lalu atau kondisi awal; rata-rata dan tetap: sama dengan target "
        "tahunan). Bobot kosong berarti 1.",
    ),
    "program": (
        "Program, kegiatan dan sub kegiatan (DPA) dengan kode Permendagri 90/2019 dan pagu tiap tahun, seperti "
        "ekspor SIPD.",
        "Tingkat dibaca dari bentuk kode: program 1.02.02, kegiatan 1.02.02.2.01, sub kegiatan 1.02.02.2.01.0001; "
        "induknya dari awal kodenya. Pagu program atau kegiatan yang memiliki rincian adalah jumlah pagu rinciannya: "
        "boleh dikosongkan, dan bila diisi harus sama dengan jumlah itu.",
    ),
    "realisasi": (
        "Realisasi triwulan yang diisi perangkat daerah tanpa aplikasi, lalu diimpor Bappeda.",
        "Lembar Realisasi Indikator: Indikator ditulis dengan kodenya atau namanya persis seperti di Renstra. Capaian "
        "di bawah 100% memerlukan Kendala dan Tindak Lanjut. Lembar Realisasi Anggaran: realisasi anggaran "
        "triwulan itu (bukan kumulatif) per kode program.",
        "Hanya untuk PK yang sudah ditandatangani dan triwulan yang belum ditutup Bappeda.",
    ),
}


def _examples(kind: str, years: list[int], region: RegionKind) -> list[dict[Any, Any]]:
    first = years[0] if years else date.today().year
    head = "Bupati" if region is RegionKind.KABUPATEN else "Wali Kota"
    if kind == "pimpinan":
        return [
            {"role": head, "acting": "Definitif", "name": "H. Ahmad Fauzan, S.E., M.M.", "start": date(first, 2, 20)},
            {"role": "Sekretaris Daerah", "acting": "Definitif", "name": "Dr. Ir. Bambang Sutrisno, M.Si.",
             "nip": "196805121994031005", "rank": "Pembina Utama Madya (IV/d)", "start": date(first - 2, 3, 1)},
        ]
    if kind == "opd":
        return [{
            "code": "1.02.0.00.0.00.01.0000", "name": "Dinas Kesehatan", "abbreviation": "Dinkes", "kind": "Dinas",
            "address": "Jl. Pemuda No. 12", "phone": "(0294) 381234", "email": "dinkes@contoh.go.id",
            "head_name": "dr. Siti Rahmawati, M.Kes.", "head_nip": "197305122000032004",
            "head_rank": "Pembina Utama Muda (IV/c)", "head_position": "Kepala Dinas Kesehatan",
            "head_acting": "Definitif", "head_start": date(first - 1, 1, 5),
        }]
    if kind == "jabatan":
        return [
            {"opd": "1.02.0.00.0.00.01.0000", "name": "Kepala Bidang Kesehatan Masyarakat", "level": "Eselon III",
             "holder_name": "Heru Setiawan, S.K.M., M.P.H.", "holder_nip": "197901242007031006",
             "holder_rank": "Pembina (IV/a)", "holder_acting": "Definitif", "holder_start": date(first - 1, 3, 1)},
            {"opd": "1.02.0.00.0.00.01.0000", "name": "Kepala Seksi Kesehatan Keluarga", "level": "Eselon IV",
             "superior": "Kepala Bidang Kesehatan Masyarakat"},
        ]
    if kind == "rpjmd":
        targets = {("target", year): Decimal(16) - n for n, year in enumerate(years)}
        return [{"goal_code": "T1", "goal": "Meningkatnya kualitas sumber daya manusia", "target_code": "S1.1",
                 "target": "Meningkatnya derajat kesehatan masyarakat", "indicator": "Prevalensi stunting",
                 "unit": "%", "polarity": "Negatif", "cumulation": "Nilai terakhir", "baseline": Decimal(17),
                 **targets}]
    if kind == "renstra":
        targets = {("target", year): Decimal(80) - 2 * n for n, year in enumerate(years)}
        return [{"opd": "1.02.0.00.0.00.01.0000", "supports": "S1.1", "goal": "Meningkatnya derajat kesehatan",
                 "target": "Menurunnya angka kematian ibu", "indicator": "Angka Kematian Ibu",
                 "unit": "per 100.000 KH", "polarity": "Negatif", "cumulation": "Nilai terakhir",
                 "definition": "Kematian ibu per 100.000 kelahiran hidup", "source": "Profil Kesehatan",
                 "baseline": Decimal(85), "weight": Decimal(1), **targets}]
    if kind == "program":
        pagu = {("pagu", year): 1_250_000_000 for year in years}
        return [
            {"opd": "1.02.0.00.0.00.01.0000", "code": "1.02.02", "name": "PROGRAM PEMENUHAN UPAYA KESEHATAN", **pagu},
            {"opd": "1.02.0.00.0.00.01.0000", "code": "1.02.02.2.01", "name": "Penyediaan Fasilitas Kesehatan",
             **pagu},
            {"opd": "1.02.0.00.0.00.01.0000", "code": "1.02.02.2.01.0001", "name": "Pembangunan Puskesmas", **pagu},
        ]
    if kind == "realisasi":
        return [{"opd": "1.02.0.00.0.00.01.0000", "year": first + 1, "quarter": 1, "indicator": "Angka Kematian Ibu",
                 "value": Decimal(92), "problems": "Dua kasus rujukan terlambat",
                 "follow_up": "Pendampingan ibu hamil risiko tinggi"}]
    return []


def template_years(db: Database | None = None, today: date | None = None) -> list[int]:
    """The years of the template's year columns: the database's current active period, else the suggested one."""
    today = today or date.today()
    if db is not None:
        with db.read() as session:
            periods = session.scalars(
                select(PlanningPeriod).where(PlanningPeriod.is_active.is_(True)).order_by(PlanningPeriod.start_year)
            ).all()
            current = next((p for p in periods if p.start_year <= today.year <= p.end_year), None)
            chosen = current or (periods[-1] if periods else None)
            if chosen is not None:
                return list(range(chosen.start_year, chosen.end_year + 1))
    start, end = suggested_period(today)
    return list(range(start, end + 1))


def write_template(kind: str, out: Path, *, db: Database | None = None, years: list[int] | None = None) -> Path:
    """Write the empty template of ``kind`` to ``out``; returns the path."""
    if kind not in TEMPLATE_KINDS:
        raise ValidationError.single(FORM, f"Templat “{kind}” tidak dikenal (pilihan: {', '.join(TEMPLATE_KINDS)})")
    years = years or template_years(db)
    region = None
    if db is not None:
        with db.read() as session:
            regency = session.scalars(select(Regency)).first()
            region = regency.kind if regency is not None else None
    sheets = []
    for n, layout in enumerate(LAYOUTS[kind]):
        examples = _examples(kind, years, region or RegionKind.KABUPATEN) if n == 0 else []
        sheets.append(layout.sheet(years, [], examples))
    title = f"Templat impor {kind} — Kinerja Desktop"
    book = WorkbookOut(
        sheets,
        instructions=(title, *GUIDES[kind], *(text.format(kind=kind) for text in COMMON)),
        choices=choice_lists(region),
        template=True,
    )
    return write_workbook(Path(out), book, database_path=db.path if db is not None else None)
