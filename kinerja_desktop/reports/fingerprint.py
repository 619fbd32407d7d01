"""Fingerprints of printed documents, so a signed paper or PDF can be checked against the database.

The fingerprint is the SHA-256 of a canonical JSON of the document's dataclass content: every
printed field is in it (texts of the template, the logo's bytes by their hash). A field added to a document
class later carries ``metadata={"since": …}`` and is left out while it holds its default, so the documents
signed before it keep their fingerprint. Numbers are written
in a canonical form (``Decimal("92.50")`` and ``Decimal("92.5000")`` give the same string), so values
reloaded from a database with another scale still verify. The PDF carries it three ways: the footer
short code, the QR code and the document information keys read back by :func:`read_fingerprint`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import IO, Any

SCHEMA = "kinerja-desktop/1"
INFO_DOCUMENT_KEY = "/KinerjaDocument"
INFO_FINGERPRINT_KEY = "/KinerjaFingerprint"
INFO_SCHEMA_KEY = "/KinerjaSchema"
INFO_DATE_KEY = "/KinerjaDate"  # the date the document carries, ISO
INFO_SOURCE_KEY = "/KinerjaSource"  # the database it was printed from
QR_PREFIX = "KINERJA"


def _is_default(f: dataclasses.Field, value: Any) -> bool:
    if f.default is not dataclasses.MISSING:
        return bool(value == f.default)
    if f.default_factory is not dataclasses.MISSING:
        return bool(value == f.default_factory())
    return False


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        content = {
            f.name: _canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.metadata.get("unprinted")
            and not ("since" in f.metadata and _is_default(f, getattr(value, f.name)))
        }
        return {"@type": type(value).__name__, **content}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | Decimal):
        dec = Decimal(value)
        if not dec.is_finite():
            raise ValueError(f"Nilai tidak terhingga tidak dapat dicetak: {value}")
        text = format(dec.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return {"sha256": hashlib.sha256(bytes(value)).hexdigest()}
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    raise TypeError(f"Cannot fingerprint a {type(value).__name__}")


def canonical_form(doc: Any) -> Any:
    """The document as plain JSON values (what the fingerprint hashes and a snapshot keeps)."""
    return _canonical(doc)


def canonical_json(doc: Any) -> str:
    """The exact text that is hashed; stable across runs and Python versions."""
    return _dump({"schema": SCHEMA, "document": _canonical(doc)})


def _dump(payload: Any) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint(doc: Any) -> str:
    """SHA-256 (64 hex digits, lower case) of the document's printed content."""
    return hashlib.sha256(canonical_json(doc).encode("utf-8")).hexdigest()


def fingerprint_of_form(form: Any, schema: str = SCHEMA) -> str:
    """The fingerprint of a document already in its canonical form (a stored snapshot's)."""
    return hashlib.sha256(_dump({"schema": schema, "document": form}).encode("utf-8")).hexdigest()


def short_code(hex_digest: str) -> str:
    """The first 32 bits, as printed in the footer: ``3F9A-12C4``."""
    head = hex_digest[:8].upper()
    return f"{head[:4]}-{head[4:]}"


def footer_code(identity: str, hex_digest: str) -> str:
    """``PK-2026-DINKES-v1 · 3F9A-12C4``."""
    return f"{identity} \u00b7 {short_code(hex_digest)}"


def qr_payload(identity: str, hex_digest: str) -> str:
    """What the QR code holds: ``KINERJA:PK-2026-DINKES-V1:<64 HEX>``.

    Upper case so the QR encodes in alphanumeric mode (a smaller symbol, quicker to make and to
    scan); compare identities case-insensitively when reading it back (:func:`parse_qr_payload`).
    """
    return f"{QR_PREFIX}:{identity}:{hex_digest}".upper()


def parse_qr_payload(text: str) -> tuple[str, str] | None:
    """``(identity, fingerprint)`` from a scanned QR text, identity upper-cased; None if not ours."""
    parts = text.strip().split(":")
    if len(parts) != 3 or parts[0].upper() != QR_PREFIX:
        return None
    digest = parts[2].lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        return None
    return parts[1].upper(), digest


def read_fingerprint(pdf: str | Path | IO[bytes]) -> dict[str, str] | None:
    """Read identity and fingerprint back from a PDF made by this app; None if it carries none.

    Returns ``{"identity", "fingerprint", "short_code", "schema", "title", "date", "source"}`` (date and source
    empty when the printout predates them).
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(pdf) if isinstance(pdf, Path) else pdf)
        info = reader.metadata
    except (PdfReadError, OSError, ValueError):
        return None
    if not info:
        return None
    identity = info.get(INFO_DOCUMENT_KEY)
    digest = info.get(INFO_FINGERPRINT_KEY)
    if not identity or not digest:
        return None
    digest = str(digest).strip().lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        return None
    return {
        "identity": str(identity),
        "fingerprint": digest,
        "short_code": short_code(digest),
        "schema": str(info.get(INFO_SCHEMA_KEY, "")),
        "title": str(info.get("/Title", "")),
        "date": str(info.get(INFO_DATE_KEY, "")),
        "source": str(info.get(INFO_SOURCE_KEY, "")),
    }
