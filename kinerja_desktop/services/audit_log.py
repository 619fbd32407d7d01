"""Reading the audit trail: entries filtered by user, OPD, kind, period and text, a page at a time, each with its
field-level changes (before → after, in Indonesian formatting), and the filtered rows to Excel.

An entry is a row of ``audit_log`` (``audit.record()``'s summary, or the session hook's own when a transaction
recorded none). Its changes are the ``audit_change`` rows of the same change set numbered after the previous
entry and up to it (the last entry of a change set also takes the rows after it); an entry the package merge
wrote keeps its before/after in ``detail`` and shows them the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, Select, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from ..db.base import schema
from ..db.database import Database
from ..db.models import AuditChange, AuditLog, Opd
from ..domain.errors import ValidationError
from ..domain.formatting import format_date, format_datetime, format_number, format_rupiah
from .opd_names import opd_id_named

PAGE = 200
OPERATIONS = {"tambah": "Ditambah", "ubah": "Diubah", "hapus": "Dihapus"}
TABLE_LABELS = {
    "regency": "Profil pemerintah daerah",
    "regional_leader": "Pimpinan daerah",
    "planning_period": "Periode perencanaan",
    "fiscal_year": "Tahun anggaran",
    "official": "Pejabat",
    "opd": "Perangkat daerah",
    "opd_name_history": "Riwayat nama OPD",
    "position": "Jabatan",
    "position_holder": "Pemegang jabatan",
    "goal": "Tujuan/sasaran",
    "goal_program": "Program sasaran",
    "indicator": "Indikator",
    "indicator_target": "Target indikator",
    "program": "Program/kegiatan",
    "program_budget": "Pagu program",
    "performance_agreement": "Perjanjian Kinerja",
    "agreement_item": "Baris PK",
    "agreement_program": "Program PK",
    "integrity_pact": "Pakta Integritas",
    "document_asset": "Gambar dokumen",
    "indicator_realization": "Realisasi indikator",
    "budget_realization": "Realisasi anggaran",
    "evidence": "Bukti dukung",
    "quarter_closure": "Penutupan triwulan",
    "lke_component": "Komponen LKE",
    "lke_subcomponent": "Subkomponen LKE",
    "lke_criterion": "Kriteria LKE",
    "lke_evaluation": "Evaluasi LKE",
    "lke_answer": "Jawaban LKE",
}


@dataclass(frozen=True)
class AuditFilter:
    """What the screen and ``audit list`` ask for; empty fields do not filter."""

    user: str = ""
    opd_id: str | None = None
    kind: str = ""  # an action ("opd.ubah"), its family ("agreement") or an entity ("performance_agreement")
    since: date | None = None  # local calendar days, inclusive
    until: date | None = None
    text: str = ""  # in the summary, action, entity, user, origin or detail


@dataclass(frozen=True)
class AuditEntry:
    id: str
    at: datetime  # UTC, as stored
    user: str
    origin: str
    action: str
    entity: str
    entity_id: str
    summary: str
    opd_id: str | None
    opd: str  # the OPD's abbreviation, "" for regency-wide
    change_set: str
    seq: int
    detail: str

    @property
    def local_at(self) -> datetime:
        return self.at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)

    @property
    def when(self) -> str:
        return format_datetime(self.local_at)


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str  # shown in Indonesian formatting
    after: str
    raw_before: Any  # as stored (audit_hook.encode)
    raw_after: Any


@dataclass(frozen=True)
class RowChange:
    table: str
    table_label: str
    row_id: str
    operation: str  # tambah | ubah | hapus
    fields: tuple[FieldChange, ...]

    @property
    def operation_label(self) -> str:
        return OPERATIONS.get(self.operation, self.operation)


def period_dates(year: int, quarter: int | None = None) -> tuple[date, date]:
    """The first and last day of a year or of one of its quarters."""
    if quarter is None:
        return date(year, 1, 1), date(year, 12, 31)
    if quarter not in (1, 2, 3, 4):
        raise ValidationError.single("quarter", "Triwulan harus 1, 2, 3 atau 4")
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, last - timedelta(days=1)


def _utc(day: date) -> datetime:
    """Local midnight of ``day`` as naive UTC (how ``at`` is stored)."""
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)


UNDESCRIBED = "data.ubah"  # the action shown for a transaction that changed rows and recorded no summary


def _source() -> Any:
    """Every entry: the summaries of ``audit_log`` and, for each change set without one, a summary made from its
    field rows (a script's or a forgotten service's change is listed all the same)."""
    described = select(AuditLog.change_set).where(AuditLog.change_set != "")
    summaries = select(
        AuditLog.id, AuditLog.at, AuditLog.user, AuditLog.origin, AuditLog.action, AuditLog.entity,
        AuditLog.entity_id, AuditLog.summary, AuditLog.opd_id, AuditLog.change_set, AuditLog.seq, AuditLog.detail,
    )
    table = func.min(AuditChange.table_name)
    undescribed = (
        select(
            AuditChange.change_set.label("id"),
            func.min(AuditChange.at).label("at"),
            func.min(AuditChange.user).label("user"),
            func.min(AuditChange.origin).label("origin"),
            literal(UNDESCRIBED).label("action"),
            table.label("entity"),
            literal("").label("entity_id"),
            (literal("Perubahan data tanpa keterangan layanan: ") + table).label("summary"),
            case((func.count(func.distinct(AuditChange.opd_id)) == 1, func.min(AuditChange.opd_id)),
                 else_=None).label("opd_id"),
            AuditChange.change_set.label("change_set"),
            func.max(AuditChange.seq).label("seq"),
            literal("{}").label("detail"),
        )
        .where(AuditChange.change_set.not_in(described))
        .group_by(AuditChange.change_set)
    )
    return union_all(summaries, undescribed).subquery("entries")


def _filtered(query: Select[Any], e: Any, f: AuditFilter) -> Select[Any]:
    if f.since and f.until and f.since > f.until:
        raise ValidationError.single("since", "Tanggal awal sesudah tanggal akhir")
    if f.user:
        query = query.where(e.user == f.user)
    if f.opd_id:
        query = query.where(e.opd_id == f.opd_id)
    if f.kind:
        query = query.where(or_(e.action == f.kind, e.action.like(f"{f.kind}.%"), e.entity == f.kind))
    if f.since:
        query = query.where(e.at >= _utc(f.since))
    if f.until:
        query = query.where(e.at < _utc(f.until + timedelta(days=1)))
    text = f.text.strip().lower()
    if text:
        pattern = f"%{text}%"
        query = query.where(
            or_(*(func.lower(c).like(pattern) for c in (e.summary, e.action, e.entity, e.user, e.origin, e.detail)))
        )
    return query


def count_entries(db: Database, f: AuditFilter) -> int:
    source = _source()
    with db.read() as s:
        return int(s.execute(_filtered(select(func.count()).select_from(source), source.c, f)).scalar_one())


def list_entries(db: Database, f: AuditFilter, offset: int = 0, limit: int = PAGE) -> list[AuditEntry]:
    """One page of the entries the filter keeps, newest first."""
    with db.read() as s:
        return _page(s, f, offset, limit)


def _page(s: Session, f: AuditFilter, offset: int, limit: int) -> list[AuditEntry]:
    source = _source()
    e = source.c
    query = _filtered(select(source), e, f).order_by(e.at.desc(), e.seq.desc(), e.id)
    rows = s.execute(query.offset(offset).limit(limit)).all()
    opds = _opd_labels(s, {r.opd_id for r in rows if r.opd_id})
    return [
        AuditEntry(
            id=r.id, at=_as_datetime(r.at), user=r.user, origin=r.origin, action=r.action, entity=r.entity,
            entity_id=r.entity_id, summary=r.summary, opd_id=r.opd_id, opd=opds.get(r.opd_id or "", ""),
            change_set=r.change_set, seq=int(r.seq or 0), detail=r.detail,
        )
        for r in rows
    ]


def _as_datetime(value: Any) -> datetime:
    """SQLite gives a union's times back as text."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def iter_entries(db: Database, f: AuditFilter, page: int = 1000) -> Iterator[AuditEntry]:
    """Every entry the filter keeps, newest first, read a page at a time."""
    offset = 0
    while True:
        rows = list_entries(db, f, offset, page)
        yield from rows
        if len(rows) < page:
            return
        offset += page


def _opd_labels(s: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {i: a for i, a in s.execute(select(Opd.id, Opd.abbreviation).where(Opd.id.in_(ids)))}


def users(db: Database) -> list[str]:
    """Everyone the trail names, for the user filter."""
    with db.read() as s:
        found = set(s.execute(select(AuditLog.user).distinct()).scalars())
        found |= set(s.execute(select(AuditChange.user).distinct()).scalars())
        return sorted(u for u in found if u)


def kinds(db: Database) -> list[str]:
    """The families of actions in the trail (``agreement``, ``opd``…), for the kind filter."""
    with db.read() as s:
        actions = set(s.execute(select(AuditLog.action).distinct()).scalars())
        if s.execute(select(AuditChange.id).limit(1)).first() is not None:
            actions.add(UNDESCRIBED)
        return sorted({a.split(".")[0] for a in actions if a})


def opd_choices(db: Database) -> list[tuple[str, str]]:
    """(id, "Dinkes — Dinas Kesehatan") of every OPD, for the OPD filter."""
    with db.read() as s:
        rows = s.execute(select(Opd.id, Opd.abbreviation, Opd.name).order_by(Opd.sort_order, Opd.name))
        return [(i, f"{a} — {n}") for i, a, n in rows]


def opd_by_code(db: Database, code: str) -> str:
    """The id of the OPD with this code or abbreviation (``--opd``)."""
    with db.read() as s:
        return opd_id_named(s, code)


def changes_of(db: Database, entry: AuditEntry) -> list[RowChange]:
    """The rows the entry's use case inserted, changed or deleted, each with its fields before and after."""
    with db.read() as s:
        return _changes_of(s, entry)


def _changes_of(s: Session, entry: AuditEntry) -> list[RowChange]:
    if not entry.change_set:
        return _from_detail(entry)
    seqs = sorted(s.execute(select(AuditLog.seq).where(AuditLog.change_set == entry.change_set)).scalars())
    earlier = [q for q in seqs if q < entry.seq]
    query = select(AuditChange).where(AuditChange.change_set == entry.change_set, AuditChange.seq <= entry.seq)
    if earlier:
        query = query.where(AuditChange.seq > earlier[-1])
    if seqs and entry.seq == seqs[-1]:  # the last entry also takes the rows written after it
        query = select(AuditChange).where(AuditChange.change_set == entry.change_set)
        if earlier:
            query = query.where(AuditChange.seq > earlier[-1])
    return [_row_change(c) for c in s.execute(query.order_by(AuditChange.seq)).scalars()]


def _row_change(c: AuditChange) -> RowChange:
    changes = json.loads(c.changes or "{}")
    return RowChange(
        table=c.table_name,
        table_label=TABLE_LABELS.get(c.table_name, c.table_name),
        row_id=c.row_id,
        operation=c.operation,
        fields=tuple(_field(c.table_name, key, pair[0], pair[1]) for key, pair in changes.items()),
    )


def _from_detail(entry: AuditEntry) -> list[RowChange]:
    """An entry written by the package merge keeps its fields' before/after in ``detail``."""
    try:
        detail = json.loads(entry.detail or "{}")
    except ValueError:
        return []
    if not isinstance(detail, dict):
        return []
    pairs = {k: v for k, v in detail.items() if isinstance(v, list) and len(v) == 2}
    if not pairs:
        return []
    operation = {"paket-ubah": "ubah", "paket-tambah": "tambah", "paket-hapus": "hapus"}.get(entry.action, "ubah")
    fields = tuple(_field(entry.entity, key, old, new) for key, (old, new) in pairs.items())
    return [RowChange(entry.entity, TABLE_LABELS.get(entry.entity, entry.entity), entry.entity_id, operation, fields)]


def _column(table: str, field: str) -> Any:
    found = schema().tables.get(table)
    return found.c[field] if found is not None and field in found.c else None


def _field(table: str, field: str, before: Any, after: Any) -> FieldChange:
    column = _column(table, field)
    label = str(column.info.get("label", field)) if column is not None else field
    rupiah = column is not None and isinstance(column.type, BigInteger)
    return FieldChange(field, label, shown(before, rupiah=rupiah), shown(after, rupiah=rupiah), before, after)


def shown(value: Any, *, rupiah: bool = False) -> str:
    """A stored value in Indonesian formatting: ``Rp 1.250.000``, ``92,5``, ``26 Januari 2026``, ``Ya``."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        return format_rupiah(value) if rupiah else str(value)
    if isinstance(value, dict):
        if value.get("hidden"):
            return "(disembunyikan)"
        if value.get("not_loaded"):
            return "(tidak diketahui)"
        if "d" in value:
            return format_number(Decimal(value["d"]), None)
        if "date" in value:
            return format_date(date.fromisoformat(value["date"]))
        if "dt" in value:
            return format_datetime(datetime.fromisoformat(value["dt"]))
        if "bytes" in value:
            return f"berkas {format_number(int(value['bytes']), 0)} bita"
        if "text" in value:
            return f"{value['text'][:200]}… ({format_number(int(value['length']), 0)} karakter)"
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def export_xlsx(db: Database, f: AuditFilter, out: Path) -> tuple[Path, int]:
    """The filtered entries (sheet "Jejak Audit") and their field changes (sheet "Rincian") to an .xlsx file."""
    from ..interchange.xlsx_write import ColumnOut, Kind, SheetOut, WorkbookOut, write_workbook

    entries: list[list[Any]] = []
    details: list[list[Any]] = []
    with db.read() as s:
        offset = 0
        while True:
            page = _page(s, f, offset, 1000)
            for e in page:
                entries.append([e.when, e.user, e.origin, e.opd, e.action, e.entity, e.summary])
                for row in _changes_of(s, e):
                    for field in row.fields:
                        details.append([e.when, e.user, e.opd, e.action, row.table_label, row.row_id,
                                        row.operation_label, field.label, field.before, field.after])
            if len(page) < 1000:
                break
            offset += 1000
    text = Kind.TEXT
    sheets = [
        SheetOut("Jejak Audit", [ColumnOut(h, text) for h in
                                 ("Waktu", "Pengguna", "Asal", "OPD", "Tindakan", "Objek", "Ringkasan")], entries),
        SheetOut("Rincian", [ColumnOut(h, text) for h in
                             ("Waktu", "Pengguna", "OPD", "Tindakan", "Tabel", "Baris", "Operasi", "Kolom",
                              "Sebelum", "Sesudah")], details),
    ]
    path = write_workbook(Path(out), WorkbookOut(sheets), database_path=db.path)
    return path, len(entries)
