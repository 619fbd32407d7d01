"""The audit log: every service that changes data records what it did, in the same transaction."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy.orm import Session

from ..db.models import AuditLog


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service contexts
        return ""


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
        user=current_user(),
        origin=origin,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        detail=json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True),
    )
    session.add(entry)
    return entry
