"""``users add|list|disable|enable|reset-password``: who may sign in, with which role, for which OPDs."""

from __future__ import annotations

import argparse
import os
import sys

from . import add_db_option, ask_password, open_for_command
from .output import add_format_option

NEW_PASSWORD_ENV = "KINERJA_NEW_PASSWORD"
ROLES = ("admin", "verifikator", "operator", "pimpinan", "evaluator")


def register(verbs: argparse._SubParsersAction) -> None:
    group = verbs.add_parser("users", help="pengguna: menambah, melihat, menonaktifkan, mengatur ulang sandi")
    actions = group.add_subparsers(dest="users_action", required=True, metavar="add|list|disable|enable|reset-password")

    add = actions.add_parser("add", help="menambah pengguna (sandi baru dari KINERJA_NEW_PASSWORD atau ditanyakan)")
    add.add_argument("name", metavar="NAMA")
    add.add_argument("--role", choices=ROLES, required=True, help="peran pengguna")
    add.add_argument("--opd", action="append", default=[], metavar="KODE",
                     help="kode atau singkatan OPD operator (boleh berulang)")
    add.add_argument("--full-name", default="", metavar="TEKS", help="nama lengkap")
    add_db_option(add)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="daftar pengguna")
    add_db_option(listing)
    add_format_option(listing)
    listing.set_defaults(handler=_list)

    for verb, active, text in (("disable", False, "menonaktifkan"), ("enable", True, "mengaktifkan kembali")):
        parser = actions.add_parser(verb, help=f"{text} pengguna")
        parser.add_argument("name", metavar="NAMA")
        add_db_option(parser)
        parser.set_defaults(handler=_set_active, active=active)

    reset = actions.add_parser("reset-password", help="mengatur ulang sandi (membuka kunci akun)")
    reset.add_argument("name", metavar="NAMA")
    add_db_option(reset)
    reset.set_defaults(handler=_reset)


def _new_password(name: str) -> str:
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    first = ask_password(f"Sandi baru untuk {name}: ", NEW_PASSWORD_ENV)
    if ask_password("Ulangi sandi baru: ", NEW_PASSWORD_ENV) != first:
        raise ValueError("Kedua sandi tidak sama; tidak ada yang disimpan.")
    return first


def _add(args: argparse.Namespace) -> int:
    from ..services import users

    database = open_for_command(args)
    try:
        users.add_user(
            database, args.name, args.role, _new_password(args.name), opd_codes=args.opd, full_name=args.full_name
        )
    finally:
        database.close()
    print(f"Pengguna {args.name} ({users.ROLE_LABELS[users.Role(args.role)]}) ditambahkan.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from ..services import users
    from .output import write_rows

    database = open_for_command(args)
    try:
        rows = users.list_users(database)
    finally:
        database.close()
    write_rows(
        ("Nama", "Nama lengkap", "Peran", "OPD", "Status"),
        [
            (
                r.name,
                r.full_name,
                r.role_label,
                " ".join(r.opd_codes),
                "terkunci" if r.locked else "aktif" if r.active else "nonaktif",
            )
            for r in rows
        ],
        args.format,
        json_rows=[
            {
                "name": r.name,
                "full_name": r.full_name,
                "role": r.role.value,
                "opds": list(r.opd_codes),
                "active": r.active,
                "locked": r.locked,
            }
            for r in rows
        ],
    )
    return 0


def _set_active(args: argparse.Namespace) -> int:
    from ..services import users

    database = open_for_command(args)
    try:
        users.set_active(database, args.name, args.active)
    finally:
        database.close()
    print(f"Pengguna {args.name} {'diaktifkan' if args.active else 'dinonaktifkan'}.")
    return 0


def _reset(args: argparse.Namespace) -> int:
    from ..services import users

    database = open_for_command(args)
    try:
        users.reset_password(database, args.name, _new_password(args.name))
    finally:
        database.close()
    print(f"Sandi {args.name} diatur ulang; akunnya tidak terkunci lagi.", file=sys.stdout)
    return 0
