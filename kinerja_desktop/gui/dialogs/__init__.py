"""Dialogs: a generated layout (gui/forms) wrapped by a thin class that validates in accept()."""
