"""Declarative base: naming convention, UUID keys, timestamps and a row version on every table."""

from __future__ import annotations

import importlib
import sys
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, declared_attr, mapped_column

from .types import new_id, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Every module of models. Each is imported by whoever uses its classes, so a process loads (declares, maps,
# configures) only the models it touches: a one-PK ``print pk`` none of the AKIP, user, verification, exchange or
# server ones (issue 20). Whoever needs every table (copies, checks, the exchange, migrations) asks schema().
MODEL_MODULES = (
    "models",
    "agreement_models",  # part of models, imported alone by a PK's print
    "akip_models",
    "server_models",
    "sync_models",
    "user_models",
    "verification_models",
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def schema() -> MetaData:
    """The metadata of the whole schema: every module of models imported first, then ``Base.metadata``.
    Never read ``Base.metadata`` itself for its list of tables: it holds only the models imported so far
    (tests/db/test_schema.py checks that no module does). Cheap after the first call (the exchange asks per row)."""
    global _whole_schema
    if not _whole_schema:
        for name in MODEL_MODULES:
            importlib.import_module(f"{__package__}.{name}")
        _whole_schema = True
    return Base.metadata


_whole_schema = False  # schema() has imported every module of models


def _declare_models() -> None:
    """Before mappers are configured: ``db.models`` declared where ``db.agreement_models`` is, so that a process
    that imported only the latter (a PK's print) finds the classes and tables it names but does not import. Other
    modules of models import what they name themselves."""
    if f"{__package__}.agreement_models" in sys.modules and f"{__package__}.models" not in sys.modules:
        importlib.import_module(f"{__package__}.models")


event.listen(Mapper, "before_configured", _declare_models)


class Tracked:
    """UUID key, created/updated timestamps and a version bumped on every update.

    The version doubles as optimistic locking: two windows saving the same row cannot silently
    overwrite each other.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr protocol
        return {"version_id_col": cls.version}  # type: ignore[attr-defined]
