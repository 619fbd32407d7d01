"""Columns sized to their contents as ``QHeaderView.ResizeToContents`` sizes them, for a fraction of its cost.

Qt sizes such a column by asking the delegate for the size hint of every cell, each hint several ``data()`` calls
into Python: the ranking's 60 rows × 7 columns cost ≈ 15 ms of every open and year switch of the Evaluasi screen
(benchmarks/evaluation.py). The widest text decides the width, so only the cells whose text is about as wide as
the widest are asked here; the width is then Qt's own figure (tests/gui compares it with Qt's sizing).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QObject
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QTableView

# Pixels: a text this much narrower than the widest may still get as wide a size hint (the style rounds its
# layout's width up, and may shape a text a little differently); one cell of each such width is asked.
_SLACK = 2.0
# Characters the style lays out otherwise than one line of text (its width is not the text's advance): such a cell
# is always asked.
_LAID_OUT = frozenset("\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029")


class ContentColumns(QObject):
    """Keeps ``columns`` of ``view`` as wide as their contents (and header) whenever the model's rows change."""

    def __init__(self, view: QTableView, columns: Sequence[int]) -> None:
        super().__init__(view)
        self._view = view
        self._columns = tuple(columns)
        self._model: QAbstractItemModel | None = None
        view.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self.fit())  # the arrow's room
        self.follow(view.model())

    def follow(self, model: QAbstractItemModel) -> None:
        """Size by ``model`` (the view's model, again when the view is given a new one: the header then gives
        every section its global mode again)."""
        header = self._view.horizontalHeader()
        for column in self._columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
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
        texts = getattr(model, "column_texts", None) or (lambda column: _texts(model, column))
        grid = 1 if view.showGrid() else 0
        for column in self._columns:
            if header.isSectionHidden(column):
                continue
            # One cell per distinct width of text (digits are all as wide): its size hint stands for the others.
            by_advance: dict[float, int] = {}
            asked: list[int] = []
            for row, text in enumerate(texts(column)):
                if _LAID_OUT.isdisjoint(text):
                    by_advance.setdefault(metrics.horizontalAdvance(text), row)
                else:  # several lines, a tab: as wide as the style lays it out
                    asked.append(row)
            widest = max(by_advance, default=0.0)
            asked += [row for advance, row in by_advance.items() if advance >= widest - _SLACK]
            cells = max((view.sizeHintForIndex(model.index(row, column)).width() for row in asked), default=0)
            width = max(cells + grid, header.sectionSizeHint(column))
            width = min(max(width, header.minimumSectionSize()), header.maximumSectionSize())
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)


def _texts(model: QAbstractItemModel, column: int) -> list[str]:
    """The texts shown in ``column``, row by row (a model's ``column_texts`` gives them without Qt's round trip)."""
    return [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
