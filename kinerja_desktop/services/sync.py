"""Field packages between kecamatan laptops and Bappeda: export, preview, merge on import.

The GUI and the CLI import from here; the work is done in :mod:`.sync_export` (writing packages),
:mod:`.sync_import` (preview and merge), :mod:`.sync_status` (this installation, the import log, what waits
to be sent) and :mod:`.sync_labels` (conflicts as people read them). The design:

* The centre (Bappeda, role ``pusat``) is the only authority; it numbers row versions. A laptop (role
  ``lapangan``) is set up from a *master package* (regency, OPDs, Renstra, agreements) that also gives
  it a signing key. A laptop remembers for each row the values it last received (``sync_base``: one
  compressed snapshot per table, a row of its own only for a row sent back, interchange/rows.py) and
  derives what it changed by comparing with them; no timestamp is ever used to decide.
* A *field package* carries, signed (HMAC-SHA256), every row of the laptop's OPDs that differs from its
  base, with that base, plus its deletions (tombstones). Packages are cumulative (everything not yet
  acknowledged by the centre) and numbered per installation: a replay or an older package changes
  nothing, a gap is reported (and harmless, the next package holds everything).
* The centre merges field by field against the base (three-way). It remembers per installation the
  values last received (``sync_received``), so re-sending an edit it already decided is not a new
  conflict. A field changed on one side only takes that side; changed on both to different values is
  a conflict the user decides (per field, or all for one side); an edit against a deletion is a
  conflict; signed agreements (and their items and programs) are never overwritten: such changes are
  refused and reported. Rows that both sides created with the same natural key (e.g. a target of the
  same indicator and year) are treated as one row: fields merged two-way, the alias remembered.
* The return path: a master package re-imported by a laptop refreshes it. The centre's values win,
  except local edits the centre has not seen yet (edits after the last package the centre
  acknowledged), which stay pending and are sent again; the merge base advances.
* Every import is one transaction, idempotent, previewed before anything is written, and audited with
  the package's origin.
"""

from __future__ import annotations

from ..db.evidence import evidence_path
from ..interchange.enrolment import format_code as format_enrolment_code
from ..interchange.enrolment import normalise_code as normalise_enrolment_code
from ..interchange.errors import EnrolmentCodeError, SignatureError
from ..interchange.manifest import KIND_FIELD, KIND_MASTER
from ..interchange.merge import PREFER_CENTRAL, PREFER_PACKAGE, Conflict, Refusal
from ..interchange.package import IncomingRow, IncomingTombstone
from .sync_export import (
    PACKAGE_SUFFIX,
    ExportResult,
    export_field_package,
    export_master_package,
    export_package,
)
from .sync_import import ImportPreview, ImportReport, import_package, preview_import
from .sync_labels import ConflictView, conflict_view, refusal_label
from .sync_status import ImportLogEntry, InstallationInfo, import_log, installation_info, pending_changes

__all__ = [
    "KIND_FIELD",
    "KIND_MASTER",
    "PACKAGE_SUFFIX",
    "PREFER_CENTRAL",
    "PREFER_PACKAGE",
    "Conflict",
    "ConflictView",
    "EnrolmentCodeError",
    "ExportResult",
    "ImportLogEntry",
    "ImportPreview",
    "ImportReport",
    "IncomingRow",
    "IncomingTombstone",
    "InstallationInfo",
    "Refusal",
    "SignatureError",
    "conflict_view",
    "evidence_path",
    "export_field_package",
    "export_master_package",
    "export_package",
    "format_enrolment_code",
    "import_log",
    "import_package",
    "installation_info",
    "normalise_enrolment_code",
    "pending_changes",
    "preview_import",
    "refusal_label",
]
