"""``print pk|pakta|evaluation|ranking|belum-lapor|cascade`` and ``verify``: signing-ready PDFs from the command line.

Each verb builds a ``services.printing.Request`` and hands it to ``printing.write``, as the GUI does: the same
document gets the same file name and the same bytes from both.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from . import add_db_option, open_for_command

# The documents whose printing reads the database and writes nothing to it (no snapshot frozen, no log): their
# verbs open it for reading only, without the integrity check that guards writes (issue 20).
ONLY_READ = frozenset(("pk", "pakta"))
# The documents read with Core selects (services.documents_read): their print configures no mapper (≈ 35 ms).
CORE_READ = frozenset(("pk",))


def _common(parser: argparse.ArgumentParser, *, opd: bool = True) -> argparse._MutuallyExclusiveGroup | None:
    add_db_option(parser)
    parser.add_argument("--year", type=int, required=True, help="tahun")
    which = None
    if opd:
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--opd", action="append", metavar="KODE", help="kode atau singkatan OPD (boleh berulang)")
    parser.add_argument("--paper", choices=("a4", "f4"), default="a4", help="ukuran kertas (bawaan: a4)")
    parser.add_argument("--out", type=Path, required=True, help="folder tujuan, atau berkas .pdf untuk satu dokumen")
    return which


def _iso(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal “{text}” harus berbentuk TTTT-BB-HH, misalnya 2026-03-31") from None


def _dated(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument("--date", type=_iso, metavar="TTTT-BB-HH", help=f"tanggal dokumen (bawaan: {default})")


def register(verbs: argparse._SubParsersAction) -> None:
    printing = verbs.add_parser(
        "print",
        help="mencetak PK, Pakta Integritas, evaluasi, peringkat, daftar belum lapor, rapor AKIP, piagam atau LKjIP",
    )
    kinds = printing.add_subparsers(dest="document", metavar="DOKUMEN", required=True)
    pk = kinds.add_parser("pk", help="Perjanjian Kinerja tiap OPD, atau kepala daerah (versi terakhir)")
    which = _common(pk)
    assert which is not None
    which.add_argument("--regional", action="store_true", help="PK kepala daerah sendiri (Bupati/Wali Kota)")
    pk.add_argument("--level", choices=("daerah", "opd", "3", "4"),
                    help="tingkat PK: daerah, opd (bawaan), 3 (eselon III) atau 4 (eselon IV) di dalam OPD")
    pk.add_argument("--combined", action="store_true", help="juga satu berkas gabungan PK-<tahun>-SEMUA.pdf")
    pakta = kinds.add_parser("pakta", help="Pakta Integritas kepala OPD")
    _common(pakta)
    ev = kinds.add_parser("evaluation", help="Laporan Evaluasi Triwulan tiap OPD")
    _common(ev)
    ev.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4))
    _dated(ev, "akhir triwulan")
    rank = kinds.add_parser("ranking", help="Peringkat Kinerja Perangkat Daerah")
    _common(rank, opd=False)
    rank.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="triwulan (bawaan: triwulan IV, tahunan)")
    _dated(rank, "akhir triwulan")
    missing = kinds.add_parser("belum-lapor", help="daftar perangkat daerah yang belum melaporkan realisasi triwulan")
    _common(missing, opd=False)
    missing.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4))
    _dated(missing, "hari ini")
    rapor = kinds.add_parser("rapor", help="rapor hasil evaluasi AKIP tiap perangkat daerah")
    _common(rapor)
    _dated(rapor, "hari ini")
    piagam = kinds.add_parser("piagam", help="Piagam Penghargaan bagi perangkat daerah dengan nilai AKIP terbaik")
    _common(piagam)
    _dated(piagam, "hari ini; kepala daerah yang menjabat pada tanggal itu menandatangani")
    for parser in (pk, pakta, ev, rank, missing, rapor, piagam):
        # ends_at_once: once the files are written, the process ends without the interpreter's teardown (cli.py)
        parser.set_defaults(handler=_print, ends_at_once=True)
    lkjip = kinds.add_parser("lkjip", help="draf LKjIP perangkat daerah atau pemerintah daerah (.docx atau .pdf)")
    add_db_option(lkjip)
    lkjip.add_argument("--year", type=int, required=True, help="tahun")
    lkjip.add_argument("--opd", metavar="KODE", help="kode atau singkatan OPD (tanpa ini: LKjIP pemerintah daerah)")
    lkjip.add_argument("--format", choices=("docx", "pdf"), default="docx", help="bentuk berkas (bawaan: docx)")
    lkjip.add_argument("--paper", choices=("a4", "f4"), default="a4", help="ukuran kertas (bawaan: a4)")
    lkjip.add_argument("--out", type=Path, required=True, help="berkas tujuan (.docx atau .pdf)")
    _dated(lkjip, "31 Maret tahun berikutnya")
    lkjip.set_defaults(handler=_lkjip)

    cascade = kinds.add_parser("cascade", help="pohon kinerja (diagram) satu tahun, semua atau satu OPD")
    add_db_option(cascade)
    cascade.add_argument("--year", type=int, required=True, help="tahun")
    cascade.add_argument("--opd", metavar="KODE", help="kode atau singkatan OPD (bawaan: seluruh pemerintah daerah)")
    cascade.add_argument("--paper", choices=("a4", "a3"), default="a4", help="kertas lanskap (bawaan: a4)")
    cascade.add_argument("--out", type=Path, required=True, help="berkas .pdf tujuan")
    cascade.set_defaults(handler=_print_cascade)

    verify = verbs.add_parser(
        "verify", help="memeriksa apakah PDF cetakan (PK, Pakta, evaluasi, peringkat, belum lapor) sesuai basis data"
    )
    verify.add_argument("file", type=Path, metavar="BERKAS.pdf")
    add_db_option(verify)
    verify.set_defaults(handler=_verify)


def _print(args: argparse.Namespace) -> int:
    with imports_uncollected(getattr(args, "whole_process", False)):
        from sqlalchemy.orm import configure_mappers

        from ..domain.enums import AgreementKind
        from ..services import printing
        from ..services.errors import ValidationError

        printing.renderer(args.document)  # ReportLab and the document's module, while the collector rests
        if args.document not in CORE_READ:
            # The models' mappers, configured by the first query otherwise: their objects too are made uncollected.
            configure_mappers()

    request = printing.Request(
        args.document,
        args.year,
        getattr(args, "quarter", None),
        opd_codes=tuple(getattr(args, "opd", None) or ()),
        paper=args.paper,
        combined=getattr(args, "combined", False),
        level=AgreementKind(args.level) if getattr(args, "level", None)
        else AgreementKind.REGIONAL if getattr(args, "regional", False) else AgreementKind.OPD,
        dated=getattr(args, "date", None),
    )
    database = open_for_command(args, only_reads=args.document in ONLY_READ)
    try:
        paths = printing.write(database, request, args.out)  # makes the folder; refuses a file or the database
    except ValidationError as exc:  # nothing to print, a .pdf for many documents: said as "Galat: …"
        raise ValueError(str(exc)) from exc
    finally:
        database.close()
    for path in paths:
        print(path)
    print(f"{len(paths)} berkas PDF ditulis.")
    return 0


@contextmanager
def imports_uncollected(whole_process: bool) -> Iterator[None]:
    """Import a command's modules with the garbage collector paused, then freeze what they made.

    Imports create hundreds of thousands of long-lived objects (SQLAlchemy, ReportLab, the models), and the
    collector's full passes over them while they are made, and once more when the process ends, were a third of a
    one-PK ``print pk`` (benchmarks/startup.py). Frozen, they are left out of every later pass; what the command
    then makes is collected as usual. Only when the process is the command's own (``whole_process``): a caller
    that goes on (the tests) keeps its collector as it was."""
    import gc

    if not whole_process:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _print_cascade(args: argparse.Namespace) -> int:
    from ..services.cascade_tree import print_cascade
    from ..services.errors import ValidationError

    database = open_for_command(args)
    try:
        path = print_cascade(database, args.year, args.out, opd_code=args.opd, paper=args.paper)
    except ValidationError as exc:
        raise ValueError(str(exc)) from exc
    finally:
        database.close()
    print(path)
    return 0


def _lkjip(args: argparse.Namespace) -> int:
    from ..services import printing
    from ..services.errors import ValidationError

    database = open_for_command(args)
    try:
        path = printing.write_lkjip(database, args.year, args.out, opd_code=args.opd, fmt=args.format,
                                    paper=args.paper, dated=args.date)
    except ValidationError as exc:
        raise ValueError(str(exc)) from exc
    finally:
        database.close()
    print(path)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from ..services.printing import verify_pdf

    if not args.file.exists():
        raise FileNotFoundError(f"Berkas “{args.file}” tidak ditemukan")
    database = open_for_command(args)
    try:
        result = verify_pdf(database, args.file)
    finally:
        database.close()
    print(result.message)
    return 0 if result.matches else 3
