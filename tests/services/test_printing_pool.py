"""Printing at city scale (issue 20): a batch rendered by worker processes writes the very files one process
writes, paragraphs that remember their layout change no byte, and the pool is used only where it pays."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import paragraph

from kinerja_desktop.db.database import Database
from kinerja_desktop.reports import render_agreement, samples
from kinerja_desktop.reports.data import AgreementGoal, AgreementIndicator, TargetValue
from kinerja_desktop.reports.paragraphs import Paragraph
from kinerja_desktop.services import printing
from kinerja_desktop.services.errors import Cancelled


def printed(db: Database, folder: Path, processes: str, monkeypatch, **options) -> dict[str, bytes]:  # noqa: ANN001
    monkeypatch.setenv("KINERJA_PRINT_PROCESSES", processes)
    files = printing.print_agreements(db, 2025, folder, **options)
    return {path.name: path.read_bytes() for path in files}


@pytest.mark.parametrize("method", ["fork", "forkserver", "spawn"])
def test_the_pooled_batch_writes_the_same_pdfs_as_one_process(
    demo_db: Database, tmp_path: Path, monkeypatch, method: str
):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setattr(printing, "_start_method", lambda: method)
    codes = [row[0] for row in printing_codes(demo_db)[:6]]
    one = printed(demo_db, tmp_path / "satu", "1", monkeypatch, opd_codes=codes, combined=True)
    pooled = printed(demo_db, tmp_path / "dua", "2", monkeypatch, opd_codes=codes, combined=True)
    assert len(one) == 7 and "PK-2025-SEMUA.pdf" in one  # six PKs and the combined file, in the same order
    assert list(pooled) == list(one)
    assert pooled == one  # byte for byte (invariant PDFs)
    assert printing.verify_pdf(demo_db, tmp_path / "dua" / next(iter(pooled))).matches  # fingerprint and QR


def test_a_cancelled_pooled_batch_keeps_only_finished_files(demo_db: Database, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KINERJA_PRINT_PROCESSES", "2")
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3  # three documents handed to the workers, then "Batal"

    with pytest.raises(Cancelled, match="dibatalkan"):
        printing.print_agreements(demo_db, 2025, tmp_path / "batal", cancelled=cancelled)
    left = sorted(p.name for p in (tmp_path / "batal").iterdir())
    assert len(left) <= 3 and all(name.endswith(".pdf") for name in left)  # no half-written file


def test_the_pool_is_used_for_large_batches_on_idle_cores_only(monkeypatch):
    monkeypatch.delenv("KINERJA_PRINT_PROCESSES", raising=False)
    monkeypatch.setattr(printing.os, "cpu_count", lambda: 4)
    monkeypatch.setattr(printing, "_sampled_idle_share", lambda: None)  # no /proc/stat: the load average
    monkeypatch.setattr(printing.os, "getloadavg", lambda: (0.2, 0.2, 0.2), raising=False)
    assert printing.pool_workers(60) == 4  # four idle cores
    assert printing.pool_workers(printing.POOL_MIN_DOCUMENTS - 1) == 1  # a small batch: not worth the start
    monkeypatch.setattr(printing.os, "getloadavg", lambda: (3.5, 3.0, 3.0), raising=False)
    assert printing.pool_workers(60) == 1  # the cores are busy: workers would only share them
    monkeypatch.setattr(printing.os, "getloadavg", lambda: (2.2, 3.0, 3.0), raising=False)
    assert printing.pool_workers(60) == 2
    monkeypatch.delattr(printing.os, "getloadavg")
    assert printing.pool_workers(60) == 1  # no load average (Windows): one process
    monkeypatch.setenv("KINERJA_PRINT_PROCESSES", "2")
    assert printing.pool_workers(3) == 2


def test_idle_cores_are_counted_now_not_as_a_minute_s_average(monkeypatch):
    # The load average counts this process's own printing of the last minute: a second batch, or the benchmark's
    # one-process run just before, made the pool look unwanted on an idle 2-core machine.
    monkeypatch.delenv("KINERJA_PRINT_PROCESSES", raising=False)
    monkeypatch.setattr(printing.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(printing.os, "getloadavg", lambda: (1.6, 1.0, 1.0), raising=False)
    monkeypatch.setattr(printing, "_sampled_idle_share", lambda: 0.97)
    assert printing.pool_workers(60) == 2  # both cores idle now, whatever the last minute was
    monkeypatch.setattr(printing, "_sampled_idle_share", lambda: 0.4)
    assert printing.pool_workers(60) == 1  # another program keeps one core busy
    assert printing.pool_workers(8) == 1  # a small batch: not worth the start


@pytest.mark.skipif(not Path("/proc/stat").is_file(), reason="Linux only")
def test_the_idle_share_is_read_from_proc_stat():
    share = printing._sampled_idle_share()
    assert share is not None and 0.0 <= share <= 1.0


def test_workers_are_forked_only_where_no_other_thread_or_qt_runs():
    # This test process has Qt loaded (pytest-qt): a forked copy could inherit a lock a Qt thread holds.
    assert any(name.startswith("PySide6") for name in sys.modules)
    assert printing._start_method() == ("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                        else "spawn")
    plain = subprocess.run(
        [sys.executable, "-c", "from kinerja_desktop.services import printing; print(printing._start_method())"],
        capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2],
    ).stdout.strip()
    assert plain == ("fork" if sys.platform.startswith("linux") else plain)


def test_the_bundled_program_prints_in_one_process_whatever_is_asked(monkeypatch):
    # The bundle leaves multiprocessing out (packaging/kinerja-desktop.spec): a pool there would fail to start.
    monkeypatch.setattr(printing.os, "cpu_count", lambda: 8)
    monkeypatch.setattr(printing.os, "getloadavg", lambda: (0.0, 0.0, 0.0), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delenv("KINERJA_PRINT_PROCESSES", raising=False)
    assert printing.pool_workers(60) == 1
    monkeypatch.setenv("KINERJA_PRINT_PROCESSES", "4")
    assert printing.pool_workers(60) == 1
    monkeypatch.delattr(sys, "frozen")
    assert printing.pool_workers(60) == 4


def test_the_bundle_entry_point_needs_no_multiprocessing():
    spec = (Path(__file__).parents[2] / "packaging" / "kinerja-desktop.spec").read_text(encoding="utf-8")
    entry = (Path(__file__).parents[2] / "packaging" / "entry.py").read_text(encoding="utf-8")
    if '"multiprocessing"' in spec:  # left out of the bundle: nothing the bundle starts with may import it
        assert "multiprocessing" not in entry


def test_remembered_paragraph_layouts_change_no_byte(tmp_path: Path, monkeypatch):
    base = samples.sample_agreement()
    many = tuple(
        AgreementIndicator(f"Indikator kinerja uji yang cukup panjang nomor {n}", TargetValue(samples.D(n), "%"))
        for n in range(1, 41)
    )
    document = replace(base, goals=(AgreementGoal(base.goals[0].statement, many), *base.goals))
    render_agreement(document, tmp_path / "ingat.pdf", "a4")
    monkeypatch.setattr(Paragraph, "wrap", paragraph.Paragraph.wrap)  # every split lays every cell out again
    render_agreement(document, tmp_path / "ulang.pdf", "a4")
    assert (tmp_path / "ingat.pdf").read_bytes() == (tmp_path / "ulang.pdf").read_bytes()
    assert len(PdfReader(tmp_path / "ingat.pdf").pages) >= 3  # the indicator table broke over pages


def printing_codes(db: Database) -> list[tuple[str]]:
    from sqlalchemy import select

    from kinerja_desktop.db.models import Opd, PerformanceAgreement

    with db.read() as session:
        query = select(Opd.code).join(PerformanceAgreement, PerformanceAgreement.opd_id == Opd.id).where(
            PerformanceAgreement.year == 2025).distinct().order_by(Opd.code)
        return [tuple(row) for row in session.execute(query)]
