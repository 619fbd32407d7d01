"""``lke export|import``: the AKIP evaluation's Lembar Kerja Evaluasi to and from Excel."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import add_db_option, open_for_command


def register(verbs: argparse._SubParsersAction) -> None:
    lke = verbs.add_parser("lke", help="Lembar Kerja Evaluasi AKIP ke dan dari Excel")
    actions = lke.add_subparsers(dest="action", metavar="AKSI", required=True)
    export = actions.add_parser(
        "export", help="mengekspor LKE setahun ke Excel (jawaban, evaluasi, struktur)",
        description="Satu baris per perangkat daerah dan kriteria (terisi atau belum), lembar Evaluasi (evaluator, "
        "catatan dan rekomendasi umum) dan lembar Struktur LKE; berkas ini dapat diisi lalu diimpor kembali.",
    )
    add_db_option(export)
    export.add_argument("--year", type=int, required=True, help="tahun")
    export.add_argument("--opd", action="append", metavar="KODE", help="kode atau singkatan OPD (boleh berulang)")
    export.add_argument("--out", metavar="FILE.xlsx", required=True, type=Path, help="berkas yang dibuat")
    export.set_defaults(handler=_export)
    imp = actions.add_parser(
        "import", help="mengimpor LKE dari Excel (seluruhnya atau tidak sama sekali)",
        description="Satu kesalahan menolak seluruh berkas; setiap kesalahan disebutkan per lembar, baris dan kolom.",
    )
    imp.add_argument("file", metavar="FILE.xlsx", type=Path, help="berkas Excel yang diimpor")
    add_db_option(imp)
    imp.add_argument("--dry-run", action="store_true", help="hanya tampilkan apa yang akan ditambah dan diubah")
    imp.set_defaults(handler=_import)


def _export(args: argparse.Namespace) -> int:
    from ..interchange.errors import InterchangeError
    from ..services.errors import ValidationError
    from ..services.excel_lke import export_lke
    from .excel import _fail

    database = open_for_command(args)
    try:
        result = export_lke(database, args.year, args.out, opd_codes=tuple(args.opd or ()))
    except (ValidationError, InterchangeError, OSError) as exc:
        return _fail([str(exc)])
    finally:
        database.close()
    print(f"Ekspor LKE {args.year} ditulis: {result.path} ({result.rows} baris)")
    return 0


def _import(args: argparse.Namespace) -> int:
    from .excel import _import as import_kind

    args.kind, args.effective = "lke", None
    return import_kind(args)
