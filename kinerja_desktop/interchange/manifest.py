"""Manifests of backup files and packages: fields, strict parsing, member checksums, HMAC signatures."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .archive import Limits, SafeZipReader
from .codec import dumps, loads
from .errors import (
    ChecksumError,
    CorruptArchiveError,
    ManifestError,
    SignatureError,
    UnsafeMemberError,
    WrongFileKindError,
)

FORMAT_VERSION = 1  # a backup, and a package whose rows.json lists every table's rows as entries
# a package whose rows.json may also hold a table as its column names and one array of values per row (a master
# package): an older app refuses it by its version, with a message, instead of misreading it
COLUMNS_FORMAT_VERSION = 2
BACKUP_FORMAT = "kinerja-backup"
PACKAGE_FORMAT = "kinerja-paket"
NEWEST_VERSION = {BACKUP_FORMAT: FORMAT_VERSION, PACKAGE_FORMAT: COLUMNS_FORMAT_VERSION}
KIND_FIELD = "lapangan"
KIND_MASTER = "induk"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATABASE_MEMBER = "database.sqlite"
ROWS_MEMBER = "rows.json"
EVIDENCE_PREFIX = "bukti/"

# The limits are what the archive declares and is checked against, not fixed sizes a large regency outgrows:
# the manifest lists every member with its size and hash (each listed member must be in the archive and match),
# so it may take 1 MiB plus 1 KiB per member the archive declares (an entry is at most ≈ 530 bytes: a name of
# ≤ 400 characters, a SHA-256, a size). A backup's members are streamed to disk, never held in memory: their
# total is checked against the free disk space by the restore, not capped here. A package's are read into
# memory and keep a total. The ratio of unpacked to packed size still refuses bombs.
MANIFEST_ENTRY_BYTES = 1 << 10
MANIFEST_LIMITS = Limits(max_member=1 << 20, max_ratio=100, per_member=MANIFEST_ENTRY_BYTES, max_total=None)
SIGNATURE_LIMITS = Limits(max_member=256, max_ratio=100, max_total=None)
ROWS_LIMITS = Limits(max_member=256 << 20, max_ratio=200)
EVIDENCE_LIMITS = Limits(max_member=100 << 20, max_ratio=100)
BACKUP_EVIDENCE_LIMITS = Limits(max_member=4 << 30, max_ratio=100, max_total=None)
DATABASE_LIMITS = Limits(max_member=4 << 30, max_ratio=200, max_total=None)

_HEX64 = re.compile(r"^[0-9a-f]{64}\Z")  # \Z, not "$": "$" matches before a final line break
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


_UUID_LINES = re.compile(r"(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n)*")


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value))


def all_uuids(values: list[Any]) -> bool:
    """:func:`is_uuid` of every value, told by one match over them all (a package's ids, thousands at a time):
    texts of 36 characters each, joined by line breaks, are that many UUIDs exactly when the whole matches (a
    text holding a line break cannot stand for two: two would be 73 characters)."""
    if not values or set(map(type, values)) != {str} or set(map(len, values)) != {36}:
        return all(map(is_uuid, values))
    return _UUID_LINES.fullmatch("\n".join(values) + "\n") is not None


def is_sha256(value: Any) -> bool:
    return isinstance(value, str) and bool(_HEX64.match(value))


def backup_member_limits(name: str) -> Limits | None:
    if name == MANIFEST:
        return MANIFEST_LIMITS
    if name == DATABASE_MEMBER:
        return DATABASE_LIMITS
    if name.startswith(EVIDENCE_PREFIX):
        return BACKUP_EVIDENCE_LIMITS
    return None


def package_member_limits(name: str) -> Limits | None:
    if name == MANIFEST:
        return MANIFEST_LIMITS
    if name == SIGNATURE:
        return SIGNATURE_LIMITS
    if name == ROWS_MEMBER:
        return ROWS_LIMITS
    if name.startswith(EVIDENCE_PREFIX) and is_sha256(name[len(EVIDENCE_PREFIX) :]):
        return EVIDENCE_LIMITS
    return None


# Field name -> (type, required). Extra fields are allowed (a newer minor format), never interpreted.
_COMMON: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "format": (str, True),
    "format_version": (int, True),
    "app_version": (str, True),
    "schema_revision": (str, True),
    "created_at": (str, True),
    "files": (dict, True),
    "regency": ((dict, type(None)), True),
}
_BACKUP = {**_COMMON, "row_counts": (dict, True)}
_PACKAGE = {
    **_COMMON,
    "kind": (str, True),
    "package_id": (str, True),
    "source": (dict, True),
    "seq": (int, True),
    "scope": (list, True),
    "scope_codes": (list, False),
    "key_id": ((str, type(None)), True),
    "counts": (dict, False),
}


@dataclass(frozen=True)
class Manifest:
    data: dict[str, Any]
    raw: bytes

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.data["created_at"])

    @property
    def regency_name(self) -> str:
        regency = self.data.get("regency") or {}
        return str(regency.get("name") or "-")

    @property
    def regency_id(self) -> str | None:
        regency = self.data.get("regency") or {}
        return regency.get("id")


def build_manifest(fields: dict[str, Any]) -> bytes:
    return dumps(fields)


def read_manifest(reader: SafeZipReader, expected_format: str) -> Manifest:
    """Parse and check the manifest; every other member must be listed in it with its size and hash."""
    name = reader.name
    if MANIFEST not in reader.members:
        raise WrongFileKindError(name, _kind_label(expected_format), "tanpa manifes")
    raw, _ = reader.read_bytes(MANIFEST)
    try:
        data = loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ManifestError(name, f"bukan JSON yang sah ({str(exc)[:80]})") from None
    if not isinstance(data, dict):
        raise ManifestError(name, "bukan objek JSON")
    found = data.get("format")
    if found != expected_format:
        raise WrongFileKindError(name, _kind_label(expected_format), _kind_label(found))
    accept = backup_member_limits if expected_format == BACKUP_FORMAT else package_member_limits
    for member in reader.members:
        if accept(member) is None:
            raise UnsafeMemberError(name, member, "isian tidak dikenal")
    spec = _BACKUP if expected_format == BACKUP_FORMAT else _PACKAGE
    for key, (kind, required) in spec.items():
        if key not in data:
            if required:
                raise ManifestError(name, f"kolom “{key}” tidak ada")
            continue
        value = data[key]
        if isinstance(value, bool) and kind is int or not isinstance(value, kind):
            raise ManifestError(name, f"kolom “{key}” bertipe salah")
    if not 1 <= data["format_version"] <= NEWEST_VERSION[expected_format]:
        raise ManifestError(name, f"versi format {data['format_version']} belum dikenal aplikasi ini")
    try:
        created = datetime.fromisoformat(data["created_at"])
    except ValueError:
        raise ManifestError(name, "tanggal pembuatan tidak sah") from None
    del created
    regency = data["regency"]
    if regency is not None and not (is_uuid(regency.get("id")) and isinstance(regency.get("name"), str)):
        raise ManifestError(name, "data pemerintah daerah tidak sah")
    files = data["files"]
    for member, entry in files.items():
        if not (
            isinstance(entry, dict)
            and is_sha256(entry.get("sha256"))
            and isinstance(entry.get("size"), int)
            and not isinstance(entry.get("size"), bool)
        ):
            raise ManifestError(name, f"checksum isian “{str(member)[:80]}” tidak sah")
    listed = set(files)
    present = set(reader.members) - {MANIFEST, SIGNATURE}
    if present - listed:
        raise ManifestError(name, f"isian “{sorted(present - listed)[0]}” tidak tercantum di manifes")
    if listed - present:
        raise CorruptArchiveError(name, f"isian “{sorted(listed - present)[0]}” hilang")
    return Manifest(data=data, raw=raw)


def _kind_label(fmt: Any) -> str:
    labels = {
        BACKUP_FORMAT: "berkas cadangan Kinerja (.kinerja-backup)",
        PACKAGE_FORMAT: "paket Kinerja (.kinerja-paket)",
    }
    return labels.get(fmt, "berkas yang dikenal")


def verify_member(reader: SafeZipReader, manifest: Manifest, member: str, digest: str, size: int) -> None:
    entry = manifest["files"][member]
    if entry["sha256"] != digest or entry["size"] != size:
        raise ChecksumError(reader.name, member)


def read_verified(reader: SafeZipReader, manifest: Manifest, member: str) -> bytes:
    data, digest = reader.read_bytes(member)
    verify_member(reader, manifest, member, digest, len(data))
    return data


def read_verified_buffer(reader: SafeZipReader, manifest: Manifest, member: str) -> bytearray:
    """:func:`read_verified` into a buffer (read_buffer): a package's rows.json, consumed from the front."""
    data, digest = reader.read_buffer(member)
    verify_member(reader, manifest, member, digest, len(data))
    return data


def file_entry(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def sign(secret_hex: str, manifest_bytes: bytes) -> bytes:
    return hmac.new(bytes.fromhex(secret_hex), manifest_bytes, hashlib.sha256).hexdigest().encode("ascii")


def verify_signature(reader: SafeZipReader, manifest: Manifest, secret_hex: str) -> None:
    if SIGNATURE not in reader.members:
        raise SignatureError(reader.name, "paket tidak bertanda tangan")
    signature, _ = reader.read_bytes(SIGNATURE)
    if not hmac.compare_digest(signature.strip(), sign(secret_hex, manifest.raw)):
        raise SignatureError(reader.name, "tanda tangan tidak cocok (paket diubah atau kunci salah)")


def _any_member_limits(name: str) -> Limits | None:
    return package_member_limits(name) or backup_member_limits(name)


def open_archive(path: Path) -> SafeZipReader:
    """Open a backup or a package; :func:`read_manifest` then tells which it is and checks the members."""
    return SafeZipReader(Path(path), accept=_any_member_limits)
