"""What an Excel import will do, before it is done: added, changed and left alone, in three groups.

The preview is the import run as a dry run (``services.excel_import``): nothing is stored until "Impor" is
pressed, and then the file is read and checked again inside the one transaction that writes it. When the
file renames an OPD or changes its head, the dialog asks from which date that holds (the history's date).
A refused file is shown by :class:`ImportProblemsDialog`, every problem with its sheet, row and column.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.formatting import format_date, format_number, parse_date
from ...services.excel_import import Action, ImportRefused, ImportResult

KIND_LABELS = {
    "pimpinan": "Pimpinan daerah",
    "opd": "Perangkat daerah",
    "rpjmd": "RPJMD",
    "renstra": "Renstra",
    "program": "Program & anggaran",
    "realisasi": "Realisasi triwulan",
}
GROUPS = ((Action.ADDED, "Ditambahkan"), (Action.CHANGED, "Diubah"), (Action.UNCHANGED, "Tetap (tidak berubah)"))


def _fit(dialog: QDialog, columns: int, lines: int) -> None:
    metrics = dialog.fontMetrics()
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    width, height = metrics.horizontalAdvance("x") * columns, metrics.lineSpacing() * lines
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 80)
    dialog.resize(width, height)


class ImportPreviewDialog(QDialog):
    """The groups of a dry run; accepted with "Impor" (and, when needed, the effective date)."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Pratinjau impor — {0}").format(KIND_LABELS.get(result.kind, result.kind)))
        counts = result.counts
        changes = counts[Action.ADDED] + counts[Action.CHANGED]
        self.summary = QLabel(
            self.tr("Berkas “{0}”: {1} ditambahkan, {2} diubah, {3} tetap. Belum ada yang disimpan.").format(
                result.file_name, *(format_number(counts[a], 0) for a in Action)
            )
            if changes
            else self.tr("Berkas “{0}” tidak mengubah apa pun: semua {1} data sudah sama.").format(
                result.file_name, format_number(counts[Action.UNCHANGED], 0)
            )
        )
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Baris"), self.tr("Data"), self.tr("Perubahan")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.groups: dict[Action, QTreeWidgetItem] = {}
        for action, title in GROUPS:
            listed = result.of(action)
            group = QTreeWidgetItem([self.tr(title), self.tr("{0} data").format(format_number(len(listed), 0)), ""])
            font = group.font(0)
            font.setBold(True)
            for column in range(3):
                group.setFont(column, font)
            for change in listed:
                details = "; ".join(change.details)
                item = QTreeWidgetItem([str(change.row), change.subject, details])
                item.setToolTip(1, change.subject)
                item.setToolTip(2, details)
                group.addChild(item)
            self.tree.addTopLevelItem(group)
            group.setExpanded(action is not Action.UNCHANGED and bool(listed))
            self.groups[action] = group

        self.needs_date = any(c.dated for c in result.changes if c.action is not Action.UNCHANGED)
        self.date_edit = QLineEdit(format_date(today or date.today()))
        self.date_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("x" * 26))
        self.date_label = QLabel(self.tr("Pergantian nama atau kepala perangkat daerah &berlaku sejak:"))
        self.date_label.setBuddy(self.date_edit)
        self.date_error = QLabel()
        self.date_error.setStyleSheet("color: #b3261e;")
        self.date_error.setWordWrap(True)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_label)
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.date_error, 1)
        for widget in (self.date_label, self.date_edit, self.date_error):
            widget.setVisible(self.needs_date)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Impor"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(changes))
        self.import_button.setDefault(True)
        if not changes:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Tutup"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(date_row)
        layout.addWidget(self.buttons)
        _fit(self, 150, 30)
        (self.date_edit if self.needs_date else self.tree).setFocus()

    def effective(self) -> date | None:
        """The date renames and head changes hold from (None when the file has none)."""
        if not self.needs_date:
            return None
        return parse_date(self.date_edit.text())

    def accept(self) -> None:
        try:
            self.effective()
        except ValueError as exc:
            self.date_error.setText(str(exc))
            self.date_edit.setFocus()
            return
        super().accept()


class ImportProblemsDialog(QDialog):
    """A refused file: the summary and every problem (sheet, row, column, message); nothing was stored."""

    def __init__(self, refused: ImportRefused, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Impor ditolak"))
        self.summary = QLabel(refused.summary() + " " + self.tr("Perbaiki berkasnya, lalu impor lagi."))
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.addItems([str(problem) for problem in refused.problems])
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        _fit(self, 130, 24)

    def problems(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]
