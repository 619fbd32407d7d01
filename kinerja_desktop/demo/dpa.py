"""Kegiatan and sub kegiatan of a few demo OPDs, so the Program & Anggaran screen shows a real DPA's shape.

Codes and names follow Permendagri 90/2019 (the sub kegiatan numbers are plausible, the money invented).
Each program's pagu of every year is split among its kegiatan by fixed shares (per mille), and each
kegiatan's among its sub kegiatan, the last taking the remainder: the sums equal the pagu the demo already
gave the program, so agreements, realisations and every figure drawn from them stay the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from .targets import round_thousands


@dataclass(frozen=True)
class Activity:
    code: str  # the part after the parent's code: "2.01" for a kegiatan, "0003" for a sub kegiatan
    name: str
    share: int  # per mille of the parent's pagu (the last one takes the remainder)
    subs: tuple[Activity, ...] = ()


def act(code: str, name: str, share: int, *subs: Activity) -> Activity:
    return Activity(code, name, share, subs)


# (OPD abbreviation, program code) → its kegiatan.
ACTIVITIES: dict[tuple[str, str], tuple[Activity, ...]] = {
    ("Dinkes", "1.02.01"): (
        act("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 20,
            act("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 550),
            act("0007", "Evaluasi Kinerja Perangkat Daerah", 450)),
        act("2.02", "Administrasi Keuangan Perangkat Daerah", 830,
            act("0001", "Penyediaan Gaji dan Tunjangan ASN", 960),
            act("0005", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD", 40)),
        act("2.06", "Administrasi Umum Perangkat Daerah", 60),
        act("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 90),
    ),
    ("Dinkes", "1.02.02"): (
        act("2.01", "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota", 420,
            act("0003", "Pembangunan Puskesmas", 380),
            act("0014", "Pengadaan Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan Kesehatan", 440),
            act("0020", "Pemeliharaan Rutin dan Berkala Alat Kesehatan/Alat Penunjang Medik Fasilitas Pelayanan "
                "Kesehatan", 180)),
        act("2.02", "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota", 510,
            act("0001", "Pengelolaan Pelayanan Kesehatan Ibu Hamil", 160),
            act("0002", "Pengelolaan Pelayanan Kesehatan Ibu Bersalin", 140),
            act("0004", "Pengelolaan Pelayanan Kesehatan Balita", 150),
            act("0017", "Pengelolaan Pelayanan Kesehatan Gizi Masyarakat", 230),
            act("0019", "Pengelolaan Pelayanan Kesehatan Penyakit Menular dan Tidak Menular", 320)),
        act("2.03", "Penyelenggaraan Sistem Informasi Kesehatan secara Terintegrasi", 70,
            act("0001", "Pengelolaan Data dan Informasi Kesehatan", 1000)),
    ),
    ("DPUPR", "1.03.02"): (
        act("2.01", "Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai (WS) dalam 1 (Satu) Daerah "
            "Kabupaten/Kota", 350,
            act("0009", "Normalisasi/Restorasi Sungai", 1000)),
        act("2.02", "Pengembangan dan Pengelolaan Sistem Irigasi Primer dan Sekunder pada Daerah Irigasi yang Luasnya "
            "di bawah 1000 Ha dalam 1 (Satu) Daerah Kabupaten/Kota", 650,
            act("0003", "Rehabilitasi Jaringan Irigasi Permukaan", 700),
            act("0010", "Operasi dan Pemeliharaan Jaringan Irigasi Permukaan", 300)),
    ),
    ("DPUPR", "1.03.10"): (
        act("2.01", "Penyelenggaraan Jalan Kabupaten/Kota", 1000,
            act("0015", "Rehabilitasi Jalan", 280),
            act("0017", "Rekonstruksi Jalan", 390),
            act("0020", "Pemeliharaan Berkala Jalan", 230),
            act("0022", "Pembangunan Jembatan", 100)),
    ),
    ("Bapperida", "5.01.02"): (
        act("2.01", "Penyusunan Perencanaan dan Pendanaan", 420,
            act("0001", "Analisis Data dan Informasi Perencanaan Pembangunan Daerah", 300),
            act("0006", "Penyusunan Dokumen Perencanaan Pembangunan Daerah (RPJPD, RPJMD dan RKPD)", 700)),
        act("2.02", "Analisis Perencanaan", 260),
        act("2.03", "Pengendalian, Evaluasi dan Pelaporan Pembangunan Daerah", 320,
            act("0001", "Pengendalian, Evaluasi dan Pelaporan Pelaksanaan RPJPD, RPJMD dan RKPD", 1000)),
    ),
}


def split(amount: int, shares: list[int]) -> list[int]:
    """``amount`` in whole thousands by per-mille ``shares``; the last part takes what is left, so they sum up."""
    parts = [round_thousands(amount * share // 1000) for share in shares[:-1]]
    return [*parts, amount - sum(parts)]
