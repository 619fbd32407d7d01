"""Berkas → Jejak audit: who changed what and when, filtered by user, OPD, kind, period and text, with each entry's
fields before → after and the filtered rows to Excel.

The table reads the trail a page at a time (``AuditModel``: Qt asks for more as the list scrolls), so a log of
60 OPDs over years opens at once; the detail pane reads the changes of the chosen entry only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...domain.formatting import format_number
from ...services import audit_log
from ...services.audit_log import AuditEntry, AuditFilter
from .. import excel_export_button, messages, permissions
from ..date_edit import DateEdit
from ..jobs import Job, JobRunner, Outcome, app_runner
from ..views import setup_table

QUARTERS = ("I", "II", "III", "IV")
Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """The filtered entries, newest first, fetched ``page`` rows at a time."""

    HEADERS = ("Waktu", "Pengguna", "Asal", "OPD", "Tindakan", "Ringkasan")

    def __init__(self, parent: QWidget | None = None, page: int = audit_log.PAGE) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.filter = AuditFilter()
        self.page = page
        self.entries: list[AuditEntry] = []
        self.total = 0

    def load(self, db: Database | None, found: AuditFilter) -> None:
        self.beginResetModel()
        self.db, self.filter = db, found
        self.entries = []
        self.total = audit_log.count_entries(db, found) if db is not None else 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self.db is not None and len(self.entries) < self.total

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if not self.canFetchMore(parent) or self.db is None:
            return
        rows = audit_log.list_entries(self.db, self.filter, len(self.entries), self.page)
        if not rows:
            self.total = len(self.entries)
            return
        self.beginInsertRows(QModelIndex(), len(self.entries), len(self.entries) + len(rows) - 1)
        self.entries.extend(rows)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (entry.when, entry.user or "—", entry.origin, entry.opd or "—", entry.action,
                    entry.summary)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return entry.summary
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None


class AuditDialog(QDialog):
    """The audit trail of the open database (a window of its own: the work goes on beside it)."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._runner = runner
        self.last_file: Path | None = None
        self.setWindowTitle(self.tr("Jejak Audit"))
        self.setSizeGripEnabled(True)

        self.user_combo = QComboBox()
        self.opd_combo = QComboBox()
        self.kind_combo = QComboBox()
        self.year_combo = QComboBox()
        self.quarter_combo = QComboBox()
        self.since_check = QCheckBox(self.tr("&Dari"))
        self.since_edit = DateEdit()
        self.until_check = QCheckBox(self.tr("&Sampai"))
        self.until_edit = DateEdit()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("ringkasan, tindakan, pengguna…"))
        self.search_edit.setClearButtonEnabled(True)
        for edit in (self.since_edit, self.until_edit):
            edit.set_value(date.today())
            edit.setEnabled(False)

        filters = QGridLayout()
        row = (
            (self.tr("&Pengguna"), self.user_combo),
            (self.tr("&OPD"), self.opd_combo),
            (self.tr("&Jenis"), self.kind_combo),
            (self.tr("Ca&ri"), self.search_edit),
        )
        for column, (text, widget) in enumerate(row):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label, 0, 2 * column)
            filters.addWidget(widget, 0, 2 * column + 1)
        year_label = QLabel(self.tr("&Tahun"))
        year_label.setBuddy(self.year_combo)
        quarter_label = QLabel(self.tr("Tri&wulan"))
        quarter_label.setBuddy(self.quarter_combo)
        period = QHBoxLayout()
        for widget in (year_label, self.year_combo, quarter_label, self.quarter_combo, self.since_check,
                       self.since_edit, self.until_check, self.until_edit):
            period.addWidget(widget)
        period.addStretch(1)
        filters.addLayout(period, 1, 0, 1, 8)
        self.opd_combo.setMinimumContentsLength(28)
        self.opd_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_table(self.table, sortable=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # a large log: no measuring every row
        header.setStretchLastSection(True)
        for column, width in enumerate((185, 120, 80, 80, 150)):
            header.resizeSection(column, width)
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail = QTreeWidget()
        self.detail.setColumnCount(3)
        self.detail.setHeaderLabels([self.tr("Data / kolom"), self.tr("Sebelum"), self.tr("Sesudah")])
        self.detail.setAlternatingRowColors(True)
        self.detail.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.detail.header().resizeSection(0, 200)
        self.detail.header().resizeSection(1, 150)
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.addWidget(self.detail_title)
        pane_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 520])

        self.count_label = QLabel()
        self.export_button = QPushButton(self.tr("Ekspor ke E&xcel…"))
        self.export_button.setToolTip(
            self.tr("Simpan entri yang tersaring beserta rinciannya sebagai buku kerja Excel"))
        self.close_button = QPushButton(self.tr("T&utup"))
        for button in (self.export_button, self.close_button):  # Enter in the search field only searches
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.apply_filter)
        self._fill_choices()
        for combo in (self.user_combo, self.opd_combo, self.kind_combo, self.year_combo, self.quarter_combo):
            combo.currentIndexChanged.connect(lambda _i=0: self.apply_filter())
        for check, edit in ((self.since_check, self.since_edit), (self.until_check, self.until_edit)):
            check.toggled.connect(lambda on, e=edit: (e.setEnabled(on), self.apply_filter()))
            edit.dateChanged.connect(lambda _d=None: self.apply_filter())
        self.search_edit.textChanged.connect(lambda _t="": self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self.show_entry(current.row()))
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        self.close_button.clicked.connect(lambda _checked=False: self.close())
        self.resize(1280, 640)
        self.apply_filter()

    def follow(self, db: Database | None) -> None:
        """The main window opened another database or another user signed in: show that database's trail with
        the filters' choices read again, or close when the user signed in now may not read it."""
        if db is None or permissions.denial(db, "audit"):
            self.close()
            return
        self.db = db
        combos = (self.user_combo, self.opd_combo, self.kind_combo, self.year_combo, self.quarter_combo)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self._fill_choices()
        for combo in combos:
            combo.blockSignals(False)
        self.detail.clear()
        self.detail_title.clear()
        self.apply_filter()

    # -- filters -----------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        every = self.tr("(semua)")
        self.user_combo.addItem(every, "")
        for user in audit_log.users(self.db):
            self.user_combo.addItem(user, user)
        self.opd_combo.addItem(every, None)
        for opd_id, label in audit_log.opd_choices(self.db):
            self.opd_combo.addItem(label, opd_id)
        self.kind_combo.addItem(every, "")
        for kind in audit_log.kinds(self.db):
            self.kind_combo.addItem(kind, kind)
        self.year_combo.addItem(every, None)
        for year in range(date.today().year, 2019, -1):
            self.year_combo.addItem(str(year), year)
        self.quarter_combo.addItem(self.tr("(setahun)"), None)
        for number, roman in enumerate(QUARTERS, start=1):
            self.quarter_combo.addItem(self.tr("Triwulan {0}").format(roman), number)

    def current_filter(self) -> AuditFilter:
        since = self.since_edit.value() if self.since_check.isChecked() else None
        until = self.until_edit.value() if self.until_check.isChecked() else None
        year = self.year_combo.currentData()
        if year is not None:
            first, last = audit_log.period_dates(year, self.quarter_combo.currentData())
            since = max(since, first) if since else first
            until = min(until, last) if until else last
        return AuditFilter(
            user=self.user_combo.currentData() or "",
            opd_id=self.opd_combo.currentData(),
            kind=self.kind_combo.currentData() or "",
            since=since,
            until=until,
            text=self.search_edit.text(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        found = self.current_filter()
        if found.since and found.until and found.since > found.until:
            self.model.load(None, found)
            self.count_label.setText(self.tr("Tanggal awal sesudah tanggal akhir: tidak ada entri."))
            self.show_entry(-1)
            return
        self.model.load(self.db, found)
        self.count_label.setText(self.tr("{0} entri").format(format_number(self.model.total, 0)))
        self.export_button.setEnabled(self.model.total > 0)
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.show_entry(-1)

    # -- the chosen entry --------------------------------------------------------------------------------
    def show_entry(self, row: int) -> None:
        self.detail.clear()
        if not 0 <= row < len(self.model.entries):
            self.detail_title.setText(self.tr("Pilih satu entri untuk melihat rinciannya."))
            return
        entry = self.model.entries[row]
        where = f" · {entry.opd}" if entry.opd else ""
        self.detail_title.setText(
            f"<b>{entry.summary or entry.action}</b><br>{entry.when} · {entry.user or '—'} · {entry.origin}{where}"
        )
        changes = audit_log.changes_of(self.db, entry)
        for change in changes:
            parent = QTreeWidgetItem([f"{change.table_label} ({change.operation_label.lower()})", "", ""])
            parent.setToolTip(0, f"{change.table} {change.row_id}")
            for field in change.fields:
                item = QTreeWidgetItem([field.label, field.before, field.after])
                item.setToolTip(1, field.before)
                item.setToolTip(2, field.after)
                parent.addChild(item)
            self.detail.addTopLevelItem(parent)
            parent.setExpanded(True)
        if not changes:
            self.detail.addTopLevelItem(QTreeWidgetItem([self.tr("(tidak ada rincian kolom)"), "", ""]))

    # -- Excel ---------------------------------------------------------------------------------------------
    def export(self) -> Job | None:
        title = self.tr("Ekspor ke Excel")
        path = excel_export_button.ask_xlsx_path(self, title, f"jejak-audit-{date.today().isoformat()}.xlsx", self.db)
        if not path:
            return None
        found, database = self.current_filter(), self.db
        job = Job(lambda _progress, _cancelled: audit_log.export_xlsx(database, found, Path(path)), title=title,
                  parent=self)
        job.finished.connect(self._exported)
        self.export_button.setEnabled(False)
        return (self._runner or app_runner()).start(job)

    def _exported(self, outcome: Outcome) -> None:
        self.export_button.setEnabled(True)
        if outcome.cancelled:
            return
        if not outcome.ok:
            messages.show_error(self, self.tr("Ekspor ke Excel"), outcome.message)
            return
        self.last_file, count = outcome.value
        messages.show_info(self, self.tr("Ekspor ke Excel"),
                           self.tr("{0} entri tersimpan: {1}").format(format_number(count, 0), self.last_file))
