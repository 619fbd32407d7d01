"""Opening a database from the GUI: errors and warnings shown in Indonesian, never raised at the user."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..db.database import Database, open_database
from ..db.errors import (
    DatabaseDamagedError,
    DatabaseLockedError,
    KinerjaDbError,
    ServerError,
    ServerUnavailableError,
)
from . import messages

if TYPE_CHECKING:
    from .jobs import JobRunner

FILE_FILTER = "Basis data Kinerja (*.sqlite *.db);;Semua berkas (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("opening", text)


# What the user chose after a database failed to open.
RECOVER, OTHER, QUIT, RETRY, CONNECT = "pulihkan", "lain", "keluar", "coba-lagi", "sambungkan"


@dataclass(frozen=True)
class OpenProblem:
    """Why a database did not open; a damaged one names its newest automatic backup, if any.

    ``locked``: another window or program holds it. That is not damage: no recovery is offered (it would move
    a live file aside), only trying again once the other one is closed.
    """

    message: str
    path: Path | None = None
    last_backup: Path | None = None
    locked: bool = False
    server: str | None = None  # a server that could not be used (its URL): "Sambungkan ke server…" is offered


def try_open_detailed(path: str | Path | None, *, create: bool) -> tuple[Database | None, OpenProblem | None]:
    """Open the database; on failure return the Indonesian reason (and for a damaged file its last backup)."""
    try:
        return open_database(path, create=create), None
    except ServerError as exc:
        return None, OpenProblem(str(exc), server=_server_url(path), locked=isinstance(exc, ServerUnavailableError))
    except DatabaseDamagedError as exc:
        backup = Path(exc.last_backup) if exc.last_backup else None
        return None, OpenProblem(str(exc), Path(exc.path), backup)
    except DatabaseLockedError as exc:
        return None, OpenProblem(str(exc), Path(exc.path) if exc.path else None, locked=True)
    except KinerjaDbError as exc:
        return None, OpenProblem(str(exc))
    except FileNotFoundError as exc:
        return None, OpenProblem(str(exc))
    except OSError as exc:
        return None, OpenProblem(_tr("Berkas “{0}” tidak dapat dibuka: {1}").format(path, exc.strerror or exc))


def _server_url(path: str | Path | None) -> str | None:
    from ..db.database import resolve_url

    try:
        return resolve_url(path)
    except KinerjaDbError:
        return None


def ask_after_server_problem(parent: QWidget | None, problem: OpenProblem) -> str:
    """A server that could not be used: CONNECT (the dialog, to correct the address or the password), RETRY (a
    server that did not answer), OTHER (a file) or QUIT."""
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("Server basis data"), problem.message,
                      QMessageBox.StandardButton.NoButton, parent)
    connect = box.addButton(_tr("Sambungkan ke server…"), QMessageBox.ButtonRole.AcceptRole)
    retry = box.addButton(_tr("Coba lagi"), QMessageBox.ButtonRole.ActionRole) if problem.locked else None
    other = box.addButton(_tr("Pilih berkas lain…"), QMessageBox.ButtonRole.ActionRole)
    stop = box.addButton(_tr("Keluar"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry or connect)
    box.setEscapeButton(stop)
    box.exec()
    clicked = box.clickedButton()
    if clicked is connect:
        return CONNECT
    if retry is not None and clicked is retry:
        return RETRY
    return OTHER if clicked is other else QUIT


def connect_dialog(parent: QWidget | None, problem: OpenProblem) -> Database | None:
    """The "Sambungkan ke server" dialog filled with the server that failed, and its message."""
    from ..services.server import ServerAddress
    from .dialogs.server_dialog import ServerDialog

    address = ServerAddress.from_url(problem.server) if problem.server else None
    dialog = ServerDialog(address, parent, problem=problem.message)
    if not dialog.exec():
        return None
    for text in dialog.notes:
        messages.show_warning(parent, _tr("Sambungkan ke server"), text)
    return dialog.database


def try_open(path: str | Path | None, *, create: bool) -> tuple[Database | None, str | None]:
    """Open the database; on failure return the Indonesian reason instead."""
    database, problem = try_open_detailed(path, create=create)
    return database, problem.message if problem else None


def open_or_recover(
    parent: QWidget | None, path: str | Path, *, create: bool, runner: JobRunner | None = None
) -> Database | None:
    """Open another database from the window; a damaged one can be recovered from its last automatic backup,
    a locked one opened again once the other window or program lets go."""
    while True:
        database, problem = try_open_detailed(path, create=create)
        if database is not None:
            show_open_notes(parent, database)
            return database
        assert problem is not None
        if not problem.locked or ask_after_damage(parent, problem, at_start=False) != RETRY:
            break
    if problem.locked:
        return None
    if problem.last_backup is None:
        messages.show_error(parent, _tr("Basis data tidak dapat dibuka"), problem.message)
        return None
    if ask_after_damage(parent, problem, at_start=False) != RECOVER:
        return None
    return recover_damaged(parent, problem, runner)


def ask_after_damage(parent: QWidget | None, problem: OpenProblem, *, at_start: bool) -> str:
    """RECOVER, OTHER (at start only), RETRY (a locked file) or QUIT; "Pulihkan…" is offered when an automatic
    backup exists and the file is damaged, never when it is only locked."""
    if problem.locked:
        return _ask_after_lock(parent, problem, at_start=at_start)
    if problem.last_backup is None:
        if not at_start:
            return QUIT
        return (
            OTHER
            if messages.choose_other_file_or_quit(parent, _tr("Basis data tidak dapat dibuka"), problem.message)
            else QUIT
        )
    return _choose(
        parent,
        QMessageBox.Icon.Critical,
        _tr("Basis data rusak"),
        problem.message,
        (_tr("Pulihkan dari cadangan otomatis terakhir"), RECOVER),
        at_start=at_start,
        informative=_backup_note(problem.last_backup),
    )


def _ask_after_lock(parent: QWidget | None, problem: OpenProblem, *, at_start: bool) -> str:
    title, retry = _tr("Basis data sedang dipakai"), (_tr("Coba lagi"), RETRY)
    return _choose(parent, QMessageBox.Icon.Warning, title, problem.message, retry, at_start=at_start)


def _choose(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    first: tuple[str, str],
    *,
    at_start: bool,
    informative: str = "",
) -> str:
    """The first choice (the default), "Pilih berkas lain…" at start only, and "Keluar" or "Batal"."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if informative:
        box.setInformativeText(informative)
    main = box.addButton(first[0], QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(_tr("Pilih berkas lain…"), QMessageBox.ButtonRole.ActionRole) if at_start else None
    stop = box.addButton(_tr("Keluar") if at_start else _tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(main)
    box.setEscapeButton(stop)
    box.exec()
    clicked = box.clickedButton()
    if clicked is main:
        return first[1]
    if other is not None and clicked is other:
        return OTHER
    return QUIT


def _backup_note(backup: Path) -> str:
    from .models.backup_auto_model import auto_backup_row
    from .models.backup_formatting import format_datetime

    try:
        when = format_datetime(auto_backup_row(backup).created)
    except OSError:
        when = "?"
    return _tr(
        "Cadangan otomatis terakhir: {0} ({1}). Data yang diubah sesudahnya tidak ada di cadangan itu. "
        "Berkas yang rusak tidak dihapus: disimpan di samping dengan nama lain."
    ).format(backup.name, when)


def recover_damaged(parent: QWidget | None, problem: OpenProblem, runner: JobRunner | None = None) -> Database | None:
    """Put the last automatic backup in place of the damaged file (kept aside), then open it.

    Runs on ``runner`` (the app's, :func:`jobs.app_runner`, when not given) behind a progress dialog.
    """
    from ..services.backup import recover_from_backup
    from .jobs import Job, app_runner

    assert problem.path is not None and problem.last_backup is not None
    db_path, backup = problem.path, problem.last_backup
    job = Job(
        lambda progress, cancelled: recover_from_backup(
            db_path, backup, progress=progress, cancelled=cancelled
        ),
        title=_tr("Memulihkan basis data"),
        parent=parent,
    )
    outcome = (runner if runner is not None else app_runner()).run_and_wait(job)
    if outcome.cancelled:
        messages.show_info(parent, _tr("Pemulihan dibatalkan"), _tr("Pemulihan dibatalkan; berkas tidak diubah."))
        return None
    if outcome.error is not None:
        messages.show_error(parent, _tr("Pemulihan gagal"), outcome.message)
        return None
    database, message = try_open(db_path, create=False)
    if database is None:
        messages.show_error(parent, _tr("Basis data tidak dapat dibuka"), message or "")
        return None
    messages.show_info(
        parent,
        _tr("Basis data dipulihkan"),
        _tr("Basis data dipulihkan dari cadangan otomatis {0}. Berkas yang rusak disimpan sebagai {1}.").format(
            backup.name, outcome.value
        ),
    )
    show_open_notes(parent, database)
    return database


def show_open_notes(parent: QWidget | None, database: Database) -> None:
    """Warnings (network share, cloud folder, read-only) and the note that the schema was upgraded."""
    for warning in database.warnings:
        messages.show_warning(parent, _tr("Peringatan basis data"), warning)
    if database.read_only is not None:
        messages.show_warning(parent, _tr("Basis data hanya dapat dibaca"), read_only_note(database))
    if database.migrated_from and database.pre_migration_copy:
        messages.show_info(
            parent,
            _tr("Basis data diperbarui"),
            _tr("Skema basis data diperbarui dari revisi {0}. Salinan sebelum pembaruan: {1}").format(
                database.migrated_from, database.pre_migration_copy
            ),
        )


def read_only_note(database: Database) -> str:
    return _tr(
        "Basis data “{0}” dibuka hanya untuk dibaca ({1}). Data dapat dilihat, dicetak dan dicadangkan, tetapi "
        "perubahan tidak dapat disimpan. Untuk mengubah data, ubah izin berkas dan foldernya atau salin basis "
        "data ke folder yang dapat ditulisi, lalu buka lagi."
    ).format(database.path, database.read_only)


def ask_existing_file(parent: QWidget | None, start: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, _tr("Buka basis data"), start, _tr(FILE_FILTER))
    return path or None


def ask_new_file(parent: QWidget | None, start: str = "") -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Basis data baru"), start, _tr(FILE_FILTER))
    if not path:
        return None
    if not Path(path).suffix:
        path += ".sqlite"
    return path
