"""The Perjanjian Kinerja editor: signers, place and date, indicators, programs with budget, notes, lifecycle.

Only a draft can be edited. Final and signed agreements open read-only; a signed one shows the lock banner and
offers "Buat PK Perubahan…" (what each state allows is ``agreement_state.py``, plain Python). Every button that
changes data calls one service function (one transaction); a failed save keeps the user's input on screen and
leaves the database as it was. Rows, the Pakta Integritas and printing are in ``agreement_editor_rows.py``.

The regional head's own PK opens in the same editor with one signer (the Bupati/Wali Kota of the day) and no
Pakta. A draft whose OPD was renamed or got a new head since it was made says so and offers to refresh it; a
PK whose signers are not in office on the signing date says who is, and offers to sign with them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...db.database import Database
from ...db.errors import AgreementLockedError, KinerjaDbError
from ...domain.enums import ActingKind, AgreementKind, AgreementStatus, Polarity
from ...domain.formatting import format_date, format_rupiah
from ...domain.targets import derived_quarters
from ...domain.verification import VerificationState
from ...services import agreements as agreement_service
from ...services import opd as opd_service
from ...services import pacts as pact_service
from ...services import verification
from ...services.agreement_data import AgreementDetail, Signer
from ...services.agreement_signers import Difference, SignersOutOfDate, reference_date
from ...services.errors import ValidationError
from .. import connection, messages, permissions, unsaved
from ..jobs import JobRunner
from ..models.agreement_items_model import AgreementItemsModel
from ..models.agreement_list_model import version_text
from ..plausibility import confirmation_text, target_warnings
from ..print_action import PrintAction
from ..unsaved import UnsavedChangesGuard
from .agreement_actions import AmendmentDialog, SignDialog
from .agreement_editor_layout import FIRST_ACTING, AgreementEditorLayout
from .agreement_editor_rows import AgreementEditorRows
from .agreement_state import Banner, editor_actions, lock_reason, row_actions

ERROR_STYLE = "QLabel { color: #b3261e; background: #fdecea; border: 1px solid #f5c2bd; padding: 0.4em; }"
INFO_STYLE = "QLabel { color: #1b5e20; background: #edf7ed; border: 1px solid #b7dfb9; padding: 0.4em; }"
LOCK_STYLE = (
    "QLabel { color: #5d4037; background: #fff4d6; border: 1px solid #e6c66e; padding: 0.5em; font-weight: bold; }"
)
FINAL_STYLE = "QLabel { color: #0d47a1; background: #e8f0fe; border: 1px solid #a8c4f0; padding: 0.5em; }"
STALE_STYLE = "QLabel { color: #5d4037; background: #fff8e1; border: 1px solid #f0d58c; padding: 0.4em; }"
FIRST_ACTING_REGIONAL = (ActingKind.DEFINITIVE, ActingKind.PLT, ActingKind.PLH, ActingKind.PJ)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementEditor", text)


def differences_text(found: list[Difference]) -> str:
    """The differences, one bullet each: what the PK says, what the records say."""
    lines = []
    for difference in found:
        now = difference.in_records or _tr("tidak ada yang menjabat")
        lines.append(_tr("• {0}: di PK “{1}”, kini “{2}”").format(
            _tr(difference.subject), difference.on_document or "-", now))
    return "\n".join(lines)


def ask_take_signers(parent: QWidget, error: SignersOutOfDate) -> bool:
    """Sign (or finalise) with the people in office on the date instead? (tests replace this)"""
    question = _tr(
        "Penanda tangan PK ini tidak sesuai dengan yang menjabat pada {0}:\n\n{1}\n\n"
        "Ganti dengan yang menjabat pada tanggal itu?"
    ).format(format_date(error.on), differences_text(error.differences))
    return messages.confirm(parent, _tr("Penanda tangan"), question)


class AgreementEditor(UnsavedChangesGuard, AgreementEditorRows, AgreementEditorLayout, QDialog):
    """Edits one version of a PK; ``changed(id)`` is emitted whenever the database was changed from here."""

    changed = Signal(str)

    def __init__(self, db: Database, agreement_id: str, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.db = db
        self.printer = PrintAction(self, runner, saved=self._pdf_saved, failed=self._print_failed)
        self.printer.busy_changed.connect(self._print_busy)
        self.detail: AgreementDetail | None = None
        self.editable = False
        self.dirty = False
        self._loading = False
        self._opd_code = ""
        self._second: Signer = Signer()
        self._first_source: str | None = None
        self.pending_dialog: QDialog | None = None
        self.differences: list[Difference] = []
        self.waiting = False
        self._build()
        self.verification_bar.before_submit = self._save_if_dirty
        self.verification_bar.submitted.connect(self._reload_after_change)
        self.lock.reason_shown.connect(self.show_info_message)
        self._first_title = self.header.firstGroup.title()
        self._first_button_text = self.header.firstFromHeadButton.text()
        self._second_title = self.header.secondGroup.title()
        self.role_reason = ""
        self.load(agreement_id)
        assert self.detail is not None
        permissions.bind_all(
            (self.save_button, self.finalize_button, self.reopen_button, self.sign_button, self.amend_button,
             self.discard_button, self.refresh_button, self.fill_button, self.header.recordPactButton,
             self.header.firstFromHeadButton),
            self._action(), lambda: self.db, opd=lambda: self.detail.opd_id if self.detail else None)

    def _action(self) -> str:
        """The right this PK's changes need: the regional head's own PK is Bappeda's, the others their OPD's."""
        assert self.detail is not None
        return "regional_pk" if self.detail.level is AgreementKind.REGIONAL else "opd_data"

    # -- loading --------------------------------------------------------------------------------------
    def load(self, agreement_id: str) -> None:
        detail = agreement_service.get_agreement(self.db, agreement_id)
        self.detail = detail
        # the targets as stored, to ask only about figures typed since (the models edit the items in place)
        self._loaded_targets = {item.indicator_id: (item.target, tuple(item.quarters)) for item in detail.items}
        # a draft submitted to Bappeda waits for its decision: read only until it is returned
        self.waiting = verification.agreement_status(self.db, agreement_id).state is VerificationState.SUBMITTED
        actions = editor_actions(detail.status, detail.version_no, detail.version_no)
        # a user without the right (Pimpinan, an operator of another OPD) reads it only
        self.role_reason = permissions.denial(self.db, self._action(), detail.opd_id)
        self.editable = actions.editable and not self.waiting and not self.role_reason
        self._loading = True
        try:
            self._fill(detail)
        finally:
            self._loading = False
        self.dirty = False
        self.setWindowModified(False)
        self.clear_message()
        self._update_state()
        self._show_differences()

    def _show_differences(self) -> None:
        """A draft made before a rename, a new head or the end of a term says what differs, and offers to refresh."""
        assert self.detail is not None
        self.differences = agreement_service.draft_differences(self.db, self.detail.id)
        if not self.differences:
            self.stale_label.hide()
            self.refresh_button.hide()
            return
        self.stale_label.setText(
            _tr("Data berubah sejak draf ini dibuat (per {0}):\n{1}").format(
                format_date(self.planned_date() or self._default_sign_date()), differences_text(self.differences)
            )
        )
        self.stale_label.setStyleSheet(STALE_STYLE)
        self.stale_label.show()
        self.refresh_button.show()
        self.refresh_button.setEnabled(any(d.in_records for d in self.differences))

    def refresh_from_records(self) -> bool:
        """Take the records' OPD name and signers of the draft's date into it (saving pending edits first)."""
        if self.detail is None or (self.dirty and not self.save()):
            return False
        try:
            agreement_service.refresh_draft(self.db, self.detail.id, self.detail.version)
        except (ValidationError, KinerjaDbError) as exc:
            self._refused(_tr("Perbarui draf"), exc)
            return False
        self._reload_after_change()
        self.show_info_message(_tr("Draf diperbarui dengan nama perangkat daerah dan penanda tangan terkini."))
        return True

    def _fill(self, detail: AgreementDetail) -> None:
        h = self.header
        regional = detail.level.single_signer
        if detail.opd_id:
            self._opd_code = opd_service.get_opd(self.db, detail.opd_id).code
        lower = detail.level.is_lower  # inside an OPD: pihak pertama's position names it
        whose = _tr("Perjanjian Kinerja Kepala Daerah") if regional else _tr("Perjanjian Kinerja")
        unit = f"{detail.first.position} — {detail.opd_name}" if lower else detail.opd_name
        self.setWindowTitle(_tr("{0} {1} — {2}[*]").format(whose, detail.year, unit))
        kind = _tr("PERJANJIAN KINERJA PERUBAHAN") if detail.version_no > 1 else _tr("PERJANJIAN KINERJA")
        if regional:
            kind += _tr(" KEPALA DAERAH")
        elif lower:
            kind += " " + _tr(detail.level.label.upper())
        self.title_label.setText(f"{kind} {detail.year} — {unit}")
        self._set_level(regional, lower)
        h.placeEdit.setText(detail.place)
        h.signDateEdit.setMinimumDate(QDate(detail.year - 1, 1, 1))
        h.signDateEdit.setMaximumDate(QDate(detail.year, 12, 31))
        h.signDateEdit.set_value(detail.sign_date)
        # An empty date's calendar opens where signing usually is (January of the PK's year), not on its minimum.
        h.signDateEdit.set_suggested(reference_date(detail.year, None))
        self._set_first(detail.first)
        self._second = replace(detail.second)
        self._fill_second_choices(detail.sign_date or self._default_sign_date())
        h.secondNameEdit.setText(detail.second.name)
        h.secondPositionEdit.setText(detail.second.position)
        h.secondActingCombo.setCurrentIndex(max(0, h.secondActingCombo.findData(detail.second.acting)))
        h.notesEdit.setPlainText(detail.notes)
        h.reasonEdit.setPlainText(detail.amendment_reason)
        h.amendmentGroup.setVisible(detail.version_no > 1)
        versions = agreement_service.version_history(self.db, detail.id)
        replaced = next((v for v in versions if v.id == detail.replaces_id), None)
        h.replacesLabel.setText(
            _tr("{0}, ditandatangani {1}").format(version_text(replaced.version_no), format_date(replaced.sign_date))
            if replaced
            else "-"
        )
        self.items_model.set_items(detail.items, editable=self.editable)
        self.programs_model.set_programs(detail.programs, editable=self.editable)
        self.tabs.setTabText(1, _tr("Indikator kinerja ({0})").format(len(detail.items)))
        self.history.set_versions(self.db, versions, detail.id)
        self._versions = versions
        self._fill_pact()

    def _set_level(self, regional: bool, lower: bool = False) -> None:
        """One signer for the regional head's own PK (no pihak kedua, no Pakta), two for an OPD's; inside an OPD
        both from the positions (no Pakta; its rows come from the pohon kinerja, not the Renstra)."""
        h = self.header
        h.secondGroup.setVisible(not regional)
        h.pactGroup.setVisible(not regional and not lower)
        first = _tr("Pejabat pihak pertama") if lower else self._first_title
        h.firstGroup.setTitle(_tr("Kepala daerah (satu-satunya penanda tangan)") if regional else first)
        button = _tr("Ambil pejabat yang menjabat") if lower else self._first_button_text
        h.firstFromHeadButton.setText(_tr("Ambil kepala daerah yang menjabat") if regional else button)
        h.secondGroup.setTitle(_tr("Pihak kedua — atasan langsung") if lower else self._second_title)
        self.add_items_button.setText(_tr("Tambah dari RPJMD…") if regional else _tr("Tambah dari Renstra…"))
        self.add_items_button.setVisible(not lower)
        wanted = FIRST_ACTING_REGIONAL if regional else FIRST_ACTING
        if [h.firstActingCombo.itemData(n) for n in range(h.firstActingCombo.count())] != list(wanted):
            h.firstActingCombo.clear()
            for acting in wanted:
                h.firstActingCombo.addItem(_tr(acting.label), acting)

    def _set_first(self, signer: Signer) -> None:
        h = self.header
        self._first_source = signer.source_id
        h.firstNameEdit.setText(signer.name)
        h.firstPositionEdit.setText(signer.position)
        h.firstActingCombo.setCurrentIndex(max(0, h.firstActingCombo.findData(signer.acting)))
        h.firstNipEdit.setText(signer.nip or "")
        h.firstRankEdit.setText(signer.rank)

    def _fill_second_choices(self, on: date) -> None:
        combo = self.header.secondCombo
        combo.clear()
        assert self.detail is not None
        if self.detail.level.is_lower:  # the holder of the superior position that day
            superior = agreement_service.position_signers_on(self.db, self.detail.position_id or "", on)[1]
            leaders = [superior] if superior is not None else []
        else:
            leaders = agreement_service.leaders_on(self.db, on)
        current = self._second
        if current.name and not any(s.source_id == current.source_id and s.name == current.name for s in leaders):
            combo.addItem(_tr("{0} (tersimpan di PK)").format(current.name), current)
        for leader in leaders:
            combo.addItem(f"{leader.name} — {leader.printed_position}", leader)
        index = next(
            (
                n
                for n in range(combo.count())
                if combo.itemData(n).source_id == current.source_id and combo.itemData(n).name == current.name
            ),
            0,
        )
        combo.setCurrentIndex(index)
        if combo.count() == 0:
            combo.addItem(_tr("(tidak ada kepala daerah tercatat pada tanggal itu)"), Signer())

    def _default_sign_date(self) -> date:
        assert self.detail is not None
        return reference_date(self.detail.year, None)

    def document_title(self) -> str:
        return self.windowTitle().replace("[*]", "")

    # -- state ----------------------------------------------------------------------------------------
    def _update_state(self) -> None:
        detail = self.detail
        assert detail is not None
        newest = max((v.version_no for v in self._versions), default=detail.version_no)
        actions = editor_actions(detail.status, detail.version_no, newest)
        self.status_label.setText(
            _tr("Status: {0} · {1}").format(_tr(detail.status.label), version_text(detail.version_no))
        )
        signed_on = format_date(detail.sign_date)
        if actions.banner is Banner.SIGNED:
            self._banner(_tr("Ditandatangani pada {0} — terkunci").format(signed_on), LOCK_STYLE)
        elif actions.banner is Banner.SUPERSEDED:
            self._banner(_tr("Ditandatangani pada {0}, diganti oleh PK Perubahan — terkunci").format(signed_on),
                         LOCK_STYLE)
        elif actions.banner is Banner.FINAL:
            self._banner(_tr("Final — siap ditandatangani. Untuk mengubah isinya, kembalikan ke draf."), FINAL_STYLE)
        else:
            self.banner.hide()
        waiting = _tr("Sudah diajukan ke Bappeda dan menunggu verifikasi; dapat diubah lagi bila dikembalikan")
        self._set_read_only(lock_reason(detail.status, signed_on) if not actions.editable
                            else self.role_reason or (waiting if self.waiting else ""))
        self.verification_bar.show_agreement(self.db, detail.id, draft=detail.status is AgreementStatus.DRAFT,
                                             opd_id=detail.opd_id)
        self.header.signDateLabel.setText(
            _tr("Tanggal penandatanganan:") if actions.signed else _tr("Tanggal renc&ana:")
        )
        self.save_button.setVisible(actions.editable and not self.waiting and not self.role_reason)
        self.finalize_button.setVisible(actions.finalize and not self.waiting)
        self.discard_button.setVisible(actions.discard and not self.waiting)
        self.reopen_button.setVisible(actions.reopen)
        self.sign_button.setVisible(actions.sign)
        self.amend_button.setVisible(actions.show_amend)
        self.amend_button.setEnabled(actions.amend)
        self._update_buttons()

    def _banner(self, text: str, style: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.banner.show()

    def _set_read_only(self, reason: str) -> None:
        """Lock the fields and tables with the one locked look (a click says ``reason``); "" unlocks them."""
        h = self.header
        read_only = bool(reason)
        fields = [
            widget
            for kind in (QLineEdit, QPlainTextEdit, QComboBox)
            for widget in self.header_widget.findChildren(kind)
            if not isinstance(widget.parentWidget(), QComboBox | type(h.signDateEdit))
        ]
        self.lock.set_locked([*fields, h.signDateEdit, self.items_view, self.programs_view], reason)
        h.firstFromHeadButton.setVisible(not read_only)
        for button in (
            self.add_items_button,
            self.remove_item_button,
            self.up_button,
            self.down_button,
            self.add_programs_button,
            self.new_program_button,
            self.remove_program_button,
        ):
            button.setVisible(not read_only)

    def _update_buttons(self) -> None:
        items = row_actions(self.editable, self.items_view.currentIndex().row(), self.items_model.rowCount())
        self.remove_item_button.setEnabled(items.remove)
        self.up_button.setEnabled(items.up)
        self.down_button.setEnabled(items.down)
        programs = row_actions(
            self.editable, self.programs_view.currentIndex().row(), self.programs_model.rowCount()
        )
        self.remove_program_button.setEnabled(programs.remove)

    def _mark_dirty(self) -> None:
        if self._loading or not self.editable:
            return
        self.dirty = True
        if self.detail is not None:
            self.tabs.setTabText(1, _tr("Indikator kinerja ({0})").format(self.items_model.rowCount()))
        self.setWindowModified(True)

    def _show_total(self, total: int) -> None:
        self.total_label.setText(_tr("Jumlah anggaran: {0}").format(format_rupiah(total)))

    # -- messages -------------------------------------------------------------------------------------
    def show_error_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.show()

    def show_info_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(INFO_STYLE)
        self.message_label.show()

    def show_problems(self, intro: str, problems: list[str]) -> None:
        self.show_error_message(intro + "\n" + "\n".join(f"• {p}" for p in problems))

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def _refused(self, title: str, exc: Exception) -> None:
        self.show_error_message(str(exc))
        messages.show_error(self, title, str(exc))

    # -- signers --------------------------------------------------------------------------------------
    def planned_date(self) -> date | None:
        return self.header.signDateEdit.value()

    def fill_first_from_head(self) -> None:
        assert self.detail is not None
        on = self.planned_date() or self._default_sign_date()
        if self.detail.level.single_signer:
            signer = agreement_service.regional_head_signer(self.db, on)
            missing = _tr("Tidak ada kepala daerah yang tercatat menjabat pada {0}; lengkapi Profil pemerintah daerah.")
        elif self.detail.level.is_lower:
            signer = agreement_service.position_signers_on(self.db, self.detail.position_id or "", on)[0]
            missing = _tr("Jabatan ini tidak memiliki pemegang pada {0}; lengkapi di Pohon Kinerja → Jabatan.")
        else:
            signer = agreement_service.head_signer(self.db, self.detail.opd_id, on) if self.detail.opd_id else None
            missing = _tr("Perangkat daerah ini tidak memiliki kepala pada {0}; lengkapi data kepala OPD.")
        if signer is None:
            self.show_error_message(missing.format(format_date(on)))
            return
        self._set_first(signer)
        self._fill_second_choices(on)
        self.clear_message()
        self._mark_dirty()

    def _on_second_chosen(self, index: int) -> None:
        signer: Signer | None = self.header.secondCombo.itemData(index)
        if signer is None or not signer.name:
            return
        h = self.header
        self._second = replace(signer)
        h.secondNameEdit.setText(signer.name)
        h.secondPositionEdit.setText(signer.position)
        h.secondActingCombo.setCurrentIndex(max(0, h.secondActingCombo.findData(signer.acting)))
        self._mark_dirty()

    # -- the form as a service dataclass ----------------------------------------------------------------
    def form_detail(self) -> AgreementDetail:
        assert self.detail is not None
        h = self.header
        loaded = self.detail
        first = Signer(
            name=h.firstNameEdit.text().strip(),
            position=h.firstPositionEdit.text().strip(),
            nip=h.firstNipEdit.text().replace(" ", "") or None,
            rank=h.firstRankEdit.text().strip(),
            acting=ActingKind(h.firstActingCombo.currentData() or ActingKind.DEFINITIVE),
            source_id=self._first_source,
        )
        second = Signer() if loaded.level.single_signer else Signer(
            name=h.secondNameEdit.text().strip(),
            position=h.secondPositionEdit.text().strip(),
            nip=self._second.nip,
            rank=self._second.rank,
            acting=ActingKind(h.secondActingCombo.currentData() or ActingKind.DEFINITIVE),
            source_id=self._second.source_id,
        )
        return replace(
            loaded,
            place=h.placeEdit.text().strip(),
            sign_date=self.planned_date(),
            notes=h.notesEdit.toPlainText(),
            amendment_reason=h.reasonEdit.toPlainText().strip(),
            first=first,
            second=second,
            items=self.items_model.items(),
            programs=self.programs_model.programs(),
        )

    # -- saving and the lifecycle ---------------------------------------------------------------------
    def save(self) -> bool:
        """Save the draft in one transaction; on failure the input stays and the database is unchanged."""
        if self.detail is None:
            return False
        self._commit_open_editor()
        detail = self.form_detail()
        warnings = self._target_warnings(detail)
        if warnings and not messages.confirm(self, _tr("Periksa angka"), confirmation_text(warnings)):
            return False  # back to correct them; nothing saved
        try:
            agreement_service.save_draft(self.db, detail)
        except ValidationError as exc:
            self.show_problems(_tr("Belum dapat disimpan:"), list(exc.errors.values()))
            return False
        except AgreementLockedError as exc:
            self._refused(_tr("PK terkunci"), exc)
            return False
        except connection.PROBLEMS as exc:  # server lost, or another computer's change: what is typed stays
            choice = connection.explain(self, exc)
            if choice == connection.RETRY:
                return self.save()
            if choice == connection.RELOAD:
                self._reload_after_change()
            return False
        except KinerjaDbError as exc:
            self._refused(_tr("Gagal menyimpan"), exc)
            return False
        self._reload_after_change()
        self.show_info_message(_tr("Draf tersimpan."))
        return True

    def _target_warnings(self, detail: AgreementDetail) -> list[str]:
        """Targets typed since the PK was opened that look like slips (asked about, never refused)."""
        loaded = self._loaded_targets
        warnings: list[str] = []
        for item in detail.items:
            if loaded.get(item.indicator_id) != (item.target, tuple(item.quarters)):
                warnings += target_warnings(name=item.indicator_name, unit=item.unit,
                                            values=[item.target, *item.quarters])
        return warnings

    def _commit_open_editor(self) -> None:
        # A cell still being edited: hand its text to the model before reading the models.
        for view in (self.items_view, self.programs_view):
            if view.state() == QAbstractItemView.State.EditingState:
                editor = view.indexWidget(view.currentIndex())
                if editor is not None:
                    view.commitData(editor)
                    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _reload_after_change(self) -> None:
        assert self.detail is not None
        tab = self.tabs.currentIndex()
        self.load(self.detail.id)
        self.tabs.setCurrentIndex(tab)
        self.changed.emit(self.detail.id)

    def _save_if_dirty(self) -> bool:
        return not self.dirty or self.save()

    def finalize(self) -> None:
        if self.detail is None or not self._save_if_dirty():
            return
        problems = agreement_service.completeness_problems(self.detail)
        if problems:
            self.show_problems(_tr("PK belum lengkap sehingga belum dapat difinalkan:"), problems)
            return
        try:
            self._with_signers_of_the_day(lambda update: agreement_service.finalize(
                self.db, self.detail.id, update_signers=update))
        except SignersOutOfDate as exc:
            self.show_error_message(str(exc))
            return
        except ValidationError as exc:
            self.show_problems(_tr("PK belum lengkap sehingga belum dapat difinalkan:"), list(exc.errors.values()))
            return
        except KinerjaDbError as exc:
            self._refused(_tr("Finalkan PK"), exc)
            return
        self._reload_after_change()
        self.show_info_message(_tr("PK difinalkan. Cetak untuk ditandatangani, lalu catat tanggal penandatanganan."))

    def reopen(self) -> None:
        if self.detail is None:
            return
        try:
            agreement_service.reopen_draft(self.db, self.detail.id)
        except (ValidationError, KinerjaDbError) as exc:
            self._refused(_tr("Kembalikan ke draf"), exc)
            return
        self._reload_after_change()

    def ask_sign(self) -> None:
        if self.detail is None:
            return
        suggested = self.detail.sign_date or self._default_sign_date()
        offer_pact = self.pact is None and not self.detail.level.single_signer and not self.detail.level.is_lower
        dialog = SignDialog(self.document_title(), suggested, offer_pact=offer_pact, parent=self)
        dialog.accepted.connect(
            lambda: None if self.sign(dialog.sign_date(), record_pact=dialog.pact_check.isChecked()) else None
        )
        self._open_pending(dialog)

    def _with_signers_of_the_day(self, action) -> None:  # noqa: ANN001 - a service call taking update_signers
        """Run ``action(False)``; when the signers are not in office that day, ask to take those who are and run
        ``action(True)``, else let the refusal through."""
        try:
            action(False)
        except SignersOutOfDate as exc:
            if not exc.can_update or not ask_take_signers(self, exc):
                raise
            action(True)

    def sign(self, sign_date: date, *, record_pact: bool = False) -> bool:
        assert self.detail is not None
        agreement_id = self.detail.id
        try:
            self._with_signers_of_the_day(lambda update: agreement_service.sign(
                self.db, agreement_id, sign_date, update_signers=update))
        except (ValidationError, KinerjaDbError) as exc:
            self._refused(_tr("Tandatangani PK"), exc)
            return False
        pact_problem = ""
        if record_pact and self.detail.opd_id:
            try:
                pact_service.record_pact(self.db, self.detail.opd_id, self.detail.year, sign_date)
            except (ValidationError, KinerjaDbError) as exc:
                pact_problem = str(exc)
        self._reload_after_change()
        if pact_problem:
            self.show_error_message(
                _tr("PK ditandatangani, tetapi Pakta Integritas belum tercatat: {0}").format(pact_problem)
            )
        return True

    def ask_amendment(self) -> None:
        if self.detail is None:
            return
        dialog = AmendmentDialog(self.document_title(), self.detail.sign_date, self)
        dialog.accepted.connect(lambda: None if self.create_amendment(dialog.reason()) else None)
        self._open_pending(dialog)

    def create_amendment(self, reason: str) -> bool:
        assert self.detail is not None
        try:
            new_id = agreement_service.create_amendment(self.db, self.detail.id, reason)
        except (ValidationError, KinerjaDbError) as exc:
            self._refused(_tr("Buat PK Perubahan"), exc)
            return False
        self.load(new_id)
        self.changed.emit(new_id)
        self.show_info_message(
            _tr("Draf PK Perubahan dibuat. Ubah target atau anggaran, lalu finalkan dan tandatangani.")
        )
        return True

    def discard(self) -> None:
        if self.detail is None:
            return
        question = _tr(
            "Buang draf {0}?\n\nDraf ini dihapus; PK lain dan versi yang sudah ditandatangani tetap tersimpan."
        ).format(self.document_title())
        if not messages.confirm(self, _tr("Buang draf"), question):
            return
        try:
            agreement_service.discard_draft(self.db, self.detail.id)
        except (ValidationError, KinerjaDbError) as exc:
            self._refused(_tr("Buang draf"), exc)
            return
        discarded = self.detail.id
        self.dirty = False
        self.changed.emit(discarded)
        self.done(QDialog.DialogCode.Rejected)

    def open_version(self, agreement_id: str) -> None:
        if self.dirty and not self._resolve_unsaved():
            return
        self.load(agreement_id)

    # -- the grids ------------------------------------------------------------------------------------
    def _item_lock_reason(self, index: QModelIndex) -> str:
        """Why a cell of the indicators cannot be typed in ("" for the number, which only counts)."""
        if not self.editable:
            return self.lock.reason
        column = index.column()
        item = self.items_model.item_at(index.row())
        if column == AgreementItemsModel.SASARAN:
            return _tr("Sasaran mengikuti Renstra; ubah di layar Renstra & Indikator.")
        if column == AgreementItemsModel.TARGET and (item.target_grade or item.polarity is Polarity.RANGE):
            return _tr("Target rentang atau predikat diatur di Renstra & Indikator.")
        if column in AgreementItemsModel.QUARTERS and item.target_grade:
            return _tr("Indikator kualitatif tidak memakai target triwulan.")
        return ""

    def _program_lock_reason(self, _index: QModelIndex) -> str:
        return self.lock.reason if not self.editable else ""

    def _grid_message(self, text: str) -> None:
        if "ditolak" in text:
            self.show_error_message(text)
        elif text:
            self.show_info_message(text)

    def fill_quarters(self) -> int:
        """TW I–IV of the chosen rows from their yearly target by their cumulation rule (one undoable step)."""
        grid = self.items_grid
        rows, _columns = grid.selected_block()
        values = []
        skipped = []
        for row in rows:
            item = self.items_model.item_at(row)
            quarters = (
                derived_quarters(item.cumulation, item.polarity, item.target)
                if not item.target_grade else (None, None, None, None)
            )
            if quarters[0] is None:
                skipped.append(item.indicator_name)
                continue
            values += [(self.items_model.index(row, column), value)
                       for column, value in zip(AgreementItemsModel.QUARTERS, quarters, strict=True)]
        stored, errors = grid.set_values(values, _tr("isi TW dari target"))
        text = _tr("TW I–IV diisi dari target tahunan pada {0} baris.").format(len(rows) - len(skipped))
        if skipped:
            text += " " + _tr("Tidak diisi (tanpa target angka, rentang, predikat atau dirilis instansi lain): {0}."
                              ).format(", ".join(skipped))
        grid.report(text, errors)
        return stored

    # -- small dialogs and closing --------------------------------------------------------------------
    def _open_pending(self, dialog: QDialog) -> None:
        self.pending_dialog = dialog
        dialog.finished.connect(lambda _r: self._forget_pending(dialog))
        dialog.open()

    def _forget_pending(self, dialog: QDialog) -> None:
        if self.pending_dialog is dialog:
            self.pending_dialog = None
        dialog.deleteLater()

    def _resolve_unsaved(self) -> bool:
        """Ask about unsaved edits; True when the editor may go on (saved or deliberately dropped)."""
        answer = unsaved.ask_unsaved_changes(self)
        if answer == unsaved.SAVE:
            return self.save()
        if answer == unsaved.DISCARD:
            self.dirty = False
            return True
        return False

    # -- the unsaved-changes guard: Tutup, Esc and the window's close button ask -------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def save_changes(self) -> bool:
        return self.save()

    def force_close(self) -> None:
        """Close for good (the main window closes or changes database); unsaved edits may still be saved."""
        if self.dirty and unsaved.ask_unsaved_changes(self) == unsaved.SAVE:
            self.save()
        self.dirty = False
        if self.pending_dialog is not None:
            self.pending_dialog.reject()
        self.printer.close_preview()
        self.discard_and_close()
