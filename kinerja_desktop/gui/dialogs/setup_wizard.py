"""The set-up wizard of a new database: renders a :class:`~kinerja_desktop.gui.setup_flow.SetupFlow`.

Government → leaders → planning agency → period → OPDs → summary; Selesai writes everything in one
transaction through ``services.setup.set_up`` and emits ``completed(name)``. A refusal names the fields at
fault (on the page they belong to) and nothing is written. Esc, Batal or the close button ask before typed input
is thrown away (``unsaved.UnsavedChangesGuard``; a wizard saves only at Selesai).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget, QWizard

from ...db.database import Database
from ...db.errors import KinerjaDbError
from ...services import setup
from ...services.errors import FORM, ValidationError
from .. import messages
from ..setup_flow import SetupFlow, Step
from ..unsaved import UnsavedChangesGuard
from .setup_pages import AgencyPage, LeadersPage, OpdsPage, PeriodPage, RegionPage, SummaryPage, _Page, form_error


class SetupWizard(UnsavedChangesGuard, QWizard):
    """Emits ``completed(full_name)`` ("Kota Wanasari") once the database is set up."""

    guard_can_save = False  # only Selesai saves: Batal asks whether to throw the input away

    completed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        codes, abbreviations = setup.recorded_opd_keys(db)
        self.flow = SetupFlow(today or date.today(), codes, abbreviations)
        self.result: setup.SetupResult | None = None
        self.setWindowTitle(self.tr("Penyiapan basis data baru"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.region_page = RegionPage(self)
        self.leaders_page = LeadersPage(self)
        self.agency_page = AgencyPage(self)
        self.period_page = PeriodPage(self)
        self.opds_page = OpdsPage(self)
        self.summary_page = SummaryPage(self, self.save)
        for page in self.pages():
            self.setPage(int(page.step), page)
        self.setStartId(int(Step.REGION))
        self._fit()
        self.mark_clean()

    def pages(self) -> list[_Page]:
        return [self.region_page, self.leaders_page, self.agency_page, self.period_page, self.opds_page,
                self.summary_page]

    def page_for(self, step: Step) -> _Page:
        return self.page(int(step))  # type: ignore[return-value]

    def _fit(self) -> None:
        # Wide enough for the leaders' grid, never larger than the screen (1366 × 705 must do).
        metrics = self.fontMetrics()
        width, height = metrics.horizontalAdvance("x") * 150, metrics.lineSpacing() * 34
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width() - 40), min(height, available.height() - 60)
        self.resize(width, height)

    def save(self) -> bool:
        """Write the set-up; a refusal is shown on the page of each field at fault, nothing is stored."""
        try:
            self.result = setup.set_up(self.db, self.flow.data())
        except ValidationError as exc:
            self._refused(exc.errors or {FORM: str(exc)})
            return False
        except KinerjaDbError as exc:
            self._refused({FORM: str(exc)})
            return False
        self.completed.emit(self.result.regency_name)
        return True

    def _refused(self, errors: dict[str, str]) -> None:
        by_step: dict[Step, dict[str, str]] = {}
        for key, message in errors.items():
            step = self.flow.step_of(key)
            local = key.split(".", 1)[1] if step in (Step.REGION, Step.AGENCY, Step.PERIOD) else key
            by_step.setdefault(step, {})[local] = message
        for step, page_errors in by_step.items():
            if step is not Step.SUMMARY:
                self.page_for(step).show_errors(page_errors)
        self.summary_page.show_errors({FORM: form_error(errors)})
        text = form_error(errors) + "\n\n" + self.tr("Tidak ada data yang tersimpan.")
        if any(step is not Step.SUMMARY for step in by_step):
            text += " " + self.tr("Perbaiki lewat tombol < Kembali.")
        messages.show_error(self, self.tr("Penyiapan ditolak"), text)

    def field_error(self, step: Step, key: str) -> str:
        """The message shown for a field of a page ("" when none): for tests and checks."""
        return self.page_for(step).errors.get(key, "")

    def current_page(self) -> Any:
        return self.currentPage()
