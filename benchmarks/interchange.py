"""Backup, restore, package export and import times on a regency of 60 OPDs × 5 years.

    python benchmarks/interchange.py [--indicators 10] [--runs 3]

The database (generated through the models in a temporary folder): 60 OPDs with their heads, 4 sasaran
and ``--indicators`` indicators each (the demo regency has about 5), yearly targets 2025–2029, quarterly
realisations for all 20 quarters, 4 programs with pagu and quarterly budget realisations, a Perjanjian
Kinerja per OPD-year (2025–2026 signed) with its items and programs, a Pakta Integritas per OPD-year and
an evidence file for every tenth realisation. Prints the median of each step in seconds; goal: each < 2 s.

Steps: backup (VACUUM INTO + zip), restore (check + copy into the live database), master package export
(every OPD: the heaviest export), master package import into an empty laptop (the heaviest import), field
package export from a one-OPD laptop after 100 edits, and its import at the centre.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OPDS, YEARS, PROGRAMS, GOALS = 60, range(2025, 2030), 4, 4
GOAL_SECONDS = 2.0


def generate(path: Path, indicators_per_opd: int) -> int:
    """Fill a new database; returns the number of rows."""
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import (
        AgreementItem,
        AgreementProgram,
        BudgetRealization,
        Evidence,
        FiscalYear,
        Goal,
        Indicator,
        IndicatorRealization,
        IndicatorTarget,
        IntegrityPact,
        Official,
        Opd,
        OpdHead,
        PerformanceAgreement,
        PlanningPeriod,
        Program,
        ProgramBudget,
        Regency,
        RegionalLeader,
    )
    from kinerja_desktop.domain.enums import AgreementStatus, GoalKind, GoalLevel, LeaderRole, OpdKind
    from kinerja_desktop.services.maintenance import row_counts
    from kinerja_desktop.services.sync import evidence_path

    db = open_database(path)
    evidence_dir = db.evidence_dir
    with db.write() as s:
        s.add(Regency(name="Sukabenchmark", capital="Sukabenchmark", province="Jawa Tengah", is_sample=True))
        s.add(
            RegionalLeader(
                role=LeaderRole.HEAD,
                name="H. Bupati Uji, S.E.",
                position="Bupati Sukabenchmark",
                start_date=date(2024, 2, 20),
            )
        )
        period = PlanningPeriod(name="RPJMD 2025–2029", start_year=2025, end_year=2029)
        s.add(period)
        s.add_all([FiscalYear(year=year, period=period) for year in YEARS])
        s.flush()
        for n in range(OPDS):
            opd = Opd(
                code=f"9.{n // 10:02d}.0.00.0.00.{n % 10 + 1:02d}.0000",
                abbreviation=f"OPD{n:02d}",
                name=f"Dinas Uji Beban Nomor {n + 1}",
                kind=OpdKind.DINAS,
                sort_order=n,
            )
            official = Official(
                name=f"Kepala Uji {n + 1}, S.T.", nip=f"19700101199503{n:04d}", rank="Pembina", grade="IV/a"
            )
            opd.heads.append(
                OpdHead(official=official, position=f"Kepala Dinas Uji {n + 1}", start_date=date(2024, 1, 2))
            )
            s.add(opd)
            s.flush()
            goals = [
                Goal(
                    period_id=period.id,
                    level=GoalLevel.OPD,
                    kind=GoalKind.TARGET,
                    opd_id=opd.id,
                    code=f"S{g + 1}",
                    statement=f"Sasaran {g + 1} OPD {n + 1}",
                )
                for g in range(GOALS)
            ]
            s.add_all(goals)
            indicators = []
            for i in range(indicators_per_opd):
                indicator = Indicator(
                    goal=goals[i % GOALS],
                    code=f"IK{i + 1}",
                    name=f"Indikator {i + 1} OPD {n + 1}",
                    unit="%",
                    sort_order=i,
                )
                for year in YEARS:
                    value = Decimal(60 + i % 30) + Decimal(year - 2025)
                    indicator.targets.append(
                        IndicatorTarget(year=year, target=value, q1=value / 4, q2=value / 2, q3=value * 3 / 4, q4=value)
                    )
                indicators.append(indicator)
            s.add_all(indicators)
            programs = []
            for p in range(PROGRAMS):
                program = Program(opd_id=opd.id, code=f"9.{n:02d}.{p:02d}", name=f"Program {p + 1} OPD {n + 1}")
                for year in YEARS:
                    program.budgets.append(ProgramBudget(year=year, pagu=1_250_000_000 + p * 10_000_000))
                programs.append(program)
            s.add_all(programs)
            s.flush()
            for k, (indicator, year, quarter) in enumerate(
                (ind, y, q) for ind in indicators for y in YEARS for q in (1, 2, 3, 4)
            ):
                realization = IndicatorRealization(
                    indicator_id=indicator.id,
                    year=year,
                    quarter=quarter,
                    value=Decimal(50 + k % 50) + Decimal("0.25"),
                    problems="Data terlambat" if k % 7 == 0 else "",
                )
                if k % 10 == 0:
                    data = f"bukti {n}-{k}".encode() * 200
                    sha = hashlib.sha256(data).hexdigest()
                    target = evidence_path(evidence_dir, sha)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    realization.evidence.append(Evidence(file_name=f"bukti-{k}.pdf", sha256=sha, size=len(data)))
                s.add(realization)
            for program in programs:
                for year in YEARS:
                    for quarter in (1, 2, 3, 4):
                        s.add(
                            BudgetRealization(
                                program_id=program.id, year=year, quarter=quarter, amount=300_000_000 + quarter
                            )
                        )
            for year in YEARS:
                signed = year <= 2026
                pk = PerformanceAgreement(
                    opd_id=opd.id,
                    year=year,
                    status=AgreementStatus.FINAL if signed else AgreementStatus.DRAFT,
                    opd_name=opd.name,
                    place="Sukabenchmark",
                    first_name=official.name,
                    first_position=f"Kepala Dinas Uji {n + 1}",
                    second_name="H. Bupati Uji, S.E.",
                    second_position="Bupati Sukabenchmark",
                )
                for i, indicator in enumerate(indicators):
                    pk.items.append(
                        AgreementItem(
                            indicator_id=indicator.id,
                            goal_id=indicator.goal.id,
                            sasaran=indicator.goal.statement,
                            indicator_name=indicator.name,
                            unit="%",
                            target=indicator.targets[year - 2025].target,
                            sort_order=i,
                        )
                    )
                for p, program in enumerate(programs):
                    pk.programs.append(
                        AgreementProgram(
                            program_id=program.id,
                            code=program.code,
                            name=program.name,
                            budget=1_250_000_000 + p * 10_000_000,
                            sort_order=p,
                        )
                    )
                s.add(pk)
                if signed:
                    s.flush()
                    pk.status = AgreementStatus.SIGNED  # signed after its lampiran is complete (db/guards.py)
                s.add(
                    IntegrityPact(
                        opd_id=opd.id,
                        official_id=official.id,
                        year=year,
                        name=official.name,
                        position=f"Kepala Dinas Uji {n + 1}",
                        institution="Pemerintah Kabupaten",
                    )
                )
    total = sum(count for table, count in row_counts(db).items() if not table.startswith("sync_"))
    db.close()
    return total


def timed(step: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=10, help="indicators per OPD (demo: about 5)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import IndicatorRealization
    from kinerja_desktop.services import backup, sync

    results: dict[str, list[float]] = {}

    def record(name: str, seconds: float) -> None:
        results.setdefault(name, []).append(seconds)

    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        started = time.perf_counter()
        rows = generate(folder / "pusat.sqlite", args.indicators)
        size = (folder / "pusat.sqlite").stat().st_size
        print(
            f"generated {OPDS} OPDs × {args.indicators} indicators × {len(YEARS)} years: {rows} rows, "
            f"{size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s"
        )
        centre = open_database(folder / "pusat.sqlite")
        first_code = "9.00.0.00.0.00.01.0000"
        for run in range(args.runs):
            work = folder / f"run{run}"
            work.mkdir()
            seconds, info = timed(lambda: backup.create_backup(centre, work / "c.kinerja-backup"))  # noqa: B023
            record("backup", seconds)
            seconds, _ = timed(lambda: backup.restore_backup(centre, work / "c.kinerja-backup"))  # noqa: B023
            record("restore", seconds)
            seconds, master = timed(lambda: sync.export_master_package(centre, work / "m.kinerja-paket"))  # noqa: B023
            record("export (master, all OPDs)", seconds)
            laptop = open_database(work / "laptop.sqlite")
            seconds, _ = timed(
                lambda: sync.import_package(laptop, work / "m.kinerja-paket", code=master.code)  # noqa: B023
            )
            record("import (master into empty laptop)", seconds)
            laptop.close()
            small = open_database(work / "kecil.sqlite")
            small_master = sync.export_master_package(centre, work / "m1.kinerja-paket", opd_codes=[first_code])
            sync.import_package(small, work / "m1.kinerja-paket", code=small_master.code)
            with small.write() as s:
                for k, realization in enumerate(s.query(IndicatorRealization).limit(100)):
                    realization.follow_up = f"Tindak lanjut {run}-{k}"
            seconds, _ = timed(lambda: sync.export_package(small, work / "f.kinerja-paket"))  # noqa: B023
            record("export (field package, 100 edits)", seconds)
            seconds, report = timed(lambda: sync.import_package(centre, work / "f.kinerja-paket"))  # noqa: B023
            assert report.changed == 100, report.summary()
            record("import (field package at the centre)", seconds)
            small.close()
            shutil.rmtree(work)
        centre.close()
    print(
        f"master package: {master.total_rows} rows, {master.evidence_files} evidence files; "
        f"backup {info.size / 1e6:.1f} MB"
    )
    worst = 0.0
    for name, values in results.items():
        median = statistics.median(values)
        worst = max(worst, median)
        print(f"{name:40s} median {median:6.2f} s  (min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)")
    print(f"goal: each < {GOAL_SECONDS:.0f} s → {'met' if worst < GOAL_SECONDS else 'NOT met'}")
    return 0 if worst < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
