"""Backups (``.kinerja-backup``): make one while the app is open, check one, restore one, automatic ones.

A backup is a zip of a ``VACUUM INTO`` snapshot (consistent even while another connection writes), the
evidence files and a manifest (format, app version, schema revision, regency, time, row counts, SHA-256
of every member), written under a temporary name and renamed. Restoring checks everything first, saves
the current database aside, migrates an older snapshot, and copies it *into* the live database with
SQLite's backup API, in one transaction: a crash leaves the old or the new database, never a mix.

Long calls take ``progress(done, total, message)`` and ``cancelled()`` (returns True to stop; see
:mod:`.progress`) so that the GUI's job runner can drive them; they raise :class:`~.errors.Cancelled`, which is
possible until the copy into the live database has completed.

A server database (PostgreSQL) is backed up to the same format: its rows copied into a fresh SQLite snapshot
at the same schema inside one read snapshot of the server (``db/transfer.py``), its evidence files (kept in the
database) as the same members. Such a backup restores into a SQLite file or a server; a restore onto a server
writes a backup of what it replaces first (``sebelum-pemulihan``, in this user's data folder), then replaces every
row in one server transaction.

At the edges (``db/files.py``): a backup never overwrites the open database or its journal; a full disk or a
read-only folder is said in Indonesian and leaves no temporary file; a database another window or program
keeps locked is never taken for a damaged one, and a restore waits for its lock only the busy timeout; every
copy set aside gets a name of its own; another regency's backup is restored only when that is confirmed again.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from .. import __version__
from ..db.database import Database
from ..db.engine import BUSY_TIMEOUT_MS, connect_sqlite, make_engine
from ..db.errors import DatabaseLockedError, DatabaseReadOnlyError
from ..db.evidence import FolderStore, is_sha256
from ..db.evidence_pack import PACK_FOLDER
from ..db.files import (
    AUTO_BACKUP_FOLDER,
    SQLITE_BUSY,
    SQLITE_LOCKED,
    check_free_space,
    check_output_file,
    copy_names,
    in_use_elsewhere,
    is_locked,
    keep_as,
    move_aside,
    remove_leftovers,
    storage_errors,
    temporary_path,
    unlink_quietly,
    work_folder,
)
from ..db.revisions import REVISIONS
from ..interchange.archive import atomic_zip, check_member_name, fsync_dir, sha256_file
from ..interchange.errors import (
    UNCHANGED,
    CorruptArchiveError,
    InterchangeError,
    MalformedContentError,
    SchemaTooNewError,
)
from ..interchange.manifest import (
    BACKUP_FORMAT,
    DATABASE_MEMBER,
    EVIDENCE_PREFIX,
    FORMAT_VERSION,
    MANIFEST,
    Manifest,
    build_manifest,
    open_archive,
    read_manifest,
    verify_member,
)
from . import users as auth
from .progress import CancelCheck, Progress, step_fraction

BACKUP_SUFFIX = ".kinerja-backup"
AUTO_FOLDER = AUTO_BACKUP_FOLDER
COPY_PAGES = 1024  # pages per backup-API step (progress and cancel between steps)
NOT_MADE = "Berkas cadangan tidak dibuat; basis data tidak diubah."


class OtherRegencyError(InterchangeError):
    """A backup of another regency (or of no regency) over this one: refused until confirmed a second time."""

    def __init__(self, backup_name: str, theirs: str, ours: str) -> None:
        super().__init__(
            f"Cadangan “{backup_name}” milik {theirs}, sedangkan basis data ini milik {ours}. Memulihkannya "
            f"mengganti seluruh data {ours}; konfirmasi kedua diperlukan (perintah restore: --replace-regency; "
            f"aplikasi: ketik “{ours}”)."
        )


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, as its manifest says (checked against the members)."""

    path: Path
    created_at: datetime
    app_version: str
    schema_revision: str
    regency_id: str | None
    regency_name: str
    row_counts: dict[str, int]
    evidence_files: int
    size: int

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())

    @property
    def owner(self) -> str:
        """Whose data the backup holds: its regency, or that it has none."""
        return self.regency_name if self.regency_id else "basis data tanpa data pemerintah daerah"


@dataclass(frozen=True)
class RestorePreview:
    """Shown to the user before a restore; the caller confirms, then calls :func:`restore_backup`."""

    backup: BackupInfo
    current_regency_name: str
    current_counts: dict[str, int]
    needs_migration: bool
    warnings: list[str] = field(default_factory=list)
    other_regency: bool = False  # the backup is another regency's: a second confirmation is needed

    def lines(self) -> list[str]:
        """Indonesian lines for a dialog or the terminal."""
        b = self.backup
        local = b.created_at.replace(tzinfo=UTC).astimezone()
        lines = [
            f"Berkas cadangan: {b.path.name}",
            f"Dibuat: {local:%d-%m-%Y %H:%M} (Kinerja Desktop {b.app_version}, skema {b.schema_revision})",
            f"Pemerintah daerah: {b.regency_name}",
            f"Isi: {b.row_counts.get('opd', 0)} perangkat daerah, "
            f"{b.row_counts.get('performance_agreement', 0)} perjanjian kinerja, "
            f"{b.row_counts.get('indicator_realization', 0)} realisasi, {b.evidence_files} berkas bukti "
            f"({b.total_rows} baris)",
            f"Basis data sekarang: {self.current_regency_name}, "
            f"{self.current_counts.get('opd', 0)} perangkat daerah, "
            f"{self.current_counts.get('performance_agreement', 0)} perjanjian kinerja",
        ]
        if self.needs_migration:
            lines.append("Cadangan dari versi lama: skemanya akan diperbarui saat dipulihkan.")
        lines.extend(f"Peringatan: {w}" for w in self.warnings)
        if self.other_regency:
            lines.append(
                f"Peringatan: cadangan ini milik {b.owner}, bukan {self.current_regency_name}: seluruh data "
                f"{self.current_regency_name} akan diganti. Diperlukan konfirmasi kedua."
            )
        lines.append("Seluruh isi basis data sekarang akan diganti (salinannya disimpan terlebih dahulu).")
        return lines


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    saved_copy: Path  # the database as it was before the restore
    migrated_from: str | None
    evidence_restored: int


def _require_file(db: Database) -> Path:
    if db.path is None:
        raise InterchangeError(
            "Cadangan otomatis dan pemulihan basis data rusak hanya untuk berkas SQLite; server basis data "
            "dicadangkan dengan perintah backup dan jadwal pg_dump petugas TI."
        )
    return db.path


def server_backup_folder() -> Path:
    """Where a restore onto a server keeps the backup of what it replaced (this user's data folder)."""
    from platformdirs import user_data_path

    return user_data_path("Kinerja Desktop", appauthor=False, ensure_exists=False) / "cadangan-server"


# ---------------------------------------------------------------------------------------------- backup


def snapshot(source: Database | Path, target: Path) -> None:
    """A consistent copy of a live database (``VACUUM INTO`` reads inside one read transaction).

    ``source``: the open database (read-only ones are read as they were opened) or a file. Whatever fails, no
    part of ``target`` is left behind.
    """
    conn = source.connect() if isinstance(source, Database) else sqlite3.connect(source, timeout=30)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    except BaseException:
        unlink_quietly(target)
        raise
    finally:
        conn.close()


def describe_sqlite(
    path: Path, connect: Callable[[], sqlite3.Connection] | None = None
) -> tuple[str | None, dict[str, Any] | None, dict[str, int]]:
    """Revision, regency and row counts of a database file (a copy of ours, opened read-only; or ``connect``)."""
    conn = connect() if connect is not None else connect_sqlite(path, read_only=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        counts = {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t != "alembic_version"
        }
        regency = None
        if "regency" in tables:
            row = conn.execute("SELECT id, kind, name FROM regency ORDER BY created_at LIMIT 1").fetchone()
            if row:
                regency = {"id": row[0], "name": f"{'Kota' if row[1] == 'kota' else 'Kabupaten'} {row[2]}"}
    finally:
        conn.close()
    return revision, regency, counts


def server_snapshot(db: Database, target: Path) -> None:
    """A SQLite file at the server's schema holding every row of the server, read in one snapshot."""
    from ..db import transfer
    from ..db.migrate import upgrade_sqlite

    try:
        upgrade_sqlite(target, from_revision=None)
        snapshot_db = make_engine(f"sqlite:///{target}", pooled=False)
        try:
            with db.read() as session, snapshot_db.begin() as dst:
                transfer.copy_all(session.connection(), dst, "cadangan server")
        finally:
            snapshot_db.dispose()
    except BaseException:
        unlink_quietly(target)
        raise


def _evidence_members(db: Database, plain: set[str]) -> tuple[int, Iterator[tuple[str, bytes | None]]]:
    """Evidence files the backup reads through the store, as (member, content or None): a server's (kept in the
    database) and a folder store's packed ones that are not also plain files (those are copied as files)."""
    store = db.evidence
    names = [name for name in store.names() if name not in plain]
    return len(names), ((f"{EVIDENCE_PREFIX}{name[:2]}/{name}", data) for name, data in store.get_many(names))


def _evidence_files(db: Database) -> list[tuple[Path, str]]:
    """The plain files of a folder store as (path, member); its pack files are read through the store."""
    folder = db.evidence_dir
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(folder)
            if relative.parts[0] == PACK_FOLDER:
                continue
            member = EVIDENCE_PREFIX + relative.as_posix()
            try:
                check_member_name("", member)
            except InterchangeError:
                continue  # a stray file with an odd name (e.g. an editor's lock file)
            found.append((path, member))
    return found


def create_backup(
    db: Database, out: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> BackupInfo:
    """Write a ``.kinerja-backup`` of the open database to ``out`` (atomically).

    Refused before anything is written when ``out`` is the database, its journal, another database or a folder.
    A full disk or a read-only folder ends in an Indonesian message and leaves no file behind.
    """
    out = check_output_file(Path(out), db.path)
    with storage_errors("membuat cadangan", out.parent, NOT_MADE):
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out.parent)
        work = work_folder(out.parent, "cadangan")
        try:
            return _write_backup(db, out, work, progress, cancelled)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _write_backup(
    db: Database, out: Path, work: Path, progress: Progress | None, cancelled: CancelCheck | None
) -> BackupInfo:
    step_fraction(progress, cancelled, 0.0, "Membuat salinan basis data…")
    snap = work / DATABASE_MEMBER
    if db.is_server:
        server_snapshot(db, snap)
    else:
        snapshot(db, snap)
    check = sqlite3.connect(snap)
    try:
        problems = [r[0] for r in check.execute("PRAGMA quick_check")]
    finally:
        check.close()
    if problems != ["ok"]:
        raise InterchangeError(f"Salinan basis data tidak utuh ({'; '.join(problems[:3])}); cadangan dibatalkan.")
    revision, regency, counts = describe_sqlite(snap)
    evidence = _evidence_files(db)
    store = db.evidence
    stored_count, stored = _evidence_members(db, {path.name for path, _ in evidence})
    files: dict[str, dict[str, Any]] = {}
    created = datetime.now(UTC).replace(tzinfo=None)
    step_fraction(progress, cancelled, 0.2, "Menulis berkas cadangan…")
    with atomic_zip(out) as zf:
        files[DATABASE_MEMBER] = {"sha256": sha256_file(snap), "size": snap.stat().st_size}
        zf.write(snap, DATABASE_MEMBER)
        for index, (path, member) in enumerate(evidence):
            fraction = 0.5 + 0.45 * index / max(len(evidence), 1)
            step_fraction(progress, cancelled, fraction, "Menyalin berkas bukti…")
            digest = sha256_file(path)
            packed = store.get(path.name) if digest != path.name and is_sha256(path.name) else None
            if packed is not None:  # a damaged plain file whose content a pack holds sound: the sound one
                files[member] = {"sha256": path.name, "size": len(packed)}
                zf.writestr(member, packed)
                continue
            files[member] = {"sha256": digest, "size": path.stat().st_size}
            zf.write(path, member)
        for index, (member, data) in enumerate(stored):
            step_fraction(progress, cancelled, 0.5 + 0.45 * index / max(stored_count, 1), "Menyalin berkas bukti…")
            if data is None:
                continue  # a damaged content is not copied (the integrity check names it)
            files[member] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            zf.writestr(member, data)
        manifest = {
            "format": BACKUP_FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "schema_revision": revision or "",
            "regency": regency,
            "created_at": created.isoformat(),
            "row_counts": counts,
            "files": files,
        }
        zf.writestr(MANIFEST, build_manifest(manifest))
        step_fraction(progress, cancelled, 0.97, "Menyimpan…")
    step_fraction(progress, None, 1.0, "Cadangan selesai.")
    return BackupInfo(
        path=out,
        created_at=created,
        app_version=__version__,
        schema_revision=revision or "",
        regency_id=(regency or {}).get("id"),
        regency_name=(regency or {}).get("name", "-"),
        row_counts=counts,
        evidence_files=sum(1 for m in files if m.startswith(EVIDENCE_PREFIX)),
        size=out.stat().st_size,
    )


# ---------------------------------------------------------------------------------------------- reading


def _info(path: Path, manifest: Manifest) -> BackupInfo:
    counts = manifest["row_counts"]
    if not all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in counts.items()):
        raise MalformedContentError(path.name, "jumlah baris di manifes tidak sah")
    if DATABASE_MEMBER not in manifest["files"]:
        raise CorruptArchiveError(path.name, "salinan basis data tidak ada di dalamnya")
    return BackupInfo(
        path=path,
        created_at=manifest.created_at,
        app_version=manifest["app_version"],
        schema_revision=manifest["schema_revision"],
        regency_id=manifest.regency_id,
        regency_name=manifest.regency_name,
        row_counts=dict(counts),
        evidence_files=sum(1 for m in manifest["files"] if m.startswith(EVIDENCE_PREFIX)),
        size=path.stat().st_size,
    )


def _check_revision(path: Path, revision: str) -> None:
    if revision not in REVISIONS:
        raise SchemaTooNewError(path.name, revision or "tidak dikenal")


def _extract_and_check(  # noqa: ANN202
    path: Path,
    work: Path,
    progress: Progress | None,
    cancelled: CancelCheck | None,
    *,
    also_needed: int = 0,
    regency_check: Callable[[BackupInfo], None] | None = None,
):
    """Verify every member of the backup; returns (info, snapshot path, evidence files in ``work``).

    Before anything is extracted, ``regency_check(info)`` may refuse the backup, and the disk of ``work`` must
    have room for what the archive declares (plus ``also_needed`` bytes): a full disk is said before it fills.
    """
    with open_archive(path) as reader:
        manifest = read_manifest(reader, BACKUP_FORMAT)
        info = _info(path, manifest)
        _check_revision(path, info.schema_revision)
        if regency_check is not None:
            regency_check(info)
        needed = reader.declared_size + also_needed
        check_free_space(work.parent, needed, "memeriksa dan memulihkan cadangan", UNCHANGED)
        step_fraction(progress, cancelled, 0.05, "Memeriksa berkas cadangan…")
        snap = work / "pulihkan.sqlite"
        digest = reader.extract_to(DATABASE_MEMBER, snap)
        verify_member(reader, manifest, DATABASE_MEMBER, digest, snap.stat().st_size)
        evidence: list[tuple[str, Path]] = []
        members = [m for m in manifest["files"] if m.startswith(EVIDENCE_PREFIX)]
        for index, member in enumerate(members):
            step_fraction(progress, cancelled, 0.1 + 0.2 * index / max(len(members), 1), "Memeriksa berkas bukti…")
            target = work / f"bukti-{index}"
            digest = reader.extract_to(member, target)
            verify_member(reader, manifest, member, digest, target.stat().st_size)
            evidence.append((member[len(EVIDENCE_PREFIX) :], target))
    try:
        revision, _regency, _counts = describe_sqlite(snap)
        conn = sqlite3.connect(snap)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptArchiveError(path.name, f"salinan basis data rusak: {exc}") from None
    if problems != ["ok"]:
        raise CorruptArchiveError(path.name, "salinan basis data rusak: " + "; ".join(problems[:3]))
    if revision != info.schema_revision:
        raise MalformedContentError(path.name, "revisi skema salinan tidak sama dengan manifes")
    return info, snap, evidence


def preview_restore(db: Database, path: Path) -> RestorePreview:
    """Check the backup completely (manifest, every checksum, the snapshot) and describe it."""
    if db.is_server or db.read_only is not None:
        folder = Path(tempfile.gettempdir())
    else:
        folder = _require_file(db).parent
    info = _check_in(folder, Path(path))
    return _preview(db, info)


def _check_in(folder: Path, path: Path) -> BackupInfo:
    """Extract and check every member in a work folder of ``folder``, removed afterwards."""
    with storage_errors("memeriksa cadangan", folder, UNCHANGED):
        work = work_folder(folder, "periksa")
        try:
            info, _snap, _evidence = _extract_and_check(path, work, None, None)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return info


def _current_regency(db: Database) -> dict[str, Any] | None:
    if db.is_server:
        from ..db.models import Regency

        with db.read() as session:
            row = session.scalars(select(Regency).order_by(Regency.created_at)).first()
            return None if row is None else {"id": row.id, "name": row.full_name}
    _revision, regency, _ = describe_sqlite(_require_file(db), db.connect)
    return regency


def _is_other_regency(current: dict[str, Any] | None, info: BackupInfo) -> bool:
    """The backup replaces one regency's data with another's (or with none)."""
    return current is not None and info.regency_id != current["id"]


def _preview(db: Database, info: BackupInfo) -> RestorePreview:
    from ..services.maintenance import row_counts

    regency = _current_regency(db)
    return RestorePreview(
        backup=info,
        current_regency_name=(regency or {}).get("name", "-"),
        current_counts=row_counts(db),
        needs_migration=info.schema_revision != REVISIONS[-1],
        other_regency=_is_other_regency(regency, info),
    )


def save_aside(db_path: Path, reason: str, db: Database | None = None) -> Path:
    """A ``VACUUM INTO`` copy of the live database beside it, named after ``reason`` (a name no copy has yet)."""
    temporary = temporary_path(db_path.with_name(f"{db_path.stem}.{reason}{db_path.suffix}"))
    unlink_quietly(temporary)
    try:
        snapshot(db if db is not None else db_path, temporary)
        return keep_as(temporary, copy_names(db_path.parent, db_path.stem, reason, db_path.suffix))
    finally:
        unlink_quietly(temporary)


def restore_backup(
    db: Database,
    path: Path,
    *,
    replace_regency: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> RestoreResult:
    """Replace the live database's content with the backup's (after :func:`preview_restore` and a yes).

    Another regency's backup needs ``replace_regency`` (the second confirmation). Until the copy into the live
    database has completed nothing is changed: a full disk, a lock held by another window or program (waited
    for only the busy timeout) or a cancel leaves the database as it was and no temporary file.
    """
    auth.require(db, "restore")
    path = Path(path)
    if db.is_server:
        return _restore_onto_server(db, path, replace_regency, progress, cancelled)
    db_path = _require_file(db)
    if db.read_only is not None:
        raise DatabaseReadOnlyError(str(db_path), db.read_only, "Pemulihan")
    folder = db_path.parent
    remove_leftovers(folder)
    remove_leftovers(db.evidence_dir, depth=1)
    regency_check = _regency_check(db, replace_regency)
    with storage_errors("memulihkan cadangan", folder, UNCHANGED):
        work = work_folder(folder, "pulihkan")
        try:
            info, snap, evidence, migrated_from = _snapshot_to_restore(
                path, work, progress, cancelled, also_needed=db_path.stat().st_size, regency_check=regency_check
            )
            # Evidence first: files the store gains are harmless if the restore stops before the database.
            restored = _restore_evidence(db, evidence)
            step_fraction(progress, cancelled, 0.4, "Menyimpan basis data sekarang…")
            _wait_for_write_lock(db)
            saved = save_aside(db_path, "sebelum-pemulihan", db)
            try:
                step_fraction(progress, cancelled, 0.5, "Memulihkan…")
                _copy_into_live(db, snap, progress, cancelled)
            except BaseException:
                unlink_quietly(saved)  # the database kept its content: the copy of it is not needed
                raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
    _audit_restore(db, info, saved)
    step_fraction(progress, None, 1.0, "Pemulihan selesai.")
    return RestoreResult(backup=info, saved_copy=saved, migrated_from=migrated_from, evidence_restored=restored)


def _snapshot_to_restore(  # noqa: ANN202
    path: Path,
    work: Path,
    progress: Progress | None,
    cancelled: CancelCheck | None,
    *,
    also_needed: int = 0,
    regency_check: Callable[[BackupInfo], None] | None = None,
):
    """The backup checked and extracted, its snapshot migrated to this app's schema and its foreign keys sound:
    (info, snapshot, evidence files, the revision it was migrated from or None)."""
    info, snap, evidence = _extract_and_check(
        path, work, progress, cancelled, also_needed=also_needed, regency_check=regency_check
    )
    migrated_from = None
    if info.schema_revision != REVISIONS[-1]:
        step_fraction(progress, cancelled, 0.35, "Memperbarui skema cadangan lama…")
        from ..db.migrate import upgrade_sqlite

        upgrade_sqlite(snap, from_revision=info.schema_revision)
        migrated_from = info.schema_revision
    _check_foreign_keys(path, snap)
    return info, snap, evidence, migrated_from


def _regency_check(db: Database, replace_regency: bool) -> Callable[[BackupInfo], None]:
    current = _current_regency(db)

    def regency_check(info: BackupInfo) -> None:
        if _is_other_regency(current, info) and not replace_regency:
            assert current is not None
            raise OtherRegencyError(info.path.name, info.owner, current["name"])

    return regency_check


def _restore_onto_server(
    db: Database, path: Path, replace_regency: bool, progress: Progress | None, cancelled: CancelCheck | None
) -> RestoreResult:
    """Replace every row of a server with the backup's, in one server transaction, after a backup of it."""
    from ..db import transfer
    from ..db.locks import lock_exchange

    regency_check = _regency_check(db, replace_regency)
    folder = Path(tempfile.gettempdir())
    with storage_errors("memulihkan cadangan", folder, UNCHANGED):
        work = work_folder(folder, "pulihkan")
        try:
            info, snap, evidence, migrated_from = _snapshot_to_restore(
                path, work, progress, cancelled, regency_check=regency_check
            )
            step_fraction(progress, cancelled, 0.4, "Mencadangkan isi server sekarang…")
            aside = server_backup_folder()
            aside.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            saved = next(copy_names(aside, "server", f"sebelum-pemulihan-{stamp}", BACKUP_SUFFIX))
            create_backup(db, saved)
            step_fraction(progress, cancelled, 0.6, "Memulihkan…")
            source = make_engine(f"sqlite:///{snap}", pooled=False)
            try:
                # on IT's login: emptying the tables (the trail too, inside the bypass) is administration
                with source.connect() as src, db.write(administration=True) as session:
                    conn = session.connection()
                    lock_exchange(session)
                    transfer.clear(conn)
                    transfer.copy_all(src, conn, f"pemulihan {info.path.name}")
                    store = db.evidence
                    for relative, file in evidence:
                        store.put(file.read_bytes(), relative.rsplit("/", 1)[-1], conn)
            finally:
                source.dispose()
        finally:
            shutil.rmtree(work, ignore_errors=True)
    _audit_restore(db, info, saved)
    step_fraction(progress, None, 1.0, "Pemulihan selesai.")
    return RestoreResult(backup=info, saved_copy=saved, migrated_from=migrated_from, evidence_restored=len(evidence))


def _wait_for_write_lock(db: Database) -> None:
    """Take the write lock once, waiting at most the busy timeout, so a restore never waits for ever."""
    conn = db.connect()
    try:
        conn.isolation_level = None
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if is_locked(exc):
            raise DatabaseLockedError(str(db.path), waited_ms=BUSY_TIMEOUT_MS, action="Pemulihan") from exc
        raise
    finally:
        conn.close()


def _check_foreign_keys(path: Path, snap: Path) -> None:
    conn = sqlite3.connect(snap)
    try:
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    if problems:
        raise MalformedContentError(path.name, f"{len(problems)} baris salinan melanggar kunci asing")


def _copy_into_live(
    db: Database, snap: Path, progress: Progress | None, cancelled: CancelCheck | None
) -> None:
    """SQLite's backup API into the live connection: one destination transaction, no file swapped.

    Python's ``backup`` retries a busy destination for ever; here the wait ends after the busy timeout with
    :class:`DatabaseLockedError` (the copy is rolled back, the database keeps its content).
    """
    source = sqlite3.connect(snap)
    raw = db.engine.raw_connection()
    last_step = time.monotonic()
    try:
        live = raw.driver_connection
        assert isinstance(live, sqlite3.Connection)  # backups are for SQLite files only

        def copied(status: int, remaining: int, total: int) -> None:
            nonlocal last_step
            # Raising here aborts the copy; the live database keeps its old content.
            if status in (SQLITE_BUSY, SQLITE_LOCKED):
                if time.monotonic() - last_step >= BUSY_TIMEOUT_MS / 1000:
                    raise DatabaseLockedError(str(db.path), waited_ms=BUSY_TIMEOUT_MS, action="Pemulihan")
                return
            last_step = time.monotonic()
            step_fraction(progress, cancelled, 0.5 + 0.4 * (1 - remaining / max(total, 1)), "Memulihkan…")

        source.backup(live, pages=COPY_PAGES, progress=copied, sleep=0.05)
    finally:
        raw.close()
        source.close()


def _restore_evidence(db: Database, evidence: list[tuple[str, Path]]) -> int:
    return _restore_evidence_to(db.evidence_dir, evidence)


def _restore_evidence_to(folder: Path | None, evidence: list[tuple[str, Path]]) -> int:
    if folder is None or not evidence:
        return 0
    store = FolderStore(folder)
    packed = store.packs()
    count = 0
    for relative, source in evidence:
        target = folder.joinpath(*relative.split("/"))  # names were checked: no "..", no absolute path
        if target.exists():
            if sha256_file(target) == sha256_file(source):
                continue
        elif target.name in packed and sha256_file(source) == target.name and store.get(target.name) is not None:
            continue  # held sound in a pack
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = temporary_path(target)
        try:
            shutil.copyfile(source, temporary)
            os.replace(temporary, target)
        finally:
            unlink_quietly(temporary)
        count += 1
    if count:
        fsync_dir(folder)
    return count


def _audit_restore(db: Database, info: BackupInfo, saved: Path) -> None:
    from . import audit

    with db.write() as session:
        audit.record(
            session,
            "pulihkan",
            "database",
            summary=f"Dipulihkan dari cadangan {info.path.name} ({info.created_at:%Y-%m-%d %H:%M} UTC)",
            detail={"backup": str(info.path), "saved_copy": str(saved), "schema": info.schema_revision},
            origin=f"cadangan:{info.path.name}"[:120],
        )


# ---------------------------------------------------------------------------------------------- recovery


def check_backup(path: Path) -> BackupInfo:
    """Check a backup file completely (as :func:`preview_restore` does) without a database open."""
    return _check_in(Path(tempfile.gettempdir()), Path(path))


def recover_from_backup(
    db_path: Path, backup_path: Path, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> Path:
    """Replace a damaged database file (that cannot be opened) with a backup's snapshot.

    The backup is checked first (manifest, checksums, integrity; a newer schema is refused), an older
    snapshot is migrated, then the damaged file and its ``-wal``/``-shm`` are moved aside together as
    ``<name>.rusak-<time>.sqlite(-wal/-shm)`` (never deleted, never over an earlier copy) and the snapshot
    takes the original name. A file another process still has open is not moved. Returns the path of the
    damaged copy set aside.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    folder = db_path.parent
    remove_leftovers(folder)
    with storage_errors("memulihkan cadangan", folder, UNCHANGED):
        work = work_folder(folder, "pulihkan")
        try:
            info, snap, evidence = _extract_and_check(
                backup_path, work, progress, cancelled, also_needed=_size(db_path)
            )
            if info.schema_revision != REVISIONS[-1]:
                step_fraction(progress, cancelled, 0.35, "Memperbarui skema cadangan lama…")
                from ..db.migrate import upgrade_sqlite

                upgrade_sqlite(snap, from_revision=info.schema_revision)
            _check_foreign_keys(backup_path, snap)
            if in_use_elsewhere(db_path):
                raise DatabaseLockedError(str(db_path), action="Pemulihan")
            step_fraction(progress, cancelled, 0.5, "Menyiapkan basis data pulihan…")
            # The new file is complete beside the target before the damaged one is moved: a crash in between
            # leaves both files, never neither. From here on there is no cancelling.
            incoming = temporary_path(db_path)
            moved = False
            try:
                shutil.copyfile(snap, incoming)
                with open(incoming, "rb+") as handle:
                    os.fsync(handle.fileno())
                step_fraction(progress, None, 0.7, "Memindahkan berkas yang rusak…")
                aside = move_aside(db_path, copy_names(folder, db_path.stem, "rusak", db_path.suffix))
                moved = True
                os.replace(incoming, db_path)
            except BaseException:
                if not moved:  # once the damaged file is aside, the complete new one must stay
                    unlink_quietly(incoming)
                raise
            fsync_dir(folder)
            step_fraction(progress, None, 0.85, "Memulihkan berkas bukti…")
            _restore_evidence_to(db_path.with_name(db_path.stem + "-bukti"), evidence)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    from ..db.database import open_database

    recovered = open_database(db_path, create=False)
    try:
        _audit_restore(recovered, info, aside)
    finally:
        recovered.close()
    step_fraction(progress, None, 1.0, "Pemulihan selesai.")
    return aside


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# ---------------------------------------------------------------------------------------------- automatic


def auto_backup_folder(db: Database) -> Path:
    return _require_file(db).parent / AUTO_FOLDER


def list_auto_backups(db: Database) -> list[Path]:
    """The automatic backups of this database, oldest first."""
    folder = auto_backup_folder(db)
    if not folder.is_dir():
        return []
    pattern = re.compile(rf"^{re.escape(_require_file(db).stem)}-\d{{8}}-\d{{6}}{re.escape(BACKUP_SUFFIX)}$")
    return sorted(p for p in folder.iterdir() if pattern.match(p.name))


def auto_backup(db: Database, keep: int = 10, now: datetime | None = None) -> Path | None:
    """On closing the app: a backup in ``<db folder>/cadangan-otomatis/`` at most once a (local) day.

    Keeps the newest ``keep`` automatic backups; returns the new file, or None when today's exists.
    """
    if db.path is None:
        return None
    now = now or datetime.now()
    stem = db.path.stem
    existing = list_auto_backups(db)
    if any(p.name.startswith(f"{stem}-{now:%Y%m%d}-") for p in existing):
        return None
    target = auto_backup_folder(db) / f"{stem}-{now:%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"
    create_backup(db, target)
    for old in list_auto_backups(db)[: -keep if keep > 0 else None]:
        old.unlink(missing_ok=True)
    return target
