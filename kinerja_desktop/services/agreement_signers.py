"""Who signs a PK: the people in office on its date, and what changed in the records since it was drawn up.

Inside an OPD (eselon III and IV) both parties come from the positions: pihak pertama holds the PK's position on
the date, pihak kedua holds its direct superior's.

A PK names its OPD and its signers as on the signing date (DOMAIN.md). A draft made before the OPD was renamed
or got a new head, or a PK Perubahan drawn from a version signed under a Pj. Bupati, would print people who no
longer hold the post: :func:`differences` says what differs from the records on a date, the PK editor shows it
and offers to refresh, and finalising and signing refuse a PK whose signers are not in office that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import PerformanceAgreement, Position, PositionHolder, RegionalLeader
from ..domain.enums import LeaderRole
from ..domain.formatting import format_date
from ..domain.personnel import rank_label
from .agreement_data import Signer
from .documents import head_on, holder_on, opd_name_on
from .errors import ValidationError

NAME, FIRST, SECOND = "Nama perangkat daerah", "Pihak pertama", "Pihak kedua"
ROLE_ORDER = {LeaderRole.HEAD: 0, LeaderRole.DEPUTY: 1, LeaderRole.SECRETARY: 2}


@dataclass(frozen=True)
class Difference:
    """One thing a PK prints that the records say otherwise on a date."""

    subject: str  # NAME, FIRST or SECOND
    on_document: str
    in_records: str  # "" when nobody holds the post that day
    proposed: Signer | None = None  # the signer in office (None for the name, or when nobody is)
    name: str = ""  # the OPD's name that day (for NAME)

    def __str__(self) -> str:
        now = self.in_records or "tidak ada yang menjabat"
        return f"{self.subject}: di PK “{self.on_document or '(kosong)'}”, pada tanggal itu “{now}”"


class SignersOutOfDate(ValidationError):
    """The PK names people (or an OPD name) other than those of the records on the signing date."""

    def __init__(self, on: date, found: list[Difference]) -> None:
        self.on = on
        self.differences = found
        lines = "; ".join(str(d) for d in found)
        super().__init__({"signers": f"Penanda tangan PK tidak sesuai dengan yang menjabat pada {format_date(on)}: "
                                     f"{lines}"})

    @property
    def can_update(self) -> bool:
        """Every difference has a replacement in the records (someone holds each post that day)."""
        return all(d.in_records for d in self.differences)


def reference_date(year: int, planned: date | None, today: date | None = None) -> date:
    """The date a PK's signers are checked against: its planned date, else today kept within the PK's signing
    window (the year before and the year itself): a PK of a past year is looked at on its last day."""
    if planned is not None:
        return planned
    today = today or date.today()
    return min(max(today, date(year - 1, 1, 1)), date(year, 12, 31))


# --- the people in office ------------------------------------------------------------------------------


def leaders_in_office(session: Session, on: date) -> list[RegionalLeader]:
    """Regional leaders in office on a date, the regional head first."""
    leaders = session.scalars(
        select(RegionalLeader)
        .where(RegionalLeader.start_date <= on)
        .where((RegionalLeader.end_date.is_(None)) | (RegionalLeader.end_date >= on))
    ).all()
    return sorted(leaders, key=lambda leader: (ROLE_ORDER[leader.role], leader.start_date))


def leader_signer(leader: RegionalLeader) -> Signer:
    return Signer(
        name=leader.name,
        position=leader.position,
        nip=leader.nip,
        rank=rank_label(leader.rank, leader.grade),
        acting=leader.acting,
        source_id=leader.id,
    )


def head_signer(head: PositionHolder) -> Signer:
    """The holder of a position (an OPD's head, or an official inside it) as a party of a PK."""
    official = head.official
    return Signer(
        name=official.name,
        position=head.position,
        nip=official.nip,
        rank=rank_label(official.rank, official.grade),
        acting=head.acting,
        source_id=official.id,
    )


def regional_head(session: Session, on: date) -> Signer | None:
    """The Bupati/Wali Kota (or the Pj./Plt.) in office on a date."""
    heads = [leader for leader in leaders_in_office(session, on) if leader.role is LeaderRole.HEAD]
    return leader_signer(heads[-1]) if heads else None


def position_signers(session: Session, position_id: str | None, on: date) -> tuple[Signer | None, Signer | None]:
    """The holder of a position on a date and the holder of its direct superior's (either None when vacant)."""
    position = session.get(Position, position_id) if position_id else None
    if position is None:
        return None, None
    first = holder_on(session, position.id, on)
    second = holder_on(session, position.parent_id, on) if position.parent_id else None
    return (head_signer(first) if first is not None else None, head_signer(second) if second is not None else None)


def in_office(session: Session, agreement: PerformanceAgreement, on: date) -> tuple[Signer | None, Signer | None]:
    """The first and second party who would sign the PK on a date. The regional head signs his own PK alone;
    an OPD's PK is signed by its head and, as pihak kedua, by the leader named on it if still in office (a
    Wakil or the Sekda may sign for the Bupati), else by the regional head of the day; a PK inside an OPD by the
    holders of its position and of the superior position."""
    if agreement.kind.single_signer:
        return regional_head(session, on), None
    if agreement.kind.is_lower:
        return position_signers(session, agreement.position_id, on)
    head = head_on(session, agreement.opd_id, on) if agreement.opd_id else None
    first = head_signer(head) if head is not None else None
    current = agreement.second_leader_id
    still = [leader for leader in leaders_in_office(session, on) if leader.id == current]
    return first, leader_signer(still[0]) if still else regional_head(session, on)


def signer_of(agreement: PerformanceAgreement, prefix: str) -> Signer:
    """A party as the PK names it (``prefix`` "first" or "second")."""
    return Signer(
        name=getattr(agreement, f"{prefix}_name"),
        position=getattr(agreement, f"{prefix}_position"),
        nip=getattr(agreement, f"{prefix}_nip"),
        rank=getattr(agreement, f"{prefix}_rank"),
        acting=getattr(agreement, f"{prefix}_acting"),
        source_id=agreement.first_official_id if prefix == "first" else second_source(agreement),
    )


def second_source(agreement: PerformanceAgreement) -> str | None:
    """Pihak kedua's record: an official inside an OPD, else a regional leader."""
    return agreement.second_official_id if agreement.kind.is_lower else agreement.second_leader_id


def _printed(signer: Signer) -> tuple[str, str, str, str]:
    return (" ".join(signer.name.split()), signer.printed_position, signer.nip or "", signer.rank or "")


def differences(session: Session, agreement: PerformanceAgreement, on: date) -> list[Difference]:
    """What the PK prints that the records say otherwise on ``on``: the OPD's name, each signer."""
    found: list[Difference] = []
    if agreement.opd is not None:
        name = opd_name_on(session, agreement.opd, on)
        if agreement.opd_name != name:
            found.append(Difference(NAME, agreement.opd_name, name, name=name))
    first, second = in_office(session, agreement, on)
    parties = [(FIRST, "first", first)] if agreement.kind.single_signer else [
        (FIRST, "first", first), (SECOND, "second", second)
    ]
    for subject, prefix, expected in parties:
        printed = signer_of(agreement, prefix)
        if expected is None:
            found.append(Difference(subject, _label(printed), ""))
        elif _printed(printed) != _printed(expected):
            found.append(Difference(subject, _label(printed), _label(expected), expected))
    return found


def _label(signer: Signer) -> str:
    return f"{signer.name}, {signer.printed_position}" if signer.name else ""


def apply_differences(agreement: PerformanceAgreement, found: list[Difference]) -> None:
    """Take the records' OPD name and signers into the PK (those with a replacement)."""
    for difference in found:
        if difference.subject == NAME and difference.name:
            agreement.opd_name = difference.name
        elif difference.proposed is not None:
            apply_signer(agreement, "first" if difference.subject == FIRST else "second", difference.proposed)


def apply_signer(agreement: PerformanceAgreement, prefix: str, signer: Signer) -> None:
    """Name ``signer`` as a party (``prefix`` "first" or "second"); the regional head signing his own PK is a
    leader, not an official of an OPD, so no official is linked then."""
    source = None if prefix == "first" and agreement.kind.single_signer else signer.source_id
    if prefix == "first":
        agreement.first_official_id = source
    elif agreement.kind.is_lower:  # inside an OPD pihak kedua is an official
        agreement.second_official_id, agreement.second_leader_id = source, None
    else:
        agreement.second_leader_id = source
    setattr(agreement, f"{prefix}_name", signer.name.strip())
    setattr(agreement, f"{prefix}_position", signer.position.strip())
    setattr(agreement, f"{prefix}_nip", signer.nip or None)
    setattr(agreement, f"{prefix}_rank", signer.rank)
    setattr(agreement, f"{prefix}_acting", signer.acting)


def check_in_office(
    session: Session, agreement: PerformanceAgreement, on: date, *, update: bool
) -> list[Difference]:
    """Refuse (``SignersOutOfDate``) a PK naming others than the records on ``on``, or with ``update`` take the
    records' name and signers into it; returns what was taken over."""
    found = differences(session, agreement, on)
    if not found:
        return []
    error = SignersOutOfDate(on, found)
    if not update or not error.can_update:
        raise error
    apply_differences(agreement, found)
    return found
