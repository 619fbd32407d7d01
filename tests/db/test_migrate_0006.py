"""Revision 0006 (frozen documents) upgrades a real 0005 file with signed PKs and a Pakta: every final, signed and
replaced PK and every Pakta is snapshotted from what it printed, so the printouts made before the upgrade (by the
app of revision 0005, their fingerprints kept beside the fixture) still verify, and later changes leave them be."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from heads import table_source
from pypdf import PdfReader

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.revisions import HEAD
from kinerja_desktop.reports.fingerprint import read_fingerprint
from kinerja_desktop.services import maintenance, printing
from kinerja_desktop.services.documents import agreement_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
KEPT = ["regency", "official", "opd", "opd_head", "opd_name_history", "performance_agreement", "agreement_item",
        "agreement_program", "integrity_pact"]


def _dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f'SELECT * FROM {table_source(conn, t)}').fetchall(), key=repr) for t in KEPT}
    finally:
        conn.close()


def test_0005_signed_documents_are_frozen_as_they_printed(tmp_path: Path) -> None:
    # GIVEN a real database file at revision 0005 whose PKs and Pakta were printed before the OPD was renamed
    path = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "kinerja-0005-signed.sqlite", path)
    printed = json.loads((FIXTURES / "kinerja-0005-signed.prints.json").read_text(encoding="utf-8"))
    before = _dump(path)
    # WHEN the app opens it
    database = open_database(path)
    try:
        assert database.migrated_from == "0005_planning"
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            frozen = {
                code: (status, fingerprint)
                for code, status, fingerprint, snapshot in conn.execute(
                    "SELECT document_code, status, fingerprint, snapshot FROM performance_agreement "
                    "UNION ALL SELECT document_code, 'pakta', fingerprint, snapshot FROM integrity_pact"
                )
            }
        finally:
            conn.close()
        # THEN every row is kept, only gaining the new columns
        after = _dump(path)
        for table in KEPT:
            assert [row[: len(before[table][0])] for row in after[table]] == before[table], table
        # AND each final, signed, replaced PK and the Pakta carry the fingerprint of their printout
        assert frozen == {
            "PK-2025-DINKES-v1": ("diganti", printed["PK-2025-DINKES-v1"]),
            "PK-2025-DINKES-v2": ("ditandatangani", printed["PK-2025-DINKES-v2"]),
            "PK-2026-DINKES-v1": ("final", printed["PK-2026-DINKES-v1"]),
            "": ("draf", ""),
            "PI-2025-DINKES-v1": ("pakta", printed["PI-2025-DINKES-v1"]),
        }
        assert maintenance.integrity_problems(database) == []
        conn = sqlite3.connect(path)
        try:  # the logo printed on all of them, kept once
            assert conn.execute("SELECT count(*) FROM document_asset").fetchone()[0] == 1
        finally:
            conn.close()
        # AND a reprint is the printout of January: the Pakta's kop names the OPD as it was then
        out = tmp_path / "cetak"
        files = printing.print_agreements(database, 2025, out) + printing.print_pacts(database, 2025, out)
        for file in files:
            info = read_fingerprint(file)
            assert info is not None and printed[info["identity"]] == info["fingerprint"]
            assert printing.verify_pdf(database, file).matches
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(files[-1]).pages)
        assert "DINAS KESEHATAN Jalan Pemuda" in text and "PENGENDALIAN PENDUDUK" not in text
        # AND the draft still prints from today's records (the new name)
        with database.read() as s:
            draft = agreement_document(s, "a4")
        assert draft.watermark == "DRAF" and draft.letterhead.address == "Jalan Merdeka Nomor 3"
    finally:
        database.close()
