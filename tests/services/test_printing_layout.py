"""Any layout failure left becomes an Indonesian message naming the document, never a traceback."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.services import agreements, printing
from kinerja_desktop.services.errors import ValidationError


def test_a_row_too_tall_for_a_page_is_refused_in_indonesian_and_leaves_no_file(
    db: Database, dinkes: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreement_id = agreements.create_from_renstra(db, dinkes, 2026)
    detail = agreements.get_agreement(db, agreement_id)
    # A sasaran of 4.000 characters (the longest the database keeps) over one indicator: taller than a page
    endless = ("Meningkatnya derajat kesehatan masyarakat melalui layanan yang bermutu " * 60)[:4000]
    agreements.save_draft(db, replace(detail, items=[replace(detail.items[0], sasaran=endless)]))
    with pytest.raises(ValidationError) as refused:
        printing.print_agreement(db, agreement_id, tmp_path / "pk.pdf")
    assert str(refused.value) == (
        "Dinas Kesehatan tidak dapat dicetak: satu baris tabel lebih tinggi dari satu halaman; persingkat teksnya "
        "(nama indikator, sasaran, kendala atau tindak lanjut)"
    )
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".*.tmp")) == []
    assert main(["print", "pk", "--db", db.location, "--year", "2026", "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("Galat: Dinas Kesehatan tidak dapat dicetak: satu baris tabel")
    assert list(tmp_path.glob("*.pdf")) == []
