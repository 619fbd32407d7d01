"""Before a restore: what the backup holds (date, regency, counts) against the open database, and a question.

Another regency's backup needs a second, typed confirmation: "Pulihkan" stays disabled until the name of the
regency whose data would be replaced is typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...services.backup import RestorePreview
from ..models.backup_formatting import format_count, format_datetime, format_size, local_time

ALERT_STYLE = "color: #b3261e;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("backup_restore_dialog", text)


def same_name(typed: str, name: str) -> bool:
    """The typed confirmation: the name, whatever the case and the spaces."""
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold() != ""


def counts_text(counts: dict[str, int], evidence: int | None = None) -> str:
    """``42 perangkat daerah, 84 perjanjian kinerja, 989 realisasi indikator``."""
    parts = [
        _tr("{0} perangkat daerah").format(format_count(counts.get("opd", 0))),
        _tr("{0} perjanjian kinerja").format(format_count(counts.get("performance_agreement", 0))),
        _tr("{0} realisasi indikator").format(format_count(counts.get("indicator_realization", 0))),
    ]
    if evidence is not None:
        parts.append(_tr("{0} berkas bukti").format(format_count(evidence)))
    return ", ".join(parts)


class RestoreConfirmDialog(QDialog):
    """ "Pulihkan" replaces the whole database; "Batal" (the default) changes nothing."""

    def __init__(self, preview: RestorePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        backup = preview.backup
        self.setWindowTitle(self.tr("Pulihkan dari cadangan"))

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        question = QLabel(self.tr("<b>Pulihkan basis data dari cadangan ini?</b>"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}

        def row(key: str, title: str, text: str) -> None:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = label
            form.addRow(title, label)

        row("file", self.tr("Berkas:"), f"{backup.path.name} ({format_size(backup.size)})")
        self.values["file"].setToolTip(str(backup.path))
        row("created", self.tr("Dibuat:"), format_datetime(local_time(backup.created_at)))
        row(
            "version",
            self.tr("Versi:"),
            self.tr("Kinerja Desktop {0}, skema {1}").format(backup.app_version, backup.schema_revision),
        )
        row("regency", self.tr("Pemerintah daerah:"), backup.regency_name)
        row(
            "content",
            self.tr("Isi cadangan:"),
            self.tr("{0} ({1} baris)").format(
                counts_text(backup.row_counts, backup.evidence_files), format_count(backup.total_rows)
            ),
        )
        row(
            "current",
            self.tr("Basis data sekarang:"),
            f"{preview.current_regency_name}: {counts_text(preview.current_counts)}",
        )

        notes = QVBoxLayout()
        for warning in preview.warnings:
            label = QLabel(self.tr("Peringatan: {0}").format(warning))
            label.setWordWrap(True)
            label.setStyleSheet(ALERT_STYLE)
            notes.addWidget(label)
        if preview.needs_migration:
            notes.addWidget(self._note(self.tr("Cadangan dari versi lama: skemanya diperbarui saat dipulihkan.")))
        notes.addWidget(
            self._note(
                self.tr(
                    "Seluruh isi basis data sekarang akan diganti dengan isi cadangan. Salinan basis data "
                    "sekarang disimpan terlebih dahulu di samping berkasnya."
                )
            )
        )

        self.regency_edit: QLineEdit | None = None
        if preview.other_regency:
            notes.addWidget(self._regency_question(preview))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("&Pulihkan"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.setDefault(False)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)  # Enter never replaces the database
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_restore_button()

        body = QVBoxLayout()
        body.addWidget(question)
        body.addLayout(form)
        body.addLayout(notes)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(body, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)
        width = self.fontMetrics().horizontalAdvance("x" * 100)
        self.setMinimumWidth(width)
        self.resize(width, self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height())

    def _regency_question(self, preview: RestorePreview) -> QWidget:
        """The second confirmation for another regency's backup: the name of the regency it replaces, typed."""
        ours = preview.current_regency_name
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(
            self.tr(
                "<b>Cadangan ini milik {0}, bukan {1}.</b> Seluruh data {1} akan diganti. Untuk melanjutkan, "
                "ketik nama pemerintah daerah yang datanya diganti: <b>{1}</b>"
            ).format(preview.backup.owner, ours)
        )
        label.setWordWrap(True)
        label.setStyleSheet(ALERT_STYLE)
        self.regency_edit = QLineEdit()
        self.regency_edit.setPlaceholderText(ours)
        self.regency_edit.setAccessibleName(self.tr("Nama pemerintah daerah yang datanya diganti"))
        self.regency_edit.textChanged.connect(lambda _text: self._update_restore_button())
        label.setBuddy(self.regency_edit)
        layout.addWidget(label)
        layout.addWidget(self.regency_edit)
        return box

    @property
    def replace_regency(self) -> bool:
        """Another regency's backup, and this one's name was typed: the second confirmation the service asks."""
        return self.regency_edit is not None and same_name(
            self.regency_edit.text(), self.preview.current_regency_name
        )

    def _update_restore_button(self) -> None:
        self.restore_button.setEnabled(not self.preview.other_regency or self.replace_regency)

    def accept(self) -> None:
        if self.preview.other_regency and not self.replace_regency:
            return  # Enter in the name field before the name is complete
        super().accept()

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def text(self) -> str:
        """Everything the dialog says, for tests."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))
