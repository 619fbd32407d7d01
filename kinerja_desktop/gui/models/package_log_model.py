"""The packages imported into this database: when, from where, what changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ...interchange.manifest import KIND_MASTER
from ...services.sync import ImportLogEntry
from .backup_formatting import format_count, format_datetime, local_time
from .record_table import ALERT, RIGHT, Column, RecordTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("package_log_model", text)


def kind_label(kind: str) -> str:
    return _tr("Paket induk") if kind == KIND_MASTER else _tr("Paket lapangan")


def _count(title: str, value: Any, alert: bool = False) -> Column[ImportLogEntry]:
    return Column(
        title,
        lambda e: format_count(value(e)),
        value,
        RIGHT,
        color=(lambda e: ALERT if value(e) else None) if alert else None,
    )


def package_log_model(parent: Any = None) -> RecordTableModel[ImportLogEntry]:
    return RecordTableModel[ImportLogEntry](
        [
            Column(_tr("Diimpor"), lambda e: format_datetime(local_time(e.imported_at)), lambda e: e.imported_at),
            Column(_tr("Dari"), lambda e: e.source_label or "—"),
            Column(_tr("Jenis"), lambda e: kind_label(e.kind)),
            Column(_tr("Nomor"), lambda e: str(e.seq), lambda e: e.seq, RIGHT),
            _count(_tr("Ditambah"), lambda e: e.added),
            _count(_tr("Diubah"), lambda e: e.changed),
            _count(_tr("Dihapus"), lambda e: e.deleted),
            _count(_tr("Konflik"), lambda e: e.conflicts, alert=True),
            _count(_tr("Ditolak"), lambda e: e.refused, alert=True),
            Column(_tr("Berkas"), lambda e: e.file_name, tooltip=lambda e: e.file_name),
        ],
        parent,
    )
