"""A master export's text columns told plain (``codec.PLAIN``: every value a text within its column's length, no
NUL, nothing JSON escapes) are written between quotes as they are, the quotes with the separators; every other
column as before. The text is byte for byte what dumping each row checked into its dict gives, whatever mix of
plain and other columns, wherever they stand in the row and wherever the rows are cut into pieces; a value no
package carries still makes the whole table refused (the caller then names the row)."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, Text

from kinerja_desktop.interchange.codec import PLAIN, TableCodec, _encode_text, _plain, dumps

_TABLE = Table(
    "plain_probe",
    MetaData(),
    Column("id", String(36), primary_key=True),
    Column("name", String(12), nullable=False),
    Column("note", Text, nullable=True),
    Column("year", Integer, nullable=False),
    Column("last", String(8), nullable=False),
)
CODEC = TableCodec(_TABLE)


def _dumped(rows: list[tuple]) -> str:
    """The plain way: each row checked into its dict (``from_storage``), its values dumped as an array."""
    return dumps([CODEC.pick(CODEC.from_storage(row)) for row in rows])[1:-1].decode("utf-8")


def _rows(names: list[str], notes: list[str | None], lasts: list[str]) -> list[tuple]:
    return [
        (f"id-{i:04d}", name, note, 2020 + i % 3, last)
        for i, (name, note, last) in enumerate(zip(names, notes, lasts, strict=True))
    ]


CASES = {
    "all plain, first and last column plain": _rows(["Dinas A", "Dinas B", "Dinas A"], ["x", "y", "z"], list("abc")),
    "plain non-ASCII": _rows(["Dinas ü ✓", "😀 Badan", "é"], ["ß", "—", "ñ"], ["ü", "✓", "😀"]),
    "escapes in the first and last plain columns": [
        ('id-"0"', "tab\there", "a\\b", 2021, 'q"'),
        ("id-\n1", "ok", "ok", 2022, "\x1f"),
    ],
    "a None among the texts (nullable)": _rows(["Dinas A", "Dinas B", "Dinas C"], [None, "y", None], ["a", "b", "c"]),
    "every note None": _rows(["A", "B"], [None, None], ["a", "b"]),
    "one row": _rows(["Dinas A"], ["catatan"], ["z"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_text_is_the_rows_dumped(case: str) -> None:
    rows = CASES[case]
    for size in (1, 2, 1_000):
        arrays = CODEC.arrays_json(rows, size)
        assert arrays is not None
        pieces = list(arrays)
        assert len(pieces) == -(-len(rows) // size)
        text = ",".join(pieces)
        # THEN byte for byte what dumping each row's dict gives, and JSON that reads back as the rows
        assert text == _dumped(rows), (case, size)
        assert [tuple(row) for row in json.loads("[" + text + "]")] == [tuple(row) for row in rows]


def test_which_columns_are_told_plain() -> None:
    rows = CASES["escapes in the first and last plain columns"] + _rows(["A"], [None], ["b"])
    checked = CODEC._checked_columns(rows)
    assert checked is not None
    forms = dict(zip(CODEC.columns, (forms for _column, forms in checked), strict=True))
    # texts within their length: plain unless one of them holds a character JSON escapes (then as before)
    assert forms["id"] is None and forms["name"] is None and forms["last"] is None
    assert forms["note"] is not PLAIN and forms["note"] is not None  # a None among them: the general way
    plain = CODEC._checked_columns(CASES["plain non-ASCII"])
    assert plain is not None
    assert [forms is PLAIN for _column, forms in plain] == [True, True, True, False, True]


@pytest.mark.parametrize(
    ("column", "value"),
    [("name", "x" * 13), ("name", "nul\x00"), ("last", "panjang sekali"), ("name", None), ("name", 12)],
)
def test_a_value_no_package_carries_refuses_the_table(column: str, value: object) -> None:
    rows = [list(row) for row in CASES["all plain, first and last column plain"]]
    rows[1][CODEC.columns.index(column)] = value
    assert CODEC.arrays_json([tuple(row) for row in rows]) is None
    assert CODEC.from_storage_rows([tuple(row) for row in rows]) is None


def test_plain_is_told_as_json_escapes_every_character() -> None:
    # every character, alone and among others: plain exactly when the JSON text is the text between quotes
    for code in [*range(0, 0x800), *range(0xD7F0, 0xD800), *range(0xE000, 0xE100), 0xFFFF, 0x10000, 0x10FFFF]:
        char = chr(code)
        for text in (char, f"ab{char}é", f"{char}{char}"):
            assert _plain(text) is (_encode_text(text) == f'"{text}"'), hex(code)
    assert _plain("") and _plain("Dinas Kesehatan – ü ✓ 😀")
    assert not _plain("\ud800")  # a lone surrogate (UTF-8 cannot encode it): never plain
    printable = "".join(map(chr, range(0x20, 0x7F))).replace('"', "").replace("\\", "")
    assert _plain(printable) and re.fullmatch(r'"[^"\\]*"', _encode_text(printable))
