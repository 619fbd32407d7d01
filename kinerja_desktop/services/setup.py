"""Setting up an empty database: the government, its leaders, the planning agency, the RPJMD period, the OPDs.

The set-up wizard of the GUI and ``kinerja-desktop setup`` both end in :func:`set_up`, one transaction that
writes everything or nothing and is refused on a database already set up (one with a regency row). The
checks are plain functions, so the wizard asks them page by page; their keys name the field
(``leaders[0].nip``, ``opds[2].code``, ``period.end_year``) and their messages name it in Indonesian.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Opd, Regency, RegionalLeader
from ..domain.enums import ActingKind, LeaderRole, RegionKind
from ..domain.personnel import nip_problem, normalize_nip
from . import audit, opd, periods
from . import users as auth
from .errors import FORM, ValidationError
from .opd import OpdForm
from .periods import PeriodData
from .regency import RegencyProfile, profile_problems

AGENCY_KEYS = ("agency_name", "agency_short", "agency_address", "agency_phone", "agency_email", "agency_website")
REGION_KEYS = ("kind", "name", "province", "capital", "address", "phone", "website", "email", "logo_png")
# The planning agencies regencies name (the wizard offers them; any other name may be typed).
AGENCY_NAMES: tuple[tuple[str, str], ...] = (
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida"),
    ("Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Bappelitbangda"),
)
ALLOWED_ACTING = {
    LeaderRole.HEAD: (ActingKind.DEFINITIVE, ActingKind.PJ, ActingKind.PLT, ActingKind.PLH),
    LeaderRole.DEPUTY: (ActingKind.DEFINITIVE,),
    LeaderRole.SECRETARY: (ActingKind.DEFINITIVE, ActingKind.PJ, ActingKind.PLT, ActingKind.PLH),
}


@dataclass
class LeaderInput:
    """A regional leader as typed in the wizard; the jabatan follows from the role and the region."""

    role: LeaderRole
    name: str = ""
    acting: ActingKind = ActingKind.DEFINITIVE
    nip: str = ""
    rank: str = ""
    grade: str = ""
    start_date: date | None = None
    end_date: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.name.strip() or normalize_nip(self.nip))


@dataclass
class SetupData:
    """Everything the set-up writes; the profile carries the region and the planning agency."""

    profile: RegencyProfile
    period: PeriodData
    leaders: list[LeaderInput] = field(default_factory=list)
    opds: list[OpdForm] = field(default_factory=list)


@dataclass(frozen=True)
class SetupResult:
    regency_name: str  # "Kota Wanasari"
    period_name: str
    leaders: int
    opds: int


def role_title(role: LeaderRole, kind: RegionKind) -> str:
    """"Bupati", "Wakil Wali Kota", "Sekretaris Daerah"."""
    head = kind.head_title
    return {LeaderRole.HEAD: head, LeaderRole.DEPUTY: f"Wakil {head}", LeaderRole.SECRETARY: "Sekretaris Daerah"}[role]


def leader_position(role: LeaderRole, kind: RegionKind, region_name: str) -> str:
    """The jabatan as printed: "Bupati Wanasari", "Wakil Wali Kota Wanasari", "Sekretaris Daerah Kota Wanasari"."""
    name = region_name.strip()
    if role is LeaderRole.SECRETARY:
        return f"Sekretaris Daerah {'Kabupaten' if kind is RegionKind.KABUPATEN else 'Kota'} {name}"
    return f"{role_title(role, kind)} {name}"


# --- checks, page by page ------------------------------------------------------------------------------


def region_problems(profile: RegencyProfile) -> dict[str, str]:
    """The government: kind, name, capital (the place line of documents), contacts and logo."""
    return {k: v for k, v in profile_problems(profile).items() if k in REGION_KEYS}


def agency_problems(profile: RegencyProfile) -> dict[str, str]:
    """The planning agency's own name and letterhead, printed on regency-wide reports."""
    problems = {k: v for k, v in profile_problems(profile).items() if k in AGENCY_KEYS}
    if not profile.agency_name.strip():
        problems["agency_name"] = "Nama badan perencanaan wajib diisi (misalnya Badan Perencanaan Pembangunan Daerah)"
    if not profile.agency_short.strip():
        problems["agency_short"] = "Singkatan badan perencanaan wajib diisi (misalnya Bappeda)"
    return problems


def leader_problems(leaders: list[LeaderInput], kind: RegionKind, *, require_head: bool = False) -> dict[str, str]:
    """Each leader's name, NIP and term, keyed ``leaders[N].field``; optionally a regional head is required."""
    problems: dict[str, str] = {}
    for n, leader in enumerate(leaders):
        if leader.is_empty:
            continue
        title = role_title(leader.role, kind)
        key = f"leaders[{n}]."
        if not leader.name.strip():
            problems[key + "name"] = f"{title}: nama wajib diisi"
        if leader.acting not in ALLOWED_ACTING[leader.role]:
            problems[key + "acting"] = f"{title}: status {leader.acting.label} tidak berlaku untuk jabatan ini"
        nip = normalize_nip(leader.nip)
        elected = leader.role is LeaderRole.DEPUTY or (
            leader.role is LeaderRole.HEAD and leader.acting is ActingKind.DEFINITIVE
        )
        if nip and elected:
            problems[key + "nip"] = f"{title} definitif dipilih dalam pilkada dan tidak memiliki NIP; kosongkan NIP"
        elif nip and (reason := nip_problem(nip)):
            problems[key + "nip"] = f"{title}: {reason}"
        if leader.start_date is None:
            problems[key + "start_date"] = f"{title}: tanggal mulai menjabat wajib diisi"
        elif leader.end_date is not None and leader.end_date < leader.start_date:
            problems[key + "end_date"] = f"{title}: akhir masa jabatan tidak boleh sebelum awalnya"
    if require_head and not any(l.role is LeaderRole.HEAD and not l.is_empty for l in leaders):  # noqa: E741
        index = next((n for n, l in enumerate(leaders) if l.role is LeaderRole.HEAD), 0)  # noqa: E741
        problems.setdefault(f"leaders[{index}].name", f"{kind.head_title}: nama wajib diisi (penanda tangan PK)")
    return problems


def opd_problems(
    opds: list[OpdForm], taken_codes: Collection[str] = (), taken_abbreviations: Collection[str] = ()
) -> dict[str, str]:
    """Each OPD row's checks (services/opd.py), duplicates among the rows and with OPDs already recorded."""
    problems: dict[str, str] = {}
    codes: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    taken_abbr = {a.casefold() for a in taken_abbreviations}
    for n, form in enumerate(opds):
        prefix = f"Baris {n + 1}"
        for name, message in opd.validate(form).items():
            problems[f"opds[{n}].{name}"] = f"{prefix}: {message}"
        code, abbreviation = form.code.strip(), form.abbreviation.strip().casefold()
        if code and (code in codes or code in taken_codes):
            where = f"baris {codes[code] + 1}" if code in codes else "perangkat daerah yang sudah tercatat"
            problems[f"opds[{n}].code"] = f"{prefix}: kode {code} sudah dipakai {where}"
        if abbreviation and (abbreviation in abbreviations or abbreviation in taken_abbr):
            where = (
                f"baris {abbreviations[abbreviation] + 1}" if abbreviation in abbreviations
                else "perangkat daerah yang sudah tercatat"
            )
            problems[f"opds[{n}].abbreviation"] = (
                f"{prefix}: singkatan {form.abbreviation.strip()} sudah dipakai {where}"
            )
        codes.setdefault(code, n)
        abbreviations.setdefault(abbreviation, n)
    return problems


def setup_problems(data: SetupData, *, require_head: bool = False) -> dict[str, str]:
    """Every check of the set-up, keys prefixed per part (``region.``, ``agency.``, ``period.``; leaders, OPDs)."""
    problems: dict[str, str] = {}
    problems.update({f"region.{k}": v for k, v in region_problems(data.profile).items()})
    problems.update({f"agency.{k}": v for k, v in agency_problems(data.profile).items()})
    problems.update({f"period.{k}": v for k, v in periods.period_problems(data.period).items()})
    problems.update(leader_problems(data.leaders, data.profile.kind, require_head=require_head))
    problems.update(opd_problems(data.opds))
    return problems


# --- the state of a database ---------------------------------------------------------------------------


def is_set_up(db: Database) -> bool:
    """Whether the database has its government (the regency row): set up, by the wizard or otherwise."""
    with db.read() as session:
        return _regency(session) is not None


def _regency(session: Session) -> Regency | None:
    return session.scalars(select(Regency)).first()


def recorded_opd_keys(db: Database) -> tuple[set[str], set[str]]:
    """Codes and abbreviations of the OPDs already in the database (a file holding OPDs but no regency)."""
    with db.read() as session:
        rows = session.execute(select(Opd.code, Opd.abbreviation)).all()
        return {code for code, _ in rows}, {abbreviation for _, abbreviation in rows}


# --- writing -------------------------------------------------------------------------------------------


def set_up(db: Database, data: SetupData) -> SetupResult:
    """Write the government, its leaders, the agency, the period and the OPDs in one transaction.

    Refused on a database already set up; every problem is reported at once, and nothing is written.
    """
    auth.require(db, "regency")
    problems = setup_problems(data)
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        existing = _regency(session)
        if existing is not None:
            raise ValidationError.single(
                FORM,
                f"Basis data ini sudah disiapkan untuk {existing.full_name}; ubah datanya lewat Berkas → Profil "
                "pemerintah daerah. Untuk pemerintah daerah lain buat basis data baru.",
            )
        codes = set(session.scalars(select(Opd.code)))
        abbreviations = set(session.scalars(select(Opd.abbreviation)))
        taken = opd_problems(data.opds, codes, abbreviations)
        if taken:
            raise ValidationError(taken)
        regency = _write_regency(session, data.profile)
        leaders = _write_leaders(session, data)
        period = periods.write_period(session, data.period)
        opd_rows = []
        for n, form in enumerate(data.opds):
            try:
                opd_rows.append(opd.write_opd(session, form))
            except ValidationError as exc:
                raise ValidationError({f"opds[{n}].{k}": f"Baris {n + 1}: {v}" for k, v in exc.errors.items()}) from exc
        agency = data.profile.agency_short.strip().casefold()
        linked = next((row for row in opd_rows if row.abbreviation.casefold() == agency), None)
        if linked is None:
            linked = session.scalars(select(Opd).where(func.lower(Opd.abbreviation) == agency)).first()
        regency.agency_opd_id = linked.id if linked is not None else None
        session.flush()
        audit.record(
            session,
            "setup",
            "regency",
            regency.id,
            f"{regency.full_name} disiapkan: {period.name}, {len(leaders)} pimpinan, {len(opd_rows)} perangkat daerah",
        )
        return SetupResult(regency.full_name, period.name, len(leaders), len(opd_rows))


def _write_regency(session: Session, profile: RegencyProfile) -> Regency:
    regency = Regency(is_sample=False)
    for name in (*REGION_KEYS, *AGENCY_KEYS):
        value = getattr(profile, name)
        setattr(regency, name, value.strip() if type(value) is str else value)  # an enum stays an enum
    session.add(regency)
    session.flush()
    return regency


def _write_leaders(session: Session, data: SetupData) -> list[RegionalLeader]:
    rows = []
    for leader in data.leaders:
        if leader.is_empty:
            continue
        assert leader.start_date is not None
        row = RegionalLeader(
            role=leader.role,
            acting=leader.acting,
            name=leader.name.strip(),
            position=leader_position(leader.role, data.profile.kind, data.profile.name),
            nip=normalize_nip(leader.nip) or None,
            rank=leader.rank.strip() or None,
            grade=leader.grade.strip() or None,
            start_date=leader.start_date,
            end_date=leader.end_date,
        )
        session.add(row)
        rows.append(row)
    session.flush()
    return rows
