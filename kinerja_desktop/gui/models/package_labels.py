"""Indonesian names of the tables and columns a package carries, and their values as people read them.

The services label rows with table and column names ("Dinkes · indicator_realization 2026 1", field
``value``); the GUI shows "Dinkes · Realisasi indikator 2026 TW1", "Realisasi", "77,5".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...domain.formatting import format_date, format_number, format_rupiah
from .backup_formatting import format_datetime

TABLE_LABELS = {
    "regency": "Pemerintah daerah",
    "regional_leader": "Kepala daerah",
    "planning_period": "Periode perencanaan",
    "fiscal_year": "Tahun anggaran",
    "official": "Pejabat",
    "quarter_closure": "Penutupan triwulan",
    "opd": "Perangkat daerah",
    "opd_name_history": "Riwayat nama OPD",
    "opd_head": "Kepala OPD",
    "goal": "Tujuan/sasaran",
    "indicator": "Indikator",
    "indicator_target": "Target indikator",
    "program": "Program",
    "program_budget": "Pagu program",
    "performance_agreement": "Perjanjian Kinerja",
    "agreement_item": "Butir PK",
    "agreement_program": "Program PK",
    "integrity_pact": "Pakta Integritas",
    "indicator_realization": "Realisasi indikator",
    "budget_realization": "Realisasi anggaran",
    "evidence": "Berkas bukti",
}

FIELD_LABELS = {
    "value": "Realisasi",
    "grade": "Nilai kualitatif",
    "problems": "Permasalahan",
    "follow_up": "Tindak lanjut",
    "verified": "Terverifikasi",
    "verified_at": "Waktu verifikasi",
    "reported_at": "Waktu lapor",
    "amount": "Jumlah",
    "target": "Target",
    "target_high": "Target atas",
    "target_grade": "Target kualitatif",
    "q1": "Target TW I",
    "q2": "Target TW II",
    "q3": "Target TW III",
    "q4": "Target TW IV",
    "weight": "Bobot",
    "baseline": "Nilai dasar (baseline)",
    "baseline_year": "Tahun baseline",
    "name": "Nama",
    "code": "Kode",
    "abbreviation": "Singkatan",
    "statement": "Pernyataan",
    "unit": "Satuan",
    "polarity": "Polaritas",
    "cumulation": "Kumulasi",
    "definition": "Definisi",
    "formula": "Formula",
    "data_source": "Sumber data",
    "notes": "Catatan",
    "note": "Keterangan",
    "budget": "Anggaran",
    "pagu": "Pagu",
    "status": "Status",
    "place": "Tempat",
    "sign_date": "Tanggal tanda tangan",
    "address": "Alamat",
    "phone": "Telepon",
    "email": "Surel",
    "website": "Situs web",
    "position": "Jabatan",
    "rank": "Pangkat",
    "nip": "NIP",
    "is_active": "Aktif",
    "sort_order": "Urutan",
    "year": "Tahun",
    "quarter": "Triwulan",
    "start_date": "Mulai",
    "end_date": "Sampai",
    "file_name": "Nama berkas",
    "sasaran": "Sasaran",
    "indicator_name": "Nama indikator",
    "amendment_reason": "Alasan perubahan",
}

RUPIAH_FIELDS = frozenset(("budget", "pagu", "amount"))
_QUARTER_TABLES = ("indicator_realization", "budget_realization", "quarter_closure")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("package_labels", text)


def table_label(table: str) -> str:
    return _tr(TABLE_LABELS.get(table, table))


def field_label(field: str | None) -> str:
    if field is None:
        return _tr("(seluruh baris)")
    return _tr(FIELD_LABELS.get(field, field))


def row_label(label: str, table: str) -> str:
    """The service's row label with the table's Indonesian name and "TW" before a quarter."""
    text = label.replace(table, table_label(table), 1)
    if table in _QUARTER_TABLES:
        text = re.sub(r"(\d{4}) ([1-4])$", r"\1 TW\2", text)
    return text


def _column_kind(table: str, field: str) -> str:
    """ "decimal", "date", "datetime", "bool", "int" or "" from the table's column type."""
    from ...db.types import ExactDecimal
    from ...interchange.tables import metadata_tables

    found = metadata_tables().get(table)
    if found is None or field not in found.c:
        return ""
    column_type = found.c[field].type
    if isinstance(column_type, ExactDecimal):
        return "decimal"
    try:
        python_type: Any = column_type.python_type
    except NotImplementedError:
        return ""
    return {bool: "bool", Decimal: "decimal", datetime: "datetime", date: "date", int: "int"}.get(python_type, "")


def show_value(table: str, field: str | None, value: Any, *, whole_row: str = "") -> str:
    """A value of a conflict as the user reads it; a whole row (an edit against a deletion) by ``whole_row``."""
    if field is None:
        return whole_row
    if value is None or value == "":
        return _tr("(kosong)")
    kind = _column_kind(table, field)
    text = str(value)
    if kind == "bool" or isinstance(value, bool):
        return _tr("Ya") if value in (True, 1, "1", "true") else _tr("Tidak")
    if field in RUPIAH_FIELDS and kind == "int" and _DECIMAL.match(text):
        return format_rupiah(int(Decimal(text)))
    if kind == "decimal" and _DECIMAL.match(text):
        try:
            return format_number(Decimal(text), None)
        except InvalidOperation:
            return text
    if kind == "date" and _ISO_DATE.match(text):
        return format_date(date.fromisoformat(text))
    if kind == "datetime" and _ISO_DATETIME.match(text):
        try:
            return format_datetime(datetime.fromisoformat(text.replace(" ", "T")))
        except ValueError:
            return text
    return text
