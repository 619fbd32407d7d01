"""The OPD selector of the plan screens (Renstra, Program & Anggaran): type part of a name to find it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ..db.database import Database
from ..services import renstra


class OpdPicker(QComboBox):
    """The active OPDs as "abbreviation — name"; the item data is the OPD's id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._of: Database | None = None  # the database whose OPDs fill the list
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(self.tr("Ketik untuk mencari perangkat daerah…"))
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 60))
        self.lineEdit().editingFinished.connect(self._choose_typed)

    def _choose_typed(self) -> None:
        """Enter (or leaving the field) after typing: the OPD the text names becomes the chosen one, so what the
        field shows is always the OPD the screen works on. Text that names none shows the chosen OPD again."""
        text = self.lineEdit().text().strip().casefold()
        current = self.currentIndex()
        if current >= 0 and text == self.itemText(current).casefold():
            return
        labels = [self.itemText(i).casefold() for i in range(self.count())]
        starting = [i for i, label in enumerate(labels) if text and label.startswith(text)]
        containing = [i for i, label in enumerate(labels) if text and text in label]
        choice = (starting or containing or [current])[0]
        if choice != current:
            self.setCurrentIndex(choice)  # currentIndexChanged: the screen reloads for this OPD
        if choice >= 0:
            self.lineEdit().setText(self.itemText(choice))

    def fill(self, db: Database | None) -> None:
        """(Re)list the OPDs of ``db``, keeping the chosen one when it is the same database; no signal."""
        if db is None:
            self.clear()
            self._of = None
            return
        current = self.current_opd_id()
        choices = renstra.opd_choices(db)
        self.blockSignals(True)
        self.clear()
        for opd_id, label in choices:
            self.addItem(label, opd_id)
        index = self.findData(current) if current and self._of is db else self._first_writable(db, choices)
        self.setCurrentIndex(max(0, index) if choices else -1)
        self.blockSignals(False)
        self._of = db

    @staticmethod
    def _first_writable(db: Database, choices: list[tuple[str, str]]) -> int:
        """At first the first OPD the user may change (an operator's own); the others stay readable."""
        from . import permissions

        return next((n for n, (opd_id, _label) in enumerate(choices) if permissions.may(db, "opd_data", opd_id)), 0)

    def current_opd_id(self) -> str | None:
        return self.currentData() if self.currentIndex() >= 0 else None

    def select(self, opd_id: str) -> bool:
        index = self.findData(opd_id)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0
