"""Opening the Perjanjian Kinerja list on the city (benchmarks/city.py): 60 OPDs × 40 indicators × 5 years, a PK
per OPD-year.

    python benchmarks/agreement_list.py [--runs 15] [--year 2027]

Each run builds the screen, loads the year (service ``list_agreements`` + Pakta Integritas, the model, sorting
inside the model) and shows the view until the event loop is idle. Baseline, in the same run: the same rows (every
cell's text) as a new ``QStandardItemModel`` on a shown bare ``QTableView`` of the same size (bare_views.py).
Prints the medians (wall and CPU time of this process) and their ratio. Goal (the issue that made the screen):
under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_MS = 150.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--year", type=int, default=2027)
    args = parser.parse_args()

    import city

    town = city.city()
    with tempfile.TemporaryDirectory() as folder:
        return measure(args.runs, args.year, city.copy_city(town, Path(folder)), town)


def measure(runs: int, year: int, path: Path, town) -> int:  # noqa: ANN001 - a city.City
    import bare_views
    from PySide6.QtWidgets import QTableView

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.gui.app import create_application
    from kinerja_desktop.gui.screens.agreements import AgreementsScreen

    app = create_application()
    db = open_database(path)
    bare = QTableView()
    bare.resize(1366, 705)
    bare.show()
    rows: list[list[str]] = []

    def open_list() -> None:
        screen = AgreementsScreen()
        screen.set_context(db, year)
        screen.refresh()
        screen.resize(1366, 705)
        screen.show()
        app.processEvents()
        if not rows:  # the texts the screen shows, for the baseline
            rows.extend(bare_views.table_texts(screen.model))
        assert screen.model.rowCount() == town.opds
        screen.shutdown()
        screen.close()
        screen.deleteLater()

    figures: dict[str, list[tuple[float, float]]] = {"baseline": [], "open": []}
    try:
        open_list()  # the first run warms imports and caches
        app.processEvents()
        for _ in range(runs):
            figures["open"].append(bare_views.timed(open_list))
            app.processEvents()  # the closed screen deleted, outside the timing
            figures["baseline"].append(bare_views.timed(lambda: bare_views.show_table(bare, rows)))
    finally:
        db.close()
    return bare_views.report(
        f"city {town.opds} OPD × {town.indicators} indikator × {town.years} tahun; PK list of {year} "
        f"({len(rows)} rows)",
        "PK list opened", "QTableView", figures["baseline"], figures["open"], GOAL_MS,
    )

if __name__ == "__main__":
    raise SystemExit(main())
