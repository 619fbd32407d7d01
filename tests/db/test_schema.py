"""The schema: migrations equal the models, revisions known, round trips exact."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from heads import add_head
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from kinerja_desktop.db.base import MODEL_MODULES
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.errors import ConcurrentChangeError
from kinerja_desktop.db.models import (
    AgreementItem,
    AgreementProgram,
    Goal,
    Indicator,
    IndicatorTarget,
    Official,
    Opd,
    PerformanceAgreement,
    PlanningPeriod,
    PositionHolder,
    Program,
    ProgramBudget,
)
from kinerja_desktop.db.revisions import HEAD, REVISIONS
from kinerja_desktop.domain.enums import (
    AgreementStatus,
    Cumulation,
    GoalKind,
    GoalLevel,
    OpdKind,
    Polarity,
)


def test_migrations_produce_exactly_the_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kinerja_desktop.db.base import schema

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), schema())
    assert diff == []


ROOT = Path(__file__).resolve().parents[2]
# Each user of the whole schema, alone in a fresh interpreter (no other module of models imported first): the
# names of the tables it sees, as a JSON list. argv[1]: a copy of the demo database, at the head schema.
WHOLE_SCHEMA_USERS = {
    "copies (transfer)": "from kinerja_desktop.db.transfer import NOT_COPIED, copied_tables\n"
    "names = [t.name for t in copied_tables()] + [n for n in NOT_COPIED if n != 'alembic_version']",
    "exchange (sync_scope)": "from kinerja_desktop.db.sync_scope import metadata_tables\n"
    "names = list(metadata_tables())",
    "row counts (maintenance)": "from kinerja_desktop.db.database import open_database\n"
    "from kinerja_desktop.services.maintenance import row_counts\n"
    "names = list(row_counts(open_database(sys.argv[1])))",
    "audit trail's columns (audit_log)": "from kinerja_desktop.services.audit_log import _column\n"
    "names = [n for n, c in (a.split(':') for a in sys.argv[2:]) if _column(n, c) is not None]",
}


def _tables(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return sorted(n for n in inspect(conn).get_table_names() if n != "alembic_version")


@pytest.mark.parametrize("user", WHOLE_SCHEMA_USERS)
def test_each_user_of_the_whole_schema_sees_every_table(
    user: str, db: Database, demo_template: Path, tmp_path: Path
) -> None:
    # Models are imported where used (a ``print pk`` loads no AKIP, user, exchange… model, issue 20): whoever lists
    # every table asks db.base.schema(), which imports every module of models first.
    tables = _tables(db)
    with db.engine.connect() as conn:  # each table with one of its columns (for the audit trail's look-up)
        columns = [f"{t}:{inspect(conn).get_columns(t)[0]['name']}" for t in tables]
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    code = f"import json, sys\n{WHOLE_SCHEMA_USERS[user]}\nprint(json.dumps(sorted(names)))"
    result = subprocess.run(
        [sys.executable, "-c", code, str(copy), *columns], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == tables


def test_no_module_reads_the_metadata_of_the_models_imported_so_far() -> None:
    # Base.metadata holds only the models imported so far: every list of tables comes from schema() (db/base.py).
    package = ROOT / "kinerja_desktop"
    readers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "base.py" and re.search(r"\bBase\.metadata\b", path.read_text(encoding="utf-8"))
    )
    assert readers == []


@pytest.mark.parametrize("module", MODEL_MODULES)
def test_a_module_of_models_alone_brings_every_table_its_keys_refer_to(module: str) -> None:
    # A row is written with its table's keys resolved (the ORM orders a flush by them): a module of models imported
    # alone, as a process that uses only its models does, must bring the tables its keys refer to.
    code = (
        f"import sqlalchemy.orm, kinerja_desktop.db.{module}\n"
        "from kinerja_desktop.db.base import Base\n"
        "sqlalchemy.orm.configure_mappers()\n"
        "for mapper in Base.registry.mappers: mapper._sorted_tables\n"
        "print(sorted(fk.column.table.name for t in Base.metadata.tables.values() for fk in t.foreign_keys)[:1])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr.splitlines()[-1:]


def test_a_module_of_models_alone_loads_no_other() -> None:
    # db.models (the PK's, the evaluation's models) without the AKIP, server, exchange, user and verification ones;
    # the PK's models (db.agreement_models) are part of it.
    code = "import sys, kinerja_desktop.db.models\nprint(' '.join(m for m in sys.modules if m.endswith('_models')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split() == ["kinerja_desktop.db.agreement_models"]


def test_known_revisions_match_the_alembic_scripts() -> None:
    from alembic.script import ScriptDirectory

    from kinerja_desktop.db.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_current_head() == HEAD
    chain = [rev.revision for rev in scripts.walk_revisions()]
    assert sorted(chain) == sorted(REVISIONS)


def _sample_tree(session) -> Opd:  # noqa: ANN001
    period = PlanningPeriod(name="RPJMD 2025–2029", start_year=2025, end_year=2029)
    opd = Opd(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS)
    official = Official(name="dr. Siti Rahmawati, M.Kes.", nip="197305122000032004", rank="Pembina", grade="IV/a")
    add_head(opd, official=official, position="Kepala Dinas Kesehatan", start_date=date(2025, 1, 2))
    goal = Goal(level=GoalLevel.OPD, kind=GoalKind.TARGET, statement="Meningkatnya derajat kesehatan")
    session.add_all([period, opd])
    session.flush()
    goal.period_id = period.id
    goal.opd_id = opd.id
    indicator = Indicator(
        name="Angka Kematian Ibu",
        unit="per 100.000 KH",
        polarity=Polarity.NEGATIVE,
        cumulation=Cumulation.SUMMED,
        baseline=Decimal("84.5"),
    )
    indicator.targets.append(
        IndicatorTarget(year=2026, target=Decimal("80"), q1=Decimal("20"), q2=Decimal("20.00"), q3=None, q4=None)
    )
    goal.indicators.append(indicator)
    session.add(goal)
    return opd


def test_round_trip_keeps_exact_decimals_enums_and_money(db: Database) -> None:
    with db.write() as session:
        opd = _sample_tree(session)
        session.flush()
        program = Program(opd_id=opd.id, code="1.02.02", name="PROGRAM PEMENUHAN UPAYA KESEHATAN")
        program.budgets.append(ProgramBudget(year=2026, pagu=9_876_543_210_123))
        session.add(program)
    with db.read() as session:
        indicator = session.scalars(select(Indicator)).one()
        assert indicator.polarity is Polarity.NEGATIVE
        assert indicator.cumulation is Cumulation.SUMMED
        assert indicator.baseline == Decimal("84.5")
        target = indicator.targets[0]
        assert (target.target, target.q1, target.q2, target.q3) == (Decimal("80"), Decimal("20"), Decimal("20"), None)
        assert session.scalar(select(ProgramBudget.pagu)) == 9_876_543_210_123
        head = session.scalars(select(PositionHolder)).one()
        assert head.official.nip == "197305122000032004"
        assert len(indicator.id) == 36 and indicator.version == 1
        assert indicator.created_at is not None


def test_float_is_refused_for_exact_columns(db: Database) -> None:
    with pytest.raises(Exception, match="float"):
        with db.write() as session:
            opd = _sample_tree(session)
            session.flush()
            indicator = session.scalars(select(Indicator)).one()
            indicator.baseline = 0.1  # type: ignore[assignment]
            del opd
    with db.read() as session:
        assert session.scalars(select(Indicator)).all() == []


def test_version_increments_and_stale_writes_are_refused(db: Database) -> None:
    with db.write() as session:
        opd = Opd(code="X", abbreviation="X", name="Dinas X", kind=OpdKind.DINAS)
        session.add(opd)
    with db.write() as session:
        session.get(Opd, opd.id).name = "Dinas Y"
    with db.read() as session:
        assert session.get(Opd, opd.id).version == 2
    # A window holding version 1 cannot silently overwrite version 2: SQLAlchemy's StaleDataError, said as
    # another computer's change (ConcurrentChangeError, in Indonesian).
    stale = opd
    with pytest.raises(ConcurrentChangeError, match="komputer lain") as refused:
        with db.write() as session:
            merged = session.merge(stale, load=False)
            merged.name = "Dinas Z"
    assert isinstance(refused.value.__cause__, StaleDataError)


def test_agreement_with_items_and_programs_round_trip_and_cascade(db: Database) -> None:
    with db.write() as session:
        opd = _sample_tree(session)
        session.flush()
        indicator = session.scalars(select(Indicator)).one()
        agreement = PerformanceAgreement(opd_id=opd.id, year=2026, status=AgreementStatus.DRAFT)
        agreement.items.append(
            AgreementItem(
                indicator_id=indicator.id, sasaran="Meningkatnya derajat kesehatan", indicator_name=indicator.name,
                unit=indicator.unit, target=Decimal("80"),
            )
        )
        agreement.programs.append(AgreementProgram(name="PROGRAM PEMENUHAN", budget=1_250_000_000))
        session.add(agreement)
    with db.write() as session:
        agreement = session.scalars(select(PerformanceAgreement)).one()
        assert agreement.status is AgreementStatus.DRAFT
        assert agreement.programs[0].budget == 1_250_000_000
        session.delete(agreement)
    with db.read() as session:
        assert session.scalars(select(AgreementItem)).all() == []


def test_unique_and_foreign_keys_are_enforced(db: Database) -> None:
    with db.write() as session:
        session.add(Opd(code="A", abbreviation="A", name="Dinas A", kind=OpdKind.DINAS))
    with pytest.raises(IntegrityError):
        with db.write() as session:
            session.add(Opd(code="A", abbreviation="B", name="Dinas B", kind=OpdKind.DINAS))
    with pytest.raises(IntegrityError):
        with db.write() as session:
            session.add(ProgramBudget(program_id="tidak-ada", year=2026, pagu=1))
