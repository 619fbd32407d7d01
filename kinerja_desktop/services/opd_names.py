"""How a person names a perangkat daerah on the command line: by its SIPD code or its abbreviation, in any case.

Every verb that takes ``--opd`` finds the OPD here, so ``Dinkes``, ``DINKES`` and ``1.02.0.00.0.00.01.0000`` name
the same OPD for ``users add`` as for ``print``, ``verification``, ``audit`` or ``lkjip``, with one message when
nothing matches.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from ..db.models import Opd
from .errors import ValidationError


def names_opd(text: str, code: str, abbreviation: str) -> bool:
    """Whether ``text`` names the OPD with this code and abbreviation."""
    wanted = text.strip().casefold()
    return bool(wanted) and wanted in (code.casefold(), abbreviation.casefold())


def named(text: str) -> ColumnElement[bool]:
    """The SQL condition :func:`names_opd` puts into words, for a query over ``Opd``."""
    wanted = text.strip().lower()
    return or_(func.lower(Opd.code) == wanted, func.lower(Opd.abbreviation) == wanted)


def not_found(text: str, *, active: bool = False, field: str = "opd") -> ValidationError:
    which = "aktif " if active else ""
    return ValidationError.single(
        field, f"Perangkat daerah {which}dengan kode atau singkatan “{text.strip()}” tidak ada"
    )


def opd_id_named(session: Session, text: str, *, active: bool = False, field: str = "opd") -> str:
    """The id of the OPD ``text`` names (only an active one when ``active``), or a ValidationError naming it."""
    query = select(Opd.id).where(named(text))
    if active:
        query = query.where(Opd.is_active.is_(True))
    found = session.scalars(query.order_by(Opd.code)).first() if text.strip() else None
    if found is None:
        raise not_found(text, active=active, field=field)
    return found
