"""Conflicts and refusals of a package import as people read them (the GUI shows these texts as they are).

The merge labels rows with table and column names ("Dinkes · indicator_realization 2026 1", field
``value``, value ``"77.5"``); here they become "Dinkes · Realisasi indikator 2026 TW1", "Realisasi", "77,5".
How a value is shown follows what its column holds (:func:`kinerja_desktop.db.sync_scope.value_kind`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ..db.sync_scope import value_kind
from ..domain.formatting import format_date, format_datetime, format_number, format_rupiah
from ..interchange.merge import Conflict, Refusal

TABLE_LABELS = {
    "regency": "Pemerintah daerah",
    "regional_leader": "Kepala daerah",
    "planning_period": "Periode perencanaan",
    "fiscal_year": "Tahun anggaran",
    "official": "Pejabat",
    "quarter_closure": "Penutupan triwulan",
    "opd": "Perangkat daerah",
    "opd_name_history": "Riwayat nama OPD",
    "position": "Jabatan",
    "position_holder": "Pemegang jabatan",
    "goal_program": "Program sasaran",
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
    "verification": "Verifikasi",
    "verification_event": "Riwayat verifikasi",
}

FIELD_LABELS = {
    "value": "Realisasi",
    "grade": "Nilai kualitatif",
    "problems": "Permasalahan",
    "follow_up": "Tindak lanjut",
    "verified": "Terverifikasi",
    "state": "Status verifikasi",
    "submitted_at": "Waktu diajukan",
    "submitted_by": "Diajukan oleh",
    "decided_at": "Waktu diputuskan",
    "decided_by": "Diputuskan oleh",
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


WHOLE_ROW = "(seluruh baris)"
EMPTY = "(kosong)"


@dataclass(frozen=True)
class ConflictView:
    """One conflict as shown: the row, the column, and the base, central and incoming values."""

    conflict: Conflict
    data: str  # "Dinkes · Realisasi indikator 2026 TW1"
    field: str  # "Realisasi"; "(seluruh baris)" for an edit against a deletion
    base: str
    central: str
    incoming: str

    @property
    def key(self) -> tuple[str, str, str | None]:
        return self.conflict.key


def conflict_view(conflict: Conflict) -> ConflictView:
    """The texts a person reads for ``conflict``."""
    c = conflict

    def side(value: Any, name: str) -> str:
        if c.field is None:
            return _whole_row(value, name)
        return show_value(c.table, c.field, value)

    return ConflictView(
        conflict=c,
        data=row_label(c.label, c.table),
        field=field_label(c.field),
        base=side(c.base, "base"),
        central=side(c.central, "central"),
        incoming=side(c.incoming, "incoming"),
    )


def refusal_label(refusal: Refusal) -> str:
    """The refused row as people read it ("Dinkes · Perjanjian Kinerja 2025")."""
    return row_label(refusal.label, refusal.table)


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def field_label(field: str | None) -> str:
    if field is None:
        return WHOLE_ROW
    return FIELD_LABELS.get(field, field)


def row_label(label: str, table: str) -> str:
    """The merge's row label with the table's Indonesian name and "TW" before a quarter."""
    text = label.replace(table, table_label(table), 1)
    if table in _QUARTER_TABLES:
        text = re.sub(r"(\d{4}) ([1-4])$", r"\1 TW\2", text)
    return text


def _whole_row(value: Any, side: str) -> str:
    """What a side holds when the conflict is about a whole row (an edit against a deletion)."""
    if side == "base":
        return "(baris sebelumnya)"
    where = "di pusat" if side == "central" else "di paket"
    return f"diubah {where}" if value is not None else f"dihapus {where}"


def show_value(table: str, field: str, value: Any) -> str:
    """A value of ``table.field`` as the user reads it: "77,5", "Rp 1.250.000", "26 Januari 2026", "Ya"."""
    if value is None or value == "":
        return EMPTY
    kind = value_kind(table, field)
    text = str(value)
    if kind == "bool" or isinstance(value, bool):
        return "Ya" if value in (True, 1, "1", "true") else "Tidak"
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
