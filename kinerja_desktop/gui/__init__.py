"""The Qt user interface. Importing it applies the work-arounds for the installed Qt for Python."""

from . import qt_fixes

qt_fixes.apply()
