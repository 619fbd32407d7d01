"""Program & Anggaran: per OPD the DPA's programs → kegiatan → sub kegiatan with Permendagri 90/2019 codes and
pagu for each year of the period.

A row whose children carry pagu shows their sum (kept by the service); the PK lampiran lists programs with
these totals. Removing deletes rows nothing refers to and retires rows an agreement or a budget realisation
refers to.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ProgramLevel
from ...domain.formatting import format_number, format_rupiah
from ...services import programs, renstra
from .. import permissions
from ..dialogs.program_form_dialog import ProgramFormDialog
from ..excel_export_button import ExcelExportButton
from ..models.plan_tree import PlanItem
from ..models.program_tree_model import ProgramTreeModel
from ..opd_picker import OpdPicker
from .base import heading, note
from .plan_screen import PlanScreen, button


class ProgramsScreen(PlanScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ProgramTreeModel(), parent)
        self.model.setParent(self)
        self.years: list[int] = []
        self.opd_combo = OpdPicker()
        self.opd_combo.currentIndexChanged.connect(lambda _i: self.load_tree())
        opd_label = QLabel(self.tr("Perangkat &daerah:"))
        opd_label.setBuddy(self.opd_combo)
        self.show_retired = QCheckBox(self.tr("Tampilkan yang dinonaktifkan"))
        self.show_retired.toggled.connect(lambda _checked: self.load_tree())
        self.info = note()

        self.add_program_button = button(self.tr("Tambah &program…"), lambda: self.add(ProgramLevel.PROGRAM))
        self.add_activity_button = button(self.tr("Tambah &kegiatan…"), lambda: self.add(ProgramLevel.ACTIVITY))
        self.add_sub_button = button(self.tr("Tambah sub k&egiatan…"), lambda: self.add(ProgramLevel.SUB_ACTIVITY))
        self.edit_button = button(self.tr("&Ubah…"), self.edit_selected)
        self.remove_button = button(self.tr("&Hapus…"), self.remove_selected)

        top = QHBoxLayout()
        top.addWidget(opd_label)
        top.addWidget(self.opd_combo, 1)
        top.addWidget(self.show_retired)
        tools = QHBoxLayout()
        for widget in (self.add_program_button, self.add_activity_button, self.add_sub_button):
            tools.addWidget(widget)
        tools.addSpacing(self.fontMetrics().horizontalAdvance("x" * 2))
        tools.addWidget(self.edit_button)
        tools.addWidget(self.remove_button)
        tools.addStretch()
        self.excel_button = ExcelExportButton(self, "program", lambda: self.db, year=lambda: self.year)
        tools.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addLayout(tools)
        layout.addWidget(self.result_label)
        layout.addWidget(self.tree, 1)
        permissions.bind_all((self.add_program_button, self.add_activity_button, self.add_sub_button,
                              self.edit_button, self.remove_button), "opd_data", lambda: self.db,
                             opd=self.current_opd_id, watch=[self.opd_combo.currentIndexChanged])
        self.update_buttons()

    def title(self) -> str:
        return self.tr("Program & Anggaran")

    # -- loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.result_label.clear()
        self.opd_combo.fill(self.db)
        self.load_tree()

    def current_opd_id(self) -> str | None:
        return self.opd_combo.current_opd_id()

    def select_opd(self, opd_id: str) -> bool:
        return self.opd_combo.select(opd_id)

    def _period(self) -> renstra.PeriodInfo | None:
        return renstra.period_for_year(self.db, self.year) if self.db is not None and self.year else None

    def load_tree(self) -> None:
        selected = self.selected_id()
        opd_id = self.current_opd_id()
        roots = []
        if self.db is not None and opd_id:
            roots = programs.program_tree(self.db, opd_id, include_retired=self.show_retired.isChecked())
        period = self._period()
        years = set(period.years) if period else ({self.year} if self.year else set())
        if not years:  # no year chosen: the years the DPA has
            stack = list(roots)
            while stack:
                node = stack.pop()
                years.update(node.pagu)
                stack.extend(node.children)
        self.years = sorted(years)
        assert isinstance(self.model, ProgramTreeModel)
        self.model.set_tree(roots, self.years)
        self.size_columns(ProgramTreeModel.DESCRIPTION)
        # The sasaran's text is long: a narrow column (the tooltip has it whole) leaves the names room.
        goal = self.model.goal_column
        self.tree.header().setSectionResizeMode(goal, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(goal, self.fontMetrics().horizontalAdvance("x" * 22))
        self.tree.expandAll()
        if selected:
            self.select_node(selected)
        self._update_info()
        self.update_buttons()

    def _update_info(self) -> None:
        if self.db is None:
            self.info.setText("")
            return
        if self.opd_combo.count() == 0:
            self.info.setText(self.tr("Belum ada perangkat daerah aktif; tambahkan di Perangkat Daerah."))
            return
        active = [i for i in self.model.walk() if i.is_active]
        counts = [sum(1 for i in active if i.kind is level) for level in ProgramLevel]
        text = self.tr("{0} program, {1} kegiatan, {2} sub kegiatan").format(*(format_number(c, 0) for c in counts))
        assert isinstance(self.model, ProgramTreeModel)
        if self.year is not None:
            text += self.tr(" · pagu {0}: {1}").format(self.year, format_rupiah(self.model.total(self.year)))
        self.info.setText(text)

    def label_of(self, item: PlanItem) -> str:
        return f"{self.tr(item.kind.label)} {item.node.code} {item.node.name}"

    # -- actions -------------------------------------------------------------------------------------
    def _ancestor(self, item: PlanItem | None, level: ProgramLevel) -> PlanItem | None:
        while item is not None and item.kind is not level:
            item = item.parent
        return item

    def _sasaran(self, opd_id: str) -> list[tuple[str, str]]:
        period = self._period()
        return programs.sasaran_choices(self.db, opd_id, period.id) if self.db and period else []

    def add(self, level: ProgramLevel) -> None:
        opd_id = self.current_opd_id()
        if self.db is None or not opd_id:
            return
        parent = None
        parent_level = level.parent_level
        if parent_level is not None:
            parent = self._ancestor(self.selected_item(), parent_level)
            if parent is None or not parent.is_active:
                return
        self.show_dialog(
            ProgramFormDialog(
                self.db,
                opd_id=opd_id,
                opd_label=self.opd_combo.currentText(),
                level=level,
                parent_id=parent.id if parent else None,
                parent_code=parent.node.code if parent else "",
                parent_label=f"{parent.node.code} {parent.node.name}" if parent else "",
                years=self.years,
                sasaran=self._sasaran(opd_id) if level is ProgramLevel.PROGRAM else [],
                parent=self,
            )
        )

    def edit_selected(self) -> None:
        item = self.selected_item()
        opd_id = self.current_opd_id()
        if item is None or self.db is None or not opd_id:
            return
        parent = item.parent
        try:
            dialog = ProgramFormDialog(
                self.db,
                opd_id=opd_id,
                opd_label=self.opd_combo.currentText(),
                program_id=item.id,
                parent_label=f"{parent.node.code} {parent.node.name}" if parent else "",
                years=self.years,
                sasaran=self._sasaran(opd_id) if item.kind is ProgramLevel.PROGRAM else [],
                parent=self,
            )
        except Exception as exc:  # noqa: BLE001 - the row may be gone: said in Indonesian
            self.failed(exc)
            return
        self.show_dialog(dialog)

    def remove_selected(self) -> None:
        item = self.selected_item()
        if item is None or self.db is None:
            return
        below, stack = 0, list(item.children)
        while stack:
            child = stack.pop()
            below += 1
            stack.extend(child.children)
        question = self.tr("Hapus {0} {1} {2}").format(item.kind.label.lower(), item.node.code, item.node.name)
        question += self.tr(" beserta {0} kegiatan/sub kegiatan di bawahnya?").format(below) if below else "?"
        question += "\n\n" + self.tr(
            "Yang sudah tercantum di Perjanjian Kinerja atau memiliki realisasi anggaran tidak dihapus, melainkan "
            "dinonaktifkan (dapat diaktifkan kembali). Pagu induknya menyesuaikan."
        )
        db = self.db
        self.remove_or_restore(question, lambda node_id: programs.remove_program(db, node_id),
                               lambda node_id: programs.restore_program(db, node_id))

    # -- state ---------------------------------------------------------------------------------------
    def update_buttons(self) -> None:
        ready = self.db is not None and self.current_opd_id() is not None
        item = self.selected_item()
        program = self._ancestor(item, ProgramLevel.PROGRAM)
        activity = self._ancestor(item, ProgramLevel.ACTIVITY)
        self.add_program_button.setEnabled(ready)
        self.add_activity_button.setEnabled(ready and program is not None and program.is_active)
        self.add_sub_button.setEnabled(ready and activity is not None and activity.is_active)
        self.edit_button.setEnabled(ready and item is not None)
        self.remove_button.setEnabled(ready and item is not None)
        retired = item is not None and not item.is_active
        self.remove_button.setText(self.tr("Aktifkan &kembali") if retired else self.tr("&Hapus…"))
