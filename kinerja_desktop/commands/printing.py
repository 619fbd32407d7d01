"""``print pk|pakta|evaluation|ranking`` and ``verify``: signing-ready PDFs from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import add_db_option, open_for_command


def _common(parser: argparse.ArgumentParser, *, opd: bool = True) -> None:
    add_db_option(parser)
    parser.add_argument("--year", type=int, required=True, help="tahun")
    if opd:
        parser.add_argument("--opd", action="append", metavar="KODE", help="kode atau singkatan OPD (boleh berulang)")
    parser.add_argument("--paper", choices=("a4", "f4"), default="a4", help="ukuran kertas (bawaan: a4)")
    parser.add_argument("--out", type=Path, required=True, help="folder tujuan, atau berkas .pdf untuk satu dokumen")


def register(verbs: argparse._SubParsersAction) -> None:
    printing = verbs.add_parser("print", help="mencetak PK, Pakta Integritas, evaluasi atau peringkat ke PDF")
    kinds = printing.add_subparsers(dest="document", metavar="DOKUMEN", required=True)
    pk = kinds.add_parser("pk", help="Perjanjian Kinerja tiap OPD (versi terakhir)")
    _common(pk)
    pk.add_argument("--combined", action="store_true", help="juga satu berkas gabungan PK-<tahun>-SEMUA.pdf")
    pk.set_defaults(handler=_print_pk)
    pakta = kinds.add_parser("pakta", help="Pakta Integritas kepala OPD")
    _common(pakta)
    pakta.set_defaults(handler=_print_pakta)
    ev = kinds.add_parser("evaluation", help="Laporan Evaluasi Triwulan tiap OPD")
    _common(ev)
    ev.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4))
    ev.set_defaults(handler=_print_evaluation)
    rank = kinds.add_parser("ranking", help="Peringkat Kinerja Perangkat Daerah")
    _common(rank, opd=False)
    rank.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="triwulan (bawaan: triwulan IV, tahunan)")
    rank.set_defaults(handler=_print_ranking)

    verify = verbs.add_parser("verify", help="memeriksa apakah PDF PK/Pakta masih sesuai basis data")
    verify.add_argument("file", type=Path, metavar="BERKAS.pdf")
    add_db_option(verify)
    verify.set_defaults(handler=_verify)


def _prepare_out(args: argparse.Namespace) -> Path:
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        out.mkdir(parents=True, exist_ok=True)
    return out


def _report(paths: list[Path]) -> int:
    for path in paths:
        print(path)
    print(f"{len(paths)} berkas PDF ditulis.")
    return 0


def _print_pk(args: argparse.Namespace) -> int:
    from ..services import printing
    from ..services.agreements import list_agreements

    out = _prepare_out(args)
    database = open_for_command(args)
    try:
        if out.suffix.lower() == ".pdf":
            rows = [r for r in list_agreements(database, args.year) if r.agreement_id]
            if args.opd:
                rows = [r for r in rows if r.opd_code in args.opd or r.opd_abbreviation in args.opd]
            if len(rows) != 1:
                raise ValueError("Satu berkas .pdf hanya untuk satu OPD: sebutkan --opd, atau beri folder di --out")
            return _report([printing.print_agreement(database, rows[0].agreement_id, out, args.paper)])
        paths = printing.print_agreements(
            database, args.year, out, args.paper, opd_codes=args.opd, combined=args.combined
        )
    finally:
        database.close()
    return _report(paths)


def _print_pakta(args: argparse.Namespace) -> int:
    from ..services import printing

    out = _prepare_out(args)
    database = open_for_command(args)
    try:
        return _report(printing.print_pacts(database, args.year, out, args.paper, opd_codes=args.opd))
    finally:
        database.close()


def _print_evaluation(args: argparse.Namespace) -> int:
    from ..services import printing

    out = _prepare_out(args)
    database = open_for_command(args)
    try:
        return _report(
            printing.print_evaluations(database, args.year, args.quarter, out, args.paper, opd_codes=args.opd)
        )
    finally:
        database.close()


def _print_ranking(args: argparse.Namespace) -> int:
    from ..services import printing

    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        out.mkdir(parents=True, exist_ok=True)
        out = out / f"PERINGKAT-{args.year}-TW{args.quarter or 4}.pdf"
    database = open_for_command(args)
    try:
        return _report([printing.print_ranking(database, args.year, args.quarter or 4, out, args.paper)])
    finally:
        database.close()


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
