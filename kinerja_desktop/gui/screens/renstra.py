"""Renstra & Indikator: per OPD, the tree tujuan → sasaran → indikator, linked up to the RPJMD sasaran.

Add, edit, move and retire nodes through the forms of ui/goal_form.ui and ui/indicator_form.ui. An OPD
sasaran with no link to an RPJMD sasaran, or without an indicator, is flagged (alignment check). The
target column follows the main window's fiscal year.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...db.errors import KinerjaDbError
from ...domain.enums import GoalKind
from ...domain.formatting import format_number
from ...services import renstra
from ...services.errors import ValidationError
from ...services.renstra import NO_INDICATOR, NOT_LINKED, GoalNode, PeriodInfo
from .. import messages, permissions
from ..dialogs.goal_form_dialog import GoalFormDialog
from ..dialogs.indicator_form_dialog import IndicatorFormDialog
from ..excel_export_button import ExcelExportButton
from ..models.renstra_tree_model import NodeKind, RenstraTreeModel, TreeItem
from ..opd_picker import OpdPicker
from .base import heading, note
from .plan_screen import PlanScreen, button

WARNING_STYLE = "color: #a15c00;"
OK_STYLE = "color: #1e7832;"


class RenstraScreen(PlanScreen):
    model: RenstraTreeModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(RenstraTreeModel(), parent)
        self.model.setParent(self)
        self.period: PeriodInfo | None = None

        self.opd_combo = OpdPicker()
        self.opd_combo.currentIndexChanged.connect(lambda _i: self.load_tree())
        opd_label = QLabel(self.tr("Perangkat &daerah:"))
        opd_label.setBuddy(self.opd_combo)
        self.show_retired = QCheckBox(self.tr("Tampilkan yang dinonaktifkan"))
        self.show_retired.toggled.connect(lambda _checked: self.load_tree())

        self.add_goal_button = button(self.tr("Tambah &tujuan…"), self.add_goal)
        self.add_target_button = button(self.tr("Tambah &sasaran…"), self.add_target)
        self.add_indicator_button = button(self.tr("Tambah &indikator…"), self.add_indicator)
        self.edit_button = button(self.tr("&Ubah…"), self.edit_selected)
        self.up_button = button(self.tr("&Naik"), lambda: self.move_selected(-1))
        self.down_button = button(self.tr("Tu&run"), lambda: self.move_selected(1))
        self.retire_button = button(self.tr("Nonakti&fkan"), self.toggle_selected_retired)
        self.up_button.setToolTip(self.tr("Pindahkan ke atas di antara saudaranya"))
        self.down_button.setToolTip(self.tr("Pindahkan ke bawah di antara saudaranya"))

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
        for widget in (self.add_goal_button, self.add_target_button, self.add_indicator_button):
            tools.addWidget(widget)
        tools.addSpacing(self.fontMetrics().horizontalAdvance("x" * 2))
        tools.addWidget(self.edit_button)
        tools.addWidget(self.up_button)
        tools.addWidget(self.down_button)
        tools.addWidget(self.retire_button)
        tools.addStretch()
        self.excel_button = ExcelExportButton(self, "renstra", lambda: self.db, year=lambda: self.year)
        tools.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(top)
        layout.addWidget(self.period_label)
        layout.addLayout(tools)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        permissions.bind_all((self.add_goal_button, self.add_target_button, self.add_indicator_button,
                              self.edit_button, self.up_button, self.down_button, self.retire_button),
                             "opd_data", lambda: self.db, opd=self.current_opd_id,
                             watch=[self.opd_combo.currentIndexChanged])
        self.update_buttons()

    def title(self) -> str:
        return self.tr("Renstra & Indikator")

    # -- loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.opd_combo.fill(self.db)
        self.load_tree()

    def current_opd_id(self) -> str | None:
        return self.opd_combo.current_opd_id()

    def select_opd(self, opd_id: str) -> bool:
        return self.opd_combo.select(opd_id)

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
        self.update_buttons()

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
            (i.id, self.label_of(i))
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
        self.show_dialog(
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
                self.failed(exc)
                return
            self.show_dialog(dialog)
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
            self.failed(exc)
            return
        self.show_dialog(dialog)

    def move_selected(self, step: int) -> None:
        item = self.selected_item()
        if item is None or self.db is None:
            return
        try:
            renstra.move_node(self.db, item.id, step, skip_retired=not self.show_retired.isChecked())
        except (ValidationError, KinerjaDbError) as exc:
            self.failed(exc)
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
                    self.label_of(item.parent)
                ),
            )
            return
        try:
            renstra.set_retired(self.db, item.id, item.is_active)
        except (ValidationError, KinerjaDbError) as exc:
            self.failed(exc)
            return
        self.load_tree()
        if not self.select_node(item.id) and item.parent is not None:
            self.select_node(item.parent.id)

    def _retire_question(self, item: TreeItem) -> str:
        assert self.db is not None
        name = self.label_of(item)
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
    def update_buttons(self) -> None:
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
