"""Sizes and times of backups and packages, the Indonesian way: ``2,3 MB`` and ``26 Januari 2026, 14.05``."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from ...domain.formatting import format_datetime, format_number

__all__ = ["format_count", "format_datetime", "format_size", "local_time"]


def format_size(size: int | None) -> str:
    """``1,25 MB`` in Indonesian number format."""
    if size is None:
        return "—"
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{format_number(Decimal(size) / factor, 1 if size >= factor * 10 else 2)} {unit}"
    return f"{format_number(size, 0)} bita"


def local_time(utc_naive: datetime) -> datetime:
    """A naive UTC time (as services store them) in the computer's time zone, naive again."""
    return utc_naive.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_count(value: int) -> str:
    """``5.131``."""
    return format_number(value, 0)
