"""The PK editor's rows (indicators, programs), its Pakta Integritas and its printing, apart from the lifecycle.

Mixed into ``AgreementEditor`` (``agreement_editor.py``), which defines the attributes and helpers named below.
Printing goes through the shared ``PrintAction``: the editor names no file itself.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel

from ...db.errors import KinerjaDbError
from ...domain.formatting import format_date, format_rupiah
from ...services import agreements as agreement_service
from ...services import pacts as pact_service
from ...services import printing
from ...services.errors import ValidationError
from .. import messages
from ..models.agreement_items_model import target_text
from ..models.agreement_programs_model import AgreementProgramsModel
from ..pdf_preview import PdfPreviewDialog
from .agreement_actions import PactDialog, PickRowsDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementEditor", text)


class AgreementEditorRows:
    """Mixed into AgreementEditor (a QDialog); ``db``, ``detail``, ``printer`` and the widgets are set there."""

    db: Any
    detail: Any
    printer: Any
    header: Any
    paper: Any
    dirty: bool
    _opd_code: str
    changed: Any
    _open_pending: Any
    _refused: Any
    _update_buttons: Any
    _default_sign_date: Any
    planned_date: Any
    document_title: Any
    show_info_message: Any
    save: Any

    def _fill_pact(self) -> None:
        h = self.header
        detail = self.detail
        assert detail is not None
        pact = pact_service.pact_for(self.db, detail.opd_id, detail.year) if detail.opd_id else None
        self.pact = pact
        if pact is None:
            h.pactLabel.setText(
                _tr("Pakta Integritas {0} belum dicatat untuk kepala perangkat daerah ini.").format(detail.year)
            )
        else:
            h.pactLabel.setText(
                _tr("Ditandatangani {0} oleh {1}, {2}.").format(format_date(pact.sign_date), pact.name, pact.position)
            )
        h.previewPactButton.setEnabled(pact is not None)
        h.printPactButton.setEnabled(pact is not None)
        h.printerPactButton.setEnabled(pact is not None)
        h.recordPactButton.setEnabled(detail.opd_id is not None)

    # -- rows -----------------------------------------------------------------------------------------
    def add_items_from_renstra(self) -> None:
        assert self.detail is not None and self.detail.opd_id
        present = self.items_model.indicator_ids()
        candidates = [
            c
            for c in agreement_service.renstra_item_choices(self.db, self.detail.opd_id, self.detail.year)
            if c.indicator_id not in present
        ]
        labels = [f"{c.indicator_name} — {target_text(c)} {c.unit}   ({c.sasaran})" for c in candidates]
        dialog = PickRowsDialog(
            _tr("Tambah indikator dari Renstra"),
            labels,
            _tr("Semua indikator Renstra tahun ini sudah ada di PK."),
            self,
        )
        dialog.accepted.connect(lambda: self.items_model.append([candidates[r] for r in dialog.checked_rows()]))
        self._open_pending(dialog)

    def remove_selected_item(self) -> None:
        self.items_model.remove(self.items_view.currentIndex().row())
        self._update_buttons()

    def move_selected_item(self, step: int) -> None:
        index = self.items_view.currentIndex()
        if not index.isValid():
            return
        row = self.items_model.move(index.row(), step)
        target = self.items_model.index(row, index.column())
        self.items_view.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._update_buttons()

    def add_programs_from_renstra(self) -> None:
        assert self.detail is not None and self.detail.opd_id
        present = self.programs_model.keys()
        candidates = [
            c
            for c in agreement_service.renstra_program_choices(self.db, self.detail.opd_id, self.detail.year)
            if (c.program_id or c.code or c.name) not in present
        ]
        labels = [f"{c.code} {c.name} — {format_rupiah(c.budget)}" for c in candidates]
        dialog = PickRowsDialog(
            _tr("Tambah program dari Renstra"),
            labels,
            _tr("Semua program Renstra yang memiliki pagu tahun ini sudah ada di PK."),
            self,
        )
        dialog.accepted.connect(lambda: self.programs_model.append([candidates[r] for r in dialog.checked_rows()]))
        self._open_pending(dialog)

    def add_empty_program(self) -> None:
        from ...services.agreement_data import ProgramData

        self.programs_model.append([ProgramData(name=_tr("Program baru"), budget=0)])
        index = self.programs_model.index(self.programs_model.rowCount() - 1, AgreementProgramsModel.NAME)
        self.programs_view.setCurrentIndex(index)
        self.programs_view.edit(index)

    def remove_selected_program(self) -> None:
        self.programs_model.remove(self.programs_view.currentIndex().row())
        self._update_buttons()

    # -- Pakta Integritas -----------------------------------------------------------------------------
    def record_pact(self) -> None:
        assert self.detail is not None
        suggested = (self.pact.sign_date if self.pact else None) or self.planned_date() or self._default_sign_date()
        dialog = PactDialog(self.detail.opd_name, suggested, self)
        dialog.accepted.connect(lambda: None if self.record_pact_on(dialog.sign_date()) else None)
        self._open_pending(dialog)

    def record_pact_on(self, sign_date: date) -> bool:
        assert self.detail is not None and self.detail.opd_id
        try:
            pact_service.record_pact(self.db, self.detail.opd_id, self.detail.year, sign_date)
        except (ValidationError, KinerjaDbError) as exc:
            self._refused(_tr("Pakta Integritas"), exc)
            return False
        self._fill_pact()
        self.changed.emit(self.detail.id)
        self.show_info_message(_tr("Pakta Integritas dicatat ({0}).").format(format_date(sign_date)))
        return True

    def _pact_request(self) -> printing.Request:
        assert self.detail is not None
        return printing.Request(
            printing.PACT, self.detail.year, opd_codes=(self._opd_code,), paper=self.paper.currentData()
        )

    def preview_pact(self) -> None:
        self.printer.preview(self.db, self._pact_request(), _tr("Pratinjau Pakta Integritas"))

    def print_pact(self) -> None:
        self.printer.save(self.db, self._pact_request())

    def print_pact_on_printer(self) -> None:
        """Cetak Pakta…: Qt's print dialog, then the Pakta Integritas onto the printer."""
        self.printer.print_on_printer(self.db, self._pact_request(), _tr("Pakta Integritas"))

    # -- printing the PK ------------------------------------------------------------------------------
    def _request(self) -> printing.Request:
        """This version of the PK: the file the CLI's ``print pk`` writes for it, under the same name."""
        assert self.detail is not None
        return printing.Request(
            printing.PK, self.detail.year, agreement_id=self.detail.id, paper=self.paper.currentData()
        )

    def _ready_to_print(self) -> bool:
        if self.detail is None:
            return False
        if not self.dirty:
            return True
        if messages.confirm(
            self,
            _tr("Perubahan belum disimpan"),
            _tr("Pratinjau dan cetak memakai data tersimpan. Simpan perubahan dahulu?"),
        ):
            return self.save()
        return True

    def preview(self) -> None:
        if self._ready_to_print():
            self.printer.preview(self.db, self._request(), _tr("Pratinjau — {0}").format(self.document_title()))

    def print_to_file(self) -> None:
        if self._ready_to_print():
            self.printer.save(self.db, self._request())

    def print_on_printer(self) -> None:
        """Cetak…: Qt's print dialog, then the PK's PDF onto the printer."""
        if self._ready_to_print():
            self.printer.print_on_printer(self.db, self._request(), self.document_title())

    @property
    def preview_dialog(self) -> PdfPreviewDialog | None:
        return self.printer.preview_dialog

    def _pdf_saved(self, path: Path) -> None:
        self.show_info_message(_tr("PDF tersimpan: {0}").format(path))

    def _print_failed(self, text: str) -> None:
        self._refused(_tr("Cetak"), Exception(text))

    def _print_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)
        self.printer_button.setEnabled(not busy)
        has_pact = getattr(self, "pact", None) is not None
        self.header.previewPactButton.setEnabled(not busy and has_pact)
        self.header.printPactButton.setEnabled(not busy and has_pact)
        self.header.printerPactButton.setEnabled(not busy and has_pact)
