"""Importing Excel workbooks: loose headers, Indonesian numbers and dates, every error listed, nothing half-done,
renames and head changes dated, a NIP that is someone else's refused, the wizard's rules for realisations."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import excel_city as city
import openpyxl
import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.database import Database
from kinerja_desktop.db.models import (
    AuditLog,
    Indicator,
    IndicatorRealization,
    IndicatorTarget,
    Opd,
    OpdNameHistory,
    Program,
    ProgramBudget,
    RegionalLeader,
)
from kinerja_desktop.domain.enums import ActingKind, PeriodKind, RegionKind
from kinerja_desktop.services import agreement_batch, evaluation, opd
from kinerja_desktop.services.errors import Cancelled
from kinerja_desktop.services.excel_import import Action, ImportRefused, import_file
from kinerja_desktop.services.excel_template import write_template
from kinerja_desktop.services.periods import PeriodData
from kinerja_desktop.services.regency import RegencyProfile
from kinerja_desktop.services.setup import SetupData, set_up


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A workbook typed by hand: each sheet's first row is its header."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


@pytest.fixture
def city_db(db: Database) -> Database:
    """Kota Wanasari set up (RPJMD 2025–2029), no OPD yet."""
    set_up(db, SetupData(
        profile=RegencyProfile(kind=RegionKind.KOTA, name="Wanasari", capital="Wanasari",
                               agency_name="Badan Perencanaan Pembangunan Daerah", agency_short="Bappeda"),
        period=PeriodData(2025, 2029, PeriodKind.RPJMD),
    ))
    return db


def fill(tmp_path: Path, kind: str, rows: list[dict[str, Any]], sheet: str | None = None, name: str = "") -> Path:
    template = write_template(kind, tmp_path / f"templat-{kind}.xlsx", years=list(city.YEARS))
    return city.fill(template, tmp_path / (name or f"{kind}.xlsx"), rows, sheet)


# --- headers, numbers and dates --------------------------------------------------------------------------


def test_headers_match_whatever_their_case_spaces_punctuation_and_order(city_db: Database, tmp_path: Path) -> None:
    path = workbook(tmp_path / "opd.xlsx", {"Data OPD SIPD": [
        ["catatan sendiri", "NAMA", "kode", " Singkatan ", "JENIS", "pos el", "Mulai  Menjabat", "nama-kepala",
         "NIP KEPALA", "Jabatan kepala"],
        ["abaikan", "Dinas Kesehatan", "1.02.0.00.0.00.01.0000", "Dinkes", "dinas", "dinkes@wanasarikota.go.id",
         "5 Januari 2024", "dr. Siti Rahmawati, M.Kes.", "197305122000032004", "Kepala Dinas Kesehatan"],
    ]})
    result = import_file(city_db, "opd", path)
    assert result.counts == {Action.ADDED: 1, Action.CHANGED: 0, Action.UNCHANGED: 0}
    form = opd.get_opd(city_db, opd.list_opds(city_db)[0].id)
    assert (form.code, form.name, form.abbreviation, form.email) == (
        "1.02.0.00.0.00.01.0000", "Dinas Kesehatan", "Dinkes", "dinkes@wanasarikota.go.id")
    assert (form.head.name, form.head.nip, form.head.start_date) == (
        "dr. Siti Rahmawati, M.Kes.", "197305122000032004", date(2024, 1, 5))


def _plan(city_db: Database, tmp_path: Path, renstra_rows: list[dict[str, Any]]) -> None:
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:2]))
    import_file(city_db, "rpjmd", fill(tmp_path, "rpjmd", city.rpjmd()[:2]))
    import_file(city_db, "renstra", fill(tmp_path, "renstra", renstra_rows))


def test_numbers_as_excel_numbers_percentages_or_indonesian_text(city_db: Database, tmp_path: Path) -> None:
    row = {"Kode OPD": city.opd_code(0), "Tujuan": "T", "Sasaran": "S", "Indikator": "Cakupan", "Satuan": "%",
           "Polaritas": "Positif", "Cara Kumulasi": "Rata-rata", "Kondisi Awal": "1.234,5",
           "Target 2025": 92.5, "Target 2026": "92,5%", "Target 2027": "93,25 %", "Target 2028": "94",
           "Target 2029": 0.95}
    template = write_template("renstra", tmp_path / "t.xlsx", years=list(city.YEARS))
    path = city.fill(template, tmp_path / "renstra.xlsx", [row])
    book = openpyxl.load_workbook(path)
    ws = book["Renstra"]
    headers = {cell.value: cell.column for cell in ws[1]}
    typed = next(r for r in range(2, 10) if ws.cell(row=r, column=headers["Indikator"]).value == "Cakupan")
    ws.cell(row=typed, column=headers["Target 2029"]).number_format = "0.0%"  # 0,95 shown as 95,0 %
    book.save(path)
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:1]))
    import_file(city_db, "rpjmd", fill(tmp_path, "rpjmd", city.rpjmd()[:1]))
    import_file(city_db, "renstra", path)
    with city_db.read() as s:
        mine = select(Indicator.id).where(Indicator.name == "Cakupan").scalar_subquery()
        targets = dict(s.execute(select(IndicatorTarget.year, IndicatorTarget.target)
                                 .where(IndicatorTarget.indicator_id == mine)).all())
        quarters = s.execute(select(IndicatorTarget.q1, IndicatorTarget.q4)
                             .where(IndicatorTarget.indicator_id == mine, IndicatorTarget.year == 2027)).one()
    assert targets == {2025: Decimal("92.5"), 2026: Decimal("92.5"), 2027: Decimal("93.25"), 2028: Decimal(94),
                       2029: Decimal(95)}
    assert quarters == (Decimal("93.25"), Decimal("93.25"))  # average: derived, the target in every quarter


def test_dates_as_excel_dates_or_typed_the_indonesian_way(city_db: Database, tmp_path: Path) -> None:
    rows = [
        {"Jabatan": "Wali Kota", "Status": "Definitif", "Nama": "A", "Mulai": datetime(2025, 2, 20)},
        {"Jabatan": "Wakil Wali Kota", "Status": "Definitif", "Nama": "B", "Mulai": "20 Februari 2025"},
        {"Jabatan": "Sekretaris Daerah", "Status": "Plt.", "Nama": "C", "NIP": "196803121994031004",
         "Mulai": "01/03/2023", "Selesai": "31-12-2025"},
    ]
    result = import_file(city_db, "pimpinan", fill(tmp_path, "pimpinan", rows))
    assert result.counts[Action.ADDED] == 3
    with city_db.read() as s:
        leaders = {r.name: (r.position, r.acting, r.start_date, r.end_date) for r in s.scalars(select(RegionalLeader))}
    assert leaders == {
        "A": ("Wali Kota Wanasari", ActingKind.DEFINITIVE, date(2025, 2, 20), None),
        "B": ("Wakil Wali Kota Wanasari", ActingKind.DEFINITIVE, date(2025, 2, 20), None),
        "C": ("Sekretaris Daerah Kota Wanasari", ActingKind.PLT, date(2023, 3, 1), date(2025, 12, 31)),
    }


# --- every error, nothing half-done; twice is once --------------------------------------------------------


def test_errors_in_several_rows_are_all_listed_and_nothing_is_written(city_db: Database, tmp_path: Path) -> None:
    rows = city.opds()[:6]
    rows[1]["NIP Kepala"] = 197305122000032004  # typed as a number: Excel kept 15 digits
    rows[2]["Jenis"] = "Kantor"
    rows[3]["Kode"] = rows[0]["Kode"]
    rows[4]["Mulai Menjabat"] = "31/02/2024"
    rows[5]["Pos-el"] = "bukan surel"
    path = fill(tmp_path, "opd", rows)
    before = city.database_checksum(city_db)
    with pytest.raises(ImportRefused) as refused:
        import_file(city_db, "opd", path)
    listed = [(p.sheet, p.row, p.column) for p in refused.value.problems]
    assert listed == [
        ("Perangkat Daerah", 4, "NIP Kepala"),
        ("Perangkat Daerah", 5, "Jenis"),
        ("Perangkat Daerah", 6, "Kode"),
        ("Perangkat Daerah", 7, "Mulai Menjabat"),
        ("Perangkat Daerah", 8, "Pos-el"),
    ]  # row 2 is the template's example, row 3 the first OPD
    text = str(refused.value)
    assert text.startswith("Berkas “opd.xlsx” ditolak: 5 kesalahan. Basis data tidak diubah.")
    assert "Lembar “Perangkat Daerah”, baris 4, kolom “NIP Kepala”: NIP diketik sebagai angka" in text
    assert "baris 5, kolom “Jenis”: Jenis “Kantor” tidak dikenal (pilihan: Sekretariat, Inspektorat" in text
    assert "baris 6, kolom “Kode”: kode 1.01.0.00.0.00.01.0000 sudah ada pada baris 3" in text
    assert "baris 7, kolom “Mulai Menjabat”: “31/02/2024” bukan tanggal yang ada di kalender" in text
    assert "baris 8, kolom “Pos-el”: Alamat e-mail tidak sah" in text
    assert city.database_checksum(city_db) == before


def test_errors_planted_in_both_sheets_of_a_realisation_file(signed_city: Database, tmp_path: Path) -> None:
    indicators, budgets = city.realisations()
    indicators, budgets = indicators[:6], budgets[:3]
    indicators[0]["Realisasi"] = "banyak"  # not a number
    indicators[1]["Indikator"] = "Indikator yang tidak ada"
    indicators[2]["Realisasi"] = 20  # 20 of 30 (66,67 %) and no kendala written
    indicators[2]["Kendala"] = indicators[2]["Tindak Lanjut"] = None
    indicators[4]["Triwulan"] = 5
    budgets[0]["Kode Program"] = "9.99.99"
    budgets[1]["Realisasi Anggaran"] = "Rp 1.000,50"
    budgets[2]["Realisasi Anggaran"] = 3_500_000_000  # beyond the Rp 3 miliar pagu
    path = fill(tmp_path, "realisasi", indicators, "Realisasi Indikator")
    city.fill(path, path, budgets, "Realisasi Anggaran")
    before = city.database_checksum(signed_city)
    with pytest.raises(ImportRefused) as refused:
        import_file(signed_city, "realisasi", path)
    got = [(p.sheet, p.row, p.column) for p in refused.value.problems]
    assert sorted(got) == sorted([
        ("Realisasi Indikator", 3, "Realisasi"),
        ("Realisasi Indikator", 4, "Indikator"),
        ("Realisasi Indikator", 7, "Triwulan"),
        ("Realisasi Anggaran", 2, "Kode Program"),
        ("Realisasi Anggaran", 3, "Realisasi Anggaran"),
        ("Realisasi Indikator", 5, "Kendala"),
        ("Realisasi Anggaran", 4, "Realisasi Anggaran"),
    ])  # the indicator sheet's row 2 is the template's example; the budget sheet has none
    messages = {(p.sheet, p.row): p.message for p in refused.value.problems}
    assert messages[("Realisasi Indikator", 5)] == (
        f"Jumlah layanan {city.KINDS[1][1]}: capaian 66,67 % di bawah 100 %, kendala dan tindak lanjut wajib diisi")
    assert "melebihi pagu Rp 3.000.000.000" in messages[("Realisasi Anggaran", 4)]
    assert "tanpa sen" in messages[("Realisasi Anggaran", 3)]
    assert city.database_checksum(signed_city) == before


def test_the_same_file_twice_changes_nothing(city_db: Database, tmp_path: Path) -> None:
    path = fill(tmp_path, "opd", city.opds())
    assert import_file(city_db, "opd", path).counts[Action.ADDED] == 32
    before = city.database_checksum(city_db)
    again = import_file(city_db, "opd", path)
    assert again.counts == {Action.ADDED: 0, Action.CHANGED: 0, Action.UNCHANGED: 32}
    assert city.database_checksum(city_db) == before  # no version bumped, no audit entry


def test_a_dry_run_says_what_would_happen_and_writes_nothing(city_db: Database, tmp_path: Path) -> None:
    before = city.database_checksum(city_db)
    result = import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:3]), dry_run=True)
    assert not result.applied and [c.subject for c in result.of(Action.ADDED)] == [
        f"Perangkat daerah {city.opd_code(n)} {city.KINDS[n][0]}" for n in range(3)]
    assert city.database_checksum(city_db) == before


# --- renames, heads and NIPs -----------------------------------------------------------------------------


def test_a_new_name_and_a_new_head_are_dated_by_the_effective_date(city_db: Database, tmp_path: Path) -> None:
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:2]))
    rows = city.opds()[:2]
    rows[0]["Nama"] = "Sekretariat Daerah Kota Wanasari"
    rows[1].update({"Nama Kepala": "Dra. Wulan Sari, M.M.", "NIP Kepala": "197811232005012003"})
    path = fill(tmp_path, "opd", rows, name="opd-baru.xlsx")
    # a dry run lists them, asking for the date; the import without it is refused
    preview = import_file(city_db, "opd", path, dry_run=True)
    assert preview.needs_effective and [c.dated for c in preview.of(Action.CHANGED)] == [True, True]
    assert preview.of(Action.CHANGED)[0].details == (
        "nama: Sekretariat Daerah → Sekretariat Daerah Kota Wanasari",)
    with pytest.raises(ImportRefused, match="sebutkan tanggal berlakunya"):
        import_file(city_db, "opd", path)
    result = import_file(city_db, "opd", path, effective=date(2026, 3, 1))
    assert result.counts[Action.CHANGED] == 2
    setda, setwan = (o.id for o in opd.list_opds(city_db)[:2])
    assert opd.former_names(city_db, setda) == [("Sekretariat Daerah", None, date(2026, 2, 28))]
    history = opd.head_history(city_db, setwan)
    assert [(h.name, h.start_date, h.end_date) for h in history] == [
        ("Dra. Wulan Sari, M.M.", date(2026, 3, 1), None),
        ("Drs. Pejabat Nomor 2, M.Si.", date(2024, 1, 3), date(2026, 2, 28)),
    ]
    assert import_file(city_db, "opd", path, effective=date(2026, 3, 1)).counts[Action.CHANGED] == 0


def test_a_nip_that_belongs_to_another_person_is_refused(city_db: Database, tmp_path: Path) -> None:
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:2]))
    rows = city.opds()[:3]
    rows[2]["NIP Kepala"] = rows[0]["NIP Kepala"]  # Setda's head's NIP for another name
    with pytest.raises(ImportRefused) as refused:
        import_file(city_db, "opd", fill(tmp_path, "opd", rows, name="nip.xlsx"))
    [problem] = refused.value.problems
    assert (problem.row, problem.column) == (5, "NIP Kepala")
    assert problem.message == (
        "NIP 19750115 200001 1 001 sudah dipakai Drs. Pejabat Nomor 1, M.Si. pada baris 3")
    rows = city.opds()[2:3]
    rows[0]["NIP Kepala"] = city.nip(0)
    with pytest.raises(ImportRefused, match=r"sudah tercatat untuk Drs. Pejabat Nomor 1, M.Si., bukan Drs. Pejabat "):
        import_file(city_db, "opd", fill(tmp_path, "opd", rows, name="nip2.xlsx"))
    # the same person with other titles (gelar) keeps the NIP
    rows = city.opds()[:1]
    rows[0]["Nama Kepala"] = "Dr. Drs. Pejabat Nomor 1, M.Si., M.M."
    result = import_file(city_db, "opd", fill(tmp_path, "opd", rows, name="gelar.xlsx"))
    assert result.of(Action.CHANGED)[0].details == (
        "nama kepala: Drs. Pejabat Nomor 1, M.Si. → Dr. Drs. Pejabat Nomor 1, M.Si., M.M.",)


# --- programs --------------------------------------------------------------------------------------------


def test_programs_with_kegiatan_carry_the_sum_and_a_wrong_sum_is_refused(city_db: Database, tmp_path: Path) -> None:
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:1]))
    rows = city.programs()[:4]
    result = import_file(city_db, "program", fill(tmp_path, "program", rows))
    assert result.counts[Action.ADDED] == 4
    with city_db.read() as s:
        pagu = dict(s.execute(select(Program.code, ProgramBudget.pagu).join(ProgramBudget)
                              .where(ProgramBudget.year == 2026)).all())
    code = city.program_code(0)
    assert pagu == {code: 3_000_000_000, f"{code}.2.01": 3_000_000_000, f"{code}.2.01.0001": 2_000_000_000,
                    f"{code}.2.01.0002": 1_000_000_000}
    rows[0]["Pagu 2027"] = 3_500_000_000
    with pytest.raises(ImportRefused) as refused:
        import_file(city_db, "program", fill(tmp_path, "program", rows, name="salah.xlsx"))
    [problem] = refused.value.problems
    assert (problem.row, problem.column) == (5, "Pagu 2027")
    assert problem.message == ("pagu program (Rp 3.500.000.000) tidak sama dengan jumlah pagu kegiatan di bawahnya "
                               "(Rp 3.000.000.000); kosongkan atau perbaiki")


# --- realisations: the wizard's rules ---------------------------------------------------------------------


@pytest.fixture
def signed_city(city_db: Database, tmp_path: Path) -> Database:
    """Three OPDs of the city with their plan and 2026 PKs signed."""
    folder = tmp_path / "plan"
    folder.mkdir()
    import_file(city_db, "pimpinan", fill(folder, "pimpinan", city.leaders()))
    import_file(city_db, "opd", fill(folder, "opd", city.opds()[:3]))
    import_file(city_db, "rpjmd", fill(folder, "rpjmd", city.rpjmd()))
    import_file(city_db, "renstra", fill(folder, "renstra", city.renstra()[:6]))
    import_file(city_db, "program", fill(folder, "program", city.programs()[:12]))
    agreement_batch.create_for_year(city_db, 2026, None)
    agreement_batch.finalize_for_year(city_db, 2026, None, on=date(2026, 1, 20))
    agreement_batch.sign_for_year(city_db, 2026, None, date(2026, 1, 26))
    return city_db


def test_realisations_follow_the_wizards_rules(signed_city: Database, tmp_path: Path) -> None:
    indicators, budgets = city.realisations()
    path = fill(tmp_path, "realisasi", indicators[:6], "Realisasi Indikator")
    city.fill(path, path, budgets[:3], "Realisasi Anggaran")
    result = import_file(signed_city, "realisasi", path)
    assert result.counts == {Action.ADDED: 9, Action.CHANGED: 0, Action.UNCHANGED: 0}
    with signed_city.read() as s:
        assert s.scalar(select(func.count()).select_from(IndicatorRealization)) == 6
    # a closed quarter takes nothing more
    evaluation.close_quarter(signed_city, 2026, 1)
    indicators[0]["Realisasi"] = 29
    closed = fill(tmp_path, "realisasi", indicators[:1], "Realisasi Indikator", name="lagi.xlsx")
    with pytest.raises(ImportRefused) as refused:
        import_file(signed_city, "realisasi", closed)
    assert [(p.row, p.column, p.message) for p in refused.value.problems] == [
        (3, "Triwulan", "triwulan 1 tahun 2026 sudah ditutup Bappeda; data tidak dapat diubah")]


def test_realisations_need_a_signed_agreement(city_db: Database, tmp_path: Path) -> None:
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:1]))
    indicators, _budgets = city.realisations()
    with pytest.raises(ImportRefused) as refused:
        import_file(city_db, "realisasi", fill(tmp_path, "realisasi", indicators[:1], "Realisasi Indikator"))
    assert refused.value.problems[0].message == (
        "belum ada PK 2026 Setda yang ditandatangani; realisasi hanya dicatat untuk PK yang ditandatangani")


# --- long files: progress and cancel --------------------------------------------------------------------


def test_progress_is_reported_and_cancel_leaves_the_database_as_it_was(city_db: Database, tmp_path: Path) -> None:
    path = fill(tmp_path, "opd", city.opds())
    seen: list[tuple[int, int, str]] = []
    import_file(city_db, "opd", path, dry_run=True, progress=lambda d, t, m: seen.append((d, t, m)))
    fractions = [d / t for d, t, _m in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1
    assert {"Memeriksa berkas…", "Membaca berkas…", "Menyimpan perangkat daerah…", "Selesai"} <= {m for *_, m in seen}
    before = city.database_checksum(city_db)
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 30  # while the rows are being written

    with pytest.raises(Cancelled):
        import_file(city_db, "opd", path, cancelled=cancelled)
    assert city.database_checksum(city_db) == before
    with city_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Opd)) == 0
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "excel.import")) == 0


def test_a_missing_column_or_sheet_is_named(city_db: Database, tmp_path: Path) -> None:
    path = workbook(tmp_path / "kurang.xlsx", {"Perangkat Daerah": [["Kode", "Nama", "Jenis"], ["1", "A", "Dinas"]]})
    with pytest.raises(ImportRefused) as refused:
        import_file(city_db, "opd", path)
    assert [str(p) for p in refused.value.problems] == [
        "Lembar “Perangkat Daerah”, baris 1, kolom “Singkatan”: kolom “Singkatan” tidak ditemukan pada baris judul"]
    with pytest.raises(ImportRefused, match="lembar “Program” tidak ditemukan"):
        import_file(city_db, "program", path)


def test_former_name_rows_are_kept_by_the_database(city_db: Database, tmp_path: Path) -> None:
    # The history written by a rename is the OPD service's own (services/opd.py), not a copy.
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:1]))
    rows = city.opds()[:1]
    rows[0]["Nama"] = "Sekretariat Daerah Kota"
    import_file(city_db, "opd", fill(tmp_path, "opd", rows, name="b.xlsx"), effective=date(2026, 7, 1))
    with city_db.read() as s:
        assert s.scalars(select(OpdNameHistory.name)).all() == ["Sekretariat Daerah"]


def test_a_column_left_out_of_the_sheet_keeps_what_is_stored(city_db: Database, tmp_path: Path) -> None:
    _plan(city_db, tmp_path, city.renstra()[:2])
    # a Renstra sheet without "Definisi/Formula", "Sumber Data" and "Bobot"; the targets of 2027 raised
    short = [["Kode OPD", "Tujuan", "Sasaran", "Indikator", "Satuan", "Target 2027"],
             [city.opd_code(0), "Meningkatnya kinerja Sekretariat Daerah", "Meningkatnya layanan Setda",
              "Persentase kepuasan layanan Setda", "%", 90]]
    result = import_file(city_db, "renstra", workbook(tmp_path / "singkat.xlsx", {"Renstra": short}))
    assert [c.details for c in result.of(Action.CHANGED)] == [("target 2027: 84 → 90",)], result.changes
    with city_db.read() as s:
        indicator = s.scalars(select(Indicator).where(Indicator.name == "Persentase kepuasan layanan Setda")).one()
        assert (indicator.definition, indicator.data_source, indicator.weight) == (
            "Survei kepuasan masyarakat", "Survei IKM", Decimal(2))
        target = s.scalars(select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator.id,
                                                         IndicatorTarget.year == 2027)).one()
        assert (target.q1, target.q4) == (Decimal("84.75"), Decimal(90))  # last value: from 2026's 83 up to 90
    # an OPD sheet without "Status Kepala" keeps a Plt. a Plt.
    rows = [["Kode", "Nama", "Singkatan", "Jenis", "Nama Kepala", "NIP Kepala", "Jabatan Kepala"]]
    row = city.opds()[5]
    rows.append([row["Kode"], row["Nama"], row["Singkatan"], row["Jenis"], row["Nama Kepala"], row["NIP Kepala"],
                 row["Jabatan Kepala"]])
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:6], name="enam.xlsx"))
    again = import_file(city_db, "opd", workbook(tmp_path / "tanpa-status.xlsx", {"Perangkat Daerah": rows}))
    assert again.counts == {Action.ADDED: 0, Action.CHANGED: 0, Action.UNCHANGED: 1}


def test_the_columns_declared_limits_are_named_at_their_cells(city_db: Database, tmp_path: Path) -> None:
    rows = city.opds()[:2]
    rows[1]["Nama"] = "Dinas " + "Sangat " * 40  # 286 characters; the column holds 200
    with pytest.raises(ImportRefused) as refused:
        import_file(city_db, "opd", fill(tmp_path, "opd", rows))
    assert [str(p) for p in refused.value.problems] == [
        "Lembar “Perangkat Daerah”, baris 4, kolom “Nama”: Nama OPD terlalu panjang (285 karakter; paling banyak 200)"]
    import_file(city_db, "opd", fill(tmp_path, "opd", city.opds()[:1], name="satu.xlsx"))
    programs = city.programs()[:1]
    programs[0]["Pagu 2026"] = 10**16
    with pytest.raises(ImportRefused) as refused:
        import_file(city_db, "program", fill(tmp_path, "program", programs))
    assert [(p.row, p.column) for p in refused.value.problems] == [(5, "Pagu 2026")]
    assert refused.value.problems[0].message.startswith("Pagu harus antara 0 dan ")
