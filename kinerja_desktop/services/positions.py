"""Positions (jabatan) inside an OPD: list, save with the direct superior, appoint holders with history.

The head's position is the one :mod:`services.opd` keeps (the OPD's head is its holder); the eselon III, eselon
IV and staff positions hang under it. A holder is appointed as a head is (definitive, Plt. or Plh., the previous
holding ends the day before). Plain dataclasses in and out; one transaction per use case; every change audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..db.database import Database
from ..db.models import Opd, Position, PositionHolder
from ..domain.cascade import superior_problem
from ..domain.enums import PositionLevel
from . import audit
from . import users as auth
from .errors import FORM, ValidationError
from .opd import HeadData, HeadRow, apply_holder, current_holder, head_position, holding_rows, titled, validate_holder


@dataclass(frozen=True)
class PositionRow:
    """One position of an OPD's structure, with its current holder (empty when vacant)."""

    id: str
    opd_id: str
    name: str
    level: PositionLevel
    parent_id: str | None
    depth: int  # 0 for the head, 1 for the positions under it …
    is_active: bool
    holder_name: str = ""
    holder_nip: str = ""
    holder_position: str = ""  # with "Plt."/"Plh." when acting


@dataclass
class PositionForm:
    """A position as edited; ``id`` None means a new one."""

    opd_id: str
    name: str = ""
    level: PositionLevel = PositionLevel.STAFF
    parent_id: str | None = None
    id: str | None = None
    sort_order: int | None = None  # None: after the others


def list_positions(db: Database, opd_id: str, *, include_inactive: bool = False) -> list[PositionRow]:
    """The OPD's positions as a tree, depth first from its head (siblings by their order, then name)."""
    with db.read() as s:
        query = select(Position).where(Position.opd_id == opd_id).options(
            selectinload(Position.holders).selectinload(PositionHolder.official)
        )
        if not include_inactive:
            query = query.where(Position.is_active.is_(True))
        positions = s.scalars(query.order_by(Position.sort_order, Position.name)).all()
        children: dict[str | None, list[Position]] = {}
        ids = {p.id for p in positions}
        for position in positions:
            children.setdefault(position.parent_id if position.parent_id in ids else None, []).append(position)
        rows: list[PositionRow] = []

        def walk(parent: str | None, depth: int) -> None:
            for position in children.get(parent, []):
                rows.append(_row(position, depth))
                walk(position.id, depth + 1)

        walk(None, 0)
        return rows


def _row(position: Position, depth: int) -> PositionRow:
    holder = current_holder(position.holders)
    return PositionRow(
        id=position.id,
        opd_id=position.opd_id,
        name=position.name,
        level=position.level,
        parent_id=position.parent_id,
        depth=depth,
        is_active=position.is_active,
        holder_name=holder.official.name if holder else "",
        holder_nip=(holder.official.nip or "") if holder else "",
        holder_position=titled(holder.acting, holder.position) if holder else "",
    )


def save_position(db: Database, data: PositionForm) -> str:
    """Create or update a position below the OPD's head; returns its id."""
    auth.require(db, "opd_data", data.opd_id)
    auth.require_row(db, "opd_data", "position", data.id)
    with db.write() as s:
        return write_position(s, data).id


def write_position(s: Session, data: PositionForm) -> Position:
    """:func:`save_position` inside the caller's transaction (an import): returns the flushed row."""
    opd = s.get(Opd, data.opd_id)
    if opd is None:
        raise ValidationError.single(FORM, "Perangkat daerah tidak ditemukan; mungkin sudah dihapus.")
    name = " ".join(data.name.split())
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Nama jabatan wajib diisi."
    elif len(name) > 200:
        errors["name"] = "Nama jabatan terlalu panjang (paling banyak 200 huruf)."
    if data.level is PositionLevel.HEAD:
        errors["level"] = "Jabatan kepala perangkat daerah diisi pada data perangkat daerah."
    if errors:
        raise ValidationError(errors)
    position = _load(s, data.id) if data.id else None
    if position is not None and position.level is PositionLevel.HEAD:
        raise ValidationError.single("level", "Jabatan kepala perangkat daerah diubah pada data perangkat daerah.")
    parent = _superior(s, opd, data)
    problem = superior_problem(data.level, parent.level if parent else None)
    if problem:
        raise ValidationError.single("parent_id", problem + ".")
    if position is not None and parent is not None and _is_below(parent, position):
        raise ValidationError.single("parent_id", "Atasan langsung tidak boleh bawahan jabatan ini sendiri.")
    same = s.scalars(select(Position).where(
        Position.opd_id == opd.id, func.lower(Position.name) == name.lower(),
        Position.id != (position.id if position else ""),
    )).first()
    if same is not None:
        raise ValidationError.single("name", f"Jabatan {same.name} sudah ada di {opd.name}.")
    if position is None:
        position = Position(opd_id=opd.id, sort_order=data.sort_order if data.sort_order is not None
                            else _next_sort_order(s, opd.id))
        s.add(position)
        action, before = "jabatan.tambah", {}
    else:
        action, before = "jabatan.ubah", _snapshot(position)
        if data.sort_order is not None:
            position.sort_order = data.sort_order
    position.name, position.level, position.parent_id = name, data.level, parent.id if parent else None
    s.flush()
    after = _snapshot(position)
    audit.record(s, action, "position", position.id, f"{name} — {opd.abbreviation}",
                 {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v})
    return position


def _superior(s: Session, opd: Opd, data: PositionForm) -> Position | None:
    if data.parent_id is None:
        return head_position(s, opd) if data.level is not PositionLevel.HEAD else None
    parent = s.get(Position, data.parent_id)
    if parent is None or parent.opd_id != opd.id:
        raise ValidationError.single("parent_id", f"Atasan langsung harus jabatan di {opd.name}.")
    if not parent.is_active:
        raise ValidationError.single("parent_id", f"Jabatan {parent.name} sudah tidak aktif.")
    return parent


def _is_below(candidate: Position, position: Position) -> bool:
    seen: set[str] = set()
    current: Position | None = candidate
    while current is not None and current.id not in seen:
        if current.id == position.id:
            return True
        seen.add(current.id)
        current = current.parent
    return False


def appoint(db: Database, position_id: str, holder: HeadData) -> None:
    """Record who holds a position from a date: the same person is updated, another one starts a new holding
    (the previous one ends the day before)."""
    auth.require_row(db, "opd_data", "position", position_id)
    with db.write() as s:
        write_holder(s, position_id, holder)


def write_holder(s: Session, position_id: str, holder: HeadData) -> None:
    """:func:`appoint` inside the caller's transaction."""
    position = _load(s, position_id)
    if not holder.position.strip():
        holder.position = position.name
    errors = validate_holder(holder, who="pejabat")
    if errors:
        raise ValidationError(errors)
    changed = apply_holder(s, position, holder, who="Pejabat")
    s.flush()
    if changed:
        audit.record(s, "jabatan.pemegang", "position", position.id, position.name, changed)


def holder_history(db: Database, position_id: str) -> list[HeadRow]:
    """Everyone who held the position, newest first."""
    with db.read() as s:
        return holding_rows(_load(s, position_id).holders)


def set_position_active(db: Database, position_id: str, active: bool) -> None:
    """Deactivate (or reactivate) a position below the head; its holders and PKs stay. A position with active
    subordinates cannot be deactivated."""
    auth.require_row(db, "opd_data", "position", position_id)
    with db.write() as s:
        position = _load(s, position_id)
        if position.is_active == active:
            return
        if position.level is PositionLevel.HEAD:
            raise ValidationError.single(FORM, "Jabatan kepala perangkat daerah tidak dapat dinonaktifkan.")
        if not active and s.scalars(select(Position).where(
                Position.parent_id == position.id, Position.is_active.is_(True))).first() is not None:
            raise ValidationError.single(
                FORM, f"{position.name} masih menjadi atasan jabatan yang aktif; pindahkan atau nonaktifkan dulu."
            )
        position.is_active = active
        audit.record(s, "jabatan.aktifkan" if active else "jabatan.nonaktifkan", "position", position.id,
                     position.name)


def _load(s: Session, position_id: str | None) -> Position:
    position = s.get(Position, position_id) if position_id else None
    if position is None:
        raise ValidationError.single(FORM, "Jabatan tidak ditemukan; mungkin sudah dihapus.")
    return position


def _next_sort_order(s: Session, opd_id: str) -> int:
    return int(s.scalar(select(func.coalesce(func.max(Position.sort_order), 0)).where(
        Position.opd_id == opd_id)) or 0) + 1


def _snapshot(position: Position) -> dict[str, object]:
    return {"nama": position.name, "tingkat": str(position.level), "atasan": position.parent_id}
