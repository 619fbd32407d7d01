"""The main window: navigation sidebar, fiscal-year selector, screens, menus and the status bar.

A database that is not set up yet (no government recorded) shows a lead-in to the set-up wizard instead of
empty screens; only Beranda (the lead-in) and Cadangan & Paket (to restore a backup into it) can be chosen.

Start-up is in two phases so the window appears as fast as a bare Qt window: the frame (menus, sidebar,
year selector, status bar) needs only Qt; the screens, which pull in SQLAlchemy and the services, are
imported and built by :meth:`MainWindow.attach` once the database is open (see ``app.run``).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from . import connection, messages
from .connection import ServerBar
from .jobs import JobRunner, set_app_runner
from .settings import add_recent_file, clear_recent_files, recent_files, remove_recent_file

if TYPE_CHECKING:
    from ..db.database import Database
    from .screens.base import Screen

# The sidebar, known before the screens are built: (title, attribute of the screen).
NAVIGATION = (
    ("Beranda", "home"),
    ("Perangkat Daerah", "opd"),
    ("RPJMD", "rpjmd"),
    ("Renstra & Indikator", "renstra"),
    ("Program & Anggaran", "programs"),
    ("Pohon Kinerja", "cascade"),
    ("Perjanjian Kinerja", "agreements"),
    ("Evaluasi Triwulan", "evaluation"),
    ("Menunggu Verifikasi", "verification"),
    ("Evaluasi AKIP", "akip"),
    ("Laporan", "reports"),
    ("Cadangan & Paket", "backup"),
)
# Berkas → Impor dari Excel / Templat Excel: (kind of services.excel_import, menu text).
EXCEL_KINDS = (
    ("pimpinan", "&Pimpinan daerah…"),
    ("opd", "Perangkat &daerah…"),
    ("jabatan", "&Jabatan…"),
    ("rpjmd", "&RPJMD…"),
    ("renstra", "R&enstra…"),
    ("program", "Pro&gram && anggaran…"),
    ("realisasi", "Realisasi &triwulan…"),
)


class MainWindow(QMainWindow):
    """Shows one database at a time; owns it and closes it when replaced or when the window closes.

    ``MainWindow(db)`` builds everything at once; ``MainWindow(None, loading_name=...)`` shows the frame
    with a loading notice and waits for :meth:`attach`. It owns the app's one job runner (every screen runs its
    long work there) and waits for it before it closes; tests pass a ``jobs.SyncRunner`` as ``runner``.
    """

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        *,
        loading_name: str = "",
        runner: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.screens: list[Screen] = []
        self.needs_setup = False  # the open database has no government yet
        self.setup_wizard: QWidget | None = None
        self.runner = runner if runner is not None else JobRunner()
        self.runner.setParent(self)
        set_app_runner(self.runner)
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        # Padding in em follows the font size and the screen's scaling.
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 0.4em 0.9em; }")
        for title, _attribute in NAVIGATION:
            self.nav.addItem(self.tr(title))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Wide enough for the longest title with its padding, in the current font (follows DPI scaling).
        metrics = self.nav.fontMetrics()
        longest = max(metrics.horizontalAdvance(self.nav.item(row).text()) for row in range(self.nav.count()))
        self.nav.setFixedWidth(longest + metrics.horizontalAdvance("M") * 5 + 2 * self.nav.frameWidth())
        self.nav.setEnabled(False)
        self.loading = QLabel(self.tr("Membuka basis data…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)

        self.server_bar = ServerBar()
        self.server_bar.retry_requested.connect(self.reload)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.server_bar)
        right.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        self.year_combo = QComboBox()
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_combo.setEnabled(False)
        year_label = QLabel(self.tr("Tahun an&ggaran:"))
        year_label.setBuddy(self.year_combo)
        toolbar = QToolBar(self.tr("Tahun anggaran"))
        toolbar.setObjectName("yearToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(year_label)
        toolbar.addWidget(self.year_combo)
        self.addToolBar(toolbar)

        self.db_label = QLabel()
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.db_label, 1)
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        self._build_menus()
        self._restore_geometry()
        if loading_name:
            self.setWindowTitle(self.tr("Kinerja Desktop — {0}").format(loading_name))
        if db is not None:
            self.attach(db)

    @property
    def ready(self) -> bool:
        return bool(self.screens)

    def attach(self, db: Database, *, offer_setup: bool = False) -> None:
        """Build the screens (importing them now) and show ``db``; with ``offer_setup`` a database that is
        not set up opens the set-up wizard at once (the first start on a new file)."""
        if not self.screens:
            self._build_screens()
        self.set_database(db)
        if offer_setup and self.needs_setup:
            QTimer.singleShot(0, self.start_setup)

    def _build_screens(self) -> None:
        from .screens.agreements import AgreementsScreen
        from .screens.akip import AkipScreen
        from .screens.backup import BackupScreen
        from .screens.cascade import CascadeScreen
        from .screens.evaluation import EvaluationScreen
        from .screens.home import HomeScreen
        from .screens.opd import OpdScreen
        from .screens.programs import ProgramsScreen
        from .screens.renstra import RenstraScreen
        from .screens.reports import ReportsScreen
        from .screens.rpjmd import RpjmdScreen
        from .screens.verification import VerificationScreen
        from .screens.welcome import SetupLeadIn

        self.home = HomeScreen()
        self.opd = OpdScreen()
        self.rpjmd = RpjmdScreen()
        self.renstra = RenstraScreen()
        self.programs = ProgramsScreen()
        self.cascade = CascadeScreen(self.runner)
        self.agreements = AgreementsScreen(self.runner)
        self.evaluation = EvaluationScreen(self.runner)
        self.verification = VerificationScreen()
        self.akip = AkipScreen(self.runner)
        self.reports = ReportsScreen(self.runner)
        self.backup = BackupScreen(self.runner)
        self.screens: list[Screen] = [
            self.home,
            self.opd,
            self.rpjmd,
            self.renstra,
            self.programs,
            self.cascade,
            self.agreements,
            self.evaluation,
            self.verification,
            self.akip,
            self.reports,
            self.backup,
        ]
        for screen in self.screens:
            self.stack.addWidget(screen)
        self.welcome = SetupLeadIn()
        self.stack.addWidget(self.welcome)  # after the screens: their stack index stays their navigation row
        self.welcome.setup_button.clicked.connect(lambda _checked=False: self.start_setup())
        from . import permissions

        permissions.bind(self.welcome.setup_button, "regency", lambda: self.db)
        self.welcome.restore_button.clicked.connect(lambda _checked=False: self.show_screen(self.backup))
        self.welcome.open_button.clicked.connect(lambda _checked=False: self.choose_database())
        self.rpjmd.years_changed.connect(self.reload)
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()
        self.nav.setEnabled(True)
        self._bind_menus()  # with the screens: the frame alone imports no services
        self.profile_action.setEnabled(True)
        self.audit_action.setEnabled(True)
        self.nav.currentRowChanged.connect(self._on_navigate)
        self.year_combo.currentIndexChanged.connect(self._on_year_changed)
        self.backup.data_replaced.connect(self.reload)
        self.nav.setCurrentRow(0)

    # -- menus ---------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        self.open_action = QAction(self.tr("&Buka basis data…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_database)
        self.new_action = QAction(self.tr("Basis data &baru…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.create_database)
        self.profile_action = QAction(self.tr("&Profil pemerintah daerah…"), self)
        self.profile_action.setEnabled(False)
        self.profile_action.triggered.connect(self.edit_profile)
        self.audit_action = QAction(self.tr("Je&jak audit…"), self)
        self.audit_action.setToolTip(self.tr("Siapa mengubah apa dan kapan, dengan nilai sebelum dan sesudahnya"))
        self.audit_action.setEnabled(False)
        self.audit_action.triggered.connect(lambda _checked=False: self.show_audit())
        self.server_action = QAction(self.tr("Sambungkan ke &server…"), self)
        self.server_action.triggered.connect(self.connect_to_server)
        self.reload_action = QAction(self.tr("&Muat ulang"), self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.setToolTip(self.tr("Tampilkan data terbaru (juga yang disimpan komputer lain)"))
        self.reload_action.triggered.connect(lambda _checked=False: self.reload())
        self.recent_menu = QMenu(self.tr("Berkas &terakhir"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.users_action = QAction(self.tr("Pe&ngguna…"), self)
        self.users_action.setEnabled(False)
        self.users_action.triggered.connect(lambda _checked=False: self.manage_users())
        self.switch_user_action = QAction(self.tr("&Ganti pengguna…"), self)
        self.switch_user_action.setToolTip(self.tr("Keluar dari akun ini dan masuk sebagai pengguna lain"))
        self.switch_user_action.setEnabled(False)
        self.switch_user_action.triggered.connect(lambda _checked=False: self.switch_user())
        self.quit_action = QAction(self.tr("&Keluar"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.server_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.profile_action)
        file_menu.addAction(self.audit_action)
        self.import_menu = QMenu(self.tr("&Impor dari Excel"), self)
        self.template_menu = QMenu(self.tr("Templat E&xcel"), self)
        for kind, text in EXCEL_KINDS:
            imports = self.import_menu.addAction(self.tr(text))
            imports.triggered.connect(lambda _c=False, k=kind: self.import_excel(k))
            templates = self.template_menu.addAction(self.tr(text))
            templates.triggered.connect(lambda _c=False, k=kind: self.excel_template(k))
        self.import_menu.setEnabled(False)
        file_menu.addMenu(self.import_menu)
        file_menu.addMenu(self.template_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.users_action)
        file_menu.addAction(self.switch_user_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        file_menu.setToolTipsVisible(True)  # a refused action says why
        self.import_menu.setToolTipsVisible(True)

        help_menu = self.menuBar().addMenu(self.tr("B&antuan"))
        self.manual_action = QAction(self.tr("&Panduan"), self)
        self.manual_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1: at the screen in use
        self.manual_action.triggered.connect(lambda _checked=False: self.show_manual())
        help_menu.addAction(self.manual_action)
        self.help_window: QWidget | None = None
        self.about_action = QAction(self.tr("&Tentang Kinerja Desktop"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _bind_menus(self) -> None:
        """The menu actions that write follow the role (``gui/permissions.py``)."""
        from ..services.users import IMPORT_ACTIONS
        from . import permissions

        database = lambda: self.db  # noqa: E731 - read when checked: the window's database changes
        permissions.bind(self.profile_action, "regency", database)
        permissions.bind(self.users_action, "users", database)
        permissions.bind(self.audit_action, "audit", database)
        for action, (kind, _text) in zip(self.import_menu.actions(), EXCEL_KINDS, strict=True):
            permissions.bind(action, IMPORT_ACTIONS.get(kind, "regency"), database)

    def show_manual(self) -> None:
        """The user manual, at the section of the screen in use."""
        from .help_window import SECTIONS, HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        screen = self.current_screen() if self.screens else None
        name = next((attr for _title, attr in NAVIGATION if getattr(self, attr, None) is screen), None)
        self.help_window.show_section(SECTIONS.get(name or "", "persiapan" if self.needs_setup else None))
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = recent_files()
        for index, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{index} {path}" if index < 10 else path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not files:
            empty = self.recent_menu.addAction(self.tr("(belum ada)"))
            empty.setEnabled(False)
            return
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Kosongkan daftar"))
        clear.triggered.connect(clear_recent_files)

    def show_audit(self) -> None:
        """Berkas → Jejak audit: the trail of the open database, in a window beside the work."""
        from .dialogs.audit_dialog import AuditDialog

        if self.db is None:
            return
        previous = getattr(self, "audit_window", None)
        if previous is not None:
            previous.close()
        self.audit_window = AuditDialog(self.db, self, runner=self.runner)
        self.audit_window.show()

    def edit_profile(self) -> None:
        """The regency profile, scoring settings and leaders; screens reload after a save."""
        from .dialogs.regency_dialog import RegencyDialog

        if self.db is None:
            return
        if RegencyDialog(self.db, self).exec():
            self._guarded(self._apply_context)

    def excel(self):  # noqa: ANN201 - the window's one ExcelImport, made when first used
        from .excel_import_action import ExcelImport

        if getattr(self, "_excel", None) is None:
            self._excel = ExcelImport(self, lambda: self.db, self.runner)
            self._excel.imported.connect(lambda _result: self.reload())
        return self._excel

    def import_excel(self, kind: str) -> None:
        """Berkas → Impor dari Excel: choose a file, preview it, import it (``gui/excel_import_action.py``)."""
        if self.db is not None and not self.needs_setup:
            self.excel().start(kind)

    def excel_template(self, kind: str) -> None:
        self.excel().write_template(kind)

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Tentang Kinerja Desktop"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self.tr("<b>Kinerja Desktop</b> {0}").format(__version__))
        box.setInformativeText(
            self.tr(
                "Perjanjian Kinerja dan evaluasi triwulan SAKIP untuk pemerintah kabupaten/kota, "
                "bekerja luring (tanpa internet)."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()

    # -- database ------------------------------------------------------------------------------------
    def choose_database(self) -> None:
        from . import opening

        path = opening.ask_existing_file(self, self._start_folder())
        if path:
            self.open_path(path, create=False)

    def create_database(self) -> None:
        from . import opening

        path = opening.ask_new_file(self, self._start_folder())
        if not path:
            return
        if Path(path).exists() and Path(path).stat().st_size > 0:
            messages.show_error(
                self,
                self.tr("Basis data baru"),
                self.tr("Berkas “{0}” sudah ada. Pilih nama lain, atau bukalah lewat Buka basis data.").format(path),
            )
            return
        if self.open_path(path, create=True) and self.needs_setup:
            self.start_setup()  # a new database: straight into its set-up

    def open_recent(self, path: str) -> None:
        if not Path(path).exists():
            messages.show_error(self, self.tr("Berkas terakhir"), self.tr("Berkas “{0}” tidak ada lagi.").format(path))
            remove_recent_file(path)
            return
        self.open_path(path, create=False)

    def connect_to_server(self) -> bool:
        """"Sambungkan ke server": the dialog connects; the window then shows the server's data."""
        from ..services.server import ServerAddress, find_config
        from .dialogs.server_dialog import ServerDialog

        address = None
        if self.db is not None and self.db.is_server:
            address = ServerAddress.from_url(self.db.url)
        else:
            try:
                found = find_config()
            except Exception:  # noqa: BLE001 - a broken settings file: the dialog starts empty
                found = None
            address = found[0] if found else None
        dialog = ServerDialog(address, self)
        if not dialog.exec() or dialog.database is None:
            return False
        for text in dialog.notes:
            messages.show_warning(self, self.tr("Sambungkan ke server"), text)
        self.set_database(dialog.database)
        return True

    def open_path(self, path: str, *, create: bool) -> bool:
        """Open another database; the current one stays open when that fails."""
        from . import opening

        database = opening.open_or_recover(self, path, create=create, runner=self.runner)  # says what failed
        if database is None:
            return False
        self.set_database(database)
        return True

    def _start_folder(self) -> str:
        return str(self.db.path.parent) if self.db and self.db.path else ""

    def set_database(self, db: Database) -> None:
        if not self.screens:
            self._build_screens()
        old = self.db
        for screen in self.screens:
            screen.shutdown()
        if self.setup_wizard is not None:
            self.setup_wizard.discard_and_close()  # type: ignore[attr-defined]  # the database closes: no question
        self.runner.wait()
        self.db = db
        if old is not None and old is not db:
            old.close()
        if db.path is not None:
            add_recent_file(db.path)
        self.setWindowTitle(self.tr("Kinerja Desktop — {0}").format(db.display_name))
        location = str(db.path) if db.path is not None else db.display_name
        self.db_label.setText(self.tr("Basis data: {0}").format(location))
        self.sign_in_if_needed()
        self.reload()
        self._warm_up(db)

    def _warm_up(self, db: Database) -> None:
        """What the first ranking of a process pays for (SQLAlchemy's set-up, the year's signed lampiran, the
        indicators' results), done in the background while the user looks at the Beranda (issue 20)."""
        from ..services import evaluation

        self.runner.run(evaluation.warm_up, db, self.current_year(), on_success=lambda _r: None,
                        on_failure=lambda _e: None)  # only a head start: a failure shows where the data is read

    # -- users ---------------------------------------------------------------------------------------
    def sign_in_if_needed(self) -> bool:
        """A database with more than the single desk's administrator asks who is working (the login dialog);
        without a sign-in the screens stay closed. True when someone acts."""
        from ..services import users

        assert self.db is not None
        if users.needs_sign_in(self.db):
            from .dialogs.login_dialog import LoginDialog

            LoginDialog(self.db, self).exec()
        self.show_user()
        return users.signed_in(self.db) is not None or not users.needs_sign_in(self.db)

    def show_user(self) -> None:
        """The user's name and role in the status bar; what the role may not do hidden or disabled."""
        from ..services import users

        who = None
        if self.db is not None:
            try:
                who = users.actor(self.db)
            except users.AccessDenied:
                who = None
        self.user_label.setText(self.tr("Pengguna: {0}").format(who.label) if who else self.tr("Belum masuk"))
        self.nav.setEnabled(who is not None and bool(self.screens))
        self.switch_user_action.setEnabled(self.db is not None)
        self.users_action.setEnabled(who is not None)
        from . import permissions

        permissions.recheck()
        audit_window = getattr(self, "audit_window", None)
        if audit_window is not None and audit_window.isVisible():
            audit_window.follow(self.db)  # another database or another user: its trail, or closed

    def switch_user(self) -> None:
        """Keluar / Ganti pengguna: sign out, then the login dialog (cancelled: nobody works until one signs in)."""
        from ..services import users

        if self.db is None:
            return
        users.sign_out(self.db)
        if users.needs_sign_in(self.db):
            from .dialogs.login_dialog import LoginDialog

            LoginDialog(self.db, self).exec()
        self.show_user()
        self.reload()

    def manage_users(self) -> None:
        from .dialogs.users_dialog import UsersDialog

        if self.db is not None:
            UsersDialog(self.db, self).exec()
            self.show_user()

    def _load_years(self) -> None:
        from ..services import overview

        assert self.db is not None
        years = overview.fiscal_years(self.db)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        preferred = date.today().year if date.today().year in years else (years[-1] if years else None)
        if preferred is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(preferred))
        else:
            self.year_combo.addItem(self.tr("(belum ada)"), None)
        self.year_combo.setEnabled(bool(years))
        self.year_combo.blockSignals(False)

    # -- navigation and year -------------------------------------------------------------------------
    def current_year(self) -> int | None:
        return self.year_combo.currentData()

    def current_screen(self) -> Screen:
        return self.screens[max(self.nav.currentRow(), 0)]

    def show_screen(self, screen: Screen) -> None:
        self.nav.setCurrentRow(self.screens.index(screen))

    def _on_navigate(self, row: int) -> None:
        if row < 0:
            return
        if row == 0 and self.needs_setup:
            self.stack.setCurrentWidget(self.welcome)
            return
        self.stack.setCurrentIndex(row)
        self._guarded(self.current_screen().refresh)

    def _on_year_changed(self, _index: int) -> None:
        self._guarded(self._apply_context)

    def reload(self) -> None:
        """Years and screens again: the data changed (a restore, an import, another computer's save: "Muat ulang").

        A server that does not answer is said in the bar above the screens, with "Coba lagi"; nothing is lost.
        """
        if self.db is not None:
            from . import permissions

            permissions.recheck()  # the users may have changed with the data (a restore, another computer)
            self._guarded(lambda: (self._load_years(), self._apply_context()))

    def _guarded(self, action) -> bool:  # noqa: ANN001 - a callable of the window
        """Run what reads the database for the screens; a lost server shows the bar instead of a traceback."""
        try:
            action()
        except connection.SERVER_PROBLEMS as error:
            self.server_bar.show_problem(error)
            return False
        self.server_bar.clear()
        return True

    def _apply_context(self) -> None:
        if not self.screens:
            return
        self._update_setup_state()
        for screen in self.screens:
            screen.set_context(self.db, self.current_year())
        if self.nav.currentRow() == 0 and self.needs_setup:
            self.home.refresh()  # behind the lead-in, Beranda says what the file holds (nothing invented)
            self.stack.setCurrentWidget(self.welcome)
            return
        if self.stack.currentWidget() is self.welcome:
            self.stack.setCurrentIndex(max(self.nav.currentRow(), 0))
        self.current_screen().refresh()

    # -- set-up of a new database --------------------------------------------------------------------
    def _update_setup_state(self) -> None:
        """Lead to the set-up when the database has no government: only Beranda and Cadangan & Paket."""
        from ..services.setup import is_set_up

        self.needs_setup = self.db is not None and not is_set_up(self.db)
        open_rows = {0, self.screens.index(self.backup)}
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            enabled = not self.needs_setup or row in open_rows
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled)
        # The profile of a government not recorded yet is the wizard's first page, not this dialog.
        self.profile_action.setEnabled(not self.needs_setup)
        self.audit_action.setEnabled(not self.needs_setup)
        self.import_menu.setEnabled(not self.needs_setup)
        if self.db is not None:
            self.welcome.set_file(str(self.db.path) if self.db.path is not None else self.db.display_name)

    def start_setup(self) -> None:
        """The set-up wizard on the open database (window-modal); the window reloads when it is done."""
        from .dialogs.setup_wizard import SetupWizard

        if self.db is None or not self.needs_setup or self.setup_wizard is not None:
            return
        wizard = SetupWizard(self.db, self)
        wizard.completed.connect(self._on_set_up)
        wizard.finished.connect(lambda _result: self._forget_setup(wizard))
        self.setup_wizard = wizard
        wizard.open()

    def _forget_setup(self, wizard: QWidget) -> None:
        if self.setup_wizard is wizard:
            self.setup_wizard = None
        wizard.deleteLater()

    def _on_set_up(self, _name: str) -> None:
        self.reload()
        self.nav.setCurrentRow(0)
        self.stack.setCurrentIndex(0)
        self.home.refresh()

    def _restore_geometry(self) -> None:
        """The size and place of the last session; the first time, most of the screen (never tiny)."""
        from .settings import load_window_geometry

        if load_window_geometry(self):
            return
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1200, 760)
            return
        available = screen.availableGeometry()
        self.resize(
            max(min(1200, available.width()), int(available.width() * 0.85)),
            max(min(760, available.height()), int(available.height() * 0.85)),
        )
        self.move(available.center() - self.rect().center())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        from .settings import save_window_geometry

        save_window_geometry(self)
        for screen in self.screens:
            screen.shutdown()
        self.runner.wait()
        if self.db is not None:
            self._auto_backup()
            self.db.close()
        super().closeEvent(event)

    def _auto_backup(self) -> None:
        """At most once a day, into cadangan-otomatis beside the database; never stops the window closing."""
        if self.db is None or not self.screens:
            return
        try:
            from ..services.backup import auto_backup

            auto_backup(self.db)
        except Exception as exc:  # noqa: BLE001 - closing must go on whatever happened
            print(f"Cadangan otomatis gagal: {exc}", file=sys.stderr)
