"""Opening the Perjanjian Kinerja list on a large regency: 60 OPDs × 40 indicators × 5 years, a PK per OPD-year.

    python benchmarks/agreement_list.py [--runs 15] [--year 2027]

The database is generated in a temporary file through the models in one transaction. Each run builds the
screen, loads the year (service ``list_agreements`` + Pakta Integritas, the model, sorting inside the model)
and shows the view until the event loop is idle. Prints the median in ms. Goal (issue): under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OPDS, INDICATORS, YEARS, PROGRAMS = 60, 40, range(2025, 2030), 6


def generate(path: Path) -> float:
    """Fill a new database; returns seconds taken."""
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import (
        AgreementItem,
        AgreementProgram,
        FiscalYear,
        Goal,
        Indicator,
        IndicatorTarget,
        Official,
        Opd,
        OpdHead,
        PerformanceAgreement,
        PlanningPeriod,
        Regency,
        RegionalLeader,
    )
    from kinerja_desktop.domain.enums import AgreementStatus, GoalKind, GoalLevel, LeaderRole, OpdKind

    started = time.perf_counter()
    db = open_database(path)
    with db.write() as s:
        s.add(Regency(name="Sukabenchmark", capital="Sukabenchmark", province="Jawa Tengah", is_sample=True))
        s.add(RegionalLeader(role=LeaderRole.HEAD, name="H. Bupati Uji, S.E.", position="Bupati Sukabenchmark",
                             start_date=date(2024, 2, 20)))
        period = PlanningPeriod(name="RPJMD 2025–2029", start_year=2025, end_year=2029)
        s.add(period)
        s.add_all([FiscalYear(year=year, period=period) for year in YEARS])
        s.flush()
        for n in range(OPDS):
            opd = Opd(code=f"9.{n // 10:02d}.0.00.0.00.{n % 10 + 1:02d}.0000", abbreviation=f"OPD{n:02d}",
                      name=f"Dinas Uji Beban Nomor {n + 1}", kind=OpdKind.DINAS, sort_order=n)
            official = Official(name=f"Kepala Uji {n + 1}, S.T.", nip=f"19700101199503{n:04d}", rank="Pembina",
                                grade="IV/a")
            opd.heads.append(OpdHead(official=official, position=f"Kepala Dinas Uji {n + 1}",
                                     start_date=date(2024, 1, 2)))
            s.add(opd)
            s.flush()
            goals = [Goal(period_id=period.id, level=GoalLevel.OPD, kind=GoalKind.TARGET, opd_id=opd.id,
                          code=f"S{g + 1}", statement=f"Sasaran {g + 1} OPD {n + 1}") for g in range(4)]
            s.add_all(goals)
            indicators = []
            for i in range(INDICATORS):
                indicator = Indicator(goal=goals[i % 4], code=f"IK{i + 1}", name=f"Indikator {i + 1} OPD {n + 1}",
                                      unit="%", sort_order=i)
                for year in YEARS:
                    value = Decimal(60 + i % 30) + Decimal(year - 2025)
                    indicator.targets.append(IndicatorTarget(year=year, target=value, q4=value))
                indicators.append(indicator)
            s.add_all(indicators)
            s.flush()
            for year in YEARS:
                pk = PerformanceAgreement(opd_id=opd.id, year=year, status=AgreementStatus.FINAL,
                                          opd_name=opd.name, place="Sukabenchmark",
                                          first_name=official.name, first_position=f"Kepala Dinas Uji {n + 1}",
                                          second_name="H. Bupati Uji, S.E.", second_position="Bupati Sukabenchmark")
                for i, indicator in enumerate(indicators):
                    pk.items.append(AgreementItem(indicator_id=indicator.id, goal_id=indicator.goal.id,
                                                  sasaran=indicator.goal.statement, indicator_name=indicator.name,
                                                  unit="%", target=indicator.targets[year - 2025].target,
                                                  sort_order=i))
                for p in range(PROGRAMS):
                    pk.programs.append(AgreementProgram(code=f"9.{p:02d}", name=f"Program {p + 1}",
                                                        budget=1_250_000_000 + p * 10_000_000, sort_order=p))
                s.add(pk)
    db.close()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--year", type=int, default=2027)
    args = parser.parse_args()

    from kinerja_desktop.gui.app import create_application

    app = create_application()
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.gui.screens.agreements import AgreementsScreen

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "besar.sqlite"
        seconds = generate(path)
        print(f"generated {OPDS} OPDs × {INDICATORS} indicators × {len(YEARS)} years "
              f"(+{OPDS * len(YEARS)} PKs, {OPDS * len(YEARS) * INDICATORS} items) in {seconds:.1f} s")
        db = open_database(path)
        times = []
        try:
            for run in range(args.runs + 1):
                started = time.perf_counter()
                screen = AgreementsScreen()
                screen.set_context(db, args.year)
                screen.refresh()
                screen.resize(1200, 700)
                screen.show()
                app.processEvents()
                elapsed = (time.perf_counter() - started) * 1000
                assert screen.model.rowCount() == OPDS
                if run:  # the first run warms imports and caches
                    times.append(elapsed)
                screen.shutdown()
                screen.close()
                screen.deleteLater()
                app.processEvents()
        finally:
            db.close()
    median = statistics.median(times)
    print(f"PK list opened ({OPDS} rows, year {args.year}): median {median:.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms over {len(times)} runs (goal < 150 ms)")
    return 0 if median < 150 else 1


if __name__ == "__main__":
    raise SystemExit(main())
