"""Export a package: master (at the centre) or field (on a laptop), which OPDs, a label. Layout from
ui/package_export.ui; the file target is asked for after "Lanjut"; the export itself runs on a worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from ...services.opd import OpdRow
from ...services.sync import KIND_FIELD, KIND_MASTER, InstallationInfo
from ..forms.ui_package_export import Ui_PackageExportForm

CODE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ExportChoice:
    kind: str  # KIND_MASTER | KIND_FIELD
    opd_codes: list[str] | None  # None: every OPD (of the laptop's scope)
    label: str


class PackageExportDialog(QDialog):
    """The role of this database decides the kind: the centre writes master packages, a laptop field ones."""

    def __init__(self, opds: list[OpdRow], installation: InstallationInfo | None, parent: QWidget | None = None,
                 *, master_refused: str = ""):
        """``master_refused``: why the signed-in user may not write a master package ("" when it may)."""
        super().__init__(parent)
        self.ui = Ui_PackageExportForm()
        self.ui.setupUi(self)
        self.choice: ExportChoice | None = None
        on_laptop = installation is not None and installation.on_laptop
        if on_laptop:
            assert installation is not None
            scope = set(installation.scope)
            opds = [o for o in opds if o.id in scope]
        self._on_laptop = on_laptop
        ui = self.ui
        ui.masterRadio.setChecked(not on_laptop)
        ui.fieldRadio.setChecked(on_laptop)
        ui.masterRadio.setEnabled(not on_laptop and not master_refused)
        ui.fieldRadio.setEnabled(on_laptop)
        if master_refused and not on_laptop:
            ui.masterRadio.setToolTip(master_refused)
            ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        if on_laptop:
            ui.kindNote.setText(
                self.tr(
                    "Basis data ini laptop lapangan: paketnya berisi semua perubahan yang belum diterima pusat "
                    "(paket bersifat kumulatif, jadi paket yang hilang tidak menghilangkan data)."
                )
            )
            ui.labelEdit.setEnabled(False)
            ui.labelEdit.setPlaceholderText(self.tr("nama laptop ini dipakai otomatis"))
        else:
            ui.kindNote.setText(
                self.tr(
                    "Basis data ini pusat (Bappeda): paket induk menyiapkan laptop baru atau menyegarkan laptop "
                    "yang sudah ada, untuk perangkat daerah yang dipilih."
                )
            )
        for opd in opds:
            item = QListWidgetItem(f"{opd.abbreviation} — {opd.name}")
            item.setData(CODE_ROLE, opd.code)
            item.setToolTip(opd.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.opdList.addItem(item)
        ui.allOpdCheck.toggled.connect(self._update_scope)
        ui.opdList.itemChanged.connect(lambda _item: self._update_count())
        ui.opdSearch.textChanged.connect(self._filter)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Lanjut…"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.formError.hide()
        self._update_scope(ui.allOpdCheck.isChecked())
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x" * 95), metrics.lineSpacing() * 30)

    def set_codes(self, codes: list[str]) -> None:
        """Choose these OPDs only (as ticking them does)."""
        self.ui.allOpdCheck.setChecked(False)
        for row in range(self.ui.opdList.count()):
            item = self.ui.opdList.item(row)
            checked = item.data(CODE_ROLE) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def checked_codes(self) -> list[str]:
        items = (self.ui.opdList.item(row) for row in range(self.ui.opdList.count()))
        return [i.data(CODE_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _update_scope(self, everything: bool) -> None:
        self.ui.opdList.setEnabled(not everything)
        self.ui.opdSearch.setEnabled(not everything)
        self._update_count()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.ui.opdList.count()):
            item = self.ui.opdList.item(row)
            haystack = f"{item.text()} {item.data(CODE_ROLE)}".lower()
            item.setHidden(bool(needle) and needle not in haystack)

    def _update_count(self) -> None:
        total = self.ui.opdList.count()
        if self.ui.allOpdCheck.isChecked():
            text = self.tr("Semua {0} perangkat daerah").format(total)
            if self._on_laptop:
                text += self.tr(" dalam cakupan laptop ini")
        else:
            text = self.tr("{0} dari {1} perangkat daerah dipilih").format(len(self.checked_codes()), total)
        self.ui.scopeCount.setText(text)

    def accept(self) -> None:
        codes = None if self.ui.allOpdCheck.isChecked() else self.checked_codes()
        if codes is not None and not codes:
            self.ui.formError.setText(self.tr("Pilih sekurang-kurangnya satu perangkat daerah."))
            self.ui.formError.show()
            return
        kind = KIND_FIELD if self._on_laptop else KIND_MASTER
        self.choice = ExportChoice(kind, codes, self.ui.labelEdit.text().strip())
        super().accept()
