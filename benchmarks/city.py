"""The one city every benchmark measures: ``--opds`` OPDs × ``--indicators`` indicators × ``--years`` years.

    python benchmarks/city.py [--opds 60] [--indicators 40] [--years 5] [--fresh]

Built with the model main has today, in bulk (one ``INSERT`` per table through SQLAlchemy Core, ids made here),
into a database made by the migrations, with its evidence store beside it:

* the regency, its Bupati, an RPJMD period 2025–2029 and its fiscal years;
* per OPD: the OPD, its kepala's ``Position`` (``head_position_id``) held by an ``Official`` since 2024
  (``PositionHolder``: the OPD head), 4 sasaran with ``--indicators`` indicators spread over them, yearly targets
  with their quarterly breakdown, realisations of every quarter of every year (every seventh with a kendala),
  4 programs (each carried by a sasaran, ``GoalProgram``) with their pagu and quarterly budget realisations,
  one Perjanjian Kinerja per year (2025–2026 signed by the holder and the Bupati, later years drafts) with
  an item per indicator and a row per program, a Pakta Integritas per year;
* an evidence file (a few kB, each different) for every tenth realisation, in the store.

At 60 × 40 × 5: 87.968 rows and 4.800 evidence files (the issue's 102.548 counted another generator's extra
tables; the heavy tables are the same). Built in ≈ 11 s on the loaded 2-core benchmark machine, against ≈ 50 s through
the ORM one object at a time.

The result is cached by its parameters (and the migrations it was made with) under the system's temporary folder
(``kinerja-city/``), so several benchmarks (and several runs) reuse one file: use :func:`city` to get it (read
only!) and :func:`copy_city` for a copy a benchmark may write to.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GENERATOR_VERSION = 1  # bump when the city changes: the cached files are then rebuilt
OPDS, INDICATORS, YEARS = 60, 40, 5
FIRST_YEAR = 2025
GOALS, PROGRAMS = 4, 4
SIGNED_UNTIL = 2026  # the PKs of 2025 and 2026 are signed, the later ones drafts
EVIDENCE_EVERY = 10  # an evidence file for every tenth realisation
CACHE = Path(tempfile.gettempdir()) / "kinerja-city"


@dataclass(frozen=True)
class City:
    path: Path  # the database file (do not write to it: it is shared; see copy_city)
    opds: int
    indicators: int
    years: int
    rows: int  # rows of the domain's tables (sync bookkeeping left out)
    evidence_files: int

    @property
    def evidence_dir(self) -> Path:
        return self.path.with_name(self.path.stem + "-bukti")

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def opd_code(self, n: int) -> str:
        return opd_code(n)


def opd_code(n: int) -> str:
    return f"9.{n // 10:02d}.0.00.0.00.{n % 10 + 1:02d}.0000"


def _schema_key() -> str:
    from kinerja_desktop.db.migrate import migrations_dir

    names = sorted(p.name for p in (migrations_dir() / "versions").glob("*.py"))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:10]


def city(opds: int = OPDS, indicators: int = INDICATORS, years: int = YEARS, *, fresh: bool = False) -> City:
    """The cached city of these parameters, built first when missing (or when ``fresh``)."""
    folder = CACHE / f"v{GENERATOR_VERSION}-{opds}x{indicators}x{years}-{_schema_key()}"
    marker = folder / "rows.txt"
    if fresh and folder.exists():
        shutil.rmtree(folder)
    if not marker.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix="building-", dir=CACHE))
        rows, files = generate(building / "pusat.sqlite", opds, indicators, years)
        (building / "rows.txt").write_text(f"{rows} {files}\n")
        try:
            os.rename(building, folder)  # atomic: another benchmark never sees half a city
        except OSError:  # built meanwhile by another process
            shutil.rmtree(building, ignore_errors=True)
    rows, files = (int(x) for x in marker.read_text().split())
    return City(folder / "pusat.sqlite", opds, indicators, years, rows, files)


def copy_city(source: City, folder: Path, name: str = "pusat.sqlite") -> Path:
    """A writable copy of the city's database and evidence store in ``folder``; returns the database's path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(source.path, target)
    shutil.copytree(source.evidence_dir, target.with_name(target.stem + "-bukti"))
    return target


def generate(path: Path, opds: int = OPDS, indicators: int = INDICATORS, years: int = YEARS) -> tuple[int, int]:
    """Fill a new database at ``path`` (made by the migrations); returns (domain rows, evidence files)."""
    from sqlalchemy import insert, update

    from kinerja_desktop.db import models as m
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.evidence import evidence_path
    from kinerja_desktop.domain.enums import (
        AgreementStatus,
        GoalKind,
        GoalLevel,
        LeaderRole,
        OpdKind,
        PositionLevel,
    )
    from kinerja_desktop.services.maintenance import row_counts

    db = open_database(path)
    store = db.evidence_dir
    assert store is not None
    year_range = range(FIRST_YEAR, FIRST_YEAR + years)
    now = datetime(2026, 1, 26, 8, 0, 0)
    tables: dict[type, list[dict[str, object]]] = {}

    def add(model: type, **values: object) -> str:
        values.setdefault("id", str(uuid.uuid4()))
        values.setdefault("created_at", now)
        values.setdefault("updated_at", now)
        values.setdefault("version", 1)
        tables.setdefault(model, []).append(values)
        return str(values["id"])

    add(m.Regency, name="Sukabenchmark", capital="Sukabenchmark", province="Jawa Tengah", is_sample=True)
    bupati = "H. Bupati Uji, S.E."
    leader = add(m.RegionalLeader, role=LeaderRole.HEAD, name=bupati, position="Bupati Sukabenchmark",
                 start_date=date(2024, 2, 20))
    period = add(m.PlanningPeriod, name=f"RPJMD {FIRST_YEAR}–{FIRST_YEAR + 4}", start_year=FIRST_YEAR,
                 end_year=max(FIRST_YEAR + 4, year_range[-1]))
    for year in year_range:
        add(m.FiscalYear, year=year, period_id=period)
    signed_pks: list[str] = []
    evidence_files = 0
    for n in range(opds):
        opd_name = f"Dinas Uji Beban Nomor {n + 1}"
        opd = add(m.Opd, code=opd_code(n), abbreviation=f"OPD{n:02d}", name=opd_name, kind=OpdKind.DINAS,
                  sort_order=n)
        head_name, head_nip, head_position = f"Kepala Uji {n + 1}, S.T.", f"19700101199503{n:04d}", f"Kepala {opd_name}"
        official = add(m.Official, name=head_name, nip=head_nip, rank="Pembina", grade="IV/a")
        post = add(m.Position, id=m.head_position_id(opd), opd_id=opd, name=head_position, level=PositionLevel.HEAD)
        add(m.PositionHolder, position_id=post, official_id=official, position=head_position,
            start_date=date(2024, 1, 2))
        goals = [
            add(m.Goal, period_id=period, level=GoalLevel.OPD, kind=GoalKind.TARGET, opd_id=opd, position_id=post,
                code=f"S{g + 1}", statement=f"Meningkatnya kinerja urusan {g + 1} pada {opd_name}", sort_order=g)
            for g in range(GOALS)
        ]
        programs = []
        for p in range(PROGRAMS):
            program = add(m.Program, opd_id=opd, goal_id=goals[p % GOALS], code=f"9.{n:02d}.{p + 1:02d}",
                          name=f"Program Penunjang Urusan {p + 1} {opd_name}")
            add(m.GoalProgram, goal_id=goals[p % GOALS], program_id=program, sort_order=p)
            for year in year_range:
                add(m.ProgramBudget, program_id=program, year=year, pagu=1_250_000_000 + p * 10_000_000)
                for quarter in (1, 2, 3, 4):
                    add(m.BudgetRealization, program_id=program, year=year, quarter=quarter,
                        amount=300_000_000 + quarter * 1_000 + p)
            programs.append(program)
        indicator_rows = []
        k = 0
        for i in range(indicators):
            goal = goals[i % GOALS]
            name = f"Persentase capaian layanan {i + 1} {opd_name}"
            indicator = add(m.Indicator, goal_id=goal, code=f"IK{i + 1}", name=name, unit="%", sort_order=i)
            targets = {}
            for year in year_range:
                value = Decimal(60 + i % 30) + Decimal(year - FIRST_YEAR)
                targets[year] = value
                add(m.IndicatorTarget, indicator_id=indicator, year=year, target=value, q1=value / 4, q2=value / 2,
                    q3=value * 3 / 4, q4=value)
                for quarter in (1, 2, 3, 4):
                    realization = add(m.IndicatorRealization, indicator_id=indicator, year=year, quarter=quarter,
                                      value=Decimal(50 + k % 50) + Decimal("0.25"),
                                      problems="Data terlambat dari UPT" if k % 7 == 0 else "",
                                      reported_at=now)
                    if k % EVIDENCE_EVERY == 0:
                        data = f"%PDF-1.4 bukti dukung {n}-{k}\n".encode() * 100
                        sha = hashlib.sha256(data).hexdigest()
                        target = evidence_path(store, sha)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(data)
                        evidence_files += 1
                        add(m.Evidence, realization_id=realization, file_name=f"bukti-{i + 1}-{year}-tw{quarter}.pdf",
                            sha256=sha, size=len(data))
                    k += 1
            indicator_rows.append((indicator, goal, name, targets))
        for year in year_range:
            signed = year <= SIGNED_UNTIL
            pk = add(m.PerformanceAgreement, opd_id=opd, position_id=post, year=year,
                     status=AgreementStatus.FINAL if signed else AgreementStatus.DRAFT, opd_name=opd_name,
                     place="Sukabenchmark", sign_date=date(year, 1, 31) if signed else None,
                     first_official_id=official, first_name=head_name, first_position=head_position,
                     first_nip=head_nip, first_rank="Pembina (IV/a)", second_leader_id=leader, second_name=bupati,
                     second_position="Bupati Sukabenchmark", finalized_at=now if signed else None,
                     signed_at=now if signed else None,
                     document_code=f"PK-{year}-OPD{n:02d}-v1" if signed else "")
            if signed:
                signed_pks.append(pk)
            for i, (indicator, goal, name, targets) in enumerate(indicator_rows):
                value = targets[year]
                add(m.AgreementItem, agreement_id=pk, indicator_id=indicator, goal_id=goal,
                    sasaran=f"Meningkatnya kinerja urusan {i % GOALS + 1} pada {opd_name}", indicator_name=name,
                    unit="%", target=value, q1=value / 4, q2=value / 2, q3=value * 3 / 4, q4=value, sort_order=i)
            for p, program in enumerate(programs):
                add(m.AgreementProgram, agreement_id=pk, program_id=program, code=f"9.{n:02d}.{p + 1:02d}",
                    name=f"Program Penunjang Urusan {p + 1} {opd_name}", budget=1_250_000_000 + p * 10_000_000,
                    sort_order=p)
            add(m.IntegrityPact, opd_id=opd, official_id=official, year=year, name=head_name, nip=head_nip,
                rank="Pembina (IV/a)", position=head_position, institution="Pemerintah Kabupaten Sukabenchmark",
                place="Sukabenchmark", sign_date=date(year, 1, 31) if signed else None)

    with db.write() as session:
        conn = session.connection()
        for model, rows in tables.items():  # dict order: parents before children
            table = model.__table__  # type: ignore[attr-defined]
            for start in range(0, len(rows), 5_000):
                conn.execute(insert(table), rows[start:start + 5_000])
        # Signed after their lampiran is in (the database's triggers refuse rows under a signed PK).
        agreement = m.PerformanceAgreement.__table__
        for start in range(0, len(signed_pks), 500):
            conn.execute(update(agreement).where(agreement.c.id.in_(signed_pks[start:start + 500]))
                         .values(status=AgreementStatus.SIGNED))
    total = sum(count for table, count in row_counts(db).items() if not table.startswith("sync_"))
    db.close()
    return total, evidence_files


def dots(number: int) -> str:
    """1.234.567, as the reports print it."""
    return f"{number:,}".replace(",", ".")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opds", type=int, default=OPDS)
    parser.add_argument("--indicators", type=int, default=INDICATORS)
    parser.add_argument("--years", type=int, default=YEARS)
    parser.add_argument("--fresh", action="store_true", help="build again even when cached")
    args = parser.parse_args()
    started = time.perf_counter()
    made = city(args.opds, args.indicators, args.years, fresh=args.fresh)
    print(
        f"city {made.opds} OPDs × {made.indicators} indicators × {made.years} years: {dots(made.rows)} rows, "
        f"{dots(made.evidence_files)} evidence files, {made.size / 1e6:.1f} MB at {made.path} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
