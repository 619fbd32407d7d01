"""Opening one OPD's Renstra tree on the city (benchmarks/city.py): service call + tree model + view painted.

    python benchmarks/renstra_tree.py [--runs 9]

On the Renstra & Indikator screen (offscreen, 1366×705) it switches between the city's OPDs and times each switch
until the tree is painted. Baseline, in the same run: the same rows (every cell's text) as a new
``QStandardItemModel`` on a shown bare ``QTreeView`` of the same size, every branch expanded (bare_views.py).
Prints the medians (wall and CPU time of this process) and their ratio. Goal (the issue that made the screen):
a switch under 150 ms.
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
YEAR = 2027


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    import city

    town = city.city()
    with tempfile.TemporaryDirectory() as folder:
        return measure(args.runs, city.copy_city(town, Path(folder)), town)


def measure(runs: int, path: Path, town) -> int:  # noqa: ANN001 - a city.City
    import bare_views
    from PySide6.QtWidgets import QTreeView
    from sqlalchemy import select

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import Opd
    from kinerja_desktop.gui.app import create_application
    from kinerja_desktop.gui.screens.renstra import RenstraScreen

    app = create_application()
    db = open_database(path)
    with db.read() as session:
        opd_ids = list(session.scalars(select(Opd.id).order_by(Opd.sort_order, Opd.code)))
    screen = RenstraScreen()
    screen.resize(1366, 705)
    screen.set_context(db, YEAR)
    screen.refresh()
    screen.show()
    bare = QTreeView()
    bare.resize(screen.tree.size())
    bare.show()
    app.processEvents()
    switches = iter(range(1, 10**6))
    rows: list[bare_views.TreeRow] = []

    def switch() -> None:
        opd_id = opd_ids[(next(switches) * 7 + 3) % len(opd_ids)]
        screen.select_opd(opd_id)  # service call + model population (load_tree)
        screen.tree.viewport().repaint()  # the view painted
        app.processEvents()

    figures: dict[str, list[tuple[float, float]]] = {"baseline": [], "switch": []}
    try:
        switch()  # the first switch warms caches
        for _ in range(runs):
            figures["switch"].append(bare_views.timed(switch))
            rows = bare_views.tree_texts(screen.model)
            figures["baseline"].append(bare_views.timed(lambda: bare_views.show_tree(bare, rows)))  # noqa: B023
    finally:
        screen.close()
        db.close()
    nodes = bare_views.count_rows(rows)
    assert nodes > town.indicators, nodes  # the OPD's sasaran and every indicator under them
    return bare_views.report(
        f"city {town.opds} OPD × {town.indicators} indikator × {town.years} tahun; Renstra tree of one OPD "
        f"({nodes} nodes)",
        "OPD switch", "QTreeView", figures["baseline"], figures["switch"], GOAL_MS,
    )

if __name__ == "__main__":
    raise SystemExit(main())
