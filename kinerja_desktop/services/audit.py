"""The audit log: every service that changes data records what it did, in the same transaction."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy.orm import Session

from ..db.models import AuditLog


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
    entry = AuditLog(
        user=current_user(session),
        origin=origin,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        detail=json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True),
    )
    session.add(entry)
    return entry
