"""Messages shown under the field at fault in a QFormLayout, with a general message on top."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget

from ...services.errors import FORM


class FieldErrors:
    """Binds service field names to (message label, widget, form layout) of a dialog."""

    def __init__(self, dialog: QDialog, general: QLabel, fields: dict[str, tuple[QLabel, QWidget, QFormLayout]]):
        self.dialog = dialog
        self.general = general
        self.fields = fields

    def clear(self) -> None:
        self.general.clear()
        self.general.hide()
        for label, _widget, layout in self.fields.values():
            label.clear()
            layout.setRowVisible(label, False)

    def show(self, errors: dict[str, str], *, extra: Callable[[str, str], bool] | None = None) -> None:
        """Put each message under its field; ``extra(field, message)`` may claim fields it shows itself
        (a table cell, say); the rest go to the general message on top."""
        general = []
        first: QWidget | None = None
        for field, message in errors.items():
            target = self.fields.get(field)
            if target is None:
                if extra is None or not extra(field, message):
                    general.append(message)
                continue
            label, widget, layout = target
            label.setText(message)
            layout.setRowVisible(label, True)
            first = first or widget
        if general:
            self.general.setText("\n".join(general))
            self.general.show()
        if first is not None:
            first.setFocus()
        hint = self.dialog.sizeHint()
        self.dialog.resize(max(self.dialog.width(), hint.width()), max(self.dialog.height(), hint.height()))

    def text(self, field: str) -> str:
        if field == FORM:
            return self.general.text() if not self.general.isHidden() else ""
        target = self.fields.get(field)
        return target[0].text() if target and not target[0].isHidden() else ""
