"""Reading and writing synchronised rows with Core: identity, rows by scope, bases (the package exchange's helpers).

Internal to the package exchange: names keep their leading underscore; only services/sync_*.py and
interchange/merge.py use them.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import platform
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, NamedTuple

from sqlalchemy import Connection, insert, or_, select, update

from ..db.sync_models import ROLE_CENTRE
from ..db.sync_scope import GLOBAL_TABLES, PARENT, metadata_tables, sync_order
from ..db.types import new_id, utcnow
from .codec import CodecError, dumps
from .errors import RoleError
from .package import codec

CHUNK = 500


def _t(name: str):  # noqa: ANN202
    return metadata_tables()[name]


def _installation(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute(select(_t("sync_installation"))).first()
    return dict(row._mapping) if row else None


def _create_installation(conn: Connection, role: str, **values: Any) -> dict[str, Any]:
    now = utcnow()
    row = {
        "id": values.pop("id", None) or new_id(),
        "role": role,
        "label": values.pop("label", None) or platform.node()[:120] or role,
        "regency_id": values.pop("regency_id", None),
        "scope": values.pop("scope", "[]"),
        "key_id": values.pop("key_id", None),
        "secret": values.pop("secret", None),
        "last_seq": 0,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
    conn.execute(insert(_t("sync_installation")).values(**row))
    return row


def _regency(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute(select(_t("regency")).order_by(_t("regency").c.created_at)).first()
    if row is None:
        return None
    kind = getattr(row.kind, "value", row.kind)
    return {"id": row.id, "name": f"{'Kota' if kind == 'kota' else 'Kabupaten'} {row.name}"}


def _centre(conn: Connection) -> dict[str, Any]:
    me = _installation(conn)
    if me is None:
        regency = _regency(conn)
        return _create_installation(conn, ROLE_CENTRE, regency_id=regency["id"] if regency else None)
    if me["role"] != ROLE_CENTRE:
        raise RoleError("Basis data ini adalah laptop lapangan; hanya pusat (Bappeda) yang dapat melakukan ini.")
    return me


def _next_seq(conn: Connection, me: dict[str, Any]) -> int:
    seq = me["last_seq"] + 1
    table = _t("sync_installation")
    conn.execute(update(table).where(table.c.id == me["id"]).values(last_seq=seq, updated_at=utcnow()))
    return seq


def _chunks(items: list[str], size: int = CHUNK) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class UncarriableRow(CodecError):
    """A stored value a package cannot carry (stored before the columns' limits held)."""

    def __init__(self, table: str, row_id: str, problem: CodecError) -> None:
        super().__init__(str(problem))
        self.table, self.row_id = table, row_id


def _load_rows(
    conn: Connection, table: str, ids: Iterable[str] | None = None, where: Any = None, *, strict: bool = False
) -> dict[str, dict[str, Any]]:
    """Rows of ``table`` as JSON values by id: all of them, those of ``ids``, or those matching ``where``.

    On SQLite the rows chosen by ``where`` are read straight from the driver and each value checked by the codec
    on the way (canonical form, each distinct text decoded once per column); a value that fails raises
    :class:`UncarriableRow` when ``strict``, else the row is read as it is.
    """
    t = _t(table)
    c = codec(table)
    if ids is None and conn.dialect.name == "sqlite":
        sql = c.select_sql
        params: Any = ()
        if where is not None:
            condition, params = _compiled(conn, where)
            sql += f" WHERE {condition}"
        key = c.columns.index("id")
        stored = conn.exec_driver_sql(sql, params).fetchall()
        checked = c.from_storage_rows(stored)
        if checked is not None:
            return {row[key]: values for row, values in zip(stored, checked, strict=True)}
        result = {}
        for row in stored:  # a value failed: row by row, to name the row and raise (or read it as it is)
            try:
                result[row[key]] = c.from_storage(row)
            except CodecError as exc:
                if strict:
                    raise UncarriableRow(table, row[key], exc) from None
                result[row[key]] = c.encode(conn.execute(select(t).where(t.c.id == row[key])).one())
        return result
    if ids is None:
        query = select(t) if where is None else select(t).where(where)
        return {row.id: c.encode(row) for row in conn.execute(query)}
    result = {}
    for chunk in _chunks(list(ids)):
        for row in conn.execute(select(t).where(t.c.id.in_(chunk))):
            result[row.id] = c.encode(row)
    return result


def _scope_filters(opd_ids: set[str] | None, *, regional: bool) -> dict[str, Any]:
    """Per table the SQL condition of the rows a package of ``opd_ids`` (None: every OPD) carries, None: all.

    An OPD table's row is carried when its parent (``PARENT``) is: ``opd_id IN (SELECT id FROM opd WHERE …)``,
    nested down to the evidence; a row without its parent is left out, except an RPJMD goal (``opd_id`` NULL)
    when ``regional`` (its indicators and targets follow it).
    """
    kept: dict[str, Any] = {}
    filters: dict[str, Any] = {}
    for table in sync_order():
        if table in GLOBAL_TABLES:
            continue
        t = _t(table)
        if table == "opd":
            condition = None if opd_ids is None else t.c.id.in_(sorted(opd_ids))
        else:
            column, parent = PARENT[table]
            parents = select(_t(parent).c.id) if kept[parent] is None else select(_t(parent).c.id).where(kept[parent])
            condition = t.c[column].in_(parents.scalar_subquery())
            if regional and table == "goal":
                condition = or_(t.c[column].is_(None), condition)
        filters[table] = kept[table] = condition
    return filters


def _left_out_links(
    conn: Connection, opd_ids: set[str] | None, filters: dict[str, Any]
) -> Callable[[str], list[tuple[str, set[str]]]]:
    """``links(table)``: (column, ids the package carries) of each link of a regency-wide ``table`` to a row the
    package may leave out (a nullable foreign key to an OPD table); none for a package of every OPD."""
    present: dict[str, set[str]] = {}

    def carried(target: str) -> set[str]:
        if target not in present:
            t = _t(target)
            query = select(t.c.id) if filters.get(target) is None else select(t.c.id).where(filters[target])
            present[target] = {r.id for r in conn.execute(query)}
        return present[target]

    def links(table: str) -> list[tuple[str, set[str]]]:
        if opd_ids is None or table not in GLOBAL_TABLES:
            return []
        return [
            (column.name, carried(fk.column.table.name))
            for column in _t(table).columns
            for fk in column.foreign_keys
            if fk.column.table.name not in GLOBAL_TABLES and column.nullable
        ]

    return links


def _scoped_tables(
    conn: Connection, opd_ids: set[str] | None, *, regional: bool
) -> Iterator[tuple[str, dict[str, dict]]]:
    """(table, rows) one table at a time, parents first: regency-wide tables whole, OPD tables for ``opd_ids``
    (None: every OPD), chosen in SQL (:func:`_scope_filters`).

    A regency-wide row that names a row the package leaves out (the regency's planning agency, an OPD outside a
    laptop's scope) travels without that link, as its nullable foreign key would on a delete.
    """
    filters = _scope_filters(opd_ids, regional=regional)
    links = _left_out_links(conn, opd_ids, filters)
    for table in sync_order():
        rows = _load_rows(conn, table, where=filters.get(table))
        for name, carried in links(table):
            for values in rows.values():
                if values.get(name) is not None and values[name] not in carried:
                    values[name] = None
        yield table, rows


class ScopedTable(NamedTuple):
    """A table's rows as a master package carries them (:func:`_scoped_entries`): its columns form (format
    version 2), ``{"columns": columns, "values": [arrays]}``."""

    name: str
    row_count: int
    columns: list[str]  # the table's columns (TableCodec.columns), the order of each row's array
    arrays: Iterator[bytes]  # the rows' arrays as JSON, comma-joined, a few thousand rows a piece
    column: Callable[[str], list[Any]]  # a column's values, row by row (a text column's: its canonical form)


_SCOPE_SQL: dict[tuple[str, bool, frozenset[str] | None], tuple[str, tuple]] = {}

# Tables a package of every OPD reads by a correlated ``EXISTS`` on their parent's key, in the order the
# ``IN (SELECT …)`` form gives (the parent column's index: by that column, then by rowid). Their parent is large (the
# evidence's: every realisation of the regency), and an ``IN`` list of its ids is made and searched first: the
# city's 4.800 evidence rows 0,070 → 0,020 s. Every other table is as fast or faster with ``IN``; a package of some
# OPDs keeps ``IN`` for all (``EXISTS`` reads the whole table: its time would grow with the regency).
_CORRELATED = frozenset({"evidence"})


def _compiled(conn: Connection, where: Any) -> tuple[str, tuple]:
    """A condition's SQL text for SQLite's driver, with its parameters in their order."""
    compiled = where.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    return str(compiled), tuple(compiled.params[name] for name in compiled.positiontup or ())


def _scoped_select(
    conn: Connection,
    table: str,
    opd_ids: set[str] | None,
    filters: Callable[[], dict[str, Any]],
    regional: bool,
) -> tuple[str, tuple]:
    """(SQL, parameters) reading a table's carried rows straight from SQLite (:attr:`TableCodec.select_sql` and
    :func:`_scope_filters`' condition), compiled once per table and scope; ``filters()`` gives the conditions."""
    key = (table, regional, None if opd_ids is None else frozenset(opd_ids))
    if key not in _SCOPE_SQL:
        if len(_SCOPE_SQL) > 512:
            _SCOPE_SQL.clear()
        sql, params = codec(table).select_sql, ()
        where = filters().get(table)
        if opd_ids is None and table in _CORRELATED and filters().get(PARENT[table][1]) is not None:
            column, parent = PARENT[table]
            condition, params = _compiled(conn, filters()[parent])
            sql += (
                f' WHERE EXISTS (SELECT 1 FROM "{parent}" WHERE "{parent}".id = "{table}"."{column}" AND {condition})'
                f' ORDER BY "{table}"."{column}", "{table}".rowid'
            )
        elif where is not None:
            condition, params = _compiled(conn, where)
            sql += f" WHERE {condition}"
        _SCOPE_SQL[key] = (sql, params)
    return _SCOPE_SQL[key]


def _scoped_entries(conn: Connection, opd_ids: set[str] | None, *, regional: bool) -> Iterator[ScopedTable]:
    """A master package's tables, as :func:`_scoped_tables` chooses their rows, each row checked (a value no
    package carries raises :class:`UncarriableRow` naming its row) and written as its array of rows.json.

    On SQLite the rows come straight from the driver's cursor (tuples, in the connection's transaction) and are
    checked and written one column at a time (:meth:`TableCodec.arrays_json`), never made dicts; elsewhere each
    row is read, checked and written alone.
    """
    if conn.dialect.name != "sqlite":
        for table, rows in _scoped_tables(conn, opd_ids, regional=regional):
            yield _table_of_dicts(table, rows)
        return
    filters = functools.cache(lambda: _scope_filters(opd_ids, regional=regional))  # made only to compile
    links = _left_out_links(conn, opd_ids, filters() if opd_ids is not None else {})
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection's sqlite3.Connection
    cursor = driver.cursor()  # plain tuples, in the connection's transaction
    try:
        yield from _tables_read(cursor, conn, opd_ids, regional, filters, links)
    finally:
        cursor.close()


def _tables_read(
    cursor: Any,
    conn: Connection,
    opd_ids: set[str] | None,
    regional: bool,
    filters: Callable[[], dict[str, Any]],
    links: Callable[[str], list[tuple[str, set[str]]]],
) -> Iterator[ScopedTable]:
    """:func:`_scoped_entries` on SQLite, the rows read through ``cursor``."""
    for table in sync_order():
        c = codec(table)
        stored: list[Any] = cursor.execute(*_scoped_select(conn, table, opd_ids, filters, regional)).fetchall()
        for name, carried in links(table):
            index = c.columns.index(name)
            stored = [
                row if row[index] is None or row[index] in carried else (*row[:index], None, *row[index + 1 :])
                for row in stored
            ]
        arrays = c.arrays_json(stored)
        if arrays is None:  # a value failed: row by row, to name the row
            key = c.columns.index("id")
            rows = {}
            for row in stored:
                try:
                    rows[row[key]] = c.from_storage(row)
                except CodecError as exc:
                    raise UncarriableRow(table, row[key], exc) from None
            yield _table_of_dicts(table, rows)
            continue
        texts = (text.encode("utf-8") for text in arrays)
        yield ScopedTable(table, len(stored), c.columns, texts, _columns_of(c, stored))
        del stored, arrays  # written: let go of before the next table is read (one table in memory at a time)


def _columns_of(table_codec: Any, stored: list[Any]) -> Callable[[str], list[Any]]:
    """``column(name)``: a column's values of the rows read, as stored (a text column's are its canonical form)."""

    def column(name: str) -> list[Any]:
        index = table_codec.columns.index(name)
        return [row[index] for row in stored]

    return column


def _table_of_dicts(table: str, rows: dict[str, dict[str, Any]]) -> ScopedTable:
    """:class:`ScopedTable` of rows read as dicts, each checked (:meth:`TableCodec.validate`) and written."""
    table_codec = codec(table)
    for row_id, values in rows.items():
        try:
            table_codec.validate(values)
        except CodecError as exc:
            raise UncarriableRow(table, row_id, exc) from None
    arrays = list(map(table_codec.pick, rows.values()))
    texts = (dumps(arrays[start : start + 2_000])[1:-1] for start in range(0, len(arrays), 2_000))
    return ScopedTable(table, len(arrays), table_codec.columns, texts, lambda name: [v[name] for v in rows.values()])


def _scoped_rows(conn: Connection, opd_ids: set[str] | None, *, regional: bool) -> dict[str, dict[str, dict]]:
    """Every table's rows of :func:`_scoped_tables` at once."""
    return dict(_scoped_tables(conn, opd_ids, regional=regional))


def _fk_columns(table: str) -> list[tuple[str, str]]:
    result = []
    for column in _t(table).columns:
        for fk in column.foreign_keys:
            result.append((column.name, fk.column.table.name))
    return result


def _referencing(table: str) -> list[tuple[str, str, str | None]]:
    """(child table, column, ondelete) of every foreign key pointing at ``table``."""
    result = []
    for child in metadata_tables().values():
        for column in child.columns:
            for fk in column.foreign_keys:
                if fk.column.table.name == table:
                    result.append((child.name, column.name, fk.ondelete))
    return result


# A laptop's merge bases (the centre's values last received for each row) are kept compactly: one row of
# ``sync_base`` per table holds the bases of that table's rows as zlib-compressed JSON (``table_name`` is
# SNAPSHOT plus the table's name in ``row_id``); a row of its own is kept only for a row whose values were sent
# back to the centre (``sent``) or received as deleted. A row's own entry, when there is one, is the newer.
SNAPSHOT = "*basis"


def _encode_snapshot(columns: list[str], rows: dict[str, list[Any]]) -> str:
    data = json.dumps({"columns": columns, "rows": rows}, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(zlib.compress(data.encode("utf-8"), 6)).decode("ascii")


class SnapshotWriter:
    """A table's snapshot (:func:`_encode_snapshot`'s text) written batch by batch: its rows are never held.

    A batch's JSON of ``INLINE`` bytes or more is deflated by a second thread (:func:`_deflater`) while the caller
    checks and inserts the next rows (zlib lets go of the interpreter's lock); one piece at a time, so the pieces
    are deflated in their order and memory stays flat. The text is the same as when each piece was deflated at
    once."""

    _ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
    INLINE = 64 << 10

    def __init__(self, columns: list[str], level: int = 6) -> None:
        self._z = zlib.compressobj(level)
        self._parts: list[bytes] = []
        self._waiting: Future[bytes] | None = None
        self._deflate(f'{{"columns":{self._ENCODER.encode(columns)},"rows":{{'.encode())
        self._first = True

    def _deflate(self, data: bytes) -> None:
        if self._waiting is not None:  # the piece before, deflated by the other thread: its bytes come first
            self._parts.append(self._waiting.result())
            self._waiting = None
        if len(data) < self.INLINE:
            self._parts.append(self._z.compress(data))
        else:
            self._waiting = _deflater().submit(self._z.compress, data)

    def add(self, rows: Mapping[str, Sequence[Any]]) -> None:
        """Rows (id: values in the columns' order, a list or a tuple) of ids not given before."""
        if not rows:
            return
        text = self._ENCODER.encode(rows)[1:-1]
        self._deflate((text if self._first else "," + text).encode("utf-8"))
        self._first = False

    def text(self) -> str:
        self._deflate(b"}}")
        self._parts.append(self._z.flush())
        return base64.b64encode(b"".join(self._parts)).decode("ascii")


_DEFLATER: dict[int, ThreadPoolExecutor] = {}  # process id: its deflating thread
_DEFLATER_MADE = threading.Lock()


def _deflater() -> ThreadPoolExecutor:
    """The thread that deflates the snapshots' pieces, made when first needed (a forked process, which has none of
    its parent's threads, makes its own)."""
    with _DEFLATER_MADE:
        pid = os.getpid()
        if pid not in _DEFLATER:
            _DEFLATER.clear()
            _DEFLATER[pid] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="snapshot-deflate")
        return _DEFLATER[pid]


def _decode_snapshot(text: str) -> tuple[list[str], dict[str, list[Any]]]:
    data = json.loads(zlib.decompress(base64.b64decode(text)).decode("utf-8"))
    return data["columns"], data["rows"]


class Bases:
    """The merge bases of a laptop: ``get((table, row_id))`` gives ``{"id", "base", "base_version", "sent",
    "sent_seq"}`` or None; a table's snapshot is read (and decompressed) only when one of its rows is asked for."""

    def __init__(self, conn: Connection) -> None:
        t = _t("sync_base")
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.snapshot_ids: dict[str, str] = {}
        self._snapshot_text: dict[str, str] = {}
        self._snapshots: dict[str, tuple[list[str], dict[str, list[Any]]]] = {}
        for r in conn.execute(select(t)):
            if r.table_name == SNAPSHOT:
                self.snapshot_ids[r.row_id] = r.id
                self._snapshot_text[r.row_id] = r.base
                continue
            self.rows[(r.table_name, r.row_id)] = {
                "id": r.id,
                "base": json.loads(r.base) if r.base is not None else None,
                "base_version": r.base_version,
                "sent": json.loads(r.sent) if r.sent is not None else None,
                "sent_seq": r.sent_seq,
            }

    def snapshot(self, table: str) -> tuple[list[str], dict[str, list[Any]]] | None:
        """(columns, {row id: values in that order}) of a table's snapshot, or None."""
        if table not in self._snapshots:
            text = self._snapshot_text.get(table)
            if text is None:
                return None
            self._snapshots[table] = _decode_snapshot(text)
        return self._snapshots[table]

    def get(self, key: tuple[str, str]) -> dict[str, Any] | None:
        entry = self.rows.get(key)
        if entry is not None:
            return entry
        table, row_id = key
        snapshot = self.snapshot(table) if table in self._snapshot_text else None
        if snapshot is None:
            return None
        columns, rows = snapshot
        values = rows.get(row_id)
        if values is None:
            return None
        base = dict(zip(columns, values, strict=True))
        return {"id": None, "base": base, "base_version": base.get("version"), "sent": None, "sent_seq": None}

    def __contains__(self, key: tuple[str, str]) -> bool:
        return self.get(key) is not None


def _load_bases(conn: Connection) -> Bases:
    return Bases(conn)
