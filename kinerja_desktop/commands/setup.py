"""``setup``: an empty database becomes a regency's (government, planning agency, RPJMD period)."""

from __future__ import annotations

import argparse
import sys

from . import add_db_option, open_for_command


def register(verbs: argparse._SubParsersAction) -> None:
    setup = verbs.add_parser(
        "setup",
        help="menyiapkan basis data kosong: pemerintah daerah, badan perencanaan, periode RPJMD",
        description="Menyiapkan basis data kosong untuk sebuah kabupaten/kota (ditolak bila sudah disiapkan). "
        "Pimpinan daerah dan perangkat daerah ditambahkan sesudahnya, di aplikasi atau dengan impor.",
    )
    add_db_option(setup)
    setup.add_argument("--kind", required=True, choices=("kabupaten", "kota"), help="kabupaten atau kota")
    setup.add_argument("--name", required=True, metavar="NAMA", help="nama daerah, misalnya Wanasari")
    setup.add_argument("--period", required=True, metavar="TAHUN-TAHUN", help="periode RPJMD, misalnya 2025-2029")
    setup.add_argument(
        "--transition", action="store_true", help="periode transisi (RPD), bukan RPJMD lima tahun"
    )
    setup.add_argument(
        "--capital", metavar="TEMPAT", help="tempat penandatanganan dokumen (ibu kota; bawaan: nama daerah)"
    )
    setup.add_argument("--province", metavar="PROVINSI", default="", help="provinsi")
    setup.add_argument(
        "--agency", metavar="NAMA", default="Badan Perencanaan Pembangunan Daerah", help="nama badan perencanaan"
    )
    setup.add_argument("--agency-short", metavar="SINGKATAN", default="Bappeda", help="singkatannya (bawaan: Bappeda)")
    setup.set_defaults(handler=_setup)


def _setup(args: argparse.Namespace) -> int:
    from ..domain.enums import PeriodKind, RegionKind
    from ..services.errors import ValidationError
    from ..services.periods import PeriodData, parse_years
    from ..services.regency import RegencyProfile
    from ..services.setup import SetupData, set_up

    kind = RegionKind(args.kind)
    name = args.name.strip()
    prefix = "Kabupaten " if kind is RegionKind.KABUPATEN else "Kota "
    if name.casefold().startswith(prefix.casefold()):
        name = name[len(prefix):].strip()  # "Kota Wanasari" given as the name
    start, end = parse_years(args.period)
    profile = RegencyProfile(
        kind=kind,
        name=name,
        province=args.province,
        capital=args.capital if args.capital is not None else name,
        agency_name=args.agency,
        agency_short=args.agency_short,
    )
    period = PeriodData(start, end, PeriodKind.TRANSITION if args.transition else PeriodKind.RPJMD)
    database = open_for_command(args)
    try:
        result = set_up(database, SetupData(profile=profile, period=period))
    except ValidationError as exc:
        for message in exc.errors.values():
            print(f"Galat: {message}", file=sys.stderr)
        return 1
    finally:
        database.close()
    print(
        f"{result.regency_name} disiapkan: periode {result.period_name} (tahun anggaran {start}–{end}), "
        f"tempat penandatanganan {profile.capital}, badan perencanaan {profile.agency_short}."
    )
    print("Berikutnya: pimpinan daerah dan perangkat daerah (di aplikasi, atau dengan impor).")
    return 0
