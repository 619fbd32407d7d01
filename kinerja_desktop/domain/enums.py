"""Closed vocabularies of the domain, stored by their string values."""

from __future__ import annotations

from enum import StrEnum


class OpdKind(StrEnum):
    """Kinds of perangkat daerah (OPD)."""

    SEKRETARIAT = "sekretariat"
    INSPEKTORAT = "inspektorat"
    BADAN = "badan"
    DINAS = "dinas"
    SATPOL_PP = "satpol_pp"
    RSUD = "rsud"
    KECAMATAN = "kecamatan"

    @property
    def label(self) -> str:
        return _OPD_KIND_LABELS[self]


_OPD_KIND_LABELS = {
    OpdKind.SEKRETARIAT: "Sekretariat",
    OpdKind.INSPEKTORAT: "Inspektorat",
    OpdKind.BADAN: "Badan",
    OpdKind.DINAS: "Dinas",
    OpdKind.SATPOL_PP: "Satuan Polisi Pamong Praja",
    OpdKind.RSUD: "Rumah Sakit Umum Daerah",
    OpdKind.KECAMATAN: "Kecamatan",
}


class ActingKind(StrEnum):
    """How an official holds a post: definitive, or acting for someone (Plt., Plh., Pj.)."""

    DEFINITIVE = "definitif"
    PLT = "plt"  # pelaksana tugas
    PLH = "plh"  # pelaksana harian
    PJ = "pj"  # penjabat (regional head appointed by the centre)

    @property
    def prefix(self) -> str:
        """The abbreviation printed before a title, e.g. "Plt. Kepala Dinas Kesehatan"."""
        return {ActingKind.DEFINITIVE: "", ActingKind.PLT: "Plt.", ActingKind.PLH: "Plh.", ActingKind.PJ: "Pj."}[
            self
        ]

    @property
    def label(self) -> str:
        return {
            ActingKind.DEFINITIVE: "Definitif",
            ActingKind.PLT: "Pelaksana Tugas (Plt.)",
            ActingKind.PLH: "Pelaksana Harian (Plh.)",
            ActingKind.PJ: "Penjabat (Pj.)",
        }[self]


class PositionLevel(StrEnum):
    """The level of a position (jabatan) inside an OPD."""

    HEAD = "kepala"  # Kepala Dinas/Badan, Camat, Direktur (JPT pratama or administrator)
    ESELON_III = "eselon_3"  # administrator: Sekretaris, Kepala Bidang, Sekretaris Camat
    ESELON_IV = "eselon_4"  # pengawas: Kepala Sub Bagian, Kepala Seksi
    STAFF = "staf"  # pelaksana and functional staff

    @property
    def label(self) -> str:
        return {
            PositionLevel.HEAD: "Kepala",
            PositionLevel.ESELON_III: "Eselon III (administrator)",
            PositionLevel.ESELON_IV: "Eselon IV (pengawas)",
            PositionLevel.STAFF: "Staf (pelaksana/fungsional)",
        }[self]

    @property
    def rank(self) -> int:
        """0 for the head, 1 for eselon III, 2 for eselon IV, 3 for staff."""
        return list(PositionLevel).index(self)

    @property
    def goal_level(self) -> GoalLevel:
        """The level of the sasaran a holder of such a position answers for."""
        return list(GoalLevel)[self.rank + 1]

    @property
    def agreement_kind(self) -> AgreementKind | None:
        """The PK such a position's holder signs as pihak pertama (staff sign none: their targets are the SKP)."""
        return None if self is PositionLevel.STAFF else list(AgreementKind)[self.rank + 1]


class LeaderRole(StrEnum):
    """Regional leaders who may sign as pihak kedua."""

    HEAD = "kepala_daerah"  # Bupati / Wali Kota
    DEPUTY = "wakil_kepala_daerah"  # Wakil Bupati / Wakil Wali Kota
    SECRETARY = "sekda"  # Sekretaris Daerah


class RegionKind(StrEnum):
    KABUPATEN = "kabupaten"
    KOTA = "kota"

    @property
    def government_title(self) -> str:
        return "PEMERINTAH KABUPATEN" if self is RegionKind.KABUPATEN else "PEMERINTAH KOTA"

    @property
    def head_title(self) -> str:
        return "Bupati" if self is RegionKind.KABUPATEN else "Wali Kota"


class GoalLevel(StrEnum):
    """A sasaran's level in the cascade (pohon kinerja), from the top: each supports one of the level above."""

    REGIONAL = "daerah"  # RPJMD
    OPD = "opd"  # Renstra: sasaran strategis of the OPD head
    PROGRAM = "program"  # sasaran program of an eselon III official
    ACTIVITY = "kegiatan"  # sasaran kegiatan of an eselon IV official
    INDIVIDUAL = "individu"  # an employee's own target (rencana hasil kerja of the SKP)

    @property
    def label(self) -> str:
        return {
            GoalLevel.REGIONAL: "Sasaran RPJMD",
            GoalLevel.OPD: "Sasaran Strategis",
            GoalLevel.PROGRAM: "Sasaran Program",
            GoalLevel.ACTIVITY: "Sasaran Kegiatan",
            GoalLevel.INDIVIDUAL: "Sasaran Individu",
        }[self]

    @property
    def depth(self) -> int:
        """1 for the RPJMD, 2 for the Renstra, 3 … 5 below."""
        return list(GoalLevel).index(self) + 1

    @property
    def supported_level(self) -> GoalLevel | None:
        """The level a sasaran of this level supports (None for the RPJMD)."""
        return None if self is GoalLevel.REGIONAL else list(GoalLevel)[self.depth - 2]

    @property
    def is_lower(self) -> bool:
        """Below the OPD's Renstra: a level inside the OPD, owned by a position."""
        return self.depth > GoalLevel.OPD.depth


class GoalKind(StrEnum):
    MISSION = "misi"
    GOAL = "tujuan"
    TARGET = "sasaran"

    @property
    def label(self) -> str:
        return {GoalKind.MISSION: "Misi", GoalKind.GOAL: "Tujuan", GoalKind.TARGET: "Sasaran"}[self]


class Polarity(StrEnum):
    POSITIVE = "positive"  # semakin tinggi semakin baik
    NEGATIVE = "negative"  # semakin rendah semakin baik
    RANGE = "range"  # dalam rentang

    @property
    def label(self) -> str:
        return {
            Polarity.POSITIVE: "Positif (semakin tinggi semakin baik)",
            Polarity.NEGATIVE: "Negatif (semakin rendah semakin baik)",
            Polarity.RANGE: "Rentang (ideal di dalam rentang)",
        }[self]


class Cumulation(StrEnum):
    """How quarterly values add up to the quarter-to-date figure."""

    SUMMED = "summed"
    LAST_VALUE = "last"
    AVERAGE = "average"
    FLAT = "flat"
    RELEASED = "released"  # published by another body (BPS, BPK ...)

    @property
    def label(self) -> str:
        return {
            Cumulation.SUMMED: "Dijumlahkan",
            Cumulation.LAST_VALUE: "Nilai terakhir",
            Cumulation.AVERAGE: "Rata-rata",
            Cumulation.FLAT: "Tetap (target tahunan tiap triwulan)",
            Cumulation.RELEASED: "Dirilis instansi lain",
        }[self]


class AgreementStatus(StrEnum):
    DRAFT = "draf"
    FINAL = "final"
    SIGNED = "ditandatangani"
    SUPERSEDED = "diganti"  # a signed version replaced by a signed PK Perubahan
    DISCARDED = "dibuang"

    @property
    def label(self) -> str:
        return {
            AgreementStatus.DRAFT: "Draf",
            AgreementStatus.FINAL: "Final",
            AgreementStatus.SIGNED: "Ditandatangani",
            AgreementStatus.SUPERSEDED: "Diganti Perubahan",
            AgreementStatus.DISCARDED: "Dibuang",
        }[self]

    @property
    def is_locked(self) -> bool:
        """Signed (or superseded) agreements can no longer change."""
        return self in (AgreementStatus.SIGNED, AgreementStatus.SUPERSEDED)


class AgreementKind(StrEnum):
    """The level of a Perjanjian Kinerja in the cascade, from the top: who signs it with whom."""

    REGIONAL = "daerah"  # the regional head's own PK with the RPJMD sasaran (single signer)
    OPD = "opd"  # Bupati <-> head of OPD, with the Renstra sasaran
    ESELON_III = "3"  # head of OPD <-> an eselon III official, with the sasaran program
    ESELON_IV = "4"  # the superior <-> an eselon IV official, with the sasaran kegiatan

    @property
    def label(self) -> str:
        return {
            AgreementKind.REGIONAL: "Daerah",
            AgreementKind.OPD: "Perangkat daerah",
            AgreementKind.ESELON_III: "Eselon III",
            AgreementKind.ESELON_IV: "Eselon IV",
        }[self]

    @property
    def is_lower(self) -> bool:
        """Inside an OPD: signed by an official of a position with the holder of its superior position."""
        return self in (AgreementKind.ESELON_III, AgreementKind.ESELON_IV)

    @property
    def goal_level(self) -> GoalLevel:
        """The level of the sasaran its lampiran lists."""
        return list(GoalLevel)[self.depth - 1]

    @property
    def depth(self) -> int:
        """1 for the regional head's PK, 2 for an OPD head's; lower levels of the cascade count on."""
        return list(AgreementKind).index(self) + 1

    @property
    def single_signer(self) -> bool:
        """Signed by one party alone ("Saya … berjanji …"), one signature block on the right."""
        return self is AgreementKind.REGIONAL


class Quarter(int):
    """Triwulan I..IV as 1..4."""

    ROMAN = ("I", "II", "III", "IV")

    def __new__(cls, value: int) -> Quarter:
        if value not in (1, 2, 3, 4):
            raise ValueError(f"Triwulan harus 1 sampai 4, bukan {value}")
        return super().__new__(cls, value)

    @property
    def roman(self) -> str:
        return self.ROMAN[self - 1]

    @property
    def label(self) -> str:
        return f"Triwulan {self.roman}"


class PeriodKind(StrEnum):
    """A planning period: the five-year RPJMD, or a transition plan (RPD) between two regional heads' terms."""

    RPJMD = "rpjmd"
    TRANSITION = "transisi"

    @property
    def label(self) -> str:
        return {PeriodKind.RPJMD: "RPJMD", PeriodKind.TRANSITION: "Periode transisi (RPD)"}[self]

    @property
    def short(self) -> str:
        """The name's prefix: "RPJMD 2025–2029", "RPD 2024–2026"."""
        return {PeriodKind.RPJMD: "RPJMD", PeriodKind.TRANSITION: "RPD"}[self]


class ProgramLevel(StrEnum):
    """Levels of the budget structure of Permendagri 90/2019: program → kegiatan → sub kegiatan."""

    PROGRAM = "program"
    ACTIVITY = "kegiatan"
    SUB_ACTIVITY = "sub_kegiatan"

    @property
    def label(self) -> str:
        return {
            ProgramLevel.PROGRAM: "Program",
            ProgramLevel.ACTIVITY: "Kegiatan",
            ProgramLevel.SUB_ACTIVITY: "Sub Kegiatan",
        }[self]

    @property
    def parent_level(self) -> ProgramLevel | None:
        return {
            ProgramLevel.PROGRAM: None,
            ProgramLevel.ACTIVITY: ProgramLevel.PROGRAM,
            ProgramLevel.SUB_ACTIVITY: ProgramLevel.ACTIVITY,
        }[self]

    @property
    def child_level(self) -> ProgramLevel | None:
        return {
            ProgramLevel.PROGRAM: ProgramLevel.ACTIVITY,
            ProgramLevel.ACTIVITY: ProgramLevel.SUB_ACTIVITY,
            ProgramLevel.SUB_ACTIVITY: None,
        }[self]
