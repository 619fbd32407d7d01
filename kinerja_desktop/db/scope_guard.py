"""An operator's OPD scope, enforced at flush time for every session of the app.

Services check who may write before they write and say why (``services/users.py``); this guard makes the
scope hold when a path forgets (an import's rows, a detail of a form): a session whose user has a
``write_scope`` (the ids of its OPDs) cannot add, change or delete a row that belongs to another OPD or to
the regency as a whole (``sync_scope``'s parents say which OPD a row belongs to).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from .errors import AccessDeniedError
from .sync_scope import PARENT, UNKNOWN, connection_lookup, opd_of

# Regency-wide tables an operator's own work writes as a side effect: the audit trail, the exchange's
# bookkeeping, evidence files on a server, the images a signed PK freezes, and officials (a new signer, as a
# field laptop may send: sync_scope.FIELD_TABLES).
ALWAYS_ALLOWED = frozenset({
    "audit_log", "evidence_blob", "document_asset", "official",
    "sync_installation", "sync_key", "sync_peer", "sync_base", "sync_received", "sync_tombstone", "sync_import",
})


def _values(obj: Any, column: str, *, old: bool) -> dict[str, Any]:
    state = inspect(obj)
    values = {"id": state.attrs.id.value if "id" in state.attrs else None}
    if column in state.attrs:
        history = state.attrs[column].history
        values[column] = history.deleted[0] if old and history.deleted else state.attrs[column].value
    return values


def _after_flush(session: Session, _context: Any) -> None:
    user = session.info.get("user")
    scope = getattr(user, "write_scope", None)
    if user is None or scope is None:
        return
    lookup = connection_lookup(session.connection())
    for obj in [*session.new, *session.dirty, *session.deleted]:
        table = getattr(getattr(obj, "__table__", None), "name", None)
        if table is None or table in ALWAYS_ALLOWED:
            continue
        if table != "opd" and table not in PARENT:
            raise AccessDeniedError(
                f"Pengguna {user.name} (Operator OPD) tidak boleh mengubah data tingkat pemerintah daerah "
                f"({table}). Tidak ada yang disimpan."
            )
        column = PARENT[table][0] if table in PARENT else "id"
        for old in (False, True):
            opd_id = opd_of(table, _values(obj, column, old=old), lookup)
            if opd_id != UNKNOWN and opd_id not in scope:
                raise AccessDeniedError(
                    f"Pengguna {user.name} (Operator OPD) hanya boleh mengubah data perangkat daerahnya sendiri. "
                    "Tidak ada yang disimpan."
                )


def install(factory: sessionmaker[Session]) -> None:
    """Attach the guard to a session factory (done by SessionFactory for every database)."""
    event.listen(factory, "after_flush", _after_flush)
