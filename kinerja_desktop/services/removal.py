"""What removing a planning row did: deleted (nothing referred to it) or retired (documents or realisations do).

Periods, RPJMD nodes and programs are removed the same way: a row that a Perjanjian Kinerja, a realisation
or another plan refers to is retired (kept, hidden, restorable); a row nothing refers to is deleted.
"""

from __future__ import annotations

from enum import StrEnum


class Removal(StrEnum):
    DELETED = "dihapus"
    RETIRED = "dinonaktifkan"

    @property
    def sentence(self) -> str:
        """How the GUI and the CLI report it."""
        if self is Removal.DELETED:
            return "Dihapus: tidak ada dokumen atau realisasi yang merujuknya."
        return "Dinonaktifkan: dokumen atau realisasi merujuknya, sehingga disimpan dan dapat diaktifkan kembali."
