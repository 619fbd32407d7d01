"""The report kinds of the Excel export: a year's agreements (``pk``), a quarter's realisations and capaian
(``evaluasi``), the ranking (``peringkat``), the OPDs that did not report (``belum-lapor``) and the reporting
recap (``rekap``). Each reads through the same services as its screen; ``excel_export.py`` writes them.

``evaluasi`` is laid out as a ``realisasi`` import file (its first columns), so an OPD can be sent its own
rows to complete, and a quarter can be moved from one database to another.
"""

from __future__ import annotations

from typing import Any

from ..db.database import Database
from ..domain import Efficiency
from ..domain.enums import AgreementKind, Quarter
from ..interchange.xlsx_write import ColumnOut, Kind, SheetOut
from . import agreements, evaluation, overview
from .excel_import_plan import show_target
from .excel_layouts import REALISASI, REALISASI_ANGGARAN
from .renstra import TargetData

T, N, F, R, Y, D, C = Kind.TEXT, Kind.NUMBER, Kind.FIXED2, Kind.RUPIAH, Kind.YEAR, Kind.DATE, Kind.CODE
COUNT = Kind.INTEGER


def _columns(*spec: tuple[str, Kind]) -> list[ColumnOut]:
    return [ColumnOut(header, kind) for header, kind in spec]


def _efficiency(value: str | None) -> str:
    return Efficiency(value).label if value else ""


def report_sheets(db: Database, kind: str, year: int, quarter: int | None) -> list[SheetOut]:
    if kind == "pk":
        return _agreements(db, year)
    if kind == "rekap":
        return _recap(db, year)
    if kind == "skp":  # the cascade's targets per official, a sheet each
        from .cascade_skp import skp_sheets

        return skp_sheets(db, year)
    assert quarter is not None
    if kind == "evaluasi":
        return _evaluation(db, year, quarter)
    if kind == "peringkat":
        return _ranking(db, year, quarter)
    return _not_reported(db, year, quarter)


def _agreements(db: Database, year: int) -> list[SheetOut]:
    heads, items, programs = [], [], []
    levels = (AgreementKind.REGIONAL, AgreementKind.OPD)
    for row in agreements.list_agreements(db, year, include_inactive=True, levels=levels):
        if row.agreement_id is None:
            continue
        detail = agreements.get_agreement(db, row.agreement_id)
        heads.append([
            row.level.label, row.opd_code, row.opd_name, detail.version_no, row.status_label, detail.sign_date,
            detail.place,
            detail.first.name, detail.first.nip or "", detail.first.printed_position, detail.first.rank,
            detail.second.name, detail.second.printed_position, len(detail.items), detail.total_budget,
        ])
        for n, item in enumerate(detail.items, start=1):
            target = show_target(TargetData(year, item.target, item.target_high, item.target_grade), item.polarity)
            items.append([row.opd_code, detail.version_no, n, item.sasaran, item.indicator_name, item.unit, target,
                          *item.quarters, item.weight])
        for n, program in enumerate(detail.programs, start=1):
            programs.append([row.opd_code, detail.version_no, n, program.code, program.name, program.budget,
                             program.note])
    return [
        SheetOut("PK", _columns(
            ("Tingkat", T), ("Kode OPD", C), ("Perangkat Daerah", T), ("Versi", Y), ("Status", T),
            ("Tanggal Tanda Tangan", D), ("Tempat", T), ("Pihak Pertama", T), ("NIP Pihak Pertama", C),
            ("Jabatan Pihak Pertama", T),
            ("Pangkat Pihak Pertama", T), ("Pihak Kedua", T), ("Jabatan Pihak Kedua", T), ("Jumlah Indikator", COUNT),
            ("Total Anggaran", R)), heads),
        SheetOut("Indikator PK", _columns(
            ("Kode OPD", C), ("Versi", Y), ("No", Y), ("Sasaran", T), ("Indikator", T), ("Satuan", T),
            ("Target", N), ("TW1", N), ("TW2", N), ("TW3", N), ("TW4", N), ("Bobot", N)), items),
        SheetOut("Program PK", _columns(
            ("Kode OPD", C), ("Versi", Y), ("No", Y), ("Kode Program", C), ("Program", T), ("Anggaran", R),
            ("Keterangan", T)), programs),
    ]


def _evaluation(db: Database, year: int, quarter: int) -> list[SheetOut]:
    indicators: list[list[Any]] = []
    budgets: list[list[Any]] = []
    for e in evaluation.evaluate_quarter(db, year, quarter):
        for r in e.indicators:
            own = r.quarter_grades[quarter - 1] or r.quarter_values[quarter - 1]
            indicators.append([
                e.opd_code, year, quarter, r.name, own, r.problems, r.follow_up,
                e.opd_abbreviation, r.sasaran, r.unit, r.yearly_target, r.target_to_date,
                r.grade or r.realization_to_date,
                r.capaian, r.progress, r.state.label, "ya" if r.verified else "belum",
            ])
        for p in e.programs:
            budgets.append([e.opd_code, year, quarter, p.code, p.quarter_amounts[quarter - 1],
                            e.opd_abbreviation, p.name, p.pagu, p.realized_to_date, p.absorption])
    realisation = [ColumnOut(c.header, c.kind) for c in REALISASI.columns_out([])]
    budget = [ColumnOut(c.header, c.kind) for c in REALISASI_ANGGARAN.columns_out([])]
    return [
        SheetOut(REALISASI.title, [*realisation, *_columns(
            ("Singkatan", T), ("Sasaran", T), ("Satuan", T), ("Target Tahunan", N), ("Target s.d. TW", N),
            ("Realisasi s.d. TW", N), ("Capaian (%)", F), ("Progres Tahunan (%)", F), ("Keadaan", T),
            ("Diverifikasi", T))], indicators),
        SheetOut(REALISASI_ANGGARAN.title, [*budget, *_columns(
            ("Singkatan", T), ("Program", T), ("Pagu", R), ("Realisasi Anggaran s.d. TW", R),
            ("Serapan (%)", F))], budgets),
    ]


def _ranking(db: Database, year: int, quarter: int) -> list[SheetOut]:
    ranking = evaluation.ranking(db, year, quarter)
    rows = [
        [r.rank, r.opd_code, r.opd_abbreviation, r.opd_name, r.score, r.predicate or "", r.absorption,
         _efficiency(r.efficiency), r.indicator_count, r.missing, r.flag]
        for r in ranking.rows
    ]
    title = f"Peringkat TW {Quarter(quarter).roman} {year}"
    return [SheetOut(title, _columns(
        ("Peringkat", Y), ("Kode", C), ("Singkatan", T), ("Perangkat Daerah", T), ("Nilai", F), ("Predikat", T),
        ("Serapan (%)", F), ("Efisiensi", T), ("Indikator", COUNT), ("Belum Diisi", COUNT), ("Catatan", T)), rows)]


def _not_reported(db: Database, year: int, quarter: int) -> list[SheetOut]:
    missing = evaluation.not_reported(evaluation.evaluate_quarter(db, year, quarter))
    rows = [[n, e.opd_code, e.opd_abbreviation, e.opd_name, len(e.indicators)] for n, e in enumerate(missing, start=1)]
    return [SheetOut(f"Belum Lapor TW {Quarter(quarter).roman} {year}", _columns(
        ("No", Y), ("Kode", C), ("Singkatan", T), ("Perangkat Daerah", T), ("Jumlah Indikator", COUNT)), rows)]


def _recap(db: Database, year: int) -> list[SheetOut]:
    rows = []
    for r in overview.reporting_completeness(db, year):
        missing = [Quarter(q).roman for q in (1, 2, 3, 4) if r.indicator_count and r.reported[q - 1] == 0]
        rows.append([r.code, r.abbreviation, r.name, r.indicator_count, *r.reported, r.reports_received,
                     r.indicator_count * 4, r.completeness,
                     ", ".join(missing) if missing else ("lengkap" if r.indicator_count else "tanpa indikator")])
    return [SheetOut(f"Rekap Pelaporan {year}", _columns(
        ("Kode", C), ("Singkatan", T), ("Perangkat Daerah", T), ("Indikator", COUNT), ("Laporan TW I", COUNT),
        ("Laporan TW II", COUNT), ("Laporan TW III", COUNT), ("Laporan TW IV", COUNT), ("Laporan Masuk", COUNT),
        ("Laporan Diharapkan", COUNT), ("Kelengkapan (%)", F), ("Triwulan Belum Lapor", T)), rows)]
