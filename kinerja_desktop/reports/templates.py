"""Editable wording of the documents, with the standard texts as defaults.

Regencies word their PK and Pakta Integritas slightly differently: a regency setting replaces any
field (``dataclasses.replace(AgreementTemplate(), first_party_heading="PIHAK KESATU,")``).
Placeholders in braces (``{tahun}``, ``{versi}``, ``{tanggal}``, ``{alasan}``, ``{instansi}``) are
filled when printing; other braces are left as they are. The texts are paragraph markup: ``<b>``,
``<i>`` and ``<u>`` work, and a literal ``&`` or ``<`` must be written ``&amp;`` / ``&lt;``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
# The regional head signs alone, in the first person singular, as regencies print it.
REGIONAL_OPENING = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, saya yang bertanda tangan di bawah ini:"
)
REGIONAL_COMMITMENT = (
    "Saya berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka "
    "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
    "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab saya."
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
    regional_opening: str = REGIONAL_OPENING
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
    # Inside an OPD (PermenPANRB 53/2014): eselon III signs sasaran program with its programs and kegiatan,
    # eselon IV sasaran kegiatan with its sub kegiatan. Added later: out of the fingerprint while default.
    program_goal_column: str = field(default="Sasaran Program", metadata={"since": "0009"})
    program_program_column: str = field(default="Program/Kegiatan", metadata={"since": "0009"})
    activity_goal_column: str = field(default="Sasaran Kegiatan", metadata={"since": "0009"})
    activity_program_column: str = field(default="Sub Kegiatan", metadata={"since": "0009"})

    def columns(self, kind: object) -> tuple[str, str]:
        """The sasaran and program column headings of a PK of ``kind`` (an AgreementKind)."""
        level = getattr(kind, "value", kind)
        if level == "3":
            return self.program_goal_column, self.program_program_column
        if level == "4":
            return self.activity_goal_column, self.activity_program_column
        return self.goal_column, self.program_column


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


# --- the sentences a regency may reword (Profil pemerintah daerah → Teks dokumen) ------------------------

# (key, label): key is "pk.<field>" or "pakta.<field>"; the pact's declarations are one per line.
EDITABLE_TEXTS: tuple[tuple[str, str], ...] = (
    ("pk.opening", "PK: kalimat pembuka"),
    ("pk.first_party_clause", "PK: keterangan pihak pertama"),
    ("pk.second_party_clause", "PK: keterangan pihak kedua"),
    ("pk.first_party_commitment", "PK: janji pihak pertama"),
    ("pk.second_party_commitment", "PK: janji pihak kedua"),
    ("pk.first_party_heading", "PK: judul tanda tangan pihak pertama"),
    ("pk.second_party_heading", "PK: judul tanda tangan pihak kedua"),
    ("pk.regional_opening", "PK kepala daerah: kalimat pembuka"),
    ("pk.regional_commitment", "PK kepala daerah: janji"),
    ("pk.amendment_note", "PK Perubahan: keterangan yang diganti ({tahun}, {versi}, {tanggal}, {alasan})"),
    ("pakta.intro", "Pakta Integritas: kalimat pembuka"),
    ("pakta.declaration_intro", "Pakta Integritas: pengantar pernyataan"),
    ("pakta.declarations", "Pakta Integritas: butir pernyataan (satu butir per baris; {instansi})"),
)


def default_text(key: str) -> str:
    """The standard wording of an editable text (DOMAIN.md)."""
    return _get(AgreementTemplate(), PactTemplate(), key)


def _get(agreement: AgreementTemplate, pact: PactTemplate, key: str) -> str:
    document, name = key.split(".", 1)
    value = getattr(agreement if document == "pk" else pact, name)
    return "\n".join(value) if isinstance(value, tuple) else value


def texts_of(agreement: AgreementTemplate, pact: PactTemplate) -> dict[str, str]:
    """Every editable text of two templates, by key."""
    return {key: _get(agreement, pact, key) for key, _label in EDITABLE_TEXTS}


def templates_from(texts: dict[str, str]) -> tuple[AgreementTemplate, PactTemplate]:
    """The templates with the given texts replacing the defaults (blank or unknown keys keep the default)."""
    known = {key for key, _label in EDITABLE_TEXTS}
    agreement: dict[str, str] = {}
    pact: dict[str, object] = {}
    for key, text in texts.items():
        if key not in known or not text.strip():
            continue
        document, name = key.split(".", 1)
        if document == "pk":
            agreement[name] = text.strip()
        elif name == "declarations":
            pact[name] = tuple(line.strip() for line in text.splitlines() if line.strip())
        else:
            pact[name] = text.strip()
    return AgreementTemplate(**agreement), PactTemplate(**pact)  # type: ignore[arg-type]


def markup_problem(text: str) -> str | None:
    """Why a text cannot be printed as paragraph markup (a tag left open or not closed in order), or None."""
    from reportlab.platypus import Paragraph

    try:
        Paragraph(fill(text, tahun="2026", versi="1", tanggal="2 Januari 2026", alasan="x", instansi="x"))
    except ValueError:
        return "teks tidak dapat dicetak: tanda <b>, <i> dan <u> harus ditutup berurutan (</b>, </i>, </u>)"
    return None
