"""Bookkeeping of backups and field packages (services/sync.py): who we are, what we received, what was deleted.

The centre (Bappeda, role ``pusat``) is the only authority over a row's version; a field laptop (role
``lapangan``) keeps, for every row it received, the values it received (the merge base) and derives what
it changed by comparing the row with that base. JSON columns hold rows encoded by
``kinerja_desktop.interchange.codec`` (plain strings, numbers, booleans and nulls).

Which tables travel is in :mod:`.sync_scope`; deletions are recorded as tombstones by :mod:`.tombstones`.

No postponed annotations (``from __future__``): Python evaluates ``Mapped[...]`` as each class is made, as in
``models.py`` (issue 20); a class not defined yet is named in quotes.
"""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked
from .types import utcnow

ROLE_CENTRE = "pusat"
ROLE_FIELD = "lapangan"

__all__ = [
    "ROLE_CENTRE",
    "ROLE_FIELD",
    "SyncBase",
    "SyncImport",
    "SyncInstallation",
    "SyncKey",
    "SyncPeer",
    "SyncReceived",
    "SyncTombstone",
]


class SyncInstallation(Tracked, Base):
    """This installation (one row): its identity, role and, on a laptop, its scope and signing key."""

    __tablename__ = "sync_installation"

    role: Mapped[str] = mapped_column(String(10))  # "pusat" | "lapangan"
    label: Mapped[str] = mapped_column(String(120), default="")
    regency_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    scope: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of OPD ids (laptop)
    key_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # given by the master package
    secret: Mapped[str | None] = mapped_column(String(64), nullable=True)  # hex HMAC key
    last_seq: Mapped[int] = mapped_column(Integer, default=0)  # last package sequence number written


class SyncKey(Tracked, Base):
    """Centre: a signing key handed out in a master package (the laptops set up from it sign with it)."""

    __tablename__ = "sync_key"

    secret: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of OPD ids; [] = every OPD
    label: Mapped[str] = mapped_column(String(200), default="")


class SyncPeer(Tracked, Base):
    """Another installation whose packages we imported, with the last sequence number received."""

    __tablename__ = "sync_peer"

    installation_id: Mapped[str] = mapped_column(String(36), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(120), default="")
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_import_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SyncBase(Tracked, Base):
    """Laptop: the values last received from the centre for a row (merge base) and the values last sent."""

    __tablename__ = "sync_base"
    __table_args__ = (UniqueConstraint("table_name", "row_id"),)

    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    base: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON; None = received as deleted
    sent: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON of the values last exported
    sent_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SyncReceived(Tracked, Base):
    """Centre: the values an installation last sent for a row, and the base they were made against."""

    __tablename__ = "sync_received"
    __table_args__ = (UniqueConstraint("installation_id", "table_name", "row_id"),)

    installation_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    row_values: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON; None = a deletion
    seq: Mapped[int] = mapped_column(Integer, default=0)
    # The central row it was merged into when both sides created "the same" row (same natural key).
    local_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class SyncTombstone(Tracked, Base):
    """A deleted row, kept so that the deletion travels in packages."""

    __tablename__ = "sync_tombstone"
    __table_args__ = (UniqueConstraint("table_name", "row_id"),)

    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    opd_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # scope; None = regency-wide
    origin: Mapped[str] = mapped_column(String(60), default="lokal")  # "lokal", "pusat" or a package
    deleted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    acked: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncImport(Tracked, Base):
    """The log of imported packages, for the GUI's list (when, from where, what changed)."""

    __tablename__ = "sync_import"

    package_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "lapangan" | "induk"
    source_installation_id: Mapped[str] = mapped_column(String(36))
    source_label: Mapped[str] = mapped_column(String(120), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    deleted: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="")  # JSON detail
