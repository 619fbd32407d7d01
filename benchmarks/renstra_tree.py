"""Opening one OPD's Renstra tree on a large regency: service call + tree model + view painted.

    python benchmarks/renstra_tree.py [--runs 9]

Builds a temporary database of 60 OPDs × 40 indicators (2 tujuan × 4 sasaran × 5 indicators each) with
targets for the 5 years of the period (TW I–IV filled), written through the ORM models in one transaction.
Then, on the Renstra & Indikator screen (offscreen), it switches between OPDs and times each switch until
the tree is painted; prints the median in ms. Goal (issue): < 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OPDS, GOALS, TARGETS, INDICATORS = 60, 2, 4, 5
YEARS = range(2025, 2030)


def build(db) -> list[str]:  # noqa: ANN001
    """The regency, in one transaction; returns the OPD ids."""
    from kinerja_desktop.db.models import FiscalYear, Goal, Indicator, IndicatorTarget, Opd, PlanningPeriod
    from kinerja_desktop.domain.enums import Cumulation, GoalKind, GoalLevel, OpdKind, Polarity

    opd_ids = []
    with db.write() as s:
        period = PlanningPeriod(name="RPJMD 2025–2029", start_year=2025, end_year=2029)
        s.add(period)
        s.add_all(FiscalYear(year=y, period=period) for y in YEARS)
        s.flush()
        regional = [
            Goal(
                period_id=period.id,
                level=GoalLevel.REGIONAL,
                kind=GoalKind.TARGET,
                code=f"S{k}",
                statement=f"RPJMD {k}",
            )
            for k in range(1, 11)
        ]
        s.add_all(regional)
        for n in range(1, OPDS + 1):
            opd = Opd(
                code=f"9.{n:02d}.0.00.0.00.01.0000",
                abbreviation=f"OPD{n}",
                name=f"Dinas Contoh {n}",
                kind=OpdKind.DINAS,
                sort_order=n,
            )
            s.add(opd)
            s.flush()
            opd_ids.append(opd.id)
            for g in range(1, GOALS + 1):
                tujuan = Goal(
                    period_id=period.id,
                    level=GoalLevel.OPD,
                    kind=GoalKind.GOAL,
                    opd_id=opd.id,
                    code=f"T{g}",
                    statement=f"Tujuan {g} perangkat daerah {n}",
                    sort_order=g,
                )
                s.add(tujuan)
                for t in range(1, TARGETS + 1):
                    sasaran = Goal(
                        period_id=period.id,
                        level=GoalLevel.OPD,
                        kind=GoalKind.TARGET,
                        opd_id=opd.id,
                        parent=tujuan,
                        supports=regional[(g * t) % 10],
                        code=f"S{g}.{t}",
                        statement=f"Sasaran {g}.{t} perangkat daerah {n}",
                        sort_order=t,
                    )
                    s.add(sasaran)
                    for i in range(1, INDICATORS + 1):
                        indicator = Indicator(
                            goal=sasaran,
                            code=f"IK {g}.{t}.{i}",
                            name=f"Indikator {g}.{t}.{i}",
                            unit="%",
                            polarity=Polarity.POSITIVE,
                            cumulation=Cumulation.LAST_VALUE,
                            sort_order=i,
                        )
                        for y in YEARS:
                            value = Decimal(80 + y - 2025) + Decimal(i) / 10
                            indicator.targets.append(
                                IndicatorTarget(
                                    year=y, target=value, q1=value - 3, q2=value - 2, q3=value - 1, q4=value
                                )
                            )
                        s.add(indicator)
    return opd_ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.gui.app import create_application
    from kinerja_desktop.gui.screens.renstra import RenstraScreen

    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "besar.sqlite")
        try:
            started = time.perf_counter()
            opd_ids = build(db)
            built = time.perf_counter() - started
            screen = RenstraScreen()
            screen.resize(1200, 800)
            screen.set_context(db, 2027)
            screen.refresh()
            screen.show()
            app.processEvents()
            samples = []
            for run in range(args.runs + 1):
                opd_id = opd_ids[(run * 7 + 3) % len(opd_ids)]
                start = time.perf_counter()
                screen.select_opd(opd_id)  # service call + model population (load_tree)
                screen.tree.viewport().repaint()  # the view painted
                app.processEvents()
                elapsed = time.perf_counter() - start
                rows = sum(1 for _ in screen.model.walk())
                assert rows == GOALS * (1 + TARGETS * (1 + INDICATORS)), rows
                if run:  # the first switch warms caches
                    samples.append(elapsed * 1000)
            screen.close()
        finally:
            db.close()
    median = statistics.median(samples)
    print(
        f"database: {OPDS} OPDs × {GOALS * TARGETS * INDICATORS} indicators × {len(YEARS)} years, "
        f"built in {built:.1f} s"
    )
    print(
        f"open one OPD's tree ({rows} nodes): median {median:.1f} ms over {len(samples)} runs "
        f"(min {min(samples):.1f}, max {max(samples):.1f}); goal < 150 ms"
    )
    return 0 if median < 150 else 1


if __name__ == "__main__":
    raise SystemExit(main())
