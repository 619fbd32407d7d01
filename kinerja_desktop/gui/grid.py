"""The one behaviour of every editable grid, as operators know it from Excel.

:class:`GridEditing` attaches to a table view (a ``QTableView`` or ``QTableWidget``) whatever its model:

- **Paste** (Ctrl+V) a block of cells copied from Excel or LibreOffice (tab-separated, quoted cells as they
  write them) from the current cell on, over the visible columns. Each cell is read by the column's own
  rules (the delegate's ``parse``, or the grid's ``parse``) and stored by the model; what cannot be stored
  is marked red on its cell with the reason in its tooltip, and ``message`` says what the paste did.
  One value pasted into a selection fills it.
- **Copy** (Ctrl+C) the selected block as tab-separated text; **Delete** empties the selected cells.
- **Enter** goes to the row below (in the same column), after typing in a cell or not.
- **Undo / Redo** (Ctrl+Z, Ctrl+Y) of every change of a cell's value: typed, pasted, emptied or filled, kept in
  a ``QUndoStack`` until the model is reloaded (a save reloads it). Changes are seen through the model's
  ``dataChanged``, so a model needs nothing to take part.
- A cell that is not editable says why when the user types into it or double-clicks it (``locked_reason``).

The owner may add actions of its own (``add_action``) and change cells as one undoable step (``set_cells``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QTableView,
    QToolTip,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
Parse = Callable[[QModelIndex, str], Any]
ERROR_FILL = QColor(253, 228, 226, 170)
ERROR_LINE = QColor(179, 38, 30)
MAX_LISTED = 4


Refusals = dict[QPersistentModelIndex, str]  # cell → why its input was refused


def _tr(text: str) -> str:
    return QCoreApplication.translate("GridEditing", text)


# --- tab-separated text as spreadsheets write it -------------------------------------------------------


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from a spreadsheet's clipboard text (``\\r\\n`` or ``\\n``, quoted cells, a last newline)."""
    if not text:
        return []
    rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), delimiter="\t"))
    while rows and not any(cell for cell in rows[-1]):
        rows.pop()  # the newline Excel puts after the last row
    return rows


def _quote(cell: str) -> str:
    if any(ch in cell for ch in '\t\n\r"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def to_tsv(rows: Iterable[Iterable[str]]) -> str:
    """Cells as spreadsheets take them: tabs between cells, CR LF after each row, quoted when needed."""
    return "".join("\t".join(_quote(cell) for cell in row) + "\r\n" for row in rows)


# --- undo ---------------------------------------------------------------------------------------------


class _CellsChanged(QUndoCommand):
    """Cells that changed value: (cell, old, new). Already applied when pushed."""

    def __init__(self, grid: GridEditing, changes: list[tuple[QPersistentModelIndex, Any, Any]], text: str) -> None:
        super().__init__(text)
        self.grid = grid
        self.changes = changes
        self._done = True

    def redo(self) -> None:
        if self._done:  # the first push: the model already holds the new values
            self._done = False
            return
        self.grid._apply([(cell, new) for cell, _old, new in self.changes])

    def undo(self) -> None:
        self.grid._apply([(cell, old) for cell, old, _new in reversed(self.changes)])


# --- the red marks of refused cells -------------------------------------------------------------------


class _ErrorOverlay(QWidget):
    """Paints the refused cells over the view's viewport (mouse events pass through to the cells)."""

    def __init__(self, grid: GridEditing) -> None:
        super().__init__(grid.view.viewport())
        self.grid = grid
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resize(grid.view.viewport().size())

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt's name
        if not self.grid.errors:
            return
        painter = QPainter(self)
        painter.setPen(QPen(ERROR_LINE, 2))
        for cell in self.grid.errors:
            if cell.isValid():
                rect: QRect = self.grid.view.visualRect(QModelIndex(cell)).adjusted(1, 1, -1, -1)
                painter.fillRect(rect, ERROR_FILL)
                painter.drawRect(rect)
        painter.end()


# --- the grid -----------------------------------------------------------------------------------------


class GridEditing(QObject):
    """Excel habits, cell messages and undo for one table view (see the module's text)."""

    message = Signal(str)  # what the last paste, emptying or fill did ("" when nothing to say)

    def __init__(
        self,
        view: QTableView,
        *,
        parse: Parse | None = None,
        locked_reason: Callable[[QModelIndex], str] | None = None,
        add_row: Callable[[], object] | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self._parse = parse
        self._locked_reason = locked_reason
        self._add_row = add_row
        self.undo_stack = undo_stack or QUndoStack(self)
        self.errors: dict[QPersistentModelIndex, str] = {}
        self._cells: dict[tuple[int, int], Any] = {}
        self._applying = False
        self._model: QAbstractItemModel | None = None
        self._delegates: set[int] = set()
        self.overlay = _ErrorOverlay(self)
        self._build_actions()
        self._connect_delegates()
        self._viewport = view.viewport()
        view.installEventFilter(self)
        self._viewport.installEventFilter(self)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(lambda _v: self.overlay.update())
        for header in (view.horizontalHeader(), view.verticalHeader()):
            header.sectionResized.connect(lambda *_: self.overlay.update())
        self._watch_model()

    # -- set-up --------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        view = self.view
        self.copy_action = self.add_action(_tr("Salin"), self.copy, QKeySequence.StandardKey.Copy)
        self.paste_action = self.add_action(_tr("Tempel"), self.paste, QKeySequence.StandardKey.Paste)
        self.clear_action = self.add_action(_tr("Kosongkan sel"), self.clear_selection, QKeySequence.StandardKey.Delete)
        self.undo_action = self.undo_stack.createUndoAction(self, _tr("Urungkan"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, _tr("Ulangi"))
        self.redo_action.setShortcuts([QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y), QKeySequence.StandardKey.Redo])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def add_action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        """An action of the grid's context menu (and its key, when the grid has the focus)."""
        action = QAction(text, self.view)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action

    def _watch_model(self) -> None:
        model = self.view.model()
        if model is self._model or model is None:
            return
        self._model = model
        model.dataChanged.connect(self._on_data_changed)
        model.modelReset.connect(self._on_reset)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.columnsInserted,
                       model.columnsRemoved, model.layoutChanged):
            signal.connect(self._remember_cells)
        self._on_reset()

    def _connect_delegates(self) -> None:
        """Follow Enter out of an editor: the delegate closes it with SubmitModelCache (delegates may change)."""
        model = self.view.model()
        delegates = [self.view.itemDelegate()]
        if model is not None:
            delegates += [self.view.itemDelegateForColumn(c) for c in range(model.columnCount())]
        for delegate in delegates:
            if delegate is not None and id(delegate) not in self._delegates:
                self._delegates.add(id(delegate))
                delegate.closeEditor.connect(self._on_close_editor)

    # -- what the model holds ------------------------------------------------------------------------
    def _alive(self) -> bool:
        return shiboken6.isValid(self.view) and shiboken6.isValid(self.undo_stack)

    def _on_reset(self) -> None:
        """Reloaded (opened, saved): nothing to undo, no marks."""
        if not self._alive():
            return  # the view is being destroyed (a QTableWidget clears its model then)
        self.undo_stack.clear()
        self.errors.clear()
        self._remember_cells()
        self.overlay.update()

    def _remember_cells(self, *_args: Any) -> None:
        if not self._alive():
            return
        model = self.view.model()
        self._cells = {}
        if model is None:
            return
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                self._cells[(row, column)] = model.index(row, column).data(Qt.ItemDataRole.EditRole)
        # Marks on cells that moved follow them (persistent indexes); those of removed cells go.
        self.errors = {cell: text for cell, text in self.errors.items() if cell.isValid()}

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: Any = None) -> None:
        if not self._alive():
            return
        model = self.view.model()
        if model is None or not top_left.isValid():
            return
        changes = []
        for row in range(top_left.row(), bottom_right.row() + 1):
            for column in range(top_left.column(), bottom_right.column() + 1):
                index = model.index(row, column)
                new = index.data(Qt.ItemDataRole.EditRole)
                old = self._cells.get((row, column))
                self._cells[(row, column)] = new
                if old == new and type(old) is type(new):
                    continue
                if not self._applying and model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                    changes.append((QPersistentModelIndex(index), old, new))
                    self.errors.pop(QPersistentModelIndex(index), None)  # the user answered the mark
        if changes:
            self.undo_stack.push(_CellsChanged(self, changes, _tr("ubah sel")))
        self.overlay.update()

    def _apply(self, values: list[tuple[QPersistentModelIndex, Any]]) -> None:
        """Undo or redo: put values back without recording them again."""
        model = self.view.model()
        self._applying = True
        try:
            for cell, value in values:
                if cell.isValid() and model is not None:
                    model.setData(QModelIndex(cell), value, Qt.ItemDataRole.EditRole)
        finally:
            self._applying = False
        valid = [cell for cell, _value in values if cell.isValid()]
        if valid:
            self.view.setCurrentIndex(QModelIndex(valid[-1]))

    # -- cells ---------------------------------------------------------------------------------------
    def visible_columns(self) -> list[int]:
        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(visual) for visual in range(header.count())]
        return [c for c in logical if not header.isSectionHidden(c)]

    def visible_rows(self) -> list[int]:
        header = self.view.verticalHeader()
        model = self.view.model()
        rows = [header.logicalIndex(visual) for visual in range(header.count())] if header.count() else []
        if not rows and model is not None:
            rows = list(range(model.rowCount()))
        return [r for r in rows if not self.view.isRowHidden(r)]

    def column_name(self, column: int) -> str:
        model = self.view.model()
        name = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) if model else None
        text = "" if name is None else str(name)
        return text if text and text != str(column + 1) else _tr("kolom {0}").format(column + 1)

    def row_name(self, row: int) -> str:
        model = self.view.model()
        name = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) if model else None
        text = "" if name is None else str(name)
        if self.view.verticalHeader().isVisible() and text and text != str(row + 1):
            return text  # a year, a name
        return _tr("Baris {0}").format(row + 1)

    def cell_name(self, index: QModelIndex) -> str:
        """"Baris 3, TW II" or "2026, Target": where a message belongs."""
        return f"{self.row_name(index.row())}, {self.column_name(index.column())}"

    def display_text(self, index: QModelIndex) -> str:
        """The cell as the view shows it (numbers the Indonesian way, through the column's delegate)."""
        value = index.data(Qt.ItemDataRole.DisplayRole)
        if value is None:
            return ""
        delegate = self.view.itemDelegateForIndex(index)
        return delegate.displayText(value, self.view.locale()) if delegate is not None else str(value)

    def is_editable(self, index: QModelIndex) -> bool:
        return bool(index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable)

    def locked_reason(self, index: QModelIndex) -> str:
        """Why ``index`` cannot be edited ("" for a cell that is only computed)."""
        if self._locked_reason is None:
            return ""
        return self._locked_reason(index)

    def parse(self, index: QModelIndex, text: str) -> Any:
        """The value to store for ``text`` in ``index`` (ValueError with an Indonesian message)."""
        if self._parse is not None:
            return self._parse(index, text)
        delegate = self.view.itemDelegateForIndex(index)
        parse = getattr(delegate, "parse", None)
        if callable(parse):
            return parse(text)
        return text.strip()

    def set_errors(self, errors: dict[QPersistentModelIndex, str]) -> None:
        self.errors = dict(errors)
        self.overlay.update()

    def error_at(self, index: QModelIndex) -> str:
        return self.errors.get(QPersistentModelIndex(index), "")

    def set_cells(self, values: list[tuple[QModelIndex, str]], text: str) -> tuple[int, Refusals]:
        """Read ``values`` (cell, text as typed) by each column's rules and store them as one undoable step.

        Returns how many cells were stored and the refusals (marked on their cells)."""
        return self._store([(index, raw, True) for index, raw in values], text)

    def set_values(self, values: list[tuple[QModelIndex, Any]], text: str) -> tuple[int, Refusals]:
        """Store values already read (a Decimal, a number of rupiah) as one undoable step."""
        return self._store([(index, value, False) for index, value in values], text)

    def _store(self, values: list[tuple[QModelIndex, Any, bool]], text: str) -> tuple[int, Refusals]:
        model = self.view.model()
        errors: dict[QPersistentModelIndex, str] = {}
        stored = 0
        if model is None:
            return 0, errors
        self.undo_stack.beginMacro(text)
        try:
            for index, raw, read in values:
                name = self.cell_name(index)
                if not self.is_editable(index):
                    reason = self.locked_reason(index) or _tr("tidak dapat diubah")
                    errors[QPersistentModelIndex(index)] = f"{name}: {reason}"
                    continue
                try:
                    value = self.parse(index, raw) if read else raw
                except ValueError as exc:
                    errors[QPersistentModelIndex(index)] = f"{name}: {exc}"
                    continue
                if not model.setData(index, value, Qt.ItemDataRole.EditRole):
                    errors[QPersistentModelIndex(index)] = _tr("{0}: “{1}” tidak diterima").format(name, raw)
                    continue
                stored += 1
        finally:
            self.undo_stack.endMacro()
        self.set_errors(errors)
        return stored, errors

    def report(self, text: str, errors: dict[QPersistentModelIndex, str], extra: str = "") -> None:
        """Say what a paste, an emptying or a fill did, with the refused cells listed (``message``)."""
        if errors:
            listed = list(errors.values())
            text += " " + _tr("{0} sel ditolak (bertanda merah):").format(len(listed))
            text += "\n" + "\n".join(f"• {line}" for line in listed[:MAX_LISTED])
            if len(listed) > MAX_LISTED:
                text += "\n" + _tr("… dan {0} lagi").format(len(listed) - MAX_LISTED)
        if extra:
            text += "\n" + extra
        self.message.emit(text)

    # -- copy, paste, empty --------------------------------------------------------------------------
    def selected_block(self) -> tuple[list[int], list[int]]:
        """The rows and visible columns spanned by the selection (or the current cell), in view order; the
        first cell of the table when nothing is chosen."""
        selection = self.view.selectionModel()
        indexes = list(selection.selectedIndexes()) if selection is not None else []
        current = self.view.currentIndex()
        if current.isValid() and current not in indexes:
            indexes.append(current)
        rows, columns = self.visible_rows(), self.visible_columns()
        if not indexes:
            return rows[:1], columns[:1]
        chosen_rows = {i.row() for i in indexes}
        chosen_columns = {i.column() for i in indexes}
        return [r for r in rows if r in chosen_rows], [c for c in columns if c in chosen_columns]

    def copy(self) -> str:
        """The selected block as tab-separated text, also on the clipboard."""
        model = self.view.model()
        rows, columns = self.selected_block()
        selection = self.view.selectionModel()
        lines = []
        for row in rows:
            cells = []
            for column in columns:
                index = model.index(row, column)
                chosen = selection is None or selection.isSelected(index) or index == self.view.currentIndex()
                cells.append(self.display_text(index) if chosen else "")
            lines.append(cells)
        text = to_tsv(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> int:
        """Paste spreadsheet cells from the current cell on (``text``: the clipboard's by default)."""
        model = self.view.model()
        if model is None:
            return 0
        rows = parse_tsv(QGuiApplication.clipboard().text() if text is None else text)
        if not rows:
            self.message.emit(_tr("Papan klip kosong: salin dahulu sel dari Excel atau tabel lain."))
            return 0
        block_rows, block_columns = self.selected_block()
        if not block_rows or not block_columns:
            return 0
        values: list[tuple[QModelIndex, str]] = []
        if len(rows) == 1 and len(rows[0]) == 1 and (len(block_rows) > 1 or len(block_columns) > 1):
            # One value into a selection fills it, as in Excel.
            selection = self.view.selectionModel()
            for row in block_rows:
                for column in block_columns:
                    index = model.index(row, column)
                    if selection.isSelected(index):
                        values.append((index, rows[0][0]))
            outside = 0
        else:
            values, outside = self._targets(rows, block_rows[0], block_columns[0])
        stored, errors = self.set_cells(values, _tr("tempel"))
        extra = _tr("{0} sel di luar tabel tidak ditempel.").format(outside) if outside else ""
        self.report(_tr("{0} sel ditempel.").format(stored), errors, extra)
        return stored

    def _targets(
        self, rows: list[list[str]], first_row: int, first_column: int
    ) -> tuple[list[tuple[QModelIndex, str]], int]:
        """Each pasted cell's target from ``(first_row, first_column)`` on, over visible rows and columns."""
        model = self.view.model()
        columns = self.visible_columns()
        start = columns.index(first_column) if first_column in columns else 0
        values: list[tuple[QModelIndex, str]] = []
        outside = 0
        visible_rows = self.visible_rows()
        position = visible_rows.index(first_row) if first_row in visible_rows else 0
        for offset, cells in enumerate(rows):
            while position + offset >= len(visible_rows) and self._add_row is not None:
                before = model.rowCount()
                self._add_row()
                visible_rows = self.visible_rows()
                if model.rowCount() == before:
                    break
            if position + offset >= len(visible_rows):
                outside += len(cells)
                continue
            row = visible_rows[position + offset]
            for n, raw in enumerate(cells):
                if start + n >= len(columns):
                    outside += 1
                    continue
                values.append((model.index(row, columns[start + n]), raw))
        return values, outside

    def clear_selection(self) -> int:
        """Empty the selected editable cells (Delete)."""
        model = self.view.model()
        rows, columns = self.selected_block()
        selection = self.view.selectionModel()
        values = [
            (model.index(r, c), "")
            for r in rows
            for c in columns
            if selection is None or selection.isSelected(model.index(r, c))
            or model.index(r, c) == self.view.currentIndex()
        ]
        stored, errors = self.set_cells(values, _tr("kosongkan"))
        if errors:
            self.report(_tr("{0} sel dikosongkan.").format(stored), errors)
        return stored

    # -- keys and clicks -----------------------------------------------------------------------------
    def move_down(self) -> bool:
        """Enter: the cell below in the same column (the last row stays)."""
        current = self.view.currentIndex()
        if not current.isValid():
            return False
        rows = self.visible_rows()
        position = rows.index(current.row()) if current.row() in rows else -1
        if position < 0 or position + 1 >= len(rows):
            return False
        below = current.sibling(rows[position + 1], current.column())
        self.view.selectionModel().setCurrentIndex(below, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(below)
        return True

    def _on_close_editor(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter (Tab and a click give others)
            self.move_down()

    def say_locked(self, index: QModelIndex) -> bool:
        """A click or a key on a locked cell: say why, on the cell and in ``message``."""
        reason = self.locked_reason(index)
        if not reason or self.is_editable(index):
            return False
        rect = self.view.visualRect(index)
        QToolTip.showText(self.view.viewport().mapToGlobal(rect.bottomLeft()), reason, self.view.viewport(), rect)
        self.message.emit(reason)
        return True

    def _keys(self) -> list[tuple[tuple[QKeySequence | QKeySequence.StandardKey, ...], Callable[[], object]]]:
        K = QKeySequence.StandardKey
        return [
            ((K.Copy,), self.copy),
            ((K.Paste,), self.paste),
            ((K.Delete,), self.clear_selection),
            ((K.Undo,), self.undo_stack.undo),
            ((K.Redo, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y)), self.undo_stack.redo),
        ]

    _WATCHED = frozenset({QEvent.Type.Resize, QEvent.Type.ChildAdded, QEvent.Type.ToolTip,
                          QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.FocusIn})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in self._WATCHED:  # nothing else is asked of a view that may be half destroyed
            return False
        view = self.view
        if watched is self._viewport:
            if kind == QEvent.Type.Resize:
                self.overlay.resize(view.viewport().size())
            elif kind == QEvent.Type.ChildAdded:
                self._connect_delegates()  # an editor opens: its delegate may be new
            elif kind == QEvent.Type.ToolTip:
                index = view.indexAt(event.pos())  # type: ignore[attr-defined]
                error = self.error_at(index) if index.isValid() else ""
                if error:
                    QToolTip.showText(event.globalPos(), error, view.viewport())  # type: ignore[attr-defined]
                    return True
            elif kind == QEvent.Type.MouseButtonDblClick:
                index = view.indexAt(event.position().toPoint())  # type: ignore[attr-defined]
                if index.isValid() and self.say_locked(index):
                    return True
            return False
        if watched is view and kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if view.state() == QAbstractItemView.State.EditingState:
                return False
            for keys, slot in self._keys():  # also when the window is not the active one (no shortcut then)
                if any(event.matches(k) if isinstance(k, QKeySequence.StandardKey) else
                       QKeySequence(event.keyCombination()) == k for k in keys):
                    slot()
                    return True
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self.move_down()
                return True  # never the dialog's default button
            typed = event.text()
            if typed and typed.isprintable() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                return self.say_locked(view.currentIndex())
        if watched is view and kind == QEvent.Type.FocusIn:
            self._watch_model()
        return False


def at(view: QAbstractItemView, row: int, column: int) -> QModelIndex:
    """The index of (row, column) in the view's model (for callers that speak in rows and columns)."""
    model = view.model()
    return model.index(row, column) if model is not None else QModelIndex()


def point_of(view: QAbstractItemView, index: QModelIndex) -> QPoint:
    """The centre of a cell, in viewport coordinates (tests click there)."""
    return view.visualRect(index).center()
