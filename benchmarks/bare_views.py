"""The baseline of a screen's benchmark: the same rows shown by a bare Qt view, measured in the same run.

A screen's list or tree, opened on the city (benchmarks/city.py), is measured against what Qt itself takes to show
the same texts: a new ``QStandardItemModel`` holding every cell as text, set on a shown bare ``QTableView`` or
``QTreeView`` of the same size, until the event loop is idle. Used by agreement_list.py and renstra_tree.py
(evaluation.py keeps its own, older form of the same).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication

# One row of a tree: its cells' texts and its children.
TreeRow = tuple[Sequence[str], Sequence["TreeRow"]]


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) milliseconds of one call."""
    started, cpu = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def table_texts(model: QAbstractItemModel) -> list[list[str]]:
    """Every cell of a flat model as the text it shows."""
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def tree_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[TreeRow]:
    """Every row of a tree model, as the texts of its cells and its children, depth first."""
    parent = parent if parent is not None else QModelIndex()
    columns = model.columnCount(parent)
    return [
        (
            [str(model.index(r, c, parent).data() or "") for c in range(columns)],
            tree_texts(model, model.index(r, 0, parent)),
        )
        for r in range(model.rowCount(parent))
    ]


def count_rows(rows: Sequence[TreeRow]) -> int:
    return sum(1 + count_rows(children) for _cells, children in rows)


def show_table(view: QAbstractItemView, rows: Sequence[Sequence[str]]) -> None:
    """The baseline of a list: ``rows`` as a new model on the shown ``view``, painted."""
    model = QStandardItemModel(len(rows), len(rows[0]) if rows else 0)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            model.setItem(r, c, QStandardItem(text))
    _set(view, model)


def show_tree(view: QAbstractItemView, rows: Sequence[TreeRow]) -> None:
    """The baseline of a tree: ``rows`` as a new model on the shown ``view`` (every branch expanded), painted."""
    model = QStandardItemModel()

    def add(parent: QStandardItem, children: Sequence[TreeRow]) -> None:
        for cells, below in children:
            items = [QStandardItem(text) for text in cells]
            parent.appendRow(items)
            add(items[0], below)

    add(model.invisibleRootItem(), rows)
    _set(view, model)
    view.expandAll()  # type: ignore[attr-defined]


def _set(view: QAbstractItemView, model: QStandardItemModel) -> None:
    old = view.model()
    view.setModel(model)
    if old is not None:
        old.deleteLater()
    view.viewport().repaint()
    QApplication.processEvents()


def report(title: str, label: str, view: str, baseline: list[tuple[float, float]],
           measured: list[tuple[float, float]], goal_ms: float) -> int:
    """Print the medians of ``measured`` and of its ``baseline`` (wall and CPU) with their ratio and the goal;
    the exit status: 0 when the median wall time is under ``goal_ms``."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{title} at 1366×705, offscreen; runs: {len(measured)}; load average {load:.1f}; medians")
    base_wall, base_cpu = (statistics.median(t[n] for t in baseline) for n in (0, 1))
    wall, cpu = (statistics.median(t[n] for t in measured) for n in (0, 1))
    print(f"baseline: bare {view}, the same rows: wall {base_wall:6.1f} ms, CPU {base_cpu:6.1f} ms")
    print(f"{label:<16}: wall {wall:6.1f} ms ({wall / base_wall:.1f} × baseline), "
          f"CPU {cpu:6.1f} ms ({cpu / base_cpu:.1f} × baseline); goal < {goal_ms:.0f} ms: "
          f"{'OK' if wall < goal_ms else 'SLOW'}")
    return 0 if wall < goal_ms else 1
