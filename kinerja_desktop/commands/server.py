"""``server``: what IT does once for a server database (PostgreSQL): upgrade its schema, move a SQLite centre onto
it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(verbs: argparse._SubParsersAction) -> None:
    server = verbs.add_parser(
        "server",
        help="server basis data (PostgreSQL) untuk banyak komputer: perbarui skema, pindahkan basis data SQLite",
        description="Perintah petugas TI untuk server basis data PostgreSQL (README, bagian untuk TI).",
    )
    actions = server.add_subparsers(dest="server_verb", metavar="AKSI", required=True)

    upgrade = actions.add_parser(
        "upgrade",
        help="menyiapkan basis data server yang kosong atau memperbarui skemanya (sekali per versi aplikasi)",
        description="Satu-satunya cara memperbarui skema server: komputer lain tidak memperbaruinya sendiri.",
    )
    upgrade.add_argument("--db", metavar="URL", required=True, help="postgresql://PENGGUNA@HOST:PORT/BASISDATA")
    upgrade.set_defaults(handler=_upgrade)

    move = actions.add_parser(
        "import",
        help="memindahkan basis data SQLite (mis. pusat Bappeda) ke server yang kosong, beserta berkas buktinya",
        description="Semua baris, berkas bukti dan peran dalam pertukaran paket (pusat) ikut pindah, dalam satu "
        "transaksi. Berkas SQLite tidak diubah (kecuali skemanya diperbarui dulu, dengan salinan pengaman).",
    )
    move.add_argument("file", metavar="FILE.sqlite", type=Path, help="basis data SQLite sumber")
    move.add_argument("--db", metavar="URL", required=True, help="server tujuan (sudah disiapkan, masih kosong)")
    move.set_defaults(handler=_import)


def _server_url(args: argparse.Namespace) -> str:
    from ..db.server import is_server_url

    if not is_server_url(args.db):
        raise ValueError(f"--db harus URL server PostgreSQL (postgresql://…), bukan “{args.db}”")
    return str(args.db)


def _upgrade(args: argparse.Namespace) -> int:
    from ..services.server import upgrade_server

    result = upgrade_server(_server_url(args))
    if not result.changed:
        print(f"Server {result.server} sudah memakai skema {result.to_revision}; tidak ada yang diubah.")
    elif result.from_revision is None:
        print(f"Server {result.server} disiapkan: skema {result.to_revision} dibuat.")
    else:
        print(f"Server {result.server} diperbarui dari skema {result.from_revision} ke {result.to_revision}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..db.database import open_database
    from ..services.server import import_sqlite

    url = _server_url(args)
    if not args.file.is_file():
        raise FileNotFoundError(f"Berkas “{args.file}” tidak ditemukan.")
    server = open_database(url)
    try:
        result = import_sqlite(args.file, server)
    finally:
        server.close()
    if result.migrated_from:
        print(f"Skema berkas diperbarui dahulu dari {result.migrated_from} (salinan pengaman dibuat).", file=sys.stderr)
    role = {"pusat": "pusat (Bappeda)", "lapangan": "laptop lapangan"}.get(result.role or "", "tanpa peran pertukaran")
    print(
        f"{result.source.name} dipindahkan ke server {result.server}: {result.total_rows} baris, "
        f"{result.evidence_files} berkas bukti; peran: {role}."
    )
    return 0
