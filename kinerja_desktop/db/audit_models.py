"""Models of the audit trail, its summaries and its field-level rows (apart from db/models.py, which names them: its
docstring says why).
"""

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .types import new_id, utcnow


class AuditLog(Base):
    """Who changed what, when, and from where (the app, the CLI or an imported package)."""

    __tablename__ = "audit_log"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(120), default="")
    origin: Mapped[str] = mapped_column(String(120), default="app")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON of changed fields
    # The transaction (change set) this entry describes and its place in it: the field-level rows
    # (AuditChange) of the same change set up to this ``seq`` are its before/after (services/audit_log.py).
    change_set: Mapped[str] = mapped_column(String(36), default="", index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    opd_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)  # no FK: the trail outlives
    # the OPD


class AuditChange(Base):
    """One row inserted, updated or deleted, with its changed fields' values before and after (JSON).

    Written by the session hook (``db/audit_hook.py``) for every row the ORM flushes, in the same transaction;
    the database refuses to update or delete it (``db/audit_triggers.py``).
    """

    __tablename__ = "audit_change"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    change_set: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(120), default="")
    origin: Mapped[str] = mapped_column(String(120), default="app")
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36), default="")
    operation: Mapped[str] = mapped_column(String(10))  # tambah | ubah | hapus
    opd_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    changes: Mapped[str] = mapped_column(Text, default="{}")  # {"field": [before, after]} (audit_hook.encode)
