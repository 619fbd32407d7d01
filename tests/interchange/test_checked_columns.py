"""A master package's stored values checked one column at a time (issue 20): the same canonical values as the
row-by-row check, and a value no package can carry still refused, naming its row (SQLite: read from the driver)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.db.sync_scope import sync_order
from kinerja_desktop.interchange.codec import CodecError
from kinerja_desktop.interchange.package import codec
from kinerja_desktop.interchange.rows import UncarriableRow, _load_rows


def _stored(demo_db, table: str) -> list[tuple]:  # noqa: ANN001
    with demo_db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(codec(table).select_sql)]


def _row_by_row(table: str, rows: list[tuple]) -> list[dict]:
    return [codec(table).from_storage(row) for row in rows]


@pytest.fixture
def sqlite_demo(demo_db):  # noqa: ANN001, ANN201
    if demo_db.engine.dialect.name != "sqlite":
        pytest.skip("rows read straight from SQLite's driver")
    return demo_db


def test_every_table_gives_the_row_by_row_values(sqlite_demo) -> None:  # noqa: ANN001
    # A weight stored in a non-canonical form ("12.50") comes out canonical ("12.5") both ways
    with sqlite_demo.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE indicator SET weight = '12.50' WHERE id = (SELECT min(id) FROM indicator)")
    checked_rows = 0
    for table in sync_order():
        rows = _stored(sqlite_demo, table)
        assert codec(table).from_storage_rows(rows) == _row_by_row(table, rows), table
        checked_rows += len(rows)
    assert checked_rows > 100
    weights = [v["weight"] for v in codec("indicator").from_storage_rows(_stored(sqlite_demo, "indicator"))]
    assert "12.5" in weights and "12.50" not in weights
    assert all(Decimal(w) == Decimal(w).normalize() or w == "0" for w in weights if w is not None)


def test_booleans_and_times_take_their_json_form(sqlite_demo) -> None:  # noqa: ANN001
    rows = codec("opd").from_storage_rows(_stored(sqlite_demo, "opd"))
    assert rows and all(type(r["is_active"]) is bool for r in rows)
    assert all("T" in r["created_at"] and " " not in r["created_at"] for r in rows)


def test_a_value_no_package_can_carry_is_refused_naming_its_row(sqlite_demo) -> None:  # noqa: ANN001
    with sqlite_demo.engine.begin() as conn:
        bad_id = conn.exec_driver_sql("SELECT id FROM opd ORDER BY sort_order LIMIT 1 OFFSET 1").scalar()
        conn.exec_driver_sql("UPDATE opd SET name = ? WHERE id = ?", ("x" * 10_000, bad_id))
    assert codec("opd").from_storage_rows(_stored(sqlite_demo, "opd")) is None
    with sqlite_demo.engine.connect() as conn, pytest.raises(UncarriableRow) as caught:
        _load_rows(conn, "opd", strict=True)
    assert caught.value.table == "opd" and caught.value.row_id == bad_id
    assert "Nama OPD terlalu panjang" in str(caught.value)
    with sqlite_demo.engine.connect() as conn:  # not strict: the row is read as it is
        assert _load_rows(conn, "opd")[bad_id]["name"] == "x" * 10_000


def test_a_column_of_mixed_types_is_checked_value_by_value(sqlite_demo) -> None:  # noqa: ANN001
    # 1 == 1.0 == True: values of different types are never grouped as one; a float in a decimal column fails
    c = codec("indicator")
    rows = _stored(sqlite_demo, "indicator")
    weight = c.columns.index("weight")
    mixed = [row[:weight] + ("1",) + row[weight + 1 :] for row in rows[:2]]
    mixed.append(rows[2][:weight] + (1.0,) + rows[2][weight + 1 :])
    assert c.from_storage_rows(mixed) is None
    with pytest.raises(CodecError, match="bilangan desimal"):
        _row_by_row("indicator", mixed)
    assert c.from_storage_rows(mixed[:2]) == _row_by_row("indicator", mixed[:2])
    assert c.from_storage_rows([]) == []


def test_picked_rows_take_the_stored_form_to_storage_gives_each(sqlite_demo) -> None:  # noqa: ANN001
    """merge.apply_setup converts picked rows a column at a time (times, binary data): the same parameters as
    :meth:`TableCodec.to_storage` row by row, for every table."""
    for table in sync_order():
        c = codec(table)
        values = _row_by_row(table, _stored(sqlite_demo, table))
        picked = [tuple(v[name] for name in c.columns) for v in values]
        assert c.picked_to_storage(picked) == [c.to_storage(v) for v in values], table


def test_values_a_set_would_merge_are_still_checked_each_by_its_type(sqlite_demo) -> None:  # noqa: ANN001
    # The types of a column of texts are read off its distinct values; any other column's off every value: a set
    # keeps one of 1, 1.0 and True, and a float in an integer column, or a number in a text column, is refused
    c = codec("indicator")
    rows = _stored(sqlite_demo, "indicator")[:3]
    version, name = c.columns.index("version"), c.columns.index("name")
    assert {row[version] for row in rows} == {1}
    as_float = [*rows[:2], rows[2][:version] + (1.0,) + rows[2][version + 1 :]]
    as_number = [*rows[:2], rows[2][:name] + (1,) + rows[2][name + 1 :]]
    for bad in (as_float, as_number):
        assert c.from_storage_rows(bad) is None
        assert c.arrays_json(bad) is None
        with pytest.raises(CodecError):
            _row_by_row("indicator", bad)
    assert c.from_storage_rows(rows) == _row_by_row("indicator", rows)


def test_a_package_value_no_set_can_hold_is_refused(sqlite_demo) -> None:  # noqa: ANN001
    # A package's cell may be a JSON list or object (not hashable): its column is checked value by value
    c = codec("opd")
    arrays = [list(c.pick(values)) for values in c.from_storage_rows(_stored(sqlite_demo, "opd"))]
    assert c.validate_arrays(arrays) is not None
    name = c.columns.index("name")
    for odd in (["Dinas"], {"nama": "Dinas"}):
        bad = [*arrays[:1], arrays[1][:name] + [odd] + arrays[1][name + 1 :]]
        assert c.validate_arrays(bad) is None
        with pytest.raises(CodecError):
            c.validate(dict(zip(c.columns, bad[1], strict=True)))
