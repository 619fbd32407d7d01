"""Errors raised by services; their messages are Indonesian sentences the GUI and CLI show as they are."""

from __future__ import annotations

from ..domain.errors import FORM, ValidationError

__all__ = ["FORM", "Cancelled", "ValidationError"]


class Cancelled(Exception):
    """The user stopped long work: files already finished stay, the unfinished step is undone.

    The one cancel error of the app: every service that reports progress raises it (through
    :func:`kinerja_desktop.services.progress.step`) and the GUI's job runner recognises it.
    """

    def __init__(self, message: str = "Dibatalkan oleh pengguna") -> None:
        super().__init__(message)
