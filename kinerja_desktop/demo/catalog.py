# ruff: noqa: E501 - a data table: one indicator per line reads better than wrapped calls
"""What the demo regency (Kabupaten Sukamaju, fictional) is made of: OPDs, plans, indicators, programs, names.

Plain data only; :mod:`kinerja_desktop.demo.builder` turns it into rows. Targets are given as the 2025 and
2029 values (the years between are interpolated); pagu as millions of rupiah for 2025.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.enums import Cumulation, OpdKind, Polarity

REGENCY_NAME = "Sukamaju"
PROVINCE = "Jawa Tengah"
CAPITAL = "Sukamaju"
DOMAIN_NAME = "sukamajukab.go.id"
REGENCY_ADDRESS = "Jl. Pemuda No. 1, Sukamaju 51311"
REGENCY_PHONE = "(0294) 381001"
REGENCY_WEBSITE = "www.sukamajukab.go.id"
REGENCY_EMAIL = "pemkab@sukamajukab.go.id"
AREA_CODE = "(0294)"
POSTAL_CODE = "51311"

PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"


# IndicatorSpec.kind: polarity sign, then the cumulation code.
CUMULATIONS = {
    "sum": Cumulation.SUMMED,
    "last": Cumulation.LAST_VALUE,
    "ytd": Cumulation.LAST_VALUE,  # a level that restarts from zero each year (penyerapan, cakupan)
    "avg": Cumulation.AVERAGE,
    "flat": Cumulation.FLAT,
    "rel": Cumulation.RELEASED,
}
POLARITIES = {"+": Polarity.POSITIVE, "-": Polarity.NEGATIVE, "r": Polarity.RANGE}
FORMULAS = {
    "sum": "Jumlah yang dicapai dalam triwulan berkenaan; capaian tahunan adalah jumlah keempat triwulan.",
    "last": "Posisi pada akhir triwulan berkenaan; capaian tahunan adalah posisi akhir Triwulan IV.",
    "ytd": "Posisi kumulatif sejak awal tahun sampai akhir triwulan berkenaan; capaian tahunan adalah posisi "
    "akhir Triwulan IV.",
    "avg": "Nilai rata-rata selama triwulan berkenaan; capaian tahunan adalah rata-rata keempat triwulan.",
    "flat": "Nilai yang harus dipertahankan setiap triwulan; realisasi adalah nilai terakhir.",
    "rel": "Angka resmi yang dirilis instansi berwenang sekali setahun; diisi pada triwulan rilis.",
}


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    unit: str
    kind: str  # polarity (+, -, r) then cumulation: sum, last, ytd, avg, flat, rel
    baseline: str
    first: str  # 2025 target (range: low bound)
    last: str  # 2029 target (range: high bound)
    places: int = 2
    definition: str = ""
    source: str = ""
    release_quarter: int = 4  # for "rel": the quarter the figure is published
    scale: str | None = None  # qualitative indicators (first/last are then grades)


@dataclass(frozen=True)
class SasaranSpec:
    statement: str
    supports: str  # key of the RPJMD sasaran it supports
    indicators: tuple[IndicatorSpec, ...]


@dataclass(frozen=True)
class ProgramSpec:
    code: str
    name: str
    pagu_millions: int  # 2025 pagu in millions of rupiah


@dataclass(frozen=True)
class OpdSpec:
    code: str
    abbreviation: str
    name: str
    kind: OpdKind
    street: str
    position: str  # jabatan of the head
    titles: str  # key of TITLES: which degrees the head plausibly holds
    tujuan: str
    sasaran: tuple[SasaranSpec, ...]
    programs: tuple[ProgramSpec, ...]
    source: str = ""  # default data source of its indicators


def ind(
    name: str,
    unit: str,
    kind: str,
    baseline: str,
    first: str,
    last: str,
    places: int = 2,
    *,
    definition: str = "",
    source: str = "",
    release: int = 4,
) -> IndicatorSpec:
    return IndicatorSpec(name, unit, kind, baseline, first, last, places, definition, source, release)


def sas(statement: str, supports: str, *indicators: IndicatorSpec) -> SasaranSpec:
    return SasaranSpec(statement, supports, indicators)


def prog(code: str, name: str, pagu_millions: int) -> ProgramSpec:
    return ProgramSpec(code, name, pagu_millions)


def opd(
    code: str,
    abbreviation: str,
    name: str,
    kind: OpdKind,
    street: str,
    position: str,
    titles: str,
    source: str,
    tujuan: str,
    *sasaran: SasaranSpec,
    programs: tuple[ProgramSpec, ...],
) -> OpdSpec:
    return OpdSpec(code, abbreviation, name, kind, street, position, titles, tujuan, sasaran, programs, source)


BPS = "BPS Kabupaten Sukamaju"

# --- RPJMD 2025–2029: misi → tujuan → sasaran daerah (key, statement, indicators) ---------------------------
VISION = "Sukamaju yang Maju, Sejahtera, dan Berkelanjutan"
MISSIONS: tuple[tuple[str, str, tuple[tuple[str, str, tuple[IndicatorSpec, ...]], ...]], ...] = (
    (
        "Mewujudkan sumber daya manusia yang sehat, cerdas, berkarakter dan berdaya saing",
        "Meningkatkan kualitas sumber daya manusia",
        (
            ("kes", "Meningkatnya derajat kesehatan masyarakat", (
                ind("Angka Harapan Hidup", "tahun", "+rel", "74.62", "74.75", "75.30", source=BPS),
            )),
            ("pend", "Meningkatnya kualitas pendidikan, kebudayaan dan kepemudaan", (
                ind("Rata-rata Lama Sekolah", "tahun", "+rel", "7.68", "7.75", "8.15", source=BPS),
                ind("Harapan Lama Sekolah", "tahun", "+rel", "12.61", "12.70", "13.10", source=BPS),
            )),
            ("kel", "Meningkatnya kualitas keluarga, kesetaraan gender dan perlindungan anak", (
                ind("Indeks Pembangunan Gender", "nilai", "+rel", "91.80", "92.10", "93.50", source=BPS),
            )),
        ),
    ),
    (
        "Mewujudkan perekonomian daerah yang tangguh dan inklusif berbasis potensi lokal",
        "Meningkatkan pertumbuhan ekonomi dan kesejahteraan masyarakat",
        (
            ("eko", "Meningkatnya pertumbuhan ekonomi daerah", (
                ind("Laju Pertumbuhan Ekonomi", "%", "+rel", "5.12", "5.20", "5.60", source=BPS),
            )),
            ("miskin", "Menurunnya kemiskinan dan pengangguran", (
                ind("Persentase Penduduk Miskin", "%", "-rel", "9.85", "9.40", "7.50", source=BPS),
                ind("Tingkat Pengangguran Terbuka", "%", "-rel", "5.42", "5.20", "4.30", source=BPS),
            )),
            ("pangan", "Meningkatnya ketahanan pangan dan produktivitas sektor primer", (
                ind("Skor Pola Pangan Harapan", "skor", "+rel", "88.60", "89.50", "93.00"),
            )),
        ),
    ),
    (
        "Mewujudkan infrastruktur wilayah dan lingkungan hidup yang berkualitas dan berkelanjutan",
        "Meningkatkan kualitas infrastruktur dan lingkungan hidup",
        (
            ("infra", "Meningkatnya kualitas dan pemerataan infrastruktur wilayah", (
                ind("Persentase jalan kabupaten kondisi mantap", "%", "+last", "71.35", "73.00", "82.00"),
            )),
            ("lh", "Meningkatnya kualitas lingkungan hidup dan ketangguhan terhadap bencana", (
                ind("Indeks Kualitas Lingkungan Hidup", "nilai", "+rel", "62.40", "63.50", "68.00"),
                ind("Indeks Risiko Bencana", "indeks", "-rel", "142.30", "140.00", "128.00"),
            )),
        ),
    ),
    (
        "Mewujudkan tata kelola pemerintahan yang bersih, efektif, dan melayani",
        "Meningkatkan kualitas tata kelola pemerintahan dan pelayanan publik",
        (
            ("akun", "Meningkatnya akuntabilitas kinerja dan keuangan daerah", (
                ind("Nilai SAKIP Kabupaten", "nilai", "+rel", "66.12", "68.00", "76.00"),
                IndicatorSpec("Opini BPK atas LKPD", "opini", "+rel", "", "WTP", "WTP", 0, release_quarter=2, scale="opini_bpk"),
            )),
            ("layanan", "Meningkatnya kualitas pelayanan publik", (
                ind("Indeks Kepuasan Masyarakat", "nilai", "+rel", "81.40", "82.00", "86.00"),
            )),
            ("trantib", "Meningkatnya ketenteraman, ketertiban dan kondusivitas wilayah", (
                ind("Persentase gangguan ketenteraman dan ketertiban yang tertangani", "%", "+avg", "90.00", "92.00", "98.00"),
            )),
        ),
    ),
)

# --- the OPDs, in the order of the regency's LKjIP --------------------------------------------------------------
SEKR, INSP, BADAN, DINAS = OpdKind.SEKRETARIAT, OpdKind.INSPEKTORAT, OpdKind.BADAN, OpdKind.DINAS

OPDS: tuple[OpdSpec, ...] = (
    opd("4.01.0.00.0.00.01.0000", "Setda", "Sekretariat Daerah", SEKR, "Jl. Pemuda No. 1", "Sekretaris Daerah", "pemerintahan", "Laporan Bagian Sekretariat Daerah",
        "Meningkatkan kualitas tata kelola pemerintahan dan koordinasi kebijakan daerah",
        sas("Meningkatnya kualitas koordinasi penyelenggaraan pemerintahan dan kesejahteraan rakyat", "akun",
            ind("Indeks Reformasi Birokrasi", "nilai", "+rel", "62.15", "64.00", "72.00", source="Hasil evaluasi Kementerian PANRB"),
            ind("Persentase produk hukum daerah yang ditetapkan tepat waktu", "%", "+last", "82.00", "85.00", "95.00")),
        sas("Meningkatnya kualitas pengadaan barang/jasa dan pembinaan perekonomian daerah", "eko",
            ind("Persentase paket pengadaan yang ditenderkan tepat waktu", "%", "+ytd", "86.00", "88.00", "95.00"),
            ind("Indeks Tata Kelola Pengadaan (ITKP)", "nilai", "+rel", "78.40", "80.00", "88.00", source="LKPP")),
        sas("Meningkatnya kualitas kelembagaan dan tata laksana perangkat daerah", "akun",
            ind("Indeks Kelembagaan Perangkat Daerah", "nilai", "+rel", "71.50", "73.00", "80.00"),
            ind("Persentase perangkat daerah yang menerapkan SOP mutakhir", "%", "+last", "70.00", "75.00", "100.00")),
        programs=(prog("4.01.01", PENUNJANG, 38_500),
                  prog("4.01.02", "PROGRAM PEMERINTAHAN DAN KESEJAHTERAAN RAKYAT", 6_250),
                  prog("4.01.03", "PROGRAM PEREKONOMIAN DAN PEMBANGUNAN", 4_800))),
    opd("4.02.0.00.0.00.01.0000", "Setwan", "Sekretariat Dewan Perwakilan Rakyat Daerah", SEKR, "Jl. Pemuda No. 3", "Sekretaris DPRD", "hukum", "Laporan Sekretariat DPRD",
        "Meningkatkan kualitas dukungan terhadap pelaksanaan fungsi DPRD",
        sas("Meningkatnya kualitas dukungan fungsi legislasi, anggaran dan pengawasan DPRD", "akun",
            ind("Persentase Raperda yang ditetapkan sesuai Propemperda", "%", "+ytd", "75.00", "80.00", "90.00"),
            ind("Persentase rekomendasi DPRD atas LKPJ yang ditindaklanjuti", "%", "+last", "70.00", "75.00", "90.00")),
        sas("Meningkatnya kualitas pelayanan administrasi dan informasi kedewanan", "layanan",
            ind("Indeks kepuasan anggota DPRD terhadap layanan Sekretariat DPRD", "nilai", "+rel", "78.00", "80.00", "86.00", source="Survei kepuasan Sekretariat DPRD"),
            ind("Jumlah publikasi kegiatan DPRD", "publikasi", "+sum", "240", "260", "320", 0)),
        programs=(prog("4.02.01", PENUNJANG, 21_400),
                  prog("4.02.02", "PROGRAM DUKUNGAN PELAKSANAAN TUGAS DAN FUNGSI DPRD", 32_600))),
    opd("6.01.0.00.0.00.01.0000", "Inspektorat", "Inspektorat Daerah", INSP, "Jl. Veteran No. 9", "Inspektur", "ekonomi", "Laporan Hasil Pengawasan Inspektorat",
        "Meningkatkan kualitas pengawasan penyelenggaraan pemerintahan daerah",
        sas("Meningkatnya kualitas sistem pengendalian intern pemerintah daerah", "akun",
            ind("Level maturitas SPIP", "level", "+rel", "3", "3", "4", 0, definition="Tingkat maturitas penyelenggaraan SPIP terintegrasi (skala 1–5) hasil penilaian kualitas oleh BPKP.", source="BPKP Perwakilan Provinsi Jawa Tengah"),
            ind("Level kapabilitas APIP (IACM)", "level", "+rel", "3", "3", "4", 0, source="BPKP Perwakilan Provinsi Jawa Tengah")),
        sas("Meningkatnya tindak lanjut hasil pemeriksaan dan pengawasan", "akun",
            ind("Persentase tindak lanjut temuan BPK", "%", "+last", "84.50", "86.00", "95.00", definition="Jumlah rekomendasi BPK yang telah ditindaklanjuti sesuai rekomendasi dibagi seluruh rekomendasi, dikali 100%.", source="Sistem Informasi Pemantauan Tindak Lanjut BPK"),
            ind("Persentase tindak lanjut hasil pengawasan Inspektorat", "%", "+last", "78.00", "80.00", "92.00"),
            ind("Persentase perangkat daerah dengan nilai AKIP minimal B", "%", "+rel", "60.00", "65.00", "85.00")),
        programs=(prog("6.01.01", PENUNJANG, 9_850),
                  prog("6.01.02", "PROGRAM PENYELENGGARAAN PENGAWASAN", 3_150),
                  prog("6.01.03", "PROGRAM PERUMUSAN KEBIJAKAN, PENDAMPINGAN DAN ASISTENSI", 850))),
    opd("5.01.5.05.0.00.01.0000", "Bapperida", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", BADAN, "Jl. Veteran No. 11", "Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "ekonomi", "Laporan Bapperida",
        "Meningkatkan kualitas perencanaan, riset dan inovasi pembangunan daerah",
        sas("Meningkatnya kualitas perencanaan dan pengendalian pembangunan daerah", "akun",
            ind("Persentase keselarasan program RPJMD–RKPD", "%", "+flat", "92.00", "93.00", "98.00", definition="Jumlah program RKPD yang selaras dengan program RPJMD dibagi jumlah program RPJMD tahun berkenaan, dikali 100%.", source="Dokumen RKPD dan RPJMD"),
            ind("Nilai SAKIP kabupaten", "nilai", "+rel", "66.12", "68.00", "76.00", source="Hasil evaluasi AKIP Kementerian PANRB")),
        sas("Meningkatnya pemanfaatan hasil riset dan inovasi daerah", "eko",
            ind("Jumlah inovasi daerah yang diterapkan", "inovasi", "+sum", "45", "50", "80", 0),
            ind("Indeks Inovasi Daerah", "nilai", "+rel", "52.40", "55.00", "65.00", source="Kementerian Dalam Negeri (Innovative Government Award)")),
        programs=(prog("5.01.01", PENUNJANG, 6_900),
                  prog("5.01.02", "PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH", 2_450),
                  prog("5.01.03", "PROGRAM KOORDINASI DAN SINKRONISASI PERENCANAAN PEMBANGUNAN DAERAH", 1_850),
                  prog("5.05.02", "PROGRAM PENELITIAN DAN PENGEMBANGAN DAERAH", 950))),
    opd("5.02.0.00.0.00.01.0000", "BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", BADAN, "Jl. Pemuda No. 5", "Kepala Badan Pengelolaan Keuangan dan Aset Daerah", "ekonomi", "Laporan BPKAD",
        "Mewujudkan pengelolaan keuangan dan aset daerah yang akuntabel",
        sas("Meningkatnya akuntabilitas pengelolaan keuangan daerah", "akun",
            IndicatorSpec("Opini BPK atas Laporan Keuangan Pemerintah Daerah", "opini", "+rel", "", "WTP", "WTP", 0, "Opini Badan Pemeriksa Keuangan atas LKPD tahun sebelumnya.", "Laporan Hasil Pemeriksaan BPK RI", 2, "opini_bpk"),
            ind("Persentase penyerapan belanja daerah", "%", "+sum", "91.20", "92.00", "96.00", definition="Realisasi belanja daerah dibagi pagu belanja APBD, dikali 100%; realisasi triwulan adalah tambahan penyerapan pada triwulan itu.", source="SIPD Penatausahaan")),
        sas("Meningkatnya kualitas pengelolaan barang milik daerah", "akun",
            ind("Persentase aset tanah pemerintah daerah yang bersertifikat", "%", "+last", "68.00", "72.00", "88.00"),
            ind("Persentase barang milik daerah yang terinventarisasi", "%", "+last", "90.00", "92.00", "98.00")),
        programs=(prog("5.02.01", PENUNJANG, 14_200),
                  prog("5.02.02", "PROGRAM PENGELOLAAN KEUANGAN DAERAH", 5_600),
                  prog("5.02.03", "PROGRAM PENGELOLAAN BARANG MILIK DAERAH", 2_100))),
    opd("5.02.0.00.0.00.02.0000", "Bapenda", "Badan Pendapatan Daerah", BADAN, "Jl. Pemuda No. 7", "Kepala Badan Pendapatan Daerah", "ekonomi", "Laporan Bapenda",
        "Meningkatkan kemandirian keuangan daerah",
        sas("Meningkatnya pendapatan asli daerah", "eko",
            ind("Realisasi Pendapatan Asli Daerah", "Rp", "+sum", "412350000000", "435000000000", "540000000000", 0, definition="Jumlah penerimaan pajak daerah, retribusi daerah, hasil pengelolaan kekayaan daerah yang dipisahkan dan lain-lain PAD yang sah.", source="SIPD Penatausahaan"),
            ind("Rasio PAD terhadap total pendapatan daerah", "%", "+rel", "15.80", "16.20", "19.00", source="Laporan Realisasi Anggaran")),
        sas("Meningkatnya kualitas pelayanan pajak daerah", "layanan",
            ind("Persentase realisasi PBB-P2 terhadap ketetapan", "%", "+sum", "78.00", "80.00", "88.00"),
            ind("Indeks Kepuasan Masyarakat layanan pajak daerah", "nilai", "+rel", "80.50", "81.00", "86.00")),
        programs=(prog("5.02.01", PENUNJANG, 8_400),
                  prog("5.02.04", "PROGRAM PENGELOLAAN PENDAPATAN DAERAH", 6_300))),
    opd("5.03.5.04.0.00.01.0000", "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", BADAN, "Jl. Veteran No. 15", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "umum", "SIMPEG Kabupaten Sukamaju",
        "Meningkatkan profesionalitas aparatur sipil negara",
        sas("Meningkatnya profesionalitas aparatur sipil negara", "akun",
            ind("Indeks Profesionalitas ASN", "nilai", "+rel", "68.50", "70.00", "78.00", source="BKN"),
            ind("Persentase ASN yang memenuhi 20 JP pengembangan kompetensi", "%", "+ytd", "55.00", "60.00", "85.00")),
        sas("Meningkatnya kualitas manajemen kepegawaian", "layanan",
            ind("Nilai Indeks Sistem Merit", "nilai", "+rel", "262", "270", "325", 0, source="BKN"),
            ind("Persentase layanan kepegawaian yang selesai tepat waktu", "%", "+avg", "88.00", "90.00", "97.00")),
        programs=(prog("5.03.01", PENUNJANG, 7_200),
                  prog("5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", 2_650),
                  prog("5.04.02", "PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA", 1_900))),
    opd("1.05.0.00.0.00.02.0000", "BPBD", "Badan Penanggulangan Bencana Daerah", BADAN, "Jl. Diponegoro No. 21", "Kepala Pelaksana Badan Penanggulangan Bencana Daerah", "lingkungan", "Laporan Pusdalops BPBD",
        "Meningkatkan ketangguhan daerah dalam menghadapi bencana",
        sas("Meningkatnya ketangguhan masyarakat menghadapi bencana", "lh",
            ind("Persentase desa tangguh bencana", "%", "+last", "18.50", "21.00", "35.00", definition="Jumlah desa/kelurahan berstatus Desa Tangguh Bencana dibagi jumlah desa rawan bencana, dikali 100%."),
            ind("Indeks Risiko Bencana", "indeks", "-rel", "142.30", "140.00", "128.00", source="BNPB")),
        sas("Meningkatnya kecepatan penanganan darurat bencana", "lh",
            ind("Waktu tanggap darurat bencana", "jam", "-avg", "6.0", "6.0", "3.0", 1, definition="Rata-rata waktu sejak laporan kejadian diterima sampai tim reaksi cepat tiba di lokasi."),
            ind("Persentase korban bencana yang tertangani", "%", "+avg", "98.00", "100.00", "100.00")),
        programs=(prog("1.05.01", PENUNJANG, 4_300),
                  prog("1.05.03", "PROGRAM PENANGGULANGAN BENCANA", 2_750))),
    opd("8.01.0.00.0.00.01.0000", "Kesbangpol", "Badan Kesatuan Bangsa dan Politik", BADAN, "Jl. Diponegoro No. 4", "Kepala Badan Kesatuan Bangsa dan Politik", "pemerintahan", "Laporan Kesbangpol",
        "Memperkuat persatuan, kesatuan dan kondusivitas daerah",
        sas("Meningkatnya kondusivitas kehidupan sosial politik", "trantib",
            ind("Jumlah kejadian konflik sosial", "kejadian", "-sum", "6", "5", "2", 0),
            ind("Persentase ormas yang terdaftar dan aktif dibina", "%", "+last", "72.00", "75.00", "90.00")),
        sas("Meningkatnya wawasan kebangsaan dan partisipasi politik masyarakat", "trantib",
            ind("Indeks Wawasan Kebangsaan", "nilai", "+rel", "71.00", "72.00", "78.00"),
            ind("Jumlah peserta pendidikan politik dan wawasan kebangsaan", "orang", "+sum", "1200", "1300", "1800", 0)),
        programs=(prog("8.01.01", PENUNJANG, 2_900),
                  prog("8.01.02", "PROGRAM PENGUATAN IDEOLOGI PANCASILA DAN KARAKTER KEBANGSAAN", 450),
                  prog("8.01.04", "PROGRAM PEMBINAAN DAN PENGEMBANGAN KETAHANAN EKONOMI, SOSIAL, DAN BUDAYA", 620),
                  prog("8.01.05", "PROGRAM PEMBERDAYAAN DAN PENGAWASAN ORGANISASI KEMASYARAKATAN", 380))),
    opd("1.05.0.00.0.00.01.0000", "Satpol PP", "Satuan Polisi Pamong Praja", OpdKind.SATPOL_PP, "Jl. Pemuda No. 9", "Kepala Satuan Polisi Pamong Praja", "hukum", "Laporan Satpol PP",
        "Meningkatkan ketenteraman, ketertiban umum dan perlindungan masyarakat",
        sas("Meningkatnya ketenteraman dan ketertiban umum", "trantib",
            ind("Persentase penegakan Perda dan Perkada yang diselesaikan", "%", "+avg", "85.00", "87.00", "95.00"),
            ind("Persentase gangguan trantibum yang tertangani", "%", "+avg", "90.00", "92.00", "98.00")),
        sas("Meningkatnya kesiapsiagaan penanggulangan kebakaran", "trantib",
            ind("Waktu tanggap penanganan kebakaran", "menit", "-avg", "18", "17", "15", 0, definition="Rata-rata waktu sejak laporan kebakaran diterima sampai unit pemadam tiba di lokasi (standar pelayanan minimal 15 menit)."),
            ind("Persentase kejadian kebakaran yang tertangani sesuai SPM", "%", "+avg", "94.00", "95.00", "100.00")),
        programs=(prog("1.05.01", PENUNJANG, 11_500),
                  prog("1.05.02", "PROGRAM PENINGKATAN KETENTERAMAN DAN KETERTIBAN UMUM", 3_200),
                  prog("1.05.04", "PROGRAM PENCEGAHAN, PENANGGULANGAN, PENYELAMATAN KEBAKARAN DAN PENYELAMATAN NON KEBAKARAN", 2_850))),
    opd("1.01.2.22.0.00.01.0000", "Disdikbud", "Dinas Pendidikan dan Kebudayaan", DINAS, "Jl. Ki Hajar Dewantara No. 2", "Kepala Dinas Pendidikan dan Kebudayaan", "pendidikan", "Laporan Dinas Pendidikan dan Kebudayaan",
        "Meningkatkan kualitas dan pemerataan pendidikan serta pemajuan kebudayaan",
        sas("Meningkatnya akses pendidikan dasar", "pend",
            ind("Angka Partisipasi Murni SD/MI", "%", "+last", "96.80", "97.00", "98.50", definition="Jumlah murid SD/MI usia 7–12 tahun dibagi jumlah penduduk usia 7–12 tahun, dikali 100%.", source="Dapodik dan EMIS"),
            ind("Angka Partisipasi Murni SMP/MTs", "%", "+last", "78.40", "79.00", "84.00", source="Dapodik dan EMIS"),
            ind("Angka Putus Sekolah SMP/MTs", "%", "-last", "0.42", "0.40", "0.20", source="Dapodik")),
        sas("Meningkatnya mutu pendidikan", "pend",
            ind("Rata-rata lama sekolah", "tahun", "+rel", "7.68", "7.75", "8.15", source=BPS),
            ind("Persentase sekolah terakreditasi minimal B", "%", "+last", "86.00", "88.00", "95.00"),
            ind("Persentase guru bersertifikat pendidik", "%", "+last", "72.00", "75.00", "88.00")),
        sas("Meningkatnya pelestarian dan pemajuan kebudayaan", "pend",
            ind("Jumlah objek pemajuan kebudayaan yang dilestarikan", "objek", "+sum", "24", "26", "40", 0),
            ind("Jumlah pergelaran seni dan budaya daerah", "kegiatan", "+sum", "18", "20", "28", 0)),
        programs=(prog("1.01.01", PENUNJANG, 96_500),
                  prog("1.01.02", "PROGRAM PENGELOLAAN PENDIDIKAN", 48_200),
                  prog("1.01.04", "PROGRAM PENDIDIK DAN TENAGA KEPENDIDIKAN", 6_400),
                  prog("2.22.02", "PROGRAM PENGEMBANGAN KEBUDAYAAN", 1_250))),
    opd("1.02.0.00.0.00.01.0000", "Dinkes", "Dinas Kesehatan", DINAS, "Jl. dr. Cipto Mangunkusumo No. 8", "Kepala Dinas Kesehatan", "dokter", "Profil Kesehatan Kabupaten Sukamaju",
        "Meningkatkan derajat kesehatan masyarakat",
        sas("Menurunnya angka kematian ibu dan bayi", "kes",
            ind("Angka Kematian Ibu", "per 100.000 KH", "-flat", "98.6", "92.0", "72.0", 1, definition="Jumlah kematian ibu pada masa kehamilan, persalinan dan nifas per 100.000 kelahiran hidup, dihitung kumulatif sejak awal tahun.", source="Laporan KIA Dinas Kesehatan"),
            ind("Angka Kematian Bayi", "per 1.000 KH", "-flat", "7.9", "7.5", "6.0", 1, source="Laporan KIA Dinas Kesehatan")),
        sas("Menurunnya prevalensi stunting", "kes",
            ind("Prevalensi stunting", "%", "-last", "18.20", "16.50", "10.00", definition="Jumlah balita dengan tinggi badan menurut umur di bawah −2 SD dibagi jumlah balita yang diukur, dikali 100%.", source="e-PPGBM"),
            ind("Persentase balita gizi kurang (wasting)", "%", "-last", "5.80", "5.50", "4.00", source="e-PPGBM")),
        sas("Meningkatnya mutu dan akses pelayanan kesehatan", "kes",
            ind("Persentase penduduk yang memiliki jaminan kesehatan", "%", "+last", "96.20", "97.00", "99.00", source="BPJS Kesehatan Cabang Sukamaju"),
            ind("Persentase puskesmas terakreditasi paripurna", "%", "+last", "36.40", "40.00", "70.00"),
            ind("Cakupan pelayanan kesehatan penderita hipertensi sesuai standar", "%", "+ytd", "71.00", "75.00", "90.00")),
        programs=(prog("1.02.01", PENUNJANG, 72_800),
                  prog("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT", 54_300),
                  prog("1.02.03", "PROGRAM PENINGKATAN KAPASITAS SUMBER DAYA MANUSIA KESEHATAN", 1_150),
                  prog("1.02.05", "PROGRAM PEMBERDAYAAN MASYARAKAT BIDANG KESEHATAN", 850))),
    opd("1.03.0.00.0.00.01.0000", "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", DINAS, "Jl. Diponegoro No. 30", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "teknik", "Laporan DPUPR",
        "Meningkatkan kualitas infrastruktur pekerjaan umum dan penataan ruang",
        sas("Meningkatnya kemantapan jalan dan jembatan kabupaten", "infra",
            ind("Persentase jalan kabupaten kondisi mantap", "%", "+last", "71.35", "73.00", "82.00", definition="Panjang jalan kabupaten kondisi baik dan sedang dibagi panjang seluruh jalan kabupaten, dikali 100%.", source="Survei kondisi jalan DPUPR"),
            ind("Persentase jembatan kabupaten kondisi baik", "%", "+last", "84.00", "85.00", "92.00")),
        sas("Meningkatnya layanan irigasi dan air minum", "pangan",
            ind("Persentase daerah irigasi kewenangan kabupaten kondisi baik", "%", "+last", "64.20", "66.00", "78.00"),
            ind("Persentase rumah tangga dengan akses air minum layak", "%", "+last", "91.40", "92.50", "97.00")),
        sas("Meningkatnya kesesuaian pemanfaatan ruang", "lh",
            ind("Persentase kesesuaian pemanfaatan ruang dengan RTRW", "%", "+last", "82.00", "84.00", "92.00"),
            ind("Jumlah persetujuan KKPR yang diterbitkan", "dokumen", "+sum", "120", "130", "160", 0)),
        programs=(prog("1.03.01", PENUNJANG, 12_800),
                  prog("1.03.02", "PROGRAM PENGELOLAAN SUMBER DAYA AIR (SDA)", 18_400),
                  prog("1.03.03", "PROGRAM PENGELOLAAN DAN PENGEMBANGAN SISTEM PENYEDIAAN AIR MINUM", 7_250),
                  prog("1.03.10", "PROGRAM PENYELENGGARAAN JALAN", 86_500))),
    opd("1.04.0.00.0.00.01.0000", "Disperkim", "Dinas Perumahan dan Kawasan Permukiman", DINAS, "Jl. Diponegoro No. 32", "Kepala Dinas Perumahan dan Kawasan Permukiman", "teknik", "Laporan Disperkim",
        "Mewujudkan hunian dan kawasan permukiman yang layak",
        sas("Menurunnya jumlah rumah tidak layak huni", "infra",
            ind("Persentase rumah layak huni", "%", "+last", "84.60", "86.00", "92.00"),
            ind("Jumlah rumah tidak layak huni yang ditangani", "unit", "+sum", "420", "450", "600", 0)),
        sas("Meningkatnya kualitas kawasan permukiman", "lh",
            ind("Luas kawasan permukiman kumuh", "ha", "-last", "96.50", "90.00", "60.00"),
            ind("Persentase rumah tangga dengan akses sanitasi layak", "%", "+last", "86.20", "87.50", "94.00")),
        programs=(prog("1.04.01", PENUNJANG, 5_200),
                  prog("1.04.02", "PROGRAM PENGEMBANGAN PERUMAHAN", 9_800),
                  prog("1.04.03", "PROGRAM KAWASAN PERMUKIMAN", 6_150),
                  prog("1.04.06", "PROGRAM PENINGKATAN PRASARANA, SARANA DAN UTILITAS UMUM (PSU)", 7_400))),
    opd("1.06.0.00.0.00.01.0000", "Dinsos", "Dinas Sosial", DINAS, "Jl. Sudirman No. 14", "Kepala Dinas Sosial", "umum", "SIKS-NG dan laporan Dinas Sosial",
        "Meningkatkan kesejahteraan sosial penyandang masalah kesejahteraan sosial",
        sas("Meningkatnya perlindungan dan jaminan sosial bagi PPKS", "miskin",
            ind("Persentase PPKS yang memperoleh bantuan sosial pemenuhan kebutuhan dasar", "%", "+ytd", "78.00", "80.00", "92.00"),
            ind("Persentase data DTSEN yang dimutakhirkan", "%", "+ytd", "85.00", "88.00", "98.00", source="Data Terpadu Sosial Ekonomi Nasional (DTSEN)")),
        sas("Meningkatnya rehabilitasi dan pemberdayaan sosial", "miskin",
            ind("Persentase PPKS yang memperoleh rehabilitasi sosial dasar", "%", "+ytd", "70.00", "72.00", "85.00"),
            ind("Jumlah keluarga penerima manfaat pemberdayaan sosial", "KK", "+sum", "850", "900", "1200", 0)),
        programs=(prog("1.06.01", PENUNJANG, 4_100),
                  prog("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL", 980),
                  prog("1.06.04", "PROGRAM REHABILITASI SOSIAL", 1_650),
                  prog("1.06.05", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL", 2_350))),
    opd("2.07.3.31.0.00.01.0000", "Disperinaker", "Dinas Perindustrian dan Tenaga Kerja", DINAS, "Jl. Sudirman No. 20", "Kepala Dinas Perindustrian dan Tenaga Kerja", "ekonomi", "Laporan Disperinaker",
        "Meningkatkan kesempatan kerja dan daya saing industri",
        sas("Menurunnya pengangguran terbuka", "miskin",
            ind("Tingkat Pengangguran Terbuka", "%", "-rel", "5.42", "5.20", "4.30", definition="Jumlah penganggur dibagi jumlah angkatan kerja, dikali 100% (Sakernas Agustus).", source=BPS),
            ind("Persentase pencari kerja yang ditempatkan", "%", "+ytd", "42.00", "45.00", "60.00"),
            ind("Jumlah tenaga kerja yang mengikuti pelatihan berbasis kompetensi", "orang", "+sum", "640", "680", "900", 0)),
        sas("Meningkatnya daya saing industri kecil dan menengah", "eko",
            ind("Jumlah IKM masuk e-katalog", "unit", "+sum", "35", "40", "90", 0, source="Katalog Elektronik LKPP"),
            ind("Pertumbuhan jumlah IKM", "%", "+rel", "2.10", "2.50", "4.00", source="SIINas")),
        programs=(prog("2.07.01", PENUNJANG, 4_600),
                  prog("2.07.03", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", 2_150),
                  prog("2.07.04", "PROGRAM PENEMPATAN TENAGA KERJA", 720),
                  prog("3.31.02", "PROGRAM PERENCANAAN DAN PEMBANGUNAN INDUSTRI", 1_350))),
    opd("2.08.0.00.0.00.01.0000", "DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", DINAS, "Jl. Kartini No. 6", "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "umum", "Laporan DP3A",
        "Meningkatkan kesetaraan gender dan perlindungan perempuan dan anak",
        sas("Meningkatnya kesetaraan gender dan pemberdayaan perempuan", "kel",
            ind("Indeks Pemberdayaan Gender", "nilai", "+rel", "71.26", "72.00", "76.00", source=BPS),
            ind("Indeks Pembangunan Gender", "nilai", "+rel", "91.80", "92.10", "93.50", source=BPS)),
        sas("Meningkatnya perlindungan perempuan dan anak", "kel",
            ind("Persentase kasus kekerasan terhadap perempuan dan anak yang tertangani", "%", "+avg", "92.00", "95.00", "100.00", source="SIMFONI-PPA"),
            ind("Jumlah desa/kelurahan ramah perempuan dan peduli anak", "desa", "+last", "12", "18", "60", 0)),
        programs=(prog("2.08.01", PENUNJANG, 2_650),
                  prog("2.08.02", "PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN", 540),
                  prog("2.08.03", "PROGRAM PERLINDUNGAN PEREMPUAN", 610),
                  prog("2.08.07", "PROGRAM PERLINDUNGAN KHUSUS ANAK", 690))),
    opd("2.09.0.00.0.00.01.0000", "Dispangan", "Dinas Pangan", DINAS, "Jl. Sudirman No. 26", "Kepala Dinas Pangan", "pertanian", "Laporan Dinas Pangan",
        "Meningkatkan ketahanan pangan daerah",
        sas("Meningkatnya ketersediaan dan keragaman konsumsi pangan", "pangan",
            ind("Skor Pola Pangan Harapan", "skor", "+rel", "88.60", "89.50", "93.00", source="Badan Pangan Nasional"),
            ind("Indeks Ketahanan Pangan", "nilai", "+rel", "78.20", "79.00", "83.00", source="Badan Pangan Nasional")),
        sas("Meningkatnya keamanan pangan segar", "pangan",
            ind("Persentase sampel pangan segar yang memenuhi syarat keamanan", "%", "+avg", "92.00", "93.00", "97.00"),
            ind("Jumlah cadangan pangan pemerintah daerah", "ton", "+last", "60", "70", "100", 0)),
        programs=(prog("2.09.01", PENUNJANG, 3_100),
                  prog("2.09.03", "PROGRAM PENINGKATAN DIVERSIFIKASI DAN KETAHANAN PANGAN MASYARAKAT", 1_450),
                  prog("2.09.05", "PROGRAM PENGAWASAN KEAMANAN PANGAN", 520))),
    opd("2.11.0.00.0.00.01.0000", "DLH", "Dinas Lingkungan Hidup", DINAS, "Jl. Sudirman No. 31", "Kepala Dinas Lingkungan Hidup", "lingkungan", "Laporan DLH",
        "Meningkatkan kualitas lingkungan hidup",
        sas("Meningkatnya kualitas lingkungan hidup", "lh",
            ind("Indeks Kualitas Lingkungan Hidup", "nilai", "+rel", "62.40", "63.50", "68.00", definition="Gabungan indeks kualitas air, udara, lahan dan air laut (skala 0–100).", source="Kementerian Lingkungan Hidup"),
            ind("Indeks Kualitas Air", "nilai", "+rel", "51.20", "52.50", "58.00", source="Kementerian Lingkungan Hidup"),
            ind("Indeks Kualitas Udara", "nilai", "+rel", "86.10", "86.50", "88.00", source="Kementerian Lingkungan Hidup")),
        sas("Meningkatnya pengelolaan sampah", "lh",
            ind("Persentase sampah terkelola", "%", "+avg", "62.50", "65.00", "80.00", definition="Jumlah sampah yang dikurangi dan ditangani dibagi timbulan sampah, dikali 100%.", source="SIPSN"),
            ind("Persentase pengurangan sampah", "%", "+avg", "18.00", "20.00", "30.00", source="SIPSN")),
        programs=(prog("2.11.01", PENUNJANG, 9_300),
                  prog("2.11.03", "PROGRAM PENGENDALIAN PENCEMARAN DAN/ATAU KERUSAKAN LINGKUNGAN HIDUP", 1_850),
                  prog("2.11.11", "PROGRAM PENGELOLAAN PERSAMPAHAN", 12_600))),
    opd("2.12.0.00.0.00.01.0000", "Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", DINAS, "Jl. Kartini No. 12", "Kepala Dinas Kependudukan dan Pencatatan Sipil", "pemerintahan", "SIAK Terpusat",
        "Meningkatkan kualitas pelayanan administrasi kependudukan",
        sas("Meningkatnya kepemilikan dokumen kependudukan", "layanan",
            ind("Persentase penduduk wajib KTP ber-KTP-el", "%", "+last", "98.10", "98.40", "99.50", definition="Jumlah penduduk wajib KTP yang telah memiliki KTP-el dibagi jumlah penduduk wajib KTP, dikali 100% (posisi akhir triwulan).", source="SIAK Terpusat"),
            ind("Cakupan kepemilikan akta kelahiran anak 0–18 tahun", "%", "+last", "95.20", "96.00", "99.00", source="SIAK Terpusat"),
            ind("Cakupan kepemilikan Kartu Identitas Anak", "%", "+last", "58.00", "62.00", "80.00", source="SIAK Terpusat")),
        sas("Meningkatnya pemanfaatan data kependudukan", "layanan",
            ind("Jumlah lembaga yang memanfaatkan data kependudukan", "lembaga", "+last", "38", "42", "60", 0),
            ind("Persentase penduduk yang mengaktifkan Identitas Kependudukan Digital", "%", "+last", "9.50", "15.00", "40.00", source="SIAK Terpusat")),
        programs=(prog("2.12.01", PENUNJANG, 5_400),
                  prog("2.12.02", "PROGRAM PENDAFTARAN PENDUDUK", 1_250),
                  prog("2.12.03", "PROGRAM PENCATATAN SIPIL", 880),
                  prog("2.12.04", "PROGRAM PENGELOLAAN INFORMASI ADMINISTRASI KEPENDUDUKAN", 1_100))),
    opd("2.13.0.00.0.00.01.0000", "Dispermades", "Dinas Pemberdayaan Masyarakat dan Desa", DINAS, "Jl. Kartini No. 18", "Kepala Dinas Pemberdayaan Masyarakat dan Desa", "pemerintahan", "Laporan Dispermades",
        "Meningkatkan kemandirian desa",
        sas("Meningkatnya kemandirian desa", "miskin",
            ind("Persentase desa berstatus mandiri", "%", "+rel", "14.50", "17.00", "30.00", release=3, source="Indeks Desa, Kementerian Desa dan PDT"),
            ind("Jumlah BUMDes berkategori maju", "unit", "+last", "24", "28", "45", 0)),
        sas("Meningkatnya kualitas tata kelola pemerintahan desa", "akun",
            ind("Persentase desa yang menetapkan APBDes tepat waktu", "%", "+flat", "88.00", "90.00", "100.00", source="Siskeudes"),
            ind("Persentase desa yang menyampaikan laporan realisasi APBDes tepat waktu", "%", "+last", "85.00", "88.00", "98.00", source="Siskeudes")),
        programs=(prog("2.13.01", PENUNJANG, 3_850),
                  prog("2.13.02", "PROGRAM PENATAAN DESA", 420),
                  prog("2.13.04", "PROGRAM ADMINISTRASI PEMERINTAHAN DESA", 1_650),
                  prog("2.13.05", "PROGRAM PEMBERDAYAAN LEMBAGA KEMASYARAKATAN, LEMBAGA ADAT DAN MASYARAKAT HUKUM ADAT", 960))),
    opd("2.14.0.00.0.00.01.0000", "DPPKB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", DINAS, "Jl. Kartini No. 22", "Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana", "kesmas", "SIGA BKKBN",
        "Mewujudkan penduduk tumbuh seimbang dan keluarga berkualitas",
        sas("Terkendalinya pertumbuhan penduduk", "kel",
            ind("Total Fertility Rate", "anak per WUS", "-rel", "2.12", "2.10", "2.00", source="BKKBN"),
            ind("Angka prevalensi kontrasepsi modern (mCPR)", "%", "+last", "61.20", "62.00", "66.00", source="SIGA BKKBN"),
            ind("Persentase kebutuhan ber-KB yang tidak terpenuhi (unmet need)", "%", "-last", "11.80", "11.00", "8.50", source="SIGA BKKBN")),
        sas("Meningkatnya kualitas keluarga", "kel",
            ind("Indeks Pembangunan Keluarga (iBangga)", "nilai", "+rel", "59.30", "60.50", "65.00", source="BKKBN"),
            ind("Persentase keluarga berisiko stunting yang mendapat pendampingan", "%", "+ytd", "80.00", "85.00", "95.00")),
        programs=(prog("2.14.01", PENUNJANG, 6_200),
                  prog("2.14.03", "PROGRAM PEMBINAAN KELUARGA BERENCANA (KB)", 4_850),
                  prog("2.14.04", "PROGRAM PEMBERDAYAAN DAN PENINGKATAN KELUARGA SEJAHTERA (KS)", 1_300))),
    opd("2.15.0.00.0.00.01.0000", "Dishub", "Dinas Perhubungan", DINAS, "Jl. Diponegoro No. 40", "Kepala Dinas Perhubungan", "umum", "Laporan Dinas Perhubungan",
        "Meningkatkan keselamatan dan kualitas layanan transportasi",
        sas("Meningkatnya keselamatan dan kelancaran lalu lintas", "infra",
            ind("Persentase ruas jalan kabupaten yang dilengkapi perlengkapan jalan", "%", "+last", "54.00", "57.00", "70.00"),
            ind("Jumlah kecelakaan lalu lintas", "kejadian", "-sum", "412", "400", "340", 0, source="Satlantas Polres Sukamaju")),
        sas("Meningkatnya kualitas pelayanan angkutan dan pengujian kendaraan", "layanan",
            ind("Persentase kendaraan wajib uji yang lulus uji berkala", "%", "+avg", "88.00", "90.00", "95.00"),
            ind("Indeks Kepuasan Masyarakat layanan pengujian kendaraan bermotor", "nilai", "+avg", "81.00", "82.00", "86.00")),
        programs=(prog("2.15.01", PENUNJANG, 5_900),
                  prog("2.15.02", "PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)", 6_750))),
    opd("2.16.2.20.2.21.01.0000", "Diskominfo", "Dinas Komunikasi dan Informatika", DINAS, "Jl. Pemuda No. 15", "Kepala Dinas Komunikasi dan Informatika", "komputer", "Laporan Diskominfo",
        "Mewujudkan pemerintahan digital yang terpadu dan terbuka",
        sas("Meningkatnya kualitas penyelenggaraan SPBE", "akun",
            ind("Indeks SPBE", "indeks", "+rel", "2.84", "3.00", "3.60", source="Hasil evaluasi SPBE KemenPANRB"),
            ind("Persentase layanan publik yang terintegrasi secara elektronik", "%", "+last", "46.00", "50.00", "75.00")),
        sas("Meningkatnya keterbukaan informasi publik dan statistik sektoral", "layanan",
            ind("Indeks Keterbukaan Informasi Publik", "nilai", "+rel", "84.50", "86.00", "92.00", source="Komisi Informasi Provinsi Jawa Tengah"),
            ind("Indeks Pembangunan Statistik", "indeks", "+rel", "2.31", "2.50", "3.10", source=BPS),
            ind("Persentase perangkat daerah yang menerapkan persandian", "%", "+last", "60.00", "65.00", "100.00")),
        programs=(prog("2.16.01", PENUNJANG, 4_450),
                  prog("2.16.02", "PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK", 2_100),
                  prog("2.16.03", "PROGRAM APLIKASI INFORMATIKA", 5_300),
                  prog("2.20.02", "PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL", 380))),
    opd("2.17.0.00.0.00.01.0000", "Dinkop UKM", "Dinas Koperasi, Usaha Kecil dan Menengah", DINAS, "Jl. Sudirman No. 38", "Kepala Dinas Koperasi, Usaha Kecil dan Menengah", "ekonomi", "Laporan Dinkop UKM",
        "Meningkatkan daya saing koperasi dan usaha mikro",
        sas("Meningkatnya kualitas kelembagaan koperasi", "eko",
            ind("Persentase koperasi aktif", "%", "+last", "62.00", "64.00", "75.00", source="ODS Kementerian Koperasi"),
            ind("Persentase koperasi yang melaksanakan RAT tepat waktu", "%", "+ytd", "48.00", "52.00", "70.00")),
        sas("Meningkatnya daya saing usaha mikro", "eko",
            ind("Jumlah usaha mikro yang naik kelas", "unit", "+sum", "140", "150", "220", 0),
            ind("Jumlah usaha mikro yang memperoleh NIB", "unit", "+sum", "3200", "3500", "5000", 0, source="OSS RBA")),
        programs=(prog("2.17.01", PENUNJANG, 3_250),
                  prog("2.17.05", "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN", 540),
                  prog("2.17.08", "PROGRAM PENGEMBANGAN UMKM", 1_750))),
    opd("2.18.0.00.0.00.01.0000", "DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", DINAS, "Jl. Pemuda No. 21", "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "ekonomi", "Laporan DPMPTSP",
        "Meningkatkan investasi dan kualitas pelayanan perizinan",
        sas("Meningkatnya realisasi investasi daerah", "eko",
            ind("Nilai realisasi investasi PMA dan PMDN", "Rp miliar", "+sum", "1850.40", "1900.00", "2600.00", source="LKPM Kementerian Investasi/BKPM"),
            ind("Jumlah investor baru", "investor", "+sum", "76", "80", "110", 0, source="OSS RBA")),
        sas("Meningkatnya kualitas pelayanan perizinan", "layanan",
            ind("Indeks Kepuasan Masyarakat layanan perizinan", "nilai", "+avg", "84.20", "85.00", "89.00"),
            ind("Persentase perizinan yang terbit sesuai standar waktu pelayanan", "%", "+avg", "93.00", "95.00", "99.00")),
        programs=(prog("2.18.01", PENUNJANG, 3_600),
                  prog("2.18.03", "PROGRAM PROMOSI PENANAMAN MODAL", 650),
                  prog("2.18.04", "PROGRAM PELAYANAN PENANAMAN MODAL", 1_200))),
    opd("2.19.3.26.0.00.01.0000", "Disporapar", "Dinas Kepemudaan, Olahraga dan Pariwisata", DINAS, "Jl. Gajah Mada No. 3", "Kepala Dinas Kepemudaan, Olahraga dan Pariwisata", "umum", "Laporan Disporapar",
        "Meningkatkan daya saing pariwisata, olahraga dan kepemudaan",
        sas("Meningkatnya kunjungan dan daya saing pariwisata", "eko",
            ind("Jumlah kunjungan wisatawan", "orang", "+sum", "1240000", "1300000", "1650000", 0),
            ind("Kontribusi sektor pariwisata terhadap PDRB", "%", "+rel", "2.80", "2.90", "3.50", source=BPS)),
        sas("Meningkatnya prestasi olahraga dan peran pemuda", "pend",
            ind("Jumlah medali kejuaraan tingkat provinsi dan nasional", "medali", "+sum", "46", "50", "70", 0),
            ind("Indeks Pembangunan Pemuda", "nilai", "+rel", "52.50", "53.50", "58.00")),
        programs=(prog("2.19.01", PENUNJANG, 4_800),
                  prog("2.19.03", "PROGRAM PENGEMBANGAN KAPASITAS DAYA SAING KEOLAHRAGAAN", 3_900),
                  prog("3.26.02", "PROGRAM PENINGKATAN DAYA TARIK DESTINASI PARIWISATA", 5_250),
                  prog("3.26.03", "PROGRAM PEMASARAN PARIWISATA", 950))),
    opd("2.23.2.24.0.00.01.0000", "Dinarpus", "Dinas Perpustakaan dan Kearsipan", DINAS, "Jl. Gajah Mada No. 9", "Kepala Dinas Perpustakaan dan Kearsipan", "umum", "Laporan Dinarpus",
        "Meningkatkan budaya literasi dan tertib arsip",
        sas("Meningkatnya budaya gemar membaca dan literasi masyarakat", "pend",
            ind("Tingkat Gemar Membaca Masyarakat", "nilai", "+rel", "66.80", "68.00", "74.00", source="Perpustakaan Nasional"),
            ind("Indeks Pembangunan Literasi Masyarakat", "nilai", "+rel", "62.10", "64.00", "72.00", source="Perpustakaan Nasional"),
            ind("Jumlah pengunjung perpustakaan daerah", "orang", "+sum", "48000", "52000", "70000", 0)),
        sas("Meningkatnya tertib pengelolaan arsip", "akun",
            ind("Nilai pengawasan kearsipan", "nilai", "+rel", "71.50", "73.00", "82.00", source="ANRI"),
            ind("Persentase arsip statis yang dikelola sesuai standar", "%", "+last", "60.00", "65.00", "85.00")),
        programs=(prog("2.23.01", PENUNJANG, 3_150),
                  prog("2.23.02", "PROGRAM PEMBINAAN PERPUSTAKAAN", 1_450),
                  prog("2.24.02", "PROGRAM PENGELOLAAN ARSIP", 780))),
    opd("3.25.0.00.0.00.01.0000", "DKP", "Dinas Kelautan dan Perikanan", DINAS, "Jl. Pelabuhan No. 5", "Kepala Dinas Kelautan dan Perikanan", "perikanan", "Statistik Perikanan Kabupaten Sukamaju",
        "Meningkatkan produksi dan nilai tambah perikanan",
        sas("Meningkatnya produksi perikanan", "pangan",
            ind("Produksi perikanan tangkap", "ton", "+sum", "12450", "12800", "14500", 0),
            ind("Produksi perikanan budidaya", "ton", "+sum", "18300", "19000", "23000", 0)),
        sas("Meningkatnya kesejahteraan nelayan dan pembudi daya ikan", "miskin",
            ind("Nilai Tukar Nelayan", "nilai", "+avg", "103.50", "104.00", "107.00", source=BPS),
            ind("Angka konsumsi ikan", "kg/kapita/tahun", "+rel", "34.20", "35.00", "40.00", source="Kementerian Kelautan dan Perikanan")),
        programs=(prog("3.25.01", PENUNJANG, 3_700),
                  prog("3.25.03", "PROGRAM PENGELOLAAN PERIKANAN TANGKAP", 2_350),
                  prog("3.25.04", "PROGRAM PENGELOLAAN PERIKANAN BUDIDAYA", 1_850))),
    opd("3.27.0.00.0.00.01.0000", "Distan", "Dinas Pertanian", DINAS, "Jl. Gajah Mada No. 17", "Kepala Dinas Pertanian", "pertanian", "Laporan Dinas Pertanian",
        "Meningkatkan produksi dan kesejahteraan petani",
        sas("Meningkatnya produksi dan produktivitas pertanian", "pangan",
            ind("Produksi padi", "ton GKG", "+sum", "412300", "418000", "445000", 0, source="BPS dan Dinas Pertanian"),
            ind("Produktivitas padi", "kuintal/ha", "+flat", "58.40", "58.80", "61.00"),
            ind("Produksi jagung", "ton", "+sum", "98500", "101000", "115000", 0)),
        sas("Meningkatnya kesejahteraan petani", "miskin",
            ind("Nilai Tukar Petani", "nilai", "+avg", "106.20", "106.50", "109.00", source=BPS),
            ind("Persentase kelompok tani kelas madya ke atas", "%", "+last", "38.00", "40.00", "55.00")),
        sas("Meningkatnya kesehatan hewan dan produksi peternakan", "pangan",
            ind("Persentase kasus penyakit hewan menular strategis yang tertangani", "%", "+avg", "90.00", "92.00", "98.00", source="iSIKHNAS"),
            ind("Produksi daging", "ton", "+sum", "6850", "7000", "7900", 0)),
        programs=(prog("3.27.01", PENUNJANG, 11_200),
                  prog("3.27.02", "PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN", 6_800),
                  prog("3.27.03", "PROGRAM PENYEDIAAN DAN PENGEMBANGAN PRASARANA PERTANIAN", 8_450),
                  prog("3.27.07", "PROGRAM PENYULUHAN PERTANIAN", 1_600))),
    opd("3.30.0.00.0.00.01.0000", "Disdag", "Dinas Perdagangan", DINAS, "Jl. Pasar Baru No. 2", "Kepala Dinas Perdagangan", "ekonomi", "Laporan Dinas Perdagangan",
        "Meningkatkan kelancaran distribusi dan perlindungan konsumen",
        sas("Meningkatnya stabilitas harga dan kelancaran distribusi bahan pokok", "eko",
            ind("Koefisien variasi harga bahan pokok", "%", "-avg", "6.20", "6.00", "4.50", source="SP2KP Kementerian Perdagangan"),
            ind("Persentase pasar rakyat dalam kondisi baik", "%", "+last", "56.00", "60.00", "80.00")),
        sas("Meningkatnya perlindungan konsumen dan tertib ukur", "layanan",
            ind("Persentase UTTP yang ditera ulang", "%", "+ytd", "78.00", "80.00", "90.00", definition="Jumlah alat ukur, takar, timbang dan perlengkapannya yang ditera ulang dibagi jumlah UTTP wajib tera ulang, dikali 100%."),
            ind("Jumlah pelaku usaha yang difasilitasi promosi dagang", "pelaku usaha", "+sum", "180", "200", "280", 0)),
        programs=(prog("3.30.01", PENUNJANG, 3_900),
                  prog("3.30.04", "PROGRAM PENINGKATAN SARANA DISTRIBUSI PERDAGANGAN", 7_250),
                  prog("3.30.05", "PROGRAM STABILISASI HARGA BARANG KEBUTUHAN POKOK DAN BARANG PENTING", 640),
                  prog("3.30.07", "PROGRAM STANDARDISASI DAN PERLINDUNGAN KONSUMEN", 520))),
    opd("1.02.0.00.0.00.02.0000", "RSUD", "Rumah Sakit Umum Daerah Ki Ageng Sukamaju", OpdKind.RSUD, "Jl. dr. Soetomo No. 45", "Direktur Rumah Sakit Umum Daerah Ki Ageng Sukamaju", "rumah_sakit", "SIMRS RSUD Ki Ageng Sukamaju",
        "Meningkatkan mutu dan kemandirian pelayanan rumah sakit",
        sas("Meningkatnya mutu pelayanan rumah sakit", "kes",
            ind("Bed Occupancy Rate (BOR)", "%", "r avg", "72.40", "60.00", "85.00", definition="Jumlah hari perawatan dibagi (jumlah tempat tidur × jumlah hari dalam periode), dikali 100%; ideal 60–85%.", source="SIMRS"),
            ind("Net Death Rate (NDR)", "‰", "-avg", "24.50", "24.00", "20.00", definition="Jumlah pasien meninggal ≥ 48 jam dirawat per 1.000 pasien keluar.", source="SIMRS"),
            ind("Persentase waktu tunggu rawat jalan ≤ 60 menit", "%", "+avg", "78.00", "80.00", "92.00", source="SIMRS")),
        sas("Meningkatnya kepuasan dan kemandirian layanan rumah sakit", "layanan",
            ind("Indeks Kepuasan Masyarakat", "nilai", "+avg", "82.10", "83.00", "88.00", source="Survei Kepuasan Masyarakat RSUD"),
            ind("Cost Recovery Rate BLUD", "%", "+last", "92.00", "95.00", "105.00", definition="Pendapatan operasional BLUD dibagi biaya operasional, dikali 100%.")),
        programs=(prog("1.02.01", PENUNJANG, 86_400),
                  prog("1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT", 24_600))),
)

# Bapperida was "Badan Perencanaan Pembangunan Daerah" until the SOTK change of September 2025.
RENAMED_OPD = "Bapperida"
FORMER_NAME = "Badan Perencanaan Pembangunan Daerah"
FORMER_POSITION = "Kepala Badan Perencanaan Pembangunan Daerah"
HEAD_CHANGED_OPD = "Distan"  # the head retired mid-2025
ACTING_HEAD_OPD = "Dishub"  # led by a Plt. head

# --- kecamatan: all share one Renstra pattern ------------------------------------------------------------------
KECAMATAN: tuple[tuple[str, str], ...] = (
    ("Sukamaju", "Jl. Pemuda No. 40"),
    ("Sukamaju Utara", "Jl. Raya Utara No. 12"),
    ("Karangsari", "Jl. Raya Karangsari No. 3"),
    ("Tegalwangi", "Jl. Tegalwangi No. 7"),
    ("Sidomulyo", "Jl. Raya Sidomulyo No. 21"),
    ("Wanareja", "Jl. Wanareja No. 1"),
    ("Banyuasri", "Jl. Banyuasri No. 15"),
    ("Gunungsari", "Jl. Raya Gunungsari No. 9"),
    ("Kalimas", "Jl. Kalimas No. 4"),
    ("Ngrambe Lor", "Jl. Ngrambe No. 11"),
)
KECAMATAN_TUJUAN = "Meningkatkan kualitas pelayanan publik dan penyelenggaraan pemerintahan di wilayah kecamatan"
KECAMATAN_SASARAN: tuple[SasaranSpec, ...] = (
    sas("Meningkatnya kualitas pelayanan publik di kecamatan", "layanan",
        ind("Indeks Kepuasan Masyarakat layanan kecamatan", "nilai", "+avg", "81.00", "82.00", "86.00", definition="Nilai survei kepuasan masyarakat atas layanan kecamatan (PermenPANRB 14/2017), skala 25–100.", source="Survei Kepuasan Masyarakat kecamatan"),
        ind("Persentase layanan PATEN yang selesai tepat waktu", "%", "+avg", "90.00", "92.00", "98.00")),
    sas("Meningkatnya kualitas penyelenggaraan pemerintahan desa", "akun",
        ind("Persentase desa menetapkan APBDes tepat waktu", "%", "+flat", "85.00", "88.00", "100.00", source="Siskeudes"),
        ind("Persentase desa yang menyampaikan laporan realisasi APBDes tepat waktu", "%", "+last", "80.00", "85.00", "98.00", source="Siskeudes"),
        ind("Persentase gangguan trantibum di wilayah kecamatan yang tertangani", "%", "+avg", "90.00", "92.00", "97.00")),
)
KECAMATAN_PROGRAMS: tuple[ProgramSpec, ...] = (
    prog("7.01.01", PENUNJANG, 3_200),
    prog("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 420),
    prog("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", 260),
    prog("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PENYELENGGARAAN ADMINISTRASI PEMERINTAHAN DESA", 210),
)


def kecamatan_specs() -> tuple[OpdSpec, ...]:
    return tuple(
        OpdSpec(
            f"7.01.0.00.0.00.{number:02d}.0000", f"Kec. {name}", f"Kecamatan {name}", OpdKind.KECAMATAN, street,
            f"Camat {name}", "camat", KECAMATAN_TUJUAN, KECAMATAN_SASARAN, KECAMATAN_PROGRAMS,
            f"Laporan Kecamatan {name}",
        )
        for number, (name, street) in enumerate(KECAMATAN, start=1)
    )


# --- people -----------------------------------------------------------------------------------------------------
# (front titles, back titles) a head with this background may carry; one of each is drawn.
TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "pemerintahan": (("", "", "Drs."), ("S.STP., M.Si.", "S.IP., M.Si.", "M.Si.", "S.Sos., M.M.", "S.STP., M.AP.")),
    "hukum": (("",), ("S.H., M.H.", "S.H., M.Hum.", "S.H., M.Si.")),
    "ekonomi": (("", "", "Drs."), ("S.E., M.M.", "S.E., M.Si.", "S.E., M.Ak.", "M.Si.", "S.E., M.Sc.")),
    "umum": (("", "", "Drs."), ("S.Sos., M.Si.", "S.AP., M.M.", "M.Si.", "S.Sos., M.M.", "S.IP., M.AP.")),
    "pendidikan": (("Drs.", "", ""), ("M.Pd.", "S.Pd., M.Pd.", "S.Pd., M.Si.")),
    "dokter": (("dr.",), ("M.Kes.", "M.P.H.", "M.M.R.", "M.Kes.")),
    "rumah_sakit": (("dr.",), ("Sp.PD., M.M.R.", "Sp.OG., M.Kes.", "Sp.A., M.Kes.", "M.M.R.")),
    "kesmas": (("",), ("S.K.M., M.Kes.", "S.K.M., M.P.H.", "S.Sos., M.Si.")),
    "teknik": (("Ir.", "", ""), ("M.T.", "S.T., M.T.", "S.T., M.Eng.", "S.T., M.Si.")),
    "pertanian": (("Ir.", "", ""), ("M.P.", "S.P., M.Si.", "S.P., M.P.", "M.Si.")),
    "perikanan": (("",), ("S.Pi., M.Si.", "S.Pi., M.P.", "S.Pi., M.M.")),
    "lingkungan": (("",), ("S.T., M.Sc.", "S.Si., M.T.", "S.Hut., M.Si.", "S.T., M.T.")),
    "komputer": (("",), ("S.Kom., M.Kom.", "S.T., M.Kom.", "S.Kom., M.T.")),
    "camat": (("",), ("S.STP., M.Si.", "S.IP.", "S.Sos.", "S.STP.", "S.H.", "S.E.", "S.Sos., M.M.", "S.STP., M.AP.")),
}

MALE_GIVEN = (
    "Agus", "Bambang", "Budi", "Joko", "Heru", "Slamet", "Teguh", "Wahyu", "Eko", "Arif", "Dwi", "Hadi", "Bayu",
    "Sigit", "Rudi", "Yusuf", "Ahmad", "Muhammad", "Rahmat", "Imam", "Dedy", "Hari", "Tri", "Adi", "Fajar",
    "Gatot", "Rizal", "Anang", "Didik", "Nur",
)
FEMALE_GIVEN = (
    "Sri", "Endang", "Retno", "Dewi", "Siti", "Ani", "Yuni", "Rina", "Wulan", "Ratna", "Indah", "Puji", "Dyah",
    "Nanik", "Eni", "Lilik", "Titik", "Umi",
)
MALE_FAMILY = (
    "Santoso", "Prasetyo", "Wibowo", "Setiawan", "Nugroho", "Susanto", "Hidayat", "Kurniawan", "Raharjo",
    "Sulistyo", "Haryanto", "Suryono", "Gunawan", "Saputra", "Utomo", "Purnomo", "Kusuma", "Wijaya",
    "Firmansyah", "Sasongko", "Hartono", "Wicaksono", "Prabowo", "Budiman", "Mulyadi", "Riyanto", "Sugiarto",
)
FEMALE_FAMILY = (
    "Rahayu", "Lestari", "Wulandari", "Handayani", "Purwaningsih", "Susanti", "Astuti", "Widyastuti",
    "Kusumawati", "Setyaningsih", "Rahmawati", "Puspitasari", "Hartini", "Mulyani", "Pratiwi", "Suryani",
)
MALE_MONONYMS = ("Suparno", "Sugiyanto", "Sumarno", "Haryadi", "Sutarman", "Mulyono", "Suharto", "Waluyo")
FEMALE_MONONYMS = ("Sumarni", "Suwarni", "Wartini", "Sulastri", "Murtiningsih")

# --- quarterly reports ------------------------------------------------------------------------------------------
# (kendala, tindak lanjut) written when a quarter falls short of its target.
SHORTFALLS: tuple[tuple[str, str], ...] = (
    ("Pencairan anggaran kegiatan tertunda akibat penyesuaian belanja dalam rangka efisiensi anggaran.",
     "Menjadwalkan ulang kegiatan ke triwulan berikutnya dan mengajukan pergeseran anggaran."),
    ("Data dari unit pelaksana dan desa terlambat masuk sehingga capaian belum tercatat lengkap.",
     "Menerbitkan surat edaran batas waktu pelaporan dan melakukan verifikasi data berjenjang."),
    ("Proses pengadaan barang/jasa mengalami gagal tender.",
     "Melaksanakan tender ulang dan mempercepat penandatanganan kontrak."),
    ("Curah hujan tinggi menghambat pelaksanaan kegiatan fisik di lapangan.",
     "Menyusun jadwal pengganti dan menambah tenaga pelaksana di lapangan."),
    ("Keterbatasan sumber daya manusia pelaksana karena mutasi dan pensiun pegawai.",
     "Melakukan redistribusi tugas dan bimbingan teknis bagi pegawai pengganti."),
    ("Partisipasi masyarakat dalam kegiatan masih rendah.",
     "Mengintensifkan sosialisasi melalui kecamatan, desa dan media sosial."),
    ("Aplikasi pelaporan milik kementerian mengalami gangguan sehingga data tidak dapat diunggah.",
     "Berkoordinasi dengan kementerian terkait dan mencatat data secara manual sementara waktu."),
    ("Koordinasi lintas perangkat daerah belum optimal.",
     "Menyelenggarakan rapat koordinasi bulanan dengan perangkat daerah terkait."),
    ("Sebagian kegiatan bergantung pada dana transfer pusat yang belum dicairkan.",
     "Berkoordinasi dengan BPKAD untuk percepatan pencairan dan menyesuaikan jadwal pelaksanaan."),
)


# Sample accounts (README "Akun contoh"), every one with the password DEMO_PASSWORD: (login, role, full name,
# OPD codes for an operator).
DEMO_PASSWORD = "contoh123"
ACCOUNTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("admin", "admin", "Admin Bappeda", ()),
    ("verifikator", "verifikator", "Verifikator Bappeda", ()),
    ("pimpinan", "pimpinan", "Pimpinan Daerah", ()),
    ("evaluator", "evaluator", "Evaluator AKIP Inspektorat", ()),
    ("dinkes", "operator", "Operator Dinas Kesehatan", ("1.02.0.00.0.00.01.0000", "1.02.0.00.0.00.02.0000")),
    ("disdikbud", "operator", "Operator Dinas Pendidikan dan Kebudayaan", ("1.01.2.22.0.00.01.0000",)),
    ("dpupr", "operator", "Operator Dinas PUPR", ("1.03.0.00.0.00.01.0000",)),
)
