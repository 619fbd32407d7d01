"""Command-line verbs, one module per group; each module has ``register(verbs)``.

Modules import only argparse at load time (``--help`` must stay fast); handlers import services lazily.
"""

from __future__ import annotations

import argparse
import sys

# Which module registers each verb, in the order ``--help`` lists them: a command's process loads only its own
# verb's module (``cli.build_parser``).
VERBS: dict[str, str] = {
    "demo": "kinerja_desktop.commands.database",
    "info": "kinerja_desktop.commands.database",
    "gui": "kinerja_desktop.commands.database",
    "setup": "kinerja_desktop.commands.setup",
    "agreements": "kinerja_desktop.commands.agreements",
    "evaluate": "kinerja_desktop.commands.evaluation",
    "verification": "kinerja_desktop.commands.verification",
    "lke": "kinerja_desktop.commands.akip",
    "print": "kinerja_desktop.commands.printing",
    "verify": "kinerja_desktop.commands.printing",
    "self-test": "kinerja_desktop.commands.selftest",
    "backup": "kinerja_desktop.commands.interchange",
    "restore": "kinerja_desktop.commands.interchange",
    "package": "kinerja_desktop.commands.interchange",
    "template": "kinerja_desktop.commands.excel",
    "import": "kinerja_desktop.commands.excel",
    "export": "kinerja_desktop.commands.excel",
    "open": "kinerja_desktop.commands.open_file",
    "server": "kinerja_desktop.commands.server",
    "users": "kinerja_desktop.commands.users",
    "audit": "kinerja_desktop.commands.audit",
}
# The verb modules, each once, in that order (``--help`` and an unknown verb: all of them).
VERB_MODULES: tuple[str, ...] = tuple(dict.fromkeys(VERBS.values()))
PASSWORD_ENV = "KINERJA_PASSWORD"


def add_db_option(parser: argparse.ArgumentParser, *, top_level: bool = False, act_as: str = "--user") -> None:
    """``--db PATH``; on a verb it must not reset a --db given before the verb, hence SUPPRESS. ``act_as``: the
    option naming the user the verb acts as (``audit`` keeps ``--user`` for its filter and acts with ``--as``)."""
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=None if top_level else argparse.SUPPRESS,
        help="berkas basis data SQLite, atau server: postgresql://PENGGUNA@HOST:PORT/BASISDATA (bawaan: "
        "KINERJA_DB_URL, server.ini dari petugas TI, atau berkas di folder data pengguna)",
    )
    if not top_level:
        parser.add_argument(
            act_as,
            dest="acting_user",
            metavar="NAMA",
            default=argparse.SUPPRESS,
            help="bertindak sebagai pengguna ini (sandi dari KINERJA_PASSWORD atau ditanyakan); tidak perlu pada "
            "basis data dengan satu admin otomatis",
        )


def open_for_command(args: argparse.Namespace, *, only_reads: bool = False):  # noqa: ANN201
    """Open the database named on the command line, printing warnings and migrations to stderr.

    ``only_reads``: the verb writes nothing (``print pk``): the database is opened for reading only, without the
    integrity check that guards writes (``open_database``). Acting as a user (``--user``) signs in, which counts
    failed attempts: that open can write, and is checked."""
    from ..db.database import open_database

    name = getattr(args, "acting_user", None)
    database = open_database(getattr(args, "db", None), only_reads=only_reads and not name)
    for warning in database.warnings:
        print(f"Peringatan: {warning}", file=sys.stderr)
    if database.migrated_from:
        print(
            f"Skema basis data diperbarui dari {database.migrated_from}; salinan sebelumnya: "
            f"{database.pre_migration_copy}",
            file=sys.stderr,
        )
    if name:
        try:
            sign_in(database, name)
        except BaseException:
            database.close()
            raise
    return database


def sign_in(database, name: str) -> None:  # noqa: ANN001 - a Database, imported lazily
    """Act as ``name`` on ``database``: the password from ``KINERJA_PASSWORD``, else asked (never echoed)."""
    import os

    from ..services import users

    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = ask_password(f"Sandi untuk {name}: ", PASSWORD_ENV)
    users.sign_in(database, name, password)


def ask_password(prompt: str, env: str) -> str:
    """A password typed at the terminal, never echoed. Where nothing can be typed (a scheduled task, input from
    /dev/null), a clear refusal naming the environment variable that gives it instead, not a traceback."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise ValueError(
            f"Sandi tidak dapat ditanyakan karena tidak ada masukan dari papan ketik; isi variabel {env}."
        ) from None
