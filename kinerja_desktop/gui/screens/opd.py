"""Perangkat Daerah: the list of OPDs with search, add, edit, deactivate and reactivate."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from ...db.errors import KinerjaDbError
from ...services import opd as opd_service
from ...services.errors import ValidationError
from ...services.opd import OpdRow
from .. import messages, permissions
from ..dialogs.opd_form_dialog import OpdFormDialog
from ..excel_export_button import ExcelExportButton
from ..models import ID_ROLE
from ..models.opd_filter_proxy import OpdFilterProxy
from ..models.opd_table_model import OpdTableModel
from ..views import setup_table
from .base import Screen, heading


class OpdScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog: OpdFormDialog | None = None
        self.model = OpdTableModel(self)
        self.proxy = OpdFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari kode, singkatan, nama, atau kepala…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.show_inactive = QCheckBox(self.tr("Tampilkan yang nonaktif"))
        self.show_inactive.toggled.connect(self._on_show_inactive)
        self.add_button = QPushButton(self.tr("&Tambah…"))
        self.add_button.clicked.connect(self.add_opd)
        self.edit_button = QPushButton(self.tr("&Ubah…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button = QPushButton(self.tr("&Nonaktifkan"))
        self.active_button.clicked.connect(self.toggle_selected_active)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        setup_table(self.table, stretch_column=OpdTableModel.NAME)
        self.table.sortByColumn(OpdTableModel.CODE, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.edit_button.click())  # nothing when refused
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.count_label = QLabel()

        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.show_inactive)
        tools.addStretch()
        tools.addWidget(self.add_button)
        tools.addWidget(self.edit_button)
        tools.addWidget(self.active_button)
        self.excel_button = ExcelExportButton(self, "opd", lambda: self.db)
        tools.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        permissions.bind_all((self.add_button, self.edit_button, self.active_button), "opd", lambda: self.db)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Perangkat Daerah")

    def refresh(self) -> None:
        selected = self.selected_id()
        self.model.set_rows(opd_service.list_opds(self.db, include_inactive=True) if self.db else [])
        if selected:
            self.select_opd(selected)
        self._update_count()
        self._update_buttons()

    # -- selection -----------------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def selected_row(self) -> OpdRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select_opd(self, opd_id: str) -> bool:
        source_row = self.model.row_of(opd_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(index, flags)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def visible_rows(self) -> list[OpdRow]:
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0, QModelIndex())).row())
            for r in range(self.proxy.rowCount())
        ]

    # -- actions -------------------------------------------------------------------------------------
    def add_opd(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        opd_id = self.selected_id()
        if opd_id:
            self._open_dialog(opd_id)

    def _open_dialog(self, opd_id: str | None) -> None:
        if self.db is None:
            return
        try:
            dialog = OpdFormDialog(self.db, opd_id, self)
        except (ValidationError, KinerjaDbError) as exc:
            messages.show_error(self, self.tr("Perangkat Daerah"), str(exc))
            self.refresh()
            return
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()  # window-modal, returns at once; no session stays open meanwhile

    def _forget_dialog(self, dialog: OpdFormDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_saved(self, opd_id: str) -> None:
        self.refresh()
        if not self.select_opd(opd_id):
            # A new OPD hidden by the search text: clear the search so it can be seen.
            self.search.clear()
            self.select_opd(opd_id)

    def toggle_selected_active(self) -> None:
        row = self.selected_row()
        if row is None or self.db is None:
            return
        if row.is_active:
            question = self.tr(
                "Nonaktifkan {0} ({1})?\n\nPerangkat daerah nonaktif tidak muncul di daftar pilihan, "
                "tetapi riwayat dan perjanjian kinerjanya tetap tersimpan. Dapat diaktifkan kembali."
            ).format(row.name, row.abbreviation)
            if not messages.confirm(self, self.tr("Nonaktifkan perangkat daerah"), question):
                return
        try:
            opd_service.set_opd_active(self.db, row.id, not row.is_active)
        except (ValidationError, KinerjaDbError) as exc:
            messages.show_error(self, self.tr("Perangkat Daerah"), str(exc))
        self.refresh()
        if row.is_active and not self.show_inactive.isChecked():
            self.table.clearSelection()
        self._update_buttons()

    # -- filter and state ----------------------------------------------------------------------------
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _on_show_inactive(self, show: bool) -> None:
        self.proxy.set_show_inactive(show)
        self._update_count()

    def _update_count(self) -> None:
        total = sum(1 for r in range(self.model.rowCount()) if self.model.row_at(r).is_active)
        inactive = self.model.rowCount() - total
        text = self.tr("Menampilkan {0} dari {1} perangkat daerah aktif").format(self.proxy.rowCount(), total)
        if inactive:
            text += self.tr(" (ditambah {0} nonaktif)").format(inactive)
        self.count_label.setText(text)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.add_button.setEnabled(self.db is not None)
        self.edit_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None)
        if row is not None and not row.is_active:
            self.active_button.setText(self.tr("&Aktifkan kembali"))
        else:
            self.active_button.setText(self.tr("&Nonaktifkan"))

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.discard_and_close()  # the database changes or the window closes: no question
