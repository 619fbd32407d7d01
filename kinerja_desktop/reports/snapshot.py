"""A printed document kept as text: what a final or signed PK, or a Pakta Integritas, is frozen as.

A snapshot is JSON ``{"schema", "document"}``: ``document`` is the document's canonical form (the very values
its fingerprint hashes, see ``fingerprint.py``), naming its images (the logo) by their SHA-256. The images are
kept apart, once each however many documents print them (:func:`assets_of` lists them; :func:`from_snapshot`
is given a way to find them). So the fingerprint of a stored snapshot is computed without rebuilding it, and a
reprint rebuilt from it is the same document with the same fingerprint whatever changed in the records since.
Pure Python.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from kinerja_desktop.reports import data, templates
from kinerja_desktop.reports.fingerprint import SCHEMA, canonical_form, fingerprint_of_form


def _dataclasses_of(*modules: types.ModuleType) -> dict[str, type]:
    return {
        name: value
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, type) and dataclasses.is_dataclass(value)
    }


# Every class a snapshot may name, by the name its canonical form carries: the quarter's documents' ones
# (reports.data_quarter) added when a snapshot first names one not found here (a PK's never does).
_CLASSES: dict[str, type] = _dataclasses_of(data, templates)


def _class(name: str) -> type:
    if name not in _CLASSES:
        from kinerja_desktop.reports import data_quarter

        _CLASSES.update(_dataclasses_of(data_quarter))
    return _CLASSES[name]


class SnapshotError(ValueError):
    """A stored snapshot that cannot be read back (damaged, or from an unknown schema)."""


Assets = Callable[[str], bytes | None]  # the image of a SHA-256, None when it is not kept


def assets_of(value: Any, found: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The images a document prints, by their SHA-256."""
    found = {} if found is None else found
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            assets_of(getattr(value, f.name), found)
    elif isinstance(value, bytes | bytearray):
        found[hashlib.sha256(bytes(value)).hexdigest()] = bytes(value)
    elif isinstance(value, list | tuple):
        for item in value:
            assets_of(item, found)
    return found


def to_snapshot(doc: Any) -> str:
    """The document as snapshot text (its images named by their SHA-256: keep them with :func:`assets_of`)."""
    payload = {"schema": SCHEMA, "document": canonical_form(doc)}
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _load(text: str) -> dict[str, Any]:
    try:
        payload = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise SnapshotError("salinan dokumen yang tersimpan rusak (bukan JSON)") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("document"), dict):
        raise SnapshotError("salinan dokumen yang tersimpan rusak (tanpa isi dokumen)")
    if payload.get("schema") != SCHEMA:
        raise SnapshotError(f"salinan dokumen dari skema yang tidak dikenal: {payload.get('schema')!r}")
    return payload


def snapshot_fingerprint(text: str) -> str:
    """The fingerprint of the document a snapshot holds (as printed from it)."""
    payload = _load(text)
    return fingerprint_of_form(payload["document"], payload["schema"])


def from_snapshot(text: str, assets: Assets) -> Any:
    """The document a snapshot holds, as its dataclass, its images found by ``assets``; refuses an image that
    is missing or does not match its SHA-256."""
    payload = _load(text)
    try:
        return _build(payload["document"], assets)
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise SnapshotError(f"salinan dokumen yang tersimpan tidak dapat dibaca ({exc})") from exc


def _build(form: dict[str, Any], assets: Assets) -> Any:
    cls = _class(form["@type"])
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in form:  # a field the snapshot predates keeps its default
            values[f.name] = _value(form[f.name], hints[f.name], assets)
    return cls(**values)


def _value(value: Any, hint: Any, assets: Assets) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if isinstance(value, dict) and "@type" in value:
            return _build(value, assets)
        for wanted in (Decimal, int, str, bytes):
            if wanted in options:
                return _value(value, wanted, assets)
        return _value(value, options[0], assets)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_value(v, item, assets) for v in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(value, assets)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint is bool:
        if not isinstance(value, bool):
            raise TypeError(f"nilai ya/tidak diharapkan, bukan {value!r}")
        return value
    if hint is int:
        return int(value)
    if hint is Decimal:
        return Decimal(value)
    if hint is date:
        return date.fromisoformat(value)
    if hint is bytes:
        digest = value["sha256"]
        content = assets(digest)
        if content is None:
            raise ValueError(f"gambar {digest[:8]} dari dokumen ini tidak tersimpan")
        if hashlib.sha256(content).hexdigest() != digest:
            raise ValueError("gambar pada salinan dokumen tidak sesuai sidiknya")
        return content
    if hint is str:
        if not isinstance(value, str):
            raise TypeError(f"teks diharapkan, bukan {value!r}")
        return value
    raise TypeError(f"jenis isian tidak dikenal: {hint!r}")
