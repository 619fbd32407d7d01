"""The regency profile (letterhead data, logo), its regency-level settings, and its leaders."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.limits import check_values
from ..db.models import Regency, RegionalLeader
from ..domain import DEFAULT_BANDS, PredicateBands, bands_from_json, bands_to_json
from ..domain.enums import ActingKind, LeaderRole, RegionKind
from ..domain.personnel import nip_problem, normalize_nip
from ..reports.templates import EDITABLE_TEXTS, default_text, markup_problem
from . import audit
from . import users as auth
from .errors import FORM, ValidationError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 2_000_000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class RegencyProfile:
    kind: RegionKind = RegionKind.KABUPATEN
    name: str = ""
    province: str = ""
    capital: str = ""
    address: str = ""
    phone: str = ""
    website: str = ""
    email: str = ""
    logo_png: bytes | None = None
    achievement_cap: Decimal = Decimal(120)
    negative_formula: str = "2t-r"
    warning_threshold: Decimal = Decimal(75)
    efficiency_margin: Decimal = Decimal(5)
    bands: PredicateBands = field(default=DEFAULT_BANDS)
    award_count: int = 5  # the best N by AKIP score who receive a Piagam Penghargaan
    is_sample: bool = False
    version: int | None = None
    # Quarterly monitoring of the PKs inside the OPDs (eselon III and IV); off by default.
    lower_level_monitoring: bool = False
    # The planning agency issuing the regency-wide reports (kop and signature of the ranking, LKjIP...).
    agency_name: str = ""
    agency_short: str = ""
    agency_address: str = ""
    agency_phone: str = ""
    agency_email: str = ""
    agency_website: str = ""
    agency_opd_id: str | None = None
    # The regency's own wording of the PK and Pakta sentences, by key of reports.templates.EDITABLE_TEXTS;
    # a key left out (or blank) prints the standard text of the domain notes.
    document_texts: dict[str, str] = field(default_factory=dict)

    def text(self, key: str) -> str:
        """The sentence as it prints: the regency's own, else the standard one."""
        return self.document_texts.get(key) or default_text(key)


MAX_AWARDS = 50

AGENCY_FIELDS = (
    "agency_name",
    "agency_short",
    "agency_address",
    "agency_phone",
    "agency_email",
    "agency_website",
)


@dataclass
class LeaderData:
    role: LeaderRole
    name: str
    position: str
    start_date: date
    acting: ActingKind = ActingKind.DEFINITIVE
    nip: str | None = None
    rank: str | None = None
    grade: str | None = None
    end_date: date | None = None
    id: str | None = None


def get_profile(db: Database) -> RegencyProfile:
    with db.read() as session:
        regency = session.scalars(select(Regency)).first()
        if regency is None:
            return RegencyProfile()
        return RegencyProfile(
            kind=regency.kind,
            name=regency.name,
            province=regency.province,
            capital=regency.capital,
            address=regency.address,
            phone=regency.phone,
            website=regency.website,
            email=regency.email,
            logo_png=regency.logo_png,
            achievement_cap=regency.achievement_cap,
            negative_formula=regency.negative_formula,
            warning_threshold=regency.warning_threshold,
            efficiency_margin=regency.efficiency_margin,
            bands=bands_from_json(regency.predicate_bands),
            award_count=regency.award_count,
            is_sample=regency.is_sample,
            version=regency.version,
            lower_level_monitoring=regency.lower_level_monitoring,
            agency_opd_id=regency.agency_opd_id,
            document_texts=_texts(regency.document_texts),
            **{name: getattr(regency, name) for name in AGENCY_FIELDS},
        )


def _texts(stored: str) -> dict[str, str]:
    try:
        loaded = json.loads(stored) if stored else {}
    except ValueError:
        return {}
    return {k: v for k, v in loaded.items() if isinstance(v, str)} if isinstance(loaded, dict) else {}


TEXT_LABELS = dict(EDITABLE_TEXTS)


def text_problems(texts: dict[str, str]) -> dict[str, str]:
    """Why a sentence of the document wording cannot be kept: unknown, or markup that cannot print."""
    problems = {}
    for key, text in texts.items():
        if key not in TEXT_LABELS:
            problems[f"texts.{key}"] = f"Teks dokumen “{key}” tidak dikenal"
        elif (reason := markup_problem(text)) is not None:
            problems[f"texts.{key}"] = f"{TEXT_LABELS[key]}: {reason}"
    return problems


def stored_texts(texts: dict[str, str]) -> str:
    """The wording to keep: only the sentences that differ from the standard ones (JSON; empty when none)."""
    own = {k: v.strip() for k, v in texts.items() if v.strip() and v.strip() != default_text(k)}
    return json.dumps(own, ensure_ascii=False, sort_keys=True) if own else ""


def profile_problems(profile: RegencyProfile) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not profile.name.strip():
        problems["name"] = "Nama kabupaten/kota wajib diisi"
    if not profile.capital.strip():
        problems["capital"] = "Tempat penandatanganan (ibu kota) wajib diisi"
    if profile.email and not _EMAIL.match(profile.email.strip()):
        problems["email"] = "Alamat e-mail tidak sah"
    if profile.agency_email and not _EMAIL.match(profile.agency_email.strip()):
        problems["agency_email"] = "Alamat e-mail badan perencanaan tidak sah"
    if profile.logo_png is not None:
        if not profile.logo_png.startswith(PNG_SIGNATURE):
            problems["logo_png"] = "Logo harus berkas gambar PNG"
        elif len(profile.logo_png) > MAX_LOGO_BYTES:
            problems["logo_png"] = "Logo terlalu besar (paling besar 2 MB)"
    settings = {name: getattr(profile, name) for name in ("achievement_cap", "warning_threshold", "efficiency_margin")}
    unusable = check_values(Regency, settings)  # a NaN cannot even be compared below
    problems.update(unusable)
    if "achievement_cap" not in unusable and not Decimal(100) <= profile.achievement_cap <= Decimal(200):
        problems["achievement_cap"] = "Batas atas capaian harus antara 100 dan 200 persen"
    if profile.negative_formula not in ("2t-r", "t/r"):
        problems["negative_formula"] = "Rumus indikator negatif tidak dikenal"
    if "warning_threshold" not in unusable and not Decimal(0) < profile.warning_threshold <= Decimal(100):
        problems["warning_threshold"] = "Ambang peringatan dini harus antara 0 dan 100 persen"
    if "efficiency_margin" not in unusable and not Decimal(0) <= profile.efficiency_margin <= Decimal(50):
        problems["efficiency_margin"] = "Selisih efisiensi harus antara 0 dan 50 poin"
    if not 1 <= profile.award_count <= MAX_AWARDS:
        problems["award_count"] = f"Jumlah penerima piagam harus antara 1 dan {MAX_AWARDS}"
    problems.update(text_problems(profile.document_texts))
    return problems


def save_profile(db: Database, profile: RegencyProfile) -> None:
    auth.require(db, "regency")
    problems = profile_problems(profile)
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        regency = session.scalars(select(Regency)).first()
        if regency is None:
            regency = Regency(name=profile.name)
            session.add(regency)
        elif profile.version is not None and regency.version != profile.version:
            raise ValidationError.single(FORM, "Profil telah diubah di tempat lain sejak dibuka; muat ulang")
        for name in ("kind", "name", "province", "capital", "address", "phone", "website", "email", *AGENCY_FIELDS):
            value = getattr(profile, name)
            setattr(regency, name, value.strip() if isinstance(value, str) else value)
        regency.agency_opd_id = profile.agency_opd_id
        regency.logo_png = profile.logo_png
        regency.achievement_cap = profile.achievement_cap
        regency.negative_formula = profile.negative_formula
        regency.warning_threshold = profile.warning_threshold
        regency.efficiency_margin = profile.efficiency_margin
        regency.lower_level_monitoring = profile.lower_level_monitoring
        regency.award_count = profile.award_count
        regency.predicate_bands = "" if tuple(profile.bands) == tuple(DEFAULT_BANDS) else bands_to_json(profile.bands)
        regency.document_texts = stored_texts(profile.document_texts)
        session.flush()
        audit.record(session, "regency.save", "regency", regency.id, f"Profil {regency.full_name} disimpan")


def list_leaders(db: Database) -> list[LeaderData]:
    with db.read() as session:
        leaders = session.scalars(select(RegionalLeader).order_by(RegionalLeader.start_date.desc())).all()
        return [
            LeaderData(l.role, l.name, l.position, l.start_date, l.acting, l.nip, l.rank, l.grade, l.end_date, l.id)
            for l in leaders  # noqa: E741
        ]


def save_leader(db: Database, data: LeaderData) -> str:
    """Add or edit a regional leader; a new definitive head ends the previous one's term the day before."""
    auth.require(db, "regency")
    check_leader_data(data)
    with db.write() as session:
        return write_leader(session, data).id


def check_leader_data(data: LeaderData) -> None:
    """Raise ValidationError for what needs no database: name, jabatan, NIP, the term's dates."""
    problems: dict[str, str] = {}
    if not data.name.strip():
        problems["name"] = "Nama wajib diisi"
    if not data.position.strip():
        problems["position"] = "Jabatan wajib diisi"
    nip = normalize_nip(data.nip or "") or None
    if nip is not None and (reason := nip_problem(nip)):
        problems["nip"] = reason
    if data.end_date is not None and data.end_date < data.start_date:
        problems["end_date"] = "Akhir masa jabatan tidak boleh sebelum awalnya"
    if problems:
        raise ValidationError(problems)


def write_leader(session: Session, data: LeaderData) -> RegionalLeader:
    """:func:`save_leader` inside the caller's transaction (an import); returns the flushed row."""
    check_leader_data(data)
    nip = normalize_nip(data.nip or "") or None
    leader = session.get(RegionalLeader, data.id) if data.id else None
    if leader is None:
        if data.role is LeaderRole.HEAD:
            for previous in session.scalars(
                select(RegionalLeader).where(
                    RegionalLeader.role == LeaderRole.HEAD,
                    RegionalLeader.end_date.is_(None),
                    RegionalLeader.start_date < data.start_date,
                )
            ):
                previous.end_date = data.start_date - timedelta(days=1)
        leader = RegionalLeader()
        session.add(leader)
    leader.role, leader.acting = data.role, data.acting
    leader.name, leader.position = data.name.strip(), data.position.strip()
    leader.nip, leader.rank, leader.grade = nip, data.rank or None, data.grade or None
    leader.start_date, leader.end_date = data.start_date, data.end_date
    session.flush()
    audit.record(session, "leader.save", "regional_leader", leader.id, f"{leader.position}: {leader.name}")
    return leader
