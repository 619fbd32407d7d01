"""``self-test``: check this installation (Qt, resources, migrations, demo data, printing, backup) headless."""

from __future__ import annotations

import argparse


def register(verbs: argparse._SubParsersAction) -> None:
    test = verbs.add_parser(
        "self-test",
        help="uji mandiri: memeriksa instalasi ini tanpa membuka jendela (di folder sementara)",
        description="Membuat basis data di folder sementara, memigrasi, mengisi data contoh, mencetak satu PK, "
        "memeriksa PDF dan cadangan. Mencetak OK atau apa yang gagal; kode keluar 0 bila semua lulus.",
    )
    test.add_argument("--keep", action="store_true", help="simpan folder uji (PDF, basis data) untuk diperiksa")
    test.add_argument("--verbose", action="store_true", help="tampilkan jejak galat lengkap bila ada yang gagal")
    test.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="periksa juga server basis data ini (sambungan, skema, integritas, cadangan; server tidak diubah)",
    )
    test.set_defaults(handler=_self_test)


def _self_test(args: argparse.Namespace) -> int:
    from ..selftest import run

    server = getattr(args, "db", None)
    if server is not None:
        from ..db.server import is_server_url

        if not is_server_url(server):
            raise ValueError(
                "self-test --db menerima URL server (postgresql://…); uji berkas SQLite berjalan tanpa --db"
            )
    return run(keep=args.keep, verbose=args.verbose, server=server)
