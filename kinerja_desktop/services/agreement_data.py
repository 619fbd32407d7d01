"""Plain data carried between the agreement services and their callers (GUI, CLI, reports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..domain.enums import ActingKind, AgreementKind, AgreementStatus, Cumulation, Polarity


@dataclass(frozen=True)
class AgreementRow:
    """One line of the agreement list: a unit (an OPD, or the regency for its head's own PK) and the current
    version of its PK for the year."""

    opd_id: str | None  # None for the regional head's PK
    opd_code: str
    opd_abbreviation: str
    opd_name: str
    agreement_id: str | None
    version_no: int
    status: AgreementStatus | None
    item_count: int
    total_budget: int
    sign_date: date | None
    version_count: int
    level: AgreementKind = AgreementKind.OPD
    position_id: str | None = None  # inside an OPD: the position whose holder signs as pihak pertama
    position_name: str = ""

    @property
    def key(self) -> str:
        """What identifies the row in a list: the position inside an OPD, the OPD's id, or the level for the
        regency's own PK."""
        return self.position_id or self.opd_id or self.level.value

    @property
    def status_label(self) -> str:
        if self.status is None:
            return "Belum ada"
        if self.version_no > 1 and self.status is not AgreementStatus.SIGNED:
            return f"Perubahan ({self.status.label})"
        if self.version_no > 1:
            return "Perubahan (Ditandatangani)"
        return self.status.label


@dataclass
class Signer:
    """A party of the agreement as printed: name with titles, position with "Plt."/"Pj." where acting."""

    name: str = ""
    position: str = ""
    nip: str | None = None
    rank: str = ""
    acting: ActingKind = ActingKind.DEFINITIVE
    source_id: str | None = None  # Official (first party, and second inside an OPD) or RegionalLeader (second)

    @property
    def printed_position(self) -> str:
        return f"{self.acting.prefix} {self.position}".strip()


@dataclass
class ItemData:
    indicator_id: str
    sasaran: str
    indicator_name: str
    unit: str
    polarity: Polarity = Polarity.POSITIVE
    cumulation: Cumulation = Cumulation.LAST_VALUE
    target: Decimal | None = None
    target_high: Decimal | None = None
    target_grade: str | None = None
    quarters: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None] = (None, None, None, None)
    weight: Decimal = Decimal(1)
    goal_id: str | None = None
    id: str | None = None  # None for a row not yet saved


@dataclass
class ProgramData:
    name: str
    budget: int
    code: str = ""
    note: str = ""
    program_id: str | None = None
    id: str | None = None


@dataclass
class AgreementDetail:
    """Everything the editor shows; ``version`` is the row version for optimistic locking."""

    id: str
    opd_id: str | None
    year: int
    version_no: int
    status: AgreementStatus
    opd_name: str
    place: str
    sign_date: date | None
    notes: str
    amendment_reason: str
    replaces_id: str | None
    first: Signer
    second: Signer
    items: list[ItemData] = field(default_factory=list)
    programs: list[ProgramData] = field(default_factory=list)
    version: int = 1
    level: AgreementKind = AgreementKind.OPD
    position_id: str | None = None  # pihak pertama's position (an OPD's PK: its head's)

    @property
    def total_budget(self) -> int:
        return sum(program.budget for program in self.programs)

    @property
    def is_locked(self) -> bool:
        return self.status.is_locked


@dataclass(frozen=True)
class VersionInfo:
    id: str
    version_no: int
    status: AgreementStatus
    sign_date: date | None
    amendment_reason: str
    replaces_id: str | None


@dataclass(frozen=True)
class VersionChange:
    """One difference between two versions of an agreement, described for people."""

    section: str  # "Penandatangan", "Indikator", "Program", "Umum"
    subject: str
    before: str
    after: str
