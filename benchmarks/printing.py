"""Printing every OPD's PK of a year at city scale (``benchmarks/city.py``: 60 OPDs × 40 indicators, signed PKs),
from the database to PDF files, against ReportLab writing the same text without layout.

    python benchmarks/printing.py [--runs 3] [--year 2026] [--paper a4]

Times (median of ``--runs``, interleaved so each sees the same load), in one process after one warm-up batch:

* baseline: for each of the year's PKs, its text (identity, sasaran, indicators with targets, programs with pagu)
  drawn line by line with ``canvas.drawString`` in the same fonts onto as many pages as it needs, compressed and
  invariant like ours: what any PDF of that text costs, with no table, paragraph or page layout;
* ``services.printing.print_agreements`` in one process (``KINERJA_PRINT_PROCESSES=1``): loading each agreement,
  building the document, layout, fonts, QR code, the atomic write;
* the same with the worker pool as the app chooses it (``pool_workers``: one worker per core idle now, measured from
  /proc/stat; on a machine whose cores are busy it chooses one process, and the line says so) and forced to 2
  workers (forked on Linux where no Qt runs: no start-up per worker).

Goal (issue 20): ≤ 25 ms per PK of 40 indicators on the 2-core machine, wall, as the app prints the batch.
Figures of 5 December 2026, 2-core machine at load average 8–9 (six sessions' test suites; wall times there are mostly
waiting for a core), one run of 60 PKs; before = main e401f7c with this file and without rl_accel, after = speedui:
    before: one process CPU 66,7 ms per PK (12,4 × the baseline's 5,4 ms), wall 371 ms
    after:  one process CPU 44,6 ms per PK (10,0 × the baseline's 4,4 ms), wall 289 ms; pool of 2 workers wall
            392 ms per PK (the cores are busy: so the app chooses 1 process there); 20-PK A/B runs: CPU 63 → 40 ms
    — a third less, the 25 ms goal not reached on this machine (the pool would need idle cores).
Branch print, same day, load average 2,7–2,8 (two other sessions working), ``--runs 3``, main 2af47ca then this
branch one after the other:
    main:         one process 33,9 ms per PK (CPU 33,5; baseline 3,6 ms); pool as chosen (1 process) 33,6 ms;
                  pool of 2 spawned workers 57,8 ms (each worker pays the whole start-up)
    branch print: one process 32,1 ms per PK (CPU 32,0; baseline 3,3 ms); pool as chosen (2 processes) 16,2 ms,
                  pool of 2 forked workers 16,0 ms (4,9 × the baseline) — the goal met where a second core is free;
    a later run at load 2,8 with the cores busy: one process 41,2 ms (CPU 34,8), the app chose 1 process (40,5 ms),
    2 forked workers 50,4 ms. Rendering alone (the same 12 PKs, GC frozen, min of 5): with rl_accel 22,8–27,1 ms,
    without 29,7–32,1 ms (rl_accel, already a dependency: ≈ 20 % of the rendering; abi3 wheels for Linux and win_amd64).
    One process is 5 % faster (plain cell texts skip ReportLab's markup parser; the table header measured once); the
    25 ms come from the pool, which now costs no start-up per worker.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_MS = 25.0


def plain_pdfs(documents: list, folder: Path) -> None:
    """The baseline: each document's text drawn line by line, no layout."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from kinerja_desktop.reports.fonts import SERIF, register_fonts

    register_fonts()
    folder.mkdir(parents=True, exist_ok=True)
    for number, document in enumerate(documents):
        second = document.second_party
        lines = [document.unit_name, document.first_party.name, second.name if second else ""]
        for goal in document.goals:
            lines.append(goal.statement)
            lines += [f"{i.name}  {i.target.value} {i.target.unit}" for i in goal.indicators]
        lines += [f"{p.name}  {p.budget}" for p in document.programs]
        pdf = canvas.Canvas(str(folder / f"{number}.pdf"), pagesize=A4, invariant=1, pageCompression=1)
        y = 800.0
        for line in lines:
            if y < 60:
                pdf.showPage()
                y = 800.0
            pdf.setFont(SERIF, 10)
            pdf.drawString(72, y, line[:110])
            y -= 14
        pdf.showPage()
        pdf.save()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--paper", choices=("a4", "f4"), default="a4")
    args = parser.parse_args()

    import city

    town = city.city()
    with tempfile.TemporaryDirectory() as folder:
        return measure(args, town, city.copy_city(town, Path(folder)), Path(folder))


def measure(args: argparse.Namespace, town, path: Path, folder: Path) -> int:  # noqa: ANN001 - a city.City
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.services import printing

    db = open_database(path)
    try:
        documents = [item.build() for item in printing._plan(db, printing.Request(printing.PK, args.year))]
        count = len(documents)
        os.environ["KINERJA_PRINT_PROCESSES"] = "1"
        printing.print_agreements(db, args.year, folder / "warm", args.paper)  # fonts, imports, compiled queries
        chosen_runs: list[int] = []  # processes print_agreements chose in each run
        picks: list[int] = []  # what print_agreements itself chose (each call samples the idle cores anew)
        if hasattr(printing, "pool_workers"):
            choose = printing.pool_workers
            printing.pool_workers = lambda documents: picks.append(choose(documents)) or picks[-1]  # type: ignore
        figures: dict[str, list[float]] = {"baseline": [], "one": [], "chosen": [], "two": []}
        cpu: dict[str, list[float]] = {"baseline": [], "one": []}  # this process's CPU time (no pool)
        for run in range(args.runs):
            started, used = time.perf_counter(), time.process_time()
            plain_pdfs(documents, folder / f"plain-{run}")
            figures["baseline"].append(time.perf_counter() - started)
            cpu["baseline"].append(time.process_time() - used)
            pooled = hasattr(printing, "pool_workers")  # before issue 20 there was no pool
            for label, processes in (("one", "1"), ("chosen", ""), ("two", "2")) if pooled else (("one", "1"),):
                if processes:
                    os.environ["KINERJA_PRINT_PROCESSES"] = processes
                else:
                    os.environ.pop("KINERJA_PRINT_PROCESSES", None)
                started, used = time.perf_counter(), time.process_time()
                files = printing.print_agreements(db, args.year, folder / f"{label}-{run}", args.paper)
                figures[label].append(time.perf_counter() - started)
                if label == "chosen" and picks:
                    chosen_runs.append(picks[-1])
                if label in cpu:
                    cpu[label].append(time.process_time() - used)
                assert len(files) == count
        size = sum(f.stat().st_size for f in files) / count
    finally:
        db.close()
    base, one, auto, two = (
        statistics.median(figures[k] or [float("nan")]) * 1000 / count for k in ("baseline", "one", "chosen", "two")
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"city {town.opds} OPD × {town.indicators} indikator: {count} PKs of {args.year}, paper "
          f"{args.paper.upper()}, average file {size / 1024:.0f} KB; runs: {args.runs}; {os.cpu_count()} cores, "
          f"load average {load:.1f}")
    print(f"baseline: the same text drawn without layout : {base:6.1f} ms per PK")
    base_cpu, one_cpu = (statistics.median(cpu[k]) * 1000 / count for k in ("baseline", "one"))
    method = printing._start_method() if hasattr(printing, "_start_method") else "spawn"
    print(f"print_agreements, one process              : {one:6.1f} ms per PK ({one / base:.1f} × baseline)")
    print(f"  CPU time of that process                 : {one_cpu:6.1f} ms per PK ({one_cpu / base_cpu:.1f} × the "
          f"baseline's {base_cpu:.1f} ms)")
    chosen = ", ".join(map(str, chosen_runs)) or "1"
    print(f"print_agreements, pool as chosen ({chosen} proc.): {auto:6.1f} ms per PK ({auto / base:.1f} × baseline)")
    print(f"print_agreements, pool of 2 workers ({method}) : {two:6.1f} ms per PK ({two / base:.1f} × baseline)")
    verdict = "OK" if auto <= GOAL_MS else "SLOW"
    print(f"goal ≤ {GOAL_MS:.0f} ms per PK, wall, as the app prints the batch (pool as chosen): {verdict}"
          + ("" if min(chosen_runs or [1]) > 1 else " — the cores were busy in a run, so the app chose one process"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
