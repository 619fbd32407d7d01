"""``template``, ``import`` and ``export``: Excel workbooks in and out (templates to fill, the plan and the
quarter's realisations in, every list out)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from . import add_db_option, open_for_command

TEMPLATE_KINDS = ("pimpinan", "opd", "jabatan", "rpjmd", "renstra", "program", "realisasi")
EXPORT_KINDS = ("opd", "pimpinan", "jabatan", "rpjmd", "renstra", "program", "pk", "evaluasi", "peringkat",
                "belum-lapor", "rekap", "skp")


def _date(text: str) -> date:
    from ..domain.formatting import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(verbs: argparse._SubParsersAction) -> None:
    template = verbs.add_parser(
        "template", help="menulis templat Excel kosong untuk diisi lalu diimpor",
        description="Menulis templat Excel (.xlsx): baris judul, lembar petunjuk, daftar pilihan dan contoh. "
        "Kolom tahun mengikuti periode perencanaan basis data (--db) atau periode RPJMD saat ini.",
    )
    template.add_argument("kind", metavar="JENIS", choices=TEMPLATE_KINDS, help=", ".join(TEMPLATE_KINDS))
    template.add_argument("--out", metavar="FILE.xlsx", required=True, type=Path, help="berkas templat yang dibuat")
    add_db_option(template)
    template.add_argument("--period", metavar="TAHUN-TAHUN", help="tahun kolom target/pagu, misalnya 2025-2029")
    template.set_defaults(handler=_template)

    imp = verbs.add_parser(
        "import", help="mengimpor berkas Excel (seluruhnya atau tidak sama sekali)",
        description="Mengimpor berkas Excel dalam satu transaksi: satu kesalahan menolak seluruh berkas, dan "
        "setiap kesalahan disebutkan per lembar, baris dan kolom. Baris dicocokkan menurut kodenya.",
    )
    imp.add_argument("kind", metavar="JENIS", choices=TEMPLATE_KINDS, help=", ".join(TEMPLATE_KINDS))
    imp.add_argument("file", metavar="FILE.xlsx", type=Path, help="berkas Excel yang diimpor")
    add_db_option(imp)
    imp.add_argument("--dry-run", action="store_true", help="hanya tampilkan apa yang akan ditambah dan diubah")
    imp.add_argument("--effective", metavar="TANGGAL", type=_date,
                     help="tanggal berlaku pergantian nama atau kepala perangkat daerah (mis. 2026-03-01)")
    imp.set_defaults(handler=_import)

    export = verbs.add_parser(
        "export", help="mengekspor daftar ke Excel",
        description="Mengekspor ke Excel (.xlsx). opd, pimpinan, rpjmd, renstra dan program berbentuk templat "
        "impornya (dapat diimpor kembali); pk dan rekap memerlukan --year; evaluasi, peringkat dan belum-lapor "
        "memerlukan --year dan --quarter.",
    )
    export.add_argument("kind", metavar="JENIS", choices=EXPORT_KINDS, help=", ".join(EXPORT_KINDS))
    add_db_option(export)
    export.add_argument("--out", metavar="FILE.xlsx", required=True, type=Path, help="berkas yang dibuat")
    export.add_argument("--year", type=int, help="tahun")
    export.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="triwulan (1–4)")
    export.set_defaults(handler=_export)


def _fail(messages: list[str]) -> int:
    for message in messages:
        print(f"Galat: {message}", file=sys.stderr)
    return 1


def _template(args: argparse.Namespace) -> int:
    from ..interchange.errors import InterchangeError
    from ..services.errors import ValidationError
    from ..services.excel_template import write_template
    from ..services.periods import parse_years

    years = None
    if args.period:
        start, end = parse_years(args.period)
        years = list(range(start, end + 1))
    database = None
    if getattr(args, "db", None):  # the period's years from an existing database (never one created here)
        from ..db.database import open_database

        database = open_database(args.db, create=False)
    try:
        path = write_template(args.kind, args.out, db=database, years=years)
    except (ValidationError, InterchangeError, OSError) as exc:
        return _fail([str(exc)])
    finally:
        if database is not None:
            database.close()
    print(f"Templat {args.kind} ditulis: {path}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ..interchange.errors import InterchangeError
    from ..services.errors import ValidationError
    from ..services.excel_import import Action, ImportRefused, import_file

    database = open_for_command(args)
    try:
        result = import_file(database, args.kind, args.file, dry_run=args.dry_run, effective=args.effective)
    except ImportRefused as exc:
        print(exc.summary(), file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except (ValidationError, InterchangeError) as exc:
        return _fail([str(exc)])
    finally:
        database.close()
    counts = result.counts
    head = "Pratinjau (tidak ada yang disimpan)" if args.dry_run else "Diimpor"
    print(f"{head}: {result.file_name} ({args.kind}) — {counts[Action.ADDED]} ditambahkan, "
          f"{counts[Action.CHANGED]} diubah, {counts[Action.UNCHANGED]} tetap.")
    for action, mark in ((Action.ADDED, "+"), (Action.CHANGED, "~")):
        for change in result.of(action):
            details = f" ({'; '.join(change.details)})" if change.details else ""
            print(f"  {mark} baris {change.row}: {change.subject}{details}")
    if result.needs_effective:
        print("Catatan: berkas ini mengganti nama atau kepala perangkat daerah; saat impor sebutkan tanggal "
              "berlakunya dengan --effective TANGGAL.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from ..interchange.errors import InterchangeError
    from ..services.errors import ValidationError
    from ..services.excel_export import export

    database = open_for_command(args)
    try:
        result = export(database, args.kind, args.out, year=args.year, quarter=args.quarter)
    except (ValidationError, InterchangeError, OSError) as exc:
        return _fail([str(exc)])
    finally:
        database.close()
    print(f"Ekspor {args.kind} ditulis: {result.path} ({result.rows} baris)")
    return 0
