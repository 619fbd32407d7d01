"""rows.json read piece by piece: one row entry at a time, without ever holding the document as one text.

A master package's rows.json is tens of MB; ``json.loads`` of it holds the text (twice the bytes once a single
character is outside Latin-1) and every row at once. :class:`RowsDocument` walks the top two levels itself
(``{"rows": {"<table>": [entry, …]}, …}``) and parses each entry with the standard decoder, on a window of text
decoded from the bytes a MB at a time. The rules are those of :func:`codec.loads`: UTF-8 only, no NaN or
Infinity, no duplicate key at any level, nothing after the document; a violation raises :class:`JsonError`.
Members other than ``rows`` are small and parsed whole, wherever they stand.

In a package of format version 2 (``columns_form``) a table's value may also be its columns form:
``{"columns": [name, …], "values": [[cell, …], …]}``, exactly these two members in this order; the table's
entries are then its rows' arrays (:class:`ColumnsTable`, with the column names), read as entries are.
Only what the text's structure says is checked here (the names against the table: interchange/package.py).

A table's entries are decoded many at a time (:meth:`RowsDocument._batches`): the text from an entry's start to
the last ``},{"`` (or ``}, {"``) within :data:`BATCH` characters of the window is decoded as one list
(``[`` + it + ``]``). That decode succeeds only when the cut is between two entries of the table's list (a cut
inside an entry leaves a bracket or a string open), and then gives exactly the entries the one-at-a-time decode
gives (the same decoder, from the same first character: a JSON value ends where its own text says). When it
fails, for whatever reason, the entries up to the cut are read one at a time, which gives the precise message.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain
from typing import Any

WINDOW = 1 << 20  # bytes decoded at a time (doubled for an entry longer than that)
RELEASE = 8 << 20  # bytes read that are let go of at once (a bytearray given is consumed from the front)
BATCH = 1 << 18  # characters of a table's entries decoded in one call at most
_SPACE = " \t\n\r"
# what stands between two entries that are objects (their first key next): without spaces (a package as Kinerja
# writes it), or as Python's json.dumps separates items by default; and between two rows of a table's columns form
_BETWEEN = ('},{"', '}, {"')
_BETWEEN_ARRAYS = ("],[", "], [")


class JsonError(ValueError):
    """rows.json is not valid JSON (message as json's, in the caller's words)."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"nilai JSON tidak sah: {name}")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ValueError(f"kunci ganda “{key[:40]}”")
            seen.add(key)
    return result


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)


class RowsDocument:
    """The top-level object of rows.json, walked once from the front.

    :meth:`tables` yields ``(table, entries)`` in the file's order, ``entries`` an iterator of that table's parsed
    entries (consume it before asking for the next table); :meth:`get` gives another top-level member (the rest of
    the document is read, and checked, first). ``rows`` missing or not an object, a table's value not a list:
    :class:`NotRows` / :class:`NotAList`.
    """

    def __init__(self, raw: bytes | bytearray, columns_form: bool = False) -> None:
        self._raw = raw
        self._columns_form = columns_form
        self._cut = 0  # bytes let go of from the front of a bytearray
        self._text = ""
        self._start = 0  # byte offset of self._text[0]
        self._i = 0  # position in self._text
        self._size = WINDOW
        self._members: dict[str, Any] = {}
        self._seen: set[str] = set()
        self._walked_rows = False
        self._closed = False  # the top-level object's "}" read
        self._done = False
        self._full = False
        self._expect("{")
        self._first = True

    # --- reading the text window

    def _refill(self, grow: bool = False) -> bool:
        """Decode a new window starting at the current position; False when there is nothing more."""
        offset = self._start + len(self._text[: self._i].encode("utf-8")) - self._cut  # in self._raw
        if offset >= RELEASE and isinstance(self._raw, bytearray):
            del self._raw[:offset]
            self._cut += offset
            offset = 0
        if grow:
            self._size *= 2
        end = min(offset + self._size, len(self._raw))
        while end < len(self._raw) and end > offset and (self._raw[end] & 0xC0) == 0x80:
            end -= 1  # never cut a character in two
        full = end >= len(self._raw)
        try:
            self._text = self._raw[offset:end].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JsonError(f"bukan UTF-8 ({exc.reason})") from None
        self._start, self._i = offset + self._cut, 0
        self._full = full
        return offset < end

    def _peek(self) -> str:
        """The next character that is not white space ('' at the end of the document)."""
        while True:
            text, i = self._text, self._i
            while i < len(text) and text[i] in _SPACE:
                i += 1
            self._i = i
            if i < len(text):
                return text[i]
            if not self._refill():
                return ""

    def _expect(self, char: str) -> None:
        found = self._peek()
        if found != char:
            shown = f"“{found}”" if found else "akhir berkas"
            raise JsonError(f"diharapkan “{char}”, ditemukan {shown}")
        self._i += 1

    def _value(self) -> Any:
        """One JSON value at the current position (the window grows until it holds it whole)."""
        self._peek()
        grown = False
        while True:
            try:
                value, end = _DECODER.raw_decode(self._text, self._i)
            except json.JSONDecodeError as exc:
                if self._full:
                    raise JsonError(f"{exc.msg}: baris {exc.lineno} kolom {exc.colno}") from None
                end = -1
            except ValueError as exc:  # a duplicate key or a constant
                raise JsonError(str(exc)) from None
            if end != -1 and (end < len(self._text) or self._full):
                self._i = end
                return value
            self._refill(grow=grown)  # the value runs past the window: read on from its start
            grown = True

    # --- the structure

    def _key(self) -> str | None:
        """The next key of the current object, or None at its end."""
        if self._peek() == "}":
            self._i += 1
            return None
        if not self._first:
            self._expect(",")
        self._first = False
        if self._peek() != '"':
            raise JsonError("kunci objek tidak sah")
        key = self._value()
        self._expect(":")
        return key

    def tables(self, batched: bool = False) -> Iterator[tuple[str, Iterator[Any]]]:
        """(table, its entries one by one), or with ``batched`` (table, lists of its entries in order)."""
        while not self._walked_rows:
            key = self._key()
            if key is None:
                self._closed = True
                raise NotRows()
            self._claim(key, self._seen)
            if key != "rows":
                self._members[key] = self._value()
                continue
            self._walked_rows = True
            if self._peek() != "{":
                raise NotRows()
            self._i += 1
            self._first = True
            tables: set[str] = set()
            while (table := self._key()) is not None:
                self._claim(table, tables)
                opening = self._peek()
                if opening == "{":
                    if not self._columns_form:
                        raise BadColumns(
                            f"baris tabel {table} berbentuk kolom, yang hanya dikenal paket format versi 2 ke atas"
                        )
                    self._i += 1
                    columns = self._columns_head(table)
                    entries = self._batches(_BETWEEN_ARRAYS)
                    yield table, ColumnsTable(columns, entries if batched else chain.from_iterable(entries))
                    for _left in entries:  # not consumed by the caller: still checked
                        pass
                    if (extra := self._key()) is not None:
                        raise BadColumns(f"tabel {table}: anggota “{str(extra)[:40]}” tidak dikenal")
                    continue
                if opening != "[":
                    raise NotAList(table)
                self._i += 1
                entries = self._batches(_BETWEEN)
                yield table, entries if batched else chain.from_iterable(entries)
                for _left in entries:  # not consumed by the caller: still checked
                    pass
            self._first = False  # back in the top-level object, after "rows"

    def _columns_head(self, table: str) -> list[str]:
        """A table's columns form read up to its rows' list (its "[" consumed): the column names."""
        self._first = True
        key = self._key()
        if key != "columns":
            shown = "tidak ada" if key is None else "harus anggota pertama"
            raise BadColumns(f"tabel {table}: “columns” {shown}")
        columns = self._value()
        if not isinstance(columns, list) or not all(isinstance(name, str) for name in columns):
            raise BadColumns(f"“columns” tabel {table} bukan daftar nama kolom")
        if len(set(columns)) != len(columns):
            twice = next(name for i, name in enumerate(columns) if name in columns[:i])
            raise BadColumns(f"kolom “{twice[:40]}” disebut dua kali dalam “columns” tabel {table}")
        key = self._key()
        if key != "values":
            shown = "tidak ada" if key is None else f"harus menyusul “columns” (ditemukan “{str(key)[:40]}”)"
            raise BadColumns(f"tabel {table}: “values” {shown}")
        if self._peek() != "[":
            raise BadColumns(f"“values” tabel {table} bukan daftar")
        self._i += 1
        return columns

    def _batches(self, between: tuple[str, ...]) -> Iterator[list[Any]]:
        """The current table's entries, as many at a time as :meth:`_batch` decodes (one at a time otherwise);
        ``between``: what stands between two of them."""
        if self._peek() == "]":
            self._i += 1
            return
        single_until = -1  # a batch failed: its entries are read one at a time up to there (see _batch)
        while True:
            batch = self._batch(between) if self._start + self._i >= single_until else None
            if batch is None:
                batch = [self._value()]
            elif isinstance(batch, int):
                single_until = batch
                batch = [self._value()]
            yield batch
            following = self._peek()
            self._i += 1
            if following == "]":
                return
            if following != ",":
                raise JsonError("diharapkan “,” atau “]” dalam daftar baris")

    def _batch(self, betweens: tuple[str, ...]) -> list[Any] | int | None:
        """The entries from the current position (an entry's start) to the last ``},{"`` (or ``}, {"``) within
        BATCH characters, decoded as one list (or those up to the table's end when the list closes before the cut:
        the cut was in a later table); None when there is no such cut in the window. When the decode fails: where
        the cut stands, as the window's byte offset plus characters into it (in a later window, at or before the
        cut's place: at worst a batch is tried again, after at least one entry read alone), read one at a time
        until there."""
        text, i = self._text, self._i
        for between in betweens:
            cut = text.rfind(between, i, i + BATCH)
            if cut != -1:
                break
        else:
            return None
        piece = f"[{text[i : cut + 1]}]"
        try:
            entries, end = _DECODER.raw_decode(piece)
        except (ValueError, RecursionError):  # JSONDecodeError, a duplicate key, a constant
            return self._start + cut + 1
        if not entries:  # no entry where one must stand (a comma before "]"): the one-at-a-time message
            return None
        # the list closed before the piece's end: at the table's own "]" (the cut was in a later table)
        self._i = i + end - 2 if end != len(piece) else cut + 1  # at the "]", or the comma after the last entry
        return entries

    @staticmethod
    def _claim(key: str, seen: set[str]) -> None:
        if key in seen:
            raise JsonError(f"kunci ganda “{key[:40]}”")
        seen.add(key)

    def _finish(self) -> None:
        if self._done:
            return
        while not self._closed and (key := self._key()) is not None:
            self._claim(key, self._seen)
            self._members[key] = self._value()
        self._closed = True
        if self._peek() != "":
            raise JsonError("ada data sesudah akhir dokumen")
        self._done = True
        self._raw = bytearray()
        self._text = ""

    def get(self, key: str, default: Any = None) -> Any:
        """A top-level member other than ``rows`` (call after :meth:`tables` is exhausted)."""
        self._finish()
        return self._members.get(key, default)


class NotRows(JsonError):
    """The document has no ``rows`` object."""


class BadColumns(JsonError):
    """A table's columns form is malformed, or stands in a package whose version does not allow it (the message
    says which, in Indonesian)."""


class ColumnsTable(Iterator[Any]):
    """A table's entries given in its columns form: its rows' arrays (or lists of them), with the column names."""

    def __init__(self, columns: list[str], entries: Iterator[Any]) -> None:
        self.columns = columns
        self._entries = entries

    def __next__(self) -> Any:
        return next(self._entries)


class NotAList(JsonError):
    """A table's rows are not a list."""

    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table
