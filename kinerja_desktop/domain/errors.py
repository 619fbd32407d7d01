"""Invalid input, by field: the one error every layer raises for a value a person can correct.

Services raise it for their rules; the database raises a subclass of it for a value outside its column's
declared limits (``db/checks.py``), so a form shows either message under the field at fault.
"""

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
