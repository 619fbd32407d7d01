"""Who may sign in: the app's users, their role and the OPDs an operator works for.

Passwords are stored only as a memory-hard hash (argon2id, ``services/users.py``); a row remembers the
failed sign-ins in a row and when a lock-out ends. Users stay at the centre: field packages do not carry
them (``sync_scope`` does not list them), a laptop has its own.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from . import models  # noqa: F401 - the tables its keys refer to (opd…): the ORM resolves them on a write
from .base import Base, Tracked


class AppUser(Tracked, Base):
    """A person who signs in: a short login name, the full name, a role and (for an operator) OPDs."""

    __tablename__ = "app_user"

    name: Mapped[str] = mapped_column(String(60), unique=True, info={"label": "Nama pengguna"})
    full_name: Mapped[str] = mapped_column(String(200), default="", info={"label": "Nama lengkap"})
    role: Mapped[str] = mapped_column(String(20), info={"label": "Peran"})
    password_hash: Mapped[str] = mapped_column(String(200), info={"label": "Sandi (tersandi)"})
    active: Mapped[bool] = mapped_column(Boolean, default=True, info={"label": "Aktif"})
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, info={"label": "Gagal masuk"})
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, info={"label": "Terkunci sampai"})

    opds: Mapped[list[UserOpd]] = relationship(back_populates="user", cascade="all, delete-orphan")


class UserOpd(Tracked, Base):
    """One OPD an operator works for."""

    __tablename__ = "app_user_opd"
    __table_args__ = (UniqueConstraint("user_id", "opd_id"),)

    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    opd_id: Mapped[str] = mapped_column(ForeignKey("opd.id"), index=True)

    user: Mapped[AppUser] = relationship(back_populates="opds")
