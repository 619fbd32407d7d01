"""The pohon kinerja: the tree with the evaluation's readings, and its printout read back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import Opd
from kinerja_desktop.domain.cascade import BELOW, NO_READING, REACHED, WARNING
from kinerja_desktop.domain.enums import GoalLevel
from kinerja_desktop.services import agreements, cascade, evaluation
from kinerja_desktop.services.cascade_tree import cascade_tree, print_cascade
from kinerja_desktop.services.errors import ValidationError
from kinerja_desktop.services.evaluation_data import QuarterReport, RealizationInput
from kinerja_desktop.services.evaluation_report import save_quarter_report

D = Decimal


def _signed(db: Database, make, *args) -> str:  # noqa: ANN001, ANN002
    agreement_id = make(db, *args)
    agreements.finalize(db, agreement_id)
    agreements.sign(db, agreement_id, date(2026, 1, 26))
    return agreement_id


def test_the_tree_carries_the_evaluations_readings_and_the_warnings(db: Database, tree: dict[str, str]) -> None:
    _signed(db, agreements.create_from_renstra, tree["opd"], 2026)
    lower = _signed(db, agreements.create_lower, tree["kabid"], 2026)
    save_quarter_report(db, QuarterReport(tree["opd"], 2026, 1, indicators=[RealizationInput(tree["aki"], D(88))]))
    result = cascade_tree(db, 2026, tree["opd"])
    nodes = {n.text: n for n in result.nodes()}
    renstra = nodes["Meningkatnya derajat kesehatan masyarakat"]
    # the OPD's node: the evaluation's capaian of its one reported indicator (AKI, a negative indicator)
    reading = next(i for i in evaluation.evaluate_opd(db, 2026, 1, tree["opd"]).indicators
                   if i.indicator_id == tree["aki"])
    assert renstra.capaian == reading.capaian_capped.quantize(D("0.01")) and renstra.band == (
        REACHED if reading.capaian_capped >= 100 else BELOW if reading.capaian_capped >= 75 else WARNING)
    assert [(c.level, c.text) for c in renstra.children] == [
        (GoalLevel.PROGRAM, "Meningkatnya kualitas pelayanan kesehatan ibu dan anak")]
    program = renstra.children[0]
    assert program.position == "Kepala Bidang Kesehatan Masyarakat (Hj. Nurlaela, S.K.M., M.M.)"
    assert [c.text for c in program.children] == ["Meningkatnya cakupan kunjungan K6 ibu hamil"]
    # the lower levels are not monitored: no reading, whatever is stored
    assert (program.capaian, program.band) == (None, NO_READING)
    cascade.set_lower_level_monitoring(db, True)
    cascade.save_lower_realisations(db, lower, 1, [RealizationInput(tree["sp_ind"], D(25))])
    program = next(n for n in cascade_tree(db, 2026, tree["opd"]).nodes() if n.level is GoalLevel.PROGRAM)
    assert program.capaian == D("100.00") and program.band == REACHED  # 25 of a Q1 target of 25
    # the warnings are the alignment check's, on their nodes
    assert renstra.warnings == ("Sasaran Strategis tidak mendukung sasaran di atasnya",
                                "Indikator tidak didukung indikator mana pun di bawahnya: "
                                "Cakupan imunisasi dasar lengkap")


def test_a_year_outside_every_period_is_refused(db: Database, tree: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="Tidak ada periode RPJMD yang mencakup tahun 2040"):
        cascade_tree(db, 2040)


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_print_cascade_draws_every_node_and_lists_the_warnings(
    db: Database, tree: dict[str, str], tmp_path: Path, capsys  # noqa: ANN001
) -> None:
    out = tmp_path / "pohon.pdf"
    assert main(["print", "cascade", "--db", db.location, "--year", "2026", "--opd", "Dinkes", "--out",
                 str(out)]) == 0
    pages = _pages(out)
    reader = PdfReader(out)
    assert [round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))] == [842, 595]
    assert len(pages) == 2  # the diagram, then the warnings
    diagram = pages[0]
    for text in ("Pohon Kinerja Tahun 2026 — Dinas Kesehatan", "SASARAN PROGRAM", "Kepala Bidang Kesehatan",
                 "Meningkatnya cakupan kunjungan K6 ibu hamil", "1 indikator · Capaian —"):
        assert text in diagram, text
    assert "PERINGATAN KESELARASAN POHON KINERJA" in pages[1]
    assert "Sasaran Strategis tidak mendukung sasaran di atasnya" in pages[1]
    assert reader.metadata.title == "Pohon Kinerja Tahun 2026 — Dinas Kesehatan"
    # A3 on request; another paper, a folder or an unknown OPD are refused in Indonesian
    a3 = print_cascade(db, 2026, tmp_path / "a3.pdf", paper="a3")
    assert [round(float(p.mediabox.width)) for p in PdfReader(a3).pages][0] == 1191
    with pytest.raises(ValidationError, match="harus a4 atau a3"):
        print_cascade(db, 2026, tmp_path / "x.pdf", paper="f4")
    with pytest.raises(ValidationError, match="kode atau singkatan “Dinsos” tidak ada"):
        print_cascade(db, 2026, tmp_path / "x.pdf", opd_code="Dinsos")
    assert not (tmp_path / "x.pdf").exists()
    capsys.readouterr()


def test_a_large_tree_is_split_over_pages_without_losing_a_node(demo_db: Database, tmp_path: Path) -> None:
    tree = cascade_tree(demo_db, 2025)
    out = print_cascade(demo_db, 2025, tmp_path / "pohon.pdf")
    pages = _pages(out)
    diagram = [p for p in pages if "PERINGATAN KESELARASAN" not in p]
    assert len(diagram) > 5  # every OPD's sasaran under the RPJMD's: many A4 pages
    text = " ".join(diagram)
    squeezed = text.replace(" ", "")
    # every node's first words are drawn once (a box is never cut between pages)
    for node in tree.nodes():
        head = node.text.replace(" ", "")[:18]
        assert head in squeezed, node.text
    # an RPJMD sasaran whose OPD sasaran run over to the next page is repeated there as continued
    assert sum("(lanjutan)" in p for p in diagram) >= 1
    a3 = print_cascade(demo_db, 2025, tmp_path / "pohon-a3.pdf", paper="a3")
    assert len(PdfReader(a3).pages) < len(pages)
    with demo_db.read() as s:
        kecamatan = s.scalars(select(Opd.code).where(Opd.abbreviation == "Kec. Sukamaju")).one()
    one = _pages(print_cascade(demo_db, 2025, tmp_path / "kec.pdf", opd_code=kecamatan))
    assert "Kepala Seksi Pemerintahan" in one[0] and "Sekretaris Camat" in one[0]


def test_individual_targets_go_to_excel_one_sheet_per_official(
    demo_db: Database, tmp_path: Path, capsys  # noqa: ANN001
) -> None:
    import openpyxl

    out = tmp_path / "skp.xlsx"
    assert main(["export", "skp", "--db", demo_db.location, "--year", "2025", "--out", str(out)]) == 0
    assert "Ekspor skp ditulis" in capsys.readouterr().out
    book = openpyxl.load_workbook(out)
    listing = list(book["Pegawai"].iter_rows(values_only=True))
    assert listing[0] == ("No", "Nama", "NIP", "Pangkat/Golongan", "Jabatan", "Unit Kerja", "Pejabat Penilai", "Lembar")
    people = listing[1:]
    assert len(people) == len(book.sheetnames) - 1 == 12  # 8 in Dinkes (one a staff), 4 in the kecamatan
    assert {p[5] for p in people} == {"Dinas Kesehatan", "Kecamatan Sukamaju"}
    staff = next(p for p in people if p[4] == "Pengelola Program Kesehatan Ibu")
    kasi = next(p for p in people if p[4] == "Kepala Seksi Kesehatan Keluarga")
    assert staff[6] == kasi[1]  # the staff member's pejabat penilai is the Kasi holding the post above
    assert len(staff[2]) == 21 and staff[2][8] == " "  # NIP as printed: 19790124 200703 1 006
    sheet = list(book[staff[7]].iter_rows(values_only=True))
    assert sheet == [
        ("No", "Rencana Hasil Kerja Pimpinan yang Diintervensi", "Rencana Hasil Kerja", "Indikator Kinerja Individu",
         "Target", "Satuan"),
        (1, "Meningkatnya cakupan pelayanan ibu hamil dan ibu bersalin",
         "Terpantaunya kohort ibu hamil seluruh puskesmas",
         "Persentase puskesmas yang melaporkan kohort ibu hamil tepat waktu", 85, "%"),
    ]
    kabid = next(p for p in people if p[4] == "Kepala Bidang Kesehatan Masyarakat")
    rows = list(book[kabid[7]].iter_rows(values_only=True))[1:]
    assert [r[1] for r in rows] == ["Menurunnya angka kematian ibu dan bayi"] * 3 and [r[4] for r in rows] == [
        90, 93, 86]
