"""A file the user names on the command line that is missing, a folder or forbidden is said in Indonesian."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kinerja_desktop.cli import main


@pytest.mark.parametrize(
    "verb",
    [
        ["package", "import"],
        ["restore", "--yes"],
    ],
)
def test_a_missing_input_file_is_named_in_indonesian(tmp_path: Path, capsys, verb: list[str]) -> None:
    missing = tmp_path / "tidak-ada.kinerja"
    code = main([*verb, str(missing), "--db", str(tmp_path / "k.sqlite")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"Galat: Berkas “{missing}” tidak ditemukan.")
    assert "No such file" not in err and "Traceback" not in err


def test_a_folder_given_as_a_package_is_said_so(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "paket"
    folder.mkdir()
    code = main(["package", "import", str(folder), "--db", str(tmp_path / "k.sqlite")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("Galat: ") and "Errno" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_package_is_said_so(tmp_path: Path, capsys) -> None:
    locked = tmp_path / "terkunci.kinerja-paket"
    locked.write_bytes(b"PK")
    locked.chmod(0)
    code = main(["package", "import", str(locked), "--db", str(tmp_path / "k.sqlite")])
    err = capsys.readouterr().err
    assert code == 1 and "Errno" not in err and "Permission denied" not in err
