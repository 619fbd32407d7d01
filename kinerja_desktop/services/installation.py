"""This database's place in the exchange of field packages, as the Cadangan & Paket screen shows it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..db.database import Database
from ..interchange.manifest import KIND_MASTER
from . import opd, sync
from .sync_status import ImportLogEntry


class Role(Enum):
    NONE = "belum"  # has not yet exported or imported a package
    CENTRE = "pusat"  # Bappeda
    FIELD = "lapangan"  # a kecamatan laptop


@dataclass(frozen=True)
class ExchangeStatus:
    role: Role
    label: str  # the installation's name (a computer's name for a laptop)
    scope: tuple[str, ...]  # laptop: the abbreviations of its OPDs, sorted
    pending: int  # laptop: rows changed here and not yet sent to the centre
    last_seq: int  # centre: the number of the last master package
    received: int  # centre: field packages imported
    log: tuple[ImportLogEntry, ...]  # the packages imported here, newest first


def exchange_status(db: Database) -> ExchangeStatus:
    """Role, scope, what waits to be sent and what was received."""
    me = sync.installation_info(db)
    log = tuple(sync.import_log(db))
    if me is None:
        return ExchangeStatus(Role.NONE, "", (), 0, 0, 0, log)
    if me.on_laptop:
        names = {o.id: o.abbreviation for o in opd.list_opds(db, include_inactive=True)}
        scope = tuple(sorted(names.get(i, "?") for i in me.scope))
        return ExchangeStatus(Role.FIELD, me.label, scope, sync.pending_changes(db), me.last_seq, 0, log)
    received = sum(1 for entry in log if entry.kind != KIND_MASTER)
    return ExchangeStatus(Role.CENTRE, me.label, (), 0, me.last_seq, received, log)
