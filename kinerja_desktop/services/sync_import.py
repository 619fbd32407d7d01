"""Reading a package: check it, preview what it would change, merge it in one transaction (see services/sync.py)."""

from __future__ import annotations

import json
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import triggers
from ..db.database import Database
from ..db.locks import lock_agreements, lock_exchange, lock_quarters
from ..db.revisions import REVISIONS
from ..db.sync_models import ROLE_CENTRE, ROLE_FIELD
from ..db.types import new_id, utcnow
from ..interchange import audit_rows
from ..interchange.errors import (
    MalformedContentError,
    RoleError,
    SignatureError,
    UnresolvedConflictsError,
    WrongRegencyError,
)
from ..interchange.manifest import KIND_FIELD, KIND_MASTER
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
    apply_setup,
)
from ..interchange.package import Package, RowReader, open_package, paused_gc
from ..interchange.rows import _create_installation, _installation, _regency, _t
from . import users as auth
from .audit import current_user
from .progress import CancelCheck, Progress, step_fraction


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


def _read(db: Database, path: Path, code: str | None) -> Package:
    return _open(db, path, code).read()


def _open(db: Database, path: Path, code: str | None) -> RowReader:
    def secret_for(key_id: str) -> str:
        with db.read() as session:
            t = _t("sync_key")
            secret = session.connection().execute(select(t.c.secret).where(t.c.id == key_id)).scalar()
        if secret is None:
            raise SignatureError(Path(path).name, "kunci tanda tangan tidak dikenal di pusat ini")
        return secret

    return open_package(Path(path), known_revisions=REVISIONS, secret_for=secret_for, code=code)


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
        role = ROLE_CENTRE
    else:
        if conn.dialect.name != "sqlite":
            raise RoleError(
                "Paket induk menyiapkan laptop lapangan (berkas SQLite), bukan server basis data; server adalah pusat."
            )
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
    db: Database,
    path: Path,
    *,
    code: str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Check the package and say what importing it would do; nothing is written.

    A master package needs its enrolment ``code`` (:class:`EnrolmentCodeError` without it).
    """
    step_fraction(progress, cancelled, 0.0, "Memeriksa paket…")
    reader = _open(db, path, code)
    auth.require_opds(db, reader.head().scope, "package")  # what the import would refuse, the preview does too
    if _empty_laptop(db, reader.head()):
        return _preview_setup(db, reader, progress, cancelled)
    package = reader.read()
    report = _report(package)
    step_fraction(progress, cancelled, 0.3, "Membandingkan dengan basis data…")
    with db.read() as session:
        conn = session.connection()
        me, role = _prepare(conn, package, report)
        if not report.already_imported:
            _fill(report, _plan(conn, package, me, role, None, None))
    step_fraction(progress, None, 1.0, "Selesai.")
    return report


def import_package(
    db: Database,
    path: Path,
    *,
    resolutions: dict[tuple[str, str, str | None], str] | None = None,
    prefer: str | None = None,
    dry_run: bool = False,
    code: str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Import a package in one transaction, after the user confirmed the preview.

    ``resolutions`` maps a :attr:`Conflict.key` to ``"central"`` or ``"package"``; ``prefer`` decides every
    other conflict. With conflicts left undecided nothing is written and
    :class:`UnresolvedConflictsError` lists them. ``dry_run`` computes everything and writes nothing.
    A master package needs its enrolment ``code``.
    """
    auth.require(db, "package")
    if prefer not in (None, PREFER_CENTRAL, PREFER_PACKAGE):
        raise ValueError(f"prefer must be {PREFER_CENTRAL!r} or {PREFER_PACKAGE!r}")
    if dry_run:
        return preview_import(db, path, code=code, progress=progress, cancelled=cancelled)
    step_fraction(progress, cancelled, 0.0, "Memeriksa paket…")
    reader = _open(db, path, code)
    auth.require_opds(db, reader.head().scope, "package")  # an operator takes in its own OPDs' packages only
    if _empty_laptop(db, reader.head()):
        return _set_up_laptop(db, reader, progress, cancelled)
    package = reader.read()
    report = _report(package)
    try:
        with paused_gc(), db.write() as session:
            _lock_for(session, package)
            conn = session.connection()
            me, role = _prepare(conn, package, report)
            if report.already_imported:
                return report
            step_fraction(progress, cancelled, 0.3, "Menggabungkan…")
            plan = _plan(conn, package, me, role, resolutions, prefer)
            _fill(report, plan)
            if plan.unresolved:
                raise UnresolvedConflictsError(plan.unresolved)
            setup = me is None
            if setup:
                me = _setup_field(conn, package)
            step_fraction(progress, cancelled, 0.6, "Menulis perubahan…")
            origin = f"paket {package.source_label} #{package.seq}"[:120]
            # A laptop takes the centre's rows as they are, signed PKs and closed quarters included: the
            # database's locks (db/triggers.py) let this transaction through. The centre never bypasses them.
            with triggers.bypass(conn, origin) if role == ROLE_FIELD else nullcontext():
                _apply(conn, plan, package, origin, role, db, setup=setup, user=current_user(db))
            if role == ROLE_CENTRE:  # who made each change on the laptop, under the laptop user's name
                audit_rows.store(conn, package.audit, origin)
            _record_import(conn, package, report, role, current_user(db))
            step_fraction(progress, cancelled, 0.95, "Menyimpan…")
    except IntegrityError as exc:
        raise _constraint_error(package, exc) from None
    report.applied = True
    step_fraction(progress, None, 1.0, "Impor selesai.")
    return report


def _constraint_error(package: Package, exc: IntegrityError) -> MalformedContentError:
    detail = str(exc.orig) if exc.orig is not None else str(exc)
    return MalformedContentError(package.name, f"baris melanggar batasan basis data ({detail[:120]})")


def _empty_laptop(db: Database, package: Package) -> bool:
    """A master package into an empty database (SQLite): the rows are inserted as they are read."""
    if package.kind != KIND_MASTER or db.engine.dialect.name != "sqlite":
        return False
    with db.read() as session:
        conn = session.connection()
        return _installation(conn) is None and _regency(conn) is None


def _preview_setup(
    db: Database, reader: RowReader, progress: Progress | None, cancelled: CancelCheck | None
) -> ImportReport:
    """:func:`preview_import` of a master package into an empty laptop: every row is checked and counted (each
    would be added), none held."""
    package = reader.head()
    report = _report(package)
    with db.read() as session:
        _prepare(session.connection(), package, report)
    step_fraction(progress, cancelled, 0.3, "Memeriksa baris…")
    report.added = sum(sum(1 for _row in rows) for _table, rows in reader.tables())
    reader.package({})  # the rest checked
    step_fraction(progress, None, 1.0, "Selesai.")
    return report


def _set_up_laptop(
    db: Database, reader: RowReader, progress: Progress | None, cancelled: CancelCheck | None
) -> ImportReport:
    """:func:`import_package` of a master package into an empty laptop, without holding the package's rows
    (merge.apply_setup): what the plan would say is known, every row is new."""
    package = reader.head()
    report = _report(package)
    try:
        with paused_gc(), db.write() as session:
            lock_exchange(session)
            conn = session.connection()
            me, role = _prepare(conn, package, report)
            if me is not None or _regency(conn) is not None:
                raise RoleError("Basis data ini berubah selama impor; ulangi impor paket induk.")
            step_fraction(progress, cancelled, 0.3, "Menulis baris…")
            origin = f"paket {package.source_label} #{package.seq}"[:120]
            with triggers.bypass(conn, origin):
                package, counts = apply_setup(conn, reader, origin, db, user=current_user(db))
            report.added = sum(counts.values())
            _setup_field(conn, package)
            _record_import(conn, package, report, role, current_user(db))
            step_fraction(progress, cancelled, 0.95, "Menyimpan…")
    except IntegrityError as exc:
        raise _constraint_error(package, exc) from None
    report.applied = True
    step_fraction(progress, None, 1.0, "Impor selesai.")
    return report


def _lock_for(session: Session, package: Package) -> None:
    """Lock what the merge checks before it reads it: the agreements and quarters the package touches.

    Signing a PK or closing a quarter on another computer either commits before this import plans (and the plan
    refuses the package's changes to them) or waits until the import has committed (``db/locks.py``).
    """
    lock_exchange(session)
    rows = package.rows
    quarters = {
        (r.values.get("year"), r.values.get("quarter"))
        for table in ("indicator_realization", "budget_realization")
        for r in rows.get(table, [])
    }
    lock_quarters(session, [(y, q) for y, q in quarters if isinstance(y, int) and isinstance(q, int)])
    agreements = {r.id for r in rows.get("performance_agreement", [])}
    for table in ("agreement_item", "agreement_program"):
        agreements.update(str(r.values.get("agreement_id") or "") for r in rows.get(table, []))
    lock_agreements(session, agreements)


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


def _record_import(conn: Connection, package: Package, report: ImportReport, role: str, user: str) -> None:
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
            user=user,  # the import is the acting user's act (at the centre, the centre's operator)
            origin=f"paket {package.source_label} #{package.seq}"[:120],
            action="impor-paket",
            entity="package",
            entity_id=package.manifest["package_id"],
            summary=f"Paket {package.name}: {report.summary()}",
            detail=json.dumps(summary, ensure_ascii=False),
        )
    )
