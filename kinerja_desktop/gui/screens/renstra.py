"""Renstra & Indikator: per OPD, its goals → sasaran → indicators with unit, polarity and the year's target."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from ...domain.formatting import format_number
from ...services import overview
from ...services.overview import GoalNode, IndicatorNode
from .base import Screen, heading, note


def target_text(indicator: IndicatorNode) -> str:
    if indicator.target_grade:
        return indicator.target_grade
    if indicator.target is not None and indicator.target_high is not None:
        return f"{format_number(indicator.target, None)}–{format_number(indicator.target_high, None)}"
    return format_number(indicator.target, None)


class RenstraScreen(Screen):
    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.summary = note()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def title(self) -> str:
        return self.tr("Renstra & Indikator")

    def refresh(self) -> None:
        self.model.clear()
        year = self.year
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Perangkat daerah / tujuan / sasaran / indikator"),
                self.tr("Satuan"),
                self.tr("Polaritas"),
                self.tr("Target {0}").format(year or ""),
            ]
        )
        if self.db is None or year is None:
            self.summary.setText(self.tr("Belum ada tahun anggaran di basis data ini."))
            return
        opds = overview.goal_tree(self.db, year)
        indicators = 0
        root = self.model.invisibleRootItem()
        for opd in opds:
            item = self._item(f"{opd.abbreviation} — {opd.name}", bold=True)
            if not opd.goals:
                empty = self._item(self.tr("Belum ada tujuan atau sasaran Renstra untuk tahun ini"))
                empty.setEnabled(False)
                item.appendRow([empty])
            for goal in opd.goals:
                indicators += self._add_goal(item, goal)
            root.appendRow([item] + [self._item("") for _ in range(self.COLUMNS - 1)])
        self.summary.setText(
            self.tr("{0} perangkat daerah aktif, {1} indikator. Hanya baca; penyusunan Renstra menyusul.").format(
                format_number(len(opds), 0), format_number(indicators, 0)
            )
        )
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _add_goal(self, parent: QStandardItem, goal: GoalNode) -> int:
        label = goal.kind.label
        text = f"{label} {goal.code}: {goal.statement}" if goal.code else f"{label}: {goal.statement}"
        item = self._item(text)
        count = 0
        for indicator in goal.indicators:
            name = f"{indicator.code} {indicator.name}".strip()
            polarity = indicator.polarity.label.split(" (")[0]
            cells = [
                self._item(name),
                self._item(indicator.unit),
                self._item(polarity, tooltip=indicator.polarity.label),
                self._item(target_text(indicator) or self.tr("belum ada"), align_right=True),
            ]
            item.appendRow(cells)
            count += 1
        for child in goal.children:
            count += self._add_goal(item, child)
        parent.appendRow([item] + [self._item("") for _ in range(self.COLUMNS - 1)])
        return count

    @staticmethod
    def _item(text: str, *, bold: bool = False, tooltip: str = "", align_right: bool = False) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(tooltip or text)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        if align_right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item
