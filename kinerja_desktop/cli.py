"""Command line: ``kinerja-desktop`` opens the app; verbs run the same services for admins and scripts."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from . import APP_NAME, __version__
from .commands import VERB_MODULES, VERBS, add_db_option

Handler = Callable[[argparse.Namespace], int]


def build_parser(verb: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. ``verb``: the verb the arguments name, whose module alone registers its verbs
    (the other modules are neither imported nor laid out: a tenth of a one-PK ``print pk``, benchmarks/startup.py);
    None, or a name no module registers: every verb, as ``--help`` and argparse's error list them."""
    parser = argparse.ArgumentParser(
        prog="kinerja-desktop",
        description=f"{APP_NAME}: Perjanjian Kinerja dan evaluasi triwulan SAKIP, luring. "
        "Tanpa perintah, membuka aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    add_db_option(parser, top_level=True)
    verbs = parser.add_subparsers(dest="verb", metavar="PERINTAH", title="perintah")
    for name in (VERBS[verb],) if verb in VERBS else VERB_MODULES:
        importlib.import_module(name).register(verbs)
    return parser


def named_verb(argv: Sequence[str]) -> str | None:
    """The verb the arguments name: the first word after the top-level ``--db PATH``; None when anything else
    comes first (``--help``, ``--version``, a mistake: the whole parser answers)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("--db="):
            return None if word.startswith("-") else word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(named_verb(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    # The process is this command's alone (the console script, ``python -m kinerja_desktop``), not a caller that
    # goes on (tests, the self-test): a verb may then tune the process for itself (the print verb's collector).
    args.whole_process = argv is None
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:  # no verb: the app
        from .commands.database import run_gui

        handler = run_gui
    code = _run(handler, args)
    if args.whole_process and getattr(args, "ends_at_once", False):
        end_at_once(code)
    return code


def _run(handler: Handler, args: argparse.Namespace) -> int:
    from .db.errors import KinerjaDbError
    from .domain.errors import ValidationError

    try:
        return handler(args)
    except (KinerjaDbError, ValidationError, ValueError) as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like (an OSError: caught before the others)
        sys.stderr.close()
        return 0
    except OSError as exc:  # the system's own words are English: said in Indonesian with the file's name
        print(f"Galat: {file_problem(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl+C at a prompt or during a long verb: its transaction has rolled back
        print("\nDibatalkan.", file=sys.stderr)
        return 130


def end_at_once(code: int) -> None:
    """End the command's own process now (a verb that asks, ``ends_at_once``: the print verb). The exit handlers
    run (``atexit``) and the standard streams are flushed, as at any exit; what is left out is the interpreter's
    teardown, freeing every module and object one by one (≈ 40 ms after a one-PK ``print pk``, issue 20), which
    the operating system does at once. Another thread still running: the usual exit, which waits for it."""
    import atexit
    import os
    import threading
    from contextlib import suppress

    if threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):  # a closed pipe (output into `head`): nothing more to say
            stream.flush()
    os._exit(code)


def file_problem(exc: OSError) -> str:
    """An operating-system failure on a file the user named, in Indonesian."""
    name = f"“{exc.filename}”" if exc.filename else "berkas"
    if isinstance(exc, FileNotFoundError):
        return f"Berkas {name} tidak ditemukan. Periksa nama dan foldernya."
    if isinstance(exc, IsADirectoryError):
        return f"{name} adalah folder, bukan berkas."
    if isinstance(exc, NotADirectoryError):
        return f"Sebagian jalur {name} bukan folder."
    if isinstance(exc, PermissionError):
        return f"Tidak ada izin untuk membuka {name}. Periksa izin berkas atau foldernya."
    return f"Berkas {name} tidak dapat dibaca atau ditulis (kode sistem {exc.errno})."


if __name__ == "__main__":
    sys.exit(main())
