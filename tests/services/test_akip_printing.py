"""The year's-end PDFs: an OPD's AKIP rapor and the Piagam Penghargaan of the best N, read back from the files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd, Regency, RegionalLeader
from kinerja_desktop.domain.enums import LeaderRole
from kinerja_desktop.reports.fingerprint import read_fingerprint
from kinerja_desktop.services import akip, printing
from kinerja_desktop.services.akip_data import AnswerData
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.printing import PIAGAM, RAPOR, Request, verify_pdf


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def head_on(db: Database, on: date) -> str:
    with db.read() as s:
        leaders = s.scalars(select(RegionalLeader).where(RegionalLeader.role == LeaderRole.HEAD)).all()
        return next(r.name for r in leaders if r.start_date <= on and (r.end_date is None or r.end_date >= on))


def test_piagam_for_the_best_five_signed_by_the_head_in_office(demo_db: Database, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", demo_db.location, "print", "piagam", "--year", "2025", "--date", "2026-01-20",
                 "--out", str(tmp_path)])
    assert code == 0 and "5 berkas PDF ditulis." in capsys.readouterr().out
    files = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert files == ["PIAGAM-2025-BAPPERIDA.pdf", "PIAGAM-2025-BPKAD.pdf", "PIAGAM-2025-DINKES.pdf",
                     "PIAGAM-2025-DISDUKCAPIL.pdf", "PIAGAM-2025-DPMPTSP.pdf"]
    first = tmp_path / "PIAGAM-2025-BAPPERIDA.pdf"
    text = text_of(first)
    assert "PIAGAM PENGHARGAAN" in text and "diberikan kepada" in text
    assert "BADAN PERENCANAAN PEMBANGUNAN, RISET DAN INOVASI DAERAH" in text
    assert "terbaik peringkat 1" in text and "Tahun 2025 dengan nilai 63,19 (predikat B)" in text
    assert "Sukamaju, 20 Januari 2026" in text and head_on(demo_db, date(2026, 1, 20)) in text
    page = PdfReader(first).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    assert "peringkat 5" in text_of(tmp_path / "PIAGAM-2025-DPMPTSP.pdf")
    info = read_fingerprint(first)
    assert info is not None and info["identity"] == "PIAGAM-2025-BAPPERIDA"
    assert verify_pdf(demo_db, first).matches


def test_the_award_count_comes_from_the_profile(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.write() as s:
        s.scalars(select(Regency)).one().award_count = 3
    written = printing.write(demo_db, Request(PIAGAM, 2025, dated=date(2026, 1, 20)), tmp_path)
    assert [p.name for p in written] == ["PIAGAM-2025-BAPPERIDA.pdf", "PIAGAM-2025-BPKAD.pdf",
                                         "PIAGAM-2025-DINKES.pdf"]
    with pytest.raises(ValidationError, match="Tidak ada hasil evaluasi AKIP tahun 2025 untuk dicetak"):
        printing.write(demo_db, Request(PIAGAM, 2025, opd_codes=("Dinsos",)), tmp_path)


def test_no_head_in_office_on_the_date_is_refused_in_indonesian(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Tidak ada kepala daerah yang menjabat pada 1 Januari 1990"):
        printing.write(demo_db, Request(PIAGAM, 2025, dated=date(1990, 1, 1)), tmp_path)
    assert list(tmp_path.glob("*.pdf")) == []


def test_rapor_shows_components_scores_capaian_and_the_evaluators_word(demo_db: Database, tmp_path: Path) -> None:
    [path] = printing.write(demo_db, Request(RAPOR, 2025, opd_codes=("Dinkes",), dated=date(2026, 1, 20)), tmp_path)
    assert path.name == "RAPOR-AKIP-2025-DINKES.pdf"
    text = text_of(path)
    assert "RAPOR HASIL EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH" in text and "TAHUN 2025" in text
    assert "Nilai AKIP : 60,62 (predikat B – Baik (>60–70))" in text
    assert "Peringkat AKIP : 3 dari 40 perangkat daerah" in text
    for component in ("Perencanaan Kinerja 30,00", "Pengukuran Kinerja 30,00", "Pelaporan Kinerja 15,00",
                      "Evaluasi Akuntabilitas Kinerja Internal 25,00"):
        assert component in text
    assert "Nilai AKIP 100,00 60,62 B" in text
    assert "Catatan evaluator" in text and "Rekomendasi" in text
    assert verify_pdf(demo_db, path).matches
    # the evaluation reopened and changed: the printed rapor no longer verifies
    with demo_db.read() as s:
        dinkes = s.scalars(select(Opd).where(Opd.abbreviation == "Dinkes")).one().id
    akip.reopen_evaluation(demo_db, dinkes, 2025)
    form = akip.get_evaluation(demo_db, dinkes, 2025)
    form.answers["1.a.1"] = AnswerData("1.a.1", "T" if form.answers["1.a.1"].answer == "Y" else "Y")
    akip.save_evaluation(demo_db, form)
    result = verify_pdf(demo_db, path)
    assert not result.matches and "TIDAK COCOK" in result.message


def test_a_draft_evaluations_rapor_says_draf(demo_db: Database, tmp_path: Path) -> None:
    [path] = printing.write(demo_db, Request(RAPOR, 2025, opd_codes=("Disporapar",)), tmp_path)
    assert "DRAF" in text_of(path)
    [final] = printing.write(demo_db, Request(RAPOR, 2025, opd_codes=("Dinkes",)), tmp_path)
    assert "DRAF" not in text_of(final)
