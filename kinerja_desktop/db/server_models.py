"""Tables of server mode: evidence files kept in the database, and the maintenance bypass of the triggers.

On a server every workstation reaches the evidence files through the database (``evidence_blob``, one row per
content, named by its SHA-256 as the folder store names its files); a SQLite database keeps its folder beside the
file and leaves this table empty. ``lock_bypass`` is empty outside a maintenance transaction (``triggers.py``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .limits import SHA256
from .types import new_id, utcnow


class EvidenceBlob(Base):
    """The content of an evidence file (bukti dukung) on a server database."""

    __tablename__ = "evidence_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True, info={"label": "Sidik berkas bukti", **SHA256})
    size: Mapped[int] = mapped_column(BigInteger, info={"label": "Ukuran berkas bukti", "min": 0, "max": 1 << 40})
    content: Mapped[bytes] = mapped_column(LargeBinary, info={"label": "Isi berkas bukti", "max_length": 1 << 30})
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class LockBypass(Base):
    """A maintenance transaction's permission to write signed or closed rows as they are (never committed)."""

    __tablename__ = "lock_bypass"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    reason: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
