"""Printing every OPD's PK of a 60-OPD year in one run, from the database to PDF files (goal: under 2 s).

    python benchmarks/printing.py [--indicators 12] [--programs 4] [--paper a4] [--runs 3]

Generates the regency with ``benchmarks/agreement_list.py``'s generator (60 OPDs, every PK final) in a
temporary file, then times ``services.printing.print_agreements`` for one year into a fresh folder: loading
each agreement, building the document, rendering with embedded fonts and QR, and the atomic write. Prints the
median total and the time per document. ``benchmarks/printing_reports.py`` times the rendering alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_SECONDS = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--indicators", type=int, default=12, help="indicators per PK (a typical PK has 5–15)")
    parser.add_argument("--programs", type=int, default=4)
    parser.add_argument("--paper", choices=("a4", "f4"), default="a4")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import agreement_list

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.services import printing

    agreement_list.INDICATORS, agreement_list.PROGRAMS = args.indicators, args.programs
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "printing.sqlite"
        agreement_list.generate(path)
        db = open_database(path)
        printing.print_agreements(db, 2026, Path(folder) / "warm", args.paper)  # fonts registered, imports done
        totals = []
        count = 0
        for run in range(args.runs):
            out = Path(folder) / f"run-{run}"
            started = time.perf_counter()
            files = printing.print_agreements(db, 2026, out, args.paper)
            totals.append(time.perf_counter() - started)
            count = len(files)
        size = sum(f.stat().st_size for f in files) / count
        db.close()
    total = statistics.median(totals)
    print(
        f"PK of every OPD, one year: {count} documents, {args.indicators} indicators and "
        f"{args.programs} programs each, paper {args.paper.upper()}"
    )
    print(
        f"total: {total:.2f} s (goal < {GOAL_SECONDS:.0f} s), per document: {total / count * 1000:.1f} ms, "
        f"average file {size / 1024:.0f} KB, runs: {args.runs}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
