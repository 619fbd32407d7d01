"""Plain input data of the printed documents: frozen dataclasses, no ORM, no database.

The service that prints loads a snapshot from the database into these classes; the renderers only
lay them out and format them. Money is whole rupiah (``int``); targets, percentages and scores are
``Decimal`` already computed by the domain layer. Everything in here is printed, so everything in
here goes into the document's fingerprint (see ``fingerprint.py``), except the fields marked
``unprinted``: the database a copy was printed from (``SOURCE``), kept in the PDF's information only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kinerja_desktop.domain.enums import ActingKind, AgreementKind, RegionKind
from kinerja_desktop.domain.personnel import format_nip, rank_label
from kinerja_desktop.reports.templates import AgreementTemplate, PactTemplate


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


@dataclass(frozen=True)
class AgreementIndicator:
    name: str
    target: TargetValue


@dataclass(frozen=True)
class AgreementGoal:
    """A sasaran strategis with its indicators (the sasaran spans their rows in the lampiran)."""

    statement: str
    indicators: tuple[AgreementIndicator, ...]


@dataclass(frozen=True)
class AgreementProgram:
    name: str
    budget: int  # whole rupiah
    code: str = ""  # Permendagri 90/2019 code, printed before the name when given
    note: str = ""  # keterangan, e.g. "APBD"


@dataclass(frozen=True)
class Amendment:
    """What a PK Perubahan replaces, and why."""

    replaces_version: int
    replaces_date: date
    reason: str  # "penyesuaian anggaran pada APBD Perubahan Tahun 2026"


@dataclass(frozen=True)
class AgreementDocument:
    """A Perjanjian Kinerja as signed.

    For ``AgreementKind.OPD`` the first party is the OPD head and the second the regional head.
    For ``AgreementKind.REGIONAL`` (the regional head's own PK) ``second_party`` is None.
    """

    kind: AgreementKind
    year: int
    region: Region
    letterhead: Letterhead
    unit_name: str  # OPD name as on the signing date: "Dinas Kesehatan"
    unit_code: str  # short code used in the document identity: "DINKES"
    first_party: Signer
    second_party: Signer | None
    place: str  # "Sukamaju"
    signed_on: date
    goals: tuple[AgreementGoal, ...]
    programs: tuple[AgreementProgram, ...] = ()
    version: int = 1
    amendment: Amendment | None = None
    template: AgreementTemplate = field(default_factory=AgreementTemplate)
    watermark: str | None = None  # "DRAF", "CONTOH": printed across every page

    source: str = _source()

    @property
    def identity(self) -> str:
        """``PK-2026-DINKES-v1``."""
        return f"PK-{self.year}-{self.unit_code}-v{self.version}"


@dataclass(frozen=True)
class PactDocument:
    """A Pakta Integritas (PermenPAN 49/2011 form) of one official."""

    year: int
    region: Region
    letterhead: Letterhead
    signer: Signer
    institution: str  # instansi: "Dinas Kesehatan Kabupaten Sukamaju"
    unit_code: str
    place: str
    signed_on: date
    version: int = 1
    template: PactTemplate = field(default_factory=PactTemplate)
    watermark: str | None = None

    source: str = _source()

    @property
    def identity(self) -> str:
        return f"PI-{self.year}-{self.unit_code}-v{self.version}"


# The quarter's documents' classes (and the default predicate bands) live in reports.data_quarter, read when first
# named here (a PK's print never needs them: ≈ 7 ms, issue 20). ``from kinerja_desktop.reports.data import
# RankingDocument`` and ``rd.DEFAULT_PREDICATE_BANDS`` work as before.
QUARTER_NAMES = (
    "EvaluationIndicatorRow",
    "EvaluationProgramRow",
    "QuarterEvaluationDocument",
    "PredicateBand",
    "RankingRow",
    "RankingDocument",
    "NotReportedRow",
    "NotReportedDocument",
    "DEFAULT_PREDICATE_BANDS",
)

if TYPE_CHECKING:  # the names for the type checker (re-exported)
    from kinerja_desktop.reports.data_quarter import DEFAULT_PREDICATE_BANDS as DEFAULT_PREDICATE_BANDS
    from kinerja_desktop.reports.data_quarter import EvaluationIndicatorRow as EvaluationIndicatorRow
    from kinerja_desktop.reports.data_quarter import EvaluationProgramRow as EvaluationProgramRow
    from kinerja_desktop.reports.data_quarter import NotReportedDocument as NotReportedDocument
    from kinerja_desktop.reports.data_quarter import NotReportedRow as NotReportedRow
    from kinerja_desktop.reports.data_quarter import PredicateBand as PredicateBand
    from kinerja_desktop.reports.data_quarter import QuarterEvaluationDocument as QuarterEvaluationDocument
    from kinerja_desktop.reports.data_quarter import RankingDocument as RankingDocument
    from kinerja_desktop.reports.data_quarter import RankingRow as RankingRow


def __getattr__(name: str) -> Any:
    if name in QUARTER_NAMES:
        from kinerja_desktop.reports import data_quarter

        return getattr(data_quarter, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
