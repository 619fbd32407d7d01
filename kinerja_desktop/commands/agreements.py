"""``agreements list``: the status of every Perjanjian Kinerja of a year, level by level: the regional head's own
(level "daerah"), then each OPD's (level "opd"), then inside the OPDs each eselon III and eselon IV position's
(levels "3" and "4"; ``--level`` selects one or ``all``); ``agreements create|finalize|sign``: a year's
agreements for one, several or all OPDs, with the GUI's rules."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from . import add_db_option, open_for_command
from .output import add_format_option, write_rows

LEVEL_CHOICES = ("daerah", "opd", "3", "4")  # AgreementKind's values, top down (the enum is imported when run)


def register(verbs: argparse._SubParsersAction) -> None:
    agreements = verbs.add_parser("agreements", help="Perjanjian Kinerja (daftar status per perangkat daerah)")
    actions = agreements.add_subparsers(dest="action", metavar="AKSI", required=True)
    listing = actions.add_parser("list", help="status PK tiap perangkat daerah untuk satu tahun")
    add_db_option(listing)
    listing.add_argument("--year", type=int, required=True, help="tahun PK")
    listing.add_argument("--level", choices=(*LEVEL_CHOICES, "all"), default="all",
                         help="tingkat PK: daerah, opd, 3 (eselon III), 4 (eselon IV) atau all (bawaan: semua)")
    add_format_option(listing)
    listing.set_defaults(handler=_list)
    register_year_actions(actions)


def _list(args: argparse.Namespace) -> int:
    from ..domain.enums import AgreementKind
    from ..services.agreements import LEVELS, list_agreements

    levels = LEVELS if args.level == "all" else (AgreementKind(args.level),)
    database = open_for_command(args)
    try:
        rows = list_agreements(database, args.year, levels=levels)
    finally:
        database.close()
    headers, table = listing_table(rows, machine=args.format != "table")
    write_rows(headers, table, args.format, right_aligned=(5, 6, 7))
    return 0


def listing_table(rows: list, *, machine: bool) -> tuple[list[str], list[list]]:  # noqa: ANN001 - AgreementRow
    """Headers and cells of ``agreements list``: machine values for CSV and JSON, Indonesian text for the table.
    Every row says its ``level`` ("daerah" for the regional head's own PK, "opd" for an OPD's, "3" and "4" inside
    an OPD, whose ``jabatan`` is pihak pertama's position)."""
    from ..domain.formatting import format_date, format_rupiah

    headers = ["level", "kode", "singkatan", "perangkat_daerah", "status", "versi", "indikator", "anggaran",
               "tanggal_ttd", "jabatan"]
    table = [
        [
            r.level.value if machine else r.level.label,
            r.opd_code,
            r.opd_abbreviation,
            r.opd_name,
            (r.status.value if r.status else "belum_ada") if machine else r.status_label,
            r.version_no,
            r.item_count,
            r.total_budget if machine else format_rupiah(r.total_budget),
            (r.sign_date.isoformat() if r.sign_date else "") if machine else format_date(r.sign_date),
            r.position_name,
        ]
        for r in rows
    ]
    return headers, table


# --- create, finalize, sign: a year for many OPDs -------------------------------------------------------


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal “{text}” harus berbentuk TTTT-BB-HH, misalnya 2026-01-26") from None


def _year_action(actions: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text)
    add_db_option(parser)
    parser.add_argument("--year", type=int, required=True, help="tahun PK")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--opd", action="append", metavar="KODE", help="kode atau singkatan OPD (boleh berulang)")
    which.add_argument("--all", action="store_true", help="semua perangkat daerah aktif")
    add_format_option(parser)
    return parser


def register_year_actions(actions: argparse._SubParsersAction) -> None:
    create = _year_action(actions, "create", "membuat draf PK tahun itu (dari Renstra atau PK tahun lalu)")
    create.add_argument("--from", dest="source", choices=("renstra", "last-year"), default="renstra",
                        help="isi awal: target dan pagu Renstra (bawaan) atau PK tahun sebelumnya")
    create.add_argument("--date", type=_iso_date, metavar="TTTT-BB-HH",
                        help="rencana tanggal penandatanganan: penanda tangan yang menjabat saat itu "
                        "(bawaan: 2 Januari tahun PK)")
    create.set_defaults(handler=_create)
    finalize = _year_action(actions, "finalize", "memfinalkan draf PK tahun itu")
    finalize.add_argument("--date", type=_iso_date, metavar="TTTT-BB-HH",
                          help="rencana tanggal penandatanganan: penanda tangan diperbarui ke yang menjabat saat itu")
    finalize.set_defaults(handler=_finalize)
    sign = _year_action(actions, "sign", "mencatat penandatanganan PK final (lalu terkunci)")
    sign.add_argument("--date", type=_iso_date, required=True, metavar="TTTT-BB-HH", help="tanggal penandatanganan")
    sign.set_defaults(handler=_sign)


def _create(args: argparse.Namespace) -> int:
    from ..services.agreement_batch import Source, create_for_year

    return _run_batch(args, lambda db: create_for_year(db, args.year, args.opd, source=Source(args.source),
                                                       on=args.date))


def _finalize(args: argparse.Namespace) -> int:
    from ..services.agreement_batch import finalize_for_year

    return _run_batch(args, lambda db: finalize_for_year(db, args.year, args.opd, on=args.date))


def _sign(args: argparse.Namespace) -> int:
    from ..services.agreement_batch import sign_for_year

    return _run_batch(args, lambda db: sign_for_year(db, args.year, args.opd, args.date))


def _run_batch(args: argparse.Namespace, work) -> int:  # noqa: ANN001 - a function of the open database
    """Run ``work`` on the database, print one row per OPD and a count; exit 1 when any OPD failed."""
    from ..services.agreement_batch import Outcome
    from ..services.errors import ValidationError

    database = open_for_command(args)
    try:
        results = work(database)
    except ValidationError as exc:
        for message in exc.errors.values():
            print(f"Galat: {message}", file=sys.stderr)
        return 1
    finally:
        database.close()
    headers = ["kode", "singkatan", "perangkat_daerah", "hasil", "keterangan"]
    table = [[r.opd_code, r.opd_abbreviation, r.opd_name, r.outcome.value, r.message] for r in results]
    write_rows(headers, table, args.format)
    counts = {outcome: sum(1 for r in results if r.outcome is outcome) for outcome in Outcome}
    print(
        f"{counts[Outcome.DONE]} selesai, {counts[Outcome.SKIPPED]} dilewati, {counts[Outcome.FAILED]} gagal "
        f"(PK {args.year}, {len(results)} perangkat daerah).",
        file=sys.stderr if args.format != "table" else sys.stdout,
    )
    return 1 if counts[Outcome.FAILED] else 0
