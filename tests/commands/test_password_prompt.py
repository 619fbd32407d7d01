"""Where a verb asks for a password and nothing can be typed (a scheduled task, input from /dev/null), or the
person presses Ctrl+C at the prompt, the command line says so in Indonesian, never with a traceback; output cut
short by a pipe (``| head``) ends quietly."""

from __future__ import annotations

import getpass
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.commands import users as users_command
from kinerja_desktop.db.database import Database

pytestmark = pytest.mark.sign_in
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def sqlite_demo(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo file for a child process of its own."""
    import sqlite3

    target = tmp_path / "demo.sqlite"
    with sqlite3.connect(demo_template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def _without_a_terminal(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real program, its input /dev/null and no controlling terminal (its own session): getpass can't ask."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KINERJA_")} | env
    return subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        start_new_session=True,
        timeout=120,
        check=False,
    )


def test_signing_in_with_nothing_to_type_names_the_variable(sqlite_demo: Path) -> None:
    done = _without_a_terminal("users", "list", "--db", str(sqlite_demo), "--user", "admin")
    assert done.returncode == 1
    assert "Galat: Sandi tidak dapat ditanyakan" in done.stderr and "isi variabel KINERJA_PASSWORD" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_new_password_with_nothing_to_type_names_its_variable(sqlite_demo: Path) -> None:
    done = _without_a_terminal(
        "users",
        "add",
        "baru",
        "--role",
        "pimpinan",
        "--db",
        str(sqlite_demo),
        "--user",
        "admin",
        KINERJA_PASSWORD="contoh123",
    )
    assert done.returncode == 1
    assert "isi variabel KINERJA_NEW_PASSWORD" in done.stderr and "Traceback" not in done.stderr
    listed = _without_a_terminal(
        "users", "list", "--db", str(sqlite_demo), "--user", "admin", KINERJA_PASSWORD="contoh123"
    )
    assert listed.returncode == 0 and "baru" not in listed.stdout.split()  # nothing was added


def test_ctrl_c_at_the_prompt_is_a_cancel(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def pressed_ctrl_c(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.delenv("KINERJA_PASSWORD", raising=False)
    monkeypatch.setattr(getpass, "getpass", pressed_ctrl_c)
    assert main(["users", "list", "--db", demo_db.location, "--user", "admin"]) == 130
    assert "Dibatalkan." in capsys.readouterr().err


def test_output_cut_short_by_a_pipe_ends_quietly(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def reader_went_away(args: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setenv("KINERJA_PASSWORD", "contoh123")
    monkeypatch.setattr(users_command, "_list", reader_went_away)
    assert main(["users", "list", "--db", demo_db.location, "--user", "admin"]) == 0
    assert stderr.closed  # nothing said: `| head` took what it wanted
