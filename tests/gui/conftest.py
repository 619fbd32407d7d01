"""GUI fixtures: settings kept in a temporary folder, a populated database, the main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import (
    AgreementItem,
    AgreementProgram,
    FiscalYear,
    Goal,
    Indicator,
    IndicatorRealization,
    IndicatorTarget,
    PerformanceAgreement,
    PlanningPeriod,
    Regency,
)
from kinerja_desktop.domain.enums import AgreementStatus, GoalKind, GoalLevel, OpdKind, Polarity
from kinerja_desktop.services.opd import HeadData, OpdForm, save_opd


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings (recent files) go to a temporary folder, never to the developer's own."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


def add_small_regency(db: Database) -> dict[str, str]:
    """Kabupaten Sukamaju with two OPDs, one Renstra sasaran with two indicators, one PK and realisations."""
    with db.write() as s:
        s.add(Regency(name="Sukamaju", province="Jawa Tengah", is_sample=True))
        period = PlanningPeriod(name="RPJMD 2025–2029", start_year=2025, end_year=2029)
        s.add(period)
        s.add_all([FiscalYear(year=2025, period=period), FiscalYear(year=2026, period=period)])
    dinkes = save_opd(
        db,
        OpdForm(
            code="1.02.0.00.0.00.01.0000",
            abbreviation="Dinkes",
            name="Dinas Kesehatan",
            kind=OpdKind.DINAS,
            head=HeadData(
                name="dr. Bambang Sutrisno, M.Kes.",
                nip="197003121995031002",
                rank="Pembina Utama Muda",
                grade="IV/c",
                position="Kepala Dinas Kesehatan",
                start_date=date(2024, 1, 2),
            ),
        ),
    )
    camat = save_opd(
        db,
        OpdForm(
            code="7.01.0.00.0.00.02.0000",
            abbreviation="Kec. Sukamaju",
            name="Kecamatan Sukamaju",
            kind=OpdKind.KECAMATAN,
        ),
    )
    with db.write() as s:
        period_id = s.query(PlanningPeriod.id).scalar()
        tujuan = Goal(
            period_id=period_id,
            level=GoalLevel.OPD,
            kind=GoalKind.GOAL,
            opd_id=dinkes,
            code="T1",
            statement="Meningkatnya derajat kesehatan masyarakat",
        )
        sasaran = Goal(
            period_id=period_id,
            level=GoalLevel.OPD,
            kind=GoalKind.TARGET,
            opd_id=dinkes,
            parent=tujuan,
            code="S1",
            statement="Menurunnya kematian ibu dan stunting",
        )
        aki = Indicator(
            goal=sasaran,
            code="IK1",
            name="Angka Kematian Ibu",
            unit="per 100.000 KH",
            polarity=Polarity.NEGATIVE,
            sort_order=1,
        )
        stunting = Indicator(
            goal=sasaran, code="IK2", name="Prevalensi stunting", unit="%", polarity=Polarity.NEGATIVE, sort_order=2
        )
        aki.targets.append(IndicatorTarget(year=2026, target=Decimal("80")))
        stunting.targets.append(IndicatorTarget(year=2026, target=Decimal("14.5")))
        s.add_all([tujuan, sasaran, aki, stunting])
        s.flush()
        s.add_all(
            [
                IndicatorRealization(indicator_id=aki.id, year=2026, quarter=1, value=Decimal("70")),
                IndicatorRealization(indicator_id=stunting.id, year=2026, quarter=1, value=Decimal("16.1")),
                IndicatorRealization(indicator_id=aki.id, year=2026, quarter=2, value=None),  # belum diisi
            ]
        )
        pk = PerformanceAgreement(opd_id=dinkes, year=2026, status=AgreementStatus.FINAL, opd_name="Dinas Kesehatan")
        pk.items.append(
            AgreementItem(
                indicator_id=aki.id,
                sasaran=sasaran.statement,
                indicator_name=aki.name,
                unit=aki.unit,
                target=Decimal("80"),
            )
        )
        pk.items.append(
            AgreementItem(
                indicator_id=stunting.id,
                sasaran=sasaran.statement,
                indicator_name=stunting.name,
                unit="%",
                target=Decimal("14.5"),
            )
        )
        pk.programs.append(AgreementProgram(name="Program Pemenuhan Upaya Kesehatan", budget=1_000_000_000))
        pk.programs.append(AgreementProgram(name="Program Peningkatan Kapasitas SDM", budget=250_000_000))
        s.add(pk)
    return {"dinkes": dinkes, "camat": camat}


@pytest.fixture
def small_regency(db: Database) -> dict[str, str]:
    return add_small_regency(db)


@pytest.fixture
def main_window(qtbot, db: Database):  # noqa: ANN201
    """The main window on ``db`` with the synchronous job runner (no threads to poll); closed after the test."""
    from kinerja_desktop.gui.jobs import SyncRunner
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow(db, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    window.runner.wait()


@pytest.fixture(autouse=True)
def unsaved_input_discarded_at_the_end(monkeypatch):  # noqa: ANN001, ANN201
    """A form or wizard left open with typed input is closed by pytest-qt after the test: without this, its
    "Perubahan belum disimpan" question would wait for a click. Tests of the question patch or drive it."""
    from kinerja_desktop.gui import unsaved

    monkeypatch.setattr(unsaved, "ask_unsaved_changes", lambda _parent, **_kw: unsaved.DISCARD)
    yield


@pytest.fixture(autouse=True, scope="session")
def qt_in_indonesian(qapp):  # noqa: ANN001, ANN201
    """As the app does at start-up (``gui/app.create_application``): Qt's own texts in Indonesian."""
    from kinerja_desktop.gui import translation

    assert translation.install(qapp) is not None
    yield
