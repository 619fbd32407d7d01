"""Columns sized to their contents as ``QHeaderView.ResizeToContents`` sizes them, for a fraction of its cost.

Qt sizes such a column by asking the delegate for the size hint of every cell, each hint several ``data()`` calls
into Python: the ranking's 60 rows × 7 columns cost ≈ 15 ms of every open and year switch of the Evaluasi screen
(benchmarks/evaluation.py). The widest text decides the width, so only the cells whose text is about as wide as
the widest are asked here; the width is then Qt's own figure (tests/gui compares it with Qt's sizing).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QTableView

# Pixels: a text this much narrower than the widest may still get as wide a size hint (the style rounds its
# layout's width up, and may shape a text a little differently); one cell of each such width is asked.
_SLACK = 2.0


class ContentColumns(QObject):
    """Keeps ``columns`` of ``view`` as wide as their contents (and header) whenever the model's rows change."""

    def __init__(self, view: QTableView, columns: Sequence[int]) -> None:
        super().__init__(view)
        self._view = view
        self._columns = tuple(columns)
        self._model: QAbstractItemModel | None = None
        header = view.horizontalHeader()
        for column in self._columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.sortIndicatorChanged.connect(lambda *_: self.fit())  # the arrow's room in the header
        self.follow(view.model())

    def follow(self, model: QAbstractItemModel) -> None:
        """Size by ``model`` (the view's model, again when the view is given a new one)."""
        if self._model is not None:
            self._model.modelReset.disconnect(self.fit)
            self._model.layoutChanged.disconnect(self.fit)
        self._model = model
        model.modelReset.connect(self.fit)
        model.layoutChanged.connect(self.fit)
        self.fit()

    def fit(self) -> None:
        view, model = self._view, self._view.model()
        if model is None:
            return
        header = view.horizontalHeader()
        metrics = QFontMetricsF(view.font())
        rows = range(model.rowCount())
        grid = 1 if view.showGrid() else 0
        for column in self._columns:
            if header.isSectionHidden(column):
                continue
            # One cell per distinct width of text (digits are all as wide): its size hint stands for the others.
            by_advance: dict[float, QModelIndex] = {}
            for row in rows:
                index = model.index(row, column)
                by_advance.setdefault(metrics.horizontalAdvance(str(index.data() or "")), index)
            widest = max(by_advance, default=0.0)
            cells = max(
                (view.sizeHintForIndex(index).width() for advance, index in by_advance.items()
                 if advance >= widest - _SLACK),
                default=0,
            )
            width = max(cells + grid, header.sectionSizeHint(column))
            width = min(max(width, header.minimumSectionSize()), header.maximumSectionSize())
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
