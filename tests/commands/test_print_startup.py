"""One ``print pk`` process (issue 20): it imports what printing a PK needs and no more, and its imports are made
with the garbage collector resting, their objects frozen after."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kinerja_desktop.commands import VERB_MODULES
from kinerja_desktop.commands.printing import imports_uncollected

ROOT = Path(__file__).resolve().parents[2]
# Modules the PK's path does not use: the quarter's evaluation, the CSV writer, the PDF verifier, the GUI, Alembic,
# the other verbs' modules (only the print verb's is loaded), the models a PK never touches (AKIP, server,
# exchange, users, verification) and the cascade's rules (a PK inside an OPD only); nor db.models: only the PK's
# models (db.agreement_models) are declared, not the other 19 of db.models.
NOT_FOR_A_PK = (
    "kinerja_desktop.db.models",
    *(m for m in VERB_MODULES if m != "kinerja_desktop.commands.printing"),
    *(f"kinerja_desktop.db.{m}_models" for m in ("akip", "server", "sync", "user", "verification")),
    "kinerja_desktop.domain.cascade",
    "kinerja_desktop.commands.output",
    "kinerja_desktop.services.evaluation",
    "kinerja_desktop.services.evaluation_data",
    "kinerja_desktop.services.csv_files",
    "kinerja_desktop.services.printing_verify",
    "kinerja_desktop.reports.data_quarter",  # the quarter's documents' classes
    "kinerja_desktop.gui",
    "PySide6",
    "alembic",
    "pypdf",
)
PROBE = """
import atexit, gc, sys
from kinerja_desktop.cli import main

def report():  # an exit handler: the print verb ends its process at once, exit handlers run
    from sqlalchemy import inspect
    models = sys.modules.get("kinerja_desktop.db.agreement_models")
    print("CONFIGURED", models is not None and inspect(models.PerformanceAgreement).configured)
    print("FROZEN", gc.get_freeze_count())
    print("ENABLED", gc.isenabled())
    print("MODULES", " ".join(sorted(sys.modules)))

atexit.register(report)
code = main()  # the command line's own arguments, as the console script calls it
print("RETURNED", code)
"""


@pytest.mark.slow
def test_print_pk_imports_only_what_a_pk_needs(demo_template: Path, tmp_path: Path):
    database = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, database)
    out = tmp_path / "pk.pdf"
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import Opd

    db = open_database(database)
    try:
        with db.read() as session:
            code = session.scalars(select(Opd.code).order_by(Opd.sort_order, Opd.code)).first()
    finally:
        db.close()
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "print", "pk", "--db", str(database), "--year", "2025", "--opd", code,
         "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{out}\n1 berkas PDF ditulis.\n")  # flushed before the process ended
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if line.split(" ")[0].isupper())
    assert "RETURNED" not in lines  # the process ended in the verb, without the interpreter's teardown
    assert len(PdfReader(out).pages) >= 2  # the PK was printed: statement sheet and lampiran
    modules = set(lines["MODULES"].split())
    assert "kinerja_desktop.reports.agreement" in modules and "kinerja_desktop.services.documents" in modules
    loaded = sorted(m for m in modules if m.startswith(NOT_FOR_A_PK))
    assert loaded == []
    assert int(lines["FROZEN"]) > 100_000  # the imports' objects, left out of the collector's passes
    assert lines["ENABLED"] == "True"  # what printing makes is collected as usual
    assert lines["CONFIGURED"] == "False"  # the PK read with Core selects: no mapper configured


# Every kind of the print verb, from a fresh interpreter as the console script runs it: a final PK (2025, from its
# frozen document, the regional head's with an amendment), drafts (2026, from today's rows), inside the OPDs,
# the Pakta and the quarter's documents (these configure the mappers as before).
KINDS = {
    "pk-final": ["pk", "--year", "2025"],
    "pk-draft": ["pk", "--year", "2026", "--combined"],
    "regional-final": ["pk", "--year", "2025", "--regional"],
    "regional-draft": ["pk", "--year", "2026", "--level", "daerah"],
    "eselon-3": ["pk", "--year", "2025", "--level", "3"],
    "eselon-4": ["pk", "--year", "2025", "--level", "4", "--paper", "f4"],
    "pakta": ["pakta", "--year", "2025"],
    "evaluation": ["evaluation", "--year", "2025", "--quarter", "2", "--date", "2025-07-01"],
    "ranking": ["ranking", "--year", "2025"],
    "belum-lapor": ["belum-lapor", "--year", "2025", "--quarter", "2", "--date", "2025-07-01"],
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_every_print_kind_works_from_a_fresh_interpreter(kind: str, demo_template: Path, tmp_path: Path):
    database = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, database)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "print", *KINDS[kind], "--db", str(database), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.pdf"))
    written = int(result.stdout.split(" berkas PDF ditulis.")[0].rsplit("\n", 1)[-1])
    assert files and written == len(files)
    assert all(len(PdfReader(f).pages) >= 1 for f in files)
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if line.split(" ")[0].isupper())
    assert lines["CONFIGURED"] == str(KINDS[kind][0] != "pk")  # only a PK's print skips the mappers


def test_imports_uncollected_always_gives_the_collector_back():
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(ImportError), imports_uncollected(True):
        assert not gc.isenabled()
        import kinerja_desktop.no_such_module  # noqa: F401
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    gc.unfreeze()  # the test process's objects go back to the collector
    assert frozen > 0


def test_a_caller_that_goes_on_keeps_its_collector(demo_template: Path, tmp_path: Path, monkeypatch):
    # cli.main(argv) from a test or the self-test: the print verb must not freeze the caller's objects.
    from kinerja_desktop.cli import main

    database = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, database)
    with imports_uncollected(False):
        assert gc.isenabled()
    assert main(["print", "pk", "--db", str(database), "--year", "2025", "--out", str(tmp_path / "pk")]) == 0
    assert any((tmp_path / "pk").glob("PK-2025-*.pdf"))
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_print_that_fails_ends_with_its_message_and_code(demo_template: Path, tmp_path: Path):
    database = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, database)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "print", "pk", "--db", str(database), "--year", "2025", "--opd", "TIDAK-ADA",
         "--out", str(tmp_path / "pk.pdf")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1
    assert result.stderr == "Galat: Perangkat daerah “TIDAK-ADA” tidak ditemukan (kode SIPD atau singkatan)\n"
    assert "FROZEN" in result.stdout and "RETURNED" not in result.stdout
