"""The database itself refuses changes to a signed PK's rows and to a closed quarter's realisations (db/triggers.py),
on SQLite and PostgreSQL, whoever sends the SQL: a script, the ``sqlite3``/``psql`` prompt, a client without the app's
checks. The app's own errors come back in Indonesian."""

from __future__ import annotations

import pytest
import raw_sql
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError

from kinerja_desktop.db import triggers
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.errors import AgreementLockedError, QuarterClosedError
from kinerja_desktop.db.models import (
    AgreementItem,
    AgreementProgram,
    BudgetRealization,
    IndicatorRealization,
    PerformanceAgreement,
)
from kinerja_desktop.domain.enums import AgreementStatus
from kinerja_desktop.services import evaluation
from kinerja_desktop.services.maintenance import integrity_problems


def _agreement(db: Database, status: AgreementStatus) -> str:
    with db.read() as s:
        query = select(PerformanceAgreement.id).where(PerformanceAgreement.status == status)
        return s.scalars(query.order_by(PerformanceAgreement.id)).first()


def _refused_raw(db: Database, sql: str, params: dict, code: str) -> None:
    """The statement, sent outside the app (no ORM, no service), is refused by the database with ``code``."""
    with pytest.raises(DBAPIError, match=code):
        raw_sql.run(db, sql, params, past_locks=False)


def _count(db: Database, model, **where) -> int:  # noqa: ANN001
    with db.read() as s:
        return len(s.scalars(select(model.id).filter_by(**where)).all())


def test_a_signed_pks_rows_refuse_raw_changes_and_a_drafts_take_them(demo_db: Database) -> None:
    signed, draft = _agreement(demo_db, AgreementStatus.SIGNED), _agreement(demo_db, AgreementStatus.DRAFT)
    code = triggers.AGREEMENT_LOCKED
    # the agreement row itself
    _refused_raw(demo_db, "UPDATE performance_agreement SET first_name = 'X' WHERE id = :a", {"a": signed}, code)
    _refused_raw(demo_db, "DELETE FROM performance_agreement WHERE id = :a", {"a": signed}, code)
    # its lampiran: items and programs changed, deleted, added, or moved into it
    _refused_raw(demo_db, "UPDATE agreement_item SET target = 1 WHERE agreement_id = :a", {"a": signed}, code)
    _refused_raw(demo_db, "DELETE FROM agreement_program WHERE agreement_id = :a", {"a": signed}, code)
    _refused_raw(
        demo_db,
        "UPDATE agreement_item SET agreement_id = :s WHERE id = "
        "(SELECT min(id) FROM agreement_item WHERE agreement_id = :d)",
        {"s": signed, "d": draft},
        code,
    )
    _refused_raw(
        demo_db,
        "INSERT INTO agreement_program (id, agreement_id, code, name, budget, note, sort_order, created_at, "
        "updated_at, version) VALUES ('p-baru', :a, '', 'Program baru', 1, '', 99, :t, :t, 1)",
        {"a": signed, "t": "2026-01-01 00:00:00"},
        code,
    )
    with demo_db.read() as s:
        items = s.scalars(select(AgreementItem.target).where(AgreementItem.agreement_id == signed)).all()
    assert items and 1 not in items and _count(demo_db, AgreementProgram, agreement_id=signed) > 0
    # a draft's rows change freely, from anywhere
    raw_sql.run(demo_db, "UPDATE agreement_item SET target = 7 WHERE agreement_id = :a", {"a": draft}, past_locks=False)
    raw_sql.run(demo_db, "DELETE FROM agreement_program WHERE agreement_id = :a", {"a": draft}, past_locks=False)
    assert _count(demo_db, AgreementProgram, agreement_id=draft) == 0


def test_a_signed_pk_becomes_replaced_only_by_its_status(demo_db: Database) -> None:
    signed = _agreement(demo_db, AgreementStatus.SIGNED)
    _refused_raw(
        demo_db,
        "UPDATE performance_agreement SET status = 'diganti', notes = 'diam-diam' WHERE id = :a",
        {"a": signed},
        triggers.AGREEMENT_LOCKED,
    )
    raw_sql.run(
        demo_db,
        "UPDATE performance_agreement SET status = 'diganti', version = version + 1 WHERE id = :a",
        {"a": signed},
        past_locks=False,
    )
    _refused_raw(demo_db, "UPDATE performance_agreement SET status = 'final' WHERE id = :a", {"a": signed},
                 triggers.AGREEMENT_LOCKED)


def test_through_the_app_a_refusal_is_said_in_indonesian(demo_db: Database) -> None:
    signed = _agreement(demo_db, AgreementStatus.SIGNED)
    with pytest.raises(AgreementLockedError, match="sudah ditandatangani"):
        with demo_db.write() as s:
            s.execute(text("UPDATE agreement_item SET target = 1 WHERE agreement_id = :a"), {"a": signed})


def test_a_closed_quarters_realisations_refuse_every_change(demo_db: Database) -> None:
    evaluation.close_quarter(demo_db, 2025, 4, closed_by="uji")
    code = triggers.QUARTER_CLOSED
    _refused_raw(demo_db, "UPDATE indicator_realization SET value = '1' WHERE year = 2025 AND quarter = 4", {}, code)
    _refused_raw(demo_db, "DELETE FROM budget_realization WHERE year = 2025 AND quarter = 4", {}, code)
    _refused_raw(demo_db, "UPDATE indicator_realization SET quarter = 4 WHERE year = 2025 AND quarter = 3", {}, code)
    with demo_db.read() as s:
        indicator = s.scalars(select(IndicatorRealization.indicator_id)).first()
    _refused_raw(
        demo_db,
        "INSERT INTO indicator_realization (id, indicator_id, year, quarter, problems, follow_up, verified, "
        "created_at, updated_at, version) VALUES ('r-baru', :i, 2025, 4, '', '', false, :t, :t, 1)",
        {"i": indicator, "t": "2026-01-01 00:00:00"},
        code,
    )
    with pytest.raises(QuarterClosedError, match="sudah ditutup"):
        with demo_db.write() as s:
            s.execute(text("DELETE FROM indicator_realization WHERE year = 2025 AND quarter = 4"))
    assert _count(demo_db, BudgetRealization, year=2025, quarter=4) > 0
    # an open quarter's rows still change
    raw_sql.run(demo_db, "UPDATE indicator_realization SET problems = 'x' WHERE year = 2025 AND quarter = 3",
                past_locks=False)


def test_maintenance_passes_inside_its_own_transaction_only(demo_db: Database) -> None:
    signed = _agreement(demo_db, AgreementStatus.SIGNED)
    with raw_sql.behind_the_apps_back(demo_db) as conn:  # triggers.bypass: a row of lock_bypass, this transaction
        conn.execute(text("UPDATE agreement_item SET sort_order = sort_order WHERE agreement_id = :a"), {"a": signed})
    with demo_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM lock_bypass")).scalar() == 0
    _refused_raw(demo_db, "UPDATE agreement_item SET target = 1 WHERE agreement_id = :a", {"a": signed},
                 triggers.AGREEMENT_LOCKED)


def test_every_trigger_is_there_and_knows_every_column(db: Database) -> None:
    with db.engine.connect() as conn:
        assert triggers.missing(conn) == []
        if conn.dialect.name == "sqlite":
            # a revision that adds a column to performance_agreement must install the triggers again
            sql = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'kinerja_agreement_update'")
            ).scalar()
            columns = [c["name"] for c in inspect(conn).get_columns("performance_agreement")]
            for column in set(columns) - set(triggers.REPLACING_COLUMNS):
                assert f'NEW."{column}" IS OLD."{column}"' in sql, column


def test_the_integrity_check_names_a_missing_trigger_and_a_left_bypass(db: Database) -> None:
    assert integrity_problems(db) == []
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE agreement_item DISABLE TRIGGER kinerja_agreement_item_locked")
        else:
            conn.exec_driver_sql("DROP TRIGGER kinerja_agreement_item_update")
        conn.execute(text("INSERT INTO lock_bypass (id, reason, created_at) VALUES ('x', 'lupa', '2026-01-01')"))
    problems = integrity_problems(db)
    assert any("Pengunci basis data hilang atau dimatikan" in p for p in problems), problems
    assert any("izin pemeliharaan (lock_bypass) tertinggal" in p for p in problems), problems
