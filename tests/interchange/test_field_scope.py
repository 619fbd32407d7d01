"""Field packages stay in their scope and off signed rows and closed quarters (issue 11, point 3).

Every kind of change a laptop's package carries is checked at the centre: rows, tombstones, officials
and heads, and moves between parents (the old parent at the centre and the new one in the package).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import raw_sql
from sqlalchemy import select
from sync_helpers import (
    content,
    draft_agreement,
    edit,
    encoded,
    forge,
    laptop_secret,
    make_laptop,
    opd_codes,
    opd_id,
    realizations,
    remove,
    rows,
    signed_agreement,
)

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import (
    AgreementItem,
    Evidence,
    Official,
    Position,
    PositionHolder,
    QuarterClosure,
    head_position_id,
)
from kinerja_desktop.interchange.errors import MalformedContentError
from kinerja_desktop.services import sync

SHA = "ab" * 32
MOVED = "eeeeeeee-0000-4000-8000-000000000001"


def _export(laptop: Database, path: Path) -> Path:
    sync.export_package(laptop, path)
    return path


def _unchanged_after_refusal(centre: Database, package: Path) -> None:
    before = rows(centre)
    with pytest.raises(MalformedContentError, match="di luar cakupan OPD paket") as info:
        sync.import_package(centre, package, prefer=sync.PREFER_PACKAGE)
    assert "Basis data tidak diubah" in str(info.value)
    assert rows(centre) == before


def _head_official(db: Database, code: str) -> str:
    with db.read() as s:
        current = select(PositionHolder.official_id).where(
            PositionHolder.position_id == head_position_id(opd_id(db, code)), PositionHolder.end_date.is_(None))
        return s.scalar(current)


def test_a_tombstone_of_another_opds_realisation_refuses_the_package(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN a laptop of OPD X and a realisation of OPD Y at the centre
    x, y = opd_codes(demo_db, 2)
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    edit(laptop, "indicator_realization", realizations(laptop, x)[0], problems="sah")
    victim = realizations(demo_db, y)[0]
    base = encoded(demo_db, "indicator_realization", victim)

    def delete_victim(payload: dict) -> None:  # the tombstone even claims OPD X
        payload["tombstones"].append(
            {"table": "indicator_realization", "id": victim, "opd_id": opd_id(demo_db, x), "base": base,
             "base_version": base["version"]}
        )

    # WHEN its signed package also deletes Y's realisation THEN the whole package is refused
    package = forge(_export(laptop, tmp_path / "p.kinerja-paket"), tmp_path / "f.kinerja-paket", delete_victim,
                    secret=laptop_secret(laptop))
    _unchanged_after_refusal(demo_db, package)
    assert content(demo_db, "indicator_realization", victim) is not None


def test_a_row_moved_from_another_opd_into_scope_refuses_the_package(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN a laptop of X; WHEN its package takes Y's realisation and hangs it under an indicator of X
    x, y = opd_codes(demo_db, 2)
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    edit(laptop, "indicator_realization", realizations(laptop, x)[0], problems="sah")
    victim = realizations(demo_db, y)[0]
    base = encoded(demo_db, "indicator_realization", victim)
    own_indicator = content(demo_db, "indicator_realization", realizations(demo_db, x)[-1])["indicator_id"]

    def hijack(payload: dict) -> None:
        values = {**base, "indicator_id": own_indicator, "year": 2031, "value": "1"}
        payload["rows"]["indicator_realization"].append(
            {"id": victim, "values": values, "base": base, "base_version": base["version"]}
        )

    package = forge(_export(laptop, tmp_path / "p.kinerja-paket"), tmp_path / "f.kinerja-paket", hijack,
                    secret=laptop_secret(laptop))
    # THEN the old parent (Y, at the centre) is checked too: refused, nothing written
    _unchanged_after_refusal(demo_db, package)


def test_an_official_heading_another_opd_is_not_changed_by_a_laptop(demo_db: Database, tmp_path: Path) -> None:
    x, y = opd_codes(demo_db, 2)
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    own, foreign = _head_official(demo_db, x), _head_official(demo_db, y)
    before = content(demo_db, "official", foreign)
    # WHEN the laptop renames Y's head (officials travel regency-wide) and its own head
    edit(laptop, "official", foreign, name="Nama Palsu")
    edit(laptop, "official", own, rank="Pembina Utama")
    report = sync.import_package(demo_db, _export(laptop, tmp_path / "p.kinerja-paket"))
    # THEN Y's head is refused and reported, X's head is changed
    assert [(r.table, r.row_id) for r in report.refused] == [("official", foreign)]
    assert "di luar cakupan" in report.refused[0].reason
    assert content(demo_db, "official", foreign) == before
    assert content(demo_db, "official", own)["rank"] == "Pembina Utama"


def test_a_tombstone_of_another_opds_head_is_refused(demo_db: Database, tmp_path: Path) -> None:
    x, y = opd_codes(demo_db, 2)
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    edit(laptop, "indicator_realization", realizations(laptop, x)[0], problems="sah")
    foreign = _head_official(demo_db, y)
    base = encoded(demo_db, "official", foreign)

    def delete_head(payload: dict) -> None:
        payload["tombstones"].append(
            {"table": "official", "id": foreign, "opd_id": None, "base": base, "base_version": base["version"]}
        )

    package = forge(_export(laptop, tmp_path / "p.kinerja-paket"), tmp_path / "f.kinerja-paket", delete_head,
                    secret=laptop_secret(laptop))
    report = sync.import_package(demo_db, package)
    assert [(r.table, r.row_id) for r in report.refused] == [("official", foreign)]
    assert content(demo_db, "official", foreign) is not None


def test_a_head_of_another_opd_cannot_be_moved_into_scope(demo_db: Database, tmp_path: Path) -> None:
    # position_holder rows are OPD rows: moving Y's head period to X's head position is a move out of Y → refused
    x, y = opd_codes(demo_db, 2)
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    edit(laptop, "indicator_realization", realizations(laptop, x)[0], problems="sah")
    with demo_db.read() as s:
        head = s.scalar(select(PositionHolder.id).join(Position).where(Position.opd_id == opd_id(demo_db, y)))
    base = encoded(demo_db, "position_holder", head)

    def move(payload: dict) -> None:
        payload["rows"]["position_holder"] = [
            {"id": head, "values": {**base, "position_id": head_position_id(opd_id(demo_db, x))}, "base": base,
             "base_version": base["version"]}
        ]

    package = forge(_export(laptop, tmp_path / "p.kinerja-paket"), tmp_path / "f.kinerja-paket", move,
                    secret=laptop_secret(laptop))
    _unchanged_after_refusal(demo_db, package)


def _move_item(laptop: Database, item: str, agreement: str) -> None:
    # The app refuses this (db/guards.py, db/triggers.py); an older or tampered laptop could still send it
    with raw_sql.behind_the_apps_back(laptop) as conn:
        conn.exec_driver_sql("UPDATE agreement_item SET agreement_id = ? WHERE id = ?", (agreement, item))


def _items(db: Database, agreement: str) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(AgreementItem.id).where(AgreementItem.agreement_id == agreement)))


def test_a_draft_item_moved_into_a_signed_agreement_is_refused(demo_db: Database, tmp_path: Path) -> None:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    draft, signed = draft_agreement(demo_db, x), signed_agreement(demo_db, x)
    item = _items(demo_db, draft)[0]
    signed_items = _items(demo_db, signed)
    _move_item(laptop, item, signed)
    report = sync.import_package(demo_db, _export(laptop, tmp_path / "p.kinerja-paket"), prefer=sync.PREFER_PACKAGE)
    assert [(r.row_id, "ditandatangani" in r.reason) for r in report.refused] == [(item, True)]
    assert _items(demo_db, signed) == signed_items
    assert item in _items(demo_db, draft)


def test_an_item_moved_out_of_a_signed_agreement_is_refused(demo_db: Database, tmp_path: Path) -> None:
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    draft, signed = draft_agreement(demo_db, x), signed_agreement(demo_db, x)
    item = _items(demo_db, signed)[0]
    _move_item(laptop, item, draft)
    report = sync.import_package(demo_db, _export(laptop, tmp_path / "p.kinerja-paket"), prefer=sync.PREFER_PACKAGE)
    assert [r.row_id for r in report.refused] == [item]
    assert item in _items(demo_db, signed)


def _quarter(db: Database, rid: str) -> tuple[int, int]:
    values = content(db, "indicator_realization", rid)
    return values["year"], values["quarter"]


def test_a_quarter_closed_at_the_centre_refuses_incoming_realisations(demo_db: Database, tmp_path: Path) -> None:
    # GIVEN realisations of OPD X in 2026 Q1 and Q2, one Q2 realisation with an evidence file
    x = opd_codes(demo_db, 1)[0]
    mine = realizations(demo_db, x)
    q1 = [r for r in mine if _quarter(demo_db, r) == (2026, 1)]
    q2 = [r for r in mine if _quarter(demo_db, r) == (2026, 2)]
    with demo_db.write() as s:
        s.add(Evidence(id=MOVED, realization_id=q2[0], file_name="bukti.pdf",
                       sha256=SHA, size=3))
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    # ... and Bappeda closes 2026 Q1 after the laptop was set up
    with demo_db.write() as s:
        s.add(QuarterClosure(year=2026, quarter=1, closed_by="Bappeda"))
    closed_before = {r: content(demo_db, "indicator_realization", r) for r in q1[:2]}
    # WHEN the laptop edits and deletes Q1 realisations, adds evidence to one, moves Q2 evidence into Q1,
    # and edits a Q2 realisation
    edit(laptop, "indicator_realization", q1[0], problems="terlambat")
    with laptop.write() as s:
        s.add(Evidence(realization_id=q1[0], file_name="baru.pdf", sha256=SHA, size=3))
    with laptop.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE evidence SET realization_id = ? WHERE id = ?",
                             (q1[1], MOVED))
    edit(laptop, "indicator_realization", q2[1], problems="TW II diisi")
    remove(laptop, "indicator_realization", q1[2])
    report = sync.import_package(demo_db, _export(laptop, tmp_path / "p.kinerja-paket"), prefer=sync.PREFER_PACKAGE)
    # THEN every change to the closed quarter is refused and reported; the open quarter's edit is applied
    refused = {(r.table, r.row_id) for r in report.refused}
    assert ("indicator_realization", q1[0]) in refused
    assert ("indicator_realization", q1[2]) in refused
    assert ("evidence", MOVED) in refused
    assert sum(1 for t, _ in refused if t == "evidence") == 2
    assert all("sudah ditutup" in r.reason for r in report.refused)
    assert {r: content(demo_db, "indicator_realization", r) for r in q1[:2]} == closed_before
    assert content(demo_db, "indicator_realization", q1[2]) is not None
    assert content(demo_db, "evidence", MOVED)["realization_id"] == q2[0]
    with demo_db.read() as s:
        assert s.scalars(select(Evidence.id).where(Evidence.realization_id == q1[0])).all() == []
    assert content(demo_db, "indicator_realization", q2[1])["problems"] == "TW II diisi"


def test_an_official_of_the_laptops_own_new_head_is_accepted(demo_db: Database, tmp_path: Path) -> None:
    # A new official (a new head) is the laptop's to send: it heads nobody at the centre yet
    x = opd_codes(demo_db, 1)[0]
    laptop = make_laptop(tmp_path, "a", demo_db, [x])
    with laptop.write() as s:
        official = Official(name="Kepala Baru, S.T.", nip=None)
        s.add(official)
        s.flush()
        new_id = official.id
    report = sync.import_package(demo_db, _export(laptop, tmp_path / "p.kinerja-paket"))
    assert not report.refused and report.added == 1
    assert content(demo_db, "official", new_id)["name"] == "Kepala Baru, S.T."
