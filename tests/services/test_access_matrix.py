"""The role × action matrix over EVERY writing service function.

The functions are discovered, not listed: every public function of ``kinerja_desktop/services`` that opens
``db.write()`` (itself, or through a private function of its module). A function added later without a check
fails here. Each one, called by a user whose role lacks its action, is refused with an Indonesian sentence
and nothing is stored; each one an operator may call is refused on another OPD's rows.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

import kinerja_desktop.services as services_package
from kinerja_desktop.db.base import schema
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Goal, Indicator, Opd, PerformanceAgreement, PlanningPeriod, Position, Program
from kinerja_desktop.domain.enums import AgreementKind, GoalLevel, OpdKind
from kinerja_desktop.services import users
from kinerja_desktop.services.users import ROLE_ACTIONS, SCOPED_ROLES, AccessDenied, Role

pytestmark = pytest.mark.sign_in

# Writing functions that do not act for a user, with the reason.
NOT_ACTING = {
    "users.authenticate": "signing in: counts failed attempts before anyone is signed in",
    "backup.recover_from_backup": "recovers a damaged database on opening, before anyone can sign in",
}
SETDA = "4.01.0.00.0.00.01.0000"  # not in the operator "dinkes"'s scope
DINKES = "1.02.0.00.0.00.01.0000"


def _module_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    writing = {name for name, node in functions.items()
               if ".write()" in ast.unparse(node) or ".write(administration=True)" in ast.unparse(node)}
    found = []
    for name, node in functions.items():
        if name.startswith("_"):
            continue
        calls = {c.func.id for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)}
        if name in writing or calls & {w for w in writing if w.startswith("_")}:
            found.append(name)
    return found


def writing_functions() -> list[str]:
    """``module.function`` of every public service function that writes."""
    folder = Path(services_package.__file__).parent
    names = []
    for info in pkgutil.iter_modules([str(folder)]):
        for function in _module_functions(folder / f"{info.name}.py"):
            names.append(f"{info.name}.{function}")
    return sorted(names)


WRITING = [name for name in writing_functions() if name not in NOT_ACTING]


def resolve(name: str) -> Callable[..., Any]:
    module, function = name.split(".")
    return getattr(importlib.import_module(f"kinerja_desktop.services.{module}"), function)


def fingerprint(db: Database) -> dict[str, tuple[int, Any]]:
    """Rows per table and the latest change of each: equal before and after means nothing was stored."""
    seen = {}
    with db.read() as s:
        for name, table in schema().tables.items():
            latest = s.scalar(select(func.max(table.c.updated_at))) if "updated_at" in table.c else None
            seen[name] = (s.scalar(select(func.count()).select_from(table)), latest)
    return seen


class Dummy:
    """An argument nothing may use before the access check: its attributes are dummies too (``data.id`` is
    evaluated as the check's argument), but testing, iterating or printing one fails the test."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return Dummy()

    def _used(self, *_args: Any) -> Any:
        raise AssertionError("an argument was used before the access check")

    __bool__ = __iter__ = __len__ = __str__ = __int__ = __index__ = __lt__ = __fspath__ = _used


def call_with_dummies(function: Callable[..., Any], db: Database) -> Any:
    params = inspect.signature(function).parameters
    args, keywords = [], {}
    for name, param in params.items():
        if param.default is not inspect.Parameter.empty:
            continue
        value = db if name in ("db", "server") else Dummy()
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            keywords[name] = value
        else:
            args.append(value)
    return function(*args, **keywords)


def action_of(name: str, demo_db: Database) -> str:
    """The action a function needs: what a user of no rights is refused."""
    users.act_as(demo_db, users.Actor("pimpinan", Role.PIMPINAN))
    with pytest.raises(AccessDenied) as refused:
        call_with_dummies(resolve(name), demo_db)
    assert refused.value.action in users.ACTIONS
    return refused.value.action


def test_every_writing_function_is_discovered() -> None:
    # a check on the discovery itself: well-known writers are found, readers are not
    for known in (
        "agreements.save_draft",
        "agreements.sign",
        "renstra.save_goal",
        "evaluation_report.save_quarter_report",
        "excel_import.import_file",
        "akip.finalize_evaluation",
        "backup.restore_backup",
        "users.add_user",
        "cascade.save_lower_realisations",
        "sync_import.import_package",
        "positions.appoint",
    ):
        assert known in WRITING
    assert "agreements.get_agreement" not in WRITING and "evaluation.evaluate_opd" not in WRITING
    assert len(WRITING) >= 55


@pytest.mark.parametrize("name", WRITING)
def test_each_writing_function_is_refused_to_every_role_without_its_action(name: str, demo_db: Database) -> None:
    before = fingerprint(demo_db)
    action = action_of(name, demo_db)
    for role in Role:
        if action in ROLE_ACTIONS[role]:
            continue
        users.act_as(demo_db, users.Actor(f"uji-{role.value}", role, opd_ids=frozenset()))
        with pytest.raises(AccessDenied) as refused:
            call_with_dummies(resolve(name), demo_db)
        message = str(refused.value)
        assert f"uji-{role.value}" in message and "tidak boleh" in message, message
    assert fingerprint(demo_db) == before


def test_a_database_with_several_users_and_nobody_signed_in_refuses_every_writer(demo_db: Database) -> None:
    users.sign_out(demo_db)
    before = fingerprint(demo_db)
    for name in WRITING:
        with pytest.raises(AccessDenied, match="Masuk \\(login\\) sebagai pengguna"):
            call_with_dummies(resolve(name), demo_db)
    assert fingerprint(demo_db) == before


# --- the operator's OPD scope -------------------------------------------------------------------------------


def setda_rows(db: Database) -> SimpleNamespace:
    with db.read() as s:
        opd_id = s.scalar(select(Opd.id).where(Opd.code == SETDA))
        agreement = s.scalar(
            select(PerformanceAgreement.id).where(
                PerformanceAgreement.opd_id == opd_id, PerformanceAgreement.kind == AgreementKind.OPD
            )
        )
        lower = s.scalar(
            select(PerformanceAgreement.id).where(
                PerformanceAgreement.opd_id == opd_id,
                PerformanceAgreement.position_id.is_not(None),
                PerformanceAgreement.kind != AgreementKind.OPD,
            )
        )
        position = s.scalar(select(Position.id).where(Position.opd_id == opd_id).order_by(Position.parent_id.is_(None)))
        goal = s.scalar(select(Goal.id).where(Goal.opd_id == opd_id, Goal.level == GoalLevel.OPD))
        indicator = s.scalar(select(Indicator.id).join(Goal).where(Goal.opd_id == opd_id))
        # the demo's Setda has no sasaran below its Renstra: another OPD's (not the operator's Dinkes)
        lower_goal = s.scalar(
            select(Goal.id).join(Opd, Opd.id == Goal.opd_id)
            .where(Goal.level == GoalLevel.PROGRAM, Opd.code != DINKES).order_by(Goal.code)
        )
        program = s.scalar(select(Program.id).where(Program.opd_id == opd_id))
    assert all((opd_id, agreement, position, goal, indicator, program, lower_goal))
    return SimpleNamespace(
        opd=opd_id,
        agreement=agreement,
        lower=lower or agreement,
        position=position,
        goal=goal,
        lower_goal=lower_goal,
        indicator=indicator,
        program=program,
    )


def _ns(**values: Any) -> SimpleNamespace:
    return SimpleNamespace(**values)


# Each function an operator's role may call, called on the Sekretariat Daerah's rows. The data objects carry
# only what the check reads; it refuses before anything else is used.
SCOPE_CASES: dict[str, Callable[[Database, SimpleNamespace], Any]] = {
    "agreements.create_from_renstra": lambda db, r: resolve("agreements.create_from_renstra")(db, r.opd, 2027),
    "agreements.create_lower": lambda db, r: resolve("agreements.create_lower")(db, r.position, 2027),
    "agreements.copy_from_previous_year": lambda db, r: resolve("agreements.copy_from_previous_year")(db, r.opd, 2027),
    "agreements.save_draft": lambda db, r: resolve("agreements.save_draft")(
        db, resolve("agreements.get_agreement")(db, r.agreement)
    ),
    "agreements.discard_draft": lambda db, r: resolve("agreements.discard_draft")(db, r.agreement),
    "agreements.refresh_draft": lambda db, r: resolve("agreements.refresh_draft")(db, r.agreement),
    "agreements.finalize": lambda db, r: resolve("agreements.finalize")(db, r.agreement),
    "agreements.reopen_draft": lambda db, r: resolve("agreements.reopen_draft")(db, r.agreement),
    "agreements.sign": lambda db, r: resolve("agreements.sign")(db, r.agreement, Dummy()),
    "agreements.create_amendment": lambda db, r: resolve("agreements.create_amendment")(db, r.agreement, "uji"),
    "cascade.save_lower_goal": lambda db, r: resolve("cascade.save_lower_goal")(
        db, _ns(position_id=r.position, id=None)
    ),
    "cascade.add_lower_target": lambda db, r: resolve("cascade.add_lower_target")(
        db, _ns(position_id=r.position, id=None), Dummy(), None
    ),
    "cascade.save_lower_indicator": lambda db, r: resolve("cascade.save_lower_indicator")(
        db, _ns(goal_id=r.goal, id=None), None
    ),
    "cascade.remove_lower_goal": lambda db, r: resolve("cascade.remove_lower_goal")(db, r.lower_goal),
    "cascade.save_lower_realisations": lambda db, r: resolve("cascade.save_lower_realisations")(db, r.lower, 1, []),
    "evaluation_report.save_quarter_report": lambda db, r: resolve("evaluation_report.save_quarter_report")(
        db, _ns(opd_id=r.opd)
    ),
    "pacts.record_pact": lambda db, r: resolve("pacts.record_pact")(db, r.opd, 2026, Dummy()),
    "positions.save_position": lambda db, r: resolve("positions.save_position")(db, _ns(opd_id=r.opd, id=r.position)),
    "positions.appoint": lambda db, r: resolve("positions.appoint")(db, r.position, Dummy()),
    "positions.set_position_active": lambda db, r: resolve("positions.set_position_active")(db, r.position, False),
    "programs.save_program": lambda db, r: resolve("programs.save_program")(
        db, resolve("programs.get_program")(db, r.program)
    ),
    "programs.remove_program": lambda db, r: resolve("programs.remove_program")(db, r.program),
    "programs.restore_program": lambda db, r: resolve("programs.restore_program")(db, r.program),
    "renstra.save_goal": lambda db, r: resolve("renstra.save_goal")(db, resolve("renstra.get_goal")(db, r.goal)),
    "renstra.save_indicator": lambda db, r: resolve("renstra.save_indicator")(
        db, resolve("renstra.get_indicator")(db, r.indicator)
    ),
    "renstra.move_node": lambda db, r: resolve("renstra.move_node")(db, r.goal, 1),
    "renstra.reparent_indicator": lambda db, r: resolve("renstra.reparent_indicator")(db, r.indicator, r.goal),
    "renstra.set_retired": lambda db, r: resolve("renstra.set_retired")(db, r.indicator, True),
    "verification.submit_agreement": lambda db, r: resolve("verification.submit_agreement")(db, r.agreement, Dummy()),
    "verification.submit_report": lambda db, r: resolve("verification.submit_report")(db, 2026, 1, r.opd),
}
# Writers an operator's role may call whose OPD scope is held elsewhere, with the reason.
SCOPE_ELSEWHERE = {
    "excel_import.import_file": "its rows are held to the operator's OPDs at flush (db/scope_guard.py), tested below",
    "sync_export.export_field_package": "a laptop's package: its OPDs checked against the user's "
    "(tests/interchange/test_package_users.py)",
    "sync_import.import_package": "the package's OPDs checked against the user's before anything is read into the "
    "database (tests/interchange/test_package_users.py)",
}


def test_every_function_an_operator_may_call_has_a_scope_case(demo_db: Database) -> None:
    operator_actions = ROLE_ACTIONS[Role.OPERATOR]
    needing = {name for name in WRITING if action_of(name, demo_db) in operator_actions}
    # (an import's action depends on its kind: with a dummy kind it is the admin's)
    assert needing - set(SCOPE_ELSEWHERE) == set(SCOPE_CASES)
    assert set(SCOPE_ELSEWHERE) - needing <= {"excel_import.import_file"}


def dinkes_operator(db: Database) -> users.Actor:
    return users.load_actor(db, "dinkes")


@pytest.mark.parametrize("name", sorted(SCOPE_CASES))
def test_an_operator_is_refused_another_opds_rows(name: str, demo_db: Database) -> None:
    rows = setda_rows(demo_db)
    before = fingerprint(demo_db)
    users.act_as(demo_db, dinkes_operator(demo_db))
    assert SCOPED_ROLES == {Role.OPERATOR}
    with pytest.raises(AccessDenied, match="hanya boleh mengubah data perangkat daerahnya sendiri|tingkat pemerintah"):
        SCOPE_CASES[name](demo_db, rows)
    assert fingerprint(demo_db) == before


def test_an_operator_works_on_its_own_opd(demo_db: Database) -> None:
    from kinerja_desktop.services import renstra

    users.act_as(demo_db, dinkes_operator(demo_db))
    with demo_db.read() as s:
        opd_id = s.scalar(select(Opd.id).where(Opd.code == DINKES))
        goal_id = s.scalar(select(Goal.id).where(Goal.opd_id == opd_id, Goal.level == GoalLevel.OPD))
    data = renstra.get_goal(demo_db, goal_id)
    data.statement = data.statement + " (diperbarui operator)"
    renstra.save_goal(demo_db, data)
    assert renstra.get_goal(demo_db, goal_id).statement.endswith("(diperbarui operator)")


def test_an_operators_session_cannot_flush_another_opds_row(demo_db: Database) -> None:
    # the flush guard holds when a path forgets to ask: a direct ORM change to the Setda's goal
    rows = setda_rows(demo_db)
    before = fingerprint(demo_db)
    users.act_as(demo_db, dinkes_operator(demo_db))
    with pytest.raises(AccessDenied, match="perangkat daerahnya sendiri"), demo_db.write() as s:
        goal = s.get(Goal, rows.goal)
        assert goal is not None
        goal.statement = "diubah diam-diam"
    with pytest.raises(AccessDenied, match="tingkat pemerintah daerah"), demo_db.write() as s:
        s.add(PlanningPeriod(name="Periode diam-diam", start_year=2030, end_year=2034))
    with pytest.raises(AccessDenied, match="perangkat daerahnya sendiri"), demo_db.write() as s:
        s.add(Opd(code="9.99", name="OPD Baru", abbreviation="Baru", kind=next(iter(OpdKind))))
    assert fingerprint(demo_db) == before


def test_the_verifier_verifies_and_the_evaluator_writes_the_lke_only(demo_db: Database) -> None:
    assert ROLE_ACTIONS[Role.VERIFIKATOR] == {"verify"}
    assert ROLE_ACTIONS[Role.EVALUATOR] == {"akip"}
    assert ROLE_ACTIONS[Role.PIMPINAN] == frozenset()
    assert ROLE_ACTIONS[Role.ADMIN] == frozenset(users.ACTIONS)
    # reading the audit trail is no writing action: Bappeda's roles and the Pimpinan may, the others not
    assert not set(users.READ_ACTIONS) & set(users.ACTIONS)
    assert {role for role in Role if "audit" in users.ROLE_READS[role]} == {Role.ADMIN, Role.VERIFIKATOR,
                                                                           Role.PIMPINAN}
    writers_by_action: dict[str, set[str]] = {}
    for name in WRITING:
        writers_by_action.setdefault(action_of(name, demo_db), set()).add(name)
    assert writers_by_action["verify"] == {  # Bappeda's decisions (services/verification.py)
        "verification.verify_agreement", "verification.return_agreement",
        "verification.verify_report", "verification.return_report",
    }
    assert {"akip.save_evaluation", "akip.finalize_evaluation", "akip.reopen_evaluation"} <= writers_by_action["akip"]
    assert "cascade.set_lower_level_monitoring" in writers_by_action["regency"]  # admin only
