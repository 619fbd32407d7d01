"""Two computers at once, on SQLite and PostgreSQL: each test opens a second connection pool (another "computer") and
runs the two use cases on two threads, pausing one inside its transaction to force the race the issue names.

The rule a use case checks must be the rule that holds at its commit: closing a quarter and saving its report
exclude each other (db/locks.py); a realisation saved from a stale form is refused with ConcurrentChangeError
instead of overwriting another computer's value."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from server_helpers import report_from
from sqlalchemy import select

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.errors import ConcurrentChangeError
from kinerja_desktop.db.models import AgreementItem, IndicatorRealization, PerformanceAgreement, QuarterClosure
from kinerja_desktop.domain.enums import AgreementStatus
from kinerja_desktop.services import agreements, evaluation, maintenance, sync, sync_import
from kinerja_desktop.services import evaluation_report as report_module
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.evaluation_data import OpdEvaluation

YEAR, QUARTER = 2025, 4
PAUSE_S = 4.0  # the longest one side waits inside its transaction (under SQLite's 5 s busy timeout)
BLOCKED_S = 0.6  # how long the other side must stay blocked to count as waiting for the lock
PAUSED = "paused"  # the name of the side that stops inside its transaction


@pytest.fixture
def other(demo_db: Database) -> Iterator[Database]:
    """The same database opened by a second computer (its own engine and connections)."""
    database = open_database(demo_db.location)
    yield database
    database.close()


class Paused:
    """Wraps ``module.name`` so that the first call from the thread named ``PAUSED`` stops there until :meth:`go`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
        self.reached, self.released = threading.Event(), threading.Event()
        original = getattr(module, name)

        def paused(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread().name == PAUSED and not self.reached.is_set():
                self.reached.set()
                self.released.wait(PAUSE_S)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, paused)

    def go(self) -> None:
        self.released.set()


class Side(threading.Thread):
    """One computer's use case on its own thread; ``result`` or ``error`` once it ended."""

    def __init__(self, work: Callable[[], Any], name: str = "other") -> None:
        super().__init__(daemon=True, name=name)
        self.work, self.result, self.error = work, None, None

    def run(self) -> None:
        try:
            self.result = self.work()
        except Exception as exc:  # noqa: BLE001 - looked at by the test
            self.error = exc


def _first_opd(db: Database) -> OpdEvaluation:
    opd_id = evaluation.evaluate_quarter(db, YEAR, QUARTER)[0].opd_id
    return evaluation.evaluate_opd(db, YEAR, QUARTER, opd_id)


def _kendala(db: Database, loaded: OpdEvaluation) -> str:
    with db.read() as s:
        return s.scalar(
            select(IndicatorRealization.problems).where(
                IndicatorRealization.indicator_id == loaded.indicators[0].indicator_id,
                IndicatorRealization.year == YEAR,
                IndicatorRealization.quarter == QUARTER,
            )
        )


def test_two_saves_of_one_realisation_the_second_is_told_and_overwrites_nothing(demo_db: Database, other) -> None:  # noqa: ANN001
    # GIVEN two computers with the same quarter report open
    here, there = _first_opd(demo_db), _first_opd(other)
    # WHEN the first saves, then the second saves what it typed over what it loaded
    evaluation.save_quarter_report(demo_db, report_from(here, "Kendala dari komputer A"))
    with pytest.raises(ConcurrentChangeError, match="diubah dari komputer lain") as refused:
        evaluation.save_quarter_report(other, report_from(there, "Kendala dari komputer B"))
    # THEN the first computer's value stands, and the message names what changed
    assert _kendala(demo_db, here) == "Kendala dari komputer A"
    assert here.opd_name in str(refused.value)
    # AND after reloading, the second computer saves on top of it
    again = evaluation.evaluate_opd(other, YEAR, QUARTER, there.opd_id)
    evaluation.save_quarter_report(other, report_from(again, "Kendala dari komputer B"))
    assert _kendala(demo_db, here) == "Kendala dari komputer B"


def test_two_saves_at_the_same_instant_the_second_waits_then_is_refused(
    demo_db: Database, other, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    here, there = _first_opd(demo_db), _first_opd(other)
    pause = Paused(monkeypatch, report_module, "signed_agreements")  # inside the save, after its lock
    first = Side(lambda: evaluation.save_quarter_report(demo_db, report_from(here, "Kendala A")), PAUSED)
    second = Side(lambda: evaluation.save_quarter_report(other, report_from(there, "Kendala B")))
    first.start()
    assert pause.reached.wait(PAUSE_S)
    second.start()
    second.join(BLOCKED_S)
    assert second.is_alive(), "the second save must wait for the first one's lock"
    pause.go()
    first.join(10)
    second.join(10)
    assert first.error is None
    assert isinstance(second.error, ConcurrentChangeError)
    assert _kendala(demo_db, here) == "Kendala A"


def test_close_against_save_the_close_waits_and_its_ranking_counts_the_save(
    demo_db: Database, other, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    loaded = _first_opd(demo_db)
    pause = Paused(monkeypatch, report_module, "signed_agreements")
    saving = report_from(loaded, "Disimpan sebelum ditutup")
    save = Side(lambda: evaluation.save_quarter_report(demo_db, saving), PAUSED)
    close = Side(lambda: evaluation.close_quarter(other, YEAR, QUARTER, closed_by="Bappeda"))
    save.start()
    assert pause.reached.wait(PAUSE_S)
    close.start()
    close.join(BLOCKED_S)
    assert close.is_alive(), "closing must wait for the report being saved"
    pause.go()
    save.join(10)
    close.join(10)
    assert save.error is None and close.error is None
    assert _kendala(demo_db, loaded) == "Disimpan sebelum ditutup"
    # the frozen ranking is the live one: computed after the save committed
    frozen = evaluation.ranking(demo_db, YEAR, QUARTER)
    live = evaluation.rank(evaluation.evaluate_quarter(demo_db, YEAR, QUARTER))
    assert [(r.opd_code, r.score) for r in frozen.rows] == [(r.opd_code, r.score) for r in live]


def test_save_against_close_the_save_waits_and_is_refused_with_nothing_written(
    demo_db: Database, other, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    loaded = _first_opd(other)
    before = _kendala(demo_db, loaded)
    pause = Paused(monkeypatch, evaluation, "evaluate_in")  # inside close_quarter, after its lock and check
    close = Side(lambda: evaluation.close_quarter(demo_db, YEAR, QUARTER, closed_by="Bappeda"), PAUSED)
    save = Side(lambda: evaluation.save_quarter_report(other, report_from(loaded, "Terlambat")))
    close.start()
    assert pause.reached.wait(PAUSE_S)
    save.start()
    save.join(BLOCKED_S)
    assert save.is_alive(), "the save must wait for the quarter being closed"
    pause.go()
    close.join(10)
    save.join(10)
    assert close.error is None
    assert isinstance(save.error, ValidationError) and "sudah ditutup" in str(save.error)
    assert _kendala(demo_db, loaded) == before
    with demo_db.read() as s:
        assert s.scalars(select(QuarterClosure).where(QuarterClosure.year == YEAR)).one().quarter == QUARTER


# ---------------------------------------------------------------------------------------------- sign against import


@pytest.fixture
def final_pk_edited_on_a_laptop(demo_db: Database, tmp_path):  # noqa: ANN001, ANN201
    """OPD X's 2026 PK: a laptop edits an item's target while it is a draft; the centre then finalises it. Returns
    (agreement id, item id, the package carrying the edit)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "interchange"))
    from sync_helpers import draft_agreement, edit, make_laptop, opd_codes

    x = opd_codes(demo_db, 1)[0]
    agreement_id = draft_agreement(demo_db, x)
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    with laptop.read() as s:
        item = s.scalars(
            select(AgreementItem).where(AgreementItem.agreement_id == agreement_id).order_by(AgreementItem.sort_order)
        ).first()
    edit(laptop, "agreement_item", item.id, target=item.target + 1)
    package = tmp_path / "lapangan.kinerja-paket"
    sync.export_package(laptop, package)
    laptop.close()
    agreements.finalize(demo_db, agreement_id)
    return agreement_id, item.id, item.target + 1


def _target(db: Database, item_id: str) -> Decimal:
    with db.read() as s:
        return s.get(AgreementItem, item_id).target


def _status(db: Database, agreement_id: str) -> AgreementStatus:
    with db.read() as s:
        return s.get(PerformanceAgreement, agreement_id).status


def test_import_against_sign_the_signing_waits_and_signs_what_was_imported(
    demo_db: Database, other, final_pk_edited_on_a_laptop, tmp_path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    agreement_id, item_id, new_target = final_pk_edited_on_a_laptop
    pause = Paused(monkeypatch, sync_import, "_fill")  # the import has planned (the PK was final) and waits
    package = tmp_path / "lapangan.kinerja-paket"
    importing = Side(lambda: sync.import_package(demo_db, package, prefer=sync.PREFER_PACKAGE), PAUSED)
    signing = Side(lambda: agreements.sign(other, agreement_id, date(2026, 1, 26), update_signers=True))
    importing.start()
    assert pause.reached.wait(PAUSE_S)
    signing.start()
    signing.join(BLOCKED_S)
    assert signing.is_alive(), "signing must wait for the import that is changing this PK"
    pause.go()
    importing.join(20)
    signing.join(20)
    assert importing.error is None and signing.error is None
    assert importing.result.applied and not importing.result.refused
    # the signed PK holds the imported target, and its frozen fingerprint matches what is stored
    assert _status(demo_db, agreement_id) is AgreementStatus.SIGNED
    assert _target(demo_db, item_id) == new_target
    assert maintenance.integrity_problems(demo_db) == []


def test_sign_against_import_the_import_waits_and_refuses_to_change_the_signed_pk(
    demo_db: Database, other, final_pk_edited_on_a_laptop, tmp_path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    agreement_id, item_id, _new_target = final_pk_edited_on_a_laptop
    before = _target(demo_db, item_id)
    pause = Paused(monkeypatch, agreements, "check_in_office")  # signing has locked the PK and waits
    package = tmp_path / "lapangan.kinerja-paket"
    signing = Side(lambda: agreements.sign(demo_db, agreement_id, date(2026, 1, 26), update_signers=True), PAUSED)
    importing = Side(lambda: sync.import_package(other, package, prefer=sync.PREFER_PACKAGE))
    signing.start()
    assert pause.reached.wait(PAUSE_S)
    importing.start()
    importing.join(BLOCKED_S)
    assert importing.is_alive(), "the import must wait for the PK being signed"
    pause.go()
    signing.join(20)
    importing.join(20)
    assert signing.error is None and importing.error is None
    report = importing.result
    assert [(r.row_id, "ditandatangani" in r.reason) for r in report.refused] == [(item_id, True)]
    assert _status(demo_db, agreement_id) is AgreementStatus.SIGNED and _target(demo_db, item_id) == before
    assert maintenance.integrity_problems(demo_db) == []
