"""Reports are documents too: the planning agency's kop and signature, dated by the period, one chart scale,
and ``verify`` checks evaluation, ranking and belum-lapor printouts."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import raw_sql
from pypdf import PdfReader
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd, Position, PositionHolder, Regency
from kinerja_desktop.domain.enums import PositionLevel
from kinerja_desktop.reports.charts import axis_label, axis_maximum, score_charts
from kinerja_desktop.reports.data import DEFAULT_PREDICATE_BANDS, RankingRow
from kinerja_desktop.reports.fingerprint import read_fingerprint
from kinerja_desktop.services import printing


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _head(db: Database, abbreviation: str, on: date) -> tuple[str, str]:
    with db.read() as s:
        head = s.scalars(
            select(PositionHolder).join(Position).join(Opd)
            .where(Opd.abbreviation == abbreviation, Position.level == PositionLevel.HEAD)
            .where(PositionHolder.start_date <= on)
            .where((PositionHolder.end_date.is_(None)) | (PositionHolder.end_date >= on))
        ).one()
        return head.official.name, head.position


def test_the_ranking_is_issued_by_the_agency_of_the_profile_signed_and_dated_by_the_quarter(
    demo_db: Database, tmp_path: Path
) -> None:
    # GIVEN the demo's planning agency: Bapperida, "Badan Perencanaan Pembangunan Daerah" until September 2025
    with demo_db.read() as s:
        regency = s.scalars(select(Regency)).one()
        assert regency.agency_name == "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"
    # WHEN the rankings of Triwulan I and IV 2025 are printed
    first = printing.write(demo_db, printing.Request(printing.RANKING, 2025, 1), tmp_path)[0]
    last = printing.write(demo_db, printing.Request(printing.RANKING, 2025, 4), tmp_path)[0]
    # THEN each carries the agency as named at the end of its quarter, and its head's signature and date
    text = " ".join(_pages(first))
    assert text.startswith("PEMERINTAH KABUPATEN SUKAMAJU BADAN PERENCANAAN PEMBANGUNAN DAERAH Jl. Veteran No. 11")
    name, position = _head(demo_db, "Bapperida", date(2025, 3, 31))
    assert f"Sukamaju, 31 Maret 2025 {position.upper()}, {name}" in text and "NIP. " in text
    text = " ".join(_pages(last))
    assert "BADAN PERENCANAAN PEMBANGUNAN, RISET DAN INOVASI DAERAH" in text
    name, position = _head(demo_db, "Bapperida", date(2025, 12, 31))
    assert f"Sukamaju, 31 Desember 2025 {position.upper()}, {name}" in text
    # AND its metadata says "Triwulan IV", the axis and its label agree on every chart page
    assert PdfReader(last).metadata["/Title"] == (
        "Peringkat Kinerja Perangkat Daerah Triwulan IV Tahun 2025 \u2013 Kabupaten Sukamaju"
    )
    labels = set(re.findall(r"Nilai kinerja \(0\u2013(\d+)\)", text))
    assert len(labels) == 1
    # A chosen date
    chosen = printing.write(demo_db, printing.Request(printing.RANKING, 2025, 4, dated=date(2026, 1, 12)),
                            tmp_path / "pilih.pdf")[0]
    assert "Sukamaju, 12 Januari 2026" in " ".join(_pages(chosen))


def test_one_chart_scale_for_every_part_and_a_label_that_says_it() -> None:
    rows = tuple(
        RankingRow(n + 1, f"K{n}", f"OPD {n}", Decimal(113) - n * 3, "Sangat Tinggi", None, None) for n in range(40)
    )
    assert axis_maximum(rows) == 120 and axis_label(120) == "Nilai kinerja (0\u2013120)"
    assert axis_maximum(rows[10:]) == 100  # all under 100: the usual 0–100
    charts = score_charts(rows, DEFAULT_PREDICATE_BANDS, 700, 300)
    assert len(charts) > 1
    for chart in charts:
        texts = [getattr(item, "text", "") for item in chart.contents]
        assert "Nilai kinerja (0\u2013120)" in texts
        bars = [item for item in chart.contents if hasattr(item, "valueAxis")]
        assert [bar.valueAxis.valueMax for bar in bars] == [120]


def test_the_evaluation_is_dated_by_the_end_of_the_quarter_or_a_chosen_date(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "ev"
    printing.write(demo_db, printing.Request(printing.EVALUATION, 2025, 1, opd_codes=("Dinkes",)), out)
    assert "Sukamaju, 31 Maret 2025" in " ".join(_pages(out / "EVALUASI-2025-TW1-DINKES.pdf"))
    assert main(["print", "evaluation", "--db", demo_db.location, "--year", "2025", "--quarter", "2", "--opd",
                 "Dinkes", "--date", "2025-07-10", "--out", str(out / "tw2.pdf")]) == 0
    text = " ".join(_pages(out / "tw2.pdf"))
    assert "Sukamaju, 10 Juli 2025" in text and str(date.today().year) + "," not in text
    assert read_fingerprint(out / "tw2.pdf")["date"] == "2025-07-10"


def test_verify_checks_evaluation_ranking_and_belum_lapor_printouts(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for request in (
        printing.Request(printing.EVALUATION, 2025, 1, opd_codes=("Dinkes",), dated=date(2025, 4, 8)),
        printing.Request(printing.RANKING, 2025, 1),
        printing.Request(printing.NOT_REPORTED, 2025, 2),
    ):
        paths += printing.write(demo_db, request, tmp_path)
    for path in paths:
        result = printing.verify_pdf(demo_db, path)
        assert result.matches, result.message
    assert printing.verify_pdf(demo_db, paths[0]).message == (
        "COCOK: berkas sesuai dengan Laporan Evaluasi Triwulan I 2025 Dinas Kesehatan di basis data"
    )
    # WHEN a realisation of the open quarter changes THEN the evaluation and the ranking no longer match
    raw_sql.run(
        demo_db,
        "UPDATE indicator_realization SET value = '0' WHERE year = 2025 AND quarter = 1 AND indicator_id IN "
        "(SELECT i.id FROM indicator i JOIN goal g ON g.id = i.goal_id JOIN opd o ON o.id = g.opd_id "
        "WHERE o.abbreviation = 'Dinkes') AND value IS NOT NULL",
    )
    assert main(["verify", str(paths[0]), "--db", demo_db.location]) == 3
    assert capsys.readouterr().out.strip() == (
        "TIDAK COCOK: Laporan Evaluasi Triwulan I 2025 Dinas Kesehatan di basis data berbeda dari berkas ini: "
        "datanya telah berubah sejak dicetak (triwulan belum ditutup), atau berkas diubah"
    )
    assert not printing.verify_pdf(demo_db, paths[1]).matches


def test_belum_lapor_carries_the_agency_kop_and_its_heads_signature(demo_db: Database, tmp_path: Path) -> None:
    [path] = printing.write(demo_db, printing.Request(printing.NOT_REPORTED, 2025, 2, dated=date(2025, 7, 20)),
                            tmp_path)
    text = " ".join(_pages(path))
    name, position = _head(demo_db, "Bapperida", date(2025, 7, 20))
    # Named as in July 2025, before the SOTK change of September
    assert text.startswith("PEMERINTAH KABUPATEN SUKAMAJU BADAN PERENCANAAN PEMBANGUNAN DAERAH")
    assert f"Sukamaju, 20 Juli 2025 {position.upper()}, {name}" in text
