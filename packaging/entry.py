"""The bundle's entry point: the same ``main()`` as the ``kinerja-desktop`` command from source.

The Windows program is windowed (no black console window behind the app), so Windows gives it no
standard output. When it is started from a console with a verb (``kinerja-desktop.exe self-test``), it
writes into that console; when its output is piped (``… self-test | more``), into the pipe, and the
console then also waits for it and gets its exit code.
"""

import sys


def _console_for_verbs() -> None:
    if sys.platform != "win32" or len(sys.argv) < 2:
        return
    if sys.stdout is not None:  # piped or redirected: keep it, and send errors the same way
        if sys.stderr is None:
            sys.stderr = sys.stdout
        return
    import ctypes

    kernel32 = ctypes.windll.kernel32
    if not kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS; fails when started from Explorer
        return
    encoding = f"cp{kernel32.GetConsoleOutputCP()}"
    console = open("CONOUT$", "w", encoding=encoding, errors="replace")  # noqa: SIM115 - lives as long as the process
    sys.stdout = sys.stderr = console
    console.write("\n")  # the prompt came back already: start on a fresh line


if __name__ == "__main__":
    _console_for_verbs()
    from kinerja_desktop.cli import main

    sys.exit(main())
