"""Periode & RPJMD: the planning periods, and per period the RPJMD misi → tujuan → sasaran → indikator.

Periods are created, edited and removed (retired when goals or agreements refer to them) above the tree;
the tree shows every year's target of each indicator and how many OPD sasaran support each RPJMD sasaran
(the link itself is made in Renstra & Indikator). The period shown follows the main window's year.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.enums import GoalKind, PeriodKind
from ...domain.formatting import format_number
from ...services import periods, renstra, rpjmd
from ...services.periods import PeriodRow
from ...services.removal import Removal
from ...services.renstra import PeriodInfo
from .. import messages, permissions
from ..dialogs.indicator_form_dialog import IndicatorFormDialog
from ..dialogs.period_form_dialog import PeriodFormDialog, next_period
from ..dialogs.rpjmd_goal_dialog import RpjmdGoalDialog
from ..excel_export_button import ExcelExportButton
from ..models.plan_tree import PlanItem
from ..models.rpjmd_tree_model import INDICATOR, RpjmdTreeModel
from .base import heading, note
from .plan_screen import PlanScreen, button


class RpjmdScreen(PlanScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(RpjmdTreeModel(), parent)
        self.model.setParent(self)
        self.periods: list[PeriodRow] = []
        self._follow_year = True
        self.period_combo = QComboBox()
        self.period_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 36))
        self.period_combo.currentIndexChanged.connect(lambda _i: self._on_period_chosen())
        period_label = QLabel(self.tr("&Periode:"))
        period_label.setBuddy(self.period_combo)
        self.new_period_button = button(self.tr("Peri&ode baru…"), self.new_period)
        self.edit_period_button = button(self.tr("Ubah p&eriode…"), self.edit_period)
        self.remove_period_button = button(self.tr("Hapus periode…"), self.remove_or_restore_period)
        self.show_retired = QCheckBox(self.tr("Tampilkan yang dinonaktifkan"))
        self.show_retired.toggled.connect(lambda _checked: self.refresh())
        self.period_info = note()

        self.add_mission_button = button(self.tr("Tambah &misi…"), lambda: self.add_goal(GoalKind.MISSION))
        self.add_goal_button = button(self.tr("Tambah &tujuan…"), lambda: self.add_goal(GoalKind.GOAL))
        self.add_target_button = button(self.tr("Tambah &sasaran…"), lambda: self.add_goal(GoalKind.TARGET))
        self.add_indicator_button = button(self.tr("Tambah &indikator…"), self.add_indicator)
        self.edit_button = button(self.tr("&Ubah…"), self.edit_selected)
        self.up_button = button(self.tr("&Naik"), lambda: self.move_selected(-1))
        self.down_button = button(self.tr("Tu&run"), lambda: self.move_selected(1))
        self.remove_button = button(self.tr("&Hapus…"), self.remove_selected)

        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period_combo)
        for widget in (self.new_period_button, self.edit_period_button, self.remove_period_button):
            top.addWidget(widget)
        top.addStretch()
        top.addWidget(self.show_retired)
        tools = QHBoxLayout()
        for widget in (self.add_mission_button, self.add_goal_button, self.add_target_button,
                       self.add_indicator_button):
            tools.addWidget(widget)
        tools.addSpacing(self.fontMetrics().horizontalAdvance("x" * 2))
        for widget in (self.edit_button, self.up_button, self.down_button, self.remove_button):
            tools.addWidget(widget)
        tools.addStretch()
        self.excel_button = ExcelExportButton(self, "rpjmd", lambda: self.db, year=self._period_year)
        tools.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(top)
        layout.addWidget(self.period_info)
        layout.addLayout(tools)
        layout.addWidget(self.result_label)
        layout.addWidget(self.tree, 1)
        permissions.bind_all((self.new_period_button, self.edit_period_button, self.remove_period_button,
                              self.add_mission_button, self.add_goal_button, self.add_target_button,
                              self.add_indicator_button, self.edit_button, self.up_button, self.down_button,
                              self.remove_button), "regency", lambda: self.db)
        self.update_buttons()

    def title(self) -> str:
        return self.tr("Periode & RPJMD")

    # -- periods -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.result_label.clear()
        self._fill_periods()
        self.load_tree()

    def _fill_periods(self, wanted: str | None = None) -> None:
        current = wanted or (None if self._follow_year else self.current_period_id())
        self._follow_year = False
        self.periods = periods.list_periods(self.db, include_retired=self.show_retired.isChecked()) if self.db else []
        if current is None and self.db is not None and self.year is not None:
            of_year = renstra.period_for_year(self.db, self.year)
            current = of_year.id if of_year else None
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for row in self.periods:
            self.period_combo.addItem(row.label, row.id)
        index = self.period_combo.findData(current)
        self.period_combo.setCurrentIndex(index if index >= 0 else (0 if self.periods else -1))
        self.period_combo.blockSignals(False)

    def set_context(self, db, year) -> None:  # noqa: ANN001 - Screen's signature
        # Another database or year: show the period of the year again (until the user picks another).
        self._follow_year = self._follow_year or db is not self.db or year != self.year
        super().set_context(db, year)

    def _period_year(self) -> int | None:
        """The first year of the period shown (the Excel export writes that period)."""
        row = next((p for p in self.periods if p.id == self.current_period_id()), None)
        return row.start_year if row is not None else self.year

    def current_period_id(self) -> str | None:
        return self.period_combo.currentData() if self.period_combo.currentIndex() >= 0 else None

    def current_period(self) -> PeriodRow | None:
        period_id = self.current_period_id()
        return next((p for p in self.periods if p.id == period_id), None)

    def select_period(self, period_id: str) -> bool:
        index = self.period_combo.findData(period_id)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)
        return index >= 0

    def _on_period_chosen(self) -> None:
        self.result_label.clear()
        self.load_tree()

    def new_period(self) -> None:
        if self.db is None:
            return
        dialog = PeriodFormDialog(self.db, suggested=next_period(periods.list_periods(self.db)), parent=self)
        dialog.saved.connect(self._on_period_saved)
        self._open_period_dialog(dialog)

    def edit_period(self) -> None:
        period = self.current_period()
        if self.db is None or period is None:
            return
        dialog = PeriodFormDialog(self.db, period_id=period.id, parent=self)
        dialog.saved.connect(self._on_period_saved)
        self._open_period_dialog(dialog)

    def _open_period_dialog(self, dialog: PeriodFormDialog) -> None:
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _on_period_saved(self, period_id: str) -> None:
        self.years_changed.emit()  # first: the main window's reload refreshes this screen too
        self._fill_periods(period_id)
        self.load_tree()

    def remove_or_restore_period(self) -> None:
        period = self.current_period()
        if self.db is None or period is None:
            return
        try:
            if period.is_active:
                question = self.tr(
                    "Hapus periode {0}?\n\nBila sudah ada RPJMD, Renstra atau Perjanjian Kinerja pada periode ini, "
                    "periode dinonaktifkan (tetap tersimpan, tahun-tahunnya dapat dipakai periode lain)."
                ).format(period.name)
                if not messages.confirm(self, self.tr("Hapus periode"), question):
                    return
                result = periods.remove_period(self.db, period.id)
                text = (
                    self.tr("Periode {0} dihapus.") if result is Removal.DELETED
                    else self.tr("Periode {0} dinonaktifkan: RPJMD, Renstra atau PK merujuknya.")
                )
            else:
                periods.restore_period(self.db, period.id)
                text = self.tr("Periode {0} diaktifkan kembali.")
        except Exception as exc:  # noqa: BLE001 - ValidationError / KinerjaDbError, said in Indonesian
            self.failed(exc)
            return
        self.years_changed.emit()  # first: the main window's reload refreshes this screen too
        self._fill_periods(period.id)
        self.load_tree()
        self.result_label.setText(text.format(period.name))

    # -- the tree ------------------------------------------------------------------------------------
    def load_tree(self) -> None:
        selected = self.selected_id()
        period = self.current_period()
        roots = []
        if self.db is not None and period is not None:
            roots = rpjmd.rpjmd_tree(self.db, period.id, include_retired=self.show_retired.isChecked())
        assert isinstance(self.model, RpjmdTreeModel)
        self.model.set_tree(roots, list(period.years) if period else [])
        self.size_columns(RpjmdTreeModel.DESCRIPTION)
        self.tree.expandAll()
        if selected:
            self.select_node(selected)
        self._update_info(period)
        self.update_buttons()

    def _update_info(self, period: PeriodRow | None) -> None:
        if self.db is None:
            self.period_info.setText("")
            return
        if period is None:
            self.period_info.setText(self.tr("Belum ada periode perencanaan: buat dengan Periode baru."))
            return
        items = [i for i in self.model.walk() if i.is_active]
        counts = [sum(1 for i in items if i.kind == kind) for kind in (*GoalKind, INDICATOR)]
        state = "" if period.is_active else self.tr(" (nonaktif)")
        kind = "" if period.kind is PeriodKind.RPJMD else self.tr(" (periode transisi)")
        self.period_info.setText(
            self.tr("{0}{1}{2} · tahun anggaran {3}–{4} · {5} misi, {6} tujuan, {7} sasaran, {8} indikator").format(
                period.name, kind, state, period.start_year, period.end_year, *(format_number(c, 0) for c in counts)
            )
        )

    def _ancestor(self, item: PlanItem | None, kind: object) -> PlanItem | None:
        while item is not None and item.kind != kind:
            item = item.parent
        return item

    def _choices(self, kind: object) -> list[tuple[str, str]]:
        return [(i.id, self.label_of(i)) for i in self.model.walk() if i.kind == kind and i.is_active]

    def _period_info(self) -> PeriodInfo | None:
        period = self.current_period()
        return PeriodInfo(period.id, period.name, period.start_year, period.end_year) if period else None

    def add_goal(self, kind: GoalKind) -> None:
        item = self.selected_item()
        parent_id = None
        if kind is GoalKind.GOAL:
            misi = self._ancestor(item, GoalKind.MISSION)
            parent_id = misi.id if misi is not None and misi.is_active else None
        elif kind is GoalKind.TARGET:
            tujuan = self._ancestor(item, GoalKind.GOAL)
            choices = self._choices(GoalKind.GOAL)
            parent_id = tujuan.id if tujuan is not None and tujuan.is_active else (choices[0][0] if choices else None)
        self._open_goal_dialog(kind, parent_id=parent_id)

    def _open_goal_dialog(self, kind: GoalKind, *, goal_id: str | None = None, parent_id: str | None = None) -> None:
        period = self.current_period()
        if self.db is None or period is None:
            return
        parents = {GoalKind.GOAL: self._choices(GoalKind.MISSION), GoalKind.TARGET: self._choices(GoalKind.GOAL)}
        try:
            dialog = RpjmdGoalDialog(
                self.db, period_id=period.id, period_label=period.name, kind=kind, goal_id=goal_id,
                parent_id=parent_id, parents=parents.get(kind, []), parent=self,
            )
        except Exception as exc:  # noqa: BLE001 - the node may be gone: said in Indonesian
            self.failed(exc)
            return
        self.show_dialog(dialog)

    def add_indicator(self) -> None:
        sasaran = self._ancestor(self.selected_item(), GoalKind.TARGET)
        info = self._period_info()
        if sasaran is None or self.db is None or info is None:
            return
        self.show_dialog(
            IndicatorFormDialog(self.db, info, goal_id=sasaran.id, targets=self._choices(GoalKind.TARGET),
                                parent=self, save=rpjmd.save_indicator)
        )

    def edit_selected(self) -> None:
        item = self.selected_item()
        info = self._period_info()
        if item is None or self.db is None or info is None:
            return
        if item.kind == INDICATOR:
            try:
                dialog = IndicatorFormDialog(self.db, info, indicator_id=item.id,
                                             targets=self._choices(GoalKind.TARGET), parent=self,
                                             save=rpjmd.save_indicator)
            except Exception as exc:  # noqa: BLE001 - the node may be gone: said in Indonesian
                self.failed(exc)
                return
            self.show_dialog(dialog)
        else:
            self._open_goal_dialog(GoalKind(item.kind), goal_id=item.id)

    def move_selected(self, step: int) -> None:
        item = self.selected_item()
        if item is None or self.db is None:
            return
        try:
            rpjmd.move_node(self.db, item.id, step, skip_retired=not self.show_retired.isChecked())
        except Exception as exc:  # noqa: BLE001
            self.failed(exc)
            return
        self.load_tree()
        self.select_node(item.id)

    def remove_selected(self) -> None:
        item = self.selected_item()
        if item is None or self.db is None:
            return
        below, stack = 0, list(item.children)
        while stack:
            child = stack.pop()
            below += 1
            stack.extend(child.children)
        question = self.tr("Hapus “{0}”").format(self.label_of(item))
        question += self.tr(" beserta {0} simpul di bawahnya?").format(below) if below else "?"
        question += "\n\n" + self.tr(
            "Yang sudah dirujuk sasaran Renstra OPD, Perjanjian Kinerja atau realisasi tidak dihapus, melainkan "
            "dinonaktifkan (dapat diaktifkan kembali)."
        )
        db = self.db
        self.remove_or_restore(question, lambda node_id: rpjmd.remove_node(db, node_id),
                               lambda node_id: rpjmd.restore_node(db, node_id))

    # -- state ---------------------------------------------------------------------------------------
    def update_buttons(self) -> None:
        period = self.current_period()
        ready = self.db is not None and period is not None and period.is_active
        item = self.selected_item()
        self.edit_period_button.setEnabled(self.db is not None and period is not None)
        self.remove_period_button.setEnabled(self.db is not None and period is not None)
        self.remove_period_button.setText(
            self.tr("Aktifkan periode") if period is not None and not period.is_active else self.tr("Hapus periode…")
        )
        self.new_period_button.setEnabled(self.db is not None)
        self.add_mission_button.setEnabled(ready)
        self.add_goal_button.setEnabled(ready)
        self.add_target_button.setEnabled(ready and bool(self._choices(GoalKind.GOAL)))
        sasaran = self._ancestor(item, GoalKind.TARGET)
        self.add_indicator_button.setEnabled(ready and sasaran is not None and sasaran.is_active)
        self.edit_button.setEnabled(ready and item is not None)
        siblings = item.siblings(self.model.roots()) if item is not None else []
        position = siblings.index(item) if item is not None else -1
        self.up_button.setEnabled(ready and position > 0)
        self.down_button.setEnabled(ready and 0 <= position < len(siblings) - 1)
        self.remove_button.setEnabled(ready and item is not None)
        retired = item is not None and not item.is_active
        self.remove_button.setText(self.tr("Aktifkan &kembali") if retired else self.tr("&Hapus…"))
