"""Creating the demo regency in one transaction, on an empty database or replacing every data row."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import cast

from sqlalchemy import Table, delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.ddl import sort_tables

from ..db import audit_hook, row_security, triggers
from ..db.akip_models import LkeAnswer, LkeComponent, LkeCriterion, LkeEvaluation, LkeSubcomponent
from ..db.database import Database
from ..db.models import (
    AgreementItem,
    AgreementProgram,
    BudgetRealization,
    DocumentAsset,
    Evidence,
    FiscalYear,
    Goal,
    GoalProgram,
    Indicator,
    IndicatorRealization,
    IndicatorTarget,
    IntegrityPact,
    Official,
    Opd,
    OpdNameHistory,
    PerformanceAgreement,
    PlanningPeriod,
    Position,
    PositionHolder,
    Program,
    ProgramBudget,
    QuarterClosure,
    Regency,
    RegionalLeader,
)
from ..db.user_models import AppUser, UserOpd
from ..db.verification_models import Verification, VerificationEvent, VerifierOpd
from ..services import audit, users
from ..services.users import hash_password
from .builder import DemoBuilder
from .catalog import ACCOUNTS, DEMO_PASSWORD

# The data a demo replaces. Not the audit log (history) nor the sync bookkeeping (who this installation is).
DATA_MODELS = (
    Regency, RegionalLeader, PlanningPeriod, FiscalYear, Official, Opd, OpdNameHistory, Position, PositionHolder,
    Goal, Indicator, IndicatorTarget, Program, ProgramBudget, GoalProgram, PerformanceAgreement, AgreementItem,
    AgreementProgram, IntegrityPact,
    IndicatorRealization, BudgetRealization, Evidence, QuarterClosure, DocumentAsset, LkeComponent, LkeSubcomponent,
    LkeCriterion, LkeEvaluation, LkeAnswer, Verification, VerificationEvent, VerifierOpd,
)


class DemoExistsError(Exception):
    """The database already holds data and the caller did not ask to replace it."""

    def __init__(self, rows: int) -> None:
        super().__init__(
            f"Basis data sudah berisi {rows} baris data. Data contoh hanya dibuat pada basis data kosong; "
            "gunakan opsi paksa (force) untuk menghapus semua data dan menggantinya dengan data contoh."
        )
        self.rows = rows


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo created."""

    regencies: int = 0
    regional_leaders: int = 0
    planning_periods: int = 0
    fiscal_years: int = 0
    officials: int = 0
    opds: int = 0
    positions: int = 0
    position_holders: int = 0  # the OPDs' heads and the other officials
    opd_name_history: int = 0
    goals: int = 0
    indicators: int = 0
    indicator_targets: int = 0
    programs: int = 0
    goal_programs: int = 0
    program_budgets: int = 0
    agreements: int = 0
    agreement_items: int = 0
    agreement_programs: int = 0
    integrity_pacts: int = 0
    indicator_realizations: int = 0
    budget_realizations: int = 0
    lke_structure_rows: int = 0  # the 2025 LKE's components, sub-components and criteria
    lke_evaluations: int = 0
    lke_answers: int = 0
    replaced_rows: int = 0  # rows deleted first (force)

    @property
    def total_rows(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self) if f.name != "replaced_rows")


_SUMMARY_FIELDS: dict[type, str] = {
    Regency: "regencies",
    RegionalLeader: "regional_leaders",
    PlanningPeriod: "planning_periods",
    FiscalYear: "fiscal_years",
    Official: "officials",
    Opd: "opds",
    Position: "positions",
    PositionHolder: "position_holders",
    OpdNameHistory: "opd_name_history",
    Goal: "goals",
    Indicator: "indicators",
    IndicatorTarget: "indicator_targets",
    Program: "programs",
    GoalProgram: "goal_programs",
    ProgramBudget: "program_budgets",
    PerformanceAgreement: "agreements",
    AgreementItem: "agreement_items",
    AgreementProgram: "agreement_programs",
    IntegrityPact: "integrity_pacts",
    IndicatorRealization: "indicator_realizations",
    BudgetRealization: "budget_realizations",
    LkeEvaluation: "lke_evaluations",
    LkeAnswer: "lke_answers",
}
_STRUCTURE_MODELS = (LkeComponent, LkeSubcomponent, LkeCriterion)


def create_demo(db: Database, *, seed: int = 2026, force: bool = False) -> DemoSummary:
    """Fill ``db`` with the sample regency Kabupaten Sukamaju (one transaction, deterministic per ``seed``).

    Raises :class:`DemoExistsError` when the database holds data, unless ``force``: then every data row is
    deleted first, in the same transaction (the audit log and the sync bookkeeping stay; evidence files on
    disk are left untouched).
    """
    users.require(db, "regency")  # a database with users: only an administrator replaces it with the demo
    # on a server: IT's login (the accounts' database roles, the bypass of the locks): administration
    with db.write(administration=True) as session, triggers.bypass(session.connection(), "data contoh"):
        # The demo writes a history as it stands (signed PKs with their rows, closed quarters' realisations), and a
        # forced one deletes such rows: the database's own locks (db/triggers.py) let this one transaction through.
        session.info[audit_hook.BULK] = True  # one audit entry for the whole sample regency, no field rows
        existing = count_rows(session)
        if existing and not force:
            raise DemoExistsError(existing)
        session.execute(delete(UserOpd))  # the accounts are the demo's own: replaced with it
        session.execute(delete(AppUser))
        if existing:
            delete_all(session)
        builder = DemoBuilder(session, seed)
        regency = builder.build()
        _add_accounts(builder)
        counts = {_SUMMARY_FIELDS[model]: n for model, n in builder.counts.items() if model in _SUMMARY_FIELDS}
        counts["lke_structure_rows"] = sum(builder.counts[model] for model in _STRUCTURE_MODELS)
        summary = DemoSummary(**counts, replaced_rows=existing)
        audit.record(
            session,
            "demo.create",
            "regency",
            regency.id,
            summary=f"Data contoh {regency.full_name} dibuat (seed {seed}, {summary.total_rows} baris)",
            detail={"seed": seed, "replaced_rows": existing, **counts},
        )
    return summary


def _add_accounts(builder: DemoBuilder) -> None:
    """The sample accounts (catalog.ACCOUNTS), all with the password catalog.DEMO_PASSWORD; the same rows (and
    hashes: their salt comes from the seed) for the same seed."""
    session = builder.session
    opds = {code: opd_id for code, opd_id in session.execute(select(Opd.code, Opd.id))}
    for name, role, full_name, codes in ACCOUNTS:
        salt = builder.rng.getrandbits(128).to_bytes(16, "big")
        user = builder.add(AppUser(name=name, role=role, full_name=full_name, active=True, failed_attempts=0,
                                   password_hash=hash_password(DEMO_PASSWORD, salt=salt)))
        for code in codes:
            builder.add(UserOpd(user_id=user.id, opd_id=opds[code]))
        # a server with row-level security: each sample account is a database role too (nothing on SQLite)
        row_security.save_login(session.connection(), name, role, DEMO_PASSWORD)


def _data_tables() -> list[Table]:
    """The data tables, parents first."""
    return sort_tables([cast(Table, model.__table__) for model in DATA_MODELS])


def count_rows(session: Session) -> int:
    """Rows in the data tables (the audit log and sync bookkeeping do not count)."""
    return sum(session.execute(select(func.count()).select_from(table)).scalar_one() for table in _data_tables())


def delete_all(session: Session) -> None:
    """Delete every data row, children first.

    Plain SQL, not the ORM: fast, and a demo reset is not a change to send to field laptops.
    """
    tables = _data_tables()
    for table in tables:
        # SQLite checks ON DELETE RESTRICT row by row: untie a table's references to itself first.
        own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table and fk.parent.nullable]
        if own:
            session.execute(table.update().values({name: None for name in own}))
    for table in reversed(tables):
        session.execute(table.delete())
