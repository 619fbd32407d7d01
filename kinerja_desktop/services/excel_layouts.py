"""The sheets of each Excel kind, once: what a template holds, what an import reads, what an export writes.

A template kind's export has the same sheet and columns as its template, so an exported file is a valid
import file. Headers are the issue's words; reading matches them loosely (``interchange/xlsx_read.py``).
The words people write for a choice (polarity, cumulation, status…) are read through :func:`choice_map`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from ..domain.enums import ActingKind, Cumulation, LeaderRole, OpdKind, Polarity, PositionLevel, RegionKind
from ..interchange.xlsx_read import Column, SheetSpec, YearColumns, header_key
from ..interchange.xlsx_write import ColumnOut, Kind, SheetOut

E = TypeVar("E", bound=Enum)

TEMPLATE_KINDS = ("pimpinan", "opd", "jabatan", "rpjmd", "renstra", "program", "realisasi")


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    kind: Kind = Kind.TEXT
    required: bool = True  # the column must be in the file (its cells may still be empty)
    aliases: tuple[str, ...] = ()
    choices: str | None = None


@dataclass(frozen=True)
class YearCol:
    key: str
    prefix: str
    kind: Kind = Kind.NUMBER
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layout:
    """A sheet: fixed columns, then blocks of year columns (each block year by year: TW1 2025 … TW4 2025, …)."""

    title: str
    columns: tuple[Col, ...]
    year_blocks: tuple[tuple[YearCol, ...], ...] = ()

    @property
    def spec(self) -> SheetSpec:
        return SheetSpec(
            self.title,
            tuple(Column(c.key, c.header, c.required, c.aliases) for c in self.columns),
            tuple(YearColumns(y.key, y.prefix, y.aliases) for block in self.year_blocks for y in block),
        )

    def keys(self, years: Sequence[int]) -> list[Any]:
        """Column keys in sheet order: the fixed ones, then ``(key, year)`` of each block."""
        keys: list[Any] = [c.key for c in self.columns]
        for block in self.year_blocks:
            keys += [(y.key, year) for year in years for y in block]
        return keys

    def columns_out(self, years: Sequence[int]) -> list[ColumnOut]:
        out = [ColumnOut(c.header, c.kind, choices=c.choices) for c in self.columns]
        groups = {y.key: y for block in self.year_blocks for y in block}
        for key in self.keys(years)[len(self.columns):]:
            group = groups[key[0]]
            out.append(ColumnOut(f"{group.prefix} {key[1]}", group.kind))
        return out

    def sheet(
        self, years: Sequence[int], rows: Iterable[Mapping[Any, Any]], examples: Sequence[Mapping] = ()
    ) -> SheetOut:
        keys = self.keys(years)
        return SheetOut(
            self.title,
            self.columns_out(years),
            ([row.get(key) for key in keys] for row in rows),
            [[row.get(key) for key in keys] for row in examples],
        )


# --- the sheets ---------------------------------------------------------------------------------------

PIMPINAN = Layout("Pimpinan", (
    Col("role", "Jabatan", choices="jabatan"),
    Col("acting", "Status", choices="status_pimpinan"),
    Col("name", "Nama"),
    Col("nip", "NIP", Kind.CODE),
    Col("rank", "Pangkat/Golongan", choices="pangkat"),
    Col("start", "Mulai", Kind.DATE, aliases=("Mulai Menjabat", "Tanggal Mulai")),
    Col("end", "Selesai", Kind.DATE, required=False, aliases=("Selesai Menjabat", "Tanggal Selesai")),
))

OPD = Layout("Perangkat Daerah", (
    Col("code", "Kode", Kind.CODE, aliases=("Kode OPD", "Kode SIPD")),
    Col("name", "Nama", aliases=("Nama OPD", "Nama Perangkat Daerah")),
    Col("abbreviation", "Singkatan"),
    Col("kind", "Jenis", choices="jenis"),
    Col("address", "Alamat", required=False),
    Col("phone", "Telepon", required=False),
    Col("website", "Laman", required=False, aliases=("Situs Web", "Website")),
    Col("email", "Pos-el", required=False, aliases=("E-mail", "Email", "Surel")),
    Col("head_name", "Nama Kepala", required=False),
    Col("head_nip", "NIP Kepala", Kind.CODE, required=False),
    Col("head_rank", "Pangkat/Golongan Kepala", required=False, choices="pangkat"),
    Col("head_position", "Jabatan Kepala", required=False),
    Col("head_acting", "Status Kepala", required=False, choices="status_kepala"),
    Col("head_start", "Mulai Menjabat", Kind.DATE, required=False),
))

# The positions inside the OPDs under their heads (the head is the OPD sheet's "Kepala"), with their holders.
JABATAN = Layout("Jabatan", (
    Col("opd", "Kode OPD", Kind.CODE, aliases=("OPD",)),
    Col("name", "Jabatan", aliases=("Nama Jabatan",)),
    Col("level", "Tingkat", choices="tingkat_jabatan", aliases=("Eselon",)),
    Col("superior", "Atasan Langsung", required=False, aliases=("Atasan",)),
    Col("holder_name", "Nama Pemegang", required=False, aliases=("Nama Pejabat", "Nama")),
    Col("holder_nip", "NIP", Kind.CODE, required=False),
    Col("holder_rank", "Pangkat/Golongan", required=False, choices="pangkat"),
    Col("holder_acting", "Status", required=False, choices="status_kepala"),
    Col("holder_start", "Mulai Menjabat", Kind.DATE, required=False),
))

_INDICATOR = (
    Col("indicator", "Indikator", required=False, aliases=("Indikator Kinerja",)),
    Col("unit", "Satuan", required=False),
    Col("polarity", "Polaritas", required=False, choices="polaritas"),
    Col("cumulation", "Cara Kumulasi", required=False, choices="kumulasi", aliases=("Kumulasi",)),
)
TARGET = YearCol("target", "Target")

RPJMD = Layout("RPJMD", (
    Col("goal_code", "Kode Tujuan", Kind.CODE),
    Col("goal", "Tujuan"),
    Col("target_code", "Kode Sasaran", Kind.CODE),
    Col("target", "Sasaran"),
    *_INDICATOR,
    Col("baseline", "Kondisi Awal", Kind.NUMBER, required=False, aliases=("Baseline", "Nilai Dasar")),
), ((TARGET,),))

QUARTER_COLUMNS = tuple(
    YearCol(f"q{n}", f"TW{n}", aliases=(f"TW {roman}", f"Triwulan {n}", f"Triwulan {roman}"))
    for n, roman in zip((1, 2, 3, 4), ("I", "II", "III", "IV"), strict=True)
)
RENSTRA = Layout("Renstra", (
    Col("opd", "Kode OPD", Kind.CODE, aliases=("OPD",)),
    Col("supports", "Kode Sasaran RPJMD", Kind.CODE, required=False),
    Col("goal", "Tujuan"),
    Col("target", "Sasaran"),
    *_INDICATOR,
    Col("definition", "Definisi/Formula", required=False, aliases=("Definisi", "Formula", "Definisi Operasional")),
    Col("source", "Sumber Data", required=False),
    Col("baseline", "Kondisi Awal", Kind.NUMBER, required=False, aliases=("Baseline", "Nilai Dasar")),
    Col("weight", "Bobot", Kind.NUMBER, required=False),
), ((TARGET,), QUARTER_COLUMNS))

PROGRAM = Layout("Program", (
    Col("opd", "Kode OPD", Kind.CODE, aliases=("OPD",)),
    Col("code", "Kode", Kind.CODE, aliases=("Kode Program", "Kode Rekening")),
    Col("name", "Nama", aliases=("Nama Program", "Uraian", "Program/Kegiatan/Sub Kegiatan")),
), ((YearCol("pagu", "Pagu", Kind.RUPIAH, aliases=("Anggaran",)),),))

REALISASI = Layout("Realisasi Indikator", (
    Col("opd", "Kode OPD", Kind.CODE, aliases=("OPD",)),
    Col("year", "Tahun", Kind.YEAR),
    Col("quarter", "Triwulan", Kind.YEAR, choices="triwulan", aliases=("TW",)),
    Col("indicator", "Indikator", aliases=("Kode Indikator", "Indikator Kinerja")),
    Col("value", "Realisasi", Kind.NUMBER),
    Col("problems", "Kendala", required=False, aliases=("Permasalahan",)),
    Col("follow_up", "Tindak Lanjut", required=False, aliases=("Solusi",)),
))
REALISASI_ANGGARAN = Layout("Realisasi Anggaran", (
    Col("opd", "Kode OPD", Kind.CODE, aliases=("OPD",)),
    Col("year", "Tahun", Kind.YEAR),
    Col("quarter", "Triwulan", Kind.YEAR, choices="triwulan", aliases=("TW",)),
    Col("program", "Kode Program", Kind.CODE),
    Col("amount", "Realisasi Anggaran", Kind.RUPIAH),
))

# The AKIP evaluation (``lke export|import``, services/excel_lke.py): answers first (the sheet a file must
# have), then each OPD's evaluator and general notes, then the year's structure (optional on import).
LKE_ANSWERS = Layout("Jawaban LKE", (
    Col("opd", "Kode OPD", Kind.CODE, aliases=("OPD",)),
    Col("year", "Tahun", Kind.YEAR),
    Col("criterion", "Kode Kriteria", Kind.CODE, aliases=("Kode",)),
    Col("statement", "Kriteria", required=False, aliases=("Uraian",)),  # for the reader; not imported
    Col("answer", "Jawaban", aliases=("Nilai",)),
    Col("evidence", "Bukti Dukung", required=False, aliases=("Bukti",)),
    Col("notes", "Catatan Evaluator", required=False, aliases=("Catatan",)),
    Col("recommendation", "Rekomendasi", required=False),
))
LKE_EVALUATIONS = Layout("Evaluasi", (
    Col("opd", "Kode OPD", Kind.CODE, aliases=("OPD",)),
    Col("year", "Tahun", Kind.YEAR),
    Col("evaluator", "Evaluator", required=False),
    Col("evaluated_on", "Tanggal Evaluasi", Kind.DATE, required=False),
    Col("notes", "Catatan Umum", required=False),
    Col("recommendations", "Rekomendasi Umum", required=False),
))
LKE_STRUCTURE = Layout("Struktur LKE", (
    Col("year", "Tahun", Kind.YEAR),
    Col("code", "Kode", Kind.CODE),
    Col("name", "Uraian"),
    Col("weight", "Bobot", Kind.NUMBER, required=False),
    Col("scale", "Skala Jawaban", required=False, choices="skala_lke", aliases=("Skala",)),
))

LAYOUTS: dict[str, tuple[Layout, ...]] = {
    "pimpinan": (PIMPINAN,),
    "opd": (OPD,),
    "jabatan": (JABATAN,),
    "rpjmd": (RPJMD,),
    "renstra": (RENSTRA,),
    "program": (PROGRAM,),
    "realisasi": (REALISASI, REALISASI_ANGGARAN),
    "lke": (LKE_ANSWERS, LKE_EVALUATIONS, LKE_STRUCTURE),
}


# --- choices: what the drop-downs offer and what is read --------------------------------------------------

ROLE_WORDS = {
    RegionKind.KABUPATEN: {LeaderRole.HEAD: "Bupati", LeaderRole.DEPUTY: "Wakil Bupati"},
    RegionKind.KOTA: {LeaderRole.HEAD: "Wali Kota", LeaderRole.DEPUTY: "Wakil Wali Kota"},
}
ACTING_WORDS = {
    ActingKind.DEFINITIVE: "Definitif", ActingKind.PJ: "Pj.", ActingKind.PLT: "Plt.", ActingKind.PLH: "Plh."
}
POLARITY_WORDS = {Polarity.POSITIVE: "Positif", Polarity.NEGATIVE: "Negatif", Polarity.RANGE: "Rentang"}
CUMULATION_WORDS = {
    Cumulation.SUMMED: "Dijumlahkan",
    Cumulation.LAST_VALUE: "Nilai terakhir",
    Cumulation.AVERAGE: "Rata-rata",
    Cumulation.FLAT: "Tetap",
    Cumulation.RELEASED: "Dirilis instansi lain",
}


def choice_map(words: Mapping[E, str], *more: tuple[str, E]) -> dict[str, E]:
    """header_key of every way to write a choice (its word, its value, its label) → the choice."""
    found: dict[str, E] = {}
    for member, word in words.items():
        for text in (word, member.value, getattr(member, "label", "")):
            if text:
                found.setdefault(header_key(text), member)
    for text, member in more:
        found[header_key(text)] = member
    return found


ACTING = choice_map(
    ACTING_WORDS, ("Penjabat", ActingKind.PJ), ("Pelaksana Tugas", ActingKind.PLT),
    ("Pelaksana Harian", ActingKind.PLH), ("", ActingKind.DEFINITIVE),
)
POLARITY = choice_map(POLARITY_WORDS)
CUMULATION = choice_map(CUMULATION_WORDS, ("Jumlah", Cumulation.SUMMED), ("Kumulatif", Cumulation.SUMMED),
                        ("Terakhir", Cumulation.LAST_VALUE), ("Rilis", Cumulation.RELEASED))
OPD_KINDS = choice_map({kind: kind.label for kind in OpdKind}, ("Satpol PP", OpdKind.SATPOL_PP),
                       ("RSUD", OpdKind.RSUD), ("Sekretariat Daerah", OpdKind.SEKRETARIAT))
LEVEL_WORDS = {
    PositionLevel.ESELON_III: "Eselon III", PositionLevel.ESELON_IV: "Eselon IV", PositionLevel.STAFF: "Staf",
}
LEVELS = choice_map(LEVEL_WORDS, ("Administrator", PositionLevel.ESELON_III), ("Pengawas", PositionLevel.ESELON_IV),
                    ("Pelaksana", PositionLevel.STAFF), ("Fungsional", PositionLevel.STAFF))
ROLES = {
    **{header_key(word): (role, kind) for kind, words in ROLE_WORDS.items() for role, word in words.items()},
    header_key("Sekretaris Daerah"): (LeaderRole.SECRETARY, None),
    header_key("Sekda"): (LeaderRole.SECRETARY, None),
}


def choice_lists(kind: RegionKind | None = None) -> dict[str, list[str]]:
    """The drop-down lists of the templates (the region's own titles when it is known)."""
    from ..domain.personnel import RANK_LABELS

    kinds = [kind] if kind is not None else list(RegionKind)
    roles = [word for k in kinds for word in ROLE_WORDS[k].values()] + ["Sekretaris Daerah"]
    return {
        "jabatan": roles,
        "status_pimpinan": list(ACTING_WORDS.values()),
        "status_kepala": [ACTING_WORDS[a] for a in (ActingKind.DEFINITIVE, ActingKind.PLT, ActingKind.PLH)],
        "pangkat": list(RANK_LABELS),
        "jenis": [k.label for k in OpdKind],
        "polaritas": list(POLARITY_WORDS.values()),
        "kumulasi": list(CUMULATION_WORDS.values()),
        "triwulan": ["1", "2", "3", "4"],
        "tingkat_jabatan": list(LEVEL_WORDS.values()),  # last: the earlier lists keep their columns
    }
