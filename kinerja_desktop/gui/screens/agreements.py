"""Perjanjian Kinerja: the year's agreements level by level: the regional head's own PK on a line of its own
above the table of the OPDs' PKs (status, filters, "Buat PK"), the editor, batch print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.errors import KinerjaDbError
from ...domain.enums import AgreementKind, AgreementStatus
from ...domain.formatting import format_date, format_number, format_rupiah
from ...services import agreements as agreement_service
from ...services import pacts as pact_service
from ...services import printing
from ...services.agreement_data import AgreementRow
from ...services.errors import ValidationError
from .. import messages, permissions
from ..dialogs.agreement_actions import CreateAgreementDialog, OpdChoice
from ..dialogs.agreement_editor import AgreementEditor
from ..dialogs.agreement_print_dialog import PrintAllDialog
from ..excel_export_button import ExcelExportButton
from ..jobs import Job, JobRunner, Outcome, app_runner
from ..models.agreement_list_model import OPD_ROLE, AgreementListModel, StatusFilter
from ..print_action import PrintAction
from ..views import setup_table
from .base import Screen, heading, note


class AgreementsScreen(Screen):
    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        """``runner``: where long work runs (the main window's; tests pass a ``jobs.SyncRunner``)."""
        super().__init__(parent)
        runner = runner if runner is not None else app_runner()
        self.runner = runner
        self.printer = PrintAction(self, runner)
        self.printer.busy_changed.connect(lambda _busy: self._update_buttons())
        self.editor: AgreementEditor | None = None
        self.create_dialog: CreateAgreementDialog | None = None
        self.print_dialog: PrintAllDialog | None = None
        self._print_folder = ""
        self.last_batch_result: Outcome | None = None
        self.model = AgreementListModel(self)

        self.status_combo = QComboBox()
        for status in StatusFilter:
            self.status_combo.addItem(self.tr(status.label), status)
        self.status_combo.currentIndexChanged.connect(self._on_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari kode, singkatan, atau nama perangkat daerah…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.create_button = QPushButton(self.tr("Buat &PK…"))
        self.create_button.clicked.connect(self.ask_create)
        self.open_button = QPushButton(self.tr("B&uka…"))
        self.open_button.clicked.connect(self.open_selected)
        self.print_all_button = QPushButton(self.tr("Ce&tak semua PK…"))
        self.print_all_button.clicked.connect(self.ask_print_all)
        # The levels above the OPDs' (today the regional head's own PK, from the RPJMD): one line each.
        self.regional_row: AgreementRow | None = None
        self.regional_label = QLabel()
        self.regional_label.setWordWrap(True)
        self.regional_button = QPushButton()
        self.regional_button.clicked.connect(self.open_regional)

        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, stretch_column=AgreementListModel.NAME)
        self.table.sortByColumn(AgreementListModel.CODE, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.summary = note()

        tools = QHBoxLayout()
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status_combo)
        tools.addWidget(status_label)
        tools.addWidget(self.status_combo)
        tools.addWidget(self.search, 1)
        tools.addStretch()
        tools.addWidget(self.create_button)
        tools.addWidget(self.open_button)
        tools.addWidget(self.print_all_button)
        self.excel_button = ExcelExportButton(self, "pk", lambda: self.db, year=lambda: self.year, runner=runner)
        tools.addWidget(self.excel_button)
        regional = QHBoxLayout()
        regional.addWidget(self.regional_label, 1)
        regional.addWidget(self.regional_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title()))
        layout.addLayout(regional)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        database = lambda: self.db  # noqa: E731
        permissions.bind(self.create_button, "opd_data", database)
        # "Buat PK kepala daerah" writes; "Buka PK kepala daerah" opens it (read only without the right)
        permissions.bind(self.regional_button, "regional_pk", database,
                         when=lambda: self.regional_row is not None and self.regional_row.agreement_id is None)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Perjanjian Kinerja")

    # -- loading --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_opd_id()
        if self.db is None or self.year is None:
            self.model.set_rows([])
            self._show_regional(None)
            self.summary.setText(self.tr("Belum ada tahun anggaran di basis data ini."))
            self._update_buttons()
            return
        rows = agreement_service.list_agreements(self.db, self.year)
        pacts = {p.opd_id: p.sign_date for p in pact_service.pacts_for_year(self.db, self.year)}
        self.model.set_rows(rows, pacts)
        regional = agreement_service.list_agreements(self.db, self.year, levels=(AgreementKind.REGIONAL,))
        self._show_regional(regional[0] if regional else None)
        if selected:
            self.select_opd(selected)
        self._update_summary(rows)
        self._update_buttons()

    def _update_summary(self, rows: list[AgreementRow]) -> None:
        with_pk = [r for r in rows if r.status is not None]
        if not with_pk:
            self.summary.setText(
                self.tr("Belum ada perjanjian kinerja tahun {0} ({1} perangkat daerah). Pilih perangkat daerah "
                        "lalu klik Buat PK.").format(self.year, len(rows))
            )
            return
        signed = sum(1 for r in with_pk if r.status is AgreementStatus.SIGNED)
        total = sum(r.total_budget for r in with_pk)
        self.summary.setText(
            self.tr("{0} perjanjian kinerja tahun {1} untuk {2} perangkat daerah; {3} ditandatangani, "
                    "{4} belum ada. Total anggaran {5}.").format(
                format_number(len(with_pk), 0), self.year, len(rows), signed, len(rows) - len(with_pk),
                format_rupiah(total),
            )
        )

    # -- the regional head's own PK -------------------------------------------------------------------
    def _show_regional(self, row: AgreementRow | None) -> None:
        self.regional_row = row
        if row is None:
            self.regional_label.setText("")
            self.regional_button.setVisible(False)
            return
        self.regional_button.setVisible(True)
        if row.agreement_id is None:
            self.regional_label.setText(
                self.tr("<b>PK kepala daerah {0}</b> ({1}, dari sasaran dan indikator RPJMD): belum ada.").format(
                    self.year, row.opd_name
                )
            )
            self.regional_button.setText(self.tr("Buat PK &kepala daerah…"))
            self.regional_button.setEnabled(True)  # the binding checks the right to create it
        else:
            locked = row.status is not None and row.status.is_locked
            signed = f" {format_date(row.sign_date)}" if row.sign_date and locked else ""
            self.regional_label.setText(
                self.tr("<b>PK kepala daerah {0}</b> ({1}): {2}{3}, {4} indikator.").format(
                    self.year, row.opd_name, self.tr(row.status_label), signed, row.item_count
                )
            )
            self.regional_button.setText(self.tr("Buka PK &kepala daerah…"))
            self.regional_button.setEnabled(True)

    def open_regional(self) -> AgreementEditor | None:
        """Open the regional head's PK of the year, creating the draft from the RPJMD when there is none."""
        row = self.regional_row
        if self.db is None or self.year is None or row is None:
            return None
        agreement_id = row.agreement_id
        if agreement_id is None:
            question = self.tr(
                "Buat draf PK kepala daerah {0} dari sasaran dan indikator RPJMD, dengan kepala daerah yang "
                "menjabat sebagai penanda tangan?"
            ).format(self.year)
            if not messages.confirm(self, self.tr("PK kepala daerah"), question):
                return None
            try:
                agreement_id = agreement_service.create_regional(self.db, self.year)
            except (ValidationError, KinerjaDbError) as exc:
                messages.show_error(self, self.tr("PK kepala daerah"), str(exc))
                return None
            self.refresh()
        return self.open_agreement(agreement_id)

    # -- selection ------------------------------------------------------------------------------------
    def selected_row(self) -> AgreementRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_opd_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(OPD_ROLE) if rows else None

    def select_opd(self, opd_id: str) -> bool:
        row = self.model.row_of_opd(opd_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(index, flags)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_filter(self, _index: int) -> None:
        self.model.set_status_filter(StatusFilter(self.status_combo.currentData()))
        self._update_buttons()

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        ready = self.db is not None and self.year is not None
        self.create_button.setEnabled(ready and any(r.status is None for r in self.model.all_rows()))
        self.open_button.setEnabled(row is not None and row.agreement_id is not None)
        self.print_all_button.setEnabled(
            ready and any(r.status is not None for r in self.model.all_rows()) and self.batch is None
        )

    @property
    def batch(self) -> Job | None:
        """The "Cetak semua PK" running, if any."""
        return self.printer.batch

    # -- Buat PK --------------------------------------------------------------------------------------
    def ask_create(self) -> None:
        if self.db is None or self.year is None:
            return
        previous = {r.opd_id for r in agreement_service.list_agreements(self.db, self.year - 1) if r.status}
        choices = [
            OpdChoice(r.opd_id, f"{r.opd_abbreviation} — {r.opd_name}", r.opd_id in previous)
            for r in self.model.all_rows()
            if r.status is None and permissions.may(self.db, "opd_data", r.opd_id)  # an operator: its own
        ]
        if not choices:
            messages.show_info(self, self.tr("Buat PK"),
                               self.tr("Semua perangkat daerah sudah memiliki PK tahun {0}.").format(self.year))
            return
        dialog = CreateAgreementDialog(self.year, choices, self.selected_opd_id(), self)
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.finished.connect(lambda _r: self._forget_create(dialog))
        self.create_dialog = dialog
        dialog.open()

    def _forget_create(self, dialog: CreateAgreementDialog) -> None:
        if self.create_dialog is dialog:
            self.create_dialog = None
        dialog.deleteLater()

    def _create(self, dialog: CreateAgreementDialog) -> None:
        choice = dialog.chosen()
        if choice is None or self.db is None or self.year is None:
            return
        self.create_agreement(choice.opd_id, copy_previous=dialog.copy_previous())

    def create_agreement(self, opd_id: str, *, copy_previous: bool = False) -> str | None:
        """Create the draft (from the Renstra or last year's PK) and open it in the editor."""
        assert self.db is not None and self.year is not None
        create = agreement_service.copy_from_previous_year if copy_previous else agreement_service.create_from_renstra
        try:
            agreement_id = create(self.db, opd_id, self.year)
        except (ValidationError, KinerjaDbError) as exc:
            messages.show_error(self, self.tr("Buat PK"), str(exc))
            self.refresh()
            return None
        self.refresh()
        self.select_opd(opd_id)
        self.open_agreement(agreement_id)
        return agreement_id

    # -- editor ---------------------------------------------------------------------------------------
    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if row.agreement_id is None:
            self.ask_create()
            return
        self.open_agreement(row.agreement_id)

    def open_agreement(self, agreement_id: str) -> AgreementEditor | None:
        if self.db is None:
            return None
        try:
            editor = AgreementEditor(self.db, agreement_id, self.runner, self)
        except (ValidationError, KinerjaDbError) as exc:
            messages.show_error(self, self.tr("Perjanjian Kinerja"), str(exc))
            self.refresh()
            return None
        editor.changed.connect(lambda _id: self.refresh())
        editor.finished.connect(lambda _r: self._forget_editor(editor))
        self.editor = editor
        editor.open()  # window-modal; no session stays open while it is shown
        return editor

    def _forget_editor(self, editor: AgreementEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()
        self.refresh()

    # -- Cetak semua PK -------------------------------------------------------------------------------
    def ask_print_all(self) -> None:
        if self.db is None or self.year is None or self.batch is not None:
            return
        count = sum(1 for r in self.model.all_rows() if r.status is not None)
        dialog = PrintAllDialog(self.year, count, self._print_folder, self)
        dialog.accepted.connect(
            lambda: None
            if self.print_all(dialog.folder(), dialog.paper_key(), combined=dialog.combined_check.isChecked())
            else None
        )
        dialog.finished.connect(lambda _r: self._forget_print_dialog(dialog))
        self.print_dialog = dialog
        dialog.open()

    def _forget_print_dialog(self, dialog: PrintAllDialog) -> None:
        if self.print_dialog is dialog:
            self.print_dialog = None
        dialog.deleteLater()

    def print_all(self, folder: Path, paper: str, *, combined: bool = False) -> Job | None:
        """Write one PDF per OPD (and optionally a combined file) off the GUI thread; cancellable."""
        if self.db is None or self.year is None or self.batch is not None:
            return None
        self._print_folder = str(folder)
        request = printing.Request(printing.PK, self.year, paper=paper, combined=combined)
        title = self.tr("Cetak semua PK {0}").format(self.year)
        return self.printer.to_folder(self.db, request, folder, title, lambda done: self._print_done(folder, done))

    def _print_done(self, folder: Path, outcome: Outcome) -> None:
        self.last_batch_result = outcome
        if outcome.ok:
            messages.show_info(self, self.tr("Cetak semua PK"),
                               self.tr("{0} berkas PDF tersimpan di {1}.").format(len(outcome.value), folder))

    def shutdown(self) -> None:
        self.printer.shutdown()
        for dialog in (self.create_dialog, self.print_dialog):
            if dialog is not None:
                dialog.reject()
        if self.editor is not None:
            self.editor.force_close()
