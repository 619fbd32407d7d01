"""Pohon Kinerja: the cascade from the RPJMD down to the officials (a zoomable tree with its alignment warnings,
printable on A4 or A3), and the positions inside each OPD with their holders (the Jabatan tab)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.errors import KinerjaDbError
from ...domain.cascade import CascadeTree, TreeNode
from ...domain.enums import AgreementStatus, GoalLevel
from ...domain.personnel import format_nip
from ...services import agreements as agreement_service
from ...services import cascade, positions, renstra
from ...services.cascade_tree import cascade_tree, print_cascade
from ...services.errors import ValidationError
from ...services.positions import PositionRow
from .. import messages, permissions
from ..cascade_view import CascadeView, NodeItem
from ..dialogs.agreement_editor import AgreementEditor
from ..dialogs.lower_goal_dialogs import LowerGoalDialog, LowerIndicatorDialog
from ..dialogs.position_dialogs import HolderDialog, LowerRealisationDialog, LowerTargetDialog, PositionDialog
from ..excel_export_button import ExcelExportButton
from ..jobs import JobRunner
from ..opd_picker import OpdPicker
from .base import Screen, heading, note
from .plan_screen import button

ALL = "__semua__"


class CascadeScreen(Screen):
    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.editor: AgreementEditor | None = None
        self.tree: CascadeTree | None = None
        self.tabs = QTabWidget()
        self.tree_tab = QWidget()
        self.positions_tab = QWidget()
        self.tabs.addTab(self.tree_tab, self.tr("&Pohon kinerja"))
        self.tabs.addTab(self.positions_tab, self.tr("&Jabatan"))
        self._build_tree_tab()
        self._build_positions_tab()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addWidget(self.tabs, 1)

    def title(self) -> str:
        return self.tr("Pohon Kinerja")

    # -- the tree ------------------------------------------------------------------------------------
    def _build_tree_tab(self) -> None:
        self.scope_combo = QComboBox()
        self.scope_combo.currentIndexChanged.connect(lambda _i: self.load_tree())
        scope_label = QLabel(self.tr("Ca&kupan:"))
        scope_label.setBuddy(self.scope_combo)
        self.view = CascadeView()
        self.zoom_in_button = button(self.tr("Perbesar (+)"), lambda: self.view.zoom_by(1.25))
        self.zoom_out_button = button(self.tr("Perkecil (−)"), lambda: self.view.zoom_by(1 / 1.25))
        self.fit_button = button(self.tr("Seluruh p&ohon"), self.view.fit)
        self.print_combo = QComboBox()
        self.print_combo.addItem(self.tr("A4 lanskap"), "a4")
        self.print_combo.addItem(self.tr("A3 lanskap"), "a3")
        self.print_button = button(self.tr("&Cetak PDF…"), self.print_tree)
        self.add_target_button = button(self.tr("&Tambah sasaran turunan…"), self.add_lower_target)
        self.add_target_button.setEnabled(False)
        # The chosen lower sasaran: changed, given another indicator, or removed (retired when a PK uses it)
        self.edit_target_button = button(self.tr("&Ubah sasaran…"), self.edit_lower_target)
        self.add_indicator_button = button(self.tr("Tambah &indikator…"), self.add_lower_indicator)
        self.remove_target_button = button(self.tr("&Hapus sasaran…"), self.remove_lower_target)
        self.chosen_label = QLabel()
        self.chosen_label.setTextFormat(Qt.TextFormat.PlainText)
        self.view.node_chosen.connect(lambda _id: self._update_tree_buttons())
        permissions.bind_all((self.add_target_button, self.edit_target_button, self.add_indicator_button,
                              self.remove_target_button), "opd_data", lambda: self.db, opd=self._chosen_opd_id)
        self.legend = note(self.tr("Warna kotak: hijau capaian ≥ 100%, kuning di bawah target, merah peringatan dini, "
                                   "abu-abu belum ada capaian. Bingkai merah: ada peringatan keselarasan."))
        self.warnings = QListWidget()
        self.warnings.itemActivated.connect(self._warning_chosen)
        self.warnings.itemClicked.connect(self._warning_chosen)
        self.warnings_label = QLabel(self.tr("Peringatan keselarasan"))
        top = QHBoxLayout()
        top.addWidget(scope_label)
        top.addWidget(self.scope_combo, 1)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            top.addWidget(widget)
        top.addSpacing(self.fontMetrics().horizontalAdvance("x" * 2))
        top.addWidget(self.print_combo)
        top.addWidget(self.print_button)
        chosen = QHBoxLayout()
        chosen.addWidget(self.chosen_label, 1)
        for widget in (self.add_target_button, self.edit_target_button, self.add_indicator_button,
                       self.remove_target_button):
            chosen.addWidget(widget)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.warnings_label)
        side_layout.addWidget(self.warnings, 1)
        self.warnings.setWordWrap(True)
        self.warnings.setSpacing(3)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([3000, 1000])
        layout = QVBoxLayout(self.tree_tab)
        layout.addLayout(top)
        layout.addLayout(chosen)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)
        self._update_tree_buttons()

    def _fill_scope(self) -> None:
        current = self.scope_combo.currentData()
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(self.tr("Seluruh pemerintah daerah"), ALL)
        if self.db is not None:
            for opd_id, label in renstra.opd_choices(self.db):
                self.scope_combo.addItem(label, opd_id)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(current)))
        self.scope_combo.blockSignals(False)

    def current_scope(self) -> str | None:
        data = self.scope_combo.currentData()
        return None if data in (None, ALL) else data

    def select_scope(self, opd_id: str | None) -> None:
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(opd_id or ALL)))

    def load_tree(self) -> None:
        self.warnings.clear()
        self.tree = None
        if self.db is None or not self.year:
            self.view.show_tree(None)
            return
        try:
            self.tree = cascade_tree(self.db, self.year, self.current_scope())
        except ValidationError as exc:
            self.view.show_tree(None)
            self.warnings.addItem(str(exc))
            return
        self.view.show_tree(self.tree)
        for warning in self.tree.warnings:
            item = QListWidgetItem(f"{warning.opd or 'RPJMD'} · {warning.message}: {warning.text}")
            item.setData(Qt.ItemDataRole.UserRole, warning.target_id)
            self.warnings.addItem(item)
        self.warnings_label.setText(self.tr("Peringatan keselarasan ({0})").format(len(self.tree.warnings)))
        self.view.overview()
        self._update_tree_buttons()

    def chosen_node(self) -> TreeNode | None:
        chosen = [i for i in self.view.scene().selectedItems() if isinstance(i, NodeItem)]
        return chosen[0].node if chosen else None

    def _update_tree_buttons(self) -> None:
        node = self.chosen_node()
        self.add_target_button.setEnabled(
            node is not None and bool(node.opd_id) and node.level.depth < GoalLevel.INDIVIDUAL.depth
        )
        lower = node is not None and node.level.depth > GoalLevel.OPD.depth
        for widget in (self.edit_target_button, self.add_indicator_button, self.remove_target_button):
            widget.setEnabled(lower)
        if node is None:
            self.chosen_label.setText(self.tr("Pilih sebuah kotak pada pohon untuk mengubahnya."))
            self.chosen_label.setToolTip("")
            return
        text = f"{self.tr(node.level.label)}: {node.text}"
        self.chosen_label.setToolTip(text)
        width = max(self.chosen_label.width(), self.fontMetrics().horizontalAdvance("x" * 30))
        self.chosen_label.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, width))

    def _chosen_opd_id(self) -> str | None:
        node = self.chosen_node()
        return node.opd_id or None if node is not None else None

    def parent_of(self, node: TreeNode) -> TreeNode | None:
        """The node ``node`` supports in the tree shown (None for a root)."""
        if self.tree is None:
            return None
        return next((n for n in self.tree.nodes() if any(c.id == node.id for c in n.children)), None)

    def add_lower_target(self) -> None:
        node = self.chosen_node()
        if self.db is None or node is None or not self.year or not node.opd_id:
            return
        if LowerTargetDialog(self.db, node, self.year, parent=self).exec():
            self.load_tree()

    def edit_lower_target(self) -> None:
        node = self.chosen_node()
        if self.db is None or node is None or self.tree is None or node.level.depth <= GoalLevel.OPD.depth:
            return
        try:
            dialog = LowerGoalDialog(self.db, node.id, self.tree, parent=self)
        except ValidationError as exc:
            messages.show_error(self, self.tr("Ubah sasaran turunan"), str(exc))
            return
        if dialog.exec():
            self.load_tree()
            self.view.show_node(node.id)

    def add_lower_indicator(self) -> None:
        node = self.chosen_node()
        if self.db is None or node is None or not self.year or node.level.depth <= GoalLevel.OPD.depth:
            return
        upper = self.parent_of(node)
        if upper is None or not upper.indicators:
            messages.show_warning(self, self.tr("Tambah indikator"), self.tr(
                "Sasaran di atasnya belum memiliki indikator yang dapat didukung; isi indikatornya lebih dulu."))
            return
        if LowerIndicatorDialog(self.db, node, upper, self.year, parent=self).exec():
            self.load_tree()
            self.view.show_node(node.id)

    def remove_lower_target(self) -> None:
        """Deleted when no PK or realisation refers to it (or to what supports it), else retired."""
        node = self.chosen_node()
        if self.db is None or node is None or node.level.depth <= GoalLevel.OPD.depth:
            return
        below = len(node.walk()) - 1
        question = self.tr("Hapus {0} “{1}”").format(self.tr(node.level.label).lower(), node.text)
        question += self.tr(" beserta {0} sasaran di bawahnya").format(below) if below else ""
        question += "?\n\n" + self.tr("Bila dipakai dalam PK atau sudah ada realisasinya, sasaran tidak dihapus "
                                       "melainkan dinonaktifkan: PK yang ada tetap menyimpannya.")
        if not messages.confirm(self, self.tr("Hapus sasaran turunan"), question):
            return
        try:
            result = cascade.remove_lower_goal(self.db, node.id)
        except (ValidationError, KinerjaDbError) as exc:
            messages.show_error(self, self.tr("Hapus sasaran turunan"), str(exc))
            return
        self.load_tree()
        messages.show_info(self, self.tr("Hapus sasaran turunan"), self.tr(result.sentence))

    def _warning_chosen(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if self.tree is None or not target:
            return
        for node in self.tree.nodes():
            if node.id == target or any(i.id == target for i in node.indicators):
                self.view.show_node(node.id)
                return

    def print_tree(self) -> None:
        from ..save_dialog import ask_save_path

        if self.db is None or not self.year:
            return
        scope = self.current_scope()
        suffix = "" if scope is None else "-" + self.scope_combo.currentText().split(" — ")[0].replace(" ", "")
        chosen = ask_save_path(self, self.tr("Cetak pohon kinerja"), f"POHON-{self.year}{suffix}.pdf",
                               self.tr("Berkas PDF (*.pdf)"), suffix=".pdf", database=self.db)
        if chosen is None:
            return
        path = Path(chosen)
        try:
            print_cascade(self.db, self.year, path, opd_code=self._scope_code() if scope else None,
                          paper=self.print_combo.currentData())
        except ValidationError as exc:
            messages.show_error(self, self.tr("Cetak pohon kinerja"), str(exc))
            return
        messages.show_info(self, self.tr("Cetak pohon kinerja"), self.tr("Tersimpan di {0}").format(path))

    def _scope_code(self) -> str:
        """The abbreviation of the OPD chosen ("Dinkes — Dinas Kesehatan")."""
        return self.scope_combo.currentText().split(" — ")[0]

    # -- positions -----------------------------------------------------------------------------------
    def _build_positions_tab(self) -> None:
        self.opd_picker = OpdPicker()
        self.opd_picker.currentIndexChanged.connect(lambda _i: self.load_positions())
        opd_label = QLabel(self.tr("Perangkat &daerah:"))
        opd_label.setBuddy(self.opd_picker)
        self.positions_tree = QTreeWidget()
        self.positions_tree.setHeaderLabels([self.tr("Jabatan"), self.tr("Tingkat"), self.tr("Pemegang"),
                                             self.tr("NIP"), self.tr("Jabatan tercetak")])
        self.positions_tree.itemSelectionChanged.connect(self._update_position_buttons)
        self.positions_tree.itemDoubleClicked.connect(lambda _item, _column: self.edit_position_button.click())
        self.add_position_button = button(self.tr("&Tambah jabatan…"), self.add_position)
        self.edit_position_button = button(self.tr("&Ubah…"), self.edit_position)
        self.holder_button = button(self.tr("Pe&megang baru…"), self.new_holder)
        self.deactivate_button = button(self.tr("&Nonaktifkan"), self.deactivate_position)
        self.agreement_button = button(self.tr("P&K jabatan ini…"), self.open_agreement)
        self.quarter_combo = QComboBox()
        for quarter in (1, 2, 3, 4):
            self.quarter_combo.addItem(self.tr("TW {0}").format(quarter), quarter)
        self.realisation_button = button(self.tr("&Realisasi triwulan…"), self.enter_realisations)
        self.history = QListWidget()
        top = QHBoxLayout()
        top.addWidget(opd_label)
        top.addWidget(self.opd_picker, 1)
        tools = QHBoxLayout()
        for widget in (self.add_position_button, self.edit_position_button, self.holder_button,
                       self.deactivate_button, self.agreement_button, self.quarter_combo,
                       self.realisation_button):
            tools.addWidget(widget)
        tools.addStretch()
        # The targets of every official of the cascade, a sheet each, in the SKP's shape
        self.skp_button = ExcelExportButton(self, "skp", lambda: self.db, year=lambda: self.year,
                                            text=self.tr("Target individu (SKP) ke Excel…"))
        tools.addWidget(self.skp_button)
        layout = QVBoxLayout(self.positions_tab)
        layout.addLayout(top)
        layout.addWidget(note(self.tr("Kepala perangkat daerah diisi pada data perangkat daerah; jabatan eselon III, "
                                      "eselon IV dan staf berada di bawahnya dengan atasan langsung masing-masing.")))
        layout.addLayout(tools)
        layout.addWidget(self.positions_tree, 3)
        layout.addWidget(QLabel(self.tr("Riwayat pemegang jabatan terpilih")))
        layout.addWidget(self.history, 1)
        permissions.bind_all((self.add_position_button, self.edit_position_button, self.holder_button,
                              self.deactivate_button, self.realisation_button), "opd_data", lambda: self.db,
                             opd=self.opd_picker.current_opd_id, watch=[self.opd_picker.currentIndexChanged])
        self._update_position_buttons()

    def load_positions(self) -> None:
        selected = self.selected_position()
        self.positions_tree.clear()
        self.rows: list[PositionRow] = []
        opd_id = self.opd_picker.current_opd_id()
        if self.db is None or not opd_id:
            self._update_position_buttons()
            return
        self.rows = positions.list_positions(self.db, opd_id)
        items: dict[str, QTreeWidgetItem] = {}
        for row in self.rows:
            item = QTreeWidgetItem([row.name, self.tr(row.level.label), row.holder_name,
                                    format_nip(row.holder_nip) if row.holder_nip else "", row.holder_position])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(4, row.holder_position)  # the printed title, whole when its column is narrow
            parent = items.get(row.parent_id or "")
            if parent is None:
                self.positions_tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[row.id] = item
            if selected is not None and row.id == selected.id:
                self.positions_tree.setCurrentItem(item)
        self.positions_tree.expandAll()
        last = self.positions_tree.columnCount() - 1
        for column in range(last):
            self.positions_tree.resizeColumnToContents(column)
        # The printed title (often the jabatan again) takes what is left: no sideways scrolling at 1366 × 705.
        header = self.positions_tree.header()
        header.setStretchLastSection(True)
        left = self.positions_tree.viewport().width() - sum(header.sectionSize(c) for c in range(last))
        self.positions_tree.setColumnWidth(last, max(left, self.fontMetrics().horizontalAdvance("x" * 12)))
        self._update_position_buttons()

    def selected_position(self) -> PositionRow | None:
        item = self.positions_tree.currentItem()
        if item is None:
            return None
        chosen = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in getattr(self, "rows", []) if r.id == chosen), None)

    def _update_position_buttons(self) -> None:
        row = self.selected_position()
        ready = self.db is not None and self.opd_picker.current_opd_id() is not None
        self.add_position_button.setEnabled(ready)
        below_head = row is not None and row.depth > 0
        self.edit_position_button.setEnabled(below_head)
        self.deactivate_button.setEnabled(below_head)
        self.holder_button.setEnabled(row is not None)
        signs = row is not None and row.level.agreement_kind is not None and row.level.agreement_kind.is_lower
        self.agreement_button.setEnabled(signs and bool(self.year))
        self.signed_agreement = self._signed_agreement(row) if signs and row is not None else None
        monitored = self.db is not None and cascade.lower_level_monitoring(self.db)
        self.realisation_button.setEnabled(monitored and self.signed_agreement is not None)
        self.quarter_combo.setEnabled(self.realisation_button.isEnabled())
        self.realisation_button.setToolTip(
            "" if monitored else self.tr("Pemantauan triwulanan PK eselon III dan IV belum diaktifkan di profil."))
        self.history.clear()
        if row is not None and self.db is not None:
            from ...domain.formatting import format_date

            for holding in positions.holder_history(self.db, row.id):
                until = format_date(holding.end_date) if holding.end_date else self.tr("sekarang")
                self.history.addItem(f"{holding.name} — {holding.position} "
                                     f"({format_date(holding.start_date)} s.d. {until})")

    def add_position(self) -> None:
        opd_id = self.opd_picker.current_opd_id()
        if self.db is None or opd_id is None:
            return
        dialog = PositionDialog(self.db, opd_id, self.rows, parent=self)
        if dialog.exec():
            self.load_positions()

    def edit_position(self) -> None:
        row = self.selected_position()
        opd_id = self.opd_picker.current_opd_id()
        if self.db is None or row is None or opd_id is None or row.depth == 0:
            return
        if PositionDialog(self.db, opd_id, self.rows, row, parent=self).exec():
            self.load_positions()

    def new_holder(self) -> None:
        row = self.selected_position()
        if self.db is None or row is None:
            return
        if HolderDialog(self.db, row, parent=self).exec():
            self.load_positions()

    def deactivate_position(self) -> None:
        row = self.selected_position()
        if self.db is None or row is None:
            return
        question = self.tr("Nonaktifkan jabatan {0}? Riwayat dan PK-nya tetap tersimpan.").format(row.name)
        if not messages.confirm(self, self.tr("Nonaktifkan jabatan"), question):
            return
        try:
            positions.set_position_active(self.db, row.id, False)
        except ValidationError as exc:
            messages.show_error(self, self.tr("Nonaktifkan jabatan"), str(exc))
            return
        self.load_positions()

    def open_agreement(self) -> AgreementEditor | None:
        """The selected eselon III/IV position's PK of the year in the PK editor (its draft made first from the
        pohon kinerja when there is none): the same lifecycle as an OPD's."""
        row = self.selected_position()
        if self.db is None or row is None or not self.year:
            return None
        title = self.tr("Perjanjian Kinerja {0}").format(row.name)
        found = [r for r in agreement_service.list_agreements(self.db, self.year, levels=(row.level.agreement_kind,))
                 if r.position_id == row.id] if row.level.agreement_kind else []
        agreement_id = found[0].agreement_id if found else None
        try:
            if agreement_id is None:
                question = self.tr("Buat draf PK {0} tahun {1} dari pohon kinerja, dengan pemegang jabatan dan "
                                   "atasannya sebagai penanda tangan?").format(row.name, self.year)
                if not messages.confirm(self, title, question):
                    return None
                agreement_id = agreement_service.create_lower(self.db, row.id, self.year)
            editor = AgreementEditor(self.db, agreement_id, self.runner, self)
        except (ValidationError, KinerjaDbError) as exc:
            messages.show_error(self, title, str(exc))
            return None
        editor.finished.connect(lambda _r: self._forget_editor(editor))
        self.editor = editor
        editor.open()
        return editor

    def _signed_agreement(self, row: PositionRow) -> str | None:
        if self.db is None or not self.year or row.level.agreement_kind is None:
            return None
        found = [r for r in agreement_service.list_agreements(self.db, self.year, levels=(row.level.agreement_kind,))
                 if r.position_id == row.id and r.status is AgreementStatus.SIGNED]
        return found[0].agreement_id if found else None

    def enter_realisations(self) -> None:
        if self.db is None or self.signed_agreement is None:
            return
        LowerRealisationDialog(self.db, self.signed_agreement, self.quarter_combo.currentData(), parent=self).exec()
        self.load_tree()

    def _forget_editor(self, editor: AgreementEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()
        self.load_tree()

    # -- the screen ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._fill_scope()
        self.opd_picker.fill(self.db)
        self.load_tree()
        self.load_positions()
