"""The pages of the set-up wizard: each copies its fields into the flow and shows the flow's messages.

The form-heavy pages come from ``ui/setup_*.ui``; the OPD table and the summary are built here. Page ids
are :class:`~kinerja_desktop.gui.setup_flow.Step`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...domain.enums import ActingKind, OpdKind, RegionKind
from ...domain.formatting import format_date, parse_date
from ...domain.personnel import RANK_LABELS, split_rank
from ...services.errors import FORM
from ...services.excel_import_people import read_opd_forms
from ...services.opd import OpdForm
from ...services.setup import AGENCY_NAMES, ALLOWED_ACTING
from .. import excel_import_action
from ..forms.ui_setup_agency import Ui_SetupAgencyPage
from ..forms.ui_setup_leaders import Ui_SetupLeadersPage
from ..forms.ui_setup_period import Ui_SetupPeriodPage
from ..forms.ui_setup_region import Ui_SetupRegionPage
from ..grid import GridEditing
from ..jobs import Job, Outcome, app_runner
from ..period_fields import PeriodFields
from ..setup_flow import DEPUTY, HEAD, SetupFlow, Step, guess_opd_kind

ERROR_BACKGROUND = QColor(253, 226, 224)
LOGO_FILTER = "Gambar PNG (*.png)"


def choose_logo_file(parent: QWidget) -> str:
    """Ask for the logo's PNG file ("" when cancelled); tests replace this."""
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Pilih logo pemerintah daerah"), "", LOGO_FILTER)
    return path


def acting_text(acting: ActingKind) -> str:
    return acting.prefix or "Definitif"


def set_row_visible(page: QWidget, label: QLabel, visible: bool) -> None:
    """Show or hide a message label; in a form layout its whole row, so a hidden one leaves no gap."""
    for layout in page.findChildren(QFormLayout):
        row, _role = layout.getWidgetPosition(label)
        if row >= 0:
            layout.setRowVisible(row, visible)
            return
    label.setVisible(visible)


class _Page(QWizardPage):
    step: Step

    def __init__(self, wizard: QWizard) -> None:
        """``wizard`` holds the flow (``wizard.flow``) every page writes into."""
        super().__init__(wizard)
        self.flow: SetupFlow = wizard.flow  # type: ignore[attr-defined]
        self.errors: dict[str, str] = {}

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        following = self.flow.next_step(self.step)
        return -1 if following is None else int(following)

    def store(self) -> dict[str, str]:
        """Copy the fields into the flow; returns what could not be read (a date that is not one)."""
        return {}

    def error_labels(self) -> dict[str, tuple[QLabel, QWidget]]:
        """Field key → (the label under the field, the field)."""
        return {}

    def general_label(self) -> QLabel:
        return self.ui.errorLabel  # type: ignore[attr-defined, no-any-return]

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Messages under their fields, the rest on top; the first field at fault gets the focus."""
        self.errors = dict(errors)
        labels = self.error_labels()
        for label, _field in labels.values():
            label.clear()
            set_row_visible(self, label, False)
        general = []
        first: QWidget | None = None
        for key, message in errors.items():
            target = labels.get(key)
            if target is None:
                general.append(message)
                continue
            label, field = target
            label.setText(f"{label.text()}\n{message}".strip())
            set_row_visible(self, label, True)
            first = first or field
        self.general_label().setText("\n".join(general))
        self.general_label().setVisible(bool(general))
        if first is not None:
            first.setFocus()
        return not errors

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        unreadable = self.store()
        return self.show_errors({**self.flow.validate(self.step), **unreadable})


# --- the government -------------------------------------------------------------------------------------


class RegionPage(_Page):
    step = Step.REGION

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_SetupRegionPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.edits: dict[str, QLineEdit] = {
            "name": ui.nameEdit,
            "province": ui.provinceEdit,
            "capital": ui.capitalEdit,
            "address": ui.addressEdit,
            "phone": ui.phoneEdit,
            "website": ui.websiteEdit,
            "email": ui.emailEdit,
        }
        ui.nameEdit.textEdited.connect(self._follow_name)
        ui.chooseLogoButton.clicked.connect(lambda _checked=False: self.choose_logo())
        ui.clearLogoButton.clicked.connect(lambda _checked=False: self.set_logo(None))
        self._capital_typed = False
        ui.capitalEdit.textEdited.connect(lambda _text: setattr(self, "_capital_typed", True))
        self.set_logo(self.flow.profile.logo_png)
        self.show_errors({})

    def _follow_name(self, text: str) -> None:
        # The capital of a city is the city; a kabupaten's often differs, but starts as the same name.
        if not self._capital_typed:
            self.ui.capitalEdit.setText(text.strip())

    def error_labels(self) -> dict[str, tuple[QLabel, QWidget]]:
        ui = self.ui
        return {
            "name": (ui.nameError, ui.nameEdit),
            "capital": (ui.capitalError, ui.capitalEdit),
            "email": (ui.emailError, ui.emailEdit),
            "logo_png": (ui.logoError, ui.chooseLogoButton),
        }

    def choose_logo(self) -> None:
        path = choose_logo_file(self)
        if not path:
            return
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            self.show_errors({"logo_png": self.tr("Berkas logo tidak dapat dibaca: {0}").format(exc.strerror or exc)})
            return
        self.set_logo(data)
        self.store()
        self.show_errors({k: v for k, v in self.flow.validate(self.step).items() if k == "logo_png"})

    def set_logo(self, data: bytes | None) -> None:
        self.flow.profile.logo_png = data
        label = self.ui.logoPreview
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            height = round(self.fontMetrics().lineSpacing() * 3)
            label.setPixmap(pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation))
        else:
            label.setPixmap(QPixmap())
            label.setText(self.tr("(belum ada)") if not data else self.tr("(bukan gambar PNG)"))
        self.ui.clearLogoButton.setEnabled(bool(data))

    def store(self) -> dict[str, str]:
        profile = self.flow.profile
        profile.kind = RegionKind.KOTA if self.ui.kotaRadio.isChecked() else RegionKind.KABUPATEN
        for name, edit in self.edits.items():
            setattr(profile, name, edit.text())
        return {}


# --- the leaders ----------------------------------------------------------------------------------------


class LeadersPage(_Page):
    step = Step.LEADERS
    KEYS = ("head", "deputy", "secretary")

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_SetupLeadersPage()
        self.ui.setupUi(self)
        metrics = self.fontMetrics()
        for n, key in enumerate(self.KEYS):
            leader = self.flow.leaders[n]
            combo: QComboBox = self._widget(key, "ActingCombo")
            for acting in ALLOWED_ACTING[leader.role]:
                combo.addItem(acting_text(acting), acting)
                combo.setItemData(combo.count() - 1, acting.label, Qt.ItemDataRole.ToolTipRole)
            rank: QComboBox = self._widget(key, "RankCombo")
            rank.addItem("")
            rank.addItems(RANK_LABELS)
            rank.setMinimumWidth(metrics.horizontalAdvance("x" * 24))
            rank.setMaximumWidth(metrics.horizontalAdvance("x" * 30))
            name: QLineEdit = self._widget(key, "NameEdit")
            name.setMinimumWidth(metrics.horizontalAdvance("x" * 30))
            nip: QLineEdit = self._widget(key, "NipEdit")
            nip.setMinimumWidth(metrics.horizontalAdvance("0" * 19))
            nip.setPlaceholderText("18 angka")
            for part in ("StartEdit", "EndEdit"):
                edit: QLineEdit = self._widget(key, part)
                edit.setMinimumWidth(metrics.horizontalAdvance("x" * 14))
                edit.editingFinished.connect(lambda e=edit: self._tidy_date(e))
        self.ui.leadersGrid.setColumnStretch(1, 3)  # the names take the room left
        self.ui.headActingCombo.currentIndexChanged.connect(lambda _i: self._follow_head())
        self.show_errors({})

    def _widget(self, key: str, part: str) -> Any:
        return getattr(self.ui, f"{key}{part}")

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        for n, key in enumerate(self.KEYS):
            self._widget(key, "Label").setText(self.tr("&{0}:").format(self.flow.title(n)))
        self._follow_head()

    def _follow_head(self) -> None:
        """Under a Pj. head there is no Wakil; an elected head and the Wakil have no NIP or pangkat."""
        head_acting = ActingKind(self.ui.headActingCombo.currentData() or ActingKind.DEFINITIVE)
        self.flow.leaders[HEAD].acting = head_acting
        deputy = self.flow.deputy_applies
        for part in ("NameEdit", "ActingCombo", "StartEdit", "EndEdit"):
            self._widget("deputy", part).setEnabled(deputy)
        self.ui.deputyLabel.setToolTip("" if deputy else self.tr("Di bawah Pj. kepala daerah tidak ada Wakil"))
        elected = head_acting is ActingKind.DEFINITIVE
        self.ui.headNipEdit.setEnabled(not elected)
        self.ui.headRankCombo.setEnabled(not elected)
        for part in ("NipEdit", "RankCombo"):
            self._widget("deputy", part).setEnabled(False)

    def error_labels(self) -> dict[str, tuple[QLabel, QWidget]]:
        labels: dict[str, tuple[QLabel, QWidget]] = {}
        for n, key in enumerate(self.KEYS):
            error = self._widget(key, "Error")
            for field, part in (
                ("name", "NameEdit"), ("acting", "ActingCombo"), ("nip", "NipEdit"), ("start_date", "StartEdit"),
                ("end_date", "EndEdit"),
            ):
                labels[f"leaders[{n}].{field}"] = (error, self._widget(key, part))
        return labels

    def _tidy_date(self, edit: QLineEdit) -> None:
        """A date typed any usual way is shown as it will be printed ("20 Februari 2025")."""
        try:
            edit.setText(format_date(parse_date(edit.text())) if edit.text().strip() else "")
        except ValueError:
            pass  # left as typed: Lanjut names the problem

    def store(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        for n, key in enumerate(self.KEYS):
            leader = self.flow.leaders[n]
            leader.name = self._widget(key, "NameEdit").text()
            leader.acting = ActingKind(self._widget(key, "ActingCombo").currentData() or ActingKind.DEFINITIVE)
            nip_edit: QLineEdit = self._widget(key, "NipEdit")
            leader.nip = nip_edit.text() if nip_edit.isEnabled() else ""
            rank_combo: QComboBox = self._widget(key, "RankCombo")
            leader.rank, leader.grade = split_rank(rank_combo.currentText()) if rank_combo.isEnabled() else ("", "")
            for field, part in (("start_date", "StartEdit"), ("end_date", "EndEdit")):
                text = self._widget(key, part).text()
                try:
                    setattr(leader, field, parse_date(text) if text.strip() else None)
                except ValueError as exc:
                    setattr(leader, field, None)
                    problems[f"leaders[{n}].{field}"] = f"{self.flow.title(n)}: {exc}"
            if n == DEPUTY and not self.flow.deputy_applies:
                leader.name = ""
                problems = {k: v for k, v in problems.items() if not k.startswith(f"leaders[{DEPUTY}].")}
        return problems


# --- the planning agency --------------------------------------------------------------------------------


class AgencyPage(_Page):
    step = Step.AGENCY

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_SetupAgencyPage()
        self.ui.setupUi(self)
        ui = self.ui
        for name, short in AGENCY_NAMES:
            ui.agencyNameCombo.addItem(name, short)
        ui.agencyNameCombo.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 64))
        profile = self.flow.profile
        ui.agencyNameCombo.setCurrentText(profile.agency_name)
        ui.agencyShortEdit.setText(profile.agency_short)
        ui.agencyNameCombo.activated.connect(self._follow_name)
        self.show_errors({})

    def _follow_name(self, index: int) -> None:
        short = self.ui.agencyNameCombo.itemData(index)
        known = {s for _n, s in AGENCY_NAMES}
        if short and (not self.ui.agencyShortEdit.text().strip() or self.ui.agencyShortEdit.text() in known):
            self.ui.agencyShortEdit.setText(short)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        # The agency sits at the regency's address unless told otherwise.
        if not self.ui.agencyAddressEdit.text():
            self.ui.agencyAddressEdit.setPlaceholderText(self.flow.profile.address)

    def error_labels(self) -> dict[str, tuple[QLabel, QWidget]]:
        ui = self.ui
        return {
            "agency_name": (ui.agencyNameError, ui.agencyNameCombo),
            "agency_short": (ui.agencyShortError, ui.agencyShortEdit),
            "agency_email": (ui.agencyEmailError, ui.agencyEmailEdit),
        }

    def store(self) -> dict[str, str]:
        ui = self.ui
        profile = self.flow.profile
        profile.agency_name = ui.agencyNameCombo.currentText()
        profile.agency_short = ui.agencyShortEdit.text()
        profile.agency_address = ui.agencyAddressEdit.text()
        profile.agency_phone = ui.agencyPhoneEdit.text()
        profile.agency_email = ui.agencyEmailEdit.text()
        profile.agency_website = ui.agencyWebsiteEdit.text()
        return {}


# --- the period -----------------------------------------------------------------------------------------


class PeriodPage(_Page):
    step = Step.PERIOD

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.ui = Ui_SetupPeriodPage()
        self.ui.setupUi(self)
        self.fields = PeriodFields(self.ui)
        self.fields.load(self.flow.period)
        self.show_errors({})

    def error_labels(self) -> dict[str, tuple[QLabel, QWidget]]:
        return self.fields.error_labels()

    def store(self) -> dict[str, str]:
        self.fields.read(self.flow.period)
        return {}


# --- the OPDs -------------------------------------------------------------------------------------------


class OpdsPage(_Page):
    """A table to type the OPDs: code, abbreviation, name, kind (heads are added in Perangkat Daerah), or to fill
    from an ``opd`` Excel workbook ("Impor dari Excel…"): read and checked as the import reads it, each row's head
    and contacts kept with the row and written by the set-up with the rest."""

    step = Step.OPDS
    CODE, ABBREVIATION, NAME, KIND = range(4)
    FIELDS = {"code": CODE, "abbreviation": ABBREVIATION, "name": NAME, "kind": KIND}

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Perangkat daerah"))
        self.setSubTitle(
            self.tr(
                "Ketik perangkat daerah dengan kode SIPD-nya, impor dari templat Excel perangkat daerah, atau "
                "lewati langkah ini dan tambahkan nanti. Kepala, alamat dan kontak tiap perangkat daerah dilengkapi "
                "di layar Perangkat Daerah (atau ikut dari berkas Excel)."
            )
        )
        self.errorLabel = QLabel()
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #b3261e;")
        self.existingLabel = QLabel()
        self.existingLabel.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kode"), self.tr("Singkatan"), self.tr("Nama perangkat daerah"), self.tr("Jenis")]
        )
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(self.CODE, metrics.horizontalAdvance("0.00.0.00.0.00.00.00000"))
        header.resizeSection(self.ABBREVIATION, metrics.horizontalAdvance("x" * 16))
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(self.KIND, metrics.horizontalAdvance("x" * 30))
        self.table.itemChanged.connect(self._on_item_changed)
        # Excel habits: a block of code, short name and name pasted from a sheet adds its rows (grid.GridEditing)
        self.grid = GridEditing(self.table, add_row=self.add_row, locked_reason=lambda index: self.tr(
            "Pilih jenis pada daftar di sel ini") if index.column() == self.KIND else "")
        self.grid.message.connect(self._grid_message)
        self.add_button = QPushButton(self.tr("&Tambah baris"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_row())
        self.remove_button = QPushButton(self.tr("&Hapus baris"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_current_row())
        self.import_button = QPushButton(self.tr("&Impor dari Excel…"))
        self.import_button.setToolTip(self.tr("Isi tabel dari templat Excel perangkat daerah (Berkas → Templat Excel)"))
        self.import_button.clicked.connect(lambda _checked=False: self.import_excel())
        self.import_note = QLabel()
        self.import_note.setWordWrap(True)
        self.import_note.setVisible(False)
        self.import_dialog: QWidget | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errorLabel)
        layout.addWidget(self.existingLabel)
        layout.addLayout(buttons)
        layout.addWidget(self.import_note)
        layout.addWidget(self.table, 1)
        self.show_errors({})

    def general_label(self) -> QLabel:
        return self.errorLabel

    # -- from Excel ----------------------------------------------------------------------------------------
    def import_excel(self, path: str | None = None) -> None:
        """Read an ``opd`` workbook off the GUI thread (progress, "Batal") and fill the table with its rows."""
        title = self.tr("Impor perangkat daerah dari Excel")
        path = path or excel_import_action.ask_xlsx_file(self, title)  # through the module: tests replace it
        if not path:
            return
        job = Job(lambda progress, cancelled: read_opd_forms(Path(path), progress=progress, cancelled=cancelled),
                  title=title, parent=self.window())

        def done(outcome: Outcome) -> None:
            if outcome.ok:
                self.fill_from(outcome.value, Path(path).name)
            elif not outcome.cancelled:
                self.import_dialog = excel_import_action.show_refused(self, outcome)

        job.finished.connect(done)
        (getattr(self.wizard(), "runner", None) or app_runner()).start(job)

    def fill_from(self, forms: list[OpdForm], file_name: str) -> None:
        """Put the file's OPDs in the table (a row of the same code is replaced; empty rows go)."""
        for row in reversed(range(self.table.rowCount())):
            if row not in self._typed_rows():
                self.table.removeRow(row)
        codes = {self._text(row, self.CODE).strip(): row for row in range(self.table.rowCount())}
        for form in forms:
            row = codes.get(form.code)
            if row is None:
                row = self.add_row()
            self.table.blockSignals(True)
            texts = ((self.CODE, form.code), (self.ABBREVIATION, form.abbreviation), (self.NAME, form.name))
            for column, text in texts:
                self.table.item(row, column).setText(text)
            self.table.item(row, self.CODE).setData(Qt.ItemDataRole.UserRole, form)
            self.table.blockSignals(False)
            combo = self.kind_combo(row)
            combo.setCurrentIndex(max(0, combo.findData(form.kind)))
        heads = sum(1 for form in forms if not form.head.is_empty)
        self.import_note.setText(self.tr(
            "{0} perangkat daerah dibaca dari “{1}” ({2} dengan kepalanya); kepala dan kontaknya ikut disimpan."
        ).format(len(forms), file_name, heads))
        self.import_note.setVisible(True)
        self.show_errors({})
        if self.table.rowCount():
            self.table.setCurrentCell(0, self.CODE)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        existing = len(self.flow.existing_codes)
        self.existingLabel.setText(
            self.tr("{0} perangkat daerah sudah tercatat di basis data ini; yang diketik di sini ditambahkan.").format(
                existing
            )
            if existing
            else ""
        )
        self.existingLabel.setVisible(bool(existing))
        if self.table.rowCount() == 0:
            self.add_row()

    def add_row(self) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column in (self.CODE, self.ABBREVIATION, self.NAME):
            self.table.setItem(row, column, QTableWidgetItem(""))
        combo = QComboBox()
        combo.addItem(self.tr("— pilih —"), None)
        for kind in OpdKind:
            combo.addItem(kind.label, kind)
        self.table.setCellWidget(row, self.KIND, combo)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, self.CODE)
        self.table.setFocus()
        return row

    def remove_current_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def kind_combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, self.KIND)  # type: ignore[return-value]

    def _grid_message(self, text: str) -> None:
        self.errorLabel.setText(text)
        self.errorLabel.setVisible(bool(text))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        # The kind follows the name ("Dinas …", "Kecamatan …") until chosen by hand.
        if item.column() != self.NAME:
            return
        combo = self.kind_combo(item.row())
        if combo is not None and combo.currentData() is None:
            guess = guess_opd_kind(item.text())
            if guess is not None:
                combo.setCurrentIndex(combo.findData(guess))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def store(self) -> dict[str, str]:
        forms = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, c) for c in (self.CODE, self.ABBREVIATION, self.NAME)]
            kind = self.kind_combo(row).currentData()
            if not any(t.strip() for t in texts) and kind is None:
                continue  # an empty row is not an OPD
            imported = self.table.item(row, self.CODE).data(Qt.ItemDataRole.UserRole)
            typed = OpdForm(code=texts[0], abbreviation=texts[1], name=texts[2], kind=OpdKind(kind) if kind else None)
            if isinstance(imported, OpdForm):  # from Excel: its head and contacts, with what the table says now
                typed = replace(imported, code=typed.code, abbreviation=typed.abbreviation, name=typed.name,
                                kind=typed.kind)
            forms.append(typed)
        self.flow.opds = forms
        return {}

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Cells at fault turn red; the messages are listed above the table."""
        self.errors = dict(errors)
        rows = self._typed_rows()
        for row in range(self.table.rowCount()):
            for column in (self.CODE, self.ABBREVIATION, self.NAME):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
        first: tuple[int, int] | None = None
        for key in errors:
            if not key.startswith("opds["):
                continue
            index, field = key[len("opds["):].split("].", 1)
            if int(index) >= len(rows) or field not in self.FIELDS:
                continue
            row, column = rows[int(index)], self.FIELDS[field]
            item = self.table.item(row, column)
            if item is not None:
                item.setBackground(QBrush(ERROR_BACKGROUND))
            first = first or (row, column)
        self.errorLabel.setText("\n".join(errors.values()))
        self.errorLabel.setVisible(bool(errors))
        if first is not None:
            self.table.setCurrentCell(*first)
        return not errors

    def _typed_rows(self) -> list[int]:
        """The table rows that became OPDs in the flow, in order (empty rows are skipped)."""
        rows = []
        for row in range(self.table.rowCount()):
            texts = [self._text(row, c) for c in (self.CODE, self.ABBREVIATION, self.NAME)]
            if any(t.strip() for t in texts) or self.kind_combo(row).currentData() is not None:
                rows.append(row)
        return rows


# --- the summary ----------------------------------------------------------------------------------------


class SummaryPage(_Page):
    """What Selesai will write; Selesai writes it all in one transaction."""

    step = Step.SUMMARY

    def __init__(self, wizard: QWizard, save: Callable[[], bool]) -> None:
        super().__init__(wizard)
        self._save = save
        self.setTitle(self.tr("Ringkasan"))
        self.setSubTitle(
            self.tr("Periksa sekali lagi. Selesai menyimpan semuanya sekaligus; bila ada yang ditolak, tidak ada "
                    "yang tersimpan.")
        )
        self.setFinalPage(True)
        self.errorLabel = QLabel()
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #b3261e;")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errorLabel)
        layout.addLayout(self.form)
        layout.addStretch()
        self.show_errors({})

    def general_label(self) -> QLabel:
        return self.errorLabel

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, text in self.flow.summary():
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(self.tr("{0}:").format(label), value)
        self.show_errors({})

    def summary_texts(self) -> list[tuple[str, str]]:
        """The rows shown (for tests and checks)."""
        rows = []
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            value = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            rows.append((label.text(), value.text()))  # type: ignore[union-attr]
        return rows

    def validatePage(self) -> bool:  # noqa: N802 - Selesai: write everything
        return self._save()


def form_error(errors: dict[str, str]) -> str:
    """The messages of a refused set-up, the general one first."""
    ordered = sorted(errors.items(), key=lambda kv: kv[0] != FORM)
    return "\n".join(message for _key, message in ordered)
