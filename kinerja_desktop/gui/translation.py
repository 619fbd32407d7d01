"""Qt's own texts in Indonesian: the app's translation of the Qt strings it shows.

Qt ships no Indonesian catalogue (no ``qtbase_id.qm``), so the app carries its own
(``resources/translations/qt_id.ts``, compiled to ``qt_id.qm`` by ``make forms`` with ``pyside6-lrelease``):
the context menus of text fields (Urungkan, Salin, Tempel …), the standard buttons of message boxes and button
boxes (Ya, Tidak, Batal, Simpan, Tutup …), the wizards' buttons, Qt's own file dialog and the print dialog.
The app's own texts are written in Indonesian and need no catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ..paths import resource

QT_CATALOGUE = ("translations", "qt_id.qm")


def install(app: QCoreApplication) -> QTranslator | None:
    """Load the Indonesian catalogue of Qt's strings into ``app`` (once); None when the file is missing."""
    existing = app.findChild(QTranslator, "kinerjaQtIndonesian")
    if existing is not None:
        return existing
    translator = QTranslator(app)
    translator.setObjectName("kinerjaQtIndonesian")
    if not translator.load(str(resource(*QT_CATALOGUE))):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
