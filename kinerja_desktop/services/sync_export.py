"""Writing field packages: a master package at the centre, a field package on a laptop (see services/sync.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, update

from .. import __version__
from ..db.database import Database
from ..db.files import check_output_file
from ..db.revisions import HEAD
from ..db.sync_models import ROLE_CENTRE, ROLE_FIELD
from ..db.sync_scope import FIELD_TABLES, content_columns, sync_order
from ..db.types import new_id, utcnow
from ..interchange import audit_rows
from ..interchange.codec import CodecError, dumps
from ..interchange.enrolment import EnrolmentKeys, new_code
from ..interchange.errors import InterchangeError, RoleError
from ..interchange.manifest import COLUMNS_FORMAT_VERSION, FORMAT_VERSION, KIND_FIELD, KIND_MASTER
from ..interchange.package import paused_gc, write_package, write_package_streamed
from ..interchange.rows import (
    Bases,
    UncarriableRow,
    _centre,
    _installation,
    _load_bases,
    _next_seq,
    _regency,
    _scoped_entries,
    _scoped_rows,
    _t,
)
from . import audit
from . import users as auth
from .progress import CancelCheck, Progress, step_fraction

PACKAGE_SUFFIX = ".kinerja-paket"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    seq: int
    package_id: str
    rows: dict[str, int]
    tombstones: int
    evidence_files: int
    warnings: list[str] = field(default_factory=list)
    code: str | None = None  # master package: the enrolment code to show once and type on the laptop

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())



def export_package(
    db: Database,
    out: Path,
    *,
    opd_codes: list[str] | None = None,
    master: bool = False,
    label: str = "",
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Write a package: a master package at the centre, a field package on a laptop."""
    check_output_file(Path(out), db.path)  # never over the open database, its journal, another one or a folder
    with db.read() as session:
        me = _installation(session.connection())
    if master or me is None or me["role"] == ROLE_CENTRE:
        if me is not None and me["role"] == ROLE_FIELD:
            raise RoleError("Paket induk hanya dapat dibuat di pusat (Bappeda), bukan di laptop lapangan.")
        return export_master_package(db, out, opd_codes=opd_codes, label=label, progress=progress, cancelled=cancelled)
    return export_field_package(db, out, opd_codes=opd_codes, progress=progress, cancelled=cancelled)


def _opd_ids(conn: Connection, codes: list[str] | None) -> set[str] | None:
    if not codes:
        return None
    opd = _t("opd")
    found = {row.code: row.id for row in conn.execute(select(opd.c.id, opd.c.code).where(opd.c.code.in_(codes)))}
    missing = [code for code in codes if code not in found]
    if missing:
        raise InterchangeError(f"Kode perangkat daerah tidak dikenal: {', '.join(missing)}.")
    return set(found.values())


def _write_evidence_map(db: Database, rows: Iterable[dict[str, Any]], warnings: list[str]) -> dict[str, bytes]:
    names: dict[str, str] = {}  # sha256 -> the first file name referring to it
    for values in rows:
        names.setdefault(values["sha256"], values["file_name"])
    return dict(_evidence_files(db, names, warnings))


def _evidence_files(db: Database, names: dict[str, str], warnings: list[str]) -> Iterator[tuple[str, bytes]]:
    """(sha256, content) of the stored files named; a warning for each missing one (or no SHA-256: never a file
    outside the store)."""
    for sha, data in db.evidence.get_many(list(names)):
        if data is None:
            warnings.append(f"berkas bukti “{names[sha]}” tidak ditemukan di penyimpanan bukti")
        else:
            yield sha, data


def _uncarriable(table: str, row_id: str, exc: CodecError) -> InterchangeError:
    return InterchangeError(
        f"Paket induk tidak dibuat: baris {table} {row_id} memuat nilai yang tidak dapat dibawa paket "
        f"({exc}). Perbaiki data itu di pusat lalu buat paket lagi."
    )


def _manifest_fields(
    conn: Connection, me: dict[str, Any], kind: str, seq: int, scope: list[str], key_id: str | None, counts: dict
) -> dict[str, Any]:
    opd = _t("opd")
    codes = [r.code for r in conn.execute(select(opd.c.code).where(opd.c.id.in_(scope)))] if scope else []
    return {
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "package_id": new_id(),
        "app_version": __version__,
        "schema_revision": HEAD,
        "regency": _regency(conn),
        "source": {"installation_id": me["id"], "role": me["role"], "label": me["label"]},
        "seq": seq,
        "scope": sorted(scope),
        "scope_codes": sorted(codes),
        "key_id": key_id,
        "created_at": utcnow().isoformat(),
        "counts": counts,
    }


def export_master_package(
    db: Database,
    out: Path,
    *,
    opd_codes: list[str] | None = None,
    label: str = "",
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Centre: regency, OPDs (all, or the chosen ones), Renstra, agreements, realisations, deletions.

    Sets up a new laptop (with a fresh signing key for it) or refreshes one (the return path). The result's
    ``code`` is the one-time enrolment code the laptop's operator types to import it; it is kept nowhere.
    """
    auth.require(db, "master_package")
    out = Path(out)
    with db.write() as session:
        conn = session.connection()
        me = _centre(conn)
        if _regency(conn) is None:
            raise InterchangeError("Basis data ini belum berisi data pemerintah daerah; paket induk tidak dibuat.")
        scope_ids = _opd_ids(conn, opd_codes)
        step_fraction(progress, cancelled, 0.1, "Mengumpulkan data…")
        opd = _t("opd")
        scope = sorted(scope_ids if scope_ids is not None else (r.id for r in conn.execute(select(opd.c.id))))
        tombstones = _t("sync_tombstone")
        tomb_rows = [
            {"table": r.table_name, "id": r.row_id, "opd_id": r.opd_id}
            for r in conn.execute(select(tombstones))
            if r.opd_id is None or r.opd_id in scope
        ]
        counts: dict[str, int] = {}
        fields = _manifest_fields(conn, me, KIND_MASTER, 0, scope, None, counts)
        fields["format_version"] = COLUMNS_FORMAT_VERSION  # every table in its columns form (interchange/stream.py)
        code, key_id = new_code(), new_id()
        keys = EnrolmentKeys(code, fields["package_id"])
        now = utcnow()
        conn.execute(
            insert(_t("sync_key")).values(
                id=key_id,
                secret=keys.field_key(key_id),
                scope=json.dumps(scope),
                label=label[:200],
                created_at=now,
                updated_at=now,
                version=1,
            )
        )
        peers = _t("sync_peer")
        acknowledged = {r.installation_id: r.last_seq for r in conn.execute(select(peers))}
        seq = fields["seq"] = _next_seq(conn, me)
        warnings: list[str] = []
        evidence_names: dict[str, str] = {}  # sha256 -> the first file name referring to it
        evidence_count = 0

        def write_rows(emit: Callable[[bytes], None]) -> None:
            """rows.json one table at a time: never the whole regency in memory."""
            enrolment = {"key_id": key_id, "centre_id": me["id"]}  # the laptop derives the key from the code
            emit(b'{"acknowledged":' + dumps(acknowledged) + b',"enrolment":' + dumps(enrolment) + b',"rows":{')
            try:
                for index, table in enumerate(_scoped_entries(conn, scope_ids, regional=True)):
                    counts[table.name] = table.row_count
                    if table.name == "evidence":
                        for sha, name in zip(table.column("sha256"), table.column("file_name"), strict=True):
                            evidence_names.setdefault(sha, name)
                    head = b'{"columns":' + dumps(table.columns) + b',"values":['
                    emit((b"," if index else b"") + dumps(table.name) + b":" + head)
                    for number, text in enumerate(table.arrays):
                        if number:
                            emit(b",")  # apart: no copy of the arrays' text
                        emit(text)
                    emit(b"]}")
                    del table  # its rows let go of before the next table is read
            except UncarriableRow as exc:
                raise _uncarriable(exc.table, exc.row_id, exc) from None
            emit(b'},"tombstones":' + dumps(tomb_rows) + b"}")

        def evidence() -> Iterator[tuple[str, bytes]]:
            nonlocal evidence_count
            for sha, data in _evidence_files(db, evidence_names, warnings):
                evidence_count += 1
                yield sha, data

        step_fraction(progress, cancelled, 0.6, "Menulis paket…")
        with paused_gc():  # a table's rows are many objects alive until written: no collection among them
            write_package_streamed(out, write_rows, evidence, lambda: fields, keys.manifest_key)
        _record_export_audit(session, fields, out)
    step_fraction(progress, None, 1.0, "Paket induk selesai.")
    return ExportResult(
        out, KIND_MASTER, seq, fields["package_id"], counts, len(tomb_rows), evidence_count, warnings, code=code
    )


def export_field_package(
    db: Database,
    out: Path,
    *,
    opd_codes: list[str] | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Laptop: every row of its OPDs changed since the centre's values it holds, and its deletions."""
    auth.require(db, "package")
    out = Path(out)
    written = False
    try:
        with db.write() as session:
            conn = session.connection()
            me = _installation(conn)
            if me is None or me["role"] != ROLE_FIELD:
                raise RoleError(
                    "Basis data ini bukan laptop lapangan. Siapkan laptop dengan mengimpor paket induk dari pusat."
                )
            scope = set(json.loads(me["scope"]))
            chosen = _opd_ids(conn, opd_codes)
            if chosen is not None:
                outside = chosen - scope
                if outside:
                    raise InterchangeError("Perangkat daerah yang dipilih berada di luar cakupan laptop ini.")
                scope = chosen
            auth.require_opds(db, scope, "package")  # an operator sends its own OPDs only
            step_fraction(progress, cancelled, 0.1, "Mencari perubahan…")
            rows = _scoped_rows(conn, scope, regional=False)
            bases = _load_bases(conn)
            seq = _next_seq(conn, me)
            payload_rows: dict[str, list[dict]] = {}
            counts: dict[str, int] = {}
            sent: list[tuple[str, str, dict]] = []
            for table in sync_order():
                if table not in FIELD_TABLES:
                    continue
                content = content_columns(_t(table))
                for row_id, values in rows[table].items():
                    entry = bases.get((table, row_id))
                    base = entry["base"] if entry else None
                    if base is not None and all(values[c] == base.get(c) for c in content):
                        continue
                    payload_rows.setdefault(table, []).append(
                        {
                            "id": row_id,
                            "values": values,
                            "base": base,
                            "base_version": entry["base_version"] if entry else None,
                        }
                    )
                    sent.append((table, row_id, values))
                counts[table] = len(payload_rows.get(table, []))
            tomb_rows = []
            tombstones = _t("sync_tombstone")
            for r in conn.execute(
                select(tombstones).where(tombstones.c.origin == "lokal", tombstones.c.acked.is_(False))
            ):
                entry = bases.get((r.table_name, r.row_id))
                in_scope = r.table_name == "official" or r.opd_id in scope
                if entry is None or not in_scope:
                    continue  # created and deleted here without the centre ever knowing it
                tomb_rows.append(
                    {
                        "table": r.table_name,
                        "id": r.row_id,
                        "opd_id": r.opd_id,
                        "base": entry["base"],
                        "base_version": entry["base_version"],
                    }
                )
                conn.execute(update(tombstones).where(tombstones.c.id == r.id).values(sent_seq=seq))
            _record_sent(conn, sent, seq, bases)
            warnings: list[str] = []
            evidence = _write_evidence_map(db, (v for t, _i, v in sent if t == "evidence"), warnings)
            fields = _manifest_fields(conn, me, KIND_FIELD, seq, sorted(scope), me["key_id"], counts)
            step_fraction(progress, cancelled, 0.6, "Menulis paket…")
            payload = {"rows": payload_rows, "tombstones": tomb_rows, audit_rows.KEY: audit_rows.collect(conn, scope)}
            write_package(out, fields, payload, evidence, me["secret"])
            written = True
            _record_export_audit(session, fields, out)
    except BaseException:
        if written:
            out.unlink(missing_ok=True)  # the database does not remember it: the file must not exist
        raise
    step_fraction(progress, None, 1.0, "Paket lapangan selesai.")
    return ExportResult(out, KIND_FIELD, seq, fields["package_id"], counts, len(tomb_rows), len(evidence), warnings)


def _record_export_audit(session: Any, fields: dict[str, Any], out: Path) -> None:
    audit.record(
        session,
        "ekspor-paket",
        "package",
        fields["package_id"],
        summary=f"Paket {fields['kind']} nomor {fields['seq']} ditulis ke {out.name}",
        detail={"counts": fields["counts"], "scope": fields["scope_codes"]},
    )


def _record_sent(conn: Connection, sent: list[tuple[str, str, dict]], seq: int, bases: Bases) -> None:
    t = _t("sync_base")
    now = utcnow()
    updates, inserts = [], []
    for table, row_id, values in sent:
        entry = bases.get((table, row_id))
        text = json.dumps(values, sort_keys=True)
        if entry is not None and entry["id"] is not None:
            updates.append({"b_id": entry["id"], "sent": text, "sent_seq": seq, "updated_at": now})
        else:  # a row of its own, with the base its table's snapshot held (interchange/rows.py)
            base = entry["base"] if entry is not None else None
            inserts.append(
                {
                    "id": new_id(),
                    "table_name": table,
                    "row_id": row_id,
                    "base": json.dumps(base, sort_keys=True) if base is not None else None,
                    "base_version": entry["base_version"] if entry is not None else None,
                    "sent": text,
                    "sent_seq": seq,
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
    if updates:
        from sqlalchemy import bindparam

        conn.execute(
            update(t)
            .where(t.c.id == bindparam("b_id"))
            .values(sent=bindparam("sent"), sent_seq=bindparam("sent_seq"), updated_at=bindparam("updated_at")),
            updates,
        )
    if inserts:
        conn.execute(insert(t), inserts)
