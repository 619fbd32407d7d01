"""What a laptop's field package may change at the centre: its scope, never a signed PK, never a closed quarter.

Every kind of change a field package carries is checked here, against the row as the package sends it
(its new parent) and against the centre's row (its old parent), so that moving a row cannot carry it out
of the laptop's scope, out of a closed quarter, or into or out of a signed Perjanjian Kinerja:

* rows and tombstones outside the package's OPDs refuse the whole package (a laptop never makes them);
* officials are regency-wide: a laptop may add one, and change or delete one only while every OPD it
  heads at the centre is in the laptop's scope;
* rows of a signed (or replaced) agreement, and realisations of a quarter the centre has closed
  (``quarter_closure``) with their evidence, are refused one by one and reported.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from ..db.sync_scope import AGREEMENT_CHILDREN, SIGNED_STATUSES, UNKNOWN, connection_lookup, metadata_tables, opd_of
from .errors import MalformedContentError
from .package import Package

SIGNED = "perjanjian sudah ditandatangani; perubahan dari paket ditolak"
CLOSED = "triwulan {quarter} tahun {year} sudah ditutup Bappeda; perubahan dari paket ditolak"
FOREIGN_HEAD = "pejabat ini juga kepala perangkat daerah di luar cakupan laptop; perubahan dari paket ditolak"

QUARTER_TABLES = ("indicator_realization", "budget_realization")
DECIDED = "verifikasi atau pengembalian hanya diputuskan Bappeda di pusat; perubahan dari paket ditolak"
DECIDED_STATES = frozenset(("diverifikasi", "dikembalikan"))  # domain/verification.py's Bappeda-only states

Row = dict[str, Any] | None


class Admission:
    """The centre's rules for one field package, with what they need loaded once."""

    def __init__(self, conn: Connection, package: Package) -> None:
        self.conn = conn
        self.name = package.name
        self.scope = set(package.scope)
        self.incoming = {(t, r.id): r.values for t, rows in package.rows.items() for r in rows}
        self.centre = connection_lookup(conn)
        tables = metadata_tables()
        agreements = tables["performance_agreement"]
        self.signed = {
            r.id
            for r in conn.execute(select(agreements.c.id, agreements.c.status))
            if getattr(r.status, "value", r.status) in SIGNED_STATUSES
        }
        closures = tables["quarter_closure"]
        self.closed = {(r.year, r.quarter) for r in conn.execute(select(closures.c.year, closures.c.quarter))}
        # The OPDs whose positions each official held (the head's or another): a laptop may not change an
        # official of another OPD.
        holders, positions = tables["position_holder"], tables["position"]
        self.heads: dict[str, set[str]] = {}
        for r in conn.execute(
            select(holders.c.official_id, positions.c.opd_id).join(positions, positions.c.id == holders.c.position_id)
        ):
            self.heads.setdefault(r.official_id, set()).add(r.opd_id)
        self._realisations: dict[str, Row] = {}

    # ------------------------------------------------------------------------------------------- scope

    def _new_lookup(self, table: str, row_id: str) -> Row:
        return self.incoming.get((table, row_id)) or self.centre(table, row_id)

    def check_scope(self, table: str, incoming: Row, central: Row) -> None:
        """Refuse the package when the row, where it goes or where it was, lies outside its OPDs."""
        for values, lookup in ((incoming, self._new_lookup), (central, self.centre)):
            if values is None:
                continue
            opd = opd_of(table, values, lookup)
            if table == "official" or opd == UNKNOWN:
                continue  # regency-wide (see refusal), or a missing parent: the foreign-key check reports it
            if opd not in self.scope:
                what = "penghapusan baris" if incoming is None else "baris"
                detail = f"{what} {table} {values['id']} berada di luar cakupan OPD paket"
                raise MalformedContentError(self.name, detail)

    # ------------------------------------------------------------------------------------------ refusals

    def refusal(self, table: str, incoming: Row, central: Row, base: Row = None) -> str | None:
        """Why this change (insert, update, move or deletion) is refused, or None when it may be applied."""
        for values, is_new in ((incoming, True), (central, False)):
            if values is None:
                continue
            reason = self._locked(table, values, is_new)
            if reason:
                return reason
        if self._decides(table, incoming, base):
            return DECIDED
        if table == "official" and central is not None:
            outside = self.heads.get(central["id"], set()) - self.scope
            if outside:
                return FOREIGN_HEAD
        return None

    @staticmethod
    def _decides(table: str, incoming: Row, base: Row) -> bool:
        """A laptop submits (Diajukan); only the centre's Bappeda verifies or returns: a package whose row takes a
        decision, or marks a realisation verified, that the laptop did not receive from the centre (its ``base``)
        is refused."""
        if incoming is None:
            return False
        if table in ("verification", "verification_event"):
            received = base is not None and base.get("state") == incoming.get("state")
            return incoming.get("state") in DECIDED_STATES and not received
        if table == "indicator_realization" and incoming.get("verified"):
            return base is None or not base.get("verified")
        return False

    def _locked(self, table: str, values: dict[str, Any], is_new: bool) -> str | None:
        if table == "performance_agreement" and values["id"] in self.signed:
            return SIGNED
        if table in AGREEMENT_CHILDREN and values.get("agreement_id") in self.signed:
            return SIGNED
        if table in QUARTER_TABLES:
            return self._closed(values)
        if table == "evidence":
            realisation = self._realisation(values.get("realization_id"), is_new)
            return self._closed(realisation) if realisation is not None else None
        return None

    def _closed(self, values: dict[str, Any]) -> str | None:
        key = (values.get("year"), values.get("quarter"))
        if key in self.closed:
            return CLOSED.format(year=key[0], quarter=key[1])
        return None

    def _realisation(self, row_id: str | None, incoming_first: bool) -> Row:
        """A realisation's year and quarter: the package's version for a new parent, else the centre's."""
        if row_id is None:
            return None
        if incoming_first and ("indicator_realization", row_id) in self.incoming:
            return self.incoming[("indicator_realization", row_id)]
        if row_id not in self._realisations:
            t = metadata_tables()["indicator_realization"]
            found = self.conn.execute(select(t.c.id, t.c.year, t.c.quarter).where(t.c.id == row_id)).first()
            self._realisations[row_id] = dict(found._mapping) if found is not None else None
        return self._realisations[row_id]
