"""Plain input data shared by every printed document (``reports.data``'s and ``reports.data_quarter``'s): the
region, the kop, a signer, a printed value. Named by ``reports.data`` too."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kinerja_desktop.domain.enums import ActingKind, RegionKind
from kinerja_desktop.domain.personnel import format_nip, rank_label


def _source() -> Any:
    """The database a copy is printed from (its regency's id): in the PDF's information, not in the content."""
    return field(default="", compare=False, metadata={"unprinted": True})


@dataclass(frozen=True)
class Region:
    """The regency or city issuing the documents."""

    kind: RegionKind
    name: str  # "Sukamaju"

    @property
    def full_name(self) -> str:
        """``Kabupaten Sukamaju``."""
        return f"{self.kind.government_title.removeprefix('PEMERINTAH ').title()} {self.name}"

    @property
    def government_line(self) -> str:
        """``PEMERINTAH KABUPATEN SUKAMAJU``."""
        return f"{self.kind.government_title} {self.name.upper()}"


@dataclass(frozen=True)
class Letterhead:
    """The kop: logo, government line, office name, contact lines."""

    government: str  # "PEMERINTAH KABUPATEN SUKAMAJU"
    office: str = ""  # "DINAS KESEHATAN" (printed bold); empty for the regency's own kop
    address: str = ""  # "Jalan Pemuda Nomor 12, Sukamaju 51311"
    telephone: str = ""
    website: str = ""
    email: str = ""
    logo_png: bytes | None = None


@dataclass(frozen=True)
class Signer:
    """A signer frozen as printed: name with gelar, jabatan, and for civil servants NIP and pangkat."""

    name: str  # "dr. Hj. Ratna Dewi Lestari, M.Kes."
    position: str  # jabatan without acting prefix: "Kepala Dinas Kesehatan Kabupaten Sukamaju"
    acting: ActingKind = ActingKind.DEFINITIVE
    nip: str | None = None  # 18 digits; None for an elected regional head
    rank: str | None = None  # "Pembina Utama Muda"
    grade: str | None = None  # "IV/c"

    @property
    def title(self) -> str:
        """Jabatan with the acting prefix: ``Plt. Kepala Dinas Kesehatan``."""
        prefix = self.acting.prefix
        return f"{prefix} {self.position}" if prefix else self.position

    @property
    def rank_text(self) -> str:
        return rank_label(self.rank, self.grade)

    @property
    def nip_text(self) -> str:
        """``NIP. 19700101 199503 1 001`` or empty."""
        return f"NIP. {format_nip(self.nip)}" if self.nip else ""


@dataclass(frozen=True)
class TargetValue:
    """A target or realisation as printed.

    ``value`` alone is a number (``92,5 %``); with ``upper`` it is a range (``60–85 %``); ``text`` is a
    qualitative grade (``WTP``, ``BB``, ``Level 3``). ``places`` fixes the decimals; None keeps the
    value's own significant decimals (92.50 → ``92,5``).
    """

    value: Decimal | int | None = None
    unit: str = ""
    upper: Decimal | int | None = None
    text: str | None = None
    places: int | None = None
