"""Qt item models: they hold plain rows from the services, never sessions or ORM objects."""

from PySide6.QtCore import Qt

# The role holding a cell's raw value (a Decimal, a date, an int) that views sort by.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The role holding the row's id.
ID_ROLE = Qt.ItemDataRole.UserRole + 2
