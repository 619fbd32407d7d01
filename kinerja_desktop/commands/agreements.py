"""``agreements list``: each OPD's Perjanjian Kinerja status for a year."""

from __future__ import annotations

import argparse

from . import add_db_option, open_for_command
from .output import add_format_option, write_rows


def register(verbs: argparse._SubParsersAction) -> None:
    agreements = verbs.add_parser("agreements", help="Perjanjian Kinerja (daftar status per perangkat daerah)")
    actions = agreements.add_subparsers(dest="action", metavar="AKSI", required=True)
    listing = actions.add_parser("list", help="status PK tiap perangkat daerah untuk satu tahun")
    add_db_option(listing)
    listing.add_argument("--year", type=int, required=True, help="tahun PK")
    add_format_option(listing)
    listing.set_defaults(handler=_list)


def _list(args: argparse.Namespace) -> int:
    from ..domain.formatting import format_date, format_rupiah
    from ..services.agreements import list_agreements

    database = open_for_command(args)
    try:
        rows = list_agreements(database, args.year)
    finally:
        database.close()
    machine = args.format != "table"
    headers = ["kode", "singkatan", "perangkat_daerah", "status", "versi", "indikator", "anggaran", "tanggal_ttd"]
    table = [
        [
            r.opd_code,
            r.opd_abbreviation,
            r.opd_name,
            (r.status.value if r.status else "belum_ada") if machine else r.status_label,
            r.version_no,
            r.item_count,
            r.total_budget if machine else format_rupiah(r.total_budget),
            (r.sign_date.isoformat() if r.sign_date else "") if machine else format_date(r.sign_date),
        ]
        for r in rows
    ]
    write_rows(headers, table, args.format, right_aligned=(4, 5, 6))
    return 0
