"""Field packages (``.kinerja-paket``): the file format, read strictly into plain data, written atomically.

Members: ``manifest.json`` (who, what, when, checksums), ``manifest.sig`` (HMAC-SHA256 of the manifest's
bytes: with the laptop's key in a field package, with the key derived from the enrolment code in a master
package, see enrolment.py), ``rows.json`` (rows and tombstones) and ``bukti/<sha256>`` evidence files.

rows.json::

    {"rows": {"<table>": [{"id": ..., "values": {...}, "base": {...} | null, "base_version": n | null}]},
     "tombstones": [{"table": ..., "id": ..., "opd_id": ..., "base": {...} | null, "base_version": ...}],
     "enrolment": {"key_id": ..., "centre_id": ...},   # master packages (the key is derived from the code)
     "acknowledged": {"<installation id>": last sequence imported}}     # master packages

A package whose manifest says format version 2 (``manifest.COLUMNS_FORMAT_VERSION``: the master package) may give
a table as its columns form instead, its column names once and each row as an array of its values in that
order: ``"<table>": {"columns": ["id", ...], "values": [[...], ...]}``, each array the version-1 entry
``{"id": row["id"], "values": dict(zip(columns, row))}`` without a base. The centre writes every table of a
master package so (the names are not written, deflated, inflated and parsed once per row); a field package stays
version 1, entries with their bases.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from ..db.evidence import is_sha256
from ..db.sync_scope import FIELD_TABLES, SYNC_TABLES, metadata_tables
from . import audit_rows
from .archive import SafeZipReader, WrittenBehind, atomic_zip, atomic_zip_writer, write_member
from .codec import CodecError, TableCodec, dumps
from .enrolment import EnrolmentKeys, normalise_code
from .errors import EnrolmentCodeError, MalformedContentError, ManifestError, SchemaTooNewError, SignatureError
from .manifest import (
    COLUMNS_FORMAT_VERSION,
    EVIDENCE_PREFIX,
    KIND_FIELD,
    KIND_MASTER,
    MANIFEST,
    PACKAGE_FORMAT,
    ROWS_MEMBER,
    SIGNATURE,
    Manifest,
    all_uuids,
    build_manifest,
    file_entry,
    is_uuid,
    open_archive,
    read_manifest,
    read_verified,
    read_verified_buffer,
    sign,
    verify_signature,
)
from .stream import BadColumns, ColumnsTable, JsonError, NotAList, NotRows, RowsDocument

_CODECS: dict[str, TableCodec] = {}


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a package's rows are built or merged: the many objects made live until
    the end, and collecting them again and again costs a third of a master import. Restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def codec(table: str) -> TableCodec:
    if table not in _CODECS:
        _CODECS[table] = TableCodec(metadata_tables()[table])
    return _CODECS[table]


class IncomingRow:
    """A row of a package, checked: its canonical JSON values by column (:attr:`values`, for comparison), its
    merge base, and with ``picked`` (RowReader.tables with ``picked``: merge.apply_setup's insert) the same values
    in the columns' order. A row that came as an array with ``picked`` has its dict made only when
    :attr:`values` is asked for (the set-up of an empty laptop never asks)."""

    __slots__ = ("table", "id", "_values", "base", "base_version", "picked")

    def __init__(
        self,
        table: str,
        id: str,  # noqa: A002
        values: dict[str, Any] | None,
        base: dict[str, Any] | None = None,
        base_version: int | None = None,
        picked: tuple | None = None,
    ) -> None:
        if values is None and picked is None:
            raise TypeError("a row needs its values or its picked values")
        self.table, self.id, self._values = table, id, values
        self.base, self.base_version, self.picked = base, base_version, picked

    @property
    def values(self) -> dict[str, Any]:
        if self._values is None:
            assert self.picked is not None
            self._values = dict(zip(codec(self.table).columns, self.picked, strict=True))
        return self._values

    def _key(self) -> tuple:
        return self.table, self.id, self.values, self.base, self.base_version

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IncomingRow) and self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value (as the dataclass it was)

    def __repr__(self) -> str:
        return f"IncomingRow(table={self.table!r}, id={self.id!r}, values={self.values!r}, base={self.base!r})"


@dataclass(slots=True)
class IncomingTombstone:
    table: str
    id: str
    opd_id: str | None
    base: dict[str, Any] | None = None
    base_version: int | None = None


@dataclass
class Package:
    """A package read and checked (checksums, JSON, every value against its column)."""

    path: Path
    manifest: Manifest
    rows: dict[str, list[IncomingRow]]
    tombstones: list[IncomingTombstone]
    evidence: dict[str, bytes]
    enrolment: dict[str, str] | None = None
    acknowledged: dict[str, int] = field(default_factory=dict)
    audit: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # a field package's trail (audit_rows.py)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def source_id(self) -> str:
        return self.manifest["source"]["installation_id"]

    @property
    def source_label(self) -> str:
        return str(self.manifest["source"].get("label") or self.source_id)[:120]

    @property
    def seq(self) -> int:
        return self.manifest["seq"]

    @property
    def scope(self) -> list[str]:
        return list(self.manifest["scope"])

    def row_count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def open_package(
    path: Path,
    *,
    known_revisions: tuple[str, ...],
    secret_for=None,  # noqa: ANN001
    code: str | None = None,
) -> RowReader:
    """Open a package and check all but its rows (read and checked through the :class:`RowReader` returned).

    ``secret_for(key_id)`` gives the HMAC key of a field package, ``code`` is the enrolment code a master package
    is authenticated with (interchange/enrolment.py).

    Raises an :class:`InterchangeError` subclass (:class:`EnrolmentCodeError` for a master package read
    without a code); nothing is evaluated, only JSON parsed.
    """
    path = Path(path)
    keys: EnrolmentKeys | None = None
    with open_archive(path) as reader:
        manifest = read_manifest(reader, PACKAGE_FORMAT)
        _check_manifest(path.name, manifest, known_revisions)
        if manifest["kind"] == KIND_FIELD and secret_for is not None:
            key_id = manifest["key_id"]
            secret = secret_for(key_id)
            verify_signature(reader, manifest, secret)
        if manifest["kind"] == KIND_MASTER:
            keys = _master_keys(reader, manifest, code)
        raw = read_verified_buffer(reader, manifest, ROWS_MEMBER) if ROWS_MEMBER in manifest["files"] else None
        if raw is None:
            raise MalformedContentError(path.name, "data baris (rows.json) tidak ada")
        evidence = {}
        listed = [member for member in manifest["files"] if member.startswith(EVIDENCE_PREFIX)]
        for member in reader.in_archive_order(listed):  # front to back: the reader reads ahead
            data = read_verified(reader, manifest, member)  # hashed as it is read: the manifest's checksum
            sha = member[len(EVIDENCE_PREFIX) :]
            if not is_sha256(sha) or manifest["files"][member]["sha256"] != sha:
                # the manifest's checksum matches (whoever wrote it), but the store names files by content
                raise MalformedContentError(path.name, f"isi berkas bukti {sha[:12]}… tidak cocok dengan namanya")
            evidence[sha] = data
    holder = [raw]
    del raw
    rows = RowReader(path, manifest, holder, evidence)
    rows.keys = keys
    return rows


def read_package(
    path: Path,
    *,
    known_revisions: tuple[str, ...],
    secret_for=None,  # noqa: ANN001
    code: str | None = None,
) -> Package:
    """Read and check a package, every row held (:func:`open_package` for the arguments)."""
    return open_package(path, known_revisions=known_revisions, secret_for=secret_for, code=code).read()


def _master_keys(reader: SafeZipReader, manifest: Manifest, code: str | None) -> EnrolmentKeys:
    """Check a master package's signature with the keys derived from its enrolment code."""
    if code is None or not code.strip():
        raise EnrolmentCodeError(reader.name)
    if normalise_code(code) is None:
        raise EnrolmentCodeError(reader.name, "kode pendaftaran harus 16 huruf dan angka (tanpa 0, O, 1, I)")
    keys = EnrolmentKeys(code, manifest["package_id"])
    try:
        verify_signature(reader, manifest, keys.manifest_key)
    except SignatureError:
        raise SignatureError(
            reader.name, "kode pendaftaran salah, atau paket induk telah diubah sesudah dibuat di pusat"
        ) from None
    return keys


def _check_manifest(name: str, manifest: Manifest, known_revisions: tuple[str, ...]) -> None:
    if manifest["schema_revision"] not in known_revisions:
        raise SchemaTooNewError(name, manifest["schema_revision"])
    if manifest["kind"] not in (KIND_FIELD, KIND_MASTER):
        raise ManifestError(name, "jenis paket tidak dikenal")
    if not is_uuid(manifest["package_id"]):
        raise ManifestError(name, "nomor paket tidak sah")
    source = manifest["source"]
    if not is_uuid(source.get("installation_id")) or not isinstance(source.get("label", ""), str):
        raise ManifestError(name, "asal paket tidak sah")
    if manifest["seq"] < 1:
        raise ManifestError(name, "nomor urut paket tidak sah")
    if not all(is_uuid(opd) for opd in manifest["scope"]):
        raise ManifestError(name, "cakupan OPD tidak sah")
    if manifest["regency"] is None:
        raise ManifestError(name, "pemerintah daerah tidak disebutkan")
    if manifest["kind"] == KIND_FIELD and not is_uuid(manifest["key_id"]):
        raise ManifestError(name, "kunci tanda tangan tidak disebutkan")


class RowReader:
    """rows.json read one entry at a time (interchange/stream.py), each row checked as it is read; what is checked
    at the end (evidence files referenced, enrolment, acknowledgements) by :meth:`package`, after :meth:`tables`.
    A master import into an empty laptop inserts the rows as they come (merge.apply_setup): memory holds a batch,
    not the package."""

    def __init__(self, path: Path, manifest: Manifest, raw: list[bytearray], evidence: dict[str, bytes]) -> None:
        self.path, self.manifest, self.evidence = path, manifest, evidence
        self.evidence_rows: set[str] = set()
        self.keys: EnrolmentKeys | None = None
        try:
            self._data = RowsDocument(raw.pop(), manifest["format_version"] >= COLUMNS_FORMAT_VERSION)
        except JsonError as exc:
            raise self._not_json(exc) from None

    def _not_json(self, exc: Exception) -> MalformedContentError:
        if isinstance(exc, NotRows):
            return MalformedContentError(self.path.name, "rows.json tidak berisi daftar baris")
        if isinstance(exc, NotAList):
            return MalformedContentError(self.path.name, f"baris tabel {exc.table} bukan daftar")
        if isinstance(exc, BadColumns):
            return MalformedContentError(self.path.name, str(exc))
        return MalformedContentError(self.path.name, f"rows.json bukan JSON yang sah ({str(exc)[:80]})")

    def tables(self, picked: bool = False) -> Iterator[tuple[str, Iterator[IncomingRow]]]:
        """(table, its rows one by one, checked); consume each table's rows before the next table. With
        ``picked`` each row also carries its canonical values in the columns' order (:attr:`IncomingRow.picked`)."""
        for table, batches in self.table_batches(picked):
            yield table, chain.from_iterable(batches)

    def table_batches(self, picked: bool = False) -> Iterator[tuple[str, Iterator[list[IncomingRow]]]]:
        """:meth:`tables` with each table's rows given a list at a time (as they were checked)."""
        name = self.path.name
        allowed = FIELD_TABLES if self.manifest["kind"] == KIND_FIELD else SYNC_TABLES
        try:
            for table, batches in self._data.tables(batched=True):
                if table not in allowed:
                    raise MalformedContentError(name, f"tabel “{str(table)[:60]}” tidak boleh ada dalam paket ini")
                yield table, self._rows(table, batches, picked)
        except (JsonError, UnicodeDecodeError, RecursionError) as exc:
            raise self._not_json(exc) from None
        except CodecError as exc:
            raise MalformedContentError(name, str(exc)) from None

    def _rows(self, table: str, batches: Iterator[list[Any]], picked: bool) -> Iterator[list[IncomingRow]]:
        """A table's rows, a batch of entries at a time: checked a column at a time (:func:`_parse_rows`, or
        :class:`_Arrays` for a table in its columns form), or, when any of the batch fails that, one by one
        (:func:`_parse_row`, which names the row; each row then given alone, as soon as it is checked)."""
        name = self.path.name
        table_codec = codec(table)
        seen: set[str] = set()
        if isinstance(batches, ColumnsTable):
            arrays = _Arrays(name, table, table_codec, batches.columns)
            parse_many, parse_one = partial(arrays.parse_many, picked=picked), arrays.parse_one
        else:
            parse_many = partial(_parse_rows, table, table_codec, picked=picked)
            parse_one = partial(_parse_row, name, table, table_codec)
        try:
            for entries in batches:
                parsed = parse_many(entries)
                if parsed is not None:
                    ids = list(map(_row_id, parsed))
                    if seen.isdisjoint(ids):
                        before = len(seen)
                        seen.update(ids)
                        if len(seen) - before == len(parsed):  # no id twice in the batch either
                            if table == "evidence":
                                self.evidence_rows.update(row.values["sha256"] for row in parsed)  # few rows
                            yield parsed
                            continue
                        seen.difference_update(ids)
                # one by one: the precise message, naming the row
                for row in parsed or map(parse_one, entries):
                    if row.id in seen:
                        raise MalformedContentError(name, f"baris {table} {row.id} muncul dua kali")
                    seen.add(row.id)
                    if table == "evidence":
                        self.evidence_rows.add(row.values["sha256"])
                    yield [row]
        except (JsonError, UnicodeDecodeError, RecursionError) as exc:
            raise self._not_json(exc) from None
        except CodecError as exc:
            raise MalformedContentError(name, str(exc)) from None

    def head(self) -> Package:
        """The package as its manifest describes it (no rows yet: for who may import it, and the report)."""
        return Package(path=self.path, manifest=self.manifest, rows={}, tombstones=[], evidence=self.evidence)

    def read(self) -> Package:
        """Every row read, checked and held: the package."""
        with paused_gc():
            rows = {table: list(entries) for table, entries in self.tables()}
            return self.package(rows)

    def package(self, rows: dict[str, list[IncomingRow]]) -> Package:
        """The rest of rows.json read and checked: the package (with ``rows``, those the caller kept)."""
        name, manifest, data, evidence = self.path.name, self.manifest, self._data, self.evidence
        allowed = FIELD_TABLES if manifest["kind"] == KIND_FIELD else SYNC_TABLES
        try:
            tombstones = [_parse_tombstone(name, entry, allowed) for entry in _list(name, data.get("tombstones", []))]
        except (JsonError, UnicodeDecodeError, RecursionError) as exc:
            raise self._not_json(exc) from None
        except CodecError as exc:
            raise MalformedContentError(name, str(exc)) from None
        evidence_rows = self.evidence_rows
        for sha in evidence_rows:
            if not is_sha256(sha):
                raise MalformedContentError(name, f"sidik berkas bukti “{str(sha)[:80]}” bukan SHA-256")
        for sha, content in evidence.items():
            if sha not in evidence_rows:
                raise MalformedContentError(name, f"berkas bukti {sha[:12]}… tidak dirujuk baris mana pun")
            del content
        enrolment = data.get("enrolment")
        if manifest["kind"] == KIND_MASTER:
            if not (
                isinstance(enrolment, dict)
                and set(enrolment) == {"key_id", "centre_id"}  # the secret is derived from the code, never carried
                and is_uuid(enrolment.get("key_id"))
                and is_uuid(enrolment.get("centre_id"))
            ):
                raise MalformedContentError(name, "data pendaftaran laptop tidak sah")
            enrolment = dict(enrolment)
            if self.keys is not None:
                enrolment["secret"] = self.keys.field_key(enrolment["key_id"])
        else:
            enrolment = None
        acknowledged = data.get("acknowledged", {})
        if not isinstance(acknowledged, dict) or not all(
            is_uuid(k) and isinstance(v, int) and not isinstance(v, bool) for k, v in acknowledged.items()
        ):
            raise MalformedContentError(name, "daftar paket yang sudah diterima tidak sah")
        return Package(
            path=self.path,
            manifest=manifest,
            rows=rows,
            tombstones=tombstones,
            evidence=evidence,
            enrolment=enrolment,
            acknowledged=dict(acknowledged),
            audit=audit_rows.parse(name, data.get(audit_rows.KEY)) if manifest["kind"] == KIND_FIELD else {},
        )


def _list(name: str, value: Any) -> list:
    if not isinstance(value, list):
        raise MalformedContentError(name, "daftar penghapusan tidak sah")
    return value


def _version(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**62:
        raise MalformedContentError(name, "versi baris tidak sah")
    return value


_PLAIN_ENTRY = frozenset(("id", "values"))
_pick_values = itemgetter("values")
_pick_id = itemgetter("id")
_row_id = attrgetter("id")


def _parse_rows(table: str, table_codec: TableCodec, entries: list[Any], *, picked: bool) -> list[IncomingRow] | None:
    """Entries of a table as :func:`_parse_row` gives each, their values checked a column at a time
    (:meth:`TableCodec.validate_rows`); None when any entry is not of the plain form (an object of its id and
    values only, the values an object of the table's columns exactly: a master package's) or is refused: the
    caller parses them one by one, which gives the precise message. Each check is made for the whole batch."""
    if set(map(type, entries)) != {dict} or any(set(keys) != _PLAIN_ENTRY for keys in set(map(tuple, entries))):
        return None
    values_list = list(map(_pick_values, entries))
    names = table_codec.column_names
    # each an object of as many keys as the table has columns, and (validate_rows picks them) every column there
    if set(map(type, values_list)) != {dict} or set(map(len, values_list)) != {len(names)}:
        return None
    checked = table_codec.validate_rows(values_list)
    if checked is None:
        return None
    ids = list(map(_pick_id, values_list))
    if list(map(_pick_id, entries)) != ids or not all_uuids(ids):
        return None
    return list(
        map(
            IncomingRow,
            repeat(table),
            ids,
            values_list,
            repeat(None),
            repeat(None),
            checked if picked else repeat(None),
        )
    )


class _Arrays:
    """A table's rows in its columns form (format version 2): the names checked against the table's columns when
    made (:class:`MalformedContentError`), each row an array of the cells in the names' order, checked as the
    version-1 entry ``{"id": …, "values": dict(zip(columns, row))}`` would be."""

    def __init__(self, name: str, table: str, table_codec: TableCodec, columns: list[str]) -> None:
        if "id" not in columns:
            raise MalformedContentError(name, f"tabel {table}: kolom “id” tidak ada dalam “columns”")
        unknown = [column for column in columns if column not in table_codec.column_names]
        if unknown:
            raise MalformedContentError(name, f"kolom tidak dikenal di tabel {table}: {', '.join(unknown)[:120]}")
        missing = [column for column in table_codec.columns if column not in columns]
        if missing:
            raise MalformedContentError(name, f"kolom {table}.{missing[0]} tidak ada dalam “columns”")
        self.name, self.table, self.codec, self.columns = name, table, table_codec, columns
        # the cells in the table's columns' order (None: they are in it already)
        self.in_order = None if columns == table_codec.columns else itemgetter(*map(columns.index, table_codec.columns))
        self.id_at = table_codec.columns.index("id")
        self.count = 0  # rows read so far, to name a row that has no id to name it by

    def parse_many(self, entries: list[Any], *, picked: bool) -> list[IncomingRow] | None:
        """The rows of ``entries`` checked a column at a time (:meth:`TableCodec.validate_arrays`); None when any
        is not an array as long as the columns or is refused (the caller then parses them one by one)."""
        if set(map(type, entries)) != {list} or set(map(len, entries)) != {len(self.columns)}:
            return None
        checked = self.codec.validate_arrays(entries if self.in_order is None else list(map(self.in_order, entries)))
        if checked is None:
            return None
        ids = list(map(itemgetter(self.id_at), checked))
        if not all_uuids(ids):
            return None
        self.count += len(entries)
        names = self.codec.columns
        table, none = self.table, repeat(None)
        if picked:  # the values' dicts made only if asked for (IncomingRow.values)
            return list(map(IncomingRow, repeat(table), ids, none, none, none, checked))
        values = [dict(zip(names, row, strict=True)) for row in checked]
        return list(map(IncomingRow, repeat(table), ids, values))

    def parse_one(self, entry: Any) -> IncomingRow:
        """One row, checked as its version-1 entry is (the same messages, naming the row)."""
        self.count += 1
        if not isinstance(entry, list) or len(entry) != len(self.columns):
            raise MalformedContentError(
                self.name, f"baris ke-{self.count} tabel {self.table} bukan larik {len(self.columns)} nilai"
            )
        values = dict(zip(self.columns, entry, strict=True))
        return _parse_row(self.name, self.table, self.codec, {"id": values["id"], "values": values})


def _shown_id(entry: dict[str, Any]) -> str:
    """The row's id as its entry gives it, for a message (its values' id when the entry has none)."""
    row_id = entry.get("id")
    if row_id is None and isinstance(entry.get("values"), dict):
        row_id = entry["values"].get("id")
    return row_id[:40] if isinstance(row_id, str) else repr(row_id)[:40]


def _parse_row(name: str, table: str, table_codec: TableCodec, entry: Any) -> IncomingRow:
    if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
        raise MalformedContentError(name, f"baris tabel {table} tidak sah")
    try:
        values = table_codec.validate(entry["values"], in_place=True)
    except CodecError as exc:
        raise CodecError(f"{exc} (baris {table} {_shown_id(entry)})") from None
    row_id = values["id"]
    if entry.get("id") != row_id or not is_uuid(row_id):
        raise MalformedContentError(name, f"kunci baris tabel {table} tidak sah")
    base = entry.get("base")
    if base is not None:
        try:
            base = table_codec.validate(base)
        except CodecError as exc:
            raise CodecError(f"{exc} (dasar penggabungan baris {table} {row_id})") from None
        if base["id"] != row_id:
            raise MalformedContentError(name, f"dasar penggabungan baris {table} {row_id} tidak cocok")
    return IncomingRow(table, row_id, values, base, _version(name, entry.get("base_version")))


def _parse_tombstone(name: str, entry: Any, allowed: frozenset[str]) -> IncomingTombstone:
    if not isinstance(entry, dict):
        raise MalformedContentError(name, "data penghapusan tidak sah")
    table, row_id, opd_id = entry.get("table"), entry.get("id"), entry.get("opd_id")
    if table not in allowed or not is_uuid(row_id) or not (opd_id is None or is_uuid(opd_id)):
        raise MalformedContentError(name, "data penghapusan tidak sah")
    base = entry.get("base")
    if base is not None:
        base = codec(table).validate(base)
        if base["id"] != row_id:
            raise MalformedContentError(name, "dasar penggabungan penghapusan tidak cocok")
    return IncomingTombstone(table, str(row_id), opd_id, base, _version(name, entry.get("base_version")))


def write_package(
    out: Path,
    manifest_fields: dict[str, Any],
    payload: dict[str, Any],
    evidence: dict[str, bytes],
    secret_hex: str | None,
) -> int:
    """Write a package atomically; returns its size in bytes."""
    rows_bytes = dumps(payload)
    files = {ROWS_MEMBER: file_entry(rows_bytes)}
    for sha, data in evidence.items():
        files[EVIDENCE_PREFIX + sha] = file_entry(data)
    manifest_bytes = build_manifest({**manifest_fields, "format": PACKAGE_FORMAT, "files": files})
    with atomic_zip(out, compresslevel=6) as zf:
        zf.writestr(ROWS_MEMBER, rows_bytes)
        for sha, data in evidence.items():
            write_member(zf, EVIDENCE_PREFIX + sha, data)
        zf.writestr(MANIFEST, manifest_bytes)
        if secret_hex is not None:
            zf.writestr(SIGNATURE, sign(secret_hex, manifest_bytes))
    return Path(out).stat().st_size


Emit = Callable[[bytes], None]


# Evidence files read, at most, while the second thread still deflates and writes rows.json's last pieces (the main
# thread would only wait for it): they are written after it, in the same order.
EARLY_EVIDENCE_BYTES = 16 << 20


def _read_while(
    busy: Callable[[], bool], items: Iterator[tuple[str, bytes]], budget: int
) -> Iterator[tuple[str, bytes]]:
    """Items of ``items`` taken while ``busy()``, up to ``budget`` bytes of their contents (the last one past it)."""
    while budget > 0 and busy():
        item = next(items, None)
        if item is None:
            return
        budget -= len(item[1])
        yield item


def write_package_streamed(
    out: Path,
    write_rows: Callable[[Emit], None],
    evidence: Callable[[], Iterable[tuple[str, bytes]]],
    manifest_fields: Callable[[], dict[str, Any]],
    secret_hex: str | None,
) -> int:
    """Write a package atomically without holding it whole: ``write_rows(emit)`` gives rows.json piece by piece
    (its checksum and size taken on the way), then ``evidence()`` the files one by one, each as a store gives it
    (:meth:`EvidenceStore.get_many`: only a content that hashes to its name, so the name is its checksum, not
    hashed again), then the manifest (``manifest_fields()`` called last, when the rows are counted). Returns the
    size in bytes. The first evidence files are read while rows.json's last pieces are still being written
    (:data:`EARLY_EVIDENCE_BYTES`); the members are in the same order either way.

    rows.json is checksummed, deflated and written by a second thread (:class:`WrittenBehind`) while
    ``write_rows`` makes its next piece; an evidence file compressed already is stored as it is
    (:func:`write_member`)."""
    with atomic_zip_writer(out, level=6) as zf:
        digest, size = hashlib.sha256(), 0
        with zf.open_stream(ROWS_MEMBER) as member:

            def sink(piece: bytes) -> None:
                digest.update(piece)
                member.write(piece)

            with WrittenBehind(sink) as behind:

                def emit(chunk: bytes) -> None:
                    nonlocal size
                    size += len(chunk)
                    behind.write(chunk)

                write_rows(emit)
                behind.finish()
                given = iter(evidence())
                early = list(_read_while(behind.busy, given, EARLY_EVIDENCE_BYTES))
        files = {ROWS_MEMBER: {"sha256": digest.hexdigest(), "size": size}}
        for sha, data in chain(early, given):
            write_member(zf, EVIDENCE_PREFIX + sha, data)
            files[EVIDENCE_PREFIX + sha] = {"sha256": sha, "size": len(data)}
        manifest_bytes = build_manifest({**manifest_fields(), "format": PACKAGE_FORMAT, "files": files})
        zf.writestr(MANIFEST, manifest_bytes)
        if secret_hex is not None:
            zf.writestr(SIGNATURE, sign(secret_hex, manifest_bytes))
    return Path(out).stat().st_size


__all__ = [
    "IncomingRow",
    "IncomingTombstone",
    "Package",
    "RowReader",
    "SafeZipReader",
    "codec",
    "paused_gc",
    "open_package",
    "read_package",
    "write_package",
    "write_package_streamed",
]
