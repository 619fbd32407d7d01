"""Errors raised by services; their messages are Indonesian sentences the GUI and CLI show as they are."""

from __future__ import annotations

# Key of a message that belongs to the whole form rather than to one field.
FORM = "_form"


class ValidationError(Exception):
    """Invalid input: ``errors`` maps a field name of the input dataclass to an Indonesian message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls({field: message})


class Cancelled(Exception):
    """The user stopped long work: files already finished stay, the unfinished step is undone.

    The one cancel error of the app: every service that reports progress raises it (through
    :func:`kinerja_desktop.services.progress.step`) and the GUI's job runner recognises it.
    """

    def __init__(self, message: str = "Dibatalkan oleh pengguna") -> None:
        super().__init__(message)
