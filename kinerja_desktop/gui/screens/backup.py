"""Cadangan & Paket: backups (make, restore, the automatic ones), field packages (export, import with preview
and conflicts, the ones imported), this database's place in the exchange, and the open database's health.

Every long call (backup, restore, export, preview, import) runs on a worker behind a progress dialog whose
"Batal" reaches the service's ``cancel`` callback; the services are transactional, so cancelling or a bad
file leaves the database as it was. After a restore or an import ``data_replaced`` tells the main window to
reload every screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...db.database import Database
from ...db.sync_models import ROLE_FIELD
from ...interchange.manifest import KIND_MASTER
from ...services import backup, overview, sync
from ...services import opd as opd_service
from ...services.backup import BACKUP_SUFFIX, RestorePreview, RestoreResult
from ...services.overview import SafetyCopy
from ...services.sync import PACKAGE_SUFFIX, ExportResult, ImportReport
from .. import messages
from ..dialogs import backup_files
from ..dialogs.backup_progress import ProgressTask, TaskOutcome, Work
from ..dialogs.backup_restore_dialog import RestoreConfirmDialog
from ..dialogs.conflict_dialog import ConflictDialog
from ..dialogs.package_export_dialog import PackageExportDialog
from ..dialogs.package_preview_dialog import PackagePreviewDialog, summary_sentence
from ..models import ID_ROLE
from ..models.backup_auto_model import AutoBackupRow, auto_backup_model, auto_backup_row
from ..models.backup_formatting import format_count, format_datetime, format_size, local_time
from ..models.package_log_model import package_log_model
from ..models.record_table import RIGHT, Column, RecordTableModel
from ..views import setup_table
from ..workers import TaskRunner
from .base import Screen, heading, note

KEEP_AUTO_BACKUPS = 10


def _table(model: Any, stretch: int | None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    setup_table(view, stretch_column=stretch, sortable=False)
    return view


def _fit_rows(view: QTableView, rows: int, *, least: int = 2, most: int = 5) -> None:
    """As tall as ``rows`` rows (between ``least`` and ``most``; more scroll inside the table)."""
    shown = min(max(rows, least), most)
    height = view.horizontalHeader().sizeHint().height() + view.verticalHeader().defaultSectionSize() * shown
    view.setFixedHeight(height + 2 * view.frameWidth() + 2)


class BackupScreen(Screen):
    data_replaced = Signal()  # a restore or an import changed the data: every screen must reload

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.checking = False
        self.task: ProgressTask | None = None
        self.dialog: QDialog | None = None  # the confirmation, preview or conflict dialog on screen
        self._build()
        self._update_buttons()

    # -- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.status = note()
        self.status.setObjectName("backupStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()

        self.backup_button = QPushButton(self.tr("&Buat cadangan…"))
        self.backup_button.clicked.connect(self.create_backup)
        self.restore_button = QPushButton(self.tr("&Pulihkan dari cadangan…"))
        self.restore_button.clicked.connect(self.choose_backup_to_restore)
        backup_box = QGroupBox(self.tr("Cadangan"))
        backup_layout = QVBoxLayout(backup_box)
        backup_layout.addWidget(
            note(
                self.tr(
                    "Satu berkas .kinerja-backup berisi seluruh basis data dan berkas bukti. Simpan di flashdisk "
                    "atau komputer lain. Memulihkan mengganti seluruh isi basis data (isi sekarang disimpan dulu)."
                )
            )
        )
        backup_layout.addLayout(self._buttons(self.backup_button, self.restore_button))

        self.role_value = note()
        self.pending_value = note()
        self.export_button = QPushButton(self.tr("&Ekspor paket…"))
        self.export_button.clicked.connect(self.export_package)
        self.import_button = QPushButton(self.tr("&Impor paket…"))
        self.import_button.clicked.connect(self.choose_package_to_import)
        package_box = QGroupBox(self.tr("Paket data (laptop lapangan ⇄ Bappeda)"))
        package_form = QFormLayout()
        package_form.addRow(self.tr("Peran:"), self.role_value)
        package_form.addRow(self.tr("Perubahan:"), self.pending_value)
        package_layout = QVBoxLayout(package_box)
        package_layout.addLayout(package_form)
        package_layout.addLayout(self._buttons(self.export_button, self.import_button))

        actions = QHBoxLayout()
        actions.addWidget(backup_box, 1)
        actions.addWidget(package_box, 1)

        self.auto = auto_backup_model(self)
        self.auto_view = _table(self.auto, 2)
        self.auto_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.auto_view.doubleClicked.connect(lambda _index: self.restore_selected_auto_backup())
        self.auto_note = note()
        self.restore_auto_button = QPushButton(self.tr("P&ulihkan…"))
        self.restore_auto_button.setToolTip(self.tr("Pulihkan dari cadangan otomatis yang dipilih"))
        self.restore_auto_button.clicked.connect(self.restore_selected_auto_backup)
        auto_box = QGroupBox(self.tr("Cadangan otomatis"))
        auto_layout = QVBoxLayout(auto_box)
        auto_top = QHBoxLayout()
        auto_top.addWidget(self.auto_note, 1)
        auto_top.addWidget(self.restore_auto_button, 0, Qt.AlignmentFlag.AlignBottom)
        auto_layout.addLayout(auto_top)
        auto_layout.addWidget(self.auto_view)

        self.log = package_log_model(self)
        self.log_view = _table(self.log, 9)
        self.log_note = QLabel()  # one short line: no word wrap (a wrapping label takes spare height)
        log_box = QGroupBox(self.tr("Paket yang sudah diimpor"))
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.log_note)
        log_layout.addWidget(self.log_view)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        layout.addWidget(auto_box)
        layout.addWidget(log_box)
        layout.addLayout(self._build_health())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QVBoxLayout(self)
        page.addWidget(heading(self.title()))
        page.addWidget(scroll, 1)

    def _build_health(self) -> QHBoxLayout:
        """The open database (path, size, schema), the integrity check and the pre-migration copies."""
        self.location_value = QLabel()
        self.location_value.setWordWrap(True)
        self.location_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_value = QLabel()
        self.revision_value = QLabel()
        self.check_button = QPushButton(self.tr("Periksa &integritas"))
        self.check_button.clicked.connect(self.start_integrity_check)
        self.check_result = note(self.tr("Belum diperiksa sejak basis data dibuka."))
        info_box = QGroupBox(self.tr("Basis data yang terbuka"))
        info = QFormLayout(info_box)
        info.addRow(self.tr("Berkas:"), self.location_value)
        info.addRow(self.tr("Ukuran:"), self.size_value)
        info.addRow(self.tr("Revisi skema:"), self.revision_value)
        info.addRow(self.check_button, self.check_result)

        self.copies = RecordTableModel[SafetyCopy](
            [
                Column(self.tr("Berkas"), lambda c: c.path.name, tooltip=lambda c: str(c.path)),
                Column(self.tr("Ukuran"), lambda c: format_size(c.size), lambda c: c.size, RIGHT),
                Column(self.tr("Dibuat"), lambda c: format_datetime(c.modified), lambda c: c.modified),
            ],
            self,
        )
        self.copies_view = _table(self.copies, 0)
        self.copies_note = QLabel()
        copies_box = QGroupBox(self.tr("Salinan pengaman sebelum pembaruan skema"))
        copies_layout = QVBoxLayout(copies_box)
        copies_layout.addWidget(self.copies_note)
        copies_layout.addWidget(self.copies_view)
        row = QHBoxLayout()
        row.addWidget(info_box, 1)
        row.addWidget(copies_box, 1)
        return row

    @staticmethod
    def _buttons(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch()
        return row

    # -- screen --------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Cadangan & Paket")

    def set_context(self, db: Database | None, year: int | None) -> None:
        if db is not self.db:
            self.check_result.setText(self.tr("Belum diperiksa sejak basis data dibuka."))
            self.status.hide()
        super().set_context(db, year)

    def refresh(self) -> None:
        if self.db is None:
            return
        info = overview.database_info(self.db)
        self.location_value.setText(info.location)
        self.size_value.setText(format_size(info.size))
        self.revision_value.setText(info.revision or self.tr("tidak diketahui"))
        self._refresh_copies(info.safety_copies)
        self._refresh_auto_backups()
        self._refresh_exchange()
        self._update_buttons()

    def _refresh_copies(self, copies: list[SafetyCopy]) -> None:
        self.copies.set_rows(copies)
        _fit_rows(self.copies_view, len(copies), least=1, most=3)
        self.copies_view.setVisible(bool(copies))
        if copies:
            self.copies_note.setText(
                self.tr("Dibuat otomatis sebelum skema diperbarui, di folder yang sama dengan basis data.")
            )
        else:
            self.copies_note.setText(self.tr("Tidak ada salinan pengaman di samping berkas basis data."))

    def _refresh_auto_backups(self) -> None:
        assert self.db is not None
        if self.db.path is None:
            self.auto.set_rows([])
            self.auto_note.setText(self.tr("Cadangan otomatis hanya untuk basis data SQLite lokal."))
            return
        rows = []
        for path in reversed(backup.list_auto_backups(self.db)):  # newest first
            try:
                rows.append(auto_backup_row(path))
            except OSError:
                continue  # removed meanwhile
        self.auto.set_rows(rows)
        _fit_rows(self.auto_view, len(rows))
        folder = backup.auto_backup_folder(self.db)
        text = self.tr(
            "Dibuat saat aplikasi ditutup, paling banyak sekali sehari; {0} terakhir disimpan di {1}."
        ).format(KEEP_AUTO_BACKUPS, folder)
        if not rows:
            text += " " + self.tr("Belum ada cadangan otomatis.")
        self.auto_note.setText(text)

    def _refresh_exchange(self) -> None:
        assert self.db is not None
        me = sync.installation_info(self.db)
        entries = sync.import_log(self.db)
        self.log.set_rows(entries)
        _fit_rows(self.log_view, len(entries))
        if entries:
            self.log_note.setText(self.tr("{0} paket, terbaru di atas.").format(len(entries)))
        else:
            self.log_note.setText(self.tr("Belum ada paket yang diimpor ke basis data ini."))
        if me is None:
            self.role_value.setText(
                self.tr(
                    "Belum ikut pertukaran paket. Basis data ini menjadi pusat (Bappeda) saat paket induk "
                    "pertama dibuat, atau laptop lapangan saat paket induk diimpor ke basis data kosong."
                )
            )
            self.pending_value.setText("—")
        elif me.role == ROLE_FIELD:
            names = {o.id: o.abbreviation for o in opd_service.list_opds(self.db, include_inactive=True)}
            scope = ", ".join(sorted(names.get(i, "?") for i in me.scope))
            self.role_value.setText(
                self.tr("Laptop lapangan “{0}”, cakupan {1} perangkat daerah: {2}").format(
                    me.label, len(me.scope), scope
                )
            )
            pending = sync.pending_changes(self.db)
            if pending:
                self.pending_value.setText(
                    self.tr("{0} baris berubah dan belum dikirim ke pusat; buat paket lapangan.").format(
                        format_count(pending)
                    )
                )
            else:
                self.pending_value.setText(self.tr("Tidak ada perubahan yang belum dikirim."))
        else:
            self.role_value.setText(self.tr("Pusat (Bappeda) “{0}”").format(me.label))
            last = self.tr("paket induk terakhir nomor {0}").format(me.last_seq) if me.last_seq else ""
            received = self.tr("{0} paket lapangan diterima").format(sum(1 for e in entries if e.kind != KIND_MASTER))
            self.pending_value.setText(", ".join(p for p in (received, last) if p) + ".")

    def busy(self) -> bool:
        return self.dialog is not None or (self.task is not None and self.task.running)

    def _update_buttons(self) -> None:
        ready = self.db is not None and not self.busy()
        local = ready and self.db is not None and self.db.path is not None
        for button in (self.backup_button, self.restore_button, self.export_button, self.import_button):
            button.setEnabled(bool(local))
        self.restore_auto_button.setEnabled(bool(local) and self.selected_auto_backup() is not None)
        self.check_button.setEnabled(self.db is not None and not self.checking)

    def selected_auto_backup(self) -> AutoBackupRow | None:
        rows = self.auto_view.selectionModel().selectedRows()
        return self.auto.row_at(rows[0].row()) if rows else None

    def select_auto_backup(self, path: Path) -> bool:
        for row in range(self.auto.rowCount()):
            if self.auto.index(row, 0).data(ID_ROLE) == str(path):
                self.auto_view.selectRow(row)
                return True
        return False

    def shutdown(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.reject()
        if self.task is not None:
            task, self.task = self.task, None
            task.cancel()
            task.wait()

    # -- running long work ---------------------------------------------------------------------------
    def _run(self, title: str, work: Work, done: Callable[[Any], None], *, failed_title: str) -> None:
        """Run ``work`` on a worker behind a progress dialog; ``done(value)`` on success, errors shown."""
        task = ProgressTask(self, title, work)
        self.task = task

        def finished(outcome: TaskOutcome) -> None:
            if self.task is not task:
                return  # the screen was shut down meanwhile
            self.task = None
            task.dispose()
            self._update_buttons()
            if outcome.cancelled:
                self._say(self.tr("{0}: dibatalkan. Basis data tidak diubah.").format(title))
            elif outcome.error is not None:
                self._say(str(outcome.error), error=True)
                messages.show_error(self, failed_title, str(outcome.error))
            else:
                done(outcome.value)

        task.finished.connect(finished)
        task.start()
        self._update_buttons()

    def _show_dialog(self, dialog: QDialog, accepted: Callable[[], None], rejected: Callable[[], None]) -> None:
        """Window-modal, returns at once; no session stays open while the user reads it."""
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is not dialog:
                return
            self.dialog = None
            dialog.deleteLater()
            self._update_buttons()
            (accepted if result == QDialog.DialogCode.Accepted else rejected)()

        dialog.finished.connect(finished)
        dialog.open()
        self._update_buttons()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if error else "")
        self.status.show()

    def _folder(self) -> str:
        return str(self.db.path.parent) if self.db is not None and self.db.path is not None else ""

    # -- backup --------------------------------------------------------------------------------------
    def create_backup(self) -> None:
        if self.db is None or self.busy():
            return
        target = backup_files.ask_backup_target(self, self._folder(), backup_files.default_backup_name())
        if not target:
            return
        db = self.db
        self._run(
            self.tr("Membuat cadangan"),
            lambda progress, cancel: backup.create_backup(db, Path(target), progress=progress, cancelled=cancel),
            self._backup_done,
            failed_title=self.tr("Cadangan gagal"),
        )

    def _backup_done(self, info: backup.BackupInfo) -> None:
        text = self.tr("Cadangan dibuat: {0} ({1}; {2} baris, {3} berkas bukti).").format(
            info.path, format_size(info.size), format_count(info.total_rows), format_count(info.evidence_files)
        )
        self._say(text)
        self.refresh()
        messages.show_info(self, self.tr("Cadangan dibuat"), text)

    # -- restore -------------------------------------------------------------------------------------
    def choose_backup_to_restore(self) -> None:
        if self.db is None or self.busy():
            return
        start = str(backup.auto_backup_folder(self.db)) if self.db.path is not None else ""
        path = backup_files.ask_backup_file(self, start if Path(start).is_dir() else self._folder())
        if path:
            self.restore_from_file(path)

    def restore_selected_auto_backup(self) -> None:
        row = self.selected_auto_backup()
        if row is not None:
            self.restore_from_file(str(row.path))

    def restore_from_file(self, path: str | Path) -> None:
        """Check the backup (on a worker), show what it holds, and restore it after "Pulihkan"."""
        if self.db is None or self.busy():
            return
        db, path = self.db, Path(path)

        def check(progress: Callable[[int, int, str], None], _cancel: Callable[[], bool]) -> RestorePreview:
            progress(100, 1000, self.tr("Memeriksa berkas cadangan dan setiap checksum…"))
            return backup.preview_restore(db, path)

        self._run(
            self.tr("Memeriksa cadangan"),
            check,
            lambda preview: self._confirm_restore(db, preview),
            failed_title=self.tr("Cadangan tidak dapat dipulihkan"),
        )

    def _confirm_restore(self, db: Database, preview: RestorePreview) -> None:
        self._show_dialog(
            RestoreConfirmDialog(preview, self),
            lambda: self._restore(db, preview.backup.path),
            lambda: self._say(self.tr("Pemulihan dibatalkan; basis data tidak diubah.")),
        )

    def _restore(self, db: Database, path: Path) -> None:
        self._run(
            self.tr("Memulihkan dari cadangan"),
            lambda progress, cancel: backup.restore_backup(db, path, progress=progress, cancelled=cancel),
            self._restore_done,
            failed_title=self.tr("Pemulihan gagal"),
        )

    def _restore_done(self, result: RestoreResult) -> None:
        made = format_datetime(local_time(result.backup.created_at))
        text = self.tr("Basis data dipulihkan dari {0} (dibuat {1}). Isi sebelumnya disimpan di {2}.").format(
            result.backup.path.name, made, result.saved_copy
        )
        if result.migrated_from:
            text += " " + self.tr("Skema cadangan diperbarui dari {0}.").format(result.migrated_from)
        self._say(text)
        self.data_replaced.emit()
        self.refresh()
        messages.show_info(self, self.tr("Pemulihan selesai"), text)

    # -- packages ------------------------------------------------------------------------------------
    def export_package(self) -> None:
        if self.db is None or self.busy():
            return
        opds = opd_service.list_opds(self.db)
        dialog = PackageExportDialog(opds, sync.installation_info(self.db), self)
        self._show_dialog(dialog, lambda: self._export_chosen(dialog), lambda: None)

    def _export_chosen(self, dialog: PackageExportDialog) -> None:
        choice = dialog.choice
        if self.db is None or choice is None:
            return
        name = backup_files.default_package_name(choice.kind, choice.label)
        target = backup_files.ask_package_target(self, self._folder(), name)
        if not target:
            return
        db = self.db
        self._run(
            self.tr("Mengekspor paket"),
            lambda progress, cancel: sync.export_package(
                db,
                Path(target),
                opd_codes=choice.opd_codes,
                master=choice.kind == KIND_MASTER,
                label=choice.label,
                progress=progress,
                cancelled=cancel,
            ),
            self._export_done,
            failed_title=self.tr("Ekspor paket gagal"),
        )

    def _export_done(self, result: ExportResult) -> None:
        kind = self.tr("Paket induk") if result.kind == KIND_MASTER else self.tr("Paket lapangan")
        text = self.tr("{0} nomor {1} dibuat: {2} ({3} baris, {4} penghapusan, {5} berkas bukti).").format(
            kind,
            result.seq,
            result.path,
            format_count(result.total_rows),
            format_count(result.tombstones),
            format_count(result.evidence_files),
        )
        for warning in result.warnings:
            text += "\n" + self.tr("Peringatan: {0}").format(warning)
        self._say(text)
        self.refresh()
        messages.show_info(self, self.tr("Paket dibuat"), text)

    def choose_package_to_import(self) -> None:
        if self.db is None or self.busy():
            return
        path = backup_files.ask_package_file(self, self._folder())
        if path:
            self.import_from_file(path)

    def import_from_file(self, path: str | Path) -> None:
        """Preview (on a worker), show it, let the user decide conflicts, then import after confirmation."""
        if self.db is None or self.busy():
            return
        db, path = self.db, Path(path)
        self._run(
            self.tr("Memeriksa paket"),
            lambda progress, cancel: sync.preview_import(db, path, progress=progress, cancelled=cancel),
            lambda report: self._show_preview(db, path, report),
            failed_title=self.tr("Paket tidak dapat diimpor"),
        )

    def _show_preview(self, db: Database, path: Path, report: ImportReport) -> None:
        def go_on() -> None:
            if report.conflicts:
                self._decide_conflicts(db, path, report)
            else:
                self._import(db, path, {})

        self._show_dialog(
            PackagePreviewDialog(report, self),
            go_on,
            lambda: self._say(
                self.tr("Paket {0}: tidak diimpor; basis data tidak diubah.").format(report.package_name)
            ),
        )

    def _decide_conflicts(self, db: Database, path: Path, report: ImportReport) -> None:
        dialog = ConflictDialog(report.conflicts, report.package_name, self)
        self._show_dialog(
            dialog,
            lambda: self._import(db, path, dialog.resolutions()),
            lambda: self._say(
                self.tr("Paket {0}: tidak diimpor; basis data tidak diubah.").format(report.package_name)
            ),
        )

    def _import(self, db: Database, path: Path, resolutions: dict) -> None:
        self._run(
            self.tr("Mengimpor paket"),
            lambda progress, cancel: sync.import_package(
                db, path, resolutions=resolutions, progress=progress, cancelled=cancel
            ),
            self._import_done,
            failed_title=self.tr("Impor paket gagal"),
        )

    def _import_done(self, report: ImportReport) -> None:
        if report.already_imported:
            text = self.tr("Paket {0} sudah pernah diimpor; tidak ada yang berubah.").format(report.package_name)
        else:
            text = self.tr("Paket {0} diimpor: {1}").format(report.package_name, summary_sentence(report).lower())
            if report.refused:
                text += " " + self.tr(
                    "Perjanjian kinerja yang sudah ditandatangani tidak ditimpa ({0} perubahan ditolak)."
                ).format(len(report.refused))
        self._say(text)
        self.data_replaced.emit()
        self.refresh()
        messages.show_info(self, self.tr("Impor selesai"), text)

    # -- files opened from outside (double-click in Explorer) ---------------------------------------
    def open_file(self, path: str | Path) -> bool:
        """Start the restore preview of a backup or the import preview of a package."""
        name = Path(path).name.lower()
        if name.endswith(BACKUP_SUFFIX):
            self.restore_from_file(path)
            return True
        if name.endswith(PACKAGE_SUFFIX):
            self.import_from_file(path)
            return True
        messages.show_error(
            self,
            self.title(),
            self.tr("Berkas “{0}” tidak dikenal. Yang dapat dibuka: cadangan ({1}) dan paket data ({2}).").format(
                Path(path).name, BACKUP_SUFFIX, PACKAGE_SUFFIX
            ),
        )
        return False

    # -- integrity -----------------------------------------------------------------------------------
    def start_integrity_check(self) -> None:
        if self.db is None or self.checking:
            return
        self.checking = True
        self.check_button.setEnabled(False)
        self.check_result.setText(self.tr("Memeriksa integritas basis data…"))
        self.runner.run(overview.integrity_check, self.db, on_success=self._check_done, on_failure=self._check_failed)

    def _check_done(self, rows: list[str]) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        when = format_datetime(datetime.now())
        if rows == ["ok"]:
            self.check_result.setText(self.tr("Baik: tidak ditemukan kerusakan (diperiksa {0}).").format(when))
        else:
            shown = "\n".join(rows[:10])
            self.check_result.setText(
                self.tr("Ditemukan {0} masalah (diperiksa {1}). Pulihkan dari cadangan terakhir:\n{2}").format(
                    len(rows), when, shown
                )
            )

    def _check_failed(self, error: BaseException) -> None:
        self.checking = False
        self.check_button.setEnabled(True)
        self.check_result.setText(self.tr("Pemeriksaan gagal: {0}").format(error))
