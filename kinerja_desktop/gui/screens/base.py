"""What every screen of the main window offers: follow the open database and the chosen year."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...db.database import Database


class Screen(QWidget):
    """A page of the main window; ``refresh()`` reloads what it shows from the services."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.year: int | None = None

    def title(self) -> str:
        raise NotImplementedError

    def set_context(self, db: Database | None, year: int | None) -> None:
        self.db = db
        self.year = year

    def refresh(self) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        """Called before the window closes or the database changes (stop what is running)."""


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
