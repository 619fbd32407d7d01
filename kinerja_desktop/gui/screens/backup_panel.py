"""Cadangan & Paket, the backups: make one, restore one (checked and shown first), the automatic ones."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from ...db.database import Database
from ...db.errors import DatabaseReadOnlyError
from ...services import backup
from ...services.backup import RestorePreview, RestoreResult
from ...services.progress import CancelCheck, Progress
from .. import messages, permissions
from ..dialogs import backup_files
from ..dialogs.backup_restore_dialog import RestoreConfirmDialog
from ..models import ID_ROLE
from ..models.backup_auto_model import AutoBackupRow, auto_backup_model, auto_backup_row
from ..models.backup_formatting import format_count, format_datetime, format_size, local_time
from .backup_shared import Host, button_row, fit_rows, table
from .base import note

KEEP_AUTO_BACKUPS = 10


class BackupPanel(QObject):
    """Two boxes: "Cadangan" (``actions_box``) and the automatic backups (``auto_box``)."""

    def __init__(self, screen: Host) -> None:
        super().__init__(screen)
        self.screen = screen
        self.backup_button = QPushButton(self.tr("Buat ca&dangan…"))
        self.backup_button.clicked.connect(self.create_backup)
        self.restore_button = QPushButton(self.tr("&Pulihkan dari cadangan…"))
        self.restore_button.clicked.connect(self.choose_backup_to_restore)
        self.actions_box = QGroupBox(self.tr("Cadangan"))
        layout = QVBoxLayout(self.actions_box)
        layout.addWidget(
            note(
                self.tr(
                    "Satu berkas .kinerja-backup berisi seluruh basis data dan berkas bukti. Simpan di flashdisk "
                    "atau komputer lain. Memulihkan mengganti seluruh isi basis data (isi sekarang disimpan dulu)."
                )
            )
        )
        layout.addLayout(button_row(self.backup_button, self.restore_button))

        self.auto = auto_backup_model(self)
        self.auto_view = table(self.auto, 2)
        self.auto_view.selectionModel().selectionChanged.connect(lambda *_: self.screen.update_buttons())
        self.auto_view.doubleClicked.connect(lambda _index: self.restore_auto_button.click())  # nothing if refused
        self.auto_note = note()
        self.restore_auto_button = QPushButton(self.tr("P&ulihkan…"))
        self.restore_auto_button.setToolTip(self.tr("Pulihkan dari cadangan otomatis yang dipilih"))
        self.restore_auto_button.clicked.connect(self.restore_selected_auto_backup)
        self.auto_box = QGroupBox(self.tr("Cadangan otomatis"))
        auto_layout = QVBoxLayout(self.auto_box)
        auto_top = QHBoxLayout()
        auto_top.addWidget(self.auto_note, 1)
        auto_top.addWidget(self.restore_auto_button, 0, Qt.AlignmentFlag.AlignBottom)
        auto_layout.addLayout(auto_top)
        auto_layout.addWidget(self.auto_view)
        permissions.bind_all((self.restore_button, self.restore_auto_button), "restore", lambda: self.screen.db)

    def refresh(self) -> None:
        db = self.screen.db
        assert db is not None
        if db.path is None:
            self.auto.set_rows([])
            self.auto_note.setText(
                self.tr(
                    "Server basis data dicadangkan petugas TI setiap malam (pg_dump, lihat README); cadangan "
                    ".kinerja-backup dapat dibuat kapan saja dengan tombol Buat cadangan di atas."
                )
            )
            return
        rows = []
        for path in reversed(backup.list_auto_backups(db)):  # newest first
            try:
                rows.append(auto_backup_row(path))
            except OSError:
                continue  # removed meanwhile
        self.auto.set_rows(rows)
        fit_rows(self.auto_view, len(rows))
        text = self.tr(
            "Dibuat saat aplikasi ditutup, paling banyak sekali sehari; {0} terakhir disimpan di {1}."
        ).format(KEEP_AUTO_BACKUPS, backup.auto_backup_folder(db))
        if not rows:
            text += " " + self.tr("Belum ada cadangan otomatis.")
        self.auto_note.setText(text)

    def update_buttons(self, usable: bool) -> None:
        self.backup_button.setEnabled(usable)
        self.restore_button.setEnabled(usable)
        self.restore_auto_button.setEnabled(usable and self.selected_auto_backup() is not None)

    def selected_auto_backup(self) -> AutoBackupRow | None:
        rows = self.auto_view.selectionModel().selectedRows()
        return self.auto.row_at(rows[0].row()) if rows else None

    def select_auto_backup(self, path: Path) -> bool:
        for row in range(self.auto.rowCount()):
            if self.auto.index(row, 0).data(ID_ROLE) == str(path):
                self.auto_view.selectRow(row)
                return True
        return False

    # -- backup --------------------------------------------------------------------------------------
    def create_backup(self) -> None:
        screen = self.screen
        if screen.db is None or screen.busy():
            return
        target = backup_files.ask_backup_target(screen, screen.folder(), backup_files.default_backup_name())
        if not target:
            return
        db = screen.db
        screen.run_job(
            self.tr("Membuat cadangan"),
            lambda progress, cancelled: backup.create_backup(
                db, Path(target), progress=progress, cancelled=cancelled
            ),
            self._backup_done,
            failed_title=self.tr("Cadangan gagal"),
        )

    def _backup_done(self, info: backup.BackupInfo) -> None:
        text = self.tr("Cadangan dibuat: {0} ({1}; {2} baris, {3} berkas bukti).").format(
            info.path, format_size(info.size), format_count(info.total_rows), format_count(info.evidence_files)
        )
        self.screen.report(self.tr("Cadangan dibuat"), text)

    # -- restore -------------------------------------------------------------------------------------
    def choose_backup_to_restore(self) -> None:
        db = self.screen.db
        if db is None or self.screen.busy():
            return
        start = str(backup.auto_backup_folder(db)) if db.path is not None else ""
        path = backup_files.ask_backup_file(self.screen, start if Path(start).is_dir() else self.screen.folder())
        if path:
            self.restore_from_file(path)

    def restore_selected_auto_backup(self) -> None:
        row = self.selected_auto_backup()
        if row is not None:
            self.restore_from_file(str(row.path))

    def restore_from_file(self, path: str | Path) -> None:
        """Check the backup (on a worker), show what it holds, and restore it after "Pulihkan"."""
        if self.screen.db is None or self.screen.busy():
            return
        db, path = self.screen.db, Path(path)
        if db.read_only is not None:  # said before the file is read: a restore could not write anyway
            text = str(DatabaseReadOnlyError(str(db.path), db.read_only, self.tr("Pemulihan")))
            self.screen.say(text, error=True)
            messages.show_error(self.screen, self.tr("Cadangan tidak dapat dipulihkan"), text)
            return
        checking = self.tr("Memeriksa berkas cadangan dan setiap checksum…")

        def check(progress: Progress, _cancelled: CancelCheck) -> RestorePreview:
            progress(0, 1, checking)
            return backup.preview_restore(db, path)

        self.screen.run_job(
            self.tr("Memeriksa cadangan"),
            check,
            lambda preview: self._confirm_restore(db, preview),
            failed_title=self.tr("Cadangan tidak dapat dipulihkan"),
        )

    def _confirm_restore(self, db: Database, preview: RestorePreview) -> None:
        dialog = RestoreConfirmDialog(preview, self.screen)
        self.screen.show_dialog(
            dialog,
            lambda: self._restore(db, preview.backup.path, replace_regency=dialog.replace_regency),
            lambda: self.screen.say(self.tr("Pemulihan dibatalkan; basis data tidak diubah.")),
        )

    def _restore(self, db: Database, path: Path, *, replace_regency: bool = False) -> None:
        self.screen.run_job(
            self.tr("Memulihkan dari cadangan"),
            lambda progress, cancelled: backup.restore_backup(
                db, path, replace_regency=replace_regency, progress=progress, cancelled=cancelled
            ),
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
        self.screen.report(self.tr("Pemulihan selesai"), text, data_replaced=True)
