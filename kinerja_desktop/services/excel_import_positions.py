"""Importing and exporting the ``jabatan`` workbook: the positions inside the OPDs under their heads, with the
direct superior and the current holder, through ``services/positions.py`` (the same rules as the Jabatan tab).

A row is a position, matched by its OPD and its name; a superior is named by its jabatan (empty: the OPD's head)
and may be a row further down the file. A holder typed differently from the recorded one (another person, status
or start) is appointed from "Mulai Menjabat"; an empty holder leaves the recorded one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..db.models import Opd, Position
from ..domain.enums import ActingKind, PositionLevel
from ..domain.formatting import format_date
from ..domain.personnel import format_nip, rank_label, split_rank
from ..interchange import xlsx_cells as cells
from ..interchange.xlsx_read import SheetData, SheetRow
from ..interchange.xlsx_write import SheetOut
from .excel_import_run import Action, OpdFinder, Run, columns_by
from .excel_layouts import ACTING, ACTING_WORDS, JABATAN, LEVEL_WORDS, LEVELS
from .opd import HeadData, current_holder
from .positions import PositionForm, write_holder, write_position

COLUMNS = columns_by({
    "name": "Jabatan", "level": "Tingkat", "parent_id": "Atasan Langsung", "head_name": "Nama Pemegang",
    "head_nip": "NIP", "head_position": "Jabatan", "head_start": "Mulai Menjabat",
})


def import_positions(session: Session, sheets: dict[str, SheetData], run: Run) -> None:
    data = sheets[JABATAN.title]
    finder = OpdFinder(session)
    acting_words = [ACTING_WORDS[a] for a in (ActingKind.DEFINITIVE, ActingKind.PLT, ActingKind.PLH)]
    parsed: list[tuple[SheetRow, Opd, str, PositionLevel, str, HeadData]] = []
    seen: dict[tuple[str, str], int] = {}
    for row in data.rows:
        def text(key: str, row: SheetRow = row) -> str:
            return " ".join((run.cell(row, JABATAN, key, cells.text) or "").split())

        opd = finder.find(run, row, text("opd"))
        name = text("name")
        level = run.cell(row, JABATAN, "level",
                         lambda c: cells.choice(c, LEVELS, "Tingkat", list(LEVEL_WORDS.values())))
        if not name:
            run.problem(row, "Jabatan", "nama jabatan wajib diisi")
        if level is None and row.get("level").blank:
            run.problem(row, "Tingkat", "tingkat jabatan wajib diisi (Eselon III, Eselon IV atau Staf)")
        rank, grade = split_rank(text("holder_rank"))
        holder = HeadData(
            name=text("holder_name"), nip=run.cell(row, JABATAN, "holder_nip", cells.nip) or "", rank=rank,
            grade=grade, position=name,
            acting=run.cell(row, JABATAN, "holder_acting",
                            lambda c: cells.choice(c, ACTING, "Status", acting_words)) or ActingKind.DEFINITIVE,
            start_date=run.cell(row, JABATAN, "holder_start", cells.day),
        )
        if holder.name and holder.start_date is None:
            run.problem(row, "Mulai Menjabat", "tanggal mulai menjabat wajib diisi bila pemegang diisi")
        if opd is not None and name:
            key = (opd.id, name.casefold())
            if key in seen:
                run.problem(row, "Jabatan", f"jabatan {name} sudah ada pada baris {seen[key]}")
            seen.setdefault(key, row.number)
        if not run.failed(row) and opd is not None and level is not None:
            parsed.append((row, opd, name, level, text("superior"), holder))
    # Superiors first: a row waits for the row of its superior (a file may list a Kasi before his Kabid).
    pending, done = list(parsed), 0
    while pending:
        progressed = False
        for item in list(pending):
            row, opd, name, level, superior, holder = item
            parent = _find(session, opd.id, superior) if superior else None
            if superior and parent is None and any(
                p[1].id == opd.id and p[2].casefold() == superior.casefold() for p in pending if p is not item
            ):
                continue
            pending.remove(item)
            progressed = True
            run.tick(done, len(parsed), "Menyimpan jabatan…")
            done += 1
            if superior and parent is None:
                run.problem(row, "Atasan Langsung", f"jabatan {superior} tidak ada di {opd.name}")
                continue
            _save(session, run, row, opd, name, level, parent, holder)
        if not progressed:  # superiors naming each other in a circle
            for row, *_rest in pending:
                run.problem(row, "Atasan Langsung", "atasan langsung saling menunjuk; periksa kolom Atasan Langsung")
            break


def _find(session: Session, opd_id: str, name: str) -> Position | None:
    return session.scalars(select(Position).where(
        Position.opd_id == opd_id, func.lower(Position.name) == name.casefold())).first()


def _save(  # noqa: PLR0913
    session: Session, run: Run, row: SheetRow, opd: Opd, name: str, level: PositionLevel, parent: Position | None,
    holder: HeadData,
) -> None:
    existing = _find(session, opd.id, name)
    subject = f"{name} — {opd.abbreviation}"
    details: list[str] = []
    parent_id = parent.id if parent is not None else None
    if existing is not None:
        head = next((p for p in opd.positions if p.level is PositionLevel.HEAD), None)
        current_parent = existing.parent_id if existing.parent_id != (head.id if head else None) else None
        if existing.level is not level:
            details.append(f"tingkat: {LEVEL_WORDS.get(existing.level, existing.level.label)} → {LEVEL_WORDS[level]}")
        if current_parent != parent_id:
            details.append("atasan langsung: " + (parent.name if parent is not None else "kepala"))
    current = current_holder(existing.holders) if existing is not None else None
    if holder.name and not _same_holding(current, holder):
        assert holder.start_date is not None
        details.append(f"pemegang: {holder.name} ({ACTING_WORDS[holder.acting]}, sejak "
                       f"{format_date(holder.start_date)})")
    if existing is not None and not details:
        run.record(Action.UNCHANGED, row, subject)
        return
    form = PositionForm(opd.id, name, level, parent_id=parent_id, id=existing.id if existing else None)

    def work() -> Any:
        position = write_position(session, form)
        if holder.name and not _same_holding(current, holder):
            write_holder(session, position.id, holder)
        return position

    if run.attempt(session, row, COLUMNS, work) is not None:
        run.record(Action.CHANGED if existing else Action.ADDED, row, subject, tuple(details) if existing else ())


def _same_holding(current: Any, typed: HeadData) -> bool:
    if current is None:
        return False
    official = current.official
    same_person = (typed.nip and official.nip == typed.nip) or " ".join(official.name.split()).casefold() == \
        " ".join(typed.name.split()).casefold()
    return bool(same_person) and current.acting is typed.acting and current.start_date == typed.start_date


# --- export -------------------------------------------------------------------------------------------


def position_rows(session: Session) -> list[dict[Any, Any]]:
    """Every active position below the heads, OPD by OPD, superiors before their subordinates."""
    opds = session.scalars(select(Opd).where(Opd.is_active.is_(True)).order_by(Opd.sort_order, Opd.code)).all()
    rows: list[dict[Any, Any]] = []
    for opd in opds:
        positions = session.scalars(
            select(Position).where(Position.opd_id == opd.id, Position.is_active.is_(True))
            .options(selectinload(Position.holders)).order_by(Position.sort_order, Position.name)
        ).all()
        by_parent: dict[str | None, list[Position]] = {}
        for position in positions:
            by_parent.setdefault(position.parent_id, []).append(position)
        _walk(rows, opd, by_parent, None, "")
    return rows


def _walk(rows: list[dict[Any, Any]], opd: Opd, by_parent: dict[str | None, list[Position]], parent: str | None,
          superior: str) -> None:
    for position in by_parent.get(parent, []):
        if position.level is not PositionLevel.HEAD:
            holder = current_holder(position.holders)
            official = holder.official if holder is not None else None
            rows.append({
                "opd": opd.code, "name": position.name, "level": LEVEL_WORDS[position.level], "superior": superior,
                "holder_name": official.name if official else None,
                "holder_nip": format_nip(official.nip) if official and official.nip else None,
                "holder_rank": rank_label(official.rank, official.grade) if official else None,
                "holder_acting": ACTING_WORDS[holder.acting] if holder else None,
                "holder_start": holder.start_date if holder else None,
            })
        _walk(rows, opd, by_parent, position.id, position.name if position.level is not PositionLevel.HEAD else "")


def position_sheet(session: Session) -> list[SheetOut]:
    sheet = JABATAN.sheet([], position_rows(session))
    sheet.rows = list(sheet.rows)
    return [sheet]
