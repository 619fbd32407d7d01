"""Verbs about the database as a whole: demo, info, gui."""

from __future__ import annotations

import argparse

from . import add_db_option, open_for_command


def register(verbs: argparse._SubParsersAction) -> None:
    demo = verbs.add_parser("demo", help="membuat basis data contoh (Kabupaten Sukamaju, data fiktif)")
    add_db_option(demo)
    demo.add_argument("--force", action="store_true", help="ganti isi basis data yang sudah berisi data")
    demo.add_argument("--seed", type=int, default=2026, help="benih acak (data sama untuk benih sama)")
    demo.set_defaults(handler=_demo)

    info = verbs.add_parser("info", help="menampilkan keadaan basis data (skema, isi, integritas)")
    add_db_option(info)
    info.set_defaults(handler=_info)

    gui = verbs.add_parser("gui", help="membuka aplikasi (sama dengan tanpa perintah)")
    add_db_option(gui)
    gui.set_defaults(handler=run_gui)


def _demo(args: argparse.Namespace) -> int:
    if not getattr(args, "db", None):
        raise ValueError("Sebutkan berkas basis data contoh dengan --db PATH")
    from ..demo import create_demo

    database = open_for_command(args)
    try:
        summary = create_demo(database, seed=args.seed, force=args.force)
    finally:
        database.close()
    where = args.db if database.path is not None else database.display_name  # a server's URL may hold a password
    print(
        f"Basis data contoh Kabupaten Sukamaju (data fiktif) dibuat di {where}: {summary.opds} perangkat daerah, "
        f"{summary.indicators} indikator, {summary.agreements} perjanjian kinerja, "
        f"{summary.indicator_realizations} realisasi indikator ({summary.total_rows} baris)."
    )
    return 0


def _info(args: argparse.Namespace) -> int:
    from ..services.maintenance import database_report

    database = open_for_command(args)
    try:
        for label, value in database_report(database):
            print(f"{label}: {value}")
    finally:
        database.close()
    return 0


def run_gui(args: argparse.Namespace) -> int:
    from ..gui.app import run

    return run(getattr(args, "db", None))
