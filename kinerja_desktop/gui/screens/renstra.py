"""Renstra & Indikator: per OPD, the tree tujuan → sasaran → indikator, linked up to the RPJMD sasaran.

Add, edit, move and retire nodes through the forms of ui/goal_form.ui and ui/indicator_form.ui. An OPD
sasaran with no link to an RPJMD sasaran, or without an indicator, is flagged (alignment check). The
target column follows the main window's fiscal year.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...db.errors import KinerjaDbError
from ...domain.enums import GoalKind
from ...domain.formatting import format_number
from ...services import renstra
from ...services.errors import ValidationError
from ...services.renstra import NO_INDICATOR, NOT_LINKED, GoalNode, PeriodInfo
from .. import messages
from ..dialogs.goal_form_dialog import GoalFormDialog
from ..dialogs.indicator_form_dialog import IndicatorFormDialog
from ..models.renstra_tree_model import NodeKind, RenstraTreeModel, TreeItem
from .base import Screen, heading, note

WARNING_STYLE = "color: #a15c00;"
OK_STYLE = "color: #1e7832;"


class RenstraScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog: GoalFormDialog | IndicatorFormDialog | None = None
        self.period: PeriodInfo | None = None
        self._opds_of = None  # the database whose OPDs fill the combo
        self.model = RenstraTreeModel(self)

        self.opd_combo = QComboBox()
        self.opd_combo.setEditable(True)
        self.opd_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.opd_combo.lineEdit().setPlaceholderText(self.tr("Ketik untuk mencari perangkat daerah…"))
        completer = self.opd_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.opd_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 60))
        self.opd_combo.currentIndexChanged.connect(lambda _i: self.load_tree())
        opd_label = QLabel(self.tr("Perangkat &daerah:"))
        opd_label.setBuddy(self.opd_combo)
        self.show_retired = QCheckBox(self.tr("Tampilkan yang dinonaktifkan"))
        self.show_retired.toggled.connect(lambda _checked: self.load_tree())

        self.add_goal_button = self._button(self.tr("Tambah &tujuan…"), self.add_goal)
        self.add_target_button = self._button(self.tr("Tambah &sasaran…"), self.add_target)
        self.add_indicator_button = self._button(self.tr("Tambah &indikator…"), self.add_indicator)
        self.edit_button = self._button(self.tr("&Ubah…"), self.edit_selected)
        self.up_button = self._button(self.tr("&Naik"), lambda: self.move_selected(-1))
        self.down_button = self._button(self.tr("Tur&un"), lambda: self.move_selected(1))
        self.retire_button = self._button(self.tr("Nonakti&fkan"), self.toggle_selected_retired)
        self.up_button.setToolTip(self.tr("Pindahkan ke atas di antara saudaranya"))
        self.down_button.setToolTip(self.tr("Pindahkan ke bawah di antara saudaranya"))

        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setWordWrap(False)
        self.tree.doubleClicked.connect(lambda _index: self.edit_selected())
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RenstraTreeModel.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RenstraTreeModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RenstraTreeModel.NOTE, self.fontMetrics().horizontalAdvance("x" * 44))

        self.period_label = note()
        self.summary = note()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        top = QHBoxLayout()
        top.addWidget(opd_label)
        top.addWidget(self.opd_combo, 1)
        top.addWidget(self.show_retired)
        tools = QHBoxLayout()
        for button in (self.add_goal_button, self.add_target_button, self.add_indicator_button):
            tools.addWidget(button)
        tools.addSpacing(self.fontMetrics().horizontalAdvance("x" * 2))
        tools.addWidget(self.edit_button)
        tools.addWidget(self.up_button)
        tools.addWidget(self.down_button)
        tools.addWidget(self.retire_button)
        tools.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(top)
        layout.addWidget(self.period_label)
        layout.addLayout(tools)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self._update_buttons()

    @staticmethod
    def _button(text: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def title(self) -> str:
        return self.tr("Renstra & Indikator")

    # -- loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.db is None:
            self.opd_combo.clear()
            self._opds_of = None
            self.load_tree()
            return
        self._fill_opds()
        self.load_tree()

    def _fill_opds(self) -> None:
        assert self.db is not None
        current = self.current_opd_id()
        choices = renstra.opd_choices(self.db)
        self.opd_combo.blockSignals(True)
        self.opd_combo.clear()
        for opd_id, label in choices:
            self.opd_combo.addItem(label, opd_id)
        index = self.opd_combo.findData(current) if current and self._opds_of is self.db else 0
        self.opd_combo.setCurrentIndex(max(0, index) if choices else -1)
        self.opd_combo.blockSignals(False)
        self._opds_of = self.db

    def current_opd_id(self) -> str | None:
        return self.opd_combo.currentData() if self.opd_combo.currentIndex() >= 0 else None

    def select_opd(self, opd_id: str) -> bool:
        index = self.opd_combo.findData(opd_id)
        if index < 0:
            return False
        self.opd_combo.setCurrentIndex(index)
        return True

    def load_tree(self) -> None:
        """(Re)read the selected OPD's tree for the year, keeping the selected node."""
        selected = self.selected_id()
        self.period = renstra.period_for_year(self.db, self.year) if self.db and self.year else None
        opd_id = self.current_opd_id()
        goals: list[GoalNode] = []
        if self.db is not None and self.period is not None and opd_id:
            goals = renstra.renstra_tree(
                self.db, opd_id, self.period.id, self.year or 0, include_retired=self.show_retired.isChecked()
            )
        self.model.set_tree(goals, self.year)
        self.tree.expandAll()
        if selected:
            self.select_node(selected)
        self._update_texts()
        self._update_buttons()

    def _update_texts(self) -> None:
        if self.db is None:
            self.period_label.setText("")
            self.summary.setText("")
            return
        if self.period is None:
            self.period_label.setText(
                self.tr("Tahun {0} belum berada dalam periode RPJMD/Renstra mana pun.").format(self.year or "—")
                if self.year
                else self.tr("Belum ada tahun anggaran di basis data ini.")
            )
            self.summary.setText("")
            return
        if self.opd_combo.count() == 0:
            self.period_label.setText(self.tr("Belum ada perangkat daerah aktif; tambahkan di Perangkat Daerah."))
            self.summary.setText("")
            return
        items = [i for i in self.model.walk() if i.is_active]
        counts = [sum(1 for i in items if i.kind is kind) for kind in NodeKind]
        self.period_label.setText(
            self.tr("Periode {0} · {1} tujuan, {2} sasaran, {3} indikator aktif").format(
                self._period_name(self.period), *(format_number(c, 0) for c in counts)
            )
        )
        flagged = self.model.flagged()
        if not counts[1]:
            self.summary.setText(self.tr("Pemeriksaan keselarasan: belum ada sasaran."))
            self.summary.setStyleSheet("")
            return
        if not flagged:
            self.summary.setText(
                self.tr("✓ Pemeriksaan keselarasan: semua sasaran terhubung ke sasaran RPJMD dan memiliki indikator.")
            )
            self.summary.setStyleSheet(OK_STYLE)
            return
        not_linked = sum(1 for i in flagged if NOT_LINKED in i.flags)
        no_indicator = sum(1 for i in flagged if NO_INDICATOR in i.flags)
        parts = []
        if not_linked:
            parts.append(self.tr("{0} belum terhubung ke sasaran RPJMD").format(not_linked))
        if no_indicator:
            parts.append(self.tr("{0} belum memiliki indikator kinerja").format(no_indicator))
        self.summary.setText(
            self.tr("⚠ Pemeriksaan keselarasan: {0} sasaran perlu diperbaiki — {1}.").format(
                len(flagged), ", ".join(parts)
            )
        )
        self.summary.setStyleSheet(WARNING_STYLE)

    @staticmethod
    def _period_name(period: PeriodInfo) -> str:
        if str(period.start_year) in period.name and str(period.end_year) in period.name:
            return period.name
        return f"{period.name} ({period.start_year}–{period.end_year})"

    # -- selection -----------------------------------------------------------------------------------
    def selected_item(self) -> TreeItem | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.item(rows[0]) if rows else None

    def selected_id(self) -> str | None:
        item = self.selected_item()
        return item.id if item else None

    def select_node(self, node_id: str) -> bool:
        index = self.model.index_of(node_id)
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.tree.selectionModel().select(index, flags)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _tujuan_of(self, item: TreeItem | None) -> TreeItem | None:
        while item is not None and item.kind is not NodeKind.GOAL:
            item = item.parent
        return item

    def _sasaran_of(self, item: TreeItem | None) -> TreeItem | None:
        if item is not None and item.kind is NodeKind.INDICATOR:
            return item.parent
        return item if item is not None and item.kind is NodeKind.TARGET else None

    def _choices(self, kind: NodeKind) -> list[tuple[str, str]]:
        return [
            (i.id, self.model.data(self.model.index_of(i.id)))
            for i in self.model.walk()
            if i.kind is kind and i.is_active
        ]

    # -- actions -------------------------------------------------------------------------------------
    def add_goal(self) -> None:
        self._open_goal_dialog(GoalKind.GOAL)

    def add_target(self) -> None:
        tujuan = self._tujuan_of(self.selected_item())
        if tujuan is None or not tujuan.is_active:
            choices = self._choices(NodeKind.GOAL)
            parent_id = choices[0][0] if choices else None
        else:
            parent_id = tujuan.id
        self._open_goal_dialog(GoalKind.TARGET, parent_id=parent_id)

    def add_indicator(self) -> None:
        sasaran = self._sasaran_of(self.selected_item())
        if sasaran is None or self.db is None or self.period is None:
            return
        self._show_dialog(
            IndicatorFormDialog(
                self.db, self.period, goal_id=sasaran.id, targets=self._choices(NodeKind.TARGET), parent=self
            )
        )

    def edit_selected(self) -> None:
        item = self.selected_item()
        if item is None or self.db is None or self.period is None:
            return
        if item.kind is NodeKind.INDICATOR:
            try:
                dialog = IndicatorFormDialog(
                    self.db, self.period, indicator_id=item.id, targets=self._choices(NodeKind.TARGET), parent=self
                )
            except (ValidationError, KinerjaDbError) as exc:
                self._failed(exc)
                return
            self._show_dialog(dialog)
        else:
            kind = GoalKind.TARGET if item.kind is NodeKind.TARGET else GoalKind.GOAL
            self._open_goal_dialog(kind, goal_id=item.id)

    def _open_goal_dialog(self, kind: GoalKind, *, goal_id: str | None = None, parent_id: str | None = None) -> None:
        opd_id = self.current_opd_id()
        if self.db is None or self.period is None or not opd_id:
            return
        try:
            dialog = GoalFormDialog(
                self.db,
                opd_id=opd_id,
                opd_label=self.opd_combo.currentText(),
                period_id=self.period.id,
                kind=kind,
                goal_id=goal_id,
                parent_id=parent_id,
                goals=self._choices(NodeKind.GOAL),
                parent=self,
            )
        except (ValidationError, KinerjaDbError) as exc:
            self._failed(exc)
            return
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: GoalFormDialog | IndicatorFormDialog) -> None:
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()  # window-modal, returns at once; no session stays open meanwhile

    def _forget_dialog(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_saved(self, node_id: str) -> None:
        self.load_tree()
        self.select_node(node_id)

    def _failed(self, exc: Exception) -> None:
        messages.show_error(self, self.title(), str(exc))
        self.load_tree()

    def move_selected(self, step: int) -> None:
        item = self.selected_item()
        if item is None or self.db is None:
            return
        try:
            renstra.move_node(self.db, item.id, step, skip_retired=not self.show_retired.isChecked())
        except (ValidationError, KinerjaDbError) as exc:
            self._failed(exc)
            return
        self.load_tree()
        self.select_node(item.id)

    def toggle_selected_retired(self) -> None:
        item = self.selected_item()
        if item is None or self.db is None:
            return
        if item.is_active:
            if not messages.confirm(self, self.tr("Nonaktifkan"), self._retire_question(item)):
                return
        elif item.parent is not None and not item.parent.is_active:
            messages.show_warning(
                self,
                self.tr("Aktifkan"),
                self.tr("Induknya masih nonaktif. Aktifkan dahulu: {0}").format(
                    self.model.data(self.model.index_of(item.parent.id))
                ),
            )
            return
        try:
            renstra.set_retired(self.db, item.id, item.is_active)
        except (ValidationError, KinerjaDbError) as exc:
            self._failed(exc)
            return
        self.load_tree()
        if not self.select_node(item.id) and item.parent is not None:
            self.select_node(item.parent.id)

    def _retire_question(self, item: TreeItem) -> str:
        assert self.db is not None
        name = self.model.data(self.model.index_of(item.id))
        indicators = [item] if item.kind is NodeKind.INDICATOR else []
        stack = list(item.children)
        while stack:
            child = stack.pop()
            if child.kind is NodeKind.INDICATOR and child.is_active:
                indicators.append(child)
            stack.extend(child.children)
        used = sum(renstra.indicator_in_agreements(self.db, i.id) for i in indicators)
        if item.kind is NodeKind.INDICATOR:
            text = self.tr("Nonaktifkan indikator “{0}”?").format(name)
        else:
            text = self.tr("Nonaktifkan “{0}” beserta {1} indikator di bawahnya?").format(name, len(indicators))
        if used:
            text += "\n\n" + self.tr(
                "Perhatian: dipakai di {0} baris perjanjian kinerja. Perjanjian itu tetap menyimpan salinannya, "
                "tetapi indikator nonaktif tidak dapat dipilih lagi untuk perjanjian baru."
            ).format(used)
        text += "\n\n" + self.tr("Tidak ada yang dihapus; dapat diaktifkan kembali.")
        return text

    # -- state ---------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        ready = self.db is not None and self.period is not None and self.current_opd_id() is not None
        item = self.selected_item()
        self.add_goal_button.setEnabled(ready)
        self.add_target_button.setEnabled(ready and bool(self._choices(NodeKind.GOAL)))
        sasaran = self._sasaran_of(item)
        self.add_indicator_button.setEnabled(ready and sasaran is not None and sasaran.is_active)
        self.edit_button.setEnabled(ready and item is not None)
        siblings = item.siblings(self.model.roots()) if item is not None else []
        position = siblings.index(item) if item is not None else -1
        self.up_button.setEnabled(ready and position > 0)
        self.down_button.setEnabled(ready and 0 <= position < len(siblings) - 1)
        self.retire_button.setEnabled(ready and item is not None)
        retired = item is not None and not item.is_active
        self.retire_button.setText(self.tr("Aktif&kan kembali") if retired else self.tr("Nonakti&fkan"))

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.done(0)  # closing the database: no question about unsaved edits
            self.dialog = None

    def visible_texts(self, column: int = 0) -> list[str]:
        """The texts of the tree in display order, depth first (for tests and checks)."""
        texts: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, column, parent)
                texts.append(index.data())
                walk(self.model.index(row, 0, parent))

        walk(QModelIndex())
        return texts
