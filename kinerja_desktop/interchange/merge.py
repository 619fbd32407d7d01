"""The merge of a package into a database: plan first (nothing written), then apply in the caller's transaction.

The rules are explained in services/sync.py's docstring. ``_plan_centre`` merges a laptop's field
package three-way against the base it carries and the values last received from that laptop;
``_plan_field`` refreshes a laptop from a master package (the centre's values win, except local edits
the centre has not acknowledged). ``_apply`` writes a plan, with tombstones, bookkeeping and audit rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from ..db.database import Database
from ..db.errors import KinerjaDbError
from ..db.sync_models import ROLE_CENTRE, ROLE_FIELD
from ..db.sync_scope import (
    AGREEMENT_CHILDREN,
    SIGNED_STATUSES,
    UNKNOWN,
    connection_lookup,
    content_columns,
    metadata_tables,
    natural_keys,
    opd_of,
    sync_order,
)
from ..db.tombstones import write_tombstone
from ..db.types import new_id, utcnow
from .admission import Admission
from .codec import TableCodec, sqlite_datetime
from .errors import MalformedContentError
from .package import Package, RowReader, codec
from .rows import (
    SNAPSHOT,
    Bases,
    SnapshotWriter,
    _chunks,
    _encode_snapshot,
    _fk_columns,
    _installation,
    _load_bases,
    _load_rows,
    _referencing,
    _t,
)

PREFER_CENTRAL = "central"
PREFER_PACKAGE = "package"


@dataclass(frozen=True)
class Conflict:
    """A decision the user must make; ``key`` identifies it in ``resolutions``."""

    table: str
    row_id: str
    field: str | None  # None: the whole row (an edit against a deletion)
    kind: str  # "kolom" | "ubah-vs-hapus" | "hapus-vs-ubah"
    base: Any
    central: Any
    incoming: Any
    label: str

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.table, self.row_id, self.field)

    def describe(self) -> str:
        if self.kind == "ubah-vs-hapus":
            return f"{self.label}: diubah di paket tetapi sudah dihapus di pusat"
        if self.kind == "hapus-vs-ubah":
            return f"{self.label}: dihapus di paket tetapi diubah di pusat"
        return (
            f"{self.label} · {self.field}: dasar {_show(self.base)}, pusat {_show(self.central)}, "
            f"paket {_show(self.incoming)}"
        )


@dataclass(frozen=True)
class Refusal:
    table: str
    row_id: str
    label: str
    reason: str

    def describe(self) -> str:
        return f"{self.label}: {self.reason}"


def _show(value: Any) -> str:
    return "(kosong)" if value is None or value == "" else str(value)[:60]


@dataclass
class _Plan:
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # encoded rows
    updates: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    deletes: list[tuple[str, str, str | None]] = field(default_factory=list)
    adopt: list[tuple[str, str, str]] = field(default_factory=list)  # laptop: (table, local id, central id)
    receipts: list[tuple[str, str, dict | None, int | None, str | None]] = field(default_factory=list)
    bases: list[tuple[str, str, dict, int]] = field(default_factory=list)
    drop_bases: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unresolved: list[Conflict] = field(default_factory=list)
    decisions: dict[tuple[str, str, str | None], str] = field(default_factory=dict)
    refused: list[Refusal] = field(default_factory=list)
    pending_local: int = 0
    untomb: list[tuple[str, str]] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)

    def insert(self, table: str, values: dict[str, Any]) -> None:
        self.inserts.setdefault(table, []).append(values)
        if table == "evidence":
            self.evidence.add(values["sha256"])


class _Labeler:
    """Short human labels of rows for conflicts: "Dinkes · indicator_realization 2026 TW2"."""

    def __init__(self, conn: Connection, package: Package) -> None:
        self.conn = conn
        self.lookup = connection_lookup(conn)
        self.incoming = {(t, r.id): r.values for t, rows in package.rows.items() for r in rows}
        opd = _t("opd")
        self.abbrev = {r.id: r.abbreviation for r in conn.execute(select(opd.c.id, opd.c.abbreviation))}
        for row in package.rows.get("opd", []):
            self.abbrev.setdefault(row.id, row.values["abbreviation"])

    def _find(self, table: str, row_id: str) -> dict[str, Any] | None:
        return self.incoming.get((table, row_id)) or self.lookup(table, row_id)

    def __call__(self, table: str, values: dict[str, Any]) -> str:
        opd = opd_of(table, values, self._find)
        parts = [self.abbrev.get(opd, "") if opd and opd != UNKNOWN else ""]
        detail = " ".join(
            str(values[c]) for c in ("code", "name", "year", "quarter", "file_name") if values.get(c) not in (None, "")
        )
        parts.append(f"{table} {detail[:60]}".strip())
        return " · ".join(p for p in parts if p)


def _resolution(conflict: Conflict, resolutions: dict | None, prefer: str | None, plan: _Plan) -> str | None:
    """The user's choice for a conflict (None: undecided). Every conflict is reported, decided or not."""
    choice = (resolutions or {}).get(conflict.key) or prefer
    plan.conflicts.append(conflict)
    if choice not in (PREFER_CENTRAL, PREFER_PACKAGE):
        plan.unresolved.append(conflict)
        return None
    plan.decisions[conflict.key] = choice
    return choice


def _is_signed(table: str, values: dict[str, Any] | None, signed: set[str]) -> bool:
    if values is None:
        return False
    if table == "performance_agreement":
        return values["id"] in signed
    if table in AGREEMENT_CHILDREN:
        return values["agreement_id"] in signed
    return False


class _NaturalIndex:
    """Natural unique keys of the rows already in the database, loaded per table when first needed."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.cache: dict[str, list[tuple[tuple[str, ...], dict[tuple, str]]]] = {}

    def match(self, table: str, values: dict[str, Any]) -> str | None:
        if table not in self.cache:
            t = _t(table)
            entries = []
            for key in natural_keys(t):
                index = {}
                for row in self.conn.execute(select(t.c.id, *[t.c[k] for k in key])):
                    value = tuple(row[1:])
                    if None not in value:
                        index[value] = row.id
                entries.append((key, index))
            self.cache[table] = entries
        for key, index in self.cache[table]:
            value = tuple(values[k] for k in key)
            if None in value:
                continue
            found = index.get(value)
            if found is not None and found != values["id"]:
                return found
        return None

    def add(self, table: str, values: dict[str, Any]) -> None:
        for key, index in self.cache.get(table, []):
            value = tuple(values[k] for k in key)
            if None not in value:
                index[value] = values["id"]


def _children_blocking(conn: Connection, table: str, row_id: str, deleting: set[tuple[str, str]]) -> int:
    count = 0
    for child, column, ondelete in _referencing(table):
        if child not in metadata_tables() or (ondelete or "").upper() == "SET NULL":
            continue
        if child.startswith("sync_") or child == "audit_log":
            continue
        t = _t(child)
        for r in conn.execute(select(t.c.id).where(t.c[column] == row_id)):
            if (child, r.id) not in deleting:
                count += 1
    return count


def _plan_centre(
    conn: Connection, package: Package, resolutions: dict | None, prefer: str | None, labeler: _Labeler
) -> _Plan:
    plan = _Plan()
    source = package.source_id
    rt = _t("sync_received")
    receipts = {(r.table_name, r.row_id): r for r in conn.execute(select(rt).where(rt.c.installation_id == source))}
    alias = {(r.table_name, r.row_id): r.local_id for r in receipts.values() if r.local_id}
    admission = Admission(conn, package)
    natural = _NaturalIndex(conn)
    tt = _t("sync_tombstone")
    for table in sync_order():
        incoming = package.rows.get(table)
        if not incoming:
            continue
        fks = _fk_columns(table)
        for row in incoming:
            for column, target in fks:
                ref = row.values.get(column)
                if ref is not None and (target, ref) in alias:
                    row.values[column] = alias[(target, ref)]
        ids = [alias.get((table, r.id), r.id) for r in incoming]
        central_rows = _load_rows(conn, table, ids)
        tombstoned = {
            r.row_id
            for chunk in _chunks(ids)
            for r in conn.execute(select(tt.c.row_id).where(tt.c.table_name == table, tt.c.row_id.in_(chunk)))
        }
        content = content_columns(_t(table))
        for row in incoming:
            target_id = alias.get((table, row.id), row.id)
            rec = receipts.get((table, row.id))
            if rec is not None and rec.row_values is not None and rec.base_version == row.base_version:
                prev = json.loads(rec.row_values)
            else:
                prev = row.base
            changed = [f for f in content if prev is None or row.values[f] != prev.get(f)]
            central = central_rows.get(target_id)
            admission.check_scope(table, row.values, central)
            label = labeler(table, row.values)
            if central is None and target_id in tombstoned:
                plan.receipts.append((table, row.id, row.values, row.base_version, _alias_of(target_id, row.id)))
                if not changed:
                    continue
                conflict = Conflict(table, row.id, None, "ubah-vs-hapus", prev, None, row.values, label)
                reason = admission.refusal(table, row.values, None, prev)
                if reason:
                    plan.refused.append(Refusal(table, row.id, label, reason))
                    continue
                if _resolution(conflict, resolutions, prefer, plan) == PREFER_PACKAGE:
                    plan.insert(table, {**row.values, "id": target_id})
                    plan.untomb.append((table, target_id))
                continue
            if central is None:
                other = natural.match(table, {**row.values, "id": target_id})
                if other is None:
                    plan.receipts.append((table, row.id, row.values, row.base_version, None))
                    reason = admission.refusal(table, row.values, None, prev)
                    if reason:
                        plan.refused.append(Refusal(table, row.id, label, reason))
                        continue
                    plan.insert(table, row.values)
                    natural.add(table, row.values)
                    continue
                # Both sides created "the same" row: one row, fields merged two-way, alias remembered.
                alias[(table, row.id)] = other
                target_id = other
                central = _load_rows(conn, table, [other])[other]
                admission.check_scope(table, row.values, central)
                prev = None
                changed = list(content)
            plan.receipts.append((table, row.id, row.values, row.base_version, _alias_of(target_id, row.id)))
            updates: dict[str, Any] = {}
            row_conflicts = []
            for f in changed:
                mine, theirs = central[f], row.values[f]
                if mine == theirs:
                    continue
                base_value = prev.get(f) if prev is not None else None
                if prev is not None and mine == base_value:
                    updates[f] = theirs
                    continue
                row_conflicts.append(Conflict(table, target_id, f, "kolom", base_value, mine, theirs, label))
            reason = admission.refusal(table, row.values, central, prev) if updates or row_conflicts else None
            if reason:
                plan.refused.append(Refusal(table, target_id, label, reason))
                continue
            for conflict in row_conflicts:
                if _resolution(conflict, resolutions, prefer, plan) == PREFER_PACKAGE and conflict.field:
                    updates[conflict.field] = conflict.incoming
            if updates:
                plan.updates.append((table, target_id, updates, central))
                if table == "evidence" and "sha256" in updates:
                    plan.evidence.add(updates["sha256"])
    _plan_centre_deletions(conn, package, plan, receipts, alias, admission, resolutions, prefer, labeler)
    return plan


def _alias_of(target_id: str, row_id: str) -> str | None:
    return target_id if target_id != row_id else None


def _plan_centre_deletions(
    conn: Connection,
    package: Package,
    plan: _Plan,
    receipts: dict,
    alias: dict,
    admission: Admission,
    resolutions: dict | None,
    prefer: str | None,
    labeler: _Labeler,
) -> None:
    order = {table: i for i, table in enumerate(sync_order())}
    tombs = sorted(package.tombstones, key=lambda t: -order.get(t.table, 0))
    deleting = {(t.table, alias.get((t.table, t.id), t.id)) for t in tombs}
    for tomb in tombs:
        target_id = alias.get((tomb.table, tomb.id), tomb.id)
        rec = receipts.get((tomb.table, tomb.id))
        plan.receipts.append((tomb.table, tomb.id, None, tomb.base_version, _alias_of(target_id, tomb.id)))
        if rec is not None and rec.row_values is None and rec.base_version == tomb.base_version:
            continue  # this deletion was already decided
        central = _load_rows(conn, tomb.table, [target_id]).get(target_id)
        if central is None:
            continue
        admission.check_scope(tomb.table, None, central)
        if rec is not None and rec.row_values is not None and rec.base_version == tomb.base_version:
            prev = json.loads(rec.row_values)
        else:
            prev = tomb.base
        content = content_columns(_t(tomb.table))
        label = labeler(tomb.table, central)
        reason = admission.refusal(tomb.table, None, central)
        if reason:
            plan.refused.append(Refusal(tomb.table, target_id, label, reason))
            continue
        blocking = _children_blocking(conn, tomb.table, target_id, deleting)
        if blocking:
            plan.refused.append(
                Refusal(tomb.table, target_id, label, f"tidak dihapus: masih dipakai {blocking} baris lain di pusat")
            )
            continue
        central_changed = prev is None or any(central[f] != prev.get(f) for f in content)
        if central_changed:
            conflict = Conflict(tomb.table, target_id, None, "hapus-vs-ubah", prev, central, None, label)
            if _resolution(conflict, resolutions, prefer, plan) != PREFER_PACKAGE:
                continue
        plan.deletes.append((tomb.table, target_id, tomb.opd_id))


def _plan_field(conn: Connection, package: Package, me: dict[str, Any], labeler: _Labeler) -> _Plan:
    """Laptop: the centre's values win, except local edits the centre has not acknowledged yet."""
    plan = _Plan()
    ack = package.acknowledged.get(me["id"], 0)
    bases = _load_bases(conn)
    tt = _t("sync_tombstone")
    local_tombs = {(r.table_name, r.row_id): r for r in conn.execute(select(tt).where(tt.c.origin == "lokal"))}
    signed = {r.id for r in package.rows.get("performance_agreement", []) if r.values["status"] in SIGNED_STATUSES}
    natural = _NaturalIndex(conn)
    incoming_ids = {(t, r.id) for t, rows in package.rows.items() for r in rows}

    def acked_sent(entry: dict | None) -> dict | None:
        if entry and entry["sent"] is not None and entry["sent_seq"] is not None and entry["sent_seq"] <= ack:
            return entry["sent"]
        return None

    for table in sync_order():
        incoming = package.rows.get(table)
        if not incoming:
            continue
        local_rows = _load_rows(conn, table, [r.id for r in incoming])
        content = content_columns(_t(table))
        for row in incoming:
            central = row.values
            plan.bases.append((table, row.id, central, central["version"]))
            local = local_rows.get(row.id)
            entry = bases.get((table, row.id))
            adopted = False
            if local is None:
                other = natural.match(table, central)
                if other is not None and (table, other) not in incoming_ids:
                    adopted = True
                    plan.adopt.append((table, other, row.id))
                    local = _load_rows(conn, table, [other])[other]
                    entry = bases.get((table, other))
                    plan.drop_bases.append((table, other))
                else:
                    tomb = local_tombs.get((table, row.id))
                    if tomb is not None and not (tomb.sent_seq is not None and tomb.sent_seq <= ack):
                        plan.pending_local += 1  # deleted here; the centre has not seen it yet
                        continue
                    if tomb is not None:
                        plan.untomb.append((table, row.id))
                    plan.insert(table, central)
                    natural.add(table, central)
                    continue
            base = entry["base"] if entry else None
            sent = acked_sent(entry)
            take_all = _is_signed(table, central, signed)
            merged = {}
            for f in content:
                mine = local[f]
                if mine == central[f]:
                    continue
                if take_all or (base is not None and mine == base.get(f)) or (sent is not None and mine == sent.get(f)):
                    merged[f] = central[f]
                else:
                    plan.pending_local += 1
            if adopted:
                plan.insert(table, {**local, **merged, "id": row.id, "version": central["version"]})
                continue
            if merged:
                plan.updates.append((table, row.id, merged, local))
                if table == "evidence" and "sha256" in merged:
                    plan.evidence.add(merged["sha256"])
    order = {table: i for i, table in enumerate(sync_order())}
    tombs = sorted(package.tombstones, key=lambda t: -order.get(t.table, 0))
    deleting = {(t.table, t.id) for t in tombs}
    for dead in tombs:
        local = _load_rows(conn, dead.table, [dead.id]).get(dead.id)
        if local is None:
            plan.drop_bases.append((dead.table, dead.id))
            continue
        entry = bases.get((dead.table, dead.id))
        content = content_columns(_t(dead.table))
        base = entry["base"] if entry else None
        sent = acked_sent(entry)
        clean = (base is not None and all(local[f] == base.get(f) for f in content)) or (
            sent is not None and all(local[f] == sent.get(f) for f in content)
        )
        if not clean or _children_blocking(conn, dead.table, dead.id, deleting):
            plan.pending_local += 1  # edited here after the centre deleted it: sent back, decided there
            continue
        plan.deletes.append((dead.table, dead.id, dead.opd_id))
        plan.drop_bases.append((dead.table, dead.id))
    del labeler
    return plan


# ---------------------------------------------------------------------------------------------- apply


def _insert_rows(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert validated JSON rows; on SQLite straight through the driver (a master import's hot path).

    A server checks foreign keys at each statement (SQLite defers them to the commit): a row referring to another
    row of the same table is inserted after it.
    """
    c = codec(table)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(c.insert_sql, [c.to_storage(values) for values in rows])
    else:
        for batch in _parents_first(table, rows):
            conn.execute(insert(_t(table)), [c.decode(values) for values in batch])


def _parents_first(table: str, rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Rows in waves: each wave refers (within the table) only to rows already there or in earlier waves."""
    own = [fk.parent.name for fk in _t(table).foreign_keys if fk.column.table.name == table]
    if not own:
        return [rows]
    waiting = {values["id"]: values for values in rows}
    waves: list[list[dict[str, Any]]] = []
    while waiting:
        wave = [v for v in waiting.values() if not any(v.get(c) in waiting and v.get(c) != v["id"] for c in own)]
        if not wave:  # a cycle: the foreign-key check says which row
            wave = list(waiting.values())
        waves.append(wave)
        for values in wave:
            del waiting[values["id"]]
    return waves


def _bulk_insert(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows of plain Python values (bookkeeping and audit tables)."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(_t(table)), rows)
        return
    columns = list(rows[0])
    sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" for _ in columns)})'

    def cell(value: Any) -> Any:
        return sqlite_datetime(value) if isinstance(value, datetime) else value

    conn.exec_driver_sql(sql, [tuple(cell(row[c]) for c in columns) for row in rows])


def _audit_row(
    now: datetime, user: str, origin: str, action: str, table: str, row_id: str, summary: str, detail: dict
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "at": now,
        "user": user,
        "origin": origin,
        "action": action,
        "entity": table,
        "entity_id": row_id,
        "summary": summary,
        "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True),
    }


SETUP_BATCH = 2000  # rows inserted at a time by apply_setup (at least: the reader's batches are added whole)
_row_id = attrgetter("id")
_row_picked = attrgetter("picked")
# zlib level of the snapshots apply_setup writes: 1 takes half the time of 6, for ≈ 15 % more bytes (5,7 against
# 5,0 MB of snapshot text at 60 OPDs × 40 indicators; the laptop's file 37,8 against 37,7 MB, 1,15× the centre's)
SETUP_COMPRESSION = 1


def apply_setup(
    conn: Connection, reader: RowReader, origin: str, db: Database, *, user: str = ""
) -> tuple[Package, dict[str, int]]:
    """Set up an empty laptop (SQLite) from a master package, its rows inserted as they are read and checked.

    What ``_plan_field`` and ``_apply`` do for an empty database, without holding the package: every row is new;
    its base goes into its table's snapshot, written as the rows come (rows.SnapshotWriter); one audit entry per
    table; the evidence files (written first and let go of: a package refused after leaves at most unreferenced
    files, as with :func:`_write_evidence_files`), the foreign-key check. (Writing the files in a second thread
    while the rows are inserted was tried: twice slower, each file's system calls waiting for the interpreter's
    lock.) Rows come in
    the file's order of tables (foreign keys are deferred to the commit). Returns the package (without its rows)
    once all of it is checked, and the rows inserted per table; the caller creates the installation and records
    the import in the same transaction.
    """
    _write_evidence_files(db, reader.head(), _Plan(evidence=set(reader.evidence)), conn)
    for sha in reader.evidence:
        reader.evidence[sha] = b""  # written: let go of (the names stay, to check each is referenced)
    package, counts = _insert_setup(conn, reader, origin, user)
    _check_foreign_keys(conn, package)
    return package, counts


def _insert_setup(conn: Connection, reader: RowReader, origin: str, user: str) -> tuple[Package, dict[str, int]]:
    now = utcnow()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    audit_rows: list[dict[str, Any]] = []
    snapshots: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    order = {table: i for i, table in enumerate(sync_order())}
    indexes = _DeferredIndexes(conn)
    furthest = -1
    for table, parts in reader.table_batches(picked=True):
        if order.get(table, -1) < furthest:  # a table after one of its children: its rows may look theirs up
            indexes.restore()  # (the deferred foreign keys, see _DeferredIndexes), never without the indexes
        furthest = max(furthest, order.get(table, -1))
        batch = _SetupBatch(codec(table))
        snapshot = SnapshotWriter(batch.columns, SETUP_COMPRESSION)
        count = 0
        pick = batch.pick
        ids, picked = batch.ids, batch.picked
        for part in parts:
            ids.extend(map(_row_id, part))
            in_order = list(map(_row_picked, part))
            picked.extend(in_order if None not in in_order else (pick(row.values) for row in part))
            if len(ids) >= SETUP_BATCH:
                count += batch.insert(conn, snapshot)
        count += batch.insert(conn, snapshot)
        if not count:
            continue
        counts[table] = count
        summary = f"{count} baris dari paket induk (penyiapan laptop)"
        audit_rows.append(_audit_row(now, user, origin, "paket-tambah", table, "", summary, {}))
        snapshots.append(
            {
                "id": new_id(),
                "table_name": SNAPSHOT,
                "row_id": table,
                "base_version": None,
                "base": snapshot.text(),
                "sent": None,
                "sent_seq": None,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
    package = reader.package({})
    _bulk_insert(conn, "sync_base", snapshots)
    audit_rows.sort(key=lambda row: order.get(row["entity"], 0))
    _bulk_insert(conn, "audit_log", audit_rows)
    indexes.restore()
    return package, counts


class _SetupBatch:
    """A table's checked rows inserted a batch at a time (SQLite), their bases added to the table's snapshot.

    Each row's values come picked in the columns' order (:attr:`IncomingRow.picked`, made when its batch was
    checked; else ``TableCodec.pick``: no Python call per value, the row's dict let go of at once): that tuple
    is the row's base in the snapshot (JSON values) and, with the columns
    SQLite stores in another form (times, binary data) converted a column at a time
    (:meth:`TableCodec.picked_to_storage`), its parameters for :attr:`TableCodec.insert_sql`.
    """

    def __init__(self, table_codec: TableCodec) -> None:
        self.codec = table_codec
        self.columns = list(table_codec.columns)
        self.pick = table_codec.pick
        self.ids: list[str] = []
        self.picked: list[tuple] = []

    def insert(self, conn: Connection, snapshot: SnapshotWriter) -> int:
        """Insert the rows picked so far (and empty the batch); returns how many."""
        picked = self.picked
        if not picked:
            return 0
        snapshot.add(dict(zip(self.ids, picked, strict=True)))
        conn.exec_driver_sql(self.codec.insert_sql, self.codec.picked_to_storage(picked))
        count = len(picked)
        self.ids.clear()
        self.picked.clear()
        return count


class _DeferredIndexes:
    """The indexes that check nothing, dropped while an empty laptop is filled and made again after the rows
    (:meth:`restore`), in the same transaction: what loading a dump does (rows first, then ``CREATE INDEX``).

    Dropped: indexes made by ``CREATE INDEX`` that are not unique. Kept: primary keys, unique constraints and
    unique indexes (they are checks), and an index on a column referring to its own table: with foreign keys
    deferred, a row inserted while a reference is still unresolved looks up the rows referring to it, through
    such an index (the caller restores every index before a table that comes after one of its children, for the
    same reason). A rolled-back import gives the schema back as it was (SQLite's DDL is transactional); a
    restored schema is the migrated one, each index made again from its own ``CREATE INDEX`` text.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        tables = metadata_tables().values()
        own = {(t.name, fk.parent.name) for t in tables for fk in t.foreign_keys if fk.column.table is t}
        found = conn.exec_driver_sql(
            "SELECT m.name, m.tbl_name, m.sql FROM sqlite_master AS m "
            "JOIN pragma_index_list(m.tbl_name) AS l ON l.name = m.name "
            "WHERE m.type = 'index' AND m.sql IS NOT NULL AND l.origin = 'c' AND l.\"unique\" = 0 ORDER BY m.name"
        ).fetchall()
        self.dropped: list[tuple[str, str]] = []
        for name, table, sql in found:
            columns = [r[2] for r in conn.exec_driver_sql(f'SELECT * FROM pragma_index_info("{name}")')]
            if any((table, column) in own for column in columns):
                continue
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self.dropped.append((name, sql))

    def restore(self) -> None:
        for _name, sql in self.dropped:
            self.conn.exec_driver_sql(sql)
        self.dropped = []


def _check_foreign_keys(conn: Connection, package: Package) -> None:
    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        table, rowid, parent = problems[0][0], problems[0][1], problems[0][2]
        raise MalformedContentError(
            package.name,
            f"{len(problems)} baris merujuk data yang tidak ada (mis. tabel {table} → {parent}, baris {rowid})",
        )


def _apply(
    conn: Connection,
    plan: _Plan,
    package: Package,
    origin: str,
    role: str,
    db: Database,
    *,
    setup: bool = False,
    user: str = "",
) -> None:
    now = utcnow()
    audit_rows: list[dict[str, Any]] = []

    def audit(action: str, table: str, row_id: str, summary: str, detail: dict) -> None:
        audit_rows.append(_audit_row(now, user, origin, action, table, row_id, summary, detail))

    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table, old_id, new_id_ in plan.adopt:
        for child, column, _ondelete in _referencing(table):
            if child.startswith("sync_") or child == "audit_log":
                continue
            t = _t(child)
            conn.execute(update(t).where(t.c[column] == old_id).values({column: new_id_}))
        t = _t(table)
        conn.execute(delete(t).where(t.c.id == old_id))
        audit("paket-gabung", table, old_id, f"Baris {old_id} disatukan dengan baris pusat {new_id_}", {})
    for table in sync_order():
        rows = plan.inserts.get(table)
        if not rows:
            continue
        if role == ROLE_CENTRE:  # the centre numbers versions: a row new to it is at version 1
            stamp = now.isoformat()
            rows = [{**values, "version": 1, "updated_at": stamp} for values in rows]
        _insert_rows(conn, table, rows)
        if setup:  # a laptop set up from a master package: one entry per table, not thousands
            audit("paket-tambah", table, "", f"{len(rows)} baris dari paket induk (penyiapan laptop)", {})
        else:
            for values in rows:
                audit("paket-tambah", table, values["id"], "Baris baru dari paket", {})
    for table, row_id, changes, old in plan.updates:
        c = codec(table)
        decoded = c.decode({**old, **changes})
        t = _t(table)
        values = {f: decoded[f] for f in changes}
        conn.execute(update(t).where(t.c.id == row_id).values(**values, version=t.c.version + 1, updated_at=now))
        audit("paket-ubah", table, row_id, "Diubah dari paket", {f: [old[f], v] for f, v in changes.items()})
    order = {table: index for index, table in enumerate(sync_order())}
    deletes = plan.deletes if sqlite else sorted(plan.deletes, key=lambda d: -order.get(d[0], 0))  # children first
    for table, row_id, opd_id in deletes:
        t = _t(table)
        conn.execute(delete(t).where(t.c.id == row_id))
        write_tombstone(
            conn,
            table,
            row_id,
            opd_id,
            "pusat" if role == ROLE_FIELD else f"paket:{package.source_id}",
            acked=role == ROLE_FIELD,
        )
        audit("paket-hapus", table, row_id, "Dihapus karena paket", {})
    tt = _t("sync_tombstone")
    for table, row_id in plan.untomb:
        conn.execute(delete(tt).where(tt.c.table_name == table, tt.c.row_id == row_id))
    _apply_bookkeeping(conn, plan, package, role, now)
    _bulk_insert(conn, "audit_log", audit_rows)
    _write_evidence_files(db, package, plan, conn)
    if sqlite:
        _check_foreign_keys(conn, package)


def _apply_bookkeeping(conn: Connection, plan: _Plan, package: Package, role: str, now: datetime) -> None:
    if role == ROLE_CENTRE and plan.receipts:
        rt = _t("sync_received")
        source = package.source_id
        keys = {(t, r) for t, r, *_ in plan.receipts}
        for table in {t for t, _ in keys}:
            ids = [r for t, r in keys if t == table]
            for chunk in _chunks(ids):
                conn.execute(
                    delete(rt).where(rt.c.installation_id == source, rt.c.table_name == table, rt.c.row_id.in_(chunk))
                )
        latest = {}
        for table, row_id, values, base_version, local_id in plan.receipts:
            latest[(table, row_id)] = {
                "id": new_id(),
                "installation_id": source,
                "table_name": table,
                "row_id": row_id,
                "base_version": base_version,
                "row_values": json.dumps(values, sort_keys=True) if values is not None else None,
                "seq": package.seq,
                "local_id": local_id,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        _bulk_insert(conn, "sync_received", list(latest.values()))
    if role == ROLE_FIELD:
        _apply_bases(conn, plan, package, now)


def _apply_bases(conn: Connection, plan: _Plan, package: Package, now: datetime) -> None:
    """Laptop: the merge base advances to the centre's values; values last sent are kept.

    A row with an entry of its own (values sent back, rows.py) has it updated; the others' bases go into their
    table's compressed snapshot (rows.SNAPSHOT), rewritten once per table the package touches.
    """
    from sqlalchemy import bindparam

    bt = _t("sync_base")
    bases = Bases(conn)
    own = {key: entry["id"] for key, entry in bases.rows.items()}
    received = {(t, r) for t, r, *_ in plan.bases}
    dropped = set(plan.drop_bases) - received
    drop = [own[key] for key in dropped if key in own]
    for chunk in _chunks(drop):
        conn.execute(delete(bt).where(bt.c.id.in_(chunk)))
    updates = []
    encode = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode
    into_snapshot: dict[str, dict[str, dict[str, Any]]] = {}
    for table, row_id, values, version in plan.bases:
        key = own.get((table, row_id))
        if key is not None:
            updates.append({"b_id": key, "base": encode(values), "base_version": version, "updated_at": now})
        else:
            into_snapshot.setdefault(table, {})[row_id] = values
    if updates:
        conn.execute(
            update(bt)
            .where(bt.c.id == bindparam("b_id"))
            .values(base=bindparam("base"), base_version=bindparam("base_version"), updated_at=bindparam("updated_at")),
            updates,
        )
    for table in sorted(set(into_snapshot) | {t for t, _r in dropped}):
        columns = list(codec(table).columns)
        old = bases.snapshot(table)
        rows: dict[str, list[Any]] = {}
        if old is not None:
            old_columns, old_rows = old
            if old_columns == columns:
                rows = old_rows
            else:  # a schema upgraded since: a column the old base lacks is unknown (None)
                rows = {
                    k: [dict(zip(old_columns, v, strict=True)).get(c) for c in columns] for k, v in old_rows.items()
                }
        for table_, row_id in dropped:
            if table_ == table:
                rows.pop(row_id, None)
        for row_id, values in into_snapshot.get(table, {}).items():
            rows[row_id] = [values[c] for c in columns]
        for table_, row_id in own:
            if table_ == table:
                rows.pop(row_id, None)  # its own entry holds its base
        text = _encode_snapshot(columns, rows)
        if table in bases.snapshot_ids:
            conn.execute(update(bt).where(bt.c.id == bases.snapshot_ids[table]).values(base=text, updated_at=now))
        else:
            _bulk_insert(
                conn,
                "sync_base",
                [
                    {
                        "id": new_id(),
                        "table_name": SNAPSHOT,
                        "row_id": table,
                        "base_version": None,
                        "base": text,
                        "sent": None,
                        "sent_seq": None,
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                    }
                ],
            )
    me = _installation(conn)
    ack = package.acknowledged.get(me["id"], 0) if me else 0
    tt = _t("sync_tombstone")
    conn.execute(
        update(tt).where(tt.c.origin == "lokal", tt.c.sent_seq.is_not(None), tt.c.sent_seq <= ack).values(acked=True)
    )


def _write_evidence_files(db: Database, package: Package, plan: _Plan, conn: Connection) -> None:
    """Put the package's evidence files in the content-addressed store (checked against their names).

    Written before the commit: a rolled-back import leaves at most unreferenced files, never a row
    without its file (on a server they are rows of the same transaction). (Threads were tried: no faster on
    ext4 here.)
    """
    store = db.evidence
    if not store.available:
        return
    items = [(sha, package.evidence[sha]) for sha in sorted(plan.evidence) if sha in package.evidence]
    try:
        store.put_many(items, conn, hashed=True)  # each hashed by the package's reader, against its name
    except KinerjaDbError as exc:
        raise MalformedContentError(package.name, str(exc).rstrip(".")) from None
