"""Before an import: what the package would change ("akan menambah 12, mengubah 5, konflik 1"), refusals,
warnings. Nothing has been written yet; "Impor" (or "Putuskan konflik…" first) goes on, "Batal" stops.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.sync import ImportReport, conflict_view, refusal_label
from ..models.backup_formatting import format_datetime, local_time
from ..models.package_log_model import kind_label

ALERT = QColor(179, 38, 30)
WARNING = QColor(138, 80, 0)


def summary_sentence(report: ImportReport) -> str:
    """The service's summary as a sentence: "Akan menambah 12, mengubah 5, menghapus 0, konflik 1."."""
    text = report.summary()
    return text[:1].upper() + text[1:] + "."


class PackagePreviewDialog(QDialog):
    """Shows an :class:`ImportReport` preview; accepted means "go on" (to the conflicts, or the import)."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Impor paket — {0}").format(report.package_name))
        source = self.tr("{0} nomor {1} dari {2} ({3}), dibuat {4}").format(
            kind_label(report.kind),
            report.seq,
            report.source_label or "—",
            report.regency_name,
            format_datetime(local_time(report.created_at)),
        )
        self.source_label = QLabel(source)
        self.source_label.setWordWrap(True)
        self.summary_label = QLabel(summary_sentence(report))
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.summary_label.setFont(font)
        self.summary_label.setWordWrap(True)
        self.note_label = QLabel(self._note())
        self.note_label.setWordWrap(True)

        self.details = QListWidget()
        self.details.setWordWrap(True)
        self.details.setAlternatingRowColors(True)
        self._fill_details()
        details_box = QGroupBox(self.tr("Rincian"))
        details_layout = QVBoxLayout(details_box)
        details_layout.addWidget(self.details)
        details_box.setVisible(self.details.count() > 0)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.go_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if report.already_imported:
            self.go_button.hide()
            self.cancel_button.setText(self.tr("Tutup"))
        elif report.conflicts:
            self.go_button.setText(self.tr("&Putuskan konflik…"))
        else:
            self.go_button.setText(self.tr("&Impor"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.note_label)
        layout.addWidget(details_box, 1)
        if not self.details.count():
            layout.addStretch()
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("x" * 110), metrics.lineSpacing() * (22 if self.details.count() else 12))

    def _note(self) -> str:
        report = self.report
        if report.already_imported:
            return self.tr("Paket ini sudah pernah diimpor; tidak ada yang berubah.")
        parts = [self.tr("Belum ada yang ditulis ke basis data.")]
        if report.conflicts:
            parts.append(
                self.tr(
                    "{0} kolom diubah di kedua pihak: pilih nilai pusat atau nilai paket pada langkah berikutnya."
                ).format(len(report.conflicts))
            )
        if report.refused:
            parts.append(
                self.tr(
                    "{0} perubahan ditolak: perjanjian kinerja yang sudah ditandatangani tidak pernah ditimpa."
                ).format(len(report.refused))
            )
        if report.pending_local:
            parts.append(
                self.tr("{0} perubahan di laptop ini belum diterima pusat dan tetap disimpan.").format(
                    report.pending_local
                )
            )
        return " ".join(parts)

    def _add(self, text: str, color: QColor | None = None) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        if color is not None:
            item.setForeground(QBrush(color))
        self.details.addItem(item)

    def _fill_details(self) -> None:
        report = self.report
        for warning in report.warnings:
            self._add(self.tr("Peringatan: {0}").format(warning), WARNING)
        for view in map(conflict_view, report.conflicts):
            text = self.tr("Konflik: {0} · {1}: pusat {2}, paket {3}").format(
                view.data, view.field, view.central, view.incoming
            )
            self._add(text, ALERT)
        for refusal in report.refused:
            self._add(self.tr("Ditolak: {0}: {1}").format(refusal_label(refusal), refusal.reason), ALERT)

    def text(self) -> str:
        """Everything the dialog says, for tests."""
        lines = [self.source_label.text(), self.summary_label.text(), self.note_label.text()]
        lines += [self.details.item(i).text() for i in range(self.details.count())]
        return "\n".join(lines)
