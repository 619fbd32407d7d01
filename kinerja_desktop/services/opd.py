"""Perangkat daerah (OPD): list, read, save with head history and former names, deactivate.

The head of an OPD is the holder of its head position (``services/positions.py`` has the other positions):
appointing a head here opens a holding of that position, with the same rules as any other position's.

Plain dataclasses in and out; one transaction per use case; every change is audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.limits import check_values
from ..db.models import Official, Opd, OpdNameHistory, Position, PositionHolder, head_position_id
from ..domain.enums import ActingKind, OpdKind, PositionLevel
from ..domain.formatting import format_date
from ..domain.personnel import format_nip, nip_problem, normalize_nip, rank_label
from . import audit
from . import users as auth
from .errors import FORM, ValidationError

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


@dataclass(frozen=True)
class OpdRow:
    """One line of the OPD list, with its current head (empty when none)."""

    id: str
    code: str
    abbreviation: str
    name: str
    kind: OpdKind
    is_active: bool
    sort_order: int
    head_name: str = ""
    head_nip: str = ""
    head_position: str = ""  # with "Plt."/"Plh." when acting


@dataclass
class HeadData:
    """The head of an OPD as typed in the form (name with titles, as printed)."""

    name: str = ""
    nip: str = ""
    rank: str = ""  # pangkat, e.g. "Pembina Utama Muda"
    grade: str = ""  # golongan/ruang, e.g. "IV/c"
    position: str = ""  # jabatan without the acting prefix
    acting: ActingKind = ActingKind.DEFINITIVE
    start_date: date | None = None
    # The official the user confirmed is this head when the NIP typed is already recorded under another
    # name (see NipBelongsToAnother): the recorded person is linked as they are, never renamed.
    same_person_as: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.name.strip() or normalize_nip(self.nip) or self.position.strip())


@dataclass
class OpdForm:
    """An OPD as edited in the form; ``id`` None means a new OPD."""

    id: str | None = None
    code: str = ""
    abbreviation: str = ""
    name: str = ""
    kind: OpdKind | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    head: HeadData = field(default_factory=HeadData)
    is_active: bool = True
    version: int | None = None  # the row version that was loaded (optimistic locking)
    renamed_on: date | None = None  # when a new name takes effect; today when not given


class NipBelongsToAnother(ValidationError):
    """The NIP typed for a head is recorded for a person of another name: refused until the user confirms that
    the head is that person (``HeadData.same_person_as = holder_id``); nobody's recorded name is changed."""

    def __init__(self, nip: str, holder_id: str, holder_name: str, heads_of: list[str]) -> None:
        self.nip = nip
        self.holder_id = holder_id
        self.holder_name = holder_name
        self.heads_of = heads_of  # the OPDs this person heads now
        where = f" (kepala {', '.join(heads_of)})" if heads_of else ""
        super().__init__(
            {"head_nip": f"NIP {format_nip(nip)} sudah tercatat atas nama {holder_name}{where}. "
                         "Periksa NIP, atau pastikan bahwa kepala ini orang yang sama."}
        )


@dataclass(frozen=True)
class HeadRow:
    """One period of the head history, newest first."""

    name: str
    nip: str
    rank: str  # "Pembina Utama Muda (IV/c)"
    position: str  # with the acting prefix
    acting: ActingKind
    start_date: date
    end_date: date | None


def list_opds(db: Database, include_inactive: bool = False) -> list[OpdRow]:
    """All OPDs in their usual order (sort order, then code), active only unless asked."""
    with db.read() as s:
        query = select(Opd).options(selectinload(Opd.heads).selectinload(PositionHolder.official))
        if not include_inactive:
            query = query.where(Opd.is_active.is_(True))
        opds = s.execute(query.order_by(Opd.sort_order, Opd.code)).scalars().all()
        return [_row(opd) for opd in opds]


def _row(opd: Opd) -> OpdRow:
    head = _current_head(opd)
    return OpdRow(
        id=opd.id,
        code=opd.code,
        abbreviation=opd.abbreviation,
        name=opd.name,
        kind=opd.kind,
        is_active=opd.is_active,
        sort_order=opd.sort_order,
        head_name=head.official.name if head else "",
        head_nip=(head.official.nip or "") if head else "",
        head_position=titled(head.acting, head.position) if head else "",
    )


def titled(acting: ActingKind, position: str) -> str:
    """The jabatan as printed: \"Plt. Kepala Dinas Kesehatan\"."""
    return f"{acting.prefix} {position}".strip()


def _current_head(opd: Opd) -> PositionHolder | None:
    return current_holder(opd.heads)


def current_holder(holders: list[PositionHolder]) -> PositionHolder | None:
    """The holding still open (the latest when a Plh. overlaps a definitive holder)."""
    current = [h for h in holders if h.end_date is None]
    return max(current, key=lambda h: h.start_date) if current else None


def get_opd(db: Database, opd_id: str) -> OpdForm:
    """The OPD with its current head, ready for the form."""
    with db.read() as s:
        return read_opd(s, opd_id)


def read_opd(s: Session, opd_id: str) -> OpdForm:
    """:func:`get_opd` inside the caller's session (an import compares a row with it)."""
    opd = _load(s, opd_id)
    head = _current_head(opd)
    data = HeadData()
    if head is not None:
        data = HeadData(
            name=head.official.name,
            nip=head.official.nip or "",
            rank=head.official.rank,
            grade=head.official.grade,
            position=head.position,
            acting=head.acting,
            start_date=head.start_date,
        )
    return OpdForm(
        id=opd.id,
        code=opd.code,
        abbreviation=opd.abbreviation,
        name=opd.name,
        kind=opd.kind,
        address=opd.address,
        phone=opd.phone,
        email=opd.email,
        website=opd.website,
        head=data,
        is_active=opd.is_active,
        version=opd.version,
    )


def head_history(db: Database, opd_id: str) -> list[HeadRow]:
    """Everyone who headed the OPD, newest first."""
    with db.read() as s:
        return holding_rows(_load(s, opd_id).heads)


def holding_rows(holders: list[PositionHolder]) -> list[HeadRow]:
    """The holdings of a position (an OPD's head's, or any other), newest first."""
    return [
        HeadRow(
            name=h.official.name,
            nip=h.official.nip or "",
            rank=rank_label(h.official.rank, h.official.grade),
            position=titled(h.acting, h.position),
            acting=h.acting,
            start_date=h.start_date,
            end_date=h.end_date,
        )
        for h in sorted(holders, key=lambda h: h.start_date, reverse=True)
    ]


def former_names(db: Database, opd_id: str) -> list[tuple[str, date | None, date]]:
    """Former names of the OPD as (name, valid from, valid to), oldest first."""
    with db.read() as s:
        opd = _load(s, opd_id)
        return [(n.name, n.valid_from, n.valid_to) for n in opd.names]


def _load(s: Session, opd_id: str) -> Opd:
    opd = s.execute(
        select(Opd)
        .where(Opd.id == opd_id)
        .options(selectinload(Opd.heads).selectinload(PositionHolder.official), selectinload(Opd.names))
    ).scalar_one_or_none()
    if opd is None:
        raise ValidationError.single(FORM, "Perangkat daerah tidak ditemukan; mungkin sudah dihapus.")
    return opd


def validate(data: OpdForm) -> dict[str, str]:
    """Field checks that need no database (required fields, NIP, e-mail)."""
    errors: dict[str, str] = {}
    if not data.code.strip():
        errors["code"] = "Kode perangkat daerah wajib diisi."
    if not data.abbreviation.strip():
        errors["abbreviation"] = "Singkatan wajib diisi."
    if not data.name.strip():
        errors["name"] = "Nama perangkat daerah wajib diisi."
    if data.kind is None:
        errors["kind"] = "Pilih jenis perangkat daerah."
    email = data.email.strip()
    if email and not _EMAIL_RE.match(email):
        errors["email"] = "Alamat e-mail tidak sah (contoh: dinkes@namakab.go.id)."
    if not data.head.is_empty:
        errors.update(validate_holder(data.head))
    return errors


def validate_holder(head: HeadData, who: str = "kepala") -> dict[str, str]:
    """Field checks of a position's holder as typed (``who`` names it: "kepala", "pejabat")."""
    errors: dict[str, str] = {}
    if not head.name.strip():
        errors["head_name"] = f"Nama {who} wajib diisi."
    nip = normalize_nip(head.nip)
    if nip:
        problem = nip_problem(nip)
        if problem:
            errors["head_nip"] = problem + "."
    if not head.position.strip():
        errors["head_position"] = f"Jabatan {who} wajib diisi."
    if head.start_date is None:
        errors["head_start"] = "Tanggal mulai menjabat wajib diisi."
    else:  # before any date arithmetic: the day before 1 January of year 1 does not exist
        errors.update(check_values(PositionHolder, {"start_date": head.start_date}))
    return errors


def save_opd(db: Database, data: OpdForm) -> str:
    """Create or update an OPD and its head in one transaction; returns its id.

    A different person as head (another NIP and another name) closes the current head's period the
    day before the new one starts; the same person (same NIP, or same name) is updated in place.
    A NIP recorded for a person of another name is refused (:class:`NipBelongsToAnother`) unless
    ``head.same_person_as`` confirms that person, who is then linked as recorded: another OPD's head is
    never renamed. A new name keeps the former one in the name history.
    """
    auth.require(db, "opd")
    with db.write() as s:
        return write_opd(s, data).id


def write_opd(s: Session, data: OpdForm) -> Opd:
    """:func:`save_opd` inside the caller's transaction (the set-up wizard, an import): returns the flushed row."""
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    _check_unique(s, data)
    if data.id is None:
        opd = Opd(sort_order=_next_sort_order(s))
        s.add(opd)
        action, before = "tambah", {}
    else:
        opd = _load(s, data.id)
        if data.version is not None and opd.version != data.version:
            raise ValidationError.single(
                FORM,
                "Data perangkat daerah ini telah diubah di jendela lain. Tutup formulir dan buka lagi.",
            )
        action, before = "ubah", _snapshot(opd)
        if opd.name != data.name.strip():
            _keep_former_name(s, opd, data.renamed_on or date.today())
    opd.code = data.code.strip()
    opd.abbreviation = data.abbreviation.strip()
    opd.name = data.name.strip()
    assert data.kind is not None
    opd.kind = data.kind
    opd.address = data.address.strip()
    opd.phone = data.phone.strip()
    opd.email = data.email.strip()
    opd.website = data.website.strip()
    if data.id is None:
        opd.is_active = data.is_active
    head_change = _apply_head(s, opd, data.head)
    _flush(s)
    after = _snapshot(opd)
    changed: dict[str, object] = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    if head_change:
        changed["kepala"] = head_change
    audit.record(s, action, "opd", opd.id, f"{opd.abbreviation} — {opd.name}", changed)
    return opd


def set_opd_active(db: Database, opd_id: str, active: bool) -> None:
    """Deactivate (or reactivate) an OPD; its history and agreements stay."""
    auth.require(db, "opd")
    with db.write() as s:
        opd = _load(s, opd_id)
        if opd.is_active == active:
            return
        opd.is_active = active
        audit.record(s, "aktifkan" if active else "nonaktifkan", "opd", opd.id, f"{opd.abbreviation} — {opd.name}")


def _snapshot(opd: Opd) -> dict[str, object]:
    return {
        "kode": opd.code,
        "singkatan": opd.abbreviation,
        "nama": opd.name,
        "jenis": str(opd.kind) if opd.kind else None,
        "alamat": opd.address,
        "telepon": opd.phone,
        "email": opd.email,
        "website": opd.website,
    }


def _check_unique(s: Session, data: OpdForm) -> None:
    errors: dict[str, str] = {}
    others = select(Opd).where(Opd.id != data.id) if data.id else select(Opd)
    code = data.code.strip()
    same_code = s.execute(others.where(Opd.code == code)).scalars().first()
    if same_code:
        errors["code"] = f"Kode {code} sudah dipakai oleh {same_code.name}."
    abbreviation = data.abbreviation.strip()
    same_abbr = s.execute(others.where(func.lower(Opd.abbreviation) == abbreviation.lower())).scalars().first()
    if same_abbr:
        errors["abbreviation"] = f"Singkatan {abbreviation} sudah dipakai oleh {same_abbr.name}."
    if errors:
        raise ValidationError(errors)


def _flush(s: Session) -> None:
    """Flush, turning a unique violation (a race with another window) into a field message."""
    try:
        s.flush()
    except IntegrityError as exc:
        text = str(exc.orig).lower()
        if "opd.code" in text:
            raise ValidationError.single("code", "Kode ini sudah dipakai perangkat daerah lain.") from exc
        if "opd.abbreviation" in text:
            raise ValidationError.single("abbreviation", "Singkatan ini sudah dipakai perangkat daerah lain.") from exc
        if "official.nip" in text:
            raise ValidationError.single("head_nip", "NIP ini sudah tercatat untuk pegawai lain.") from exc
        raise


def _next_sort_order(s: Session) -> int:
    return int(s.execute(select(func.coalesce(func.max(Opd.sort_order), 0))).scalar_one()) + 1


def _keep_former_name(s: Session, opd: Opd, renamed_on: date) -> None:
    valid_to = renamed_on - timedelta(days=1)
    previous = max((n.valid_to for n in opd.names), default=None)
    valid_from = previous + timedelta(days=1) if previous and previous < valid_to else None
    entry = OpdNameHistory(name=opd.name, valid_from=valid_from, valid_to=valid_to)
    opd.names.append(entry)


def _same_person(official: Official, head: HeadData) -> bool:
    # The same NIP is the same person (whose titles may have changed); the same name with another NIP
    # is the same person whose mistyped NIP is corrected. Only when both differ has the head changed.
    nip = normalize_nip(head.nip)
    if official.nip and nip and official.nip == nip:
        return True
    return _name_key(official.name) == _name_key(head.name)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def head_position(s: Session, opd: Opd, title: str = "") -> Position:
    """The OPD's head position, made when first needed (its id follows from the OPD's, as the migration's)."""
    found = next((p for p in opd.positions if p.level is PositionLevel.HEAD), None)
    if found is None and opd.id is not None:
        found = s.get(Position, head_position_id(opd.id))
    if found is None:
        if opd.id is None:
            s.flush()
        name = (title.strip() or f"Kepala {opd.name}")[:200]
        found = Position(id=head_position_id(opd.id), level=PositionLevel.HEAD, name=name, sort_order=0,
                         is_active=True)
        opd.positions.append(found)
    return found


def _apply_head(s: Session, opd: Opd, head: HeadData) -> dict[str, object] | None:
    """Update the current head or open a new period; returns what changed, for the audit log."""
    if head.is_empty and current_holder(opd.heads) is None:
        return None
    position = head_position(s, opd, head.position)
    changed = apply_holder(s, position, head)
    if changed and head.position.strip() and position.name != head.position.strip():
        position.name = head.position.strip()[:200]  # the post is named as its current holder's jabatan
    return changed


def apply_holder(s: Session, position: Position, head: HeadData, *, who: str = "Kepala") -> dict[str, object] | None:
    """Update the position's current holder or open a new holding (the previous one ends the day before);
    returns what changed, for the audit log. ``who`` names the holder in messages ("Kepala", "Pejabat")."""
    current = current_holder(position.holders)
    if head.is_empty:
        if current is not None:
            raise ValidationError.single(
                "head_name", f"Nama {who.lower()} wajib diisi; riwayat {who.lower()} tidak dapat dikosongkan."
            )
        return None
    assert head.start_date is not None
    nip = normalize_nip(head.nip) or None
    title = head.position.strip() or position.name
    if current is not None and _same_person(current.official, head):
        _check_start(position.holders, current, head.start_date)
        _update_official(s, current.official, head, nip)
        changes: dict[str, object] = {}
        for attr, value in (("position", title), ("acting", head.acting)):
            if getattr(current, attr) != value:
                changes[attr] = [str(getattr(current, attr)), str(value)]
                setattr(current, attr, value)
        if current.start_date != head.start_date:
            _move_previous_end(position.holders, current, head.start_date)
            changes["start_date"] = [str(current.start_date), str(head.start_date)]
            current.start_date = head.start_date
        return changes or None
    if current is not None:
        if head.start_date <= current.start_date:
            raise ValidationError.single(
                "head_start",
                f"{who} baru harus mulai menjabat sesudah {format_date(current.start_date)} "
                f"(mulai menjabat {current.official.name}).",
            )
        current.end_date = head.start_date - timedelta(days=1)
    official = _find_official(s, head, nip)
    if official is None:
        official = Official(name=head.name.strip(), nip=nip)
        s.add(official)
        _update_official(s, official, head, nip)
    elif _same_name(official, head):
        _update_official(s, official, head, nip)
    else:
        # The NIP is recorded for someone of another name (another OPD's head, a former head): never rename them.
        if head.same_person_as != official.id:
            raise NipBelongsToAnother(nip or "", official.id, official.name, _headed_by(s, official))
        _fill_in_official(official, head)
    position.holders.append(
        PositionHolder(official=official, position=title, acting=head.acting, start_date=head.start_date)
    )
    return {
        "baru": official.name,
        "mulai": str(head.start_date),
        "sebelumnya": current.official.name if current else None,
    }


def _check_start(holders: list[PositionHolder], current: PositionHolder, start: date) -> None:
    earlier = [h for h in holders if h is not current and h.start_date < current.start_date]
    if earlier and start <= max(h.start_date for h in earlier):
        previous = max(earlier, key=lambda h: h.start_date)
        raise ValidationError.single(
            "head_start",
            f"Tanggal mulai menjabat harus sesudah {format_date(previous.start_date)} "
            f"(mulai menjabat {previous.official.name}).",
        )


def _move_previous_end(holders: list[PositionHolder], current: PositionHolder, start: date) -> None:
    # Keep the periods adjacent: the previous holder served until the day before this one started.
    for h in holders:
        if h is not current and h.end_date == current.start_date - timedelta(days=1):
            h.end_date = start - timedelta(days=1)


def _find_official(s: Session, head: HeadData, nip: str | None) -> Official | None:
    """The recorded person with this NIP (whatever their name), or without a NIP and of this name."""
    if nip:
        return s.execute(select(Official).where(Official.nip == nip)).scalar_one_or_none()
    candidates = s.execute(select(Official).where(Official.nip.is_(None))).scalars().all()
    return next((o for o in candidates if _same_name(o, head)), None)


def _same_name(official: Official, head: HeadData) -> bool:
    return _name_key(official.name) == _name_key(head.name)


def _headed_by(s: Session, official: Official) -> list[str]:
    """The OPDs ``official`` heads now (their names), for the message that names the NIP's holder."""
    rows = s.execute(
        select(Opd.name).join(Position, Position.opd_id == Opd.id)
        .join(PositionHolder, PositionHolder.position_id == Position.id)
        .where(PositionHolder.official_id == official.id, PositionHolder.end_date.is_(None),
               Position.level == PositionLevel.HEAD)
        .order_by(Opd.name)
    ).scalars().all()
    return list(dict.fromkeys(rows))


def _fill_in_official(official: Official, head: HeadData) -> None:
    """A recorded person confirmed as this head: what they lack may be added, nothing recorded is changed."""
    if not official.rank and head.rank.strip():
        official.rank = head.rank.strip()
        official.grade = head.grade.strip()


def _update_official(s: Session, official: Official, head: HeadData, nip: str | None) -> None:
    if nip and official.nip != nip:
        holder = s.execute(select(Official).where(Official.nip == nip, Official.id != official.id)).scalars().first()
        if holder is not None:
            raise ValidationError.single("head_nip", f"NIP ini sudah tercatat untuk pegawai lain: {holder.name}")
        official.nip = nip
    official.name = head.name.strip()
    official.rank = head.rank.strip()
    official.grade = head.grade.strip()
