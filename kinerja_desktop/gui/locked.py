"""One look for fields that cannot be changed (a final or signed PK, a sum kept by the service), and a click on
one that says why.

::

    self.lock = FieldLock(self)
    self.lock.reason_shown.connect(self.show_info_message)
    self.lock.set_locked(widgets, reason)        # "" unlocks

A locked field stays readable (a text field also selectable, its text can be copied) but looks read-only:
the background of the window instead of the white of an input, the text as dark as ever (a choice is disabled,
a text read-only: both look the same). A click or a typed key on it shows the reason beside it (and
``reason_shown`` hands it to the form's message line). Tables are locked cell by cell by their grid
(``GridEditing(locked_reason=...)``); a table given here only takes the look.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

LOCKED = "locked"  # the widget property set while locked (for tests and style sheets)
_EDIT_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Space, Qt.Key.Key_Up, Qt.Key.Key_Down,
              Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_F4}


def locked_palette(widget: QWidget) -> QPalette:
    """An input's palette with the window's background and the text as dark as ever: what locked looks like
    everywhere in the app, whether the field is read-only (text) or disabled (a choice)."""
    palette = QPalette(widget.palette())
    Role, Group = QPalette.ColorRole, QPalette.ColorGroup
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        palette.setColor(group, Role.Base, palette.color(Group.Active, Role.Window))
        palette.setColor(group, Role.Button, palette.color(Group.Active, Role.Window))
    for role in (Role.Text, Role.ButtonText, Role.WindowText):
        palette.setColor(Group.Disabled, role, palette.color(Group.Active, role))
    return palette


class FieldLock(QObject):
    """Locks and unlocks fields with one look; ``reason_shown(text)`` when the user tried to change one."""

    reason_shown = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reason = ""
        self._locked: dict[int, tuple[QWidget, QPalette, str]] = {}

    def is_locked(self, widget: QWidget) -> bool:
        return id(widget) in self._locked

    def set_locked(self, widgets: list[QWidget], reason: str) -> None:
        """Lock ``widgets`` for ``reason`` ("" unlocks them)."""
        self.reason = reason
        for widget in widgets:
            if reason:
                self._lock(widget)
            else:
                self._unlock(widget)

    @staticmethod
    def _receivers(widget: QWidget) -> list[QWidget]:
        """The widget and the parts of it that receive the clicks and keys (a date box's text, a table's cells)."""
        parts: list[QWidget] = [widget]
        if isinstance(widget, QAbstractItemView):
            parts.append(widget.viewport())
        elif isinstance(widget, QAbstractSpinBox | QComboBox):
            parts += widget.findChildren(QLineEdit)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            parts.append(widget.viewport())
        return parts

    def _lock(self, widget: QWidget) -> None:
        if id(widget) not in self._locked:
            key = id(widget)
            self._locked[key] = (widget, QPalette(widget.palette()), widget.toolTip())
            for part in self._receivers(widget):
                part.installEventFilter(self)
            # A widget rebuilt by its screen (a table's cell widgets) is forgotten when Qt deletes it.
            widget.destroyed.connect(lambda *_args, key=key: self._locked.pop(key, None))
        _set_read_only(widget, True)
        widget.setPalette(locked_palette(widget))
        widget.setProperty(LOCKED, True)
        widget.setToolTip(self.reason)

    def _unlock(self, widget: QWidget) -> None:
        entry = self._locked.pop(id(widget), None)
        if entry is None:
            return
        for part in self._receivers(widget):
            part.removeEventFilter(self)
        _set_read_only(widget, False)
        widget.setPalette(entry[1])
        widget.setProperty(LOCKED, False)
        widget.setToolTip(entry[2])

    def _owner(self, widget: QWidget | None) -> QWidget | None:
        while widget is not None and id(widget) not in self._locked:
            widget = widget.parentWidget()
        return widget

    def say_why(self, widget: QWidget) -> None:
        QToolTip.showText(widget.mapToGlobal(widget.rect().bottomLeft()), self.reason, widget)
        self.reason_shown.emit(self.reason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress,
                        QEvent.Type.Wheel):
            return False
        if not self.reason or not isinstance(watched, QWidget):
            return False
        owner = self._owner(watched)
        if owner is None:
            return False
        texty = isinstance(owner, QLineEdit | QPlainTextEdit | QTextEdit)
        if kind == QEvent.Type.Wheel:
            return not texty  # a wheel over a locked combo or date box changes nothing
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier or event.key() in (
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
            ):
                return False  # moving, copying and closing stay possible
            if not (event.text().isprintable() and event.text()) and event.key() not in _EDIT_KEYS:
                return False
            self.say_why(owner)
            return True
        self.say_why(owner)
        return not texty  # text stays selectable with the mouse; a combo, a date or a check box does not open


def _set_read_only(widget: QWidget, read_only: bool) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        widget.setReadOnly(read_only)
    elif isinstance(widget, QAbstractItemView):
        if read_only:
            widget.setProperty("_edit_triggers", int(widget.editTriggers().value))
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        else:
            saved = widget.property("_edit_triggers")
            if saved is not None:
                widget.setEditTriggers(QAbstractItemView.EditTrigger(saved))
    elif isinstance(widget, QComboBox | QAbstractButton):
        widget.setEnabled(not read_only)  # a disabled widget still hands its clicks to the lock's filter
