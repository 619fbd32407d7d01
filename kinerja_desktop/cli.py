"""Command line: ``kinerja-desktop`` opens the app; verbs run the same services for admins and scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import APP_NAME, __version__

Handler = Callable[[argparse.Namespace], int]


def _add_db_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    # Sub-commands must not reset a --db given before the verb, hence SUPPRESS there.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top_level else argparse.SUPPRESS,
        help="berkas basis data SQLite (bawaan: folder data pengguna, atau KINERJA_DB_URL)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja-desktop",
        description=f"{APP_NAME}: Perjanjian Kinerja dan evaluasi triwulan SAKIP, luring. "
        "Tanpa perintah, membuka aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _add_db_option(parser, top_level=True)
    verbs = parser.add_subparsers(dest="verb", metavar="PERINTAH", title="perintah")

    demo = verbs.add_parser("demo", help="membuat basis data contoh (Kabupaten Sukamaju, data fiktif)")
    _add_db_option(demo)
    demo.add_argument("--force", action="store_true", help="ganti isi basis data yang sudah berisi data")
    demo.add_argument("--seed", type=int, default=2026, help="benih acak (data sama untuk benih sama)")
    demo.set_defaults(handler=_demo)

    info = verbs.add_parser("info", help="menampilkan keadaan basis data (skema, isi, integritas)")
    _add_db_option(info)
    info.set_defaults(handler=_info)

    gui = verbs.add_parser("gui", help="membuka aplikasi (sama dengan tanpa perintah)")
    _add_db_option(gui)
    gui.set_defaults(handler=_gui)
    return parser


def _open(args: argparse.Namespace):  # noqa: ANN202
    from .db.database import open_database

    database = open_database(args.db)
    for warning in database.warnings:
        print(f"Peringatan: {warning}", file=sys.stderr)
    if database.migrated_from:
        print(
            f"Skema basis data diperbarui dari {database.migrated_from}; salinan sebelumnya: "
            f"{database.pre_migration_copy}",
            file=sys.stderr,
        )
    return database


def _demo(args: argparse.Namespace) -> int:
    from .services.demo import create_demo

    if not args.db:
        raise ValueError("Sebutkan berkas basis data contoh dengan --db PATH")
    database = _open(args)
    try:
        summary = create_demo(database, seed=args.seed, force=args.force)
    finally:
        database.close()
    print(f"Basis data contoh dibuat di {args.db}: {summary}")
    return 0


def _info(args: argparse.Namespace) -> int:
    from .services.maintenance import database_report

    database = _open(args)
    try:
        for label, value in database_report(database):
            print(f"{label}: {value}")
    finally:
        database.close()
    return 0


def _gui(args: argparse.Namespace) -> int:
    from .gui.app import run

    return run(args.db)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _gui)
    from .db.errors import KinerjaDbError

    try:
        return handler(args)
    except KinerjaDbError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1
    except (ValueError, FileNotFoundError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
