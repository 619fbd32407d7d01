"""The layout of the Perjanjian Kinerja editor (widgets, tables, delegates, buttons), apart from its behaviour.

``AgreementEditorLayout._build`` creates the widgets and connects them to the slots the editor defines
(``save``, ``finalize`` …); ``dialogs/agreement_editor.py`` holds what they do. The header (place, date,
signers, notes, Pakta Integritas) comes from ``ui/agreement_editor.ui``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ActingKind
from ..delegates import NumberDelegate, RupiahDelegate
from ..forms.ui_agreement_editor import Ui_AgreementHeader
from ..grid import GridEditing
from ..locked import FieldLock
from ..models.agreement_items_model import AgreementItemsModel
from ..models.agreement_programs_model import AgreementProgramsModel
from ..verification_bar import VerificationBar
from ..views import setup_table
from .agreement_history import VersionHistoryPanel
from .agreement_print_dialog import paper_combo

FIRST_ACTING = (ActingKind.DEFINITIVE, ActingKind.PLT, ActingKind.PLH)
SECOND_ACTING = (ActingKind.DEFINITIVE, ActingKind.PLT, ActingKind.PLH, ActingKind.PJ)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementEditor", text)


class AgreementEditorLayout:
    """Mixed into AgreementEditor (a QDialog); every slot named here is defined there."""

    _mark_dirty: Any
    _update_buttons: Any
    _item_lock_reason: Any
    _program_lock_reason: Any
    _grid_message: Any
    fill_quarters: Any
    print_on_printer: Any
    print_pact_on_printer: Any
    print_to_file: Any

    # -- building -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.status_label = QLabel()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        # A draft out of date with the records: what differs, and the offer to refresh it.
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.hide()
        self.refresh_button = QPushButton(_tr("Perbarui dari data &terkini"))
        self.refresh_button.setToolTip(_tr("Ambil nama perangkat daerah dan penanda tangan yang tercatat pada "
                                           "tanggal rencana penandatanganan"))
        self.refresh_button.clicked.connect(lambda: None if self.refresh_from_records() else None)
        self.refresh_button.hide()

        self.lock = FieldLock(self)  # type: ignore[arg-type]
        self.header_widget = QWidget()
        self.header = Ui_AgreementHeader()
        self.header.setupUi(self.header_widget)
        h = self.header
        for acting in FIRST_ACTING:
            h.firstActingCombo.addItem(_tr(acting.label), acting)
        for acting in SECOND_ACTING:
            h.secondActingCombo.addItem(_tr(acting.label), acting)
        h.reasonEdit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        h.notesEdit.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        h.signDateEdit.setSpecialValueText(_tr("— belum ditentukan —"))
        for edit in (h.placeEdit, h.firstNameEdit, h.firstPositionEdit, h.firstNipEdit, h.firstRankEdit,
                     h.secondNameEdit, h.secondPositionEdit):
            edit.textEdited.connect(lambda _text: self._mark_dirty())
        for plain in (h.reasonEdit, h.notesEdit):
            plain.textChanged.connect(self._mark_dirty)
        h.signDateEdit.dateChanged.connect(lambda _d: self._mark_dirty())
        h.firstActingCombo.activated.connect(lambda _i: self._mark_dirty())
        h.secondActingCombo.activated.connect(lambda _i: self._mark_dirty())
        h.secondCombo.activated.connect(self._on_second_chosen)
        h.firstFromHeadButton.clicked.connect(self.fill_first_from_head)
        h.recordPactButton.clicked.connect(self.record_pact)
        h.previewPactButton.clicked.connect(self.preview_pact)
        h.printPactButton.clicked.connect(self.print_pact)
        h.printerPactButton.clicked.connect(lambda _checked=False: self.print_pact_on_printer())
        header_scroll = QScrollArea()
        header_scroll.setWidget(self.header_widget)
        header_scroll.setWidgetResizable(True)
        header_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.items_model = AgreementItemsModel(self)
        self.items_model.changed.connect(self._mark_dirty)
        self.items_view = QTableView()
        self.items_view.setModel(self.items_model)
        self._setup_edit_table(self.items_view, AgreementItemsModel.INDICATOR)
        self.items_view.horizontalHeader().setSectionResizeMode(
            AgreementItemsModel.SASARAN, QHeaderView.ResizeMode.Interactive
        )
        self.items_view.setColumnWidth(AgreementItemsModel.SASARAN, self.fontMetrics().horizontalAdvance("x" * 38))
        self.number_delegate = NumberDelegate(self)
        self.number_delegate.input_rejected.connect(self.show_error_message)
        for column in (AgreementItemsModel.TARGET, *AgreementItemsModel.QUARTERS):
            self.items_view.setItemDelegateForColumn(column, self.number_delegate)
        self.items_grid = GridEditing(self.items_view, locked_reason=self._item_lock_reason)
        self.items_grid.message.connect(self._grid_message)
        self.fill_action = self.items_grid.add_action(_tr("Isi TW I–IV dari target tahunan"), self.fill_quarters)
        self.fill_button = QPushButton(_tr("Isi TW dari target"))
        self.fill_button.setToolTip(_tr("Isi TW I–IV baris terpilih dari target tahunannya menurut cara kumulasi "
                                        "indikator (juga lewat klik kanan pada tabel)"))
        self.fill_button.clicked.connect(lambda _checked=False: self.fill_quarters())
        self.add_items_button = QPushButton(_tr("Tambah dari Renstra…"))
        self.add_items_button.clicked.connect(self.add_items_from_renstra)
        self.remove_item_button = QPushButton(_tr("Hapus"))
        self.remove_item_button.clicked.connect(self.remove_selected_item)
        self.up_button = QPushButton(_tr("Naik"))
        self.up_button.clicked.connect(lambda: self.move_selected_item(-1))
        self.down_button = QPushButton(_tr("Turun"))
        self.down_button.clicked.connect(lambda: self.move_selected_item(1))
        items_tab = self._table_tab(
            self.items_view,
            [self.add_items_button, self.remove_item_button, self.up_button, self.down_button, self.fill_button],
            QLabel(_tr("Ketik 92,5 atau 1.250.000, atau tempel sel dari Excel (Ctrl+V).")),
        )

        self.programs_model = AgreementProgramsModel(self)
        self.programs_model.changed.connect(self._mark_dirty)
        self.programs_model.total_changed.connect(self._show_total)
        self.programs_view = QTableView()
        self.programs_view.setModel(self.programs_model)
        self._setup_edit_table(self.programs_view, AgreementProgramsModel.NAME)
        self.rupiah_delegate = RupiahDelegate(self)
        self.rupiah_delegate.input_rejected.connect(self.show_error_message)
        self.programs_view.setItemDelegateForColumn(AgreementProgramsModel.BUDGET, self.rupiah_delegate)
        self.programs_grid = GridEditing(self.programs_view, locked_reason=self._program_lock_reason)
        self.programs_grid.message.connect(self._grid_message)
        self.add_programs_button = QPushButton(_tr("Tambah dari Renstra…"))
        self.add_programs_button.clicked.connect(self.add_programs_from_renstra)
        self.new_program_button = QPushButton(_tr("Program baru"))
        self.new_program_button.clicked.connect(self.add_empty_program)
        self.remove_program_button = QPushButton(_tr("Hapus"))
        self.remove_program_button.clicked.connect(self.remove_selected_program)
        self.total_label = QLabel()
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        programs_tab = self._table_tab(
            self.programs_view,
            [self.add_programs_button, self.new_program_button, self.remove_program_button],
            self.total_label,
        )

        self.history = VersionHistoryPanel()
        self.history.open_requested.connect(self.open_version)

        self.tabs = QTabWidget()
        self.tabs.addTab(header_scroll, _tr("Umum && penandatangan"))
        self.tabs.addTab(items_tab, _tr("Indikator kinerja"))
        self.tabs.addTab(programs_tab, _tr("Program && anggaran"))
        self.tabs.addTab(self.history, _tr("Riwayat versi"))

        self.save_button = QPushButton(_tr("&Simpan"))
        self.save_button.clicked.connect(lambda: None if self.save() else None)
        self.finalize_button = QPushButton(_tr("&Finalkan"))
        self.finalize_button.clicked.connect(self.finalize)
        self.reopen_button = QPushButton(_tr("Kembalikan ke &draf"))
        self.reopen_button.clicked.connect(self.reopen)
        self.sign_button = QPushButton(_tr("&Tandatangani…"))
        self.sign_button.clicked.connect(self.ask_sign)
        self.amend_button = QPushButton(_tr("Buat PK &Perubahan…"))
        self.amend_button.clicked.connect(self.ask_amendment)
        self.discard_button = QPushButton(_tr("&Buang draf"))
        self.discard_button.clicked.connect(self.discard)
        self.paper = paper_combo()
        self.paper.setToolTip(_tr("Ukuran kertas untuk pratinjau dan cetak"))
        self.preview_button = QPushButton(_tr("P&ratinjau"))
        self.preview_button.clicked.connect(self.preview)
        self.printer_button = QPushButton(_tr("&Cetak…"))
        self.printer_button.setToolTip(_tr("Cetak PK ke printer untuk ditandatangani"))
        self.printer_button.clicked.connect(lambda _checked=False: self.print_on_printer())
        self.print_button = QPushButton(_tr("Simpan P&DF…"))
        self.print_button.setToolTip(
            _tr("Simpan PK sebagai berkas PDF (untuk dikirim, diarsipkan atau dicetak kemudian)"))
        self.print_button.clicked.connect(lambda _checked=False: self.print_to_file())
        self.close_button = QPushButton(_tr("T&utup"))
        self.close_button.clicked.connect(self.reject)

        actions = QHBoxLayout()
        for button in (self.save_button, self.finalize_button, self.reopen_button, self.sign_button,
                       self.amend_button, self.discard_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(QLabel(_tr("Kertas:")))
        actions.addWidget(self.paper)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.printer_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.banner)
        self.verification_bar = VerificationBar()  # Bappeda's verification and Ajukan ke Bappeda
        layout.addWidget(self.verification_bar)
        stale = QHBoxLayout()
        stale.addWidget(self.stale_label, 1)
        stale.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(stale)
        layout.addWidget(self.message_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x") * 150, metrics.lineSpacing() * 44)

    def _setup_edit_table(self, view: QTableView, stretch: int) -> None:
        setup_table(view, stretch_column=stretch, sortable=False)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

    @staticmethod
    def _table_tab(view: QTableView, buttons: list[QPushButton], note: QLabel) -> QWidget:
        tab = QWidget()
        tools = QHBoxLayout()
        for button in buttons:
            tools.addWidget(button)
        tools.addStretch()
        tools.addWidget(note)
        layout = QVBoxLayout(tab)
        layout.addLayout(tools)
        layout.addWidget(view, 1)
        return tab
