"""openpyxl is imported only when a template, an import or an export runs: start-up stays fast."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kinerja_desktop.db.database import Database

PROBE = """
import sys
from kinerja_desktop.gui.app import create_application
app = create_application()
from kinerja_desktop.db.database import open_database
from kinerja_desktop.gui.jobs import SyncRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services import users
database = open_database(sys.argv[1])
users.sign_in(database, "admin", "contoh123")  # the demo has several users: no login dialog to wait for
window = MainWindow(database, runner=SyncRunner())
for screen in window.screens:  # every screen built, shown and filled, its "Ekspor ke Excel" button with it
    window.show_screen(screen)
from kinerja_desktop.cli import build_parser
build_parser()
import kinerja_desktop.gui.excel_import_action, kinerja_desktop.services.excel_export
import kinerja_desktop.services.excel_import, kinerja_desktop.services.excel_template
print(sorted(m for m in ("openpyxl", "defusedxml") if m in sys.modules))
from kinerja_desktop.services.excel_template import write_template
write_template("opd", sys.argv[2])
print(sorted(m for m in ("openpyxl", "defusedxml") if m in sys.modules))
"""


def test_start_up_and_every_screen_leave_openpyxl_unloaded_until_excel_is_used(demo_db: Database, tmp_path: Path
                                                                             ) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, demo_db.location, str(tmp_path / "opd.xlsx")],
        capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["[]", "['defusedxml', 'openpyxl']"]
