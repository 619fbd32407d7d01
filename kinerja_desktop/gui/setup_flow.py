"""The flow of the set-up wizard in plain Python (no Qt), so its pages, branching and checks are tested alone.

Steps: the government (Kabupaten/Kota, name, capital, contacts, logo) → its leaders with their terms
(Bupati/Wali Kota, Wakil, Sekda; definitif, Pj., Plt.) → the planning agency's name and letterhead → the
RPJMD period (or a transition period) → the OPDs → a summary, whose Selesai writes everything in one
transaction (``services.setup.set_up``). The Qt wizard (``dialogs/setup_wizard.py``) only renders the flow:
it stores what was typed here, asks :meth:`SetupFlow.validate` before Next and :meth:`SetupFlow.next_step`
for the page that follows.

Branching: a regional head who is a Pj. (appointed between two elected terms) has no Wakil in office, so the
Wakil's row is neither checked nor written then; a database that already holds OPDs (but no government)
says so on the OPD page, and new rows may not repeat their codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from ..domain.enums import ActingKind, LeaderRole, OpdKind, PeriodKind, RegionKind
from ..domain.formatting import format_date
from ..services.opd import OpdForm
from ..services.periods import PeriodData, default_name, period_problems, suggested_period
from ..services.regency import RegencyProfile
from ..services.setup import (
    AGENCY_NAMES,
    LeaderInput,
    SetupData,
    agency_problems,
    leader_problems,
    opd_problems,
    region_problems,
    role_title,
)


class Step(IntEnum):
    """The wizard's pages, in order (the QWizard uses these as page ids)."""

    REGION = 0
    LEADERS = 1
    AGENCY = 2
    PERIOD = 3
    OPDS = 4
    SUMMARY = 5


HEAD, DEPUTY, SECRETARY = 0, 1, 2  # positions of the three leaders in SetupFlow.leaders
# Words an OPD's name starts with, and the kind they tell (checked in this order).
_KIND_WORDS: tuple[tuple[str, OpdKind], ...] = (
    ("sekretariat", OpdKind.SEKRETARIAT),
    ("inspektorat", OpdKind.INSPEKTORAT),
    ("satuan polisi", OpdKind.SATPOL_PP),
    ("satpol", OpdKind.SATPOL_PP),
    ("rumah sakit", OpdKind.RSUD),
    ("rsud", OpdKind.RSUD),
    ("kecamatan", OpdKind.KECAMATAN),
    ("badan", OpdKind.BADAN),
    ("dinas", OpdKind.DINAS),
)


def guess_opd_kind(name: str) -> OpdKind | None:
    """The kind an OPD's name says ("Dinas Kesehatan" → dinas), or None."""
    lowered = " ".join(name.split()).casefold()
    return next((kind for word, kind in _KIND_WORDS if lowered.startswith(word)), None)


@dataclass
class SetupFlow:
    """What the wizard has collected so far, and the rules between its pages."""

    today: date = field(default_factory=date.today)
    existing_codes: set[str] = field(default_factory=set)  # OPDs already in the file (no government yet)
    existing_abbreviations: set[str] = field(default_factory=set)
    profile: RegencyProfile = field(default_factory=RegencyProfile)
    leaders: list[LeaderInput] = field(default_factory=list)
    period: PeriodData = field(default_factory=lambda: PeriodData(0, 0))  # 0–0: the suggested period
    opds: list[OpdForm] = field(default_factory=list)

    def __post_init__(self) -> None:
        name, short = AGENCY_NAMES[0]
        if not self.profile.agency_name and not self.profile.agency_short:
            self.profile.agency_name, self.profile.agency_short = name, short
        if not self.leaders:
            self.leaders = [LeaderInput(LeaderRole.HEAD), LeaderInput(LeaderRole.DEPUTY),
                            LeaderInput(LeaderRole.SECRETARY)]
        if (self.period.start_year, self.period.end_year) == (0, 0):
            self.period = PeriodData(*suggested_period(self.today))

    # -- the rules between pages ------------------------------------------------------------------------
    @property
    def kind(self) -> RegionKind:
        return self.profile.kind

    def title(self, index: int) -> str:
        """"Bupati", "Wakil Wali Kota", "Sekretaris Daerah" for the leader at ``index``."""
        return role_title(self.leaders[index].role, self.kind)

    @property
    def deputy_applies(self) -> bool:
        """A Pj. head is appointed when no elected pair is in office: there is no Wakil to record then."""
        return self.leaders[HEAD].acting is not ActingKind.PJ

    def leaders_in_use(self) -> list[LeaderInput]:
        """The leaders as written: under a Pj. head the Wakil is left empty (so not written); the positions
        stay, so a refusal's ``leaders[N]`` still names the row of the page."""
        return [
            leader if n != DEPUTY or self.deputy_applies else LeaderInput(leader.role)
            for n, leader in enumerate(self.leaders)
        ]

    def validate(self, step: Step) -> dict[str, str]:
        """The problems keeping the wizard on ``step`` (field → Indonesian message); empty to go on."""
        if step is Step.REGION:
            return region_problems(self.profile)
        if step is Step.LEADERS:
            problems = leader_problems(self.leaders, self.kind, require_head=True)
            if not self.deputy_applies:
                problems = {k: v for k, v in problems.items() if not k.startswith(f"leaders[{DEPUTY}].")}
            return problems
        if step is Step.AGENCY:
            return agency_problems(self.profile)
        if step is Step.PERIOD:
            return period_problems(self.period)
        if step is Step.OPDS:
            return opd_problems(self.opds, self.existing_codes, self.existing_abbreviations)
        return {}

    def next_step(self, step: Step) -> Step | None:
        return None if step is Step.SUMMARY else Step(step + 1)

    def step_of(self, key: str) -> Step:
        """The page where the field named by a key of ``services.setup.set_up``'s errors is typed."""
        for prefix, step in (
            ("region.", Step.REGION),
            ("leaders[", Step.LEADERS),
            ("agency.", Step.AGENCY),
            ("period.", Step.PERIOD),
            ("opds[", Step.OPDS),
        ):
            if key.startswith(prefix):
                return step
        return Step.SUMMARY  # the form as a whole (FORM): e.g. a database set up meanwhile

    def set_period_kind(self, kind: PeriodKind) -> None:
        """Choosing RPJMD makes the period five years from its first year."""
        self.period.kind = kind
        if kind is PeriodKind.RPJMD:
            self.period.end_year = self.period.start_year + 4

    # -- the result -------------------------------------------------------------------------------------
    def data(self) -> SetupData:
        return SetupData(
            profile=self.profile, period=self.period, leaders=self.leaders_in_use(), opds=list(self.opds)
        )

    def summary(self) -> list[tuple[str, str]]:
        """What Selesai will write, as (label, text) lines for the last page."""
        profile = self.profile
        region = f"{'Kabupaten' if profile.kind is RegionKind.KABUPATEN else 'Kota'} {profile.name.strip()}"
        if profile.province.strip():
            region += f", Provinsi {profile.province.strip()}"
        lines = [
            ("Pemerintah daerah", region),
            ("Tempat penandatanganan", profile.capital.strip()),
            ("Logo", "ada" if profile.logo_png else "belum ada (dapat ditambahkan di Profil)"),
        ]
        for n, leader in enumerate(self.leaders):
            if leader.is_empty or (n == DEPUTY and not self.deputy_applies):
                continue
            title = f"{leader.acting.prefix} {self.title(n)}".strip()
            term = f"sejak {format_date(leader.start_date)}"
            if leader.end_date:
                term += f" s.d. {format_date(leader.end_date)}"
            lines.append((title, f"{leader.name.strip()} ({term})"))
        lines.append(("Badan perencanaan", f"{profile.agency_name.strip()} ({profile.agency_short.strip()})"))
        period = self.period
        name = period.name.strip() or default_name(period.kind, period.start_year, period.end_year)
        lines.append(("Periode perencanaan", f"{name} — tahun anggaran {period.start_year}–{period.end_year}"))
        typed = len(self.opds)
        existing = len(self.existing_codes)
        names = [form.abbreviation.strip() for form in self.opds]
        listed = ", ".join(names[:12]) + (", …" if typed > 12 else "")
        opds = f"{typed}: {listed}" if typed else "belum ada (dapat ditambahkan di layar Perangkat Daerah)"
        if existing:
            opds += f"; {existing} sudah tercatat"
        lines.append(("Perangkat daerah", opds))
        return lines
