"""Importing people: the regional leaders (``pimpinan``) and the OPDs with their heads (``opd``).

Leaders match by jabatan and the first day of their term; OPDs by code. An OPD whose name changed is renamed
(its former name kept, until the day before the effective date) and a different person as head starts a new
period of the head history, dated by the effective date (or by "Mulai Menjabat" when that is later than the
current head's start). A NIP that belongs to another person (another name, titles aside) is refused.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Official, Opd, Position, PositionHolder, Regency, RegionalLeader
from ..domain.enums import ActingKind, LeaderRole, OpdKind, PositionLevel
from ..domain.formatting import format_date
from ..domain.personnel import core_name, format_nip, rank_label, split_rank
from ..interchange import xlsx_cells as cells
from ..interchange.xlsx_read import SheetData, SheetRow
from . import opd as opd_service
from . import regency as regency_service
from .excel_import_run import Action, ImportRefused, Run, columns_by, read_file
from .excel_layouts import ACTING, ACTING_WORDS, OPD, OPD_KINDS, PIMPINAN, ROLE_WORDS, ROLES
from .opd import HeadData, OpdForm
from .progress import CancelCheck, Progress
from .regency import LeaderData
from .setup import LeaderInput, leader_position, leader_problems, role_title

LEADER_COLUMNS = columns_by({
    "name": "Nama", "nip": "NIP", "acting": "Status", "start_date": "Mulai", "end_date": "Selesai",
    "position": "Jabatan",
})
OPD_COLUMNS = columns_by({
    "code": "Kode", "abbreviation": "Singkatan", "name": "Nama", "kind": "Jenis", "address": "Alamat",
    "phone": "Telepon", "email": "Pos-el", "website": "Laman", "head_name": "Nama Kepala", "head_nip": "NIP Kepala",
    "head_rank": "Pangkat/Golongan Kepala", "head_grade": "Pangkat/Golongan Kepala",
    "head_position": "Jabatan Kepala", "head_start": "Mulai Menjabat", "head_end": "Mulai Menjabat",
})


def _regency(session: Session, run: Run, sheet: str) -> Regency | None:
    regency = session.scalars(select(Regency)).first()
    if regency is None:
        run.problem(None, None, "basis data ini belum disiapkan (pemerintah daerah belum ada); jalankan penyiapan "
                                "(setup) dahulu", sheet=sheet)
    return regency


class NipRegister:
    """Who each NIP belongs to: the database's officials and leaders, and the rows read so far."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.in_file: dict[str, tuple[str, int]] = {}

    def problem(self, nip: str, name: str, row: SheetRow) -> str | None:
        if not nip:
            return None
        seen = self.in_file.setdefault(nip, (name, row.number))
        if core_name(seen[0]) != core_name(name):
            return f"NIP {format_nip(nip)} sudah dipakai {seen[0]} pada baris {seen[1]}"
        holders = [o.name for o in self.session.scalars(select(Official).where(Official.nip == nip))]
        holders += [r.name for r in self.session.scalars(select(RegionalLeader).where(RegionalLeader.nip == nip))]
        other = next((holder for holder in holders if core_name(holder) != core_name(name)), None)
        if other is not None:
            return (f"NIP {format_nip(nip)} sudah tercatat untuk {other}, bukan {name}; satu NIP milik satu orang "
                    "(periksa NIP atau namanya)")
        return None


def _diff(label: str, old: Any, new: Any, show: Any = str) -> list[str]:
    if old == new:
        return []
    def shown(value: Any) -> str:
        return show(value) if value not in (None, "") else "(kosong)"

    return [f"{label}: {shown(old)} → {shown(new)}"]


# --- pimpinan -----------------------------------------------------------------------------------------


def import_leaders(session: Session, sheets: dict[str, SheetData], run: Run) -> None:
    data = sheets[PIMPINAN.title]
    regency = _regency(session, run, PIMPINAN.title)
    if regency is None:
        return
    kind = regency.kind
    shown = [*ROLE_WORDS[kind].values(), "Sekretaris Daerah"]
    parsed = []
    for row in data.rows:
        found = run.cell(row, PIMPINAN, "role", lambda c: cells.choice(c, ROLES, "Jabatan", shown))
        if found is not None and found[1] not in (None, kind):
            typed = cells.text(row.get("role"))
            run.problem(row, "Jabatan", f"{regency.full_name} dipimpin {kind.head_title}, bukan {typed}")
        acting = run.cell(row, PIMPINAN, "acting",
                          lambda c: cells.choice(c, ACTING, "Status", list(ACTING_WORDS.values())))
        leader = LeaderInput(
            role=found[0] if found else LeaderRole.HEAD,
            name=run.cell(row, PIMPINAN, "name", cells.text) or "",
            acting=acting or ActingKind.DEFINITIVE,
            nip=run.cell(row, PIMPINAN, "nip", cells.nip) or "",
            start_date=run.cell(row, PIMPINAN, "start", cells.day),
            end_date=run.cell(row, PIMPINAN, "end", cells.day),
        )
        leader.rank, leader.grade = split_rank(run.cell(row, PIMPINAN, "rank", cells.text) or "")
        if found is None and row.get("role").blank:
            run.problem(row, "Jabatan", "jabatan wajib diisi")
        for key, message in leader_problems([leader], kind).items():
            run.problem(row, LEADER_COLUMNS(key.split(".", 1)[1]), message)
        if not run.failed(row):
            parsed.append((row, leader))
    nips = NipRegister(session)
    for n, (row, leader) in enumerate(sorted(parsed, key=lambda item: item[1].start_date or date.min)):
        run.tick(n, len(parsed), "Menyimpan pimpinan…")
        problem = nips.problem(leader.nip, leader.name, row)
        if problem:
            run.problem(row, "NIP", problem)
            continue
        _save_leader(session, run, row, leader, regency)


def _save_leader(session: Session, run: Run, row: SheetRow, leader: LeaderInput, regency: Regency) -> None:
    assert leader.start_date is not None
    existing = session.scalars(select(RegionalLeader).where(
        RegionalLeader.role == leader.role, RegionalLeader.start_date == leader.start_date)).first()
    data = LeaderData(
        role=leader.role,
        name=leader.name.strip(),
        position=leader_position(leader.role, regency.kind, regency.name),
        start_date=leader.start_date,
        acting=leader.acting,
        nip=leader.nip or None,
        rank=leader.rank or None,
        grade=leader.grade or None,
        # an empty "Selesai" leaves the recorded end of the term (a successor's start may have set it)
        end_date=leader.end_date if leader.end_date is not None or existing is None else existing.end_date,
        id=existing.id if existing else None,
    )
    title = f"{leader.acting.prefix} {role_title(leader.role, regency.kind)}".strip()
    subject = f"{title} {data.name} (sejak {format_date(data.start_date)})"
    if existing is not None:
        details = [
            *_diff("nama", existing.name, data.name),
            *_diff("status", ACTING_WORDS[existing.acting], ACTING_WORDS[data.acting]),
            *_diff("NIP", existing.nip, data.nip, format_nip),
            *_diff("pangkat", rank_label(existing.rank, existing.grade), rank_label(data.rank, data.grade)),
            *_diff("jabatan", existing.position, data.position),
            *_diff("selesai", existing.end_date, data.end_date, format_date),
        ]
        if not details:
            run.record(Action.UNCHANGED, row, subject)
            return
    if run.attempt(session, row, LEADER_COLUMNS, lambda: regency_service.write_leader(session, data)) is not None:
        run.record(Action.CHANGED if existing else Action.ADDED, row, subject, tuple(details) if existing else ())


# --- opd ----------------------------------------------------------------------------------------------


def import_opds(session: Session, sheets: dict[str, SheetData], run: Run) -> None:
    data = sheets[OPD.title]
    regency = _regency(session, run, OPD.title)
    if regency is None:
        return
    parsed = read_opd_rows(data, run)
    nips = NipRegister(session)
    for n, (row, form) in enumerate(parsed):
        run.tick(n, len(parsed), "Menyimpan perangkat daerah…")
        _save_opd(session, run, row, form, data.present, nips)
    if regency.agency_opd_id is None and regency.agency_short:
        short = regency.agency_short.lower()
        agency = session.scalars(select(Opd).where(func.lower(Opd.abbreviation) == short)).first()
        if agency is not None:
            regency.agency_opd_id = agency.id  # as the set-up does: its head signs the regency-wide reports


def read_opd_forms(path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
                   ) -> list[OpdForm]:
    """The OPDs of an ``opd`` workbook, read and checked as the import reads them, without a database: what the
    set-up wizard's "Impor dari Excel…" fills its table with (the wizard writes them with the set-up).
    Raises :class:`ImportRefused` listing every problem."""
    path = Path(path)
    run = Run("opd", None, True, progress, cancelled)
    sheets = read_file(path, path.name, run)
    parsed = read_opd_rows(sheets[OPD.title], run)
    if run.problems:
        raise ImportRefused(path.name, run.problems)
    return [form for _row, form in parsed]


def read_opd_rows(data: SheetData, run: Run) -> list[tuple[SheetRow, OpdForm]]:
    """The OPD rows as forms (every cell read, duplicates within the file listed): the import's first half,
    and what the set-up wizard's "Impor dari Excel…" fills its table with."""
    kinds = [k.label for k in OpdKind]
    acting_words = [ACTING_WORDS[a] for a in (ActingKind.DEFINITIVE, ActingKind.PLT, ActingKind.PLH)]
    parsed = []
    codes: dict[str, int] = {}
    abbreviations: dict[str, int] = {}
    for row in data.rows:
        def text(key: str, row: SheetRow = row) -> str:
            return run.cell(row, OPD, key, cells.text) or ""

        rank, grade = split_rank(text("head_rank"))
        form = OpdForm(
            code=run.cell(row, OPD, "code", cells.code) or "",
            abbreviation=text("abbreviation"),
            name=text("name"),
            kind=run.cell(row, OPD, "kind", lambda c: cells.choice(c, OPD_KINDS, "Jenis", kinds)),
            address=text("address"),
            phone=text("phone"),
            email=text("email"),
            website=text("website"),
            head=HeadData(
                name=text("head_name"),
                nip=run.cell(row, OPD, "head_nip", cells.nip) or "",
                rank=rank,
                grade=grade,
                position=text("head_position"),
                acting=run.cell(row, OPD, "head_acting",
                                lambda c: cells.choice(c, ACTING, "Status kepala", acting_words))
                or ActingKind.DEFINITIVE,
                start_date=run.cell(row, OPD, "head_start", cells.day),
            ),
        )
        for key, message in opd_service.validate(form).items():
            if key != "head_start":  # an existing head's start is known: checked when the row is saved
                run.problem(row, OPD_COLUMNS(key), message.rstrip("."))
        code, abbreviation = form.code, form.abbreviation.casefold()
        if code and code in codes:
            run.problem(row, "Kode", f"kode {code} sudah ada pada baris {codes[code]}")
        if abbreviation and abbreviation in abbreviations:
            first = abbreviations[abbreviation]
            run.problem(row, "Singkatan", f"singkatan {form.abbreviation} sudah ada pada baris {first}")
        codes.setdefault(code, row.number)
        abbreviations.setdefault(abbreviation, row.number)
        if not run.failed(row):
            parsed.append((row, form))
    return parsed


def _save_opd(session: Session, run: Run, row: SheetRow, typed: OpdForm, present: set[str], nips: NipRegister) -> None:
    found = session.scalars(select(Opd.id).where(Opd.code == typed.code)).first()
    existing = opd_service.read_opd(session, found) if found else None
    form = replace(typed, head=replace(typed.head))
    if existing is not None:
        form.id = existing.id
        for name in ("address", "phone", "email", "website"):  # a column left out of the file keeps its value
            if name not in present:
                setattr(form, name, getattr(existing, name))
    subject = f"Perangkat daerah {form.code} {form.name}"
    details: list[str] = []
    dated = False
    head = form.head
    if head.is_empty and existing is not None:
        form.head = existing.head  # no head in the row: the recorded one stays
    elif existing is not None and not existing.head.is_empty:
        current = existing.head
        same = _same_person(current, head)
        assert current.start_date is not None
        if same:
            if "head_acting" not in present:  # columns the sheet does not have: as recorded
                head.acting = current.acting
            if "head_rank" not in present:
                head.rank, head.grade = current.rank, current.grade
            # A start the history cannot hold (not after the previous head's) is the old row's date left in a
            # file whose change of head was dated by the effective date: the recorded start stays.
            previous = session.scalar(select(func.max(PositionHolder.start_date)).join(Position).where(
                Position.opd_id == existing.id, Position.level == PositionLevel.HEAD,
                PositionHolder.start_date < current.start_date))
            if head.start_date is None or (previous is not None and head.start_date <= previous):
                head.start_date = current.start_date
        elif run.effective is not None:
            head.start_date, dated = run.effective, True
        elif head.start_date is None or head.start_date <= current.start_date:
            # no date of its own: dated by the effective date (asked for); checked meanwhile with tomorrow's
            head.start_date, dated = max(date.today(), current.start_date + timedelta(days=1)), True
        if not same:
            details.append(f"kepala: {current.name} → {head.name} (mulai {format_date(head.start_date)})"
                           if not dated or run.effective else f"kepala: {current.name} → {head.name}")
    if head.start_date is None and not form.head.is_empty:
        run.problem(row, "Mulai Menjabat", "tanggal mulai menjabat wajib diisi")
        return
    problem = nips.problem(form.head.nip, form.head.name, row)
    if problem:
        run.problem(row, "NIP Kepala", problem)
        return
    if existing is not None:
        if existing.name != form.name:
            form.renamed_on = run.effective or date.today()
            dated = True
        details = _opd_changes(existing, form) + details
        if not details:
            run.record(Action.UNCHANGED, row, subject)
            return
    if run.attempt(session, row, OPD_COLUMNS, lambda: opd_service.write_opd(session, form)) is not None:
        run.record(Action.CHANGED if existing else Action.ADDED, row, subject, tuple(details), dated)


def _opd_changes(old: OpdForm, new: OpdForm) -> list[str]:
    details = [
        *_diff("nama", old.name, new.name),
        *_diff("singkatan", old.abbreviation, new.abbreviation),
        *_diff("jenis", old.kind.label if old.kind else "", new.kind.label if new.kind else ""),
        *_diff("alamat", old.address, new.address),
        *_diff("telepon", old.phone, new.phone),
        *_diff("pos-el", old.email, new.email),
        *_diff("laman", old.website, new.website),
    ]
    a, b = old.head, new.head
    if not a.is_empty and not b.is_empty and _same_person(a, b):
        details += [
            *_diff("nama kepala", a.name, b.name),
            *_diff("NIP kepala", a.nip, b.nip, format_nip),
            *_diff("pangkat kepala", rank_label(a.rank, a.grade), rank_label(b.rank, b.grade)),
            *_diff("jabatan kepala", a.position, b.position),
            *_diff("status kepala", ACTING_WORDS[a.acting], ACTING_WORDS[b.acting]),
            *_diff("mulai menjabat", a.start_date, b.start_date, format_date),
        ]
    elif a.is_empty and not b.is_empty:
        details.append(f"kepala: {b.name} (mulai {format_date(b.start_date)})")
    return details


def _same_person(current: HeadData, typed: HeadData) -> bool:
    # As services/opd.py decides: the same NIP, or the same name (a corrected NIP), is the same person.
    if current.nip and typed.nip and current.nip == typed.nip:
        return True
    return " ".join(current.name.split()).casefold() == " ".join(typed.name.split()).casefold()
