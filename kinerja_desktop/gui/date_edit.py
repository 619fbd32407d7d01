"""The date field of every form: shown "26 Januari 2026", typed any usual Indonesian way ("01/07/2026",
"1-7-2026", "1 Jul 2026", "2026-07-01" — ``domain.formatting.parse_date``), with a calendar.

A field that may stay empty shows its special value (e.g. "— belum ditentukan —") at its minimum date; its
calendar then opens on the suggested date (``set_suggested``), not on that minimum.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from ..domain.formatting import parse_date

INDONESIA = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
DISPLAY_FORMAT = "d MMMM yyyy"
# A date being typed: "0", "01/", "01/07", "01/07/20" …, "5 Me", "5 Mei 20" …
_PARTIAL = re.compile(
    r"^\s*\d{1,4}(\s*[/.-]\s*\d{0,2}(\s*[/.-]\s*\d{0,4})?)?\s*$"
    r"|^\s*\d{1,2}(\s+[^\W\d_]*\.?(\s+\d{0,4})?)?\s*$"
)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    """A QDateEdit that also reads dates typed as people type them (see the module's text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggested: date | None = None
        self.setLocale(INDONESIA)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.editingFinished.connect(self._show_as_printed)

    # -- empty fields and the calendar ---------------------------------------------------------------
    def set_suggested(self, value: date | None) -> None:
        """Where the calendar opens while the field is empty (its special value)."""
        self._suggested = value

    def is_empty(self) -> bool:
        return bool(self.specialValueText()) and self.date() == self.minimumDate()

    def value(self) -> date | None:
        """The date, or None while the field shows its special value."""
        return None if self.is_empty() else from_qdate(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(to_qdate(value) if value is not None else self.minimumDate())

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        self._open_calendar_on_suggested()

    def _open_calendar_on_suggested(self) -> None:
        calendar = self.calendarWidget()
        if calendar is None or not self.is_empty() or self._suggested is None:
            return
        suggested = to_qdate(self._suggested)
        if self.minimumDate() <= suggested <= self.maximumDate():
            calendar.setCurrentPage(suggested.year(), suggested.month())
            calendar.setSelectedDate(suggested)

    # -- typed dates ---------------------------------------------------------------------------------
    def _typed(self, text: str) -> date | None:
        try:
            value = parse_date(text)
        except ValueError:
            return None
        qdate = to_qdate(value)
        return value if self.minimumDate() <= qdate <= self.maximumDate() else None

    def validate(self, text: str, pos: int) -> object:  # noqa: D401 - Qt's name and signature
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Acceptable:
            return result
        if self._typed(text) is not None:
            return (QValidator.State.Acceptable, text, pos)
        if _PARTIAL.match(text) or not text.strip():
            return (QValidator.State.Intermediate, text, pos)
        return result

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self._show_as_printed()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._show_as_printed()

    def _show_as_printed(self) -> None:
        """A date typed "01/07/2026" is shown "1 Juli 2026" once it is read."""
        shown = self.textFromDateTime(self.dateTime())
        if self.lineEdit().text() != shown and not self.is_empty():
            self.lineEdit().setText(shown)

    def fixup(self, text: str) -> str:
        typed = self._typed(text)
        return self.locale().toString(to_qdate(typed), DISPLAY_FORMAT) if typed is not None else text

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 - Qt's name
        typed = self._typed(text)
        if typed is not None:
            return QDateTime(to_qdate(typed), self.time())
        return super().dateTimeFromText(text)
