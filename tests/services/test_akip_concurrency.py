"""Two computers at once on the AKIP evaluation, on SQLite and PostgreSQL: a change of the year's LKE structure and
finalising an evaluation exclude each other (db/locks.py), so a final evaluation is complete against the structure
that holds at its commit, and no structure changes under a final evaluation."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from kinerja_desktop.db.database import Database, open_database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.domain.akip import Criterion, Framework, LkeStatus
from kinerja_desktop.services import akip, akip_structure
from kinerja_desktop.services.errors import ValidationError

YEAR = 2025
PAUSE_S = 4.0
BLOCKED_S = 0.6
PAUSED = "paused"


@pytest.fixture
def other(demo_db: Database) -> Iterator[Database]:
    database = open_database(demo_db.location)
    yield database
    database.close()


class Side(threading.Thread):
    def __init__(self, work: Callable[[], Any], name: str = "other") -> None:
        super().__init__(daemon=True, name=name)
        self.work, self.result, self.error = work, None, None

    def run(self) -> None:
        try:
            self.result = self.work()
        except Exception as exc:  # noqa: BLE001 - looked at by the test
            self.error = exc


def with_one_more_criterion(framework: Framework) -> Framework:
    """4.c gains a sixth criterion (its weight unchanged)."""
    components = list(framework.components)
    last = components[-1]
    subs = list(last.subcomponents)
    subs[-1] = replace(subs[-1], criteria=(*subs[-1].criteria, Criterion("4.c.6", "Kriteria tambahan", "a_e")))
    components[-1] = replace(last, subcomponents=tuple(subs))
    return Framework(tuple(components), framework.name)


def test_finalising_waits_for_a_structure_change_and_is_checked_against_it(
    demo_db: Database, other: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with demo_db.read() as s:
        dinkes = s.scalars(select(Opd).where(Opd.abbreviation == "Dinkes")).one().id
    final_ids = [x.opd_id for x in akip.evaluation_summaries(demo_db, YEAR) if x.status is LkeStatus.FINAL]
    for opd_id in final_ids:  # a structure changes only while no evaluation of the year is final
        akip.reopen_evaluation(demo_db, opd_id, YEAR)
    reached, released = threading.Event(), threading.Event()
    original = akip_structure._moved_criteria

    def paused(*args: Any, **kwargs: Any) -> Any:  # inside the structure's save, after its lock and check
        if threading.current_thread().name == PAUSED and not reached.is_set():
            reached.set()
            released.wait(PAUSE_S)
        return original(*args, **kwargs)

    monkeypatch.setattr(akip_structure, "_moved_criteria", paused)
    wider = with_one_more_criterion(akip_structure.year_framework(demo_db, YEAR).framework)
    change = Side(lambda: akip_structure.save_framework(demo_db, YEAR, wider), PAUSED)
    finalize = Side(lambda: akip.finalize_evaluation(other, dinkes, YEAR))
    change.start()
    assert reached.wait(PAUSE_S)
    finalize.start()
    finalize.join(BLOCKED_S)
    assert finalize.is_alive(), "finalising must wait for the structure being changed"
    released.set()
    change.join(10)
    finalize.join(10)
    assert change.error is None
    assert isinstance(finalize.error, ValidationError) and "4.c.6" in str(finalize.error)
    assert akip.get_evaluation(demo_db, dinkes, YEAR).status is LkeStatus.DRAFT
    assert akip_structure.year_framework(demo_db, YEAR).framework.criterion_count == 78
    [row] = [x for x in akip.evaluation_summaries(demo_db, YEAR) if x.opd_id == dinkes]
    assert row.score is not None and row.score.unanswered == ("4.c.6",)  # its answers kept, the new one open
