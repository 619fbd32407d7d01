"""The field-level audit trail: every row the ORM inserts, updates or deletes leaves an ``audit_change`` row.

Mapper-level listeners on every model (``after_insert``, ``after_update``, ``before_delete``) see each row the
unit of work writes, ORM cascades and delete-orphans included, with its attribute history: the changed fields'
values before and after, exactly (a ``Decimal`` as its digits, rupiah as integers, dates as ISO text) and never
a secret (a column whose name says password, secret, salt or token is written as hidden). The rows are written
at the end of each flush on the same connection, so they commit or roll back with the change they describe (a
savepoint rolled back takes its rows along).

A transaction is one *change set* (an id kept in ``session.info``); every field row and every summary written by
``services/audit.record()`` takes the next number (``seq``) in it. A summary describes the field rows of its change
set numbered before it and after the previous summary (``record()`` flushes first); rows after the last summary
belong to it. A transaction that changes rows and records no summary keeps its field rows all the same (the trail
lists it as ``data.ubah``, ``services/audit_log.py``): a new service or a script cannot forget the trail.

Who: the user source (``set_user_source``; ``services/audit.py`` installs ``current_user()``), or
``session.info["audit_user"]`` when a use case acts for someone else; origin ``session.info["audit_origin"]``
(default "app").

Core statements (``insert()``/``update()``/``delete()`` on a connection) bypass the ORM and this hook: the package
merge writes its own audit rows; a restore replaces the whole trail with the backup's.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Mapper, Session, object_session, sessionmaker

from .base import Base
from .sync_scope import PARENT, UNKNOWN, connection_lookup, opd_of
from .types import new_id, utcnow

# Tables never audited, with the reason (a test walks every model and fails on one missing from both).
NOT_AUDITED: dict[str, str] = {
    "audit_log": "the trail itself",
    "audit_change": "the trail itself",
    "lock_bypass": "lives only inside one maintenance transaction",
    "evidence_blob": "file contents by SHA-256; the evidence row that names the file is audited",
    "sync_installation": "the exchange's bookkeeping (this database's place in it)",
    "sync_key": "the exchange's signing keys: secrets",
    "sync_peer": "the exchange's bookkeeping (the laptops known)",
    "sync_base": "the exchange's bookkeeping (the merge base of each row)",
    "sync_received": "the exchange's bookkeeping (receipts)",
    "sync_tombstone": "the exchange's bookkeeping (deletions to send; the deletion itself is audited)",
    "sync_import": "the record of an import; the import is audited as an entry (impor-paket)",
}
BOOKKEEPING = frozenset(("id", "created_at", "updated_at", "version"))
SECRET_WORDS = ("password", "secret", "salt", "token")
LONG_TEXT = 20_000  # characters kept of a text value; longer ones keep their start, length and SHA-256

INSERT, UPDATE, DELETE = "tambah", "ubah", "hapus"
# session.info[BULK] = True: a bulk creation of sample data (the demo regency) is described by its one summary,
# not by a field row for each of its tens of thousands of rows.
BULK = "audit_bulk"

_CHANGE_SET = "audit_change_set"
_SEQ = "audit_seq"
_PENDING = "audit_pending"
_ENTRIES = "audit_entries"
_OPDS = "audit_opds"
_LOOKUP = "audit_lookup"


def _os_login(session: Session | None = None) -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service contexts
        return ""


_user_source: Callable[[Session | None], str] = _os_login


def set_user_source(source: Callable[[Session | None], str]) -> None:
    """Who the trail names for a change made in a session (``services/audit.py`` installs ``current_user``: the
    user signed in on the session's connection)."""
    global _user_source
    _user_source = source


def user_of(session: Session | None) -> str:
    if session is not None and session.info.get("audit_user"):
        return str(session.info["audit_user"])
    return _user_source(session) or ""


def origin_of(session: Session | None) -> str:
    if session is not None and session.info.get("audit_origin"):
        return str(session.info["audit_origin"])
    return "app"


def change_set(session: Session) -> str:
    """The id of the session's current transaction in the trail (made when first needed)."""
    if _CHANGE_SET not in session.info:
        session.info[_CHANGE_SET] = new_id()
        session.info[_SEQ] = 0
    return str(session.info[_CHANGE_SET])


def next_seq(session: Session) -> int:
    change_set(session)
    session.info[_SEQ] += 1
    return int(session.info[_SEQ])


def note_entry(session: Session) -> str | None:
    """A summary was recorded: returns the OPD of the field rows it describes (the first one seen), if any."""
    session.info[_ENTRIES] = session.info.get(_ENTRIES, 0) + 1
    opds = session.info.pop(_OPDS, [])
    return opds[0] if len(opds) == 1 else None  # several OPDs: a regency-wide use case


def opd_of_row(session: Session, table: str, row_id: str) -> str | None:
    """The OPD of a stored row (None: regency-wide, unknown or not a row)."""
    if not row_id or (table != "opd" and table not in PARENT):
        return None
    lookup = connection_lookup(session.connection())
    row = lookup(table, row_id)
    found = opd_of(table, row, lookup) if row is not None else None
    return None if found == UNKNOWN else found


def is_secret(column_name: str) -> bool:
    lowered = column_name.lower()
    return any(word in lowered for word in SECRET_WORDS)


def encode(value: Any) -> Any:
    """A value as JSON, exactly: Decimal → {"d": "1250.50"}, date → {"date": …}, bytes → their size."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return {"d": str(value)}
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    if isinstance(value, float):
        return {"d": str(Decimal(str(value)))}
    text = str(value)
    if len(text) > LONG_TEXT:
        return {"text": text[:LONG_TEXT], "length": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest()}
    return text


HIDDEN = {"hidden": True}
NOT_LOADED = {"not_loaded": True}


def _table_of(mapper: Mapper[Any]) -> str:
    return str(mapper.local_table.name)  # type: ignore[attr-defined]


def _changes(mapper: Mapper[Any], target: Any, operation: str) -> dict[str, list[Any]]:
    state = inspect(target)
    changes: dict[str, list[Any]] = {}
    for attr in mapper.column_attrs:
        key = attr.key
        if key in BOOKKEEPING:
            continue
        secret = is_secret(key) or any(is_secret(c.name) for c in attr.columns)
        if operation == UPDATE:
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else NOT_LOADED
            new = history.added[0] if history.added else state.dict.get(key)
            if old is not NOT_LOADED and old == new:
                continue
            pair = [HIDDEN, HIDDEN] if secret else [old if old is NOT_LOADED else encode(old), encode(new)]
        elif operation == INSERT:
            value = state.dict.get(key)
            if value is None:
                continue
            pair = [None, HIDDEN if secret else encode(value)]
        else:
            value = state.dict.get(key, NOT_LOADED)
            if value is None:
                continue
            pair = [HIDDEN if secret else (value if value is NOT_LOADED else encode(value)), None]
        changes[key] = pair
    return changes


def _note(mapper: Mapper[Any], connection: Any, target: Any, operation: str) -> None:
    table = _table_of(mapper)
    if table in NOT_AUDITED:
        return
    session = object_session(target)
    if session is not None and session.info.get(BULK):
        return
    changes = _changes(mapper, target, operation)
    if operation == UPDATE and not changes:
        return
    values = {c.key: inspect(target).dict.get(c.key) for c in mapper.column_attrs}
    opd = opd_of(table, values, _lookup(session, connection))
    opd = None if opd == UNKNOWN else opd
    if opd is None and table not in PARENT and isinstance(values.get("opd_id"), str):
        opd = values["opd_id"]  # a link outside the exchange's tree (an operator's or a verifier's OPD)
    row = {
        "id": new_id(),
        "at": utcnow(),
        "user": user_of(session)[:120],
        "origin": origin_of(session)[:120],
        "table_name": table,
        "row_id": str(values.get("id") or ""),
        "operation": operation,
        "opd_id": opd,
        "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
    }
    if session is None:  # a bare connection's flush: written at once
        connection.execute(insert(_audit_change()), {**row, "change_set": new_id(), "seq": 1})
        return
    row["change_set"] = change_set(session)
    row["seq"] = next_seq(session)
    session.info.setdefault(_PENDING, []).append(row)
    if opd:
        opds = session.info.setdefault(_OPDS, [])
        if opd not in opds:
            opds.append(opd)


def _lookup(session: Session | None, connection: Any) -> Any:
    """Parent rows by id, read on the flush's connection; cached for one flush."""
    if session is None:
        return connection_lookup(connection)
    if _LOOKUP not in session.info:
        session.info[_LOOKUP] = connection_lookup(connection)
    return session.info[_LOOKUP]


def _after_insert(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    _note(mapper, connection, target, INSERT)


def _after_update(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    _note(mapper, connection, target, UPDATE)


def _before_delete(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    _note(mapper, connection, target, DELETE)


def _audit_change() -> Any:
    from .models import AuditChange  # a flush of any model writes here, whichever models its process loaded

    return AuditChange.__table__


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    # Rows noted by a flush that failed (its savepoint rolled back, the session going on) are not written.
    session.info.pop(_PENDING, None)
    session.info.pop(_LOOKUP, None)


def _after_flush(session: Session, _context: Any) -> None:
    session.info.pop(_LOOKUP, None)
    rows = session.info.pop(_PENDING, None)
    if rows:
        session.connection().execute(insert(_audit_change()), rows)


def _forget(session: Session, *_args: Any) -> None:
    for key in (_CHANGE_SET, _SEQ, _PENDING, _ENTRIES, _OPDS, _LOOKUP):
        session.info.pop(key, None)


def _after_rollback(session: Session) -> None:
    _forget(session)


def install_mappers() -> None:
    """The mapper listeners, once for every model (present and future: ``propagate``)."""
    if event.contains(Base, "after_insert", _after_insert):
        return
    event.listen(Base, "after_insert", _after_insert, propagate=True)
    event.listen(Base, "after_update", _after_update, propagate=True)
    event.listen(Base, "before_delete", _before_delete, propagate=True)


def install(factory: sessionmaker[Session]) -> None:
    """Attach the trail to a session factory (done by SessionFactory for every database)."""
    install_mappers()
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_commit", _forget)
    event.listen(factory, "after_rollback", _after_rollback)
