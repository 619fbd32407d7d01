"""The audit log: every service that changes data records what it did, in the same transaction.

``record()`` writes the human description of a use case (its action, entity and summary); the session hook
(``db/audit_hook.py``) writes the field-level rows (each row inserted, updated or deleted, before and after) of
the same change set, and ``record()`` flushes first so that the rows it describes are numbered before it. Who:
:func:`current_user`.
"""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy.orm import Session

from ..db import audit_hook
from ..db.models import AuditLog
from ..db.types import new_id


def os_user() -> str:
    """The operating system's login name ("" when there is none)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service contexts
        return ""


def current_user(source: Session | Any = None) -> str:
    """The name of the user acting: the one signed in on the session's (or database's) connection, else the
    operating system's login (a single desk's automatic administrator)."""
    who = None
    if isinstance(source, Session):
        who = source.info.get("user")
    elif source is not None:
        who = getattr(getattr(source, "sessions", None), "user", None)
    if who is not None:
        return str(who.name)
    return os_user()


# The field-level rows name the same person as the summaries: the user signed in on the session's connection.
audit_hook.set_user_source(lambda session: current_user(session))


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: str = "",
    summary: str = "",
    detail: dict[str, Any] | None = None,
    origin: str = "app",
) -> AuditLog:
    """Add an audit entry to ``session`` (committed or rolled back with the change it describes)."""
    session.flush()  # the field rows of what happened so far come before this entry in the change set
    entry = AuditLog(
        id=new_id(),
        user=audit_hook.user_of(session),
        origin=origin,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        detail=json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True),
        change_set=audit_hook.change_set(session),
        seq=audit_hook.next_seq(session),
        opd_id=audit_hook.note_entry(session) or audit_hook.opd_of_row(session, entity, entity_id),
    )
    session.add(entry)
    return entry
