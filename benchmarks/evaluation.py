"""A full-year ranking on 60 OPDs × 40 indicators (signed PKs) × 4 quarters; goal: under 50 ms.

Builds the database in a temporary file through the models in one transaction, then times (median of
several runs) ``evaluation.ranking`` for Triwulan IV computed live, and opening the Evaluasi Triwulan
screen and the Beranda dashboard on it (offscreen Qt).

Run: .venv/bin/python benchmarks/evaluation.py [--opds 60] [--indicators 40] [--runs 7] [--keep FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

YEAR = 2026
GOAL_MS = 50.0
PROGRAMS_PER_OPD = 5
CUMULATIONS = ("last", "summed", "average", "flat", "released")


def build(path: Path, opds: int, indicators: int, seed: int = 2026) -> None:
    """Write the benchmark regency into ``path`` (one transaction)."""
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import (
        AgreementItem,
        AgreementProgram,
        BudgetRealization,
        FiscalYear,
        Goal,
        Indicator,
        IndicatorRealization,
        Opd,
        PerformanceAgreement,
        PlanningPeriod,
        Program,
        Regency,
    )
    from kinerja_desktop.domain.enums import AgreementStatus, Cumulation, GoalKind, GoalLevel, OpdKind, Polarity

    rnd = random.Random(seed)
    db = open_database(path)
    try:
        with db.write() as s:
            s.add(Regency(name="Tolok Ukur", province="Jawa Tengah", capital="Tolok", is_sample=True))
            period = PlanningPeriod(name="RPJMD 2025–2029", start_year=2025, end_year=2029)
            s.add_all([period, FiscalYear(year=YEAR, period=period)])
            s.flush()
            agreements = []
            for n in range(1, opds + 1):
                opd = Opd(
                    code=f"9.{n:02d}.0.00.0.00.01.0000",
                    abbreviation=f"OPD{n:02d}",
                    name=f"Perangkat Daerah Uji {n}",
                    kind=OpdKind.DINAS,
                    sort_order=n,
                )
                s.add(opd)
                s.flush()
                sasaran = Goal(period_id=period.id, level=GoalLevel.OPD, kind=GoalKind.TARGET, opd_id=opd.id,
                               statement="Sasaran uji")
                pk = PerformanceAgreement(
                    opd=opd,
                    year=YEAR,
                    status=AgreementStatus.DRAFT,  # signed below, once its lampiran is complete
                    opd_name=opd.name,
                    sign_date=date(YEAR, 1, 26),
                    place="Tolok",
                )
                s.add_all([sasaran, pk])
                agreements.append(pk)
                for i in range(indicators):
                    cumulation = Cumulation(CUMULATIONS[i % len(CUMULATIONS)])
                    polarity = Polarity.NEGATIVE if i % 7 == 3 else Polarity.POSITIVE
                    target = Decimal(rnd.randint(50, 100))
                    quarters = (
                        [target / 4 * q for q in (1, 2, 3, 4)]
                        if cumulation is not Cumulation.SUMMED
                        else [target / 4] * 4
                    )
                    indicator = Indicator(goal=sasaran, code=f"IK{i + 1}", name=f"Indikator uji {i + 1}", unit="%",
                                          polarity=polarity, cumulation=cumulation, sort_order=i)
                    s.add(indicator)
                    pk.items.append(
                        AgreementItem(
                            indicator=indicator,
                            sasaran=sasaran.statement,
                            indicator_name=indicator.name,
                            unit="%",
                            polarity=polarity,
                            cumulation=cumulation,
                            target=target,
                            q1=quarters[0], q2=quarters[1], q3=quarters[2], q4=quarters[3],
                            sort_order=i,
                        )
                    )
                    for quarter in (1, 2, 3, 4):
                        if cumulation is Cumulation.RELEASED and quarter != 4:
                            continue
                        value = (quarters[quarter - 1] * Decimal(rnd.randint(60, 115)) / 100).quantize(Decimal("0.01"))
                        s.add(IndicatorRealization(indicator=indicator, year=YEAR, quarter=quarter, value=value,
                                                   verified=quarter < 4))
                for p in range(PROGRAMS_PER_OPD):
                    program = Program(opd_id=opd.id, code=f"9.{n:02d}.{p + 1:02d}", name=f"Program uji {p + 1}")
                    pagu = rnd.randint(1_000, 20_000) * 1_000_000
                    s.add(program)
                    s.flush()  # the program's id, referenced by the agreement and the realisations
                    pk.programs.append(
                        AgreementProgram(program_id=program.id, code=program.code, name=program.name, budget=pagu,
                                         sort_order=p)
                    )
                    for quarter in (1, 2, 3, 4):
                        s.add(BudgetRealization(program_id=program.id, year=YEAR, quarter=quarter,
                                                amount=pagu * rnd.randint(15, 25) // 100))
            s.flush()
            for pk in agreements:  # signed PKs are locked: their items go in first
                pk.status = AgreementStatus.SIGNED
    finally:
        db.close()


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, first) in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), times[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--opds", type=int, default=60)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the database at this path (kept afterwards)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "tolok.sqlite"
        if path.exists():
            path.unlink()
        started = time.perf_counter()
        build(path, args.opds, args.indicators)
        built = time.perf_counter() - started

        from kinerja_desktop.db.database import open_database
        from kinerja_desktop.services import evaluation

        db = open_database(path)
        try:
            started = time.perf_counter()
            ranking = evaluation.ranking(db, YEAR, 4)
            cold_ms = (time.perf_counter() - started) * 1000  # nothing remembered yet in this process
            assert len(ranking.rows) == args.opds, len(ranking.rows)
            rank_ms, _ = median_ms(lambda: evaluation.ranking(db, YEAR, 4), args.runs)
            eval_ms, _ = median_ms(lambda: evaluation.evaluate_quarter(db, YEAR, 4), args.runs)

            from kinerja_desktop.gui.app import create_application
            from kinerja_desktop.gui.screens.evaluation import EvaluationScreen
            from kinerja_desktop.gui.screens.home import HomeScreen

            app = create_application()
            screen = EvaluationScreen()
            screen.resize(1400, 900)
            screen.set_context(db, YEAR)
            screen.quarter_combo.setCurrentIndex(3)
            screen.show()

            def open_evaluation() -> None:
                screen.refresh()
                app.processEvents()

            screen_ms, screen_first = median_ms(open_evaluation, args.runs)
            home = HomeScreen()
            home.resize(1400, 900)
            home.set_context(db, YEAR)
            home.show()

            def open_home() -> None:
                home.refresh()
                app.processEvents()

            home_ms, home_first = median_ms(open_home, args.runs)
            screen.shutdown()
            home.shutdown()
        finally:
            db.close()

    indicators = args.opds * args.indicators
    print(f"Database: {args.opds} OPD × {args.indicators} indikator = {indicators} indikator, "
          f"{indicators * 4} baris realisasi (dibangun dalam {built:.1f} s)")
    verdict = "OK" if rank_ms < GOAL_MS else "LAMBAT"
    print(f"evaluation.ranking TW IV (langsung): median {rank_ms:.1f} ms, sasaran < {GOAL_MS:.0f} ms: {verdict}")
    print(f"  panggilan pertama dalam proses (dingin, tanpa hasil yang diingat): {cold_ms:.1f} ms")
    print(f"evaluation.evaluate_quarter TW IV:   median {eval_ms:.1f} ms")
    print(f"Layar Evaluasi Triwulan (refresh):   median {screen_ms:.1f} ms (pertama {screen_first:.1f} ms)")
    print(f"Beranda (refresh):                   median {home_ms:.1f} ms (pertama {home_first:.1f} ms)")


if __name__ == "__main__":
    main()
