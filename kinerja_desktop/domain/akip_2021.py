"""The LKE of PermenPANRB 88/2021 as the default structure of a regency's AKIP evaluation of its OPDs.

Four components (Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas
Kinerja Internal 25), each split as the regulation splits it into Keberadaan (20 % of the component), Kualitas
(30 %) and Pemanfaatan (50 %); the criteria follow the LKE's, worded for a perangkat daerah (Renstra, Renja,
Perjanjian Kinerja, DPA). Whether something exists is answered Ya/Tidak, how good or how used it is A–E.
A regency edits its own copy per year (``services/akip.py``); this is only what a new year starts from.
"""

from __future__ import annotations

from decimal import Decimal

from .akip import A_TO_E, YES_NO, Component, Criterion, Framework, Subcomponent

NAME = "LKE AKIP Perangkat Daerah (PermenPANRB 88/2021)"

# (code, name, weight, ((sub code, sub name, weight, scale, (criteria…)), …))
_STRUCTURE: tuple[tuple[str, str, str, tuple[tuple[str, str, str, str, tuple[str, ...]], ...]], ...] = (
    ("1", "Perencanaan Kinerja", "30", (
        ("1.a", "Keberadaan: dokumen perencanaan kinerja telah tersedia", "6", YES_NO.name, (
            "Terdapat pedoman teknis perencanaan kinerja",
            "Terdapat dokumen perencanaan kinerja jangka menengah (Renstra Perangkat Daerah)",
            "Terdapat dokumen perencanaan kinerja jangka pendek (Renja Perangkat Daerah)",
            "Terdapat dokumen Perjanjian Kinerja tahunan",
            "Terdapat dokumen perencanaan aktivitas yang mendukung kinerja (rencana aksi)",
            "Terdapat dokumen perencanaan anggaran yang mendukung kinerja (DPA)",
        )),
        ("1.b", "Kualitas: dokumen perencanaan kinerja telah memenuhi standar yang baik", "9", A_TO_E.name, (
            "Dokumen perencanaan kinerja telah diformalkan",
            "Dokumen perencanaan kinerja telah dipublikasikan tepat waktu",
            "Dokumen perencanaan kinerja telah menggambarkan kebutuhan atas kinerja sebenarnya yang perlu dicapai",
            "Rumusan tujuan dan sasaran telah jelas menggambarkan kondisi kinerja yang akan dicapai",
            "Indikator kinerja telah memenuhi kriteria SMART",
            "Indikator Kinerja Utama menggambarkan kinerja utama yang harus dicapai dan berkelanjutan",
            "Target kinerja dapat dicapai, menantang dan realistis",
            "Dokumen perencanaan kinerja selaras dan berkesinambungan antarjenjang (cascading)",
            "Perencanaan kinerja memuat keterkaitan dengan kinerja perangkat daerah lain (crosscutting)",
        )),
        ("1.c", "Pemanfaatan: perencanaan kinerja dimanfaatkan untuk mewujudkan hasil yang berkesinambungan", "15",
         A_TO_E.name, (
            "Anggaran yang ditetapkan telah mengacu pada kinerja yang ingin dicapai",
            "Aktivitas yang dilaksanakan telah mendukung kinerja yang ingin dicapai",
            "Target kinerja telah dicapai dengan baik, atau setidaknya masih sesuai rencana",
            "Rencana aksi berjalan dinamis karena capaian kinerja dipantau secara berkala",
            "Dokumen perencanaan kinerja diperbaiki dari hasil analisis kinerja sebelumnya",
            "Dokumen perencanaan kinerja diperbaiki untuk mewujudkan kondisi yang lebih baik",
            "Setiap unit kerja memahami, peduli dan berkomitmen mencapai kinerja yang direncanakan",
            "Setiap pegawai memahami, peduli dan berkomitmen mencapai kinerja yang direncanakan",
        )),
    )),
    ("2", "Pengukuran Kinerja", "30", (
        ("2.a", "Keberadaan: pengukuran kinerja telah dilakukan", "6", YES_NO.name, (
            "Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data kinerja",
            "Terdapat definisi operasional yang jelas atas kinerja dan cara mengukur indikator kinerja",
            "Terdapat mekanisme yang jelas untuk mengumpulkan data kinerja yang dapat diandalkan",
        )),
        ("2.b", "Kualitas: pengukuran kinerja dilakukan berjenjang dan berkelanjutan", "9", A_TO_E.name, (
            "Pimpinan selalu terlibat sebagai pengambil keputusan dalam mengukur capaian kinerja",
            "Data kinerja yang dikumpulkan relevan untuk mengukur capaian kinerja",
            "Data kinerja yang dikumpulkan mendukung capaian kinerja yang diharapkan",
            "Pengukuran kinerja dilakukan secara berkala",
            "Setiap jenjang memantau capaian kinerja unit di bawahnya",
            "Pengumpulan data kinerja memanfaatkan teknologi informasi (aplikasi)",
            "Pengukuran capaian kinerja memanfaatkan teknologi informasi (aplikasi)",
        )),
        ("2.c", "Pemanfaatan: pengukuran kinerja menjadi dasar penghargaan, sanksi dan penyesuaian strategi", "15",
         A_TO_E.name, (
            "Pengukuran kinerja menjadi dasar penyesuaian tunjangan kinerja/penghasilan",
            "Pengukuran kinerja mempengaruhi penyesuaian (refocusing) organisasi",
            "Pengukuran kinerja mempengaruhi penyesuaian strategi untuk mencapai kinerja",
            "Pengukuran kinerja mempengaruhi penyesuaian kebijakan untuk mencapai kinerja",
            "Pengukuran kinerja mempengaruhi penyesuaian aktivitas untuk mencapai kinerja",
            "Pengukuran kinerja mempengaruhi penyesuaian anggaran untuk mencapai kinerja",
            "Terdapat efisiensi penggunaan anggaran dalam mencapai kinerja",
            "Setiap unit kerja memahami dan peduli atas hasil pengukuran kinerja",
            "Setiap pegawai memahami dan peduli atas hasil pengukuran kinerja",
        )),
    )),
    ("3", "Pelaporan Kinerja", "15", (
        ("3.a", "Keberadaan: terdapat dokumen laporan yang menggambarkan kinerja", "3", YES_NO.name, (
            "Dokumen laporan kinerja telah disusun",
            "Dokumen laporan kinerja telah disusun secara berkala",
            "Dokumen laporan kinerja telah diformalkan",
            "Dokumen laporan kinerja telah direviu",
            "Dokumen laporan kinerja telah dipublikasikan",
            "Dokumen laporan kinerja telah disampaikan tepat waktu",
        )),
        ("3.b", "Kualitas: laporan kinerja memenuhi standar dan menggambarkan kualitas capaian kinerja", "4.5",
         A_TO_E.name, (
            "Dokumen laporan kinerja disusun secara berkualitas sesuai standar",
            "Laporan kinerja mengungkap seluruh informasi tentang pencapaian kinerja",
            "Laporan kinerja membandingkan realisasi dengan target tahunan",
            "Laporan kinerja membandingkan realisasi dengan target jangka menengah",
            "Laporan kinerja membandingkan realisasi dengan realisasi tahun-tahun sebelumnya",
            "Laporan kinerja membandingkan realisasi dengan capaian tingkat provinsi/nasional (benchmark)",
            "Laporan kinerja menjelaskan keberhasilan atau kegagalan mencapai target beserta upaya dan hambatannya",
            "Laporan kinerja menjelaskan efisiensi penggunaan sumber daya dalam mencapai kinerja",
            "Laporan kinerja memuat upaya perbaikan dan penyempurnaan kinerja ke depan",
        )),
        ("3.c", "Pemanfaatan: pelaporan kinerja berdampak pada penyesuaian strategi dan kebijakan", "7.5",
         A_TO_E.name, (
            "Informasi dalam laporan kinerja menjadi perhatian utama pimpinan",
            "Penyajian informasi dalam laporan kinerja menjadi kepedulian seluruh pegawai",
            "Informasi laporan kinerja berkala digunakan untuk menyesuaikan aktivitas",
            "Informasi laporan kinerja berkala digunakan untuk menyesuaikan penggunaan anggaran",
            "Informasi laporan kinerja digunakan dalam evaluasi keberhasilan kinerja",
            "Informasi laporan kinerja digunakan untuk menyesuaikan perencanaan kinerja berikutnya",
            "Informasi laporan kinerja mempengaruhi perubahan budaya kinerja organisasi",
        )),
    )),
    ("4", "Evaluasi Akuntabilitas Kinerja Internal", "25", (
        ("4.a", "Keberadaan: evaluasi akuntabilitas kinerja internal telah dilaksanakan", "5", YES_NO.name, (
            "Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal",
            "Evaluasi akuntabilitas kinerja internal dilaksanakan pada seluruh unit kerja",
            "Evaluasi akuntabilitas kinerja internal dilaksanakan secara berjenjang",
        )),
        ("4.b", "Kualitas: evaluasi dilaksanakan secara berkualitas dengan sumber daya yang memadai", "7.5",
         A_TO_E.name, (
            "Evaluasi akuntabilitas kinerja internal dilaksanakan sesuai standar",
            "Evaluasi akuntabilitas kinerja internal dilaksanakan oleh SDM yang memadai",
            "Evaluasi akuntabilitas kinerja internal dilaksanakan dengan pendalaman yang memadai",
            "Evaluasi akuntabilitas kinerja internal menjangkau seluruh unit kerja",
            "Evaluasi akuntabilitas kinerja internal memanfaatkan teknologi informasi (aplikasi)",
        )),
        ("4.c", "Pemanfaatan: implementasi SAKIP meningkat karena evaluasi akuntabilitas kinerja internal", "12.5",
         A_TO_E.name, (
            "Seluruh rekomendasi hasil evaluasi akuntabilitas kinerja internal telah ditindaklanjuti",
            "Implementasi SAKIP meningkat dengan menindaklanjuti rekomendasi hasil evaluasi",
            "Hasil evaluasi dimanfaatkan untuk perbaikan dan peningkatan akuntabilitas kinerja",
            "Hasil evaluasi dimanfaatkan untuk mendukung efektivitas dan efisiensi kinerja",
            "Kinerja membaik dengan memanfaatkan hasil evaluasi akuntabilitas kinerja internal",
        )),
    )),
)


def _build() -> Framework:
    components = []
    for code, name, weight, subs in _STRUCTURE:
        subcomponents = tuple(
            Subcomponent(
                sub_code,
                sub_name,
                Decimal(sub_weight),
                tuple(Criterion(f"{sub_code}.{n}", text, scale) for n, text in enumerate(criteria, start=1)),
            )
            for sub_code, sub_name, sub_weight, scale, criteria in subs
        )
        components.append(Component(code, name, Decimal(weight), subcomponents))
    return Framework(tuple(components), NAME)


PERMENPANRB_88_2021: Framework = _build()
"""77 criteria in 12 sub-components of 4 components; weights 30 · 30 · 15 · 25."""
