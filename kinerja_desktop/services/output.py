"""Where new output may go: the one check behind every save dialog (the writers check again themselves).

A backup, a package, a PDF or a CSV must not replace the open database, its ``-wal``/``-shm`` journal, another
database file, or a folder (``db/files.py``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..db.database import Database
from ..db.errors import OutputPathError
from ..db.files import check_output_file, storage_errors, temporary_path, unlink_quietly
from ..db.files import output_problem as _output_problem


def output_problem(path: Path, database: Database | None = None, *, folder: bool = False) -> str | None:
    """Why ``path`` cannot take the output (an Indonesian sentence), or None when it can."""
    problem = _output_problem(Path(path), database.path if database is not None else None, folder=folder)
    return None if problem is None else str(OutputPathError(str(path), problem))


def copy_file(source: Path, target: Path, *, database: Database | None = None) -> Path:
    """Copy a finished file to where the user chose (a temporary name, then renamed); a full disk or a
    read-only folder is said in Indonesian and leaves nothing behind."""
    target = check_output_file(Path(target), database.path if database is not None else None)
    temporary = temporary_path(target)
    try:
        with storage_errors("menyimpan salinan", target.parent, "Salinan tidak dibuat."):
            shutil.copyfile(source, temporary)
            os.replace(temporary, target)
    finally:
        unlink_quietly(temporary)
    return target
