"""Editable wording of the documents, with the standard texts as defaults.

Regencies word their PK and Pakta Integritas slightly differently: a regency setting replaces any
field (``dataclasses.replace(AgreementTemplate(), first_party_heading="PIHAK KESATU,")``).
Placeholders in braces (``{tahun}``, ``{versi}``, ``{tanggal}``, ``{alasan}``, ``{instansi}``) are
filled when printing; other braces are left as they are. The texts are paragraph markup: ``<b>``,
``<i>`` and ``<u>`` work, and a literal ``&`` or ``<`` must be written ``&amp;`` / ``&lt;``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
FIRST_PARTY_COMMITMENT = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
)
SECOND_PARTY_COMMITMENT = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
    "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
    "dan sanksi."
)
REGIONAL_COMMITMENT = (
    "Berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka "
    "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
    "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
)

PACT_DECLARATIONS: tuple[str, ...] = (
    "Berperan secara pro aktif dalam upaya pencegahan dan pemberantasan Korupsi, Kolusi, dan Nepotisme "
    "(KKN) serta tidak melibatkan diri dalam perbuatan tercela;",
    "Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, hadiah, "
    "bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan yang berlaku;",
    "Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas;",
    "Menghindari pertentangan kepentingan (<i>conflict of interest</i>) dalam pelaksanaan tugas;",
    "Memberi contoh dalam kepatuhan terhadap peraturan perundang-undangan dalam melaksanakan tugas, "
    "terutama kepada pegawai yang berada di bawah pengawasan saya dan sesama pegawai di lingkungan kerja "
    "saya secara konsisten;",
    "Akan menyampaikan informasi penyimpangan integritas di {instansi} serta turut menjaga kerahasiaan "
    "saksi atas pelanggaran peraturan yang dilaporkannya;",
    "Bila saya melanggar hal-hal tersebut di atas, saya siap menghadapi konsekuensinya.",
)


@dataclass(frozen=True)
class AgreementTemplate:
    """Wording of the Perjanjian Kinerja (PermenPANRB 53/2014 form)."""

    title: str = "PERJANJIAN KINERJA TAHUN {tahun}"
    amended_title: str = "PERJANJIAN KINERJA PERUBAHAN TAHUN {tahun}"
    amendment_note: str = (
        "Perjanjian Kinerja Perubahan ini menggantikan Perjanjian Kinerja Tahun {tahun} versi {versi} "
        "tanggal {tanggal}, karena {alasan}."
    )
    opening: str = OPENING
    first_party_clause: str = "selanjutnya disebut pihak pertama."
    second_party_clause: str = "selaku atasan pihak pertama, selanjutnya disebut pihak kedua."
    first_party_commitment: str = FIRST_PARTY_COMMITMENT
    second_party_commitment: str = SECOND_PARTY_COMMITMENT
    regional_opening: str = OPENING
    regional_commitment: str = REGIONAL_COMMITMENT
    first_party_heading: str = "PIHAK PERTAMA,"
    second_party_heading: str = "PIHAK KEDUA,"
    name_label: str = "Nama"
    position_label: str = "Jabatan"
    goal_column: str = "Sasaran Strategis"
    indicator_column: str = "Indikator Kinerja"
    target_column: str = "Target"
    program_column: str = "Program"
    budget_column: str = "Anggaran (Rp)"
    note_column: str = "Keterangan"
    total_label: str = "Jumlah"


@dataclass(frozen=True)
class PactTemplate:
    """Wording of the Pakta Integritas (PermenPAN 49/2011 form)."""

    title: str = "PAKTA INTEGRITAS"
    intro: str = "Saya yang bertanda tangan di bawah ini:"
    name_label: str = "Nama"
    nip_label: str = "NIP"
    rank_label: str = "Pangkat/Golongan"
    position_label: str = "Jabatan"
    institution_label: str = "Instansi"
    declaration_intro: str = "Dengan ini menyatakan bahwa saya:"
    declarations: tuple[str, ...] = PACT_DECLARATIONS


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, **values: str) -> str:
    """Replace the known ``{placeholders}``; unknown ones stay as typed."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
