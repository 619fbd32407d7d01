"""``audit list``: the audit trail filtered by user, OPD, period and kind, as a table, CSV or JSON (JSON carries
each entry's field changes, before and after); ``audit export``: the same to an Excel workbook."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from . import add_db_option, open_for_command
from .output import add_format_option, write_rows


def _date(text: str) -> date:
    from ..domain.formatting import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _filters(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser, act_as="--as")
    parser.add_argument("--user", metavar="PENGGUNA", default="", help="hanya perubahan oleh pengguna ini")
    parser.add_argument("--opd", metavar="KODE", default=None,
                        help="hanya perubahan data OPD ini (kode atau singkatan)")
    parser.add_argument("--since", metavar="TANGGAL", type=_date, default=None, help="sejak tanggal ini (2026-01-26)")
    parser.add_argument("--until", metavar="TANGGAL", type=_date, default=None, help="sampai tanggal ini")
    parser.add_argument("--kind", metavar="JENIS", default="",
                        help="jenis tindakan (agreement, opd, agreement.sign …) atau tabel (performance_agreement)")
    parser.add_argument("--search", metavar="TEKS", default="", help="teks dalam ringkasan, tindakan atau pengguna")


def register(verbs: argparse._SubParsersAction) -> None:
    audit = verbs.add_parser("audit", help="jejak audit: siapa mengubah apa, kapan, sebelum dan sesudahnya")
    actions = audit.add_subparsers(dest="audit_action", metavar="TINDAKAN", required=True)
    listing = actions.add_parser("list", help="daftar perubahan (terbaru dahulu)")
    _filters(listing)
    listing.add_argument("--limit", type=int, default=None, help="paling banyak sekian baris")
    add_format_option(listing)
    listing.set_defaults(handler=_list)
    export = actions.add_parser("export", help="menulis daftar perubahan dan rinciannya ke berkas Excel")
    _filters(export)
    export.add_argument("--out", metavar="BERKAS.xlsx", required=True, help="berkas Excel yang ditulis")
    export.set_defaults(handler=_export)


def _filter_of(args: argparse.Namespace, database):  # noqa: ANN001, ANN202
    from ..services import users
    from ..services.audit_log import AuditFilter, opd_by_code

    users.require_read(database, "audit")  # Admin, Verifikator, Pimpinan (as the GUI's Jejak audit menu)
    opd_id = opd_by_code(database, args.opd) if args.opd else None
    return AuditFilter(user=args.user, opd_id=opd_id, kind=args.kind, since=args.since, until=args.until,
                       text=args.search)


def _list(args: argparse.Namespace) -> int:
    from ..services import audit_log
    from ..services.errors import ValidationError

    database = open_for_command(args)
    try:
        try:
            found = _filter_of(args, database)
            entries = []
            for entry in audit_log.iter_entries(database, found):
                entries.append(entry)
                if args.limit is not None and len(entries) >= args.limit:
                    break
            changes = {e.id: audit_log.changes_of(database, e) for e in entries} if args.format == "json" else {}
        except ValidationError as exc:
            print(f"Galat: {exc}", file=sys.stderr)
            return 1
    finally:
        database.close()
    machine = args.format != "table"
    headers = ["waktu", "pengguna", "asal", "opd", "tindakan", "objek", "ringkasan"]
    rows = [
        [e.at.isoformat(timespec="seconds") + "Z" if machine else e.when, e.user, e.origin, e.opd or "-",
         e.action, e.entity, e.summary]
        for e in entries
    ]
    json_rows = None
    if args.format == "json":
        json_rows = [
            {
                "waktu": e.at.isoformat(timespec="seconds") + "Z",
                "pengguna": e.user,
                "asal": e.origin,
                "opd": e.opd or None,
                "tindakan": e.action,
                "objek": e.entity,
                "id_objek": e.entity_id,
                "ringkasan": e.summary,
                "perubahan": [
                    {
                        "tabel": c.table,
                        "baris": c.row_id,
                        "operasi": c.operation,
                        "kolom": {f.field: {"sebelum": f.raw_before, "sesudah": f.raw_after} for f in c.fields},
                    }
                    for c in changes[e.id]
                ],
            }
            for e in entries
        ]
    write_rows(headers, rows, args.format, json_rows=json_rows)
    return 0


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..services import audit_log
    from ..services.errors import ValidationError

    database = open_for_command(args)
    try:
        try:
            path, count = audit_log.export_xlsx(database, _filter_of(args, database), Path(args.out))
        except ValidationError as exc:
            print(f"Galat: {exc}", file=sys.stderr)
            return 1
    finally:
        database.close()
    print(f"{count} entri jejak audit ditulis ke {path}")
    return 0
