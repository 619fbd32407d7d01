"""Cadangan & Paket, the field packages: this database's role, export, import (preview, conflicts decided by a
person, then the import) and the packages imported so far."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from ...db.database import Database
from ...interchange.manifest import KIND_MASTER
from ...services import opd as opd_service
from ...services import sync
from ...services.installation import Role, exchange_status
from ...services.sync import ExportResult, ImportReport
from .. import permissions
from ..dialogs import backup_files
from ..dialogs.conflict_dialog import ConflictDialog
from ..dialogs.enrolment_code_dialog import AskEnrolmentCodeDialog, EnrolmentCodeDialog
from ..dialogs.package_export_dialog import PackageExportDialog
from ..dialogs.package_preview_dialog import PackagePreviewDialog, summary_sentence
from ..models.backup_formatting import format_count
from ..models.package_log_model import package_log_model
from .backup_shared import Host, button_row, fit_rows, table
from .base import note


@dataclass(frozen=True)
class _CodeNeeded:
    """A master package's preview needs its enrolment code; ``problem``: why the one given was refused."""

    problem: str


class ExchangePanel(QObject):
    """Two boxes: the package actions with the role (``actions_box``) and the import log (``log_box``)."""

    def __init__(self, screen: Host) -> None:
        super().__init__(screen)
        self.screen = screen
        self.role_value = note()
        self.pending_value = note()
        self.export_button = QPushButton(self.tr("&Ekspor paket…"))
        self.export_button.clicked.connect(self.export_package)
        self.import_button = QPushButton(self.tr("&Impor paket…"))
        self.import_button.clicked.connect(self.choose_package_to_import)
        permissions.bind_all((self.export_button, self.import_button), "package", lambda: self.screen.db)
        self.actions_box = QGroupBox(self.tr("Paket data (laptop lapangan ⇄ Bappeda)"))
        form = QFormLayout()
        form.addRow(self.tr("Peran:"), self.role_value)
        form.addRow(self.tr("Perubahan:"), self.pending_value)
        layout = QVBoxLayout(self.actions_box)
        layout.addLayout(form)
        layout.addLayout(button_row(self.export_button, self.import_button))

        self.log = package_log_model(self)
        self.log_view = table(self.log, 9)
        self.log_note = QLabel()  # one short line: no word wrap (a wrapping label takes spare height)
        self.log_box = QGroupBox(self.tr("Paket yang sudah diimpor"))
        log_layout = QVBoxLayout(self.log_box)
        log_layout.addWidget(self.log_note)
        log_layout.addWidget(self.log_view)

    def refresh(self) -> None:
        assert self.screen.db is not None
        status = exchange_status(self.screen.db)
        self.log.set_rows(list(status.log))
        fit_rows(self.log_view, len(status.log))
        if status.log:
            self.log_note.setText(self.tr("{0} paket, terbaru di atas.").format(len(status.log)))
        else:
            self.log_note.setText(self.tr("Belum ada paket yang diimpor ke basis data ini."))
        if status.role is Role.NONE:
            self.role_value.setText(
                self.tr(
                    "Belum ikut pertukaran paket. Basis data ini menjadi pusat (Bappeda) saat paket induk "
                    "pertama dibuat, atau laptop lapangan saat paket induk diimpor ke basis data kosong."
                )
            )
            self.pending_value.setText("—")
        elif status.role is Role.FIELD:
            self.role_value.setText(
                self.tr("Laptop lapangan “{0}”, cakupan {1} perangkat daerah: {2}").format(
                    status.label, len(status.scope), ", ".join(status.scope)
                )
            )
            if status.pending:
                self.pending_value.setText(
                    self.tr("{0} baris berubah dan belum dikirim ke pusat; buat paket lapangan.").format(
                        format_count(status.pending)
                    )
                )
            else:
                self.pending_value.setText(self.tr("Tidak ada perubahan yang belum dikirim."))
        else:
            self.role_value.setText(self.tr("Pusat (Bappeda) “{0}”").format(status.label))
            last = self.tr("paket induk terakhir nomor {0}").format(status.last_seq) if status.last_seq else ""
            received = self.tr("{0} paket lapangan diterima").format(status.received)
            self.pending_value.setText(", ".join(p for p in (received, last) if p) + ".")

    def update_buttons(self, local: bool) -> None:
        self.export_button.setEnabled(local)
        self.import_button.setEnabled(local)

    # -- export --------------------------------------------------------------------------------------
    def export_package(self) -> None:
        screen = self.screen
        if screen.db is None or screen.busy():
            return
        # an operator sends its own OPDs only; a master package is Bappeda's
        opds = [o for o in opd_service.list_opds(screen.db) if permissions.may(screen.db, "package", o.id)]
        dialog = PackageExportDialog(opds, sync.installation_info(screen.db), screen,
                                     master_refused=permissions.denial(screen.db, "master_package"))
        screen.show_dialog(dialog, lambda: self._export_chosen(dialog), lambda: None)

    def _export_chosen(self, dialog: PackageExportDialog) -> None:
        choice = dialog.choice
        screen = self.screen
        if screen.db is None or choice is None:
            return
        name = backup_files.default_package_name(choice.kind, choice.label)
        target = backup_files.ask_package_target(screen, screen.folder(), name)
        if not target:
            return
        db = screen.db
        screen.run_job(
            self.tr("Mengekspor paket"),
            lambda progress, cancelled: sync.export_package(
                db,
                Path(target),
                opd_codes=choice.opd_codes,
                master=choice.kind == KIND_MASTER,
                label=choice.label,
                progress=progress,
                cancelled=cancelled,
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
        if result.code is None:
            self.screen.report(self.tr("Paket dibuat"), text)
            return
        # A master package: its one-time enrolment code, shown large, instead of the plain message
        self.screen.say(text)
        self.screen.refresh()
        dialog = EnrolmentCodeDialog(result.code, result.path.name, self.screen, details=text)
        self.screen.show_dialog(dialog, lambda: None, lambda: None)

    # -- import --------------------------------------------------------------------------------------
    def choose_package_to_import(self) -> None:
        if self.screen.db is None or self.screen.busy():
            return
        path = backup_files.ask_package_file(self.screen, self.screen.folder())
        if path:
            self.import_from_file(path)

    def import_from_file(self, path: str | Path, code: str | None = None) -> None:
        """Preview (on a worker), show it, let the user decide conflicts, then import after confirmation.

        A master package first asks for its enrolment code (again, with the reason, after a wrong one).
        """
        if self.screen.db is None or self.screen.busy():
            return
        db, path = self.screen.db, Path(path)

        def preview(progress, cancelled):  # noqa: ANN001, ANN202
            try:
                return sync.preview_import(db, path, code=code, progress=progress, cancelled=cancelled)
            except sync.EnrolmentCodeError as exc:
                return _CodeNeeded("" if exc.missing else exc.message)
            except sync.SignatureError as exc:
                if code is None:
                    raise
                return _CodeNeeded(exc.message)

        def previewed(result: ImportReport | _CodeNeeded) -> None:
            if isinstance(result, _CodeNeeded):
                self._ask_code(path, result.problem)
            else:
                self._show_preview(db, path, result, code)

        self.screen.run_job(
            self.tr("Memeriksa paket"), preview, previewed, failed_title=self.tr("Paket tidak dapat diimpor")
        )

    def _ask_code(self, path: Path, problem: str) -> None:
        dialog = AskEnrolmentCodeDialog(path.name, problem, self.screen)
        self.screen.show_dialog(
            dialog,
            lambda: self.import_from_file(path, dialog.code()),
            lambda: self.screen.say(self.tr("Paket {0}: tidak diimpor; basis data tidak diubah.").format(path.name)),
        )

    def _not_imported(self, report: ImportReport) -> None:
        self.screen.say(self.tr("Paket {0}: tidak diimpor; basis data tidak diubah.").format(report.package_name))

    def _show_preview(self, db: Database, path: Path, report: ImportReport, code: str | None) -> None:
        def go_on() -> None:
            if report.conflicts:
                self._decide_conflicts(db, path, report, code)
            else:
                self._import(db, path, {}, code)

        self.screen.show_dialog(PackagePreviewDialog(report, self.screen), go_on, lambda: self._not_imported(report))

    def _decide_conflicts(self, db: Database, path: Path, report: ImportReport, code: str | None) -> None:
        dialog = ConflictDialog(report.conflicts, report.package_name, self.screen)
        self.screen.show_dialog(
            dialog, lambda: self._import(db, path, dialog.resolutions(), code), lambda: self._not_imported(report)
        )

    def _import(self, db: Database, path: Path, resolutions: dict, code: str | None) -> None:
        self.screen.run_job(
            self.tr("Mengimpor paket"),
            lambda progress, cancelled: sync.import_package(
                db, path, resolutions=resolutions, code=code, progress=progress, cancelled=cancelled
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
        self.screen.report(self.tr("Impor selesai"), text, data_replaced=True)
