"""Verb ``open FILE``: what Windows runs for a double-clicked ``.kinerja-backup`` or ``.kinerja-paket``.

It starts the app on the database (``--db`` or the default) and, once ready, shows Cadangan & Paket with
the restore preview of a backup or the import preview of a package.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import add_db_option

# The same suffixes as services.backup.BACKUP_SUFFIX and services.sync.PACKAGE_SUFFIX (a test keeps them
# equal); spelled out here so that ``--help`` does not import the services.
BACKUP_SUFFIX = ".kinerja-backup"
PACKAGE_SUFFIX = ".kinerja-paket"
RESTORE = "pulihkan"
IMPORT = "impor"


def register(verbs: argparse._SubParsersAction) -> None:
    parser = verbs.add_parser(
        "open", help="membuka aplikasi dengan berkas cadangan (.kinerja-backup) atau paket (.kinerja-paket)"
    )
    add_db_option(parser)
    parser.add_argument("file", metavar="FILE", type=Path, help="berkas .kinerja-backup atau .kinerja-paket")
    parser.set_defaults(handler=_open)


def action_for(path: str | Path) -> str | None:
    """``"pulihkan"`` for a backup, ``"impor"`` for a package, None for any other file."""
    name = Path(path).name.lower()
    if name.endswith(BACKUP_SUFFIX):
        return RESTORE
    if name.endswith(PACKAGE_SUFFIX):
        return IMPORT
    return None


def problem_with(path: str | Path) -> str | None:
    """Why the app cannot open ``path`` (an Indonesian sentence), or None."""
    if action_for(path) is None:
        return (
            f"Berkas “{Path(path).name}” tidak dikenal. Kinerja Desktop membuka berkas cadangan "
            f"({BACKUP_SUFFIX}) dan paket data ({PACKAGE_SUFFIX})."
        )
    if Path(path).is_dir():
        return f"“{path}” adalah folder, bukan berkas cadangan atau paket."
    if not Path(path).is_file():
        return f"Berkas “{path}” tidak ditemukan."
    return None


def _open(args: argparse.Namespace) -> int:
    problem = problem_with(args.file)
    if problem is not None:
        _tell(problem)
        return 1
    from ..gui.app import run

    return run(getattr(args, "db", None), open_file=str(Path(args.file).resolve()))


def _tell(problem: str) -> None:
    """On the terminal; in a message box when started from Explorer (a windowed program has no stderr)."""
    if sys.stderr is not None:
        print(f"Galat: {problem}", file=sys.stderr)
        return
    from ..gui import messages
    from ..gui.app import create_application

    create_application()
    messages.show_error(None, "Kinerja Desktop", problem)
