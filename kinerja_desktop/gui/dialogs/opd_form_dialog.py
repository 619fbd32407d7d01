"""The form of one perangkat daerah: layout from ui/opd_form.ui, validation by the service in accept().

A head's NIP recorded for someone of another name is asked about (:func:`ask_same_person`): the same person
is linked as recorded, anything else is corrected on the NIP field; nobody's record is renamed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...domain.enums import ActingKind, OpdKind
from ...domain.formatting import format_date
from ...domain.personnel import RANK_LABELS, RANKS, format_nip
from ...services import opd as opd_service
from ...services.errors import FORM, ValidationError
from ...services.opd import HeadData, HeadRow, NipBelongsToAnother, OpdForm
from ..forms.ui_opd_form import Ui_OpdForm
from ..models.record_table import Column, RecordTableModel
from ..unsaved import UnsavedChangesGuard
from ..views import setup_table
from .field_errors import FieldErrors

# Heads of OPDs are definitive or acting (Plt./Plh.); Pj. is for regional heads only.
HEAD_ACTING = (ActingKind.DEFINITIVE, ActingKind.PLT, ActingKind.PLH)


def _enum_label(context: str, label: str) -> str:
    return QCoreApplication.translate(context, label)


def ask_same_person(parent: QWidget | None, refusal: NipBelongsToAnother, typed_name: str) -> bool:
    """Is the head typed the person already recorded with this NIP? "Bukan" is the default."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("OpdFormDialog", text)

    where = tr(" (kepala {0})").format(", ".join(refusal.heads_of)) if refusal.heads_of else ""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("NIP sudah tercatat"),
        tr("NIP {0} sudah tercatat atas nama {1}{2}.\n\nApakah kepala yang Anda ketik, “{3}”, orang yang sama?\n\n"
           "Bila ya, ia dicatat dengan nama yang sudah tercatat dan data kepala perangkat daerah lain tidak "
           "berubah. Bila bukan, periksa kembali NIP-nya.").format(
            format_nip(refusal.nip), refusal.holder_name, where, typed_name.strip()),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("samePersonBox")
    same = box.addButton(tr("&Ya, orang yang sama"), QMessageBox.ButtonRole.YesRole)
    other = box.addButton(tr("&Bukan, periksa NIP"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(other)
    box.setEscapeButton(other)
    box.exec()
    return box.clickedButton() is same


class OpdFormDialog(UnsavedChangesGuard, QDialog):
    """Add or edit an OPD; emits ``saved(id)`` after the service stored it."""

    saved = Signal(str)

    def __init__(self, db: Database, opd_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OpdForm()
        self.ui.setupUi(self)
        self._db = db
        self._loaded = OpdForm()
        self.saved_id: str | None = None
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self._fill_choices()
        self._errors = {
            "code": (self.ui.codeError, self.ui.codeEdit, self.ui.opdLayout),
            "abbreviation": (self.ui.abbreviationError, self.ui.abbreviationEdit, self.ui.opdLayout),
            "name": (self.ui.nameError, self.ui.nameEdit, self.ui.opdLayout),
            "kind": (self.ui.kindError, self.ui.kindCombo, self.ui.opdLayout),
            "email": (self.ui.emailError, self.ui.emailEdit, self.ui.opdLayout),
            "head_name": (self.ui.headNameError, self.ui.headNameEdit, self.ui.headLayout),
            "head_nip": (self.ui.headNipError, self.ui.headNipEdit, self.ui.headLayout),
            "head_position": (self.ui.headPositionError, self.ui.headPositionEdit, self.ui.headLayout),
            "head_start": (self.ui.headStartError, self.ui.headStartEdit, self.ui.headLayout),
        }
        self._field_errors = FieldErrors(self, self.ui.formError, self._errors)
        self._history = RecordTableModel[HeadRow](self._history_columns(), self)
        self.ui.headHistoryView.setModel(self._history)
        setup_table(self.ui.headHistoryView, stretch_column=3, sortable=False)
        self.clear_errors()
        self._size_fields()
        if opd_id is None:
            self.setWindowTitle(self.tr("Tambah Perangkat Daerah"))
            self.ui.headStartEdit.set_value(date.today())
            self.ui.historyGroup.hide()
        else:
            self._load(opd_id)
        self._same_person: str | None = None  # the recorded person the user confirmed, for the NIP typed
        self.mark_clean()

    def _size_fields(self) -> None:
        # Widths in characters of the current font, so they follow the user's font size and DPI scaling.
        wide = self.fontMetrics().horizontalAdvance("x" * 40)
        for edit in (self.ui.nameEdit, self.ui.addressEdit, self.ui.headNameEdit, self.ui.headPositionEdit):
            edit.setMinimumWidth(wide)
        self.resize(self.sizeHint().width(), self.sizeHint().height())

    # -- filling -------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        self.ui.kindCombo.addItem(self.tr("— pilih jenis —"), None)
        for kind in OpdKind:
            self.ui.kindCombo.addItem(_enum_label("OpdKind", kind.label), kind)
        self.ui.headRankCombo.addItem(self.tr("— belum diisi —"), None)
        for index, label in enumerate(RANK_LABELS):
            self.ui.headRankCombo.addItem(label, index)
        for acting in HEAD_ACTING:
            self.ui.headActingCombo.addItem(_enum_label("ActingKind", acting.label), acting)

    def _history_columns(self) -> list[Column[HeadRow]]:
        return [
            Column(self.tr("Nama"), lambda h: h.name),
            Column(self.tr("NIP"), lambda h: format_nip(h.nip)),
            Column(self.tr("Pangkat/golongan"), lambda h: h.rank),
            Column(self.tr("Jabatan"), lambda h: h.position),
            Column(self.tr("Mulai"), lambda h: format_date(h.start_date), lambda h: h.start_date),
            Column(self.tr("Sampai"), lambda h: format_date(h.end_date, empty=self.tr("sekarang"))),
        ]

    def _load(self, opd_id: str) -> None:
        data = opd_service.get_opd(self._db, opd_id)
        self._loaded = data
        self.setWindowTitle(self.tr("Ubah Perangkat Daerah — {0}").format(data.abbreviation))
        ui = self.ui
        ui.codeEdit.setText(data.code)
        ui.abbreviationEdit.setText(data.abbreviation)
        ui.nameEdit.setText(data.name)
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(data.kind)))
        ui.addressEdit.setText(data.address)
        ui.phoneEdit.setText(data.phone)
        ui.emailEdit.setText(data.email)
        ui.websiteEdit.setText(data.website)
        head = data.head
        ui.headNameEdit.setText(head.name)
        ui.headNipEdit.setText(format_nip(head.nip))
        rank_index = next((i for i, r in enumerate(RANKS) if r == (head.rank, head.grade)), None)
        ui.headRankCombo.setCurrentIndex(0 if rank_index is None else rank_index + 1)
        ui.headPositionEdit.setText(head.position)
        ui.headActingCombo.setCurrentIndex(max(0, ui.headActingCombo.findData(head.acting)))
        ui.headStartEdit.set_value(head.start_date or date.today())
        history = opd_service.head_history(self._db, opd_id)
        self._history.set_rows(history)
        ui.historyGroup.setVisible(bool(history))

    # -- saving --------------------------------------------------------------------------------------
    def form_data(self) -> OpdForm:
        ui = self.ui
        rank_index = ui.headRankCombo.currentData()
        rank, grade = RANKS[rank_index] if rank_index is not None else ("", "")
        return OpdForm(
            id=self._loaded.id,
            code=ui.codeEdit.text(),
            abbreviation=ui.abbreviationEdit.text(),
            name=ui.nameEdit.text(),
            kind=ui.kindCombo.currentData(),
            address=ui.addressEdit.text(),
            phone=ui.phoneEdit.text(),
            email=ui.emailEdit.text(),
            website=ui.websiteEdit.text(),
            head=HeadData(
                name=ui.headNameEdit.text(),
                nip=ui.headNipEdit.text(),
                rank=rank,
                grade=grade,
                position=ui.headPositionEdit.text(),
                acting=ui.headActingCombo.currentData() or ActingKind.DEFINITIVE,
                start_date=ui.headStartEdit.value(),
                same_person_as=self._same_person,
            ),
            is_active=self._loaded.is_active,
            version=self._loaded.version,
        )

    def accept(self) -> None:
        self.clear_errors()
        try:
            opd_id = opd_service.save_opd(self._db, self.form_data())
        except NipBelongsToAnother as refusal:
            if not ask_same_person(self, refusal, self.ui.headNameEdit.text()):
                self.show_errors(refusal.errors)
                return
            self._same_person = refusal.holder_id
            self.ui.headNameEdit.setText(refusal.holder_name)  # linked as recorded
            self.accept()
            return
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except KinerjaDbError as exc:
            self.show_errors({FORM: str(exc)})
            return
        self.saved_id = opd_id
        self.mark_clean()
        self.saved.emit(opd_id)
        super().accept()

    # -- messages on the fields ----------------------------------------------------------------------
    def clear_errors(self) -> None:
        self._field_errors.clear()

    def show_errors(self, errors: dict[str, str]) -> None:
        self._field_errors.show(errors)

    def error_text(self, field: str) -> str:
        """The message currently shown for ``field`` (empty when none)."""
        return self._field_errors.text(field)
