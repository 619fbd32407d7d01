"""Profil Pemerintah Daerah: letterhead data and logo, scoring settings, the planning agency that issues the
regency-wide reports, the wording of the standard sentences of the PK and the Pakta, and the regional leaders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...domain import DEFAULT_BANDS, PredicateBand, make_bands
from ...domain.enums import ActingKind, LeaderRole, RegionKind
from ...domain.formatting import format_date, format_number, parse_number
from ...domain.personnel import RANK_LABELS, RANKS, format_nip
from ...reports.templates import EDITABLE_TEXTS
from ...services import opd as opd_service
from ...services import regency as regency_service
from ...services import verification
from ...services.errors import FORM, ValidationError
from ...services.regency import LeaderData, RegencyProfile
from ..excel_export_button import ExcelExportButton
from ..forms.ui_leader_form import Ui_LeaderForm
from ..forms.ui_regency_form import Ui_RegencyForm
from ..models.record_table import Column, RecordTableModel
from ..unsaved import IGNORED, UnsavedChangesGuard, form_state
from ..views import setup_table
from .field_errors import FieldErrors

ROLE_LABELS = {
    LeaderRole.HEAD: "Kepala daerah (Bupati/Wali Kota)",
    LeaderRole.DEPUTY: "Wakil kepala daerah",
    LeaderRole.SECRETARY: "Sekretaris Daerah",
}
FORMULAS = (
    ("2t-r", "(2 × target − realisasi) / target × 100 (PermenPANRB 6/2022)"),
    ("t/r", "target / realisasi × 100"),
)
INDONESIA = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RegencyDialog(UnsavedChangesGuard, QDialog):
    """Edit the regency profile and settings; leaders are saved one by one from their own form."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RegencyForm()
        self.ui.setupUi(self)
        self._db = db
        self._profile = regency_service.get_profile(db)
        self._logo = self._profile.logo_png
        ui = self.ui
        self.award_spin = QSpinBox()
        self.award_spin.setRange(1, regency_service.MAX_AWARDS)
        self.award_spin.setSuffix(self.tr(" perangkat daerah"))
        self.award_error = QLabel()
        self.award_error.setStyleSheet("color: #b3261e;")
        self.award_error.setWordWrap(True)
        award_label = QLabel(self.tr("Pe&nerima piagam AKIP:"))
        award_label.setBuddy(self.award_spin)
        ui.settingsLayout.insertRow(8, award_label, self.award_spin)
        ui.settingsLayout.insertRow(9, "", self.award_error)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self.errors = FieldErrors(
            self,
            ui.formError,
            {
                "name": (ui.nameError, ui.nameEdit, ui.profileLayout),
                "capital": (ui.capitalError, ui.capitalEdit, ui.profileLayout),
                "email": (ui.emailError, ui.emailEdit, ui.profileLayout),
                "logo_png": (ui.logoError, ui.logoButton, ui.profileLayout),
                "achievement_cap": (ui.capError, ui.capSpin, ui.settingsLayout),
                "negative_formula": (ui.formulaError, ui.formulaCombo, ui.settingsLayout),
                "warning_threshold": (ui.thresholdError, ui.thresholdSpin, ui.settingsLayout),
                "efficiency_margin": (ui.marginError, ui.marginSpin, ui.settingsLayout),
                "award_count": (self.award_error, self.award_spin, ui.settingsLayout),
                "agency_email": (ui.agencyEmailError, ui.agencyEmailEdit, ui.agencyLayout),
            },
        )
        self._texts: dict[str, str] = dict(self._profile.document_texts)
        self._text_key: str | None = None
        for key, label in EDITABLE_TEXTS:
            ui.textCombo.addItem(self.tr(label), key)
        ui.textCombo.currentIndexChanged.connect(lambda _i: self._show_text())
        ui.textEdit.textChanged.connect(self._keep_text)
        ui.textDefaultButton.clicked.connect(self.reset_text)
        ui.textError.hide()
        ui.agencyOpdCombo.addItem(self.tr("— belum dipilih —"), None)
        for row in opd_service.list_opds(db, include_inactive=True):
            ui.agencyOpdCombo.addItem(f"{row.abbreviation} — {row.name}", row.id)
        for spin in (ui.capSpin, ui.thresholdSpin, ui.marginSpin):
            spin.setLocale(INDONESIA)
        for kind in RegionKind:
            ui.kindCombo.addItem(self.tr("Kabupaten") if kind is RegionKind.KABUPATEN else self.tr("Kota"), kind)
        for key, label in FORMULAS:
            ui.formulaCombo.addItem(label, key)
        ui.bandsTable.setColumnCount(2)
        ui.bandsTable.setHorizontalHeaderLabels([self.tr("Batas bawah nilai"), self.tr("Sebutan predikat")])
        ui.bandsTable.horizontalHeader().setStretchLastSection(True)
        ui.bandsTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        ui.bandsTable.verticalHeader().hide()
        ui.logoButton.clicked.connect(self.choose_logo)
        ui.logoClearButton.clicked.connect(lambda: self._set_logo(None))
        ui.bandsResetButton.clicked.connect(lambda: self._fill_bands(DEFAULT_BANDS))
        self.leaders = RecordTableModel[LeaderData](self._leader_columns(), self)
        ui.leadersView.setModel(self.leaders)
        setup_table(ui.leadersView, sortable=False)
        ui.addLeaderButton.clicked.connect(lambda: self.edit_leader(None))
        ui.editLeaderButton.clicked.connect(self._edit_selected_leader)
        ui.leadersView.doubleClicked.connect(lambda _index: self._edit_selected_leader())
        self.leaders_excel_button = ExcelExportButton(self, "pimpinan", lambda: self._db)
        ui.leaderButtons.addWidget(self.leaders_excel_button)
        self.errors.clear()
        self._load()
        self.resize(self.fontMetrics().horizontalAdvance("x" * 125), self.sizeHint().height())
        for selector in (ui.textCombo, ui.textEdit):  # which sentence is shown is no change; the texts are
            selector.setProperty(IGNORED, True)
        self.mark_clean()

    def guard_state(self) -> tuple[object, ...]:
        return (form_state(self), tuple(sorted(self._texts.items())), self._logo)

    def _leader_columns(self) -> list[Column[LeaderData]]:
        return [
            Column(self.tr("Peran"), lambda l: self.tr(ROLE_LABELS[l.role])),  # noqa: E741
            Column(self.tr("Status"), lambda l: l.acting.prefix or self.tr("Definitif")),  # noqa: E741
            Column(self.tr("Nama"), lambda l: l.name),  # noqa: E741
            Column(self.tr("Jabatan"), lambda l: l.position),  # noqa: E741
            Column(self.tr("NIP"), lambda l: format_nip(l.nip)),  # noqa: E741
            Column(self.tr("Mulai"), lambda l: format_date(l.start_date)),  # noqa: E741
            Column(self.tr("Sampai"), lambda l: format_date(l.end_date, empty=self.tr("sekarang"))),  # noqa: E741
        ]

    def _load(self) -> None:
        p, ui = self._profile, self.ui
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(p.kind)))
        for edit, value in (
            (ui.nameEdit, p.name),
            (ui.provinceEdit, p.province),
            (ui.capitalEdit, p.capital),
            (ui.addressEdit, p.address),
            (ui.phoneEdit, p.phone),
            (ui.websiteEdit, p.website),
            (ui.emailEdit, p.email),
        ):
            edit.setText(value)
        ui.capSpin.setValue(float(p.achievement_cap))
        ui.formulaCombo.setCurrentIndex(max(0, ui.formulaCombo.findData(p.negative_formula)))
        ui.thresholdSpin.setValue(float(p.warning_threshold))
        ui.marginSpin.setValue(float(p.efficiency_margin))
        ui.lowerMonitoringCheck.setChecked(p.lower_level_monitoring)
        self._verification_required = verification.verification_required(self._db)
        ui.verificationRequiredCheck.setChecked(self._verification_required)
        self.award_spin.setValue(p.award_count)
        for edit, value in (
            (ui.agencyNameEdit, p.agency_name),
            (ui.agencyShortEdit, p.agency_short),
            (ui.agencyAddressEdit, p.agency_address),
            (ui.agencyPhoneEdit, p.agency_phone),
            (ui.agencyWebsiteEdit, p.agency_website),
            (ui.agencyEmailEdit, p.agency_email),
        ):
            edit.setText(value)
        ui.agencyOpdCombo.setCurrentIndex(max(0, ui.agencyOpdCombo.findData(p.agency_opd_id)))
        self._show_text()
        self._fill_bands(p.bands)
        self._set_logo(p.logo_png)
        self.leaders.set_rows(regency_service.list_leaders(self._db))

    def _fill_bands(self, bands: tuple[PredicateBand, ...]) -> None:
        table = self.ui.bandsTable
        table.setRowCount(len(bands))
        for row, band in enumerate(bands):
            table.setItem(row, 0, QTableWidgetItem(format_number(band.lower, None)))
            table.setItem(row, 1, QTableWidgetItem(band.label))

    def _set_logo(self, data: bytes | None) -> None:
        self._logo = data
        preview = self.ui.logoPreview
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            side = self.fontMetrics().height() * 4
            preview.setPixmap(
                pixmap.scaled(
                    side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            preview.setText(self.tr("(belum ada logo)"))

    # -- the wording of the documents ------------------------------------------------------------------
    def _show_text(self) -> None:
        """The chosen sentence: the regency's own, else the standard one."""
        key = self.ui.textCombo.currentData()
        self._text_key = None  # not kept while the editor is filled
        self.ui.textEdit.setPlainText(self._texts.get(key) or self._profile.text(key))
        self._text_key = key

    def _keep_text(self) -> None:
        if self._text_key is not None:
            self._texts[self._text_key] = self.ui.textEdit.toPlainText()

    def reset_text(self) -> None:
        """Back to the standard sentence of the domain notes."""
        key = self.ui.textCombo.currentData()
        self._texts.pop(key, None)
        self._text_key = None
        self.ui.textEdit.setPlainText(regency_service.RegencyProfile().text(key))
        self._text_key = key

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih logo"), "", self.tr("Gambar PNG (*.png)"))
        if not path:
            return
        try:
            self._set_logo(Path(path).read_bytes())
        except OSError as exc:
            self.errors.show({"logo_png": self.tr("Berkas tidak dapat dibaca: {0}").format(exc.strerror)})

    # -- saving --------------------------------------------------------------------------------------
    def _bands(self) -> tuple[PredicateBand, ...]:
        table = self.ui.bandsTable
        pairs = []
        for row in range(table.rowCount()):
            lower = (table.item(row, 0).text() if table.item(row, 0) else "").strip()
            label = (table.item(row, 1).text() if table.item(row, 1) else "").strip()
            if not lower and not label:
                continue
            if not label:
                raise ValueError(self.tr("Predikat baris {0}: sebutan wajib diisi").format(row + 1))
            pairs.append((parse_number(lower), label))
        return make_bands(pairs)

    def profile(self) -> RegencyProfile:
        ui = self.ui
        return replace(
            self._profile,
            kind=ui.kindCombo.currentData(),
            name=ui.nameEdit.text(),
            province=ui.provinceEdit.text(),
            capital=ui.capitalEdit.text(),
            address=ui.addressEdit.text(),
            phone=ui.phoneEdit.text(),
            website=ui.websiteEdit.text(),
            email=ui.emailEdit.text(),
            logo_png=self._logo,
            achievement_cap=Decimal(str(round(ui.capSpin.value(), 2))),
            negative_formula=ui.formulaCombo.currentData(),
            warning_threshold=Decimal(str(round(ui.thresholdSpin.value(), 2))),
            efficiency_margin=Decimal(str(round(ui.marginSpin.value(), 2))),
            lower_level_monitoring=ui.lowerMonitoringCheck.isChecked(),
            award_count=self.award_spin.value(),
            bands=self._bands(),
            agency_name=ui.agencyNameEdit.text(),
            agency_short=ui.agencyShortEdit.text(),
            agency_address=ui.agencyAddressEdit.text(),
            agency_phone=ui.agencyPhoneEdit.text(),
            agency_website=ui.agencyWebsiteEdit.text(),
            agency_email=ui.agencyEmailEdit.text(),
            agency_opd_id=ui.agencyOpdCombo.currentData(),
            document_texts=dict(self._texts),
        )

    def accept(self) -> None:
        self.errors.clear()
        self.ui.textError.clear()
        self.ui.textError.hide()
        try:
            regency_service.save_profile(self._db, self.profile())
            required = self.ui.verificationRequiredCheck.isChecked()
            if required != self._verification_required:
                verification.set_verification_required(self._db, required)
                self._verification_required = required
        except ValidationError as exc:
            self.errors.show(exc.errors, extra=self._text_error)
            return
        except ValueError as exc:  # a predicate band that is not a number
            self.errors.show({"bands": str(exc)})
            return
        except KinerjaDbError as exc:
            self.errors.show({FORM: str(exc)})
            return
        super().accept()

    def _text_error(self, field: str, message: str) -> bool:
        """A sentence that cannot be printed: shown under the text, which is brought to view."""
        if not field.startswith("texts."):
            return False
        index = self.ui.textCombo.findData(field.removeprefix("texts."))
        if self.ui.textError.isHidden() and index >= 0:  # the first one is shown in the editor
            self.ui.tabs.setCurrentWidget(self.ui.textsTab)
            self.ui.textCombo.setCurrentIndex(index)
            self.ui.textError.setText(message)
        else:
            self.ui.textError.setText(self.ui.textError.text() + "\n" + message)
        self.ui.textError.show()
        return True

    # -- leaders -------------------------------------------------------------------------------------
    def _edit_selected_leader(self) -> None:
        index = self.ui.leadersView.currentIndex()
        if index.isValid():
            self.edit_leader(self.leaders.row_at(index.row()))

    def edit_leader(self, leader: LeaderData | None) -> None:
        dialog = LeaderDialog(self._db, leader, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.leaders.set_rows(regency_service.list_leaders(self._db))


class LeaderDialog(UnsavedChangesGuard, QDialog):
    """One regional leader; saved at once (a new definitive head closes the previous term)."""

    def __init__(self, db: Database, leader: LeaderData | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LeaderForm()
        self.ui.setupUi(self)
        self._db = db
        self._leader = leader
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        self.errors = FieldErrors(
            self,
            ui.formError,
            {
                "name": (ui.nameError, ui.nameEdit, ui.formLayout),
                "position": (ui.positionError, ui.positionEdit, ui.formLayout),
                "nip": (ui.nipError, ui.nipEdit, ui.formLayout),
                "end_date": (ui.endError, ui.endEdit, ui.formLayout),
            },
        )
        for role, label in ROLE_LABELS.items():
            ui.roleCombo.addItem(self.tr(label), role)
        for acting in ActingKind:
            ui.actingCombo.addItem(self.tr(acting.label), acting)
        ui.rankCombo.addItem(self.tr("— tidak ada —"), None)
        for index, label in enumerate(RANK_LABELS):
            ui.rankCombo.addItem(label, index)
        ui.endCheck.toggled.connect(ui.endEdit.setEnabled)
        ui.nameEdit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 40))
        self.errors.clear()
        today = date.today()
        if leader is None:
            self.setWindowTitle(self.tr("Tambah Pimpinan Daerah"))
            ui.startEdit.setDate(_qdate(today))
            ui.endEdit.setDate(_qdate(today))
            ui.endEdit.setEnabled(False)
            self.mark_clean()
            return
        self.setWindowTitle(self.tr("Ubah Pimpinan Daerah"))
        ui.roleCombo.setCurrentIndex(max(0, ui.roleCombo.findData(leader.role)))
        ui.actingCombo.setCurrentIndex(max(0, ui.actingCombo.findData(leader.acting)))
        ui.nameEdit.setText(leader.name)
        ui.positionEdit.setText(leader.position)
        ui.nipEdit.setText(format_nip(leader.nip))
        rank = next((i for i, r in enumerate(RANKS) if r == (leader.rank, leader.grade)), None)
        ui.rankCombo.setCurrentIndex(0 if rank is None else rank + 1)
        ui.startEdit.setDate(_qdate(leader.start_date))
        ui.endCheck.setChecked(leader.end_date is not None)
        ui.endEdit.setDate(_qdate(leader.end_date or today))
        ui.endEdit.setEnabled(leader.end_date is not None)
        self.mark_clean()

    def data(self) -> LeaderData:
        ui = self.ui
        rank_index = ui.rankCombo.currentData()
        rank, grade = RANKS[rank_index] if rank_index is not None else (None, None)
        return LeaderData(
            role=ui.roleCombo.currentData(),
            name=ui.nameEdit.text(),
            position=ui.positionEdit.text(),
            start_date=_date(ui.startEdit.date()),
            acting=ui.actingCombo.currentData(),
            nip=ui.nipEdit.text() or None,
            rank=rank,
            grade=grade,
            end_date=_date(ui.endEdit.date()) if ui.endCheck.isChecked() else None,
            id=self._leader.id if self._leader else None,
        )

    def accept(self) -> None:
        self.errors.clear()
        try:
            regency_service.save_leader(self._db, self.data())
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except KinerjaDbError as exc:
            self.errors.show({FORM: str(exc)})
            return
        super().accept()
