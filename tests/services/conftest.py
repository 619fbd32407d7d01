"""Fixtures shared by the service tests: a small regency built through the models."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from cascading import tree  # noqa: F401 - the cascade fixture, for the services tests
from heads import add_head

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import (
    Goal,
    Indicator,
    IndicatorTarget,
    Official,
    Opd,
    PlanningPeriod,
    Program,
    ProgramBudget,
    Regency,
    RegionalLeader,
)
from kinerja_desktop.domain.enums import Cumulation, GoalKind, GoalLevel, LeaderRole, OpdKind, Polarity

D = Decimal


@pytest.fixture
def dinkes(db: Database) -> str:
    """A regency with a Bupati, Dinas Kesehatan and its head, two indicators with 2026 targets, two programs."""
    with db.write() as s:
        s.add(Regency(name="Sukamaju", capital="Sukamaju", province="Jawa Tengah"))
        s.add(RegionalLeader(role=LeaderRole.HEAD, name="H. Ahmad Fauzan, S.E., M.M.", position="Bupati Sukamaju",
                             start_date=date(2025, 2, 20)))
        period = PlanningPeriod(name="RPJMD 2025–2029", start_year=2025, end_year=2029)
        opd = Opd(code="1.02.0.00.0.00.01.0000", abbreviation="Dinkes", name="Dinas Kesehatan", kind=OpdKind.DINAS)
        official = Official(name="dr. Siti Rahmawati, M.Kes.", nip="197305122000032004", rank="Pembina Utama Muda",
                            grade="IV/c")
        add_head(opd, official=official, position="Kepala Dinas Kesehatan", start_date=date(2024, 1, 5))
        s.add_all([period, opd])
        s.flush()
        goal = Goal(period_id=period.id, level=GoalLevel.OPD, kind=GoalKind.TARGET, opd_id=opd.id,
                    statement="Meningkatnya derajat kesehatan masyarakat")
        aki = Indicator(name="Angka Kematian Ibu", unit="per 100.000 KH", polarity=Polarity.NEGATIVE,
                        cumulation=Cumulation.LAST_VALUE, sort_order=1)
        aki.targets.append(IndicatorTarget(year=2026, target=D(80), q1=D(90), q2=D(87), q3=D(84), q4=D(80)))
        apm = Indicator(name="Cakupan imunisasi dasar lengkap", unit="%", polarity=Polarity.POSITIVE,
                        cumulation=Cumulation.LAST_VALUE, sort_order=2)
        apm.targets.append(IndicatorTarget(year=2026, target=D("95.5"), q1=D(30), q2=D(55), q3=D(80), q4=D("95.5")))
        goal.indicators.extend([aki, apm])
        s.add(goal)
        for code, pagu in (("1.02.02", 12_345_678_000), ("1.02.01", 4_500_000_000)):
            program = Program(opd_id=opd.id, code=code, name=f"PROGRAM {code}")
            program.budgets.append(ProgramBudget(year=2026, pagu=pagu))
            s.add(program)
        return opd.id
