"""The lock on signed agreements, enforced at flush time for every session of the app.

Services check the status too and say why; this guard makes the lock hold when a caller bypasses them
(a script, a merge, a bug): no signed agreement, item or program row can be changed, added or deleted.
The one change allowed is a signed agreement becoming "replaced" when its PK Perubahan is signed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from ..domain.enums import AgreementStatus
from .agreement_models import AgreementItem, AgreementProgram, PerformanceAgreement
from .errors import AgreementLockedError

_BOOKKEEPING = {"status", "updated_at", "version"}


def _original_status(agreement: PerformanceAgreement) -> AgreementStatus | None:
    history = inspect(agreement).attrs.status.history
    if history.deleted:
        return history.deleted[0]
    return agreement.status


def _is_persistent(obj: Any) -> bool:
    return bool(inspect(obj).persistent)


def _modified_attributes(obj: Any) -> set[str]:
    state = inspect(obj)
    return {attr.key for attr in state.attrs if attr.history.has_changes()}


def _check_agreement(agreement: PerformanceAgreement, *, deleting: bool) -> None:
    original = _original_status(agreement)
    if original is None or not AgreementStatus(original).is_locked:
        return
    if deleting:
        raise AgreementLockedError()
    changed = _modified_attributes(agreement) - {"items", "programs", "replaces", "opd"}
    becoming_replaced = (
        original is AgreementStatus.SIGNED
        and agreement.status is AgreementStatus.SUPERSEDED
        and changed <= _BOOKKEEPING
    )
    if changed and not becoming_replaced:
        raise AgreementLockedError()


def _parent_of(row: AgreementItem | AgreementProgram, session: Session) -> PerformanceAgreement | None:
    if row.agreement is not None:
        return row.agreement
    if row.agreement_id:
        return session.get(PerformanceAgreement, row.agreement_id)
    return None


def _check_child(row: AgreementItem | AgreementProgram, session: Session, *, new: bool) -> None:
    parent = _parent_of(row, session)
    if parent is None:
        return
    original = _original_status(parent)
    if original is not None and AgreementStatus(original).is_locked:
        if not new and _is_persistent(row) and not _modified_attributes(row) and row not in session.deleted:
            return
        raise AgreementLockedError()


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in list(session.dirty):
        if isinstance(obj, PerformanceAgreement):
            _check_agreement(obj, deleting=False)
        elif isinstance(obj, AgreementItem | AgreementProgram) and session.is_modified(obj):
            _check_child(obj, session, new=False)
    for obj in list(session.deleted):
        if isinstance(obj, PerformanceAgreement):
            _check_agreement(obj, deleting=True)
        elif isinstance(obj, AgreementItem | AgreementProgram):
            _check_child(obj, session, new=False)
    for obj in list(session.new):
        if isinstance(obj, AgreementItem | AgreementProgram):
            _check_child(obj, session, new=True)


def install(factory: sessionmaker[Session]) -> None:
    """Attach the guard to a session factory (done by SessionFactory for every database)."""
    event.listen(factory, "before_flush", _before_flush)
