"""A cascade in the services' test city (Dinkes of ``tests/services/conftest.py``): positions, lower sasaran,
indicators, kegiatan and sub kegiatan, for the cascade's tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Goal, Indicator, Program, ProgramBudget
from kinerja_desktop.domain.enums import Cumulation, GoalLevel, PositionLevel, ProgramLevel
from kinerja_desktop.services import cascade, positions
from kinerja_desktop.services.cascade import LowerGoalData
from kinerja_desktop.services.opd import HeadData
from kinerja_desktop.services.positions import PositionForm
from kinerja_desktop.services.renstra import IndicatorData, TargetData

D = Decimal


@pytest.fixture
def tree(db: Database, dinkes: str) -> dict[str, str]:
    """Dinkes with a Kabid Kesmas (eselon III) over a Kasi Kesga (eselon IV), held since 2025; a kegiatan and a
    sub kegiatan of program 1.02.02 with 2026 pagu; a sasaran program and a sasaran kegiatan with one indicator
    each, supporting AKI."""
    kabid = positions.save_position(db, PositionForm(dinkes, "Kepala Bidang Kesehatan Masyarakat",
                                                     PositionLevel.ESELON_III))
    kasi = positions.save_position(db, PositionForm(dinkes, "Kepala Seksi Kesehatan Keluarga dan Gizi",
                                                    PositionLevel.ESELON_IV, parent_id=kabid))
    positions.appoint(db, kabid, HeadData(name="Hj. Nurlaela, S.K.M., M.M.", nip="197512102000032003",
                                          rank="Pembina", grade="IV/a", start_date=date(2025, 1, 2)))
    positions.appoint(db, kasi, HeadData(name="Andi Saputra, S.K.M.", nip="198306152008011004", rank="Penata",
                                         grade="III/c", start_date=date(2025, 1, 2)))
    with db.write() as s:
        program = s.scalars(select(Program).where(Program.code == "1.02.02")).one()
        kegiatan = Program(opd_id=dinkes, code="1.02.02.2.02", name="Penyediaan Layanan Kesehatan",
                           level=ProgramLevel.ACTIVITY, parent=program)
        kegiatan.budgets.append(ProgramBudget(year=2026, pagu=3_250_000_000))
        sub = Program(opd_id=dinkes, code="1.02.02.2.02.0001", name="Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                      level=ProgramLevel.SUB_ACTIVITY, parent=kegiatan)
        sub.budgets.append(ProgramBudget(year=2026, pagu=475_500_000))
        s.add_all([kegiatan, sub])
        s.flush()
        ids = {"program": program.id, "kegiatan": kegiatan.id, "sub": sub.id}
        ids["renstra"] = s.scalars(select(Goal.id).where(Goal.level == GoalLevel.OPD)).one()
        ids["aki"] = s.scalars(select(Indicator.id).where(Indicator.name == "Angka Kematian Ibu")).one()
    ids |= {"opd": dinkes, "kabid": kabid, "kasi": kasi}
    ids["sp"] = cascade.save_lower_goal(db, LowerGoalData(
        kabid, ids["renstra"], "Meningkatnya kualitas pelayanan kesehatan ibu dan anak",
        program_ids=[ids["program"], ids["kegiatan"]]))
    ids["sp_ind"] = cascade.save_lower_indicator(db, IndicatorData(
        ids["sp"], "Persentase ibu hamil mendapat pelayanan sesuai standar", "%", cumulation=Cumulation.LAST_VALUE,
        targets=[TargetData(2026, D(95), quarters=(D(25), D(50), D(75), D(95)))]), ids["aki"])
    ids["sk"] = cascade.save_lower_goal(db, LowerGoalData(
        kasi, ids["sp"], "Meningkatnya cakupan kunjungan K6 ibu hamil", program_ids=[ids["sub"]]))
    ids["sk_ind"] = cascade.save_lower_indicator(db, IndicatorData(
        ids["sk"], "Cakupan kunjungan K6", "%",
        targets=[TargetData(2026, D(90), quarters=(D(20), D(45), D(70), D(90)))]), ids["sp_ind"])
    return ids
