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
