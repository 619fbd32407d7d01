"""The cascade's targets per official in the shape of the employees' SKP (PermenPANRB 6/2022): for each official
holding a position inside an OPD whose sasaran are in the pohon kinerja, the rencana hasil kerja (the sasaran),
the leader's rencana hasil kerja it supports (diintervensi), and each indicator with its target of the year.

One sheet per official, after a sheet listing them (NIP, pangkat, jabatan, unit kerja, pejabat penilai); written
by the shared Excel writer as the ``skp`` export.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..db.database import Database
from ..db.models import Goal, Opd, Position
from ..domain.enums import GoalKind, GoalLevel
from ..domain.personnel import format_nip, rank_label
from ..interchange.xlsx_write import ColumnOut, Kind, SheetOut
from .documents import holder_on
from .excel_import_plan import show_target
from .renstra import TargetData

LOWER_LEVELS = (GoalLevel.PROGRAM, GoalLevel.ACTIVITY, GoalLevel.INDIVIDUAL)
SHEET_TITLE = 31  # Excel's limit


def skp_sheets(db: Database, year: int) -> list[SheetOut]:
    """The officials of every active OPD with sasaran below the Renstra, each with their rows for ``year``
    (the holder of the position on 31 December, or on the last day of the year it was held)."""
    people: list[list[object]] = []
    sheets: list[SheetOut] = []
    on = date(year, 12, 31)
    with db.read() as session:
        goals = session.scalars(
            select(Goal).join(Opd, Opd.id == Goal.opd_id)
            .where(Goal.level.in_(LOWER_LEVELS), Goal.kind == GoalKind.TARGET, Goal.is_active.is_(True),
                   Goal.position_id.is_not(None), Opd.is_active.is_(True))
            .options(selectinload(Goal.indicators), selectinload(Goal.supports))
            .order_by(Opd.sort_order, Opd.code, Goal.sort_order, Goal.code)
        ).all()
        by_position: dict[str, list[Goal]] = {}
        for goal in goals:
            by_position.setdefault(goal.position_id or "", []).append(goal)
        posts = session.scalars(select(Position).where(Position.id.in_(by_position))).all()
        order = {post.id: (post.opd.sort_order, post.opd.code, post.level.rank, post.sort_order) for post in posts}
        for post in sorted(posts, key=lambda p: order[p.id]):
            holder = holder_on(session, post.id, on) or holder_on(session, post.id, date(year, 1, 2))
            superior = holder_on(session, post.parent_id, on) if post.parent_id else None
            official = holder.official if holder is not None else None
            name = official.name if official is not None else "(lowong)"
            title = f"{len(sheets) + 1} {name}"[:SHEET_TITLE]
            people.append([
                len(sheets) + 1, name, format_nip(official.nip) if official and official.nip else "",
                rank_label(official.rank, official.grade) if official else "",
                f"{holder.acting.prefix} {holder.position}".strip() if holder else post.name, post.opd.name,
                superior.official.name if superior else "", title,
            ])
            rows: list[list[object]] = []
            for goal in by_position[post.id]:
                for indicator in (i for i in goal.indicators if i.is_active):
                    target = next((t for t in indicator.targets if t.year == year), None)
                    shown = show_target(TargetData(year, target.target, target.target_high, target.target_grade),
                                        indicator.polarity) if target else ""
                    rows.append([len(rows) + 1, goal.supports.statement if goal.supports else "", goal.statement,
                                 indicator.name, shown, indicator.unit])
            sheets.append(SheetOut(title, _columns(
                ("No", Kind.YEAR), ("Rencana Hasil Kerja Pimpinan yang Diintervensi", Kind.TEXT),
                ("Rencana Hasil Kerja", Kind.TEXT), ("Indikator Kinerja Individu", Kind.TEXT),
                ("Target", Kind.NUMBER), ("Satuan", Kind.TEXT)), rows))
    listing = SheetOut("Pegawai", _columns(
        ("No", Kind.YEAR), ("Nama", Kind.TEXT), ("NIP", Kind.CODE), ("Pangkat/Golongan", Kind.TEXT),
        ("Jabatan", Kind.TEXT), ("Unit Kerja", Kind.TEXT), ("Pejabat Penilai", Kind.TEXT), ("Lembar", Kind.TEXT)),
        people)
    return [listing, *sheets]


def _columns(*spec: tuple[str, Kind]) -> list[ColumnOut]:
    return [ColumnOut(header, kind) for header, kind in spec]
