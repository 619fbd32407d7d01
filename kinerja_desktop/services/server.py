"""Server mode's maintenance: upgrading a server's schema once, and moving a SQLite centre onto a server.

No workstation migrates a server by opening it (``db/database.open_server``); IT runs ``server upgrade`` once per
new version of the app. ``server import`` copies every row of a SQLite database (its role as centre and its signing
keys included, so the kecamatan laptops' packages keep being accepted) and its evidence files onto an empty
server at the same schema, in one transaction, and checks the counts before it commits.

It is also the GUI's face of ``db/server.py``: a server's address, the config file IT deploys and the password kept
by the OS keyring (the "Sambungkan ke server" dialog), so the GUI reaches the database through the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..db import transfer
from ..db.database import Database, open_database, open_server, server_revision
from ..db.engine import READ_ONLY
from ..db.errors import KinerjaDbError
from ..db.locks import lock_exchange
from ..db.revisions import HEAD
from ..db.server import (
    DEFAULT_PORT,
    Credentials,
    PasswordStore,
    ServerAddress,
    config_paths,
    find_config,
    is_server_url,
    server_label,
    write_config,
)
from ..db.sync_models import SyncInstallation
from . import audit
from . import users as auth
from .progress import CancelCheck, Progress, step_fraction

__all__ = [
    "DEFAULT_PORT",
    "Credentials",
    "ImportResult",
    "PasswordStore",
    "ServerAddress",
    "ServerImportError",
    "UpgradeResult",
    "config_paths",
    "find_config",
    "import_sqlite",
    "is_server_url",
    "upgrade_server",
    "write_config",
]


class ServerImportError(KinerjaDbError):
    """A SQLite database that cannot be moved onto this server as it is."""


@dataclass(frozen=True)
class UpgradeResult:
    server: str
    from_revision: str | None
    to_revision: str

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


@dataclass(frozen=True)
class ImportResult:
    source: Path
    server: str
    rows: dict[str, int]
    evidence_files: int
    role: str | None  # the installation's role in the exchange (pusat, lapangan), None when it had none
    migrated_from: str | None  # the SQLite file's revision when it had to be upgraded first

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def upgrade_server(url: str) -> UpgradeResult:
    """Bring a server database (empty or older) to this app's schema, in one transaction."""
    database = open_server(url, upgrade=True)
    try:
        return UpgradeResult(
            server=server_label(url),
            from_revision=None if database.migrated_from == "kosong" else database.migrated_from or HEAD,
            to_revision=server_revision(database.engine) or "",
        )
    finally:
        database.close()


def import_sqlite(
    source_path: Path,
    server: Database,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportResult:
    """Copy a SQLite database (migrated to this app's schema first, with its safety copy) onto an empty server."""
    auth.require(server, "restore")
    source_path = Path(source_path)
    if not server.is_server:
        raise ServerImportError("Tujuan impor harus server basis data (--db postgresql://…), bukan berkas SQLite.")
    step_fraction(progress, cancelled, 0.0, "Membuka basis data SQLite…")
    source = open_database(source_path, create=False)
    try:
        if source.is_server:
            raise ServerImportError("Sumber impor harus berkas SQLite.")
        with source.engine.connect() as src, server.engine.connect() as dst:
            occupied = {name: n for name, n in transfer.row_counts(dst).items() if n}
            if occupied:
                raise ServerImportError(
                    f"Server {server.display_name} sudah berisi data ({sum(occupied.values())} baris, mis. "
                    f"{', '.join(sorted(occupied)[:3])}); impor hanya ke basis data server yang kosong. Tidak ada "
                    "yang diubah."
                )
        step_fraction(progress, cancelled, 0.1, "Menyalin baris ke server…")
        store = source.evidence
        names = store.names()
        with source.engine.connect() as src, src.execution_options(**{READ_ONLY: True}).begin(), \
                server.write() as session:  # one read snapshot of the file, one transaction on the server
            dst = session.connection()
            lock_exchange(session)
            expected = transfer.row_counts(src)
            rows = transfer.copy_all(src, dst, "impor basis data SQLite ke server")
            step_fraction(progress, cancelled, 0.7, "Menyalin berkas bukti…")
            target = server.evidence
            for name, data in store.get_many(names):
                if data is not None:
                    target.put(data, name, dst)
            arrived = transfer.row_counts(dst)
            if arrived != expected or rows != expected:
                raise ServerImportError("Jumlah baris di server tidak sama dengan berkas sumber; impor dibatalkan.")
            role = dst.execute(select(SyncInstallation.role)).scalar()
            audit.record(
                session,
                "server.import",
                "database",
                summary=f"Basis data {source_path.name} dipindahkan ke server ({sum(rows.values())} baris, "
                f"{len(names)} berkas bukti)",
                detail={"source": str(source_path), "role": role, "rows": sum(rows.values())},
                origin=f"impor:{source_path.name}"[:120],
            )
        step_fraction(progress, None, 1.0, "Impor selesai.")
        return ImportResult(
            source=source_path,
            server=server.display_name,
            rows=rows,
            evidence_files=len(names),
            role=role,
            migrated_from=source.migrated_from,
        )
    finally:
        source.close()
