"""Paths of the master package's export that must not change a byte of it (issue 20, export): a package of every OPD
reads the evidence table by a correlated ``EXISTS`` on its realisation (the same rows, in the same order, as the
``IN (SELECT …)`` form every other package reads them by); the first evidence files are read while rows.json's last
pieces are still being written (the members in the same order)."""

from __future__ import annotations

import hashlib
import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import opd_codes, realizations

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.evidence import store_evidence
from kinerja_desktop.db.models import Evidence
from kinerja_desktop.interchange import package, rows
from kinerja_desktop.interchange.archive import WrittenBehind
from kinerja_desktop.interchange.manifest import EVIDENCE_PREFIX
from kinerja_desktop.services import sync


def _members(path: Path) -> dict[str, bytes]:
    """Every member of a master package, its per-package fields blanked: the enrolment's key and centre ids in
    rows.json; the package id, time, key id, source and rows.json's checksum in the manifest; no signature."""
    members = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename == "rows.json":
                enrolment = json.loads(data)["enrolment"]
                data = data.replace(enrolment["key_id"].encode(), b"K").replace(enrolment["centre_id"].encode(), b"C")
            elif info.filename == "manifest.json":
                manifest = json.loads(data)
                for name in ("package_id", "created_at", "key_id", "source", "seq"):
                    manifest.pop(name)
                manifest["files"].pop("rows.json")
                data = json.dumps(manifest, sort_keys=True).encode()
            elif info.filename == "manifest.sig":
                continue
            members[info.filename] = data
    return members


@pytest.mark.sqlite_only
def test_every_opd_package_reads_the_evidence_in_the_order_of_the_in_form(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN evidence files of several realisations of two OPDs, added in the reverse order of their realisations'
    # ids (the table's rowid order is not the order its realisation index gives), two of them on one realisation
    codes = opd_codes(demo_db, 2)
    chosen = sorted(realizations(demo_db, codes[0])[:3] + realizations(demo_db, codes[1])[:3], reverse=True)
    with demo_db.write() as s:
        for number, realization in enumerate([*chosen, chosen[-1]]):
            data = f"Laporan {number}\n".encode() * 20
            sha = store_evidence(demo_db.evidence_dir, data)
            s.add(Evidence(realization_id=realization, file_name=f"bukti-{number}.txt", sha256=sha, size=len(data)))
    # WHEN a master package of every OPD is made the correlated way and the IN way
    correlated = tmp_path / "exists.kinerja-paket"
    sync.export_master_package(demo_db, correlated)
    monkeypatch.setattr(rows, "_CORRELATED", frozenset())
    monkeypatch.setattr(rows, "_SCOPE_SQL", {})
    listed = tmp_path / "in.kinerja-paket"
    sync.export_master_package(demo_db, listed)
    # THEN both hold the same members, byte for byte, and the evidence rows by realisation, then as added
    assert _members(correlated) == _members(listed)
    payload = json.loads(_members(correlated)["rows.json"])["rows"]["evidence"]
    realization = payload["columns"].index("realization_id")
    order = [values[realization] for values in payload["values"]]
    assert len(order) == len(chosen) + 1 and order == sorted(order)
    names = [values[payload["columns"].index("file_name")] for values in payload["values"]]
    assert names[:2] == [f"bukti-{len(chosen) - 1}.txt", f"bukti-{len(chosen)}.txt"]
    assert sum(name.startswith(EVIDENCE_PREFIX) for name in _members(correlated)) == len(chosen) + 1


@pytest.mark.sqlite_only
def test_only_a_package_of_every_opd_reads_the_evidence_correlated(demo_db: Database) -> None:
    code = opd_codes(demo_db, 1)[0]
    with demo_db.read() as session:
        conn = session.connection()
        opd = rows._t("opd")
        one = {conn.execute(opd.select().where(opd.c.code == code)).one().id}
        for opd_ids, correlated in ((None, True), (one, False)):
            filters = rows._scope_filters(opd_ids, regional=True)
            sql, _params = rows._scoped_select(conn, "evidence", opd_ids, lambda f=filters: f, True)  # type: ignore[misc]
            assert ("WHERE EXISTS" in sql) is correlated, sql
            assert ("ORDER BY" in sql) is correlated, sql


def test_written_behind_finishes_without_waiting_and_tells_when_it_is_done() -> None:
    release, written = threading.Event(), []

    def sink(piece: bytes) -> None:
        release.wait(10)
        written.append(piece)

    with WrittenBehind(sink) as behind:
        behind.write(b"a")
        behind.write(b"b")
        behind.finish()  # handed over; the sink still waits
        assert behind.busy() and written == []
        with pytest.raises(ValueError):
            behind.write(b"c")
        release.set()
    assert not behind.busy() and b"".join(written) == b"ab"


def test_evidence_read_while_rows_json_is_written_keeps_the_members_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contents = [(f"Laporan {n}\n".encode() * 50) for n in range(6)]
    files = [(hashlib.sha256(data).hexdigest(), data) for data in contents]
    taken: list[int] = []

    def evidence() -> Iterator[tuple[str, bytes]]:
        for number, item in enumerate(files):
            taken.append(number)
            yield item

    def write(out: Path) -> list[tuple[str, bytes]]:
        taken.clear()
        rows = b'{"rows":{},"tombstones":[]}'
        package.write_package_streamed(out, lambda emit: emit(rows), evidence, lambda: {"kind": "x"}, None)
        with zipfile.ZipFile(out) as zf:
            return [(name, zf.read(name)) for name in zf.namelist()]

    # GIVEN the writer of rows.json still busy when the rows are made: the first files are read at once, up to
    # the budget (the file past it included), the others after rows.json is written
    budget = len(contents[0]) * 2 + 1
    monkeypatch.setattr(package, "EARLY_EVIDENCE_BYTES", budget)
    monkeypatch.setattr(WrittenBehind, "busy", lambda self: True)
    read_early: list[int] = []
    close = WrittenBehind.close

    def closed(self: WrittenBehind) -> None:  # the files read before rows.json's writer is waited for
        read_early.extend(taken)
        close(self)

    monkeypatch.setattr(WrittenBehind, "close", closed)
    early = write(tmp_path / "early.zip")
    assert read_early == [0, 1, 2]
    # THEN the package holds the same members in the same order as one whose writer was done at once
    monkeypatch.setattr(WrittenBehind, "busy", lambda self: False)
    read_early.clear()
    late = write(tmp_path / "late.zip")
    assert read_early == []
    assert early == late
    assert [name for name, _data in early][1:7] == [EVIDENCE_PREFIX + sha for sha, _data in files]
