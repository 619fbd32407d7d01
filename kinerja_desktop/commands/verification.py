"""``verification list``: what waits for Bappeda's verification (PKs and quarterly reports, by OPD, oldest first),
for one verifier (``--verifier``: their assigned OPDs; none assigned: all); ``verification submit|verify|return``:
one PK (``--opd`` and ``--year``, ``--level`` for the regional head's or an eselon III/IV PK with ``--position``)
or one quarterly report (``--quarter``); ``verification assign``: a verifier's OPDs; ``verification setting``:
whether every PK is verified before it is final."""

from __future__ import annotations

import argparse
import sys

from . import add_db_option, open_for_command
from .output import add_format_option, write_rows

LEVEL_CHOICES = ("daerah", "opd", "3", "4")


def register(verbs: argparse._SubParsersAction) -> None:
    parser = verbs.add_parser("verification", help="verifikasi Bappeda atas PK dan laporan triwulan")
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True)
    listing = actions.add_parser("list", help="daftar yang menunggu verifikasi (per OPD, terlama dahulu)")
    add_db_option(listing)
    listing.add_argument("--verifier", metavar="NAMA",
                         help="hanya OPD yang ditugaskan ke verifikator ini (tanpa penugasan: semua)")
    add_format_option(listing)
    listing.set_defaults(handler=_list)
    for name, help_text in (("submit", "mengajukan PK atau laporan triwulan ke Bappeda"),
                            ("verify", "memverifikasi PK atau laporan triwulan yang diajukan"),
                            ("return", "mengembalikan PK atau laporan triwulan dengan catatan")):
        step = actions.add_parser(name, help=help_text)
        add_db_option(step)
        step.add_argument("--year", type=int, required=True, help="tahun")
        step.add_argument("--opd", metavar="KODE", help="kode atau singkatan OPD (tidak untuk PK daerah)")
        step.add_argument("--quarter", type=int, choices=(1, 2, 3, 4),
                          help="triwulan: laporan triwulan OPD itu (tanpa --quarter: PK-nya)")
        step.add_argument("--level", choices=LEVEL_CHOICES, default="opd",
                          help="tingkat PK: daerah, opd (bawaan), 3 (eselon III), 4 (eselon IV)")
        step.add_argument("--position", metavar="JABATAN", help="nama jabatan pihak pertama (PK eselon III/IV)")
        if name == "return":
            step.add_argument("--note", required=True, help="catatan: apa yang harus diperbaiki (wajib)")
        step.set_defaults(handler=_step, step=name)
    assign = actions.add_parser("assign", help="OPD yang diverifikasi seorang verifikator (tanpa --opd: semua)")
    add_db_option(assign)
    assign.add_argument("--verifier", metavar="NAMA", required=True, help="nama pengguna verifikator")
    assign.add_argument("--opd", action="append", metavar="KODE", default=[], help="kode atau singkatan OPD")
    assign.set_defaults(handler=_assign)
    setting = actions.add_parser("setting", help="wajibkan verifikasi sebelum PK difinalkan")
    add_db_option(setting)
    setting.add_argument("--required", choices=("yes", "no"), required=True,
                         help="yes: setiap PK diverifikasi Bappeda sebelum final; no: hanya yang diajukan")
    setting.set_defaults(handler=_setting)


def _failed(exc) -> int:  # noqa: ANN001 - a ValidationError
    for message in exc.errors.values():
        print(f"Galat: {message}", file=sys.stderr)
    return 1


def _list(args: argparse.Namespace) -> int:
    from ..domain.formatting import format_datetime
    from ..services import verification

    database = open_for_command(args)
    try:
        items = verification.waiting(database, args.verifier)
    finally:
        database.close()
    machine = args.format != "table"
    headers = ["jenis", "kode", "perangkat_daerah", "dokumen", "tahun", "triwulan", "diajukan", "oleh"]
    rows = [
        [
            i.kind if machine else ("PK" if i.kind == "pk" else "Laporan"),
            i.opd_code,
            i.opd_name,
            i.title,
            i.year,
            i.quarter if machine else (i.quarter or "-"),
            i.submitted_at.isoformat(timespec="seconds") if machine else format_datetime(i.submitted_at),
            i.submitted_by,
        ]
        for i in items
    ]
    write_rows(headers, rows, args.format)
    if not machine:
        print(f"{len(items)} menunggu verifikasi.")
    return 0


def _opd_id(database, code: str) -> str:  # noqa: ANN001
    from ..services.verification import find_opd

    return find_opd(database, code)


def _agreement_id(database, args: argparse.Namespace) -> str:  # noqa: ANN001
    from ..domain.enums import AgreementKind
    from ..services.agreements import list_agreements
    from ..services.errors import ValidationError
    from ..services.opd_names import names_opd

    kind = AgreementKind(args.level)
    rows = list_agreements(database, args.year, levels=(kind,))
    if kind is not AgreementKind.REGIONAL:
        if not args.opd:
            raise ValidationError.single("opd", "Sebutkan --opd KODE (atau --level daerah untuk PK kepala daerah)")
        rows = [r for r in rows if names_opd(args.opd, r.opd_code, r.opd_abbreviation)]
    if kind.is_lower:
        position = (args.position or "").strip().casefold()
        rows = [r for r in rows if r.position_name.casefold() == position]
    found = [r for r in rows if r.agreement_id]
    if len(found) != 1:
        raise ValidationError.single("opd", f"PK {args.year} yang dimaksud tidak ditemukan"
                                     + (" (sebutkan --position JABATAN)" if kind.is_lower else ""))
    return found[0].agreement_id or ""


def _step(args: argparse.Namespace) -> int:
    from ..services import agreements, verification
    from ..services.errors import ValidationError

    database = open_for_command(args)
    try:
        if args.quarter is not None:
            if not args.opd:
                raise ValidationError.single("opd", "Laporan triwulan: sebutkan --opd KODE")
            opd_id = _opd_id(database, args.opd)
            what = f"Laporan Triwulan {args.quarter} {args.year}"
            if args.step == "submit":
                verification.submit_report(database, args.year, args.quarter, opd_id)
            elif args.step == "verify":
                count = verification.verify_report(database, args.year, args.quarter, opd_id)
                what += f" ({count} realisasi)"
            else:
                verification.return_report(database, args.year, args.quarter, opd_id, args.note)
        else:
            agreement_id = _agreement_id(database, args)
            what = f"PK {args.year}"
            if args.step == "submit":
                agreements.submit(database, agreement_id)
            elif args.step == "verify":
                verification.verify_agreement(database, agreement_id)
            else:
                verification.return_agreement(database, agreement_id, args.note)
    except ValidationError as exc:
        return _failed(exc)
    finally:
        database.close()
    done = {"submit": "diajukan", "verify": "diverifikasi", "return": "dikembalikan"}[args.step]
    print(f"{what} {args.opd or ''} {done}.".replace("  ", " "))
    return 0


def _assign(args: argparse.Namespace) -> int:
    from ..services import verification
    from ..services.errors import ValidationError

    database = open_for_command(args)
    try:
        opd_ids = [_opd_id(database, code) for code in args.opd]
        verification.assign_verifier(database, args.verifier, opd_ids)
    except ValidationError as exc:
        return _failed(exc)
    finally:
        database.close()
    print(f"Verifikator {args.verifier}: {len(opd_ids) or 'semua'} perangkat daerah.")
    return 0


def _setting(args: argparse.Namespace) -> int:
    from ..services import verification
    from ..services.errors import ValidationError

    database = open_for_command(args)
    try:
        verification.set_verification_required(database, args.required == "yes")
    except ValidationError as exc:
        return _failed(exc)
    finally:
        database.close()
    print("Verifikasi PK sebelum final " + ("diwajibkan." if args.required == "yes" else "tidak diwajibkan."))
    return 0
