"""Print 60 Perjanjian Kinerja (≈12 indicators, 4 programs each) to a temporary folder; goal: under 2 s.

Run: .venv/bin/python benchmarks/printing_reports.py [--count 60] [--paper a4|f4] [--keep DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

COUNT = 60
GOAL_SECONDS = 2.0


def documents(count: int):
    from kinerja_desktop.reports import samples
    from kinerja_desktop.reports.data import AgreementGoal, AgreementIndicator, TargetValue

    base = samples.sample_agreement()
    extra = AgreementIndicator("Persentase desa dengan posyandu aktif", TargetValue(samples.D("88.5"), "%"))
    goals = base.goals[:-1] + (AgreementGoal(base.goals[-1].statement, base.goals[-1].indicators + (extra,)),)
    for n in range(count):
        first = replace(base.first_party, name=f"dr. Kepala Perangkat Daerah Ke-{n + 1}, M.Kes.")
        yield replace(
            base,
            unit_code=f"OPD{n + 1:02d}",
            unit_name=f"Perangkat Daerah Contoh {n + 1}",
            first_party=first,
            goals=goals,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=COUNT)
    parser.add_argument("--paper", default="a4")
    parser.add_argument("--keep", type=Path, help="write the PDFs here instead of a temporary folder")
    args = parser.parse_args()

    started = time.perf_counter()
    from kinerja_desktop.reports.agreement import render_agreement
    from kinerja_desktop.reports.fonts import register_fonts

    register_fonts()
    setup = time.perf_counter() - started
    docs = list(documents(args.count))
    indicators = sum(len(g.indicators) for g in docs[0].goals)

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        for doc in docs:
            render_agreement(doc, folder / f"{doc.identity}.pdf", paper=args.paper)
        total = time.perf_counter() - started
        pages_bytes = sum(p.stat().st_size for p in folder.glob("PK-*.pdf"))

    print(f"import + font registration: {setup * 1000:.0f} ms")
    print(f"{args.count} PK documents ({indicators} indicators, {len(docs[0].programs)} programs each, {args.paper})")
    print(f"total: {total:.2f} s   per document: {total / args.count * 1000:.1f} ms")
    print(f"average size: {pages_bytes / args.count / 1024:.0f} KB")
    verdict = "OK" if total < GOAL_SECONDS else "SLOWER THAN GOAL"
    print(f"goal {GOAL_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
