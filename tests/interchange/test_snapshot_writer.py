"""A table's snapshot (the merge bases of a laptop set up from a master package) written batch by batch, its
pieces deflated by a second thread: the same text as deflating each piece at once, read back by the readers."""

from __future__ import annotations

import base64
import json
import multiprocessing
import os
import zlib
from typing import Any

import pytest

from kinerja_desktop.interchange.rows import SnapshotWriter, _decode_snapshot, _encode_snapshot

COLUMNS = ["id", "name", "year", "target", "note"]


def _batches(count: int, size: int, prefix: str) -> list[dict[str, list[Any]]]:
    return [
        {
            f"{prefix}-{b}-{i}": [f"{prefix}-{b}-{i}", f"Indikator kinerja {b} {i} é", 2020 + i % 5, i * 1.5, None]
            for i in range(size)
        }
        for b in range(count)
    ]


def _at_once(columns: list[str], batches: list[dict[str, list[Any]]], level: int) -> str:
    """The text as the writer made it before its pieces went to a second thread: each deflated as it came."""
    z = zlib.compressobj(level)
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
    parts = [z.compress(f'{{"columns":{encode(columns)},"rows":{{'.encode())]
    pieces = [encode(batch)[1:-1] for batch in batches if batch]
    parts += [z.compress(("," if n else "").encode() + piece.encode()) for n, piece in enumerate(pieces)]
    parts += [z.compress(b"}}"), z.flush()]
    return base64.b64encode(b"".join(parts)).decode("ascii")


@pytest.mark.parametrize(("count", "size"), [(0, 0), (1, 3), (3, 2000), (12, 700)])
@pytest.mark.parametrize("level", [1, 6])
def test_the_text_is_the_bytes_of_each_piece_deflated_at_once(count: int, size: int, level: int) -> None:
    # GIVEN batches small (deflated at once) and large (≥ 64 kB of JSON: handed to the second thread)
    batches = _batches(count, size, "a")
    writer = SnapshotWriter(COLUMNS, level)
    for batch in [*batches, {}]:
        writer.add(batch)
    # WHEN the snapshot's text is taken
    text = writer.text()
    # THEN it is byte for byte the text of before, and reads back as every row given
    assert text == _at_once(COLUMNS, batches, level)
    columns, rows = _decode_snapshot(text)
    assert columns == COLUMNS
    assert rows == {row_id: values for batch in batches for row_id, values in batch.items()}


def test_writers_used_in_turn_each_keep_their_own_rows() -> None:
    # GIVEN two tables' writers given their batches in turn (one deflating thread for both)
    first, second = SnapshotWriter(COLUMNS, 1), SnapshotWriter(COLUMNS, 1)
    a, b = _batches(6, 1500, "a"), _batches(6, 1500, "b")
    for batch_a, batch_b in zip(a, b, strict=True):
        first.add(batch_a)
        second.add(batch_b)
    # THEN each text holds its own rows, in its own order
    assert second.text() == _at_once(COLUMNS, b, 1)
    assert first.text() == _at_once(COLUMNS, a, 1)


def test_the_text_of_a_whole_table_at_once_is_still_read() -> None:
    """The form written before the snapshots were written batch by batch (level 6, one JSON document): a laptop set
    up then keeps it, and reads it as before."""
    rows = {row_id: values for batch in _batches(2, 50, "lama") for row_id, values in batch.items()}
    assert _decode_snapshot(_encode_snapshot(COLUMNS, rows)) == (COLUMNS, rows)


def _write_in_child(queue: Any) -> None:
    batches = _batches(3, 2000, "anak")
    writer = SnapshotWriter(COLUMNS, 1)
    for batch in batches:
        writer.add(batch)
    queue.put(writer.text() == _at_once(COLUMNS, batches, 1))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork: POSIX only")
def test_a_forked_process_deflates_in_its_own_thread() -> None:
    """A process forked after the deflating thread was made has none of its parent's threads: it makes its own
    (the parent's pool would take the piece and never deflate it)."""
    # GIVEN the deflating thread made in this process
    test_the_text_is_the_bytes_of_each_piece_deflated_at_once(3, 2000, 1)
    # WHEN a forked child writes a snapshot with pieces for that thread
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_write_in_child, args=(queue,))
    child.start()
    try:
        # THEN it finishes, with the right text
        assert queue.get(timeout=30) is True
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
