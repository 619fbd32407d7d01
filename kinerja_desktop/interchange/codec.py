"""JSON row codec: a table row as a dict of plain JSON values, exact both ways, strictly validated.

Decimal → canonical string ("12.5", never a float), date → "YYYY-MM-DD", datetime → ISO 8601 without
zone (every stored time is UTC), enum → its value, bytes → base64, booleans and integers as JSON.
Decoding checks every value against the column's type, length and nullability; nothing is evaluated.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from itertools import repeat
from operator import is_, itemgetter
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, LargeBinary, String, Table, Text

from ..db.limits import MAX_TEXT_CHARS, limits_of
from ..db.types import EnumText, ExactDecimal

JSONValue = Any
Encoder = Callable[[Any], JSONValue]
Decoder = Callable[[JSONValue], Any]

MAX_INT = 2**63 - 1
MAX_DECIMAL_CHARS = 40
MEMO = 4096  # canonical forms remembered per column by TableCodec.validate
Memo = dict[str | int, Any]


class CodecError(ValueError):
    """A value that does not fit its column (message in Indonesian)."""


def canonical_decimal(value: Decimal) -> str:
    if value == 0:
        return "0"
    return format(value.normalize(), "f")


def _enc_decimal(value: Any) -> JSONValue:
    return None if value is None else canonical_decimal(Decimal(value))


def _enc_date(value: Any) -> JSONValue:
    return None if value is None else value.isoformat()


def _enc_bytes(value: Any) -> JSONValue:
    return None if value is None else base64.b64encode(value).decode("ascii")


def _enc_enum(value: Any) -> JSONValue:
    return None if value is None else str(getattr(value, "value", value))


def _enc_plain(value: Any) -> JSONValue:
    return value


def _encoder(column_type: Any) -> Encoder:
    if isinstance(column_type, ExactDecimal):
        return _enc_decimal
    if isinstance(column_type, EnumText):
        return _enc_enum
    if isinstance(column_type, DateTime | Date):
        return _enc_date
    if isinstance(column_type, LargeBinary):
        return _enc_bytes
    return _enc_plain


def _decoder(column: Any) -> Decoder:
    """JSON value → Python value, checked against the column's type and then its declared limits (db/limits.py)."""
    parse = _parser(column)
    limits = limits_of(column)
    where = f"{column.table.name}.{column.name}"

    def decode(value: JSONValue) -> Any:
        result = parse(value)
        problem = limits.problem(result)
        if problem:
            raise CodecError(f"{problem} (batasan kolom {where})")
        return result

    return decode


def _parser(column: Any) -> Decoder:
    ctype = column.type
    label = f"{column.table.name}.{column.name}"

    def fail(value: Any, what: str) -> CodecError:
        shown = repr(value)
        return CodecError(f"nilai {shown[:60]} pada kolom {label} bukan {what}")

    if isinstance(ctype, ExactDecimal):

        def dec(value: JSONValue) -> Decimal:
            if not isinstance(value, str) or len(value) > MAX_DECIMAL_CHARS:
                raise fail(value, "bilangan desimal")
            try:
                result = Decimal(value)
            except InvalidOperation:
                raise fail(value, "bilangan desimal") from None
            return result  # finite, and within the stored precision: db/limits.py

        return dec
    if isinstance(ctype, EnumText):
        enum_cls = ctype.enum_cls

        def enum(value: JSONValue) -> Any:
            try:
                return enum_cls(value)
            except (ValueError, TypeError):
                raise fail(value, f"salah satu dari {', '.join(m.value for m in enum_cls)}") from None

        return enum
    if isinstance(ctype, DateTime):

        def dt(value: JSONValue) -> datetime:
            try:
                result = datetime.fromisoformat(value)
            except (TypeError, ValueError):
                raise fail(value, "tanggal-waktu ISO") from None
            if result.tzinfo is not None:
                raise fail(value, "waktu UTC tanpa zona")
            return result

        return dt
    if isinstance(ctype, Date):

        def d(value: JSONValue) -> date:
            try:
                return date.fromisoformat(value)
            except (TypeError, ValueError):
                raise fail(value, "tanggal ISO") from None

        return d
    if isinstance(ctype, Boolean):

        def b(value: JSONValue) -> bool:
            if not isinstance(value, bool):
                raise fail(value, "benar/salah")
            return value

        return b
    if isinstance(ctype, Integer | BigInteger):

        def i(value: JSONValue) -> int:
            if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_INT:
                raise fail(value, "bilangan bulat")
            return value

        return i
    if isinstance(ctype, LargeBinary):

        def raw(value: JSONValue) -> bytes:
            if not isinstance(value, str):
                raise fail(value, "data base64")
            try:
                return base64.b64decode(value.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError):
                raise fail(value, "data base64") from None

        return raw
    if isinstance(ctype, String | Text):

        def s(value: JSONValue) -> str:
            if not isinstance(value, str):
                raise fail(value, "teks")
            return value  # its length and form: db/limits.py

        return s
    raise TypeError(f"no codec for {label}")  # a programming error: a new column type


def sqlite_datetime(value: datetime) -> str:
    """A datetime as SQLAlchemy's SQLite dialect stores it."""
    return value.isoformat(" ", "microseconds")


def _storage_datetime(value: str | None) -> str | None:
    """A validated (canonical: ``datetime.isoformat()``, no zone) time as :func:`sqlite_datetime` gives it, by its
    text: "YYYY-MM-DDTHH:MM:SS[.ffffff]" -> "YYYY-MM-DD HH:MM:SS.ffffff"."""
    if value is None:
        return None
    if len(value) == 19:
        return f"{value[:10]} {value[11:]}.000000"
    if len(value) == 26:
        return f"{value[:10]} {value[11:]}"
    return sqlite_datetime(datetime.fromisoformat(value))  # not canonical: parsed (never met after validate)


def _storage(column_type: Any) -> Callable[[Any], Any] | None:
    """JSON value (already validated) -> the value SQLite stores for the column; None: unchanged."""
    if isinstance(column_type, DateTime):
        return _storage_datetime
    if isinstance(column_type, LargeBinary):
        return lambda v: None if v is None else base64.b64decode(v)
    return None  # decimals, enums, dates, texts, integers and booleans are stored as their JSON form


def _from_storage_datetime(value: Any) -> Any:
    """A stored time ("YYYY-MM-DD HH:MM:SS.ffffff", as :func:`sqlite_datetime` writes it) in ISO form by its text;
    anything else parsed. Either way :meth:`TableCodec.validate` checks the result after."""
    if value is None:
        return None
    if type(value) is str and len(value) == 26 and value[10] == " " and value[19] == ".":
        return f"{value[:10]}T{value[11:19]}" if value.endswith(".000000") else f"{value[:10]}T{value[11:]}"
    return datetime.fromisoformat(value).isoformat()


def _from_storage(column_type: Any) -> Callable[[Any], Any] | None:
    """The value SQLite stores for the column -> its JSON value before :meth:`TableCodec.validate` gives the
    canonical form (decimals, enums and dates are stored as text already); None: unchanged."""
    if isinstance(column_type, DateTime):
        return _from_storage_datetime
    if isinstance(column_type, Date):
        return lambda v: None if v is None else date.fromisoformat(v).isoformat()
    if isinstance(column_type, LargeBinary):
        return lambda v: None if v is None else base64.b64encode(v).decode("ascii")
    if isinstance(column_type, Boolean):
        return lambda v: None if v is None else bool(v)
    return None


def _text_limit(column: Any) -> int | None:
    """A text column checked by its length alone (no pattern): that length, as db/limits.py reads it; else None."""
    if isinstance(column.type, ExactDecimal | EnumText) or not isinstance(column.type, String | Text):
        return None
    if "pattern" in column.info:
        return None
    return column.info.get("max_length") or getattr(column.type, "length", None) or MAX_TEXT_CHARS


class TableCodec:
    """Encode and decode the rows of one table."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = [c.name for c in table.columns]
        self._encoders = [(c.name, _encoder(c.type)) for c in table.columns]
        self._decoders = {c.name: (_decoder(c), c.nullable) for c in table.columns}
        self._storage = [(c.name, _storage(c.type)) for c in table.columns]
        self.column_names = frozenset(self.columns)
        self._from_storage = [(c.name, _from_storage(c.type)) for c in table.columns]
        self._unconverted: list[tuple[str, Callable[[Any], Any] | None]] = [(name, None) for name in self.columns]
        pick = itemgetter(*self.columns)  # a tuple of two columns or more (every table has its id and more)
        self.pick: Callable[[dict[str, Any]], tuple] = pick if len(self.columns) > 1 else lambda v: (pick(v),)
        self._validators: list[tuple[str, Decoder, bool | None, Encoder | None, Memo, int | None]] = [
            (name, *self._decoders[name], None if enc is _enc_plain or enc is _enc_enum else enc, {}, _text_limit(c))
            for (name, enc), c in zip(self._encoders, table.columns, strict=True)
        ]
        placeholders = ", ".join("?" for _ in self.columns)
        names = ", ".join(f'"{c}"' for c in self.columns)
        self.insert_sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({placeholders})'
        self.select_sql = f'SELECT {names} FROM "{table.name}"'

    def to_storage(self, values: dict[str, JSONValue]) -> tuple:
        """Validated JSON values as a tuple for :attr:`insert_sql` (SQLite only: a bulk insert's fast path)."""
        return tuple(values[name] if conv is None else conv(values[name]) for name, conv in self._storage)

    def picked_to_storage(self, rows: list[tuple]) -> list[tuple]:
        """Rows of validated JSON values already in the columns' order, as :meth:`to_storage` gives each, for
        :attr:`insert_sql`: the columns SQLite stores in another form (times, binary data) converted a column at
        a time (a bulk insert of picked rows: merge.apply_setup)."""
        converted = [(i, conv) for i, (_name, conv) in enumerate(self._storage) if conv is not None]
        if not converted or not rows:
            return rows
        columns = list(zip(*rows, strict=True))
        for i, conv in converted:
            column = columns[i]
            distinct = set(column)  # texts or None (validated): each distinct one converted once
            if len(distinct) * 2 < len(column):
                columns[i] = tuple(map({value: conv(value) for value in distinct}.__getitem__, column))
            else:
                columns[i] = tuple(map(conv, column))
        return list(zip(*columns, strict=True))

    def from_storage(self, row: tuple) -> dict[str, JSONValue]:
        """A row of :attr:`select_sql` read straight from SQLite, checked and in canonical form (a master
        package's hot path: no SQLAlchemy type processing, each distinct text decoded once per column)."""
        pairs = zip(self._from_storage, row, strict=True)
        values = {name: value if conv is None else conv(value) for (name, conv), value in pairs}
        return self.validate(values, in_place=True)

    def _checked_columns(
        self, rows: Sequence[Sequence[Any]], stored: bool = True
    ) -> list[tuple[Sequence[Any], Any]] | None:
        """Rows of :attr:`select_sql` read straight from SQLite (with ``stored`` False: rows of JSON values in
        the columns' order, as a package carries them, checked as :meth:`validate` checks each; no conversion
        from storage), checked one column at a time: per column (its
        stored values, their canonical forms), the forms a dict of each distinct stored value to its form (a
        column of one type besides None), or the list of the forms in row order, or None: every value is a text
        that is its own canonical form (a text column checked by its length alone, each value within it, no
        NUL, no None: what :meth:`validate` lets pass as it is, told for the column at once), or :data:`PLAIN`:
        the same, and no value holds a character JSON escapes (a stored column told so by the texts joined, no
        set of them made: a column of ids holds as many distinct values as rows). Each distinct
        stored value is converted and checked once, exactly as :meth:`from_storage` does it. None when a value
        fails (or cannot be grouped safely and fails): the caller reads the rows one by one, which names the row
        and gives the precise message.

        Values are grouped by equality only in a column whose values are all ``str`` (or all ``int``, or all
        ``bool``: a package's booleans) besides None: ``1 == 1.0 == True`` must not merge an integer with another
        type.
        """
        checked: list[tuple[Sequence[Any], Any]] = []
        conversions = self._from_storage if stored else self._unconverted
        for column, (name, conv), (_, decode, nullable, canonical, memo, text_limit) in zip(
            zip(*rows, strict=True), conversions, self._validators, strict=True
        ):
            remembered = {} if stored else memo  # a package's values: validate's memo (the same canonical forms)

            def canon(raw: Any) -> JSONValue:
                value = raw if conv is None else conv(raw)  # noqa: B023
                if value is None:
                    if not nullable:  # noqa: B023
                        raise CodecError(f"kolom {self.table.name}.{name} tidak boleh kosong")  # noqa: B023
                    return None
                if text_limit is not None and type(value) is str and len(value) <= text_limit and "\x00" not in value:  # noqa: B023
                    return value
                return _canonical_form(value, decode, canonical, remembered)  # noqa: B023

            if stored and conv is None and text_limit is not None:  # a text column checked by its length alone
                try:
                    joined = "".join(column)  # each a text (as the driver gives it: a str), or a TypeError
                except TypeError:  # None or another type among them: the general way below
                    joined = None
                if joined is not None and max(map(len, column)) <= text_limit:
                    if _plain(joined):  # no NUL, nothing JSON escapes
                        checked.append((column, PLAIN))
                        continue
                    if "\x00" not in joined:
                        checked.append((column, None))
                        continue
                del joined
            kinds, distinct = _kinds(column)
            grouped = kinds - _NONE
            if distinct is not None and not (len(grouped) <= 1 and grouped <= {str, int, bool}):
                distinct = None
            if kinds == _STR and conv is None and text_limit is not None and distinct is not None:
                if max(map(len, distinct)) <= text_limit and "\x00" not in "".join(distinct):
                    checked.append((column, None))
                    continue
            try:
                if distinct is not None:
                    checked.append((column, {raw: canon(raw) for raw in distinct}))
                else:
                    checked.append((column, [canon(raw) for raw in column]))
            except (ValueError, TypeError):  # CodecError, or a stored text a conversion cannot parse
                return None
        return checked

    def from_storage_rows(self, rows: Sequence[Sequence[Any]]) -> list[dict[str, JSONValue]] | None:
        """Rows of :attr:`select_sql` read straight from SQLite, checked and in canonical form, as
        :meth:`from_storage` gives each (:meth:`_checked_columns`: each distinct stored value of a column checked
        once, every row then given its value's canonical form); None when a value fails."""
        if not rows:
            return []
        checked = self._checked_columns(rows)
        if checked is None:
            return None
        values: list[Any] = []
        for column, forms in checked:
            if isinstance(forms, list):
                values.append(forms)
            elif forms is None or forms is PLAIN or _same_forms(forms):
                values.append(column)
            else:
                values.append(map(forms.__getitem__, column))
        names = self.columns
        return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]

    def arrays_json(self, rows: Sequence[Sequence[Any]], size: int = 2_000) -> Iterator[str] | None:
        """Rows of :attr:`select_sql` read straight from SQLite, checked as :meth:`from_storage_rows` checks them,
        as the text of a version-2 package's arrays (``"values"`` of the table's columns form): each row's
        canonical values in :attr:`columns`' order, exactly as :func:`dumps` writes that list, ``size`` rows at a
        time joined by commas. None when a value fails (before any text is given). No row is made a dict: each
        distinct value of a column is written as JSON once."""
        if not rows:
            return iter(())
        checked = self._checked_columns(rows)
        if checked is None:
            return None
        # per column: a function from a stored value to its JSON text, or the texts in row order, or None: every
        # value a text written as it is between quotes (its own canonical form, nothing JSON escapes in it: the
        # quotes are then written with the separators); the canonical forms themselves are let go of when this
        # returns (only their texts and the stored columns are kept)
        texts: list[Any] = []
        columns = [column for column, _forms in checked]
        for _column, forms in checked:
            if isinstance(forms, list):
                texts.append([json_value(form) for form in forms])
            elif forms is PLAIN:
                texts.append(None)
            elif forms is None or None not in forms and _unchanged(forms) and type(next(iter(forms))) is str:
                plain = forms is not None and _plain("".join(forms))  # the distinct texts
                texts.append(None if plain else _encode_text)  # texts that are their own canonical form (ids, names)
            else:
                texts.append({raw: json_value(form) for raw, form in forms.items()}.__getitem__)
        # a row's slots: its opening, then each cell and what follows it (a comma, the quotes around a plain text)
        quoted = ['"' if text is None else "" for text in texts]
        following = [q + "," + after for q, after in zip(quoted, quoted[1:], strict=False)] + [quoted[-1] + "]"]
        stride = 2 * len(texts) + 1

        def chunks() -> Iterator[str]:
            for start in range(0, len(rows), size):
                end = min(start + size, len(rows))
                slots: list[Any] = [None] * (stride * (end - start))
                slots[0::stride] = repeat(",[" + quoted[0], end - start)
                slots[0] = "[" + quoted[0]
                for i, (text, column) in enumerate(zip(texts, columns, strict=True)):
                    if text is None:
                        slots[2 * i + 1 :: stride] = column[start:end]
                    elif isinstance(text, list):
                        slots[2 * i + 1 :: stride] = text[start:end]
                    else:
                        slots[2 * i + 1 :: stride] = map(text, column[start:end])
                    slots[2 * i + 2 :: stride] = repeat(following[i], end - start)
                yield "".join(slots)

        return chunks()

    def _canonical_columns(self, picked: Sequence[Sequence[Any]]) -> list[tuple[Sequence[Any], Sequence[Any]]] | None:
        """Rows of JSON values in the columns' order (each as long as :attr:`columns`), checked as :meth:`validate`
        checks each, a column at a time (:meth:`_checked_columns`: each distinct value of a column checked once):
        per column (its values, their canonical forms in row order: the values themselves, the same object, when
        each is its canonical form already). None when a value fails."""
        checked = self._checked_columns(picked, stored=False)
        if checked is None:
            return None
        result: list[tuple[Sequence[Any], Sequence[Any]]] = []
        for column, forms in checked:
            if forms is None or forms is PLAIN or (
                _same_forms(forms) if isinstance(forms, dict) else all(map(is_, forms, column))
            ):
                result.append((column, column))  # every value its canonical form already (a list: booleans, mixed)
            else:
                result.append((column, forms if isinstance(forms, list) else list(map(forms.__getitem__, column))))
        return result

    def validate_rows(self, rows: list[dict[str, JSONValue]]) -> list[tuple] | None:
        """:meth:`validate` with ``in_place`` of each of ``rows`` (a package's, each with as many keys as the table
        has columns: the caller checks that; a column missing gives None here), a column at a time
        (:meth:`_canonical_columns`). Returns each row's canonical values picked in the columns' order; None when a
        value fails (nothing changed in the rows then): the caller checks the rows one by one, which names the row
        and gives the precise message."""
        try:
            picked = list(map(self.pick, rows))
        except KeyError:  # a column missing
            return None
        checked = self._canonical_columns(picked) if picked else []
        if checked is None:
            return None
        changed = False
        for name, (column, canonical) in zip(self.columns, checked, strict=False):
            if canonical is not column:
                changed = True
                for row, form in zip(rows, canonical, strict=True):
                    row[name] = form
        return list(map(self.pick, rows)) if changed else picked

    def validate_arrays(self, rows: Sequence[Sequence[Any]]) -> list[tuple] | None:
        """Rows of JSON values in the columns' order (a version-2 package's arrays, each as long as :attr:`columns`:
        the caller checks that), checked as :meth:`validate` checks each, a column at a time
        (:meth:`_canonical_columns`): each row's canonical values as a tuple in the columns' order, as
        :meth:`validate_rows` gives them; None when a value fails (the caller checks the rows one by one)."""
        checked = self._canonical_columns(rows) if rows else []
        if checked is None:
            return None
        return list(zip(*(canonical for _column, canonical in checked), strict=True))

    def encode(self, row: Any) -> dict[str, JSONValue]:
        """A Core row (or mapping) to JSON values."""
        mapping = row._mapping if hasattr(row, "_mapping") else row
        return {name: enc(mapping[name]) for name, enc in self._encoders}

    def decode(self, values: Any) -> dict[str, Any]:
        """JSON values to Python values for an insert; every column must be present and valid."""
        if not isinstance(values, dict):
            raise CodecError(f"baris tabel {self.table.name} bukan objek JSON")
        unknown = set(values) - set(self._decoders)
        if unknown:
            raise CodecError(f"kolom tidak dikenal di tabel {self.table.name}: {', '.join(sorted(unknown))[:120]}")
        result: dict[str, Any] = {}
        for name, (dec, nullable) in self._decoders.items():
            if name not in values:
                raise CodecError(f"kolom {self.table.name}.{name} tidak ada")
            value = values[name]
            if value is None:
                if not nullable:
                    raise CodecError(f"kolom {self.table.name}.{name} tidak boleh kosong")
                result[name] = None
            else:
                result[name] = dec(value)
        return result

    def validate(self, values: Any, *, in_place: bool = False) -> dict[str, JSONValue]:
        """Check JSON values and return them in canonical form (decode, then encode what has a form); with
        ``in_place`` the canonical forms replace the values in ``values`` itself (a package's rows: one dict each).

        A text or integer value met before in the same column (a decimal, a date, an enum, a repeated name, a
        year) is not decoded again: its canonical form is remembered (up to MEMO values per column; looked up only
        for a value whose type is exactly ``str`` or ``int``: ``True == 1`` must not find an integer's entry).
        """
        if not isinstance(values, dict) or values.keys() != self.column_names:
            self.decode(values)  # raises the precise message
        result: dict[str, JSONValue] = values if in_place else {}
        for name, decode, nullable, canonical, memo, text_limit in self._validators:
            value = values[name]
            if value is None:
                if not nullable:
                    raise CodecError(f"kolom {self.table.name}.{name} tidak boleh kosong")
                result[name] = None
            elif text_limit is not None and type(value) is str and len(value) <= text_limit and "\x00" not in value:
                result[name] = value  # a text within its limits (what decode would check, without a pattern)
            else:
                result[name] = _canonical_form(value, decode, canonical, memo)
        return result


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_encode_text = json.encoder.encode_basestring  # a str as JSON text, as _ENCODER writes it (ensure_ascii=False)
# the UTF-8 bytes of what _encode_text writes otherwise than as it is (json.encoder.ESCAPE: the control characters,
# the quote and the backslash; every byte of another character's UTF-8 form is 0x20 or more and none of these)
_ESCAPED = bytes(range(0x20)) + b'"\\'


def _plain(text: str) -> bool:
    """Whether ``text`` holds no character JSON escapes (:data:`_ESCAPED`): ``_encode_text(text)`` is the text
    between quotes. Told from its UTF-8 bytes with those bytes deleted (a C loop over bytes, a few times faster
    than a regular expression or the encoding itself); a text UTF-8 cannot encode (a lone surrogate) is not."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return len(data.translate(None, _ESCAPED)) == len(data)


def _canonical_form(value: Any, decode: Decoder, canonical: Encoder | None, memo: Memo) -> JSONValue:
    """A value (not None) checked and in canonical form: decoded (which checks it), then encoded where the column
    has a form. A text or an integer met before in ``memo`` (a column's) is not decoded again: its form is
    remembered, up to MEMO values (looked up only for a value whose type is exactly ``str`` or ``int``:
    ``True == 1`` must not find an integer's entry)."""
    exact = type(value) is str or type(value) is int
    if exact and (known := memo.get(value)) is not None:
        return known
    decoded = decode(value)
    form = value if canonical is None else canonical(decoded)
    if exact and len(memo) < MEMO:
        memo[value] = form
    return form


# a stored text column's forms (TableCodec._checked_columns) when each value is a text that is its own canonical
# form and none holds a character JSON escapes: written between quotes as it is
PLAIN: Any = object()

_NONE, _STR, _TEXTS = frozenset({type(None)}), frozenset({str}), frozenset({str, type(None)})


def _kinds(column: Sequence[Any]) -> tuple[set[type], set[Any] | None]:
    """(the types of a column's values, its distinct values or None when they are not hashable). The types are
    read off the distinct values when those are only texts and None (no value of another type equals a text or
    None, so none was merged away); otherwise off every value (``1 == 1.0 == True``: a set keeps one of them)."""
    try:
        distinct: set[Any] | None = set(column)
    except TypeError:  # a package's list or object: checked value by value
        distinct = None
    kinds = set(map(type, distinct)) if distinct is not None else None
    if kinds is None or not kinds <= _TEXTS:
        kinds = set(map(type, column))
    return kinds, distinct


def _unchanged(forms: dict[Any, Any]) -> bool:
    """Every stored value is its canonical form itself (the same object: a text or integer that passed as it is)."""
    return all(map(is_, forms, forms.values()))


def _same_forms(forms: dict[Any, Any]) -> bool:
    """Every value is its canonical form already (the same object, or equal and of the same type)."""
    return _unchanged(forms) or all(type(f) is type(r) and f == r for r, f in forms.items())


def json_value(value: JSONValue) -> str:
    """One canonical JSON value as :func:`dumps` writes it (text, not bytes)."""
    kind = type(value)
    if kind is str:
        return _encode_text(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    return _ENCODER.encode(value)


def dumps(data: Any) -> bytes:
    """Canonical JSON bytes (sorted keys, UTF-8)."""
    return _ENCODER.encode(data).encode("utf-8")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"nilai JSON tidak sah: {name}")


def loads(raw: bytes) -> Any:
    """Parse JSON strictly: UTF-8 only, no NaN/Infinity, no duplicate keys."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise ValueError(f"kunci ganda “{key[:40]}”")
            result[key] = value
        return result

    text = raw.decode("utf-8")
    return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=_refuse_constant)
