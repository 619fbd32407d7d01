"""Field packages between kecamatan laptops and Bappeda: export, preview, merge on import.

The design (the issue's point 3):

* The centre (Bappeda, role ``pusat``) is the only authority; it numbers row versions. A laptop (role
  ``lapangan``) is set up from a *master package* (regency, OPDs, Renstra, agreements) that also gives
  it a signing key. A laptop remembers for each row the values it last received (``sync_base``) and
  derives what it changed by comparing with them; no timestamp is ever used to decide.
* A *field package* carries, signed (HMAC-SHA256), every row of the laptop's OPDs that differs from its
  base, with that base, plus its deletions (tombstones). Packages are cumulative (everything not yet
  acknowledged by the centre) and numbered per installation: a replay or an older package changes
  nothing, a gap is reported (and harmless, the next package holds everything).
* The centre merges field by field against the base (three-way). It remembers per installation the
  values last received (``sync_received``), so re-sending an edit it already decided is not a new
  conflict. A field changed on one side only takes that side; changed on both to different values is
  a conflict the user decides (per field, or all for one side); an edit against a deletion is a
  conflict; signed agreements (and their items and programs) are never overwritten: such changes are
  refused and reported. Rows that both sides created with the same natural key (e.g. a target of the
  same indicator and year) are treated as one row: fields merged two-way, the alias remembered.
* The return path: a master package re-imported by a laptop refreshes it. The centre's values win,
  except local edits the centre has not seen yet (edits after the last package the centre
  acknowledged), which stay pending and are sent again; the merge base advances.
* Every import is one transaction, idempotent, previewed before anything is written, and audited with
  the package's origin.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from .. import __version__
from ..db.database import Database
from ..db.revisions import HEAD, REVISIONS
from ..db.sync_models import ROLE_CENTRE, ROLE_FIELD
from ..db.types import new_id, utcnow
from ..interchange.errors import (
    CancelledError,
    InterchangeError,
    MalformedContentError,
    RoleError,
    SignatureError,
    UnresolvedConflictsError,
    WrongRegencyError,
)
from ..interchange.manifest import FORMAT_VERSION, KIND_FIELD, KIND_MASTER
from ..interchange.merge import (
    PREFER_CENTRAL,
    PREFER_PACKAGE,
    Conflict,
    Refusal,
    _apply,
    _Labeler,
    _Plan,
    _plan_centre,
    _plan_field,
)
from ..interchange.package import IncomingRow, IncomingTombstone, Package, read_package, write_package
from ..interchange.rows import (
    _centre,
    _create_installation,
    _installation,
    _load_bases,
    _next_seq,
    _regency,
    _scoped_rows,
    _t,
    evidence_path,
)
from ..interchange.tables import (
    BOOKKEEPING,
    FIELD_TABLES,
    GLOBAL_TABLES,
    UNKNOWN,
    connection_lookup,
    content_columns,
    opd_of,
    sync_order,
)
from .audit import current_user

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]

PACKAGE_SUFFIX = ".kinerja-paket"

# ---------------------------------------------------------------------------------------------- results


@dataclass
class ImportReport:
    """The preview of an import (``applied`` False) or what it did (``applied`` True)."""

    package_name: str
    kind: str
    source_id: str
    source_label: str
    seq: int
    created_at: datetime
    regency_name: str
    added: int = 0
    changed: int = 0
    deleted: int = 0
    pending_local: int = 0  # laptop: local edits kept because the centre has not seen them yet
    conflicts: list[Conflict] = field(default_factory=list)  # every conflict, decided or not
    decisions: dict[tuple[str, str, str | None], str] = field(default_factory=dict)  # key -> central|package
    refused: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    already_imported: bool = False
    applied: bool = False

    def summary(self) -> str:
        if self.already_imported:
            return "paket ini sudah pernah diimpor; tidak ada yang berubah"
        text = (
            f"{'akan ' if not self.applied else ''}menambah {self.added}, mengubah {self.changed}, "
            f"menghapus {self.deleted}, konflik {len(self.conflicts)}"
        )
        if self.refused:
            text += f", ditolak {len(self.refused)}"
        return text

    def lines(self) -> list[str]:
        lines = [
            f"Paket: {self.package_name} ({'paket induk' if self.kind == KIND_MASTER else 'paket lapangan'} "
            f"nomor {self.seq} dari {self.source_label}, {self.regency_name})",
            self.summary(),
        ]
        lines.extend(f"Peringatan: {w}" for w in self.warnings)
        for c in self.conflicts:
            choice = self.decisions.get(c.key)
            decided = {PREFER_CENTRAL: " → nilai pusat", PREFER_PACKAGE: " → nilai paket"}.get(choice or "", "")
            lines.append(f"Konflik: {c.describe()}{decided}")
        lines.extend(f"Ditolak: {r.describe()}" for r in self.refused)
        if self.pending_local:
            lines.append(f"{self.pending_local} perubahan di laptop ini belum diterima pusat dan tetap disimpan.")
        return lines


ImportPreview = ImportReport


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

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


@dataclass(frozen=True)
class InstallationInfo:
    id: str
    role: str
    label: str
    regency_id: str | None
    scope: list[str]
    last_seq: int


def _tick(progress: Progress | None, cancel: Cancel | None, fraction: float, message: str) -> None:
    if cancel is not None and cancel():
        raise CancelledError()
    if progress is not None:
        progress(fraction, message)


def installation_info(db: Database) -> InstallationInfo | None:
    """Who this database is in the exchange (None until it first exports or imports a package)."""
    with db.read() as session:
        me = _installation(session.connection())
    if me is None:
        return None
    return InstallationInfo(
        me["id"], me["role"], me["label"], me["regency_id"], json.loads(me["scope"]), me["last_seq"]
    )


# ---------------------------------------------------------------------------------------------- export


def export_package(
    db: Database,
    out: Path,
    *,
    opd_codes: list[str] | None = None,
    master: bool = False,
    label: str = "",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write a package: a master package at the centre, a field package on a laptop."""
    with db.read() as session:
        me = _installation(session.connection())
    if master or me is None or me["role"] == ROLE_CENTRE:
        if me is not None and me["role"] == ROLE_FIELD:
            raise RoleError("Paket induk hanya dapat dibuat di pusat (Bappeda), bukan di laptop lapangan.")
        return export_master_package(db, out, opd_codes=opd_codes, label=label, progress=progress, cancel=cancel)
    return export_field_package(db, out, opd_codes=opd_codes, progress=progress, cancel=cancel)


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
    evidence: dict[str, bytes] = {}
    folder = db.evidence_dir
    for values in rows:
        sha = values["sha256"]
        if sha in evidence:
            continue
        path = evidence_path(folder, sha) if folder is not None else None
        if path is not None and path.is_file():
            evidence[sha] = path.read_bytes()
        else:
            warnings.append(f"berkas bukti “{values['file_name']}” tidak ditemukan di penyimpanan bukti")
    return evidence


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
    cancel: Cancel | None = None,
) -> ExportResult:
    """Centre: regency, OPDs (all, or the chosen ones), Renstra, agreements, realisations, deletions.

    Sets up a new laptop (with a fresh signing key for it) or refreshes one (the return path).
    """
    out = Path(out)
    with db.write() as session:
        conn = session.connection()
        me = _centre(conn)
        if _regency(conn) is None:
            raise InterchangeError("Basis data ini belum berisi data pemerintah daerah; paket induk tidak dibuat.")
        scope_ids = _opd_ids(conn, opd_codes)
        _tick(progress, cancel, 0.1, "Mengumpulkan data…")
        rows = _scoped_rows(conn, scope_ids, regional=True)
        scope = sorted(scope_ids if scope_ids is not None else rows["opd"])
        tombstones = _t("sync_tombstone")
        tomb_rows = [
            {"table": r.table_name, "id": r.row_id, "opd_id": r.opd_id}
            for r in conn.execute(select(tombstones))
            if r.opd_id is None or r.opd_id in scope
        ]
        key_id, secret = new_id(), secrets.token_hex(32)
        now = utcnow()
        conn.execute(
            insert(_t("sync_key")).values(
                id=key_id,
                secret=secret,
                scope=json.dumps(scope),
                label=label[:200],
                created_at=now,
                updated_at=now,
                version=1,
            )
        )
        peers = _t("sync_peer")
        acknowledged = {r.installation_id: r.last_seq for r in conn.execute(select(peers))}
        seq = _next_seq(conn, me)
        warnings: list[str] = []
        evidence = _write_evidence_map(db, rows["evidence"].values(), warnings)
        counts = {table: len(values) for table, values in rows.items()}
        payload = {
            "rows": {table: [{"id": k, "values": v} for k, v in values.items()] for table, values in rows.items()},
            "tombstones": tomb_rows,
            "enrolment": {"key_id": key_id, "secret": secret, "centre_id": me["id"]},
            "acknowledged": acknowledged,
        }
        fields = _manifest_fields(conn, me, KIND_MASTER, seq, scope, None, counts)
        _tick(progress, cancel, 0.6, "Menulis paket…")
        write_package(out, fields, payload, evidence, None)
        _record_export_audit(session, fields, out)
    _tick(progress, None, 1.0, "Paket induk selesai.")
    return ExportResult(out, KIND_MASTER, seq, fields["package_id"], counts, len(tomb_rows), len(evidence), warnings)


def export_field_package(
    db: Database,
    out: Path,
    *,
    opd_codes: list[str] | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Laptop: every row of its OPDs changed since the centre's values it holds, and its deletions."""
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
            _tick(progress, cancel, 0.1, "Mencari perubahan…")
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
            _tick(progress, cancel, 0.6, "Menulis paket…")
            write_package(out, fields, {"rows": payload_rows, "tombstones": tomb_rows}, evidence, me["secret"])
            written = True
            _record_export_audit(session, fields, out)
    except BaseException:
        if written:
            out.unlink(missing_ok=True)  # the database does not remember it: the file must not exist
        raise
    _tick(progress, None, 1.0, "Paket lapangan selesai.")
    return ExportResult(out, KIND_FIELD, seq, fields["package_id"], counts, len(tomb_rows), len(evidence), warnings)


def _record_export_audit(session: Any, fields: dict[str, Any], out: Path) -> None:
    from . import audit

    audit.record(
        session,
        "ekspor-paket",
        "package",
        fields["package_id"],
        summary=f"Paket {fields['kind']} nomor {fields['seq']} ditulis ke {out.name}",
        detail={"counts": fields["counts"], "scope": fields["scope_codes"]},
    )


def _record_sent(conn: Connection, sent: list[tuple[str, str, dict]], seq: int, bases: dict) -> None:
    t = _t("sync_base")
    now = utcnow()
    updates, inserts = [], []
    for table, row_id, values in sent:
        entry = bases.get((table, row_id))
        text = json.dumps(values, sort_keys=True)
        if entry is not None:
            updates.append({"b_id": entry["id"], "sent": text, "sent_seq": seq, "updated_at": now})
        else:
            inserts.append(
                {
                    "id": new_id(),
                    "table_name": table,
                    "row_id": row_id,
                    "base": None,
                    "base_version": None,
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


# ---------------------------------------------------------------------------------------------- use cases


def _read(db: Database, path: Path) -> Package:
    def secret_for(key_id: str) -> str:
        with db.read() as session:
            t = _t("sync_key")
            secret = session.connection().execute(select(t.c.secret).where(t.c.id == key_id)).scalar()
        if secret is None:
            raise SignatureError(Path(path).name, "kunci tanda tangan tidak dikenal di pusat ini")
        return secret

    return read_package(Path(path), known_revisions=REVISIONS, secret_for=secret_for)


def _report(package: Package) -> ImportReport:
    return ImportReport(
        package_name=package.name,
        kind=package.kind,
        source_id=package.source_id,
        source_label=package.source_label,
        seq=package.seq,
        created_at=package.manifest.created_at,
        regency_name=package.manifest.regency_name,
    )


def _prepare(conn: Connection, package: Package, report: ImportReport) -> tuple[dict[str, Any] | None, str]:
    """Check who may import what; returns (installation or None for a new laptop, role)."""
    me = _installation(conn)
    regency = _regency(conn)
    if regency is not None and regency["id"] != package.manifest.regency_id:
        raise WrongRegencyError(package.name, package.manifest.regency_name, regency["name"])
    if package.kind == KIND_FIELD:
        if me is not None and me["role"] != ROLE_CENTRE:
            raise RoleError("Paket lapangan hanya dapat diimpor di pusat (Bappeda), bukan di laptop lapangan.")
        if regency is None:
            raise RoleError("Basis data ini kosong; paket lapangan hanya dapat diimpor di pusat.")
        key = conn.execute(select(_t("sync_key")).where(_t("sync_key").c.id == package.manifest["key_id"])).first()
        allowed = set(json.loads(key.scope)) if key is not None else set()
        if allowed and not set(package.scope) <= allowed:
            raise SignatureError(package.name, "cakupan OPD paket melebihi cakupan kunci laptop")
        _check_scope(conn, package)
        role = ROLE_CENTRE
    else:
        if me is None and regency is not None:
            raise RoleError(
                "Basis data ini sudah berisi data dan bukan laptop lapangan; paket induk hanya untuk laptop "
                "baru (basis data kosong) atau laptop yang disiapkan dari paket induk."
            )
        if me is not None and me["role"] != ROLE_FIELD:
            raise RoleError("Paket induk dibuat oleh pusat dan tidak diimpor kembali di pusat.")
        if me is None:
            report.warnings.append("Laptop ini akan disiapkan sebagai laptop lapangan dari paket induk ini.")
        role = ROLE_FIELD
    peers = _t("sync_peer")
    peer = conn.execute(select(peers).where(peers.c.installation_id == package.source_id)).first()
    last = peer.last_seq if peer is not None else 0
    if package.seq <= last:
        report.already_imported = True
        if package.seq < last:
            report.warnings.append(
                f"paket nomor {package.seq} lebih lama dari paket nomor {last} yang sudah diimpor; "
                "isinya sudah termuat di paket yang lebih baru"
            )
    elif package.kind == KIND_FIELD and package.seq > last + 1:
        report.warnings.append(
            f"paket nomor {last + 1}–{package.seq - 1} dari {package.source_label} belum pernah diimpor; "
            "paket ini memuat semua perubahan yang belum diterima, jadi tidak ada yang hilang"
        )
    return me, role


def _check_scope(conn: Connection, package: Package) -> None:
    scope = set(package.scope)
    incoming = {(t, r.id): r.values for t, rows in package.rows.items() for r in rows}
    lookup = connection_lookup(conn)

    def find(table: str, row_id: str) -> dict[str, Any] | None:
        return incoming.get((table, row_id)) or lookup(table, row_id)

    for table, rows in package.rows.items():
        if table in GLOBAL_TABLES:
            continue
        for row in rows:
            opd = opd_of(table, row.values, find)
            if opd == UNKNOWN:
                continue  # a missing parent: reported by the foreign-key check
            if opd not in scope:
                raise MalformedContentError(package.name, f"baris {table} {row.id} berada di luar cakupan OPD paket")


def _plan(conn: Connection, package: Package, me: dict | None, role: str, resolutions, prefer) -> _Plan:  # noqa: ANN001
    labeler = _Labeler(conn, package)
    if role == ROLE_CENTRE:
        return _plan_centre(conn, package, resolutions, prefer, labeler)
    return _plan_field(conn, package, me or {"id": ""}, labeler)


def _fill(report: ImportReport, plan: _Plan) -> None:
    report.added = sum(len(rows) for rows in plan.inserts.values())
    report.changed = len(plan.updates)
    report.deleted = len(plan.deletes)
    report.conflicts = list(plan.conflicts)
    report.decisions = dict(plan.decisions)
    report.refused = list(plan.refused)
    report.pending_local = plan.pending_local


def preview_import(
    db: Database, path: Path, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> ImportReport:
    """Check the package and say what importing it would do; nothing is written."""
    _tick(progress, cancel, 0.0, "Memeriksa paket…")
    package = _read(db, path)
    report = _report(package)
    _tick(progress, cancel, 0.3, "Membandingkan dengan basis data…")
    with db.read() as session:
        conn = session.connection()
        me, role = _prepare(conn, package, report)
        if not report.already_imported:
            _fill(report, _plan(conn, package, me, role, None, None))
    _tick(progress, None, 1.0, "Selesai.")
    return report


def import_package(
    db: Database,
    path: Path,
    *,
    resolutions: dict[tuple[str, str, str | None], str] | None = None,
    prefer: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Import a package in one transaction, after the user confirmed the preview.

    ``resolutions`` maps a :attr:`Conflict.key` to ``"central"`` or ``"package"``; ``prefer`` decides every
    other conflict. With conflicts left undecided nothing is written and
    :class:`UnresolvedConflictsError` lists them. ``dry_run`` computes everything and writes nothing.
    """
    if prefer not in (None, PREFER_CENTRAL, PREFER_PACKAGE):
        raise ValueError(f"prefer must be {PREFER_CENTRAL!r} or {PREFER_PACKAGE!r}")
    if dry_run:
        return preview_import(db, path, progress=progress, cancel=cancel)
    _tick(progress, cancel, 0.0, "Memeriksa paket…")
    package = _read(db, path)
    report = _report(package)
    try:
        with db.write() as session:
            conn = session.connection()
            me, role = _prepare(conn, package, report)
            if report.already_imported:
                return report
            _tick(progress, cancel, 0.3, "Menggabungkan…")
            plan = _plan(conn, package, me, role, resolutions, prefer)
            _fill(report, plan)
            if plan.unresolved:
                raise UnresolvedConflictsError(plan.unresolved)
            setup = me is None
            if setup:
                me = _setup_field(conn, package)
            _tick(progress, cancel, 0.6, "Menulis perubahan…")
            origin = f"paket {package.source_label} #{package.seq}"[:120]
            _apply(conn, plan, package, origin, role, db, setup=setup, user=current_user())
            _record_import(conn, package, report, role)
            _tick(progress, cancel, 0.95, "Menyimpan…")
    except IntegrityError as exc:
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        raise MalformedContentError(package.name, f"baris melanggar batasan basis data ({detail[:120]})") from None
    report.applied = True
    _tick(progress, None, 1.0, "Impor selesai.")
    return report


def _setup_field(conn: Connection, package: Package) -> dict[str, Any]:
    enrolment = package.enrolment or {}
    return _create_installation(
        conn,
        ROLE_FIELD,
        regency_id=package.manifest.regency_id,
        scope=json.dumps(package.scope),
        key_id=enrolment.get("key_id"),
        secret=enrolment.get("secret"),
    )


def _record_import(conn: Connection, package: Package, report: ImportReport, role: str) -> None:
    now = utcnow()
    peers = _t("sync_peer")
    peer = conn.execute(select(peers).where(peers.c.installation_id == package.source_id)).first()
    if peer is None:
        conn.execute(
            insert(peers).values(
                id=new_id(),
                installation_id=package.source_id,
                role=package.manifest["source"].get("role", "")[:10],
                label=package.source_label,
                last_seq=package.seq,
                last_import_at=now,
                created_at=now,
                updated_at=now,
                version=1,
            )
        )
    else:
        conn.execute(
            update(peers)
            .where(peers.c.id == peer.id)
            .values(last_seq=package.seq, last_import_at=now, label=package.source_label, updated_at=now)
        )
    summary = {
        "conflicts_resolved": [c.describe() for c in report.conflicts],
        "refused": [r.describe() for r in report.refused],
        "warnings": report.warnings,
        "role": role,
    }
    conn.execute(
        insert(_t("sync_import")).values(
            id=new_id(),
            package_id=package.manifest["package_id"],
            kind=package.kind,
            source_installation_id=package.source_id,
            source_label=package.source_label,
            seq=package.seq,
            file_name=package.name[:255],
            imported_at=now,
            added=report.added,
            changed=report.changed,
            deleted=report.deleted,
            conflicts=len(report.conflicts),
            refused=len(report.refused),
            summary=json.dumps(summary, ensure_ascii=False),
            created_at=now,
            updated_at=now,
            version=1,
        )
    )
    conn.execute(
        insert(_t("audit_log")).values(
            id=new_id(),
            at=now,
            user="",
            origin=f"paket {package.source_label} #{package.seq}"[:120],
            action="impor-paket",
            entity="package",
            entity_id=package.manifest["package_id"],
            summary=f"Paket {package.name}: {report.summary()}",
            detail=json.dumps(summary, ensure_ascii=False),
        )
    )


@dataclass(frozen=True)
class ImportLogEntry:
    imported_at: datetime
    kind: str
    source_label: str
    seq: int
    file_name: str
    added: int
    changed: int
    deleted: int
    conflicts: int
    refused: int


def import_log(db: Database, limit: int = 200) -> list[ImportLogEntry]:
    """The packages imported here, newest first (for the GUI's list)."""
    t = _t("sync_import")
    with db.read() as session:
        rows = session.connection().execute(select(t).order_by(t.c.imported_at.desc()).limit(limit)).all()
    return [
        ImportLogEntry(
            r.imported_at,
            r.kind,
            r.source_label,
            r.seq,
            r.file_name,
            r.added,
            r.changed,
            r.deleted,
            r.conflicts,
            r.refused,
        )
        for r in rows
    ]


def pending_changes(db: Database) -> int:
    """Laptop: how many rows differ from the values last received from the centre (to be sent)."""
    with db.read() as session:
        conn = session.connection()
        me = _installation(conn)
        if me is None or me["role"] != ROLE_FIELD:
            return 0
        rows = _scoped_rows(conn, set(json.loads(me["scope"])), regional=False)
        bases = _load_bases(conn)
    count = 0
    for table in FIELD_TABLES:
        content = content_columns(_t(table))
        for row_id, values in rows.get(table, {}).items():
            entry = bases.get((table, row_id))
            if entry is None or entry["base"] is None or any(values[c] != entry["base"].get(c) for c in content):
                count += 1
    return count


__all__ = [
    "BOOKKEEPING",
    "Conflict",
    "ExportResult",
    "ImportLogEntry",
    "ImportPreview",
    "ImportReport",
    "IncomingRow",
    "IncomingTombstone",
    "InstallationInfo",
    "PREFER_CENTRAL",
    "PREFER_PACKAGE",
    "Refusal",
    "evidence_path",
    "export_field_package",
    "export_master_package",
    "export_package",
    "import_log",
    "import_package",
    "installation_info",
    "pending_changes",
    "preview_import",
]
