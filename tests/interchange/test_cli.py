"""The command-line verbs: backup, restore, package export and import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sync_helpers import checksum, content, edit, opd_codes, realizations

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database, open_database


def test_backup_and_restore_verbs(demo_db: Database, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "c.kinerja-backup"
    assert main(["backup", "--db", demo_db.location, "--out", str(out)]) == 0
    assert out.exists() and "Cadangan dibuat" in capsys.readouterr().out
    target = tmp_path / "baru.sqlite"
    # Without --yes and without a terminal: the preview is printed and nothing is restored
    assert main(["restore", "--db", str(target), str(out)]) == 2
    captured = capsys.readouterr()
    assert "Kabupaten Sukamaju" in captured.out and "--yes" in captured.err
    assert main(["restore", "--db", str(target), str(out), "--yes"]) == 0
    restored = open_database(target)
    try:
        x = opd_codes(demo_db, 1)[0]
        assert content(restored, "indicator_realization", realizations(demo_db, x)[0]) == content(
            demo_db, "indicator_realization", realizations(demo_db, x)[0]
        )
    finally:
        restored.close()


def test_package_verbs_set_up_a_laptop_and_report_conflicts(demo_db: Database, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    x = opd_codes(demo_db, 1)[0]
    master, laptop_path = tmp_path / "m.kinerja-paket", tmp_path / "laptop.sqlite"
    assert main(["package", "export", "--db", demo_db.location, "--opd", x, "--master", "--out", str(master)]) == 0
    code = capsys.readouterr().out.split("Kode pendaftaran: ")[1].split()[0]
    assert main(["package", "import", "--db", str(laptop_path), str(master), "--code", code]) == 0
    assert "disiapkan sebagai laptop lapangan" in capsys.readouterr().out
    laptop = open_database(laptop_path)
    row = realizations(demo_db, x)[0]
    try:
        edit(laptop, "indicator_realization", row, value=Decimal("1"))
    finally:
        laptop.close()
    edit(demo_db, "indicator_realization", row, value=Decimal("2"))
    field = tmp_path / "f.kinerja-paket"
    assert main(["package", "export", "--db", str(laptop_path), "--out", str(field)]) == 0
    before = checksum(demo_db)
    assert main(["package", "import", "--db", demo_db.location, str(field), "--dry-run"]) == 0
    assert "konflik 1" in capsys.readouterr().out
    assert main(["package", "import", "--db", demo_db.location, str(field)]) == 3
    captured = capsys.readouterr()
    assert "Konflik:" in captured.out and "value" in captured.out and "--prefer" in captured.err
    assert checksum(demo_db) == before
    assert main(["package", "import", "--db", demo_db.location, str(field), "--prefer", "package"]) == 0
    assert content(demo_db, "indicator_realization", row)["value"] == Decimal("1")
    # A bad file: a clear message, exit code 1
    bad = tmp_path / "rusak.kinerja-paket"
    bad.write_bytes(b"PK\x03\x04rusak")
    assert main(["package", "import", "--db", demo_db.location, str(bad)]) == 1
    assert "rusak" in capsys.readouterr().err


def test_a_master_package_is_imported_only_with_its_enrolment_code(
    demo_db: Database, tmp_path: Path, capsys, monkeypatch  # noqa: ANN001
) -> None:
    x = opd_codes(demo_db, 1)[0]
    master, laptop_path = tmp_path / "m.kinerja-paket", tmp_path / "laptop.sqlite"
    assert main(["package", "export", "--db", demo_db.location, "--opd", x, "--master", "--out", str(master)]) == 0
    code = capsys.readouterr().out.split("Kode pendaftaran: ")[1].split()[0]
    assert len(code) == 19 and code.count("-") == 3
    # No code and no terminal to ask: a clear message naming --code, nothing set up
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert main(["package", "import", "--db", str(laptop_path), str(master)]) == 1
    assert "--code" in capsys.readouterr().err
    # A wrong code (or an edited package): refused
    assert main(["package", "import", "--db", str(laptop_path), str(master), "--code", "AAAA-BBBB-CCCC-DDDD"]) == 1
    assert "kode pendaftaran salah" in capsys.readouterr().err
    assert main(["package", "import", "--db", str(laptop_path), str(master), "--code", "kode?"]) == 1
    assert "16 huruf dan angka" in capsys.readouterr().err
    # At a terminal the code is asked for, and may be typed in lower case without dashes
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda _prompt: code.replace("-", " ").lower())
    assert main(["package", "import", "--db", str(laptop_path), str(master)]) == 0
    assert "disiapkan sebagai laptop lapangan" in capsys.readouterr().out
