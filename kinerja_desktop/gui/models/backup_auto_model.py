"""The automatic backups of the open database (``cadangan-otomatis``): when, how big, where."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from .backup_formatting import format_datetime, format_size
from .record_table import RIGHT, Column, RecordTableModel

_STAMP = re.compile(r"-(\d{8}-\d{6})\.kinerja-backup$")


@dataclass(frozen=True)
class AutoBackupRow:
    path: Path
    created: datetime  # local time, from the file name (the time the app was closed)
    size: int


def auto_backup_row(path: Path) -> AutoBackupRow:
    """A row for ``path``; the time comes from its name (``kinerja-20260126-170000``), else the file's."""
    found = _STAMP.search(path.name)
    created = None
    if found:
        try:
            created = datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            created = None
    stat = path.stat()
    return AutoBackupRow(path, created or datetime.fromtimestamp(stat.st_mtime), stat.st_size)


def _tr(text: str) -> str:
    return QCoreApplication.translate("backup_auto_model", text)


def auto_backup_model(parent: Any = None) -> RecordTableModel[AutoBackupRow]:
    return RecordTableModel[AutoBackupRow](
        [
            Column(_tr("Dibuat"), lambda r: format_datetime(r.created), lambda r: r.created),
            Column(_tr("Ukuran"), lambda r: format_size(r.size), lambda r: r.size, RIGHT),
            Column(_tr("Berkas"), lambda r: r.path.name, tooltip=lambda r: str(r.path)),
        ],
        parent,
        row_id=lambda r: str(r.path),
    )
