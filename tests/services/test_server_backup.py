"""Backups of a server (the same .kinerja-backup format, restorable into SQLite or a server), evidence files where
every workstation reaches them (in the server database), moving a SQLite centre onto a server with its role, and the
command line on a server (backup, restore, info with a real check, demo, server import)."""

from __future__ import annotations

import hashlib
import zipfile
from decimal import Decimal
from pathlib import Path

import pg_support
import pytest
from sqlalchemy import select, text

from kinerja_desktop.cli import main
from kinerja_desktop.db import transfer
from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.models import Evidence, IndicatorRealization, Opd
from kinerja_desktop.db.sync_models import SyncInstallation
from kinerja_desktop.services import backup, sync
from kinerja_desktop.services.maintenance import integrity_problems
from kinerja_desktop.services.server import ServerImportError, import_sqlite

EVIDENCE = b"%PDF-1.4 notulen rapat evaluasi"


def typed_rows(db: Database, *, skip: tuple[str, ...] = ("audit_log",)) -> dict[str, list[tuple]]:
    """Every row of every copied table as the app reads it (exact decimals, enums, times), in key order."""
    with db.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in transfer.copied_tables()
            if t.name not in skip
        }


@pytest.fixture
def aside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where a restore onto a server keeps the backup of what it replaced (this user's data folder)."""
    folder = tmp_path / "cadangan-server"
    monkeypatch.setattr(backup, "server_backup_folder", lambda: folder)
    return folder


def _with_evidence(db: Database) -> str:
    """An evidence file on the first realisation, stored where this database keeps them."""
    digest = hashlib.sha256(EVIDENCE).hexdigest()
    with db.write() as s:
        realisation = s.scalars(select(IndicatorRealization).order_by(IndicatorRealization.id)).first()
        db.evidence.put(EVIDENCE, connection=s.connection())
        s.add(Evidence(realization_id=realisation.id, file_name="notulen.pdf", sha256=digest, size=len(EVIDENCE)))
    return digest


def test_a_servers_backup_is_the_same_format_and_restores_into_a_new_sqlite_file(
    demo_db: Database, server_db: Database, tmp_path: Path
) -> None:
    # GIVEN the demo regency on a server, with an evidence file kept in the server database
    with demo_db.engine.connect() as src, server_db.write() as s:
        transfer.copy_all(src, s.connection(), "uji")
    digest = _with_evidence(server_db)
    expected = typed_rows(server_db)
    # WHEN it is backed up
    info = backup.create_backup(server_db, tmp_path / "server.kinerja-backup")
    # THEN the file is a .kinerja-backup like any other: a SQLite snapshot, the evidence as a member, the manifest
    assert info.regency_name == "Kabupaten Sukamaju" and info.evidence_files == 1
    with zipfile.ZipFile(info.path) as zf:
        assert set(zf.namelist()) == {"database.sqlite", "manifest.json", f"bukti/{digest[:2]}/{digest}"}
    assert backup.check_backup(info.path).row_counts == info.row_counts
    # AND it restores into a new SQLite file: every row, and the evidence file beside it
    local = open_database(tmp_path / "pulih.sqlite")
    try:
        result = backup.restore_backup(local, info.path)
        assert result.evidence_restored == 1
        assert typed_rows(local) == expected
        assert local.evidence.get(digest) == EVIDENCE
        assert integrity_problems(local) == []
    finally:
        local.close()


@pytest.mark.sqlite_only  # a SQLite file's backup onto a server; a server's onto a server is below
def test_a_sqlite_backup_restores_onto_a_server_which_keeps_what_it_replaced(
    demo_db: Database, server_db: Database, tmp_path: Path, aside: Path
) -> None:
    digest = _with_evidence(demo_db)
    expected = typed_rows(demo_db)
    info = backup.create_backup(demo_db, tmp_path / "pusat.kinerja-backup")
    with server_db.write() as s:  # something on the server first: it is replaced, and kept aside
        s.add(Opd(code="9.99", abbreviation="Lama", name="OPD lama di server", kind="dinas"))
    preview = backup.preview_restore(server_db, info.path)
    assert "Kabupaten Sukamaju" in "\n".join(preview.lines())
    result = backup.restore_backup(server_db, info.path)
    assert typed_rows(server_db) == expected
    assert server_db.evidence.get(digest) == EVIDENCE  # in the database: every workstation reaches it
    assert integrity_problems(server_db) == []
    # the server's content before the restore is a backup of its own in this user's data folder
    assert result.saved_copy.parent == aside and result.saved_copy.name.startswith("server.sebelum-pemulihan-")
    assert backup.check_backup(result.saved_copy).row_counts["opd"] == 1


def test_a_servers_backup_restores_onto_another_server(server_db: Database, pg, tmp_path: Path, aside) -> None:  # noqa: ANN001
    from kinerja_desktop.demo import create_demo

    create_demo(server_db, seed=7)
    _with_evidence(server_db)
    info = backup.create_backup(server_db, tmp_path / "a.kinerja-backup")
    name = pg.new_database(pg.template(pg_support.HEAD_TEMPLATE, pg_support.migrated))
    other = open_database(pg.url_of(name))
    try:
        backup.restore_backup(other, info.path)
        assert typed_rows(other) == typed_rows(server_db)
    finally:
        other.close()
        pg.drop(name)


# ---------------------------------------------------------------------------------------------- server import


@pytest.mark.sqlite_only  # the source is a SQLite centre
def test_a_sqlite_centre_moves_onto_a_server_and_keeps_taking_its_laptops_packages(
    demo_db: Database, server_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "interchange"))
    from sync_helpers import edit, make_laptop, opd_codes, realizations

    # GIVEN a SQLite centre with a laptop set up from it, and an evidence file
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "kecamatan", demo_db, [x])
    digest = _with_evidence(demo_db)
    expected = typed_rows(demo_db, skip=())
    source = Path(demo_db.location)
    demo_db.close()
    # WHEN IT moves it onto the (empty) server with one command
    assert main(["server", "import", str(source), "--db", server_db.location]) == 0
    out = capsys.readouterr().out
    assert "1 berkas bukti; peran: pusat (Bappeda)." in out
    # THEN every row is there (the audit log gains the move), its role and keys included, and the evidence file
    moved = typed_rows(server_db, skip=())
    assert len(moved["audit_log"]) == len(expected["audit_log"]) + 1
    del moved["audit_log"], expected["audit_log"]
    assert moved == expected
    with server_db.read() as s:
        assert s.scalars(select(SyncInstallation.role)).one() == "pusat"
    assert server_db.evidence.get(digest) == EVIDENCE
    # AND the laptop's next field package is taken by the server as by the centre it came from
    row = realizations(laptop, x)[0]
    edit(laptop, "indicator_realization", row, value=Decimal("77"))
    package = tmp_path / "lapangan.kinerja-paket"
    sync.export_package(laptop, package)
    laptop.close()
    report = sync.import_package(server_db, package)
    assert report.applied and report.changed == 1
    with server_db.read() as s:
        assert s.get(IndicatorRealization, row).value == Decimal("77")
    # AND a second import onto the now full server is refused, nothing changed
    with pytest.raises(ServerImportError, match="sudah berisi data"):
        import_sqlite(source, server_db)


# ---------------------------------------------------------------------------------------------- command line


def test_the_command_line_on_a_server(server_db: Database, tmp_path: Path, capsys, aside) -> None:  # noqa: ANN001
    url = server_db.location
    assert main(["demo", "--db", url]) == 0
    assert "Basis data contoh Kabupaten Sukamaju" in capsys.readouterr().out
    # info checks the server for real
    assert main(["info", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "Integritas: baik" in out and "Basis data: server" in out
    out_file = tmp_path / "server.kinerja-backup"
    assert main(["backup", "--db", url, "--out", str(out_file)]) == 0
    with server_db.write() as s:
        s.scalars(select(Opd)).first().name = "Diubah setelah cadangan"
    assert main(["restore", "--db", url, str(out_file), "--yes"]) == 0
    assert "Basis data dipulihkan" in capsys.readouterr().out
    with server_db.read() as s:
        assert "Diubah setelah cadangan" not in s.scalars(select(Opd.name)).all()
    # a trigger turned off by hand, and an orphan row slipped in with the foreign keys off, are named
    with server_db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE budget_realization DISABLE TRIGGER kinerja_budget_realization_closed"))
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(
            text(
                "INSERT INTO position_holder (id, position_id, official_id, position, acting, start_date, created_at, "
                "updated_at, version) VALUES ('h', 'tidak-ada', 'tidak-ada', 'x', 'definitif', '2026-01-01', "
                "'2026-01-01', '2026-01-01', 1)"
            )
        )
    assert main(["info", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "Kunci asing rusak di tabel position_holder" in out and "Pengunci basis data hilang atau dimatikan" in out


def test_self_test_checks_a_server_without_changing_it(server_db: Database, capsys) -> None:  # noqa: ANN001
    from kinerja_desktop.demo import create_demo

    create_demo(server_db, seed=3)
    before = typed_rows(server_db, skip=())
    assert main(["self-test", "--db", server_db.location]) == 0
    out = capsys.readouterr().out
    assert "OK    Server basis data:" in out and "OK    Cadangan server:" in out
    assert typed_rows(server_db, skip=()) == before


def test_a_server_that_is_gone_is_said_by_every_verb(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    url = f"postgresql://kinerja@/kinerja?host={tmp_path}&port=5999"
    assert main(["info", "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Galat: Server tidak terhubung") and "Traceback" not in err
