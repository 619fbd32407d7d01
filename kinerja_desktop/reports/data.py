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
from typing import TYPE_CHECKING, Any

from kinerja_desktop.domain.enums import AgreementKind
from kinerja_desktop.reports.data_common import Letterhead, Region, Signer, TargetValue, _source
from kinerja_desktop.reports.templates import AgreementTemplate, PactTemplate

# Region, Letterhead, Signer, TargetValue and _source live in reports.data_common (reports.data_quarter's classes
# use them too) and are named here as before.


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
